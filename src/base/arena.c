#include "arena.h"
#include "hearsay.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct hs_arena_chunk {
    hs_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    /* data follows, aligned */
};

#define ARENA_ALIGN 16
#define HDR_SIZE ((sizeof(hs_arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
#define MIN_CHUNK (64 * 1024)

void hs_arena_init(hs_arena *a) { memset(a, 0, sizeof *a); }

#ifdef HS_ARENA_MALLOC
/* Debug mode: each allocation is its own chunk. */
void *hs_arena_alloc(hs_arena *a, size_t n)
{
    hs_arena_chunk *c = malloc(HDR_SIZE + (n ? n : 1));
    if (!c) {
        hs_error_set(HS_ENOMEM, "out of memory (%zu bytes)", n);
        return NULL;
    }
    c->size = n;
    c->next = a->head;
    a->head = c;
    a->total += n;
    return (char *)c + HDR_SIZE;
}

void hs_arena_reset(hs_arena *a) { hs_arena_free(a); }
#else
void *hs_arena_alloc(hs_arena *a, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < n) {
        hs_error_set(HS_ENOMEM, "allocation too large");
        return NULL;
    }
    if ((size_t)(a->end - a->cur) < need || !a->cur) {
        size_t size = MIN_CHUNK;
        if (a->head && a->head->size * 2 > size && a->head->size * 2 <= 64u << 20)
            size = a->head->size * 2;
        if (size < need)
            size = need;
        hs_arena_chunk *c = malloc(HDR_SIZE + size);
        if (!c) {
            hs_error_set(HS_ENOMEM, "out of memory (%zu bytes)", size);
            return NULL;
        }
        c->size = size;
        c->next = a->head;
        a->head = c;
        a->cur = (char *)c + HDR_SIZE;
        a->end = a->cur + size;
    }
    void *p = a->cur;
    a->cur += need;
    a->total += n;
    return p;
}

void hs_arena_reset(hs_arena *a)
{
    hs_arena_chunk *keep = NULL, *c = a->head;
    while (c) {
        hs_arena_chunk *next = c->next;
        if (!keep || c->size > keep->size) {
            if (keep)
                free(keep);
            keep = c;
        } else {
            free(c);
        }
        c = next;
    }
    a->head = keep;
    a->total = 0;
    if (keep) {
        keep->next = NULL;
        a->cur = (char *)keep + HDR_SIZE;
        a->end = a->cur + keep->size;
    } else {
        a->cur = a->end = NULL;
    }
}
#endif

void *hs_arena_calloc(hs_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        hs_error_set(HS_ENOMEM, "allocation too large");
        return NULL;
    }
    void *p = hs_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *hs_arena_strndup(hs_arena *a, const char *s, size_t n)
{
    char *p = hs_arena_alloc(a, n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

char *hs_arena_strdup(hs_arena *a, const char *s) { return hs_arena_strndup(a, s, strlen(s)); }

void hs_arena_free(hs_arena *a)
{
    hs_arena_chunk *c = a->head;
    while (c) {
        hs_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    hs_arena_init(a);
}
