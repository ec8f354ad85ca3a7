/* Internal interface of the ingest module. */
#ifndef HS_INGEST_H
#define HS_INGEST_H
#include <stddef.h>

#include "hearsay.h"

hs_input_format hs_input_guess(const char *path);

/* The 'date YYYY-MM-DD' header of a plain-text article: bytes to skip (0 when
 * absent); *bad is set when the first line starts like a header but is malformed. */
size_t hs_text_header(const char *t, size_t n, char date[11], int *bad);

/* Turn an HTML page into an article.  Fills art (strings point into the
 * malloc'ed *text_out / *meta_out, which the caller frees). */
int hs_ingest_html(const char *html, size_t len, const char *origin, hs_article *art, char **text_out,
                   char **meta_out);

#endif
