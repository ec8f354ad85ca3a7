/* UTF-8: validation, lossy repair, NFC normalisation, decoding. */
#ifndef HS_UTF8_H
#define HS_UTF8_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Length of the valid prefix: == len when all of s is valid UTF-8
 * (overlongs, surrogates and code points past U+10FFFF are invalid). */
size_t hs_utf8_valid_prefix(const char *s, size_t len);

/* Decode one code point at s[i] (i < len); *adv receives its byte length.
 * Invalid bytes decode as U+FFFD with length 1. */
int32_t hs_utf8_decode(const char *s, size_t len, size_t i, size_t *adv);

/* Decode the code point that ends just before s[i] (i > 0); *adv = its length. */
int32_t hs_utf8_decode_before(const char *s, size_t i, size_t *adv);

/* Encode cp into out (4 bytes max); returns the length. */
size_t hs_utf8_encode(int32_t cp, char *out);

/* Make analysable text: validate (or repair when lossy: each invalid byte
 * becomes U+FFFD), refuse NUL bytes, normalise to NFC, and copy into the arena.
 * `what` names the input in messages; `what_offset` is added to the byte
 * offsets they give (the bytes of the file before s). Returns 0 or HS_EINPUT / HS_ENOMEM. */
int hs_utf8_prepare(hs_arena *a, const char *s, size_t len, int lossy, const char *what,
                    size_t what_offset, char **out, size_t *out_len);

#endif
