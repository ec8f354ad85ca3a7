/* Unit tests for the JSON writer and the model-file container. */
#include "harness.h"
#include "hearsay.h"
#include "model/mfile.h"
#include "out/jw.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

TEST(json_escape_controls_and_quotes)
{
    hs_buf b = HS_BUF_INIT;
    const char s[] = "a\"b\\c\n\t\x01\x7f \xE2\x80\xA8 ’";
    CHECK_INT(hs_json_escape(&b, s, sizeof s - 1), 0);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f \\u2028 ’\"");
    hs_buf_free(&b);
}

TEST(json_writer_nesting_and_commas)
{
    hs_buf b = HS_BUF_INIT;
    hs_jw w;
    hs_jw_init(&w, &b, 0);
    hs_jw_obj(&w);
    hs_jw_key(&w, "a");
    hs_jw_arr(&w);
    hs_jw_int(&w, 1);
    hs_jw_str(&w, "x");
    hs_jw_null(&w);
    hs_jw_arr_end(&w);
    hs_jw_key(&w, "b");
    hs_jw_obj(&w);
    hs_jw_obj_end(&w);
    hs_jw_key(&w, "c");
    hs_jw_bool(&w, 1);
    hs_jw_obj_end(&w);
    CHECK_INT(w.err, 0);
    CHECK_STR(b.data, "{\"a\":[1,\"x\",null],\"b\":{},\"c\":true}");
    hs_buf_clear(&b);
    hs_jw_init(&w, &b, 1);
    hs_jw_obj(&w);
    hs_jw_key(&w, "k");
    hs_jw_arr(&w);
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
    CHECK_STR(b.data, "{\n  \"k\": []\n}");
    hs_buf_free(&b);
}

TEST(json_writer_integers_as_printf)
{
    const long long v[] = {0, 7, -1, 10, -10, 1234567890123LL, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hs_buf b = HS_BUF_INIT;
        hs_jw w;
        char want[32];
        hs_jw_init(&w, &b, 0);
        hs_jw_int(&w, v[i]);
        snprintf(want, sizeof want, "%lld", v[i]);
        CHECK_STR(b.data, want);
        hs_buf_free(&b);
    }
}

static char *tmp_path(const char *name)
{
    static char p[256];
    snprintf(p, sizeof p, "/tmp/hs_test_%ld_%s", (long)getpid(), name);
    return p;
}

TEST(mfile_roundtrip_and_rejections)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, "demo", 3);
    const uint32_t nums[] = {1, 2, 3, 4, 5};
    CHECK_INT(hs_mfile_writer_add(&w, "nums", nums, sizeof nums), 0);
    CHECK_INT(hs_mfile_writer_add(&w, "name", "tagger", 6), 0);
    const char *path = tmp_path("m.hsm");
    CHECK_INT(hs_mfile_writer_save(&w, path), 0);
    hs_mfile_writer_free(&w);

    hs_mfile m;
    CHECK_INT(hs_mfile_load(&m, path, "demo", 3), 0);
    const void *p;
    size_t n;
    CHECK_INT(hs_mfile_get(&m, "nums", 4, &p, &n), 0);
    CHECK_INT(n, 5);
    CHECK_INT(((const uint32_t *)p)[4], 5);
    CHECK_INT(hs_mfile_get(&m, "absent", 1, &p, &n), HS_EMODEL);
    CHECK_INT(hs_mfile_get(&m, "name", 4, &p, &n), HS_EMODEL); /* 6 bytes, not whole u32s */

    /* another kind, another version */
    hs_mfile m2;
    CHECK_INT(hs_mfile_load(&m2, path, "other", 3), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "expected 'other'") != NULL);
    CHECK_INT(hs_mfile_load(&m2, path, "demo", 4), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "version") != NULL);

    /* every truncation, and a flipped byte anywhere, is refused */
    for (size_t cut = 0; cut < m.len; cut += 7)
        CHECK_INT(hs_mfile_load_mem(&m2, m.buf, cut, "cut", "demo", 3), HS_EMODEL);
    uint8_t *copy = malloc(m.len);
    for (size_t i = 0; i < m.len; i += 5) {
        memcpy(copy, m.buf, m.len);
        copy[i] ^= 0x40;
        if (hs_mfile_load_mem(&m2, copy, m.len, "flip", "demo", 3) == 0) {
            /* only padding bytes may change unnoticed */
            hs_mfile_free(&m2);
            CHECK(i >= 40 + 2 * 40);
        }
    }
    free(copy);
    /* random bytes */
    uint8_t junk[300];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (uint8_t)(i * 37 + 11);
    CHECK_INT(hs_mfile_load_mem(&m2, junk, sizeof junk, "junk", "demo", 3), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "bad magic") != NULL);
    hs_mfile_free(&m);
    CHECK_INT(hs_mfile_load(&m2, "/nonexistent/x.hsm", "demo", 3), HS_EMODEL);
    unlink(path);
}
