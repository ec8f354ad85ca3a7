/* The date grammar's shared word tests and value builders (grammar.c and
 * units.c).  Internal to src/time/. */
#ifndef HS_TIME_GRAM_H
#define HS_TIME_GRAM_H

#include "time/time.h"

#include <string.h>

typedef struct g_ctx {
    const hs_tscan *sc;
    const hs_tref *ref;
} g_ctx;

static inline const hs_tw *W(const g_ctx *g, size_t i) { return i < g->sc->n ? &g->sc->w[i] : NULL; }
static inline int KW(const g_ctx *g, size_t i)
{
    const hs_tw *w = W(g, i);
    return w && w->lex && w->kind == TW_ALPHA ? w->lex->kw : TK_NONE;
}
static inline const hs_lex *LX(const g_ctx *g, size_t i)
{
    const hs_tw *w = W(g, i);
    return w && w->kind == TW_ALPHA ? w->lex : NULL;
}
static inline int is_punct(const g_ctx *g, size_t i, char c)
{
    const hs_tw *w = W(g, i);
    return w && w->kind == TW_PUNCT && w->low[0] == c;
}
/* word i touches the word before it (no space between) */
static inline int glued(const g_ctx *g, size_t i)
{
    const hs_tw *w = W(g, i);
    return w && !(w->flags & TWF_SPACE);
}
static inline int plain_num(const hs_tw *w)
{
    return w && w->kind == TW_NUM && w->num >= 0 && !(w->flags & (TWF_GROUPED | TWF_DECADE | TWF_APOS));
}
static inline int is_year(const g_ctx *g, size_t i)
{
    const hs_tw *w = W(g, i);
    return plain_num(w) && !(w->flags & TWF_ORD) && w->ndigits == 4 && w->num >= 1800 && w->num <= 2099;
}
/* a day of the month: 1…31, one or two digits, 29th allowed */
static inline int is_mday(const g_ctx *g, size_t i)
{
    const hs_tw *w = W(g, i);
    return plain_num(w) && w->ndigits <= 2 && w->num >= 1 && w->num <= 31;
}

/* A capitalised month name at i (abbreviations may carry a full stop): the word
 * after it, the month in *m and whether it was abbreviated in *abbrev; else 0. */
size_t tg_month_at(const g_ctx *g, size_t i, int *m, int *abbrev);
void tg_set_day(hs_tval *v, int y, int m, int d);
/* ", 2025" / "2025" / "of 2025" / "in 2025" (allow_in) at j: the end, year in *y; else 0. */
size_t tg_year_tail(const g_ctx *g, size_t j, int allow_in, int *y);
/* The article date moved by delta units (hs_tunit), at that unit's granularity. */
void tg_rel_unit(hs_tval *v, int unit, int delta, const hs_tref *r);
/* The weekend: dir -1 last, 2 this ISO week's, +1 next, 0 by tense. */
void tg_rel_weekend(hs_tval *v, int dir, const hs_tref *r);
/* A count (3, three, twenty-five, a, a couple of, a few, five or six) at i. */
size_t tg_count_at(const g_ctx *g, size_t i, int allow_a, int *n, int *approx);
/* A unit word at i (not a capitalised name): the hs_tunit, plural in *pl; else 0. */
int tg_unit_at(const g_ctx *g, size_t i, int *pl);
/* v becomes the duration n units, plus half a unit when half (n < 0: unknown, PXY). */
void tg_dur_value(hs_tval *v, int n, int unit, int half);
/* The longest holiday name at i: its end, the holiday index in *h; else 0. */
size_t tg_holiday_at(const g_ctx *g, size_t i, int *h);

/* Counted expressions (amounts.c): each returns the end word, or 0. */
size_t tg_anaphoric(const g_ctx *g, size_t i, hs_tval *v); /* two years later, that year */
size_t tg_ago(const g_ctx *g, size_t i, hs_tval *v);       /* two weeks ago */
size_t tg_duration(const g_ctx *g, size_t i, hs_tval *v);  /* for three years, two-year */
size_t tg_set(const g_ctx *g, size_t i, hs_tval *v);       /* every Tuesday, weekly */

#endif
