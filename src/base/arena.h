/* Bump allocator: one per document, freed (or reset) in one call.
 * Build with -DHS_ARENA_MALLOC to turn every allocation into a plain malloc
 * so that ASan and valgrind see each one. */
#ifndef HS_ARENA_H
#define HS_ARENA_H
#include <stddef.h>

typedef struct hs_arena_chunk hs_arena_chunk;
typedef struct hs_arena {
    hs_arena_chunk *head; /* current chunk (a list of earlier ones behind it) */
    char *cur, *end;
    size_t total;         /* bytes handed out since the last reset */
} hs_arena;

void hs_arena_init(hs_arena *a);
/* NULL on allocation failure (the error is set). Memory is 16-byte aligned. */
void *hs_arena_alloc(hs_arena *a, size_t n);
void *hs_arena_calloc(hs_arena *a, size_t n, size_t size);
char *hs_arena_strndup(hs_arena *a, const char *s, size_t n);
char *hs_arena_strdup(hs_arena *a, const char *s);
/* Keep the largest chunk, free the others. */
void hs_arena_reset(hs_arena *a);
void hs_arena_free(hs_arena *a);

#endif
