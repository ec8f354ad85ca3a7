#!/bin/sh
# valgrind: yes
# Faults: output that cannot be written (a full disk) is a clear error with
# exit status 5, never a silent success.
set -u
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf 'date 2026-02-03 \342\200\234We are fine,\342\200\235 Pia Lund told the Evening Ledger.\n' > "$W/a.txt"
[ -w /dev/full ] || { echo "no /dev/full here"; exit 1; }
"$HS" analyze "$W/a.txt" > /dev/full 2> "$W/err"
s=$?
[ "$s" -eq 5 ] || fail "full disk: exit $s, expected 5"
grep -q "cannot write output" "$W/err" || fail "full disk: no message: $(cat "$W/err")"
"$HS" analyze --jsonl -j 2 "$W/a.txt" "$W/a.txt" > /dev/full 2> "$W/err"
s=$?
[ "$s" -eq 5 ] || fail "full disk with -j 2: exit $s, expected 5"
exit 0
