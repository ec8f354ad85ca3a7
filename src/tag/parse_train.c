/* Training the dependency parser (src/tag/parse.c): averaged perceptrons for
 * the transitions and for the relations, learned together by the dynamic
 * oracle of Goldberg and Nivre (2013).  After the first epoch the parser
 * follows its own prediction most of the time (exploration), so it learns to
 * recover from its mistakes; the oracle's costs say which transitions lose
 * nothing more from the configuration reached.  The relation model learns on
 * every arc whose head is right, in the configuration where it is made, and
 * the relations it predicts are the ones later features see.
 *
 * With a beam (o->beam > 1) the transitions are trained globally instead
 * (Zhang and Clark 2008; Zhang and Nivre 2011): each sentence is parsed with
 * the beam, and the oracle's derivation (the least-cost transitions: the
 * gold tree when it is projective) is compared with the beam's best item at
 * the step where that item leads it by the most (max-violation, Huang, Fayong
 * and Guo 2012); the features of the two prefixes get +1 and -1.  The beam
 * scores whole derivations, so it learns which of two locally plausible
 * attachments leads to the better tree; a greedily trained model decoded
 * with a beam does worse than greedy (GUM dev UAS 0.780 at beam 2 against
 * 0.837), so the width is part of the model. */
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXPLORE_FROM 1   /* epochs with gold transitions only */
#define EXPLORE_P 900    /* then follow the model's own transition this often, per mille */
#define LABEL_BITS_LESS 3 /* the relation table has an eighth of the rows of the transition table */

/* The relation with the highest score but "root" (kept for arcs from ROOT). */
static int best_relation(const float *sc, int n_rel, int root)
{
    int r = -1;
    for (int k = 0; k < n_rel; k++)
        if (k != root && (r < 0 || sc[k] > sc[r]))
            r = k;
    return r < 0 ? 0 : r;
}

typedef struct trainer {
    hs_percep_trainer t, l;
    int n_rel, root;
    uint64_t seed;
    uint64_t f[HS_PARSE_MAX_FEATS];
    float sc[HS_PERCEP_MAX_STRIDE];
    size_t arcs, arcs_right; /* relations predicted on right heads, and right ones */
    /* beam training: the oracle's transitions and relations, the predicted item's, the oracle's scores */
    uint8_t *ga, *gr, *pa, *pr;
    double *gscore;
    hs_parse_beam beam;
    hs_parse_state gst;
} trainer;

/* The relation predicted for the arc h → d about to be made in st; when the
 * arc is right (gold >= 0, the gold relation), a perceptron update. */
static int learn_relation(trainer *tr, const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d,
                          int gold)
{
    size_t nf = hs_parse_label_features(s, st, h, d, tr->f);
    hs_percep_trainer_score(&tr->l, tr->f, nf, tr->sc);
    int r = best_relation(tr->sc, tr->n_rel, tr->root);
    if (gold < 0)
        return r;
    tr->arcs++;
    if (r != gold) {
        hs_percep_trainer_update(&tr->l, tr->f, nf, gold, 1);
        hs_percep_trainer_update(&tr->l, tr->f, nf, r, -1);
    } else {
        tr->arcs_right++;
    }
    hs_percep_trainer_tick(&tr->l);
    return r;
}

/* One sentence: transitions by the oracle, relations on right arcs. */
static void train_sentence(trainer *tr, const hs_parse_sent *s, hs_parse_state *st, const int32_t *gh,
                           const uint8_t *gl, int explore)
{
    uint8_t legal[HS_PA_COUNT];
    int cost[HS_PA_COUNT];
    hs_parse_state_init(st, s->n);
    while (!hs_parse_state_final(st)) {
        size_t nf = hs_parse_features(s, st, tr->f);
        hs_percep_trainer_score(&tr->t, tr->f, nf, tr->sc);
        hs_parse_legal(st, legal);
        int pred = -1, gold = -1, best_cost = 1 << 30;
        for (int a = 0; a < HS_PA_COUNT; a++) {
            if (!legal[a])
                continue;
            if (pred < 0 || tr->sc[a] > tr->sc[pred])
                pred = a;
            cost[a] = hs_parse_cost(st, gh, a);
            if (cost[a] < best_cost || (cost[a] == best_cost && tr->sc[a] > tr->sc[gold])) {
                best_cost = cost[a];
                gold = a;
            }
        }
        if (cost[pred] > best_cost) {
            hs_percep_trainer_update(&tr->t, tr->f, nf, gold, 1);
            hs_percep_trainer_update(&tr->t, tr->f, nf, pred, -1);
        } else {
            gold = pred;
        }
        hs_percep_trainer_tick(&tr->t);
        int own = explore && (int)(hs_rand_next(&tr->seed) % 1000) < EXPLORE_P;
        int a = own ? pred : gold, r = 0;
        if (a != HS_PA_SHIFT) {
            int32_t h, d;
            hs_parse_arc_of(st, a, &h, &d);
            if ((size_t)h == s->n && tr->root >= 0) {
                r = tr->root;
            } else {
                r = learn_relation(tr, s, st, h, d, gh[d] == h ? gl[d] : -1);
                if (gh[d] == h && !own)
                    r = gl[d];
            }
        }
        hs_parse_apply(st, a, r);
    }
}

/* ---- beam training ---- */

static void trainer_transitions(const void *ctx, const uint64_t *f, size_t nf, double sc[HS_PA_COUNT])
{
    const trainer *tr = ctx;
    float v[HS_PERCEP_MAX_STRIDE];
    hs_percep_trainer_score(&tr->t, f, nf, v);
    for (int a = 0; a < HS_PA_COUNT; a++)
        sc[a] = v[a];
}

static int trainer_relation(const void *ctx, const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d)
{
    const trainer *tr = ctx;
    if ((size_t)h == s->n && tr->root >= 0)
        return tr->root;
    uint64_t f[HS_PARSE_MAX_FEATS];
    float v[HS_PERCEP_MAX_STRIDE];
    size_t nf = hs_parse_label_features(s, st, h, d, f);
    hs_percep_trainer_score(&tr->l, f, nf, v);
    return best_relation(v, tr->n_rel, tr->root);
}

/* The oracle's derivation: the first transition of least cost at each step
 * (for a projective tree, the gold tree; else one of the nearest). */
static size_t oracle_path(const hs_parse_sent *s, hs_parse_state *st, const int32_t *gh, uint8_t *ga)
{
    uint8_t legal[HS_PA_COUNT];
    size_t t = 0;
    hs_parse_state_init(st, s->n);
    while (!hs_parse_state_final(st)) {
        hs_parse_legal(st, legal);
        int best = -1, best_cost = 1 << 30;
        for (int a = 0; a < HS_PA_COUNT; a++) {
            int c = legal[a] ? hs_parse_cost(st, gh, a) : 1 << 30;
            if (c < best_cost) {
                best_cost = c;
                best = a;
            }
        }
        ga[t++] = (uint8_t)best;
        hs_parse_apply(st, best, 0);
    }
    return t;
}

/* Replay transitions a[0..t) with relations r, adding delta to each one's features. */
static void replay_update(trainer *tr, const hs_parse_sent *s, hs_parse_state *st, const uint8_t *a,
                          const uint8_t *r, size_t t, float delta)
{
    hs_parse_state_init(st, s->n);
    for (size_t i = 0; i < t; i++) {
        size_t nf = hs_parse_features(s, st, tr->f);
        hs_percep_trainer_update(&tr->t, tr->f, nf, a[i], delta);
        hs_parse_apply(st, a[i], r[i]);
    }
}

/* One sentence by beam search: a max-violation update of the transitions
 * (the oracle's prefix against the best item at the step where the best
 * item leads it most, of those where the best is not the oracle's), and the relations learned along the oracle's derivation. */
static void train_sentence_beam(trainer *tr, const hs_parse_sent *s, hs_parse_state *st, const int32_t *gh,
                                const uint8_t *gl)
{
    size_t T = oracle_path(s, st, gh, tr->ga);
    /* the oracle's item as the beam would score it (the same relations, the same sums) */
    hs_parse_state *g = &tr->gst;
    hs_parse_state_init(g, s->n);
    tr->gscore[0] = 0;
    double ts[HS_PA_COUNT];
    for (size_t i = 0; i < T; i++) {
        size_t nf = hs_parse_features(s, g, tr->f);
        trainer_transitions(tr, tr->f, nf, ts);
        tr->gscore[i + 1] = tr->gscore[i] + ts[tr->ga[i]];
        int r = 0;
        if (tr->ga[i] != HS_PA_SHIFT) {
            int32_t h, d;
            hs_parse_arc_of(g, tr->ga[i], &h, &d);
            r = trainer_relation(tr, s, g, h, d);
        }
        tr->gr[i] = (uint8_t)r;
        hs_parse_apply(g, tr->ga[i], r);
    }
    hs_parse_scorer sc = {trainer_transitions, trainer_relation, tr};
    hs_parse_beam_search(&tr->beam, &sc, s, tr->ga);
    size_t worst = 0;
    double v = -1; /* the best item leads by at least 0 wherever it is not the oracle's */
    for (size_t t = 1; t <= T; t++)
        if (tr->beam.gold_in[t] != 2 && tr->beam.best[t] - tr->gscore[t] > v) {
            v = tr->beam.best[t] - tr->gscore[t];
            worst = t;
        }
    hs_parse_state_copy(st, &tr->beam.cur[0]); /* the parse, for the caller's figures */
    if (worst) {
        hs_parse_beam_path(&tr->beam, worst, 0, tr->pa, tr->pr);
        replay_update(tr, s, g, tr->ga, tr->gr, worst, 1);
        replay_update(tr, s, g, tr->pa, tr->pr, worst, -1);
    }
    hs_percep_trainer_tick(&tr->t);
    /* relations: on every arc of the oracle's derivation that has its gold head */
    hs_parse_state_init(g, s->n);
    for (size_t i = 0; i < T; i++) {
        int a = tr->ga[i];
        if (a != HS_PA_SHIFT) {
            int32_t h, d;
            hs_parse_arc_of(g, a, &h, &d);
            if (gh[d] == h && !((size_t)h == s->n && tr->root >= 0))
                learn_relation(tr, s, g, h, d, gl[d]);
        }
        hs_parse_apply(g, a, tr->gr[i]);
    }
}

int hs_parse_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                   struct hs_parse_model **out)
{
    *out = NULL;
    hs_doc *d = c->d;
    hs_lex *lx;
    if (c->n_deprel == 0 || d->sents.n == 0)
        return hs_error_set(HS_EINPUT, "train parse: no parsed sentences in the training data");
    if (c->n_deprel > 64)
        return hs_error_set(HS_EINPUT, "train parse: %zu relations, at most 64", c->n_deprel);
    unsigned lbits = o->bits - LABEL_BITS_LESS < HS_PERCEP_MIN_BITS ? HS_PERCEP_MIN_BITS : o->bits - LABEL_BITS_LESS;
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
    trainer *tr = calloc(1, sizeof *tr);
    int have_t = 0, have_l = 0;
    size_t width = o->beam ? o->beam : 1;
    if (!tag || !gh || !gl || !order || !m || !tr || hs_parse_state_alloc(&st, &d->arena, max_n) ||
        (width > 1 && (hs_parse_beam_alloc(&tr->beam, &d->arena, width, max_n) ||
                       hs_parse_state_alloc(&tr->gst, &d->arena, max_n) ||
                       !(tr->ga = hs_arena_alloc(&d->arena, 2 * max_n + 1)) ||
                       !(tr->gr = hs_arena_alloc(&d->arena, 2 * max_n + 1)) ||
                       !(tr->pa = hs_arena_alloc(&d->arena, 2 * max_n + 1)) ||
                       !(tr->pr = hs_arena_alloc(&d->arena, 2 * max_n + 1)) ||
                       !(tr->gscore = hs_arena_alloc(&d->arena, (2 * max_n + 1) * sizeof *tr->gscore))))) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    if (pos) /* features use the tagger's PTB tags, as at run time */
        for (size_t si = 0; si < d->sents.n; si++)
            hs_pos_tag_sentence(pos, d, lx, d->sents.v[si].tok_begin, d->sents.v[si].tok_end);
    for (size_t i = 0; i < d->toks.n; i++)
        tag[i] = pos ? d->toks.v[i].xpos : c->xpos.v[i];
    if ((rc = hs_percep_trainer_init(&tr->t, o->bits, HS_PA_COUNT)))
        goto done;
    have_t = 1;
    if ((rc = hs_percep_trainer_init(&tr->l, lbits, (uint32_t)c->n_deprel)))
        goto done;
    have_l = 1;
    tr->n_rel = (int)c->n_deprel;
    tr->root = -1;
    for (size_t k = 0; k < c->n_deprel; k++)
        if (strcmp(c->deprel_names[k], "root") == 0)
            tr->root = (int)k;
    tr->seed = o->seed;
    for (size_t i = 0; i < d->sents.n; i++)
        order[i] = (uint32_t)i;
    for (unsigned ep = 0; ep < o->epochs; ep++) {
        clock_t t0 = clock();
        hs_shuffle_u32(order, d->sents.n, &tr->seed);
        size_t right = 0, total = 0;
        tr->arcs = tr->arcs_right = 0;
        for (size_t si = 0; si < d->sents.n; si++) {
            const hs_sent *se = &d->sents.v[order[si]];
            size_t b = se->tok_begin, n = se->tok_end - se->tok_begin;
            hs_parse_sent s = {lx + b, tag + b, n};
            for (size_t i = 0; i < n; i++) {
                int32_t h = c->head.v[b + i];
                gh[i] = h < 0 ? (int32_t)n : h - (int32_t)b;
                gl[i] = c->deprel.v[b + i];
            }
            if (width > 1)
                train_sentence_beam(tr, &s, &st, gh, gl);
            else
                train_sentence(tr, &s, &st, gh, gl, ep >= EXPLORE_FROM);
            for (size_t i = 0; i < n; i++)
                right += st.head[i] == gh[i];
            total += n;
        }
        if (log)
            fprintf(log, "train parse: epoch %u: on training data UAS %.4f, relations right %.4f (%.1f s)\n", ep + 1,
                    total ? (double)right / (double)total : 0,
                    tr->arcs ? (double)tr->arcs_right / (double)tr->arcs : 0,
                    (double)(clock() - t0) / CLOCKS_PER_SEC);
        if (log)
            fflush(log); /* progress shows while a long run goes on */
    }
    if ((rc = hs_percep_trainer_finish(&tr->t, &m->p)) || (rc = hs_percep_trainer_finish(&tr->l, &m->lab)))
        goto done;
    if (!(m->deprel_names = hs_names_copy(c->deprel_names, c->n_deprel))) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    m->n_deprel = c->n_deprel;
    m->beam = (uint32_t)width;
    rc = hs_parse_model_ready(m);
done:
    if (have_t)
        hs_percep_trainer_free(&tr->t);
    if (have_l)
        hs_percep_trainer_free(&tr->l);
    free(tr);
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
