#!/bin/sh
# The entities and attribution sources hearsay finds in a fixed sample of
# GossipCop articles, for a hand check of names, types, outlets, sources and
# vias (bench/link/gossipcop-entities.tsv holds the verdicts).  Article k of the
# sample is line OFFSET + k * STEP of the file (k = 0 .. N-1); its text stays in
# ../shared/data (publishers' text, evaluation only).
# usage: sh bench/link/sample_entities.sh [INPUT] [N] [STEP] [OFFSET]   (after make)
set -e
IN=${1:-../shared/data/gossipcop/gossipcop-train.jsonl.gz}
N=${2:-30}
STEP=${3:-400}
OFF=${4:-123}
zcat -f "$IN" | awk -v step="$STEP" -v n="$N" -v off="$OFF" 'NR % step == off % step && NR >= off { print NR; print; if (++k == n) exit }' |
    while IFS= read -r line && IFS= read -r art; do
        printf '=== line %s\n' "$line"
        printf '%s\n' "$art" | HEARSAY_DATA=${HEARSAY_DATA:-data} build/hearsay analyze --jsonl --compact - 2>/dev/null |
            python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    for e in d["entities"]:
        names = sorted({m["text"] for m in e["mentions"] if m["kind"] == "name"})
        if names:
            print("  %s %s%s %s  [%s]" % (e["id"], e["type"], " outlet" if e.get("outlet") else "",
                  e["name"], " | ".join(names)))
    for a in d["attributions"]:
        s, v = a["source"], a["via"]
        print("  %s %s source=%s/%s cue=%s via=%s" % (a["id"], a["kind"], s and s["text"], s and s["kind"],
              a["cue"] and a["cue"]["text"], v and v["text"]))
'
    done
