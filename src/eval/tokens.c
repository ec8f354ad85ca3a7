/* `hearsay eval tokens`: token and sentence boundaries against CoNLL-U.
 *
 * Each document's text is rebuilt from its "# text =" lines (sentences of a
 * paragraph joined by a space, paragraphs by a blank line).  Gold tokens are
 * the words located in that text, in order (a multi-word token whose words
 * spell it, such as "Tom’s" = "Tom" + "’s", gives its words; one that does not,
 * such as "gonna", gives its surface form).  A predicted token counts when its
 * byte span equals a gold one; a sentence boundary counts when a predicted
 * sentence starts where a gold one does (the start of the document, always
 * right, is left out). */
#include "analyzer.h"
#include "eval/conllu.h"
#include "eval/eval.h"
#include "out/jw.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char name[32];
    size_t docs, gold_tok, pred_tok, ok_tok, gold_sb, pred_sb, ok_sb;
} tally;

typedef HS_ARRAY(hs_span) span_array;
typedef HS_ARRAY(uint32_t) u32_array;

/* Locate `form` at or after *cur in text (only white space may be skipped);
 * 0 and the span, or -1. */
static int locate(const char *text, size_t len, size_t *cur, const char *form, hs_span *sp)
{
    size_t n = strlen(form), i = *cur;
    while (i < len && (text[i] == ' ' || text[i] == '\n'))
        i++;
    if (i + n <= len && memcmp(text + i, form, n) == 0) {
        sp->start = (uint32_t)i;
        sp->end = (uint32_t)(i + n);
        *cur = i + n;
        return 0;
    }
    return -1;
}

/* Add the gold tokens of one sentence whose text starts at `base`. */
static int gold_tokens(const hs_conllu_sent *s, const char *text, size_t len, size_t base, span_array *gold,
                       size_t *lost)
{
    size_t cur = base, m = 0;
    for (size_t i = 0; i < s->n;) {
        int id = (int)i + 1;
        while (m < s->n_mwt && s->mwt[m].last < id)
            m++;
        hs_span sp;
        if (m < s->n_mwt && s->mwt[m].first == id) {
            const hs_conllu_mwt *mw = &s->mwt[m];
            size_t save = cur;
            int ok = 1;
            for (int w = mw->first; w <= mw->last && w <= (int)s->n && ok; w++) {
                if (locate(text, len, &cur, s->w[w - 1].form, &sp) || (w > mw->first && sp.start != cur - strlen(s->w[w - 1].form)))
                    ok = 0;
                else if (HS_RESERVE(gold, gold->n + 1))
                    return HS_ENOMEM;
                else
                    gold->v[gold->n++] = sp;
            }
            if (!ok) { /* the words do not spell the token: take its surface */
                cur = save;
                while (gold->n && gold->v[gold->n - 1].start >= save)
                    gold->n--;
                if (locate(text, len, &cur, mw->form, &sp) == 0) {
                    if (HS_RESERVE(gold, gold->n + 1))
                        return HS_ENOMEM;
                    gold->v[gold->n++] = sp;
                } else {
                    (*lost)++;
                }
            }
            i = (size_t)mw->last;
            continue;
        }
        if (locate(text, len, &cur, s->w[i].form, &sp) == 0) {
            if (HS_RESERVE(gold, gold->n + 1))
                return HS_ENOMEM;
            gold->v[gold->n++] = sp;
        } else {
            (*lost)++;
        }
        i++;
    }
    return 0;
}

static const char *genre_of(const char *path, char *out, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *u = strchr(base, '_');
    const char *u2 = u ? strchr(u + 1, '_') : NULL;
    if (!u || !u2 || (size_t)(u2 - u - 1) >= n) {
        snprintf(out, n, "other");
        return out;
    }
    memcpy(out, u + 1, (size_t)(u2 - u - 1));
    out[u2 - u - 1] = 0;
    return out;
}

static size_t count_matches(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0, j = 0, m = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            m++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return m;
}

static size_t count_span_matches(const hs_span *a, size_t na, const hs_tok *b, size_t nb)
{
    size_t i = 0, j = 0, m = 0;
    while (i < na && j < nb) {
        if (a[i].start == b[j].start && a[i].end == b[j].end)
            m++, i++, j++;
        else if (a[i].start < b[j].start || (a[i].start == b[j].start && a[i].end < b[j].end))
            i++;
        else
            j++;
    }
    return m;
}

/* Evaluate one file into tally t. */
static int eval_file(const char *path, hs_doc *d, tally *t, size_t *lost, double *secs, size_t *bytes)
{
    hs_conllu *r;
    int rc = hs_conllu_open(&r, path);
    if (rc)
        return rc;
    hs_buf text = HS_BUF_INIT;
    span_array gold = {0};
    u32_array gsb = {0}, psb = {0};
    hs_conllu_sent s;
    /* pass 1: text and gold sentence starts; gold tokens need the final text,
     * so sentence starts are recorded and tokens located in pass 2 */
    u32_array starts = {0};
    while ((rc = hs_conllu_next(r, &s)) == 0) {
        if (!s.text)
            continue;
        if (text.len)
            hs_buf_puts(&text, s.newpar ? "\n\n" : " ");
        uint32_t *st = HS_PUSH(&starts);
        if (!st) {
            rc = HS_ENOMEM;
            break;
        }
        *st = (uint32_t)text.len;
        if (hs_buf_puts(&text, s.text)) {
            rc = HS_ENOMEM;
            break;
        }
    }
    if (rc == HS_EOF)
        rc = 0;
    hs_conllu_free(r);
    r = NULL;
    if (!rc && text.len)
        rc = hs_conllu_open(&r, path);
    size_t si = 0;
    while (!rc && r && (rc = hs_conllu_next(r, &s)) == 0) {
        if (!s.text)
            continue;
        rc = gold_tokens(&s, text.data, text.len, starts.v[si], &gold, lost);
        if (!rc && si > 0 && (rc = HS_RESERVE(&gsb, gsb.n + 1)) == 0)
            gsb.v[gsb.n++] = starts.v[si];
        si++;
    }
    if (rc == HS_EOF)
        rc = 0;
    hs_conllu_free(r);
    if (!rc && text.len) {
        hs_article art = {0};
        art.text = text.data;
        art.text_len = text.len;
        art.origin = path;
        clock_t c0 = clock();
        rc = hs_doc_load_article(d, &art, 1, 0, 1);
        if (!rc)
            rc = hs_text_tokenize(d);
        if (!rc)
            rc = hs_text_split(d);
        *secs += (double)(clock() - c0) / CLOCKS_PER_SEC;
        *bytes += text.len;
        if (!rc && d->len != text.len)
            rc = hs_error_set(HS_EINPUT, "%s: text changed under normalisation", path);
    }
    if (!rc) {
        for (size_t k = 1; k < d->sents.n; k++) {
            if ((rc = HS_RESERVE(&psb, psb.n + 1)) != 0)
                break;
            psb.v[psb.n++] = d->sents.v[k].start;
        }
        t->docs++;
        t->gold_tok += gold.n;
        t->pred_tok += d->toks.n;
        t->ok_tok += count_span_matches(gold.v, gold.n, d->toks.v, d->toks.n);
        t->gold_sb += gsb.n;
        t->pred_sb += psb.n;
        t->ok_sb += count_matches(gsb.v, gsb.n, psb.v, psb.n);
    }
    hs_buf_free(&text);
    HS_ARRAY_FREE(&gold);
    HS_ARRAY_FREE(&gsb);
    HS_ARRAY_FREE(&psb);
    HS_ARRAY_FREE(&starts);
    return rc;
}

static void prf(size_t ok, size_t pred, size_t gold, double *p, double *r, double *f)
{
    *p = pred ? (double)ok / (double)pred : 0;
    *r = gold ? (double)ok / (double)gold : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void put_tally(hs_jw *w, const tally *t)
{
    double p, r, f;
    hs_jw_obj(w);
    hs_jw_key(w, "documents");
    hs_jw_int(w, (long long)t->docs);
    prf(t->ok_tok, t->pred_tok, t->gold_tok, &p, &r, &f);
    hs_jw_key(w, "tokens");
    hs_jw_obj(w);
    hs_jw_key(w, "gold"), hs_jw_int(w, (long long)t->gold_tok);
    hs_jw_key(w, "predicted"), hs_jw_int(w, (long long)t->pred_tok);
    hs_jw_key(w, "precision"), hs_jw_num(w, p);
    hs_jw_key(w, "recall"), hs_jw_num(w, r);
    hs_jw_key(w, "f1"), hs_jw_num(w, f);
    hs_jw_obj_end(w);
    prf(t->ok_sb, t->pred_sb, t->gold_sb, &p, &r, &f);
    hs_jw_key(w, "sentence_boundaries");
    hs_jw_obj(w);
    hs_jw_key(w, "gold"), hs_jw_int(w, (long long)t->gold_sb);
    hs_jw_key(w, "predicted"), hs_jw_int(w, (long long)t->pred_sb);
    hs_jw_key(w, "precision"), hs_jw_num(w, p);
    hs_jw_key(w, "recall"), hs_jw_num(w, r);
    hs_jw_key(w, "f1"), hs_jw_num(w, f);
    hs_jw_obj_end(w);
    hs_jw_obj_end(w);
}

int hs_eval_tokens(int argc, char **argv, FILE *out)
{
    const char *path = NULL, *split = "test";
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--conllu") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
            split = argv[++i];
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else {
            fprintf(stderr, "usage: hearsay eval tokens --conllu DIR|FILE [--split train|dev|test|test2|all] [--json]\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "hearsay eval tokens: --conllu DIR|FILE is required\n");
        return 2;
    }
    char **paths = NULL;
    size_t n = 0;
    size_t pl = strlen(path);
    int rc;
    if (pl > 7 && strcmp(path + pl - 7, ".conllu") == 0) {
        paths = malloc(sizeof *paths);
        if (!paths || !(paths[0] = strdup(path)))
            return 70;
        n = 1;
        rc = 0;
    } else {
        rc = hs_gum_split(path, split, &paths, &n);
    }
    if (rc) {
        fprintf(stderr, "hearsay eval tokens: %s\n", hs_error_last());
        return rc == HS_EIO ? 3 : 1;
    }
    hs_doc *d;
    if (hs_doc_new(&d)) {
        hs_paths_free(paths, n);
        return 70;
    }
    tally all = {"all", 0, 0, 0, 0, 0, 0, 0}, genres[32];
    size_t ng = 0, lost = 0, bytes = 0;
    double secs = 0;
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        char g[32];
        genre_of(paths[i], g, sizeof g);
        size_t gi = 0;
        while (gi < ng && strcmp(genres[gi].name, g) != 0)
            gi++;
        if (gi == ng && ng < 32) {
            memset(&genres[ng], 0, sizeof genres[ng]);
            snprintf(genres[ng].name, sizeof genres[ng].name, "%s", g);
            ng++;
        }
        tally one = {"", 0, 0, 0, 0, 0, 0, 0};
        if (eval_file(paths[i], d, &one, &lost, &secs, &bytes)) {
            fprintf(stderr, "hearsay eval tokens: %s\n", hs_error_last());
            status = 1;
            continue;
        }
        tally *ts[2] = {&all, gi < ng ? &genres[gi] : &all};
        for (int k = 0; k < (ts[1] == &all ? 1 : 2); k++) {
            ts[k]->docs += one.docs, ts[k]->gold_tok += one.gold_tok, ts[k]->pred_tok += one.pred_tok;
            ts[k]->ok_tok += one.ok_tok, ts[k]->gold_sb += one.gold_sb, ts[k]->pred_sb += one.pred_sb;
            ts[k]->ok_sb += one.ok_sb;
        }
    }
    hs_buf b = HS_BUF_INIT;
    hs_jw w;
    hs_jw_init(&w, &b, json ? 0 : 1);
    hs_jw_obj(&w);
    hs_jw_key(&w, "eval"), hs_jw_str(&w, "tokens");
    hs_jw_key(&w, "data"), hs_jw_str(&w, path);
    hs_jw_key(&w, "split"), hs_jw_str(&w, split);
    hs_jw_key(&w, "overall");
    put_tally(&w, &all);
    hs_jw_key(&w, "genres");
    hs_jw_obj(&w);
    for (size_t gi = 0; gi < ng; gi++) {
        hs_jw_key(&w, genres[gi].name);
        put_tally(&w, &genres[gi]);
    }
    hs_jw_obj_end(&w);
    hs_jw_key(&w, "gold_words_not_found"), hs_jw_int(&w, (long long)lost);
    hs_jw_key(&w, "mb_per_s"), hs_jw_num(&w, secs > 0 ? (double)bytes / 1e6 / secs : 0);
    hs_jw_obj_end(&w);
    hs_buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, out);
    hs_buf_free(&b);
    hs_doc_free(d);
    hs_paths_free(paths, n);
    return status;
}
