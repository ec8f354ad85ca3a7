/* The document: every layer of one analysis, in one place.
 *
 * Stages run in order (ingest → text → tag → link → attrib → relate → out);
 * each reads the layers before it and fills its own.  Offsets are byte offsets
 * into d->text.  Arrays are malloc-backed and kept across hs_doc_clear; strings
 * live in d->arena and die with the analysis.  Indices are int32_t with -1 for
 * "none". */
#ifndef HS_DOC_H
#define HS_DOC_H

#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "hearsay.h"

#define HS_NONE (-1)

typedef struct hs_span {
    uint32_t start, end; /* end exclusive; start == end means empty / absent */
} hs_span;

/* ---- text layer -------------------------------------------------------- */

typedef enum hs_tok_kind {
    HS_TK_WORD = 0,
    HS_TK_NUMBER,  /* 12, 3.5, 1,000, 20th, 2049 */
    HS_TK_MONEY,   /* $5, £3.2m (a currency sign with its number) */
    HS_TK_PUNCT,   /* . , ; : ! ? - – — ( ) [ ] … */
    HS_TK_QUOTE,   /* a quotation mark or apostrophe used as one */
    HS_TK_URL,
    HS_TK_EMAIL,
    HS_TK_SYMBOL,  /* & % # @ / * and anything else */
    HS_TK_CLITIC   /* 's ’s n't 're 've 'll 'd 'm */
} hs_tok_kind;

enum {
    HS_TF_SPACE_BEFORE = 1u << 0,  /* white space precedes the token */
    HS_TF_NEWLINE_BEFORE = 1u << 1,
    HS_TF_PARA_START = 1u << 2,    /* first token of a paragraph */
    HS_TF_SENT_START = 1u << 3,    /* first token of a sentence */
    HS_TF_UPPER_INITIAL = 1u << 4, /* starts with an upper-case letter */
    HS_TF_ALL_UPPER = 1u << 5,
    HS_TF_ABBREV = 1u << 6,        /* abbreviation or initial ending in '.' (U.S., Mr.) */
    HS_TF_QUOTE_OPEN = 1u << 7,    /* a quote mark that opens a quotation */
    HS_TF_QUOTE_CLOSE = 1u << 8,   /* a quote mark that closes a quotation */
    HS_TF_HYPHENATED = 1u << 9,    /* Díaz-Canel, well-known */
    HS_TF_HAS_DIGIT = 1u << 10,
    HS_TF_OUTLET = 1u << 11,       /* part of a news outlet's name (tag layer, data/outlets.txt) */
    HS_TF_CREDIT = 1u << 12        /* part of a photo agency's name (tag layer, data/agencies.txt) */
};

typedef struct hs_tok {
    uint32_t start, end; /* bytes in d->text */
    uint32_t sent;       /* sentence index */
    uint16_t flags;      /* HS_TF_* */
    uint8_t kind;        /* hs_tok_kind */
    uint8_t upos;        /* hs_upos (tag layer), HS_UPOS_X until tagged */
    uint8_t xpos;        /* PTB tag index into the POS model's xpos names */
    uint8_t ner;         /* BIO label: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type */
    uint8_t deprel;      /* index into the parser's relation names */
    uint8_t pad;
    int32_t head;        /* document index of the syntactic head; -1 root or unparsed */
    int32_t quote;       /* innermost quotation containing the token, -1 none */
} hs_tok;

enum {
    HS_SF_HEADLINE = 1u << 0,    /* a line without final punctuation standing alone */
    HS_SF_HAS_QUOTE = 1u << 1,   /* holds (part of) a quotation */
    HS_SF_NEEDS_PARSE = 1u << 2, /* the cascade asks for a parse */
    HS_SF_PARSED = 1u << 3,
    HS_SF_DOC_START = 1u << 4    /* corpora only: a document of the corpus begins here (the NER's
                                    document history starts afresh) */
};

typedef struct hs_sent {
    uint32_t tok_begin, tok_end; /* tokens [begin, end) */
    uint32_t start, end;         /* bytes */
    uint32_t para;
    uint32_t flags;              /* HS_SF_* */
} hs_sent;

typedef struct hs_para {
    uint32_t start, end;
    uint32_t sent_begin, sent_end;
} hs_para;

typedef enum hs_quote_kind {
    HS_QK_DIRECT = 0, /* a full quotation (a sentence or more) */
    HS_QK_MIXED,      /* a fragment inside a sentence ("a “mischievous charm”") */
    HS_QK_NICKNAME,   /* Dwayne “The Rock” Johnson — not a quotation */
    HS_QK_TITLE       /* a quoted title of a work — not a quotation */
} hs_quote_kind;

enum {
    HS_QF_UNTERMINATED = 1u << 0, /* no closing mark was found */
    HS_QF_MULTI_PARA = 1u << 1,   /* runs over several paragraphs */
    HS_QF_NESTED = 1u << 2        /* inside another quotation */
};

typedef struct hs_quote {
    hs_span content;         /* between the marks */
    hs_span outer;           /* including the marks */
    int32_t open_tok, close_tok; /* token indices of the marks (close -1 if unterminated) */
    int32_t parent;          /* enclosing quotation or -1 */
    uint32_t para_begin, para_end; /* paragraphs it spans [begin, end) */
    uint8_t kind;            /* hs_quote_kind */
    uint8_t flags;           /* HS_QF_* */
    int32_t attribution;     /* the attribution built from it, -1 until then */
} hs_quote;

/* ---- tag layer ------------------------------------------------------------ */

typedef enum hs_upos {
    HS_UPOS_ADJ = 0, HS_UPOS_ADP, HS_UPOS_ADV, HS_UPOS_AUX, HS_UPOS_CCONJ, HS_UPOS_DET,
    HS_UPOS_INTJ, HS_UPOS_NOUN, HS_UPOS_NUM, HS_UPOS_PART, HS_UPOS_PRON, HS_UPOS_PROPN,
    HS_UPOS_PUNCT, HS_UPOS_SCONJ, HS_UPOS_SYM, HS_UPOS_VERB, HS_UPOS_X, HS_UPOS_COUNT
} hs_upos;
extern const char *const hs_upos_names[HS_UPOS_COUNT];

typedef enum hs_etype {
    HS_ET_PERSON = 0, HS_ET_ORG, HS_ET_PLACE, HS_ET_WORK, HS_ET_EVENT, HS_ET_MISC, HS_ET_COUNT
} hs_etype;
extern const char *const hs_etype_names[HS_ET_COUNT];
#define HS_NER_O 0
#define HS_NER_B(t) (1 + 2 * (t))
#define HS_NER_I(t) (2 + 2 * (t))
#define HS_NER_LABELS (1 + 2 * HS_ET_COUNT)
#define HS_NER_TYPE(l) (((l) - 1) / 2)
#define HS_NER_IS_B(l) ((l) && ((l) - 1) % 2 == 0)

/* ---- link layer --------------------------------------------------------- */

typedef enum hs_mention_kind { HS_MK_NAME = 0, HS_MK_NOMINAL, HS_MK_PRONOUN } hs_mention_kind;
extern const char *const hs_mention_kind_names[3];

typedef enum hs_gender { HS_G_UNKNOWN = 0, HS_G_MALE, HS_G_FEMALE, HS_G_PLURAL, HS_G_NEUTER } hs_gender;
extern const char *const hs_gender_names[5];

typedef struct hs_mention {
    hs_span span;
    uint32_t tok_begin, tok_end;
    int32_t entity;  /* -1 until linked */
    uint8_t type;    /* hs_etype */
    uint8_t kind;    /* hs_mention_kind */
    uint8_t gender;  /* hs_gender */
    uint8_t outlet;  /* a news outlet (ORG) */
} hs_mention;

typedef struct hs_entity {
    const char *name;   /* canonical: the longest proper name (arena) */
    uint8_t type;       /* hs_etype */
    uint8_t gender;     /* hs_gender */
    uint8_t outlet;
    uint8_t pad;
    int32_t first_mention;
    uint32_t n_mentions;
} hs_entity;

/* ---- attribution layer ------------------------------------------------------ */

typedef enum hs_attr_kind { HS_AK_DIRECT = 0, HS_AK_MIXED, HS_AK_INDIRECT } hs_attr_kind;
extern const char *const hs_attr_kind_names[3];

typedef enum hs_source_kind {
    HS_SK_UNKNOWN = 0, HS_SK_PERSON, HS_SK_ANONYMOUS, HS_SK_REPRESENTATIVE,
    HS_SK_ORGANIZATION, HS_SK_OUTLET, HS_SK_DOCUMENT, HS_SK_COUNT
} hs_source_kind;
extern const char *const hs_source_kind_names[HS_SK_COUNT];

typedef struct hs_attr {
    uint8_t kind;        /* hs_attr_kind */
    uint8_t source_kind; /* hs_source_kind */
    uint8_t hedged;
    uint8_t has_source;
    int32_t quote;       /* quotation it came from, or -1 */
    hs_span content, source, cue, via; /* via: span of the outlet's name in the text */
    const char *via_text; /* when via is not a span of the text (arena), else NULL */
    int32_t source_entity, via_entity;
} hs_attr;

typedef enum hs_hedge_kind { HS_HK_REPORTIVE = 0, HS_HK_RUMOUR, HS_HK_EPISTEMIC, HS_HK_DENIAL, HS_HK_COUNT } hs_hedge_kind;
extern const char *const hs_hedge_kind_names[HS_HK_COUNT];

typedef struct hs_hedge {
    hs_span span;
    uint8_t kind;
} hs_hedge;

/* ---- relate layer ------------------------------------------------------------ */

typedef enum hs_rel_type {
    HS_RT_ROMANCE = 0, HS_RT_SPOUSE, HS_RT_FORMER_PARTNER, HS_RT_FAMILY, HS_RT_COLLABORATION,
    HS_RT_MEETING, HS_RT_CONFLICT, HS_RT_EMPLOYMENT, HS_RT_COUNT
} hs_rel_type;
extern const char *const hs_rel_type_names[HS_RT_COUNT];

typedef enum hs_status {
    HS_ST_ASSERTED = 0, HS_ST_RUMORED, HS_ST_REPORTED, HS_ST_CONFIRMED, HS_ST_DENIED, HS_ST_COUNT
} hs_status;
extern const char *const hs_status_names[HS_ST_COUNT];

typedef struct hs_rel {
    uint8_t type, status, hedged, pad;
    int32_t subj, obj;     /* entities */
    int32_t time;          /* timex or -1 */
    int32_t attribution;   /* attribution it sits in, or -1 */
    hs_span evidence;
} hs_rel;

typedef enum hs_timex_mod { HS_TM_NONE = 0, HS_TM_START, HS_TM_MID, HS_TM_END, HS_TM_APPROX } hs_timex_mod;
extern const char *const hs_timex_mod_names[5];

typedef struct hs_timex {
    hs_span span;
    const char *value; /* ISO 8601 (arena), or NULL when it cannot be resolved */
    uint8_t mod;       /* hs_timex_mod */
    uint8_t kind;      /* 0 date, 1 duration, 2 set */
} hs_timex;

/* ---- warnings: problems in the input that did not stop the analysis ----------- */

typedef struct hs_warning {
    uint32_t offset;  /* byte offset in d->text */
    const char *msg;  /* arena */
} hs_warning;

/* Record a warning at byte offset `off` (printf-style). Returns 0 or HS_ENOMEM. */
int hs_doc_warn(hs_doc *d, uint32_t off, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- the document -------------------------------------------------------------- */

struct hs_doc {
    hs_arena arena;

    /* article (arena copies; text is NFC-normalised, valid UTF-8, no NUL) */
    const char *text;
    size_t len;
    const char *id, *date, *outlet, *title, *url;
    size_t title_bytes; /* > 0: text starts with the title and a blank line (this many bytes) */
    int year, month, day; /* from date, 0 when unknown */

    HS_ARRAY(hs_tok) toks;
    HS_ARRAY(hs_sent) sents;
    HS_ARRAY(hs_para) paras;
    HS_ARRAY(hs_quote) quotes;
    HS_ARRAY(hs_mention) mentions;
    HS_ARRAY(hs_entity) entities;
    HS_ARRAY(hs_attr) attrs;
    HS_ARRAY(hs_hedge) hedges;
    HS_ARRAY(hs_rel) rels;
    HS_ARRAY(hs_timex) timexes;
    HS_ARRAY(hs_warning) warnings;

    /* the link layer's per-token folds (struct hs_link_tok, arena; NULL until
     * it ran): later stages reuse them instead of folding the text again */
    const struct hs_link_tok *link_toks;

    /* per token (arena; NULL until the tagger's lexical pass ran): the index
     * of the document's first token with the same bytes, its own index when
     * it is the first (or longer than 32 bytes).  What depends on a token's
     * bytes alone can be computed once per word and shared. */
    const uint32_t *tok_first;

    /* label names of the models that filled xpos / deprel (analyzer-owned) */
    const char *const *xpos_names;
    const char *const *deprel_names;

    hs_buf out; /* the last JSON or summary produced */
};

/* Text of a span (not NUL-terminated). */
#define HS_SPAN_PTR(d, s) ((d)->text + (s).start)
#define HS_SPAN_LEN(s) ((size_t)((s).end - (s).start))
#define HS_TOK_PTR(d, t) ((d)->text + (t)->start)
#define HS_TOK_LEN(t) ((size_t)((t)->end - (t)->start))

#endif
