/* The tokenizer: news English into tokens with byte offsets.
 *
 * Conventions follow Universal Dependencies English (GUM, EWT), which our
 * taggers are trained on: clitics split off ("she" "'s", "do" "n't"), hyphens
 * are tokens of their own ("Díaz" "-" "Canel", flagged HS_TF_HYPHENATED), a
 * currency sign is split from its number ("$" "5").  Kept whole: initials and
 * abbreviations with their periods (U.S., Mr., J.), numbers with separators
 * (1,000  3.5  10:30  3/29/2025), URLs, e-mail addresses, names with an inner
 * apostrophe (O'Brien), censored words (f**k), AT&T-style names, decades ('90s).
 * Slashes between words are tokens (AP/PTI → AP / PTI). */
#include "text.h"

#include <string.h>

typedef struct {
    const char *s;
    size_t len;
} src_t;

static inline unsigned cls_at(const src_t *t, size_t i, int32_t *cp, size_t *adv)
{
    if (i >= t->len) {
        *cp = 0;
        *adv = 0;
        return 0;
    }
    *cp = hs_text_cp(t->s, t->len, i, adv);
    return hs_cc(*cp);
}

static inline int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int lower_eq(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return 0;
    }
    return 1;
}

/* Length of the clitic that starts with an apostrophe at i ('s 're 've 'll 'd 'm),
 * or 0: the letters after the apostrophe must end the word. */
static size_t clitic_after(const src_t *t, size_t i)
{
    static const char *const suffixes[] = {"s", "re", "ve", "ll", "d", "m"};
    int32_t cp;
    size_t adv, a;
    cls_at(t, i, &cp, &a);
    if (!is_apos(cp))
        return 0;
    size_t j = i + a, k = j;
    while (k < t->len && (hs_cc((unsigned char)t->s[k]) & HS_CC_LETTER) && (unsigned char)t->s[k] < 0x80)
        k++;
    if (k == j || k - j > 2)
        return 0;
    if (cls_at(t, k, &cp, &adv) & HS_CC_WORD)
        return 0;
    for (size_t x = 0; x < sizeof suffixes / sizeof suffixes[0]; x++)
        if (lower_eq(t->s + j, k - j, suffixes[x]))
            return k - i;
    return 0;
}

/* "n't" at i (an 'n' followed by an apostrophe and 't' that ends the word): its length, or 0. */
static size_t nt_at(const src_t *t, size_t i)
{
    if (i >= t->len || (t->s[i] != 'n' && t->s[i] != 'N'))
        return 0;
    int32_t cp;
    size_t a, adv;
    cls_at(t, i + 1, &cp, &a);
    if (!is_apos(cp))
        return 0;
    size_t j = i + 1 + a;
    if (j >= t->len || (t->s[j] != 't' && t->s[j] != 'T'))
        return 0;
    if (cls_at(t, j + 1, &cp, &adv) & HS_CC_WORD)
        return 0;
    return j + 1 - i;
}

/* A URL at i: its end, or 0.  Trailing punctuation is left out. */
static size_t url_at(const src_t *t, size_t i)
{
    const char *p = t->s + i;
    size_t rest = t->len - i;
    if (*p != 'h' && *p != 'w') /* most words: none of the three */
        return 0;
    if (!((rest > 7 && strncmp(p, "http://", 7) == 0) || (rest > 8 && strncmp(p, "https://", 8) == 0) ||
          (rest > 4 && strncmp(p, "www.", 4) == 0)))
        return 0;
    size_t j = i, open = 0;
    while (j < t->len) {
        unsigned char c = (unsigned char)t->s[j];
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c >= 0x80)
            break;
        if (c == '(')
            open++;
        j++;
    }
    while (j > i) {
        char c = t->s[j - 1];
        if (strchr(".,;:!?'", c) || (c == ')' && !open) || c == ']')
            j--;
        else
            break;
    }
    return j;
}

/* Punctuation allowed in the local part of an e-mail address. */
static inline int is_local_punct(char c) { return c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

/* An e-mail address at i: its end, or 0. */
static size_t email_at(const src_t *t, size_t i)
{
    size_t j = i;
    while (j < t->len && (is_local_punct(t->s[j]) || ((unsigned char)t->s[j] < 0x80 &&
                                                        (hs_cc((unsigned char)t->s[j]) & (HS_CC_LETTER | HS_CC_DIGIT)))))
        j++;
    if (j == i || j >= t->len || t->s[j] != '@')
        return 0;
    size_t k = j + 1, last_dot = 0;
    while (k < t->len && ((unsigned char)t->s[k] < 0x80) &&
           (t->s[k] == '.' || t->s[k] == '-' || (hs_cc((unsigned char)t->s[k]) & (HS_CC_LETTER | HS_CC_DIGIT)))) {
        if (t->s[k] == '.')
            last_dot = k;
        k++;
    }
    while (k > j + 1 && (t->s[k - 1] == '.' || t->s[k - 1] == '-'))
        k--;
    if (!last_dot || last_dot + 2 >= k + 1 || last_dot <= j + 1 || last_dot >= k)
        return 0;
    return k;
}

typedef struct {
    size_t end;      /* end of the word run */
    int has_digit, has_letter, has_inner_dot, first_digit;
    size_t seg_start; /* start of the last dot-separated segment */
} word_t;

/* Scan a word at i (a word character): letters, digits and marks, joined by the
 * inner connectors the file comment lists.  Stops before a clitic. */
static void scan_word(const src_t *t, size_t i, word_t *w)
{
    int32_t cp;
    size_t adv, j = i;
    unsigned pc = 0, c;
    memset(w, 0, sizeof *w);
    w->seg_start = i;
    w->first_digit = (hs_cc((unsigned char)t->s[i]) & HS_CC_DIGIT) != 0;
    for (;;) {
        c = cls_at(t, j, &cp, &adv);
        if (c & HS_CC_WORD) {
            if (c & HS_CC_DIGIT)
                w->has_digit = 1;
            if (c & HS_CC_LETTER)
                w->has_letter = 1;
            if ((c & HS_CC_LETTER) && j > i && (t->s[j] == 'n' || t->s[j] == 'N') && nt_at(t, j))
                break; /* do|n't, ca|n't */
            pc = c, j += adv;
            continue;
        }
        if (j == i || j >= t->len)
            break;
        int32_t ncp;
        size_t nadv;
        unsigned nc = cls_at(t, j + adv, &ncp, &nadv);
        if (cp == '.' && (pc & HS_CC_LETTER) && (nc & HS_CC_LETTER) && j - w->seg_start <= 3 &&
            !(pc & HS_CC_DIGIT)) {
            /* U.S, e.g, Ph.D, a.m */
            w->has_inner_dot = 1;
            j += adv;
            w->seg_start = j;
            continue;
        }
        if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') && (pc & HS_CC_DIGIT) && (nc & HS_CC_DIGIT)) {
            if (cp == ',') { /* 1,000 but not "1,2" lists: three digits must follow */
                size_t k = j + 1, d = 0;
                while (k < t->len && t->s[k] >= '0' && t->s[k] <= '9')
                    k++, d++;
                if (d != 3)
                    break;
            }
            j += adv;
            continue;
        }
        if (is_apos(cp) && (pc & HS_CC_LETTER) && (nc & HS_CC_LETTER)) {
            if (clitic_after(t, j))
                break;
            j += adv; /* O'Brien, D’Angelo */
            continue;
        }
        if (cp == '*' && (pc & HS_CC_LETTER)) {
            size_t k = j;
            while (k < t->len && t->s[k] == '*')
                k++;
            int32_t acp;
            size_t aadv;
            unsigned ac = cls_at(t, k, &acp, &aadv);
            if ((ac & HS_CC_LETTER) || (k - j >= 2 && !(ac & HS_CC_WORD))) {
                j = k; /* f**k, s***, f*cking */
                continue;
            }
            break;
        }
        if (cp == '&' && (pc & HS_CC_UPPER) && (nc & HS_CC_UPPER)) {
            j += adv; /* AT&T, R&B, Q&A */
            continue;
        }
        if (cp == '_' && (nc & HS_CC_WORD)) {
            j += adv;
            continue;
        }
        break;
    }
    w->end = j;
}

/* Push a token. */
static int emit(hs_doc *d, size_t start, size_t end, int kind, unsigned flags)
{
    hs_tok *t = HS_PUSH(&d->toks);
    if (!t)
        return HS_ENOMEM;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint8_t)kind;
    t->flags = (uint16_t)flags;
    t->upos = HS_UPOS_X;
    t->head = -1;
    t->quote = -1;
    return 0;
}

/* Letter-case flags of a word token. */
static unsigned case_flags(const src_t *t, size_t start, size_t end)
{
    int32_t cp;
    size_t adv;
    unsigned c = cls_at(t, start, &cp, &adv), f = 0;
    if (c & HS_CC_UPPER)
        f |= HS_TF_UPPER_INITIAL;
    size_t letters = 0, upper = 0;
    for (size_t i = start; i < end; i += adv) {
        c = cls_at(t, i, &cp, &adv);
        if (c & HS_CC_LETTER) {
            letters++;
            if (c & HS_CC_UPPER)
                upper++;
        }
        if (c & HS_CC_DIGIT)
            f |= HS_TF_HAS_DIGIT;
    }
    if (letters >= 2 && upper == letters)
        f |= HS_TF_ALL_UPPER;
    return f;
}

/* Does the text hold a blank line (a line break, white space, a line break)? */
static int has_blank_line(const src_t *t)
{
    const char *p = t->s, *end = t->s + t->len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p < end && *p == '\n')
            return 1;
    }
    return 0;
}

/* Words clipped at the front with an apostrophe: ’em, ’til, ’cause, rock ’n’ roll. */
static size_t clipped_word(const src_t *t, size_t i, size_t a)
{
    static const char *const clipped[] = {"bout", "cause", "em", "n", "til", "tis", "twas"};
    size_t j = i + a, k = j;
    while (k < t->len && t->s[k] >= 'a' && t->s[k] <= 'z')
        k++;
    int32_t cp;
    size_t adv;
    unsigned c = cls_at(t, k, &cp, &adv);
    if (k == j || (c & HS_CC_WORD))
        return 0;
    for (size_t x = 0; x < sizeof clipped / sizeof clipped[0]; x++)
        if (lower_eq(t->s + j, k - j, clipped[x])) {
            if (k - j == 1 && !is_apos(cp))
                return 0; /* 'n' needs its closing apostrophe */
            return (k - j == 1 ? k + adv : k) - i;
        }
    return 0;
}

int hs_text_tokenize(hs_doc *d)
{
    src_t t = {d->text, d->len};
    int blank_paras = has_blank_line(&t);
    /* an e-mail address needs an '@': without one in the text, no word is tried as one */
    const char *at = memchr(t.s, '@', t.len);
    size_t i = 0;
    int space = 0, nl = 0;
    d->toks.n = 0;
    if (HS_RESERVE(&d->toks, d->len / 5 + 16))
        return HS_ENOMEM;
    while (i < t.len) {
        int32_t cp;
        size_t adv;
        unsigned c = cls_at(&t, i, &cp, &adv);
        if (c & (HS_CC_SPACE | HS_CC_NL)) {
            space = 1;
            if (c & HS_CC_NL)
                nl++;
            i += adv;
            continue;
        }
        unsigned flags = (space ? HS_TF_SPACE_BEFORE : 0) | (nl ? HS_TF_NEWLINE_BEFORE : 0);
        if (d->toks.n == 0 || nl >= 2 || (nl == 1 && !blank_paras))
            flags |= HS_TF_PARA_START;
        space = nl = 0;
        size_t start = i, end;
        int rc;
        if ((end = url_at(&t, i)) > i) {
            rc = emit(d, start, end, HS_TK_URL, flags);
        } else if (at && (c & (HS_CC_LETTER | HS_CC_DIGIT)) && (end = email_at(&t, i)) > i) {
            rc = emit(d, start, end, HS_TK_EMAIL, flags);
        } else if (c & HS_CC_WORD) {
            word_t w;
            scan_word(&t, i, &w);
            end = w.end;
            int kind = w.first_digit ? HS_TK_NUMBER : HS_TK_WORD;
            unsigned f = flags | case_flags(&t, start, end);
            if (end < t.len && t.s[end] == '.') {
                int ab = w.has_digit ? HS_AB_NONE : hs_abbrev_class(t.s + start, end - start);
                int initial = end - start == 1 && (f & HS_TF_UPPER_INITIAL);
                if (ab == HS_AB_NUMERIC) { /* No. 5 */
                    size_t k = end + 1;
                    while (k < t.len && t.s[k] == ' ')
                        k++;
                    if (!(k < t.len && t.s[k] >= '0' && t.s[k] <= '9'))
                        ab = HS_AB_NONE;
                }
                if (w.has_inner_dot || initial || ab != HS_AB_NONE) {
                    end++;
                    f |= HS_TF_ABBREV;
                }
            }
            rc = emit(d, start, end, kind, f);
            /* a clitic glued to the word */
            size_t k;
            if (!rc && (k = nt_at(&t, end)) > 0) {
                rc = emit(d, end, end + k, HS_TK_CLITIC, 0);
                end += k;
            } else if (!rc && (k = clitic_after(&t, end)) > 0) {
                rc = emit(d, end, end + k, HS_TK_CLITIC, 0);
                end += k;
            }
        } else if (c & HS_CC_QUOTE) {
            end = i + adv;
            size_t k;
            if (is_apos(cp) && i + adv < t.len && t.s[i + adv] >= '0' && t.s[i + adv] <= '9') {
                /* ’90s, '07 */
                k = i + adv;
                while (k < t.len && t.s[k] >= '0' && t.s[k] <= '9')
                    k++;
                if (k - (i + adv) == 2 && !(k < t.len && (hs_cc((unsigned char)t.s[k]) & HS_CC_DIGIT))) {
                    if (k < t.len && t.s[k] == 's')
                        k++;
                    rc = emit(d, start, k, HS_TK_NUMBER, flags | HS_TF_HAS_DIGIT);
                    i = k;
                    if (rc)
                        return rc;
                    continue;
                }
            }
            if (is_apos(cp) && (k = clipped_word(&t, i, adv)) > 0) {
                rc = emit(d, start, i + k, HS_TK_WORD, flags);
                i += k;
                if (rc)
                    return rc;
                continue;
            }
            if ((cp == '`' || cp == '\'') && i + 1 < t.len && t.s[i + 1] == cp)
                end = i + 2; /* `` and '' */
            rc = emit(d, start, end, HS_TK_QUOTE, flags);
        } else if (c & HS_CC_CURRENCY) {
            end = i + adv;
            rc = emit(d, start, end, HS_TK_MONEY, flags);
        } else {
            end = i + adv;
            if (cp == '.' || cp == '!' || cp == '?') /* runs: ... !!! ?! */
                while (end < t.len && (t.s[end] == '.' || t.s[end] == '!' || t.s[end] == '?'))
                    end++;
            else if (cp == '-') /* -- */
                while (end < t.len && t.s[end] == '-')
                    end++;
            rc = emit(d, start, end, (c & HS_CC_PUNCT) ? HS_TK_PUNCT : HS_TK_SYMBOL, flags);
        }
        if (rc)
            return rc;
        i = end;
    }
    /* hyphenated compounds: word - word with no space around the hyphen */
    for (size_t k = 1; k + 1 < d->toks.n; k++) {
        hs_tok *h = &d->toks.v[k];
        if (h->kind == HS_TK_PUNCT && h->end - h->start == 1 && d->text[h->start] == '-' &&
            !(h->flags & HS_TF_SPACE_BEFORE) && !(h[1].flags & HS_TF_SPACE_BEFORE) &&
            h[-1].kind != HS_TK_PUNCT && h[1].kind != HS_TK_PUNCT) {
            h[-1].flags |= HS_TF_HYPHENATED;
            h->flags |= HS_TF_HYPHENATED;
            h[1].flags |= HS_TF_HYPHENATED;
        }
    }
    return 0;
}
