#!/bin/sh
# Text-layer throughput on the GossipCop articles (or any INPUT given).
# usage: sh bench/text/run.sh [INPUT]   (from the repository root, after make)
set -e
IN=${1:-../shared/data/gossipcop/gossipcop-train.jsonl.gz}
make --no-print-directory build/bench_text >/dev/null
echo "machine: $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), $(date +%F)"
build/bench_text "$IN" 3
