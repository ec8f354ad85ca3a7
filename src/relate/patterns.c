/* Reading data/relations.tsv into patterns (see the file's header for the format). */
#include "relate/relate.h"
#include "link/link.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_alt_match(const char *alts, const char *f)
{
    size_t n = strlen(f);
    for (const char *p = alts; *p;) {
        const char *bar = strchr(p, '|');
        size_t k = bar ? (size_t)(bar - p) : strlen(p);
        if (k == n && memcmp(p, f, n) == 0)
            return 1;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

static int lookup(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], s))
            return (int)i;
    return -1;
}

/* Append s (folded) to the string block; its offset, or -1. */
static long put_string(hs_buf *blk, const char *s, size_t n)
{
    char tmp[1024];
    size_t k = hs_fold(s, n, tmp, sizeof tmp);
    if (k == (size_t)-1)
        return -1;
    long off = (long)blk->len;
    if (hs_buf_put(blk, tmp, k + 1))
        return -1;
    return off;
}

/* One pattern: elements separated by spaces.  Offsets into the block are
 * stored in alts as (const char *)offset until the block stops moving. */
static int parse_pattern(hs_pattern *p, char *s, hs_buf *blk, const char *name, size_t line)
{
    p->n = 0;
    int slots = 0;
    char *save = NULL;
    for (char *tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        if (p->n == HS_PAT_MAX_EL)
            return hs_error_set(HS_EINPUT, "%s:%zu: more than %d elements", name, line, HS_PAT_MAX_EL);
        hs_pat_el *el = &p->el[p->n++];
        memset(el, 0, sizeof *el);
        if (!strcmp(tok, "A") || !strcmp(tok, "B") || !strcmp(tok, "B+")) {
            el->kind = tok[0] == 'A' ? HS_PE_SLOT_A : tok[1] ? HS_PE_SLOT_BLIST : HS_PE_SLOT_B;
            slots |= tok[0] == 'A' ? 1 : 2;
            continue;
        }
        if (!strcmp(tok, "P")) {
            el->kind = HS_PE_PAIR;
            slots |= 3;
            continue;
        }
        if (!strcmp(tok, "...")) {
            el->kind = HS_PE_GAP;
            continue;
        }
        size_t n = strlen(tok);
        if (n > 1 && tok[n - 1] == '?') {
            el->optional = 1;
            n--;
        }
        long off = put_string(blk, tok, n);
        if (off < 0)
            return hs_error_set(HS_EINPUT, "%s:%zu: element too long", name, line);
        el->kind = HS_PE_WORDS;
        el->alts = (const char *)(uintptr_t)(off + 1);
    }
    if (!p->is_status && slots != 3)
        return hs_error_set(HS_EINPUT, "%s:%zu: a relation pattern needs both A and B, or P", name, line);
    if (p->is_status && slots)
        return hs_error_set(HS_EINPUT, "%s:%zu: a status cue has no A or B", name, line);
    if (!p->n)
        return hs_error_set(HS_EINPUT, "%s:%zu: empty pattern", name, line);
    return 0;
}

/* A status line's cues: one pattern per phrase of "p1|p2 two words|p3". */
static int parse_cues(hs_relate_tables *t, size_t *cap, hs_pattern *proto, char *cues, hs_buf *blk,
                      const char *name, size_t line)
{
    for (char *c = cues; c;) {
        char *bar = strchr(c, '|');
        if (bar)
            *bar = 0;
        if (t->n == *cap) {
            size_t nc = *cap ? *cap * 2 : 64;
            hs_pattern *np = realloc(t->pats, nc * sizeof *np);
            if (!np)
                return hs_error_set(HS_ENOMEM, "out of memory");
            t->pats = np;
            *cap = nc;
        }
        hs_pattern *p = &t->pats[t->n];
        *p = *proto;
        int rc = parse_pattern(p, c, blk, name, line);
        if (rc)
            return rc;
        t->n++;
        c = bar ? bar + 1 : NULL;
    }
    return 0;
}

/* Hash every alternative of every word element (matching compares hashes). */
static int hash_alternatives(hs_relate_tables *t)
{
    size_t total = 0, cap = 0;
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < t->pats[i].n; k++)
            if (t->pats[i].el[k].kind == HS_PE_WORDS)
                for (const char *p = t->pats[i].el[k].alts; *p; p++)
                    cap += *p == '|';
    for (size_t i = 0; i < t->n; i++)
        cap += t->pats[i].n;
    t->hashes = malloc((cap ? cap : 1) * sizeof *t->hashes);
    if (!t->hashes)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < t->pats[i].n; k++) {
            hs_pat_el *el = &t->pats[i].el[k];
            if (el->kind != HS_PE_WORDS)
                continue;
            el->h_off = (uint32_t)total;
            for (const char *p = el->alts;;) {
                const char *bar = strchr(p, '|');
                size_t n = bar ? (size_t)(bar - p) : strlen(p);
                t->hashes[total++] = hs_word_hash(p, n);
                el->nh++;
                if (!bar)
                    break;
                p = bar + 1;
            }
        }
    return 0;
}

/* Index the trigger words of the relation patterns (see relate.h). */
static int index_triggers(hs_relate_tables *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < t->pats[i].n; k++)
            n += t->pats[i].el[k].nh;
    t->tcap = 64;
    while (t->tcap < 2 * n + 2)
        t->tcap *= 2;
    t->tkeys = calloc(t->tcap, sizeof *t->tkeys);
    t->tmask = calloc(t->tcap, sizeof *t->tmask);
    if (!t->tkeys || !t->tmask)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->n && i < 256; i++) {
        const hs_pattern *p = &t->pats[i];
        const hs_pat_el *el = NULL;
        for (size_t k = 0; k < p->n && !el; k++)
            if (p->el[k].kind == HS_PE_WORDS && !p->el[k].optional)
                el = &p->el[k];
        if (p->is_status || !el)
            continue;
        for (uint32_t k = 0; k < el->nh; k++) {
            uint64_t h = t->hashes[el->h_off + k];
            size_t s = (size_t)h & (t->tcap - 1);
            while (t->tkeys[s] && t->tkeys[s] != h)
                s = (s + 1) & (t->tcap - 1);
            t->tkeys[s] = h;
            t->tmask[s][i / 64] |= 1ull << (i % 64);
        }
    }
    return 0;
}

/* The relation patterns in the order they are tried: a couple (P) comes from
 * relations found first, so patterns with P go last. */
static int order_patterns(hs_relate_tables *t)
{
    t->order = malloc((t->n ? t->n : 1) * sizeof *t->order);
    if (!t->order)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < t->n; i++) {
            int pair = 0;
            for (size_t k = 0; k < t->pats[i].n; k++)
                pair |= t->pats[i].el[k].kind == HS_PE_PAIR;
            if (!t->pats[i].is_status && pair == pass)
                t->order[t->n_order++] = (uint32_t)i;
        }
    return 0;
}

int hs_relate_tables_parse(hs_relate_tables **out, const char *text, size_t len, const char *name)
{
    *out = NULL;
    hs_relate_tables *t = calloc(1, sizeof *t);
    if (!t)
        return hs_error_set(HS_ENOMEM, "out of memory");
    hs_buf blk = HS_BUF_INIT;
    size_t cap = 0, line = 0;
    int rc = 0;
    char buf[2048];
    for (size_t pos = 0; !rc && pos < len; line++) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        if (n >= sizeof buf) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: line longer than %zu bytes", name, line + 1, sizeof buf - 1);
            break;
        }
        memcpy(buf, text + pos, n);
        buf[n] = 0;
        pos += n + 1;
        if (n && buf[n - 1] == '\r')
            buf[--n] = 0;
        if (!n || buf[0] == '#')
            continue;
        char *f[4] = {buf, NULL, NULL, NULL};
        int nf = 1;
        for (char *p = buf; *p && nf < 4; p++)
            if (*p == '\t') {
                *p = 0;
                f[nf++] = p + 1;
            }
        hs_pattern proto;
        memset(&proto, 0, sizeof proto);
        if (!strcmp(f[0], "rel") && nf == 3) {
            int ty = lookup(hs_rel_type_names, HS_RT_COUNT, f[1]);
            if (ty < 0) {
                rc = hs_error_set(HS_EINPUT, "%s:%zu: unknown relation type '%s'", name, line + 1, f[1]);
                break;
            }
            proto.type = (uint8_t)ty;
            char *cues = f[2];
            /* a relation pattern is one phrase: no '|' splitting at this level */
            if (t->n == cap) {
                size_t nc = cap ? cap * 2 : 64;
                hs_pattern *np = realloc(t->pats, nc * sizeof *np);
                if (!np) {
                    rc = hs_error_set(HS_ENOMEM, "out of memory");
                    break;
                }
                t->pats = np;
                cap = nc;
            }
            t->pats[t->n] = proto;
            rc = parse_pattern(&t->pats[t->n], cues, &blk, name, line + 1);
            if (!rc)
                t->n++;
        } else if (!strcmp(f[0], "status") && nf == 4) {
            int st = lookup(hs_status_names, HS_ST_COUNT, f[1]);
            int scope = !strcmp(f[2], "span") ? 1 : !strcmp(f[2], "sentence") ? 0 : -1;
            if (st < 0 || st == HS_ST_ASSERTED || scope < 0) {
                rc = hs_error_set(HS_EINPUT, "%s:%zu: want status<TAB>denied|rumored|reported|confirmed<TAB>sentence|span<TAB>CUES",
                                  name, line + 1);
                break;
            }
            proto.is_status = 1;
            proto.type = (uint8_t)st;
            proto.span_scope = (uint8_t)scope;
            rc = parse_cues(t, &cap, &proto, f[3], &blk, name, line + 1);
        } else {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: want 'rel<TAB>TYPE<TAB>PATTERN' or 'status<TAB>STATUS<TAB>SCOPE<TAB>CUES'",
                              name, line + 1);
        }
    }
    if (!rc) {
        t->strings = blk.data ? blk.data : NULL;
        blk.data = NULL;
        for (size_t i = 0; i < t->n; i++)
            for (size_t k = 0; k < t->pats[i].n; k++)
                if (t->pats[i].el[k].kind == HS_PE_WORDS)
                    t->pats[i].el[k].alts = t->strings + ((uintptr_t)t->pats[i].el[k].alts - 1);
        rc = hash_alternatives(t);
        if (!rc)
            rc = index_triggers(t);
        if (!rc)
            rc = order_patterns(t);
    }
    hs_buf_free(&blk);
    if (rc) {
        hs_relate_tables_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

int hs_relate_tables_load(hs_relate_tables **out, const char *data_dir)
{
    *out = NULL;
    char path[4096];
    char *text = NULL;
    size_t len = 0;
    if (data_dir) {
        snprintf(path, sizeof path, "%s/relations.tsv", data_dir);
        FILE *f = fopen(path, "r");
        if (!f && errno != ENOENT)
            return hs_error_set(HS_EIO, "%s: %s", path, strerror(errno));
        if (f) {
            fclose(f);
            int rc = hs_read_file(path, &text, &len);
            if (rc)
                return rc;
        }
    }
    int rc = hs_relate_tables_parse(out, text ? text : "", len, data_dir ? path : "relations.tsv");
    free(text);
    return rc;
}

void hs_relate_tables_free(hs_relate_tables *t)
{
    if (!t)
        return;
    free(t->pats);
    free(t->strings);
    free(t->hashes);
    free(t->tkeys);
    free(t->order);
    free(t->tmask);
    free(t);
}
