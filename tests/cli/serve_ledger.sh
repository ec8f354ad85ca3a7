#!/bin/sh
# hearsay serve --db: every store route over HTTP (curl) on a store loaded
# from tests/store/ledger.jsonl, with good and bad input: unknown ids and
# names (404), ambiguous names (409), bad arguments (400), wrong methods
# (405), malformed JSON, adding an article (201, then 200 as already stored).
set -u
. "$ROOT/tests/web/start_server.sh"

"$HS" load --db "$W/t.db" "$ROOT/tests/store/ledger.jsonl" >/dev/null || fail "load"
start_server --db "$W/t.db" --web "$ROOT/web"

req() { # req METHOD PATH STATUS [curl args]: body in $W/body
    m=$1; p=$2; want=$3; shift 3
    got=$(curl -s -o "$W/body" -w '%{http_code}' -X "$m" "$@" "$URL${p#/}") || fail "$m $p: curl failed"
    [ "$got" = "$want" ] || fail "$m $p: status $got, expected $want: $(head -c 300 "$W/body")"
}
has() { grep -q -- "$1" "$W/body" || fail "$2: body lacks '$1': $(head -c 400 "$W/body")"; }

req GET /api/health 200;                          has '"store":true' health
req GET /api/stats 200;                           has '"articles":13' stats
req GET "/api/entities?q=qu" 200;                 has '"name":"Mara Quell"' entities
req GET "/api/entities?q=" 200;                   has '"entities":\[{' "entities without q"
req GET "/api/entities?q=zzzz" 200;               has '"entities":\[\]' "entities: no match"
req GET "/api/entities?limit=0" 400;              has 'limit must be a number from 1 to 1000' "limit 0"
req GET "/api/entities?limit=x" 400
req GET "/api/entity?name=Quell" 200;             has '"entity":{"id":1,"name":"Mara Quell"' "entity by variant"
req GET "/api/entity?name=%23" 400
req GET "/api/entity?name=Moreno" 409;            has "is ambiguous" "ambiguous name"
req GET "/api/entity?name=Nobody%20Atall" 404;    has "no entity named 'Nobody Atall'" "unknown entity"
req GET "/api/entity" 400;                        has "'name' is required" "entity without name"
req GET "/api/claims?name=Tobias%20Wren&with=Mara%20Quell" 200
has '"summary":"contested","origins":{"support":2,"deny":1}' "pair claims"
has '"echo":true' "pair claims: echoes"
req GET "/api/claims?limit=1" 200;                has '"claims":\[{"id":1,' "top claim"
req GET "/api/claims?with=Mara%20Quell" 400;      has "'with' needs 'name'" "with without name"
req GET /api/claims/1 200;                        has '"origins":\[{"origin":"Starwatch Weekly","stance":"support"' trace
req GET /api/claims/999 404;                      has "no claim 999" "unknown claim"
req GET /api/claims/abc 400;                      has "a claim id is a positive number" "claim id"
req GET /api/claims/-1 400
req GET /api/articles/ex02 200;                   has '"schema":"hearsay/1"' article
has '"source":{"start":' "article: source located"
req GET /api/articles/nope 404;                   has "no article 'nope'" "unknown article"
req GET /api/sources 200;                         has '"outlets":\[{"outlet":' sources
req GET "/api/sources?outlet=Buzzline" 200;       has '"outlet":"Buzzline"' "sources of one outlet"
req GET "/api/search?q=onlooker" 200;             has '"kind":"article"' search
req GET "/api/search?q=" 400
req GET "/api/search?q=%22%22%20AND%20OR" 200
req DELETE /api/claims/1 405
req POST /api/entity 405
req PUT /api/articles/ex01 405

# adding an article: new (201), then already stored (200); then it can be read back
printf 'date 2026-06-01\nA friend told the Morning Quill: \342\200\234Wil and Ona are done.\342\200\235\n' > "$W/new.txt"
req POST "/api/articles?id=quill-1&outlet=Morning%20Quill" 201 -H 'Content-Type: text/plain' --data-binary @"$W/new.txt"
has '"added":true' "add: new"
req POST "/api/articles?id=quill-1&outlet=Morning%20Quill" 200 -H 'Content-Type: text/plain' --data-binary @"$W/new.txt"
has '"added":false' "add: again"
req GET /api/articles/quill-1 200;                has '"outlet":"Morning Quill"' "added article read back"
req GET /api/stats 200;                           has '"articles":14' "stats after add"
# the response cache: a repeated read is a hit; a write by another process
# (hearsay load on the same file) makes the kept answers stale
req GET /api/stats 200
req GET /api/health 200;                          has '"cache":{"hits":[1-9]' "cache hits"
printf '{"schema":"hearsay/1","article":{"id":"ext-1","date":"2026-06-02","outlet":"Pike Post","title":null,"url":null,"text":"Ona Brisk smiled."},"entities":[],"attributions":[],"relations":[],"timexes":[],"hedges":[]}\n' > "$W/ext.jsonl"
"$HS" load --db "$W/t.db" "$W/ext.jsonl" >/dev/null || fail "load while serving"
req GET /api/stats 200;                           has '"articles":15' "stats after another process wrote"
req POST /api/articles 400 -H 'Content-Type: application/json' -d '{"text": '
has "malformed JSON" "add: malformed JSON"
req POST /api/articles 422 -H 'Content-Type: text/plain' --data-binary ' '

kill -TERM "$PID"; wait "$PID"; rc=$?; PID=""
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM"

# a store that is not one: exit 6 with the file named
printf 'not sqlite at all' > "$W/bad.db"
"$HS" serve --port 0 --db "$W/bad.db" >/dev/null 2>"$W/err"; rc=$?
[ $rc -eq 6 ] || fail "--db on a foreign file: exit $rc, expected 6"
grep -q "bad.db" "$W/err" || fail "foreign store message: $(cat "$W/err")"
# without --db the store's routes answer 503
start_server
req GET "/api/entity?name=x" 503;                 has "no store" "no store"
req POST /api/articles 503 -H 'Content-Type: text/plain' -d 'x'
exit 0
