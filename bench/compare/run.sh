#!/bin/sh
# Side by side, in one run: hearsay's full pipeline against wink-nlp and
# compromise on the same corpus (PolNeAR texts + GossipCop articles).
# usage (from the repository root, after make): sh bench/compare/run.sh [DATA_DIR] [LIMIT]
# LIMIT keeps only the first LIMIT articles (compromise is slow on the whole corpus).
set -e
DATA=${1:-../shared/data}
LIMIT=${2:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/build/bench-compare"
mkdir -p "$OUT"
[ -d "$HERE/node_modules/wink-nlp" ] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
node "$HERE/corpus.js" "$DATA" "$OUT/all.jsonl" > "$OUT/corpus.json"
if [ "$LIMIT" -gt 0 ]; then head -n "$LIMIT" "$OUT/all.jsonl" > "$OUT/corpus.jsonl"; else cp "$OUT/all.jsonl" "$OUT/corpus.jsonl"; fi
C="$OUT/corpus.jsonl"
words=$(node -e 'let w=0;for(const l of require("fs").readFileSync(process.argv[1],"utf8").split("\n"))if(l)w+=JSON.parse(l).text.split(/\s+/).filter(Boolean).length;console.log(w)' "$C")
echo "machine: $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), $(date +%F)"
echo "corpus: $(wc -l < "$C") articles, $words words"
# hearsay's wall seconds and CPU seconds (user + system, model loading included)
hs_time() { # threads → "wall cpu"
    s=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$OUT/hearsay.time" \
        "$ROOT/build/hearsay" analyze --jsonl --compact --no-text -j "$1" "$C" > /dev/null 2>"$OUT/hearsay.err" || true
    e=$(date +%s.%N)
    echo "$(echo "$e - $s" | bc -l) $(tail -n 1 "$OUT/hearsay.time" | awk '{print $1 + $2}')"
}
load0=$(cut -d' ' -f1 /proc/loadavg)
set -- $(hs_time 1); t1=$1; c1=$2
set -- $(hs_time 2); t2=$1; c2=$2
w1=$(echo "$words / $t1" | bc)
w2=$(echo "$words / $t2" | bc)
cw1=$(echo "$words / $c1" | bc)
cw2=$(echo "$words / $c2" | bc)
wink=$(node "$HERE/others.js" "$C" wink)
comp=$(node "$HERE/others.js" "$C" compromise)
load1=$(cut -d' ' -f1 /proc/loadavg)
field() { echo "$1" | sed "s/.*\"$2\":\([0-9]*\).*/\1/"; }
ww=$(field "$wink" words_per_s)
cw=$(field "$comp" words_per_s)
wc=$(field "$wink" words_per_cpu_s)
cc=$(field "$comp" words_per_cpu_s)
echo "load average (1 min): $load0 before, $load1 after"
echo "{\"tool\":\"hearsay -j 1\",\"words_per_s\":$w1,\"seconds\":$t1,\"cpu_seconds\":$c1,\"words_per_cpu_s\":$cw1}"
echo "{\"tool\":\"hearsay -j 2\",\"words_per_s\":$w2,\"seconds\":$t2,\"cpu_seconds\":$c2,\"words_per_cpu_s\":$cw2}"
echo "$wink"
echo "$comp"
echo "per CPU-second: hearsay / wink-nlp   $(echo "scale=2; $cw1 / $wc" | bc)"
echo "per CPU-second: hearsay / compromise $(echo "scale=2; $cw1 / $cc" | bc)"
echo "wall: hearsay -j 1 / wink-nlp:   $(echo "scale=2; $w1 / $ww" | bc)"
echo "wall: hearsay -j 1 / compromise: $(echo "scale=2; $w1 / $cw" | bc)"
echo "wall: hearsay -j 2 / -j 1:       $(echo "scale=2; $w2 / $w1" | bc)"
