# Sourced by tests/cli/*.sh: a scratch directory, fail and expect.
# (Not a test itself: tests/run.sh runs tests/cli/*.sh only.)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# expect STATUS PATTERN -- command...: run, check the exit status and that
# stderr matches PATTERN (stdout in $W/out, stderr in $W/err)
expect() {
    want=$1; pat=$2; shift 3
    "$@" >"$W/out" 2>"$W/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "$*: exit $got, expected $want; stderr: $(head -c 300 "$W/err")"
    grep -q -- "$pat" "$W/err" || fail "$*: stderr lacks '$pat': $(head -c 300 "$W/err")"
}
