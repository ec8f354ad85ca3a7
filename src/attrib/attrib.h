/* The attribution stage (internal): who said what, to whom, how sure.
 *
 *   tables.c   the data tables (cue verbs, source nouns, hedges, outlets)
 *   words.c    closed-class words (determiners, pronouns, auxiliaries) and token tests
 *   source.c   the source noun phrase of a cue, its kind, its outlet (via) and entity
 *   extent.c   where a content starts and ends; quotation marks; the rest after a cue
 *   content.c  cue frames: "X said (that) …", "…, X said.", "according to X, …"
 *   nominal.c  nominal cues: "Roe's claim that …", "amid speculation that …"
 *   quotes.c   quotations: the cue next to a quotation, colon and dash speakers,
 *              continuation paragraphs, "the source" referring back
 *   hedges.c   hedge cues and the hedged flag
 *   attrib.c   hs_attrib_run: the order of the passes */
#ifndef HS_ATTRIB_H
#define HS_ATTRIB_H

#include <stdint.h>

#include "analyzer.h"
#include "attrib/tables.h"
#include "doc.h"

/* Run the attribution stage on a document that has its text layer (and, when
 * available, tags, mentions and entities).  Fills d->attrs and d->hedges. */
int hs_attrib_run(hs_doc *d, const hs_analyzer *a);

/* Load the tables of an analyzer from DATA_DIR/attrib (NULL dir: an error). */
int hs_attrib_tables_load(struct hs_tables **out, const char *data_dir);

/* ---- internal ---------------------------------------------------------- */

typedef struct hs_actx {
    hs_doc *d;
    const struct hs_tables *t;
    uint8_t *used;    /* per token: ATOK_* bits */
    uint8_t *cue_len; /* per token: length in tokens of a cue starting there (0: none) */
    uint8_t *cue_cls; /* per token: HS_TB_CUE_VERB or HS_TB_CUE_PREP */
    uint8_t *cue_obj; /* per token: CUE_OBJ (takes an addressee, "told a crowd …"), CUE_WEAK, CUE_OPINION,
                         CUE_RAISE, CUE_AS ("described X as …"), CUE_AS_ONLY (no other frame) */
    uint8_t *first;   /* per token: hs_tables_match's memo of the tokens that begin no phrase */
    int tagged;       /* tokens carry POS tags */
    uint32_t cap_end; /* while a frame is read: the token its content may not pass (0: none) */
} hs_actx;

enum { CUE_OBJ = 1, CUE_WEAK = 2, CUE_OPINION = 4, CUE_RAISE = 8, CUE_AS = 16, CUE_AS_ONLY = 32 };

enum {
    ATOK_CLAIMED = 1u << 0, /* inside an attribution's content or source */
    ATOK_CUE_USED = 1u << 1 /* the cue starting here made an attribution */
};

/* words.c: token tests (i is a document token index) */
int hs_aw_eq(const hs_doc *d, uint32_t i, const char *w); /* case-insensitive word */
int hs_aw_is_det(const hs_doc *d, uint32_t i);
int hs_aw_pronoun(const hs_doc *d, uint32_t i, uint8_t *gender); /* subject pronoun, who/which */
int hs_aw_is_skip(const hs_doc *d, uint32_t i);     /* auxiliaries and adverbs between source and cue */
int hs_aw_is_boundary(const hs_doc *d, uint32_t i); /* words that end a noun phrase */
int hs_aw_is_prep(const hs_doc *d, uint32_t i);
int hs_aw_is_cap(const hs_doc *d, uint32_t i);      /* a capitalised word */
int hs_aw_is_punct(const hs_doc *d, uint32_t i);    /* punctuation that ends a phrase */
int hs_aw_is_final(const hs_doc *d, uint32_t i);    /* . ! ? … */
int hs_aw_is_dash(const hs_doc *d, uint32_t i);
int hs_aw_is_word(const hs_doc *d, uint32_t i);
int hs_aw_is_particle(const hs_doc *d, uint32_t i); /* de, van, bin inside names */
int hs_aw_title_case(const hs_doc *d, uint32_t si); /* a headline, or a sentence written in title case */
/* The first token after a dateline that opens the paragraph at sb ("LOS
 * ANGELES (Star Wire) — …", "MILLPORT, Ohio, July 14 (Wire) -- …"), or sb. */
uint32_t hs_aw_after_dateline(const hs_doc *d, uint32_t sb, uint32_t se);
uint32_t hs_aw_sent_begin(const hs_doc *d, uint32_t i);
uint32_t hs_aw_sent_end(const hs_doc *d, uint32_t i);

/* source.c */
typedef struct hs_src {
    uint32_t b, e;    /* tokens [b, e); b == e: none */
    uint8_t kind;     /* hs_source_kind */
    uint8_t definite; /* "the source", "the insider": may refer back */
    uint8_t gender;
    uint32_t via_b, via_e; /* outlet inside the phrase ("a report by Page Six") */
} hs_src;
/* The noun phrase that ends at token `last` (inclusive), not reaching before `lo`. */
int hs_src_left(hs_actx *x, uint32_t last, uint32_t lo, hs_src *s);
/* A relative pronoun at `last` ("who", "which") speaks for its antecedent:
 * "the singer, who told Us that …", "the actor — who revealed …", "experts
 * who concluded …".  1 with *s the antecedent, else 0. */
int hs_src_antecedent(hs_actx *x, uint32_t last, uint32_t lo, hs_src *s);
/* The noun phrase that starts at token `first`, not reaching `hi`. */
int hs_src_right(hs_actx *x, uint32_t first, uint32_t hi, hs_src *s);
/* The nearest subject (pronoun or name not after a preposition) before token i. */
int hs_src_subject_before(hs_actx *x, uint32_t i, uint32_t lo, hs_src *s);
/* Outlet named at token i ("People", "Us Weekly"): its length in tokens, or 0. */
uint32_t hs_src_outlet_at(hs_actx *x, uint32_t i, uint32_t hi);
/* After a cue ending before token i: an outlet it went to ("told Us Weekly",
 * "said in an interview with Variety").  Fills [*vb, *ve) and returns the token
 * after the phrase, or i when there is none. */
uint32_t hs_src_via_after(hs_actx *x, uint32_t i, uint32_t hi, uint32_t *vb, uint32_t *ve);
/* Fill an attribution's source fields from s (spans, kind, entity). */
void hs_src_apply(hs_actx *x, const hs_src *s, hs_attr *at);

/* content.c */
int hs_attrib_cues(hs_actx *x);
/* End (exclusive token) of a content that starts at token j of a sentence ending at se. */
uint32_t hs_attrib_content_end(hs_actx *x, uint32_t j, uint32_t se);
/* Add an attribution: cue [cb, ce), content [b, e), source s (or NULL), via [vb, ve);
 * nothing when the content is claimed or too short.  0, or HS_ENOMEM. */
int32_t hs_attrib_add(hs_actx *x, uint32_t cb, uint32_t ce, const hs_src *s, uint32_t b, uint32_t e, uint32_t vb,
                      uint32_t ve);

/* extent.c: quotation marks, content ends and the rest after a cue (i, j: token indexes) */
int hs_ax_close_quote(const hs_doc *d, uint32_t i);
int hs_ax_open_quote(const hs_doc *d, uint32_t i);
int hs_ax_ing(const hs_doc *d, uint32_t i);
int32_t hs_ax_quote_by_mark(const hs_doc *d, uint32_t i, int closing);
int hs_ax_sep(const hs_doc *d, uint32_t i);
int hs_ax_joins(const hs_doc *d, uint32_t i);
int hs_ax_quote_has_cue(hs_actx *x, uint32_t i, uint32_t se);
uint32_t hs_ax_quote_sent_end(const hs_doc *d, uint32_t i, uint32_t se);
void hs_ax_content_left(hs_actx *x, uint32_t sb, uint32_t end, uint32_t *cb, uint32_t *ce);
int hs_ax_short_rest(hs_actx *x, uint32_t j, uint32_t se);
int hs_ax_adjunct_rest(const hs_doc *d, uint32_t j, uint32_t se);
int hs_ax_tail_only(hs_actx *x, uint32_t j, uint32_t se);
uint32_t hs_ax_relative_end(hs_actx *x, uint32_t j, uint32_t se);
uint32_t hs_ax_short_object(hs_actx *x, uint32_t j, uint32_t se);

/* nominal.c: nominal cues before (after_verbs 0) or after (1) the verb frames */
int hs_attrib_nominals(hs_actx *x, int after_verbs);

/* quotes.c */
int hs_attrib_quotes(hs_actx *x);
/* "Pat Caddell: voters are worried", "DANA PIKE: …": speaker lines, the
 * headline's alone (headline 1, before the cue frames) or the others (0) */
int hs_attrib_colon_lines(hs_actx *x, int headline);
int hs_attrib_continuation(hs_actx *x);

/* hedges.c */
int hs_attrib_hedges(hs_actx *x);
void hs_attrib_hedged(hs_actx *x);

/* attrib.c helpers shared by the passes */
hs_attr *hs_attrib_new(hs_actx *x, uint8_t kind, uint32_t cue_b, uint32_t cue_e);
void hs_attrib_claim(hs_actx *x, hs_span sp);
hs_span hs_tok_span(const hs_doc *d, uint32_t b, uint32_t e); /* tokens [b, e) as bytes */

#endif
