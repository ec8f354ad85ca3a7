/* Temporal expressions: internal interfaces of src/time/.
 *
 * The stage works on the article text (its own light word scanner; the text
 * layer's quotations only mark titles to skip),
 * so it does not depend on the tokenizer's choices: "mid-2023", "3/29/2025"
 * and "’90s" are split the way dates need.  Pieces:
 *   lexicon.c   the word tables (months, weekdays, number words, units,
 *               keywords, holidays) and their look-up
 *   scan.c      text → words with their lexicon classes and sentences
 *   units.c     the grammar's building blocks (counts, units, month names,
 *               year tails, values computed from the article date); gram.h
 *   grammar.c   words → timex candidates: the calendar-date patterns
 *   amounts.c   durations, "ago", "two years later", sets
 *   resolve.c   calendar arithmetic (days, weekdays, ISO weeks, Easter,
 *               holidays); underspecified dates → calendar values; ISO strings
 *   time.c      the stage: hs_time_run, hs_time_at, overlap handling */
#ifndef HS_TIME_H
#define HS_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* ---- calendar (resolve.c) ------------------------------------------------- */

int64_t hs_cal_days(int y, int m, int d);            /* days since 1970-01-01 */
void hs_cal_civil(int64_t days, int *y, int *m, int *d);
int hs_cal_weekday(int y, int m, int d);             /* 0 = Monday … 6 = Sunday */
int hs_cal_month_days(int y, int m);
void hs_cal_easter(int y, int *m, int *d);           /* Gregorian (anonymous computus) */
/* The n-th (1…5) weekday `wd` of month m, or the last one when n == -1; day of month. */
int hs_cal_nth_weekday(int y, int m, int wd, int n);
void hs_cal_iso_week(int y, int m, int d, int *wy, int *wk);

/* ---- lexicon ------------------------------------------------------------- */

/* Keywords the grammar needs (one per word). */
typedef enum hs_tkw {
    TK_NONE = 0, TK_THE, TK_OF, TK_IN, TK_ON, TK_AT, TK_LAST, TK_THIS, TK_NEXT, TK_PAST,
    TK_AGO, TK_EARLY, TK_LATE, TK_MID, TK_EARLIER, TK_LATER, TK_END, TK_BEGINNING,
    TK_MIDDLE, TK_APPROX, TK_BEFORE, TK_AFTER, TK_FOR, TK_EVERY, TK_YESTERDAY,
    TK_TODAY, TK_TOMORROW, TK_TONIGHT, TK_PARTDAY, TK_WEEKEND, TK_OR, TK_AND, TK_TO,
    TK_A, TK_FEW, TK_COUPLE, TK_OLD, TK_QUARTER, TK_HALF, TK_CENTURY, TK_EVE, TK_SETADV,
    TK_PREP, TK_COMING, TK_NIGHT, TK_POSS, TK_HEAD, TK_NAMEPART, TK_PASTAUX, TK_FOLLOWING, TK_PREVIOUS, TK_THAT, TK_SAME, TK_RECENT, TK_BACK, TK_COUNT
} hs_tkw;

/* Units of durations and relative dates. */
typedef enum hs_tunit {
    TU_NONE = 0, TU_MINUTE, TU_HOUR, TU_DAY, TU_WEEK, TU_MONTH, TU_YEAR, TU_DECADE, TU_CENTURY
} hs_tunit;

typedef struct hs_lex {
    const char *word; /* lower case, ASCII apostrophe */
    uint8_t kw;       /* hs_tkw */
    int8_t month;     /* 1…12, 0 */
    int8_t wday;      /* 0…6 (+1 stored: 1…7), 0 none */
    int8_t num;       /* number word value, 0 none */
    int8_t ord;       /* ordinal word value, 0 none */
    uint8_t unit;     /* hs_tunit */
    uint8_t plural;   /* the unit word is plural */
    uint8_t season;   /* 1 spring, 2 summer, 3 fall, 4 winter */
    uint8_t future;   /* a future cue: 1, 2 unless "to" follows, 3 only for what follows it */
    uint8_t value;    /* keyword-specific value (set period unit, quarter; 1 on "fall": also a verb) */
} hs_lex;

const hs_lex *hs_lex_find(const char *lower);
size_t hs_lex_count(void);
const hs_lex *hs_lex_at(size_t i);

/* Holidays: a word sequence and how its date is found in a year. */
typedef enum hs_hrule { HR_FIXED = 0, HR_NTH, HR_EASTER, HR_THANKS_PLUS } hs_hrule;
typedef struct hs_holiday {
    const char *words[5]; /* lower-case words and punctuation, NULL-terminated */
    uint8_t rule;         /* hs_hrule */
    int8_t month, day;    /* HR_FIXED: month/day; HR_NTH: month, weekday (0 Mon) */
    int8_t n;             /* HR_NTH: n-th (−1 last); HR_EASTER/HR_THANKS_PLUS: day offset */
} hs_holiday;
size_t hs_holiday_count(void);
const hs_holiday *hs_holiday_at(size_t i);
/* Indices (ascending) of the holidays whose first word begins with byte c:
 * their number, the array in *idx. */
size_t hs_holidays_by_first(unsigned char c, const uint8_t **idx);
/* The date of holiday h in year y. */
void hs_holiday_date(const hs_holiday *h, int y, int *m, int *d);

/* ---- scanner -------------------------------------------------------------- */

enum { TW_ALPHA = 0, TW_NUM, TW_PUNCT };
enum {
    TWF_CAP = 1u << 0,      /* starts with an upper-case letter */
    TWF_ORD = 1u << 1,      /* 29th, 1st */
    TWF_DECADE = 1u << 2,   /* 1990s, 90s */
    TWF_APOS = 1u << 3,     /* '90s: an apostrophe before the digits */
    TWF_SPACE = 1u << 4,    /* white space before */
    TWF_GROUPED = 1u << 5,  /* 1,000 or 2.5: not a plain integer */
    TWF_SENT = 1u << 6,     /* first word of a sentence */
    TWF_ALLCAP = 1u << 7,
    TWF_CUE = 1u << 8,      /* announces the future: will, 'll, plans, next */
    TWF_FUTURE = 1u << 9    /* a cue stands near, in the same sentence */
};

typedef struct hs_tw {
    uint32_t s, e;     /* bytes in the text */
    uint32_t sent;     /* sentence number (scanner's own) */
    uint8_t kind;      /* TW_* */
    uint8_t ndigits;   /* digits of a number */
    uint8_t len;       /* bytes in low */
    uint8_t pad;
    uint16_t flags;    /* TWF_* */
    int32_t num;       /* value of a number (digits), -1 otherwise */
    const hs_lex *lex; /* lexicon entry or NULL */
    char low[24];      /* lower-cased text (truncated), apostrophes and dashes folded */
} hs_tw;

typedef struct hs_tscan {
    hs_tw *w;
    size_t n, cap;
} hs_tscan;

int hs_tscan_run(hs_tscan *sc, const char *text, size_t len);
/* A word announcing the future stands near word i, in its sentence. */
int hs_tscan_future(const hs_tscan *sc, size_t i);
void hs_tscan_free(hs_tscan *sc);

/* ---- values ---------------------------------------------------------------- */

/* Granularity of a date value. */
typedef enum hs_tgran {
    TG_NONE = 0, TG_CENTURY, TG_DECADE, TG_YEAR, TG_HALF, TG_QUARTER, TG_SEASON,
    TG_MONTH, TG_WEEK, TG_WEEKEND, TG_DAY
} hs_tgran;

/* How an underspecified date is placed against the article date. */
typedef enum hs_tanchor {
    TA_ABS = 0,   /* fully given by the text (or unknown where 0) */
    TA_NEAR,      /* month/day or holiday without a year: nearest, past-leaning */
    TA_PAST,      /* weekday, month, season without a year: last one on/before */
    TA_REL,       /* computed from the article date already */
    TA_ANAPH      /* from the date mentioned before it: two years later, that year */
} hs_tanchor;

typedef struct hs_tval {
    int y, m, d;     /* 0 where unknown */
    int sub;         /* season 1…4, quarter 1…4, half 1…2, ISO week, century/decade number */
    int wday;        /* weekday 1…7 to resolve (TA_PAST/TA_NEAR with no day), 0 none */
    int hol;         /* holiday index + 1 to resolve against a year, 0 none */
    int shift;       /* days to add after resolving (the day after X) */
    int dir;         /* TA_PAST/TA_NEAR: 0 by tense, -1 last (before), +1 next (after), 2 this */
    int aunit, adelta; /* TA_ANAPH: the previous date moved by adelta units (hs_tunit) */
    uint8_t gran;    /* hs_tgran */
    uint8_t anchor;  /* hs_tanchor */
    uint8_t mod;     /* hs_timex_mod */
    uint8_t kind;    /* 0 date, 1 duration, 2 set */
    uint8_t unresolved; /* cannot be resolved (a few years ago, no article date) */
    char dur[24];    /* duration or set value (P3Y, XXXX-WXX-2) */
} hs_tval;

/* Reference: the article date (0s when unknown) and the sentence's tense. */
typedef struct hs_tref {
    int y, m, d;
    int future;
} hs_tref;

/* Resolve v against ref (fills y/m/d/sub as far as possible). */
void hs_tval_resolve(hs_tval *v, const hs_tref *ref);
/* Resolve a TA_ANAPH value against the resolved date before it (NULL: none). */
void hs_tval_resolve_anaphor(hs_tval *v, const hs_tval *prev);
/* Write the ISO value of a resolved v into buf; returns 0, or -1 when it has none. */
int hs_tval_format(const hs_tval *v, char *buf, size_t n);

/* ---- grammar ----------------------------------------------------------------- */

/* Try every pattern at word i; on success fill *v and return the end word
 * (exclusive) with *begin the first word of the expression, else 0. */
size_t hs_tgram_match(const hs_tscan *sc, size_t i, size_t *begin, hs_tval *v, const hs_tref *ref);

#endif
