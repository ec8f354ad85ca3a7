#!/bin/sh
# The main job on the bundled examples: analyse every article in examples/
# and print a readable summary of what was found; then build the claim ledger
# from them and print the ledger of the most discussed pair.
B=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HS="$ROOT/$B/hearsay"
"$HS" analyze --summary "$ROOT/examples"
DB="$ROOT/$B/examples.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo
echo "== the ledger of examples/ ($B/examples.db)"
"$HS" add --db "$DB" "$ROOT/examples" || exit $?
"$HS" sources --db "$DB"
echo
"$HS" claims --db "$DB" --limit 1
