/* Dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) scored by
 * averaged perceptrons, decoded greedily here or with a beam
 * (src/tag/parse_beam.c; the model says which width), and trained either
 * greedily with the dynamic oracle and exploration of Goldberg and Nivre
 * (2013) or globally on the beam (src/tag/parse_train.c).
 *
 * Configuration: a stack whose bottom is ROOT, and a buffer of the sentence's
 * remaining tokens.  Transitions: SHIFT (b0 onto the stack), LEFT (b0 becomes
 * the head of s0, which is popped), RIGHT (s1 becomes the head of s0, which
 * is popped).  ROOT takes its one dependent last, when the buffer is empty
 * and a single word is left on the stack, so every parse has one root.
 *
 * Scoring is in two steps: one small model picks the transition among three,
 * and only when an arc is made does a second model pick its relation (UD
 * basic relations, subtypes dropped).  The transition weights are packed to
 * 8 bytes a feature, so a transition reads one cache line per feature, from a
 * table small enough to stay mostly in cache; the relation model is read once
 * per word instead of twice with 2 × 36 labels in every row. */
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE (-1)

/* ---- the configuration ---- */

void hs_parse_state_init(hs_parse_state *st, size_t n)
{
    st->n = n;
    st->sp = 0;
    st->stack[st->sp++] = (int32_t)n; /* ROOT */
    st->b = 0;
    for (size_t i = 0; i <= n; i++) {
        st->head[i] = NONE;
        st->label[i] = 0;
        st->lc[i] = st->rc[i] = st->lc2[i] = st->rc2[i] = NONE;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
}

int hs_parse_state_final(const hs_parse_state *st) { return st->b >= st->n && st->sp == 1; }

static void add_arc(hs_parse_state *st, int32_t h, int32_t d, int r)
{
    st->head[d] = h;
    st->label[d] = (uint8_t)r;
    uint64_t bit = (uint64_t)1 << (r & 63);
    if (d < h) { /* left dependents arrive nearest first */
        if (st->lc[h] == NONE || d < st->lc[h]) {
            st->lc2[h] = st->lc[h];
            st->lc[h] = d;
        }
        if (st->nl[h] < 255)
            st->nl[h]++;
        st->lset[h] |= bit;
    } else { /* right dependents arrive nearest first too, as each is popped */
        if (st->rc[h] == NONE || d > st->rc[h]) {
            st->rc2[h] = st->rc[h];
            st->rc[h] = d;
        }
        if (st->nr[h] < 255)
            st->nr[h]++;
        st->rset[h] |= bit;
    }
}

void hs_parse_legal(const hs_parse_state *st, uint8_t legal[HS_PA_COUNT])
{
    int32_t root = (int32_t)st->n;
    legal[HS_PA_SHIFT] = st->b < st->n;
    legal[HS_PA_LEFT] = st->b < st->n && st->sp >= 2 && st->stack[st->sp - 1] != root;
    /* ROOT's dependent: only the last word standing */
    legal[HS_PA_RIGHT] = st->sp >= 3 || (st->sp == 2 && st->b >= st->n);
}

void hs_parse_arc_of(const hs_parse_state *st, int a, int32_t *h, int32_t *d)
{
    *d = st->stack[st->sp - 1];
    *h = a == HS_PA_LEFT ? (int32_t)st->b : st->stack[st->sp - 2];
}

void hs_parse_apply(hs_parse_state *st, int a, int r)
{
    if (a == HS_PA_SHIFT) {
        st->stack[st->sp++] = (int32_t)st->b++;
        return;
    }
    int32_t h, d;
    hs_parse_arc_of(st, a, &h, &d);
    st->sp--;
    add_arc(st, h, d, r);
}

int hs_parse_state_alloc(hs_parse_state *st, hs_arena *a, size_t max_n)
{
    size_t m = max_n + 1;
    st->stack = hs_arena_alloc(a, m * sizeof *st->stack);
    st->head = hs_arena_alloc(a, m * sizeof *st->head);
    st->lc = hs_arena_alloc(a, m * sizeof *st->lc);
    st->lc2 = hs_arena_alloc(a, m * sizeof *st->lc2);
    st->rc = hs_arena_alloc(a, m * sizeof *st->rc);
    st->rc2 = hs_arena_alloc(a, m * sizeof *st->rc2);
    st->lset = hs_arena_alloc(a, m * sizeof *st->lset);
    st->rset = hs_arena_alloc(a, m * sizeof *st->rset);
    st->label = hs_arena_alloc(a, m);
    st->nl = hs_arena_alloc(a, m);
    st->nr = hs_arena_alloc(a, m);
    return st->stack && st->head && st->lc && st->lc2 && st->rc && st->rc2 && st->lset && st->rset && st->label &&
                   st->nl && st->nr
               ? 0
               : HS_ENOMEM;
}

/* ---- the dynamic oracle (arc-hybrid, Goldberg and Nivre 2013) ---- */

int hs_parse_cost(const hs_parse_state *st, const int32_t *gh, int a)
{
    int32_t s0 = st->sp >= 1 ? st->stack[st->sp - 1] : NONE;
    int c = 0;
    if (a == HS_PA_SHIFT) { /* b0 loses dependents in the stack and heads below s0 */
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
     * unless that is the one the transition gives */
    for (size_t k = st->b; k < st->n; k++)
        if (gh[k] == s0 && st->head[k] == NONE)
            c++;
    int32_t h, d;
    hs_parse_arc_of(st, a, &h, &d);
    if (gh[s0] == h)
        return c;
    /* the gold head is still reachable elsewhere? then this arc loses it */
    if (st->sp >= 2 && gh[s0] == st->stack[st->sp - 2])
        return c + 1;
    for (size_t k = st->b; k < st->n; k++)
        if (gh[s0] == (int32_t)k)
            return c + 1;
    return c;
}

/* ---- scoring ---- */

void hs_parse_transition_scores(const struct hs_parse_model *m, const uint64_t *f, size_t nf, int32_t sc[HS_PA_COUNT])
{
    const uint32_t shift = 64 - m->p.bits;
    for (size_t i = 0; i < nf; i++)
        __builtin_prefetch(m->tw + (size_t)(f[i] >> shift) * 4);
    int32_t a = 0, b = 0, c = 0;
    for (size_t i = 0; i < nf; i++) {
        const int16_t *row = m->tw + (size_t)(f[i] >> shift) * 4;
        a += row[0];
        b += row[1];
        c += row[2];
    }
    sc[0] = a;
    sc[1] = b;
    sc[2] = c;
}

static int best_legal(const int32_t *sc, const uint8_t *legal)
{
    int best = -1;
    for (int a = 0; a < HS_PA_COUNT; a++)
        if (legal[a] && (best < 0 || sc[a] > sc[best]))
            best = a;
    return best;
}

int hs_parse_relation(const struct hs_parse_model *m, const hs_parse_sent *s, const hs_parse_state *st, int32_t h,
                      int32_t d)
{
    if ((size_t)h == s->n && m->root >= 0)
        return m->root;
    uint64_t f[HS_PARSE_MAX_FEATS];
    int32_t sc[HS_PERCEP_MAX_STRIDE];
    size_t nf = hs_parse_label_features(s, st, h, d, f);
    hs_percep_score(&m->lab, f, nf, sc);
    int r = -1;
    for (int k = 0; k < (int)m->n_deprel; k++)
        if (k != m->root && (r < 0 || sc[k] > sc[r]))
            r = k;
    return r < 0 ? 0 : r;
}

void hs_parse_sentence(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_state *st)
{
    uint64_t f[HS_PARSE_MAX_FEATS];
    int32_t sc[HS_PA_COUNT];
    uint8_t legal[HS_PA_COUNT];
    hs_parse_state_init(st, s->n);
    while (!hs_parse_state_final(st)) {
        size_t nf = hs_parse_features(s, st, f);
        hs_parse_transition_scores(m, f, nf, sc);
        hs_parse_legal(st, legal);
        int a = best_legal(sc, legal), r = 0;
        if (a != HS_PA_SHIFT) {
            int32_t h, d;
            hs_parse_arc_of(st, a, &h, &d);
            r = hs_parse_relation(m, s, st, h, d);
        }
        hs_parse_apply(st, a, r);
    }
}

/* ---- model files ---- */

int hs_parse_model_ready(struct hs_parse_model *m)
{
    m->root = -1;
    for (size_t k = 0; k < m->n_deprel; k++)
        if (strcmp(m->deprel_names[k], "root") == 0)
            m->root = (int)k;
    size_t rows = (size_t)1 << m->p.bits;
    free(m->tw);
    m->tw = aligned_alloc(64, rows * 4 * sizeof *m->tw);
    if (!m->tw)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < rows; i++) {
        const int16_t *row = m->p.w + i * m->p.stride;
        int16_t *to = m->tw + i * 4;
        to[0] = row[0];
        to[1] = row[1];
        to[2] = row[2];
        to[3] = 0;
    }
    return 0;
}

int hs_parse_model_save(const struct hs_parse_model *m, const char *path)
{
    if (!m->p.w)
        return hs_error_set(HS_EINPUT, "%s: a loaded parse model keeps only its packed weights", path);
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, HS_PARSE_KIND, HS_PARSE_VERSION);
    uint8_t beam[4] = {(uint8_t)m->beam, (uint8_t)(m->beam >> 8), (uint8_t)(m->beam >> 16), (uint8_t)(m->beam >> 24)};
    int rc = hs_names_save(&w, "deprel", (const char *const *)m->deprel_names, m->n_deprel);
    if (!rc)
        rc = hs_mfile_writer_add(&w, "beam", beam, sizeof beam);
    if (!rc)
        rc = hs_percep_save(&m->lab, &w, "lab");
    return hs_model_save_finish(&w, rc, &m->p, path);
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
        rc = hs_names_load(&mf, "deprel", &m->deprel_names, &m->n_deprel, 64);
    const void *bw = NULL;
    size_t nbw = 0;
    if (!rc)
        rc = hs_mfile_get(&mf, "beam", 4, &bw, &nbw);
    if (!rc) {
        const uint8_t *v = bw;
        m->beam = nbw == 1 ? (uint32_t)v[0] | (uint32_t)v[1] << 8 | (uint32_t)v[2] << 16 | (uint32_t)v[3] << 24 : 0;
        if (m->beam < 1 || m->beam > HS_PARSE_MAX_BEAM)
            rc = hs_error_set(HS_EMODEL, "%s: beam width %u, expected 1..%d", what, m->beam, HS_PARSE_MAX_BEAM);
    }
    if (!rc)
        rc = hs_percep_load(&m->p, &mf, "tag");
    if (!rc)
        rc = hs_percep_load(&m->lab, &mf, "lab");
    if (!rc && m->p.n_labels != HS_PA_COUNT)
        rc = hs_error_set(HS_EMODEL, "%s: %u transitions in the weights, expected %d", what, m->p.n_labels,
                          HS_PA_COUNT);
    if (!rc && (m->n_deprel == 0 || m->lab.n_labels != m->n_deprel))
        rc = hs_error_set(HS_EMODEL, "%s: %u relations in the weights but %zu named", what, m->lab.n_labels,
                          m->n_deprel);
    if (!rc)
        rc = hs_parse_model_ready(m);
    hs_mfile_free(&mf);
    if (rc) {
        hs_parse_model_free(m);
        return rc;
    }
    free(m->p.w); /* scoring reads the packed copy */
    m->p.w = NULL;
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
    hs_percep_free(&m->lab);
    free(m->tw);
    free((void *)m->deprel_names);
    free(m);
}

/* ---- the stage ---- */

/* The parser's working memory for sentences of up to max_n tokens: one greedy
 * state, or a beam of `width` items. */
typedef struct parse_work {
    size_t width;
    hs_parse_state st;
    hs_parse_beam bm;
} parse_work;

static int work_alloc(parse_work *w, hs_arena *a, size_t width, size_t max_n)
{
    w->width = width;
    return width > 1 ? hs_parse_beam_alloc(&w->bm, a, width, max_n) : hs_parse_state_alloc(&w->st, a, max_n);
}

/* Parse sentence si (its lexical hashes lx and PTB tags tag, both from the
 * sentence's first token) into tok->head / tok->deprel. */
static void parse_into(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, const uint8_t *tag, parse_work *w,
                       size_t si)
{
    hs_sent *se = &d->sents.v[si];
    size_t b = se->tok_begin, n = se->tok_end - se->tok_begin;
    hs_parse_sent s = {lx, tag, n};
    const hs_parse_state *res = &w->st;
    if (w->width > 1) {
        hs_parse_sentence_beam(m, &s, &w->bm);
        res = &w->bm.cur[0];
    } else {
        hs_parse_sentence(m, &s, &w->st);
    }
    for (size_t i = 0; i < n; i++) {
        hs_tok *t = &d->toks.v[b + i];
        t->head = (size_t)res->head[i] == n || res->head[i] < 0 ? HS_NONE : (int32_t)(b + (size_t)res->head[i]);
        t->deprel = res->label[i];
    }
    se->flags |= HS_SF_PARSED;
}

static size_t model_width(const struct hs_parse_model *m, unsigned beam)
{
    return beam ? beam : m->beam ? m->beam : 1;
}

int hs_parse_doc(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only)
{
    return hs_parse_doc_beam(d, m, lx, only, 0);
}

int hs_parse_doc_beam(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only, unsigned beam)
{
    d->deprel_names = m->deprel_names;
    size_t max_n = 0;
    for (size_t i = 0; i < d->sents.n; i++)
        if ((!only || (d->sents.v[i].flags & only)) && d->sents.v[i].tok_end - d->sents.v[i].tok_begin > max_n)
            max_n = d->sents.v[i].tok_end - d->sents.v[i].tok_begin;
    if (max_n == 0)
        return 0; /* the cascade selected no sentence */
    parse_work w;
    uint8_t *tag = hs_arena_alloc(&d->arena, d->toks.n + 1);
    if (!tag || work_alloc(&w, &d->arena, model_width(m, beam), max_n))
        return HS_ENOMEM;
    for (size_t i = 0; i < d->toks.n; i++)
        tag[i] = d->toks.v[i].xpos;
    for (size_t si = 0; si < d->sents.n; si++) {
        hs_sent *se = &d->sents.v[si];
        if (only && !(se->flags & only))
            continue; /* the cascade: only the sentences that need a parse */
        parse_into(d, m, lx + se->tok_begin, tag + se->tok_begin, &w, si);
    }
    return 0;
}

int hs_parse_doc_sentence(hs_doc *d, const struct hs_parse_model *m, size_t si)
{
    if (si >= d->sents.n)
        return hs_error_set(HS_EINVAL, "hs_parse_doc_sentence: sentence %zu of %zu", si, d->sents.n);
    hs_sent *se = &d->sents.v[si];
    if (se->flags & HS_SF_PARSED)
        return 0;
    d->deprel_names = m->deprel_names;
    size_t b = se->tok_begin, n = se->tok_end - se->tok_begin;
    hs_lex *lx = hs_arena_alloc(&d->arena, (n + 1) * sizeof *lx);
    uint8_t *tag = hs_arena_alloc(&d->arena, n + 1);
    parse_work w;
    if (!lx || !tag || work_alloc(&w, &d->arena, model_width(m, 0), n))
        return HS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const hs_tok *t = &d->toks.v[b + i];
        hs_lex_token(HS_TOK_PTR(d, t), HS_TOK_LEN(t), &lx[i]);
        tag[i] = t->xpos;
    }
    parse_into(d, m, lx, tag, &w, si);
    return 0;
}
