#!/bin/sh
# Run every test: unit tests, golden files, command-line cases.
# usage: sh tests/run.sh BUILD_DIR     (the last line reads 'N passed, N failed')
B=${1:-build}
HS="$B/hearsay"
T=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$T/.." && pwd)
cd "$ROOT" || exit 1
export HEARSAY_MODELS="$ROOT/models" HEARSAY_DATA="$ROOT/data"
passed=0
failed=0

# VALGRIND=1: the unit tests, the golden files and the command-line scripts
# marked '# valgrind: yes' run under valgrind memcheck; a leak or a memory
# error fails the run (exit 99).
UNIT="$B/test_unit"
if [ "${VALGRIND:-0}" = 1 ]; then
    VG_DIR=$(mktemp -d)
    trap 'rm -rf "$VG_DIR"' EXIT
    VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VG" "$ROOT/$B/hearsay" > "$VG_DIR/hearsay"
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VG" "$ROOT/$B/test_unit" > "$VG_DIR/test_unit"
    chmod +x "$VG_DIR/hearsay" "$VG_DIR/test_unit"
    HS="$VG_DIR/hearsay"
    UNIT="$VG_DIR/test_unit"
fi

# 1. unit tests
out=$("$UNIT" 2>&1)
echo "$out" | grep -v '^unit:' 
line=$(echo "$out" | grep '^unit:' | tail -n 1)
if [ -z "$line" ]; then
    echo "FAIL unit tests did not finish"
    failed=$((failed + 1))
else
    p=$(echo "$line" | sed 's/unit: \([0-9]*\) passed.*/\1/')
    f=$(echo "$line" | sed 's/.* \([0-9]*\) failed.*/\1/')
    passed=$((passed + p))
    failed=$((failed + f))
    echo "$line"
fi

# 2. golden files: tests/golden/NAME.txt → NAME.json (hearsay analyze output, byte for byte)
gp=0; gf=0
for input in tests/golden/*.txt tests/golden/*.jsonl; do
    [ -e "$input" ] || continue
    expect="${input%.*}.json"
    [ -e "$expect" ] || continue
    args=""
    case "$input" in *.jsonl) args="--jsonl";; esac
    actual=$("$HS" analyze $args "$input" 2>&1)
    if [ "$actual" = "$(cat "$expect")" ]; then
        gp=$((gp + 1))
    else
        gf=$((gf + 1))
        echo "FAIL golden $input (regenerate with: $HS analyze $args $input > $expect)"
        echo "$actual" | diff "$expect" - | head -20
    fi
done
echo "golden: $gp passed, $gf failed"
passed=$((passed + gp)); failed=$((failed + gf))

# 3. command-line cases: each tests/cli/*.sh exits 0 when it holds
cp=0; cf=0
for t in tests/cli/*.sh; do
    [ -e "$t" ] || continue
    # under valgrind only the scripts marked '# valgrind: yes' run (the others
    # start the binary hundreds of times; ASan covers them)
    if [ "${VALGRIND:-0}" = 1 ] && ! grep -q '^# valgrind: yes' "$t"; then
        continue
    fi
    case "$HS" in /*) hs_abs="$HS";; *) hs_abs="$ROOT/$HS";; esac
    if msg=$(HS="$hs_abs" ROOT="$ROOT" sh "$t" 2>&1); then
        cp=$((cp + 1))
    else
        cf=$((cf + 1))
        echo "FAIL $t"
        echo "$msg" | tail -20
    fi
done
echo "cli: $cp passed, $cf failed"
passed=$((passed + cp)); failed=$((failed + cf))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
