/* Training the taggers (hearsay train pos|ner). */
#ifndef HS_TAG_POS_H
#define HS_TAG_POS_H
#include <stdint.h>
#include <stdio.h>

#include "tag/corpus.h"

typedef struct hs_train_opts {
    unsigned bits;   /* log2 of the weight-table rows */
    unsigned epochs;
    uint64_t seed;   /* shuffling; fixed by default so that training is deterministic */
    unsigned no_case, no_hist; /* NER: leave out the case statistics / the prediction history */
    unsigned no_skip;          /* NER: score every token (no hs_ner_surely_outside shortcut) */
    unsigned members;          /* NER: perceptrons (each on its own shuffles) whose weights are averaged; 0 = 1 */
    unsigned beam;             /* parser: beam width (1: greedy with the dynamic oracle) */
    const struct hs_wordmap *clusters; /* NER: word classes (src/tag/clusters.h) to use as features, or NULL */
    unsigned gaz;              /* NER: a gazetteer of the training names as features (jackknifed in training) */

} hs_train_opts;

struct hs_pos_model;
struct hs_ner_model;

/* Train on the gold tags of c. */
int hs_pos_train(const hs_corpus *c, const hs_train_opts *o, FILE *log, struct hs_pos_model **out);
/* Train on the gold entities of c; `pos` (may be NULL) supplies predicted UPOS features. */
int hs_ner_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                 struct hs_ner_model **out);

#endif
