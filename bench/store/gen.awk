# Recombine template articles into N new ones: the people and outlets of the
# examples are replaced, article by article, by invented names drawn from a
# skewed pool (a few people are in many articles, as in real gossip), and each
# article gets its own id and a closing line so no two texts are the same.
#   awk -v N=10000 -v SEED=1 -f gen.awk templates.jsonl > out.jsonl
# Templates are JSON lines (plain {"id","date","text"} or hearsay/1); names
# are replaced everywhere in the line, so hearsay/1 spans keep their text
# (their byte offsets then no longer match, and `hearsay load` drops them).
BEGIN {
    srand(SEED ? SEED : 1)
    split("Ka Lo Mi Ta Ve Ro Si Da Ne Jo Ar El Fa Ho Ir", A, " ")
    split("ra len mi dor sa vin na the ric lo bel tan sia mon ra", B, " ")
    split("Brand Fenn Holt Quist Marr Dunn Selk Varg Oden Ryl Thorn Cask Lund Pell Wick", C, " ")
    split("er ow ing ley ston ard ick enby ett ham ers ova", D, " ")
    split("Mara Tobias Renée Renee Alex Dana Ingrid Paul Corinne Lior Felix", FIRST, " ")
    split("Quell Wren Halvorsen Halvorsen Moreno Moreno Vale Okafor Blake Benn Arndt", LAST, " ")
    n_out = split("Starwatch Weekly|Daily Lantern|Pop Courier|Glimmer Magazine|Evening Ledger|Buzzline|Hollow Hills Gazette|Capital Ledger", OUTLET, "|")
    n_names = 15 * 15
}
{ tmpl[NR] = $0 }
# every occurrence of the literal string `from` in s replaced by `to` (mawk's
# gsub with a string pattern slows down with every call: quadratic over a run)
function rep(s, from, to,   out, k, n) {
    n = length(from); out = ""
    while ((k = index(s, from)) > 0) { out = out substr(s, 1, k - 1) to; s = substr(s, k + n) }
    return out s
}
function person(   p) { p = int(600 * rand() ^ 3); return p }
function first(p) { return A[1 + p % 15] B[1 + int(p / 15) % 15] }
function last(p) { return C[1 + int(p / 7) % 15] D[1 + p % 12] }
END {
    for (i = 1; i <= N; i++) {
        line = tmpl[1 + (i - 1) % NR]
        # one invented person per role (a role is a first and last name pair)
        delete seen
        for (r = 1; r <= 11; r++) {
            if (!(LAST[r] in seen)) { seen[LAST[r]] = person() }
            p = seen[LAST[r]]
            line = rep(line, FIRST[r], first(p))
            line = rep(line, LAST[r], last(p))
        }
        for (o = 1; o <= n_out; o++) {
            q = int(40 * rand())
            to = "The " C[1 + q % 15] " " (q < 15 ? "Herald" : (q < 30 ? "Wire" : "Post"))
            line = rep(rep(rep(line, "The " OUTLET[o], to), "the " OUTLET[o], to), OUTLET[o], to)
        }
        # a unique id, and a last sentence so no two texts are the same
        # (match and substr: mawk's sub with a new replacement each call is quadratic too)
        if (match(line, /"id": *"[^"]*"/))
            line = substr(line, 1, RSTART - 1) "\"id\": \"bench-" i "\"" substr(line, RSTART + RLENGTH)
        if (match(line, /"text": *"/))
            line = substr(line, 1, RSTART + RLENGTH - 1) "(Report " i ".) " substr(line, RSTART + RLENGTH)
        print line
    }
}
