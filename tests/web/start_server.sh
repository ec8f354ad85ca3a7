# Sourced by the serve tests (tests/cli/serve_*.sh, web_ui.sh): start
# `hearsay serve --port 0 ARGS...` in the background, wait until it listens.
# Sets PID and URL; output in $W/out and $W/err.  Also gives the scripts a
# scratch directory $W, fail(), and a clean-up that stops the server.
W=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$W/err" ] && tail -5 "$W/err"; exit 1; }

start_server() {
    : > "$W/out" # emptied here, not by the child's redirection, which may come after the first grep below
    "$HS" serve --port 0 "$@" >"$W/out" 2>"$W/err" &
    PID=$!
    i=0
    while ! grep -q listening "$W/out" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt 600 ] && fail "server did not start: $(cat "$W/err")"
        sleep 0.05
    done
    URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$W/out")
}
