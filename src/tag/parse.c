/* Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011)
 * scored by an averaged perceptron, trained with the dynamic oracle and
 * exploration of Goldberg and Nivre (2013).
 *
 * Configuration: a stack whose bottom is ROOT, and a buffer of the sentence's
 * remaining tokens.  Actions: SHIFT (b0 onto the stack), LEFT-r (b0 becomes
 * the head of s0, which is popped), RIGHT-r (s1 becomes the head of s0, which
 * is popped).  Labels are UD basic relations (subtypes dropped). */
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NONE (-1)

/* Feature templates (part of the model format). */
enum {
    F_BIAS = 1, F_S0W, F_S0T, F_S0WT, F_S1W, F_S1T, F_S1WT, F_B0W, F_B0T, F_B0WT, F_B1W, F_B1T, F_B2T, F_S2T,
    F_S0T_B0T, F_S0W_B0W, F_S1T_S0T, F_S1T_S0T_B0T, F_S0T_B0T_B1T, F_S2T_S1T_S0T, F_S0W_B0T, F_S0T_B0W,
    F_DIST_S0B0, F_DIST_S1S0, F_S0L_LAB, F_S0R_LAB, F_B0L_LAB, F_S1R_LAB, F_S0_LR_LAB, F_S0L_T, F_S0R_T,
    F_B0L_T, F_S1R_T, F_S0_VAL, F_B0_VAL, F_S1W_S0W, F_S1_VAL, F_S0L2_T, F_B0L2_T, F_S0L_W, F_S0R_W, F_B0L_W,
    F_S0WT_B0T, F_B0W_B1T, F_S0L_S0L2_LAB, F_B0W_B1W, F_S1W_B0W
};

/* ---- the configuration ---- */

static void state_init(hs_parse_state *st, size_t n)
{
    st->n = n;
    st->sp = 0;
    st->stack[st->sp++] = (int32_t)n; /* ROOT */
    st->b = 0;
    for (size_t i = 0; i <= n; i++) {
        st->head[i] = NONE;
        st->label[i] = 0;
        st->lc[i] = st->rc[i] = st->lc2[i] = NONE;
        st->nl[i] = st->nr[i] = 0;
    }
}

static int state_final(const hs_parse_state *st) { return st->b >= st->n && st->sp == 1; }

static void add_arc(hs_parse_state *st, int32_t h, int32_t d, int r)
{
    st->head[d] = h;
    st->label[d] = (uint8_t)r;
    if (d < h) {
        if (st->lc[h] == NONE || d < st->lc[h]) {
            st->lc2[h] = st->lc[h];
            st->lc[h] = d;
        }
        st->nl[h]++;
    } else {
        if (st->rc[h] == NONE || d > st->rc[h])
            st->rc[h] = d;
        st->nr[h]++;
    }
}

/* Legal actions: 0 SHIFT, 1 + 2r LEFT-r, 2 + 2r RIGHT-r. */
static void legal(const hs_parse_state *st, int *shift, int *left, int *right)
{
    *shift = st->b < st->n;
    *left = st->b < st->n && st->sp >= 1 && st->stack[st->sp - 1] != (int32_t)st->n;
    *right = st->sp >= 2;
}

static void apply(hs_parse_state *st, int a)
{
    if (a == 0) {
        st->stack[st->sp++] = (int32_t)st->b++;
        return;
    }
    int r = (a - 1) / 2;
    int32_t s0 = st->stack[--st->sp];
    if (a % 2 == 1)
        add_arc(st, (int32_t)st->b, s0, r);
    else
        add_arc(st, st->stack[st->sp - 1], s0, r);
}

/* ---- features ---- */

#define TOK_NONE 0x7777u
#define TOK_ROOT 0x8888u

static uint64_t word_of(const hs_parse_sent *s, int32_t i)
{
    return i == NONE ? TOK_NONE : (size_t)i == s->n ? TOK_ROOT : s->lx[i].lower;
}

static uint64_t tag_of(const hs_parse_sent *s, int32_t i)
{
    return i == NONE ? TOK_NONE : (size_t)i == s->n ? TOK_ROOT : s->tag[i];
}

static uint64_t lab_of(const hs_parse_state *st, int32_t i) { return i == NONE ? TOK_NONE : st->label[i]; }

size_t hs_parse_features(const hs_parse_sent *s, const hs_parse_state *st, uint64_t *f)
{
    int32_t s0 = st->sp >= 1 ? st->stack[st->sp - 1] : NONE, s1 = st->sp >= 2 ? st->stack[st->sp - 2] : NONE;
    int32_t s2 = st->sp >= 3 ? st->stack[st->sp - 3] : NONE;
    int32_t b0 = st->b < st->n ? (int32_t)st->b : NONE, b1 = st->b + 1 < st->n ? (int32_t)st->b + 1 : NONE;
    int32_t b2 = st->b + 2 < st->n ? (int32_t)st->b + 2 : NONE;
    int32_t s0l = s0 != NONE ? st->lc[s0] : NONE, s0r = s0 != NONE ? st->rc[s0] : NONE;
    int32_t b0l = b0 != NONE ? st->lc[b0] : NONE, s1r = s1 != NONE ? st->rc[s1] : NONE;
    int32_t s0l2 = s0 != NONE ? st->lc2[s0] : NONE, b0l2 = b0 != NONE ? st->lc2[b0] : NONE;
    uint64_t ws0 = word_of(s, s0), ws1 = word_of(s, s1), wb0 = word_of(s, b0), wb1 = word_of(s, b1);
    uint64_t ts0 = tag_of(s, s0), ts1 = tag_of(s, s1), ts2 = tag_of(s, s2), tb0 = tag_of(s, b0);
    uint64_t tb1 = tag_of(s, b1), tb2 = tag_of(s, b2);
    uint64_t d01 = s0 == NONE || b0 == NONE ? 99 : (uint64_t)(b0 - s0 > 5 ? 5 : b0 - s0);
    uint64_t d10 = s0 == NONE || s1 == NONE ? 99 : (uint64_t)((s0 - s1) > 5 || (s0 - s1) < -5 ? 6 : s0 - s1 + 6);
    size_t k = 0;
    f[k++] = hs_fh(F_BIAS, 0);
    f[k++] = hs_fh(F_S0W, ws0);
    f[k++] = hs_fh(F_S0T, ts0);
    f[k++] = hs_fh2(F_S0WT, ws0, ts0);
    f[k++] = hs_fh(F_S1W, ws1);
    f[k++] = hs_fh(F_S1T, ts1);
    f[k++] = hs_fh2(F_S1WT, ws1, ts1);
    f[k++] = hs_fh(F_B0W, wb0);
    f[k++] = hs_fh(F_B0T, tb0);
    f[k++] = hs_fh2(F_B0WT, wb0, tb0);
    f[k++] = hs_fh(F_B1W, wb1);
    f[k++] = hs_fh(F_B1T, tb1);
    f[k++] = hs_fh(F_B2T, tb2);
    f[k++] = hs_fh(F_S2T, ts2);
    f[k++] = hs_fh2(F_S0T_B0T, ts0, tb0);
    f[k++] = hs_fh2(F_S0W_B0W, ws0, wb0);
    f[k++] = hs_fh2(F_S1T_S0T, ts1, ts0);
    f[k++] = hs_fh2(F_S1T_S0T_B0T, ts1 << 16 | ts0, tb0);
    f[k++] = hs_fh2(F_S0T_B0T_B1T, ts0 << 16 | tb0, tb1);
    f[k++] = hs_fh2(F_S2T_S1T_S0T, ts2 << 16 | ts1, ts0);
    f[k++] = hs_fh2(F_S0W_B0T, ws0, tb0);
    f[k++] = hs_fh2(F_S0T_B0W, ts0, wb0);
    f[k++] = hs_fh2(F_DIST_S0B0, d01, ts0 << 16 | tb0);
    f[k++] = hs_fh2(F_DIST_S1S0, d10, ts1 << 16 | ts0);
    f[k++] = hs_fh2(F_S0L_LAB, lab_of(st, s0l), ts0);
    f[k++] = hs_fh2(F_S0R_LAB, lab_of(st, s0r), ts0);
    f[k++] = hs_fh2(F_B0L_LAB, lab_of(st, b0l), tb0);
    f[k++] = hs_fh2(F_S1R_LAB, lab_of(st, s1r), ts1);
    f[k++] = hs_fh2(F_S0_LR_LAB, lab_of(st, s0l) << 16 | lab_of(st, s0r), ts0);
    f[k++] = hs_fh2(F_S0L_T, tag_of(s, s0l), ts0);
    f[k++] = hs_fh2(F_S0R_T, tag_of(s, s0r), ts0);
    f[k++] = hs_fh2(F_B0L_T, tag_of(s, b0l), tb0);
    f[k++] = hs_fh2(F_S1R_T, tag_of(s, s1r), ts1);
    f[k++] = hs_fh2(F_S0_VAL, s0 == NONE ? 99 : (uint64_t)st->nl[s0] << 8 | st->nr[s0], ts0);
    f[k++] = hs_fh2(F_B0_VAL, b0 == NONE ? 99 : st->nl[b0], tb0);
    f[k++] = hs_fh2(F_S1W_S0W, ws1, ws0);
    f[k++] = hs_fh2(F_S1_VAL, s1 == NONE ? 99 : (uint64_t)st->nl[s1] << 8 | st->nr[s1], ts1);
    f[k++] = hs_fh2(F_S0L2_T, tag_of(s, s0l2), ts0);
    f[k++] = hs_fh2(F_B0L2_T, tag_of(s, b0l2), tb0);
    f[k++] = hs_fh2(F_S0L_W, word_of(s, s0l), ts0);
    f[k++] = hs_fh2(F_S0R_W, word_of(s, s0r), ts0);
    f[k++] = hs_fh2(F_B0L_W, word_of(s, b0l), tb0);
    f[k++] = hs_fh2(F_S0WT_B0T, hs_fh2(0, ws0, ts0), tb0);
    f[k++] = hs_fh2(F_B0W_B1T, wb0, tb1);
    f[k++] = hs_fh2(F_S0L_S0L2_LAB, lab_of(st, s0l) << 16 | lab_of(st, s0l2), ts0);
    f[k++] = hs_fh2(F_B0W_B1W, wb0, wb1);
    f[k++] = hs_fh2(F_S1W_B0W, ws1, wb0);
    return k;
}

/* The best legal action by the scores. */
static int best_action(const hs_parse_state *st, const int32_t *si, const float *sf, int n_rel)
{
    int sh, le, ri, best = -1;
    legal(st, &sh, &le, &ri);
    for (int a = 0; a < 1 + 2 * n_rel; a++) {
        if ((a == 0 && !sh) || (a > 0 && a % 2 == 1 && !le) || (a > 0 && a % 2 == 0 && !ri))
            continue;
        if (best < 0 || (si ? si[a] > si[best] : sf[a] > sf[best]))
            best = a;
    }
    return best;
}

int hs_parse_state_alloc(hs_parse_state *st, hs_arena *a, size_t max_n)
{
    size_t m = max_n + 1;
    st->stack = hs_arena_alloc(a, m * sizeof *st->stack);
    st->head = hs_arena_alloc(a, m * sizeof *st->head);
    st->lc = hs_arena_alloc(a, m * sizeof *st->lc);
    st->lc2 = hs_arena_alloc(a, m * sizeof *st->lc2);
    st->rc = hs_arena_alloc(a, m * sizeof *st->rc);
    st->label = hs_arena_alloc(a, m);
    st->nl = hs_arena_alloc(a, m);
    st->nr = hs_arena_alloc(a, m);
    return st->stack && st->head && st->lc && st->lc2 && st->rc && st->label && st->nl && st->nr ? 0 : HS_ENOMEM;
}

void hs_parse_sentence(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_state *st)
{
    uint64_t f[HS_TAG_MAX_FEATS];
    int32_t sc[HS_PERCEP_MAX_STRIDE];
    state_init(st, s->n);
    while (!state_final(st)) {
        size_t nf = hs_parse_features(s, st, f);
        hs_percep_score(&m->p, f, nf, sc);
        apply(st, best_action(st, sc, NULL, (int)m->n_deprel));
    }
}

/* ---- the dynamic oracle (arc-hybrid, Goldberg and Nivre 2013) ---- */

/* Gold arcs made unreachable by each action; gold heads use n for ROOT. */
static int cost_of(const hs_parse_state *st, const int32_t *gh, const uint8_t *gl, int a)
{
    int32_t s0 = st->sp >= 1 ? st->stack[st->sp - 1] : NONE;
    int c = 0;
    if (a == 0) { /* SHIFT: b0 loses heads deeper than s0 in the stack and dependents in the stack */
        int32_t b0 = (int32_t)st->b;
        for (size_t k = 0; k < st->sp; k++) {
            int32_t x = st->stack[k];
            if ((size_t)x != st->n && gh[x] == b0 && st->head[x] == NONE)
                c++;
            if (k + 1 < st->sp && gh[b0] == x)
                c++;
        }
        return c;
    }
    /* LEFT/RIGHT pop s0: it loses its dependents in the buffer, and its head
     * unless that is the one the action gives */
    for (size_t k = st->b; k < st->n; k++)
        if (gh[k] == s0 && st->head[k] == NONE)
            c++;
    int r = (a - 1) / 2;
    int32_t h = a % 2 == 1 ? (int32_t)st->b : st->stack[st->sp - 2];
    if (gh[s0] == h)
        return c + (gl[s0] != r);
    /* the gold head is still reachable elsewhere? then this arc loses it */
    int reachable = 0;
    if (st->sp >= 2 && gh[s0] == st->stack[st->sp - 2])
        reachable = 1;
    for (size_t k = st->b; k < st->n; k++)
        if (gh[s0] == (int32_t)k)
            reachable = 1;
    return c + reachable;
}

/* ---- model files ---- */

int hs_parse_model_save(const struct hs_parse_model *m, const char *path)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, HS_PARSE_KIND, HS_PARSE_VERSION);
    return hs_model_save_finish(&w, hs_names_save(&w, "deprel", m->deprel_names, m->n_deprel), &m->p, path);
}

int hs_parse_model_load_any(struct hs_parse_model **out, const char *what, const void *data, size_t len)
{
    hs_mfile mf;
    *out = NULL;
    int rc = hs_model_open(&mf, what, data, len, HS_PARSE_KIND, HS_PARSE_VERSION);
    if (rc)
        return rc;
    struct hs_parse_model *m = calloc(1, sizeof *m);
    if (!m)
        rc = hs_error_set(HS_ENOMEM, "out of memory");
    if (!rc)
        rc = hs_names_load(&mf, "deprel", &m->deprel_names, &m->n_deprel, 120);
    if (!rc)
        rc = hs_percep_load(&m->p, &mf, "tag");
    if (!rc && (m->n_deprel == 0 || m->p.n_labels != 1 + 2 * m->n_deprel))
        rc = hs_error_set(HS_EMODEL, "%s: %u actions in the weights but %zu relations named", what, m->p.n_labels,
                          m->n_deprel);
    hs_mfile_free(&mf);
    if (rc) {
        hs_parse_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int hs_parse_model_load(struct hs_parse_model **out, const char *path)
{
    return hs_parse_model_load_any(out, path, NULL, 0);
}

void hs_parse_model_free(struct hs_parse_model *m)
{
    if (!m)
        return;
    hs_percep_free(&m->p);
    free((void *)m->deprel_names);
    free(m);
}

/* ---- training ---- */

#define EXPLORE_FROM 1   /* epochs with gold actions only */
#define EXPLORE_P 0.9    /* then follow the model's own action this often */

int hs_parse_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                   struct hs_parse_model **out)
{
    *out = NULL;
    hs_doc *d = c->d;
    hs_lex *lx;
    if (c->n_deprel == 0 || d->sents.n == 0)
        return hs_error_set(HS_EINPUT, "train parse: no parsed sentences in the training data");
    int rc = hs_lex_doc(d, &lx);
    if (rc)
        return rc;
    size_t max_n = 0;
    for (size_t i = 0; i < d->sents.n; i++)
        if (d->sents.v[i].tok_end - d->sents.v[i].tok_begin > max_n)
            max_n = d->sents.v[i].tok_end - d->sents.v[i].tok_begin;
    hs_parse_state st;
    uint8_t *tag = malloc(d->toks.n + 1);
    int32_t *gh = malloc((max_n + 1) * sizeof *gh);
    uint8_t *gl = malloc(max_n + 1);
    uint32_t *order = malloc(d->sents.n * sizeof *order);
    struct hs_parse_model *m = calloc(1, sizeof *m);
    hs_percep_trainer t;
    int have_t = 0;
    if (!tag || !gh || !gl || !order || !m || hs_parse_state_alloc(&st, &d->arena, max_n)) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    if (pos) /* features use the tagger's PTB tags, as at run time */
        for (size_t si = 0; si < d->sents.n; si++)
            hs_pos_tag_sentence(pos, d, lx, d->sents.v[si].tok_begin, d->sents.v[si].tok_end);
    for (size_t i = 0; i < d->toks.n; i++)
        tag[i] = pos ? d->toks.v[i].xpos : c->xpos.v[i];
    if ((rc = hs_percep_trainer_init(&t, o->bits, 1 + 2 * (uint32_t)c->n_deprel)))
        goto done;
    have_t = 1;
    for (size_t i = 0; i < d->sents.n; i++)
        order[i] = (uint32_t)i;
    uint64_t seed = o->seed, f[HS_TAG_MAX_FEATS];
    float sc[HS_PERCEP_MAX_STRIDE];
    int n_rel = (int)c->n_deprel;
    for (unsigned ep = 0; ep < o->epochs; ep++) {
        clock_t t0 = clock();
        hs_shuffle_u32(order, d->sents.n, &seed);
        size_t right = 0, total = 0;
        for (size_t si = 0; si < d->sents.n; si++) {
            const hs_sent *se = &d->sents.v[order[si]];
            size_t b = se->tok_begin, n = se->tok_end - se->tok_begin;
            hs_parse_sent s = {lx + b, tag + b, n};
            for (size_t i = 0; i < n; i++) {
                int32_t h = c->head.v[b + i];
                gh[i] = h < 0 ? (int32_t)n : h - (int32_t)b;
                gl[i] = c->deprel.v[b + i];
            }
            state_init(&st, n);
            while (!state_final(&st)) {
                size_t nf = hs_parse_features(&s, &st, f);
                hs_percep_trainer_score(&t, f, nf, sc);
                int pred = best_action(&st, NULL, sc, n_rel), gold = -1, sh, le, ri;
                legal(&st, &sh, &le, &ri);
                /* the best-scoring action among those that lose nothing more */
                int best_cost = 1 << 30;
                for (int a = 0; a < 1 + 2 * n_rel; a++) {
                    if ((a == 0 && !sh) || (a > 0 && a % 2 == 1 && !le) || (a > 0 && a % 2 == 0 && !ri))
                        continue;
                    int cost = cost_of(&st, gh, gl, a);
                    if (cost < best_cost || (cost == best_cost && sc[a] > sc[gold])) {
                        best_cost = cost;
                        gold = a;
                    }
                }
                if (cost_of(&st, gh, gl, pred) > best_cost) {
                    hs_percep_trainer_update(&t, f, nf, gold, 1);
                    hs_percep_trainer_update(&t, f, nf, pred, -1);
                } else {
                    gold = pred;
                }
                hs_percep_trainer_tick(&t);
                int follow = ep >= EXPLORE_FROM && (double)(hs_rand_next(&seed) % 1000) < EXPLORE_P * 1000 ? pred : gold;
                apply(&st, follow);
            }
            for (size_t i = 0; i < n; i++) {
                right += st.head[i] == gh[i];
                total++;
            }
        }
        if (log)
            fprintf(log, "train parse: epoch %u: UAS on training data %.4f (%.1f s)\n", ep + 1,
                    total ? (double)right / (double)total : 0, (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    if ((rc = hs_percep_trainer_finish(&t, &m->p)))
        goto done;
    if (!(m->deprel_names = hs_names_copy(c->deprel_names, c->n_deprel))) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    m->n_deprel = c->n_deprel;
done:
    if (have_t)
        hs_percep_trainer_free(&t);
    free(tag);
    free(gh);
    free(gl);
    free(order);
    if (rc)
        hs_parse_model_free(m);
    else
        *out = m;
    return rc;
}

/* ---- the stage ---- */

int hs_parse_doc(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only)
{
    size_t max_n = 0;
    for (size_t i = 0; i < d->sents.n; i++)
        if (d->sents.v[i].tok_end - d->sents.v[i].tok_begin > max_n)
            max_n = d->sents.v[i].tok_end - d->sents.v[i].tok_begin;
    hs_parse_state st;
    uint8_t *tag = hs_arena_alloc(&d->arena, d->toks.n + 1);
    if (!tag || hs_parse_state_alloc(&st, &d->arena, max_n))
        return HS_ENOMEM;
    for (size_t i = 0; i < d->toks.n; i++)
        tag[i] = d->toks.v[i].xpos;
    for (size_t si = 0; si < d->sents.n; si++) {
        hs_sent *se = &d->sents.v[si];
        if (only && !(se->flags & only))
            continue; /* the cascade: only the sentences that need a parse */
        size_t b = se->tok_begin, n = se->tok_end - se->tok_begin;
        hs_parse_sent s = {lx + b, tag + b, n};
        hs_parse_sentence(m, &s, &st);
        for (size_t i = 0; i < n; i++) {
            hs_tok *t = &d->toks.v[b + i];
            t->head = (size_t)st.head[i] == n || st.head[i] < 0 ? HS_NONE : (int32_t)(b + (size_t)st.head[i]);
            t->deprel = st.label[i];
        }
        se->flags |= HS_SF_PARSED;
    }
    d->deprel_names = m->deprel_names;
    return 0;
}
