#!/usr/bin/env bash
# Builds the release Debian package: a separate build tree for any x86-64 CPU (no -march=native),
# Debian's hardening flags, installed under /usr; then `cpack -G DEB` and lintian.
# Usage: scripts/package.sh [extra cmake -D options]. The .deb lands in $CRYPTOPREDICT_PACKAGE_DIR
# (default: build-package/ in the checkout). docs/packaging.md explains every step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CRYPTOPREDICT_PACKAGE_DIR:-$root/build-package}"
jobs="${CRYPTOPREDICT_JOBS:-$(nproc)}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
export CCACHE_NOHASHDIR=1

# Debian's own compiler and linker flags for packages (stack protector, fortify, relro, bindnow,
# CET). -g is dropped: cpack strips the binaries and no debug-symbol package is made.
export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
cxxflags="$(echo "$cxxflags" | sed -e 's/\(^\| \)-g\( \|$\)/ /g' -e "s|-ffile-prefix-map=[^ ]*|-ffile-prefix-map=$root=.|")"
ldflags="$(dpkg-buildflags --get LDFLAGS)"

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DCRYPTOPREDICT_NATIVE_ARCH=OFF \
    -DCRYPTOPREDICT_BUILD_TESTS=OFF \
    -DCRYPTOPREDICT_BUILD_BENCHMARKS=OFF \
    "-DCMAKE_CXX_FLAGS=$cxxflags" \
    "-DCMAKE_EXE_LINKER_FLAGS=$ldflags" \
    "$@"
cmake --build "$build" -j "$jobs"
(cd "$build" && cpack -G DEB)
deb="$(ls -t "$build"/cryptopredict_*.deb | head -n 1)"
echo "package: $deb"
dpkg-deb --field "$deb"

if command -v lintian >/dev/null; then
    # Fails on any error or warning that installer/linux/lintian-overrides does not explain.
    lintian --fail-on error,warning --display-info "$deb"
else
    echo "package.sh: lintian not installed (Debian: lintian); package not checked." >&2
fi
