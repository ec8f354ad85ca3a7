/* Quotations the cue frames did not attribute:
 *   a speaker after a dash          “…” — Commissioner Jane Roe
 *   a speaker before a colon        And from Chairwoman Jane Roe: “…”
 *   a cue sentence ending in colon  Roe continued:  ¶ “…”
 *   continuation                    a quotation paragraph (or a second quotation in
 *                                   the paragraph) with no cue of its own keeps the
 *                                   source of the attribution before it
 * and the kind (direct, mixed) of every attribution that holds a quotation. */
#include <string.h>

#include "attrib/attrib.h"

static uint32_t para_of(const hs_doc *d, uint32_t tok) { return d->sents.v[d->toks.v[tok].sent].para; }

static int claimed(const hs_actx *x, const hs_quote *q)
{
    return q->open_tok >= 0 && (x->used[q->open_tok] & ATOK_CLAIMED);
}

static hs_attr *quote_attr(hs_actx *x, int32_t qi, uint32_t cb, uint32_t ce)
{
    hs_quote *q = &x->d->quotes.v[qi];
    hs_attr *at = hs_attrib_new(x, HS_AK_DIRECT, cb, ce);
    if (!at)
        return NULL;
    at->quote = qi;
    at->content = q->outer;
    hs_attrib_claim(x, q->outer);
    return at;
}

/* “…” — Commissioner Jane Roe */
static int dash_speaker(hs_actx *x, int32_t qi)
{
    const hs_doc *d = x->d;
    const hs_quote *q = &d->quotes.v[qi];
    if (q->close_tok < 0)
        return 0;
    uint32_t j = (uint32_t)q->close_tok + 1;
    if (j < d->toks.n && hs_aw_eq(d, j, ","))
        j++;
    if (j >= d->toks.n || !hs_aw_is_dash(d, j))
        return 0;
    uint32_t se = hs_aw_sent_end(d, j);
    if (se <= j + 1)
        se = d->sents.v[d->toks.v[j].sent + 1 < d->sents.n ? d->toks.v[j].sent + 1 : d->toks.v[j].sent].tok_end;
    hs_src s;
    if (!hs_src_right(x, j + 1, se, &s) || s.kind == HS_SK_UNKNOWN)
        return 0;
    hs_attr *at = quote_attr(x, qi, j, j + 1);
    if (!at)
        return HS_ENOMEM;
    hs_src_apply(x, &s, at);
    return 1;
}

/* Is the label [b, c) before a colon page furniture rather than a speaker:
 * a phrase of not_speakers.txt ("Photos", "Read more"), or a label that opens
 * or ends with one of its words of three letters or more ("RELATED VIDEO",
 * "MORE NEWS", "File photograph", "Image Source")? */
static int not_speaker(hs_actx *x, uint32_t b, uint32_t c)
{
    hs_tb_entry en;
    const hs_doc *d = x->d;
    if (hs_tables_match(x->t, x->first, d, b, c, HS_TB_NOT_SPEAKER, &en) == c - b)
        return 1;
    if (c - b < 2)
        return 0;
    return (HS_TOK_LEN(&d->toks.v[b]) >= 3 && hs_tables_match(x->t, x->first, d, b, b + 1, HS_TB_NOT_SPEAKER, &en)) ||
           (HS_TOK_LEN(&d->toks.v[c - 1]) >= 3 &&
            hs_tables_match(x->t, x->first, d, c - 1, c, HS_TB_NOT_SPEAKER, &en));
}

/* Is the label [b, c) written as a name: each word capitalised (not "Good
 * times", "Flawless female"), and one word only when a tagger calls it a
 * person or organisation (not "Showstopper", "Angry": a photo caption's
 * label)?  Without the taggers, any capitalised word. */
static int name_label(hs_actx *x, uint32_t b, uint32_t c)
{
    const hs_doc *d = x->d;
    for (uint32_t i = b; i < c; i++)
        if (d->toks.v[i].kind == HS_TK_WORD && !hs_aw_is_cap(d, i) && !hs_aw_is_particle(d, i))
            return 0;
    if (c - b > 1 || !x->tagged)
        return 1;
    uint8_t l = d->toks.v[b].ner;
    return l && l < HS_NER_LABELS && (HS_NER_TYPE(l) == HS_ET_PERSON || HS_NER_TYPE(l) == HS_ET_ORG);
}

/* Do the tokens [j, c) between the cue at cb and the colon before a
 * quotation only say where or to whom ("told Glimmer Weekly in 2016", "wrote
 * on Instagram", "told reporters in Ohio"): an outlet or a tell verb's short
 * object, then nothing or a prepositional adjunct; at most six words, no
 * "that", no quotation, no cue? */
static int short_lead(hs_actx *x, uint32_t cb, uint32_t j, uint32_t c)
{
    const hs_doc *d = x->d;
    uint32_t words = 0, vb, ve, k = hs_src_via_after(x, j, c, &vb, &ve);
    if (k == j && (x->cue_obj[cb] & CUE_OBJ)) /* "told reporters in Ohio:" */
        while (k < c && k < j + 3 && hs_aw_is_word(d, k) && !hs_aw_is_prep(d, k))
            k++;
    if (k < c && (!hs_aw_is_prep(d, k) || hs_aw_eq(d, k, "of") || hs_aw_eq(d, k, "to") || hs_aw_eq(d, k, "that")))
        return 0; /* only where or when: not "find the best line of the album:" */
    for (uint32_t i = j; i < c; i++) {
        if (hs_aw_eq(d, i, "that") || d->toks.v[i].quote >= 0 || x->cue_len[i] || hs_aw_is_punct(d, i))
            return 0;
        words += hs_aw_is_word(d, i);
    }
    return words <= 6;
}

/* "Pike demurred: “…”", "she mused:": a finite verb (by its PTB tag, VBD or
 * VBZ) right before the colon, perhaps after one adverb, whose subject is
 * right before it: its token in *v. */
static int verb_lead(hs_actx *x, uint32_t sb, uint32_t c, uint32_t *v)
{
    const hs_doc *d = x->d;
    uint32_t k = c - 1;
    if (!x->tagged || !d->xpos_names || k <= sb)
        return 0;
    if (d->toks.v[k].upos == HS_UPOS_ADV && k - 1 > sb)
        k--;
    const char *xp = d->xpos_names[d->toks.v[k].xpos];
    if (d->toks.v[k].upos != HS_UPOS_VERB || !xp || (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBZ") != 0) ||
        d->toks.v[k].quote >= 0)
        return 0;
    *v = k;
    return 1;
}

/* "Adds the source:": a cue opening the sentence and a source after it up to the colon. */
static int inverted_lead(hs_actx *x, uint32_t sb, uint32_t cb, uint32_t c)
{
    hs_src s;
    return cb == sb && hs_src_right(x, cb + x->cue_len[cb], c, &s) && s.e == c;
}

/* Roe: “…”   And from Chairwoman Jane Roe: “…”   Roe continued: ¶ “…” */
static int colon_speaker(hs_actx *x, int32_t qi)
{
    const hs_doc *d = x->d;
    const hs_quote *q = &d->quotes.v[qi];
    if (q->open_tok < 1)
        return 0;
    uint32_t c = (uint32_t)q->open_tok - 1;
    uint32_t sb = c ? hs_aw_sent_begin(d, c) : 0, v0;
    /* "She continues, “…”": after a comma only a subject and its verb */
    int comma = c > 0 && hs_aw_eq(d, c, ",") && verb_lead(x, sb, c, &v0) && v0 == c - 1;
    if ((!hs_aw_eq(d, c, ":") && !comma) || c == 0)
        return 0;
    uint32_t k = c; /* the token before the colon ends the speaker or a cue */
    uint32_t cb = c, ce = c + 1;
    for (uint32_t i = sb; i < c && !comma; i++)
        if (x->cue_len[i] && x->cue_cls[i] == HS_TB_CUE_VERB && !(x->used[i] & ATOK_CUE_USED) &&
            (i + x->cue_len[i] == c || short_lead(x, i, i + x->cue_len[i], c) || inverted_lead(x, sb, i, c))) {
            cb = i;
            ce = i + x->cue_len[i];
            k = i;
        }
    if (cb == c && verb_lead(x, sb, c, &cb)) {
        ce = cb + 1; /* "Pike demurred: “…”" */
        k = cb;
    }
    while (k > sb && hs_aw_is_skip(d, k - 1))
        k--;
    hs_src s;
    if (ce == cb + 1 && cb < c && !x->cue_len[cb] &&
        !(hs_src_left(x, k - 1, sb, &s) && (s.kind == HS_SK_PERSON || s.kind == HS_SK_ANONYMOUS ||
                                            s.kind == HS_SK_REPRESENTATIVE)))
        return 0; /* a verb outside the tables speaks only for a person */
    if (cb < c && k == sb && hs_src_right(x, ce, c, &s) && s.e == c && s.kind != HS_SK_UNKNOWN) {
        hs_attr *at = quote_attr(x, qi, cb, ce); /* "Adds the source: “…”" */
        if (!at)
            return HS_ENOMEM;
        hs_src_apply(x, &s, at);
        return 1;
    }
    if (k <= sb || !hs_src_left(x, k - 1, sb, &s))
        return 0;
    /* the speaker opens its clause: "Roe:", "And from Roe:", "Said Roe:" */
    uint32_t lead = s.b - sb;
    if (comma && s.b > sb && !hs_aw_eq(d, s.b - 1, ","))
        return 0; /* "Later, she laughed, “…”", not "the day the crowd cheered, “…”" */
    if (cb == c && (lead > 2 || s.kind == HS_SK_UNKNOWN || not_speaker(x, s.b, c) || !name_label(x, s.b, c)))
        return 0; /* not "Photo: “…”", "Angry: ‘…’" */
    hs_attr *at = quote_attr(x, qi, cb, ce);
    if (!at)
        return HS_ENOMEM;
    uint32_t vb = 0, ve = 0;
    if (ce < c && hs_src_via_after(x, ce, c, &vb, &ve) > ce)
        at->via = hs_tok_span(d, vb, ve); /* "told Glimmer Weekly in 2016:" */
    hs_src_apply(x, &s, at);
    return 1;
}

/* The attribution with a source that ends last before byte `pos`, or -1. */
static int32_t previous_sourced(const hs_doc *d, uint32_t pos)
{
    int32_t best = -1;
    uint32_t best_end = 0;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        uint32_t end = a->content.end > a->source.end ? a->content.end : a->source.end;
        if (end <= pos && (best < 0 || end >= best_end)) {
            best = (int32_t)i;
            best_end = end;
        }
    }
    if (best >= 0 && !d->attrs.v[best].has_source)
        return -1;
    return best;
}

static uint32_t tok_of_byte(const hs_doc *d, uint32_t byte)
{
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->toks.v[mid].end <= byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)(lo < d->toks.n ? lo : d->toks.n - 1);
}

/* A transcript's turn wrapped in a quotation mark that opens its paragraph
 * ("\"PIKE: Well, …", "\"DANA PIKE: …"): a label of one to three words in
 * capitals before the colon names the speaker even inside the marks.  The
 * label's first token (after the mark), or 0. */
static uint32_t wrapped_label(const hs_doc *d, uint32_t sb, uint32_t se)
{
    uint32_t m = sb; /* the mark: the sentence's first token or the one before it */
    if (d->toks.v[m].kind != HS_TK_QUOTE && m > 0)
        m--;
    if (d->toks.v[m].kind != HS_TK_QUOTE || !(d->toks.v[m].flags & HS_TF_PARA_START))
        return 0;
    uint32_t b = m + 1, c = b;
    while (c < se && c < b + 3 && d->toks.v[c].kind == HS_TK_WORD && (d->toks.v[c].flags & HS_TF_ALL_UPPER) &&
           HS_TOK_LEN(&d->toks.v[c]) > 1)
        c++;
    return c > b && c < se && hs_aw_eq(d, c, ":") ? b : 0;
}

static int same_word(const hs_doc *d, uint32_t a, uint32_t b)
{
    const hs_tok *t = &d->toks.v[a], *u = &d->toks.v[b];
    return HS_TOK_LEN(u) == HS_TOK_LEN(t) && memcmp(HS_TOK_PTR(d, u), HS_TOK_PTR(d, t), HS_TOK_LEN(t)) == 0;
}

/* How many sentences start with the label [w, c) followed by a colon. */
static int speaker_lines(const hs_doc *d, uint32_t w, uint32_t c)
{
    int n = 0;
    for (size_t si = 0; si < d->sents.n; si++) {
        uint32_t b = d->sents.v[si].tok_begin;
        uint32_t wl = wrapped_label(d, b, d->sents.v[si].tok_end);
        if (wl)
            b = wl;
        if (b + (c - w) >= d->sents.v[si].tok_end || !hs_aw_eq(d, b + (c - w), ":"))
            continue;
        uint32_t k = 0;
        while (k < c - w && same_word(d, b + k, w + k))
            k++;
        n += k == c - w;
    }
    return n;
}

/* The last token of an interview turn that starts in sentence si: the
 * sentences after it in its paragraph, as long as nothing in them is
 * attributed already (PolNeAR's turn is the whole answer). */
static uint32_t turn_end(hs_actx *x, size_t *si)
{
    const hs_doc *d = x->d;
    uint32_t pe = d->paras.v[d->sents.v[*si].para].sent_end;
    uint32_t e = d->sents.v[*si].tok_end;
    while (*si + 1 < pe) {
        const hs_sent *n = &d->sents.v[*si + 1];
        for (uint32_t i = n->tok_begin; i < n->tok_end; i++)
            if (x->used[i] & (ATOK_CLAIMED | ATOK_CUE_USED))
                return e;
        e = n->tok_end;
        ++*si;
    }
    return e;
}

/* A speaker's name before a colon at the start of a sentence, with the
 * words after it ("Pat Caddell: voters are worried", an interview's
 * "DANA PIKE: We will win.", to the end of the turn). */
int hs_attrib_colon_lines(hs_actx *x, int headline)
{
    hs_doc *d = x->d;
    for (size_t si = headline ? 0 : 1; si < (headline ? 1 : d->sents.n) && si < d->sents.n; si++) {
        uint32_t sb = d->sents.v[si].tok_begin, se = d->sents.v[si].tok_end;
        uint32_t wl = wrapped_label(d, sb, se);
        if (wl)
            sb = wl;
        uint32_t c = sb + 1;
        while (c < se && c < sb + 5 && !hs_aw_eq(d, c, ":"))
            c++;
        if (c >= se || !hs_aw_eq(d, c, ":") || (x->used[c] & (ATOK_CLAIMED | ATOK_CUE_USED)))
            continue;
        uint32_t e = se;
        while (e > c + 1 && hs_aw_is_final(d, e - 1))
            e--;
        if (e < c + 4 || ((d->toks.v[c + 1].flags & HS_TF_QUOTE_OPEN) && si > 0) || (x->used[c + 1] & ATOK_CLAIMED))
            continue;
        hs_src s;
        /* the first line (a headline, "Poll: …", "NY Daily News: …") may name any source */
        int title = si == 0 || hs_aw_title_case(d, (uint32_t)si);
        if (wl) {
            memset(&s, 0, sizeof s);
            s.b = sb;
            s.e = c;
            s.kind = HS_SK_PERSON;
        } else if (!hs_src_left(x, c - 1, sb, &s) || s.b != sb ||
                   !(s.kind == HS_SK_PERSON || s.kind == HS_SK_ORGANIZATION || title)) {
            continue;
        }
        if (!hs_aw_is_cap(d, sb) || not_speaker(x, sb, c))
            continue;
        if (si > 0 && !wl && !name_label(x, sb, c))
            continue; /* a caption's label: "Good times: The actress …" */
        int number = 0; /* "November 2012: …" is a date, not a speaker */
        for (uint32_t i = sb; i < c; i++)
            number |= d->toks.v[i].kind == HS_TK_NUMBER;
        if (number)
            continue;
        int lines = title ? 0 : speaker_lines(d, sb, c); /* a scan of every sentence: only when needed */
        if (c == sb + 1 && lines < 2 && !title && !wl)
            continue; /* one word before a colon once ("Transformers: Age of …") is a title */
        if (!title && (lines >= 2 || wl)) {
            e = turn_end(x, &si);
            while (e > c + 1 && hs_aw_is_final(d, e - 1))
                e--;
        }
        hs_attr *at = hs_attrib_new(x, HS_AK_INDIRECT, c, c + 1);
        if (!at)
            return HS_ENOMEM;
        at->content = hs_tok_span(d, c + 1, e);
        hs_attrib_claim(x, at->content);
        hs_src_apply(x, &s, at);
        if (wl)
            x->used[wl - 1] |= ATOK_CLAIMED; /* the mark wraps the turn: no quotation of its own */
    }
    return 0;
}

int hs_attrib_quotes(hs_actx *x)
{
    hs_doc *d = x->d;
    int rc0 = hs_attrib_colon_lines(x, 0);
    if (rc0)
        return rc0;
    for (size_t i = 0; i < d->quotes.n; i++) {
        hs_quote *q = &d->quotes.v[i];
        if (q->kind != HS_QK_DIRECT || (q->flags & HS_QF_NESTED) || claimed(x, q))
            continue;
        int rc = colon_speaker(x, (int32_t)i);
        if (!rc)
            rc = dash_speaker(x, (int32_t)i);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static uint32_t quote_words(const hs_doc *d, const hs_quote *q)
{
    uint32_t n = 0;
    for (int32_t k = q->open_tok + 1; k >= 0 && (size_t)k < d->toks.n && d->toks.v[k].start < q->content.end; k++)
        n += hs_aw_is_word(d, (uint32_t)k);
    return n;
}

static int starts_quote(const hs_doc *d, const hs_attr *a)
{
    uint32_t t = tok_of_byte(d, a->content.start);
    return a->content.end > a->content.start && (d->toks.v[t].flags & HS_TF_QUOTE_OPEN);
}

/* Is the content of a a mixed report that opens its sentence and holds a
 * quotation ("Pike and Wren were “…,” a source said"; not "whom she refers to
 * as “a sister”")? */
static int holds_quotation(const hs_doc *d, const hs_attr *a)
{
    if (a->content.end <= a->content.start)
        return 0;
    uint32_t t = tok_of_byte(d, a->content.start);
    if (t != d->sents.v[d->toks.v[t].sent].tok_begin)
        return 0;
    for (size_t i = 0; i < d->quotes.n; i++) {
        const hs_quote *q = &d->quotes.v[i];
        if ((q->kind == HS_QK_DIRECT || q->kind == HS_QK_MIXED) && q->outer.start >= a->content.start &&
            q->outer.end <= a->content.end && a->content.end > a->content.start)
            return 1;
    }
    return 0;
}

/* The last attribution with a source whose content opens with a quotation
 * and ends before byte `pos` in paragraph `para`, or -1. */
static int32_t quoted_before(const hs_doc *d, uint32_t pos, uint32_t para)
{
    int32_t best = -1;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (!a->has_source || a->content.end > pos || !starts_quote(d, a) ||
            para_of(d, tok_of_byte(d, a->content.start)) != para)
            continue;
        if (best < 0 || a->content.end > d->attrs.v[best].content.end)
            best = (int32_t)i;
    }
    return best;
}

int hs_attrib_continuation(hs_actx *x)
{
    hs_doc *d = x->d;
    for (size_t i = 0; i < d->quotes.n; i++) {
        hs_quote *q = &d->quotes.v[i];
        if (q->kind != HS_QK_DIRECT || (q->flags & HS_QF_NESTED) || claimed(x, q) || q->open_tok < 0)
            continue;
        int32_t p = previous_sourced(d, q->outer.start);
        hs_attr prev;
        int inherit = 0, same_para = 0;
        if (p >= 0) {
            prev = d->attrs.v[p];
            uint32_t pp = para_of(d, tok_of_byte(d, prev.content.end ? prev.content.end - 1 : 0));
            uint32_t qp = para_of(d, (uint32_t)q->open_tok);
            same_para = pp == qp;
            if (same_para && !starts_quote(d, &prev) && !holds_quotation(d, &prev)) {
                /* “…,” said Roe, referring to the bill. “…”: the quotation's
                 * speaker goes on, not the participle after it */
                int32_t k = quoted_before(d, q->outer.start, qp);
                if (k >= 0)
                    prev = d->attrs.v[k];
            }
            /* the next paragraph, when it opens with the quotation */
            inherit = same_para || (pp + 1 == qp && (d->toks.v[q->open_tok].flags & HS_TF_PARA_START));
        }
        if (!inherit && quote_words(d, q) < 6)
            continue; /* a short quotation nobody speaks: a phrase held at a distance */
        hs_attr *at = inherit ? quote_attr(x, (int32_t)i, 0, 0) : NULL;
        if (!inherit) {
            /* a quotation nobody is said to have spoken: kept, without a source */
            at = hs_attrib_new(x, HS_AK_DIRECT, 0, 0);
            if (at) {
                at->quote = (int32_t)i;
                at->content = q->outer;
                hs_attrib_claim(x, q->outer);
            }
        }
        if (!at)
            return HS_ENOMEM;
        if (inherit) {
            at->has_source = 1;
            at->source = prev.source;
            at->source_kind = prev.source_kind;
            at->source_entity = prev.source_entity;
            at->via = prev.via;
            at->via_text = prev.via_text;
            at->via_entity = prev.via_entity;
            if (same_para)
                at->cue = prev.cue;
        }
    }
    return 0;
}
