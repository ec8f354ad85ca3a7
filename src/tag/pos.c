/* Part-of-speech tagger: greedy left-to-right averaged perceptron that
 * predicts a UPOS tag and a PTB tag for each token from one weight row. */
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Feature templates (numbers are part of the model format: do not reorder). */
enum {
    P_BIAS = 1, P_LOWER, P_SUF1, P_SUF2, P_SUF3, P_SUF4, P_PRE1, P_PRE2, P_PRE3, P_SHAPE,
    P_PREV_LOWER, P_PREV2_LOWER, P_NEXT_LOWER, P_NEXT2_LOWER, P_PREV_SUF3, P_NEXT_SUF3,
    P_PREV_TAG, P_PREV2_PREV_TAG, P_PREV_TAG_LOWER, P_FIRST_SHAPE, P_NEXT_SHAPE,
    P_PREV_LOWER_LOWER, P_LOWER_NEXT_LOWER, P_WORD, P_PREV_TAG_NEXT_LOWER
};

#define BOS_TAG 1000u

size_t hs_pos_features(const hs_lex *lx, size_t n, size_t i, int prev, int prev2, uint64_t *f)
{
    const hs_lex *w = &lx[i];
    const hs_lex *p1 = i >= 1 ? &lx[i - 1] : &hs_lex_bos, *p2 = i >= 2 ? &lx[i - 2] : &hs_lex_bos;
    const hs_lex *n1 = i + 1 < n ? &lx[i + 1] : &hs_lex_eos, *n2 = i + 2 < n ? &lx[i + 2] : &hs_lex_eos;
    uint64_t t1 = prev < 0 ? BOS_TAG : (uint64_t)prev, t2 = prev2 < 0 ? BOS_TAG : (uint64_t)prev2;
    size_t k = 0;
    f[k++] = hs_fh(P_BIAS, 0);
    f[k++] = hs_fh(P_LOWER, w->lower);
    f[k++] = hs_fh(P_WORD, w->word);
    f[k++] = hs_fh(P_SUF1, w->suf[0]);
    f[k++] = hs_fh(P_SUF2, w->suf[1]);
    f[k++] = hs_fh(P_SUF3, w->suf[2]);
    f[k++] = hs_fh(P_SUF4, w->suf[3]);
    f[k++] = hs_fh(P_PRE1, w->pre[0]);
    f[k++] = hs_fh(P_PRE2, w->pre[1]);
    f[k++] = hs_fh(P_PRE3, w->pre[2]);
    f[k++] = hs_fh(P_SHAPE, w->shape);
    f[k++] = hs_fh(P_PREV_LOWER, p1->lower);
    f[k++] = hs_fh(P_PREV2_LOWER, p2->lower);
    f[k++] = hs_fh(P_NEXT_LOWER, n1->lower);
    f[k++] = hs_fh(P_NEXT2_LOWER, n2->lower);
    f[k++] = hs_fh(P_PREV_SUF3, p1->suf[2]);
    f[k++] = hs_fh(P_NEXT_SUF3, n1->suf[2]);
    f[k++] = hs_fh(P_PREV_TAG, t1);
    f[k++] = hs_fh2(P_PREV2_PREV_TAG, t2, t1);
    f[k++] = hs_fh2(P_PREV_TAG_LOWER, t1, w->lower);
    f[k++] = hs_fh2(P_FIRST_SHAPE, i == 0, w->sshape);
    f[k++] = hs_fh(P_NEXT_SHAPE, n1->sshape);
    f[k++] = hs_fh2(P_PREV_LOWER_LOWER, p1->lower, w->lower);
    f[k++] = hs_fh2(P_LOWER_NEXT_LOWER, w->lower, n1->lower);
    f[k++] = hs_fh2(P_PREV_TAG_NEXT_LOWER, t1, n1->lower);
    return k;
}

/* The pair with the highest s[UPOS] + s[PTB], the first in pair order among
 * equals.  A UPOS group cannot hold the winner when s[UPOS] plus the best PTB
 * score of all falls below the best so far (or equals it, and the group's
 * first pair comes later): most groups are skipped without reading their
 * pairs, and the answer is the one a scan of every pair gives. */
static size_t best_pair(const struct hs_pos_model *m, const int32_t *s)
{
    const int32_t *sx = s + HS_UPOS_COUNT;
    int32_t lane[8] = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
    size_t x = 0;
    for (; x + 8 <= m->n_xpos; x += 8) /* eight independent maxima: one vector max a step */
        for (int j = 0; j < 8; j++)
            lane[j] = sx[x + (size_t)j] > lane[j] ? sx[x + (size_t)j] : lane[j];
    for (; x < m->n_xpos; x++)
        lane[0] = sx[x] > lane[0] ? sx[x] : lane[0];
    int32_t top_x = lane[0];
    for (int j = 1; j < 8; j++)
        top_x = lane[j] > top_x ? lane[j] : top_x;
    /* the group of the best UPOS first, so that the bound bites early */
    int first = hs_argmax_i32(s, 0, HS_UPOS_COUNT, NULL);
    size_t best = SIZE_MAX;
    int64_t bs = INT64_MIN;
    for (int g = -1; g < HS_UPOS_COUNT; g++) {
        int u = g < 0 ? first : g;
        if (g == first)
            continue;
        size_t b = m->upos_start[u], e = m->upos_start[u + 1];
        if (b == e)
            continue;
        int64_t bound = (int64_t)s[u] + top_x;
        if (bound < bs || (bound == bs && m->by_upos[b] > best))
            continue;
        for (size_t i = b; i < e; i++) {
            size_t k = m->by_upos[i];
            int64_t v = (int64_t)s[u] + sx[m->pairs[k][1]];
            if (v > bs || (v == bs && k < best)) {
                bs = v;
                best = k;
            }
        }
    }
    return best;
}

/* Fill by_upos and upos_start from pairs. */
static int index_pairs(struct hs_pos_model *m)
{
    free(m->by_upos);
    if (!(m->by_upos = malloc((m->n_pairs ? m->n_pairs : 1) * sizeof *m->by_upos)))
        return hs_error_set(HS_ENOMEM, "out of memory");
    size_t n = 0;
    for (int u = 0; u < HS_UPOS_COUNT; u++) {
        m->upos_start[u] = (uint16_t)n;
        for (size_t k = 0; k < m->n_pairs; k++)
            if (m->pairs[k][0] == u)
                m->by_upos[n++] = (uint16_t)k;
    }
    m->upos_start[HS_UPOS_COUNT] = (uint16_t)n;
    return 0;
}

void hs_pos_tag_sentence(const struct hs_pos_model *m, hs_doc *d, const hs_lex *lx, size_t b, size_t e)
{
    uint64_t f[HS_TAG_MAX_FEATS];
    int32_t s[HS_PERCEP_MAX_STRIDE];
    int prev = -1, prev2 = -1;
    const int nx = (int)m->n_xpos;
    for (size_t i = b; i < e; i++) {
        const hs_wordmap_entry *de = hs_wordmap_get(&m->dict, lx[i].word);
        int u, x;
        if (de) {
            u = de->value & 0xff;
            x = (int)(de->value >> 8);
        } else {
            size_t nf = hs_pos_features(lx + b, e - b, i - b, prev, prev2, f);
            hs_percep_score(&m->p, f, nf, s);
            if (m->n_pairs) {
                size_t best = best_pair(m, s);
                u = m->pairs[best][0];
                x = m->pairs[best][1];
            } else {
                u = hs_argmax_i32(s, 0, HS_UPOS_COUNT, NULL);
                x = hs_argmax_i32(s, HS_UPOS_COUNT, HS_UPOS_COUNT + nx, NULL) - HS_UPOS_COUNT;
            }
        }
        d->toks.v[i].upos = (uint8_t)u;
        d->toks.v[i].xpos = (uint8_t)x;
        prev2 = prev;
        prev = x;
    }
}

/* ---- model files ---- */

int hs_pos_model_save(const struct hs_pos_model *m, const char *path)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, HS_POS_KIND, HS_POS_VERSION);
    int rc = hs_names_save(&w, "xpos", m->xpos_names, m->n_xpos);
    if (!rc)
        rc = hs_wordmap_save(&m->dict, &w, "dict");
    if (!rc)
        rc = hs_mfile_writer_add(&w, "pairs", m->pairs, m->n_pairs * 2);
    return hs_model_save_finish(&w, rc, &m->p, path);
}

static int load_dict(struct hs_pos_model *m, const hs_mfile *mf)
{
    int rc = hs_wordmap_load(&m->dict, mf, "dict", (uint32_t)m->n_xpos << 8);
    for (size_t i = 0; !rc && i < m->dict.size; i++)
        if (m->dict.v[i].key && (m->dict.v[i].value & 0xff) >= HS_UPOS_COUNT)
            rc = hs_error_set(HS_EMODEL, "%s: tag dictionary slot %zu names an unknown UPOS tag", mf->path, i);
    return rc;
}

static int load_pairs(struct hs_pos_model *m, const hs_mfile *mf)
{
    const void *data;
    size_t n;
    int rc = hs_mfile_get(mf, "pairs", 2, &data, &n);
    if (rc)
        return rc;
    const uint8_t *v = data;
    for (size_t i = 0; i < n; i++)
        if (v[2 * i] >= HS_UPOS_COUNT || v[2 * i + 1] >= m->n_xpos)
            return hs_error_set(HS_EMODEL, "%s: tag pair %zu names an unknown tag", mf->path, i);
    if (n && !(m->pairs = malloc(n * 2)))
        return hs_error_set(HS_ENOMEM, "out of memory");
    if (n)
        memcpy(m->pairs, data, n * 2);
    m->n_pairs = n;
    return index_pairs(m);
}

static int pos_from_mfile(struct hs_pos_model **out, hs_mfile mf, const char *path);

/* From a file (data NULL) or from memory. */
static int pos_open(struct hs_pos_model **out, const char *what, const void *data, size_t len)
{
    hs_mfile mf;
    *out = NULL;
    int rc = hs_model_open(&mf, what, data, len, HS_POS_KIND, HS_POS_VERSION);
    return rc ? rc : pos_from_mfile(out, mf, what);
}

int hs_pos_model_load(struct hs_pos_model **out, const char *path) { return pos_open(out, path, NULL, 0); }

int hs_pos_model_load_mem(struct hs_pos_model **out, const void *data, size_t len, const char *what)
{
    return pos_open(out, what, data, len);
}

/* Takes over mf (freed here). */
static int pos_from_mfile(struct hs_pos_model **out, hs_mfile mf, const char *path)
{
    int rc = 0;
    struct hs_pos_model *m = calloc(1, sizeof *m);
    if (!m) {
        hs_mfile_free(&mf);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    rc = hs_names_load(&mf, "xpos", &m->xpos_names, &m->n_xpos, 255);
    if (!rc)
        rc = hs_percep_load(&m->p, &mf, "tag");
    if (!rc && (m->n_xpos == 0 || m->p.n_labels != HS_UPOS_COUNT + m->n_xpos))
        rc = hs_error_set(HS_EMODEL, "%s: %u labels in the weights but %d UPOS + %zu PTB tags named", path,
                          m->p.n_labels, HS_UPOS_COUNT, m->n_xpos);
    if (!rc)
        rc = load_dict(m, &mf);
    if (!rc)
        rc = load_pairs(m, &mf);
    hs_mfile_free(&mf);
    if (rc) {
        hs_pos_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void hs_pos_model_free(struct hs_pos_model *m)
{
    if (!m)
        return;
    hs_percep_free(&m->p);
    free((void *)m->xpos_names);
    hs_wordmap_free(&m->dict);
    free(m->pairs);
    free(m->by_upos);
    free(m);
}

/* ---- training ---- */

/* A word enters the tag dictionary when it was seen at least DICT_MIN_COUNT
 * times and with one (UPOS, PTB) pair at least DICT_MIN_SHARE of the time. */
#define DICT_MIN_COUNT 20
#define DICT_MIN_SHARE 0.99
/* A (UPOS, PTB) pair may be predicted when training data had it this often,
 * or when it is the commonest pair of its PTB tag (so every tag keeps one). */
#define PAIR_MIN_COUNT 3

static int pair_allowed(const size_t *cnt, size_t nx, size_t k)
{
    if (cnt[k] >= PAIR_MIN_COUNT)
        return 1;
    size_t x = k % nx, best = 0;
    for (size_t u = 0; u < HS_UPOS_COUNT; u++)
        if (cnt[u * nx + x] > best)
            best = cnt[u * nx + x];
    return cnt[k] > 0 && cnt[k] == best;
}

static int build_pairs(struct hs_pos_model *m, const hs_corpus *c)
{
    size_t nx = c->n_xpos, n = 0;
    size_t *cnt = calloc((size_t)HS_UPOS_COUNT * nx, sizeof *cnt);
    if (!cnt)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->d->toks.n; i++)
        cnt[c->upos.v[i] * nx + c->xpos.v[i]]++;
    for (size_t k = 0; k < HS_UPOS_COUNT * nx; k++)
        n += (size_t)pair_allowed(cnt, nx, k);
    m->pairs = malloc((n ? n : 1) * 2);
    if (!m->pairs) {
        free(cnt);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    m->n_pairs = 0;
    for (size_t k = 0; k < HS_UPOS_COUNT * nx; k++)
        if (pair_allowed(cnt, nx, k)) {
            m->pairs[m->n_pairs][0] = (uint8_t)(k / nx);
            m->pairs[m->n_pairs][1] = (uint8_t)(k % nx);
            m->n_pairs++;
        }
    free(cnt);
    return index_pairs(m);
}

typedef struct occ {
    uint64_t key;
    uint8_t upos, xpos;
} occ;

static int occ_cmp(const void *a, const void *b)
{
    const occ *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->upos != y->upos)
        return x->upos < y->upos ? -1 : 1;
    return x->xpos < y->xpos ? -1 : x->xpos > y->xpos;
}

static int build_dict(struct hs_pos_model *m, const hs_corpus *c, const hs_lex *lx)
{
    size_t n = c->d->toks.n, words = 0;
    occ *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = (occ){lx[i].word, c->upos.v[i], c->xpos.v[i]};
    qsort(v, n, sizeof *v, occ_cmp);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && hs_wordmap_init(&m->dict, words)) {
            free(v);
            return HS_ENOMEM;
        }
        for (size_t i = 0; i < n;) {
            size_t j = i, best = 0, best_at = i;
            while (j < n && v[j].key == v[i].key) {
                size_t k = j;
                while (k < n && v[k].key == v[j].key && v[k].upos == v[j].upos && v[k].xpos == v[j].xpos)
                    k++;
                if (k - j > best) {
                    best = k - j;
                    best_at = j;
                }
                j = k;
            }
            if (j - i >= DICT_MIN_COUNT && (double)best >= DICT_MIN_SHARE * (double)(j - i)) {
                if (pass == 0)
                    words++;
                else
                    hs_wordmap_put(&m->dict, v[best_at].key, v[best_at].upos | (uint32_t)v[best_at].xpos << 8);
            }
            i = j;
        }
    }
    free(v);
    return 0;
}

int hs_pos_train(const hs_corpus *c, const hs_train_opts *o, FILE *log, struct hs_pos_model **out)
{
    *out = NULL;
    hs_doc *d = c->d;
    hs_lex *lx;
    hs_percep_trainer t;
    if (c->n_xpos == 0 || d->sents.n == 0)
        return hs_error_set(HS_EINPUT, "train pos: no tagged sentences in the training data");
    int rc = hs_lex_doc(d, &lx);
    if (rc)
        return rc;
    struct hs_pos_model *m = calloc(1, sizeof *m);
    if (!m)
        return hs_error_set(HS_ENOMEM, "out of memory");
    m->n_xpos = c->n_xpos;
    if ((rc = build_dict(m, c, lx)) || (rc = build_pairs(m, c)) ||
        (rc = hs_percep_trainer_init(&t, o->bits, HS_UPOS_COUNT + (uint32_t)c->n_xpos))) {
        hs_pos_model_free(m);
        return rc;
    }
    if (log)
        fprintf(log, "train pos: tag dictionary of %zu slots\n", m->dict.size);
    uint32_t *order = malloc(d->sents.n * sizeof *order);
    if (!order) {
        hs_percep_trainer_free(&t);
        hs_pos_model_free(m);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < d->sents.n; i++)
        order[i] = (uint32_t)i;
    uint64_t seed = o->seed, f[HS_TAG_MAX_FEATS];
    float s[HS_PERCEP_MAX_STRIDE];
    const int nx = (int)c->n_xpos;
    for (unsigned ep = 0; ep < o->epochs; ep++) {
        clock_t t0 = clock();
        hs_shuffle_u32(order, d->sents.n, &seed);
        size_t right = 0, total = 0;
        for (size_t si = 0; si < d->sents.n; si++) {
            const hs_sent *st = &d->sents.v[order[si]];
            size_t b = st->tok_begin, e = st->tok_end;
            int prev = -1, prev2 = -1;
            for (size_t i = b; i < e; i++) {
                const hs_wordmap_entry *de = hs_wordmap_get(&m->dict, lx[i].word);
                if (de) { /* as at tagging time: no scoring, no update */
                    right += (de->value & 0xff) == c->upos.v[i];
                    total++;
                    prev2 = prev;
                    prev = (int)(de->value >> 8);
                    continue;
                }
                size_t nf = hs_pos_features(lx + b, e - b, i - b, prev, prev2, f);
                hs_percep_trainer_score(&t, f, nf, s);
                int u = hs_argmax_f(s, 0, HS_UPOS_COUNT, NULL);
                int x = hs_argmax_f(s, HS_UPOS_COUNT, HS_UPOS_COUNT + nx, NULL);
                int gu = c->upos.v[i], gx = HS_UPOS_COUNT + c->xpos.v[i];
                if (u != gu) {
                    hs_percep_trainer_update(&t, f, nf, gu, 1);
                    hs_percep_trainer_update(&t, f, nf, u, -1);
                }
                if (x != gx) {
                    hs_percep_trainer_update(&t, f, nf, gx, 1);
                    hs_percep_trainer_update(&t, f, nf, x, -1);
                }
                hs_percep_trainer_tick(&t);
                right += u == gu;
                total++;
                prev2 = prev;
                prev = x - HS_UPOS_COUNT;
            }
        }
        if (log)
            fprintf(log, "train pos: epoch %u: UPOS accuracy on training data %.4f (%.1f s)\n", ep + 1,
                    (double)right / (double)total, (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    free(order);
    const char **names = hs_names_copy(c->xpos_names, c->n_xpos);
    rc = names ? hs_percep_trainer_finish(&t, &m->p) : hs_error_set(HS_ENOMEM, "out of memory");
    hs_percep_trainer_free(&t);
    if (!rc) {
        m->xpos_names = names;
        m->n_xpos = c->n_xpos;
        *out = m;
        return 0;
    }
    free((void *)names);
    hs_pos_model_free(m);
    return rc;
}
