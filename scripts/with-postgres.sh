#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server: data directory and unix socket in a
# temporary directory, a private port on 127.0.0.1, fsync off. Exports CRYPTOPREDICT_TEST_PG
# (a superuser URL, trust auth) and CRYPTOPREDICT_TEST_PG_AUTH_URL / _PASSWORD (a user that
# must give a password), and stops and removes the server when the command ends, even on failure.
set -euo pipefail
pgbin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
[ -x "$pgbin/initdb" ] || { echo "with-postgres: $pgbin/initdb not found (install postgresql-15)." >&2; exit 1; }

tmp="$(mktemp -d /tmp/cryptopredict-pg.XXXXXX)"
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$tmp"; fi
chmod 700 "$tmp"

cleanup() {
    as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

as_pg "$pgbin/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
cat > "$tmp/data/pg_hba.conf" <<HBA
local all all trust
host all cp_password_user 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA

started=""
for attempt in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM % 30000) ))
    if as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 30 \
        -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        started=yes
        break
    fi
done
[ -n "$started" ] || { echo "with-postgres: the server did not start:" >&2; cat "$tmp/server.log" >&2; exit 1; }

password="pw-$RANDOM-$RANDOM"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE ROLE cp_password_user LOGIN PASSWORD '$password' CREATEDB" >/dev/null

export CRYPTOPREDICT_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export CRYPTOPREDICT_TEST_PG_AUTH_URL="postgresql://cp_password_user@127.0.0.1:$port/postgres"
export CRYPTOPREDICT_TEST_PG_AUTH_PASSWORD="$password"
export CRYPTOPREDICT_TEST_REQUIRE_PG=1
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port (data in $tmp)"
set +e
"$@"
status=$?
set -e
exit $status
