/* The date grammar's building blocks: month names, year tails, counts, units,
 * holiday names, and values computed from the article date ("two weeks ago",
 * "last month", "the weekend").  The patterns that use them are in grammar.c. */
#include "time/gram.h"

#include <stdio.h>
#include <string.h>

/* A month name: capitalised; an abbreviation may carry a full stop. Returns the
 * word after it (and the month in *m), else 0. */
size_t tg_month_at(const g_ctx *g, size_t i, int *m, int *abbrev)
{
    const hs_lex *l = LX(g, i);
    if (!l || !l->month || !(W(g, i)->flags & TWF_CAP))
        return 0;
    *m = l->month;
    *abbrev = strlen(l->word) <= 4 && l->month != 5 && l->month != 6 && l->month != 7;
    if (*abbrev && is_punct(g, i + 1, '.') && glued(g, i + 1))
        return i + 2;
    return i + 1;
}

void tg_set_day(hs_tval *v, int y, int m, int d)
{
    v->y = y, v->m = m, v->d = d;
    v->gran = TG_DAY;
    v->anchor = y ? TA_ABS : TA_NEAR;
}

/* ", 2025" / " 2025" / " of 2025" / " in 2025" (in: holidays only) after a date */
size_t tg_year_tail(const g_ctx *g, size_t j, int allow_in, int *y)
{
    if (is_punct(g, j, ',') && is_year(g, j + 1)) {
        *y = W(g, j + 1)->num;
        return j + 2;
    }
    if (is_year(g, j)) {
        *y = W(g, j)->num;
        return j + 1;
    }
    if ((KW(g, j) == TK_OF || (allow_in && KW(g, j) == TK_IN)) && is_year(g, j + 1)) {
        *y = W(g, j + 1)->num;
        return j + 2;
    }
    return 0;
}

/* ---- relative units: the article date moved by `delta` units -------------- */

void tg_rel_unit(hs_tval *v, int unit, int delta, const hs_tref *r)
{
    v->anchor = TA_REL;
    if (!r->y) {
        v->unresolved = 1;
        return;
    }
    int64_t z = hs_cal_days(r->y, r->m, r->d);
    switch (unit) {
    case TU_YEAR:
        v->gran = TG_YEAR, v->y = r->y + delta;
        return;
    case TU_DECADE:
        v->gran = TG_YEAR, v->y = r->y + 10 * delta;
        return;
    case TU_MONTH: {
        int mi = r->y * 12 + (r->m - 1) + delta;
        v->gran = TG_MONTH, v->y = mi / 12, v->m = mi % 12 + 1;
        return;
    }
    case TU_WEEK: {
        int y, m, d;
        hs_cal_civil(z + 7 * delta, &y, &m, &d);
        hs_cal_iso_week(y, m, d, &v->y, &v->sub);
        v->gran = TG_WEEK;
        return;
    }
    default: /* days, hours, minutes */
        hs_cal_civil(z + (unit == TU_DAY ? delta : 0), &v->y, &v->m, &v->d);
        v->gran = TG_DAY;
        return;
    }
}

/* The weekend: dir -1 the last one that is over, 2 the one of the reference's
 * ISO week, +1 the next; 0 by tense (past: the latest that has begun). */
void tg_rel_weekend(hs_tval *v, int dir, const hs_tref *r)
{
    v->anchor = TA_REL;
    if (!r->y) {
        v->unresolved = 1;
        return;
    }
    int64_t z = hs_cal_days(r->y, r->m, r->d);
    int wd = hs_cal_weekday(r->y, r->m, r->d);
    int64_t sat = z - wd + 5; /* Saturday of this ISO week */
    if (dir == 0)
        dir = r->future ? (z <= sat + 1 ? 2 : 1) : (z >= sat ? 2 : -1);
    if (dir < 0)
        sat -= 7;
    else if (dir == 1)
        sat += z >= sat ? 7 : 0;
    int y, m, d;
    hs_cal_civil(sat, &y, &m, &d);
    hs_cal_iso_week(y, m, d, &v->y, &v->sub);
    v->gran = TG_WEEKEND;
}

/* ---- counts: 3, three, twenty-five, a, a couple of, a few, five or six ---- */

/* Returns the word after the count; *n = value (-1 unknown: few, several),
 * *approx = 1 for "five or six", 2 for "two and a half" (n + 1/2).  `a`
 * (a/an) is accepted only when allow_a. */
size_t tg_count_at(const g_ctx *g, size_t i, int allow_a, int *n, int *approx)
{
    const hs_tw *w = W(g, i);
    const hs_lex *l = LX(g, i);
    size_t j;
    *approx = 0;
    if (!w)
        return 0;
    if (plain_num(w) && !(w->flags & TWF_ORD) && w->num > 0 && w->num < 1000) {
        *n = w->num;
        j = i + 1;
    } else if (l && l->num) {
        *n = l->num;
        j = i + 1;
        const hs_lex *u = LX(g, i + 2); /* twenty-five */
        if (l->num >= 20 && l->num % 10 == 0 && is_punct(g, i + 1, '-') && u && u->num && u->num < 10) {
            *n += u->num;
            j = i + 3;
        }
    } else if (l && l->kw == TK_COUPLE && KW(g, i + 1) == TK_OF) { /* the last couple of years */
        *n = 2;
        *approx = 1;
        return i + 2;
    } else if (l && l->kw == TK_FEW) {
        *n = -1;
        return i + 1;
    } else if (l && l->kw == TK_A) {
        if (KW(g, i + 1) == TK_FEW) {
            *n = -1;
            return i + 2;
        }
        if (KW(g, i + 1) == TK_COUPLE && KW(g, i + 2) == TK_OF) {
            *n = 2;
            *approx = 1;
            return i + 3;
        }
        if (!allow_a)
            return 0;
        *n = 1;
        return i + 1;
    } else {
        return 0;
    }
    /* two and a half: *approx = 2 */
    if (KW(g, j) == TK_AND && KW(g, j + 1) == TK_A && KW(g, j + 2) == TK_HALF) {
        *approx = 2;
        return j + 3;
    }
    /* five or six, two to three */
    if (KW(g, j) == TK_OR || KW(g, j) == TK_TO) {
        int n2, a2;
        size_t k = tg_count_at(g, j + 1, 0, &n2, &a2);
        if (k && n2 > *n) {
            *approx = 1;
            return k;
        }
    }
    return j;
}

/* A unit word at i: returns the unit (plural in *pl), else 0. */
int tg_unit_at(const g_ctx *g, size_t i, int *pl)
{
    const hs_lex *l = LX(g, i);
    *pl = 0; /* set on every path: callers test it beside the unit */
    if (!l || !l->unit || (W(g, i)->flags & TWF_CAP && !(W(g, i)->flags & TWF_SENT)))
        return 0;
    *pl = l->plural;
    return l->unit;
}

void tg_dur_value(hs_tval *v, int n, int unit, int half)
{
    static const char *const code[] = {"", "M", "H", "D", "W", "M", "Y", "Y", "Y"};
    int mult = unit == TU_DECADE ? 10 : unit == TU_CENTURY ? 100 : 1;
    int tpart = unit == TU_MINUTE || unit == TU_HOUR;
    v->kind = 1;
    if (n < 0)
        snprintf(v->dur, sizeof v->dur, "P%sX%s", tpart ? "T" : "", unit == TU_DECADE ? "DE" : code[unit]);
    else
        snprintf(v->dur, sizeof v->dur, "P%s%d%s%s", tpart ? "T" : "", n * mult + (half ? mult / 2 : 0),
                 half && mult == 1 ? ".5" : "", code[unit]);
}


/* ---- holidays --------------------------------------------------------------- */

/* The longest holiday name at i (first word capitalised): end word, index in *h. */
size_t tg_holiday_at(const g_ctx *g, size_t i, int *h)
{
    const hs_tw *w0 = W(g, i);
    size_t best = 0;
    if (!w0 || !((w0->flags & TWF_CAP) || w0->kind == TW_NUM))
        return 0;
    const uint8_t *idx;
    size_t nh = hs_holidays_by_first((unsigned char)w0->low[0], &idx);
    for (size_t x = 0; x < nh; x++) {
        size_t k = idx[x];
        const hs_holiday *hd = hs_holiday_at(k);
        size_t n = 0;
        while (n < 5 && hd->words[n]) {
            const hs_tw *w = W(g, i + n);
            if (!w || strcmp(w->low, hd->words[n]) != 0)
                break;
            n++;
        }
        if ((n == 5 || !hd->words[n]) && i + n > best) {
            best = i + n;
            *h = (int)k;
        }
    }
    return best;
}
