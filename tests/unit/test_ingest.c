/* The plain-text article header (src/ingest/header.c) and the text reader
 * that uses it. */
#include "harness.h"
#include "hearsay.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

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

/* The byte source: gzip told by its magic, members read in turn, truncation
 * an error, and a pipe's bytes handed on without waiting for more. */
static void write_gz(const char *path, const char *mode, const char *text)
{
    gzFile g = gzopen(path, mode);
    CHECK(g != NULL);
    if (g) {
        gzputs(g, text);
        gzclose(g);
    }
}

static long read_all(const char *path, char *out, size_t cap)
{
    hs_src s;
    if (hs_src_open(&s, path))
        return -100;
    size_t n = 0;
    long k = 0;
    while (n < cap - 1 && (k = hs_src_read(&s, out + n, cap - 1 - n, "t")) > 0)
        n += (size_t)k;
    hs_src_close(&s);
    out[n] = 0;
    return k < 0 ? k : (long)n;
}

TEST(source_plain_gzip_members_truncated)
{
    char path[] = "/tmp/hs_src_XXXXXX", buf[256];
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    write_gz(path, "wb", "line one\nline two\n");
    CHECK_INT(read_all(path, buf, sizeof buf), 18);
    CHECK_STR(buf, "line one\nline two\n");
    write_gz(path, "ab", "line three\n"); /* a second member */
    CHECK_INT(read_all(path, buf, sizeof buf), 29);
    CHECK_STR(buf, "line one\nline two\nline three\n");
    FILE *f = fopen(path, "ab"); /* bytes after the last member are ignored, as gzip does */
    fputs("trailing", f);
    fclose(f);
    CHECK_INT(read_all(path, buf, sizeof buf), 29);
    /* truncated: an error naming what was read */
    write_gz(path, "wb", "a longer line that will be cut short in its compressed form\n");
    f = fopen(path, "r+b");
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    CHECK(ftruncate(fileno(f), sz - 12) == 0);
    fclose(f);
    CHECK_INT(read_all(path, buf, sizeof buf), HS_EIO);
    CHECK(strstr(hs_error_last(), "t: read error: unexpected end of file") != NULL);
    /* plain text, and text starting with one byte of the magic */
    f = fopen(path, "wb");
    fputs("\x1fplain", f);
    fclose(f);
    CHECK_INT(read_all(path, buf, sizeof buf), 6);
    CHECK_STR(buf, "\x1fplain");
    unlink(path);
    CHECK_INT(read_all(path, buf, sizeof buf), -100);
    CHECK(strstr(hs_error_last(), "cannot open") != NULL);
}

TEST(source_pipe_hands_on_what_arrived)
{
    int p[2];
    CHECK(pipe(p) == 0);
    int saved = dup(0);
    dup2(p[0], 0);
    close(p[0]);
    hs_src s;
    CHECK_INT(hs_src_open(&s, "-"), 0);
    CHECK(write(p[1], "{\"text\": \"A.\"}\n", 15) == 15); /* the writer keeps the pipe open */
    char buf[4096];
    CHECK_INT(hs_src_read(&s, buf, sizeof buf, "stdin"), 15);
    close(p[1]);
    CHECK_INT(hs_src_read(&s, buf, sizeof buf, "stdin"), 0);
    hs_src_close(&s);
    dup2(saved, 0);
    close(saved);
}
