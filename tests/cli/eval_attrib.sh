#!/bin/sh
# valgrind: yes
# `hearsay eval attrib --missed` lists every missed gold attribution with its
# article, then a table of gold attributions by cue word whose totals agree
# with the scores.  The fixture in tests/data/polnear (an invented article
# and its brat standoff file) was written for this test.
set -u
fail() { echo "FAIL: $*"; exit 1; }
err="${TMPDIR:-/tmp}/hs_ea_err.$$"
out=$("$HS" eval attrib --polnear "$ROOT/tests/data/polnear" --split dev --json --missed 2>"$err") || fail "exit $?"
echo "$out" | grep -q '"gold":2,' || fail "want 2 gold attributions: $out"
r=$(echo "$out" | sed -n 's/.*"content":{"p":[0-9.]*,"r":\([0-9.]*\).*/\1/p')
want=$(awk -v r="$r" 'BEGIN { printf "%d", 2 - r * 2 + 0.5 }')
got=$(grep -c '^MISS' "$err")
[ "$got" -eq "$want" ] || fail "$got MISS lines, want $want (recall $r): $(cat "$err")"
if [ "$got" -gt 0 ]; then
    grep '^MISS' "$err" | grep -q 'tiny_harbor_annotator1.ann' || fail "MISS lines do not name the article: $(cat "$err")"
fi
grep -q "^CUE-WORDS	2 different cue words, 2 gold attributions, $want missed" "$err" ||
    fail "cue-word totals: $(cat "$err")"
grep -q '^CUE-WORD	said	1	' "$err" || fail "no row for 'said': $(cat "$err")"
grep -q '^FALSE' "$err" && fail "--missed printed false attributions"
rm -f "$err"
exit 0
