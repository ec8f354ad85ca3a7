#!/bin/sh
# Accuracy and speed of the taggers and the parser, one JSON object per line.
# usage: sh bench/tag/run.sh [BUILD_DIR] [DATA_DIR]   (from the repository root;
# DATA_DIR defaults to ../shared/data).  Speeds are tokens per CPU-second of
# tagging (lexical features + POS + NER on gold tokens), the fastest of 5 runs;
# load_seconds are wall clock, so read them beside the load average printed.
set -e
B=${1:-build}
D=${2:-../shared/data}
HS="$B/hearsay"
M=models
[ -x "$HS" ] || { echo "bench/tag: build first (make)" >&2; exit 2; }
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# POS: GUM test, EWT test"
"$HS" eval pos --conllu "$D/gum" --split test --model $M/pos.hsm --json
"$HS" eval pos --conllu "$D/ud-ewt/en_ewt-ud-test.conllu" --model $M/pos.hsm --json
echo "# NER: CoNLL-2003 testa (dev), testb (test), GUM test entities"
"$HS" eval ner --conll "$D/conll2003/eng.testa" --models $M --json
"$HS" eval ner --conll "$D/conll2003/eng.testb" --models $M --json
"$HS" eval ner --conllu "$D/gum" --split test --models $M --json
echo "# parser: GUM test, EWT test (predicted PTB tags from models/pos.hsm)"
"$HS" eval parse --conllu "$D/gum" --split test --models $M --json
"$HS" eval parse --conllu "$D/ud-ewt/en_ewt-ud-test.conllu" --models $M --json
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
