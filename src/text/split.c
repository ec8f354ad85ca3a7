/* Sentences and paragraphs.
 *
 * A paragraph starts at a token flagged HS_TF_PARA_START (a blank line, or any
 * line break in a text without blank lines).  A sentence ends:
 *   - at the end of a paragraph;
 *   - after . ! ? … (or a run of them), with the closing quotation marks and
 *     brackets that follow, when the next token opens a sentence: a capital
 *     letter, a digit, an opening quotation mark or bracket;
 *   - after an abbreviation that may end a sentence ("U.S.", "Inc.") when the
 *     next word is a typical sentence opener ("The", "He", "But");
 *   - at a line break inside a paragraph when the next line starts with a
 *     capital, a digit or a quotation mark (headlines, datelines, lists);
 *   - after HS_MAX_SENT_TOKENS tokens, so that no later stage sees an unbounded
 *     sentence.
 * Not a sentence end: a title before a name (Mr. Dr. Sen.), an initial (J.),
 * "E!" in a name, a full stop followed by a lower-case word.
 * A paragraph of one sentence without final punctuation is a headline. */
#include "text.h"

#define HS_MAX_SENT_TOKENS 1000

static int tok_is(const hs_doc *d, const hs_tok *t, char c)
{
    return t->end - t->start == 1 && d->text[t->start] == c;
}

static int32_t first_cp(const hs_doc *d, const hs_tok *t)
{
    size_t adv;
    return hs_text_cp(d->text, d->len, t->start, &adv);
}

/* . ! ? … and their runs */
static int is_terminal(const hs_doc *d, const hs_tok *t, const hs_tok *prev)
{
    if (t->kind != HS_TK_PUNCT)
        return 0;
    int32_t cp = first_cp(d, t);
    if (cp == '!' && prev && !(t->flags & HS_TF_SPACE_BEFORE) && prev->end - prev->start == 1 &&
        (prev->flags & HS_TF_UPPER_INITIAL))
        return 0; /* E! News */
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* A quotation mark that closes: ” ’ » ›, or a straight mark glued to the word before. */
static int is_closer(const hs_doc *d, const hs_tok *t)
{
    if (t->kind == HS_TK_PUNCT)
        return tok_is(d, t, ')') || tok_is(d, t, ']');
    if (t->kind != HS_TK_QUOTE)
        return 0;
    int dir;
    int32_t cp = first_cp(d, t);
    if (!hs_quote_family(cp, &dir) && cp != '\'')
        return 0;
    if (dir < 0)
        return 1;
    if (dir == 0 && !(t->flags & HS_TF_SPACE_BEFORE))
        return 1;
    return 0;
}

/* Does token t open a sentence? */
static int opens_sentence(const hs_doc *d, const hs_tok *t)
{
    if (t->flags & (HS_TF_UPPER_INITIAL | HS_TF_HAS_DIGIT))
        return 1;
    if (t->kind == HS_TK_QUOTE || t->kind == HS_TK_MONEY)
        return 1;
    if (t->kind == HS_TK_PUNCT) {
        int32_t cp = first_cp(d, t);
        return cp == '(' || cp == '[' || cp == 0x2014 || cp == 0x2013 || cp == 0x2022;
    }
    return 0;
}

/* Where does the sentence that contains token k end (exclusive), if it ends
 * right after k or after the closers that follow it?  0 when it goes on. */
static size_t end_after(const hs_doc *d, size_t k, size_t para_end)
{
    const hs_tok *t = &d->toks.v[k];
    const hs_tok *prev = k ? t - 1 : NULL;
    size_t n = k + 1;
    if (t->flags & HS_TF_ABBREV) {
        int cls = hs_abbrev_class(d->text + t->start, t->end - t->start - 1);
        if (cls == HS_AB_TITLE || t->end - t->start == 2 || n >= para_end)
            return 0;
        const hs_tok *nt = &d->toks.v[n];
        if ((nt->flags & HS_TF_UPPER_INITIAL) && hs_sentence_opener(d->text + nt->start, nt->end - nt->start))
            return n;
        return 0;
    }
    if (!is_terminal(d, t, prev))
        return 0;
    while (n < para_end && is_closer(d, &d->toks.v[n]))
        n++;
    if (n >= para_end)
        return 0; /* the paragraph end closes it */
    return opens_sentence(d, &d->toks.v[n]) ? n : 0;
}

static int push_sent(hs_doc *d, size_t b, size_t e, size_t para)
{
    hs_sent *s = HS_PUSH(&d->sents);
    if (!s)
        return HS_ENOMEM;
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->start = d->toks.v[b].start;
    s->end = d->toks.v[e - 1].end;
    s->para = (uint32_t)para;
    size_t sid = d->sents.n - 1;
    for (size_t k = b; k < e; k++)
        d->toks.v[k].sent = (uint32_t)sid;
    d->toks.v[b].flags |= HS_TF_SENT_START;
    return 0;
}

int hs_text_split(hs_doc *d)
{
    d->sents.n = 0;
    d->paras.n = 0;
    size_t n = d->toks.n, pb = 0;
    while (pb < n) {
        size_t pe = pb + 1;
        while (pe < n && !(d->toks.v[pe].flags & HS_TF_PARA_START))
            pe++;
        d->toks.v[pb].flags |= HS_TF_PARA_START;
        hs_para *p = HS_PUSH(&d->paras);
        if (!p)
            return HS_ENOMEM;
        size_t pid = d->paras.n - 1;
        p->start = d->toks.v[pb].start;
        p->end = d->toks.v[pe - 1].end;
        p->sent_begin = (uint32_t)d->sents.n;
        size_t sb = pb;
        for (size_t k = pb; k < pe; k++) {
            size_t e = end_after(d, k, pe);
            if (!e && k + 1 < pe) {
                const hs_tok *nt = &d->toks.v[k + 1];
                if ((nt->flags & HS_TF_NEWLINE_BEFORE) && opens_sentence(d, nt) &&
                    !tok_is(d, &d->toks.v[k], ','))
                    e = k + 1;
                else if (k + 1 - sb >= HS_MAX_SENT_TOKENS)
                    e = k + 1;
            }
            if (e) {
                int rc = push_sent(d, sb, e, pid);
                if (rc)
                    return rc;
                sb = e;
                k = e - 1;
            }
        }
        if (sb < pe) {
            int rc = push_sent(d, sb, pe, pid);
            if (rc)
                return rc;
        }
        p = &d->paras.v[pid];
        p->sent_end = (uint32_t)d->sents.n;
        if (p->sent_end - p->sent_begin == 1) {
            const hs_tok *last = &d->toks.v[pe - 1];
            const hs_tok *before = pe - 1 > pb ? last - 1 : NULL;
            while (last > d->toks.v + pb && is_closer(d, last) && !is_terminal(d, last, before))
                last--, before = last > d->toks.v + pb ? last - 1 : NULL;
            if (!is_terminal(d, last, before) && last->kind != HS_TK_QUOTE)
                d->sents.v[p->sent_begin].flags |= HS_SF_HEADLINE;
        }
        pb = pe;
    }
    return 0;
}
