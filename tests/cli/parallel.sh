#!/bin/sh
# analyze -j N: the same output and messages as one thread, in input order,
# with malformed lines and bad articles reported in their place.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
i=0
while [ $i -lt 300 ]; do
    case $((i % 97)) in
    13) echo '{"id": "broken", "text": ' ;;                       # malformed JSON
    14) echo '{"id": "n'$i'", "text": ""}' ;;                      # empty article
    15) printf '{"id": "q%d", "text": "Ivo Marsh said: \\u201cWe left"}\n' $i ;;  # unterminated quotation
    *) printf '{"id": "a%d", "date": "2026-01-%02d", "text": "\\u201cWe met %d times,\\u201d a friend of Lio Brandt told the Morning Lark. They parted."}\n' $i $((i % 28 + 1)) $i ;;
    esac
    i=$((i + 1))
done > "$W/in.jsonl"
"$HS" analyze --jsonl -j 1 "$W/in.jsonl" > "$W/one" 2> "$W/one.err"
s1=$?
"$HS" analyze --jsonl -j 3 "$W/in.jsonl" > "$W/three" 2> "$W/three.err"
s3=$?
[ "$s1" -eq 1 ] || fail "-j 1: exit $s1, expected 1"
[ "$s3" -eq 1 ] || fail "-j 3: exit $s3, expected 1"
cmp -s "$W/one" "$W/three" || fail "-j 3 output differs from -j 1"
cmp -s "$W/one.err" "$W/three.err" || fail "-j 3 messages differ from -j 1"
[ "$(wc -l < "$W/one")" -eq 294 ] || fail "want 294 analyses, got $(wc -l < "$W/one")"
grep -q 'in.jsonl:14: malformed JSON' "$W/one.err" || fail "malformed line 14 not reported: $(head -3 "$W/one.err")"
# order: ids come out as they went in
ids=$(grep -o '"id":"[a-z0-9]*"' "$W/three" | head -3 | tr '\n' ' ')
[ "$ids" = '"id":"a0" "id":"a1" "id":"a2" ' ] || fail "order: $ids"
"$HS" analyze -j x "$W/in.jsonl" > /dev/null 2>&1
[ $? -eq 2 ] || fail "-j x should be a usage error"
exit 0
