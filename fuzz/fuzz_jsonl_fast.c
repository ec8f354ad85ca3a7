/* Fuzz target: the JSONL fast path (src/ingest/jsonl.c) against jansson.
 * Whatever line the fast path accepts, jansson must accept with the same
 * values for every field the reader uses; a difference aborts. */
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[HS_JF_COUNT] = {"text", "id", "date", "publish_date", "outlet", "title", "url"};

static int agrees(const hs_jv *v, json_t *x)
{
    switch (v->type) {
    case HS_JV_ABSENT: return x == NULL;
    case HS_JV_STRING:
        return json_is_string(x) && json_string_length(x) == v->len &&
               memcmp(json_string_value(x), v->s, v->len + 1) == 0;
    case HS_JV_INT: return json_is_integer(x) && json_integer_value(x) == v->i;
    case HS_JV_REAL: return json_is_real(x) && json_real_value(x) == v->d;
    case HS_JV_OTHER: return json_is_true(x) || json_is_false(x) || json_is_null(x);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hs_buf b = HS_BUF_INIT;
    hs_jv v[HS_JF_COUNT];
    if (hs_jsonl_fields(&b, (const char *)data, size, v) != 1)
        return 0;
    json_error_t e;
    json_t *o = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
    if (!o || !json_is_object(o))
        abort(); /* accepted what jansson refuses */
    for (int f = 0; f < HS_JF_COUNT; f++)
        if (!agrees(&v[f], json_object_get(o, names[f])))
            abort();
    json_decref(o);
    return 0;
}
