/* `hearsay eval attrib`: attributions against PolNeAR (brat standoff).
 *
 * For every article of a split, the text (TEXT/NAME.txt) is analysed and the
 * attributions compared with the gold ones of ATTRIBUTIONS/NAME_ANNOTATOR.ann
 * (the first annotator's file when several annotated the article).  Gold
 * offsets are characters; they are turned into bytes.  Spans are compared as
 * sets of our tokens:
 *   content  a predicted content matches a gold one when their tokens overlap
 *            by at least half of their union (one-to-one, best first); "exact"
 *            when the token sets are equal
 *   pair     the content matches and the source spans overlap (or both are absent)
 *   cue      among matched contents, the cues overlap
 *   source   among matched contents with a gold source, the spans are equal
 * Predicted attributions sharing one cue (a quotation split by "he said" and
 * its continuation) are one attribution, as PolNeAR annotates them.
 *
 * --verbose prints every missed and false attribution on stderr (with its
 * article); --missed only the missed gold ones, then a table of the gold
 * attributions by the head word of their cue (gold, missed, recall), most
 * missed first: where rules would win recall. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyzer.h"
#include "eval/eval.h"
#include "out/jw.h"

#define MAX_PIECES 8

typedef struct {
    uint32_t start[MAX_PIECES], end[MAX_PIECES]; /* byte ranges */
    int n;
} pieces;

typedef struct {
    pieces content, source, cue;
    int used;
} gattr;

typedef struct {
    size_t docs, skipped, gold, pred, content_ok, content_exact, pair_ok, cue_ok, src_gold, src_exact;
    size_t tokens;
    double secs;
} tally;

typedef struct {
    char id[16];
    char type[24];
    pieces p;
} tspan;

/* Character offsets → byte offsets of a UTF-8 text (c2b has n_chars + 1 entries). */
static uint32_t *char_to_byte(const char *s, size_t len, size_t *n_chars)
{
    uint32_t *m = malloc((len + 2) * sizeof *m);
    if (!m)
        return NULL;
    size_t c = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            m[c++] = (uint32_t)i;
    m[c] = (uint32_t)len;
    *n_chars = c;
    return m;
}

static int parse_pieces(const char *s, const uint32_t *c2b, size_t nc, pieces *p)
{
    p->n = 0;
    while (*s && p->n < MAX_PIECES) {
        char *end;
        unsigned long a = strtoul(s, &end, 10);
        if (end == s)
            return -1;
        unsigned long b = strtoul(end, &end, 10);
        if (a > b || b > nc)
            return -1;
        p->start[p->n] = c2b[a];
        p->end[p->n] = c2b[b];
        p->n++;
        s = end;
        if (*s == ';')
            s++;
        else
            break;
    }
    return 0;
}

static tspan *find_t(tspan *ts, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ts[i].id, id) == 0)
            return &ts[i];
    return NULL;
}

/* Read a .ann file into gold attributions (E lines with their T spans). */
static int read_ann(const char *path, const char *text, size_t len, gattr **out, size_t *nout)
{
    char *buf;
    size_t blen;
    int rc = hs_read_file(path, &buf, &blen);
    if (rc)
        return rc;
    size_t nc;
    uint32_t *c2b = char_to_byte(text, len, &nc);
    HS_ARRAY(tspan) ts = {0};
    HS_ARRAY(gattr) ga = {0};
    int lineno = 0;
    rc = c2b ? 0 : HS_ENOMEM;
    for (char *line = buf, *next; !rc && line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        lineno++;
        size_t idl = line[0] ? strspn(line + 1, "0123456789") : 0;
        if (!idl || line[1 + idl] != '\t')
            continue; /* a note, or the text of a span running over several lines */
        if (line[0] == 'T') {
            char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
            char *sp = tab1 ? strchr(tab1 + 1, ' ') : NULL;
            if (!tab1 || !sp || (tab2 && sp > tab2) || tab1 - line >= 16 || sp - tab1 - 1 >= 24) {
                rc = hs_error_set(HS_EINPUT, "%s:%d: malformed span line", path, lineno);
                break;
            }
            tspan *t = HS_PUSH(&ts);
            if (!t) {
                rc = HS_ENOMEM;
                break;
            }
            memcpy(t->id, line, (size_t)(tab1 - line));
            memcpy(t->type, tab1 + 1, (size_t)(sp - tab1 - 1));
            if (tab2)
                *tab2 = 0;
            if (parse_pieces(sp + 1, c2b, nc, &t->p))
                rc = hs_error_set(HS_EINPUT, "%s:%d: bad offsets", path, lineno);
        } else if (line[0] == 'E') {
            gattr *g = HS_PUSH(&ga);
            if (!g) {
                rc = HS_ENOMEM;
                break;
            }
            char *tok = strchr(line, '\t');
            for (tok = tok ? strtok(tok + 1, " \t") : NULL; tok; tok = strtok(NULL, " \t")) {
                char *colon = strchr(tok, ':');
                if (!colon)
                    continue;
                *colon = 0;
                tspan *t = find_t(ts.v, ts.n, colon + 1);
                if (!t)
                    continue;
                if (strcmp(tok, "Content") == 0)
                    g->content = t->p;
                else if (strcmp(tok, "Source") == 0)
                    g->source = t->p;
                else if (strcmp(tok, "Cue") == 0)
                    g->cue = t->p;
            }
            if (!g->content.n)
                ga.n--;
        }
    }
    free(c2b);
    free(buf);
    HS_ARRAY_FREE(&ts);
    if (rc) {
        HS_ARRAY_FREE(&ga);
        return rc;
    }
    *out = ga.v;
    *nout = ga.n;
    return 0;
}

/* Token set of byte pieces, as a bitmap over the document's tokens. */
static size_t mark(const hs_doc *d, const pieces *p, uint8_t *bits, uint8_t bit)
{
    size_t n = 0;
    for (int k = 0; k < p->n; k++)
        for (size_t i = 0; i < d->toks.n; i++) {
            const hs_tok *t = &d->toks.v[i];
            if (t->start < p->end[k] && t->end > p->start[k] && !(bits[i] & bit)) {
                bits[i] |= bit;
                n++;
            }
        }
    return n;
}

static void add_piece(pieces *p, hs_span s)
{
    if (s.end > s.start && p->n < MAX_PIECES) {
        p->start[p->n] = s.start;
        p->end[p->n] = s.end;
        p->n++;
    }
}

/* Compare token sets of a (bit 1) and b (bit 2): intersection and union sizes. */
static void compare(const hs_doc *d, const pieces *a, const pieces *b, uint8_t *bits, size_t *inter, size_t *uni)
{
    memset(bits, 0, d->toks.n);
    mark(d, a, bits, 1);
    mark(d, b, bits, 2);
    *inter = *uni = 0;
    for (size_t i = 0; i < d->toks.n; i++) {
        *inter += bits[i] == 3;
        *uni += bits[i] != 0;
    }
}

static int verbose; /* 1: missed and false attributions; 2 (--missed): missed gold and the cue table */
static const char *cur_doc = "";

/* Gold attributions by the head word of their cue. */
typedef struct {
    char w[32];
    size_t gold, missed;
} cueword;
static HS_ARRAY(cueword) cuewords;

/* The head of a cue: its first word that is not an auxiliary, negation or
 * function word ("has not said" → said), lower-cased; else its first token. */
static void cue_head(const hs_doc *d, const pieces *cue, char *out, size_t cap)
{
    static const char *const skip[] = {"has", "have", "had", "is", "was", "were", "are", "be", "been", "being",
                                       "will", "would", "could", "can", "may", "might", "must", "should",
                                       "did", "does", "do", "also", "just", "still", "now", "not", "n't",
                                       "to", "the", "a", "an", "it", "in", "on", "of", "for", "never",
                                       "again", "already", "even", "only", "then", "'s", "’s", "n’t", NULL};
    snprintf(out, cap, "%s", cue->n ? "?" : "(none)");
    if (!cue->n)
        return;
    const char *p = d->text + cue->start[0], *end = d->text + cue->end[0];
    int first = 1;
    while (p < end) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *w = p;
        while (p < end && !isspace((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w) < cap - 1 ? (size_t)(p - w) : cap - 1;
        if (!n)
            break;
        char low[32];
        size_t k = 0;
        for (; k < n && k < sizeof low - 1; k++)
            low[k] = (char)tolower((unsigned char)w[k]);
        low[k] = 0;
        int is_skip = 0;
        for (size_t i = 0; skip[i] && !is_skip; i++)
            is_skip = strcmp(low, skip[i]) == 0;
        if (first || !is_skip)
            snprintf(out, cap, "%s", low);
        first = 0;
        if (!is_skip)
            return;
    }
}

static void count_cue(const hs_doc *d, const pieces *cue, int missed)
{
    char w[32];
    cue_head(d, cue, w, sizeof w);
    cueword *c = NULL;
    for (size_t i = 0; i < cuewords.n && !c; i++)
        if (strcmp(cuewords.v[i].w, w) == 0)
            c = &cuewords.v[i];
    if (!c && (c = HS_PUSH(&cuewords)) != NULL) {
        memset(c, 0, sizeof *c);
        snprintf(c->w, sizeof c->w, "%s", w);
    }
    if (c) {
        c->gold++;
        c->missed += missed != 0;
    }
}

static int by_missed(const void *a, const void *b)
{
    const cueword *x = a, *y = b;
    if (x->missed != y->missed)
        return x->missed < y->missed ? 1 : -1;
    return strcmp(x->w, y->w);
}

/* The table of --missed: the 60 cue words with the most missed gold attributions. */
static void cue_table(void)
{
    if (cuewords.n)
        qsort(cuewords.v, cuewords.n, sizeof *cuewords.v, by_missed);
    size_t gold = 0, missed = 0;
    for (size_t i = 0; i < cuewords.n; i++)
        gold += cuewords.v[i].gold, missed += cuewords.v[i].missed;
    fprintf(stderr, "CUE-WORDS\t%zu different cue words, %zu gold attributions, %zu missed\n", cuewords.n, gold,
            missed);
    fprintf(stderr, "CUE-WORD\tword\tgold\tmissed\trecall\n");
    for (size_t i = 0; i < cuewords.n && i < 60; i++)
        fprintf(stderr, "CUE-WORD\t%s\t%zu\t%zu\t%.2f\n", cuewords.v[i].w, cuewords.v[i].gold,
                cuewords.v[i].missed, 1.0 - (double)cuewords.v[i].missed / (double)cuewords.v[i].gold);
    HS_ARRAY_FREE(&cuewords);
}

/* Text on one line: line breaks and tabs as spaces. */
static void put_flat(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(p[i] == '\n' || p[i] == '\t' || p[i] == '\r' ? ' ' : p[i], stderr);
}

static void show(const hs_doc *d, const char *what, const pieces *c, const pieces *cue)
{
    if (!c->n)
        return;
    int cl = cue->n ? (int)(cue->end[0] - cue->start[0]) : 0;
    int n = (int)(c->end[0] - c->start[0]);
    uint32_t from = cue->n && cue->start[0] < c->start[0] ? cue->start[0] : c->start[0];
    uint32_t ctx = from > 60 ? 60 : from;
    fprintf(stderr, "%s\t%s\t", what, cur_doc);
    put_flat(cue->n ? d->text + cue->start[0] : "", (size_t)cl);
    fputc('\t', stderr);
    put_flat(d->text + c->start[0], (size_t)(n > 90 ? 90 : n));
    fputs("\t[", stderr);
    put_flat(d->text + from - ctx, ctx);
    fputs("]\n", stderr);
}

static void score_doc(const hs_doc *d, gattr *g, size_t ng, tally *t)
{
    /* predicted attributions, merged by cue */
    size_t np = 0;
    gattr *p = calloc(d->attrs.n + 1, sizeof *p);
    uint8_t *bits = malloc(d->toks.n + 1);
    if (!p || !bits) {
        free(p);
        free(bits);
        return;
    }
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        size_t k = np;
        if (a->cue.end > a->cue.start)
            for (k = 0; k < np; k++)
                if (p[k].cue.n && p[k].cue.start[0] == a->cue.start && p[k].cue.end[0] == a->cue.end)
                    break;
        if (k == np) {
            np++;
            add_piece(&p[k].cue, a->cue);
            if (a->has_source)
                add_piece(&p[k].source, a->source);
        }
        add_piece(&p[k].content, a->content);
    }
    t->gold += ng;
    t->pred += np;
    for (size_t gi = 0; gi < ng; gi++) {
        size_t best = np, bi = 0, bu = 1, inter, uni;
        for (size_t k = 0; k < np; k++) {
            if (p[k].used)
                continue;
            compare(d, &g[gi].content, &p[k].content, bits, &inter, &uni);
            if (2 * inter >= uni && inter * bu > bi * uni)
                best = k, bi = inter, bu = uni;
        }
        if (verbose == 2)
            count_cue(d, &g[gi].cue, best == np);
        if (best == np) {
            if (verbose) {
                size_t cued = np; /* did we find its cue, but another content? */
                for (size_t k = 0; k < np && g[gi].cue.n && cued == np; k++)
                    if (p[k].cue.n) {
                        compare(d, &g[gi].cue, &p[k].cue, bits, &inter, &uni);
                        if (inter > 0)
                            cued = k;
                    }
                show(d, cued < np ? "MISS-CONTENT" : "MISS-CUE", &g[gi].content, &g[gi].cue);
                if (cued < np && verbose == 1)
                    show(d, "  OURS", &p[cued].content, &p[cued].cue);
            }
            continue;
        }
        p[best].used = 1;
        t->content_ok++;
        t->content_exact += bi == bu;
        if (!g[gi].source.n && !p[best].source.n) {
            t->pair_ok++;
        } else if (g[gi].source.n && p[best].source.n) {
            compare(d, &g[gi].source, &p[best].source, bits, &inter, &uni);
            t->pair_ok += inter > 0;
        }
        if (g[gi].source.n) {
            t->src_gold++;
            if (p[best].source.n) {
                compare(d, &g[gi].source, &p[best].source, bits, &inter, &uni);
                t->src_exact += inter == uni;
            }
        }
        if (g[gi].cue.n && p[best].cue.n) {
            compare(d, &g[gi].cue, &p[best].cue, bits, &inter, &uni);
            t->cue_ok += inter > 0;
        }
    }
    for (size_t k = 0; verbose == 1 && k < np; k++)
        if (!p[k].used)
            show(d, "FALSE", &p[k].content, &p[k].cue);
    free(p);
    free(bits);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static double prf(size_t ok, size_t pred, size_t gold, double *p, double *r)
{
    *p = pred ? (double)ok / (double)pred : 0;
    *r = gold ? (double)ok / (double)gold : 0;
    return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void report(FILE *out, const tally *t, const char *split, int json)
{
    double cp, cr, cf = prf(t->content_ok, t->pred, t->gold, &cp, &cr);
    double ep, er, ef = prf(t->content_exact, t->pred, t->gold, &ep, &er);
    double pp, pr, pf = prf(t->pair_ok, t->pred, t->gold, &pp, &pr);
    double cue = t->content_ok ? (double)t->cue_ok / (double)t->content_ok : 0;
    double src = t->src_gold ? (double)t->src_exact / (double)t->src_gold : 0;
    double tps = t->secs > 0 ? (double)t->tokens / t->secs : 0;
    if (json) {
        fprintf(out,
                "{\"eval\":\"attrib\",\"split\":\"%s\",\"docs\":%zu,\"skipped\":%zu,\"gold\":%zu,\"predicted\":%zu,"
                "\"content\":{\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f},\"content_exact\":{\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f},"
                "\"pair\":{\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f},\"cue_accuracy\":%.4f,\"source_exact_accuracy\":%.4f,"
                "\"tokens_per_s\":%.0f}\n",
                split, t->docs, t->skipped, t->gold, t->pred, cp, cr, cf, ep, er, ef, pp, pr, pf, cue, src, tps);
        return;
    }
    fprintf(out, "PolNeAR %s: %zu articles (%zu skipped), %zu gold attributions, %zu predicted\n", split, t->docs,
            t->skipped, t->gold, t->pred);
    fprintf(out, "  content (overlap >= 1/2 union)  P %.3f  R %.3f  F1 %.3f\n", cp, cr, cf);
    fprintf(out, "  content (exact tokens)          P %.3f  R %.3f  F1 %.3f\n", ep, er, ef);
    fprintf(out, "  source+content pair             P %.3f  R %.3f  F1 %.3f\n", pp, pr, pf);
    fprintf(out, "  cue accuracy (matched contents) %.3f\n", cue);
    fprintf(out, "  source exact (matched, gold source) %.3f\n", src);
    fprintf(out, "  analysis speed %.0f tokens/s\n", tps);
}

static int usage(void)
{
    fprintf(stderr, "usage: hearsay eval attrib --polnear DIR [--split dev|train] [--limit N] [--json] [--verbose | --missed]\n"
                    "  DIR is PolNeAR's data folder (holding train/ and dev/) or one split's folder\n");
    return 2;
}

/* List the .ann files of DIR/attributions, one per article (the first annotator's). */
static char **list_ann(const char *dir, size_t *n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/attributions", dir);
    DIR *dp = opendir(path);
    if (!dp)
        return NULL;
    HS_ARRAY(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(dp))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".ann"))
            continue;
        char **slot = HS_PUSH(&names);
        if (!slot || !(*slot = strdup(e->d_name)))
            break;
    }
    closedir(dp);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, by_name);
    size_t k = 0;
    for (size_t i = 0; i < names.n; i++) {
        char *u = strrchr(names.v[i], '_');
        size_t stem = u ? (size_t)(u - names.v[i]) : strlen(names.v[i]);
        if (k && strncmp(names.v[k - 1], names.v[i], stem) == 0 && names.v[k - 1][stem] == '_') {
            free(names.v[i]);
            continue;
        }
        names.v[k++] = names.v[i];
    }
    *n = k;
    if (!names.v)
        names.v = calloc(1, sizeof(char *));
    return names.v;
}

static int eval_one(const char *dir, const char *ann, hs_doc *d, const hs_analyzer *a, tally *t)
{
    char tpath[8400], apath[8400];
    const char *u = strrchr(ann, '_');
    snprintf(tpath, sizeof tpath, "%s/text/%.*s.txt", dir, (int)(u ? u - ann : (long)strlen(ann)), ann);
    snprintf(apath, sizeof apath, "%s/attributions/%s", dir, ann);
    char *text;
    size_t len;
    int rc = hs_read_file(tpath, &text, &len);
    if (rc)
        return rc;
    gattr *g = NULL;
    size_t ng = 0;
    rc = read_ann(apath, text, len, &g, &ng);
    if (!rc) {
        hs_article art = {0};
        art.id = ann;
        art.text = text;
        art.text_len = len;
        art.origin = tpath;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        rc = hs_analyze(d, a, &art);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        t->secs += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
        if (!rc && (d->len != len || memcmp(d->text, text, len) != 0)) {
            t->skipped++; /* normalisation moved the offsets */
        } else if (!rc) {
            t->docs++;
            t->tokens += d->toks.n;
            cur_doc = ann;
            score_doc(d, g, ng, t);
        }
    }
    free(g);
    free(text);
    return rc;
}

int hs_eval_attrib(int argc, char **argv, FILE *out)
{
    const char *root = NULL, *split = "dev";
    int json = 0;
    size_t limit = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--polnear") == 0 && i + 1 < argc)
            root = argv[++i];
        else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
            split = argv[++i];
        else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
            limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = 1; /* each missed and false attribution on stderr */
        else if (strcmp(argv[i], "--missed") == 0)
            verbose = 2; /* each missed gold attribution, then the cue-word table */
        else
            return usage();
    }
    if (!root)
        return usage();
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, split);
    size_t n = 0;
    char **names = list_ann(dir, &n);
    if (!names) {
        snprintf(dir, sizeof dir, "%s", root);
        names = list_ann(dir, &n);
    }
    if (!names || !n) {
        fprintf(stderr, "hearsay eval attrib: no .ann files under %s/attributions\n", dir);
        free(names);
        return 1;
    }
    hs_analyzer *a;
    if (hs_analyzer_new(&a, NULL)) {
        fprintf(stderr, "hearsay eval attrib: %s\n", hs_error_last());
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return 1;
    }
    hs_doc *d;
    int rc = hs_doc_new(&d);
    tally t = {0};
    for (size_t i = 0; !rc && i < n && (!limit || i < limit); i++)
        if (eval_one(dir, names[i], d, a, &t)) {
            fprintf(stderr, "hearsay eval attrib: %s\n", hs_error_last());
            rc = 1;
        }
    if (!rc)
        report(out, &t, split, json);
    if (verbose == 2)
        cue_table();
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    hs_doc_free(d);
    hs_analyzer_free(a);
    return rc ? 1 : 0;
}
