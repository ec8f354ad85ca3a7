/* Loading and looking up the attribution tables (see tables.h). */
#include "attrib/tables.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "hearsay.h"

#define KEY_MAX 96 /* longest normalised phrase, in bytes */

typedef struct slot {
    uint32_t key;    /* offset of the key in pool + 1; 0 = empty slot */
    uint16_t len;    /* key length */
    uint16_t maxlen; /* longest phrase whose first word is this key (0: not a first word) */
    uint32_t h;      /* low bits of the key's hash: most probes never read the pool */
    hs_tb_entry e;
} slot;

/* The proper prefixes of the phrases (every byte length short of the whole),
 * as a Bloom filter of their hashes: two bits of PREFIX_BITS each.  A key
 * that is no such prefix cannot grow into a phrase, so matching stops there. */
#define PREFIX_BITS 18

struct hs_tables {
    slot *slots;
    size_t cap, n, phrases;
    char *pool;
    size_t pool_len, pool_cap;
    uint64_t *prefix; /* (1 << PREFIX_BITS) bits */
};

/* One table file: its name, and what its lines mean. */
typedef enum { FMT_WORDS, FMT_CUES, FMT_HEDGES, FMT_NAMES } file_fmt;
static const struct {
    const char *name;
    file_fmt fmt;
    unsigned cls;
} table_files[] = {
    {"cues.txt", FMT_CUES, 0},
    {"cues_learned.txt", FMT_CUES, 0},
    {"anonymous.txt", FMT_WORDS, HS_TB_ANON},
    {"representatives.txt", FMT_WORDS, HS_TB_REP},
    {"documents.txt", FMT_WORDS, HS_TB_DOC},
    {"surveys.txt", FMT_WORDS, HS_TB_DOC | HS_TB_SURVEY},
    {"organizations.txt", FMT_WORDS, HS_TB_ORG},
    {"titles.txt", FMT_WORDS, HS_TB_TITLE},
    {"hedges.txt", FMT_HEDGES, HS_TB_HEDGE},
    {"outlets.txt", FMT_NAMES, HS_TB_OUTLET},
    {"outlet_words.txt", FMT_NAMES, HS_TB_OUTLET_WORD},
    {"not_speakers.txt", FMT_NAMES, HS_TB_NOT_SPEAKER},
    {"outlet_refs.txt", FMT_NAMES, HS_TB_OUTLET_REF},
    {"verb_only.txt", FMT_WORDS, HS_TB_VERB_ONLY},
};

#define HASH_SEED 1469598103934665603ull

/* FNV-1a of s[0..n) continued from h (HASH_SEED to start): a key's hash grows with the key. */
static uint64_t hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static uint64_t hash(const char *s, size_t n) { return hash_more(HASH_SEED, s, n); }

/* Normalise s[0..n) onto out[0..k) (KEY_MAX bytes in all), *space saying
 * whether white space is pending; returns the new length, or KEY_MAX + 1 when
 * it does not fit.  '_' counts as a space when `underscore`.  Text can be
 * normalised in pieces that end where characters end: the same key. */
static size_t normalise_more(const char *s, size_t n, char *out, size_t k, int *space_io, int underscore)
{
    int space = *space_io;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (underscore && c == '_')) {
            space = k > 0;
            continue;
        }
        if (space) {
            if (k >= KEY_MAX)
                return KEY_MAX + 1;
            out[k++] = ' ';
            space = 0;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        if (k >= KEY_MAX)
            return KEY_MAX + 1;
        out[k++] = (char)c;
    }
    *space_io = space;
    return k;
}

static size_t normalise(const char *s, size_t n, char *out, int underscore)
{
    int space = 0;
    return normalise_more(s, n, out, 0, &space, underscore);
}

/* Bytes that end a first word: a space and ASCII punctuation (not '_' or '\\'). */
static const unsigned char ends_word[256] = {
    [' '] = 1, ['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1,
    [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, [':'] = 1, [';'] = 1,
    ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, [']'] = 1, ['^'] = 1, ['`'] = 1,
    ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

/* Length of the first word of a normalised key: up to a space or ASCII punctuation. */
static size_t first_word(const char *k, size_t n)
{
    size_t i = 0;
    while (i < n && !ends_word[(unsigned char)k[i]])
        i++;
    return i ? i : (n ? 1 : 0);
}

static slot *find_h(const struct hs_tables *t, const char *k, size_t n, uint64_t h)
{
    if (!t->cap)
        return NULL;
    size_t m = t->cap - 1, i = (size_t)h & m;
    for (;;) {
        slot *s = &t->slots[i];
        if (!s->key || (s->h == (uint32_t)h && s->len == n && memcmp(t->pool + s->key - 1, k, n) == 0))
            return s;
        i = (i + 1) & m;
    }
}

static slot *find(const struct hs_tables *t, const char *k, size_t n) { return find_h(t, k, n, hash(k, n)); }

static void prefix_add(struct hs_tables *t, uint64_t h)
{
    const uint64_t m = ((uint64_t)1 << PREFIX_BITS) - 1, a = h & m, b = (h >> 32) & m;
    t->prefix[a >> 6] |= (uint64_t)1 << (a & 63);
    t->prefix[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Can the key of hash h be a proper prefix of a phrase?  (0: surely not.) */
static int prefix_may(const struct hs_tables *t, uint64_t h)
{
    const uint64_t m = ((uint64_t)1 << PREFIX_BITS) - 1, a = h & m, b = (h >> 32) & m;
    return (t->prefix[a >> 6] >> (a & 63) & 1) && (t->prefix[b >> 6] >> (b & 63) & 1);
}

/* Fill the prefix filter from every phrase of the table. */
static int build_prefixes(struct hs_tables *t)
{
    t->prefix = calloc(((size_t)1 << PREFIX_BITS) / 64, sizeof *t->prefix);
    if (!t->prefix)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->cap; i++) {
        const slot *s = &t->slots[i];
        if (!s->key || !s->e.cls)
            continue;
        const char *k = t->pool + s->key - 1;
        uint64_t h = HASH_SEED;
        for (size_t p = 0; p + 1 < s->len; p++) {
            h = hash_more(h, k + p, 1);
            prefix_add(t, h);
        }
    }
    return 0;
}

static int grow(struct hs_tables *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 1024;
    slot *old = t->slots;
    size_t ocap = t->cap;
    t->slots = calloc(ncap, sizeof *t->slots);
    if (!t->slots) {
        t->slots = old;
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    t->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key)
            continue;
        slot *s = find(t, t->pool + old[i].key - 1, old[i].len);
        *s = old[i];
    }
    free(old);
    return 0;
}

/* The slot for key k (created empty when absent). */
static slot *intern(struct hs_tables *t, const char *k, size_t n)
{
    if ((t->n + 1) * 2 > t->cap && grow(t))
        return NULL;
    slot *s = find(t, k, n);
    if (s->key)
        return s;
    if (t->pool_len + n + 1 > t->pool_cap) {
        size_t nc = t->pool_cap ? t->pool_cap * 2 : 8192;
        while (nc < t->pool_len + n + 1)
            nc *= 2;
        char *p = realloc(t->pool, nc);
        if (!p) {
            hs_error_set(HS_ENOMEM, "out of memory");
            return NULL;
        }
        t->pool = p;
        t->pool_cap = nc;
    }
    memcpy(t->pool + t->pool_len, k, n);
    t->pool[t->pool_len + n] = 0;
    s->key = (uint32_t)t->pool_len + 1;
    s->len = (uint16_t)n;
    s->h = (uint32_t)hash(k, n);
    t->pool_len += n + 1;
    t->n++;
    return s;
}

static int add_phrase(struct hs_tables *t, const char *k, size_t n, unsigned cls, int hedge_kind)
{
    slot *s = intern(t, k, n);
    if (!s)
        return HS_ENOMEM;
    if (!s->e.cls)
        t->phrases++;
    s->e.cls |= (uint32_t)cls;
    if (cls & HS_TB_HEDGE)
        s->e.hedge_kind = (uint8_t)hedge_kind;
    size_t fw = first_word(k, n);
    slot *f = intern(t, k, fw);
    if (!f)
        return HS_ENOMEM;
    if (f->maxlen < n)
        f->maxlen = (uint16_t)n;
    return 0;
}

static int hedge_kind_of(const char *w, size_t n)
{
    for (int k = 0; k < HS_HK_COUNT; k++)
        if (strlen(hs_hedge_kind_names[k]) == n && memcmp(hs_hedge_kind_names[k], w, n) == 0)
            return k;
    return -1;
}

/* Split the next white-space separated field off *p. */
static size_t field(char **p, char **start)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    *start = s;
    while (*s && *s != ' ' && *s != '\t')
        s++;
    *p = s;
    return (size_t)(s - *start);
}

static int load_line(struct hs_tables *t, const char *path, int lineno, char *line, file_fmt fmt,
                     unsigned cls)
{
    char key[KEY_MAX + 1];
    char *p = line, *w;
    size_t wn;
    int hk = 0;
    if (fmt == FMT_NAMES) {
        size_t n = normalise(line, strlen(line), key, 0);
        if (n > KEY_MAX)
            return hs_error_set(HS_EINPUT, "%s:%d: name longer than %d bytes", path, lineno, KEY_MAX);
        return add_phrase(t, key, n, cls, 0);
    }
    if (fmt == FMT_CUES || fmt == FMT_HEDGES) {
        wn = field(&p, &w);
        if (fmt == FMT_CUES) {
            if (wn == 4 && memcmp(w, "verb", 4) == 0)
                cls = HS_TB_CUE_VERB;
            else if (wn == 4 && memcmp(w, "weak", 4) == 0)
                cls = HS_TB_CUE_VERB | HS_TB_CUE_WEAK;
            else if (wn == 7 && memcmp(w, "opinion", 7) == 0)
                cls = HS_TB_CUE_VERB | HS_TB_CUE_WEAK | HS_TB_CUE_OPINION;
            else if (wn == 4 && memcmp(w, "tell", 4) == 0)
                cls = HS_TB_CUE_VERB | HS_TB_CUE_OBJ;
            else if (wn == 4 && memcmp(w, "prep", 4) == 0)
                cls = HS_TB_CUE_PREP;
            else if (wn == 5 && memcmp(w, "raise", 5) == 0)
                cls = HS_TB_CUE_VERB | HS_TB_CUE_WEAK | HS_TB_CUE_RAISE;
            else if (wn == 4 && memcmp(w, "noun", 4) == 0)
                cls = HS_TB_CUE_NOUN;
            else if (wn == 2 && memcmp(w, "as", 2) == 0)
                cls = HS_TB_CUE_AS;
            else
                return hs_error_set(HS_EINPUT, "%s:%d: unknown cue kind '%.*s' (want verb, tell, weak, opinion, prep, raise, noun or as)",
                                    path, lineno, (int)wn, w);
        } else if ((hk = hedge_kind_of(w, wn)) < 0) {
            return hs_error_set(HS_EINPUT,
                                "%s:%d: unknown hedge kind '%.*s' (want reportive, rumour, epistemic or denial)",
                                path, lineno, (int)wn, w);
        }
    }
    int words = 0;
    while ((wn = field(&p, &w)) > 0) {
        size_t n = normalise(w, wn, key, 1);
        if (n > KEY_MAX)
            return hs_error_set(HS_EINPUT, "%s:%d: phrase longer than %d bytes", path, lineno, KEY_MAX);
        int rc = add_phrase(t, key, n, cls, hk);
        if (rc)
            return rc;
        words++;
        if (fmt == FMT_HEDGES && words > 1)
            return hs_error_set(HS_EINPUT, "%s:%d: one hedge phrase per line (join words with '_')",
                                path, lineno);
    }
    if (!words)
        return hs_error_set(HS_EINPUT, "%s:%d: no phrase after the kind", path, lineno);
    return 0;
}

static int load_file(struct hs_tables *t, const char *dir, file_fmt fmt, const char *name, unsigned cls)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return hs_error_set(HS_EIO, "attribution table %s: %s", path, strerror(errno));
    char line[1024];
    int lineno = 0, rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            rc = hs_error_set(HS_EINPUT, "%s:%d: line longer than %d bytes", path, lineno,
                              (int)sizeof line - 2);
            break;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = 0;
        if (hs_utf8_valid_prefix(line, n) != n) {
            rc = hs_error_set(HS_EINPUT, "%s:%d: invalid UTF-8 at byte %zu of the line", path, lineno,
                              hs_utf8_valid_prefix(line, n));
            break;
        }
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            continue;
        rc = load_line(t, path, lineno, s, fmt, cls);
    }
    if (!rc && ferror(f))
        rc = hs_error_set(HS_EIO, "attribution table %s: read error", path);
    fclose(f);
    return rc;
}

int hs_tables_load(struct hs_tables **out, const char *dir)
{
    if (!out || !dir)
        return hs_error_set(HS_EINVAL, "hs_tables_load: NULL argument");
    *out = NULL;
    struct hs_tables *t = calloc(1, sizeof *t);
    if (!t)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < sizeof table_files / sizeof table_files[0]; i++) {
        int rc = load_file(t, dir, table_files[i].fmt, table_files[i].name, table_files[i].cls);
        if (rc) {
            hs_tables_free(t);
            return rc;
        }
    }
    int rc = build_prefixes(t);
    if (rc) {
        hs_tables_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

void hs_tables_free(struct hs_tables *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t->pool);
    free(t->prefix);
    free(t);
}

size_t hs_tables_size(const struct hs_tables *t) { return t ? t->phrases : 0; }

const hs_tb_entry *hs_tables_get(const struct hs_tables *t, const char *s, size_t n)
{
    char key[KEY_MAX + 1];
    size_t k = normalise(s, n, key, 0);
    if (k > KEY_MAX)
        return NULL;
    const slot *sl = find(t, key, k);
    return sl && sl->key && sl->e.cls ? &sl->e : NULL;
}

enum { MEMO_UNKNOWN = 0, MEMO_NONE = 1, MEMO_FIRST = 2 };

uint32_t hs_tables_match(const struct hs_tables *t, uint8_t *memo, const hs_doc *d, uint32_t i, uint32_t lim,
                         unsigned cls, hs_tb_entry *e)
{
    if (!t || i >= lim || i >= d->toks.n)
        return 0;
    /* whether a token begins a phrase depends on its bytes alone: one memo
       entry for all the tokens of a word (its first token's) */
    uint32_t mi = d->tok_first ? d->tok_first[i] : i;
    if (memo && memo[mi] == MEMO_NONE)
        return 0;
    if (lim > d->toks.n)
        lim = (uint32_t)d->toks.n;
    char key[KEY_MAX + 1];
    const hs_tok *t0 = &d->toks.v[i];
    int space = 0;
    size_t n = normalise_more(HS_TOK_PTR(d, t0), HS_TOK_LEN(t0), key, 0, &space, 0);
    uint64_t h = HASH_SEED; /* of key[0..n) */
    const slot *f = NULL;
    if (n && n <= KEY_MAX) {
        size_t fw = first_word(key, n);
        h = hash_more(h, key, fw);
        f = find_h(t, key, fw, h);
        h = hash_more(h, key + fw, n - fw);
    }
    if (!f || !f->key || !f->maxlen) {
        if (memo)
            memo[mi] = MEMO_NONE;
        return 0;
    }
    if (memo)
        memo[mi] = MEMO_FIRST;
    size_t maxlen = f->maxlen;
    uint32_t best = 0;
    for (uint32_t j = i + 1; j <= lim; j++) {
        const hs_tok *a = &d->toks.v[i], *b = &d->toks.v[j - 1];
        if (j > i + 1) {
            if (b->start - a->start > maxlen + 8)
                break;
            /* the key of tokens [i, j) is that of [i, j - 1) and what follows it */
            const hs_tok *p = &d->toks.v[j - 2];
            size_t was = n;
            n = normalise_more(d->text + p->end, b->end - p->end, key, n, &space, 0);
            if (n > maxlen)
                break;
            h = hash_more(h, key + was, n - was);
        }
        const slot *s = find_h(t, key, n, h);
        if (s && s->key && (s->e.cls & cls)) {
            best = j - i;
            *e = s->e;
        }
        if (!prefix_may(t, h)) /* no phrase goes on from here */
            break;
    }
    return best;
}
