/* The time layer's word scanner: the article text as words, numbers and
 * punctuation, each with its lower-cased form and lexicon entry, grouped into
 * rough sentences (enough to tell whether a sentence speaks of the future).
 *
 * It splits where dates need it: "mid-2023" → mid - 2023, "3/29/2025" →
 * 3 / 29 / 2025, "2025-03-29" → 2025 - 03 - 29; keeps "29th" (ordinal),
 * "1990s" and "’90s" (decades) and "Valentine’s" (apostrophe folded) whole. */
#include "time/time.h"

#include <stdlib.h>
#include <string.h>

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Length of a UTF-8 punctuation or space sequence at p (0 when it is not one);
 * *fold receives its ASCII stand-in (' ' for spaces). */
static size_t upunct(const unsigned char *p, size_t left, char *fold)
{
    if (left >= 2 && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) {
        *fold = p[1] == 0xA0 ? ' ' : '"';
        return 2;
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80) {
        unsigned char c = p[2];
        if (c <= 0x8A || c == 0xAF) { *fold = ' '; return 3; } /* U+2000…200A, 202F spaces */
        if (c >= 0x90 && c <= 0x95) { *fold = '-'; return 3; } /* hyphens and dashes */
        if (c == 0x98 || c == 0x99) { *fold = '\''; return 3; }
        if (c == 0x9C || c == 0x9D) { *fold = '"'; return 3; }
        if (c == 0xA6) { *fold = '.'; return 3; }
        *fold = '?'; /* other general punctuation */
        return 3;
    }
    return 0;
}

/* An apostrophe (ASCII or U+2019/2018) at p: its length, else 0. */
static size_t apos_len(const unsigned char *p, size_t left)
{
    if (left >= 1 && p[0] == '\'')
        return 1;
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x98))
        return 3;
    return 0;
}

/* Abbreviations after which a full stop does not end a sentence. */
static int is_abbrev(const char *low)
{
    static const char *const ab[] = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "jan", "feb",
                                     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                     "nov", "dec", "gov", "sen", "rep", "gen", "lt", "no", "u", "s"};
    for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++)
        if (low[0] == ab[i][0] && strcmp(low, ab[i]) == 0)
            return 1;
    return 0;
}

static hs_tw *push_word(hs_tscan *sc)
{
    if (sc->n == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 256;
        hs_tw *w = realloc(sc->w, cap * sizeof *w);
        if (!w)
            return NULL;
        sc->w = w;
        sc->cap = cap;
    }
    hs_tw *w = &sc->w[sc->n++];
    memset(w, 0, sizeof *w);
    w->num = -1;
    return w;
}

/* Scan one word or number starting at i; returns its end. Fills low and flags. */
static size_t scan_word(const unsigned char *t, size_t len, size_t i, hs_tw *w)
{
    size_t j = i, o = 0;
    int digits = 0, letters = 0, upper = 0, truncated = 0;
    size_t a = apos_len(t + j, len - j);
    if (a && j + a < len && is_digit(t[j + a])) { /* ’90s */
        w->flags |= TWF_APOS;
        j += a;
    }
    while (j < len) {
        unsigned char c = t[j];
        char f;
        if (is_digit(c) || is_alpha(c) || (c >= 0x80 && !upunct(t + j, len - j, &f))) {
            if (is_digit(c))
                digits++;
            else
                letters++;
            if (c >= 'A' && c <= 'Z')
                upper++;
            if (o < sizeof w->low - 1)
                w->low[o++] = (char)(c >= 'A' && c <= 'Z' ? c | 32 : c);
            else
                truncated = 1;
            j++;
            continue;
        }
        /* 1,000 and 2.5 stay one number */
        if ((c == ',' || c == '.') && digits && !letters && j + 1 < len && is_digit(t[j + 1])) {
            size_t k = j + 1;
            while (k < len && is_digit(t[k]))
                k++;
            if (c == '.' || k - j - 1 == 3) {
                w->flags |= TWF_GROUPED;
                for (size_t q = j; q < k && o < sizeof w->low - 1; q++)
                    w->low[o++] = (char)t[q];
                digits += (int)(k - j - 1);
                j = k;
                continue;
            }
        }
        a = apos_len(t + j, len - j);
        if (a && j + a < len && (is_alpha(t[j + a]) || t[j + a] >= 0x80) && letters + digits > 0 &&
            !upunct(t + j + a, len - j - a, &f)) {
            if (o < sizeof w->low - 1)
                w->low[o++] = '\'';
            j += a;
            continue;
        }
        break;
    }
    w->low[o] = 0;
    w->len = (uint8_t)o;
    if (truncated)
        w->low[0] = 0, w->len = 0; /* too long to be any word of the lexicon */
    w->s = (uint32_t)i;
    w->e = (uint32_t)j;
    w->ndigits = (uint8_t)(digits > 255 ? 255 : digits);
    if (is_alpha(t[i]) && t[i] <= 'Z')
        w->flags |= TWF_CAP;
    if (letters >= 2 && upper == letters)
        w->flags |= TWF_ALLCAP;
    /* numbers: 2025, 29th, 1990s, 1990's */
    size_t nd = 0;
    while (is_digit((unsigned char)w->low[nd]))
        nd++;
    if (nd && !(w->flags & TWF_GROUPED)) {
        const char *rest = w->low + nd;
        int plain = !*rest;
        int ord = !strcmp(rest, "st") || !strcmp(rest, "nd") || !strcmp(rest, "rd") || !strcmp(rest, "th");
        /* 1990s, '90s, 1990's; but 2019's is a possessive year */
        int dec = !strcmp(rest, "s") || (!strcmp(rest, "'s") && nd >= 2 && w->low[nd - 1] == '0');
        int poss = !strcmp(rest, "'s");
        if (plain || ord || dec || poss) {
            w->kind = TW_NUM;
            w->num = nd <= 9 ? atoi(w->low) : -1;
            w->ndigits = (uint8_t)nd;
            if (ord)
                w->flags |= TWF_ORD;
            if (dec)
                w->flags |= TWF_DECADE;
        }
    } else if (nd) {
        w->kind = TW_NUM; /* 1,000 or 2.5: a number, never a date part */
    }
    return j;
}

/* Words that announce the future (will, 'll, plans, next…) count when they
 * stand in the same sentence, at most FUT_BEFORE words before word i or
 * FUT_AFTER after it: "she will marry in June", "in June, she'll marry". */
#define FUT_BEFORE 8
#define FUT_AFTER 4
static int future_word(const hs_tscan *sc, size_t k)
{
    const hs_tw *w = &sc->w[k];
    size_t l = w->len;
    if (k > 0 && sc->w[k - 1].lex && sc->w[k - 1].lex->kw == TK_PASTAUX)
        return 0; /* was going to, were due, had planned: the future of a past */
    if (w->lex && w->lex->future == 2) /* due out, due in June; not "due to" */
        return !(k + 1 < sc->n && sc->w[k + 1].lex && sc->w[k + 1].lex->kw == TK_TO);
    return (w->lex && w->lex->future) || (l > 3 && memcmp(w->low + l - 3, "'ll", 3) == 0);
}

static void mark_future(hs_tscan *sc)
{
    for (size_t k = 0; k < sc->n; k++)
        if (sc->w[k].kind == TW_ALPHA && future_word(sc, k))
            sc->w[k].flags |= TWF_CUE;
    for (size_t i = 0; i < sc->n; i++) {
        size_t lo = i > FUT_AFTER ? i - FUT_AFTER : 0, hi = i + FUT_BEFORE < sc->n ? i + FUT_BEFORE : sc->n - 1;
        /* word i is a cue for the words from i - FUT_AFTER to i + FUT_BEFORE */
        if (!(sc->w[i].flags & TWF_CUE))
            continue;
        if (sc->w[i].lex && sc->w[i].lex->future == 3)
            lo = i + 1; /* "airs Sunday": forward only */
        for (size_t k = lo; k <= hi; k++)
            if (sc->w[k].sent == sc->w[i].sent)
                sc->w[k].flags |= TWF_FUTURE;
    }
}

int hs_tscan_future(const hs_tscan *sc, size_t i)
{
    /* "back in March", "back on Tuesday": the past, whatever stands near */
    if (i >= 2 && sc->w[i - 2].lex && sc->w[i - 2].lex->kw == TK_BACK && sc->w[i - 1].lex &&
        (sc->w[i - 1].lex->kw == TK_IN || sc->w[i - 1].lex->kw == TK_ON))
        return 0;
    return (sc->w[i].flags & TWF_FUTURE) != 0;
}

int hs_tscan_run(hs_tscan *sc, const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    sc->n = 0;
    uint32_t sent = 0;
    int space = 1, newlines = 0, pending = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = t[i];
        char fold = 0;
        size_t ul = c >= 0x80 ? upunct(t + i, len - i, &fold) : 0;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n' || (ul && fold == ' ')) {
            if (c == '\n' && ++newlines >= 2)
                pending = 2; /* a blank line always ends the sentence */
            space = 1;
            i += ul ? ul : 1;
            continue;
        }
        hs_tw *w = push_word(sc);
        if (!w)
            return HS_ENOMEM;
        size_t end;
        int wordlike = is_digit(c) || is_alpha(c) || (c >= 0x80 && !ul) ||
                       (apos_len(t + i, len - i) && i + apos_len(t + i, len - i) < len &&
                        is_digit(t[i + apos_len(t + i, len - i)]));
        if (wordlike) {
            end = scan_word(t, len, i, w);
            if (w->kind != TW_NUM)
                w->kind = TW_ALPHA;
        } else {
            w->kind = TW_PUNCT;
            w->s = (uint32_t)i;
            end = i + (ul ? ul : 1);
            w->e = (uint32_t)end;
            w->low[0] = ul ? fold : (char)c;
            w->low[1] = 0;
            w->len = 1;
        }
        if (space)
            w->flags |= TWF_SPACE;
        /* a pending full stop ends the sentence before a capital or a quote */
        if (pending == 2 || (pending == 1 && ((w->flags & TWF_CAP) || w->kind == TW_PUNCT)))
            sent++;
        pending = 0;
        if (sc->n == 1 || (sc->n > 1 && sc->w[sc->n - 2].sent != sent))
            w->flags |= TWF_SENT;
        w->sent = sent;
        if (w->kind != TW_PUNCT && w->low[0]) {
            w->lex = hs_lex_find(w->low);
            size_t l = w->len;
            if (!w->lex && l > 2 && w->low[l - 2] == '\'' && w->low[l - 1] == 's') { /* Tuesday's */
                char base[sizeof w->low];
                memcpy(base, w->low, l - 2);
                base[l - 2] = 0;
                w->lex = hs_lex_find(base);
            }
        }
        if (w->kind == TW_PUNCT && (c == '.' || c == '!' || c == '?' || fold == '.')) {
            const hs_tw *prev = sc->n >= 2 ? &sc->w[sc->n - 2] : NULL;
            if (!(c == '.' && prev && prev->kind == TW_ALPHA && is_abbrev(prev->low)))
                pending = 1;
        }
        space = 0;
        newlines = 0;
        i = end;
    }
    mark_future(sc);
    return 0;
}

void hs_tscan_free(hs_tscan *sc)
{
    free(sc->w);
    memset(sc, 0, sizeof *sc);
}
