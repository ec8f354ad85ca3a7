#include "utf8.h"
#include "buf.h"
#include "hearsay.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of the valid sequence starting at p (0 if invalid). */
static size_t seq_len(const unsigned char *p, size_t avail)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && p[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && p[1] >= 0x90)
            return 0; /* past U+10FFFF */
        return 4;
    }
    return 0;
}

size_t hs_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* fast path: 8 ASCII bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        size_t n = seq_len(p + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

int32_t hs_utf8_decode(const char *s, size_t len, size_t i, size_t *adv)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t n = seq_len(p, len - i);
    *adv = n ? n : 1;
    switch (n) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4: return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default: return 0xFFFD;
    }
}

int32_t hs_utf8_decode_before(const char *s, size_t i, size_t *adv)
{
    size_t j = i;
    int k = 0;
    while (j > 0 && k < 4) {
        j--;
        k++;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            break;
    }
    size_t n;
    int32_t cp = hs_utf8_decode(s, i, j, &n);
    if (j + n != i) { /* stray continuation byte */
        *adv = 1;
        return 0xFFFD;
    }
    *adv = n;
    return cp;
}

size_t hs_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Is the text certainly NFC already?  True when every code point past ASCII is
 * one normalisation never changes and never combines with: Latin-1 letters and
 * signs (U+00A0–U+00FF), general punctuation other than the two singletons
 * U+2000 and U+2001 (curly quotes, dashes, ellipsis), and currency signs.
 * Anything else goes through utf8proc. */
static int nfc_stable(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        int32_t cp = hs_utf8_decode(s, n, i, &adv);
        if (!((cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF)))
            return 0;
        i += adv;
    }
    return 1;
}

int hs_utf8_prepare(hs_arena *a, const char *s, size_t len, int lossy, const char *what,
                    size_t what_offset, char **out, size_t *out_len)
{
    hs_buf fixed = HS_BUF_INIT;
    const char *src = s;
    size_t n = len;
    int any_high = 0;

    const char *nul = memchr(s, 0, len);
    if (nul && !lossy)
        return hs_error_set(HS_EINPUT, "%s: NUL byte at byte offset %zu (binary data?)", what,
                            what_offset + (size_t)(nul - s));
    size_t ok = hs_utf8_valid_prefix(s, len);
    if (ok < len || nul) {
        if (!lossy)
            return hs_error_set(HS_EINPUT,
                                "%s: invalid UTF-8 at byte offset %zu (use --lossy to replace it)",
                                what, what_offset + ok);
        /* repair: every invalid byte and every NUL becomes U+FFFD */
        size_t i = 0;
        while (i < len) {
            size_t k = seq_len((const unsigned char *)s + i, len - i);
            if (!k || s[i] == 0) {
                if (hs_buf_put(&fixed, "\xEF\xBF\xBD", 3))
                    goto oom;
                i++;
            } else {
                if (hs_buf_put(&fixed, s + i, k))
                    goto oom;
                i += k;
            }
        }
        src = fixed.data;
        n = fixed.len;
    }
    any_high = !nfc_stable(src, n);
    if (any_high) {
        utf8proc_uint8_t *dst = NULL;
        utf8proc_ssize_t m =
            utf8proc_map((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)n, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0) {
            hs_buf_free(&fixed);
            return hs_error_set(HS_EINPUT, "%s: cannot normalise text: %s", what,
                                utf8proc_errmsg(m));
        }
        *out = hs_arena_strndup(a, (const char *)dst, (size_t)m);
        *out_len = (size_t)m;
        free(dst);
    } else {
        *out = hs_arena_strndup(a, src, n);
        *out_len = n;
    }
    hs_buf_free(&fixed);
    if (!*out)
        return HS_ENOMEM;
    return 0;
oom:
    hs_buf_free(&fixed);
    return HS_ENOMEM;
}
