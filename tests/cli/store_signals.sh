#!/bin/sh
# Faults while writing the store:
# 1. SIGINT and SIGTERM during 'hearsay add' (one thread and -j 2) and during
#    'hearsay load': the command finishes the article it is writing, commits,
#    says so and exits with 128 + the signal; the store passes SQLite's
#    integrity check and holds exactly the articles it reported; running the
#    same command again adds the rest.
# 2. A store locked by another writer (a 'hearsay add' holding its next batch
#    open while it waits for input on a pipe): a second writer waits
#    HEARSAY_LOCK_TIMEOUT seconds, then fails with a clear message (exit 6)
#    and changes nothing; readers go on reading meanwhile; once the first
#    writer is stopped, the second one succeeds.
set -u
W=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

sh "$ROOT/bench/store/templates.sh" "$ROOT"/examples/*.txt > "$W/t.jsonl"
awk -v N=2000 -v SEED=11 -f "$ROOT/bench/store/gen.awk" "$W/t.jsonl" > "$W/in.jsonl"
awk -v N=6000 -v SEED=5 -f "$ROOT/bench/store/gen.awk" "$ROOT/tests/store/ledger.jsonl" > "$W/h1.jsonl"

# wait_committed FILE N: until N batches were reported committed
wait_committed() {
    i=0
    while [ "$(grep -c committed "$1")" -lt "$2" ]; do
        i=$((i + 1))
        [ $i -lt 3000 ] || fail "nothing committed in 150 s: $(cat "$1")"
        kill -0 $pid 2>/dev/null || fail "finished before the signal: $(cat "$1")"
        sleep 0.05
    done
}

# interrupt SIG STATUS DB COMMAND...: run, signal after two batches, check
interrupt() {
    sig=$1 want=$2 db=$3
    shift 3
    : > "$W/err"
    "$@" > "$W/out" 2>>"$W/err" &
    pid=$!
    wait_committed "$W/err" 2
    kill -"$sig" $pid
    wait $pid
    st=$?
    pid=""
    [ $st -eq "$want" ] || fail "$sig: exit status $st, expected $want: $(tail -3 "$W/err")"
    grep -q "^hearsay: interrupted by SIG$sig after [0-9]* article(s): those are committed" "$W/err" ||
        fail "$sig: no message: $(tail -3 "$W/err")"
    said=$(sed -n 's/^\([0-9]*\) article(s) [a-z]*, \([0-9]*\) already stored.*before the interruption$/\1 \2/p' "$W/out")
    [ -n "$said" ] || fail "$sig: no count on stdout: $(cat "$W/out")"
    "$HS" stats --db "$db" --check --json > "$W/stats" 2>"$W/err2" || fail "$sig: the store does not open: $(cat "$W/err2")"
    grep -q '"integrity":\["ok"\]' "$W/stats" || fail "$sig: integrity: $(cat "$W/stats")"
    stored=$(sed 's/.*"articles":\([0-9]*\).*/\1/' "$W/stats")
    echo "$said" | awk -v s="$stored" '{ exit !($1 + $2 == s) }' ||
        fail "$sig: reported '$said' (added, already stored), the store holds $stored"
}

# SIGINT, one thread
interrupt INT 130 "$W/a.db" "$HS" add --db "$W/a.db" --batch 100 --progress "$W/in.jsonl"
n1=$stored
[ "$n1" -ge 200 ] && [ "$n1" -lt 2000 ] || fail "SIGINT: $n1 articles stored"
# SIGTERM, two threads, resuming the same input
interrupt TERM 143 "$W/a.db" "$HS" add -j 2 --db "$W/a.db" --batch 100 --progress "$W/in.jsonl"
[ "$stored" -gt "$n1" ] || fail "SIGTERM: nothing added after resuming ($stored)"
# the rest, uninterrupted
"$HS" add --db "$W/a.db" --batch 5000 "$W/in.jsonl" > "$W/out" 2>&1 || fail "resume: $(cat "$W/out")"
grep -q "^$((2000 - stored)) article(s) added, $stored already stored, 0 rejected" "$W/out" ||
    fail "resume after $stored: $(cat "$W/out")"
# SIGTERM during load
interrupt TERM 143 "$W/b.db" "$HS" load --db "$W/b.db" --batch 100 --progress "$W/h1.jsonl"

# a locked store: the first writer commits one article and opens its next
# batch (it says "committed" after opening it), then waits for input
head -1 "$W/in.jsonl" > "$W/one.jsonl"
mkfifo "$W/fifo"
"$HS" add --db "$W/l.db" --batch 1 --progress - < "$W/fifo" > "$W/lout" 2>"$W/lerr" &
pid=$!
exec 3> "$W/fifo"
cat "$W/one.jsonl" >&3
wait_committed "$W/lerr" 1
HEARSAY_LOCK_TIMEOUT=1 "$HS" add --db "$W/l.db" "$ROOT/examples" > "$W/out" 2>"$W/err"
st=$?
[ $st -eq 6 ] || fail "second writer: exit status $st, expected 6: $(cat "$W/err")"
grep -q "l.db: .*the store is locked by another process writing to it.*gave up after waiting 1 s" "$W/err" ||
    fail "second writer: $(cat "$W/err")"
# readers are not blocked
"$HS" stats --db "$W/l.db" --json > "$W/stats" || fail "a reader was blocked by the lock"
exec 3>&-  # end of input: the first writer commits and exits
wait $pid
st=$?
pid=""
[ $st -eq 0 ] || fail "first writer: exit $st: $(cat "$W/lerr")"
grep -q '^1 article(s) added' "$W/lout" || fail "first writer: $(cat "$W/lout")"
HEARSAY_LOCK_TIMEOUT=1 "$HS" add --db "$W/l.db" "$ROOT/examples" > "$W/out" 2>"$W/err" ||
    fail "second writer after the first: $(cat "$W/err")"
"$HS" stats --db "$W/l.db" --check --json > "$W/stats" || fail "stats after the lock"
grep -q '"articles":14,.*"integrity":\["ok"\]' "$W/stats" || fail "after the lock: $(cat "$W/stats")"
exit 0
