#!/bin/sh
# Memory while streaming: generate MB megabytes of JSONL by recombining the
# invented example articles (bench/store's generator; nothing is read from
# ../shared/data), stream it through 'hearsay analyze --jsonl -j J' and print
# the peak resident memory (/usr/bin/time -f %M), CPU time and throughput; the
# same for a sixteenth of the input first, so a peak that grows with the
# input shows.  Output goes to /dev/null; the input to bench/out/stream/.
# usage: sh bench/stream/run.sh [MB [J [BUILD_DIR]]]   (default 1024 MB, -j 2, build)
set -eu
MB=${1:-1024}
J=${2:-2}
B=${3:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HS="$ROOT/$B/hearsay"
OUT="$ROOT/bench/out/stream"
mkdir -p "$OUT"
[ -x "$HS" ] || { echo "no $HS: run make first" >&2; exit 1; }
sh "$ROOT/bench/store/templates.sh" "$ROOT"/examples/*.txt > "$OUT/templates.jsonl"

# gen FILE MB: batches of 100,000 recombined articles until FILE holds MB MiB
gen() {
    : > "$1"
    seed=1
    while [ "$(stat -c %s "$1")" -lt $(($2 * 1048576)) ]; do
        awk -v N=100000 -v SEED=$seed -f "$ROOT/bench/store/gen.awk" "$OUT/templates.jsonl" |
            sed "s/\"id\": \"bench-/\"id\": \"s$seed-/" >> "$1"
        seed=$((seed + 1))
    done
    # cut to MB MiB at a line's end
    head -c $(($2 * 1048576)) "$1" | sed '$d' > "$1.tmp" && mv "$1.tmp" "$1"
}

run() { # run FILE: one streaming pass, the figures on one line
    lines=$(wc -l < "$1")
    bytes=$(stat -c %s "$1")
    /usr/bin/time -f "%M %U %S %e" -o "$OUT/time" "$HS" analyze --jsonl --no-text -j "$J" "$1" > /dev/null 2> "$OUT/err" ||
        { echo "analyze failed: $(tail -3 "$OUT/err")" >&2; exit 1; }
    awk -v mb="$bytes" -v n="$lines" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '{
        cpu = $2 + $3
        printf "%7.1f MB, %8d articles: peak RSS %6.1f MB; CPU %7.1f s (%.2f MB and %.0f articles per CPU second); wall %.0f s; load average %s\n",
            mb / 1048576, n, $1 / 1024, cpu, mb / 1048576 / cpu, n / cpu, $4, load }' "$OUT/time"
}

echo "streaming memory, analyze --jsonl --no-text -j $J ($(uname -m), $(nproc) cores, $(date -u +%F))"
SMALL=$((MB / 16))
[ "$SMALL" -ge 1 ] || SMALL=1
gen "$OUT/small.jsonl" "$SMALL"
run "$OUT/small.jsonl"
gen "$OUT/big.jsonl" "$MB"
run "$OUT/big.jsonl"
rm -f "$OUT/small.jsonl"
[ -n "${KEEP:-}" ] || rm -f "$OUT/big.jsonl"
