/* HTML pages as articles: the page's body becomes the article text and its
 * metadata fills article.title, date, outlet and url (see src/html/). */
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

/* Append s (and its NUL) to the block at *at; NULL in, NULL out. */
static const char *pack(char *block, size_t *at, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    memcpy(block + *at, s, n);
    *at += n;
    return block + *at - n;
}

int hs_ingest_html(const char *html, size_t len, const char *origin, hs_article *art, char **text_out,
                   char **meta_out)
{
    *text_out = NULL;
    *meta_out = NULL;
    hs_page *p;
    int rc = hs_page_new(&p, html, len, origin);
    if (rc)
        return rc;
    if (!p->text_len) {
        hs_page_free(p);
        return hs_error_set(HS_EINPUT, "%s: no article text found in the page", origin);
    }
    /* id: the file name without directories and extensions */
    const char *bn = strrchr(origin, '/');
    bn = bn ? bn + 1 : origin;
    size_t idn = strcspn(bn, ".");
    if (!idn)
        idn = strlen(bn);
    const char *fields[] = {p->title, p->date, p->outlet, p->url};
    size_t need = idn + 1;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        need += fields[i] ? strlen(fields[i]) + 1 : 0;
    char *meta = malloc(need);
    char *text = malloc(p->text_len + 1);
    if (!meta || !text) {
        free(meta);
        free(text);
        hs_page_free(p);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    memcpy(text, p->text, p->text_len);
    text[p->text_len] = 0;
    memcpy(meta, bn, idn);
    meta[idn] = 0;
    size_t at = idn + 1;
    art->id = meta;
    art->title = pack(meta, &at, p->title);
    art->date = pack(meta, &at, p->date);
    art->outlet = pack(meta, &at, p->outlet);
    art->url = pack(meta, &at, p->url);
    art->text = text;
    art->text_len = p->text_len;
    art->origin_offset = 0;
    hs_page_free(p);
    *text_out = text;
    *meta_out = meta;
    return 0;
}
