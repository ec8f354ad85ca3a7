#include "buf.h"
#include "hearsay.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_buf_reserve(hs_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return hs_error_set(HS_ENOMEM, "buffer too large");
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return hs_error_set(HS_ENOMEM, "out of memory (%zu bytes)", cap);
    b->data = p;
    b->cap = cap;
    return 0;
}

int hs_buf_put(hs_buf *b, const void *p, size_t n)
{
    if (hs_buf_reserve(b, n))
        return HS_ENOMEM;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int hs_buf_puts(hs_buf *b, const char *s) { return hs_buf_put(b, s, strlen(s)); }

int hs_buf_putc(hs_buf *b, char c)
{
    if (b->len + 1 >= b->cap && hs_buf_reserve(b, 1))
        return HS_ENOMEM;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}

int hs_buf_vprintf(hs_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return hs_error_set(HS_ERROR, "formatting failed");
    if ((size_t)n < sizeof tmp)
        return hs_buf_put(b, tmp, (size_t)n);
    if (hs_buf_reserve(b, (size_t)n))
        return HS_ENOMEM;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int hs_buf_printf(hs_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = hs_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void hs_buf_free(hs_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int hs_array_grow_(void **v, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return hs_error_set(HS_ENOMEM, "array too large");
        c *= 2;
    }
    void *p = realloc(*v, c * size);
    if (!p)
        return hs_error_set(HS_ENOMEM, "out of memory (%zu items)", c);
    *v = p;
    *cap = c;
    return 0;
}

int hs_read_file(const char *path, char **out, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    *out = NULL;
    *len = 0;
    if (!f)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    hs_buf b = HS_BUF_INIT;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (hs_buf_put(&b, chunk, n)) {
            rc = HS_ENOMEM;
            break;
        }
    }
    if (!rc && ferror(f))
        rc = hs_error_set(HS_EIO, "%s: read error: %s", path, strerror(errno));
    if (f != stdin)
        fclose(f);
    if (rc) {
        hs_buf_free(&b);
        return rc;
    }
    if (!b.data && hs_buf_reserve(&b, 0))
        return HS_ENOMEM;
    *out = b.data;
    *len = b.len;
    return 0;
}
