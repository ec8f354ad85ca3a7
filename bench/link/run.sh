#!/bin/sh
# Link + relate throughput on the GossipCop articles (or any INPUT given), one core.
# usage: sh bench/link/run.sh [INPUT]   (from the repository root, after make)
set -e
IN=${1:-../shared/data/gossipcop/gossipcop-train.jsonl.gz}
make --no-print-directory build/bench_link >/dev/null
echo "machine: $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), $(date +%F)"
HEARSAY_DATA=${HEARSAY_DATA:-data} build/bench_link "$IN" 3
