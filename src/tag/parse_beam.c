/* Beam search for the dependency parser (src/tag/parse.c), as in Zhang and
 * Clark (2008) and Zhang and Nivre (2011): the `width` best configurations
 * are kept at every step, each scored by the sum of its transitions' scores.
 * Every arc-hybrid derivation of an n-word sentence takes 2n transitions (n
 * shifts, n arcs), so all items finish together and their scores compare.
 *
 * The relation of an arc is still chosen by the relation model when the arc
 * is made (one per surviving item); it is not part of the beam's score.
 *
 * Training (parse_train.c) reads back the transitions of any item through
 * the back-pointers kept for every step, and needs to know at which steps the
 * oracle's own derivation was still in the beam (max-violation updates,
 * Huang, Fayong and Guo 2012). */
#include "tag/parse.h"

#include <string.h>

void hs_parse_state_copy(hs_parse_state *dst, const hs_parse_state *src)
{
    size_t m = src->n + 1;
    memcpy(dst->stack, src->stack, src->sp * sizeof *dst->stack);
    memcpy(dst->head, src->head, m * sizeof *dst->head);
    memcpy(dst->lc, src->lc, m * sizeof *dst->lc);
    memcpy(dst->lc2, src->lc2, m * sizeof *dst->lc2);
    memcpy(dst->rc, src->rc, m * sizeof *dst->rc);
    memcpy(dst->rc2, src->rc2, m * sizeof *dst->rc2);
    memcpy(dst->lset, src->lset, m * sizeof *dst->lset);
    memcpy(dst->rset, src->rset, m * sizeof *dst->rset);
    memcpy(dst->label, src->label, m);
    memcpy(dst->nl, src->nl, m);
    memcpy(dst->nr, src->nr, m);
    dst->sp = src->sp;
    dst->b = src->b;
    dst->n = src->n;
}

int hs_parse_beam_alloc(hs_parse_beam *b, hs_arena *a, size_t width, size_t max_n)
{
    if (width < 1)
        width = 1;
    if (width > HS_PARSE_MAX_BEAM)
        width = HS_PARSE_MAX_BEAM;
    memset(b, 0, sizeof *b);
    b->width = width;
    b->max_n = max_n;
    size_t steps = 2 * max_n + 1;
    b->cur = hs_arena_alloc(a, width * sizeof *b->cur);
    b->nxt = hs_arena_alloc(a, width * sizeof *b->nxt);
    b->score = hs_arena_alloc(a, width * sizeof *b->score);
    b->nscore = hs_arena_alloc(a, width * sizeof *b->nscore);
    b->gold = hs_arena_alloc(a, width);
    b->ngold = hs_arena_alloc(a, width);
    b->parent = hs_arena_alloc(a, steps * width);
    b->act = hs_arena_alloc(a, steps * width);
    b->rel = hs_arena_alloc(a, steps * width);
    b->best = hs_arena_alloc(a, steps * sizeof *b->best);
    b->gold_in = hs_arena_alloc(a, steps);
    if (!b->cur || !b->nxt || !b->score || !b->nscore || !b->gold || !b->ngold || !b->parent || !b->act ||
        !b->rel || !b->best || !b->gold_in)
        return HS_ENOMEM;
    for (size_t j = 0; j < width; j++)
        if (hs_parse_state_alloc(&b->cur[j], a, max_n) || hs_parse_state_alloc(&b->nxt[j], a, max_n))
            return HS_ENOMEM;
    return 0;
}

/* A successor: item `from` followed by transition `a`. */
typedef struct cand {
    double score;
    uint8_t from, a, gold;
} cand;

/* Insert c among the k best so far (kept in order of score; on equal scores
 * the earlier candidate stays first, so a beam of one is the greedy parser). */
static size_t keep_best(cand *top, size_t k, size_t width, cand c)
{
    if (k == width && !(c.score > top[k - 1].score))
        return k;
    size_t i = k < width ? k++ : k - 1;
    while (i > 0 && c.score > top[i - 1].score) {
        top[i] = top[i - 1];
        i--;
    }
    top[i] = c;
    return k;
}

size_t hs_parse_beam_search(hs_parse_beam *b, const hs_parse_scorer *sc, const hs_parse_sent *s,
                            const uint8_t *gold_a)
{
    uint64_t f[HS_PARSE_MAX_FEATS];
    double ts[HS_PA_COUNT];
    uint8_t legal[HS_PA_COUNT];
    cand top[HS_PARSE_MAX_BEAM];
    hs_parse_state_init(&b->cur[0], s->n);
    b->score[0] = 0;
    b->gold[0] = 1;
    b->count = 1;
    b->best[0] = 0;
    b->gold_in[0] = 2;
    size_t t = 0;
    while (!hs_parse_state_final(&b->cur[0])) {
        size_t k = 0;
        for (size_t j = 0; j < b->count; j++) {
            const hs_parse_state *st = &b->cur[j];
            size_t nf = hs_parse_features(s, st, f);
            sc->transitions(sc->ctx, f, nf, ts);
            hs_parse_legal(st, legal);
            for (int a = 0; a < HS_PA_COUNT; a++)
                if (legal[a]) {
                    cand c = {b->score[j] + ts[a], (uint8_t)j, (uint8_t)a,
                              (uint8_t)(gold_a && b->gold[j] && gold_a[t] == a)};
                    k = keep_best(top, k, b->width, c);
                }
        }
        t++;
        uint8_t *par = b->parent + t * b->width, *act = b->act + t * b->width, *rel = b->rel + t * b->width;
        int gold_in = 0;
        uint8_t uses[HS_PARSE_MAX_BEAM] = {0};
        for (size_t i = 0; i < k; i++) { /* relations first, from the configurations as they are */
            const hs_parse_state *from = &b->cur[top[i].from];
            int a = top[i].a, r = 0;
            if (a != HS_PA_SHIFT) {
                int32_t h, d;
                hs_parse_arc_of(from, a, &h, &d);
                r = sc->relation(sc->ctx, s, from, h, d);
            }
            rel[i] = (uint8_t)r;
            uses[top[i].from]++;
        }
        for (size_t i = 0; i < k; i++) {
            hs_parse_state *from = &b->cur[top[i].from];
            if (uses[top[i].from] == 1) { /* its only successor takes the configuration itself */
                hs_parse_state tmp = b->nxt[i];
                b->nxt[i] = *from;
                *from = tmp;
            } else {
                hs_parse_state_copy(&b->nxt[i], from);
            }
            hs_parse_apply(&b->nxt[i], top[i].a, rel[i]);
            b->nscore[i] = top[i].score;
            b->ngold[i] = top[i].gold;
            gold_in |= top[i].gold;
            par[i] = top[i].from;
            act[i] = top[i].a;
        }
        b->best[t] = top[0].score;
        b->gold_in[t] = (uint8_t)(top[0].gold ? 2 : gold_in);
        b->count = k;
        hs_parse_state *ts_ = b->cur;
        b->cur = b->nxt;
        b->nxt = ts_;
        double *tsc = b->score;
        b->score = b->nscore;
        b->nscore = tsc;
        uint8_t *tg = b->gold;
        b->gold = b->ngold;
        b->ngold = tg;
    }
    return t;
}

void hs_parse_beam_path(const hs_parse_beam *b, size_t t, size_t j, uint8_t *a, uint8_t *r)
{
    for (; t > 0; t--) {
        a[t - 1] = b->act[t * b->width + j];
        r[t - 1] = b->rel[t * b->width + j];
        j = b->parent[t * b->width + j];
    }
}

/* ---- scoring with a loaded model ---- */

static void model_transitions(const void *ctx, const uint64_t *f, size_t nf, double sc[HS_PA_COUNT])
{
    int32_t v[HS_PA_COUNT];
    hs_parse_transition_scores(ctx, f, nf, v);
    for (int a = 0; a < HS_PA_COUNT; a++)
        sc[a] = v[a];
}

static int model_relation(const void *ctx, const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d)
{
    return hs_parse_relation(ctx, s, st, h, d);
}

void hs_parse_sentence_beam(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_beam *b)
{
    hs_parse_scorer sc = {model_transitions, model_relation, m};
    hs_parse_beam_search(b, &sc, s, NULL);
}
