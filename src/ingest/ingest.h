/* Internal interface of the ingest module. */
#ifndef HS_INGEST_H
#define HS_INGEST_H
#include <stddef.h>
#include <zlib.h>

#include "base/buf.h"
#include "hearsay.h"

hs_input_format hs_input_guess(const char *path);

/* The header of a plain-text article ('date YYYY-MM-DD', 'outlet: NAME'; see
 * header.c): what it says, and the bytes to skip before the text (0 when there
 * is no header).  A malformed header is HS_EINPUT, the message naming
 * what:line. */
typedef struct hs_text_meta {
    char date[11];   /* YYYY-MM-DD, or "" */
    char outlet[201]; /* or "" */
} hs_text_meta;
int hs_text_headers(const char *t, size_t n, const char *what, hs_text_meta *m, size_t *skip);

/* Turn an HTML page into an article.  Fills art (strings point into the
 * malloc'ed *text_out / *meta_out, which the caller frees). */
int hs_ingest_html(const char *html, size_t len, const char *origin, hs_article *art, char **text_out,
                   char **meta_out);

/* An input's bytes, gunzipped when they start with gzip's magic, handed on
 * as soon as they arrive (source.c). */
typedef struct hs_src {
    int fd;
    int started, zinit, member_end, in_eof, done;
    size_t have, pos; /* bytes in `in`; (plain input) how many were handed on */
    z_stream zs;
    unsigned char in[65536];
} hs_src;
/* Open a file, or standard input for "-": 0 or HS_EIO with the message. */
int hs_src_open(hs_src *s, const char *path);
/* Up to n bytes (fewer when that is what has arrived): the count, 0 at the
 * end, or HS_EIO / HS_ENOMEM with a message naming `what`. */
long hs_src_read(hs_src *s, void *buf, size_t n, const char *what);
void hs_src_close(hs_src *s);

/* The fields of a JSONL line that the reader uses (jsonl.c). */
enum { HS_JF_TEXT, HS_JF_ID, HS_JF_DATE, HS_JF_PUBLISH_DATE, HS_JF_OUTLET, HS_JF_TITLE, HS_JF_URL, HS_JF_COUNT };
typedef enum { HS_JV_ABSENT, HS_JV_STRING, HS_JV_INT, HS_JV_REAL, HS_JV_OTHER } hs_jv_type;
typedef struct hs_jv {
    hs_jv_type type;
    const char *s; /* HS_JV_STRING: NUL-terminated, len bytes (a "\u0000" in it counts) */
    size_t len;
    long long i;   /* HS_JV_INT */
    double d;      /* HS_JV_REAL */
} hs_jv;
/* Parse line[0..n) when it is one flat JSON object: 1 with v[] filled (the
 * strings decoded into buf, valid until its next use), 0 when the fast path
 * declines the line (a nested value, a number it does not convert exactly,
 * or anything malformed: jansson then gives the values or the error), or
 * HS_ENOMEM.  What it accepts, jansson accepts with the same values. */
int hs_jsonl_fields(hs_buf *buf, const char *line, size_t n, hs_jv v[HS_JF_COUNT]);

#endif
