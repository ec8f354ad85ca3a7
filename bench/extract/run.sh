#!/bin/sh
# Extraction benchmark: hearsay beside @mozilla/readability + jsdom on the
# article-extraction pages, in one run.  Installs the two npm packages into
# bench/extract/node_modules (not committed), builds hearsay if needed.
#   sh bench/extract/run.sh [BENCHMARK_DIR]     (default ../shared/data/article-extraction)
# Results also go to bench/extract/out/result.json.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${1:-$ROOT/../shared/data/article-extraction}
HS=${HS:-$ROOT/build/hearsay}
[ -x "$HS" ] || make -C "$ROOT" --no-print-directory all
[ -d "$HERE/node_modules/jsdom" ] && [ -d "$HERE/node_modules/@mozilla/readability" ] ||
    (cd "$HERE" && npm install --no-audit --no-fund --silent)
node "$HERE/bench.mjs" "$HS" "$DATA" "$HERE/out"
