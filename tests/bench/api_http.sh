#!/usr/bin/env bash
# Benchmark for the REST + WebSocket API issue: `cryptopredict-cli serve` against a minimal
# FastAPI + uvicorn + asyncpg reference (tests/bench/fastapi_reference.py, the stack the seed
# document planned) on the same PostgreSQL, with wrk (64 connections, 2 threads, 20 s per run
# after a 3 s warm-up) on GET /api/v1/layer4/signals?limit=20 and GET /api/v1/ui/layer-overview;
# then 1,000 WebSocket subscribers on ws/prices with 10 price updates per second
# (bench_ws_prices): delivery latency and the server's memory per connection.
#   tests/bench/api_http.sh            (under 4 minutes; BENCH_SECONDS=N shortens the wrk runs;
#                                       BENCH_WS_ONLY=1 skips FastAPI and wrk: WebSocket only;
#                                       BENCH_WS_CLIENTS=N subscribers instead of 1,000)
# Needs a built tree with the benchmarks (scripts/build.sh; CRYPTOPREDICT_BUILD_DIR picks another
# one). Installs wrk and the Debian Python packages when missing (as root). Starts its own
# throwaway PostgreSQL server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}" # Debian's, where the python3-* packages are
seconds="${BENCH_SECONDS:-20}"

if [ -z "${CRYPTOPREDICT_TEST_PG:-}" ]; then
    if ! command -v wrk > /dev/null ||
        ! "$python" -c 'import fastapi, uvicorn, asyncpg, uvloop, httptools' 2> /dev/null; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "api_http: needs wrk python3-fastapi python3-uvicorn python3-asyncpg" \
                "python3-uvloop python3-httptools (apt-get install -y ...)." >&2
            exit 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk python3-fastapi \
            python3-uvicorn python3-asyncpg python3-uvloop python3-httptools > /dev/null
    fi
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi

build="${CRYPTOPREDICT_BUILD_DIR:-$root/build}"
cli="$build/app/cryptopredict-cli"
wsbench="${BENCH_WS_PRICES:-$build/tests/bench/bench_ws_prices}"
for f in "$cli" "$wsbench"; do
    [ -x "$f" ] || { echo "api_http: $f not built." >&2; exit 1; }
done
work="$(mktemp -d /tmp/cp-apibench.XXXXXX)"
ours_pid=""
fastapi_pid=""
stop() { # PID: SIGTERM, then wait for it (uvicorn's master stops its workers itself)
    [ -n "$1" ] || return 0
    kill -TERM "$1" 2> /dev/null || true
    wait "$1" 2> /dev/null || true
}
cleanup() {
    stop "$fastapi_pid"
    stop "$ours_pid"
    rm -rf "$work"
}
trap cleanup EXIT
server="${CRYPTOPREDICT_TEST_PG%/*}"
url="$server/cp_api"
email="bench@example.org"
password="bench-password-123"

echo "== database: demo --assets 200 --days 365 --interval 1h, analyze"
psql "$CRYPTOPREDICT_TEST_PG" -qAtX -c "CREATE DATABASE cp_api"
"$cli" --db "$url" demo --assets 200 --days 365 --interval 1h --seed 1 > /dev/null
"$cli" --db "$url" analyze | grep -E '^(Signals|Note):' || true
active=$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM trading_signals WHERE status = 'active'")
if [ "$active" -lt 100 ]; then
    # On simulated prices the engine withholds signals that fail out of sample, which would
    # leave the signal list empty; 1,000 rows (800 active) give both servers real rows to send.
    psql "$url" -qAtX -c "
        INSERT INTO trading_signals (crypto_id, signal_type, entry_price, target_price, stop_loss,
            confidence_score, risk_level, risk_reward_ratio, time_horizon_hours, ai_analysis,
            market_context, status, generated_at, expires_at)
        SELECT c.id, CASE WHEN g % 3 = 0 THEN 'short' ELSE 'long' END, 100 + g, 110 + g, 95 + g,
            0.55 + (g % 40) / 100.0, (ARRAY['low', 'medium', 'high'])[1 + g % 3], 2.0, 24,
            '{\"model\": \"bench\"}', '{\"regime\": \"neutral\"}',
            CASE WHEN g % 5 = 0 THEN 'executed' ELSE 'active' END,
            now() - g * interval '1 minute', now() + interval '7 days'
        FROM generate_series(1, 1000) g
        JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cryptocurrencies) c
            ON c.n = 1 + g % 200"
    echo "Inserted 1,000 synthetic signals (800 active): analyze wrote $active active."
fi
echo "$password" | "$cli" --db "$url" user add "$email" --role professional --password-stdin \
    > /dev/null

echo "== servers"
"$cli" --db "$url" serve --port 0 > "$work/ours.out" 2> "$work/ours.err" &
ours_pid=$!
for _ in $(seq 100); do
    grep -q 'Serving on' "$work/ours.out" && break
    sleep 0.1
done
ours_port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/ours.out" | head -n 1 | cut -d: -f3)
[ -n "$ours_port" ] || { echo "api_http: serve did not start:" >&2; cat "$work/ours.err" >&2; exit 1; }
ours="http://127.0.0.1:$ours_port"
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"$password\"}" "$ours/api/v1/auth/login" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "api_http: login failed" >&2; exit 1; }
auth="Authorization: Bearer $token"
echo "ours:    cryptopredict-cli serve, pid $ours_pid, $ours (worker threads: one per core)"

start_fastapi() { # WORKERS
    local port
    port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    DATABASE_URL="$url" "$python" -m uvicorn fastapi_reference:app --app-dir "$root/tests/bench" \
        --host 127.0.0.1 --port "$port" --workers "$1" --loop uvloop --http httptools \
        --log-level warning --no-access-log > "$work/fastapi.log" 2>&1 &
    fastapi_pid=$!
    fastapi="http://127.0.0.1:$port"
    for _ in $(seq 100); do
        curl -sf -o /dev/null -H "$auth" "$fastapi/api/v1/ui/layer-overview" && break
        sleep 0.2
    done
    curl -sf -o /dev/null -H "$auth" "$fastapi/api/v1/ui/layer-overview" ||
        { echo "api_http: uvicorn did not start:" >&2; cat "$work/fastapi.log" >&2; exit 1; }
    echo "FastAPI: uvicorn $1 worker(s) (uvloop, httptools), pid $fastapi_pid, $fastapi"
}

signals="/api/v1/layer4/signals?limit=20"
overview="/api/v1/ui/layer-overview"
if [ -z "${BENCH_WS_ONLY:-}" ]; then
start_fastapi 2
for path in "$signals" "$overview"; do
    curl -sf -H "$auth" "$ours$path" > "$work/a.json"
    curl -sf -H "$auth" "$fastapi$path" > "$work/b.json"
    "$python" -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
print("same JSON from both servers:" if a == b else "DIFFERENT JSON:", sys.argv[3], "(%d items)" % len(a))' \
        "$work/a.json" "$work/b.json" "$path"
done

# Distinct confidence_min per request: every request misses our response cache.
cat > "$work/uncached.lua" << 'LUA'
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
init = function(args) math.randomseed(os.time() * 100 + id) end
request = function()
    local value = string.format("%.6f", math.random() * 0.5)
    return wrk.format(nil, "/api/v1/layer4/signals?limit=20&confidence_min=" .. value)
end
LUA

results=()
measure() { # LABEL URL [LUA]
    local script=()
    [ -n "${3:-}" ] && script=(-s "$3")
    wrk -t2 -c64 -d3s -H "$auth" "${script[@]}" "$2" > /dev/null
    wrk -t2 -c64 -d"${seconds}s" --latency -H "$auth" "${script[@]}" "$2" > "$work/wrk.out"
    local rps p99 bad
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out")
    p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) m = v / 1000; else if (v ~ /ms$/) m = v + 0;
        else m = v * 1000; printf "%.2f", m }' "$work/wrk.out")
    bad=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.out")
    bad="${bad:-0}"
    if grep -q 'Socket errors' "$work/wrk.out"; then
        bad="$bad; $(grep 'Socket errors' "$work/wrk.out" | sed 's/^ *//')"
    fi
    results+=("$1|$rps|$p99|$bad")
    printf '%-44s %10.0f req/s  p99 %8.2f ms  non-2xx %s\n' "$1" "$rps" "$p99" "$bad"
}

echo "== wrk -t2 -c64 -d${seconds}s --latency (after -d3s warm-up)"
measure "signals   ours" "$ours$signals"
measure "signals   FastAPI, 2 workers" "$fastapi$signals"
measure "overview  ours" "$ours$overview"
measure "overview  FastAPI, 2 workers" "$fastapi$overview"
measure "signals   ours, every request a cache miss" "$ours$signals" "$work/uncached.lua"
stop "$fastapi_pid"
fastapi_pid=""
start_fastapi 1
measure "signals   FastAPI, 1 worker" "$fastapi$signals"
measure "overview  FastAPI, 1 worker" "$fastapi$overview"
stop "$fastapi_pid"
fastapi_pid=""

echo
printf '%s\n' "${results[@]}" | awk -F'|' '
    { rps[$1] = $2; p99[$1] = $3 }
    END {
        print "| endpoint | server | requests/s | p99 latency |"
        print "| --- | --- | --- | --- |"
        split("signals|overview", endpoints, "|")
        split("ours|ours, every request a cache miss|FastAPI, 2 workers|FastAPI, 1 worker", servers, "|")
        for (e = 1; e <= 2; ++e) for (s = 1; s <= 4; ++s) {
            key = sprintf("%-9s %s", endpoints[e], servers[s])
            if (key in rps)
                printf "| %s | %s | %.0f | %.1f ms |\n", endpoints[e], servers[s], rps[key], p99[key]
        }
        print ""
        print "ratios (target: >= 5x the requests/s with a lower p99):"
        for (e = 1; e <= 2; ++e) for (w = 2; w >= 1; --w) {
            o = sprintf("%-9s ours", endpoints[e])
            f = sprintf("%-9s FastAPI, %d worker%s", endpoints[e], w, w > 1 ? "s" : "")
            printf "  %-8s ours / FastAPI %d worker%s: %5.1fx requests/s (%s), p99 %.1f vs %.1f ms (%s)\n",
                endpoints[e], w, (w > 1 ? "s" : " "), rps[o] / rps[f], (rps[o] >= 5 * rps[f] ? "met" : "NOT met"),
                p99[o], p99[f], (p99[o] < p99[f] ? "lower: met" : "NOT lower")
        }
        u = "signals   ours, every request a cache miss"
        for (w = 2; w >= 1; --w) {
            f = sprintf("signals   FastAPI, %d worker%s", w, w > 1 ? "s" : "")
            printf "  signals  without our cache / FastAPI %d worker%s: %.1fx requests/s, p99 %.1f vs %.1f ms\n",
                w, (w > 1 ? "s" : " "), rps[u] / rps[f], p99[u], p99[f]
        }
    }'
fi # BENCH_WS_ONLY

echo
echo "== WebSocket: 1,000 subscribers on ws/prices, 10 price updates/s for 10 s"
"$wsbench" --url "ws://127.0.0.1:$ours_port" --token "$token" --db "$url" \
    --server-pid "$ours_pid" --clients "${BENCH_WS_CLIENTS:-1000}" --rate 10 --seconds 10 |
    grep -v '^RESULT'

kill -TERM "$ours_pid"
status=0
wait "$ours_pid" || status=$?
ours_pid=""
echo "serve stopped on SIGTERM with exit code $status"
