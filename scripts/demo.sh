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
# the pair in the claim with the most independent origins, and all their claims
top=$("$HS" claims --db "$DB" --json --limit 1) || exit $?
a=$(echo "$top" | sed -n 's/.*"subject":{"id":\([0-9]*\),.*/\1/p')
b=$(echo "$top" | sed -n 's/.*"object":{"id":\([0-9]*\),.*/\1/p')
"$HS" claims --db "$DB" "#$a" "#$b"
