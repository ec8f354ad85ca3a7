/* The text layer's internals: character classes and word tables shared by the
 * tokenizer, the sentence splitter and quotation pairing. */
#ifndef HS_TEXT_H
#define HS_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Character classes (bits). */
enum {
    HS_CC_SPACE = 1u << 0,  /* white space other than a line break */
    HS_CC_NL = 1u << 1,     /* a line break */
    HS_CC_LETTER = 1u << 2,
    HS_CC_UPPER = 1u << 3,  /* an upper-case (or title-case) letter */
    HS_CC_DIGIT = 1u << 4,
    HS_CC_MARK = 1u << 5,   /* a combining mark: part of the letter before it */
    HS_CC_QUOTE = 1u << 6,  /* a quotation mark or apostrophe */
    HS_CC_PUNCT = 1u << 7,
    HS_CC_CURRENCY = 1u << 8,
    HS_CC_LOWER = 1u << 9
};

/* Class of one code point. */
extern const uint16_t hs_cc_ascii[128];
unsigned hs_cc_wide(int32_t cp); /* any code point past ASCII */
static inline unsigned hs_cc(int32_t cp)
{
    return cp >= 0 && cp < 128 ? hs_cc_ascii[cp] : hs_cc_wide(cp);
}

/* Decode the code point at s[i] (i < len), its class and length. */
static inline int32_t hs_text_cp(const char *s, size_t len, size_t i, size_t *adv);

/* Word characters: letters, digits, combining marks. */
#define HS_CC_WORD (HS_CC_LETTER | HS_CC_DIGIT | HS_CC_MARK)

/* Abbreviation classes. */
enum {
    HS_AB_NONE = 0,
    HS_AB_TITLE,   /* Mr. Dr. Sen. Gen.: a name follows, never a sentence end */
    HS_AB_OTHER,   /* etc. Inc. Jr. Jan.: may end a sentence */
    HS_AB_NUMERIC  /* No. : an abbreviation only before a number */
};
/* Class of the abbreviation spelled s[0..n) (without its period). */
int hs_abbrev_class(const char *s, size_t n);

/* Is s[0..n) (lower case) a word that typically opens a sentence after an
 * abbreviation ("The", "He", "But")? */
int hs_sentence_opener(const char *s, size_t n);

/* Is s[0..n) (lower case) a noun that names a work when followed by a quoted
 * title ("the film “…”")? */
int hs_work_noun(const char *s, size_t n);

/* Is s[0..n) a noun naming a role in a work, after a quoted title ("the ‘X’ star")? */
int hs_work_role_noun(const char *s, size_t n);
/* Is s[0..n) a word before a quoted title ("in", "titled")? */
int hs_title_lead(const char *s, size_t n);
/* Is s[0..n) a function word that stays lower case in a title ("of", "the")? */
int hs_title_small_word(const char *s, size_t n);
/* 0 when every word table is sorted (they are searched by bisection). */
int hs_text_tables_check(void);

/* Family of a quotation mark: 0 none, 1 double, 2 single, 3 guillemet, 4 single guillemet;
 * *dir: +1 opening, -1 closing, 0 either (straight marks). */
int hs_quote_family(int32_t cp, int *dir);

#include "base/utf8.h"
static inline int32_t hs_text_cp(const char *s, size_t len, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *adv = 1;
        return c;
    }
    return hs_utf8_decode(s, len, i, adv);
}

#endif
