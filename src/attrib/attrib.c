/* hs_attrib_run: the attribution stage, pass by pass.
 *
 *   1. cues      find every cue (table phrases outside quotations, not used as nouns)
 *   2. hedges    hedge words and constructions
 *   3. frames    each cue with its source and content (content.c)
 *   4. speakers  quotations with a speaker after a dash or before a colon (quotes.c)
 *   5. continue  quotations without a cue keep the source before them (quotes.c)
 *   6. refer     "the source", "the insider" take the outlet of the one introduced
 *   7. order     attributions in text order; kinds from the quotations they hold
 *   8. hedged    attributions in a hedge's sentence */
#include "attrib/attrib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_attrib_tables_load(struct hs_tables **out, const char *data_dir)
{
    if (!data_dir)
        return hs_error_set(HS_EIO, "attribution tables: no data directory (set HEARSAY_DATA or the "
                                    "analyzer's data_dir to the project's data/)");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/attrib", data_dir);
    return hs_tables_load(out, dir);
}

hs_span hs_tok_span(const hs_doc *d, uint32_t b, uint32_t e)
{
    hs_span s = {0, 0};
    if (e > b && e <= d->toks.n) {
        s.start = d->toks.v[b].start;
        s.end = d->toks.v[e - 1].end;
    }
    return s;
}

hs_attr *hs_attrib_new(hs_actx *x, uint8_t kind, uint32_t cue_b, uint32_t cue_e)
{
    hs_attr *at = HS_PUSH(&x->d->attrs);
    if (!at)
        return NULL;
    at->kind = kind;
    at->quote = HS_NONE;
    at->source_entity = at->via_entity = HS_NONE;
    at->cue = hs_tok_span(x->d, cue_b, cue_e);
    for (uint32_t i = cue_b; i < cue_e; i++)
        x->used[i] |= ATOK_CUE_USED;
    return at;
}

void hs_attrib_claim(hs_actx *x, hs_span sp)
{
    const hs_doc *d = x->d;
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) { /* first token ending after sp.start */
        size_t mid = (lo + hi) / 2;
        if (d->toks.v[mid].end <= sp.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < d->toks.n && d->toks.v[i].start < sp.end; i++)
        x->used[i] |= ATOK_CLAIMED;
}

/* Determiners and possessives before a word make it a noun ("his claims"). */
static int noun_use(const hs_doc *d, uint32_t i)
{
    if (i == 0)
        return 0;
    static const char *const before[] = {"the", "a", "an", "his", "her", "their", "its", "our",
                                         "my", "your", "these", "those", "such", "no", "of", "one",
                                         /* "making plans", "made claims" */
                                         "make", "makes", "made", "making", NULL};
    for (size_t k = 0; before[k]; k++)
        if (hs_aw_eq(d, i - 1, before[k]))
            return 1;
    if (d->toks.v[i - 1].kind == HS_TK_NUMBER) {
        /* "2024 reports", but not "four in 10 said", "55 percent believed",
         * "47% say" (a verb by its tag) */
        const hs_tok *t = &d->toks.v[i];
        if (t->upos == HS_UPOS_VERB)
            return 0;
        size_t n = HS_TOK_LEN(t);
        const char *p = HS_TOK_PTR(d, t);
        return !(n > 3 && (memcmp(p + n - 2, "ed", 2) == 0 || memcmp(p + n - 3, "aid", 3) == 0 ||
                           memcmp(p + n - 3, "old", 3) == 0 || memcmp(p + n - 3, "ght", 3) == 0));
    }
    if (hs_aw_is_prep(d, i - 1) && !hs_aw_eq(d, i - 1, "to")) {
        /* "amid reports", "of claims"; not a gerund after "by", "after" or "before"
         * ("began by saying that …"; after "for" it is mostly no report: "for denying
         * debt relief", PolNeAR dev +0.0008 without it) */
        const hs_tok *t = &d->toks.v[i];
        size_t n = HS_TOK_LEN(t);
        return !(n > 4 && memcmp(HS_TOK_PTR(d, t) + n - 3, "ing", 3) == 0 &&
                 (hs_aw_eq(d, i - 1, "by") || hs_aw_eq(d, i - 1, "after") || hs_aw_eq(d, i - 1, "before")));
    }
    return d->toks.v[i - 1].kind == HS_TK_CLITIC && hs_aw_is_word(d, i - 1) &&
           (hs_aw_eq(d, i - 1, "'s") || hs_aw_eq(d, i - 1, "’s"));
}

/* A past or present-tense verb before "that" ("conceded that", "insists that"),
 * told by its ending; not "so that", "now that" or a noun ("the fact that"). */
static int verb_that(const hs_doc *d, uint32_t i)
{
    if (!hs_aw_eq(d, i + 1, "that") || d->toks.v[i + 1].quote >= 0 || i == 0)
        return 0;
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    const char *p = HS_TOK_PTR(d, t);
    if (n < 3 || (t->flags & HS_TF_UPPER_INITIAL) || i + 2 >= d->toks.n)
        return 0;
    int ed = memcmp(p + n - 2, "ed", 2) == 0, es = p[n - 1] == 's' && p[n - 2] != 's';
    const char *xp = d->xpos_names ? d->xpos_names[t->xpos] : NULL;
    int finite = xp && (strcmp(xp, "VBD") == 0 || strcmp(xp, "VBZ") == 0 || strcmp(xp, "VBP") == 0) &&
                 d->toks.v[i + 2].upos != HS_UPOS_VERB && d->toks.v[i + 2].upos != HS_UPOS_AUX;
    if (!ed && !es && !finite)
        return 0; /* "knew that …", "felt that …" by their tags */
    if (hs_aw_is_skip(d, i) || hs_aw_is_boundary(d, i) || hs_aw_is_det(d, i - 1) || hs_aw_is_prep(d, i - 1))
        return 0;
    if (d->toks.v[i].upos != HS_UPOS_X && d->toks.v[i].upos != HS_UPOS_VERB)
        return 0;
    return 1;
}

/* Does the PTB tag call the token a verb (VB, VBD, …)?  The two tag sets are
 * predicted apart; a cue word that either calls a verb stays a candidate. */
static int ptb_verb(const hs_doc *d, const hs_tok *t)
{
    const char *x = d->xpos_names ? d->xpos_names[t->xpos] : NULL;
    return x && x[0] == 'V' && x[1] == 'B';
}

/* A cue word right after a document's head noun is its verb whatever its tag:
 * "the poll shows …", "court papers show …" (a tagger reads "poll shows" as
 * a compound noun). */
static int after_document(hs_actx *x, uint32_t i)
{
    hs_tb_entry e;
    const hs_doc *d = x->d;
    if (i == 0 || !hs_aw_is_word(d, i - 1) || d->toks.v[i - 1].quote >= 0)
        return 0;
    for (uint32_t b = i - 1;; b--) { /* phrases of up to three words ending at i - 1 */
        if (hs_tables_match(x->t, x->first, d, b, i, HS_TB_DOC, &e) == i - b)
            return 1;
        if (b == 0 || i - b >= 3)
            return 0;
    }
}

/* Is token i a source noun of the tables ("insider", "source", "spokesman")? */
static int anon_or_rep(hs_actx *x, uint32_t i)
{
    hs_tb_entry e;
    return hs_tables_match(x->t, x->first, x->d, i, i + 1, HS_TB_ANON | HS_TB_REP, &e) == 1;
}

/* A cue word after a share of people is its verb whatever its tag: "one in
 * five say", "47% say", "55 percent believe" (not after a year: "2024 reports"). */
static int after_share(const hs_doc *d, uint32_t i)
{
    static const char *const nums[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "%", "percent", NULL};
    if (i == 0)
        return 0;
    const hs_tok *p = &d->toks.v[i - 1];
    if (p->kind == HS_TK_NUMBER)
        return !(HS_TOK_LEN(p) == 4 && (memcmp(HS_TOK_PTR(d, p), "19", 2) == 0 || memcmp(HS_TOK_PTR(d, p), "20", 2) == 0));
    for (size_t k = 0; nums[k]; k++)
        if (hs_aw_eq(d, i - 1, nums[k]))
            return k >= 10 || (i >= 2 && (hs_aw_eq(d, i - 2, "in") || hs_aw_eq(d, i - 2, "of")));
    return 0;
}

/* "in" before a poll or survey is a cue whose source is the poll. */
static int survey_in(hs_actx *x, uint32_t i)
{
    const hs_doc *d = x->d;
    if (!hs_aw_eq(d, i, "in"))
        return 0;
    uint32_t se = hs_aw_sent_end(d, i);
    hs_src s;
    if (!hs_src_right(x, i + 1, se, &s) || s.kind != HS_SK_DOCUMENT)
        return 0;
    hs_tb_entry e;
    for (uint32_t k = s.b; k < s.e; k++)
        if (hs_tables_match(x->t, x->first, d, k, s.e, HS_TB_SURVEY, &e))
            return 1;
    return 0;
}

/* Is token i inside markup left in the text ("<tweet tweet-id=…>")? */
static int in_markup(const hs_doc *d, uint32_t i)
{
    for (uint32_t k = i; k > 0 && i - k < 12; k--) {
        const hs_tok *t = &d->toks.v[k - 1];
        const char *p = HS_TOK_PTR(d, t);
        if (HS_TOK_LEN(t) == 1 && *p == '>')
            return 0;
        if ((HS_TOK_LEN(t) == 1 && *p == '<') || (HS_TOK_LEN(t) == 2 && p[0] == '<' && p[1] == '/'))
            return 1;
    }
    return 0;
}

/* A cue word after an age used as a noun is its verb whatever its tag: "the
 * 51-year-old told …" (the tagger reads "old told" as adjective + noun). */
static int after_age(const hs_doc *d, uint32_t i)
{
    return i >= 3 && (hs_aw_eq(d, i - 1, "old") || hs_aw_eq(d, i - 1, "olds")) && hs_aw_eq(d, i - 2, "-") &&
           (hs_aw_eq(d, i - 3, "year") || hs_aw_eq(d, i - 3, "years") || hs_aw_eq(d, i - 3, "month"));
}

static void find_cues(hs_actx *x)
{
    hs_doc *d = x->d;
    int markup = memchr(d->text, '<', d->len) != NULL; /* tags left in the text */
    uint32_t title_sent = UINT32_MAX; /* the sentence whose title case is known */
    int title = 0;
    for (uint32_t i = 0; i < d->toks.n; i++) {
        const hs_tok *t = &d->toks.v[i];
        if ((t->flags & HS_TF_UPPER_INITIAL) && t->sent != title_sent) {
            title_sent = t->sent;
            title = hs_aw_title_case(d, t->sent);
        }
        if (t->quote >= 0 || t->kind != HS_TK_WORD || (markup && in_markup(d, i)))
            continue;
        /* "Says" mid-sentence is a name, except in a title-case headline ("Trump Says He …") */
        if ((t->flags & HS_TF_UPPER_INITIAL) && !(t->flags & HS_TF_SENT_START) &&
            !title)
            continue;
        hs_tb_entry e;
        uint32_t n = hs_tables_match(x->t, x->first, d, i, hs_aw_sent_end(d, i),
                                     HS_TB_CUE_VERB | HS_TB_CUE_PREP | HS_TB_CUE_AS, &e);
        int as_only = n && (e.cls & HS_TB_CUE_AS) && !(e.cls & (HS_TB_CUE_VERB | HS_TB_CUE_PREP));
        if (as_only)
            e.cls |= HS_TB_CUE_VERB; /* "see": a verb cue only before "X as …" */
        if (!n && survey_in(x, i)) {
            n = 1; /* "In the poll, …", "… in a new survey" */
            e.cls = HS_TB_CUE_PREP;
        }
        if (!n && verb_that(d, i)) {
            n = 1; /* "Roe conceded that …": any finite verb taking a that-clause */
            e.cls = HS_TB_CUE_VERB | HS_TB_CUE_WEAK;
        }
        if (!n || n > 255)
            continue;
        if ((t->flags & HS_TF_UPPER_INITIAL) && !(t->flags & HS_TF_SENT_START) && (e.cls & HS_TB_CUE_WEAK))
            continue; /* a headline's "Romance Rumors" */
        if ((e.cls & HS_TB_CUE_VERB) && !(e.cls & HS_TB_CUE_PREP)) {
            hs_tb_entry e2;
            if (noun_use(d, i))
                continue;
            /* "A new report says …": the noun before a cue verb is its subject */
            if (n == 1 && hs_tables_match(x->t, x->first, d, i + 1, hs_aw_sent_end(d, i), HS_TB_CUE_VERB, &e2) &&
                !(e2.cls & HS_TB_CUE_WEAK) && hs_tables_match(x->t, x->first, d, i, i + 1, HS_TB_DOC, &e2))
                continue;
            /* a noun by both tag sets is no cue after an adjective or a noun ("the
             * shady tweets", "a bombshell claim"), unless that noun is a source
             * ("the insider reveals"); elsewhere the word decides, as the tagger
             * often calls a present-tense cue a plural noun ("Rush reports …") */
            if (x->tagged && (t->upos == HS_UPOS_NOUN || t->upos == HS_UPOS_PROPN || t->upos == HS_UPOS_ADJ) &&
                !ptb_verb(d, t) && !after_document(x, i) && !after_share(d, i) && !after_age(d, i) &&
                !(n == 1 && hs_tables_match(x->t, x->first, d, i, i + 1, HS_TB_VERB_ONLY, &e2)) &&
                !((t->flags & HS_TF_UPPER_INITIAL) && title) &&
                i > 0 && (d->toks.v[i - 1].upos == HS_UPOS_ADJ || (d->toks.v[i - 1].upos == HS_UPOS_NOUN && !anon_or_rep(x, i - 1))))
                continue;
        }
        x->cue_len[i] = (uint8_t)n;
        x->cue_cls[i] = (e.cls & HS_TB_CUE_PREP) ? HS_TB_CUE_PREP : HS_TB_CUE_VERB;
        x->cue_obj[i] = (uint8_t)(((e.cls & HS_TB_CUE_OBJ) ? CUE_OBJ : 0) | ((e.cls & HS_TB_CUE_WEAK) ? CUE_WEAK : 0) |
                                  ((e.cls & HS_TB_CUE_OPINION) ? CUE_OPINION : 0) |
                                  ((e.cls & HS_TB_CUE_RAISE) ? CUE_RAISE : 0) | ((e.cls & HS_TB_CUE_AS) ? CUE_AS : 0) |
                                  (as_only ? CUE_AS_ONLY : 0));
        i += n - 1;
    }
}

/* The head noun of an anonymous source span: its token text, or NULL. */
static const char *anon_head(hs_actx *x, const hs_attr *a, size_t *len)
{
    const hs_doc *d = x->d;
    for (uint32_t i = 0; i < d->toks.n; i++) {
        const hs_tok *t = &d->toks.v[i];
        if (t->start < a->source.start)
            continue;
        if (t->end > a->source.end)
            break;
        hs_tb_entry e;
        if (hs_tables_match(x->t, x->first, d, i, i + 1, HS_TB_ANON, &e)) {
            *len = HS_TOK_LEN(t);
            return HS_TOK_PTR(d, t);
        }
    }
    return NULL;
}

/* "the source explained", "the insider claimed": the anonymous source
 * introduced before with the same head noun keeps its outlet. */
static void refer_back(hs_actx *x)
{
    hs_doc *d = x->d;
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->source_kind != HS_SK_ANONYMOUS || a->via.end > a->via.start || a->source.end <= a->source.start)
            continue;
        const char *p = HS_SPAN_PTR(d, a->source);
        if (!(HS_SPAN_LEN(a->source) > 4 && (strncmp(p, "the ", 4) == 0 || strncmp(p, "The ", 4) == 0)))
            continue;
        size_t hl = 0, pl = 0;
        const char *h = anon_head(x, a, &hl);
        if (!h)
            continue;
        for (size_t k = i; k-- > 0;) {
            const hs_attr *b = &d->attrs.v[k];
            if (b->source_kind != HS_SK_ANONYMOUS || b->source.start >= a->source.start)
                continue;
            const char *ph = anon_head(x, b, &pl);
            if (ph && pl >= 4 && hl >= 4 && strncmp(ph, h, 4) == 0) {
                a->via = b->via;
                a->via_text = b->via_text;
                a->via_entity = b->via_entity;
                if (a->source_entity < 0)
                    a->source_entity = b->source_entity;
                break;
            }
        }
    }
}

static int by_position(const void *pa, const void *pb)
{
    const hs_attr *a = pa, *b = pb;
    if (a->content.start != b->content.start)
        return a->content.start < b->content.start ? -1 : 1;
    return a->cue.start < b->cue.start ? -1 : a->cue.start > b->cue.start;
}

/* Sort, then tie each quotation to the attribution holding it and set kinds:
 * direct when the content is one quotation, mixed when it holds a fragment. */
static void order_and_kinds(hs_doc *d)
{
    if (d->attrs.n > 1)
        qsort(d->attrs.v, d->attrs.n, sizeof *d->attrs.v, by_position);
    for (size_t i = 0; i < d->quotes.n; i++)
        d->quotes.v[i].attribution = HS_NONE;
    for (size_t k = 0; k < d->attrs.n; k++) {
        hs_attr *a = &d->attrs.v[k];
        a->quote = HS_NONE;
        for (size_t i = 0; i < d->quotes.n; i++) {
            hs_quote *q = &d->quotes.v[i];
            if (q->kind != HS_QK_DIRECT && q->kind != HS_QK_MIXED)
                continue;
            if (q->outer.start < a->content.start || q->outer.end > a->content.end)
                continue;
            if (q->attribution < 0)
                q->attribution = (int32_t)k;
            if (q->outer.start == a->content.start && q->outer.end == a->content.end) {
                a->kind = HS_AK_DIRECT;
                a->quote = (int32_t)i;
            } else if (a->kind == HS_AK_INDIRECT) {
                a->kind = HS_AK_MIXED;
                if (a->quote < 0)
                    a->quote = (int32_t)i;
            }
        }
    }
}

int hs_attrib_run(hs_doc *d, const hs_analyzer *a)
{
    if (!a->tables || !d->toks.n)
        return 0;
    hs_actx x = {0};
    x.d = d;
    x.t = a->tables;
    size_t n = d->toks.n;
    x.used = hs_arena_calloc(&d->arena, n, 5);
    if (!x.used)
        return HS_ENOMEM;
    x.cue_len = x.used + n;
    x.cue_cls = x.used + 2 * n;
    x.cue_obj = x.used + 3 * n;
    x.first = x.used + 4 * n;
    for (size_t i = 0; i < n && !x.tagged; i++)
        x.tagged = d->toks.v[i].upos != HS_UPOS_X;
    find_cues(&x);
    int rc = hs_attrib_hedges(&x);
    if (!rc)
        rc = hs_attrib_colon_lines(&x, 1); /* a headline "Roe: …" before "Voters Worried About …" */
    if (!rc)
        rc = hs_attrib_cues(&x);
    if (!rc)
        rc = hs_attrib_quotes(&x);
    if (!rc)
        rc = hs_attrib_continuation(&x);
    if (rc)
        return rc;
    refer_back(&x);
    order_and_kinds(d);
    hs_attrib_hedged(&x);
    return 0;
}
