#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, starts a throwaway PostgreSQL
# and runs every test (each database test on SQLite and PostgreSQL; GUI tests offscreen).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/install-deps.sh"
"$root/scripts/build.sh"
build="${CRYPTOPREDICT_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
# Tests must not touch the user's real settings or database.
export XDG_CONFIG_HOME XDG_DATA_HOME HOME
scratch_home="$(mktemp -d /tmp/cryptopredict-test-home.XXXXXX)"
trap 'rm -rf "$scratch_home"' EXIT
XDG_CONFIG_HOME="$scratch_home/config"; XDG_DATA_HOME="$scratch_home/data"; HOME="$scratch_home"
# A throwaway Secret Service (gnome-keyring on a private D-Bus) for the keychain tests.
"$root/scripts/with-keychain.sh" \
    "$root/scripts/with-postgres.sh" ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
