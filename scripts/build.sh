#!/usr/bin/env bash
# Configures and builds CryptoPredict into build/ (Release, Ninja, ccache when present).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CRYPTOPREDICT_BUILD_DIR:-$root/build}"
jobs="${CRYPTOPREDICT_JOBS:-$(nproc)}"
# Paths relative to the checkout in ccache's keys: a fresh clone elsewhere reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
export CCACHE_NOHASHDIR=1
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi
cmake --build "$build" -j "$jobs"
