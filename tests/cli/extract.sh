#!/bin/sh
# hearsay extract and HTML input to analyze: the article text of the test
# pages (tests/html/NAME.html → NAME.txt, byte for byte), metadata, gzip,
# charsets, and bad pages (clear message, documented exit status, no crash).
set -u
. "$ROOT/tests/cli/lib/expect.sh"
P="$ROOT/tests/html"

# golden texts
for page in "$P"/*.html; do
    want="${page%.html}.txt"
    [ -e "$want" ] || continue
    "$HS" extract "$page" > "$W/got" 2>"$W/err" || fail "extract $page: exit $?: $(cat "$W/err")"
    cmp -s "$W/got" "$want" || { diff "$want" "$W/got" | head -20; fail "extract $page differs from $want"; }
done

# metadata as JSON, the credit kept out of the text
"$HS" extract --json "$P/harbor-lantern.html" > "$W/j" || fail "extract --json: exit $?"
for kv in '"title": "Mara Quell and Odo Brannick spotted together in Lisbon"' '"date": "2025-03-14"' \
          '"authors": "Petra Vossberg; Ilan Marsh"' '"outlet": "The Harbor Lantern"' \
          '"image_credit": "Tiago Fonseca/Reelpix, Ana Dorado/AFP"' '"paragraphs": 10' \
          '"url": "https://harborlantern.example/2025/03/14/quell-brannick-lisbon/"'; do
    grep -qF "$kv" "$W/j" || fail "extract --json lacks $kv"
done
grep '"text"' "$W/j" | grep -q 'AFP' && fail "the photo credit leaked into the text"
# --jsonl: one line per page
"$HS" extract --jsonl "$P/harbor-lantern.html" "$P/quarry-bell-1252.html" > "$W/j" || fail "extract --jsonl: exit $?"
[ "$(wc -l < "$W/j")" -eq 2 ] || fail "--jsonl: expected 2 lines"
grep -q '"charset":"windows-1252"' "$W/j" || fail "--jsonl: the 1252 page's charset"

# gzip input gives the same text
gzip -c "$P/harbor-lantern.html" > "$W/story.html.gz"
"$HS" extract "$W/story.html.gz" > "$W/got" || fail "extract .html.gz: exit $?"
cmp -s "$W/got" "$P/harbor-lantern.txt" || fail "gzip page text differs"

# analyze reads pages and fills the article's metadata
"$HS" analyze --compact --no-text "$W/story.html.gz" > "$W/a" 2>"$W/err" || fail "analyze html.gz: exit $?: $(cat "$W/err")"
for kv in '"id":"story"' '"date":"2025-03-14"' '"outlet":"The Harbor Lantern"' \
          '"title":"Mara Quell and Odo Brannick spotted together in Lisbon"' \
          '"url":"https://harborlantern.example/2025/03/14/quell-brannick-lisbon/"'; do
    grep -qF "$kv" "$W/a" || fail "analyze html lacks $kv"
done
"$HS" analyze --format html --compact "$P/quarry-bell-1252.html" > "$W/a" || fail "analyze --format html: exit $?"
grep -q '"date":"2024-11-05"' "$W/a" || fail "date from the canonical URL"

# bad pages
expect 1 "no-article.html: no article text found" -- "$HS" extract "$P/no-article.html"
expect 1 "no-article.html: no article text found" -- "$HS" analyze "$P/no-article.html"
: > "$W/empty.html"
expect 1 "empty.html: empty file" -- "$HS" extract "$W/empty.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000' > "$W/junk.html"
expect 1 "junk.html: byte offset 8: binary data" -- "$HS" extract "$W/junk.html"
expect 1 "junk.html: byte offset 8: binary data" -- "$HS" analyze "$W/junk.html"
head -c 17000000 /dev/zero | tr '\0' 'a' > "$W/huge.html"
expect 1 "huge.html: page too large" -- "$HS" extract "$W/huge.html"
expect 3 "nope.html: cannot open" -- "$HS" extract "$W/nope.html"
# a truncated page: best effort, no crash
head -c 2500 "$P/harbor-lantern.html" > "$W/cut.html"
"$HS" extract "$W/cut.html" > "$W/out" 2>"$W/err"
st=$?
[ "$st" -le 1 ] || fail "truncated page: exit $st"
# no body at all, and broken markup (unclosed elements, stray end tags, a bad entity)
printf '<html><head><title>Nothing here</title></head></html>' > "$W/nobody.html"
expect 1 "nobody.html: no article text found" -- "$HS" extract "$W/nobody.html"
printf '<div><p>The council met on Monday, the mayor said, and the vote on harbour fees was put off until December &bogus; again.<div></span></p><p>Fishermen said they would attend the next meeting, whatever the board decides, and ask for a public vote.</td>' > "$W/broken.html"
"$HS" extract "$W/broken.html" > "$W/out" 2>"$W/err" || fail "broken markup: exit $?: $(cat "$W/err")"
grep -q "until December &bogus; again." "$W/out" || fail "broken markup: first paragraph lost"
grep -q "ask for a public vote." "$W/out" || fail "broken markup: second paragraph lost"
expect 2 "usage" -- "$HS" extract
exit 0
