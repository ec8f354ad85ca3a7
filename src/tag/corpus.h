/* Annotated corpora for training and evaluating the taggers: CoNLL-U (GUM,
 * UD EWT) and CoNLL-2003, read into one hs_doc (tokens joined by spaces,
 * one hs_sent per sentence) with the gold labels beside it.  Malformed lines
 * are refused with the file and line number. */
#ifndef HS_TAG_CORPUS_H
#define HS_TAG_CORPUS_H
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

#define HS_CORPUS_MAX_NAMES 255

typedef struct hs_corpus {
    hs_doc *d;       /* text, toks, sents (valid after hs_corpus_finish) */
    hs_buf text;
    HS_ARRAY(uint8_t) upos, xpos, ner; /* gold, one per token */
    HS_ARRAY(int32_t) head;            /* gold head (document index, -1 root) */
    HS_ARRAY(uint8_t) deprel;
    char *xpos_names[HS_CORPUS_MAX_NAMES]; /* PTB tags seen, in order of appearance */
    size_t n_xpos;
    char *deprel_names[HS_CORPUS_MAX_NAMES];
    size_t n_deprel;
    size_t n_files;
    size_t n_names;  /* GUM named-entity spans taken as NER labels */
    struct gum_span { uint32_t b, e, id; int type; } *spans; /* entity spans of the current sentence */
    size_t n_spans, cap_spans;
    uint32_t open[64];   /* indices into spans of entities not yet closed */
    size_t n_open;
    int has_ner; /* the NER column was read */
} hs_corpus;

int hs_corpus_init(hs_corpus *c);
/* A CoNLL-U file, or a directory holding splits.md: the documents of `split`
 * (train, dev, test, test2) that are present.  GUM's entity annotation
 * (MISC Entity=) becomes NER labels for the spans that name something: those
 * whose syntactic head is a proper noun, without a leading determiner or a
 * trailing possessive, outermost first; types map person → PERSON,
 * organization → ORG, place → PLACE, event → EVENT, object and abstract →
 * MISC (others are not names in the CoNLL sense). */
int hs_corpus_add_conllu(hs_corpus *c, const char *path, const char *split);
/* CoNLL-2003: "word POS chunk NER" lines (IOB1 or IOB2), blank between sentences. */
int hs_corpus_add_conll(hs_corpus *c, const char *path);
/* Point d->text at the text read so far. */
void hs_corpus_finish(hs_corpus *c);
void hs_corpus_free(hs_corpus *c);

/* Index of `name` in a name table, added when absent: -1 when the table is full. */
int hs_name_index(char **names, size_t *n, const char *name, size_t len);

#endif
