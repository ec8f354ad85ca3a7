/* Unit tests for the dependency parser (src/tag/parse*.c): the arc-hybrid
 * dynamic oracle on a tree written for these tests, the single-root rule,
 * and the nearest dependents kept in a configuration (the trained parser is
 * tested in test_tag.c, parser_learns_and_builds_trees). */
#include "harness.h"
#include "hearsay.h"
#include "tag/parse.h"


/* "Dorvan Pike told the Harbor Ledger that he quit": gold heads, 9 = ROOT. */
#define N_SENT 9
static const int32_t gold_heads[N_SENT] = {2, 0, N_SENT, 5, 5, 2, 8, 8, 2};

/* Follow the first zero-cost transition to the end; the arcs lost on the way. */
static int follow_oracle(hs_parse_state *st, const int32_t *gh)
{
    uint8_t legal[HS_PA_COUNT];
    int lost = 0;
    while (!hs_parse_state_final(st)) {
        hs_parse_legal(st, legal);
        int best = -1, best_cost = 1 << 30;
        for (int a = 0; a < HS_PA_COUNT; a++)
            if (legal[a] && hs_parse_cost(st, gh, a) < best_cost) {
                best_cost = hs_parse_cost(st, gh, a);
                best = a;
            }
        if (best < 0)
            return -1;
        lost += best_cost;
        hs_parse_apply(st, best, 0);
    }
    return lost;
}

static int heads_right(const hs_parse_state *st, const int32_t *gh, size_t n)
{
    int right = 0;
    for (size_t i = 0; i < n; i++)
        right += st->head[i] == gh[i];
    return right;
}

TEST(parse_oracle_costs)
{
    hs_arena a;
    hs_arena_init(&a);
    hs_parse_state st;
    CHECK_INT(hs_parse_state_alloc(&st, &a, N_SENT), 0);

    /* from the start, the zero-cost transitions rebuild the gold tree */
    hs_parse_state_init(&st, N_SENT);
    CHECK_INT(follow_oracle(&st, gold_heads), 0);
    CHECK_INT(heads_right(&st, gold_heads, N_SENT), N_SENT);

    /* stack ROOT Dorvan Pike, buffer at "told" */
    hs_parse_state_init(&st, N_SENT);
    hs_parse_apply(&st, HS_PA_SHIFT, 0);
    hs_parse_apply(&st, HS_PA_SHIFT, 0);
    CHECK_INT(hs_parse_cost(&st, gold_heads, HS_PA_RIGHT), 0); /* Dorvan → Pike */
    CHECK_INT(hs_parse_cost(&st, gold_heads, HS_PA_LEFT), 1);  /* Pike's head lost */
    /* pushing "told" loses Dorvan (its dependent, under it) and its own arc from ROOT */
    CHECK_INT(hs_parse_cost(&st, gold_heads, HS_PA_SHIFT), 2);

    /* a wrong arc costs one, and the oracle recovers everything else */
    hs_parse_apply(&st, HS_PA_LEFT, 0);
    CHECK_INT(follow_oracle(&st, gold_heads), 0);
    CHECK_INT(heads_right(&st, gold_heads, N_SENT), N_SENT - 1);
    hs_arena_free(&a);
}

TEST(parse_one_root)
{
    hs_arena a;
    hs_arena_init(&a);
    hs_parse_state st;
    uint8_t legal[HS_PA_COUNT];
    CHECK_INT(hs_parse_state_alloc(&st, &a, 3), 0);
    hs_parse_state_init(&st, 3);
    hs_parse_apply(&st, HS_PA_SHIFT, 0); /* stack ROOT w0, buffer w1 w2 */
    hs_parse_legal(&st, legal);
    CHECK(legal[HS_PA_SHIFT] && legal[HS_PA_LEFT]);
    CHECK(!legal[HS_PA_RIGHT]); /* ROOT takes no dependent while words remain */
    hs_parse_apply(&st, HS_PA_LEFT, 0);
    hs_parse_apply(&st, HS_PA_SHIFT, 0);
    hs_parse_apply(&st, HS_PA_SHIFT, 0); /* stack ROOT w1 w2, buffer empty */
    hs_parse_legal(&st, legal);
    CHECK(!legal[HS_PA_SHIFT] && !legal[HS_PA_LEFT] && legal[HS_PA_RIGHT]);
    hs_parse_apply(&st, HS_PA_RIGHT, 0);
    hs_parse_apply(&st, HS_PA_RIGHT, 0);
    CHECK(hs_parse_state_final(&st));
    CHECK_INT(st.head[0], 1);
    CHECK_INT(st.head[2], 1);
    CHECK_INT(st.head[1], 3);
    /* the nearest and second nearest dependents of w1 */
    CHECK_INT(st.lc[1], 0);
    CHECK_INT(st.rc[1], 2);
    CHECK_INT(st.nl[1], 1);
    CHECK_INT(st.nr[1], 1);
    hs_arena_free(&a);
}

/* A scorer for the beam that needs no model: each transition's score is a
 * hash of the configuration's first feature, so items differ and tie rarely. */
static void hashed_transitions(const void *ctx, const uint64_t *f, size_t nf, double sc[HS_PA_COUNT])
{
    (void)ctx;
    (void)nf;
    for (int a = 0; a < HS_PA_COUNT; a++)
        sc[a] = (double)((f[1] * (uint64_t)(2 * a + 1)) >> 40);
}

static int no_relation(const void *ctx, const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d)
{
    (void)ctx;
    (void)s;
    (void)st;
    (void)h;
    return (int)d % 5; /* any relation: it is carried into the configuration */
}

TEST(parse_beam_paths_replay)
{
    hs_arena a;
    hs_arena_init(&a);
    hs_lex lx[N_SENT];
    uint8_t tags[N_SENT];
    for (size_t i = 0; i < N_SENT; i++) {
        memset(&lx[i], 0, sizeof lx[i]);
        lx[i].lower = 1000 + i * 7;
        tags[i] = (uint8_t)(i % 4);
    }
    hs_parse_sent s = {lx, tags, N_SENT};
    hs_parse_scorer sc = {hashed_transitions, no_relation, NULL};
    uint8_t ga[2 * N_SENT], pa[2 * N_SENT], pr[2 * N_SENT];
    hs_parse_state st;
    CHECK_INT(hs_parse_state_alloc(&st, &a, N_SENT), 0);
    /* the oracle's derivation of the gold tree */
    hs_parse_state_init(&st, N_SENT);
    size_t t = 0;
    uint8_t legal[HS_PA_COUNT];
    while (!hs_parse_state_final(&st)) {
        hs_parse_legal(&st, legal);
        int best = -1;
        for (int k = 0; k < HS_PA_COUNT && best < 0; k++)
            if (legal[k] && hs_parse_cost(&st, gold_heads, k) == 0)
                best = k;
        CHECK(best >= 0);
        if (best < 0)
            break;
        ga[t++] = (uint8_t)best;
        hs_parse_apply(&st, best, 0);
    }
    CHECK_INT(t, 2 * N_SENT);

    for (size_t width = 1; width <= 8; width *= 2) {
        hs_parse_beam b;
        CHECK_INT(hs_parse_beam_alloc(&b, &a, width, N_SENT), 0);
        CHECK_INT(hs_parse_beam_search(&b, &sc, &s, ga), 2 * N_SENT);
        CHECK(b.count >= 1 && b.count <= width);
        for (size_t j = 0; j < b.count; j++) {
            CHECK(hs_parse_state_final(&b.cur[j]));
            if (j > 0)
                CHECK(b.score[j - 1] >= b.score[j]); /* in order of score */
            /* each item's transitions, read back and replayed, give its tree */
            hs_parse_beam_path(&b, 2 * N_SENT, j, pa, pr);
            hs_parse_state_init(&st, N_SENT);
            int gold = 1;
            for (size_t i = 0; i < 2 * N_SENT; i++) {
                gold &= pa[i] == ga[i];
                hs_parse_apply(&st, pa[i], pr[i]);
            }
            for (size_t i = 0; i < N_SENT; i++) {
                CHECK_INT(st.head[i], b.cur[j].head[i]);
                CHECK_INT(st.label[i], b.cur[j].label[i]);
                CHECK_INT(st.label[i], (int)i % 5);
            }
            CHECK_INT(b.gold[j], gold); /* the oracle's item is the one with its transitions */
        }
        CHECK(b.best[2 * N_SENT] == b.score[0]);
        for (size_t step = 1; step <= 2 * N_SENT; step++)
            CHECK(!b.gold_in[step] || b.gold_in[step - 1]); /* once out, the oracle's item stays out */
        CHECK_INT(b.gold_in[2 * N_SENT] == 2, b.gold[0]); /* "first in the beam" is slot 0's flag */
    }
    hs_arena_free(&a);
}
