#!/bin/sh
# The web UI in a real browser: Debian's chromium, headless, driven by
# playwright-core (installed under tests/web/node_modules by scripts/setup.sh)
# against `hearsay serve` on a free loopback port. Screenshots: tests/out/web/.
set -u
. "$ROOT/tests/web/start_server.sh"
command -v node >/dev/null || fail "node is not installed (run: make setup)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is not installed (run: make setup)"
[ -d "$ROOT/tests/web/node_modules/playwright-core" ] || fail "playwright-core is not installed (run: make setup)"
if grep -rnE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(' "$ROOT/web"; then
    fail "web/ builds HTML from strings: article text must go through textContent only"
fi

# a store of the examples' hand-written hearsay/1 (entities, sources, claims)
"$HS" load --db "$W/t.db" "$ROOT/tests/store/ledger.jsonl" >/dev/null || fail "load tests/store/ledger.jsonl"
start_server --db "$W/t.db" --web "$ROOT/web" --max-body 200000
timeout 120 node "$ROOT/tests/web/ui.mjs" "$URL" "$ROOT/tests/out/web" --store || fail "browser checks failed"
