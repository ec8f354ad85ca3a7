/* Fuzz target: the JSONL reader (and the analysis of what it yields), through
 * a temporary file as `hearsay analyze --jsonl FILE` reads it. */
#include "hearsay.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static hs_analyzer *an;
static hs_doc *doc;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!an) {
        hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
        o.lossy = 1;
        if (hs_analyzer_new(&an, &o) || hs_doc_new(&doc))
            abort();
        snprintf(path, sizeof path, "/tmp/hs-fuzz-%ld.jsonl", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    hs_reader *r;
    if (hs_reader_new(&r, path, HS_INPUT_JSONL) == 0) {
        hs_article art;
        int rc, items = 0;
        while ((rc = hs_reader_next(r, &art)) != HS_EOF && items++ < 1000)
            if (rc == 0)
                hs_analyze(doc, an, &art);
        hs_reader_free(r);
    }
    unlink(path);
    return 0;
}
