#!/bin/sh
# The ledger commands on the hand-written hearsay/1 fixture and the examples:
# load, re-load, the queries (tables and --json), export formats, add,
# and bad input with its messages and exit statuses.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DB="$W/t.db"
FIX="$ROOT/tests/store/ledger.jsonl"

"$HS" load --db "$DB" "$FIX" > "$W/out" 2>"$W/err" || fail "load: exit $?: $(cat "$W/err")"
grep -q '^13 article(s) loaded, 0 already stored, 0 rejected' "$W/out" || fail "load: $(cat "$W/out")"
"$HS" load --db "$DB" "$FIX" > "$W/out" 2>&1 || fail "re-load: exit $?"
grep -q '^0 article(s) loaded, 13 already stored' "$W/out" || fail "re-load changed the store: $(cat "$W/out")"

# the pair's ledger as a table and as JSON
"$HS" claims --db "$DB" "Mara Quell" "Tobias Wren" > "$W/out" || fail "claims: exit $?"
grep -q 'romance: Mara Quell — Tobias Wren   contested   origins: 2 support, 1 deny' "$W/out" || fail "claims table: $(head -3 "$W/out")"
grep -q 'Starwatch Weekly (echo)' "$W/out" || fail "claims table: no echo marked"
"$HS" claims --db "$DB" --json "Tobias Wren" "Mara Quell" > "$W/out" || fail "claims --json: exit $?"
grep -q '"summary":"contested","origins":{"support":2,"deny":1}' "$W/out" || fail "claims --json: $(head -c 300 "$W/out")"
# HEARSAY_DB instead of --db; with no name: the most discussed pair
HEARSAY_DB="$DB" "$HS" claims --limit 1 > "$W/out" || fail "claims --limit 1: exit $?"
head -1 "$W/out" | grep -q 'Mara Quell — Tobias Wren' || fail "most discussed pair: $(head -1 "$W/out")"

# who: a variant tied to a full name; an ambiguous surname
"$HS" who --db "$DB" Quell > "$W/out" || fail "who Quell: exit $?"
head -1 "$W/out" | grep -q '^Mara Quell  PERSON' || fail "who Quell: $(head -1 "$W/out")"
"$HS" who --db "$DB" Moreno > "$W/out" 2>"$W/err"
[ $? -eq 1 ] || fail "who Moreno should exit 1"
grep -q "'Moreno' is ambiguous: Alex Moreno (PERSON" "$W/err" || fail "who Moreno: $(cat "$W/err")"
"$HS" who --db "$DB" "Nobody Atall" > /dev/null 2>"$W/err"
[ $? -eq 1 ] || fail "who of an unknown name should exit 1"
grep -q "no entity named 'Nobody Atall'" "$W/err" || fail "unknown name: $(cat "$W/err")"

# trace: three origins, the first with two echoes
"$HS" trace --db "$DB" 1 > "$W/out" || fail "trace: exit $?"
grep -q 'origin 1: Starwatch Weekly (support), first 2025-03-02, 2 echo(es)' "$W/out" || fail "trace: $(head -5 "$W/out")"
grep -q 'origin 3: The Evening Ledger (deny), first 2025-03-06, 1 echo(es)' "$W/out" || fail "trace: deny origin"
"$HS" trace --db "$DB" abc > /dev/null 2>&1
[ $? -eq 1 ] || fail "trace abc should exit 1"

# sources, search
"$HS" sources --db "$DB" --outlet "the buzzline" --json > "$W/out" || fail "sources: exit $?"
grep -q '"outlet":"Buzzline","statements":4,"sourced":4,"anonymous":2' "$W/out" || fail "sources: $(cat "$W/out")"
# "she" and "Moreno", both tied to Dana Moreno in the article, are one source
"$HS" sources --db "$DB" --outlet "Hollow Hills Gazette" --json > "$W/out" || fail "sources: exit $?"
grep -q '"sources":\[{"text":"Dana Moreno","kind":"person","count":2}\]' "$W/out" || fail "sources by entity: $(cat "$W/out")"
"$HS" search --db "$DB" completely smitten > "$W/out" || fail "search: exit $?"
grep -q 'ex01' "$W/out" || fail "search: $(cat "$W/out")"

# export: every format
"$HS" export --db "$DB" > "$W/g.jsonl" || fail "export jsonl"
[ "$(grep -c '"kind":"claim"' "$W/g.jsonl")" -eq 8 ] || fail "export jsonl: expected 8 claims"
"$HS" export --db "$DB" --format csv > "$W/g.csv" || fail "export csv"
[ "$(wc -l < "$W/g.csv")" -eq 9 ] || fail "export csv: expected a header and 8 rows"
"$HS" export --db "$DB" --format graphml > "$W/g.graphml" || fail "export graphml"
[ "$(grep -c '<edge ' "$W/g.graphml")" -eq 8 ] || fail "export graphml: expected 8 edges"
"$HS" export --db "$DB" --format dot > "$W/g.dot" || fail "export dot"
grep -q 'e[0-9]* -- e[0-9]* \[label="romance (contested, 2/1)"' "$W/g.dot" || fail "export dot: $(head -5 "$W/g.dot")"
"$HS" export --db "$DB" --format xml > /dev/null 2>"$W/err"
[ $? -eq 2 ] || fail "export --format xml should exit 2"

# alias: merge two people, then undo
"$HS" alias --db "$DB" add "Dana Moreno" "Alex Moreno" > /dev/null || fail "alias add"
[ "$("$HS" claims --db "$DB" --json "Alex Moreno" | grep -o '"type"' | wc -l)" -eq 4 ] || fail "alias add did not merge"
"$HS" alias --db "$DB" remove "Dana Moreno" > /dev/null || fail "alias remove"
[ "$("$HS" claims --db "$DB" --json "Alex Moreno" | grep -o '"type"' | wc -l)" -eq 2 ] || fail "alias remove did not split"

# add: the bundled examples through the analysis; re-adding changes nothing
"$HS" add --db "$W/ex.db" "$ROOT/examples" > "$W/out" 2>"$W/err" || fail "add examples: exit $?: $(cat "$W/err")"
grep -q '^13 article(s) added' "$W/out" || fail "add: $(cat "$W/out")"
"$HS" add --db "$W/ex.db" "$ROOT/examples" > "$W/out" 2>&1 || fail "re-add: exit $?"
grep -q '^0 article(s) added, 13 already stored' "$W/out" || fail "re-add: $(cat "$W/out")"

# bad lines are reported with file and line; the rest is loaded
{ head -1 "$FIX"; echo '{"schema":"hearsay/1","article":'; echo '{"schema":"hearsay/1","article":{"id":"z","text":"Q."},"relations":[{"type":"romance","subject":"E1","object":"E2"}]}'; sed -n 2p "$FIX"; } > "$W/bad.jsonl"
"$HS" load --db "$W/bad.db" "$W/bad.jsonl" > "$W/out" 2>"$W/err"
[ $? -eq 1 ] || fail "bad lines: exit status should be 1"
grep -q 'bad.jsonl:2: malformed JSON' "$W/err" || fail "bad line 2: $(cat "$W/err")"
grep -q "bad.jsonl:3: relations\[0\].subject: no entity with id 'E1'" "$W/err" || fail "bad line 3: $(cat "$W/err")"
grep -q '^2 article(s) loaded, 0 already stored, 2 rejected' "$W/out" || fail "bad lines: $(cat "$W/out")"

# titles: analysed as the first paragraph (the person named only in it is found),
# and the same story under another headline is the same article
T="$W/titled.jsonl"
printf '%s\n' '{"id":"t1","title":"Ivo Brandt Opens Up About His Tour","text":"The 40-year-old told Pennant Weekly that the tour was long."}' \
    '{"id":"t2","title":"Brandt On The Road","text":"The 40-year-old told Pennant Weekly that the tour was long."}' > "$T"
"$HS" analyze --jsonl "$T" > "$W/out" 2>"$W/err" || fail "analyze titled: exit $?: $(cat "$W/err")"
head -1 "$W/out" | grep -q '"title_bytes":36,' || fail "title_bytes: $(head -c 300 "$W/out")"
head -1 "$W/out" | grep -q '"name":"Ivo Brandt"' || fail "the person of the title: $(head -c 600 "$W/out")"
"$HS" analyze --jsonl --no-title "$T" > "$W/out" 2>&1 || fail "analyze --no-title: exit $?"
grep -q 'title_bytes\|"name":"Ivo Brandt"' "$W/out" && fail "--no-title still analysed the title"
"$HS" add --db "$W/titled.db" "$T" > "$W/out" 2>&1 || fail "add titled: exit $?: $(cat "$W/out")"
grep -q '^1 article(s) added, 1 already stored' "$W/out" || fail "same text, two titles: $(cat "$W/out")"

# usage
"$HS" who --db "$DB" > /dev/null 2>&1; [ $? -eq 2 ] || fail "who without a name should exit 2"
"$HS" load --db "$DB" > /dev/null 2>&1; [ $? -eq 2 ] || fail "load without input should exit 2"
"$HS" load --db "$DB" "$W/missing.jsonl" > /dev/null 2>"$W/err"; [ $? -eq 3 ] || fail "missing input should exit 3"
exit 0
