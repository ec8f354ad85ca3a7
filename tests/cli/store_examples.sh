#!/bin/sh
# The main job: 'hearsay add' of the bundled examples (plain text with 'date'
# and 'outlet:' headers, analysed on the way in) gives the ledger they were
# written for:
#   - the most discussed pair is Mara Quell and Tobias Wren, and their romance
#     is contested: denied by her representative;
#   - an echo is counted once: the Daily Lantern's "according to Starwatch
#     Weekly" report has Starwatch Weekly's origin and adds no origin;
#   - name variants merge: "Renee Halvorsen" and "Renée Halvorsen" are one
#     person, found in both articles;
#   - two people with one surname stay apart: Alex Moreno (footballer) and
#     Dana Moreno (chef), "Moreno" alone is ambiguous, and Dana's conflict is
#     not Alex's;
#   - a confirmation: Halvorsen and Moreno's engagement is confirmed.
# The figures here are what the analysis finds, not the hand-made fixture
# (tests/store/ledger.jsonl, checked by the unit tests).
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DB="$W/ex.db"

"$HS" add --db "$DB" "$ROOT/examples" > "$W/out" 2>"$W/err" || fail "add: exit $?: $(cat "$W/err")"
grep -q '^13 article(s) added, 0 already stored, 0 rejected' "$W/out" || fail "add: $(cat "$W/out")"

# outlets come from the 'outlet:' headers
"$HS" sources --db "$DB" --json > "$W/out" || fail "sources: exit $?"
for o in "Starwatch Weekly" "Daily Lantern" "Pop Courier" "Glimmer Magazine" "The Evening Ledger" "Buzzline"; do
    grep -q "\"outlet\":\"$o\"" "$W/out" || fail "no outlet '$o' in sources: $(head -c 400 "$W/out")"
done

# the most discussed pair
"$HS" claims --db "$DB" --limit 1 > "$W/out" || fail "claims --limit 1: exit $?"
head -1 "$W/out" | grep -q '^#[0-9]* romance: Mara Quell — Tobias Wren   contested' || fail "top claim: $(head -1 "$W/out")"

"$HS" claims --db "$DB" --json "Mara Quell" "Tobias Wren" > "$W/pair" || fail "claims pair: exit $?"
tr '{' '\n' < "$W/pair" > "$W/pair.lines"
# the representative's denial, in the Evening Ledger's article
grep -q '"text":"A representative for Mara Quell","kind":"representative"},"via":null,"status":"denied"' "$W/pair" ||
    fail "no representative's denial: $(head -c 600 "$W/pair")"
grep -q '"article":"05-ledger-quell-rep-denies".*"outlet":"The Evening Ledger"' "$W/pair.lines" ||
    fail "the denial's outlet: $(grep 05-ledger "$W/pair.lines")"
# the echo: the Daily Lantern's item traces to Starwatch Weekly and is an echo
grep '"article":"02-lantern-quell-wren-echo"' "$W/pair.lines" | grep -q '"origin":"Starwatch Weekly"' ||
    fail "Lantern's item does not trace to Starwatch: $(grep 02-lantern "$W/pair.lines")"
grep -A3 '"article":"02-lantern-quell-wren-echo"' "$W/pair.lines" | grep -q '"echo":true' ||
    fail "Lantern's item is not an echo: $(grep -A3 02-lantern "$W/pair.lines")"
grep '"article":"01-starwatch-quell-wren-lisbon"' "$W/pair.lines" | grep -q '"origin":"Starwatch Weekly"' ||
    fail "Starwatch's own item: $(grep 01-starwatch "$W/pair.lines")"
# ... and counted once: the claim holding both has fewer origins than items
"$HS" trace --db "$DB" "$(sed -n 's/.*{"id":\([0-9]*\),"type":"meeting".*/\1/p' "$W/pair")" > "$W/trace" || fail "trace: exit $?"
grep -q 'origin 1: Starwatch Weekly (support), first 2025-03-02, 1 echo(es)' "$W/trace" || fail "trace: $(head -5 "$W/trace")"

# variants: one Renée Halvorsen in two articles, whichever spelling is asked
for n in "Renee Halvorsen" "Renée Halvorsen" "RENEE HALVORSEN" Halvorsen; do
    "$HS" who --db "$DB" --json "$n" > "$W/out" || fail "who '$n': exit $?"
    grep -q '"entity":{"id":[0-9]*,"name":"Renée Halvorsen","type":"PERSON","articles":2' "$W/out" ||
        fail "who '$n': $(head -c 300 "$W/out")"
done
# the confirmation
"$HS" claims --db "$DB" --json "Renee Halvorsen" "Alex Moreno" > "$W/out" || fail "claims Halvorsen Moreno: exit $?"
grep -q '"type":"romance","subject":{"id":[0-9]*,"name":"Renée Halvorsen"},"object":{"id":[0-9]*,"name":"Alex Moreno"},"summary":"confirmed"' "$W/out" ||
    fail "no confirmed engagement: $(head -c 400 "$W/out")"

# one surname, two people
"$HS" who --db "$DB" Moreno > /dev/null 2>"$W/err"
[ $? -eq 1 ] || fail "who Moreno should be ambiguous"
grep -q "'Moreno' is ambiguous: Alex Moreno (PERSON, id [0-9]*); Dana Moreno (PERSON, id [0-9]*)" "$W/err" ||
    fail "who Moreno: $(cat "$W/err")"
"$HS" claims --db "$DB" --json "Dana Moreno" "Lior Benn" > "$W/out" || fail "claims Dana Moreno: exit $?"
grep -q '"type":"conflict"' "$W/out" || fail "Dana Moreno's conflict: $(head -c 300 "$W/out")"
"$HS" claims --db "$DB" --json "Alex Moreno" > "$W/out" || fail "claims Alex Moreno: exit $?"
grep -q 'Lior Benn\|Tobias Wren' "$W/out" && fail "Alex Moreno has Dana Moreno's claims: $(cat "$W/out")"
"$HS" who --db "$DB" --json "Alex Moreno" > "$W/out" || fail "who Alex Moreno: exit $?"
grep -q '"name":"Alex Moreno","type":"PERSON","articles":2' "$W/out" || fail "who Alex Moreno: $(head -c 300 "$W/out")"
exit 0
