/* The tag layer: part-of-speech tags and named entities on the tokens of a
 * document, from averaged-perceptron models loaded once by the analyzer. */
#ifndef HS_TAG_H
#define HS_TAG_H
#include <stddef.h>
#include <stdint.h>

#include "analyzer.h"
#include "doc.h"
#include "model/percep.h"
#include "tag/lex.h"

#define HS_POS_KIND "pos"
#define HS_POS_VERSION 1
#define HS_NER_KIND "ner"
#define HS_NER_VERSION 1
#define HS_TAG_MAX_FEATS 64

typedef struct hs_pos_dict_entry {
    uint64_t key;   /* hs_lex.word */
    uint8_t upos, xpos, pad[6];
} hs_pos_dict_entry;

/* POS: one weight row holds the UPOS head [0, HS_UPOS_COUNT) and the PTB
 * head [HS_UPOS_COUNT, HS_UPOS_COUNT + n_xpos). */
struct hs_pos_model {
    hs_percep p;
    const char **xpos_names;
    size_t n_xpos;
    /* tag dictionary: frequent words that nearly always carry one tag pair
     * skip scoring.  Open addressing on the word hash (key 0: empty). */
    hs_pos_dict_entry *dict;
    size_t dict_size; /* a power of two */
};

/* NER: BIO labels as in doc.h (HS_NER_*). */
struct hs_ner_model {
    hs_percep p;
    uint8_t seen[HS_NER_LABELS]; /* labels the training data had: only these are predicted */
};

/* Names of news outlets (data/outlets.txt), matched as token sequences. */
struct hs_outlets;

int hs_pos_model_load(struct hs_pos_model **out, const char *path);
int hs_pos_model_save(const struct hs_pos_model *m, const char *path);
void hs_pos_model_free(struct hs_pos_model *m);
int hs_ner_model_load(struct hs_ner_model **out, const char *path);
int hs_ner_model_save(const struct hs_ner_model *m, const char *path);
void hs_ner_model_free(struct hs_ner_model *m);
/* The same from a file's bytes in memory (`what` names them in messages). */
int hs_pos_model_load_mem(struct hs_pos_model **out, const void *data, size_t len, const char *what);
int hs_ner_model_load_mem(struct hs_ner_model **out, const void *data, size_t len, const char *what);
int hs_outlets_load(struct hs_outlets **out, const char *path);
void hs_outlets_free(struct hs_outlets *o);

/* Feature extraction (shared by training and tagging).  `lx` holds the
 * lexical hashes of the sentence's tokens [0, n); i is the position. */
size_t hs_pos_features(const hs_lex *lx, size_t n, size_t i, int prev, int prev2, uint64_t *f);
size_t hs_ner_features(const hs_lex *lx, const uint8_t *upos, size_t n, size_t i, int prev, int prev2,
                       int sent_upper, uint64_t *f);
/* Labels allowed after `prev` (never I-X unless prev is B-X or I-X), among
 * those marked in seen. */
void hs_ner_allowed(int prev, const uint8_t *seen, uint8_t *allowed);
/* 1 when every letter of the sentence is upper case (a headline in capitals). */
int hs_ner_sent_upper(const hs_lex *lx, size_t n);

/* The dictionary entry for a word, or NULL. */
const hs_pos_dict_entry *hs_pos_dict_find(const struct hs_pos_model *m, uint64_t word);

/* Tag one sentence's tokens [b, e) of d (lx: lexical hashes of all of d). */
void hs_pos_tag_sentence(const struct hs_pos_model *m, hs_doc *d, const hs_lex *lx, size_t b, size_t e);
/* upos: the UPOS of every token of d, or NULL when the POS layer did not run. */
void hs_ner_tag_sentence(const struct hs_ner_model *m, hs_doc *d, const hs_lex *lx, const uint8_t *upos, size_t b,
                         size_t e);
/* Mark outlet names (HS_TF_OUTLET, labelled ORG). Returns the number marked. */
size_t hs_outlets_mark(const struct hs_outlets *o, hs_doc *d, const hs_lex *lx);

/* The pipeline stage and the analyzer hooks (models from a->model_dir,
 * outlets from a->data_dir). */
int hs_tag_load(hs_analyzer *a);
void hs_tag_free(hs_analyzer *a);
int hs_tag_run(hs_doc *d, const hs_analyzer *a);
/* Tag with explicit models (any may be NULL); used by hs_tag_run and eval. */
int hs_tag_doc(hs_doc *d, const struct hs_pos_model *pos, const struct hs_ner_model *ner,
               const struct hs_outlets *outlets);

#endif
