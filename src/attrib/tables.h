/* The attribution tables: cue verbs, prepositional cues, anonymous-source,
 * representative, document and organisation nouns, titles, hedge words and
 * outlet names.  They are data (the .txt files in data/attrib/), loaded once with the
 * analyzer and read-only afterwards.
 *
 * Every phrase is kept under a normalised key: ASCII letters lower-cased,
 * the apostrophe ’ written ', runs of white space as one space.  A phrase is
 * matched against the text of a run of tokens normalised the same way, so
 * matching does not depend on how the tokenizer split "E! News". */
#ifndef HS_ATTRIB_TABLES_H
#define HS_ATTRIB_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

enum {
    HS_TB_CUE_VERB = 1u << 0, /* said, told, claims, "is quoted as saying" */
    HS_TB_CUE_PREP = 1u << 1, /* according to, per */
    HS_TB_ANON = 1u << 2,     /* source, insider, onlooker, officials */
    HS_TB_REP = 1u << 3,      /* spokesperson, rep, publicist */
    HS_TB_DOC = 1u << 4,      /* statement, court papers */
    HS_TB_ORG = 1u << 5,      /* campaign, department, police */
    HS_TB_TITLE = 1u << 6,    /* Commissioner, Dr., Senator */
    HS_TB_HEDGE = 1u << 7,    /* reportedly, rumours, may, denied */
    HS_TB_OUTLET = 1u << 8,   /* People, Us Weekly, The Post */
    HS_TB_CUE_OBJ = 1u << 9,  /* a cue verb that takes an addressee: told, assured */
    HS_TB_OUTLET_WORD = 1u << 10, /* a word that ends an outlet's name: News, Weekly, Times */
    HS_TB_CUE_WEAK = 1u << 11,    /* a cue that needs a clause after it: praised, welcomed */
    HS_TB_NOT_SPEAKER = 1u << 12, /* a line label before a colon: RELATED, Photos */
    HS_TB_CUE_OPINION = 1u << 13, /* a weak cue that may take a plain object after a named
                                     subject: "criticized Obama" */
    HS_TB_SURVEY = 1u << 14,      /* a document that measures opinion: poll, survey ("In the
                                     poll, …", "… in a new survey") */
    HS_TB_CUE_RAISE = 1u << 15,   /* a verb whose subject belongs to the content and that names
                                     no source: "Roe seemed to …", "Roe is expected to …" */
    HS_TB_CUE_NOUN = 1u << 16,    /* a noun that reports after its possessor and before a clause:
                                     "Roe's claim that …", "his pledge to …" */
    HS_TB_CUE_AS = 1u << 17,      /* a verb that reports an object with an "as" complement:
                                     "Roe described the plan as reckless", "voters see him as …"
                                     (without HS_TB_CUE_VERB it reports only in that frame) */
    HS_TB_OUTLET_REF = 1u << 18,  /* a phrase that refers back to an outlet named before: "the
                                     magazine", "the publication", "the outlet" */
    HS_TB_VERB_ONLY = 1u << 19    /* a cue form that is never a noun: "confirms", "reveals" */
};

typedef struct hs_tb_entry {
    uint32_t cls;       /* HS_TB_* bits */
    uint8_t hedge_kind; /* hs_hedge_kind when cls has HS_TB_HEDGE */
    uint8_t pad[3];
} hs_tb_entry;

struct hs_tables;

/* Load every table file from `dir` (normally DATA_DIR/attrib).  A missing
 * file or a malformed line is an error whose message names the file and line. */
int hs_tables_load(struct hs_tables **out, const char *dir);
void hs_tables_free(struct hs_tables *t);

/* The entry of an exact (normalised) phrase, or NULL. */
const hs_tb_entry *hs_tables_get(const struct hs_tables *t, const char *s, size_t n);

/* The longest phrase made of the tokens [i, j) with i < j <= lim whose entry
 * has a bit of `cls`: returns j - i (0 when none) and fills *e.  memo (NULL,
 * or one byte per token of d, zeroed before the first call) remembers which
 * tokens begin no phrase at all, so that asking again costs nothing. */
uint32_t hs_tables_match(const struct hs_tables *t, uint8_t *memo, const hs_doc *d, uint32_t i, uint32_t lim,
                         unsigned cls, hs_tb_entry *e);

/* Number of phrases loaded (for tests and messages). */
size_t hs_tables_size(const struct hs_tables *t);

#endif
