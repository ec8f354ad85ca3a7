#!/bin/sh
# Draw the attributions of GossipCop articles for reading by hand: analyse the
# first N articles, print per-article counts, and print K attributions drawn
# at random (fixed seed) with their context.
# usage: sh bench/attrib/sample.sh [N [K [SEED]]]   (from the repository root, after make)
set -e
N=${1:-300}; K=${2:-50}; SEED=${3:-11}
IN=../shared/data/gossipcop/gossipcop-train.jsonl.gz
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
zcat "$IN" | head -n "$N" > "$T/in.jsonl"
build/hearsay analyze --jsonl "$T/in.jsonl" > "$T/out.jsonl" 2>/dev/null || true
python3 - "$T/out.jsonl" "$K" "$SEED" <<'PY'
import collections, json, random, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
per = sorted(len(d["attributions"]) for d in docs)
kinds = collections.Counter(a["kind"] for d in docs for a in d["attributions"])
srcs = collections.Counter((a["source"] or {}).get("kind", "none") for d in docs for a in d["attributions"])
n = sum(per)
print("%d articles, %d attributions, %.2f per article (median %d, %d with none)" %
      (len(docs), n, n / len(docs), per[len(per) // 2], per.count(0)))
print("kinds:", dict(kinds), " sources:", dict(srcs),
      " with via: %d" % sum(1 for d in docs for a in d["attributions"] if a["via"]))
items = [(d["article"]["text"].encode(), a) for d in docs for a in d["attributions"]]
random.seed(int(sys.argv[3]))
for i, (t, a) in enumerate(random.sample(items, int(sys.argv[2]))):
    c, s, cue = a["content"], a["source"], a["cue"]
    lo = min([c["start"]] + ([s["start"]] if s else []) + ([cue["start"]] if cue and cue["end"] else []))
    hi = max(c["end"], s["end"] if s else 0)
    ctx = t[max(0, lo - 70):hi + 30].decode(errors="replace").replace("\n", " ")
    print("#%d [%s] source=%r/%s cue=%r via=%r" % (i + 1, a["kind"], s and s["text"], s and s["kind"],
          cue and cue["text"], a["via"] and a["via"]["text"]))
    print("   content=%r" % c["text"][:110])
    print("   context=...%s..." % ctx[:280])
PY
