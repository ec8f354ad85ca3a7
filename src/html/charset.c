/* Character encoding of a web page, and its conversion to UTF-8.
 *
 * Order of evidence (after the WHATWG "encoding sniffing" steps, without the
 * HTTP header, which a saved page no longer has): a byte-order mark; a
 * <meta charset=…> or <meta http-equiv="Content-Type" content="…charset=…">
 * in the first 4 KiB; else the bytes themselves.  Declarations are often
 * wrong in saved pages, so a declaration the bytes contradict loses:
 *   - declared UTF-8, but more than a few invalid sequences → windows-1252;
 *   - declared a single-byte Latin charset, but the bytes are valid UTF-8
 *     with multi-byte sequences → UTF-8.
 * Labels map to iconv names through a table; ISO-8859-1 and US-ASCII mean
 * windows-1252, as browsers read them. */
#include "base/utf8.h"
#include "html/html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#define PRESCAN 4096

/* WHATWG label → iconv name (labels not listed go to iconv as written). */
static const struct {
    const char *label, *iconv;
} labels[] = {
    {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},          {"unicode-1-1-utf-8", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},      {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
    {"iso-8859-15", "ISO-8859-15"}, {"latin9", "ISO-8859-15"}, {"windows-1251", "WINDOWS-1251"},
    {"cp1251", "WINDOWS-1251"},  {"koi8-r", "KOI8-R"},       {"shift_jis", "SHIFT_JIS"},
    {"sjis", "SHIFT_JIS"},       {"x-sjis", "SHIFT_JIS"},    {"euc-jp", "EUC-JP"},
    {"gb2312", "GBK"},           {"gbk", "GBK"},             {"gb18030", "GB18030"},
    {"big5", "BIG5"},            {"euc-kr", "EUC-KR"},       {"utf-16", "UTF-16LE"},
    {"utf-16le", "UTF-16LE"},    {"utf-16be", "UTF-16BE"},   {"iso-8859-2", "ISO-8859-2"},
    {"windows-1250", "WINDOWS-1250"}, {"iso-8859-9", "WINDOWS-1254"}, {"windows-1254", "WINDOWS-1254"},
};

/* Charsets in which any byte string is valid and ASCII stays ASCII: a page
 * declared so whose bytes are valid multi-byte UTF-8 was really UTF-8. */
static int is_latin(const char *iconv_name)
{
    return strcmp(iconv_name, "WINDOWS-1252") == 0 || strcmp(iconv_name, "ISO-8859-15") == 0 ||
           strcmp(iconv_name, "WINDOWS-1250") == 0 || strcmp(iconv_name, "ISO-8859-2") == 0 ||
           strcmp(iconv_name, "WINDOWS-1254") == 0;
}

static const char *iconv_name_for(const char *label)
{
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcasecmp(labels[i].label, label) == 0)
            return labels[i].iconv;
    return label;
}

/* Copy a charset label starting at p (quotes, spaces and ';' end it). */
static void take_label(const char *p, const char *end, char label[32])
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\'' || *p == '='))
        p++;
    size_t n = 0;
    while (p < end && n < 31 && (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == ':' || *p == '.'))
        label[n++] = *p++;
    label[n] = 0;
}

static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t m = strlen(needle);
    for (const char *p = s; p + m <= end; p++)
        if (strncasecmp(p, needle, m) == 0)
            return p;
    return NULL;
}

void hs_html_declared_charset(const char *in, size_t len, char label[32])
{
    label[0] = 0;
    const char *end = in + (len < PRESCAN ? len : PRESCAN);
    /* XML declaration: <?xml version="1.0" encoding="…"?> */
    if (len > 5 && strncmp(in, "<?xml", 5) == 0) {
        const char *q = memchr(in, '>', (size_t)(end - in));
        const char *e = q ? find_ci(in, q, "encoding") : NULL;
        if (e) {
            take_label(e + 8, q, label);
            if (label[0])
                return;
        }
    }
    for (const char *p = in; (p = find_ci(p, end, "<meta")) != NULL; p += 5) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            break;
        const char *c = find_ci(p, gt, "charset");
        if (c) {
            take_label(c + 7, gt, label);
            if (label[0])
                return;
        }
    }
}

/* Convert with iconv; undecodable bytes become U+FFFD. */
static int convert(const char *in, size_t len, const char *from, hs_buf *b)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    char *ip = (char *)in;
    size_t ileft = len;
    int rc = 0;
    while (ileft > 0) {
        if (hs_buf_reserve(b, ileft * 3 + 16)) {
            rc = HS_ENOMEM;
            break;
        }
        char *op = b->data + b->len;
        size_t oleft = b->cap - b->len - 1;
        size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
        b->len = (size_t)(op - b->data);
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* EILSEQ or EINVAL (truncated at the end): one byte → U+FFFD */
            if (hs_buf_put(b, "\xEF\xBF\xBD", 3)) {
                rc = HS_ENOMEM;
                break;
            }
            ip++;
            ileft--;
        }
    }
    iconv_close(cd);
    if (!rc && hs_buf_reserve(b, 0))
        rc = HS_ENOMEM;
    if (!rc)
        b->data[b->len] = 0;
    return rc;
}

/* Copy valid UTF-8, each invalid byte becoming U+FFFD; counts the repairs
 * (*bad) and the valid multi-byte characters (*mb). */
static int repair_utf8(const char *in, size_t len, hs_buf *b, size_t *bad, size_t *mb)
{
    *bad = *mb = 0;
    for (size_t i = 0; i < len; i++)
        *mb += ((unsigned char)in[i] & 0xC0) == 0xC0;
    if (hs_buf_reserve(b, len + 16))
        return HS_ENOMEM;
    size_t i = 0;
    while (i < len) {
        size_t ok = hs_utf8_valid_prefix(in + i, len - i);
        if (hs_buf_put(b, in + i, ok))
            return HS_ENOMEM;
        i += ok;
        if (i < len) {
            if (hs_buf_put(b, "\xEF\xBF\xBD", 3))
                return HS_ENOMEM;
            (*bad)++;
            if (((unsigned char)in[i] & 0xC0) == 0xC0 && *mb)
                (*mb)--; /* a lead byte that started no valid character */
            i++;
        }
    }
    if (hs_buf_reserve(b, 0))
        return HS_ENOMEM;
    b->data[b->len] = 0;
    return 0;
}

static int has_multibyte(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

int hs_html_to_utf8(const char *in, size_t len, char **out, size_t *out_len, char name[32])
{
    hs_buf b = HS_BUF_INIT;
    const char *enc = NULL;
    char label[32];
    size_t skip = 0;
    *out = NULL;
    *out_len = 0;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
        enc = "UTF-8";
        skip = 3;
    } else if (len >= 2 && memcmp(in, "\xFF\xFE", 2) == 0) {
        enc = "UTF-16LE";
        skip = 2;
    } else if (len >= 2 && memcmp(in, "\xFE\xFF", 2) == 0) {
        enc = "UTF-16BE";
        skip = 2;
    } else {
        hs_html_declared_charset(in, len, label);
        if (label[0])
            enc = iconv_name_for(label);
        /* a page that declares UTF-16 in ASCII bytes is not UTF-16 */
        if (enc && strncmp(enc, "UTF-16", 6) == 0)
            enc = "UTF-8";
    }
    in += skip;
    len -= skip;
    size_t valid = hs_utf8_valid_prefix(in, len);
    if (!enc)
        enc = valid == len ? "UTF-8" : "WINDOWS-1252";
    else if (is_latin(enc) && valid == len && has_multibyte(in, len))
        enc = "UTF-8"; /* the bytes say UTF-8, whatever the page declared */
    int rc;
    if (strcmp(enc, "UTF-8") == 0) {
        size_t bad, mb;
        rc = repair_utf8(in, len, &b, &bad, &mb);
        /* declared UTF-8, but most non-ASCII bytes are not UTF-8: a Latin page */
        if (!rc && bad > mb) {
            hs_buf_clear(&b);
            enc = "WINDOWS-1252";
            rc = convert(in, len, enc, &b);
        }
    } else {
        rc = convert(in, len, enc, &b);
        if (rc == -1) { /* a label iconv does not know: decide from the bytes */
            hs_buf_clear(&b);
            size_t bad, mb;
            enc = valid == len ? "UTF-8" : "WINDOWS-1252";
            rc = valid == len ? repair_utf8(in, len, &b, &bad, &mb) : convert(in, len, enc, &b);
        }
    }
    if (rc) {
        hs_buf_free(&b);
        return rc == -1 ? hs_error_set(HS_EINPUT, "cannot convert from %s", enc) : rc;
    }
    snprintf(name, 32, "%s", enc);
    for (char *p = name; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    *out = b.data;
    *out_len = b.len;
    return 0;
}
