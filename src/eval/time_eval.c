/* `hearsay eval time`: the time layer against a case file the developers
 * wrote, and over a real corpus for counts, speed and a sample to read.
 *
 *   hearsay eval time --cases tests/time/cases.tsv [--json] [--errors]
 *       Each line: DATE<TAB>SENTENCE<TAB>EXPECTED[<TAB>EXPECTED…], DATE is
 *       YYYY-MM-DD or '-' (unknown), EXPECTED is TEXT=VALUE or TEXT=VALUE@MOD
 *       (VALUE 'null' for an unresolved expression), or a single '-' when the
 *       sentence holds no temporal expression.  '#' starts a comment line.
 *       Prints precision, recall and F1 of spans, and of span+value+mod.
 *   hearsay eval time --jsonl FILE [--sample N] [--seed S] [--limit N] [--json]
 *       Runs the time stage over articles (JSONL, .gz allowed; GossipCop's
 *       numeric publish_date is used as the article date), prints counts and
 *       throughput, and N timexes drawn at random with their context, for a
 *       precision estimate by hand. */
#include "analyzer.h"
#include "doc.h"
#include "eval/eval.h"
#include "hearsay.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct counts {
    size_t lines, gold, pred, tp_span, tp_full;
} counts;

static double prf(size_t tp, size_t n) { return n ? (double)tp / (double)n : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

static void print_prf(FILE *out, int json, const char *name, size_t tp, const counts *c, int last)
{
    double p = prf(tp, c->pred), r = prf(tp, c->gold);
    if (json)
        fprintf(out, "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"tp\":%zu}%s", name, p, r, f1(p, r),
                tp, last ? "" : ",");
    else
        fprintf(out, "%-11s P %.3f  R %.3f  F1 %.3f  (%zu correct)\n", name, p, r, f1(p, r), tp);
}

/* One expected timex of a case line. */
typedef struct gold_tx {
    const char *text, *value; /* value NULL for "null" */
    size_t text_len;
    int mod;
    int used;
} gold_tx;

static int parse_mod(const char *s)
{
    for (int m = 1; m < 5; m++)
        if (strcmp(s, hs_timex_mod_names[m]) == 0)
            return m;
    return -1;
}

/* Split a case line in place. Returns 0, or -1 with a message in *why. */
static int parse_case(char *line, char **date, char **sent, gold_tx *g, size_t *ng, size_t maxg, const char **why)
{
    char *f[64];
    size_t nf = 0;
    for (char *p = line;;) {
        if (nf == 64) {
            *why = "too many fields";
            return -1;
        }
        f[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = 0;
        p = tab + 1;
    }
    if (nf < 3) {
        *why = "want DATE<TAB>SENTENCE<TAB>EXPECTED (a '-' when there is none)";
        return -1;
    }
    *date = f[0];
    *sent = f[1];
    *ng = 0;
    if (nf == 3 && strcmp(f[2], "-") == 0)
        return 0;
    for (size_t k = 2; k < nf; k++) {
        char *eq = strrchr(f[k], '=');
        if (!eq || eq == f[k]) {
            *why = "an expected field must read TEXT=VALUE or TEXT=VALUE@MOD";
            return -1;
        }
        if (*ng == maxg) {
            *why = "too many expected timexes";
            return -1;
        }
        *eq = 0;
        gold_tx *gx = &g[(*ng)++];
        memset(gx, 0, sizeof *gx);
        gx->text = f[k];
        gx->text_len = strlen(f[k]);
        char *at = strchr(eq + 1, '@');
        if (at) {
            *at = 0;
            if ((gx->mod = parse_mod(at + 1)) < 0) {
                *why = "unknown MOD (want START, MID, END or APPROX)";
                return -1;
            }
        }
        gx->value = strcmp(eq + 1, "null") == 0 ? NULL : eq + 1;
        if (!strstr(*sent, gx->text)) {
            *why = "an expected TEXT does not occur in the sentence";
            return -1;
        }
    }
    return 0;
}

/* The stages the time layer reads (quotations mark titles), as in hs_analyze. */
static int text_layer(hs_doc *d)
{
    int rc = hs_text_tokenize(d);
    if (!rc)
        rc = hs_text_split(d);
    if (!rc)
        rc = hs_text_quotes(d);
    return rc;
}

static int same_value(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

static int eval_cases(const char *path, int json, int errors, FILE *out)
{
    char *buf;
    size_t len;
    if (hs_read_file(path, &buf, &len)) {
        fprintf(stderr, "hearsay eval time: %s\n", hs_error_last());
        return 1;
    }
    hs_doc *d;
    if (hs_doc_new(&d)) {
        free(buf);
        return 1;
    }
    counts c = {0};
    int status = 0;
    long lineno = 0;
    for (char *line = buf, *next; line && *line; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = 0;
        if (!ll || line[0] == '#')
            continue;
        char *date, *sent;
        gold_tx g[32];
        size_t ng;
        const char *why = NULL;
        int y, m, dd;
        if (parse_case(line, &date, &sent, g, &ng, 32, &why) == 0 && strcmp(date, "-") != 0 &&
            hs_date_parse(date, &y, &m, &dd) != 0)
            why = "DATE must be YYYY-MM-DD or '-'";
        if (why) {
            fprintf(stderr, "hearsay eval time: %s:%ld: %s\n", path, lineno, why);
            status = 1;
            break;
        }
        hs_article art = {0};
        art.text = sent;
        art.text_len = strlen(sent);
        art.date = strcmp(date, "-") ? date : NULL;
        art.origin = path;
        hs_doc_clear(d);
        if (hs_doc_load_article(d, &art, 0, 0, 1) || text_layer(d) || hs_time_run(d, NULL)) {
            fprintf(stderr, "hearsay eval time: %s:%ld: %s\n", path, lineno, hs_error_last());
            status = 1;
            break;
        }
        c.lines++;
        c.gold += ng;
        c.pred += d->timexes.n;
        for (size_t i = 0; i < d->timexes.n; i++) {
            const hs_timex *t = &d->timexes.v[i];
            const char *tx = HS_SPAN_PTR(d, t->span);
            size_t tl = HS_SPAN_LEN(t->span);
            int hit = 0;
            for (size_t k = 0; k < ng && !hit; k++) {
                if (g[k].used || g[k].text_len != tl || memcmp(g[k].text, tx, tl) != 0)
                    continue;
                g[k].used = hit = 1;
                c.tp_span++;
                if (same_value(g[k].value, t->value) && g[k].mod == t->mod)
                    c.tp_full++;
                else
                    hit = 2;
                if (errors && hit == 2)
                    fprintf(out, "%s:%ld: VALUE '%.*s' = %s%s%s, expected %s%s%s\n", path, lineno, (int)tl, tx,
                            t->value ? t->value : "null", t->mod ? "@" : "", t->mod ? hs_timex_mod_names[t->mod] : "",
                            g[k].value ? g[k].value : "null", g[k].mod ? "@" : "",
                            g[k].mod ? hs_timex_mod_names[g[k].mod] : "");
            }
            if (!hit && errors)
                fprintf(out, "%s:%ld: EXTRA '%.*s' = %s\n", path, lineno, (int)tl, tx, t->value ? t->value : "null");
        }
        for (size_t k = 0; k < ng; k++)
            if (!g[k].used && errors)
                fprintf(out, "%s:%ld: MISSED '%s' = %s\n", path, lineno, g[k].text, g[k].value ? g[k].value : "null");
    }
    hs_doc_free(d);
    free(buf);
    if (status)
        return status;
    if (json) {
        fprintf(out, "{\"eval\":\"time\",\"cases\":\"%s\",\"lines\":%zu,\"gold\":%zu,\"predicted\":%zu,", path, c.lines,
                c.gold, c.pred);
        print_prf(out, 1, "span", c.tp_span, &c, 0);
        print_prf(out, 1, "span_value", c.tp_full, &c, 1);
        fprintf(out, "}\n");
    } else {
        fprintf(out, "time: %zu lines, %zu expected timexes, %zu found\n", c.lines, c.gold, c.pred);
        print_prf(out, 0, "span", c.tp_span, &c, 0);
        print_prf(out, 0, "span+value", c.tp_full, &c, 1);
    }
    return 0;
}

/* ---- corpus mode ------------------------------------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* CPU time of this thread: the stage's cost, steady on a busy machine. */
static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One sampled timex as a printable line (malloc'ed). */
static char *sample_line(const hs_doc *d, const hs_timex *t)
{
    hs_buf b = HS_BUF_INIT;
    uint32_t s = t->span.start > 60 ? t->span.start - 60 : 0, e = t->span.end + 60;
    if (e > d->len)
        e = (uint32_t)d->len;
    while (s > 0 && (d->text[s] & 0xC0) == 0x80)
        s--;
    while (e < d->len && (d->text[e] & 0xC0) == 0x80)
        e++;
    hs_buf_printf(&b, "%s\t%s%s%s\t%.*s[[%.*s]]%.*s", d->date ? d->date : "-", t->value ? t->value : "null",
                  t->mod ? "@" : "", t->mod ? hs_timex_mod_names[t->mod] : "", (int)(t->span.start - s), d->text + s,
                  (int)HS_SPAN_LEN(t->span), HS_SPAN_PTR(d, t->span), (int)(e - t->span.end), d->text + t->span.end);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n' || b.data[i] == '\r')
            b.data[i] = ' ';
    return b.data;
}

static int eval_corpus(const char *path, int json, size_t nsample, uint64_t seed, size_t limit, FILE *out)
{
    hs_reader *r;
    hs_doc *d;
    if (hs_reader_new(&r, path, HS_INPUT_JSONL)) {
        fprintf(stderr, "hearsay eval time: %s\n", hs_error_last());
        return 1;
    }
    if (hs_doc_new(&d)) {
        hs_reader_free(r);
        return 1;
    }
    char **sample = calloc(nsample ? nsample : 1, sizeof *sample);
    size_t articles = 0, dated = 0, bad = 0, ntx = 0, nnull = 0, bytes = 0, kinds[3] = {0};
    double secs = 0;
    uint64_t rs = seed ? seed : 88172645463325252ull;
    hs_article art;
    int rc;
    while ((rc = hs_reader_next(r, &art)) != HS_EOF && (!limit || articles < limit)) {
        hs_doc_clear(d);
        if (rc || hs_doc_load_article(d, &art, 1, 0, 1) || text_layer(d)) {
            bad++;
            continue;
        }
        double t0 = now_sec();
        if (hs_time_run(d, NULL)) {
            bad++;
            continue;
        }
        secs += now_sec() - t0;
        articles++;
        dated += d->year != 0;
        bytes += d->len;
        for (size_t i = 0; i < d->timexes.n; i++) {
            const hs_timex *t = &d->timexes.v[i];
            ntx++;
            nnull += !t->value;
            kinds[t->kind < 3 ? t->kind : 0]++;
            /* reservoir sampling: every timex has the same chance */
            size_t slot = ntx <= nsample ? ntx - 1 : (size_t)(rng_next(&rs) % ntx);
            if (nsample && slot < nsample) {
                free(sample[slot]);
                sample[slot] = sample_line(d, t);
            }
        }
    }
    double mbs = secs > 0 ? (double)bytes / 1e6 / secs : 0;
    if (json)
        fprintf(out,
                "{\"eval\":\"time\",\"corpus\":\"%s\",\"articles\":%zu,\"dated\":%zu,\"unreadable\":%zu,"
                "\"timexes\":%zu,\"unresolved\":%zu,\"dates\":%zu,\"durations\":%zu,\"sets\":%zu,"
                "\"bytes\":%zu,\"cpu_seconds\":%.3f,\"mb_per_cpu_s\":%.1f}\n",
                path, articles, dated, bad, ntx, nnull, kinds[0], kinds[1], kinds[2], bytes, secs, mbs);
    else
        fprintf(out,
                "time: %zu articles (%zu dated, %zu unreadable), %zu timexes (%zu dates, %zu durations, %zu sets; "
                "%zu unresolved)\ntime stage: %.1f MB in %.3f CPU seconds = %.1f MB/s on one core\n",
                articles, dated, bad, ntx, kinds[0], kinds[1], kinds[2], nnull, bytes / 1e6, secs, mbs);
    for (size_t i = 0; i < nsample && i < ntx; i++) {
        if (!json)
            fprintf(out, "%zu\t%s\n", i + 1, sample[i]);
        free(sample[i]);
    }
    free(sample);
    hs_doc_free(d);
    hs_reader_free(r);
    return 0;
}

int hs_eval_time(int argc, char **argv, FILE *out)
{
    const char *cases = NULL, *corpus = NULL;
    int json = 0, errors = 0;
    size_t nsample = 0, limit = 0;
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--cases") == 0 && more)
            cases = argv[++i];
        else if (strcmp(a, "--jsonl") == 0 && more)
            corpus = argv[++i];
        else if (strcmp(a, "--sample") == 0 && more)
            nsample = strtoul(argv[++i], NULL, 10);
        else if (strcmp(a, "--seed") == 0 && more)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--limit") == 0 && more)
            limit = strtoul(argv[++i], NULL, 10);
        else if (strcmp(a, "--json") == 0)
            json = 1;
        else if (strcmp(a, "--errors") == 0)
            errors = 1;
        else {
            fprintf(stderr, "usage: hearsay eval time --cases FILE [--json] [--errors]\n"
                            "       hearsay eval time --jsonl FILE [--sample N] [--seed S] [--limit N] [--json]\n");
            return 2;
        }
    }
    if (cases)
        return eval_cases(cases, json, errors, out);
    if (corpus)
        return eval_corpus(corpus, json, nsample, seed, limit, out);
    fprintf(stderr, "hearsay eval time: give --cases FILE or --jsonl FILE\n");
    return 2;
}
