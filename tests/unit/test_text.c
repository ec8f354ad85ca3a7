/* Unit tests for the text layer: tokenizer, splitter, quotation pairing.
 * Every sentence here was written for these tests. */
#include "analyzer.h"
#include "doc.h"
#include "harness.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static hs_doc *run(const char *text)
{
    hs_doc *d;
    if (hs_doc_new(&d))
        return NULL;
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.origin = "test";
    if (hs_doc_load_article(d, &art, 0, 0, 1) || hs_text_tokenize(d) || hs_text_split(d) || hs_text_quotes(d)) {
        hs_doc_free(d);
        return NULL;
    }
    return d;
}

/* The tokens joined with '|'. */
static char *toks(const hs_doc *d)
{
    static char out[2048];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < d->toks.n && n + 64 < sizeof out; i++) {
        const hs_tok *t = &d->toks.v[i];
        if (i)
            out[n++] = '|';
        size_t l = t->end - t->start;
        memcpy(out + n, d->text + t->start, l);
        n += l;
        out[n] = 0;
    }
    return out;
}

#define CHECK_TOKS(text, expect)                 \
    do {                                         \
        hs_doc *d_ = run(text);                  \
        CHECK(d_ != NULL);                       \
        if (d_) {                                \
            CHECK_STR(toks(d_), expect);         \
            hs_doc_free(d_);                     \
        }                                        \
    } while (0)

TEST(text_tables_sorted) { CHECK_INT(hs_text_tables_check(), 0); }

TEST(tokenize_clitics_and_titles)
{
    CHECK_TOKS("Mr. Hale's dog can't swim.", "Mr.|Hale|'s|dog|ca|n't|swim|.");
    CHECK_TOKS("They’re sure she’d won’t", "They|’re|sure|she|’d|wo|n’t");
    CHECK_TOKS("Dara O'Brien and Lia D’Souza", "Dara|O'Brien|and|Lia|D’Souza");
}

TEST(tokenize_numbers_money_urls)
{
    CHECK_TOKS("The U.S. team won $5,000 on 3/29/2025 at 10:30.",
               "The|U.S.|team|won|$|5,000|on|3/29/2025|at|10:30|.");
    CHECK_TOKS("Write to press@ledger-news.example or see https://ledger.example/a?id=5.",
               "Write|to|press@ledger-news.example|or|see|https://ledger.example/a?id=5|.");
    CHECK_TOKS("It rose 4.5% to £3.2m, 1,2 or 3.", "It|rose|4.5|%|to|£|3.2m|,|1|,|2|or|3|.");
}

TEST(tokenize_names_credits_censored)
{
    hs_doc *d = run("President Lucía Díaz-Moreno smiled (AP/PTI, Ken Obi/AFP)");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(toks(d), "President|Lucía|Díaz|-|Moreno|smiled|(|AP|/|PTI|,|Ken|Obi|/|AFP|)");
    CHECK(d->toks.v[2].flags & HS_TF_HYPHENATED);
    CHECK(d->toks.v[4].flags & HS_TF_HYPHENATED);
    CHECK(!(d->toks.v[1].flags & HS_TF_HYPHENATED));
    CHECK(d->toks.v[1].flags & HS_TF_UPPER_INITIAL);
    CHECK(d->toks.v[7].flags & HS_TF_ALL_UPPER);
    hs_doc_free(d);
    CHECK_TOKS("he doesn't give a f**k, s*** happens", "he|does|n't|give|a|f**k|,|s***|happens");
    CHECK_TOKS("J. R. Okafor met AT&T and R&B fans", "J.|R.|Okafor|met|AT&T|and|R&B|fans");
}

TEST(tokenize_apostrophes_not_quotes)
{
    hs_doc *d = run("Tom’s rock ’n’ roll in the ’90s, the Smiths’ house");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(toks(d), "Tom|’s|rock|’n’|roll|in|the|’90s|,|the|Smiths|’|house");
    CHECK_INT(d->quotes.n, 0);
    CHECK_INT(d->toks.v[11].kind, HS_TK_CLITIC);
    CHECK_INT(d->toks.v[7].kind, HS_TK_NUMBER);
    hs_doc_free(d);
}

static size_t n_sents(const char *text)
{
    hs_doc *d = run(text);
    size_t n = d ? d->sents.n : 0;
    hs_doc_free(d);
    return n;
}

TEST(split_abbreviations_and_quotes)
{
    CHECK_INT(n_sents("Mr. Vance arrived. He left at 5 p.m. The crowd cheered."), 3);
    CHECK_INT(n_sents("She moved to the U.S. in 2010 with Dr. Osei."), 1);
    CHECK_INT(n_sents("He joined Acme Inc. The firm grew."), 2);
    CHECK_INT(n_sents("“I’m done,” she said. “Really?” he asked."), 2);
    CHECK_INT(n_sents("“Why?” she asked. Nobody answered."), 2);
    CHECK_INT(n_sents("He now hosts for E! News. Fans cheered."), 2);
    CHECK_INT(n_sents("Wait... what happened? It ended."), 2);
    CHECK_INT(n_sents("It ended... Then it began."), 2);
    CHECK_INT(n_sents("Song No. 5 won."), 1);
}

TEST(split_paragraphs_and_headlines)
{
    hs_doc *d = run("Star Quits Harbour Show\n\nThe actor left. Fans wept.\n\nMore follows.");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_INT(d->paras.n, 3);
    CHECK_INT(d->sents.n, 4);
    CHECK(d->sents.v[0].flags & HS_SF_HEADLINE);
    CHECK(!(d->sents.v[1].flags & HS_SF_HEADLINE));
    CHECK(!(d->sents.v[3].flags & HS_SF_HEADLINE));
    CHECK_INT(d->sents.v[2].para, 1);
    CHECK(d->toks.v[d->sents.v[1].tok_begin].flags & HS_TF_SENT_START);
    hs_doc_free(d);
    /* without blank lines every line is a paragraph */
    d = run("First line here.\nSecond line here.\nThird.");
    CHECK(d && d->paras.n == 3);
    hs_doc_free(d);
}

static hs_doc *quotes_of(const char *text, size_t expect_n)
{
    hs_doc *d = run(text);
    CHECK(d != NULL);
    if (d && d->quotes.n != expect_n) {
        hs_test_fail(__FILE__, __LINE__, "%zu quotations, want %zu in: %s", d->quotes.n, expect_n, text);
        hs_doc_free(d);
        return NULL;
    }
    return d;
}

static int content_is(const hs_doc *d, size_t i, const char *s)
{
    const hs_quote *q = &d->quotes.v[i];
    return strlen(s) == q->content.end - q->content.start && memcmp(d->text + q->content.start, s, strlen(s)) == 0;
}

TEST(quotes_kinds)
{
    hs_doc *d = quotes_of("“We are finished,” an aide told the Harbour Post. Later Dwayne “The Rock” Okoro "
                          "called it a “total disaster” and praised the film “Silent Harbour” and the ‘Night Shift’ star.",
                          5);
    if (!d)
        return;
    CHECK_INT(d->quotes.v[0].kind, HS_QK_DIRECT);
    CHECK(content_is(d, 0, "We are finished,"));
    CHECK_INT(d->quotes.v[1].kind, HS_QK_NICKNAME);
    CHECK_INT(d->quotes.v[2].kind, HS_QK_MIXED);
    CHECK(content_is(d, 2, "total disaster"));
    CHECK_INT(d->quotes.v[3].kind, HS_QK_TITLE);
    CHECK_INT(d->quotes.v[4].kind, HS_QK_TITLE);
    hs_doc_free(d);
    d = quotes_of("Oti Vance, who starred in “Salt Marsh,” and an episode titled \"Dry Run\" said the plan was \"in trouble.\"", 3);
    if (d) {
        CHECK_INT(d->quotes.v[0].kind, HS_QK_TITLE);
        CHECK_INT(d->quotes.v[1].kind, HS_QK_TITLE);
        CHECK_INT(d->quotes.v[2].kind, HS_QK_MIXED);
    }
    hs_doc_free(d);
    d = quotes_of("“Never,” Ada Kim said. “Maybe” is her word.", 2);
    if (d) {
        CHECK_INT(d->quotes.v[0].kind, HS_QK_DIRECT);
        CHECK_INT(d->quotes.v[1].kind, HS_QK_MIXED);
    }
    hs_doc_free(d);
    d = quotes_of("The mayor said: \"We will rebuild the pier.\"", 1);
    if (d)
        CHECK_INT(d->quotes.v[0].kind, HS_QK_DIRECT);
    hs_doc_free(d);
}

TEST(quotes_adjacent_nested_brackets)
{
    hs_doc *d = quotes_of("Ratings were \"high\",\"low\" and \"mixed\".", 3);
    if (d) {
        CHECK(content_is(d, 0, "high"));
        CHECK(content_is(d, 1, "low"));
        CHECK(content_is(d, 2, "mixed"));
    }
    hs_doc_free(d);
    d = quotes_of("“She told me ‘never again’ last week, [and she] meant it,” Kara Lutz said.", 2);
    if (d) {
        CHECK_INT(d->quotes.v[0].kind, HS_QK_DIRECT);
        CHECK_INT(d->quotes.v[1].parent, 0);
        CHECK(d->quotes.v[1].flags & HS_QF_NESTED);
        CHECK(content_is(d, 1, "never again"));
        CHECK(content_is(d, 0, "She told me ‘never again’ last week, [and she] meant it,"));
    }
    hs_doc_free(d);
    d = quotes_of("«Nous partons», a dit Anaïs Roux.", 1);
    if (d)
        CHECK(content_is(d, 0, "Nous partons"));
    hs_doc_free(d);
}

TEST(quotes_over_paragraphs_and_unterminated)
{
    hs_doc *d = quotes_of("“We planned the tour for a year.\n\n“Then the money ran out,” the manager said.", 1);
    if (d) {
        CHECK(d->quotes.v[0].flags & HS_QF_MULTI_PARA);
        CHECK_INT(d->quotes.v[0].para_begin, 0);
        CHECK_INT(d->quotes.v[0].para_end, 2);
        CHECK_INT(d->warnings.n, 0);
    }
    hs_doc_free(d);
    d = quotes_of("Ines Varga told the Ledger: “We never planned it.\n\nThe couple left early.", 1);
    if (d) {
        CHECK(d->quotes.v[0].flags & HS_QF_UNTERMINATED);
        CHECK(content_is(d, 0, "We never planned it."));
        CHECK_INT(d->warnings.n, 1);
        if (d->warnings.n)
            CHECK_INT(d->warnings.v[0].offset, 28);
    }
    hs_doc_free(d);
    /* a stray single mark is an apostrophe, not a quotation, and no warning */
    d = quotes_of("The ’burbs were quiet. Fans of ‘Mara sang.", 0);
    if (d)
        CHECK_INT(d->warnings.n, 0);
    hs_doc_free(d);
}

TEST(quotes_mistyped_marks)
{
    /* “ used to close, ” used to open, “ closing after a comma */
    hs_doc *d = quotes_of("Lena Fosse wrote: “We are tired.“ Then ”Enough” she said.", 2);
    if (d) {
        CHECK(content_is(d, 0, "We are tired."));
        CHECK(content_is(d, 1, "Enough"));
        CHECK_INT(d->warnings.n, 0);
    }
    hs_doc_free(d);
    d = quotes_of("\"It is possible, “she told the Ledger.", 1);
    if (d)
        CHECK(content_is(d, 0, "It is possible,"));
    hs_doc_free(d);
}

TEST(quotes_token_membership)
{
    hs_doc *d = quotes_of("Asked why, Rui Tan said “because I can” and left.", 1);
    if (!d)
        return;
    int inside = 0;
    for (size_t i = 0; i < d->toks.n; i++)
        inside += d->toks.v[i].quote == 0;
    CHECK_INT(inside, 3);
    CHECK(d->sents.v[0].flags & HS_SF_HAS_QUOTE);
    CHECK(d->toks.v[d->quotes.v[0].open_tok].flags & HS_TF_QUOTE_OPEN);
    hs_doc_free(d);
}

TEST(text_survives_odd_input)
{
    const char *odd[] = {"\"", "“", "’", "''", "``", "...", "-", "a.b.c.d.", "http://", "@", "x@y", "$",
                         "“a ‘b “c ‘d", "”’»›", "f**", "'90", "n't", "E!", "Mr."};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        hs_doc *d = run(odd[i]);
        CHECK(d != NULL);
        if (d) {
            for (size_t k = 0; k < d->toks.n; k++) {
                CHECK(d->toks.v[k].start < d->toks.v[k].end);
                CHECK(d->toks.v[k].end <= d->len);
                CHECK(d->toks.v[k].sent < d->sents.n || d->sents.n == 0);
            }
        }
        hs_doc_free(d);
    }
}

/* Random byte soup (valid UTF-8 after lossy repair) must never crash or break invariants. */
TEST(text_random_input)
{
    static const char *pieces[] = {"“", "”", "‘", "’", "\"", "'", " ", "\n", "\n\n", ".", "!", "?", "U.S.", "Mr.",
                                   "a", "Bo", "n't", "’s", "$", "5", ",", "-", "—", "(", ")", "«", "»", "*", "@", "/"};
    unsigned seed = 12345;
    char buf[512];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        while (n < sizeof buf - 8) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(p);
            if (n + l >= sizeof buf - 1)
                break;
            memcpy(buf + n, p, l);
            n += l;
            if ((seed >> 8) % 50 == 0)
                break;
        }
        buf[n] = 0;
        hs_doc *d = run(buf);
        CHECK(d != NULL || n == 0);
        if (d) {
            for (size_t i = 0; i < d->quotes.n; i++) {
                CHECK(d->quotes.v[i].content.start <= d->quotes.v[i].content.end);
                CHECK(d->quotes.v[i].outer.end <= d->len);
            }
            size_t covered = 0;
            for (size_t s = 0; s < d->sents.n; s++)
                covered += d->sents.v[s].tok_end - d->sents.v[s].tok_begin;
            CHECK_INT(covered, d->toks.n);
        }
        hs_doc_free(d);
    }
}

/* An article's title (JSONL, web pages) is analysed as the first paragraph of
 * its text unless the text already opens with it. */
static const char *titled(hs_doc *d, const char *title, const char *text, int apart)
{
    hs_article art = {.title = title, .text = text, .text_len = strlen(text), .origin = "test"};
    if (hs_doc_load_article(d, &art, 0, 0, apart))
        return NULL;
    return d->text;
}

TEST(title_becomes_first_paragraph)
{
    hs_doc *d;
    CHECK_INT(hs_doc_new(&d), 0);
    const char *body = "The singer, 31, told Pennant Weekly she is happy.";
    /* a title with a line break and spaces around is one line */
    CHECK_STR(titled(d, "  Ruta Vell Opens Up\n About  Her Tour ", body, 0),
              "Ruta Vell Opens Up About Her Tour\n\nThe singer, 31, told Pennant Weekly she is happy.");
    CHECK_INT((long)d->title_bytes, (long)strlen("Ruta Vell Opens Up About Her Tour\n\n"));
    CHECK_STR(d->title, "  Ruta Vell Opens Up\n About  Her Tour ");
    /* the text already opens with it (case and spacing aside): left alone */
    CHECK_STR(titled(d, "Ruta Vell opens up  about her tour", "\nRuta Vell Opens Up About Her Tour\n\nShe is happy.", 0),
              "\nRuta Vell Opens Up About Her Tour\n\nShe is happy.");
    CHECK_INT((long)d->title_bytes, 0);
    /* no title, a blank one, or the caller keeps them apart */
    CHECK_STR(titled(d, NULL, body, 0), body);
    CHECK_STR(titled(d, " \n ", body, 0), body);
    CHECK_STR(titled(d, "Ruta Vell Opens Up", body, 1), body);
    CHECK_INT((long)d->title_bytes, 0);
    /* a bad byte in the title is replaced, never fatal; the text keeps its checks */
    CHECK_STR(titled(d, "Ruta \xff Vell", body, 0), "Ruta \xef\xbf\xbd Vell\n\nThe singer, 31, told Pennant Weekly she is happy.");
    CHECK(titled(d, "Ruta Vell", "bad \xff byte", 0) == NULL);
    hs_doc_free(d);
}
