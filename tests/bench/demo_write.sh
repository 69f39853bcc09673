#!/usr/bin/env bash
# Benchmark for the foundation issue: `demo` write speed and peak memory on both dialects, with
# psql's \copy of the very same rows into the same PostgreSQL table as the reference.
#   tests/bench/demo_write.sh [ASSETS] [DAYS] [INTERVAL]      (default 200 730 1h: 3.5M rows)
# Needs a built tree (scripts/build.sh). Starts its own throwaway PostgreSQL server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${CRYPTOPREDICT_TEST_PG:-}" ]; then
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
assets="${1:-200}"; days="${2:-730}"; interval="${3:-1h}"
cli="${CRYPTOPREDICT_BUILD_DIR:-$root/build}/app/cryptopredict-cli"
work="$(mktemp -d /tmp/cp-bench.XXXXXX)"; chmod 777 "$work"
trap 'rm -rf "$work"' EXIT
server="${CRYPTOPREDICT_TEST_PG%/*}"
psql_admin() { psql "$CRYPTOPREDICT_TEST_PG" -qAtX "$@"; }
now() { date +%s.%N; }

measure_demo() { # URL -> prints "seconds rows peak_rss_kib"
    /usr/bin/time -f '%M' -o "$work/rss" "$cli" --db "$1" demo --assets "$assets" --days "$days" \
        --interval "$interval" --seed 1 --json > "$work/out.json"
    local seconds candles
    seconds=$(grep -o '"seconds":[0-9.e+-]*' "$work/out.json" | cut -d: -f2)
    candles=$(grep -o '"candles":[0-9]*' "$work/out.json" | cut -d: -f2)
    echo "$seconds $candles $(tail -n 1 "$work/rss")"
}

echo "demo --assets $assets --days $days --interval $interval"
psql_admin -c "CREATE DATABASE cp_bench"
pg_url="$server/cp_bench"
"$cli" --db "$pg_url" init > /dev/null
read -r pg_seconds rows pg_rss < <(measure_demo "$pg_url")

# The same rows through psql's \copy into the same table (emptied, same indexes, same server).
psql "$pg_url" -qAtX -c "\\copy (SELECT crypto_id, timestamp, open_price, high_price, low_price, close_price, volume, market_cap FROM price_data) TO '$work/rows.tsv'"
psql "$pg_url" -qAtX -c "TRUNCATE price_data" -c "VACUUM ANALYZE price_data"
start=$(now)
psql "$pg_url" -qAtX -c "\\copy price_data (crypto_id, timestamp, open_price, high_price, low_price, close_price, volume, market_cap) FROM '$work/rows.tsv'"
copy_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')

sqlite_url="sqlite://$work/bench.db"
"$cli" --db "$sqlite_url" init > /dev/null
read -r sq_seconds sq_rows sq_rss < <(measure_demo "$sqlite_url")

awk -v rows="$rows" -v pg="$pg_seconds" -v cp="$copy_seconds" -v sq="$sq_seconds" \
    -v sqrows="$sq_rows" -v pgrss="$pg_rss" -v sqrss="$sq_rss" 'BEGIN {
    printf "rows written:          %d\n", rows
    printf "PostgreSQL demo:       %.0f rows/s (%.2f s, peak RSS %.0f MiB)\n", rows / pg, pg, pgrss / 1024
    printf "PostgreSQL psql \\copy: %.0f rows/s (%.2f s)\n", rows / cp, cp
    printf "ratio demo / \\copy:    %.2f (target >= 0.50)\n", cp / pg
    printf "SQLite demo:           %.0f rows/s (%.2f s, peak RSS %.0f MiB; target >= 200000 rows/s)\n", sqrows / sq, sq, sqrss / 1024
}'
