#!/bin/sh
# Throughput of the analysis through attribution on the GossipCop articles
# (or any INPUT given), on one core.
# usage: sh bench/attrib/run.sh [INPUT]   (from the repository root, after make)
set -e
IN=${1:-../shared/data/gossipcop/gossipcop-train.jsonl.gz}
make --no-print-directory build/bench_attrib >/dev/null
echo "machine: $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), $(date +%F)"
build/bench_attrib "$IN" 3
