/* Extents: where a content starts and ends around a cue, and the tests of
 * what lies between (a quotation's marks, a clause that opens, a rest that is
 * only an adjunct).  Content spans follow PolNeAR: a paraphrase starts at
 * "that" when there is one and runs to the end of the clause without the final
 * full stop; a quotation includes its marks.  The cue frames that use them
 * are in content.c. */
#include <string.h>

#include "attrib/attrib.h"

int hs_ax_close_quote(const hs_doc *d, uint32_t i)
{
    return i < d->toks.n && (d->toks.v[i].flags & HS_TF_QUOTE_CLOSE);
}

int hs_ax_open_quote(const hs_doc *d, uint32_t i)
{
    return i < d->toks.n && (d->toks.v[i].flags & HS_TF_QUOTE_OPEN);
}

int hs_ax_ing(const hs_doc *d, uint32_t i)
{
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    return n > 4 && memcmp(HS_TOK_PTR(d, t) + n - 3, "ing", 3) == 0;
}

/* The quotation whose closing (or opening) mark is token i, or -1. */
int32_t hs_ax_quote_by_mark(const hs_doc *d, uint32_t i, int closing)
{
    for (size_t k = 0; k < d->quotes.n; k++) {
        const hs_quote *q = &d->quotes.v[k];
        if ((closing ? q->close_tok : q->open_tok) == (int32_t)i)
            return (int32_t)k;
    }
    return -1;
}

/* A comma, a closing quotation mark or a dash: what ends a fronted content. */
int hs_ax_sep(const hs_doc *d, uint32_t i)
{
    return hs_aw_eq(d, i, ",") || hs_ax_close_quote(d, i) || hs_aw_is_dash(d, i) ||
           (i < d->toks.n && d->toks.v[i].kind == HS_TK_QUOTE && i > 0 && hs_aw_eq(d, i - 1, ","));
}

/* Words after a comma that start a new clause outside the content
 * (", but Cook did not say when", ", while 48 percent disagreed") and a
 * participle of effect (", sending fans into a frenzy"); not another
 * participle (", allowing people to …"; a cue participle, ", adding that …",
 * ends the content as a cue), nor a relative clause (", who …", ", which …"),
 * which PolNeAR keeps in the content. */
int hs_ax_joins(const hs_doc *d, uint32_t i)
{
    static const char *const w[] = {"while", "however", "although", "though", "whereas", "and", "but",
                                    /* participles of effect: the writer's comment ("…, sending fans into a frenzy") */
                                    "sending", "leaving", "prompting", "sparking", "causing", "fueling", "fuelling",
                                    "triggering", "drawing", "raising", "setting", "making", NULL};
    for (size_t k = 0; w[k]; k++)
        if (hs_aw_eq(d, i, w[k]))
            return !hs_aw_eq(d, i, "and") || hs_aw_pronoun(d, i + 1, NULL);
    return 0;
}

/* Does a new "SOURCE CUE" clause start at i (", the candidate said …")? */
static int cue_clause(hs_actx *x, uint32_t i, uint32_t se)
{
    const hs_doc *d = x->d;
    for (uint32_t k = i; k < se && k < i + 11; k++) {
        if (x->cue_len[k] && x->cue_cls[k] == HS_TB_CUE_VERB && d->toks.v[k].quote < 0)
            return k > i;
        if (hs_aw_is_punct(d, k) || d->toks.v[k].quote >= 0 || hs_aw_eq(d, k, "that"))
            return 0;
    }
    return 0;
}

/* Is there a verb cue at i, after at most three auxiliaries, negations or
 * adverbs ("did not suggest", "also told")? */
static int cue_after_skip(hs_actx *x, uint32_t i, uint32_t se)
{
    for (uint32_t k = i; k < se && k < i + 4; k++) {
        if (x->cue_len[k] && x->cue_cls[k] == HS_TB_CUE_VERB)
            return 1;
        if (!hs_aw_is_skip(x->d, k) && !hs_aw_eq(x->d, k, "not") && !hs_aw_eq(x->d, k, "n't") &&
            !hs_aw_eq(x->d, k, "n’t"))
            return 0;
    }
    return 0;
}

/* Does a quotation open at token i and have a cue of its own after it
 * ("“…,” he claimed", "“…,” said Roe")? */
int hs_ax_quote_has_cue(hs_actx *x, uint32_t i, uint32_t se)
{
    int32_t q = hs_ax_open_quote(x->d, i) ? hs_ax_quote_by_mark(x->d, i, 0) : -1;
    if (q < 0 || x->d->quotes.v[q].close_tok <= (int32_t)i)
        return 0;
    uint32_t c = (uint32_t)x->d->quotes.v[q].close_tok + 1;
    return c < se && ((x->cue_len[c] && x->cue_cls[c] == HS_TB_CUE_VERB) || cue_clause(x, c, se));
}

/* The end of the sentence where the quotation opening at i closes (a
 * quotation may hold several sentences), or se. */
uint32_t hs_ax_quote_sent_end(const hs_doc *d, uint32_t i, uint32_t se)
{
    int32_t q = hs_ax_quote_by_mark(d, i, 0);
    if (q < 0 || d->quotes.v[q].close_tok < 0)
        return se;
    uint32_t e = hs_aw_sent_end(d, (uint32_t)d->quotes.v[q].close_tok);
    return e > se ? e : se;
}

/* End (exclusive token) of a content that starts at j inside a sentence that
 * ends at se: it stops before ", <cue>" and before the final stop, and runs on
 * to the end of a quotation that opens inside it. */
uint32_t hs_attrib_content_end(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    uint32_t e = j;
    while (e < se) {
        if (e > j && hs_aw_eq(d, e, ",") && e + 1 < se && (x->cue_len[e + 1] || hs_ax_joins(d, e + 1)))
            break;
        if (e > j && (hs_aw_eq(d, e, ",") || (hs_aw_is_dash(d, e) && d->toks.v[e].quote < 0)) && cue_clause(x, e + 1, se))
            break; /* ", the candidate said …", "— the actress also pointed out that …" */
        if (e > j + 1 && (hs_aw_eq(d, e, "and") || hs_aw_eq(d, e, "but")) && e + 1 < se && d->toks.v[e].quote < 0 &&
            cue_after_skip(x, e + 1, se))
            break; /* "… be fired and defended Trump", "… had touched Fields but implied …",
                      "… and later told …" (not "… is acting unlawfully and showing …") */
        if (e > j && hs_aw_eq(d, e, ";"))
            break;
        if (e > j + 2 && hs_aw_eq(d, e, ":") && d->toks.v[e].quote < 0 && hs_ax_quote_has_cue(x, e + 1, se))
            break; /* "… that France had lost its identity: “…,” he claimed" */
        if (hs_ax_open_quote(d, e)) {
            int32_t q = hs_ax_quote_by_mark(d, e, 0);
            if (q >= 0 && d->quotes.v[q].close_tok > (int32_t)e) {
                e = (uint32_t)d->quotes.v[q].close_tok + 1;
                /* “… the critics claim,” adding that …: the comma inside the marks */
                if (e < se && hs_aw_eq(d, e - 2, ",") && (x->cue_len[e] || hs_ax_joins(d, e) || cue_clause(x, e, se)))
                    break;
                continue;
            }
        }
        e++;
    }
    while (e > j && (hs_aw_is_final(d, e - 1) || hs_aw_eq(d, e - 1, ",") || hs_aw_eq(d, e - 1, ";") ||
                     hs_aw_eq(d, e - 1, ":")) && !(d->toks.v[e - 1].quote >= 0))
        e--;
    return e;
}

/* Start of a content that ends before token `end` (the separator before the
 * source or cue): the quotation that closes there, or the clause from the
 * start of the sentence (after anything already attributed). */
/* Does the clause before a quotation that opens at o lead into it ("Pike and
 * Wren were “…,” and “…,” a source said": a report with quoted fragments)?
 * Its words are unclaimed, it opens the sentence and has no punctuation
 * other than a closed quotation and its comma before the mark. */
static int mixed_before(hs_actx *x, uint32_t sb, uint32_t o)
{
    const hs_doc *d = x->d;
    uint32_t words = 0;
    for (uint32_t i = sb; i < o; i++) {
        if (x->used[i] & ATOK_CLAIMED)
            return 0;
        if (d->toks.v[i].quote >= 0 || d->toks.v[i].kind == HS_TK_QUOTE)
            continue;
        if (hs_aw_is_punct(d, i) && !(hs_aw_eq(d, i, ",") && i > sb && hs_ax_close_quote(d, i - 1)) &&
            !(hs_aw_eq(d, i, ",") && i + 1 < o && hs_aw_eq(d, i + 1, "and")))
            return 0;
        words += hs_aw_is_word(d, i);
    }
    return words >= 2;
}

void hs_ax_content_left(hs_actx *x, uint32_t sb, uint32_t end, uint32_t *cb, uint32_t *ce)
{
    const hs_doc *d = x->d;
    uint32_t e = end;
    if (e > sb && hs_aw_eq(d, e - 1, ","))
        e--;
    if (e > sb && hs_ax_close_quote(d, e - 1)) {
        int32_t q = hs_ax_quote_by_mark(d, e - 1, 1);
        if (q >= 0 && d->quotes.v[q].open_tok >= 0 &&
            !((d->quotes.v[q].kind == HS_QK_DIRECT || d->quotes.v[q].kind == HS_QK_MIXED) &&
              mixed_before(x, sb, (uint32_t)d->quotes.v[q].open_tok))) {
            *cb = (uint32_t)d->quotes.v[q].open_tok;
            *ce = e;
            return;
        }
    }
    uint32_t b = hs_aw_after_dateline(d, sb, e); /* "LOS ANGELES (Wire) — …, X said." */
    for (uint32_t i = sb; i < e; i++)
        if (x->used[i] & ATOK_CLAIMED)
            b = i + 1;
    while (b < e && (hs_aw_eq(d, b, ",") || hs_aw_eq(d, b, "and") || hs_aw_eq(d, b, "but")))
        b++;
    while (e > b && hs_aw_eq(d, e - 1, ","))
        e--;
    *cb = b;
    *ce = e;
}

/* Is the rest of the sentence after token j only an adjunct ("in a statement",
 * "on Tuesday", "to reporters")?  Then the content is before the cue. */
int hs_ax_short_rest(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    uint32_t words = 0;
    /* an object after the cue ("dismissing Cruise's charm") is its content */
    while (j < se && hs_aw_is_skip(d, j)) /* "wondered incredulously" */
        j++;
    if (j + 1 < se && hs_aw_eq(d, j, ",") && !x->cue_len[j + 1] && !hs_ax_open_quote(d, j + 1))
        return 1; /* parenthetical: "The plan, critics argue, would …" */
    if (j < se && hs_aw_is_word(d, j) && !hs_aw_is_prep(d, j) && !hs_aw_is_boundary(d, j))
        return 0;
    for (uint32_t i = j; i < se; i++) {
        if (hs_aw_eq(d, i, "that") || hs_ax_open_quote(d, i) || hs_aw_eq(d, i, ":"))
            return 0;
        if (hs_aw_eq(d, i, ",") && i + 1 < se && x->cue_len[i + 1])
            return 1; /* ", adding …": another cue takes the rest */
        if (hs_aw_is_word(d, i) && ++words > 3) /* tuned on PolNeAR dev: 3 of 2..8 */
            return 0;
    }
    return 1;
}

/* Does the rest after the cue open with a preposition that holds no content
 * ("…, officials said at a news conference in Millport on Tuesday")? */
int hs_ax_adjunct_rest(const hs_doc *d, uint32_t j, uint32_t se)
{
    if (j >= se || !hs_aw_is_prep(d, j) || hs_aw_eq(d, j, "to") || hs_aw_eq(d, j, "about") ||
        hs_aw_eq(d, j, "that") || hs_aw_eq(d, j, "of") || hs_aw_eq(d, j, "for"))
        return 0;
    for (uint32_t i = j; i < se; i++)
        if (hs_aw_eq(d, i, "that") || hs_ax_open_quote(d, i) || hs_aw_eq(d, i, ":") || hs_aw_eq(d, i, ","))
            return 0;
    return 1;
}

/* Is the rest of the sentence from j only a short adjunct ("last year", "on
 * Tuesday", "during her speech", nothing): at most three words without
 * punctuation, or an adjunct that opens with a preposition? */
int hs_ax_tail_only(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    uint32_t e = se, words = 0;
    while (e > j && hs_aw_is_final(d, e - 1))
        e--;
    for (uint32_t i = j; i < e; i++) {
        if (!hs_aw_is_word(d, i) || x->cue_len[i])
            return hs_ax_adjunct_rest(d, j, e);
        words++;
    }
    return words <= 3 || hs_ax_adjunct_rest(d, j, e);
}

/* The comma that closes a relative clause whose cue ends before j: the
 * first comma outside quotations followed by a verb or an auxiliary (after an
 * adverb); 0 when there is none or no tags. */
uint32_t hs_ax_relative_end(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    if (!x->tagged)
        return 0;
    for (uint32_t k = j; k + 1 < se; k++) {
        if (!hs_aw_eq(d, k, ",") || d->toks.v[k].quote >= 0 ||
            (k >= j + 2 && d->toks.v[k - 1].kind == HS_TK_NUMBER && hs_aw_eq(d, k - 2, ",")))
            continue; /* (not the comma after an age: "Pitt, 53, are …") */
        uint32_t v = k + 1;
        if (d->toks.v[v].upos == HS_UPOS_ADV && v + 1 < se)
            v++;
        if ((d->toks.v[v].upos == HS_UPOS_VERB || d->toks.v[v].upos == HS_UPOS_AUX) && !x->cue_len[v] &&
            !hs_aw_eq(d, v, "including"))
            return k;
    }
    return 0;
}

/* After a cue ending before j: a short object ("the crowd", "reporters") up
 * to a preposition, punctuation or the sentence's end: the token after it, or j. */
uint32_t hs_ax_short_object(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    uint32_t k = j;
    while (k < se && k < j + 3 && hs_aw_is_word(d, k) && !hs_aw_is_prep(d, k) && !x->cue_len[k] &&
           !hs_aw_eq(d, k, "that") && d->toks.v[k].quote < 0)
        k++;
    return k > j && (k == se || hs_aw_is_prep(d, k) || hs_aw_is_punct(d, k) || hs_aw_is_final(d, k)) ? k : j;
}
