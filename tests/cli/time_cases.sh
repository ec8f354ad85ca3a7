#!/bin/sh
# The time layer against the timex test set (tests/time/cases.tsv, invented
# sentences with their expected values): span+value F1 must stay at or above
# 0.95; malformed case files are refused with file and line.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

out=$("$HS" eval time --cases "$ROOT/tests/time/cases.tsv" --json) || fail "eval time exited $?"
f1=$(echo "$out" | sed -n 's/.*"span_value":{[^}]*"f1":\([0-9.]*\).*/\1/p')
[ -n "$f1" ] || fail "no span_value f1 in: $out"
awk -v f="$f1" 'BEGIN { exit !(f >= 0.95) }' || fail "span+value F1 $f1 < 0.95 (run: $HS eval time --cases tests/time/cases.tsv --errors)"
lines=$(echo "$out" | sed -n 's/.*"lines":\([0-9]*\).*/\1/p')
[ "$lines" -ge 150 ] || fail "only $lines case lines"

# the held-out set (written after the layer, scored once before changes): a floor against regressions
out=$("$HS" eval time --cases "$ROOT/tests/time/heldout.tsv" --json) || fail "eval time (held-out) exited $?"
f1=$(echo "$out" | sed -n 's/.*"span_value":{[^}]*"f1":\([0-9.]*\).*/\1/p')
awk -v f="$f1" 'BEGIN { exit !(f >= 0.88) }' || fail "held-out span+value F1 $f1 < 0.88"
out=$("$HS" eval time --cases "$ROOT/tests/time/heldout2.tsv" --json) || fail "eval time (held-out 2) exited $?"
f1=$(echo "$out" | sed -n 's/.*"span_value":{[^}]*"f1":\([0-9.]*\).*/\1/p')
awk -v f="$f1" 'BEGIN { exit !(f >= 0.90) }' || fail "held-out 2 span+value F1 $f1 < 0.90"

# malformed lines name the file and line
# refuse NAME CONTENT PATTERN: a case file NAME holding CONTENT fails with PATTERN on stderr
refuse() {
    printf "$2" > "$W/$1"
    "$HS" eval time --cases "$W/$1" >/dev/null 2>"$W/err" && fail "$1 accepted"
    grep -q "$3" "$W/err" || fail "$1: $(cat "$W/err")"
}
refuse short.tsv '# a comment\n2025-03-29\tA sentence without an expected column.\n' "short.tsv:2: want DATE"
refuse date.tsv '2025-13-45\tIn 2019 they met.\t2019=2019\n' "date.tsv:1: DATE must be"
refuse text.tsv '2025-03-29\tIn 2019 they met.\t2018=2018\n' "text.tsv:1: an expected TEXT does not occur"
refuse mod.tsv '2025-03-29\tIn 2019 they met.\t2019=2019@SOON\n' "mod.tsv:1: unknown MOD"
"$HS" eval time --cases "$W/missing.tsv" >/dev/null 2>"$W/err" && fail "missing file accepted"
grep -q "missing.tsv" "$W/err" || fail "missing file: $(cat "$W/err")"

# the JSON writer carries value, mod and kind
printf 'date 2025-03-29\n\nThe pair split in late 2024 after dating for three years.\n' > "$W/a.txt"
"$HS" analyze --compact "$W/a.txt" > "$W/a.json" || fail "analyze exited $?"
grep -q '"text":"late 2024","value":"2024","mod":"END","kind":"date"' "$W/a.json" || fail "late 2024: $(cat "$W/a.json")"
grep -q '"text":"three years","value":"P3Y","mod":null,"kind":"duration"' "$W/a.json" || fail "three years: $(cat "$W/a.json")"
exit 0
