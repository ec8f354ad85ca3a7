/* The time stage: temporal expressions found in the article text and pinned
 * to the calendar against the article date.
 *
 * hs_time_run scans the text (scan.c), tries the date grammar at each word
 * from left to right (grammar.c, longest match, no overlaps), resolves each
 * match against the article date and the tense of its sentence (resolve.c)
 * and appends it to d->timexes in text order. */
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

int hs_time_run(hs_doc *d, const hs_analyzer *a)
{
    (void)a;
    if (!d || !d->text)
        return hs_error_set(HS_EINVAL, "hs_time_run: no document text");
    d->timexes.n = 0;
    hs_tscan sc = {0};
    int rc = hs_tscan_run(&sc, d->text, d->len);
    if (rc) {
        hs_tscan_free(&sc);
        return hs_error_set(rc, "time: out of memory");
    }
    hs_tref ref = {d->year, d->month, d->day, 0};
    if (!ref.m || !ref.d)
        ref.y = 0;
    size_t i = 0;
    while (i < sc.n) {
        size_t begin;
        hs_tval v;
        memset(&v, 0, sizeof v);
        ref.future = hs_tscan_future(&sc, i);
        size_t e = hs_tgram_match(&sc, i, &begin, &v, &ref);
        if (!e) {
            i++;
            continue;
        }
        hs_tval_resolve(&v, &ref);
        char buf[32];
        hs_timex *t = HS_PUSH(&d->timexes);
        if (!t) {
            rc = hs_error_set(HS_ENOMEM, "time: out of memory");
            break;
        }
        t->span.start = sc.w[begin].s;
        t->span.end = possessive_end(d, &sc.w[e - 1], &v);
        t->mod = v.mod;
        t->kind = v.kind;
        t->value = NULL;
        if (hs_tval_format(&v, buf, sizeof buf) == 0 && !(t->value = hs_arena_strdup(&d->arena, buf))) {
            rc = hs_error_set(HS_ENOMEM, "time: out of memory");
            break;
        }
        i = e;
    }
    hs_tscan_free(&sc);
    return rc;
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
