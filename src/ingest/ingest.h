/* Internal interface of the ingest module. */
#ifndef HS_INGEST_H
#define HS_INGEST_H
#include <stddef.h>

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

#endif
