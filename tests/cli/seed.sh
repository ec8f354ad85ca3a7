# The seed article (../shared/examples, beside the repository in CI): its date
# valgrind: yes
# header is read and each of its seven full quotations is a direct attribution.
SEED="$ROOT/../shared/examples/seed-article.txt"
[ -e "$SEED" ] || { echo "missing $SEED"; exit 1; }
out=$("$HS" analyze --compact "$SEED") || { echo "analyze failed: $?"; exit 1; }
echo "$out" | grep -q '"date":"2025-03-29"' || { echo "date not 2025-03-29"; exit 1; }
n=$(echo "$out" | grep -o '"kind":"direct","content"' | wc -l)
[ "$n" -eq 7 ] || { echo "want 7 direct attributions, got $n"; exit 1; }
exit 0
