/* The plain-text article header (src/ingest/header.c) and the text reader
 * that uses it. */
#include "harness.h"
#include "hearsay.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int head(const char *t, hs_text_meta *m, size_t *skip)
{
    return hs_text_headers(t, strlen(t), "t.txt", m, skip);
}

TEST(header_date_with_first_paragraph)
{
    hs_text_meta m;
    size_t skip;
    const char *t = "date 2024-06-01 Ola Brisk wins the derby\n\nText.";
    CHECK_INT(head(t, &m, &skip), 0);
    CHECK_STR(m.date, "2024-06-01");
    CHECK_STR(m.outlet, "");
    CHECK_STR(t + skip, "Ola Brisk wins the derby\n\nText.");
}

TEST(header_outlet_and_date_lines)
{
    hs_text_meta m;
    size_t skip;
    const char *t = "  date: 2024-06-01\noutlet:   The Quayside Bugle  \r\n\n\nOla Brisk wins.\n";
    CHECK_INT(head(t, &m, &skip), 0);
    CHECK_STR(m.date, "2024-06-01");
    CHECK_STR(m.outlet, "The Quayside Bugle");
    CHECK_STR(t + skip, "Ola Brisk wins.\n");
    /* any order; the older date form after an outlet line */
    t = "outlet: Fenwick Post\ndate 2023-02-28 Headline here\n";
    CHECK_INT(head(t, &m, &skip), 0);
    CHECK_STR(m.outlet, "Fenwick Post");
    CHECK_STR(m.date, "2023-02-28");
    CHECK_STR(t + skip, "Headline here\n");
    /* an outlet alone */
    t = "outlet: Fenwick Post\nOla Brisk wins.";
    CHECK_INT(head(t, &m, &skip), 0);
    CHECK_STR(m.date, "");
    CHECK_STR(t + skip, "Ola Brisk wins.");
}

TEST(header_absent_or_not_a_header)
{
    hs_text_meta m;
    size_t skip;
    /* ordinary openings are text, not headers */
    const char *plain[] = {"Ola Brisk wins.", "date night ideas for the weekend", "date 12 people came",
                           "outlet malls are closing", "Outlet: capitalised is text", "dated 2024-01-01", ""};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        CHECK_INT(head(plain[i], &m, &skip), 0);
        CHECK_INT(skip, 0);
        CHECK_STR(m.date, "");
        CHECK_STR(m.outlet, "");
    }
    /* the header stops at the first line that is not one */
    const char *t = "outlet: Fenwick Post\ndate night ideas\n";
    CHECK_INT(head(t, &m, &skip), 0);
    CHECK_STR(t + skip, "date night ideas\n");
}

TEST(header_malformed)
{
    hs_text_meta m;
    size_t skip;
    const char *bad[] = {"date 2024-13-45 Text.", "date 2024-02-30\n", "date 2024-0x-01 Text", "date 2024-01-01x",
                         "outlet:\nText", "outlet:   \nText", "date 2024-01-01\ndate 2024-01-02\nText",
                         "outlet: A\noutlet: B\nText"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_INT(head(bad[i], &m, &skip), HS_EINPUT);
        CHECK(strstr(hs_error_last(), "t.txt:") == hs_error_last());
        CHECK(strstr(hs_error_last(), "malformed '") != NULL);
    }
    head("date 2024-01-01\ndate 2024-01-02\nText", &m, &skip);
    CHECK(strstr(hs_error_last(), "t.txt:2: malformed 'date' header") != NULL);
    char longname[300];
    memset(longname, 'x', sizeof longname);
    memcpy(longname, "outlet: ", 8);
    longname[sizeof longname - 1] = 0;
    CHECK_INT(head(longname, &m, &skip), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "t.txt:1: malformed 'outlet' header") != NULL);
    CHECK_INT(head("outlet: A\x01 B\nText", &m, &skip), HS_EINPUT);
}

/* The reader gives the header's outlet and date to the article, and the text
 * after it (offsets in messages count from the file's start). */
TEST(reader_text_file_header)
{
    char path[] = "/tmp/hs_ingest_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    const char *body = "date 2025-11-03\noutlet: The Quayside Bugle\n\nMira Tollan joins the cast.\n";
    CHECK_INT(write(fd, body, strlen(body)), (long long)strlen(body));
    close(fd);
    hs_reader *r;
    hs_article a;
    CHECK_INT(hs_reader_new(&r, path, HS_INPUT_TEXT), 0);
    CHECK_INT(hs_reader_next(r, &a), 0);
    CHECK_STR(a.date, "2025-11-03");
    CHECK_STR(a.outlet, "The Quayside Bugle");
    CHECK_MEM(a.text, a.text_len, "Mira Tollan joins the cast.\n");
    CHECK_INT(a.origin_offset, strlen(body) - a.text_len);
    CHECK_INT(hs_reader_next(r, &a), HS_EOF);
    hs_reader_free(r);
    unlink(path);
}
