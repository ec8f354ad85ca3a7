/* The tag layer: part-of-speech tags and named entities on the tokens of a
 * document, from averaged-perceptron models loaded once by the analyzer. */
#ifndef HS_TAG_H
#define HS_TAG_H
#include <stddef.h>
#include <stdint.h>

#include "analyzer.h"
#include "doc.h"
#include "model/percep.h"
#include "model/wordmap.h"
#include "tag/lex.h"

#define HS_POS_KIND "pos"
#define HS_POS_VERSION 2
#define HS_NER_KIND "ner"
#define HS_NER_VERSION 2
#define HS_TAG_MAX_FEATS 64

/* POS: one weight row holds the UPOS head [0, HS_UPOS_COUNT) and the PTB
 * head [HS_UPOS_COUNT, HS_UPOS_COUNT + n_xpos). */
struct hs_pos_model {
    hs_percep p;
    const char **xpos_names;
    size_t n_xpos;
    /* tag dictionary: frequent words that nearly always carry one tag pair
     * skip scoring.  hs_lex.word → UPOS | PTB << 8. */
    hs_wordmap dict;
    /* (UPOS, PTB) pairs seen in training: the tagger picks the best-scoring
     * pair, so the two tags never contradict each other (PROPN with NNS) */
    uint8_t (*pairs)[2];
    size_t n_pairs;
    /* pair numbers grouped by UPOS (each group in pair order): group u is
     * by_upos[upos_start[u], upos_start[u + 1]); lets decoding skip the
     * UPOS tags that cannot win (see pos.c) */
    uint16_t *by_upos;
    uint16_t upos_start[HS_UPOS_COUNT + 1];
};

/* NER: BIO labels as in doc.h (HS_NER_*). */
struct hs_ner_model {
    hs_percep p;
    hs_wordmap casemap; /* hs_lex.lower → how often the word is capitalised mid-sentence (HS_CASE_*) */
    uint8_t seen[HS_NER_LABELS]; /* labels the training data had: only these are predicted */
    uint8_t use_hist;            /* features from the document's earlier predictions */
    uint8_t use_starts;          /* skip scoring where no entity can start (hs_ner_surely_outside) */
    hs_wordmap starts;           /* lower-case words (no capital) that began an entity in training */
    uint8_t beam;                /* beam width of the structured decoder (src/tag/ner_beam.c); 0: greedy */
    hs_wordmap clusters;         /* hs_lex.lower → packed word classes (src/tag/clusters.h); empty: unused */
    hs_wordmap gaz;              /* hs_lex.lower → the (type, position) pairs it took in training names (HS_GAZ_*) */
};
/* Gazetteer values: bit 3 t + p for entity type t, position p (HS_GAZ_*). */
enum { HS_GAZ_SINGLE = 0, HS_GAZ_FIRST = 1, HS_GAZ_LATER = 2 };
#define HS_GAZ_MAX_VALUE (1u << (3 * HS_ET_COUNT))
#define HS_GAZ_FOLDS 5 /* training sees the gazetteer of the other folds' names (jackknifing) */
/* The gazetteer of the names in the training blocks [first[k], first[k+1]) whose
 * k % HS_GAZ_FOLDS differs from `fold` (all blocks when fold < 0). */
int hs_ner_gaz_build(hs_wordmap *out, const hs_doc *d, const uint8_t *ner, const hs_lex *lx, const uint32_t *first,
                     size_t nblocks, int fold);
#define HS_NER_MAX_BEAM 16
#define HS_NER_TRAIN_BEAM 4 /* hearsay train ner's default */

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
/* Add the photo agencies of data/agencies.txt (same format): their names are
 * marked ORG and HS_TF_CREDIT instead of HS_TF_OUTLET ("Getty Images"). */
int hs_outlets_add_agencies(struct hs_outlets *o, const char *path);
void hs_outlets_free(struct hs_outlets *o);

/* Feature extraction (shared by training and tagging).  `lx` holds the
 * lexical hashes of the sentence's tokens [0, n); i is the position. */
size_t hs_pos_features(const hs_lex *lx, size_t n, size_t i, int prev, int prev2, uint64_t *f);
/* Case buckets: how often a word is capitalised when not first in a sentence. */
enum { HS_CASE_UNSEEN = 0, HS_CASE_ALWAYS, HS_CASE_MOSTLY, HS_CASE_MIXED, HS_CASE_RARELY, HS_CASE_NEVER, HS_CASE_COUNT };

/* Entity types given earlier in the document to each capitalised word
 * (extended prediction history, as in Ratinov and Roth 2009). */
typedef struct hs_ner_hist {
    uint64_t *keys;
    uint8_t *types; /* type + 1 */
    size_t size;    /* power of two */
} hs_ner_hist;
/* Storage for a document of n tokens (from the arena). */
int hs_ner_hist_init(hs_ner_hist *h, hs_arena *a, size_t n);
/* Note the words of sentence [b, e) written with a capital after its first
 * token: in a document that writes "Rina Halpern", a sentence-initial
 * "Halpern" is a name rather than an ordinary word capitalised by its place.
 * Called for every sentence of a document before any is tagged. */
void hs_ner_hist_mark_names(hs_ner_hist *h, const hs_lex *lx, size_t b, size_t e);
void hs_ner_hist_reset(hs_ner_hist *h);

/* What the NER features of one sentence look at. */
typedef struct hs_ner_ctx {
    const hs_lex *lx;        /* the sentence's tokens */
    const uint8_t *upos;     /* their UPOS, or NULL */
    size_t n;
    int sent_upper;          /* hs_ner_sent_upper */
    const hs_wordmap *casemap;
    hs_ner_hist *hist;       /* may be NULL */
    const hs_wordmap *clusters, *gaz; /* NULL when unused */
} hs_ner_ctx;
size_t hs_ner_features(const hs_ner_ctx *c, size_t i, int prev, int prev2, uint64_t *f);
/* The same in three parts: the features that do not look at the labels
 * before token i, those of the label before it (prev; -1 before the
 * sentence), and the one of the two labels before it. */
size_t hs_ner_features_static(const hs_ner_ctx *c, size_t i, uint64_t *f);
size_t hs_ner_features_prev(const hs_ner_ctx *c, size_t i, int prev, uint64_t *f);
/* What the features of the label before token i look at besides it, looked
 * up once for all the items of a beam (case_prev, hist: -1 when unused). */
typedef struct hs_ner_prev_ctx {
    uint64_t sshape, lower, upos;
    int case_prev, hist;
} hs_ner_prev_ctx;
void hs_ner_prev_vals(const hs_ner_ctx *c, size_t i, hs_ner_prev_ctx *v);
size_t hs_ner_features_prev_v(const hs_ner_prev_ctx *v, int prev, uint64_t *f);
uint64_t hs_ner_feature_pair(int prev, int prev2);
/* Beam decoding (m->beam > 0) of the sentence of c into out[0, c->n);
 * scratch holds 2 × m->beam × c->n bytes. */
void hs_ner_beam_tag(const struct hs_ner_model *m, const hs_ner_ctx *c, uint8_t *scratch, uint8_t *out);
/* One structured-perceptron step on the sentence of c with labels gold:
 * decode with m->beam (stopping where the gold leaves the beam), update t
 * when the best differs from the gold.  out receives the labels decoded;
 * returns how many (c->n unless the gold left the beam). */
size_t hs_ner_beam_train(hs_percep_trainer *t, const struct hs_ner_model *m, const hs_ner_ctx *c,
                         const uint8_t *gold, uint8_t *scratch, uint8_t *out);
/* Outside any entity without scoring: after O, a word with no capital letter
 * that never began an entity in the training data ("the", ",", "said"). */
int hs_ner_surely_outside(const hs_wordmap *starts, const hs_ner_ctx *c, size_t i, int prev);
/* Record label l of token i in the history. */
void hs_ner_hist_note(const hs_ner_ctx *c, size_t i, int l);
/* Labels allowed after `prev` (never I-X unless prev is B-X or I-X), among
 * those marked in seen. */
void hs_ner_allowed(int prev, const uint8_t *seen, uint8_t *allowed);
/* 1 when every letter of the sentence is upper case (a headline in capitals). */
int hs_ner_sent_upper(const hs_lex *lx, size_t n);

/* Tag one sentence's tokens [b, e) of d (lx: lexical hashes of all of d). */
void hs_pos_tag_sentence(const struct hs_pos_model *m, hs_doc *d, const hs_lex *lx, size_t b, size_t e);
/* upos: the UPOS of every token of d, or NULL when the POS layer did not run. */
void hs_ner_tag_sentence(const struct hs_ner_model *m, hs_doc *d, const hs_lex *lx, const uint8_t *upos,
                         hs_ner_hist *hist, size_t b, size_t e);
/* Name patterns after the taggers (src/tag/names.c): named days, quoted
 * titles, epithets, names in title-case headlines.  ner (may be NULL)
 * supplies case statistics.  0, or HS_ENOMEM. */
int hs_tag_names(hs_doc *d, const hs_lex *lx, const struct hs_ner_model *ner);
/* Label tokens [b, e) as one entity of type t (O when t < 0), keeping BIO valid. */
void hs_tag_set_span(hs_doc *d, size_t b, size_t e, int t);
/* Mark outlet names (HS_TF_OUTLET, labelled ORG). Returns the number marked. */
size_t hs_outlets_mark(const struct hs_outlets *o, hs_doc *d, const hs_lex *lx);

/* The pipeline stage and the analyzer hooks (models from a->model_dir,
 * outlets from a->data_dir). */
int hs_tag_load(hs_analyzer *a);
void hs_tag_free(hs_analyzer *a);
int hs_tag_run(hs_doc *d, const hs_analyzer *a);
/* The parse of sentence si, on demand (after hs_tag_run): 0 when
 * tok->head / tok->deprel hold it, 1 when the analyzer has no parser (layer
 * off or model missing), or a negative HS_E* code. */
int hs_tag_parse(hs_doc *d, const hs_analyzer *a, size_t si);
/* 1 when hs_tag_parse can give parses (the layers are on and the POS and
 * parser models are there, the parser's loaded or still to be inflated). */
int hs_tag_has_parser(const hs_analyzer *a);
/* Tag with explicit models (any may be NULL; the parser needs the POS
 * tagger); used by hs_tag_run and eval.  parse_only: parse the sentences with
 * one of these HS_SF_* flags (the cascade), or every sentence when 0. */
int hs_tag_doc(hs_doc *d, const struct hs_pos_model *pos, const struct hs_ner_model *ner,
               const struct hs_outlets *outlets, const struct hs_parse_model *parse, unsigned parse_only);

#endif
