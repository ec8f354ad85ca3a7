/* A small streaming JSON writer: correct escaping, optional indentation.
 * Strings must be valid UTF-8 (hearsay's text is validated on the way in);
 * control characters and U+2028/U+2029 are escaped. */
#ifndef HS_JW_H
#define HS_JW_H
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

#define HS_JW_MAX_DEPTH 32

typedef struct hs_jw {
    hs_buf *b;
    int pretty;
    int depth;
    int err;                        /* sticky: first failure */
    uint8_t count[HS_JW_MAX_DEPTH]; /* items written at each level (saturating) */
    uint8_t after_key;
} hs_jw;

void hs_jw_init(hs_jw *w, hs_buf *b, int pretty);
void hs_jw_obj(hs_jw *w);   /* { */
void hs_jw_obj_end(hs_jw *w);
void hs_jw_arr(hs_jw *w);   /* [ */
void hs_jw_arr_end(hs_jw *w);
void hs_jw_key(hs_jw *w, const char *k);
void hs_jw_str(hs_jw *w, const char *s);            /* NULL → null */
void hs_jw_strn(hs_jw *w, const char *s, size_t n);
void hs_jw_int(hs_jw *w, long long v);
void hs_jw_num(hs_jw *w, double v);
void hs_jw_bool(hs_jw *w, int v);
void hs_jw_null(hs_jw *w);
/* Escape s into b as a JSON string with quotes. */
int hs_json_escape(hs_buf *b, const char *s, size_t n);

#endif
