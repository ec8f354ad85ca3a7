#!/bin/sh
# valgrind: yes
# `hearsay eval coref` counts third-person singular pronouns of every case
# (she, him, possessive her, he, himself) against GUM-style Entity= brackets,
# prints the old subject/object subset apart, and lists each document with
# --per-doc.  The fixture in tests/data/coref was written for this test.
set -u
fail() { echo "FAIL: $*"; exit 1; }
out=$("$HS" eval coref --conllu "$ROOT/tests/data/coref" --split test --per-doc --json) || fail "exit $?"
echo "$out" | grep -q '"pronoun_accuracy":{"gold":5,' || fail "want 5 gold he/she pronouns: $out"
echo "$out" | grep -q '"he_she_subject_object_accuracy":{"gold":3,' || fail "want 3 subject/object pronouns: $out"
echo "$out" | grep -q '"named_mentions_found":{"gold":3,' || fail "want 3 gold named mentions: $out"
echo "$out" | grep -q '"per_document":\[{"document":"TINY_news_card.conllu","pronouns":5,' || fail "no per-document row: $out"
# the links themselves (a two-person sentence: at least four of five right)
ok=$(echo "$out" | sed -n 's/.*"pronoun_accuracy":{"gold":5,"correct":\([0-9]*\).*/\1/p')
[ "${ok:-0}" -ge 4 ] || fail "only ${ok:-0} of 5 pronouns linked right: $out"
# a split the directory does not list is an error naming splits.md
"$HS" eval coref --conllu "$ROOT/tests/data/coref" --split dev --json >/dev/null 2>"${TMPDIR:-/tmp}/hs_ec_err.$$" &&
    fail "an empty split succeeded"
grep -q "splits.md" "${TMPDIR:-/tmp}/hs_ec_err.$$" || fail "error does not name splits.md: $(cat "${TMPDIR:-/tmp}/hs_ec_err.$$")"
rm -f "${TMPDIR:-/tmp}/hs_ec_err.$$"
exit 0
