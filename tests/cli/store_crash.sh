#!/bin/sh
# Crash safety and damaged stores.
# 1. 'hearsay add' killed with SIGKILL mid-run leaves a store that opens
#    cleanly, passes SQLite's integrity check and holds every article of every
#    batch it reported committed (and no part of the batch it was writing).
# 2. A store whose disk fills up keeps every committed batch and says so.
# 3. A file that is not a store, an SQLite file of another application, and
#    a damaged store are refused with a message naming the file (exit 6).
set -u
W=$(mktemp -d)
trap 'kill -9 $pid 2>/dev/null; rm -rf "$W"' EXIT
pid=""
fail() { echo "FAIL: $*"; exit 1; }

# 8,000 short articles recombined from the examples (the benchmark's generator)
sh "$ROOT/bench/store/templates.sh" "$ROOT"/examples/*.txt > "$W/t.jsonl"
awk -v N=8000 -v SEED=7 -f "$ROOT/bench/store/gen.awk" "$W/t.jsonl" > "$W/in.jsonl"

: > "$W/err" # exists before the background add opens it (the loop below reads it at once)
"$HS" add --db "$W/c.db" --batch 100 --progress "$W/in.jsonl" > /dev/null 2>"$W/err" &
pid=$!
# wait for a few committed batches, then kill without warning
i=0
while [ "$(grep -c committed "$W/err")" -lt 4 ]; do
    i=$((i + 1))
    [ $i -lt 3000 ] || fail "add committed nothing in 150 s: $(cat "$W/err")"
    kill -0 $pid 2>/dev/null || fail "add finished before it could be killed"
    sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
pid=""
last=$(grep committed "$W/err" | tail -1 | sed 's/[^0-9]*\([0-9]*\).*/\1/')
[ "$last" -ge 400 ] || fail "no committed count reported: $(cat "$W/err")"
"$HS" stats --db "$W/c.db" --check --json > "$W/stats" 2>"$W/err2" || fail "the killed store does not open: $(cat "$W/err2")"
grep -q '"integrity":\["ok"\]' "$W/stats" || fail "integrity: $(cat "$W/stats")"
n=$(sed 's/.*"articles":\([0-9]*\).*/\1/' "$W/stats")
[ "$n" -ge "$last" ] || fail "$n articles stored, but $last were reported committed"
[ $((n % 100)) -eq 0 ] || fail "$n articles stored: part of a batch survived the kill"
# the interrupted add resumes: what was stored is skipped, the rest is added
# (the first n + 150 articles of the input, to stay quick under valgrind)
head -n $((n + 150)) "$W/in.jsonl" > "$W/resume.jsonl"
"$HS" add --db "$W/c.db" --batch 5000 "$W/resume.jsonl" > "$W/out" 2>&1 || fail "resume: $(cat "$W/out")"
grep -q "^150 article(s) added, $n already stored" "$W/out" || fail "resume: $(cat "$W/out") (had $n)"

# a full disk (a file-size limit): the batch being written is rolled back,
# the message names the store, and what was committed stays readable
awk -v N=3000 -v SEED=3 -f "$ROOT/bench/store/gen.awk" "$ROOT/tests/store/ledger.jsonl" > "$W/big.jsonl"
(trap '' XFSZ; ulimit -f 2000; exec "$HS" load --batch 200 --db "$W/f.db" "$W/big.jsonl") > /dev/null 2>"$W/err"
st=$?
[ $st -eq 6 ] || fail "full disk: exit status $st, should be 6: $(cat "$W/err")"
grep -q "f.db: .*disk I/O error\|f.db: .*full" "$W/err" || fail "full disk: $(cat "$W/err")"
held=$(sed -n 's/.*the store holds the \([0-9]*\) article.*/\1/p' "$W/err")
[ -n "$held" ] && [ "$held" -gt 0 ] || fail "full disk: no count of what was kept: $(cat "$W/err")"
"$HS" stats --db "$W/f.db" --check --json > "$W/stats" 2>"$W/err2" || fail "after a full disk: $(cat "$W/err2")"
grep -q "\"articles\":$held," "$W/stats" || fail "after a full disk: $(cat "$W/stats"), expected $held articles"
grep -q '"integrity":\["ok"\]' "$W/stats" || fail "after a full disk: integrity $(cat "$W/stats")"

# not a database
head -c 8192 /dev/urandom > "$W/junk.db"
"$HS" stats --db "$W/junk.db" > /dev/null 2>"$W/err"
[ $? -eq 6 ] || fail "junk: exit status should be 6"
grep -q "junk.db: not a hearsay store" "$W/err" || fail "junk: $(cat "$W/err")"
"$HS" add --db "$W/junk.db" "$ROOT/examples" > /dev/null 2>"$W/err"
[ $? -eq 6 ] || fail "add into junk: exit status should be 6"
# an SQLite database of another application
sqlite3 "$W/other.db" "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('x');" 2>/dev/null || \
    printf 'SQLite format 3\000' > "$W/other.db"
"$HS" who --db "$W/other.db" Someone > /dev/null 2>"$W/err"
[ $? -eq 6 ] || fail "other: exit status should be 6"
grep -q "other.db: not a hearsay store" "$W/err" || fail "other: $(cat "$W/err")"
# a damaged store: pages in the middle overwritten
"$HS" load --db "$W/d.db" "$ROOT/tests/store/ledger.jsonl" > /dev/null || fail "load for damage"
size=$(wc -c < "$W/d.db")
dd if=/dev/urandom of="$W/d.db" bs=4096 seek=3 count=$((size / 4096 - 4)) conv=notrunc 2>/dev/null
"$HS" stats --db "$W/d.db" --check > /dev/null 2>"$W/err"
st=$?
[ $st -eq 6 ] || fail "damaged: exit status $st, should be 6: $(cat "$W/err")"
grep -q "d.db: " "$W/err" || fail "damaged: message does not name the file: $(cat "$W/err")"
# a missing store is not created by a query
"$HS" claims --db "$W/none.db" X > /dev/null 2>"$W/err"
[ $? -eq 6 ] || fail "missing store: exit status should be 6"
grep -q "none.db: no such store" "$W/err" || fail "missing: $(cat "$W/err")"
[ ! -e "$W/none.db" ] || fail "a query created a store"
exit 0
