#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring (a real
# Secret Service), so keychain tests never touch the user's keyring. Exports
# CRYPTOPREDICT_TEST_KEYCHAIN=1 once a secret-tool store/lookup round trip has worked.
set -euo pipefail
if [ -z "${CRYPTOPREDICT_KEYCHAIN_DIR:-}" ]; then
    for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
        command -v "$tool" >/dev/null || {
            echo "with-keychain: $tool not found (install dbus, gnome-keyring, libsecret-tools)." >&2
            exit 1
        }
    done
    dir="$(mktemp -d /tmp/cryptopredict-keychain.XXXXXX)"
    chmod 700 "$dir"
    mkdir -m 700 "$dir/run" "$dir/data"
    trap 'rm -rf "$dir"' EXIT
    # The keyring files and the daemon's control socket go to the temporary directory; the
    # D-Bus daemon passes this environment on to a keyring it activates.
    set +e
    CRYPTOPREDICT_KEYCHAIN_DIR="$dir" CRYPTOPREDICT_CALLER_DATA_HOME="${XDG_DATA_HOME-}" \
        XDG_RUNTIME_DIR="$dir/run" XDG_DATA_HOME="$dir/data" dbus-run-session -- "$0" "$@"
    status=$?
    set -e
    exit $status
fi

# Inside the private session: a login keyring with a known password, unlocked.
printf '%s' "cryptopredict-test" |
    gnome-keyring-daemon --unlock --components=secrets >"$CRYPTOPREDICT_KEYCHAIN_DIR/daemon.env"
probe="probe-$$-$RANDOM"
ok=""
for attempt in 1 2 3 4 5; do
    if printf '%s' "$probe" | secret-tool store --label "CryptoPredict test probe" \
        service cryptopredict-test key probe 2>/dev/null &&
        [ "$(secret-tool lookup service cryptopredict-test key probe 2>/dev/null)" = "$probe" ]; then
        ok=yes
        break
    fi
    sleep 1
done
[ -n "$ok" ] || { echo "with-keychain: the test keyring does not answer." >&2; exit 1; }
secret-tool clear service cryptopredict-test key probe || true
echo "with-keychain: gnome-keyring on a private D-Bus session ($DBUS_SESSION_BUS_ADDRESS)"
export CRYPTOPREDICT_TEST_KEYCHAIN=1
unset CRYPTOPREDICT_KEYCHAIN_DIR
# The command sees the caller's data directory again (the keyring's stays private).
if [ -n "${CRYPTOPREDICT_CALLER_DATA_HOME:-}" ]; then
    export XDG_DATA_HOME="$CRYPTOPREDICT_CALLER_DATA_HOME"
else
    unset XDG_DATA_HOME
fi
unset CRYPTOPREDICT_CALLER_DATA_HOME
exec "$@"
