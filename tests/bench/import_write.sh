#!/usr/bin/env bash
# Benchmark for the importers (issue 5): `import --format binance-klines` of a generated kline CSV
# into PostgreSQL against psql's \copy of the very same rows into the same table, into SQLite,
# and peak memory for three file sizes (it must not grow with the file).
#   tests/bench/import_write.sh [ROWS] [SMALL_ROWS]      (default 1000000 100000)
# Needs a built tree (scripts/build.sh). Starts its own throwaway PostgreSQL server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${CRYPTOPREDICT_TEST_PG:-}" ]; then
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
rows="${1:-1000000}"; small="${2:-100000}"
cli="${CRYPTOPREDICT_BUILD_DIR:-$root/build}/app/cryptopredict-cli"
work="$(mktemp -d /tmp/cp-bench.XXXXXX)"; chmod 777 "$work"
trap 'rm -rf "$work"' EXIT
server="${CRYPTOPREDICT_TEST_PG%/*}"
now() { date +%s.%N; }

# One-minute klines from 2020-01-01 as Binance writes them (open time in ms, 12 columns), a
# random walk so the numbers have Binance's usual 2-8 decimals.
make_klines() { # ROWS FILE
    awk -v n="$1" 'BEGIN {
        srand(1); p = 30000; t = 1577836800000
        for (i = 0; i < n; i++) {
            o = p; p = p * (1 + (rand() - 0.5) * 0.002); c = p
            h = (o > c ? o : c) * (1 + rand() * 0.0005); l = (o < c ? o : c) * (1 - rand() * 0.0005)
            v = rand() * 50
            printf "%.0f,%.2f,%.2f,%.2f,%.2f,%.5f,%.0f,%.6f,%d,%.5f,%.6f,0\n", t, o, h, l, c, v, t + 59999, v * c, int(rand() * 900), v / 2, v * c / 2
            t += 60000
        }
    }' > "$2"
}

measure_import() { # URL FILE SYMBOL -> prints "seconds rows peak_rss_kib cpu_seconds"
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$cli" --db "$1" import "$2" \
        --format binance-klines --symbol "$3" --json > "$work/out.json"
    local seconds count rss user sys
    seconds=$(grep -o '"seconds":[0-9.e+-]*' "$work/out.json" | cut -d: -f2)
    count=$(grep -o '"rows":[0-9]*' "$work/out.json" | cut -d: -f2)
    read -r rss user sys < <(tail -n 1 "$work/rss")
    echo "$seconds $count $rss $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

make_klines "$rows" "$work/klines.csv"
make_klines "$small" "$work/klines_small.csv"
make_klines $((rows * 2)) "$work/klines_large.csv"
echo "import of $rows Binance klines ($(du -h "$work/klines.csv" | cut -f1)); small file $small rows"

psql "$CRYPTOPREDICT_TEST_PG" -qAtX -c "CREATE DATABASE cp_import"
pg_url="$server/cp_import"
"$cli" --db "$pg_url" init > /dev/null
read -r pg_seconds pg_rows pg_rss pg_cpu < <(measure_import "$pg_url" "$work/klines.csv" BTC)
# The same file again: every row is an update (COPY into a temporary table, then one merge).
read -r pg_again _ pg_again_rss _ < <(measure_import "$pg_url" "$work/klines.csv" BTC)

# The same rows through psql's \copy into the same table (emptied, same indexes, same server).
psql "$pg_url" -qAtX -c "\\copy (SELECT crypto_id, timestamp, open_price, high_price, low_price, close_price, volume, market_cap FROM price_data) TO '$work/rows.tsv'"
psql "$pg_url" -qAtX -c "TRUNCATE price_data" -c "VACUUM ANALYZE price_data"
start=$(now)
psql "$pg_url" -qAtX -c "\\copy price_data (crypto_id, timestamp, open_price, high_price, low_price, close_price, volume, market_cap) FROM '$work/rows.tsv'"
copy_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')

psql "$CRYPTOPREDICT_TEST_PG" -qAtX -c "CREATE DATABASE cp_import_small"
"$cli" --db "$server/cp_import_small" init > /dev/null
read -r _ _ pg_small_rss _ < <(measure_import "$server/cp_import_small" "$work/klines_small.csv" BTC)

sqlite_url="sqlite://$work/bench.db"
"$cli" --db "$sqlite_url" init > /dev/null
read -r sq_seconds sq_rows sq_rss sq_cpu < <(measure_import "$sqlite_url" "$work/klines.csv" BTC)
read -r sq_again _ sq_again_rss _ < <(measure_import "$sqlite_url" "$work/klines.csv" BTC)
"$cli" --db "sqlite://$work/small.db" init > /dev/null
read -r _ _ sq_small_rss _ < <(measure_import "sqlite://$work/small.db" "$work/klines_small.csv" BTC)
"$cli" --db "sqlite://$work/large.db" init > /dev/null
read -r _ _ sq_large_rss _ < <(measure_import "sqlite://$work/large.db" "$work/klines_large.csv" BTC)

awk -v rows="$pg_rows" -v pg="$pg_seconds" -v pga="$pg_again" -v cp="$copy_seconds" \
    -v sq="$sq_seconds" -v sqa="$sq_again" -v sqrows="$sq_rows" -v pgrss="$pg_rss" \
    -v pgarss="$pg_again_rss" -v pgsrss="$pg_small_rss" -v sqrss="$sq_rss" \
    -v sqarss="$sq_again_rss" -v sqsrss="$sq_small_rss" -v sqlrss="$sq_large_rss" \
    -v small="$small" -v pgcpu="$pg_cpu" -v sqcpu="$sq_cpu" 'BEGIN {
    printf "rows imported:                 %d\n", rows
    printf "PostgreSQL import (new rows):  %.0f rows/s (%.2f s, peak RSS %.0f MiB)\n", rows / pg, pg, pgrss / 1024
    printf "PostgreSQL re-import (upsert): %.0f rows/s (%.2f s, peak RSS %.0f MiB)\n", rows / pga, pga, pgarss / 1024
    printf "PostgreSQL psql \\copy:         %.0f rows/s (%.2f s)\n", rows / cp, cp
    printf "ratio import / \\copy:          %.2f new, %.2f upsert (target >= 0.50)\n", cp / pg, cp / pga
    printf "SQLite import (new rows):      %.0f rows/s (%.2f s, peak RSS %.0f MiB; target >= 200000 rows/s)\n", sqrows / sq, sq, sqrss / 1024
    printf "SQLite re-import (upsert):     %.0f rows/s (%.2f s, peak RSS %.0f MiB)\n", sqrows / sqa, sqa, sqarss / 1024
    printf "import CPU time (user+sys):    PostgreSQL %.2f s, SQLite %.2f s (%.0f rows per CPU second)\n", pgcpu, sqcpu, sqrows / sqcpu
    printf "peak RSS, %d / %d / %d rows: PostgreSQL %.1f / %.1f MiB, SQLite %.1f / %.1f / %.1f MiB\n", small, rows, 2 * rows, pgsrss / 1024, pgrss / 1024, sqsrss / 1024, sqrss / 1024, sqlrss / 1024
}'
