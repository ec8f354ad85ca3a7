#!/bin/sh
# The main job on the bundled examples: analyse every article in examples/
# and print a readable summary of what was found.
B=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
exec "$ROOT/$B/hearsay" analyze --summary "$ROOT/examples"
