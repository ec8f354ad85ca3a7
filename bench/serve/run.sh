#!/bin/sh
# HTTP benchmark of hearsay serve with wrk (Debian's wrk) on loopback: the
# claims and entity routes on a store of N articles (default 10,000), made
# like bench/store does (hearsay/1 recombined from tests/store/ledger.jsonl
# with invented names), then loaded with `hearsay load`.
# usage: sh bench/serve/run.sh [N] [BUILD_DIR] [SECONDS]     (from anywhere)
#        CACHE=0 sh bench/serve/run.sh ...   the same without the response cache
# Prints, per route, requests/s and latency percentiles as wrk measures them.
# wrk and the server share this machine's cores: wrk gets one thread.
set -eu
N=${1:-10000}
B=${2:-build}
SECS=${3:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HS="$ROOT/$B/hearsay"
OUT="$ROOT/bench/out/serve"
command -v wrk >/dev/null || { echo "bench/serve: wrk is not installed (make setup)" >&2; exit 1; }
mkdir -p "$OUT"
DB="$OUT/store-$N.db"
if [ ! -s "$DB" ]; then
    awk -v N="$N" -v SEED=1 -f "$ROOT/bench/store/gen.awk" "$ROOT/tests/store/ledger.jsonl" > "$OUT/articles.jsonl"
    "$HS" load --db "$DB" "$OUT/articles.jsonl" >&2
fi
THREADS=${THREADS:-$(nproc)}
CONNS=${CONNS:-16}
# CACHE=0: every request queries the store (--no-cache)
NOCACHE=""
[ "${CACHE:-1}" = 0 ] && NOCACHE=--no-cache
"$HS" serve --port 0 --db "$DB" --threads "$THREADS" $NOCACHE > "$OUT/serve.out" 2> "$OUT/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
i=0
until grep -q listening "$OUT/serve.out" 2>/dev/null; do
    i=$((i + 1)); [ $i -gt 200 ] && { echo "bench/serve: server did not start" >&2; exit 1; }
    sleep 0.05
done
URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$OUT/serve.out")

# the 100 entities in most articles, and the claims among them
curl -s "${URL}api/entities?limit=100" | tr '{' '\n' | sed -n 's/.*"name":"\([^"]*\)".*/\1/p' > "$OUT/names.txt"
enc() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/%\1/g'; }
: > "$OUT/entity.paths"; : > "$OUT/claims.paths"
while IFS= read -r name; do
    e=$(enc "$name")
    echo "/api/entity?name=$e" >> "$OUT/entity.paths"
    echo "/api/claims?name=$e&limit=20" >> "$OUT/claims.paths"
done < "$OUT/names.txt"
curl -s "${URL}api/claims?limit=200" | grep -o '"id":[0-9]*,"type"' | sed 's/"id":\([0-9]*\).*/\/api\/claims\/\1/' > "$OUT/trace.paths"
echo "hearsay serve benchmark: $N articles, $(wc -l < "$OUT/names.txt") entities, $(wc -l < "$OUT/trace.paths") claims;" \
     "server $THREADS threads${NOCACHE:+ $NOCACHE}, wrk 1 thread $CONNS connections, ${SECS} s per route ($(uname -m), $(nproc) cores)"
for route in claims entity trace; do
    # warm-up: one pass over the paths (fills the response cache unless --no-cache)
    while IFS= read -r p; do curl -s -o /dev/null "$URL${p#/}"; done < "$OUT/$route.paths"
    PATHS="$OUT/$route.paths" wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -s "$ROOT/bench/serve/paths.lua" "$URL" > "$OUT/$route.wrk" 2>&1
    rps=$(sed -n 's/^Requests\/sec: *//p' "$OUT/$route.wrk")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/$route.wrk")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/$route.wrk")
    errs=$(grep -E 'Non-2xx|Socket errors' "$OUT/$route.wrk" | tr '\n' ' ')
    printf '%-7s %10s req/s   p50 %8s   p99 %8s   %s\n' "$route" "$rps" "$p50" "$p99" "$errs"
done
echo "response cache: $(curl -s "${URL}api/health" | sed -n 's/.*"cache":\([^}]*}\).*/\1/p')"
