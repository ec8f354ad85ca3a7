#!/bin/sh
# The relations found in a fixed sample of GossipCop articles, for a hand check
# of their precision (bench/link/gossipcop-check.tsv holds the verdicts given to
# the sample of 2026-12-02).  Every STEP-th article of the file, N of them.
# usage: sh bench/link/sample_relations.sh [INPUT] [N] [STEP]   (after make)
set -e
IN=${1:-../shared/data/gossipcop/gossipcop-train.jsonl.gz}
N=${2:-50}
STEP=${3:-97}
zcat -f "$IN" | awk -v step="$STEP" -v n="$N" 'NR % step == 1 { print; if (++k == n) exit }' |
    HEARSAY_DATA=${HEARSAY_DATA:-data} build/hearsay analyze --jsonl --summary - 2>/dev/null |
    awk '/^== /{ art = $0 } /^ +R[0-9]+ /{ print art; print; getline; print }'
