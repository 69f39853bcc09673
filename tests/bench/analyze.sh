#!/usr/bin/env bash
# Benchmark for the engine issue: `analyze` on a warm database of both dialects, with the split
# between load, compute and persist, and peak memory.
#   tests/bench/analyze.sh [ASSETS] [DAYS] [INTERVAL]      (default 200 730 1h: 3.5M bars)
# Needs a built tree (scripts/build.sh). Starts its own throwaway PostgreSQL server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${CRYPTOPREDICT_TEST_PG:-}" ]; then
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
assets="${1:-200}"; days="${2:-730}"; interval="${3:-1h}"
cli="${CRYPTOPREDICT_BUILD_DIR:-$root/build}/app/cryptopredict-cli"
work="$(mktemp -d /tmp/cp-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
server="${CRYPTOPREDICT_TEST_PG%/*}"
psql "$CRYPTOPREDICT_TEST_PG" -qAtX -c "CREATE DATABASE cp_bench"

run() { # NAME URL
    "$cli" --db "$2" demo --assets "$assets" --days "$days" --interval "$interval" --seed 1 > /dev/null
    "$cli" --db "$2" analyze --json > /dev/null # warm-up: caches, first models in ai_models
    /usr/bin/time -f '%e %M' -o "$work/time" "$cli" --db "$2" analyze --json > "$work/out.json"
    read -r wall rss < "$work/time"
    local load compute persist
    load=$(grep -o '"load_seconds":[0-9.e+-]*' "$work/out.json" | cut -d: -f2)
    compute=$(grep -o '"compute_seconds":[0-9.e+-]*' "$work/out.json" | cut -d: -f2)
    persist=$(grep -o '"persist_seconds":[0-9.e+-]*' "$work/out.json" | cut -d: -f2)
    awk -v n="$1" -v w="$wall" -v l="$load" -v c="$compute" -v p="$persist" -v r="$rss" 'BEGIN {
        printf "%-10s total %.2f s (load %.2f, compute %.2f, persist %.2f), peak RSS %.0f MiB\n", n, w, l, c, p, r / 1024 }'
}

echo "analyze on demo --assets $assets --days $days --interval $interval (warm database, 2nd run)"
run SQLite "sqlite://$work/bench.db"
run PostgreSQL "$server/cp_bench"
