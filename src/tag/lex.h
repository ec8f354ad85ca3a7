/* Per-token lexical hashes shared by the taggers: computed once per token,
 * then combined into features without touching the text again. */
#ifndef HS_TAG_LEX_H
#define HS_TAG_LEX_H
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

enum {
    HS_LX_UPPER_INIT = 1u << 0, /* first letter upper-case */
    HS_LX_ALL_UPPER = 1u << 1,  /* letters, all upper-case */
    HS_LX_HAS_DIGIT = 1u << 2,
    HS_LX_HYPHEN = 1u << 3,
    HS_LX_ALL_DIGIT = 1u << 4,
    HS_LX_NO_LETTER = 1u << 5,
    HS_LX_HAS_LOWER = 1u << 6,
    HS_LX_HAS_UPPER = 1u << 7
};

#define HS_LEX_AFFIX 4
typedef struct hs_lex {
    uint64_t word;  /* exact form (curly quotes folded to straight ones) */
    uint64_t lower; /* lower case, digits folded to 0 */
    uint64_t shape; /* Xxxx-dd: X upper, x lower, d digit, others kept; runs capped at 4 */
    uint64_t sshape; /* the same with runs collapsed to one */
    uint64_t pre[HS_LEX_AFFIX]; /* lower-case prefixes of 1..4 characters */
    uint64_t suf[HS_LEX_AFFIX]; /* suffixes of 1..4 characters */
    uint32_t flags;             /* HS_LX_* */
    uint32_t len;               /* characters */
} hs_lex;

/* Lexical hashes of one token's text. */
void hs_lex_token(const char *s, size_t n, hs_lex *out);
/* The stand-ins for positions before and after a sentence. */
extern const hs_lex hs_lex_bos, hs_lex_eos;
/* Lexical hashes of every token of d (array allocated in d's arena); also
 * sets d->tok_first (each token's first same-bytes token). */
int hs_lex_doc(hs_doc *d, hs_lex **out);

#endif
