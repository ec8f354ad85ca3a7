/* Unit tests for src/base: arena, buffers, arrays, UTF-8, errors. */
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "harness.h"
#include "hearsay.h"

#include <stdint.h>

TEST(arena_alloc_aligned_and_reset)
{
    hs_arena a;
    hs_arena_init(&a);
    char *p = hs_arena_alloc(&a, 3);
    char *q = hs_arena_alloc(&a, 100000); /* larger than a chunk */
    CHECK(p && q);
    CHECK_INT((uintptr_t)p % 16, 0);
    CHECK_INT((uintptr_t)q % 16, 0);
    char *s = hs_arena_strndup(&a, "Quinlan said", 7);
    CHECK_STR(s, "Quinlan");
    hs_arena_reset(&a);
    CHECK_INT(a.total, 0);
    int *z = hs_arena_calloc(&a, 10, sizeof(int));
    CHECK(z && z[9] == 0);
    CHECK(hs_arena_calloc(&a, SIZE_MAX / 2, 4) == NULL); /* overflow refused */
    hs_arena_free(&a);
}

TEST(buf_printf_grows)
{
    hs_buf b = HS_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        CHECK_INT(hs_buf_printf(&b, "%d,", i), 0);
    CHECK(b.len > 3000);
    CHECK_MEM(b.data, 6, "0,1,2,");
    hs_buf_clear(&b);
    CHECK_INT(b.len, 0);
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    CHECK_INT(hs_buf_printf(&b, "<%s>", big), 0);
    CHECK_INT(b.len, 1001);
    hs_buf_free(&b);
}

TEST(array_push_keeps_items)
{
    HS_ARRAY(int) arr = {0};
    for (int i = 0; i < 100; i++) {
        int *p = HS_PUSH(&arr);
        CHECK(p != NULL);
        *p = i * 2;
    }
    CHECK_INT(arr.n, 100);
    CHECK_INT(arr.v[99], 198);
    HS_ARRAY_FREE(&arr);
}

TEST(utf8_validation_finds_offset)
{
    CHECK_INT(hs_utf8_valid_prefix("Díaz-Canel", strlen("Díaz-Canel")), strlen("Díaz-Canel"));
    const char bad[] = "abc\xC3(def";
    CHECK_INT(hs_utf8_valid_prefix(bad, sizeof bad - 1), 3);
    const char overlong[] = "ab\xC0\xAF";
    CHECK_INT(hs_utf8_valid_prefix(overlong, sizeof overlong - 1), 2);
    const char surrogate[] = "x\xED\xA0\x80";
    CHECK_INT(hs_utf8_valid_prefix(surrogate, sizeof surrogate - 1), 1);
    const char truncated[] = "0123456789\xE2\x80";
    CHECK_INT(hs_utf8_valid_prefix(truncated, sizeof truncated - 1), 10);
    const char big[] = "\xF4\x90\x80\x80";
    CHECK_INT(hs_utf8_valid_prefix(big, 4), 0);
}

TEST(utf8_decode_encode_roundtrip)
{
    const int32_t cps[] = {0x41, 0xE9, 0x2019, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        size_t n = hs_utf8_encode(cps[i], buf), adv;
        CHECK_INT(hs_utf8_decode(buf, n, 0, &adv), cps[i]);
        CHECK_INT(adv, n);
        CHECK_INT(hs_utf8_decode_before(buf, n, &adv), cps[i]);
        CHECK_INT(adv, n);
    }
}

TEST(utf8_prepare_strict_lossy_nfc)
{
    hs_arena a;
    hs_arena_init(&a);
    char *out;
    size_t n;
    const char bad[] = "Reno Vale\xFF said";
    CHECK_INT(hs_utf8_prepare(&a, bad, sizeof bad - 1, 0, "t.txt", 0, &out, &n), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "byte offset 9") != NULL);
    CHECK(strstr(hs_error_last(), "t.txt") != NULL);
    CHECK_INT(hs_utf8_prepare(&a, bad, sizeof bad - 1, 1, "t.txt", 0, &out, &n), 0);
    CHECK_STR(out, "Reno Vale\xEF\xBF\xBD said");
    /* NUL bytes are binary data */
    const char nul[] = "ab\0cd";
    CHECK_INT(hs_utf8_prepare(&a, nul, 5, 0, "bin", 100, &out, &n), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "NUL byte at byte offset 102") != NULL);
    /* e + combining acute → é (NFC) */
    const char decomposed[] = "Jose\xCC\x81";
    CHECK_INT(hs_utf8_prepare(&a, decomposed, sizeof decomposed - 1, 0, "x", 0, &out, &n), 0);
    CHECK_STR(out, "Jos\xC3\xA9");
    /* curly quotes and Latin-1 stay as they are (the fast path) */
    const char stable[] = "\xE2\x80\x9CJos\xC3\xA9\xE2\x80\x9D \xE2\x80\x94 \xC2\xA3" "5";
    CHECK_INT(hs_utf8_prepare(&a, stable, sizeof stable - 1, 0, "x", 0, &out, &n), 0);
    CHECK_STR(out, stable);
    /* singletons are normalised: U+2126 OHM SIGN → U+03A9, U+2001 → U+2003, even beside stable text */
    const char single[] = "\xE2\x80\x9C" "5\xE2\x84\xA6\xE2\x80\x81";
    CHECK_INT(hs_utf8_prepare(&a, single, sizeof single - 1, 0, "x", 0, &out, &n), 0);
    CHECK_STR(out, "\xE2\x80\x9C" "5\xCE\xA9\xE2\x80\x83");
    hs_arena_free(&a);
}

TEST(error_message_per_call)
{
    CHECK_INT(hs_error_set(HS_EIO, "file %s missing", "a.txt"), HS_EIO);
    CHECK_STR(hs_error_last(), "file a.txt missing");
    hs_error_clear();
    CHECK_STR(hs_error_last(), "");
}
