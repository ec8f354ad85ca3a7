/* Unit tests for src/html (web pages) and the extraction metric.
 * Pages are written here (invented outlets and people). */
#include "base/buf.h"
#include "base/utf8.h"
#include "eval/eval.h"
#include "harness.h"
#include "hearsay.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

static const char story[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Quell denies split rumours - The Tidewater Post</title>"
    "<meta property=\"og:site_name\" content=\"The Tidewater Post\">"
    "<meta name=\"author\" content=\"Ines Calloway\">"
    "<link rel=\"canonical\" href=\"https://tidewater.example/news/2024/06/21/quell-denies\">"
    "</head><body>"
    "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/stars\">Stars</a> <a href=\"/politics\">Politics</a></nav>"
    "<div class=\"article-body\">"
    "<h1>Quell denies split rumours</h1>"
    "<figure><figcaption>Mara Quell in Porto. Photo: Rui Amaral/Harbour Images</figcaption></figure>"
    "<p>Mara Quell has denied reports that she and Odo Brannick have separated, telling the Evening Ledger "
    "that the couple are \xE2\x80\x9C" "as happy as ever.\xE2\x80\x9D</p>"
    "<p>The rumours began after the pair were photographed leaving separate cars at a premiere in Porto, "
    "according to several fan accounts.</p>"
    "<div class=\"share-buttons\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>"
    "<p>Brannick, who is filming in Iceland, has not commented on the reports.</p>"
    "</div>"
    "<div class=\"related\"><ul><li><a href=\"/a\">Quell and Brannick: a timeline of their romance so far</a></li>"
    "<li><a href=\"/b\">Brannick\xE2\x80\x99s Iceland thriller gets a release date at last</a></li></ul></div>"
    "<div id=\"comments\"><p>I never believed the split story for a second, they are clearly still together.</p></div>"
    "<footer>\xC2\xA9" " The Tidewater Post</footer></body></html>";

TEST(html_page_body_and_metadata)
{
    hs_page *p;
    CHECK_INT(hs_page_new(&p, story, sizeof story - 1, "story.html"), 0);
    if (!p)
        return;
    CHECK_STR(p->title, "Quell denies split rumours");
    CHECK_STR(p->date, "2024-06-21"); /* from the canonical URL's path */
    CHECK_STR(p->authors, "Ines Calloway");
    CHECK_STR(p->outlet, "The Tidewater Post");
    CHECK_STR(p->url, "https://tidewater.example/news/2024/06/21/quell-denies");
    CHECK_STR(p->image_caption, "Mara Quell in Porto.");
    CHECK_STR(p->image_credit, "Photo: Rui Amaral/Harbour Images");
    CHECK_INT(p->paragraphs, 3);
    CHECK(strncmp(p->text, "Mara Quell has denied", 21) == 0);
    CHECK(strstr(p->text, "\xE2\x80\x9D\n\nThe rumours began") != NULL); /* paragraph breaks kept */
    CHECK(strstr(p->text, "has not commented on the reports.") != NULL);
    /* boilerplate and credits stay out of the body */
    CHECK(strstr(p->text, "Share") == NULL);
    CHECK(strstr(p->text, "timeline") == NULL);
    CHECK(strstr(p->text, "never believed") == NULL);
    CHECK(strstr(p->text, "Rui Amaral") == NULL);
    CHECK(strstr(p->text, "Home") == NULL);
    CHECK(strstr(p->text, "Quell denies split rumours") == NULL); /* the h1 headline */
    hs_page_free(p);
}

TEST(html_jsonld_metadata_and_title_suffix)
{
    static const char page[] =
        "<html><head><title>Budget talks stall | The Marsh Gazette</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
        "\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-02-09T18:00:00+01:00\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Tomas Reyl\"},{\"name\":\"Una Fitch\"}],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Marsh Gazette\"}}]}</script>"
        "<script type=\"application/ld+json\">{ broken json</script></head>"
        "<body><p>Talks on the city budget stalled again on Thursday, with neither side willing to move on "
        "the cost of street lighting, officials said.</p></body></html>";
    hs_page *p;
    CHECK_INT(hs_page_new(&p, page, sizeof page - 1, "ld.html"), 0);
    if (!p)
        return;
    CHECK_STR(p->title, "Budget talks stall"); /* the outlet's name taken off */
    CHECK_STR(p->date, "2023-02-09");
    CHECK_STR(p->authors, "Tomas Reyl; Una Fitch");
    CHECK_STR(p->outlet, "The Marsh Gazette");
    CHECK(p->url == NULL);
    CHECK(strncmp(p->text, "Talks on the city budget", 24) == 0);
    hs_page_free(p);
}

/* Convert `in` and check the encoding chosen and a piece of the result. */
static void check_conv(const char *in, size_t n, const char *want_name, const char *want_text)
{
    char name[32], *out;
    size_t len;
    CHECK_INT(hs_html_to_utf8(in, n, &out, &len, name), 0);
    CHECK_STR(name, want_name);
    if (!out || !strstr(out, want_text))
        hs_test_fail(__FILE__, __LINE__, "converted as %s: \"%s\", lacks \"%s\"", name, out ? out : "", want_text);
    free(out);
}
#define CONV(lit, name, text) check_conv(lit, sizeof lit - 1, name, text)

TEST(html_charset_declared_and_contradicted)
{
    /* declared windows-1252 by http-equiv: é is 0xE9, ’ is 0x92 */
    CONV("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">caf\xE9 Ren\x92s",
         "windows-1252", "caf\xC3\xA9 Ren\xE2\x80\x99s");
    /* declared UTF-8, bytes in windows-1252: the bytes win */
    CONV("<meta charset=\"utf-8\"><p>Zo\xEB met Kr\xFCger at the caf\xE9.</p>", "windows-1252",
         "Zo\xC3\xAB met Kr\xC3\xBCger");
    /* declared ISO-8859-1, bytes in UTF-8 */
    CONV("<meta charset=iso-8859-1><p>Zo\xC3\xAB</p>", "utf-8", "Zo\xC3\xAB");
    /* a UTF-16LE byte-order mark */
    CONV("\xFF\xFE<\0p\0>\0\xE9\0", "utf-16le", "<p>\xC3\xA9");
    /* an unknown label: decided from the bytes */
    CONV("<meta charset=\"x-no-such-charset\"><p>caf\xC3\xA9</p>", "utf-8", "caf\xC3\xA9");
    /* a stray invalid byte in a UTF-8 page becomes U+FFFD; the page stays UTF-8 */
    CONV("<meta charset=utf-8><p>caf\xC3\xA9, na\xC3\xAFve, \xFF ok</p>", "utf-8", "\xEF\xBF\xBD ok");
    /* no declaration, no UTF-8: windows-1252 */
    CONV("<p>Ren\x92s caf\xE9</p>", "windows-1252", "Ren\xE2\x80\x99s caf\xC3\xA9");
}

TEST(html_not_a_page)
{
    hs_page *p;
    CHECK_INT(hs_page_new(&p, "", 0, "empty.html"), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "empty.html: empty file") != NULL);
    CHECK_INT(hs_page_new(&p, " \n\t ", 4, "blank.html"), HS_EINPUT);
    static const char gif[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00";
    CHECK_INT(hs_page_new(&p, gif, sizeof gif - 1, "junk.html"), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "junk.html: byte offset 7: binary data") != NULL);
    /* markup without an article: a page with empty text, not an error */
    static const char nav[] = "<html><body><nav><a href=/>Home</a></nav><ul><li><a href=/a>One story</a></li>"
                              "<li><a href=/b>Another story</a></li></ul></body></html>";
    CHECK_INT(hs_page_new(&p, nav, sizeof nav - 1, "nav.html"), 0);
    if (p) {
        CHECK_INT(p->text_len, 0);
        CHECK_STR(p->text, "");
        hs_page_free(p);
    }
}

static unsigned rnd(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* The page must either fail with a message or give valid UTF-8 without NUL. */
static void check_robust(const char *s, size_t n, int *failures)
{
    hs_page *p = NULL;
    int rc = hs_page_new(&p, s, n, "fuzz");
    if (rc) {
        if (!p && hs_error_last()[0])
            return;
        (*failures)++;
        return;
    }
    if (hs_utf8_valid_prefix(p->text, p->text_len) != p->text_len || strlen(p->text) != p->text_len)
        (*failures)++;
    const char *s2;
    size_t n2;
    if (hs_page_json(p, 0, &s2, &n2) || hs_utf8_valid_prefix(s2, n2) != n2)
        (*failures)++;
    hs_page_free(p);
}

TEST(html_fuzz_random_and_truncated)
{
    unsigned seed = 12345;
    int failures = 0;
    size_t n = sizeof story - 1;
    char *buf = malloc(n + 1);
    /* every truncation point in steps, and random byte mutations */
    for (size_t cut = 0; cut <= n; cut += 7)
        check_robust(story, cut, &failures);
    for (int round = 0; round < 200; round++) {
        memcpy(buf, story, n);
        int k = 1 + (int)(rnd(&seed) % 20);
        for (int j = 0; j < k; j++)
            buf[rnd(&seed) % n] = (char)(rnd(&seed) & 0xff);
        check_robust(buf, n - rnd(&seed) % 64, &failures);
    }
    /* random bytes, with and without a NUL-free tail of markup characters */
    for (int round = 0; round < 100; round++) {
        size_t m = 1 + rnd(&seed) % 600;
        for (size_t j = 0; j < m; j++)
            buf[j] = round % 2 ? "<>/=\"' abp\n&;#x"[rnd(&seed) % 15] : (char)(rnd(&seed) & 0xff);
        check_robust(buf, m, &failures);
    }
    free(buf);
    CHECK_INT(failures, 0);
}

TEST(html_deep_nesting_does_not_overflow)
{
    /* 200,000 nested <div>s around one paragraph: no recursion anywhere */
    size_t depth = 200000;
    hs_buf b = HS_BUF_INIT;
    for (size_t i = 0; i < depth; i++)
        hs_buf_put(&b, "<div>", 5);
    hs_buf_puts(&b, "<p>A councillor, Reno Talbot, said the vote would wait until December, "
                    "after the report was read in full.</p>");
    hs_page *p;
    CHECK_INT(hs_page_new(&p, b.data, b.len, "deep.html"), 0);
    if (p) {
        CHECK(strstr(p->text, "Reno Talbot") != NULL);
        hs_page_free(p);
    }
    hs_buf_free(&b);
}

TEST(html_dates)
{
    char d[11];
    CHECK_INT(hs_html_date_norm("2024-05-02T10:00:00Z", d), 0);
    CHECK_STR(d, "2024-05-02");
    CHECK_INT(hs_html_date_norm("20240502", d), 0);
    CHECK_STR(d, "2024-05-02");
    CHECK_INT(hs_html_date_norm("2024-02-30", d), -1); /* not a calendar date */
    CHECK_INT(hs_html_date_in_url("https://a.example/news/2019/11/18/story-name/", d), 0);
    CHECK_STR(d, "2019-11-18");
    CHECK_INT(hs_html_date_in_url("https://a.example/news/1234/story", d), -1);
    /* dates in words */
    CHECK_INT(hs_html_date_norm("Published March 14, 2025 at 9:30", d), 0);
    CHECK_STR(d, "2025-03-14");
    CHECK_INT(hs_html_date_norm("Updated: 2 Sept. 2024", d), 0);
    CHECK_STR(d, "2024-09-02");
    CHECK_INT(hs_html_date_norm("Mar. 5 2023", d), 0);
    CHECK_STR(d, "2023-03-05");
    CHECK_INT(hs_html_date_norm("Marching on 14, 2025", d), -1); /* not a month */
    CHECK_INT(hs_html_date_norm("March 2025", d), -1);           /* no day */
}

TEST(html_byline_names)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_html_byline("By Petra Vossberg and Ilan Marsh | Updated 10:30", &b), 2);
    CHECK_STR(b.data, "Petra Vossberg; Ilan Marsh");
    hs_buf_clear(&b);
    CHECK_INT(hs_html_byline("  by Ana de la Rua, Tomas Reyl and Una Fitch", &b), 3);
    CHECK_STR(b.data, "Ana de la Rua; Tomas Reyl; Una Fitch"); /* particles inside a name */
    hs_buf_free(&b);
    hs_buf b2 = HS_BUF_INIT;
    CHECK_INT(hs_html_byline("By Staff", &b2), 0);                  /* one word is not a name */
    CHECK_INT(hs_html_byline("Petra Vossberg reports", &b2), 0);    /* not a byline */
    CHECK_INT(hs_html_byline("By Jo Rand on March 3, 2024", &b2), 1);
    CHECK_STR(b2.data, "Jo Rand");
    hs_buf_free(&b2);
    /* from a page: the byline fills authors when the metadata does not */
    static const char page[] = "<html><body><div class=\"article-byline\">By Odile Marchetti and Sven Aaltonen</div>"
                               "<time>June 3, 2024</time><p>The ferry company, the harbour board and the council met "
                               "again on Monday, without an agreement on the winter timetable.</p></body></html>";
    hs_page *p;
    CHECK_INT(hs_page_new(&p, page, sizeof page - 1, "byline.html"), 0);
    if (p) {
        CHECK_STR(p->authors, "Odile Marchetti; Sven Aaltonen");
        CHECK_STR(p->date, "2024-06-03");
        CHECK(strstr(p->text, "Marchetti") == NULL);
        hs_page_free(p);
    }
}

static void score(const char *t, const char *p, hs_shingle_score *s)
{
    CHECK_INT(hs_shingle_match(t, strlen(t), p, strlen(p), s), 0);
}

TEST(extract_shingle_metric)
{
    hs_shingle_score s;
    /* truth has shingles {a b c d, b c d e}; prediction {a b c d} */
    score("a b c d e", "a, b; c d", &s);
    CHECK(s.p == 1.0 && s.r == 0.5 && s.has_p && s.has_r);
    /* repeats count: the truth holds "a b c d" twice among five shingles */
    score("a b c d a b c d", "a b c d", &s);
    CHECK(s.p == 1.0 && s.r > 0.1999 && s.r < 0.2001);
    /* fewer than four tokens: one shingle of all of them */
    score("Ana said", "Ana said", &s);
    CHECK(s.p == 1.0 && s.r == 1.0);
    score("Ana said", "Ana", &s);
    CHECK(s.p == 0.0 && s.r == 0.0);
    /* \w+ is Unicode and keeps case: "Zoë" is one token, "zoë" another */
    score("Zoë met Krüger in Köln", "zoë met Krüger in Köln", &s);
    CHECK(s.tp > 0.33 && s.tp < 0.34); /* 1 shared of 2 + 2 − 1 */
    /* nothing predicted: precision does not count the page, recall is 0 */
    score("one two three four five", "", &s);
    CHECK(!s.has_p && s.has_r && s.r == 0.0);
    score("", "", &s);
    CHECK(!s.has_p && !s.has_r);
}

/* Extract a page written inline; the caller frees it. */
static hs_page *page_of(const char *html)
{
    hs_page *p = NULL;
    CHECK_INT(hs_page_new(&p, html, strlen(html), "inline.html"), 0);
    return p;
}

TEST(html_split_article_chunks_joined)
{
    /* one body in two same-class chunks, each beside an ad rail */
    hs_page *p = page_of(
        "<html><body><div class=\"chunks\">"
        "<div class=\"grid\"><div class=\"story-chunk\">"
        "<p>The harbour board met on Monday, and its chair, Lotte Wren, said the fees would rise in spring, "
        "whatever the council decides, because the dredging contract was signed last year.</p>"
        "<p>Fishermen, who pay most of the fees, said they had not been consulted, and asked for a vote.</p>"
        "</div><div class=\"rail\"><a href=/ad>Advertisement</a></div></div>"
        "<div class=\"grid\"><div class=\"story-chunk\">"
        "<p>Wren said the board would publish the contract, the costs and the timetable, on its website, "
        "before the next meeting, and that the fishermen were welcome to attend it.</p>"
        "<p>The next meeting, the board said, will be held in the harbour office, in public, in May.</p>"
        "</div><div class=\"rail\"><a href=/ad>Advertisement</a></div></div>"
        "</div><div class=\"related\"><a href=/x>Other news from the harbour and the quay this week</a></div>"
        "</body></html>");
    if (!p)
        return;
    CHECK(strstr(p->text, "The harbour board met") != NULL);
    CHECK(strstr(p->text, "in public, in May.") != NULL);
    CHECK(strstr(p->text, "Advertisement") == NULL);
    CHECK(strstr(p->text, "Other news") == NULL);
    hs_page_free(p);
}

TEST(html_short_lines_and_wrappers_kept)
{
    /* tour dates after the last sentence are part of the story; a wrapper
     * whose class says "sidebar" but which holds the story is not boilerplate */
    hs_page *p = page_of(
        "<html><body><div class=\"layout-with-sidebar\"><div class=\"content\">"
        "<p>The Gullwing Brothers, a folk band from Brightwater, will tour next summer, their manager, "
        "Ada Pell, said on Tuesday, with twelve dates, most of them at small theatres.</p>"
        "<p>Dates:<br>June 9 - Harbour Hall, Brightwater<br>June 12 - The Lantern Rooms, Quarry Bay<br>"
        "June 15 - Old Mill Theatre, Saltmarsh</p>"
        "</div></div><div class=\"sidebar\"><p>Most read: the ferry timetable, the lighthouse open day.</p></div>"
        "</body></html>");
    if (!p)
        return;
    CHECK(strstr(p->text, "The Gullwing Brothers") != NULL);
    CHECK(strstr(p->text, "June 15 - Old Mill Theatre, Saltmarsh") != NULL);
    CHECK(strstr(p->text, "\n\nJune 12 - The Lantern Rooms, Quarry Bay\n\n") != NULL); /* <br>: paragraph */
    CHECK(strstr(p->text, "Most read") == NULL);
    hs_page_free(p);
}

TEST(html_embedded_post_kept)
{
    /* an embedded social post: a quotation, though links are most of its text */
    hs_page *p = page_of(
        "<html><body><div class=\"story\">"
        "<p>The mayor, Celia Dunmore, answered her critics on social media on Tuesday evening, hours after "
        "the council vote was postponed, and her post was shared widely.</p>"
        "<blockquote class=\"social-embed\"><p>Every figure is online. <a href=\"https://s.example/x1\">"
        "https://s.example/x1</a></p>&mdash; <a href=\"https://s.example/cdunmore\">Celia Dunmore (@cdunmore)</a> "
        "<a href=\"https://s.example/cdunmore/1\">November 5, 2024</a></blockquote>"
        "<p>Councillor Reno Talbot said the figures had been online for one hour before the meeting, "
        "which, he said, was not enough time for anyone to read them.</p>"
        "</div><ul class=\"more\"><li><a href=/a>Ferry timetable changes for winter</a></li>"
        "<li><a href=/b>Lighthouse open day draws a record crowd</a></li></ul></body></html>");
    if (!p)
        return;
    CHECK(strstr(p->text, "Every figure is online.") != NULL);
    CHECK(strstr(p->text, "Celia Dunmore (@cdunmore) November 5, 2024") != NULL);
    CHECK(strstr(p->text, "Ferry timetable") == NULL);
    hs_page_free(p);
}

TEST(html_caption_label_is_not_a_credit)
{
    hs_page *p = page_of(
        "<html><body><article><figure><figcaption>PHOTO: Fishing boats wait outside the harbour of Quarry Bay "
        "on Monday morning, before the council vote on fees.</figcaption></figure>"
        "<figure><figcaption>Photo: Rui Amaral</figcaption></figure>"
        "<p>The harbour board met on Monday, and its chair, Lotte Wren, said the fees would rise in spring, "
        "whatever the council decides, because the dredging contract was signed last year.</p>"
        "</article></body></html>");
    if (!p)
        return;
    CHECK_STR(p->image_caption, "Fishing boats wait outside the harbour of Quarry Bay on Monday morning, "
                                "before the council vote on fees.");
    CHECK(p->image_credit == NULL); /* the second figure is not the lead image's */
    hs_page_free(p);
    p = page_of("<html><body><article><figure><figcaption>Photo: Rui Amaral/Harbour Images</figcaption></figure>"
                "<p>The harbour board met on Monday, and its chair, Lotte Wren, said the fees would rise in "
                "spring, whatever the council decides, because the contract was signed last year.</p>"
                "</article></body></html>");
    if (!p)
        return;
    CHECK(p->image_caption == NULL);
    CHECK_STR(p->image_credit, "Photo: Rui Amaral/Harbour Images");
    hs_page_free(p);
    /* an agency credit at the end of a caption, and a labelled caption */
    p = page_of("<html><body><article><figure><figcaption>FILE PHOTO: Boats in the harbour of Quarry Bay on "
                "Monday, November 4, 2024, before the vote. REUTERS/Jo Rand</figcaption></figure>"
                "<p>The harbour board met on Monday, and its chair, Lotte Wren, said the fees would rise in "
                "spring, whatever the council decides, because the contract was signed last year.</p>"
                "</article></body></html>");
    if (!p)
        return;
    CHECK_STR(p->image_caption, "Boats in the harbour of Quarry Bay on Monday, November 4, 2024, before the vote.");
    CHECK_STR(p->image_credit, "REUTERS/Jo Rand");
    CHECK(strstr(p->text, "REUTERS") == NULL);
    hs_page_free(p);
}

TEST(html_og_title_without_site_name)
{
    /* og:title keeps a "- Site" suffix only when it is not the outlet's name;
     * an og:site_name holding a URL becomes its host */
    hs_page *p = page_of("<html><head><meta property=\"og:title\" content=\"Ferry fares rise - The Quay Courier\">"
                         "<meta property=\"og:site_name\" content=\"The Quay Courier\"></head><body><p>Ferry fares "
                         "will rise by a tenth in January, the operator said on Friday, citing the cost of fuel.</p>"
                         "</body></html>");
    if (!p)
        return;
    CHECK_STR(p->title, "Ferry fares rise");
    hs_page_free(p);
    p = page_of("<html><head><meta property=\"og:title\" content=\"Star review - shoots high, lands well\">"
                "<meta property=\"og:site_name\" content=\"https://www.quaycourier.example/\"></head><body><p>The "
                "new production at the Harbour Hall is long, loud and, for the most part, worth the ticket.</p>"
                "</body></html>");
    if (!p)
        return;
    CHECK_STR(p->title, "Star review - shoots high, lands well");
    CHECK_STR(p->outlet, "quaycourier.example");
    hs_page_free(p);
}
