/* Placing underspecified dates on the calendar, and writing values as ISO 8601.
 *
 * An expression without a year ("on Tuesday", "in March", "at Christmas",
 * "last summer") names a unit that repeats; each repetition is an *instance*
 * with a first and a last day.  Which instance the text means is decided
 * against the article date (the reference) and the sentence's tense:
 *   last X     the latest instance that has ended before the reference
 *   next X     the first instance that starts after it
 *   this X     the instance in the reference's year (weekdays: its ISO week)
 *   plain X    weekdays, months, seasons, quarters: the latest instance that has
 *              begun by the reference (past-tense reporting); month-day dates
 *              and holidays: the same, allowing up to NEAR_DAYS ahead (news
 *              style drops the year of dates in the current year); in a
 *              sentence with a future cue (will, plans, next…): the first
 *              instance that has not ended.
 * Values follow ISO 8601 reduced precision (2024, 2024-11, decade 199,
 * century 19) and TimeML's conventions where ISO has none (2023-SU,
 * 2024-Q3, 2025-W13-WE, XXXX-03-29 when the year is unknown). */
#include "time/time.h"

#include <stdio.h>
#include <string.h>

/* ---- calendar arithmetic --------------------------------------------------------
 *
 * Calendar arithmetic for the time layer: proleptic Gregorian days, weekdays,
 * ISO 8601 weeks, the date of Easter and of the holidays in the lexicon.
 *
 * Day counting follows H. Hinnant's days_from_civil / civil_from_days
 * algorithms (eras of 400 years, March-based years), exact for all years. */
int64_t hs_cal_days(int y, int m, int d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;                                  /* [0, 399] */
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void hs_cal_civil(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int hs_cal_weekday(int y, int m, int d)
{
    int64_t z = hs_cal_days(y, m, d);
    /* 1970-01-01 was a Thursday (3 when Monday is 0) */
    int64_t w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int hs_cal_month_days(int y, int m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[m - 1];
}

/* The "anonymous Gregorian algorithm" (Meeus/Jones/Butcher). */
void hs_cal_easter(int y, int *m, int *d)
{
    int a = y % 19, b = y / 100, c = y % 100;
    int dd = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - dd - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int mm = (a + 11 * h + 22 * l) / 451;
    *m = (h + l - 7 * mm + 114) / 31;
    *d = (h + l - 7 * mm + 114) % 31 + 1;
}

int hs_cal_nth_weekday(int y, int m, int wd, int n)
{
    if (n < 0) {
        int last = hs_cal_month_days(y, m);
        int w = hs_cal_weekday(y, m, last);
        return last - ((w - wd + 7) % 7);
    }
    int w1 = hs_cal_weekday(y, m, 1);
    int first = 1 + (wd - w1 + 7) % 7;
    return first + 7 * (n - 1);
}

/* ISO 8601 week: the week with the year's first Thursday is week 1. */
void hs_cal_iso_week(int y, int m, int d, int *wy, int *wk)
{
    int64_t z = hs_cal_days(y, m, d);
    int wd = hs_cal_weekday(y, m, d);
    int64_t thursday = z - wd + 3; /* the Thursday of this week decides the year */
    int ty, tm, td;
    hs_cal_civil(thursday, &ty, &tm, &td);
    int64_t jan1 = hs_cal_days(ty, 1, 1);
    *wy = ty;
    *wk = (int)((thursday - jan1) / 7 + 1);
}

void hs_holiday_date(const hs_holiday *h, int y, int *m, int *d)
{
    switch (h->rule) {
    case HR_NTH:
        *m = h->month;
        *d = hs_cal_nth_weekday(y, h->month, h->day, h->n);
        return;
    case HR_EASTER:
    case HR_THANKS_PLUS: {
        int bm, bd;
        if (h->rule == HR_EASTER) {
            hs_cal_easter(y, &bm, &bd);
        } else { /* US Thanksgiving: the fourth Thursday of November */
            bm = 11;
            bd = hs_cal_nth_weekday(y, 11, 3, 4);
        }
        hs_cal_civil(hs_cal_days(y, bm, bd) + h->n, &y, m, d);
        return;
    }
    default:
        *m = h->month;
        *d = h->day;
        return;
    }
}

/* ---- placing dates ------------------------------------------------------------ */

#define NEAR_DAYS 60

static int64_t day_of(int y, int m, int d) { return hs_cal_days(y, m, d); }

/* First and last day of the instance of v in year y (or, for weekdays, in the
 * week whose Monday is day y). Returns 0, or -1 when there is none. */
static int instance(const hs_tval *v, int y, int64_t *first, int64_t *last)
{
    int m = v->m, d = v->d;
    if (v->hol) {
        hs_holiday_date(hs_holiday_at((size_t)(v->hol - 1)), y, &m, &d);
        *first = *last = day_of(y, m, d);
        return 0;
    }
    switch (v->gran) {
    case TG_DAY:
        if (d < 1 || d > hs_cal_month_days(y, m))
            return -1; /* February 29 in a common year */
        *first = *last = day_of(y, m, d);
        return 0;
    case TG_MONTH:
        *first = day_of(y, m, 1);
        *last = day_of(y, m, hs_cal_month_days(y, m));
        return 0;
    case TG_SEASON: { /* meteorological seasons: spring from March, winter from December */
        int sm = 3 * v->sub;
        *first = day_of(y, sm, 1);
        *last = day_of(y, sm, 1) + 91 - 1;
        return 0;
    }
    case TG_QUARTER:
        *first = day_of(y, 3 * v->sub - 2, 1);
        *last = day_of(y, 3 * v->sub, hs_cal_month_days(y, 3 * v->sub));
        return 0;
    default:
        return -1;
    }
}

/* Choose the year of a repeating unit.  A month-day date that names its
 * weekday ("Friday, Oct. 27") takes the nearest year where the two agree. */
static void resolve_year(hs_tval *v, const hs_tref *ref)
{
    int64_t r = day_of(ref->y, ref->m, ref->d);
    int best = 0, have = 0;
    int dir = v->dir;
    if (dir == 2) {
        int64_t f, l;
        if (instance(v, ref->y, &f, &l) == 0)
            best = ref->y, have = 1;
    } else {
        /* scan the years around the reference in order, keep the right one */
        for (int y = ref->y - 2; y <= ref->y + 2; y++) {
            int64_t f, l;
            if (instance(v, y, &f, &l) != 0)
                continue;
            int ok;
            if (dir < 0)
                ok = l < r;
            else if (dir > 0)
                ok = f > r;
            else if (ref->future)
                ok = l >= r;
            else
                ok = f <= r + (v->anchor == TA_NEAR ? NEAR_DAYS : 0);
            if (!ok)
                continue;
            if (v->wday && v->gran == TG_DAY && !v->hol && hs_cal_weekday(y, v->m, v->d) != v->wday - 1)
                continue; /* "Friday, Oct. 27": only a year where it is a Friday */
            if (dir > 0 || (dir == 0 && ref->future)) { /* the first that qualifies */
                if (!have)
                    best = y, have = 1;
            } else {
                best = y, have = 1; /* the latest that qualifies */
            }
        }
    }
    if (!have && v->wday) {
        v->wday = 0; /* the weekday fits no year near the article: trust the date */
        resolve_year(v, ref);
        return;
    }
    if (!have) {
        v->unresolved = 1;
        return;
    }
    v->y = best;
    if (v->hol)
        hs_holiday_date(hs_holiday_at((size_t)(v->hol - 1)), best, &v->m, &v->d);
}

/* A weekday relative to the reference day. */
static void resolve_weekday(hs_tval *v, const hs_tref *ref)
{
    int64_t r = day_of(ref->y, ref->m, ref->d);
    int rw = hs_cal_weekday(ref->y, ref->m, ref->d);
    int want = v->wday - 1;
    int64_t day;
    int back = (rw - want + 7) % 7;   /* days back to the latest such weekday, 0 today */
    int ahead = (want - rw + 7) % 7;  /* days ahead to the next one, 0 today */
    if (v->dir == 2)
        day = r - rw + want;          /* in the reference's ISO week */
    else if (v->dir < 0)
        day = r - (back ? back : 7);
    else if (v->dir > 0 || ref->future)
        day = r + (ahead ? ahead : 7);
    else
        day = r - back;
    hs_cal_civil(day, &v->y, &v->m, &v->d);
    v->gran = TG_DAY;
}

void hs_tval_resolve_anaphor(hs_tval *v, const hs_tval *p)
{
    v->anchor = TA_ABS;
    /* the earlier date must be at least as precise as the step */
    int need = v->aunit == TU_YEAR || v->aunit == TU_DECADE ? TG_YEAR : v->aunit == TU_MONTH ? TG_MONTH : TG_DAY;
    if (v->unresolved || !p || p->kind || p->unresolved || !p->y || p->gran < need || p->gran == TG_WEEK ||
        p->gran == TG_WEEKEND || (need > TG_YEAR && p->gran < TG_MONTH) || (need == TG_DAY && p->gran != TG_DAY)) {
        v->unresolved = 1;
        return;
    }
    hs_tref r = {p->y, p->m ? p->m : 1, p->d ? p->d : 1, 0};
    hs_tval t = *v;
    memset(v, 0, sizeof *v);
    if (t.m) { /* a named month: November of the same year, that February, the following September */
        int known = p->gran >= TG_MONTH && p->m;
        if (t.sub || !t.adelta)
            v->y = r.y + t.adelta;
        else if (t.adelta > 0)
            v->y = known && t.m > p->m ? r.y : r.y + 1;
        else
            v->y = known && t.m < p->m ? r.y : r.y - 1;
        v->m = t.m, v->gran = TG_MONTH, v->mod = t.mod, v->anchor = TA_ABS;
        return;
    }
    /* the relative-unit arithmetic of "two weeks ago", from the earlier date */
    switch (t.aunit) {
    case TU_YEAR: v->gran = TG_YEAR, v->y = r.y + t.adelta; break;
    case TU_DECADE: v->gran = TG_YEAR, v->y = r.y + 10 * t.adelta; break;
    case TU_MONTH: {
        int mi = r.y * 12 + (r.m - 1) + t.adelta;
        v->gran = TG_MONTH, v->y = mi / 12, v->m = mi % 12 + 1;
        break;
    }
    default: {
        int64_t z = day_of(r.y, r.m, r.d) + (t.aunit == TU_WEEK ? 7 : 1) * t.adelta;
        int y, m, d;
        hs_cal_civil(z, &y, &m, &d);
        if (t.aunit == TU_WEEK) {
            hs_cal_iso_week(y, m, d, &v->y, &v->sub);
            v->gran = TG_WEEK;
        } else {
            v->y = y, v->m = m, v->d = d, v->gran = TG_DAY;
        }
    }
    }
    v->mod = t.mod;
    v->anchor = TA_ABS;
}

void hs_tval_resolve(hs_tval *v, const hs_tref *ref)
{
    if (v->anchor == TA_ANAPH)
        return; /* hs_tval_resolve_anaphor, by the caller who knows the date before */
    if (v->kind != 0 || v->unresolved || v->anchor == TA_ABS || v->anchor == TA_REL)
        goto shift;
    if (!ref->y) {
        /* no article date: keep what the text gives; computed holidays and
         * weekdays cannot be placed */
        if (v->wday && !v->m)
            v->unresolved = 1;
        else if (v->hol && hs_holiday_at((size_t)(v->hol - 1))->rule != HR_FIXED)
            v->unresolved = 1;
        else if (v->hol)
            hs_holiday_date(hs_holiday_at((size_t)(v->hol - 1)), 2001, &v->m, &v->d);
        return; /* y stays 0: XXXX */
    }
    if (v->wday && !v->m)
        resolve_weekday(v, ref);
    else if (!v->y)
        resolve_year(v, ref);
shift:
    if (v->shift && v->gran == TG_DAY && v->y && !v->unresolved) {
        int64_t z = day_of(v->y, v->m, v->d) + v->shift;
        hs_cal_civil(z, &v->y, &v->m, &v->d);
        v->shift = 0;
    }
}

int hs_tval_format(const hs_tval *v, char *buf, size_t n)
{
    static const char *const seasons[5] = {"", "SP", "SU", "FA", "WI"};
    char yy[8];
    if (v->unresolved)
        return -1;
    if (v->kind != 0) {
        if (!v->dur[0])
            return -1;
        snprintf(buf, n, "%s", v->dur);
        return 0;
    }
    if (v->y)
        snprintf(yy, sizeof yy, "%04d", v->y);
    else
        snprintf(yy, sizeof yy, "XXXX");
    switch (v->gran) {
    case TG_CENTURY: snprintf(buf, n, "%02d", v->sub); return 0;
    case TG_DECADE: snprintf(buf, n, "%03d", v->sub); return 0;
    case TG_YEAR:
        if (!v->y)
            return -1;
        snprintf(buf, n, "%s", yy);
        return 0;
    case TG_HALF: snprintf(buf, n, "%s-H%d", yy, v->sub); return 0;
    case TG_QUARTER: snprintf(buf, n, "%s-Q%d", yy, v->sub); return 0;
    case TG_SEASON: snprintf(buf, n, "%s-%s", yy, seasons[v->sub >= 1 && v->sub <= 4 ? v->sub : 0]); return 0;
    case TG_MONTH: snprintf(buf, n, "%s-%02d", yy, v->m); return 0;
    case TG_WEEK: snprintf(buf, n, "%04d-W%02d", v->y, v->sub); return 0;
    case TG_WEEKEND: snprintf(buf, n, "%04d-W%02d-WE", v->y, v->sub); return 0;
    case TG_DAY:
        if (!v->m || !v->d)
            return -1;
        snprintf(buf, n, "%s-%02d-%02d", yy, v->m, v->d);
        return 0;
    default:
        return -1;
    }
}
