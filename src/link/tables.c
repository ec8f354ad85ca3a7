/* The link layer's tables: folding, a small string map, and the loaders of
 * data/first_names.tsv, data/outlets.txt and data/link_words.tsv. */
#include "link/link.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- folding ------------------------------------------------------------------ */

size_t hs_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = o > 0;
                continue;
            }
            if (space) {
                if (o + 1 >= cap)
                    return (size_t)-1;
                out[o++] = ' ';
                space = 0;
            }
            if (o + 1 >= cap)
                return (size_t)-1;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        i += (size_t)k;
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            cp = '\'';
        }
        /* decompose, drop the marks, case-fold what is left */
        utf8proc_int32_t buf[8];
        int opts = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 8, (utf8proc_option_t)opts, NULL);
        if (m < 0 || m > 8) {
            buf[0] = cp;
            m = 1;
        }
        if (space) {
            if (o + 1 >= cap)
                return (size_t)-1;
            out[o++] = ' ';
            space = 0;
        }
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (o + 5 >= cap)
                return (size_t)-1;
            o += (size_t)utf8proc_encode_char(buf[j], (utf8proc_uint8_t *)out + o);
        }
    }
    if (o >= cap)
        return (size_t)-1;
    out[o] = 0;
    return o;
}

/* ---- the map ------------------------------------------------------------------ */

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static size_t slot_h(const hs_linkwords *m, const char *key, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    while (m->keys[i] && !(m->hs[i] == (uint32_t)h && m->lens[i] == n && memcmp(m->keys[i], key, n) == 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static size_t slot(const hs_linkwords *m, const char *key, size_t n) { return slot_h(m, key, n, hash(key, n)); }

static int grow(hs_linkwords *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    hs_linkwords big = {calloc(ncap, sizeof(char *)), calloc(ncap, sizeof(uint32_t)), calloc(ncap, sizeof(uint32_t)),
                        calloc(ncap, sizeof(hs_lw_entry)), 0, ncap, m->max_words};
    if (!big.keys || !big.lens || !big.hs || !big.vals) {
        free(big.keys);
        free(big.lens);
        free(big.hs);
        free(big.vals);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        uint64_t h = hash(m->keys[i], m->lens[i]);
        size_t j = slot_h(&big, m->keys[i], m->lens[i], h);
        big.keys[j] = m->keys[i];
        big.lens[j] = m->lens[i];
        big.hs[j] = (uint32_t)h;
        big.vals[j] = m->vals[i];
        big.n++;
    }
    free(m->keys);
    free(m->lens);
    free(m->hs);
    free(m->vals);
    *m = big;
    return 0;
}

int hs_lw_add(hs_linkwords *m, const char *key, size_t n, uint32_t cls, uint8_t gender)
{
    if ((m->n + 1) * 2 > m->cap && grow(m))
        return HS_ENOMEM;
    uint64_t h = hash(key, n);
    size_t i = slot_h(m, key, n, h);
    if (!m->keys[i]) {
        m->keys[i] = malloc(n + 1);
        if (!m->keys[i])
            return hs_error_set(HS_ENOMEM, "out of memory");
        memcpy(m->keys[i], key, n);
        m->keys[i][n] = 0;
        m->lens[i] = (uint32_t)n;
        m->hs[i] = (uint32_t)h;
        m->n++;
        size_t words = 1;
        for (size_t k = 0; k < n; k++)
            words += key[k] == ' ';
        if (words > m->max_words)
            m->max_words = words;
    }
    m->vals[i].cls |= cls;
    if (gender && !m->vals[i].gender)
        m->vals[i].gender = gender;
    return 0;
}

const hs_lw_entry *hs_lw_get(const hs_linkwords *m, const char *key, size_t n)
{
    if (!m || !m->cap)
        return NULL;
    size_t i = slot(m, key, n);
    return m->keys[i] ? &m->vals[i] : NULL;
}

void hs_lw_free(hs_linkwords *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->hs);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- loaders ------------------------------------------------------------------ */

static const struct {
    const char *name;
    uint32_t cls;
} classes[] = {
    {"title", HS_LW_TITLE},   {"nationality", HS_LW_NATIONALITY}, {"role", HS_LW_ROLE},
    {"particle", HS_LW_PARTICLE}, {"stop", HS_LW_STOP},       {"place", HS_LW_PLACE},
    {"orgword", HS_LW_ORGWORD}, {"occupation", HS_LW_ROLE | HS_LW_OCCUPATION},
    {"kin", HS_LW_ROLE | HS_LW_KIN}, {"pressword", HS_LW_ORGWORD | HS_LW_PRESS},
    {"orghead", HS_LW_ORGWORD | HS_LW_ORGHEAD}, {"org", HS_LW_ORGNAME},
    {"event", HS_LW_EVENTNAME}, {"personverb", HS_LW_PERSONVERB},
};

static int gender_of(const char *s, uint8_t *g)
{
    if (!*s)
        *g = HS_G_UNKNOWN;
    else if (!strcmp(s, "m"))
        *g = HS_G_MALE;
    else if (!strcmp(s, "f"))
        *g = HS_G_FEMALE;
    else if (!strcmp(s, "p"))
        *g = HS_G_PLURAL;
    else if (!strcmp(s, "u"))
        *g = HS_G_UNKNOWN;
    else
        return -1;
    return 0;
}

/* One table file.  kind 0: first names (NAME\tGENDER); 1: outlets (NAME);
 * 2: link words (WORD\tCLASS[\tGENDER]).  A missing file is an empty table. */
static int load_file(hs_linkwords *m, const char *dir, const char *file, int kind)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? 0 : hs_error_set(HS_EIO, "%s: %s", path, strerror(errno));
    char line[1024], key[512];
    size_t lineno = 0;
    int rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: line longer than %zu bytes", path, lineno, sizeof line - 2);
            break;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (!n || line[0] == '#')
            continue;
        char *f1 = line, *f2 = strchr(line, '\t'), *f3 = NULL;
        if (f2) {
            *f2++ = 0;
            if ((f3 = strchr(f2, '\t')) != NULL)
                *f3++ = 0;
        }
        uint32_t cls = 0;
        uint8_t g = 0;
        if (kind == 1) {
            cls = HS_LW_OUTLET;
            if (f2) {
                rc = hs_error_set(HS_EINPUT, "%s:%zu: an outlet line holds one name and no tab", path, lineno);
                break;
            }
        } else if (kind == 0) {
            cls = HS_LW_FIRST;
            if (!f2 || f3 || gender_of(f2, &g)) {
                rc = hs_error_set(HS_EINPUT, "%s:%zu: want NAME<TAB>m|f|u", path, lineno);
                break;
            }
        } else {
            for (size_t k = 0; f2 && k < sizeof classes / sizeof classes[0]; k++)
                if (!strcmp(f2, classes[k].name))
                    cls = classes[k].cls;
            if (!cls || gender_of(f3 ? f3 : "", &g)) {
                rc = hs_error_set(HS_EINPUT, "%s:%zu: want WORD<TAB>CLASS[<TAB>m|f|p] with a known class, got '%s'",
                                  path, lineno, f2 ? f2 : "");
                break;
            }
        }
        if (kind == 1 && f1[0] == '?') {
            f1++; /* "?People": also an ordinary word */
            cls |= HS_LW_AMBIGUOUS;
        }
        size_t kn = hs_fold(f1, strlen(f1), key, sizeof key);
        if (kn == (size_t)-1 || kn == 0) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: empty or overlong entry", path, lineno);
            break;
        }
        rc = hs_lw_add(m, key, kn, cls, g);
    }
    if (!rc && ferror(f))
        rc = hs_error_set(HS_EIO, "%s: read error", path);
    fclose(f);
    return rc;
}

int hs_link_tables_load(hs_linkwords **out, const char *data_dir)
{
    *out = NULL;
    hs_linkwords *m = calloc(1, sizeof *m);
    if (!m)
        return hs_error_set(HS_ENOMEM, "out of memory");
    int rc = 0;
    if (data_dir) {
        rc = load_file(m, data_dir, "first_names.tsv", 0);
        if (!rc)
            rc = load_file(m, data_dir, "outlets.txt", 1);
        if (!rc)
            rc = load_file(m, data_dir, "link_words.tsv", 2);
    }
    if (rc) {
        hs_link_tables_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void hs_link_tables_free(hs_linkwords *t)
{
    if (!t)
        return;
    hs_lw_free(t);
    free(t);
}
