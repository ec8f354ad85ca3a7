#!/bin/sh
# Turn the example articles (text with a 'date' header) into JSONL templates.
for f in "$@"; do
    awk -v id="$(basename "$f" .txt)" '
        NR == 1 { date = $2; sub(/^date [0-9-]+ /, "") }
        { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, " "); text = text (NR > 1 ? "\\n" : "") $0 }
        END { printf "{\"id\": \"%s\", \"date\": \"%s\", \"text\": \"%s\"}\n", id, date, text }' "$f"
done
