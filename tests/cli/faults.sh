#!/bin/sh
# valgrind: yes
# Faults: output that cannot be written (a full disk) is a clear error with
# exit status 5, never a silent success; a model file that is missing,
# unreadable, not a file or truncated is a clear error naming the file
# (exit status 4) when the models are asked for with --models, and a warning
# naming it when 'hearsay add' finds the model directory by itself.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf 'date 2026-02-03 \342\200\234We are fine,\342\200\235 Pia Lund told the Evening Ledger.\n' > "$W/a.txt"
[ -w /dev/full ] || { echo "no /dev/full here"; exit 1; }
"$HS" analyze "$W/a.txt" > /dev/full 2> "$W/err"
s=$?
[ "$s" -eq 5 ] || fail "full disk: exit $s, expected 5"
grep -q "cannot write output" "$W/err" || fail "full disk: no message: $(cat "$W/err")"
"$HS" analyze --jsonl -j 2 "$W/a.txt" "$W/a.txt" > /dev/full 2> "$W/err"
s=$?
[ "$s" -eq 5 ] || fail "full disk with -j 2: exit $s, expected 5"

# model files: a copy of models/ with one file broken at a time
M="$W/models"
reset_models() { rm -rf "$M"; mkdir "$M"; cp "$ROOT"/models/*.hsm "$M"/; }
# expect_model STATUS PATTERN: 'add --models' of one article
expect_model() {
    "$HS" add --db "$W/m.db" --models "$M" "$W/a.txt" > /dev/null 2>"$W/err"
    s=$?
    [ "$s" -eq "$1" ] || fail "model fault '$2': exit $s, expected $1: $(cat "$W/err")"
    grep -q "$2" "$W/err" || fail "model fault: no message '$2': $(cat "$W/err")"
}
reset_models; rm "$M/ner.hsm"
expect_model 4 "$M/ner.hsm: model file missing"
reset_models; rm "$M/pos.hsm"; mkdir "$M/pos.hsm"
expect_model 4 "$M/pos.hsm: cannot read model: not a regular file"
reset_models; head -c 4000 "$ROOT/models/parse.hsm" > "$M/parse.hsm"
expect_model 4 "$M/parse.hsm: truncated"
reset_models; printf 'not a model at all, just text\n' > "$M/ner.hsm"
expect_model 4 "$M/ner.hsm: "
if [ "$(id -u)" != 0 ]; then # root reads a chmod 000 file all the same
    reset_models; chmod 000 "$M/pos.hsm"
    expect_model 4 "$M/pos.hsm: cannot open model: Permission denied"
fi
[ ! -e "$W/m.db" ] || [ "$("$HS" stats --db "$W/m.db" --json | sed 's/.*"articles":\([0-9]*\).*/\1/')" = 0 ] ||
    fail "a model fault left articles in the store"
# found by itself (HEARSAY_MODELS): a missing model is a warning naming the file
reset_models; rm "$M/ner.hsm"
HEARSAY_MODELS="$M" "$HS" add --db "$W/w.db" "$W/a.txt" > "$W/out" 2>"$W/err" || fail "add without ner.hsm: exit $?: $(cat "$W/err")"
grep -q "hearsay add: warning: $M/ner.hsm: model file missing" "$W/err" || fail "no warning: $(cat "$W/err")"
grep -q '^1 article(s) added' "$W/out" || fail "add without ner.hsm: $(cat "$W/out")"
# analyze says the same, and still analyses
HEARSAY_MODELS="$M" "$HS" analyze "$W/a.txt" > "$W/out" 2>"$W/err" || fail "analyze without ner.hsm: exit $?: $(cat "$W/err")"
grep -q "hearsay analyze: warning: $M/ner.hsm: model file missing" "$W/err" || fail "analyze: no warning: $(cat "$W/err")"
grep -q '"schema": "hearsay/1"' "$W/out" || fail "analyze without ner.hsm: no output"
# with every model there, nothing is said
reset_models
HEARSAY_MODELS="$M" "$HS" analyze "$W/a.txt" > /dev/null 2>"$W/err" || fail "analyze: exit $?"
[ ! -s "$W/err" ] || fail "analyze with every model: $(cat "$W/err")"
exit 0
