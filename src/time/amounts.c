/* The counted expressions of the date grammar: durations ("for three years",
 * "a two-year deal", "the last five or six years"), "two weeks ago", dates
 * counted from the date before ("two years later", "the following year") and
 * sets ("every Tuesday", "weekly").  The calendar dates are in grammar.c. */
#include "time/gram.h"

#include <stdio.h>
#include <string.h>

/* Dates given from the date mentioned before: two years later, a month
 * earlier, three days after that, the following year, the next day, the
 * previous month, that year, the same year, that same day, that February,
 * the following September.  ("Two years after
 * the wedding" names its own anchor, an event: not taken.) */
size_t tg_anaphoric(const g_ctx *g, size_t i, hs_tval *v)
{
    int n, ap, pl, u, k = KW(g, i);
    size_t j = tg_count_at(g, i, 1, &n, &ap), e;
    if (j && (u = tg_unit_at(g, j, &pl)) && u >= TU_DAY && u <= TU_DECADE) {
        int rel = KW(g, j + 1);
        if (rel == TK_LATER || rel == TK_EARLIER)
            e = j + 2;
        else if ((rel == TK_AFTER || rel == TK_BEFORE) && KW(g, j + 2) == TK_THAT)
            e = j + 3;
        else
            return 0;
        v->adelta = rel == TK_LATER || rel == TK_AFTER ? n : -n;
        v->unresolved = n < 0 || ap == 2;
        if (ap == 1)
            v->mod = HS_TM_APPROX;
    } else {
        j = i + 1;
        if (k == TK_THE && (KW(g, j) == TK_FOLLOWING || KW(g, j) == TK_NEXT || KW(g, j) == TK_PREVIOUS)) {
            v->adelta = KW(g, j) == TK_PREVIOUS ? -1 : 1;
            j++;
        } else if ((k == TK_THAT || k == TK_THE) && KW(g, j) == TK_SAME) {
            j++;
        } else if (k == TK_THAT) {
            if (KW(g, j) == TK_SAME)
                j++;
        } else {
            return 0;
        }
        int m, ab;
        size_t me = tg_month_at(g, j, &m, &ab);
        if (me && !(W(g, me) && W(g, me)->kind == TW_NUM)) { /* that February, the following September */
            v->m = m, v->aunit = TU_YEAR, v->anchor = TA_ANAPH, v->gran = TG_MONTH;
            return me;
        }
        u = tg_unit_at(g, j, &pl);
        if (u < TU_DAY || u > TU_YEAR || pl)
            return 0;
        e = j + 1;
    }
    v->aunit = u;
    v->anchor = TA_ANAPH;
    v->gran = u == TU_DAY ? TG_DAY : u == TU_WEEK ? TG_WEEK : u == TU_MONTH ? TG_MONTH : TG_YEAR;
    return e;
}

/* two weeks ago · a year ago · three days ago · years ago (unresolved) */
/* "and a half" at k: 3 (its length), else 0. */
static size_t and_a_half(const g_ctx *g, size_t k)
{
    return KW(g, k) == TK_AND && KW(g, k + 1) == TK_A && KW(g, k + 2) == TK_HALF ? 3 : 0;
}

size_t tg_ago(const g_ctx *g, size_t i, hs_tval *v)
{
    int n, ap, pl, u;
    size_t j = tg_count_at(g, i, 1, &n, &ap);
    if (!j) {
        u = tg_unit_at(g, i, &pl);
        if (!u || !pl || KW(g, i + 1) != TK_AGO)
            return 0;
        v->unresolved = 1, v->anchor = TA_REL;
        return i + 2;
    }
    u = tg_unit_at(g, j, &pl);
    size_t h = u ? and_a_half(g, j + 1) : 0; /* a year and a half ago */
    if (h && !ap)
        ap = 2, j += h;
    if (!u || KW(g, j + 1) != TK_AGO)
        return 0;
    if (n < 0) {
        v->unresolved = 1, v->anchor = TA_REL;
        return j + 2;
    }
    if (ap == 2 && u == TU_YEAR)
        tg_rel_unit(v, TU_MONTH, -(12 * n + 6), g->ref); /* two and a half years ago */
    else if (ap == 2 && u == TU_MONTH)
        tg_rel_unit(v, TU_DAY, -(30 * n + 15), g->ref); /* a month and a half ago */
    else
        tg_rel_unit(v, u, -n, g->ref);
    if (ap == 1)
        v->mod = HS_TM_APPROX;
    return j + 2;
}

/* Durations: for three years · the past two years · the last five or six years
 * · the past year · a few months · for years · a two-year deal (not a
 * 62-year-old, not "two years later"). */
size_t tg_duration(const g_ctx *g, size_t i, hs_tval *v)
{
    size_t j = i, k;
    int lead = 0, n = 1, ap = 0, pl = 0, u;
    int pk = i ? KW(g, i - 1) : TK_NONE;
    if (KW(g, j) == TK_THE && (KW(g, j + 1) == TK_PAST || KW(g, j + 1) == TK_LAST || KW(g, j + 1) == TK_NEXT ||
                               KW(g, j + 1) == TK_COMING)) {
        j += 2;
        lead = 1;
    }
    int prep = lead || pk == TK_FOR || pk == TK_PREP || pk == TK_IN || pk == TK_APPROX;
    if (KW(g, j) == TK_RECENT && (u = tg_unit_at(g, j + 1, &pl)) && pl) {
        tg_dur_value(v, -1, u, 0); /* in recent years: PXY */
        return j + 2;
    }
    k = tg_count_at(g, j, prep, &n, &ap);
    if (!k) {
        u = tg_unit_at(g, j, &pl);
        if (!u || (!lead && !(pl && prep)))
            return 0;
        if (u == TU_MINUTE && !pl)
            return 0; /* at the last minute: an idiom */
        if (!pl && (KW(g, j - 1) == TK_NEXT || KW(g, j - 1) == TK_COMING))
            return 0; /* the next day: a date after another event, not a duration */
        n = pl ? -1 : 1; /* the past year · for years */
        k = j;
    } else if (!(u = tg_unit_at(g, k, &pl))) {
        /* two-year, 10-year, but not 62-year-old */
        if (n < 0 || !is_punct(g, k, '-') || !glued(g, k) || !(u = tg_unit_at(g, k + 1, &pl)) || pl)
            return 0;
        if ((is_punct(g, k + 2, '-') && KW(g, k + 3) == TK_OLD) || KW(g, k + 2) == TK_OLD)
            return 0; /* 62-year-old, 17-year old */
        tg_dur_value(v, n, u, ap == 2);
        if (ap == 1)
            v->mod = HS_TM_APPROX;
        return k + 2;
    }
    if (n == 1 && pk != TK_FOR && pk != TK_IN && LX(g, j) && LX(g, j)->num == 1)
        return 0; /* "(until) one day" is more often a date than a duration */
    size_t e = k + 1, h = and_a_half(g, e);
    if (h && !ap && n > 0)
        ap = 2, e += h; /* a year and a half */
    int nk = KW(g, e);
    if (nk == TK_OLD || nk == TK_AGO)
        return 0;
    size_t b = i;
    while (b > 0 && KW(g, b - 1) == TK_APPROX)
        b--; /* for about a year before … */
    if ((nk == TK_LATER || nk == TK_EARLIER || nk == TK_BEFORE || nk == TK_AFTER) && !(b > 0 && KW(g, b - 1) == TK_FOR))
        return 0; /* two years later: a date relative to another event (but "for two years before") */
    if (is_punct(g, e, '-') && KW(g, e + 1) == TK_OLD)
        return 0;
    tg_dur_value(v, n, u, ap == 2);
    if (ap == 1)
        v->mod = HS_TM_APPROX;
    return e;
}

/* Sets: every year · each Tuesday · every summer · on Tuesdays · annually */
size_t tg_set(const g_ctx *g, size_t i, hs_tval *v)
{
    static const char *const per[] = {"", "PT1M", "PT1H", "P1D", "P1W", "P1M", "P1Y", "P10Y", "P100Y"};
    static const char *const seasons[5] = {"", "SP", "SU", "FA", "WI"};
    int k = KW(g, i), pl, u;
    const hs_lex *l = LX(g, i);
    v->kind = 2;
    if (k == TK_SETADV && !(W(g, i)->flags & TWF_CAP)) {
        snprintf(v->dur, sizeof v->dur, "%s", per[l->value]);
        return i + 1;
    }
    if (l && l->wday && l->plural && (W(g, i)->flags & TWF_CAP)) {
        const hs_tw *nx = W(g, i + 1);
        if (nx && nx->kind == TW_ALPHA && (nx->flags & TWF_CAP))
            return 0;
        snprintf(v->dur, sizeof v->dur, "XXXX-WXX-%d", l->wday);
        return i + 1;
    }
    if (k != TK_EVERY)
        return 0;
    l = LX(g, i + 1);
    if ((u = tg_unit_at(g, i + 1, &pl)) && !pl) {
        snprintf(v->dur, sizeof v->dur, "%s", per[u]);
        return i + 2;
    }
    if (l && l->wday && !l->plural && (W(g, i + 1)->flags & TWF_CAP)) {
        snprintf(v->dur, sizeof v->dur, "XXXX-WXX-%d", l->wday);
        return i + 2;
    }
    if (l && l->kw == TK_WEEKEND && !l->plural) {
        snprintf(v->dur, sizeof v->dur, "XXXX-WXX-WE");
        return i + 2;
    }
    if (l && l->season) {
        snprintf(v->dur, sizeof v->dur, "XXXX-%s", seasons[l->season]);
        return i + 2;
    }
    if (l && (l->kw == TK_NIGHT || l->kw == TK_PARTDAY)) {
        snprintf(v->dur, sizeof v->dur, "P1D");
        return i + 2;
    }
    int h;
    size_t e = tg_holiday_at(g, i + 1, &h);
    if (e) {
        const hs_holiday *hd = hs_holiday_at((size_t)h);
        if (hd->rule == HR_FIXED)
            snprintf(v->dur, sizeof v->dur, "XXXX-%02d-%02d", hd->month, hd->day);
        else
            snprintf(v->dur, sizeof v->dur, "P1Y");
        return e;
    }
    int n, ap;
    size_t c = tg_count_at(g, i + 1, 0, &n, &ap); /* every two weeks */
    if (c && n > 1 && (u = tg_unit_at(g, c, &pl)) && pl) {
        tg_dur_value(v, n, u, 0);
        v->kind = 2;
        return c + 1;
    }
    return 0;
}
