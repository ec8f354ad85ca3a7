/* Lexical hashes of tokens: word, lower case, shape, prefixes, suffixes. */
#include "tag/lex.h"
#include "model/percep.h"

#include <string.h>
#include <utf8proc.h>

#define MAXB 96 /* longer tokens are hashed on their first MAXB bytes (lower/shape) */

const hs_lex hs_lex_bos = {.word = 0x1111, .lower = 0x1111, .shape = 0x1111, .sshape = 0x1111,
                           .pre = {0x1111, 0x1111, 0x1111, 0x1111}, .suf = {0x1111, 0x1111, 0x1111, 0x1111},
                           .flags = HS_LX_NO_LETTER};
const hs_lex hs_lex_eos = {.word = 0x2222, .lower = 0x2222, .shape = 0x2222, .sshape = 0x2222,
                           .pre = {0x2222, 0x2222, 0x2222, 0x2222}, .suf = {0x2222, 0x2222, 0x2222, 0x2222},
                           .flags = HS_LX_NO_LETTER};

/* Typographic quotes and apostrophes (U+2018/2019/201C/201D) fold to ASCII. */
static int fold_quote(const unsigned char *s, size_t n, size_t i, char *c)
{
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80) {
        unsigned char b = s[i + 2];
        if (b == 0x98 || b == 0x99) {
            *c = '\'';
            return 3;
        }
        if (b == 0x9C || b == 0x9D) {
            *c = '"';
            return 3;
        }
    }
    return 0;
}

/* Count an upper-case letter; its shape character. */
static char upper_letter(int *letters, int *uppers, uint32_t *flags)
{
    if (++*letters == 1)
        *flags |= HS_LX_UPPER_INIT;
    ++*uppers;
    *flags |= HS_LX_HAS_UPPER;
    return 'X';
}

void hs_lex_token(const char *str, size_t n, hs_lex *out)
{
    const unsigned char *s = (const unsigned char *)str;
    char word[2 * MAXB], low[MAXB], shape[MAXB], ssh[MAXB];
    uint32_t cstart[MAXB + 1]; /* byte offset in low of each character */
    size_t nw = 0, nl = 0, ns = 0, nss = 0, nch = 0;
    uint32_t flags = 0;
    int letters = 0, uppers = 0, run = 0;
    char last = 0;
    size_t i = 0;
    for (; i < n && nl + 4 < MAXB;) {
        char q;
        int k = fold_quote(s, n, i, &q);
        unsigned char c = s[i];
        char sc;
        cstart[nch++] = (uint32_t)nl;
        if (k) {
            word[nw++] = q;
            low[nl++] = q;
            sc = q;
            i += (size_t)k;
        } else if (c < 0x80) {
            word[nw++] = (char)c;
            if (c >= 'A' && c <= 'Z') {
                low[nl++] = (char)(c + 32);
                sc = upper_letter(&letters, &uppers, &flags);
            } else if (c >= 'a' && c <= 'z') {
                low[nl++] = (char)c;
                sc = 'x';
                letters++;
                flags |= HS_LX_HAS_LOWER;
            } else if (c >= '0' && c <= '9') {
                low[nl++] = '0';
                sc = 'd';
                flags |= HS_LX_HAS_DIGIT;
            } else {
                low[nl++] = (char)c;
                sc = (char)c;
                if (c == '-')
                    flags |= HS_LX_HYPHEN;
            }
            i++;
        } else {
            /* a non-ASCII character: letters by their Unicode category */
            utf8proc_int32_t cp;
            utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (len <= 0) {
                len = 1;
                cp = 0xFFFD;
            }
            for (utf8proc_ssize_t j = 0; j < len && nw < sizeof word; j++)
                word[nw++] = (char)s[i + (size_t)j];
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                sc = upper_letter(&letters, &uppers, &flags);
                nl += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)low + nl);
            } else {
                int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
                sc = letter ? 'x' : '*';
                letters += letter;
                if (letter)
                    flags |= HS_LX_HAS_LOWER;
                for (utf8proc_ssize_t j = 0; j < len; j++)
                    low[nl++] = (char)s[i + (size_t)j];
            }
            i += (size_t)len;
        }
        if (sc == last) {
            run++;
        } else {
            run = 1;
            last = sc;
            ssh[nss++] = sc;
        }
        if (run <= 4)
            shape[ns++] = sc;
    }
    cstart[nch] = (uint32_t)nl;
    if (letters == 0)
        flags |= HS_LX_NO_LETTER;
    else if (uppers == letters && letters > 0)
        flags |= HS_LX_ALL_UPPER;
    {
        int all_digit = nch > 0;
        for (size_t x = 0; x < nl; x++)
            if (low[x] != '0' && low[x] != ',' && low[x] != '.')
                all_digit = 0;
        if (all_digit && (flags & HS_LX_HAS_DIGIT))
            flags |= HS_LX_ALL_DIGIT;
    }
    /* the exact form uses the whole token, the others its first MAXB bytes */
    out->word = i >= n ? hs_strhash(word, nw) : hs_strhash(str, n);
    out->lower = hs_strhash(low, nl);
    out->shape = hs_strhash(shape, ns) ^ 0x5a;
    out->sshape = hs_strhash(ssh, nss) ^ 0xa5;
    for (int k = 0; k < HS_LEX_AFFIX; k++) {
        size_t c = (size_t)k + 1 < nch ? (size_t)k + 1 : nch;
        out->pre[k] = hs_strhash(low, cstart[c]) + (uint64_t)k * 7919;
        out->suf[k] = hs_strhash(low + cstart[nch - c], nl - cstart[nch - c]) + (uint64_t)k * 104729 + 1;
    }
    out->flags = flags;
    out->len = (uint32_t)nch;
}

/* A cheap hash of a short token's bytes, for the memo below (not a feature). */
static uint64_t memo_hash(const char *p, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        h = (h ^ x) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    uint64_t x = 0;
    memcpy(&x, p, n);
    h = (h ^ x) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 32);
}

#define MEMO_MAXLEN 32 /* longer tokens are rare and seldom repeated: hashed every time */

int hs_lex_doc(hs_doc *d, hs_lex **out)
{
    size_t n = d->toks.n;
    hs_lex *v = hs_arena_alloc(&d->arena, (n ? n : 1) * sizeof *v);
    /* hs_lex_token depends on the bytes alone: a word seen before in the
     * document ("the", ",", a name) copies its hashes (token index + 1 of
     * its first occurrence, by open addressing) */
    size_t cap = 64;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *memo = hs_arena_calloc(&d->arena, cap, sizeof *memo);
    uint32_t *first = hs_arena_alloc(&d->arena, (n ? n : 1) * sizeof *first);
    if (!v || !memo || !first)
        return HS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const hs_tok *t = &d->toks.v[i];
        const char *p = HS_TOK_PTR(d, t);
        size_t len = HS_TOK_LEN(t);
        first[i] = (uint32_t)i;
        if (len <= MEMO_MAXLEN) {
            size_t k = (size_t)memo_hash(p, len) & (cap - 1);
            for (; memo[k]; k = (k + 1) & (cap - 1)) {
                const hs_tok *o = &d->toks.v[memo[k] - 1];
                if (HS_TOK_LEN(o) == len && memcmp(HS_TOK_PTR(d, o), p, len) == 0)
                    break;
            }
            if (memo[k]) {
                v[i] = v[memo[k] - 1];
                first[i] = memo[k] - 1;
                continue;
            }
            memo[k] = (uint32_t)(i + 1);
        }
        hs_lex_token(p, len, &v[i]);
    }
    d->tok_first = first;
    *out = v;
    return 0;
}
