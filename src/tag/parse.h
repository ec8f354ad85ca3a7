/* The dependency parser (src/tag/parse.c, parse_feat.c, parse_train.c). */
#ifndef HS_TAG_PARSE_H
#define HS_TAG_PARSE_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/percep.h"
#include "tag/corpus.h"
#include "tag/lex.h"
#include "tag/pos.h"

#define HS_PARSE_KIND "parse"
#define HS_PARSE_VERSION 4
#define HS_PARSE_MAX_FEATS 96
#define HS_PARSE_MAX_BEAM 16
/* `hearsay train parse` defaults: trained with a beam of 4, parsing with 3
 * (GUM dev UAS 0.8475 at 0.22 M tokens/s, against 0.8475 at 0.17 M with 4;
 * models/README.md) */
#define HS_PARSE_TRAIN_BEAM 4
#define HS_PARSE_DECODE_BEAM 3

/* Unlabelled transitions (HS_PA_*), then a relation for each arc made. */
enum { HS_PA_SHIFT, HS_PA_LEFT, HS_PA_RIGHT, HS_PA_COUNT };

struct hs_parse_model {
    hs_percep p;                /* transitions: HS_PA_COUNT scores a row (stride 16; w freed once packed) */
    hs_percep lab;              /* relations: n_deprel scores a row */
    int16_t *tw;                /* p's rows packed to 4 int16 (8 bytes) for scoring: [1 << p.bits][4] */
    const char **deprel_names;  /* r → UD relation */
    size_t n_deprel;
    int root;                   /* the relation named "root" (only arcs from ROOT carry it), or -1 */
    uint32_t beam;              /* beam width for parsing (1: greedy); the width it was trained with */
};

/* One sentence to parse: n tokens with lexical hashes and PTB tag indices. */
typedef struct hs_parse_sent {
    const hs_lex *lx;
    const uint8_t *tag;
    size_t n;
} hs_parse_sent;

/* A configuration; arrays of n + 1 (index n is ROOT), from an arena.  lc/lc2
 * are the leftmost and second leftmost dependents, rc/rc2 the rightmost
 * ones, nl/nr the counts, lset/rset the sets of relations (bit r) on each side. */
typedef struct hs_parse_state {
    int32_t *stack, *head, *lc, *lc2, *rc, *rc2;
    uint64_t *lset, *rset;
    uint8_t *label, *nl, *nr;
    size_t sp, b, n;
} hs_parse_state;

int hs_parse_state_alloc(hs_parse_state *st, hs_arena *a, size_t max_n);
void hs_parse_state_init(hs_parse_state *st, size_t n);
int hs_parse_state_final(const hs_parse_state *st);
/* Which of the HS_PA_* transitions are legal: legal[a] != 0. */
void hs_parse_legal(const hs_parse_state *st, uint8_t legal[HS_PA_COUNT]);
/* The head and dependent of an arc transition (LEFT or RIGHT). */
void hs_parse_arc_of(const hs_parse_state *st, int a, int32_t *h, int32_t *d);
/* Apply transition a; arcs get relation r. */
void hs_parse_apply(hs_parse_state *st, int a, int r);
/* Gold arcs that transition a makes unreachable (arc-hybrid dynamic oracle
 * of Goldberg and Nivre 2013); gh[i] is the gold head, n for ROOT. */
int hs_parse_cost(const hs_parse_state *st, const int32_t *gh, int a);

/* Features of the transition to take (parse_feat.c); returns their count. */
size_t hs_parse_features(const hs_parse_sent *s, const hs_parse_state *st, uint64_t *f);
/* Features of the relation of the arc h → d about to be made. */
size_t hs_parse_label_features(const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d,
                               uint64_t *f);

/* Copy configuration src (of a sentence of src->n tokens) to dst. */
void hs_parse_state_copy(hs_parse_state *dst, const hs_parse_state *src);

/* Parse greedily: st->head[i] is the head (n for ROOT), st->label[i] the relation. */
void hs_parse_sentence(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_state *st);
/* The model's scores of the three transitions from features f. */
void hs_parse_transition_scores(const struct hs_parse_model *m, const uint64_t *f, size_t nf,
                                int32_t sc[HS_PA_COUNT]);
/* The relation the model gives the arc h → d about to be made in st. */
int hs_parse_relation(const struct hs_parse_model *m, const hs_parse_sent *s, const hs_parse_state *st, int32_t h,
                      int32_t d);

/* ---- beam search (parse_beam.c) ---- */

/* What the beam scores with: the model's packed weights, or a trainer's. */
typedef struct hs_parse_scorer {
    void (*transitions)(const void *ctx, const uint64_t *f, size_t nf, double sc[HS_PA_COUNT]);
    int (*relation)(const void *ctx, const hs_parse_sent *s, const hs_parse_state *st, int32_t h, int32_t d);
    const void *ctx;
} hs_parse_scorer;

/* The beam: `width` configurations and, for each step t (1..2n), where each
 * slot came from, so that any item's transitions can be read back.  After
 * each step the items are in order of score, the best in slot 0. */
typedef struct hs_parse_beam {
    size_t width, max_n, count;
    hs_parse_state *cur, *nxt;
    double *score, *nscore;
    uint8_t *gold, *ngold;        /* the item's transitions so far are the oracle's */
    uint8_t *parent, *act, *rel;  /* [step][slot], steps from 1 */
    double *best;                 /* [step]: the best item's score */
    uint8_t *gold_in;             /* [step]: the oracle's item is in the beam (1), first in it (2), or out (0) */
} hs_parse_beam;

int hs_parse_beam_alloc(hs_parse_beam *b, hs_arena *a, size_t width, size_t max_n);
/* Search with sc; with gold_a (the oracle's 2n transitions) the beam also
 * tracks where the oracle's item is.  The best parse ends in b->cur[0];
 * returns the number of steps, 2n. */
size_t hs_parse_beam_search(hs_parse_beam *b, const hs_parse_scorer *sc, const hs_parse_sent *s,
                            const uint8_t *gold_a);
/* The transitions and relations of slot j after step t, into a[0..t), r[0..t). */
void hs_parse_beam_path(const hs_parse_beam *b, size_t t, size_t j, uint8_t *a, uint8_t *r);
/* Parse with the model's weights and a beam of b->width (b from hs_parse_beam_alloc). */
void hs_parse_sentence_beam(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_beam *b);

int hs_parse_model_load(struct hs_parse_model **out, const char *path);
/* From a file (data NULL) or from memory. */
int hs_parse_model_load_any(struct hs_parse_model **out, const char *what, const void *data, size_t len);
int hs_parse_model_save(const struct hs_parse_model *m, const char *path);
void hs_parse_model_free(struct hs_parse_model *m);
/* Set up m->tw and m->root from m->p and the names (after training or loading). */
int hs_parse_model_ready(struct hs_parse_model *m);
/* Train on the gold trees of c; `pos` (may be NULL) supplies predicted PTB tags. */
int hs_parse_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                   struct hs_parse_model **out);

/* Parse the sentences whose flags meet `only` (HS_SF_*), or all when only is 0,
 * into tok->head / tok->deprel (after the POS tagger). */
int hs_parse_doc(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only);
/* Parse sentence si now unless it already is (HS_SF_PARSED): the cascade's
 * on-demand path, for a stage after the tagger (its POS tags are read). */
int hs_parse_doc_sentence(hs_doc *d, const struct hs_parse_model *m, size_t si);
/* The same with a beam of `beam` items instead of the model's own width (0: the model's). */
int hs_parse_doc_beam(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only, unsigned beam);


#endif
