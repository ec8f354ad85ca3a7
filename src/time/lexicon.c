/* The time layer's word tables: months, weekdays, number and ordinal words,
 * units, seasons, keywords of the date grammar, words that announce the
 * future, and the holidays with the rule that dates them.
 *
 * Future cues include present-tense verbs of schedules (future = 3: only for
 * what follows them, "the show airs Sunday" but not "filmed in March, airs in
 * July"): news reports past events in the past tense.
 * TK_NAMEPART words make "X <weekday>" and "X on <weekday>" a name (Freaky
 * Friday, the Mail on Sunday).
 * TK_HEAD words are nouns that a holiday or season name modifies ("a
 * Christmas movie", "Easter eggs", "summer camp"): the name is then not a date.
 *
 * The lexicon is sorted by byte order of `word` (a unit test checks it: no
 * word twice) and searched through a hash table; every word the grammar reacts to is listed here, so
 * the grammar never compares strings itself. */
#include "time/time.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const hs_lex lexicon[] = {
    {.word = "a", .kw = TK_A},
    {.word = "about", .kw = TK_APPROX, .value = 1},
    {.word = "ad", .kw = TK_HEAD},
    {.word = "ads", .kw = TK_HEAD},
    {.word = "advert", .kw = TK_HEAD},
    {.word = "after", .kw = TK_AFTER},
    {.word = "afternoon", .kw = TK_PARTDAY},
    {.word = "ago", .kw = TK_AGO},
    {.word = "aims", .future = 1},
    {.word = "airs", .future = 3},
    {.word = "album", .kw = TK_HEAD},
    {.word = "almost", .kw = TK_APPROX, .value = 1},
    {.word = "an", .kw = TK_A},
    {.word = "and", .kw = TK_AND},
    {.word = "annually", .kw = TK_SETADV, .value = TU_YEAR},
    {.word = "approximately", .kw = TK_APPROX},
    {.word = "apr", .month = 4},
    {.word = "april", .month = 4},
    {.word = "around", .kw = TK_APPROX},
    {.word = "arrives", .future = 3},
    {.word = "at", .kw = TK_AT},
    {.word = "aug", .month = 8},
    {.word = "august", .month = 8},
    {.word = "autumn", .season = 3},
    {.word = "back", .kw = TK_BACK},
    {.word = "before", .kw = TK_BEFORE},
    {.word = "beginning", .kw = TK_BEGINNING},
    {.word = "begins", .future = 3},
    {.word = "between", .kw = TK_PREP},
    {.word = "blockbuster", .kw = TK_HEAD},
    {.word = "bonus", .kw = TK_HEAD},
    {.word = "break", .kw = TK_HEAD},
    {.word = "bunny", .kw = TK_HEAD},
    {.word = "by", .kw = TK_PREP},
    {.word = "cake", .kw = TK_HEAD},
    {.word = "camp", .kw = TK_HEAD},
    {.word = "campaign", .kw = TK_HEAD},
    {.word = "candy", .kw = TK_HEAD},
    {.word = "card", .kw = TK_HEAD},
    {.word = "cards", .kw = TK_HEAD},
    {.word = "carol", .kw = TK_HEAD},
    {.word = "carols", .kw = TK_HEAD},
    {.word = "centuries", .unit = TU_CENTURY, .plural = 1},
    {.word = "century", .unit = TU_CENTURY, .kw = TK_CENTURY},
    {.word = "circa", .kw = TK_APPROX},
    {.word = "coat", .kw = TK_HEAD},
    {.word = "collection", .kw = TK_HEAD},
    {.word = "coming", .kw = TK_COMING, .future = 1},
    {.word = "cookies", .kw = TK_HEAD},
    {.word = "costume", .kw = TK_HEAD},
    {.word = "costumes", .kw = TK_HEAD},
    {.word = "couple", .kw = TK_COUPLE},
    {.word = "cover", .kw = TK_HEAD},
    {.word = "daily", .kw = TK_SETADV, .value = TU_DAY},
    {.word = "day", .unit = TU_DAY},
    {.word = "days", .unit = TU_DAY, .plural = 1},
    {.word = "debuts", .future = 3},
    {.word = "dec", .month = 12},
    {.word = "decade", .unit = TU_DECADE},
    {.word = "decades", .unit = TU_DECADE, .plural = 1},
    {.word = "december", .month = 12},
    {.word = "decorations", .kw = TK_HEAD},
    {.word = "dinner", .kw = TK_HEAD},
    {.word = "display", .kw = TK_HEAD},
    {.word = "due", .future = 2},
        {.word = "during", .kw = TK_PREP},
    {.word = "each", .kw = TK_EVERY},
    {.word = "earlier", .kw = TK_EARLIER},
    {.word = "early", .kw = TK_EARLY},
    {.word = "edition", .kw = TK_HEAD},
    {.word = "egg", .kw = TK_HEAD},
    {.word = "eggs", .kw = TK_HEAD},
    {.word = "eight", .num = 8},
    {.word = "eighteen", .num = 18},
    {.word = "eighteenth", .ord = 18},
    {.word = "eighth", .ord = 8},
    {.word = "eighty", .num = 80},
    {.word = "eleven", .num = 11},
    {.word = "eleventh", .ord = 11},
    {.word = "end", .kw = TK_END},
    {.word = "episode", .kw = TK_HEAD},
    {.word = "episodes", .kw = TK_HEAD},
    {.word = "eve", .kw = TK_EVE},
    {.word = "evening", .kw = TK_PARTDAY},
    {.word = "every", .kw = TK_EVERY},
    {.word = "expected", .future = 1},
    {.word = "fall", .season = 3, .value = 1},
    {.word = "fashion", .kw = TK_HEAD},
    {.word = "feast", .kw = TK_HEAD},
    {.word = "feb", .month = 2},
    {.word = "february", .month = 2},
    {.word = "few", .kw = TK_FEW},
    {.word = "fifteen", .num = 15},
    {.word = "fifteenth", .ord = 15},
    {.word = "fifth", .ord = 5},
    {.word = "fifty", .num = 50},
    {.word = "film", .kw = TK_HEAD},
    {.word = "films", .kw = TK_HEAD},
    {.word = "first", .ord = 1},
    {.word = "five", .num = 5},
    {.word = "fling", .kw = TK_HEAD},
    {.word = "following", .kw = TK_FOLLOWING},
    {.word = "for", .kw = TK_FOR},
    {.word = "forty", .num = 40},
    {.word = "four", .num = 4},
    {.word = "fourteen", .num = 14},
    {.word = "fourteenth", .ord = 14},
    {.word = "fourth", .ord = 4},
    {.word = "freaky", .kw = TK_NAMEPART},
    {.word = "friday", .wday = 5},
    {.word = "fridays", .wday = 5, .plural = 1},
    {.word = "from", .kw = TK_PREP},
    {.word = "games", .kw = TK_HEAD},
    {.word = "gift", .kw = TK_HEAD},
    {.word = "gifts", .kw = TK_HEAD},
    {.word = "going", .future = 1},
    {.word = "gonna", .future = 1},
    {.word = "had", .kw = TK_PASTAUX},
    {.word = "half", .kw = TK_HALF},
    {.word = "her", .kw = TK_POSS},
    {.word = "his", .kw = TK_POSS},
    {.word = "hits", .future = 3},
    {.word = "home", .kw = TK_HEAD},
    {.word = "hopes", .future = 1},
    {.word = "hoping", .future = 1},
    {.word = "hour", .unit = TU_HOUR},
    {.word = "hours", .unit = TU_HOUR, .plural = 1},
    {.word = "house", .kw = TK_HEAD},
    {.word = "in", .kw = TK_IN},
    {.word = "intend", .future = 1},
    {.word = "intends", .future = 1},
    {.word = "internship", .kw = TK_HEAD},
    {.word = "issue", .kw = TK_HEAD},
    {.word = "jan", .month = 1},
    {.word = "january", .month = 1},
    {.word = "job", .kw = TK_HEAD},
    {.word = "jul", .month = 7},
    {.word = "july", .month = 7},
    {.word = "jumper", .kw = TK_HEAD},
    {.word = "jun", .month = 6},
    {.word = "june", .month = 6},
    {.word = "junior", .kw = TK_OLD},
    {.word = "kicks", .future = 3},
    {.word = "last", .kw = TK_LAST},
    {.word = "late", .kw = TK_LATE},
    {.word = "later", .kw = TK_LATER, .future = 1},
    {.word = "launches", .future = 3},
    {.word = "lights", .kw = TK_HEAD},
    {.word = "lineup", .kw = TK_HEAD},
    {.word = "look", .kw = TK_HEAD},
    {.word = "lunch", .kw = TK_HEAD},
    {.word = "mail", .kw = TK_NAMEPART},
    {.word = "manic", .kw = TK_NAMEPART},
    {.word = "mar", .month = 3},
    {.word = "march", .month = 3},
    {.word = "market", .kw = TK_HEAD},
    {.word = "markets", .kw = TK_HEAD},
    {.word = "may", .month = 5},
    {.word = "menu", .kw = TK_HEAD},
    {.word = "mid", .kw = TK_MID},
    {.word = "middle", .kw = TK_MIDDLE},
    {.word = "minute", .unit = TU_MINUTE},
    {.word = "minutes", .unit = TU_MINUTE, .plural = 1},
    {.word = "monday", .wday = 1},
    {.word = "mondays", .wday = 1, .plural = 1},
    {.word = "month", .unit = TU_MONTH},
    {.word = "monthly", .kw = TK_SETADV, .value = TU_MONTH},
    {.word = "months", .unit = TU_MONTH, .plural = 1},
    {.word = "morning", .kw = TK_PARTDAY},
    {.word = "movie", .kw = TK_HEAD},
    {.word = "movies", .kw = TK_HEAD},
    {.word = "my", .kw = TK_POSS},
    {.word = "nearly", .kw = TK_APPROX, .value = 1},
    {.word = "next", .kw = TK_NEXT, .future = 1},
    {.word = "night", .kw = TK_NIGHT},
    {.word = "nightly", .kw = TK_SETADV, .value = TU_DAY},
    {.word = "nine", .num = 9},
    {.word = "nineteen", .num = 19},
    {.word = "nineteenth", .ord = 19},
    {.word = "ninety", .num = 90},
    {.word = "ninth", .ord = 9},
    {.word = "nov", .month = 11},
    {.word = "november", .month = 11},
    {.word = "oct", .month = 10},
    {.word = "october", .month = 10},
    {.word = "of", .kw = TK_OF},
    {.word = "old", .kw = TK_OLD},
    {.word = "older", .kw = TK_OLD},
    {.word = "olympics", .kw = TK_HEAD},
    {.word = "on", .kw = TK_ON},
    {.word = "one", .num = 1},
    {.word = "opens", .future = 3},
    {.word = "or", .kw = TK_OR},
    {.word = "our", .kw = TK_POSS},
    {.word = "over", .kw = TK_PREP},
    {.word = "parties", .kw = TK_HEAD},
    {.word = "party", .kw = TK_HEAD},
    {.word = "past", .kw = TK_PAST},
    {.word = "plan", .future = 1},
    {.word = "planning", .future = 1},
    {.word = "plans", .future = 1},
    {.word = "preceding", .kw = TK_PREVIOUS},
    {.word = "premieres", .future = 3},
    {.word = "previous", .kw = TK_PREVIOUS},
    {.word = "q1", .kw = TK_QUARTER, .value = 1},
    {.word = "q2", .kw = TK_QUARTER, .value = 2},
    {.word = "q3", .kw = TK_QUARTER, .value = 3},
    {.word = "q4", .kw = TK_QUARTER, .value = 4},
    {.word = "quarter", .kw = TK_QUARTER},
    {.word = "recent", .kw = TK_RECENT},
    {.word = "returns", .future = 3},
    {.word = "roughly", .kw = TK_APPROX},
    {.word = "sale", .kw = TK_HEAD},
    {.word = "sales", .kw = TK_HEAD},
    {.word = "same", .kw = TK_SAME},
    {.word = "saturday", .wday = 6},
    {.word = "saturdays", .wday = 6, .plural = 1},
    {.word = "scheduled", .future = 1},
    {.word = "school", .kw = TK_HEAD},
    {.word = "season", .kw = TK_HEAD},
    {.word = "second", .ord = 2},
    {.word = "senior", .kw = TK_OLD},
    {.word = "sep", .month = 9},
    {.word = "sept", .month = 9},
    {.word = "september", .month = 9},
    {.word = "set", .future = 1},
    {.word = "seven", .num = 7},
    {.word = "seventeen", .num = 17},
    {.word = "seventeenth", .ord = 17},
    {.word = "seventh", .ord = 7},
    {.word = "seventy", .num = 70},
    {.word = "several", .kw = TK_FEW},
    {.word = "shall", .future = 1},
    {.word = "shopping", .kw = TK_HEAD},
    {.word = "since", .kw = TK_PREP},
    {.word = "six", .num = 6},
    {.word = "sixteen", .num = 16},
    {.word = "sixteenth", .ord = 16},
    {.word = "sixth", .ord = 6},
    {.word = "sixty", .num = 60},
    {.word = "slated", .future = 1},
    {.word = "song", .kw = TK_HEAD},
    {.word = "songs", .kw = TK_HEAD},
    {.word = "soon", .future = 1},
    {.word = "special", .kw = TK_HEAD},
    {.word = "specials", .kw = TK_HEAD},
    {.word = "spirit", .kw = TK_HEAD},
    {.word = "spring", .season = 1},
    {.word = "start", .kw = TK_BEGINNING},
    {.word = "starts", .future = 3},
    {.word = "style", .kw = TK_HEAD},
    {.word = "summer", .season = 2},
    {.word = "sunday", .wday = 7},
    {.word = "sundays", .wday = 7, .plural = 1},
    {.word = "sweater", .kw = TK_HEAD},
    {.word = "ten", .num = 10},
    {.word = "tenth", .ord = 10},
    {.word = "than", .kw = TK_PREP},
    {.word = "that", .kw = TK_THAT},
    {.word = "the", .kw = TK_THE},
    {.word = "their", .kw = TK_POSS},
    {.word = "theme", .kw = TK_HEAD},
    {.word = "themed", .kw = TK_HEAD},
    {.word = "third", .ord = 3},
    {.word = "thirteen", .num = 13},
    {.word = "thirteenth", .ord = 13},
    {.word = "thirtieth", .ord = 30},
    {.word = "thirty", .num = 30},
    {.word = "this", .kw = TK_THIS},
    {.word = "three", .num = 3},
    {.word = "through", .kw = TK_PREP},
    {.word = "throughout", .kw = TK_PREP},
    {.word = "thursday", .wday = 4},
    {.word = "thursdays", .wday = 4, .plural = 1},
    {.word = "till", .kw = TK_PREP},
    {.word = "to", .kw = TK_TO},
    {.word = "today", .kw = TK_TODAY},
    {.word = "tomorrow", .kw = TK_TOMORROW, .future = 1},
    {.word = "tonight", .kw = TK_TONIGHT},
    {.word = "tour", .kw = TK_HEAD},
    {.word = "tree", .kw = TK_HEAD},
    {.word = "trees", .kw = TK_HEAD},
    {.word = "trend", .kw = TK_HEAD},
    {.word = "tuesday", .wday = 2},
    {.word = "tuesdays", .wday = 2, .plural = 1},
    {.word = "twelfth", .ord = 12},
    {.word = "twelve", .num = 12},
    {.word = "twentieth", .ord = 20},
    {.word = "twenty", .num = 20},
    {.word = "two", .num = 2},
    {.word = "until", .kw = TK_PREP},
    {.word = "upcoming", .kw = TK_COMING, .future = 1},
    {.word = "wardrobe", .kw = TK_HEAD},
    {.word = "was", .kw = TK_PASTAUX},
    {.word = "wednesday", .wday = 3},
    {.word = "wednesdays", .wday = 3, .plural = 1},
    {.word = "week", .unit = TU_WEEK},
    {.word = "weekend", .kw = TK_WEEKEND},
    {.word = "weekends", .kw = TK_WEEKEND, .plural = 1},
    {.word = "weekly", .kw = TK_SETADV, .value = TU_WEEK},
    {.word = "weeks", .unit = TU_WEEK, .plural = 1},
    {.word = "were", .kw = TK_PASTAUX},
    {.word = "will", .future = 1},
    {.word = "winter", .season = 4},
    {.word = "with", .kw = TK_PREP},
    {.word = "within", .kw = TK_PREP},
    {.word = "won't", .future = 1},
    {.word = "year", .unit = TU_YEAR},
    {.word = "yearly", .kw = TK_SETADV, .value = TU_YEAR},
    {.word = "years", .unit = TU_YEAR, .plural = 1},
    {.word = "yesterday", .kw = TK_YESTERDAY},
    {.word = "younger", .kw = TK_OLD},
    {.word = "your", .kw = TK_POSS},
};

/* The lexicon as an open-addressing hash table of entry indices + 1, built
 * once: one probe per word instead of a binary search of strcmp calls. */
#define LEX_SLOTS 1024 /* a power of two, over three times the words */
static uint16_t lex_slot[LEX_SLOTS];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint32_t lex_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h ^ (h >> 15);
}

static void lex_build(void)
{
    for (size_t i = 0; i < sizeof lexicon / sizeof lexicon[0]; i++) {
        uint32_t k = lex_hash(lexicon[i].word) & (LEX_SLOTS - 1);
        while (lex_slot[k])
            k = (k + 1) & (LEX_SLOTS - 1);
        lex_slot[k] = (uint16_t)(i + 1);
    }
}

const hs_lex *hs_lex_find(const char *lower)
{
    pthread_once(&lex_once, lex_build);
    for (uint32_t k = lex_hash(lower) & (LEX_SLOTS - 1); lex_slot[k]; k = (k + 1) & (LEX_SLOTS - 1)) {
        const hs_lex *l = &lexicon[lex_slot[k] - 1];
        if (l->word[0] == lower[0] && strcmp(l->word, lower) == 0)
            return l;
    }
    return NULL;
}

size_t hs_lex_count(void) { return sizeof lexicon / sizeof lexicon[0]; }
const hs_lex *hs_lex_at(size_t i) { return i < hs_lex_count() ? &lexicon[i] : NULL; }

/* Holidays (US usage where countries differ).  HR_NTH: month, weekday
 * (0 = Monday), n-th (-1 = last).  HR_EASTER / HR_THANKS_PLUS: offset in days
 * from Easter Sunday / from US Thanksgiving (the fourth Thursday of November). */
static const hs_holiday holidays[] = {
    {{"christmas", "eve", NULL}, HR_FIXED, 12, 24, 0},
    {{"christmas", "day", NULL}, HR_FIXED, 12, 25, 0},
    {{"christmas", NULL}, HR_FIXED, 12, 25, 0},
    {{"xmas", NULL}, HR_FIXED, 12, 25, 0},
    {{"boxing", "day", NULL}, HR_FIXED, 12, 26, 0},
    {{"new", "year's", "eve", NULL}, HR_FIXED, 12, 31, 0},
    {{"new", "years", "eve", NULL}, HR_FIXED, 12, 31, 0},
    {{"new", "year's", "day", NULL}, HR_FIXED, 1, 1, 0},
    {{"new", "year's", NULL}, HR_FIXED, 1, 1, 0},
    {{"valentine's", "day", NULL}, HR_FIXED, 2, 14, 0},
    {{"valentines", "day", NULL}, HR_FIXED, 2, 14, 0},
    {{"valentine's", NULL}, HR_FIXED, 2, 14, 0},
    {{"st", ".", "patrick's", "day", NULL}, HR_FIXED, 3, 17, 0},
    {{"st", "patrick's", "day", NULL}, HR_FIXED, 3, 17, 0},
    {{"saint", "patrick's", "day", NULL}, HR_FIXED, 3, 17, 0},
    {{"halloween", NULL}, HR_FIXED, 10, 31, 0},
    {{"independence", "day", NULL}, HR_FIXED, 7, 4, 0},
    {{"fourth", "of", "july", NULL}, HR_FIXED, 7, 4, 0},
    {{"july", "fourth", NULL}, HR_FIXED, 7, 4, 0},
    {{"4th", "of", "july", NULL}, HR_FIXED, 7, 4, 0},
    {{"veterans", "day", NULL}, HR_FIXED, 11, 11, 0},
    {{"thanksgiving", "day", NULL}, HR_THANKS_PLUS, 0, 0, 0},
    {{"thanksgiving", NULL}, HR_THANKS_PLUS, 0, 0, 0},
    {{"black", "friday", NULL}, HR_THANKS_PLUS, 0, 0, 1},
    {{"easter", "sunday", NULL}, HR_EASTER, 0, 0, 0},
    {{"easter", "monday", NULL}, HR_EASTER, 0, 0, 1},
    {{"easter", NULL}, HR_EASTER, 0, 0, 0},
    {{"good", "friday", NULL}, HR_EASTER, 0, 0, -2},
    {{"mother's", "day", NULL}, HR_NTH, 5, 6, 2},
    {{"father's", "day", NULL}, HR_NTH, 6, 6, 3},
    {{"memorial", "day", NULL}, HR_NTH, 5, 0, -1},
    {{"labor", "day", NULL}, HR_NTH, 9, 0, 1},
};

size_t hs_holiday_count(void) { return sizeof holidays / sizeof holidays[0]; }

/* The holidays grouped by the first byte of their first word, each group in
 * table order, built once. */
static uint8_t hol_by_first[sizeof holidays / sizeof holidays[0]];
static uint16_t hol_first_start[257];
static pthread_once_t hol_once = PTHREAD_ONCE_INIT;

static void hol_build(void)
{
    size_t n = 0;
    for (int c = 0; c < 256; c++) {
        hol_first_start[c] = (uint16_t)n;
        for (size_t k = 0; k < sizeof holidays / sizeof holidays[0]; k++)
            if ((unsigned char)holidays[k].words[0][0] == c)
                hol_by_first[n++] = (uint8_t)k;
    }
    hol_first_start[256] = (uint16_t)n;
}

size_t hs_holidays_by_first(unsigned char c, const uint8_t **idx)
{
    pthread_once(&hol_once, hol_build);
    *idx = hol_by_first + hol_first_start[c];
    return (size_t)(hol_first_start[c + 1] - hol_first_start[c]);
}
const hs_holiday *hs_holiday_at(size_t i) { return i < hs_holiday_count() ? &holidays[i] : NULL; }
