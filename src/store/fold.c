/* Folding for the store: entity keys, outlet keys, quotation keys, hashes,
 * and the small fixed tables the ledger consults (symmetric relation types,
 * named source kinds, web suffixes). */
#include "store/store.h"

#include <string.h>
#include <utf8proc.h>

/* Relation types and whether they are symmetric (DESIGN.md's list). */
static const struct {
    const char *type;
    int symmetric;
} rel_types[] = {
    {"romance", 1}, {"spouse", 1}, {"former_partner", 1}, {"family", 1},
    {"collaboration", 1}, {"meeting", 1}, {"conflict", 1}, {"employment", 0},
};

/* Source kinds that name who speaks (a named party can confirm or deny). */
static const char *const named_kinds[] = {"person", "representative", "organization"};

/* Titles before a person's name ("Senator Ingrid Vale"), folded. */
static const char *const person_titles[] = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor", "president", "pres", "judge",
    "justice", "prof", "professor", "rev", "reverend", "gen", "general", "capt", "captain", "sgt", "officer",
    "mayor", "minister", "chancellor", "secretary", "sheriff", "coach", "chef", "detective", "agent",
};

/* Trailing labels of a host name that say nothing about the outlet. */
static const char *const web_suffixes[] = {
    "com", "net", "org", "co", "uk", "au", "ca", "us", "ie", "nz", "in", "info", "news", "tv", "io", "de", "fr",
};

int hs_rel_symmetric(const char *type)
{
    for (size_t i = 0; i < sizeof rel_types / sizeof rel_types[0]; i++)
        if (strcmp(type, rel_types[i].type) == 0)
            return rel_types[i].symmetric;
    return -1;
}

int hs_source_named(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof named_kinds / sizeof named_kinds[0]; i++)
        if (strcmp(kind, named_kinds[i]) == 0)
            return 1;
    return 0;
}

uint64_t hs_text_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* What folding does with a code point: keep it, drop it, or end a word. */
enum { F_KEEP, F_DROP, F_SPACE };

static int classify(int32_t cp, int for_quote)
{
    /* apostrophes and full stops join: O'Neil → oneil, J.K. → jk */
    if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == '.')
        return for_quote ? F_SPACE : F_DROP;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return F_KEEP;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return F_DROP;
    default:
        return F_SPACE;
    }
}

/* The typographic punctuation of news text, U+2013 to U+2026 (E2 80 xx in
 * UTF-8), as fold() treats it: 1 joins like an apostrophe or full stop (’ ‘
 * and …, which NFKD makes "..."), 2 ends a word (– — “ ”), 0 not one of them. */
static int typographic(const unsigned char *p)
{
    if (p[0] != 0xE2 || p[1] != 0x80)
        return 0;
    switch (p[2]) {
    case 0x98: case 0x99: case 0xA6: return 1;
    case 0x93: case 0x94: case 0x9C: case 0x9D: return 2;
    default: return 0;
    }
}

/* fold() of a string of ASCII and typographic punctuation, without utf8proc
 * (its NFKD map costs about 5,000 instructions and an allocation a name, 26,000
 * a quotation): the same result, as ASCII letters and digits are the only such
 * characters that classify() keeps.  Returns 1 when s holds anything else
 * (nothing done). */
static int fold_ascii(hs_buf *out, const char *s, int for_quote, int *rc)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    for (; u[n]; n++)
        if (u[n] & 0x80) {
            if (!typographic(u + n))
                return 1;
            n += 2;
        }
    if ((*rc = hs_buf_reserve(out, n + 1)))
        return 0;
    char *o = out->data;
    size_t len = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        int join = c == '\'' || c == '.';
        if (c & 0x80) {
            join = typographic(u + i) == 1;
            i += 2;
        }
        if (keep) {
            if (space && len)
                o[len++] = ' ';
            space = 0;
            o[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (!join || for_quote) {
            space = 1;
        }
    }
    o[len] = 0;
    out->len = len;
    return 0;
}

/* NFKD + strip marks + case fold, then keep letters and digits, one space
 * between words. */
static int fold(hs_buf *out, const char *s, int for_quote)
{
    hs_buf_clear(out);
    if (!s)
        return 0;
    int rc = 0;
    if (!fold_ascii(out, s, for_quote, &rc))
        return rc;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                          UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (n < 0) /* invalid UTF-8: fold the bytes we have, case only */
        return hs_error_set(HS_EINPUT, "'%.40s' is not valid UTF-8", s);
    int space = 0;
    for (utf8proc_ssize_t i = 0; i < n && !rc;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(m + i, n - i, &cp);
        if (k <= 0)
            break;
        int c = classify(cp, for_quote);
        if (c == F_KEEP) {
            if (space && out->len)
                rc = hs_buf_putc(out, ' ');
            space = 0;
            if (!rc)
                rc = hs_buf_put(out, m + i, (size_t)k);
        } else if (c == F_SPACE) {
            space = 1;
        }
        i += k;
    }
    free(m);
    return rc;
}

int hs_fold_name(hs_buf *out, const char *name) { return fold(out, name, 0); }

int hs_fold_person(hs_buf *key)
{
    char *sp = key->data ? strchr(key->data, ' ') : NULL;
    if (!sp || !strchr(sp + 1, ' '))
        return 0; /* a title is dropped only when a first and a last name remain */
    size_t n = (size_t)(sp - key->data);
    for (size_t i = 0; i < sizeof person_titles / sizeof person_titles[0]; i++) {
        if (strlen(person_titles[i]) == n && memcmp(person_titles[i], key->data, n) == 0) {
            memmove(key->data, sp + 1, key->len - n);
            key->len -= n + 1;
            return 1;
        }
    }
    return 0;
}

int hs_fold_quote(hs_buf *out, const char *text) { return fold(out, text, 1); }

int hs_url_host(hs_buf *out, const char *url)
{
    hs_buf_clear(out);
    const char *p = url;
    const char *sep = strstr(p, "://");
    if (sep)
        p = sep + 3;
    if (strncasecmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (hs_buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c))
            return HS_ENOMEM;
    }
    return 0;
}

/* A web address rather than a name: a scheme, or no spaces and a last dot
 * followed by two or more letters ("people.com", not "U.S."). */
static int looks_like_host(const char *s)
{
    if (strstr(s, "://"))
        return 1;
    const char *dot = strrchr(s, '.');
    if (!dot || strchr(s, ' '))
        return 0;
    size_t n = 0;
    for (const char *p = dot + 1; *p && *p != '/'; p++, n++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            return 0;
    return n >= 2;
}

static int is_suffix(const char *label, size_t n)
{
    for (size_t i = 0; i < sizeof web_suffixes / sizeof web_suffixes[0]; i++)
        if (strlen(web_suffixes[i]) == n && memcmp(web_suffixes[i], label, n) == 0)
            return 1;
    return 0;
}

int hs_fold_outlet(hs_buf *out, const char *name)
{
    hs_buf_clear(out);
    if (!name)
        return 0;
    if (looks_like_host(name)) {
        hs_buf host = HS_BUF_INIT;
        int rc = hs_url_host(&host, name);
        if (!rc && host.len) {
            /* the last label that is not a generic suffix: people.com → people */
            size_t end = host.len;
            for (;;) {
                char *dot = memrchr(host.data, '.', end);
                size_t start = dot ? (size_t)(dot - host.data) + 1 : 0;
                if (!dot || !is_suffix(host.data + start, end - start)) {
                    host.data[end] = 0;
                    rc = hs_fold_name(out, host.data + start);
                    break;
                }
                end = (size_t)(dot - host.data);
            }
        }
        hs_buf_free(&host);
        return rc;
    }
    int rc = hs_fold_name(out, name);
    if (rc)
        return rc;
    size_t skip = (out->len > 4 && memcmp(out->data, "the ", 4) == 0) ? 4 : 0;
    size_t j = 0;
    for (size_t i = skip; i < out->len; i++)
        if (out->data[i] != ' ')
            out->data[j++] = out->data[i];
    out->len = j;
    if (out->data)
        out->data[j] = 0;
    return 0;
}
