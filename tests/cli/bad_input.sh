#!/bin/sh
# valgrind: yes
# Bad input: each case gives a clear message on stderr, the documented exit
# status and no crash (exit statuses above 100 would mean a signal).
set -u
. "$ROOT/tests/cli/lib/expect.sh"

# an empty file
: > "$W/empty.txt"
expect 1 "empty.txt: empty" -- "$HS" analyze "$W/empty.txt"
# white space only
printf '   \n\n  \n' > "$W/blank.txt"
expect 1 "blank.txt: empty article" -- "$HS" analyze "$W/blank.txt"
# binary junk (NUL bytes)
printf 'GIF89a\001\000\001\000\200\000\000\377\377\377' > "$W/junk.txt"
expect 1 "junk.txt: NUL byte at byte offset 7" -- "$HS" analyze "$W/junk.txt"
# invalid UTF-8 names the byte offset; --lossy replaces it
printf 'Mara Quell told the Daily Lantern: \342\200\234It was \377 fine.\342\200\235\n' > "$W/bad.txt"
expect 1 "bad.txt: invalid UTF-8 at byte offset 45" -- "$HS" analyze "$W/bad.txt"
"$HS" analyze --lossy "$W/bad.txt" > "$W/out" 2>"$W/err" || fail "--lossy: exit $?"
grep -q 'It was � fine' "$W/out" || fail "--lossy did not put U+FFFD in the text"
# a missing file
expect 3 "no-such-file.txt: cannot open" -- "$HS" analyze "$W/no-such-file.txt"
# a malformed JSONL line: reported with its line number, the other lines analysed
printf '%s\n' '{"id":"a1","text":"Ola Brandt said nothing."}' '{"id":"a2","text":"unclosed' \
    '["not","an","object"]' '{"id":"a4"}' '{"id":"a5","date":"2024-02-30","text":"Fine text here."}' > "$W/in.jsonl"
expect 1 "in.jsonl:2: malformed JSON" -- "$HS" analyze --jsonl "$W/in.jsonl"
grep -q "in.jsonl:3: a line must hold one JSON object" "$W/err" || fail "line 3 not reported"
grep -q "in.jsonl:4: no \"text\" string" "$W/err" || fail "line 4 not reported"
[ "$(wc -l < "$W/out")" -eq 2 ] || fail "expected the 2 good lines analysed, got $(wc -l < "$W/out")"
grep -q '"id":"a5"' "$W/out" || fail "line 5 not analysed"
# a 10 MB line: refused by the size limit with a message, analysed when allowed
head -c 10485760 /dev/zero | tr '\0' 'a' > "$W/long.txt"
expect 1 "long.txt: article too large (10485760 bytes" -- "$HS" analyze "$W/long.txt"
"$HS" analyze --max-bytes 20000000 --no-text --compact "$W/long.txt" > "$W/out" 2>"$W/err" || fail "10 MB line with --max-bytes: exit $?"
grep -q '"schema":"hearsay/1"' "$W/out" || fail "10 MB line: no output"
# an unterminated quotation: analysed, with a warning naming its byte offset
printf 'date 2024-05-02 Tova Lind told the Evening Ledger: \342\200\234We never planned it.\n\nThe couple left early.\n' > "$W/open.txt"
expect 1 "open.txt: byte offset 35: unterminated quotation" -- "$HS" analyze "$W/open.txt"
grep -q '"schema": "hearsay/1"' "$W/out" || fail "unterminated quote: no output"
# a malformed date header
printf 'date 2024-13-45 Text follows.\n' > "$W/date.txt"
expect 1 "date.txt:1: malformed 'date' header" -- "$HS" analyze "$W/date.txt"
# usage errors
expect 2 "unknown format" -- "$HS" analyze --format xml "$W/open.txt"
expect 2 "unknown command" -- "$HS" frobnicate
exit 0
