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
