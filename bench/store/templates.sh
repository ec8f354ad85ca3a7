#!/bin/sh
# Turn the example articles (text with a 'date' and an 'outlet:' header) into
# JSONL templates {"id","date","outlet","text"}.
for f in "$@"; do
    awk -v id="$(basename "$f" .txt)" '
        function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, " ", s); return s }
        head && /^date[: ]/ { date = $2; sub(/^date:? *[0-9-]+ */, ""); if ($0 == "") next; head = 0 }
        head && /^outlet:/ { sub(/^outlet: */, ""); outlet = $0; next }
        head && /^[ \t\r]*$/ { next }
        { head = 0; text = text (n++ ? "\\n" : "") esc($0) }
        BEGIN { head = 1 }
        END { printf "{\"id\": \"%s\", \"date\": \"%s\", \"outlet\": \"%s\", \"text\": \"%s\"}\n", id, date, esc(outlet), text }' "$f"
done
