/* Growable byte buffer (malloc-backed, reusable: clear keeps the memory). */
#ifndef HS_BUF_H
#define HS_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct hs_buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len, cap;
} hs_buf;

#define HS_BUF_INIT {NULL, 0, 0}

int hs_buf_reserve(hs_buf *b, size_t extra);
int hs_buf_put(hs_buf *b, const void *p, size_t n);
int hs_buf_puts(hs_buf *b, const char *s);
int hs_buf_putc(hs_buf *b, char c);
int hs_buf_printf(hs_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int hs_buf_vprintf(hs_buf *b, const char *fmt, va_list ap);
static inline void hs_buf_clear(hs_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = 0;
}
void hs_buf_free(hs_buf *b);

/* Typed growable arrays: `HS_ARRAY(hs_tok) toks;` then `hs_tok *t = HS_PUSH(&toks);`
 * (a zeroed new item, or NULL with the error set).  Memory is kept across
 * clears (`toks.n = 0`) so a reused document does not reallocate. */
#define HS_ARRAY(T) struct { T *v; size_t n, cap; }
int hs_array_grow_(void **v, size_t *cap, size_t need, size_t size);
#define HS_RESERVE(arr, need) \
    ((need) <= (arr)->cap ? 0 : hs_array_grow_((void **)&(arr)->v, &(arr)->cap, (need), sizeof *(arr)->v))
#define HS_PUSH(arr) \
    (HS_RESERVE((arr), (arr)->n + 1) ? NULL \
     : (memset(&(arr)->v[(arr)->n], 0, sizeof *(arr)->v), &(arr)->v[(arr)->n++]))
#define HS_ARRAY_FREE(arr) (free((arr)->v), (arr)->v = NULL, (arr)->n = (arr)->cap = 0)

/* Read a whole file ("-" = stdin) into a malloc'ed NUL-terminated buffer. */
int hs_read_file(const char *path, char **out, size_t *len);

#endif
