/* Calendar arithmetic for the time layer: proleptic Gregorian days, weekdays,
 * ISO 8601 weeks, the date of Easter and of the holidays in the lexicon.
 *
 * Day counting follows H. Hinnant's days_from_civil / civil_from_days
 * algorithms (eras of 400 years, March-based years), exact for all years. */
#include "time/time.h"

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
