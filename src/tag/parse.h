/* The dependency parser (src/tag/parse.c). */
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
#define HS_PARSE_VERSION 2

struct hs_parse_model {
    hs_percep p;                /* actions: 0 SHIFT, 1 + 2r LEFT-r, 2 + 2r RIGHT-r */
    const char **deprel_names;  /* r → UD relation */
    size_t n_deprel;
};

/* One sentence to parse: n tokens with lexical hashes and PTB tag indices. */
typedef struct hs_parse_sent {
    const hs_lex *lx;
    const uint8_t *tag;
    size_t n;
} hs_parse_sent;

/* A configuration; arrays of n + 1 (index n is ROOT), from an arena. */
typedef struct hs_parse_state {
    int32_t *stack, *head, *lc, *lc2, *rc;
    uint8_t *label, *nl, *nr;
    size_t sp, b, n;
} hs_parse_state;

int hs_parse_state_alloc(hs_parse_state *st, hs_arena *a, size_t max_n);
size_t hs_parse_features(const hs_parse_sent *s, const hs_parse_state *st, uint64_t *f);
/* Parse: st->head[i] is the head (n for ROOT), st->label[i] the relation. */
void hs_parse_sentence(const struct hs_parse_model *m, const hs_parse_sent *s, hs_parse_state *st);

int hs_parse_model_load(struct hs_parse_model **out, const char *path);
/* From a file (data NULL) or from memory. */
int hs_parse_model_load_any(struct hs_parse_model **out, const char *what, const void *data, size_t len);
int hs_parse_model_save(const struct hs_parse_model *m, const char *path);
void hs_parse_model_free(struct hs_parse_model *m);
/* Train on the gold trees of c; `pos` (may be NULL) supplies predicted PTB tags. */
int hs_parse_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                   struct hs_parse_model **out);

/* Parse every sentence of d (after the POS tagger) into tok->head / tok->deprel. */
/* Parse the sentences whose flags meet `only` (HS_SF_*), or all when only is 0. */
int hs_parse_doc(hs_doc *d, const struct hs_parse_model *m, const hs_lex *lx, unsigned only);

#endif
