/* The JSONL fast path (src/ingest/jsonl.c): what it accepts, jansson accepts
 * with the same values; what it declines is left to jansson. */
#include "harness.h"
#include "ingest/ingest.h"

#include <jansson.h>
#include <string.h>

static const char *const keys[HS_JF_COUNT] = {"text", "id", "date", "publish_date", "outlet", "title", "url"};

/* The fast path's answer on line; when it accepts, every field must be what
 * jansson makes of the same line. */
static int fast(const char *line, hs_jv v[HS_JF_COUNT])
{
    hs_buf b = HS_BUF_INIT;
    int rc = hs_jsonl_fields(&b, line, strlen(line), v);
    if (rc == 1) {
        json_error_t e;
        json_t *o = json_loadb(line, strlen(line), JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
        CHECK(o && json_is_object(o));
        for (int f = 0; o && f < HS_JF_COUNT; f++) {
            json_t *x = json_object_get(o, keys[f]);
            switch (v[f].type) {
            case HS_JV_ABSENT: CHECK(!x); break;
            case HS_JV_STRING:
                CHECK(json_is_string(x) && json_string_length(x) == v[f].len &&
                      memcmp(json_string_value(x), v[f].s, v[f].len + 1) == 0);
                break;
            case HS_JV_INT: CHECK(json_is_integer(x) && json_integer_value(x) == v[f].i); break;
            case HS_JV_REAL: CHECK(json_is_real(x) && json_real_value(x) == v[f].d); break;
            case HS_JV_OTHER: CHECK(json_is_true(x) || json_is_false(x) || json_is_null(x)); break;
            }
        }
        json_decref(o);
    }
    /* the strings stay valid until the buffer's next use: the caller reads none */
    hs_buf_free(&b);
    for (int f = 0; f < HS_JF_COUNT; f++)
        v[f].s = NULL;
    return rc;
}

TEST(jsonl_fast_plain_fields)
{
    hs_jv v[HS_JF_COUNT];
    CHECK_INT(fast("{\"id\":\"qb-7\",\"text\":\"Ola Brisk said \\\"yes\\\".\\nThen \\u00e9 \\ud83d\\ude00\\t\\/\\\\\","
                   "\"date\":\"2024-06-01\",\"outlet\":\"The Quayside Bugle\",\"title\":\"T\",\"url\":\"u\"}",
                   v),
              1);
    CHECK_INT(v[HS_JF_TEXT].type, HS_JV_STRING);
    CHECK_INT(v[HS_JF_TEXT].len, strlen("Ola Brisk said \"yes\".\nThen \xc3\xa9 \xf0\x9f\x98\x80\t/\\"));
    CHECK_INT(v[HS_JF_PUBLISH_DATE].type, HS_JV_ABSENT);
    /* white space around every token, a CR at the end, other keys of every plain kind */
    CHECK_INT(fast(" { \"text\" : \"a\" ,\t\"id\" : 7 , \"x\" : true, \"y\": null, \"z\": false, \"w\": \"skip\" } \r", v),
              1);
    CHECK_INT(v[HS_JF_ID].type, HS_JV_INT);
    CHECK_INT(v[HS_JF_ID].i, 7);
    CHECK_INT(fast("{}", v), 1);
    CHECK_INT(v[HS_JF_TEXT].type, HS_JV_ABSENT);
    CHECK_INT(fast("{\"text\":\"\",\"id\":\"\"}", v), 1);
    CHECK_INT(v[HS_JF_TEXT].len, 0);
    /* raw UTF-8 of two, three and four bytes */
    CHECK_INT(fast("{\"text\":\"caf\xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80\"}", v), 1);
    CHECK_INT(v[HS_JF_TEXT].len, 14);
}

TEST(jsonl_fast_numbers_and_nul)
{
    hs_jv v[HS_JF_COUNT];
    CHECK_INT(fast("{\"text\":\"a\",\"publish_date\":1.5e9}", v), 1);
    CHECK_INT(v[HS_JF_PUBLISH_DATE].type, HS_JV_REAL);
    CHECK_INT(fast("{\"text\":\"a\",\"publish_date\":1500000000,\"id\":-0}", v), 1);
    CHECK_INT(v[HS_JF_PUBLISH_DATE].i, 1500000000);
    CHECK_INT(v[HS_JF_ID].i, 0);
    CHECK_INT(fast("{\"text\":\"a\",\"id\":-123456789012345678,\"q\":0.25E-3}", v), 1);
    CHECK_INT(v[HS_JF_ID].i, -123456789012345678LL);
    /* a NUL in a value is kept (JSON_ALLOW_NUL) and counted */
    CHECK_INT(fast("{\"text\":\"a\\u0000b\"}", v), 1);
    CHECK_INT(v[HS_JF_TEXT].len, 3);
}

TEST(jsonl_fast_declines)
{
    hs_jv v[HS_JF_COUNT];
    static const char *const lines[] = {
        "{\"text\":\"a\",\"tags\":[\"x\"]}",     /* nested: jansson's */
        "{\"text\":\"a\",\"m\":{}}",
        "{\"text\":\"a\",\"id\":1234567890123456789}", /* 19 digits: jansson's */
        "{\"text\":\"a\",\"x\":1e999}",             /* overflow */
        "{\"text\":\"a\",\"text\":\"b\"}",          /* duplicate key */
        "{\"te\\u0078t\":\"a\",\"text\":\"b\"}",    /* duplicate once decoded */
        "{\"text\":\"\\udc00\"}",                   /* lone low surrogate */
        "{\"text\":\"\\ud800x\"}",                  /* high surrogate alone */
        "{\"text\":\"\\ud800\\u0041\"}",
        "{\"text\":\"a\tb\"}",                      /* raw control character */
        "{\"text\":\"\xc0\xaf\"}",                  /* overlong */
        "{\"text\":\"\xed\xa0\x80\"}",              /* encoded surrogate */
        "{\"text\":\"\xf4\x90\x80\x80\"}",          /* past U+10FFFF */
        "{\"text\":\"\\x\"}",                       /* unknown escape */
        "{\"text\":\"\\u12\"}",
        "{\"text\":\"a\",\"n\":01}",
        "{\"text\":\"a\",\"n\":-}",
        "{\"text\":\"a\",\"n\":1.}",
        "{\"text\":\"a\",\"n\":1e}",
        "{\"text\":\"a\",\"n\":tru}",
        "{\"text\":\"a\",}",
        "{\"text\":\"a\"} x",
        "{\"text\":\"a\"",
        "{\"text\" \"a\"}",
        "{\"a\\u0000\":1,\"text\":\"a\"}",          /* NUL in a key */
        "[\"text\"]",
        "\f{\"text\":\"a\"}",
        "{\"text\":\"a",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        int rc = fast(lines[i], v);
        if (rc != 0)
            hs_test_fail(__FILE__, __LINE__, "line %zu taken: %s", i, lines[i]);
    }
}
