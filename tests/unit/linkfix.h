/* Helpers for the link and relate tests: analyse a text with the repository's
 * tables and find mentions, entities and relations by their text. */
#ifndef HS_LINKFIX_H
#define HS_LINKFIX_H
#include "doc.h"

/* Analyse text (a shared analyzer on data/ and a shared document); NULL on failure. */
hs_doc *lf_run(const char *text);
/* What a tagger might have said: the n tokens from the first one spelled
 * `first` are one entity of type t (-1: no entity). */
typedef struct lf_label {
    const char *first;
    size_t n;
    int type;
} lf_label;
/* Apply labels[0..n) to d, then find mentions and entities again. */
int lf_relink(hs_doc *d, const lf_label *labels, size_t n);
#define LF_RELINK(d, labels) lf_relink((d), (labels), sizeof(labels) / sizeof((labels)[0]))
/* Entity of the n-th (0-based) mention whose text is s, or -2 when there is none. */
int lf_ent(const hs_doc *d, const char *s, int n);
/* Kind of that mention, or -1. */
int lf_kind(const hs_doc *d, const char *s, int n);
/* Entity whose canonical name is s, or -1. */
int lf_named(const hs_doc *d, const char *s);
/* Status of the relation of `type` between the entities named a and b (either
 * order), or -1 when there is none; *attr receives its attribution. */
int lf_rel(const hs_doc *d, const char *type, const char *a, const char *b, int *attr);
#endif
