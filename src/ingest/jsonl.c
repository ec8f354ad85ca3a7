/* The fast path of the JSONL reader: one flat JSON object per line, the
 * fields the reader uses decoded straight into a reusable buffer.
 *
 * jansson spends about a hundred instructions a byte on a line (it reads it
 * through a character stream and grows every string byte by byte); this
 * takes a run of plain string bytes in one step.  It accepts a subset of
 * what `json_loadb(..., JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)` accepts
 * and yields the same values for it (RFC 8259: strict UTF-8, no control
 * characters in strings, paired surrogates, no duplicate keys, no NUL in a
 * key).  Anything else (a nested array or object, a number it does not
 * convert exactly, any error) makes it decline, and the reader parses the
 * line with jansson, which gives the values or the error message as before. */
#include "ingest/ingest.h"

#include "base/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEYS 64

static const char *const field_names[HS_JF_COUNT] = {"text", "id", "date", "publish_date", "outlet", "title", "url"};

/* Bytes that end a run of plain string bytes: '"', '\\' and control characters. */
static const unsigned char stops[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};

typedef struct cur {
    const unsigned char *p, *e;
    hs_buf *b;
} cur;

static void skip_ws(cur *c)
{
    while (c->p < c->e && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

/* Four hex digits at p (p + 4 <= e checked by the caller): the value, or -1. */
static int32_t hex4(const unsigned char *p)
{
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char h = p[i];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decode the string whose opening quote is at c->p onto the buffer (then a
 * NUL); *nul says whether it holds a NUL.  1, 0 (declined) or HS_ENOMEM. */
static int string(cur *c, int *nul)
{
    const unsigned char *p = c->p + 1, *e = c->e;
    *nul = 0;
    for (;;) {
        const unsigned char *run = p;
        while (p < e && !stops[*p])
            p++;
        if (p == e || *p < 0x20)
            return 0;
        size_t rn = (size_t)(p - run);
        if (hs_utf8_valid_prefix((const char *)run, rn) != rn)
            return 0;
        if (hs_buf_put(c->b, run, rn))
            return HS_ENOMEM;
        if (*p == '"') {
            c->p = p + 1;
            return hs_buf_putc(c->b, 0) ? HS_ENOMEM : 1;
        }
        if (++p == e) /* after the backslash */
            return 0;
        char one;
        switch (*p++) {
        case '"': one = '"'; break;
        case '\\': one = '\\'; break;
        case '/': one = '/'; break;
        case 'b': one = '\b'; break;
        case 'f': one = '\f'; break;
        case 'n': one = '\n'; break;
        case 'r': one = '\r'; break;
        case 't': one = '\t'; break;
        case 'u': {
            int32_t cp = e - p >= 4 ? hex4(p) : -1;
            if (cp < 0)
                return 0;
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a high surrogate: its low half must follow */
                if (e - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return 0;
                int32_t lo = hex4(p + 2);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return 0;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return 0;
            }
            if (cp == 0)
                *nul = 1;
            char u[4];
            if (hs_buf_put(c->b, u, hs_utf8_encode(cp, u)))
                return HS_ENOMEM;
            continue;
        }
        default:
            return 0;
        }
        if (hs_buf_putc(c->b, one))
            return HS_ENOMEM;
    }
}

static int is_digit(const unsigned char *p, const unsigned char *e) { return p < e && *p >= '0' && *p <= '9'; }

/* A number at c->p (RFC 8259 grammar) into v: an integer of at most 18
 * digits exactly, a real through strtod as jansson converts it.  1 or 0. */
static int number(cur *c, hs_jv *v)
{
    const unsigned char *s = c->p, *p = s, *e = c->e;
    int neg = 0, real = 0;
    if (p < e && *p == '-') {
        neg = 1;
        p++;
    }
    if (!is_digit(p, e))
        return 0;
    const unsigned char *digits = p;
    if (*p == '0') {
        if (is_digit(++p, e))
            return 0;
    } else {
        while (is_digit(p, e))
            p++;
    }
    size_t nd = (size_t)(p - digits);
    if (p < e && *p == '.') {
        if (!is_digit(++p, e))
            return 0;
        while (is_digit(p, e))
            p++;
        real = 1;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (!is_digit(p, e))
            return 0;
        while (is_digit(p, e))
            p++;
        real = 1;
    }
    if (real) {
        char tmp[64];
        size_t n = (size_t)(p - s);
        if (n >= sizeof tmp)
            return 0;
        memcpy(tmp, s, n);
        tmp[n] = 0;
        double d = strtod(tmp, NULL);
        if (isinf(d))
            return 0; /* jansson: "real number overflow" */
        v->type = HS_JV_REAL;
        v->d = d;
    } else {
        if (nd > 18)
            return 0;
        long long x = 0;
        for (const unsigned char *q = digits; q < p; q++)
            x = x * 10 + (*q - '0');
        v->type = HS_JV_INT;
        v->i = neg ? -x : x;
    }
    c->p = p;
    return 1;
}

static int literal(cur *c, const char *w, size_t n)
{
    if ((size_t)(c->e - c->p) < n || memcmp(c->p, w, n) != 0)
        return 0;
    c->p += n;
    return 1;
}

/* The field a key names (HS_JF_*), or -1. */
static int field_of(const char *k, size_t n)
{
    static const unsigned char field_len[HS_JF_COUNT] = {4, 2, 4, 12, 6, 5, 3};
    int f = 0;
    while (f < HS_JF_COUNT && !(field_len[f] == n && memcmp(field_names[f], k, n) == 0))
        f++;
    return f < HS_JF_COUNT ? f : -1;
}

int hs_jsonl_fields(hs_buf *buf, const char *line, size_t n, hs_jv v[HS_JF_COUNT])
{
    size_t koff[MAX_KEYS], klen[MAX_KEYS], soff[HS_JF_COUNT];
    size_t nk = 0;
    cur c = {(const unsigned char *)line, (const unsigned char *)line + n, buf};
    memset(v, 0, HS_JF_COUNT * sizeof *v);
    hs_buf_clear(buf);
    skip_ws(&c);
    if (c.p == c.e || *c.p != '{')
        return 0;
    c.p++;
    skip_ws(&c);
    if (c.p < c.e && *c.p == '}')
        c.p++;
    else
        for (;;) {
            /* the key */
            if (c.p == c.e || *c.p != '"' || nk == MAX_KEYS)
                return 0;
            size_t ko = buf->len;
            int nul, rc = string(&c, &nul);
            if (rc <= 0)
                return rc;
            if (nul)
                return 0; /* jansson refuses a NUL in a key */
            size_t kl = buf->len - ko - 1;
            for (size_t i = 0; i < nk; i++)
                if (klen[i] == kl && memcmp(buf->data + koff[i], buf->data + ko, kl) == 0)
                    return 0; /* a duplicate key */
            koff[nk] = ko;
            klen[nk++] = kl;
            int f = field_of(buf->data + ko, kl);
            skip_ws(&c);
            if (c.p == c.e || *c.p++ != ':')
                return 0;
            skip_ws(&c);
            if (c.p == c.e)
                return 0;
            /* the value */
            hs_jv x = {HS_JV_OTHER, NULL, 0, 0, 0};
            size_t vo = buf->len;
            switch (*c.p) {
            case '"':
                if ((rc = string(&c, &nul)) <= 0)
                    return rc;
                x.type = HS_JV_STRING;
                x.len = buf->len - vo - 1;
                if (f < 0)
                    buf->len = vo; /* not kept */
                break;
            case 't': rc = literal(&c, "true", 4); break;
            case 'f': rc = literal(&c, "false", 5); break;
            case 'n': rc = literal(&c, "null", 4); break;
            default: rc = number(&c, &x); break; /* '[' and '{' too: declined */
            }
            if (!rc)
                return 0;
            if (f >= 0) {
                v[f] = x;
                soff[f] = vo;
            }
            skip_ws(&c);
            if (c.p == c.e)
                return 0;
            if (*c.p == '}') {
                c.p++;
                break;
            }
            if (*c.p++ != ',')
                return 0;
            skip_ws(&c);
        }
    skip_ws(&c);
    if (c.p != c.e)
        return 0;
    /* the buffer no longer moves: point into it */
    for (int f = 0; f < HS_JF_COUNT; f++)
        if (v[f].type == HS_JV_STRING)
            v[f].s = buf->data + soff[f];
    return 1;
}
