/* Quotation marks paired into quotations.
 *
 * Marks come in families (double “ ” " „ ``/''; single ‘ ’ '; guillemets « »;
 * single guillemets ‹ ›).  Curly marks and guillemets have a direction; a
 * straight mark's direction comes from its neighbours (space before and none
 * after: opening; the reverse: closing) and else from what is open.  Pairing
 * uses a stack, so nested quotations pair inside out and two adjacent
 * quotations ("high","low") never merge.
 *
 * Apostrophes are not quotation marks: inside a word the tokenizer keeps them
 * (Tom’s, O’Brien, ’90s, rock ’n’ roll); a ’ or ' after a word with no single
 * quotation open is a possessive (the Smiths’ house) and becomes a clitic.
 *
 * A paragraph that ends with a quotation open continues it when the next
 * paragraph opens with a mark of the same family (the convention for a
 * quotation over several paragraphs); otherwise a double or angle quotation is
 * unterminated (closed at the paragraph's end, with a warning) and a single
 * one is dropped (a stray apostrophe).
 *
 * Kinds: a quotation is direct when it opens a sentence, or follows a colon, a
 * comma or a dash, or holds a sentence end; a nickname when it sits between
 * two capitalised words inside a name (Dwayne “The Rock” Johnson); a title
 * when it is in title case next to a noun for a work or a role ("the film
 * ‘Silent Harbour’", "the ‘Night Shift’ star") or after "in", "on", "titled"
 * ("starred in “Salt Marsh,”"); otherwise mixed (a quoted
 * fragment inside a sentence). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    int32_t open, close; /* token indices; close -1 while open */
    int family;
    uint8_t flags;
    uint32_t para_begin, para_end;
    int32_t open_cp;
} pair_t;

typedef struct {
    HS_ARRAY(pair_t) pairs;
    HS_ARRAY(int32_t) stack; /* indices into pairs */
} qstate;

static int32_t tok_cp(const hs_doc *d, size_t k)
{
    size_t adv;
    return hs_text_cp(d->text, d->len, d->toks.v[k].start, &adv);
}

/* Direction of a straight mark from its neighbours: +1, -1 or 0. */
static int straight_dir(const hs_doc *d, size_t k)
{
    const hs_tok *t = &d->toks.v[k];
    int space_before = k == 0 || (t->flags & (HS_TF_SPACE_BEFORE | HS_TF_PARA_START));
    int space_after = k + 1 >= d->toks.n || (t[1].flags & (HS_TF_SPACE_BEFORE | HS_TF_PARA_START));
    if (!space_before && k > 0) {
        const hs_tok *p = t - 1;
        if (p->kind == HS_TK_PUNCT) {
            int32_t cp = tok_cp(d, k - 1);
            if (cp == '(' || cp == '[' || cp == 0x2014 || cp == 0x2013)
                space_before = 1;
        }
    }
    if (!space_after && k + 1 < d->toks.n && t[1].kind == HS_TK_PUNCT) {
        int32_t cp = tok_cp(d, k + 1);
        if (cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == ')')
            space_after = 1;
    }
    if (space_before && !space_after)
        return +1;
    if (!space_before && space_after)
        return -1;
    return 0;
}

static int open_quote(qstate *q, int32_t k, int family, int32_t cp, uint32_t para)
{
    pair_t *p = HS_PUSH(&q->pairs);
    int32_t *s = HS_PUSH(&q->stack);
    if (!p || !s)
        return HS_ENOMEM;
    p->open = k;
    p->close = -1;
    p->family = family;
    p->para_begin = para;
    p->open_cp = cp;
    *s = (int32_t)(q->pairs.n - 1);
    return 0;
}

/* Index in the stack of the innermost open quotation of `family`, or -1. */
static long find_open(const qstate *q, int family)
{
    for (size_t i = q->stack.n; i-- > 0;)
        if (q->pairs.v[q->stack.v[i]].family == family)
            return (long)i;
    return -1;
}

/* Close the quotation at stack position si with token k; those above it are
 * left open inside it and are ended like at a paragraph's end. */
static void drop_above(hs_doc *d, qstate *q, size_t si, int32_t end_tok, uint32_t para);

static void end_open(hs_doc *d, pair_t *p, int32_t last_tok, uint32_t para)
{
    if (p->family == 2) {
        p->open = -1; /* a stray single mark: an apostrophe, not a quotation */
        return;
    }
    p->close = last_tok + 1; /* one past the last token: content runs to the end */
    p->flags |= HS_QF_UNTERMINATED;
    p->para_end = para + 1;
    hs_doc_warn(d, d->toks.v[p->open].start, "unterminated quotation");
}

static void drop_above(hs_doc *d, qstate *q, size_t si, int32_t end_tok, uint32_t para)
{
    while (q->stack.n > si + 1) {
        pair_t *p = &q->pairs.v[q->stack.v[--q->stack.n]];
        end_open(d, p, end_tok, para);
    }
}

/* Is the token a straight or curly single mark glued to the word before it? */
static int glued_apostrophe(const hs_doc *d, size_t k)
{
    const hs_tok *t = &d->toks.v[k];
    return k > 0 && !(t->flags & HS_TF_SPACE_BEFORE) &&
           (t[-1].kind == HS_TK_WORD || t[-1].kind == HS_TK_NUMBER);
}

/* A curly double mark typed the wrong way round: “ glued to the word or
 * punctuation before it and followed by space, with a quotation open, closes
 * (“…suffer.“); so does “ after a comma and before a lower-case word
 * ("It’s fine, “she said); ” with space before and none after, with nothing
 * open, opens (”Hello”). */
static int mistyped_dir(const hs_doc *d, size_t k, int dir, int open)
{
    int sd = straight_dir(d, k);
    if (dir > 0 && open) {
        if (sd < 0)
            return -1;
        if (k > 0 && k + 1 < d->toks.n && d->toks.v[k - 1].kind == HS_TK_PUNCT && d->toks.v[k + 1].kind == HS_TK_WORD &&
            !(d->toks.v[k + 1].flags & HS_TF_UPPER_INITIAL)) {
            int32_t pc = tok_cp(d, k - 1);
            if (pc == ',' || pc == '.' || pc == '!' || pc == '?')
                return -1;
        }
    }
    if (dir < 0 && !open && sd > 0)
        return +1;
    return dir;
}

/* Pair the marks of the whole document. */
static int pair_marks(hs_doc *d, qstate *q)
{
    uint32_t para = 0;
    for (size_t k = 0; k < d->toks.n; k++) {
        hs_tok *t = &d->toks.v[k];
        if ((t->flags & HS_TF_PARA_START) && k > 0) {
            /* end of paragraph `para`: continue or end what is open */
            int32_t dir0 = 0;
            int fam0 = 0;
            if (t->kind == HS_TK_QUOTE) {
                int dd;
                fam0 = hs_quote_family(tok_cp(d, k), &dd);
                dir0 = dd ? dd : straight_dir(d, k);
            }
            int continued = 0;
            for (size_t i = q->stack.n; i-- > 0;) {
                pair_t *p = &q->pairs.v[q->stack.v[i]];
                if (!continued && fam0 && fam0 == p->family && p->family != 2 && dir0 >= 0 &&
                    i + 1 == q->stack.n) {
                    p->flags |= HS_QF_MULTI_PARA;
                    continued = 1;
                    continue;
                }
                if (continued)
                    continue;
                end_open(d, p, (int32_t)k - 1, para);
                q->stack.n = i;
            }
            para++;
            if (continued)
                continue; /* the reopening mark is not a new quotation */
        }
        if (t->kind != HS_TK_QUOTE)
            continue;
        int32_t cp = tok_cp(d, k);
        int dir, fam = hs_quote_family(cp, &dir);
        if (t->end - t->start == 2 && (cp == '`' || cp == '\''))
            fam = 1, dir = cp == '`' ? +1 : straight_dir(d, k); /* `` '' (NYT opens with '' too) */
        if (!fam)
            continue;
        if (dir == 0)
            dir = straight_dir(d, k);
        long si = find_open(q, fam);
        if (fam == 1 && dir > 0 && si >= 0 && q->pairs.v[q->stack.v[si]].open_cp == 0x201E && cp == 0x201C)
            dir = -1; /* „…“ */
        if (dir == 0)
            dir = si >= 0 ? -1 : +1;
        else if (fam == 1 && cp != 0x201E)
            dir = mistyped_dir(d, k, dir, si >= 0);
        if (dir > 0) {
            if (fam == 2 && glued_apostrophe(d, k))
                continue;
            int rc = open_quote(q, (int32_t)k, fam, cp, para);
            if (rc)
                return rc;
            continue;
        }
        if (si < 0)
            continue; /* a closing mark with nothing open: an apostrophe or a stray */
        drop_above(d, q, (size_t)si, (int32_t)k - 1, para);
        pair_t *p = &q->pairs.v[q->stack.v[si]];
        p->close = (int32_t)k;
        p->para_end = para + 1;
        q->stack.n = (size_t)si;
    }
    for (size_t i = q->stack.n; i-- > 0;)
        end_open(d, &q->pairs.v[q->stack.v[i]], (int32_t)d->toks.n - 1, para);
    q->stack.n = 0;
    return 0;
}

static int is_word_upper(const hs_tok *t)
{
    return t->kind == HS_TK_WORD && (t->flags & HS_TF_UPPER_INITIAL);
}

static int32_t cp_of(const hs_doc *d, const hs_tok *t)
{
    size_t adv;
    return hs_text_cp(d->text, d->len, t->start, &adv);
}

/* Title case: every word capitalised or a small function word, first word capitalised. */
static int title_case(const hs_doc *d, size_t b, size_t e)
{
    if (b >= e || e - b > 12 || !(d->toks.v[b].flags & (HS_TF_UPPER_INITIAL | HS_TF_HAS_DIGIT)))
        return 0;
    for (size_t k = b; k < e; k++) {
        const hs_tok *t = &d->toks.v[k];
        if (t->kind == HS_TK_WORD && !(t->flags & HS_TF_UPPER_INITIAL) &&
            !hs_title_small_word(d->text + t->start, t->end - t->start))
            return 0;
        if (t->kind == HS_TK_PUNCT && k + 1 < e) { /* a final comma or stop may sit inside: “Big Love,” */
            int32_t cp = cp_of(d, t);
            if (cp == '.' || cp == '!' || cp == '?' || cp == ',')
                return 0;
        }
    }
    return 1;
}

static int classify(const hs_doc *d, const pair_t *p)
{
    size_t o = (size_t)p->open, c = (size_t)p->close, b = o + 1, e = c;
    if (p->flags & (HS_QF_MULTI_PARA))
        return HS_QK_DIRECT;
    /* a sentence end inside: a full quotation */
    for (size_t k = b; k + 1 < e; k++)
        if (d->toks.v[k + 1].flags & HS_TF_SENT_START)
            return HS_QK_DIRECT;
    const hs_tok *before = o > 0 && !(d->toks.v[o].flags & HS_TF_PARA_START) ? &d->toks.v[o - 1] : NULL;
    const hs_tok *after = !(p->flags & HS_QF_UNTERMINATED) && c + 1 < d->toks.n &&
                                  !(d->toks.v[c + 1].flags & HS_TF_PARA_START)
                              ? &d->toks.v[c + 1]
                              : NULL;
    size_t words = 0;
    for (size_t k = b; k < e; k++)
        words += d->toks.v[k].kind == HS_TK_WORD || d->toks.v[k].kind == HS_TK_NUMBER;
    /* Dwayne “The Rock” Johnson */
    if (before && after && is_word_upper(before) && is_word_upper(after) && e - b <= 3 && title_case(d, b, e) &&
        !(d->toks.v[o].flags & HS_TF_SENT_START))
        return HS_QK_NICKNAME;
    /* the film “Silent Harbour”, the ‘Night Shift’ star */
    if (title_case(d, b, e)) {
        const hs_tok *w = before;
        if (w && w->kind == HS_TK_PUNCT && cp_of(d, w) == ',' && o >= 2)
            w = &d->toks.v[o - 2];
        if ((w && w->kind == HS_TK_WORD && (hs_work_noun(d->text + w->start, w->end - w->start) ||
                                            hs_title_lead(d->text + w->start, w->end - w->start))) ||
            (after && after->kind == HS_TK_WORD && hs_work_role_noun(d->text + after->start, after->end - after->start)))
            return HS_QK_TITLE;
    }
    int at_start = (d->toks.v[o].flags & HS_TF_SENT_START) != 0;
    if (before && !at_start) {
        int32_t cp = cp_of(d, before);
        if (before->kind == HS_TK_PUNCT && (cp == ':' || cp == ',' || cp == 0x2014 || cp == 0x2013 || cp == '-'))
            at_start = 1;
        if (before->kind == HS_TK_QUOTE && (before->flags & HS_TF_SENT_START))
            at_start = 1; /* nested at the start: “‘…’ */
    }
    if (at_start && words >= 1 && e > b) {
        /* “Yes,” he said: even one word is a full quotation when punctuated as one */
        const hs_tok *last = &d->toks.v[e - 1];
        int32_t lc = cp_of(d, last);
        if (words >= 2 || (last->kind == HS_TK_PUNCT && (lc == ',' || lc == '.' || lc == '!' || lc == '?')))
            return HS_QK_DIRECT;
    }
    return HS_QK_MIXED;
}

static int cmp_pair(const void *a, const void *b)
{
    const pair_t *x = a, *y = b;
    return (x->open > y->open) - (x->open < y->open);
}

int hs_text_quotes(hs_doc *d)
{
    qstate q = {{0}, {0}};
    d->quotes.n = 0;
    int rc = pair_marks(d, &q);
    if (rc)
        goto done;
    /* keep the real ones, in document order */
    size_t n = 0;
    for (size_t i = 0; i < q.pairs.n; i++)
        if (q.pairs.v[i].open >= 0 && q.pairs.v[i].close >= 0)
            q.pairs.v[n++] = q.pairs.v[i];
    q.pairs.n = n;
    if (n)
        qsort(q.pairs.v, n, sizeof *q.pairs.v, cmp_pair);
    /* unpaired single marks glued to a word are possessives: the Smiths’ */
    for (size_t k = 0; k < d->toks.n; k++)
        if (d->toks.v[k].kind == HS_TK_QUOTE) {
            int dir;
            if (hs_quote_family(tok_cp(d, k), &dir) == 2 && glued_apostrophe(d, k))
                d->toks.v[k].kind = HS_TK_CLITIC;
        }
    q.stack.n = 0;
    for (size_t i = 0; i < n; i++) {
        pair_t *p = &q.pairs.v[i];
        hs_quote *qu = HS_PUSH(&d->quotes);
        if (!qu) {
            rc = HS_ENOMEM;
            goto done;
        }
        const hs_tok *o = &d->toks.v[p->open];
        int unterminated = (p->flags & HS_QF_UNTERMINATED) != 0;
        uint32_t end = unterminated ? d->toks.v[p->close - 1].end : d->toks.v[p->close].start;
        qu->content.start = o->end;
        qu->content.end = end < o->end ? o->end : end;
        while (qu->content.end > qu->content.start && strchr(" \t\r\n", d->text[qu->content.end - 1]))
            qu->content.end--; /* a mistyped closing mark may follow a space */
        while (qu->content.start < qu->content.end && strchr(" \t\r\n", d->text[qu->content.start]))
            qu->content.start++;
        qu->outer.start = o->start;
        qu->outer.end = unterminated ? end : d->toks.v[p->close].end;
        qu->open_tok = p->open;
        qu->close_tok = unterminated ? -1 : p->close;
        qu->para_begin = p->para_begin;
        qu->para_end = p->para_end;
        qu->flags = p->flags;
        qu->attribution = -1;
        d->toks.v[p->open].kind = HS_TK_QUOTE;
        d->toks.v[p->open].flags |= HS_TF_QUOTE_OPEN;
        if (!unterminated) {
            d->toks.v[p->close].kind = HS_TK_QUOTE;
            d->toks.v[p->close].flags |= HS_TF_QUOTE_CLOSE;
        }
        /* nesting: pop the quotations that ended before this one opens */
        while (q.stack.n && d->quotes.v[q.stack.v[q.stack.n - 1]].outer.end <= qu->outer.start)
            q.stack.n--;
        qu->parent = q.stack.n ? q.stack.v[q.stack.n - 1] : -1;
        if (qu->parent >= 0)
            qu->flags |= HS_QF_NESTED;
        int32_t *s = HS_PUSH(&q.stack);
        if (!s) {
            rc = HS_ENOMEM;
            goto done;
        }
        *s = (int32_t)(d->quotes.n - 1);
    }
    /* kinds, token membership (innermost wins: quotations are in document order,
     * inner ones after outer ones) and sentence flags */
    for (size_t i = 0; i < d->quotes.n; i++) {
        hs_quote *qu = &d->quotes.v[i];
        qu->kind = (uint8_t)classify(d, &q.pairs.v[i]);
        for (size_t k = (size_t)q.pairs.v[i].open + 1; k < (size_t)q.pairs.v[i].close && k < d->toks.n; k++) {
            d->toks.v[k].quote = (int32_t)i;
            d->sents.v[d->toks.v[k].sent].flags |= HS_SF_HAS_QUOTE;
        }
    }
done:
    HS_ARRAY_FREE(&q.pairs);
    HS_ARRAY_FREE(&q.stack);
    return rc;
}
