#!/usr/bin/env python3
"""Learn extra attribution cue words from PolNeAR's train split.

usage: python3 scripts/learn_cues.py ../shared/data/polnear/train > data/attrib/cues_learned.txt

A word becomes a cue when, in the training articles, it is the head of an
annotated Cue span (its first word that is not an auxiliary or function
word, "said" in "has said") at least MIN_COUNT times and in at least MIN_RATIO of its
occurrences.  Words already in data/attrib/cues.txt are left out.  Only the
train split is read (dev is for measuring)."""
import collections, os, re, sys

MIN_COUNT, MIN_RATIO = 3, 0.30
STRONG_RATIO = 0.6
# words PolNeAR's political news uses as cues but that mostly name other acts
# elsewhere (celebrity news: "a special titled …", "welcomed a son",
# "unveiled a figure"), are hedges rather than reports (seemed, appears), or are
# not verbs
EXCLUDE = set("""titled named unveiled listed spotted issued offered ordered nominated displayed
withdrew opted negotiated startled thrilled outraged eager adamant wary mounting realized
remembered remembers avoided angered restricting complaints reads focuses lays paints
welcomed supported responded reacted talked dodged seemed seems appears appeared sounded
renewed""".split())  # above it a word is a plain cue; below it a 'weak' one
# words a cue span may begin with that are not its head ("has said", "is expected")
FUNCTION = set("""has have had is was were are be been being will would could can may might
must should shall did does do also just still now not n't n’t to the a an that it in on of for
again already even never only then 's ’s don’t didn’t doesn’t won’t""".split())
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")

def main(split):
    anns = sorted(os.listdir(os.path.join(split, "attributions")))
    seen, cue, total = set(), collections.Counter(), collections.Counter()
    for name in anns:
        stem = name.rsplit("_", 1)[0]
        if stem in seen or not name.endswith(".ann"):
            continue
        seen.add(stem)
        text = open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8").read()
        for m in WORD.finditer(text):
            total[m.group(0).lower()] += 1
        for line in open(os.path.join(split, "attributions", name), encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not re.match(r"T\d+$", parts[0]) or not parts[1].startswith("Cue "):
                continue
            rng = parts[1].split(" ", 1)[1].split(";")[0].split()
            words = [m.group(0).lower() for m in WORD.finditer(text, int(rng[0]), int(rng[1]))]
            heads = [w for w in words if w not in FUNCTION]
            if heads:
                cue[heads[0]] += 1
    here = os.path.dirname(os.path.abspath(__file__))
    known = set()
    for line in open(os.path.join(here, "..", "data", "attrib", "cues.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            known.update(w.lower() for w in line.split()[1:])
    print("# Cue words learned from PolNeAR train by scripts/learn_cues.py")
    print("# (the first word of an annotated cue that is not an auxiliary, >= %d times and in >= %.0f%% of its uses)." % (MIN_COUNT, MIN_RATIO * 100))
    print("# 'verb' when >= %.0f%% of its uses are cues; 'opinion' ones make an attribution only" % (STRONG_RATIO * 100))
    print("# before a clause (that, a quotation, to, a subject), or before an object after a named subject.")
    print("# Regenerate: python3 scripts/learn_cues.py ../shared/data/polnear/train > data/attrib/cues_learned.txt")
    for w, c in sorted(cue.items()):
        if c >= MIN_COUNT and total[w] and c / total[w] >= MIN_RATIO and w not in known and w not in EXCLUDE and len(w) > 2 \
                and not w.endswith("ly") and w not in ("according",):
            print("%s %s" % ("verb" if c / total[w] >= STRONG_RATIO else "opinion", w))

if __name__ == "__main__":
    main(sys.argv[1])
