#!/bin/sh
# hearsay serve over HTTP (curl): every route answers, errors are JSON with a
# status, path traversal and oversized bodies are refused, the server stops
# cleanly on SIGTERM.
set -u
. "$ROOT/tests/web/start_server.sh"

start_server --web "$ROOT/web" --max-body 100000

# req METHOD PATH EXPECTED_STATUS [curl args...]: body in $W/body
req() {
    m=$1; p=$2; want=$3; shift 3
    got=$(curl -s --path-as-is -o "$W/body" -w '%{http_code}' -X "$m" "$@" "$URL${p#/}") || fail "$m $p: curl failed"
    [ "$got" = "$want" ] || fail "$m $p: status $got, expected $want: $(head -c 300 "$W/body")"
}
json_error() { grep -q "\"error\":{\"status\":$1," "$W/body" || fail "not a JSON error $1: $(head -c 300 "$W/body")"; }

req GET /api/health 200
grep -q '"status":"ok"' "$W/body" || fail "health: $(cat "$W/body")"
req GET /api 200
grep -q '"/api/analyze"' "$W/body" || fail "GET /api does not list /api/analyze"
req GET / 200
grep -q '<html' "$W/body" || fail "GET / is not the UI's index.html"

# analyze: text with metadata in the query, JSON, errors
printf 'date 2026-05-04\nA pal told the Morning Quill: \342\200\234Ivo and Mara are done.\342\200\235\n' > "$W/a.txt"
req POST "/api/analyze?outlet=Quill" 200 -H 'Content-Type: text/plain' --data-binary @"$W/a.txt"
grep -q '"schema":"hearsay/1"' "$W/body" || fail "analyze: not hearsay/1"
grep -q '"outlet":"Quill"' "$W/body" || fail "analyze: outlet from the query lost"
grep -q '"attributions":\[{"id":"A1","kind":"[a-z]*","content":{"start":[0-9]*,"end":[0-9]*,"text":"[^"]*Ivo and Mara are done.' "$W/body" || fail "analyze: quotation missing: $(head -c 400 "$W/body")"
req POST /api/analyze 200 -H 'Content-Type: application/json' -d '{"text":"Lena said: \"<script>alert(1)</script>\"","date":"2026-01-02"}'
grep -q '"date":"2026-01-02"' "$W/body" || fail "analyze JSON: date lost"
# an HTML page goes through the reader's HTML path: the article, not the markup
req POST "/api/analyze?date=2026-05-05" 200 -H 'Content-Type: text/html; charset=utf-8' \
    --data-binary '<html><head><title>Split</title></head><body><nav>Home | News</nav><article><p>Singer Ona Brisk and actor Wil Tamsen have parted, a friend told the Pike Post: &ldquo;They are both relieved.&rdquo;</p></article></body></html>'
grep -q '"content":{"start":[0-9]*,"end":[0-9]*,"text":"[^"]*They are both relieved.' "$W/body" || fail "HTML: quotation missing: $(head -c 300 "$W/body")"
grep -q '<p>' "$W/body" && fail "HTML: markup in the analysed text"
req POST /api/analyze 200 -H 'Content-Type: application/json' -d '{"format":"html","text":"<html><body><article><p>The singer Ona Brisk spoke to reporters outside the theatre in Ghent on Monday night. Ona said: \"Fine.\"</p></article></body></html>"}'
grep -q '"content":{"start":[0-9]*,"end":[0-9]*,"text":"[^}]*Fine\.' "$W/body" || fail "JSON with format html: $(head -c 300 "$W/body")"
req POST /api/analyze 400 -H 'Content-Type: application/json' -d '{"text": "x",'
json_error 400
grep -q 'malformed JSON' "$W/body" || fail "malformed JSON message: $(cat "$W/body")"
req POST /api/analyze 400 -H 'Content-Type: application/json' -d '{"title":"no text"}'
req POST /api/analyze 415 -H 'Content-Type: application/x-www-form-urlencoded' -d 'text=x'
json_error 415
req POST /api/analyze 422 -H 'Content-Type: text/plain' --data-binary ' '
json_error 422

# wrong methods, unknown routes
req GET /api/analyze 405
json_error 405
req DELETE /api/health 405
req PUT /index.html 405
req GET /api/no-such-route 404
json_error 404
req GET /no-such-file.html 404

# path traversal, raw and percent-encoded, and hidden files
for p in /../README.md /../../etc/passwd /%2e%2e/README.md /%2e%2e%2f%2e%2e%2fetc%2fpasswd /..%5cREADME.md \
         /.gitignore /./index.html //etc/passwd; do
    req GET "$p" 404
    json_error 404
done

# body size: declared too large, and streamed (chunked) too large
head -c 150000 /dev/zero | tr '\0' a > "$W/big.txt"
req POST /api/analyze 413 -H 'Content-Type: text/plain' --data-binary @"$W/big.txt"
json_error 413
req POST /api/analyze 413 -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$W/big.txt"
# the server still answers afterwards
req GET /api/health 200

kill -TERM "$PID"
wait "$PID"
rc=$?
PID=""
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM"
grep -q 'stopping' "$W/err" || fail "no stopping message"

# bad options and addresses
"$HS" serve --port 70000 >/dev/null 2>"$W/err"; [ $? -eq 2 ] || fail "--port 70000 not a usage error"
"$HS" serve --port 0 --bind 999.1.1.1 >/dev/null 2>"$W/err"; [ $? -eq 2 ] || fail "--bind 999.1.1.1 not refused"
grep -q "not an IPv4 or IPv6 address" "$W/err" || fail "bad --bind message: $(cat "$W/err")"
"$HS" serve --port 0 --web "$W/nope" >/dev/null 2>"$W/err"; [ $? -eq 3 ] || fail "--web to nowhere: exit not 3"
grep -q "nope: not a readable directory" "$W/err" || fail "bad --web message: $(cat "$W/err")"
exit 0
