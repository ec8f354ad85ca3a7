# The README's worked example is real output: the summary block it quotes
# (from "== 04-glimmer…" to the "times:" line) is what the current build
# prints for examples/04-glimmer-quell-wren-insider.txt.
want=$(sed -n '/^== 04-glimmer-quell-wren-insider/,/^   times:/p' "$ROOT/README.md")
[ -n "$want" ] || { echo "README.md: the worked example block is missing"; exit 1; }
got=$("$HS" analyze --summary "$ROOT/examples/04-glimmer-quell-wren-insider.txt" 2>/dev/null |
      sed -n '/^== 04-glimmer-quell-wren-insider/,/^   times:/p') || { echo "analyze failed"; exit 1; }
[ "$want" = "$got" ] && exit 0
echo "README.md's worked example differs from the build's output (update the README):"
t=$(mktemp); printf '%s\n' "$want" > "$t"
printf '%s\n' "$got" | diff "$t" -; rm -f "$t"
exit 1
