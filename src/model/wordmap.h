/* A read-only map from 64-bit word hashes to 32-bit values: open addressing
 * in a power-of-two table (key 0 marks a free slot), stored as one model-file
 * section.  Used for the POS tag dictionary and the NER case statistics. */
#ifndef HS_WORDMAP_H
#define HS_WORDMAP_H
#include <stddef.h>
#include <stdint.h>

#include "model/mfile.h"

typedef struct hs_wordmap_entry {
    uint64_t key;
    uint32_t value, pad;
} hs_wordmap_entry;

typedef struct hs_wordmap {
    hs_wordmap_entry *v;
    size_t size; /* a power of two, or 0 when empty */
} hs_wordmap;

/* A table for up to n keys (all free). */
int hs_wordmap_init(hs_wordmap *m, size_t n);
/* Insert or overwrite (the table must have been sized for it). */
void hs_wordmap_put(hs_wordmap *m, uint64_t key, uint32_t value);
/* The entry for key, or NULL. */
static inline const hs_wordmap_entry *hs_wordmap_get(const hs_wordmap *m, uint64_t key)
{
    if (!m->size)
        return NULL;
    key = key ? key : 1;
    size_t mask = m->size - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask) {
        if (m->v[i].key == key)
            return &m->v[i];
        if (m->v[i].key == 0)
            return NULL;
    }
}
void hs_wordmap_free(hs_wordmap *m);
int hs_wordmap_save(const hs_wordmap *m, hs_mfile_writer *w, const char *section);
/* Validates size and free slots, and that every value is below max_value. */
int hs_wordmap_load(hs_wordmap *m, const hs_mfile *mf, const char *section, uint32_t max_value);

#endif
