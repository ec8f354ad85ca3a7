/* Structured decoding for the NER: beam search over the BIO labels of a
 * sentence, scored as the sum of its tokens' label scores, where a token's
 * score depends on the two labels before it (the features of
 * hs_ner_features_prev and hs_ner_feature_pair).  Items that end in the same
 * two labels are recombined (only the best survives: nothing later can tell
 * them apart), so a beam as wide as the number of label pairs in use is exact
 * second-order Viterbi.  Training is the structured perceptron (Collins 2002) with early
 * update (Collins and Roark 2004): when the gold prefix leaves the beam, the
 * gold and the best prefix up to there are the update.  The invalid-sequence
 * guard (hs_ner_allowed) and the skipping of tokens that cannot start an
 * entity (hs_ner_surely_outside: the label O at score 0) are the greedy
 * tagger's. */
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>

/* Scores rows from the inference weights or from a trainer's. */
typedef struct scorer {
    const hs_percep *p;
    const hs_percep_trainer *t;
} scorer;

static void score_rows(const scorer *sc, const uint64_t *f, size_t nf, float *s)
{
    if (sc->p) {
        int32_t v[HS_PERCEP_MAX_STRIDE];
        hs_percep_score(sc->p, f, nf, v);
        for (int l = 0; l < HS_NER_LABELS; l++)
            s[l] = (float)v[l];
    } else {
        hs_percep_trainer_score(sc->t, f, nf, s);
    }
}

/* Ask for the rows of features f[0, nf) ahead of their use. */
static void prefetch_rows(const scorer *sc, const uint64_t *f, size_t nf)
{
    for (size_t i = 0; i < nf; i++)
        if (sc->p)
            __builtin_prefetch(sc->p->w + (size_t)(f[i] >> (64 - sc->p->bits)) * sc->p->stride);
        else
            __builtin_prefetch(sc->t->w + (size_t)(f[i] >> (64 - sc->t->bits)) * sc->t->stride);
}

typedef struct item {
    double score;
    int l1, l2; /* the last two labels (-1 before the sentence) */
} item;

typedef struct cand {
    double score;
    int from, label;
} cand;

#define MAX_CANDS (HS_NER_MAX_BEAM * HS_NER_LABELS)

/* In tagging, candidates scoring this far (in weight units) below the best
 * are dropped even when the beam has room: at width 4 they kept items that
 * could not win alive over runs of lower-case words.  On CoNLL-2003 eng.testa
 * (2026-12-03, the shipped recipe: 2^18 rows, 25 epochs) F1 was 0.8896 /
 * 0.9028 / 0.9118 / 0.9114 / 0.9126 / 0.9125 at margins 20 / 30 / 50 / 60 /
 * 70 / 100; at 50 the whole analysis (hearsay analyze, 1,000 articles) costs
 * 1 to 3% more CPU than the greedy tagger's, at 100 7 to 10% more. */
#define HS_NER_BEAM_MARGIN 50.0

/* Decode the tokens of c with a beam of `width`; lab and back hold
 * width × c->n bytes.  out receives the best labels.  With gold (training),
 * decoding stops where the gold prefix leaves the beam: the return value is
 * the number of tokens decoded (c->n when the gold stayed in). */
static size_t beam_decode(const scorer *sc, const hs_ner_ctx *c, const hs_wordmap *starts, const uint8_t *seen,
                          unsigned width, uint8_t *lab, uint8_t *back, const uint8_t *gold, uint8_t *out)
{
    item cur[HS_NER_MAX_BEAM], next[HS_NER_MAX_BEAM];
    cand cands[MAX_CANDS];
    uint64_t f[HS_TAG_MAX_FEATS];
    float st[HS_PERCEP_MAX_STRIDE], dy[HS_PERCEP_MAX_STRIDE];
    uint8_t allowed[HS_NER_LABELS];
    int16_t best_of[HS_NER_LABELS][HS_NER_LABELS + 1]; /* candidate holding state (label, l1 + 1) */
    uint64_t fk[HS_NER_MAX_BEAM][16]; /* each item's label features */
    size_t ncur = 1, len = c->n;
    int g = 0; /* index of the gold prefix in cur, -1 once it has left */
    cur[0] = (item){0, -1, -1};
    memset(best_of, 0xff, sizeof best_of);
    double margin = sc->p ? HS_NER_BEAM_MARGIN / sc->p->scale : 1e300; /* training: no pruning */
    for (size_t i = 0; i < c->n; i++) {
        const int outside = hs_ner_surely_outside(starts, c, i, HS_NER_O); /* after O or nothing */
        if (ncur == 1 && outside && cur[0].l1 <= 0) { /* the common case, quickly */
            lab[i * width] = HS_NER_O;
            back[i * width] = 0;
            cur[0].l2 = cur[0].l1;
            cur[0].l1 = HS_NER_O;
            if (gold && gold[i] != HS_NER_O) {
                len = i + 1;
                break;
            }
            continue;
        }
        size_t nc = 0;
        /* the scores of the items that are not surely outside: the rows
         * of all their features are fetched before any is summed */
        uint8_t need[HS_NER_MAX_BEAM];
        size_t nneed = 0, nfs = 0, nfk[HS_NER_MAX_BEAM];
        for (size_t k = 0; k < ncur; k++)
            nneed += need[k] = !(outside && cur[k].l1 <= 0);
        if (nneed && ncur == 1) { /* one item: all its features in one pass */
            nfs = hs_ner_features(c, i, cur[0].l1, cur[0].l2, f);
            nfk[0] = 0;
            score_rows(sc, f, nfs, st);
        } else if (nneed) {
            hs_ner_prev_ctx pv;
            hs_ner_prev_vals(c, i, &pv);
            nfs = hs_ner_features_static(c, i, f);
            prefetch_rows(sc, f, nfs);
            for (size_t k = 0; k < ncur; k++)
                if (need[k]) {
                    nfk[k] = hs_ner_features_prev_v(&pv, cur[k].l1, fk[k]);
                    fk[k][nfk[k]++] = hs_ner_feature_pair(cur[k].l1, cur[k].l2);
                    prefetch_rows(sc, fk[k], nfk[k]);
                }
            score_rows(sc, f, nfs, st);
        }
        for (size_t k = 0; k < ncur; k++) {
            const item *it = &cur[k];
            if (!need[k]) {
                int16_t *b = &best_of[HS_NER_O][it->l1 + 1];
                if (*b < 0 || cands[*b].score < it->score) {
                    if (*b < 0)
                        *b = (int16_t)nc++;
                    cands[*b] = (cand){it->score, (int)k, HS_NER_O};
                }
                continue;
            }
            if (nfk[k])
                score_rows(sc, fk[k], nfk[k], dy);
            else
                memset(dy, 0, HS_NER_LABELS * sizeof *dy);
            hs_ner_allowed(it->l1, seen, allowed);
            for (int l = 0; l < HS_NER_LABELS; l++) {
                if (!allowed[l])
                    continue;
                double s = it->score + st[l] + dy[l];
                int16_t *b = &best_of[l][it->l1 + 1];
                if (*b < 0 || cands[*b].score < s) {
                    if (*b < 0)
                        *b = (int16_t)nc++;
                    cands[*b] = (cand){s, (int)k, l};
                }
            }
        }
        for (size_t j = 0; j < nc; j++) /* ready for the next token */
            best_of[cands[j].label][cur[cands[j].from].l1 + 1] = -1;
        /* the best `width` candidates, best first (ties: the earlier) */
        size_t nn = 0;
        int ng = -1;
        for (; nn < width && nn < nc; nn++) {
            size_t bi = nn;
            for (size_t j = nn + 1; j < nc; j++)
                if (cands[j].score > cands[bi].score)
                    bi = j;
            if (nn && cands[bi].score < next[0].score - margin)
                break;
            cand t = cands[bi];
            memmove(&cands[nn + 1], &cands[nn], (bi - nn) * sizeof *cands);
            cands[nn] = t;
            next[nn] = (item){t.score, t.label, cur[t.from].l1};
            lab[i * width + nn] = (uint8_t)t.label;
            back[i * width + nn] = (uint8_t)t.from;
            if (gold && g == t.from && t.label == gold[i])
                ng = (int)nn;
        }
        memcpy(cur, next, nn * sizeof *cur);
        ncur = nn;
        if (gold && (g = ng) < 0) {
            len = i + 1;
            break;
        }
    }
    for (size_t i = len, k = 0; i-- > 0;) {
        out[i] = lab[i * width + k];
        k = back[i * width + k];
    }
    return len;
}

void hs_ner_beam_tag(const struct hs_ner_model *m, const hs_ner_ctx *c, uint8_t *scratch, uint8_t *out)
{
    scorer sc = {&m->p, NULL};
    beam_decode(&sc, c, m->use_starts ? &m->starts : NULL, m->seen, m->beam, scratch, scratch + m->beam * c->n,
                NULL, out);
}

/* Add delta to the weights of the labels of seq[0, len) where they differ
 * from other's (the same label after the same two labels cancels out). */
static void update_seq(hs_percep_trainer *t, const hs_ner_ctx *c, const hs_wordmap *starts, const uint8_t *seq,
                       const uint8_t *other, size_t len, float delta)
{
    uint64_t f[HS_TAG_MAX_FEATS];
    for (size_t j = 0; j < len; j++) {
        int prev = j >= 1 ? seq[j - 1] : -1, prev2 = j >= 2 ? seq[j - 2] : -1;
        if (seq[j] == other[j] && (j < 1 || seq[j - 1] == other[j - 1]) && (j < 2 || seq[j - 2] == other[j - 2]))
            continue;
        if (hs_ner_surely_outside(starts, c, j, prev))
            continue;
        size_t nf = hs_ner_features(c, j, prev, prev2, f);
        hs_percep_trainer_update(t, f, nf, seq[j], delta);
    }
}

size_t hs_ner_beam_train(hs_percep_trainer *t, const struct hs_ner_model *m, const hs_ner_ctx *c,
                         const uint8_t *gold, uint8_t *scratch, uint8_t *out)
{
    scorer sc = {NULL, t};
    const hs_wordmap *starts = m->use_starts ? &m->starts : NULL;
    size_t len = beam_decode(&sc, c, starts, m->seen, m->beam, scratch, scratch + m->beam * c->n, gold, out);
    if (memcmp(out, gold, len) != 0) {
        update_seq(t, c, starts, gold, out, len, 1);
        update_seq(t, c, starts, out, gold, len, -1);
    }
    for (size_t i = 0; i < c->n; i++)
        hs_percep_trainer_tick(t);
    return len;
}
