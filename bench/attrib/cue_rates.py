#!/usr/bin/env python3
"""How often PolNeAR annotates a word pattern as (the start of) a cue.

usage: python3 bench/attrib/cue_rates.py SPLIT_DIR PATTERN...
       N=5 python3 bench/attrib/cue_rates.py ../shared/data/polnear/train '\\b(mentioned)\\b'

Each PATTERN is a Python regular expression whose first group is the word to
test; for every match in the split's texts (the first annotator's file of an
article) it counts whether an annotated Cue span covers the group's first
character.  Prints matches, cue matches and their ratio, and with N=k the
first k matches with their context (+ a cue, - not).  Used on train to pick
cue words for data/attrib/cues.txt (2026-12-03: "mentioned" 26 of 42, 0.62;
"offered" 42 of 75, but mostly acts on GossipCop: not added); dev is for
measuring only."""
import collections, glob, os, re, sys


def main(split, pats):
    anns = {}
    for f in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        anns.setdefault(os.path.basename(f).rsplit("_", 1)[0], f)
    tot, cue, ex = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for stem, f in anns.items():
        text = open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8").read()
        spans = []
        for line in open(f, encoding="utf-8"):
            p = line.rstrip("\n").split("\t")
            if len(p) > 2 and p[1].startswith("Cue "):
                for seg in p[1].split(" ", 1)[1].split(";"):
                    a, b = seg.split()
                    spans.append((int(a), int(b)))
        for pat in pats:
            for m in re.finditer(pat, text):
                hit = any(a <= m.start(1) < b for a, b in spans)
                tot[pat] += 1
                cue[pat] += hit
                ex[pat].append(("+" if hit else "-") + text[max(0, m.start() - 50):m.end() + 30].replace("\n", " "))
    n = int(os.environ.get("N", "0"))
    for pat in pats:
        print("%s\t%d\t%d\t%.2f" % (pat, tot[pat], cue[pat], cue[pat] / tot[pat] if tot[pat] else 0))
        for e in ex[pat][:n]:
            print("    " + e)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
