#include "jw.h"
#include "hearsay.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void hs_jw_init(hs_jw *w, hs_buf *b, int pretty)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
}

static void put(hs_jw *w, const char *s, size_t n)
{
    hs_buf *b = w->b;
    if (!w->err && b->data && n <= 8 && b->len + n < b->cap) {
        /* the short pieces (punctuation, numbers, null) without a call: there is room for them and the NUL */
        char *o = b->data + b->len;
        for (size_t i = 0; i < n; i++)
            o[i] = s[i];
        o[n] = 0;
        b->len += n;
        return;
    }
    if (!w->err && hs_buf_put(b, s, n))
        w->err = HS_ENOMEM;
}

static void newline(hs_jw *w)
{
    if (!w->pretty)
        return;
    put(w, "\n", 1);
    for (int i = 0; i < w->depth; i++)
        put(w, "  ", 2);
}

/* Before a value: a comma and a new line inside containers, unless after a key. */
static void before_value(hs_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth])
            put(w, ",", 1);
        if (w->count[w->depth] < 255)
            w->count[w->depth]++;
        newline(w);
    }
}

static void open(hs_jw *w, char c)
{
    before_value(w);
    put(w, &c, 1);
    if (w->depth + 1 >= HS_JW_MAX_DEPTH) {
        w->err = HS_EINVAL;
        return;
    }
    w->depth++;
    w->count[w->depth] = 0;
}

static void close_(hs_jw *w, char c)
{
    int had = w->count[w->depth] > 0;
    if (w->depth > 0)
        w->depth--;
    if (had)
        newline(w);
    put(w, &c, 1);
}

void hs_jw_obj(hs_jw *w) { open(w, '{'); }
void hs_jw_obj_end(hs_jw *w) { close_(w, '}'); }
void hs_jw_arr(hs_jw *w) { open(w, '['); }
void hs_jw_arr_end(hs_jw *w) { close_(w, ']'); }

/* Bytes that may need escaping: '"', '\\', controls, DEL, and 0xE2 (the
 * first byte of U+2028 and U+2029); everything else is copied in runs. */
static int special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0x7f || c == 0xE2; }

void hs_jw_key(hs_jw *w, const char *k)
{
    before_value(w);
    size_t n = 0;
    while (k[n] && !special((unsigned char)k[n]))
        n++;
    if (k[n]) { /* a key that needs escaping */
        if (!w->err && hs_json_escape(w->b, k, n + strlen(k + n)))
            w->err = HS_ENOMEM;
        put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
    } else if (!w->err && (!w->b->data || w->b->len + n + 4 >= w->b->cap) && hs_buf_reserve(w->b, n + 4)) {
        w->err = HS_ENOMEM;
    } else if (!w->err) { /* a plain key, as all of ours are: "key": in one go */
        char *o = w->b->data + w->b->len;
        *o++ = '"';
        for (size_t i = 0; i < n; i++) /* keys are short: no call */
            o[i] = k[i];
        o += n;
        *o++ = '"';
        *o++ = ':';
        if (w->pretty)
            *o++ = ' ';
        *o = 0;
        w->b->len = (size_t)(o - w->b->data);
    }
    w->after_key = 1;
}

void hs_jw_strn(hs_jw *w, const char *s, size_t n)
{
    before_value(w);
    if (!w->err && hs_json_escape(w->b, s, n))
        w->err = HS_ENOMEM;
}

void hs_jw_str(hs_jw *w, const char *s)
{
    if (!s)
        hs_jw_null(w);
    else
        hs_jw_strn(w, s, strlen(s));
}

void hs_jw_int(hs_jw *w, long long v)
{
    char tmp[24], *e = tmp + sizeof tmp, *p = e; /* digits from the right, as printf's %lld */
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    before_value(w);
    put(w, p, (size_t)(e - p));
}

void hs_jw_num(hs_jw *w, double v)
{
    char tmp[64];
    int n;
    if (!isfinite(v))
        n = snprintf(tmp, sizeof tmp, "null");
    else
        n = snprintf(tmp, sizeof tmp, "%.6g", v);
    before_value(w);
    put(w, tmp, (size_t)n);
}

void hs_jw_bool(hs_jw *w, int v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void hs_jw_null(hs_jw *w)
{
    before_value(w);
    put(w, "null", 4);
}

int hs_json_escape(hs_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (hs_buf_reserve(b, n + 2))
        return HS_ENOMEM;
    b->data[b->len++] = '"'; /* reserved: the quotes, the bytes and the NUL */
    size_t run = 0; /* start of the pending unescaped run */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!special(c))
            continue;
        const char *esc = NULL;
        char u[6];
        size_t skip = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15];
            if (hs_buf_put(b, s + run, i - run) || hs_buf_put(b, u, 6))
                return HS_ENOMEM;
            run = i + 1;
            continue;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (esc) {
            if (hs_buf_put(b, s + run, i - run) || hs_buf_puts(b, esc))
                return HS_ENOMEM;
            i += skip - 1;
            run = i + 1;
        }
    }
    if (b->len + (n - run) + 2 <= b->cap) { /* no escape grew it past the reserve */
        memcpy(b->data + b->len, s + run, n - run);
        b->len += n - run;
        b->data[b->len++] = '"';
        b->data[b->len] = 0;
    } else if (hs_buf_put(b, s + run, n - run) || hs_buf_putc(b, '"')) {
        return HS_ENOMEM;
    }
    return 0;
}
