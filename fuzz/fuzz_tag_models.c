/* Fuzz target: the POS, NER and parser model loaders (container, weights, label
 * tables, dictionaries) must refuse anything malformed, never crash; a model
 * they accept must tag a sentence without faults.  Seeds: small models
 * trained on tests/data/tiny.conll[u] (see models/README.md). */
#include "analyzer.h"
#include "tag/parse.h"
#include "tag/tag.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hs_analyzer a;
    memset(&a, 0, sizeof a);
    a.opts.layers = HS_LAYER_ALL;
    if (hs_pos_model_load_mem(&a.pos, data, size, "fuzz") != 0 && hs_ner_model_load_mem(&a.ner, data, size, "fuzz") != 0 &&
        hs_parse_model_load_any(&a.parse, "fuzz", data, size) != 0)
        return 0;
    hs_doc *d;
    if (hs_doc_new(&d) == 0) {
        static const char text[] = "Marla Quint told the Velmora Gazette on Sunday.";
        hs_article art = {0};
        art.text = text;
        art.text_len = sizeof text - 1;
        hs_analyze(d, &a, &art);
        hs_doc_free(d);
    }
    hs_pos_model_free(a.pos);
    hs_ner_model_free(a.ner);
    hs_parse_model_free(a.parse);
    return 0;
}
