#!/bin/sh
# Store benchmark: 10,000 articles recombined from examples/ written with
#   1. hearsay add  (plain articles: analysis + store; today's analysis finds
#                    quotations only, so this writes articles, quotations, FTS)
#   2. hearsay load (hearsay/1 JSONL recombined from tests/store/ledger.jsonl:
#                    entities, attributions, relations, claims, origins)
# then times 'hearsay claims' and 'hearsay who' on the loaded store (each run
# is a whole process: open, query, print).
# usage: sh bench/store/run.sh [N] [BUILD_DIR]      (from the repository root)
set -eu
N=${1:-10000}
B=${2:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HS="$ROOT/$B/hearsay"
OUT="$ROOT/bench/out/store"
mkdir -p "$OUT"
rm -f "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm
sh "$ROOT/bench/store/templates.sh" "$ROOT"/examples/*.txt > "$OUT/templates.jsonl"
awk -v N="$N" -v SEED=1 -f "$ROOT/bench/store/gen.awk" "$OUT/templates.jsonl" > "$OUT/articles.jsonl"
awk -v N="$N" -v SEED=1 -f "$ROOT/bench/store/gen.awk" "$ROOT/tests/store/ledger.jsonl" > "$OUT/hearsay1.jsonl"
echo "store benchmark, $N articles ($(uname -m), $(nproc) cores)"
# wall-clock rate as hearsay prints it, then the CPU seconds (user + system)
cpu() { /usr/bin/time -f "%U %S" -o "$OUT/time" "$@" 2>/dev/null; awk -v n="$N" '{ printf "   CPU %.2f s (%.0f articles per CPU second)", $1 + $2, n / ($1 + $2) }' "$OUT/time"; }
echo "add  (analysis + store):  $(cpu "$HS" add --db "$OUT/add.db" "$OUT/articles.jsonl")"
rm -f "$OUT/add.db" "$OUT/add.db-wal" "$OUT/add.db-shm"
echo "add -j $(nproc) (analysis on every core, one writer): $(cpu "$HS" add -j "$(nproc)" --db "$OUT/add.db" "$OUT/articles.jsonl")"
echo "load (hearsay/1 layers):  $(cpu "$HS" load --db "$OUT/load.db" "$OUT/hearsay1.jsonl")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$HS" stats --db "$OUT/load.db" | tr '\n' ' ' | sed 's/  */ /g'; echo
# the person in the claim with the most independent origins
top=$("$HS" claims --db "$OUT/load.db" --json --limit 1 | sed -n 's/.*"subject":{"id":[0-9]*,"name":"\([^"]*\)".*/\1/p')
ms() { # ms COMMAND...: average wall-clock milliseconds of 20 runs
    t0=$(date +%s%N)
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "$@" > /dev/null; done
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 20000000 ))
}
# in one process (the library's own latency)
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -I"$ROOT/include" -o "$OUT/query_bench" "$ROOT/bench/store/query_bench.c" "$ROOT/$B/libhearsay.a" \
    $(pkg-config --libs jansson libutf8proc zlib sqlite3 gumbo libmicrohttpd) -lpthread -lm
"$OUT/query_bench" "$OUT/load.db" "$top" 50
# whole processes (start-up included; compare with 'hearsay version')
echo "hearsay version: $(ms "$HS" version) ms"
echo "claims '$top': $(ms "$HS" claims --db "$OUT/load.db" "$top") ms   (evidence lines: $("$HS" claims --db "$OUT/load.db" --json "$top" | grep -o '"article"' | wc -l))"
echo "who '$top':    $(ms "$HS" who --db "$OUT/load.db" "$top") ms"
echo "claims --json '$top': $(ms "$HS" claims --db "$OUT/load.db" --json "$top") ms"
for q in "claims --json" "claims" "who"; do
    /usr/bin/time -f "$q (one process): wall %e s, CPU %U + %S s" "$HS" $q --db "$OUT/load.db" "$top" > /dev/null
done
