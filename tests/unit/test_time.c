/* Unit tests for the time layer: calendar arithmetic, the lexicon, the
 * scanner, and temporal expressions in sentences written for these tests. */
#include "analyzer.h"
#include "doc.h"
#include "harness.h"
#include "time/time.h"

#include <stdlib.h>
#include <string.h>

/* ---- calendar -------------------------------------------------------------- */

TEST(time_calendar_days_roundtrip)
{
    CHECK_INT(hs_cal_days(1970, 1, 1), 0);
    CHECK_INT(hs_cal_days(2000, 3, 1) - hs_cal_days(2000, 2, 28), 2); /* 2000 was a leap year */
    CHECK_INT(hs_cal_days(1900, 3, 1) - hs_cal_days(1900, 2, 28), 1); /* 1900 was not */
    for (int64_t z = -800000; z < 800000; z += 997) {
        int y, m, d;
        hs_cal_civil(z, &y, &m, &d);
        CHECK_INT(hs_cal_days(y, m, d), z);
    }
}

TEST(time_calendar_weekdays_and_weeks)
{
    CHECK_INT(hs_cal_weekday(2025, 3, 29), 5); /* a Saturday */
    CHECK_INT(hs_cal_weekday(2024, 2, 29), 3); /* a Thursday */
    int wy, wk;
    hs_cal_iso_week(2025, 3, 29, &wy, &wk);
    CHECK_INT(wy, 2025);
    CHECK_INT(wk, 13);
    hs_cal_iso_week(2021, 1, 1, &wy, &wk); /* belongs to the last week of 2020 */
    CHECK_INT(wy, 2020);
    CHECK_INT(wk, 53);
    hs_cal_iso_week(2024, 12, 30, &wy, &wk); /* belongs to week 1 of 2025 */
    CHECK_INT(wy, 2025);
    CHECK_INT(wk, 1);
}

TEST(time_calendar_easter_and_thanksgiving)
{
    static const int easter[][3] = {{2019, 4, 21}, {2024, 3, 31}, {2025, 4, 20}, {2038, 4, 25}, {1818, 3, 22}};
    for (size_t i = 0; i < sizeof easter / sizeof easter[0]; i++) {
        int m, d;
        hs_cal_easter(easter[i][0], &m, &d);
        CHECK_INT(m, easter[i][1]);
        CHECK_INT(d, easter[i][2]);
    }
    CHECK_INT(hs_cal_nth_weekday(2024, 11, 3, 4), 28); /* Thanksgiving 2024 */
    CHECK_INT(hs_cal_nth_weekday(2025, 11, 3, 4), 27);
    CHECK_INT(hs_cal_nth_weekday(2025, 5, 0, -1), 26); /* Memorial Day 2025 */
}

TEST(time_lexicon_sorted_and_found)
{
    for (size_t i = 1; i < hs_lex_count(); i++)
        CHECK(strcmp(hs_lex_at(i - 1)->word, hs_lex_at(i)->word) < 0);
    CHECK_INT(hs_lex_find("march")->month, 3);
    CHECK_INT(hs_lex_find("sept")->month, 9);
    CHECK_INT(hs_lex_find("tuesday")->wday, 2);
    CHECK_INT(hs_lex_find("twelve")->num, 12);
    CHECK(hs_lex_find("xyzzy") == NULL);
}

TEST(time_scanner_splits_dates)
{
    hs_tscan sc = {0};
    const char *t = "mid-2023, 3/29/2025 and the \xE2\x80\x99" "90s on Valentine\xE2\x80\x99s Day; 29th 1,000";
    CHECK_INT(hs_tscan_run(&sc, t, strlen(t)), 0);
    CHECK_STR(sc.w[0].low, "mid");
    CHECK_STR(sc.w[1].low, "-");
    CHECK_INT(sc.w[2].num, 2023);
    CHECK_INT(sc.w[4].num, 3);
    CHECK_INT(sc.w[6].num, 29);
    size_t k = 0;
    while (k < sc.n && !(sc.w[k].flags & TWF_DECADE))
        k++;
    CHECK(k < sc.n && (sc.w[k].flags & TWF_APOS) && sc.w[k].num == 90);
    CHECK_STR(sc.w[k + 2].low, "valentine's");
    CHECK(sc.w[k + 5].flags & TWF_ORD);
    CHECK(sc.w[k + 6].flags & TWF_GROUPED);
    hs_tscan_free(&sc);
}

/* ---- sentences ----------------------------------------------------------- */

static hs_doc *run(const char *text, const char *date)
{
    hs_doc *d = NULL;
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.date = date;
    if (hs_doc_new(&d) || hs_doc_load_article(d, &art, 0, 0, 1) || hs_time_run(d, NULL)) {
        hs_doc_free(d);
        return NULL;
    }
    return d;
}

/* The doc holds a timex with this text and value (NULL: unresolved) and mod. */
static int has(const hs_doc *d, const char *text, const char *value, int mod)
{
    for (size_t i = 0; d && i < d->timexes.n; i++) {
        const hs_timex *t = &d->timexes.v[i];
        if (HS_SPAN_LEN(t->span) == strlen(text) && memcmp(HS_SPAN_PTR(d, t->span), text, strlen(text)) == 0) {
            if (((!value && !t->value) || (value && t->value && !strcmp(value, t->value))) && t->mod == mod)
                return 1;
            fprintf(stderr, "  '%s' = %s mod %d\n", text, t->value ? t->value : "null", t->mod);
            return 0;
        }
    }
    fprintf(stderr, "  '%s' not found\n", text);
    return 0;
}

/* A sentence, its article date (NULL: unknown), and the timex expected in it
 * (span NULL: none at all). */
typedef struct tcase {
    const char *text, *date, *span, *value;
    int mod;
} tcase;

static void check_cases(const tcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hs_doc *d = run(c[i].text, c[i].date);
        int ok = d && (c[i].span ? has(d, c[i].span, c[i].value, c[i].mod) : d->timexes.n == 0);
        if (!ok)
            hs_test_fail(__FILE__, __LINE__, "case %zu: \"%s\"", i, c[i].text);
        hs_doc_free(d);
    }
}

TEST(time_absolute_dates)
{
    const char *D = "2025-03-29";
    const tcase cases[] = {
        {"Lena Marsh filed on March 29, 2025, in court.", D, "March 29, 2025", "2025-03-29", 0},
        {"The party was held 14 February 2023 in Leeds.", D, "14 February 2023", "2023-02-14", 0},
        {"He was seen on Sept. 3, 2019 near the port.", D, "Sept. 3, 2019", "2019-09-03", 0},
        {"The filing is dated 11/4/2022.", D, "11/4/2022", "2022-11-04", 0},
        {"The filing is dated 25/12/2021.", D, "25/12/2021", "2021-12-25", 0},
        {"The record shows 2024-07-01 as the date.", D, "2024-07-01", "2024-07-01", 0},
        {"They married in June 2018.", D, "June 2018", "2018-06", 0},
        {"Their son was born in 2016.", D, "2016", "2016", 0},
        {"It was the summer of 2023.", D, "summer of 2023", "2023-SU", 0},
        {"She was a star in the 1990s.", D, "1990s", "199", 0},
        {"She was a star in the \xE2\x80\x99" "80s.", D, "\xE2\x80\x99" "80s", "198", 0},
        {"Profits fell in Q3 2024.", D, "Q3 2024", "2024-Q3", 0},
        {"Profits fell in the third quarter of 2022.", D, "the third quarter of 2022", "2022-Q3", 0},
        {"Art of the 20th century.", D, "20th century", "19", 0},
        {"On Friday, Feb. 14, 2025, they met.", D, "Friday, Feb. 14, 2025", "2025-02-14", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_month_day_without_year)
{
    /* nearest instance, leaning to the past */
    const tcase cases[] = {
        {"They met on March 3 at a gala.", "2025-03-29", "March 3", "2025-03-03", 0},
        {"They met on December 30 at a gala.", "2025-01-05", "December 30", "2024-12-30", 0},
        {"The show opens April 4.", "2025-03-29", "April 4", "2025-04-04", 0},
        {"They met on March 3 at a gala.", NULL, "March 3", "XXXX-03-03", 0},
        {"She moved in May.", "2025-03-29", "May", "2024-05", 0},
        {"She will move in May.", "2025-03-29", "May", "2025-05", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_weekdays)
{
    /* 2025-03-29 is a Saturday */
    const tcase cases[] = {
        {"Rita Voss was spotted on Tuesday in Soho.", "2025-03-29", "Tuesday", "2025-03-25", 0},
        {"Rita Voss was spotted on Saturday in Soho.", "2025-03-29", "Saturday", "2025-03-29", 0},
        {"Rita Voss will appear on Tuesday.", "2025-03-29", "Tuesday", "2025-04-01", 0},
        {"They argued last Friday.", "2025-03-29", "last Friday", "2025-03-28", 0},
        {"They argue next Friday.", "2025-03-29", "next Friday", "2025-04-04", 0},
        {"They dined Thursday night at Nobu.", "2025-03-29", "Thursday night", "2025-03-27", 0},
        {"Rita Voss was spotted on Tuesday in Soho.", NULL, "Tuesday", NULL, 0},
        {"The Sunday Times ran the story.", "2025-03-29", NULL, NULL, 0},
        {"A source told the Mail on Sunday everything.", "2025-03-29", NULL, NULL, 0},
        {"She hosted Saturday Night Live once.", "2025-03-29", NULL, NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_relative_to_article_date)
{
    const char *D = "2025-03-29";
    const tcase cases[] = {
        {"The singer posted yesterday.", D, "yesterday", "2025-03-28", 0},
        {"The singer posts today.", D, "today", "2025-03-29", 0},
        {"The singer posts tomorrow.", D, "tomorrow", "2025-03-30", 0},
        {"The pair left the club last night.", D, "last night", "2025-03-28", 0},
        {"The pair left the club this week.", D, "this week", "2025-W13", 0},
        {"The pair split last month.", D, "last month", "2025-02", 0},
        {"The pair will wed next year.", D, "next year", "2026", 0},
        {"The pair split two weeks ago.", D, "two weeks ago", "2025-W11", 0},
        {"The pair split three days ago.", D, "three days ago", "2025-03-26", 0},
        {"The pair split a year ago.", D, "a year ago", "2024", 0},
        {"The pair split earlier this year.", D, "earlier this year", "2025", 0},
        {"The pair split late last year.", D, "late last year", "2024", HS_TM_END},
        {"The pair split about two years ago.", D, "about two years ago", "2023", HS_TM_APPROX},
        {"The pair split a few years ago.", D, "a few years ago", NULL, 0},
        {"They were seen over the weekend.", D, "the weekend", "2025-W13-WE", 0},
        {"They were seen last weekend.", "2025-03-31", "last weekend", "2025-W13-WE", 0},
        {"The pair split last year.", NULL, "last year", NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_holidays)
{
    const tcase cases[] = {
        {"They dined together the night before Valentine's Day in 2025.", "2025-03-29", "the night before Valentine's Day in 2025", "2025-02-13", 0},
        {"They kissed on Valentine\xE2\x80\x99s Day.", "2025-03-29", "Valentine\xE2\x80\x99s Day", "2025-02-14", 0},
        {"They flew home for Christmas.", "2025-01-10", "Christmas", "2024-12-25", 0},
        {"The couple partied on New Year's Eve.", "2025-01-02", "New Year's Eve", "2024-12-31", 0},
        {"They hosted Thanksgiving 2024 at home.", "2025-03-29", "Thanksgiving 2024", "2024-11-28", 0},
        {"They hosted Thanksgiving 2025 at home.", "2025-03-29", "Thanksgiving 2025", "2025-11-27", 0},
        {"The family met at Easter 2024.", "2025-03-29", "Easter 2024", "2024-03-31", 0},
        {"The family met on Easter Sunday.", "2025-05-02", "Easter Sunday", "2025-04-20", 0},
        {"She dressed up for Halloween.", "2025-11-03", "Halloween", "2025-10-31", 0},
        {"Fireworks on Independence Day.", "2025-07-10", "Independence Day", "2025-07-04", 0},
        {"They flew out the day after Christmas.", "2025-01-10", "the day after Christmas", "2024-12-26", 0},
        {"They wed two days before Christmas 2019.", "2025-01-10", "two days before Christmas 2019", "2019-12-23", 0},
        {"She starred in a Christmas movie.", "2025-03-29", NULL, NULL, 0},
        {"The kids hunted for the Easter eggs.", "2025-03-29", NULL, NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_durations_and_mods)
{
    const char *D = "2025-03-29";
    const tcase cases[] = {
        {"They dated for three years.", D, "three years", "P3Y", 0},
        {"She signed a two-year deal.", D, "two-year", "P2Y", 0},
        {"They were close for the last five or six years.", D, "the last five or six years", "P5Y", HS_TM_APPROX},
        {"It has rained for the past year.", D, "the past year", "P1Y", 0},
        {"They have been friends for years.", D, "years", "PXY", 0},
        {"The talks lasted 24 hours.", D, "24 hours", "PT24H", 0},
        {"They split in late 2024.", D, "late 2024", "2024", HS_TM_END},
        {"They met in early March.", D, "early March", "2025-03", HS_TM_START},
        {"They met in mid-2023.", D, "mid-2023", "2023", HS_TM_MID},
        {"They met at the end of 2021.", D, "the end of 2021", "2021", HS_TM_END},
        {"They met around Christmas 2022.", D, "around Christmas 2022", "2022-12-25", HS_TM_APPROX},
        {"The 62-year-old actor smiled.", D, NULL, NULL, 0},
        {"She is two years older than him.", D, NULL, NULL, 0},
        {"May I ask a question?", D, NULL, NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_sets_and_noise)
{
    const char *D = "2025-03-29";
    const tcase cases[] = {
        {"She runs every Tuesday.", D, "every Tuesday", "XXXX-WXX-2", 0},
        {"The band tours every summer.", D, "every summer", "XXXX-SU", 0},
        {"The magazine is published weekly.", D, "weekly", "P1W", 0},
        {"The fund raised $2000 for 300 people.", D, NULL, NULL, 0},
        {"Some 2000 fans cheered.", D, NULL, NULL, 0},
        {"She loved Blade Runner 2049 a lot.", D, NULL, NULL, 0},
        {"In her 60s she began to paint.", D, NULL, NULL, 0},
        {"August Alsina sang.", D, NULL, NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_at_finds_the_timex_in_a_range)
{
    const char *text = "Nora Bell wed Tom Aske in 2019. They split in late 2024.";
    hs_doc *d = run(text, "2025-03-29");
    CHECK(d && d->timexes.n == 2);
    if (d && d->timexes.n == 2) {
        CHECK_INT(hs_time_at(d, 0, 31), 0);
        CHECK_INT(hs_time_at(d, 32, (uint32_t)strlen(text)), 1);
        CHECK_INT(hs_time_at(d, 0, 10), -1);
        CHECK_INT(hs_time_at(d, 40, 50), -1);
    }
    hs_doc_free(d);
}

TEST(time_random_input_does_not_crash)
{
    static const char *const parts[] = {"March", " ", "29", ",", "2025", "-", "/", "mid", "the", "'",
                                        "90s", "last", "Tuesday", "ago", "two", "years", "\xE2\x80\x99",
                                        "Christmas", "of", "in", ".", "\n\n", "Q3", "every", "night"};
    unsigned s = 12345;
    char buf[512];
    for (int round = 0; round < 2000; round++) {
        size_t n = 2;
        memcpy(buf, "x ", 2); /* never an empty article */
        while (n < sizeof buf - 32) {
            s = s * 1103515245u + 12345u;
            const char *p = parts[(s >> 16) % (sizeof parts / sizeof parts[0])];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
            if ((s >> 8) % 9 == 0)
                break;
        }
        buf[n] = 0;
        hs_doc *d = run(buf, round % 3 ? "2025-03-29" : NULL);
        CHECK(d != NULL);
        for (size_t i = 0; d && i < d->timexes.n; i++)
            CHECK(d->timexes.v[i].span.start < d->timexes.v[i].span.end && d->timexes.v[i].span.end <= d->len);
        hs_doc_free(d);
    }
}

TEST(time_names_that_hold_date_words)
{
    const char *D = "2018-05-01";
    const tcase cases[] = {
        {"She sang on The Tonight Show again.", D, NULL, NULL, 0},
        {"He was a guest on Busy Tonight and left.", D, NULL, NULL, 0},
        {"It aired on Dick Clark's New Year's Rockin' Eve with fans.", D, NULL, NULL, 0},
        {"It was released by 20th Century Fox worldwide.", D, NULL, NULL, 0},
        {"He booked the flight at the last minute.", D, NULL, NULL, 0},
        {"She starred in 2010's I Will Comply.", D, "2010", "2010", 0},
        {"In the 1990's she sang.", D, "1990's", "199", 0},
        {"Tonight she sings in Rome.", D, "Tonight", "2018-05-01", 0},
        {"They kissed on New Year's in Rome.", D, "New Year's", "2018-01-01", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_gossip_forms)
{
    /* a Friday */
    const char *D = "2018-07-06";
    const tcase cases[] = {
        {"The singer announced on Instagram Thursday that she is pregnant.", D, "Thursday", "2018-07-05", 0},
        {"The president met her earlier Friday in London.", D, "earlier Friday", "2018-07-06", 0},
        {"She gave a February interview to a morning show.", D, "February", "2018-02", 0},
        {"Her May wedding was small.", D, "May", "2018-05", 0},
        {"They flew to Rome in early Oct. for a break.", D, "early Oct.", "2017-10", HS_TM_START},
        {"It has been hard over the last couple of years.", D, "the last couple of years", "P2Y", HS_TM_APPROX},
        {"They split over the July Fourth weekend.", D, "July Fourth", "2018-07-04", 0},
        {"Nodes were removed in the first week of January.", D, "January", "2018-01", 0},
        {"In May Grande posted a story.", D, "May", "2018-05", 0},
        {"Her portrayal of June Carter Cash won praise.", D, NULL, NULL, 0},
        {"They marched in the March for Our Lives rally.", D, NULL, NULL, 0},
        {"The film Freaky Friday was remade.", D, NULL, NULL, 0},
        {"She loves the carefree spirit of summer fashion.", D, NULL, NULL, 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_indefinite_and_sports)
{
    const char *D = "2018-02-24"; /* a Saturday */
    const tcase cases[] = {
        {"They scored in the fourth quarter of the game.", D, NULL, NULL, 0},
        {"She met him on a Sunday evening in Soho.", D, NULL, NULL, 0},
        {"He posted photos until one day it all stopped.", D, NULL, NULL, 0},
        {"The song honours a 17-year old fan.", D, NULL, NULL, 0},
        {"I knew I was going to train on Monday.", D, "Monday", "2018-02-19", 0},
        {"I am going to train on Monday.", D, "Monday", "2018-02-26", 0},
        {"He will return to the show he left back in March.", D, "March", "2017-03", 0},
        {"The new season airs Sunday on cable.", D, "Sunday", "2018-02-25", 0},
        {"The special, filmed in January, airs in March.", D, "January", "2018-01", 0},
        {"Sales rose in the fourth quarter of 2017.", D, "the fourth quarter of 2017", "2017-Q4", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_year_lent_by_the_clause)
{
    const char *D = "2016-03-04";
    const tcase cases[] = {
        {"The family spent Easter in Hawaii last year.", D, "Easter", "2015-04-05", 0},
        {"He was sentenced in July last year.", D, "July", "2015-07", 0},
        {"The couple, who wed in 2006, separated in January.", D, "January", "2016-01", 0},
        {"She flew home on Tuesday last year.", D, "Tuesday", "2016-03-01", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_in_the_pipeline_titles_are_not_times)
{
    hs_analyzer *a = NULL;
    hs_doc *d = NULL;
    const char *text = "He starred in \xE2\x80\x9CHalloween\xE2\x80\x9D with Curtis. Carey sang \xE2\x80\x9C"
                       "Christmas\xE2\x80\x9D on Friday. She said \xE2\x80\x9CI left on Tuesday\xE2\x80\x9D and cried.";
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.date = "2018-10-25";
    CHECK_INT(hs_analyzer_new(&a, NULL), 0);
    CHECK_INT(hs_doc_new(&d), 0);
    CHECK_INT(hs_analyze(d, a, &art), 0);
    CHECK_INT(d->timexes.n, 2);
    CHECK(has(d, "Friday", "2018-10-19", 0));
    CHECK(has(d, "Tuesday", "2018-10-23", 0));
    CHECK_INT(hs_time_at(d, 0, (uint32_t)strlen(text)), 0);
    hs_doc_free(d);
    hs_analyzer_free(a);
}

TEST(time_dates_from_the_date_before)
{
    const char *D = "2018-10-25";
    const tcase cases[] = {
        {"They married in 2010 and split two years later.", D, "two years later", "2012", 0},
        {"On March 3, 2015 she left; three days later she returned.", D, "three days later", "2015-03-06", 0},
        {"They met in June 2014. The following month they wed.", D, "The following month", "2014-07", 0},
        {"The band formed in 2001. That same year it toured.", D, "That same year", "2001", 0},
        {"He debuted in 1984 and won a decade later.", D, "a decade later", "1994", 0},
        {"She arrived in 2016. The next day she left.", D, "The next day", NULL, 0},
        {"Two years later she moved.", D, "Two years later", NULL, 0},
        {"Two years after the wedding they fought.", D, NULL, NULL, 0},
        {"He debuted in 1987. In November of the same year he toured.", D, "November of the same year", "1987-11", 0},
        {"They met in June 2014, and wed the following September.", D, "the following September", "2014-09", 0},
        {"They met in October 2014, and wed the following September.", D, "the following September", "2015-09", 0},
        {"They met in 2009. That February they wed.", D, "That February", "2009-02", 0},
        {"They split a year and a half ago.", D, "a year and a half ago", "2017-04", 0},
        {"They dated for a year and a half.", D, "a year and a half", "P1.5Y", 0},
        {"Sales have fallen in recent years.", D, "recent years", "PXY", 0},
        {"The tunnel will stay closed until autumn.", D, "autumn", "2018-FA", 0},
        {"Prices tend to fall in spring.", D, "spring", "2018-SP", 0},
        {"On Monday Ryan Seacrest spoke.", D, "Monday", "2018-10-22", 0},
        {"She was on Saturday Night Live twice.", D, NULL, NULL, 0},
        {"Met Gala 2018: the looks.", D, "2018", "2018", 0},
        {"The alarm rang at 20:19 sharp.", D, NULL, NULL, 0},
        {"She starred in \xE2\x80\x98" "19 Kids and Counting\xE2\x80\x99 once.", D, NULL, NULL, 0},
        {"She wore it to the Met Gala \xE2\x80\x99" "17 in May.", D, "\xE2\x80\x99" "17", "2017", 0},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

TEST(time_year_before_an_overlong_word)
{
    /* a year before a word too long for the scanner's lower-case buffer (its
     * lower form is left empty) is still a year.  The read before that buffer
     * which fuzz_text found here is caught by clang's bounds check when
     * `make fuzz` replays fuzz/corpus/text/crash-year-overlong-word */
    hs_doc *d = run("Sales 2019 extraordinarilyinconceivablenesses rose.", "2020-01-01");
    CHECK(d != NULL);
    CHECK(has(d, "2019", "2019", 0));
    hs_doc_free(d);
}
