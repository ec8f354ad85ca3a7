#!/bin/sh
# The web UI in a real browser: Debian's chromium, headless, driven by
# playwright-core (installed under tests/web/node_modules by scripts/setup.sh)
# against `hearsay serve` on a free loopback port. Screenshots: tests/out/web/.
set -u
W=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v node >/dev/null || fail "node is not installed (run: make setup)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is not installed (run: make setup)"
[ -d "$ROOT/tests/web/node_modules/playwright-core" ] || fail "playwright-core is not installed (run: make setup)"
if grep -rnE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(' "$ROOT/web"; then
    fail "web/ builds HTML from strings: article text must go through textContent only"
fi

"$HS" serve --port 0 --web "$ROOT/web" --max-body 200000 >"$W/out" 2>"$W/err" &
PID=$!
i=0
while ! grep -q listening "$W/out" 2>/dev/null; do
    i=$((i + 1)); [ $i -gt 600 ] && fail "server did not start: $(cat "$W/err")"
    sleep 0.05
done
URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$W/out")
timeout 120 node "$ROOT/tests/web/ui.mjs" "$URL" "$ROOT/tests/out/web" || fail "browser checks failed"
