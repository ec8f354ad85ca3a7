/* Nominal cues: "Roe's claim that …", "his pledge to …", "amid speculation
 * that …".  Two passes around the verb frames of content.c: before them, a
 * nominal cue after a possessor that opens its clause; after them, a nominal
 * cue anywhere before a that-clause nobody else attributed. */
#include <string.h>

#include "attrib/attrib.h"

/* The possessor right before the nominal cue at token i: a possessive
 * pronoun (only when it opens the clause, if `open`) or "X's".  Fills *s
 * (empty when there is none). */
static int possessor(hs_actx *x, uint32_t sb, uint32_t i, int open, hs_src *s)
{
    static const char *const poss[] = {"his", "her", "their", "its", "our", "my", "your", NULL};
    const hs_doc *d = x->d;
    memset(s, 0, sizeof *s);
    for (size_t k = 0; poss[k] && i > sb && (!open || i - 1 == sb); k++)
        if (hs_aw_eq(d, i - 1, poss[k])) {
            s->b = i - 1;
            s->e = i;
            s->kind = k < 2 ? HS_SK_PERSON : HS_SK_UNKNOWN;
            return 1;
        }
    if (i >= sb + 2 && (hs_aw_eq(d, i - 1, "'s") || hs_aw_eq(d, i - 1, "’s")) && hs_src_left(x, i - 2, sb, s))
        return 1;
    memset(s, 0, sizeof *s);
    return 0;
}

/* "Roe's claim that …", "his pledge to …", "their fear that …": a nominal
 * cue after a possessor (its source) and before a that-clause or an
 * infinitive (its content). */
static int nominal_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t i, uint32_t n)
{
    const hs_doc *d = x->d;
    uint32_t j = i + n;
    if (i <= sb || j + 1 >= se || !(hs_aw_eq(d, j, "that") || hs_aw_eq(d, j, "to")))
        return 0;
    if (x->tagged && hs_aw_eq(d, j, "that") &&
        (d->toks.v[j + 1].upos == HS_UPOS_VERB || d->toks.v[j + 1].upos == HS_UPOS_AUX))
        return 0; /* "the claim that was made": a relative clause */
    if (x->tagged && hs_aw_eq(d, j, "to") && d->toks.v[j + 1].upos != HS_UPOS_VERB &&
        d->toks.v[j + 1].upos != HS_UPOS_AUX)
        return 0; /* "his pledge to the party" */
    hs_src s;
    /* a pronoun possessor opens the sentence ("His claim that …"); after a
     * verb ("Roe repeated her claim that …") the verb's subject speaks */
    if (!possessor(x, sb, i, 1, &s) || (s.b > sb && !hs_aw_is_punct(d, s.b - 1) && !hs_aw_eq(d, s.b - 1, "and") &&
                                        !hs_aw_eq(d, s.b - 1, "but")))
        return 0; /* only a phrase that opens its clause: not "Roe rejected Patel's claim that …" */
    uint32_t e = hs_attrib_content_end(x, j, se);
    return e > j + 1 ? hs_attrib_add(x, i, j, &s, j, e, 0, 0) : 0;
}

/* After the verb frames: a nominal cue anywhere before a that-clause still
 * unattributed ("amid speculation that …", "rejected Patel's claim that …"):
 * the clause is the content, a possessor right before the noun its source. */
static int nominal_that_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t i, uint32_t n)
{
    const hs_doc *d = x->d;
    uint32_t j = i + n;
    if (j + 2 >= se || !hs_aw_eq(d, j, "that") || (x->used[j] & ATOK_CLAIMED) ||
        (x->tagged && (d->toks.v[j + 1].upos == HS_UPOS_VERB || d->toks.v[j + 1].upos == HS_UPOS_AUX ||
                       d->toks.v[j + 1].upos == HS_UPOS_ADV)))
        return 0; /* "the claim that was made": a relative clause */
    hs_src s;
    possessor(x, sb, i, 0, &s);
    uint32_t e = hs_attrib_content_end(x, j, se);
    return e > j + 2 ? hs_attrib_add(x, i, j, s.e > s.b ? &s : NULL, j, e, 0, 0) : 0;
}

int hs_attrib_nominals(hs_actx *x, int after_verbs)
{
    hs_doc *d = x->d;
    for (size_t si = 0; si < d->sents.n; si++) {
        uint32_t sb = d->sents.v[si].tok_begin, se = d->sents.v[si].tok_end;
        for (uint32_t i = sb; i < se; i++) {
            hs_tb_entry en;
            uint32_t n;
            if (d->toks.v[i].quote >= 0 || !hs_aw_is_word(d, i))
                continue;
            /* before the verbs, cheap test first: a possessive before the word ("'s", or a
             * pronoun opening the clause) */
            if (!after_verbs && (i == sb || (x->used[i] & ATOK_CLAIMED) ||
                                 !(d->toks.v[i - 1].kind == HS_TK_CLITIC || i - 1 == sb)))
                continue;
            if (after_verbs && (x->used[i] & (ATOK_CLAIMED | ATOK_CUE_USED)))
                continue;
            if (!(n = hs_tables_match(x->t, x->first, d, i, se, HS_TB_CUE_NOUN, &en)))
                continue;
            int rc = after_verbs ? nominal_that_frame(x, sb, se, i, n) : nominal_frame(x, sb, se, i, n);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}
