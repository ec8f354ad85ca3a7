#!/bin/sh
# valgrind: yes
# The tag layer from the command line: the committed models tag an article
# written for this test; a truncated, foreign or random model file stops the
# analyzer with exit status 4 and a message naming the file.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
M="$ROOT/models"
[ -f "$M/pos.hsm" ] && [ -f "$M/ner.hsm" ] || fail "models/pos.hsm and models/ner.hsm are missing"

cat > "$W/a.txt" <<'TXT'
date 2026-11-30 The actress Marla Quintero was spotted leaving a restaurant in Chicago with the director Otto Brennan, an onlooker told US Sun.
“They looked very happy together,” the source said. People close to the couple declined to comment, but a friend told People that the pair met in London.
TXT
"$HS" tag --models "$M" --data "$ROOT/data" "$W/a.txt" > "$W/out" 2>"$W/err" || fail "tag: exit $?: $(cat "$W/err")"
# (the models label "Marla Quintero" after "The actress" ORG: a known miss, see README "Taggers")
grep -q "^Otto	PROPN	NNP	B-PERSON" "$W/out" || fail "Otto not a PERSON: $(grep Otto "$W/out")"
grep -q "^Brennan	.*	I-PERSON" "$W/out" || fail "Brennan not inside a PERSON"
grep -q "^Chicago	.*	B-PLACE" "$W/out" || fail "Chicago not a PLACE"
grep -q "^US	.*	B-ORG.*	outlet" "$W/out" || fail "US Sun not an outlet"
grep -q "^Sun	.*	I-ORG.*	outlet" "$W/out" || fail "US Sun not an outlet"
[ "$(grep -c "^People	.*outlet" "$W/out")" -eq 1 ] || fail "'People' should be an outlet once (after 'told'), not at the sentence start"
grep -q "^the	DET	DT	O" "$W/out" || fail "'the' not a DET"

# broken model files
mkdir "$W/m"
head -c 1000 "$M/pos.hsm" > "$W/m/pos.hsm"
cp "$M/ner.hsm" "$W/m/ner.hsm"
"$HS" analyze --models "$W/m" "$W/a.txt" > /dev/null 2> "$W/err"
[ $? -eq 4 ] || fail "truncated model: expected exit 4"
grep -q "pos.hsm: truncated" "$W/err" || fail "truncated model: $(cat "$W/err")"
cp "$M/ner.hsm" "$W/m/pos.hsm"
"$HS" analyze --models "$W/m" "$W/a.txt" > /dev/null 2> "$W/err"
[ $? -eq 4 ] || fail "foreign model: expected exit 4"
grep -q "pos.hsm: a 'ner' model, expected 'pos'" "$W/err" || fail "foreign model: $(cat "$W/err")"
head -c 5000 /dev/urandom > "$W/m/pos.hsm"
"$HS" analyze --models "$W/m" "$W/a.txt" > /dev/null 2> "$W/err"
[ $? -eq 4 ] || fail "random model: expected exit 4"
grep -q "pos.hsm: not a hearsay model file" "$W/err" || fail "random model: $(cat "$W/err")"
exit 0
