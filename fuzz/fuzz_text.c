/* Fuzz target: the whole analysis of one plain-text article (UTF-8 checks,
 * NFC, tokenizer, splitter, quotations and every later stage), strict and lossy. */
#include "hearsay.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static hs_analyzer *an, *an_lossy;
static hs_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!an) {
        hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
        if (hs_analyzer_new(&an, &o))
            abort();
        o.lossy = 1;
        if (hs_analyzer_new(&an_lossy, &o) || hs_doc_new(&doc))
            abort();
    }
    hs_article art = {0};
    art.text = (const char *)data;
    art.text_len = size;
    art.origin = "fuzz";
    const char *out;
    size_t len;
    if (hs_analyze(doc, an, &art) == 0)
        hs_doc_json(doc, 0, &out, &len);
    if (hs_analyze(doc, an_lossy, &art) == 0) {
        hs_doc_json(doc, HS_JSON_PRETTY, &out, &len);
        hs_doc_summary(doc, &out, &len);
    }
    return 0;
}
