/* The NER's gazetteer: for each word (hs_lex.lower) of the names in the
 * training data, the entity types it took and where in the name (alone,
 * first, later).  Training builds one from all names, stored with the model,
 * and one per fold from the names of the other folds, so that the weights
 * learnt for a gazetteer hit reflect how often a name from elsewhere is
 * right about a new text (jackknifing), not how often a word's own label is. */
#include "tag/tag.h"

#include <stdlib.h>

static int in_fold(size_t block, int fold) { return fold >= 0 && (int)(block % HS_GAZ_FOLDS) == fold; }

int hs_ner_gaz_build(hs_wordmap *out, const hs_doc *d, const uint8_t *ner, const hs_lex *lx, const uint32_t *first,
                     size_t nblocks, int fold)
{
    size_t words = 0;
    for (size_t k = 0; k < nblocks; k++) {
        if (in_fold(k, fold))
            continue;
        for (size_t i = d->sents.v[first[k]].tok_begin; i < d->sents.v[first[k + 1] - 1].tok_end; i++)
            words += ner[i] != HS_NER_O;
    }
    int rc = hs_wordmap_init(out, words + 1);
    if (rc)
        return rc;
    for (size_t k = 0; k < nblocks; k++) {
        if (in_fold(k, fold))
            continue;
        for (size_t s = first[k]; s < first[k + 1]; s++) {
            size_t e = d->sents.v[s].tok_end;
            for (size_t i = d->sents.v[s].tok_begin; i < e; i++) {
                int l = ner[i];
                if (l == HS_NER_O || l >= HS_NER_LABELS || (lx[i].flags & HS_LX_NO_LETTER))
                    continue;
                int t = HS_NER_TYPE(l), pos = HS_GAZ_LATER;
                if (HS_NER_IS_B(l))
                    pos = i + 1 < e && ner[i + 1] == HS_NER_I(t) ? HS_GAZ_FIRST : HS_GAZ_SINGLE;
                const hs_wordmap_entry *g = hs_wordmap_get(out, lx[i].lower);
                hs_wordmap_put(out, lx[i].lower, (g ? g->value : 0) | 1u << (3 * t + pos));
            }
        }
    }
    return 0;
}
