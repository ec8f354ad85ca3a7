/* Features of the dependency parser (src/tag/parse.c): the transition
 * templates follow Zhang and Nivre (2011), "Transition-based dependency
 * parsing with rich non-local features", carried over from arc-eager to
 * arc-hybrid (where s1 takes the place of s0's head): words and tags of the
 * stack and buffer, distance, valency, the nearest and second-nearest
 * dependents on each side, and the sets of relations already attached.
 *
 * The relation of an arc h → d is chosen once the arc is made; in arc-hybrid
 * d is complete then (all its dependents attached), so the relations of its
 * own dependents ("case", "mark", "aux", "cop"…) tell a lot about its own. */
#include "tag/parse.h"

#define NONE (-1)
#define TOK_NONE 0x7777u
#define TOK_ROOT 0x8888u

/* Template ids (part of the model format: renumbering them needs retraining). */
enum {
    T_BIAS = 1,
    /* single words */
    T_S0W, T_S0T, T_S0WT, T_S1W, T_S1T, T_S1WT, T_S2T, T_S2W,
    T_B0W, T_B0T, T_B0WT, T_B1W, T_B1T, T_B1WT, T_B2W, T_B2T, T_B3T,
    /* pairs */
    T_S0WT_B0WT, T_S0WT_B0W, T_S0W_B0WT, T_S0WT_B0T, T_S0T_B0WT, T_S0W_B0W, T_S0T_B0T, T_B0T_B1T,
    T_S1WT_S0WT, T_S1W_S0W, T_S1T_S0T, T_S1WT_S0T, T_S1T_S0WT, T_B0W_B1W, T_S1W_B0W, T_S1T_B0T,
    /* three tags */
    T_B0T_B1T_B2T, T_S0T_B0T_B1T, T_S1T_S0T_B0T, T_S2T_S1T_S0T, T_S1T_S0T_S0LT, T_S1T_S0T_S0RT,
    T_S1T_S1RT_S0T, T_S0T_S0LT_B0T, T_S0T_S0RT_B0T, T_S0T_B0T_B0LT, T_S1T_S1LT_S0T,
    /* distance */
    T_S0W_D, T_S0T_D, T_B0W_D, T_B0T_D, T_S0W_B0W_D, T_S0T_B0T_D, T_S1T_S0T_D, T_S1W_S0W_D,
    /* valency */
    T_S0W_VL, T_S0T_VL, T_S0W_VR, T_S0T_VR, T_B0W_VL, T_B0T_VL, T_S1W_VR, T_S1T_VR, T_S1T_VL,
    /* nearest dependents */
    T_S0LW, T_S0LT, T_S0LL, T_S0RW, T_S0RT, T_S0RL, T_B0LW, T_B0LT, T_B0LL, T_S1RW, T_S1RT, T_S1RL,
    T_S1LT, T_S1LL,
    /* second nearest, and the two together */
    T_S0L2W, T_S0L2T, T_S0L2L, T_S0R2T, T_S0R2L, T_B0L2T, T_B0L2L, T_S1R2T,
    T_S0T_S0LT_S0L2T, T_S0T_S0RT_S0R2T, T_B0T_B0LT_B0L2T, T_S1T_S1RT_S1R2T,
    /* relation sets */
    T_S0W_SL, T_S0T_SL, T_S0W_SR, T_S0T_SR, T_B0W_BL, T_B0T_BL, T_S1T_SR, T_S1T_SL,
    T_COUNT
};

/* Relation templates. */
enum {
    L_BIAS = 1, L_DW, L_DT, L_DWT, L_HW, L_HT, L_HWT, L_DT_HT, L_DW_HT, L_DT_HW, L_DW_HW, L_DT_HT_DIST,
    L_DT_SET, L_DT_LSET, L_DT_RSET, L_HT_SET, L_DT_LCW, L_DT_LCL, L_DT_RCL, L_DT_RCT, L_DT_PREVT, L_DT_NEXTT,
    L_HT_HLCL, L_DT_LCT, L_DSUF, L_DT_HT_B0T, L_HW_DT_LCW, L_DT_NL_NR
};

/* The parser's feature hashes: cheaper than hs_fh/hs_fh2 (one multiply-xorshift-multiply
 * round, where those run the full 64-bit finaliser once or twice), since the
 * parser hashes about a hundred features for every configuration it scores.
 * Rows are picked by the top bits, which a multiply mixes from all lower bits. */
static inline uint64_t ph_mix(uint64_t x)
{
    x *= 0x9E3779B97F4A7C15ULL;
    x ^= x >> 31;
    return x * 0xD6E8FEB86659FD93ULL;
}
static inline uint64_t ph(uint32_t t, uint64_t a) { return ph_mix(a + (uint64_t)t * 0xC2B2AE3D27D4EB4FULL + 1); }
static inline uint64_t ph2(uint32_t t, uint64_t a, uint64_t b)
{
    return ph_mix((a ^ (b * 0xFF51AFD7ED558CCDULL + (b >> 29))) + (uint64_t)t * 0xC2B2AE3D27D4EB4FULL + 1);
}

static inline uint64_t word_of(const hs_parse_sent *s, int32_t i)
{
    return i == NONE ? TOK_NONE : (size_t)i == s->n ? TOK_ROOT : s->lx[i].lower;
}

static inline uint64_t tag_of(const hs_parse_sent *s, int32_t i)
{
    return i == NONE ? TOK_NONE : (size_t)i == s->n ? TOK_ROOT : s->tag[i];
}

static inline uint64_t lab_of(const hs_parse_state *st, int32_t i) { return i == NONE ? TOK_NONE : st->label[i]; }
static inline int32_t dep(const int32_t *v, int32_t i) { return i == NONE ? NONE : v[i]; }

/* A feature of three small values (tags, labels: < 2^16). */
static inline uint64_t tri(uint64_t a, uint64_t b, uint64_t c) { return a << 32 | b << 16 | c; }

size_t hs_parse_features(const hs_parse_sent *s, const hs_parse_state *st, uint64_t *f)
{
    int32_t s0 = st->sp >= 1 ? st->stack[st->sp - 1] : NONE, s1 = st->sp >= 2 ? st->stack[st->sp - 2] : NONE;
    int32_t s2 = st->sp >= 3 ? st->stack[st->sp - 3] : NONE;
    int32_t b0 = st->b < st->n ? (int32_t)st->b : NONE, b1 = st->b + 1 < st->n ? (int32_t)st->b + 1 : NONE;
    int32_t b2 = st->b + 2 < st->n ? (int32_t)st->b + 2 : NONE, b3 = st->b + 3 < st->n ? (int32_t)st->b + 3 : NONE;
    int32_t s0l = dep(st->lc, s0), s0r = dep(st->rc, s0), s0l2 = dep(st->lc2, s0), s0r2 = dep(st->rc2, s0);
    int32_t b0l = dep(st->lc, b0), b0l2 = dep(st->lc2, b0);
    int32_t s1l = dep(st->lc, s1), s1r = dep(st->rc, s1), s1r2 = dep(st->rc2, s1);
    uint64_t ws0 = word_of(s, s0), ws1 = word_of(s, s1), ws2 = word_of(s, s2), wb0 = word_of(s, b0);
    uint64_t wb1 = word_of(s, b1), wb2 = word_of(s, b2);
    uint64_t ts0 = tag_of(s, s0), ts1 = tag_of(s, s1), ts2 = tag_of(s, s2), tb0 = tag_of(s, b0);
    uint64_t tb1 = tag_of(s, b1), tb2 = tag_of(s, b2), tb3 = tag_of(s, b3);
    uint64_t ts0l = tag_of(s, s0l), ts0r = tag_of(s, s0r), tb0l = tag_of(s, b0l), ts1r = tag_of(s, s1r);
    uint64_t ts1l = tag_of(s, s1l);
    uint64_t wts0 = ph2(0, ws0, ts0), wts1 = ph2(0, ws1, ts1), wtb0 = ph2(0, wb0, tb0);
    /* distances: s0 to b0 (b0 is always right of s0), s1 to s0 */
    uint64_t d01 = s0 == NONE || b0 == NONE || (size_t)s0 == s->n ? 99 : (uint64_t)(b0 - s0 > 7 ? 7 : b0 - s0);
    uint64_t d10 = s1 == NONE || (size_t)s1 == s->n ? 99 : (uint64_t)(s0 - s1 > 7 ? 7 : s0 - s1);
    uint64_t vl0 = s0 == NONE ? 99 : st->nl[s0], vr0 = s0 == NONE ? 99 : st->nr[s0];
    uint64_t vlb = b0 == NONE ? 99 : st->nl[b0], vl1 = s1 == NONE ? 99 : st->nl[s1];
    uint64_t vr1 = s1 == NONE ? 99 : st->nr[s1];
    uint64_t sl0 = s0 == NONE ? 1u << 31 : st->lset[s0], sr0 = s0 == NONE ? 1u << 31 : st->rset[s0];
    uint64_t slb = b0 == NONE ? 1u << 31 : st->lset[b0], sr1 = s1 == NONE ? 1u << 31 : st->rset[s1];
    uint64_t sl1 = s1 == NONE ? 1u << 31 : st->lset[s1];
    size_t k = 0;
    f[k++] = ph(T_BIAS, 0);
    f[k++] = ph(T_S0W, ws0);
    f[k++] = ph(T_S0T, ts0);
    f[k++] = ph(T_S0WT, wts0);
    f[k++] = ph(T_S1W, ws1);
    f[k++] = ph(T_S1T, ts1);
    f[k++] = ph(T_S1WT, wts1);
    f[k++] = ph(T_S2T, ts2);
    f[k++] = ph(T_S2W, ws2);
    f[k++] = ph(T_B0W, wb0);
    f[k++] = ph(T_B0T, tb0);
    f[k++] = ph(T_B0WT, wtb0);
    f[k++] = ph(T_B1W, wb1);
    f[k++] = ph(T_B1T, tb1);
    f[k++] = ph2(T_B1WT, wb1, tb1);
    f[k++] = ph(T_B2W, wb2);
    f[k++] = ph(T_B2T, tb2);
    f[k++] = ph(T_B3T, tb3);

    f[k++] = ph2(T_S0WT_B0WT, wts0, wtb0);
    f[k++] = ph2(T_S0WT_B0W, wts0, wb0);
    f[k++] = ph2(T_S0W_B0WT, ws0, wtb0);
    f[k++] = ph2(T_S0WT_B0T, wts0, tb0);
    f[k++] = ph2(T_S0T_B0WT, ts0, wtb0);
    f[k++] = ph2(T_S0W_B0W, ws0, wb0);
    f[k++] = ph(T_S0T_B0T, tri(0, ts0, tb0));
    f[k++] = ph(T_B0T_B1T, tri(0, tb0, tb1));
    f[k++] = ph2(T_S1WT_S0WT, wts1, wts0);
    f[k++] = ph2(T_S1W_S0W, ws1, ws0);
    f[k++] = ph(T_S1T_S0T, tri(0, ts1, ts0));
    f[k++] = ph2(T_S1WT_S0T, wts1, ts0);
    f[k++] = ph2(T_S1T_S0WT, ts1, wts0);
    f[k++] = ph2(T_B0W_B1W, wb0, wb1);
    f[k++] = ph2(T_S1W_B0W, ws1, wb0);
    f[k++] = ph(T_S1T_B0T, tri(0, ts1, tb0));

    f[k++] = ph(T_B0T_B1T_B2T, tri(tb0, tb1, tb2));
    f[k++] = ph(T_S0T_B0T_B1T, tri(ts0, tb0, tb1));
    f[k++] = ph(T_S1T_S0T_B0T, tri(ts1, ts0, tb0));
    f[k++] = ph(T_S2T_S1T_S0T, tri(ts2, ts1, ts0));
    f[k++] = ph(T_S1T_S0T_S0LT, tri(ts1, ts0, ts0l));
    f[k++] = ph(T_S1T_S0T_S0RT, tri(ts1, ts0, ts0r));
    f[k++] = ph(T_S1T_S1RT_S0T, tri(ts1, ts1r, ts0));
    f[k++] = ph(T_S0T_S0LT_B0T, tri(ts0, ts0l, tb0));
    f[k++] = ph(T_S0T_S0RT_B0T, tri(ts0, ts0r, tb0));
    f[k++] = ph(T_S0T_B0T_B0LT, tri(ts0, tb0, tb0l));
    f[k++] = ph(T_S1T_S1LT_S0T, tri(ts1, ts1l, ts0));

    f[k++] = ph2(T_S0W_D, ws0, d01);
    f[k++] = ph(T_S0T_D, tri(0, ts0, d01));
    f[k++] = ph2(T_B0W_D, wb0, d01);
    f[k++] = ph(T_B0T_D, tri(0, tb0, d01));
    f[k++] = ph2(T_S0W_B0W_D, ph2(0, ws0, wb0), d01);
    f[k++] = ph(T_S0T_B0T_D, tri(ts0, tb0, d01));
    f[k++] = ph(T_S1T_S0T_D, tri(ts1, ts0, d10));
    f[k++] = ph2(T_S1W_S0W_D, ph2(0, ws1, ws0), d10);

    f[k++] = ph2(T_S0W_VL, ws0, vl0);
    f[k++] = ph(T_S0T_VL, tri(0, ts0, vl0));
    f[k++] = ph2(T_S0W_VR, ws0, vr0);
    f[k++] = ph(T_S0T_VR, tri(0, ts0, vr0));
    f[k++] = ph2(T_B0W_VL, wb0, vlb);
    f[k++] = ph(T_B0T_VL, tri(0, tb0, vlb));
    f[k++] = ph2(T_S1W_VR, ws1, vr1);
    f[k++] = ph(T_S1T_VR, tri(0, ts1, vr1));
    f[k++] = ph(T_S1T_VL, tri(0, ts1, vl1));

    f[k++] = ph(T_S0LW, word_of(s, s0l));
    f[k++] = ph(T_S0LT, ts0l);
    f[k++] = ph(T_S0LL, lab_of(st, s0l));
    f[k++] = ph(T_S0RW, word_of(s, s0r));
    f[k++] = ph(T_S0RT, ts0r);
    f[k++] = ph(T_S0RL, lab_of(st, s0r));
    f[k++] = ph(T_B0LW, word_of(s, b0l));
    f[k++] = ph(T_B0LT, tb0l);
    f[k++] = ph(T_B0LL, lab_of(st, b0l));
    f[k++] = ph(T_S1RW, word_of(s, s1r));
    f[k++] = ph(T_S1RT, ts1r);
    f[k++] = ph(T_S1RL, lab_of(st, s1r));
    f[k++] = ph(T_S1LT, ts1l);
    f[k++] = ph(T_S1LL, lab_of(st, s1l));

    f[k++] = ph(T_S0L2W, word_of(s, s0l2));
    f[k++] = ph(T_S0L2T, tag_of(s, s0l2));
    f[k++] = ph(T_S0L2L, lab_of(st, s0l2));
    f[k++] = ph(T_S0R2T, tag_of(s, s0r2));
    f[k++] = ph(T_S0R2L, lab_of(st, s0r2));
    f[k++] = ph(T_B0L2T, tag_of(s, b0l2));
    f[k++] = ph(T_B0L2L, lab_of(st, b0l2));
    f[k++] = ph(T_S1R2T, tag_of(s, s1r2));
    f[k++] = ph(T_S0T_S0LT_S0L2T, tri(ts0, ts0l, tag_of(s, s0l2)));
    f[k++] = ph(T_S0T_S0RT_S0R2T, tri(ts0, ts0r, tag_of(s, s0r2)));
    f[k++] = ph(T_B0T_B0LT_B0L2T, tri(tb0, tb0l, tag_of(s, b0l2)));
    f[k++] = ph(T_S1T_S1RT_S1R2T, tri(ts1, ts1r, tag_of(s, s1r2)));

    f[k++] = ph2(T_S0W_SL, ws0, sl0);
    f[k++] = ph2(T_S0T_SL, ts0, sl0);
    f[k++] = ph2(T_S0W_SR, ws0, sr0);
    f[k++] = ph2(T_S0T_SR, ts0, sr0);
    f[k++] = ph2(T_B0W_BL, wb0, slb);
    f[k++] = ph2(T_B0T_BL, tb0, slb);
    f[k++] = ph2(T_S1T_SR, ts1, sr1);
    f[k++] = ph2(T_S1T_SL, ts1, sl1);
    return k;
}

size_t hs_parse_label_features(const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d, uint64_t *f)
{
    uint64_t wd = word_of(s, d), td = tag_of(s, d), wh = word_of(s, h), th = tag_of(s, h);
    uint64_t dir = d < h ? 1 : 2;
    int32_t dist = d < h ? h - d : d - h;
    uint64_t db = (uint64_t)(dist > 6 ? (dist > 12 ? 8 : 7) : dist);
    int32_t lc = st->lc[d], rc = st->rc[d], hlc = (size_t)h == s->n ? NONE : st->lc[h];
    uint64_t set = st->lset[d] | st->rset[d], hset = (size_t)h == s->n ? 0 : st->lset[h] | st->rset[h];
    int32_t b0 = st->b < st->n ? (int32_t)st->b : NONE;
    uint64_t prevt = d > 0 ? s->tag[d - 1] : TOK_NONE, nextt = (size_t)d + 1 < s->n ? s->tag[d + 1] : TOK_NONE;
    size_t k = 0;
    f[k++] = ph(L_BIAS, dir);
    f[k++] = ph2(L_DW, wd, dir);
    f[k++] = ph(L_DT, tri(0, td, dir));
    f[k++] = ph2(L_DWT, ph2(0, wd, td), dir);
    f[k++] = ph2(L_HW, wh, dir);
    f[k++] = ph(L_HT, tri(0, th, dir));
    f[k++] = ph2(L_HWT, ph2(0, wh, th), dir);
    f[k++] = ph(L_DT_HT, tri(td, th, dir));
    f[k++] = ph2(L_DW_HT, wd, tri(0, th, dir));
    f[k++] = ph2(L_DT_HW, wh, tri(0, td, dir));
    f[k++] = ph2(L_DW_HW, ph2(0, wd, wh), dir);
    f[k++] = ph(L_DT_HT_DIST, tri(td, th, db << 2 | dir));
    f[k++] = ph2(L_DT_SET, set, tri(0, td, dir));
    f[k++] = ph2(L_DT_LSET, st->lset[d], td);
    f[k++] = ph2(L_DT_RSET, st->rset[d], td);
    f[k++] = ph2(L_HT_SET, hset, tri(0, th, dir));
    f[k++] = ph2(L_DT_LCW, word_of(s, lc), td);
    f[k++] = ph(L_DT_LCL, tri(td, lab_of(st, lc), dir));
    f[k++] = ph(L_DT_RCL, tri(td, lab_of(st, rc), dir));
    f[k++] = ph(L_DT_RCT, tri(td, tag_of(s, rc), dir));
    f[k++] = ph(L_DT_PREVT, tri(td, prevt, dir));
    f[k++] = ph(L_DT_NEXTT, tri(td, nextt, dir));
    f[k++] = ph(L_HT_HLCL, tri(th, lab_of(st, hlc), dir));
    f[k++] = ph(L_DT_LCT, tri(td, tag_of(s, lc), dir));
    f[k++] = ph2(L_DSUF, (size_t)d < s->n ? s->lx[d].suf[2] : TOK_NONE, tri(0, td, dir));
    f[k++] = ph(L_DT_HT_B0T, tri(td, th, tag_of(s, b0) << 2 | dir));
    f[k++] = ph2(L_HW_DT_LCW, ph2(0, wh, word_of(s, lc)), tri(0, td, dir));
    f[k++] = ph(L_DT_NL_NR, tri(td, st->nl[d] > 3 ? 3 : st->nl[d], (uint64_t)(st->nr[d] > 3 ? 3 : st->nr[d]) << 2 | dir));
    return k;
}
