/* The link layer: in-document entities (names, descriptors, pronouns).
 *
 * Tables (data/first_names.tsv, data/outlets.txt, data/link_words.tsv) are
 * loaded once at analyzer creation into an hs_linkwords: a read-only map from a
 * folded word or phrase (lower case, accents stripped, ’ → ') to its classes. */
#ifndef HS_LINK_H
#define HS_LINK_H
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Word classes (bits of hs_lw_entry.cls). */
enum {
    HS_LW_TITLE = 1u << 0,       /* President, Dr, Mrs: a name follows */
    HS_LW_NATIONALITY = 1u << 1, /* Cuban, British */
    HS_LW_ROLE = 1u << 2,        /* actress, star, stepson: heads a descriptor */
    HS_LW_PARTICLE = 1u << 3,    /* de, van, von */
    HS_LW_STOP = 1u << 4,        /* The, Monday, I: neither starts nor joins a name */
    HS_LW_PLACE = 1u << 5,
    HS_LW_ORGWORD = 1u << 6,     /* … University, … Inc */
    HS_LW_FIRST = 1u << 7,       /* a first name */
    HS_LW_OUTLET = 1u << 8,      /* a news outlet */
    HS_LW_OCCUPATION = 1u << 9,  /* a role word naming a trade (the chef, the lawyer): a
                                    descriptor it heads joins only the person the article
                                    tied to it, never merely the most salient one */
    HS_LW_KIN = 1u << 10,        /* a role word naming a relative (son, wife): a name it
                                    introduces is a new person */
    HS_LW_AMBIGUOUS = 1u << 11,  /* an outlet whose name is also an ordinary word ("?People"
                                    in data/outlets.txt): an outlet only where the tag layer
                                    marked it (HS_TF_OUTLET: "told People", not "of This Is Us") */
    HS_LW_PRESS = 1u << 12,      /* a last word of a publication's name (… Weekly, … Gazette): a
                                    name of two or more words ending so is an outlet */
    HS_LW_ORGHEAD = 1u << 13,    /* a last word that makes a name an organisation even where the
                                    tagger read a person (… Studios, … Productions) */
    HS_LW_ORGNAME = 1u << 14,    /* the whole name of an organisation (networks, platforms) */
    HS_LW_EVENTNAME = 1u << 15,  /* the whole name of a recurring event (Golden Globes, Met Gala) */
    HS_LW_PERSONVERB = 1u << 16  /* a verb or adjective only people take (married, died, pregnant):
                                    after a name, the person guard's evidence */
};

typedef struct hs_lw_entry {
    uint32_t cls;    /* HS_LW_* */
    uint8_t gender;  /* hs_gender of the first name / title / role noun */
} hs_lw_entry;

/* A string → entry map with open addressing; keys are copied. */
typedef struct hs_linkwords {
    char **keys;
    uint32_t *lens; /* strlen of each key */
    uint32_t *hs;   /* low bits of each key's hash: most probes never read the key */
    hs_lw_entry *vals;
    size_t n, cap;
    size_t max_words; /* most words in any key (phrases: "in touch weekly") */
} hs_linkwords;

int hs_lw_add(hs_linkwords *m, const char *key, size_t n, uint32_t cls, uint8_t gender);
const hs_lw_entry *hs_lw_get(const hs_linkwords *m, const char *key, size_t n);
void hs_lw_free(hs_linkwords *m);

/* Fold s[0..n) for matching: lower case, accents stripped, ’ ‘ → ', runs of
 * white space → one space.  Writes at most cap-1 bytes and a NUL; returns the
 * folded length, or (size_t)-1 when it does not fit. */
size_t hs_fold(const char *s, size_t n, char *out, size_t cap);

/* Load the three tables from data_dir (missing files are empty tables; a
 * malformed line is HS_EINPUT naming file and line). */
int hs_link_tables_load(hs_linkwords **out, const char *data_dir);
void hs_link_tables_free(hs_linkwords *t);

/* ---- the stage (link.c, mentions.c, cluster.c) ---- */

/* Per-token facts the link layer works from (arena, one per token). */
typedef struct hs_link_tok {
    const char *fold; /* folded text (arena), NULL for punctuation; a hyphenated
                         compound's first token holds the whole compound */
    uint32_t cend;    /* end of the compound starting here (index + 1 when none) */
    uint32_t cls;     /* HS_LW_* of the folded word */
    uint16_t flen;    /* strlen of fold */
    uint8_t gender;
    uint8_t in_mention; /* 1 when a mention already covers it */
    uint8_t known;      /* the word is written capitalised inside some sentence */
} hs_link_tok;

/* Work state of one run (malloc'ed arrays, freed at the end of the run). */
typedef struct hs_link_ctx {
    hs_doc *d;
    const hs_linkwords *lex;
    hs_link_tok *lt;          /* d->toks.n entries */
    HS_ARRAY(uint32_t) ties;  /* pairs (entity, token index of a tie word) */
    HS_ARRAY(int32_t) ages;   /* pairs (entity, age) */
    hs_linkwords names;       /* words of the person-like names found so far */
    double *score;            /* salience per entity */
    uint32_t *score_sent;     /* sentence of the last score update */
    size_t ent_cap;
} hs_link_ctx;

/* Find name, descriptor and pronoun mentions (d->mentions, in text order). */
int hs_link_mentions(hs_link_ctx *c);
/* Cluster the mentions into d->entities. */
int hs_link_cluster(hs_link_ctx *c);
/* The person guard (guard.c): name mentions typed ORG, PLACE or MISC that the
 * document shows to be people become PERSON (between the two steps above). */
int hs_link_person_guard(hs_link_ctx *c);

/* End (exclusive) of the hyphenated compound that starts at token i
 * ("62-year-old", "ex-wife", "Díaz-Canel"): i + 1 when there is none. */
size_t hs_compound_end(const hs_doc *d, size_t i);

/* Is tok i a word whose folded form is one of the alternatives "a|b|c"? */
int hs_link_tok_is(const hs_doc *d, size_t i, const char *alts);

#endif
