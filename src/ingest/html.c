/* HTML pages: main-text extraction arrives with the extract module (issue 7).
 * Until then an HTML page is refused with a clear message rather than
 * analysed as markup. */
#include "ingest/ingest.h"

int hs_ingest_html(const char *html, size_t len, const char *origin, hs_article *art, char **text_out,
                   char **meta_out)
{
    (void)html;
    (void)len;
    (void)art;
    *text_out = NULL;
    *meta_out = NULL;
    return hs_error_set(HS_EINPUT, "%s: HTML input is not supported by this build (use --format text)", origin);
}
