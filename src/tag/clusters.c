/* Word classes by the exchange algorithm (see clusters.h).
 *
 * The objective of the predictive class bigram model, up to constants, is
 *   sum over (v, c) of N(v, c) log N(v, c)  -  sum over c of N(c) log N(c)
 * where N(v, c) counts word v followed by a word of class c and N(c) the
 * tokens of class c.  Each pass takes the words in order of frequency, lifts
 * one out of its class and puts it in the class that gains the most. */
#include "tag/clusters.h"

#include "analyzer.h"
#include "base/buf.h"
#include "hearsay.h"
#include "model/percep.h"

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ---- */

static int text_push(hs_clust_text *t, uint64_t id)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 1 << 16;
        uint64_t *v = realloc(t->ids, cap * sizeof *v);
        if (!v)
            return hs_error_set(HS_ENOMEM, "out of memory");
        t->ids = v;
        t->cap = cap;
    }
    t->ids[t->n++] = id;
    return 0;
}

int hs_clust_text_add_doc(hs_clust_text *t, const hs_doc *d, const hs_lex *lx)
{
    int rc = 0;
    for (size_t s = 0; !rc && s < d->sents.n; s++) {
        for (size_t i = d->sents.v[s].tok_begin; !rc && i < d->sents.v[s].tok_end; i++)
            rc = text_push(t, lx[i].lower ? lx[i].lower : 1);
        if (!rc)
            rc = text_push(t, 0);
    }
    return rc;
}

static int add_text(hs_clust_text *t, hs_doc *d, const char *text, size_t len, const char *origin)
{
    hs_article art = {0};
    art.text = text;
    art.text_len = len;
    art.origin = origin;
    hs_lex *lx;
    hs_doc_clear(d);
    int rc = hs_doc_load_article(d, &art, 1, 0, 1);
    if (!rc)
        rc = hs_text_tokenize(d);
    if (!rc)
        rc = hs_text_split(d);
    if (!rc)
        rc = hs_lex_doc(d, &lx);
    return rc ? rc : hs_clust_text_add_doc(t, d, lx);
}

static int add_json(hs_clust_text *t, hs_doc *d, const char *buf, size_t len, const char *path)
{
    json_error_t err;
    json_t *root = json_loadb(buf, len, 0, &err);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        return hs_error_set(HS_EINPUT, "%s: not a JSON object of articles", path);
    }
    /* keys in sorted order, so the text (and the classes) do not depend on the hash order */
    size_t n = json_object_size(root), k = 0;
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    const char *key;
    json_t *val;
    int rc = keys ? 0 : hs_error_set(HS_ENOMEM, "out of memory");
    json_object_foreach(root, key, val)
    {
        if (keys)
            keys[k++] = key;
    }
    for (size_t i = 1; keys && i < k; i++) /* insertion sort: a hundred keys */
        for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            const char *x = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = x;
        }
    for (size_t i = 0; !rc && i < k; i++) {
        json_t *body = json_object_get(json_object_get(root, keys[i]), "articleBody");
        if (json_is_string(body))
            rc = add_text(t, d, json_string_value(body), json_string_length(body), path);
    }
    free(keys);
    json_decref(root);
    return rc;
}

static int add_file(hs_clust_text *t, hs_doc *d, const char *path)
{
    char *buf;
    size_t len;
    int rc = hs_read_file(path, &buf, &len);
    if (rc)
        return rc;
    size_t pl = strlen(path);
    if (pl > 5 && strcmp(path + pl - 5, ".json") == 0)
        rc = add_json(t, d, buf, len, path);
    else
        rc = add_text(t, d, buf, len, path);
    free(buf);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int hs_clust_text_add_path(hs_clust_text *t, const char *path)
{
    hs_doc *d;
    int rc = hs_doc_new(&d);
    if (rc)
        return rc;
    DIR *dir = opendir(path);
    if (!dir) {
        rc = add_file(t, d, path);
        hs_doc_free(d);
        return rc;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while (!rc && (e = readdir(dir))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            char **v = realloc(names, cap * sizeof *v);
            if (!v) {
                rc = hs_error_set(HS_ENOMEM, "out of memory");
                break;
            }
            names = v;
        }
        if (!(names[n] = malloc(strlen(path) + l + 2)))
            rc = hs_error_set(HS_ENOMEM, "out of memory");
        else
            sprintf(names[n++], "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!rc)
            rc = add_file(t, d, names[i]);
        free(names[i]);
    }
    free(names);
    hs_doc_free(d);
    return rc;
}

void hs_clust_text_free(hs_clust_text *t)
{
    free(t->ids);
    memset(t, 0, sizeof *t);
}

/* ---- the exchange algorithm ---- */

typedef struct word {
    uint64_t key;
    uint32_t count;
} word;

static int cmp_word(const void *a, const void *b)
{
    const word *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The bigram counts, grouped by the second word: predecessors of word w
 * (1..V) are pred[start[w] .. start[w + 1]) with counts cnt[]; predecessor 0
 * is a sentence start, 1..P the P most frequent words, P + 1 any other. */
typedef struct bigrams {
    uint32_t *start, *pred, *cnt;
    size_t v, p;
} bigrams;

#define MAX_PRED 16384 /* predecessors told apart: the count table has (P + 2) x classes cells */

static int classify(uint16_t *cls, const bigrams *bg, const uint32_t *wcount, unsigned k, unsigned passes,
                    const double *xlogx, FILE *msg)
{
    size_t v = bg->v, np = bg->p + 2;
    int32_t *nvc = calloc(np * k, sizeof *nvc);
    int64_t *nc = calloc(k, sizeof *nc);
    double *gain = malloc(k * sizeof *gain);
    if (!nvc || !nc || !gain) {
        free(nvc);
        free(nc);
        free(gain);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    for (size_t w = 1; w <= v; w++) {
        cls[w] = (uint16_t)((w - 1) % k);
        nc[cls[w]] += wcount[w];
        for (uint32_t j = bg->start[w]; j < bg->start[w + 1]; j++)
            nvc[(size_t)bg->pred[j] * k + cls[w]] += (int32_t)bg->cnt[j];
    }
    for (unsigned pass = 0; pass < passes; pass++) {
        size_t moved = 0;
        for (size_t w = 1; w <= v; w++) {
            unsigned a = cls[w];
            for (uint32_t j = bg->start[w]; j < bg->start[w + 1]; j++)
                nvc[(size_t)bg->pred[j] * k + a] -= (int32_t)bg->cnt[j];
            nc[a] -= wcount[w];
            for (unsigned b = 0; b < k; b++) /* nc[b] + count stays below the token count */
                gain[b] = xlogx[nc[b]] - xlogx[nc[b] + wcount[w]];
            for (uint32_t j = bg->start[w]; j < bg->start[w + 1]; j++) {
                const int32_t *row = nvc + (size_t)bg->pred[j] * k;
                uint32_t c = bg->cnt[j];
                for (unsigned b = 0; b < k; b++)
                    gain[b] += xlogx[row[b] + c] - xlogx[row[b]];
            }
            unsigned best = a;
            for (unsigned b = 0; b < k; b++)
                if (gain[b] > gain[best] + 1e-9)
                    best = b;
            moved += best != a;
            cls[w] = (uint16_t)best;
            for (uint32_t j = bg->start[w]; j < bg->start[w + 1]; j++)
                nvc[(size_t)bg->pred[j] * k + best] += (int32_t)bg->cnt[j];
            nc[best] += wcount[w];
        }
        if (msg)
            fprintf(msg, "train clusters: %u classes, pass %u: %zu of %zu words moved\n", k, pass + 1, moved, v);
        if (moved * 1000 < v)
            break;
    }
    free(nvc);
    free(nc);
    free(gain);
    return 0;
}

int hs_clusters_build(hs_wordmap *out, const hs_clust_text *t, unsigned min_count, unsigned passes, FILE *msg)
{
    static const unsigned ks[3] = {64, 256, 1024}, shift[3] = {0, 6, 14};
    memset(out, 0, sizeof *out);
    hs_wordmap cnt = {0}, idx = {0};
    word *words = NULL;
    uint64_t *pairs = NULL;
    uint32_t *wcount = NULL;
    uint16_t *cls = NULL;
    double *xlogx = NULL;
    bigrams bg = {0};
    size_t nw = 0, v = 0, np = 0;
    int rc = hs_wordmap_init(&cnt, t->n + 1);
    for (size_t i = 0; !rc && i < t->n; i++) {
        if (!t->ids[i])
            continue;
        const hs_wordmap_entry *e = hs_wordmap_get(&cnt, t->ids[i]);
        nw += !e;
        hs_wordmap_put(&cnt, t->ids[i], e ? e->value + 1 : 1);
    }
    if (!rc && !(words = malloc((nw ? nw : 1) * sizeof *words)))
        rc = hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < cnt.size; i++)
        if (cnt.v[i].key && cnt.v[i].value >= min_count) {
            words[v].key = cnt.v[i].key;
            words[v++].count = cnt.v[i].value;
        }
    if (!rc && v < 1024)
        rc = hs_error_set(HS_EINPUT, "train clusters: %zu words seen %u times, fewer than 1,024 classes", v, min_count);
    if (rc)
        goto done;
    qsort(words, v, sizeof *words, cmp_word);
    if ((rc = hs_wordmap_init(&idx, v)))
        goto done;
    for (size_t w = 0; w < v; w++)
        hs_wordmap_put(&idx, words[w].key, (uint32_t)(w + 1));
    /* (second word << 32 | first word) of every bigram whose second word gets classes */
    pairs = malloc((t->n ? t->n : 1) * sizeof *pairs);
    wcount = calloc(v + 2, sizeof *wcount);
    cls = malloc((v + 2) * sizeof *cls);
    xlogx = malloc((t->n + 2) * sizeof *xlogx);
    bg.start = calloc(v + 2, sizeof *bg.start);
    if (!pairs || !wcount || !cls || !xlogx || !bg.start) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t x = 0; x < t->n + 2; x++)
        xlogx[x] = x ? (double)x * log((double)x) : 0;
    bg.p = v < MAX_PRED ? v : MAX_PRED;
    uint64_t prev = 0; /* sentence start */
    for (size_t i = 0; i < t->n; i++) {
        if (!t->ids[i]) {
            prev = 0;
            continue;
        }
        const hs_wordmap_entry *e = hs_wordmap_get(&idx, t->ids[i]);
        uint64_t cur = e ? e->value : v + 1;
        if (e) {
            pairs[np++] = cur << 32 | prev;
            wcount[cur]++;
        }
        prev = cur <= bg.p ? cur : bg.p + 1;
    }
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    size_t types = 0;
    for (size_t i = 0; i < np; i++)
        types += i == 0 || pairs[i] != pairs[i - 1];
    bg.pred = malloc((types ? types : 1) * sizeof *bg.pred);
    bg.cnt = malloc((types ? types : 1) * sizeof *bg.cnt);
    if (!bg.pred || !bg.cnt) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    bg.v = v;
    size_t j = 0;
    for (size_t i = 0; i < np; i++) {
        if (i == 0 || pairs[i] != pairs[i - 1]) {
            bg.pred[j] = (uint32_t)pairs[i];
            bg.cnt[j++] = 0;
            bg.start[pairs[i] >> 32]++;
        }
        bg.cnt[j - 1]++;
    }
    for (size_t w = 0, sum = 0; w <= v + 1; w++) { /* counts to starts */
        size_t c = bg.start[w];
        bg.start[w] = (uint32_t)sum;
        sum += c;
    }
    if (msg)
        fprintf(msg, "train clusters: %zu tokens, %zu words seen %u times or more, %zu bigram types\n", t->n, v,
                min_count, types);
    if ((rc = hs_wordmap_init(out, v)))
        goto done;
    for (size_t w = 0; w < v; w++)
        hs_wordmap_put(out, words[w].key, 0);
    for (int g = 0; !rc && g < 3; g++) {
        if ((rc = classify(cls, &bg, wcount, ks[g], passes, xlogx, msg)))
            break;
        for (size_t w = 0; w < v; w++) {
            const hs_wordmap_entry *e = hs_wordmap_get(out, words[w].key);
            hs_wordmap_put(out, words[w].key, e->value | (uint32_t)cls[w + 1] << shift[g]);
        }
    }
done:
    if (rc)
        hs_wordmap_free(out);
    hs_wordmap_free(&cnt);
    hs_wordmap_free(&idx);
    free(words);
    free(pairs);
    free(wcount);
    free(cls);
    free(xlogx);
    free(bg.start);
    free(bg.pred);
    free(bg.cnt);
    return rc;
}

int hs_clusters_save(const hs_wordmap *m, const char *path)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, HS_CLUSTERS_KIND, HS_CLUSTERS_VERSION);
    int rc = hs_wordmap_save(m, &w, "classes");
    if (!rc)
        rc = hs_mfile_writer_save(&w, path);
    hs_mfile_writer_free(&w);
    return rc;
}

int hs_clusters_load(hs_wordmap *m, const char *path)
{
    hs_mfile mf;
    memset(m, 0, sizeof *m);
    int rc = hs_model_open(&mf, path, NULL, 0, HS_CLUSTERS_KIND, HS_CLUSTERS_VERSION);
    if (rc)
        return rc;
    rc = hs_wordmap_load(m, &mf, "classes", HS_CLUST_MAX_VALUE);
    hs_mfile_free(&mf);
    return rc;
}
