/* Fuzz target: HTML pages (charset detection, prescan, gumbo, block
 * selection, metadata, JSON-LD) must give an error or a page whose text and
 * JSON are valid UTF-8, never crash. */
#include "base/utf8.h"
#include "hearsay.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hs_page *p;
    if (hs_page_new(&p, (const char *)data, size, "fuzz") != 0)
        return 0;
    if (hs_utf8_valid_prefix(p->text, p->text_len) != p->text_len || strlen(p->text) != p->text_len)
        abort();
    const char *j;
    size_t n;
    if (hs_page_json(p, 0, &j, &n) != 0 || hs_utf8_valid_prefix(j, n) != n)
        abort();
    hs_page_free(p);
    return 0;
}
