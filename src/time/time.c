/* The time stage: temporal expressions found in the article text and pinned
 * to the calendar against the article date.
 *
 * hs_time_run scans the text (scan.c), tries the date grammar at each word
 * from left to right (grammar.c, longest match, no overlaps), lends a year
 * mentioned beside an expression that has none, resolves each match against
 * the article date and the tense around it (resolve.c) and appends it to
 * d->timexes in text order. */
#include "analyzer.h"
#include "time/time.h"

#include <string.h>

/* The end of the last word of a timex, without a possessive 's: "Tuesday's
 * show" → "Tuesday", "2019's hit" → "2019". */
static uint32_t possessive_end(const hs_doc *d, const hs_tw *w, const hs_tval *v)
{
    if (v->hol)
        return w->e; /* New Year's: the 's is the name's */
    size_t l = w->len;
    int via_base = w->lex && strcmp(w->lex->word, w->low) != 0; /* Tuesday's found as Tuesday */
    int year = w->kind == TW_NUM && v->gran == TG_YEAR;           /* 2019's, not 1990's */
    if (l < 3 || strcmp(w->low + l - 2, "'s") != 0 || !(via_base || year))
        return w->e;
    uint32_t e = w->e - 1; /* before the s */
    if (e >= w->s + 3 && (unsigned char)d->text[e - 3] == 0xE2 && (unsigned char)d->text[e - 1] == 0x99)
        return e - 3; /* ’ */
    return d->text[e - 1] == '\'' ? e - 1 : w->e;
}

/* One match before resolution. */
typedef struct tmatch {
    size_t b, e;  /* words [b, e) */
    uint32_t sent;
    int future;
    hs_tval v;
} tmatch;

#define ANCHOR_WORDS 4

/* A month, season, holiday or month-day date without a year takes the year of
 * a year expression that follows it in the same clause, at most ANCHOR_WORDS
 * words later with no punctuation or other timex between: "spent Easter in
 * Hawaii last year", "in July last year".  (A year before it or across a comma
 * too often belongs to another event: "who wed in 2006, separated in
 * January".)  Weekdays and last/this/next forms keep the article date. */
static void anchor_years(const hs_tscan *sc, tmatch *m, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++) {
        hs_tval *v = &m[k].v;
        const tmatch *y = &m[k + 1];
        if (v->kind || v->y || v->dir || (v->anchor != TA_NEAR && v->anchor != TA_PAST) || (v->wday && !v->m))
            continue;
        if (y->sent != m[k].sent || y->b - m[k].e > ANCHOR_WORDS || y->v.kind || y->v.gran != TG_YEAR || !y->v.y ||
            y->v.unresolved || y->v.mod)
            continue;
        int punct = 0;
        for (size_t w = m[k].e; w < y->b; w++)
            punct |= sc->w[w].kind == TW_PUNCT;
        if (punct)
            continue;
        v->y = y->v.y;
        v->anchor = TA_ABS;
        if (v->hol)
            hs_holiday_date(hs_holiday_at((size_t)(v->hol - 1)), v->y, &v->m, &v->d);
        if (v->gran == TG_DAY && v->d > hs_cal_month_days(v->y, v->m))
            v->unresolved = 1; /* February 29 in a common year */
    }
}

/* A quoted title holds a name, not a time (the film “Halloween”, the song
 * “Yesterday”, “Saturday Night Live”): a span inside a title-like quotation,
 * or one that is a whole quotation by itself, is not a timex.  Uses the text
 * layer's quotations when it ran. */
static int in_title(const hs_doc *d, uint32_t s, uint32_t e)
{
    for (size_t q = 0; q < d->quotes.n; q++) {
        const hs_quote *qt = &d->quotes.v[q];
        uint32_t cs = qt->content.start, ce = qt->content.end;
        if (s < cs || e > ce)
            continue;
        if (qt->kind == HS_QK_TITLE || qt->kind == HS_QK_NICKNAME)
            return 1;
        while (ce > cs && strchr(" ,.!?", d->text[ce - 1]))
            ce--;
        while (cs < ce && d->text[cs] == ' ')
            cs++;
        if (cs == s && ce == e)
            return 1;
    }
    return 0;
}

#define ANAPHOR_SENTENCES 2

/* The date "two years later" counts from: the nearest date before it, in its
 * sentence or the ANAPHOR_SENTENCES before (resolved already: matches are
 * resolved in text order). */
static const hs_tval *anaphor_base(const tmatch *m, size_t k)
{
    for (size_t j = k; j-- > 0;) {
        if (m[k].sent - m[j].sent > ANAPHOR_SENTENCES)
            return NULL;
        if (m[j].v.kind == 0 && !m[j].v.unresolved && m[j].v.y)
            return &m[j].v;
    }
    return NULL;
}

int hs_time_run(hs_doc *d, const hs_analyzer *a)
{
    (void)a;
    if (!d || !d->text)
        return hs_error_set(HS_EINVAL, "hs_time_run: no document text");
    d->timexes.n = 0;
    hs_tscan sc = {0};
    HS_ARRAY(tmatch) ms = {0};
    int rc = hs_tscan_run(&sc, d->text, d->len);
    hs_tref ref = {d->year, d->month, d->day, 0};
    if (!ref.m || !ref.d)
        ref.y = 0;
    /* 1. the patterns, left to right, longest match */
    for (size_t i = 0; !rc && i < sc.n;) {
        size_t begin;
        hs_tval v;
        memset(&v, 0, sizeof v);
        ref.future = hs_tscan_future(&sc, i);
        size_t e = hs_tgram_match(&sc, i, &begin, &v, &ref);
        if (!e) {
            i++;
            continue;
        }
        tmatch *m = HS_PUSH(&ms);
        if (!m) {
            rc = HS_ENOMEM;
            break;
        }
        *m = (tmatch){begin, e, sc.w[begin].sent, ref.future, v};
        i = e;
    }
    /* 2. years from the sentence, then the calendar */
    if (!rc)
        anchor_years(&sc, ms.v, ms.n);
    for (size_t k = 0; !rc && k < ms.n; k++) {
        tmatch *m = &ms.v[k];
        char buf[32];
        uint32_t s0 = sc.w[m->b].s, e0 = possessive_end(d, &sc.w[m->e - 1], &m->v);
        if (in_title(d, s0, e0))
            continue;
        ref.future = m->future;
        if (m->v.anchor == TA_ANAPH)
            hs_tval_resolve_anaphor(&m->v, anaphor_base(ms.v, k));
        else
            hs_tval_resolve(&m->v, &ref);
        hs_timex *t = HS_PUSH(&d->timexes);
        if (!t) {
            rc = HS_ENOMEM;
            break;
        }
        t->span.start = s0;
        t->span.end = e0;
        t->mod = m->v.mod;
        t->kind = m->v.kind;
        t->value = NULL;
        if (hs_tval_format(&m->v, buf, sizeof buf) == 0 && !(t->value = hs_arena_strdup(&d->arena, buf)))
            rc = HS_ENOMEM;
    }
    HS_ARRAY_FREE(&ms);
    hs_tscan_free(&sc);
    return rc ? hs_error_set(rc, "time: out of memory") : 0;
}

int32_t hs_time_at(const hs_doc *d, uint32_t start, uint32_t end)
{
    if (!d)
        return -1;
    /* timexes are in text order: find the first that starts at or after start */
    size_t lo = 0, hi = d->timexes.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->timexes.v[mid].span.start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->timexes.n && d->timexes.v[lo].span.end <= end)
        return (int32_t)lo;
    return -1;
}
