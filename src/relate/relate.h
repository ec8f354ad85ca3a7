/* The relate layer: relations between entities, from word patterns in
 * data/relations.tsv (format described at the top of that file). */
#ifndef HS_RELATE_H
#define HS_RELATE_H
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

enum { HS_PE_WORDS = 0, HS_PE_GAP, HS_PE_SLOT_A, HS_PE_SLOT_B, HS_PE_SLOT_BLIST, HS_PE_PAIR };

#define HS_PAT_MAX_EL 12
#define HS_PAT_GAP 4 /* words a "..." may skip */

typedef struct hs_pat_el {
    uint8_t kind;     /* HS_PE_* */
    uint8_t optional; /* words? */
    const char *alts; /* "a|b|c" (folded), for HS_PE_WORDS */
    uint32_t h_off;   /* its alternatives' hashes: tables->hashes[h_off .. h_off + nh) */
    uint16_t nh;
} hs_pat_el;

typedef struct hs_pattern {
    uint8_t is_status; /* 0 a relation pattern, 1 a status cue */
    uint8_t type;      /* hs_rel_type, or hs_status for a cue */
    uint8_t span_scope; /* cue: 1 only between the relation's ends */
    uint8_t n;
    hs_pat_el el[HS_PAT_MAX_EL];
} hs_pattern;

struct hs_relate_tables {
    hs_pattern *pats;
    size_t n;
    char *strings; /* the folded alternatives, one block */
    uint64_t *hashes; /* hs_word_hash of every alternative */
    /* trigger index: word hash → the relation patterns (first 256) whose first
     * required word element holds it; open addressing, tcap a power of two */
    uint32_t *order; /* relation patterns to try: those without P, then those with P */
    size_t n_order;
    uint64_t *tkeys;
    uint64_t (*tmask)[4];
    size_t tcap;
};
typedef struct hs_relate_tables hs_relate_tables;

/* Load DIR/relations.tsv (missing: no patterns). A malformed line is
 * HS_EINPUT naming file and line. */
int hs_relate_tables_load(hs_relate_tables **out, const char *data_dir);
/* Parse the table from a string (`name` for messages). */
int hs_relate_tables_parse(hs_relate_tables **out, const char *text, size_t len, const char *name);
void hs_relate_tables_free(hs_relate_tables *t);

/* FNV-1a hash of a folded word (never 0). */
static inline uint64_t hs_word_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

/* Is the word of hash h one of element el's alternatives? */
static inline int hs_el_has(const hs_relate_tables *t, const hs_pat_el *el, uint64_t h)
{
    for (uint32_t k = 0; h && k < el->nh; k++)
        if (t->hashes[el->h_off + k] == h)
            return 1;
    return 0;
}

/* Is the folded word f one of "a|b|c"? */
int hs_alt_match(const char *alts, const char *f);

#endif
