/* The date grammar: which word sequences are temporal expressions, and what
 * they mean before they are placed on the calendar (resolve.c).
 *
 * Every pattern below names the construction it covers.  Patterns start at a
 * word and return the end of what they matched; hs_tgram_match keeps the
 * longest.  Spans leave out prepositions ("in 2019" → "2019") and keep the
 * words that carry meaning ("the night before Valentine's Day in 2025",
 * "the past two years", "late 2024", "about two years ago"). */
#include "time/gram.h"

#include <stdio.h>
#include <string.h>


/* Christmas, Valentine's Day in 2025, Christmas 2024, New Year's Eve.  A
 * one-word name is also a modifier ("a Christmas movie"): it counts only
 * after a preposition or a date word, or before punctuation or a keyword. */
static size_t p_holiday(const g_ctx *g, size_t i, hs_tval *v, int ctx)
{
    int h = 0, y = 0;
    size_t e = tg_holiday_at(g, i, &h);
    if (!e)
        return 0;
    size_t t = tg_year_tail(g, e, 1, &y);
    if (!t && e == i + 1 && KW(g, e) == TK_HEAD)
        return 0; /* a Christmas movie, Easter eggs */
    const hs_tw *nx = W(g, e);
    if (!t && nx && nx->kind == TW_ALPHA && (nx->flags & TWF_CAP) && !(nx->flags & TWF_SENT) &&
        !(nx->lex && (nx->lex->month || nx->lex->wday)))
        return 0; /* New Year's Rockin' Eve, Christmas Carol: a name */
    if (!t && e == i + 1 && !ctx) {
        int pk = i ? KW(g, i - 1) : TK_NONE;
        int before = pk == TK_ON || pk == TK_AT || pk == TK_FOR || pk == TK_PREP || pk == TK_IN ||
                     pk == TK_BEFORE || pk == TK_AFTER || pk == TK_APPROX || pk == TK_OF;
        int after = !nx || (nx->kind == TW_PUNCT && nx->low[0] != '-') ||
                    (nx->kind == TW_ALPHA && nx->lex && nx->lex->kw && nx->lex->kw != TK_THE && !(nx->flags & TWF_CAP));
        if (!before && !after)
            return 0;
    }
    v->hol = h + 1;
    v->gran = TG_DAY;
    if (t) {
        v->y = y;
        v->anchor = TA_ABS;
        hs_holiday_date(hs_holiday_at((size_t)h), y, &v->m, &v->d);
        return t;
    }
    v->anchor = TA_NEAR;
    return e;
}

/* ---- absolute dates ---------------------------------------------------------- */

/* ISO 8601: 2025-03-29 */
static size_t p_iso(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_tw *b = W(g, i + 2), *c = W(g, i + 4);
    if (!is_year(g, i) || !is_punct(g, i + 1, '-') || !is_punct(g, i + 3, '-') || !plain_num(b) || !plain_num(c))
        return 0;
    if (!glued(g, i + 1) || !glued(g, i + 2) || !glued(g, i + 3) || !glued(g, i + 4))
        return 0;
    int y = W(g, i)->num;
    if (b->ndigits != 2 || c->ndigits != 2 || b->num < 1 || b->num > 12 || c->num < 1 ||
        c->num > hs_cal_month_days(y, b->num))
        return 0;
    tg_set_day(v, y, b->num, c->num);
    return i + 5;
}

/* Numeric: 3/29/2025 (US month first), 29/3/2025 when the first part exceeds 12,
 * 3/29/25.  Two parts (3/29, 24/7, 9/11) are left alone: too often not dates. */
static size_t p_slash(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_tw *a = W(g, i), *b = W(g, i + 2), *c = W(g, i + 4);
    if (!plain_num(a) || !is_punct(g, i + 1, '/') || !plain_num(b) || !is_punct(g, i + 3, '/') || !plain_num(c))
        return 0;
    if (!glued(g, i + 1) || !glued(g, i + 2) || !glued(g, i + 3) || !glued(g, i + 4) ||
        (is_punct(g, i + 5, '/') && glued(g, i + 5)))
        return 0;
    if (a->ndigits > 2 || b->ndigits > 2 || (c->ndigits != 2 && c->ndigits != 4) || (a->flags | b->flags | c->flags) & TWF_ORD)
        return 0;
    int y = c->num, m = a->num, d = b->num;
    if (c->ndigits == 2) {
        int pivot = g->ref->y ? g->ref->y % 100 + 1 : 30;
        y += y <= pivot ? 2000 : 1900;
    }
    if (m > 12) {
        m = b->num;
        d = a->num;
    }
    if (m < 1 || m > 12 || d < 1 || d > hs_cal_month_days(y, m))
        return 0;
    tg_set_day(v, y, m, d);
    return i + 5;
}

/* Words before a bare month or season that make it a date: in, since, by,
 * early, late, last… */
static int temporal_prev(const g_ctx *g, size_t i)
{
    if (i >= 2 && is_punct(g, i - 1, '-') && KW(g, i - 2) == TK_MID)
        return 1;
    int pk = i ? KW(g, i - 1) : TK_NONE;
    return pk == TK_IN || pk == TK_PREP || pk == TK_EARLY || pk == TK_LATE || pk == TK_MID ||
           pk == TK_BEFORE || pk == TK_AFTER || pk == TK_EARLIER || pk == TK_LATER || pk == TK_APPROX ||
           pk == TK_TO;
}

/* Month m, day d, then an optional year at word k: the end, or 0 when the
 * day does not exist in that month (February 30). */
static size_t day_year(const g_ctx *g, size_t k, int m, int d, hs_tval *v)
{
    int y = 0;
    size_t t = tg_year_tail(g, k, 0, &y);
    if (d > hs_cal_month_days(y ? y : 2000, m))
        return 0;
    tg_set_day(v, y, m, d);
    return t ? t : k;
}

/* A month name that modifies a noun after a determiner or a possessive: "a
 * February interview", "her May wedding", "Cowell's October announcement"
 * (not "the March for Our Lives": the next word must be a plain noun). */
static int month_modifier(const g_ctx *g, size_t i, size_t j)
{
    const hs_tw *pv = i ? W(g, i - 1) : NULL, *nx = W(g, j);
    if (!pv || !nx || nx->kind != TW_ALPHA || (nx->flags & TWF_CAP) || nx->lex)
        return 0;
    int pk = KW(g, i - 1);
    return pk == TK_A || pk == TK_THE || pk == TK_POSS ||
           (pv->kind == TW_ALPHA && pv->len > 2 && pv->low[pv->len - 2] == '\'' && pv->low[pv->len - 1] == 's');
}

/* March 29, 2025 · Mar. 29 · March 29th · March 2025 · March of 2025 · (in) March */
static size_t p_month(const g_ctx *g, size_t i, hs_tval *v, int ctx)
{
    int m, ab, y = 0;
    size_t j = tg_month_at(g, i, &m, &ab);
    if (!j)
        return 0;
    if (is_mday(g, j) && !(is_punct(g, j + 1, ':') && glued(g, j + 1)))
        return day_year(g, j + 1, m, W(g, j)->num, v);
    size_t t = tg_year_tail(g, j, 0, &y);
    if (t) {
        v->gran = TG_MONTH, v->y = y, v->m = m, v->anchor = TA_ABS;
        return t;
    }
    int pl, k = KW(g, j + 1);
    if (KW(g, j) == TK_OF && (k == TK_LAST || k == TK_THIS || k == TK_NEXT) && tg_unit_at(g, j + 2, &pl) == TU_YEAR &&
        !pl) { /* May of last year */
        tg_rel_unit(v, TU_YEAR, k == TK_LAST ? -1 : k == TK_NEXT ? 1 : 0, g->ref);
        v->gran = TG_MONTH, v->m = m;
        return j + 3;
    }
    int k2 = KW(g, j + 2); /* November of the same year, of that year, of the following year */
    if (KW(g, j) == TK_OF && (k == TK_THAT || k == TK_FOLLOWING || k == TK_PREVIOUS || (k == TK_THE && (k2 == TK_SAME ||
        k2 == TK_FOLLOWING || k2 == TK_PREVIOUS)))) {
        size_t y0 = j + (k == TK_THE ? 3 : 2);
        int kk = k == TK_THE ? k2 : k;
        if (tg_unit_at(g, y0, &pl) == TU_YEAR && !pl) {
            v->m = m, v->sub = 1, v->aunit = TU_YEAR, v->anchor = TA_ANAPH, v->gran = TG_MONTH;
            v->adelta = kk == TK_FOLLOWING ? 1 : kk == TK_PREVIOUS ? -1 : 0;
            return y0 + 1;
        }
    }
    if (ab && !ctx)
        return 0; /* Jan, Dec: only with a number or after early/late/mid */
    const hs_tw *nx = W(g, j);
    int pk = i ? KW(g, i - 1) : TK_NONE;
    int capnext = nx && nx->kind == TW_ALPHA && (nx->flags & TWF_CAP);
    if (capnext && !ctx && pk != TK_IN)
        return 0; /* August Alsina, June Carter Cash (but "In May Grande posted") */
    int of_unit = pk == TK_OF && i >= 2 && (LX(g, i - 2) && (LX(g, i - 2)->unit || LX(g, i - 2)->kw == TK_WEEKEND));
    if (!ctx && !temporal_prev(g, i) && !of_unit && !month_modifier(g, i, j))
        return 0; /* the first week of January (not the Ides of March) */
    if (m == 5 && !ctx && i && KW(g, i - 1) == TK_TO)
        return 0; /* "to May" is rarer than a verb after "to" */
    v->gran = TG_MONTH, v->m = m, v->anchor = TA_PAST;
    return j;
}

/* 29 March 2025 · 29th March · 29th of March */
static size_t p_daymonth(const g_ctx *g, size_t i, hs_tval *v)
{
    int m, ab;
    if (!is_mday(g, i))
        return 0;
    int d = W(g, i)->num;
    size_t k = i + 1;
    if (KW(g, k) == TK_OF) {
        if (!(W(g, i)->flags & TWF_ORD))
            return 0;
        k++;
    }
    size_t e = tg_month_at(g, k, &m, &ab);
    if (!e || (is_mday(g, e) && !is_year(g, e)))
        return 0; /* "19 May 20, 2012": the month opens the next date */
    return day_year(g, e, m, d, v);
}

/* Tuesday · Friday, Feb. 14, 2025 · Friday 14 February.  Not inside a name:
 * "Sunday Times", "Saturday Night Live", "Mail on Sunday". */
static size_t p_weekday(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_lex *l = LX(g, i);
    const hs_tw *w = W(g, i);
    if (!l || !w || !l->wday || l->plural || !(w->flags & TWF_CAP))
        return 0;
    size_t j = i + 1, e;
    if (is_punct(g, j, ','))
        j++;
    if (((e = p_month(g, j, v, 0)) && v->gran == TG_DAY) || (e = p_daymonth(g, j, v))) {
        v->wday = l->wday;
        return e;
    }
    memset(v, 0, sizeof *v);
    const hs_tw *nx = W(g, i + 1);
    int pk = i ? KW(g, i - 1) : TK_NONE; /* "on Friday Tyga added": a name after the date */
    if (nx && nx->kind == TW_ALPHA && (nx->flags & TWF_CAP) && !(nx->lex && nx->lex->month) &&
        strchr(w->low, '\'') == NULL && !((pk == TK_ON || pk == TK_PREP) && !nx->lex))
        return 0;
    if (i >= 2 && KW(g, i - 1) == TK_ON && KW(g, i - 2) == TK_NAMEPART && (W(g, i - 2)->flags & TWF_CAP))
        return 0; /* the Mail on Sunday */
    if (i && KW(g, i - 1) == TK_NAMEPART && (W(g, i - 1)->flags & TWF_CAP))
        return 0; /* Freaky Friday, Manic Monday */
    if (i && KW(g, i - 1) == TK_A)
        return 0; /* on a Sunday evening: no particular Sunday */
    v->wday = l->wday, v->gran = TG_DAY, v->anchor = TA_PAST;
    return i + 1;
}

/* the 1990s, the '90s, the 90s (not "in her 60s": an age) */
static size_t p_decade(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_tw *w = W(g, i);
    if (!w || w->kind != TW_NUM || !(w->flags & TWF_DECADE) || (w->flags & TWF_GROUPED) || w->num % 10)
        return 0;
    const hs_tw *nx = W(g, i + 1);
    if (w->ndigits == 4 && w->num >= 1000 && w->low[4] == '\'' && KW(g, i - (i > 0)) != TK_THE && i > 0 && nx &&
        nx->kind == TW_ALPHA && (nx->flags & TWF_CAP)) {
        v->gran = TG_YEAR, v->y = w->num, v->anchor = TA_ABS; /* 2010's I Will Comply: a possessive year */
        return i + 1;
    }
    if (w->ndigits == 4 && w->num >= 1000) {
        v->sub = w->num / 10;
    } else if (w->ndigits == 2) {
        for (size_t k = i; k > 0 && k + 4 > i; k--) { /* her 60s, his early 60s, their mid-20s */
            int pk = KW(g, k - 1);
            if (pk == TK_POSS)
                return 0;
            if (pk != TK_EARLY && pk != TK_LATE && pk != TK_MID && !is_punct(g, k - 1, '-'))
                break;
        }
        int ry = g->ref->y ? g->ref->y : 2029;
        int c = ry / 100;
        if (c * 100 + w->num > ry)
            c--;
        v->sub = (c * 100 + w->num) / 10;
    } else {
        return 0;
    }
    v->gran = TG_DECADE, v->anchor = TA_ABS;
    return i + 1;
}

/* 20th century · twentieth century → 19 */
static size_t p_century(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_tw *w = W(g, i);
    const hs_lex *l = LX(g, i);
    int o = 0;
    if (w && w->kind == TW_NUM && (w->flags & TWF_ORD) && w->ndigits <= 2)
        o = w->num;
    else if (l && l->ord)
        o = l->ord;
    if (!o || KW(g, i + 1) != TK_CENTURY)
        return 0;
    if ((W(g, i + 1)->flags & TWF_CAP) && W(g, i + 2) && (W(g, i + 2)->flags & TWF_CAP))
        return 0; /* 20th Century Fox */
    v->gran = TG_CENTURY, v->sub = o - 1, v->anchor = TA_ABS;
    return i + 2;
}

/* summer 2023 · summer of 2023 · (in the) summer · fall 2024 */
static size_t p_season(const g_ctx *g, size_t i, hs_tval *v, int ctx)
{
    const hs_lex *l = LX(g, i);
    int y;
    if (!l || !l->season)
        return 0;
    size_t t = tg_year_tail(g, i + 1, 0, &y);
    v->gran = TG_SEASON, v->sub = l->season;
    if (t) {
        v->y = y, v->anchor = TA_ABS;
        return t;
    }
    size_t p = i && KW(g, i - 1) == TK_THE ? i - 1 : i;
    if (!ctx && (!temporal_prev(g, p) || KW(g, p - 1) == TK_TO || (l->value && p == i)))
        return 0; /* to fall in love; a bare "fall" is a verb */
    if (KW(g, i + 1) == TK_OF || KW(g, i + 1) == TK_HEAD)
        return 0; /* the spring of her career, summer camp */
    v->anchor = TA_PAST;
    return i + 1;
}

/* Q3 · Q3 2024 · the third quarter (of 2024) · the first half of 2024 */
static size_t p_quarter(const g_ctx *g, size_t i, hs_tval *v)
{
    const hs_lex *l = LX(g, i);
    size_t j;
    int y, n;
    if (l && l->kw == TK_QUARTER && l->value) {
        n = l->value;
        j = i + 1;
        v->gran = TG_QUARTER;
    } else {
        j = KW(g, i) == TK_THE ? i + 1 : i;
        const hs_lex *o = LX(g, j);
        n = o && o->ord ? o->ord : 0;
        int k = KW(g, j + 1);
        if (!n || (k != TK_QUARTER && k != TK_HALF) || (k == TK_QUARTER && n > 4) || (k == TK_HALF && n > 2))
            return 0;
        v->gran = k == TK_QUARTER ? TG_QUARTER : TG_HALF;
        j += 2;
    }
    v->sub = n;
    size_t t = tg_year_tail(g, j, 0, &y);
    if (t) {
        v->y = y, v->anchor = TA_ABS;
        return t;
    }
    int pl;
    if (KW(g, j) == TK_OF && (KW(g, j + 1) == TK_THIS || KW(g, j + 1) == TK_LAST || KW(g, j + 1) == TK_NEXT ||
                              KW(g, j + 1) == TK_THE) && tg_unit_at(g, j + 2, &pl) == TU_YEAR && !pl) {
        int k = KW(g, j + 1);
        uint8_t gran = v->gran;
        tg_rel_unit(v, TU_YEAR, k == TK_LAST ? -1 : k == TK_NEXT ? 1 : 0, g->ref);
        v->gran = gran, v->sub = n;
        return j + 3;
    }
    if (v->gran == TG_HALF || !(l && l->value))
        return 0; /* "the fourth quarter" alone is more often a game's */
    v->anchor = TA_PAST;
    return j;
}

/* A four-digit year 1800–2099, unless it is a quantity ($2000, 2000 people,
 * 2,000) or a part of a number (212-555-2019). */
static size_t p_year(const g_ctx *g, size_t i, hs_tval *v, int ctx)
{
    const hs_tw *ap = W(g, i);
    const hs_tw *an = W(g, i + 1); /* not ‘19 Kids and Counting’ */
    if (ap && ap->kind == TW_NUM && (ap->flags & TWF_APOS) && ap->ndigits == 2 && !(ap->flags & (TWF_DECADE | TWF_ORD)) &&
        !(an && an->kind == TW_ALPHA && (an->flags & TWF_CAP))) {
        int ry = g->ref->y ? g->ref->y : 2029, c = ry / 100; /* Met Gala ’19, class of ’05 */
        if (c * 100 + ap->num > ry + 1)
            c--;
        v->gran = TG_YEAR, v->y = c * 100 + ap->num, v->anchor = TA_ABS;
        return i + 1;
    }
    if (!is_year(g, i))
        return 0;
    const hs_tw *w = W(g, i), *nx = W(g, i + 1), *pv = i ? W(g, i - 1) : NULL;
    int pk = i ? KW(g, i - 1) : TK_NONE, pl;
    if (pv && pv->kind == TW_PUNCT && glued(g, i)) {
        char c = pv->low[0];
        if (c == '$' || c == '#' || c == '+')
            return 0;
        if ((c == '-' || c == '/' || c == '.' || c == ':') && i >= 2 && W(g, i - 2)->kind == TW_NUM && !is_year(g, i - 2))
            return 0;
    }
    const hs_tw *n2 = W(g, i + 2);
    if (nx && glued(g, i + 1) && nx->kind == TW_PUNCT &&
        (nx->low[0] == '%' || (nx->low[0] == ':' && n2 && n2->kind == TW_NUM && glued(g, i + 2))))
        return 0;
    if (tg_unit_at(g, i + 1, &pl))
        return 0; /* 2000 years: a duration */
    int prep = pk == TK_IN || pk == TK_OF || pk == TK_THE || pk == TK_PREP || pk == TK_BEFORE ||
               pk == TK_AFTER || pk == TK_AND || pk == TK_TO || pk == TK_APPROX;
    if (!prep && w->num < 1900)
        return 0;
    if (!prep && w->num > (g->ref->y ? g->ref->y + 10 : 2035))
        return 0; /* a far-future year without a preposition: a name (Blade Runner 2049) */
    if (!ctx && pk != TK_THE && pk != TK_IN && pk != TK_OF && nx && nx->kind == TW_ALPHA &&
        !(nx->flags & TWF_CAP) && !nx->lex) {
        size_t l = strlen(nx->low); /* 0 for a word whose lower form did not fit */
        char a = l > 3 ? nx->low[l - 2] : 's';
        if (l && nx->low[l - 1] == 's' && a != '\'' && a != 's' && a != 'u' && a != 'i')
            return 0; /* 2000 people (but 2019 was) */
    }
    v->gran = TG_YEAR, v->y = w->num, v->anchor = TA_ABS;
    return i + 1;
}

/* ---- relative to the article date ------------------------------------------- */

/* yesterday · today · tomorrow · tonight · last night · this morning */
static size_t p_deictic(const g_ctx *g, size_t i, hs_tval *v)
{
    int k = KW(g, i);
    const hs_tw *w = W(g, i);
    switch (k) {
    case TK_YESTERDAY: tg_rel_unit(v, TU_DAY, -1, g->ref); return i + 1;
    case TK_TOMORROW:
    case TK_TONIGHT:
    case TK_TODAY:
        /* capitalised inside a sentence: a name (the Today show, The Tonight
         * Show, Entertainment Tonight, Edge of Tomorrow) */
        if ((w->flags & TWF_CAP) && !(w->flags & TWF_SENT))
            return 0;
        tg_rel_unit(v, TU_DAY, k == TK_TOMORROW ? 1 : 0, g->ref);
        return i + 1;
    case TK_LAST:
        if (KW(g, i + 1) != TK_NIGHT)
            return 0;
        tg_rel_unit(v, TU_DAY, -1, g->ref);
        return i + 2;
    case TK_THIS:
        if (KW(g, i + 1) != TK_PARTDAY)
            return 0;
        tg_rel_unit(v, TU_DAY, 0, g->ref);
        return i + 2;
    default:
        return 0;
    }
}

/* last/this/next/this past + year, month, week, weekend, weekday, month name,
 * season, holiday · earlier/later this year · earlier today */
static size_t p_relative(const g_ctx *g, size_t i, hs_tval *v)
{
    int k = KW(g, i), dir, pl;
    size_t j = i + 1;
    if (k == TK_EARLIER || k == TK_LATER) {
        if (KW(g, j) == TK_TODAY) {
            tg_rel_unit(v, TU_DAY, 0, g->ref);
            return j + 1;
        }
        const hs_lex *wl = LX(g, j);
        if (wl && wl->wday && !wl->plural && (W(g, j)->flags & TWF_CAP)) { /* earlier Tuesday */
            v->wday = wl->wday, v->gran = TG_DAY, v->anchor = TA_PAST;
            return j + 1;
        }
        if (KW(g, j) != TK_THIS)
            return 0;
        k = TK_THIS;
        j++;
    }
    if (k == TK_LAST)
        dir = -1;
    else if (k == TK_NEXT)
        dir = 1;
    else if (k == TK_THIS) {
        dir = 2;
        if (KW(g, j) == TK_PAST || KW(g, j) == TK_COMING)
            dir = KW(g, j++) == TK_PAST ? -1 : 1;
    } else
        return 0;
    int u = tg_unit_at(g, j, &pl);
    if (u == TU_YEAR || u == TU_MONTH || u == TU_WEEK) {
        if (pl)
            return 0;
        tg_rel_unit(v, u, dir == 2 ? 0 : dir, g->ref);
        return j + 1;
    }
    if (KW(g, j) == TK_WEEKEND && !LX(g, j)->plural) {
        tg_rel_weekend(v, dir, g->ref);
        return j + 1;
    }
    const hs_lex *l = LX(g, j);
    int m, ab, h;
    size_t e;
    v->dir = dir;
    if (l && l->wday && !l->plural) {
        v->wday = l->wday, v->gran = TG_DAY, v->anchor = TA_PAST;
        return j + 1;
    }
    if ((e = tg_month_at(g, j, &m, &ab))) {
        v->gran = TG_MONTH, v->m = m, v->anchor = TA_PAST;
        return e;
    }
    if (l && l->season) {
        v->gran = TG_SEASON, v->sub = l->season, v->anchor = TA_PAST;
        return j + 1;
    }
    if ((e = tg_holiday_at(g, j, &h))) {
        v->hol = h + 1, v->gran = TG_DAY, v->anchor = TA_NEAR;
        return e;
    }
    v->dir = 0;
    return 0;
}

/* the weekend, over the weekend (past: the latest that has begun) */
static size_t p_weekend(const g_ctx *g, size_t i, hs_tval *v)
{
    if (KW(g, i) != TK_THE || KW(g, i + 1) != TK_WEEKEND || LX(g, i + 1)->plural)
        return 0;
    tg_rel_weekend(v, 0, g->ref);
    return i + 2;
}

/* ---- composition --------------------------------------------------------------- */

static size_t p_core(const g_ctx *g, size_t i, hs_tval *v, int ctx);

/* the night before Valentine's Day in 2025 · the day after Christmas · the eve
 * of X · the night of March 3 · two days before X · the day before yesterday */
static size_t p_anchored(const g_ctx *g, size_t i, hs_tval *v)
{
    int n = 1, ap, pl, eve = 0;
    size_t j;
    if (KW(g, i) == TK_THE && (KW(g, i + 1) == TK_NIGHT || KW(g, i + 1) == TK_PARTDAY || KW(g, i + 1) == TK_EVE ||
                               (tg_unit_at(g, i + 1, &pl) == TU_DAY && !pl))) {
        eve = KW(g, i + 1) == TK_EVE;
        j = i + 2;
    } else {
        size_t k = tg_count_at(g, i, 0, &n, &ap);
        if (!k || n < 0 || tg_unit_at(g, k, &pl) != TU_DAY)
            return 0;
        j = k + 1;
    }
    int rel = KW(g, j), shift;
    if (eve)
        shift = rel == TK_OF ? -1 : 99;
    else
        shift = rel == TK_BEFORE ? -n : rel == TK_AFTER ? n : rel == TK_OF && n == 1 && KW(g, i) == TK_THE ? 0 : 99;
    if (shift == 99)
        return 0;
    size_t e = p_core(g, j + 1, v, 1);
    if (!e || v->gran != TG_DAY || v->kind)
        return 0;
    v->shift += shift;
    return e;
}

/* Modifiers: early March (START) · late 2024 (END) · mid-2023 (MID) · the end
 * of 2024 · the beginning of the year · around Christmas (APPROX) · about two
 * years ago (APPROX; "about"/"nearly"/"almost" only before amounts: "about
 * March" is a topic, not a time). */
static size_t p_mod(const g_ctx *g, size_t i, hs_tval *v)
{
    int k = KW(g, i), mod, amounts_only = 0, pl = 0;
    size_t j = i + 1;
    if (k == TK_EARLY)
        mod = HS_TM_START;
    else if (k == TK_LATE)
        mod = HS_TM_END;
    else if (k == TK_MID)
        mod = HS_TM_MID;
    else if (k == TK_APPROX) {
        mod = HS_TM_APPROX;
        amounts_only = LX(g, i)->value;
    } else if (k == TK_THE && KW(g, i + 2) == TK_OF) {
        int k1 = KW(g, i + 1);
        mod = k1 == TK_END ? HS_TM_END : k1 == TK_BEGINNING ? HS_TM_START : k1 == TK_MIDDLE ? HS_TM_MID : 0;
        if (!mod)
            return 0;
        j = i + 3;
        int u = tg_unit_at(g, j + 1, &pl);
        if (KW(g, j) == TK_THE && !pl && (u == TU_YEAR || u == TU_MONTH || u == TU_WEEK)) {
            tg_rel_unit(v, u, 0, g->ref); /* the end of the year: this one */
            v->mod = (uint8_t)mod;
            return j + 2;
        }
        if (KW(g, j) == TK_THE)
            j++; /* the end of the 1990s */
    } else
        return 0;
    if (mod != HS_TM_APPROX && j == i + 1 && is_punct(g, j, '-') && glued(g, j))
        j++; /* mid-2023 */
    size_t e = tg_ago(g, j, v);
    if (!e) {
        memset(v, 0, sizeof *v);
        e = tg_duration(g, j, v);
        if (e && mod != HS_TM_APPROX)
            e = 0;
    }
    if (!e && !amounts_only) {
        memset(v, 0, sizeof *v);
        e = p_core(g, j, v, 1);
    }
    if (!e)
        return 0;
    v->mod = (uint8_t)mod;
    return e;
}

/* Every date pattern at i; the longest wins.  ctx: a modifier or anchor
 * before i already makes a bare month or season a date. */
static size_t p_core(const g_ctx *g, size_t i, hs_tval *v, int ctx)
{
    size_t best = 0, e;
    hs_tval t;
#define TRY(call)                                  \
    do {                                           \
        memset(&t, 0, sizeof t);                   \
        if ((e = (call)) > best) {                 \
            best = e;                              \
            *v = t;                                \
        }                                          \
    } while (0)
    TRY(p_iso(g, i, &t));
    TRY(p_slash(g, i, &t));
    TRY(p_month(g, i, &t, ctx));
    TRY(p_daymonth(g, i, &t));
    TRY(p_weekday(g, i, &t));
    TRY(p_holiday(g, i, &t, ctx));
    TRY(p_decade(g, i, &t));
    TRY(p_century(g, i, &t));
    TRY(p_season(g, i, &t, ctx));
    TRY(p_quarter(g, i, &t));
    TRY(p_year(g, i, &t, ctx));
    TRY(p_deictic(g, i, &t));
    TRY(p_relative(g, i, &t));
    TRY(p_weekend(g, i, &t));
    return best;
}

size_t hs_tgram_match(const hs_tscan *sc, size_t i, size_t *begin, hs_tval *v, const hs_tref *ref)
{
    g_ctx g = {sc, ref};
    size_t best = 0, e;
    hs_tval t;
    const hs_tw *w = W(&g, i);
    /* only numbers, lexicon words and capitalised words (holidays) start a timex */
    if (!w || w->kind == TW_PUNCT || (w->kind == TW_ALPHA && !w->lex && !(w->flags & TWF_CAP)))
        return 0;
    TRY(tg_set(&g, i, &t));
    TRY(p_anchored(&g, i, &t));
    TRY(p_mod(&g, i, &t));
    TRY(tg_ago(&g, i, &t));
    TRY(tg_anaphoric(&g, i, &t));
    TRY(tg_duration(&g, i, &t));
    TRY(p_core(&g, i, &t, 0));
#undef TRY
    *begin = i;
    /* Tuesday night, yesterday afternoon, Christmas morning */
    if (best && v->kind == 0 && v->gran == TG_DAY && (KW(&g, best) == TK_PARTDAY || KW(&g, best) == TK_NIGHT) &&
        !(W(&g, best)->flags & TWF_CAP && !(W(&g, best - 1)->flags & TWF_CAP)))
        best++;
    return best;
}
