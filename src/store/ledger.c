/* The claim ledger: claims, origins, echoes and summaries.
 *
 * A claim is (type, subject, object) over store entities; symmetric types
 * are stored with the smaller entity id first.  Each piece of evidence has an
 * origin (add.c): a named person ("p" + the person's store entity), an
 * outlet ("o:" + outlet key) or an article ("a:" + id).  Within one polarity
 * (support or denial), evidence quoting the same text (folded) as an earlier
 * item, or with the same origin, is one origin group: the earliest item is
 * the origin and the others are its echoes.  The summary of a claim:
 *   contested  both supporting and denying origins
 *   denied     denying origins only
 *   confirmed  a named party (person, representative, organization, or the
 *              article itself) confirms, and nobody denies
 *   rumored    every supporting item is anonymous, hedged or a rumour
 *   reported   anything else. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_ledger_claim(hs_store *s, const char *type, int64_t e1, int64_t e2, int64_t *claim)
{
    if (hs_rel_symmetric(type) == 1 && e1 > e2) {
        int64_t t = e1;
        e1 = e2;
        e2 = t;
    }
    sqlite3_stmt *st = hs_sq(s, SQ_CLAIM_GET);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, type);
    sqlite3_bind_int64(st, 2, e1);
    sqlite3_bind_int64(st, 3, e2);
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        *claim = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return 0;
    }
    sqlite3_reset(st);
    if (r != SQLITE_DONE)
        return hs_store_fail(s, "looking up a claim");
    if (!(st = hs_sq(s, SQ_CLAIM_INS)))
        return HS_ESTORE;
    hs_bind_text(st, 1, type);
    sqlite3_bind_int64(st, 2, e1);
    sqlite3_bind_int64(st, 3, e2);
    int rc = hs_store_step_done(s, st, "adding a claim");
    if (!rc)
        *claim = sqlite3_last_insert_rowid(s->db);
    return rc;
}

int hs_ledger_dirty(hs_store *s, int64_t claim)
{
    if (s->dirty.n && s->dirty.v[s->dirty.n - 1] == claim)
        return 0;
    int64_t *p = HS_PUSH(&s->dirty);
    if (!p)
        return HS_ENOMEM;
    *p = claim;
    return 0;
}

/* One piece of evidence while a claim is recomputed. */
typedef struct ev {
    int64_t id, grp_old;
    int polarity, hedged, weak, named_confirm;
    char *origin; /* malloc'ed */
    char *qkey;   /* malloc'ed or NULL */
    char *date;
    size_t parent;
} ev;

typedef HS_ARRAY(ev) ev_array;

static size_t find_root(ev *v, size_t i)
{
    while (v[i].parent != i) {
        v[i].parent = v[v[i].parent].parent;
        i = v[i].parent;
    }
    return i;
}

/* The earlier item (smaller index) stays the root: it is the origin. */
static void unite(ev *v, size_t a, size_t b)
{
    a = find_root(v, a);
    b = find_root(v, b);
    if (a == b)
        return;
    if (a < b)
        v[b].parent = a;
    else
        v[a].parent = b;
}

static int cmp_origin(const void *x, const void *y, void *ctx)
{
    const ev *v = ctx;
    const ev *a = &v[*(const size_t *)x], *b = &v[*(const size_t *)y];
    if (a->polarity != b->polarity)
        return a->polarity - b->polarity;
    return strcmp(a->origin, b->origin);
}

static int cmp_qkey(const void *x, const void *y, void *ctx)
{
    const ev *v = ctx;
    const ev *a = &v[*(const size_t *)x], *b = &v[*(const size_t *)y];
    if (a->polarity != b->polarity)
        return a->polarity - b->polarity;
    return strcmp(a->qkey ? a->qkey : "", b->qkey ? b->qkey : "");
}

/* Union items that quote the same text, then items that share an origin.
 * An item that repeats an earlier quotation belongs to that quotation's
 * origin and does not lend its own: an outlet that once carried another's
 * onlooker and later reports something of its own keeps the two apart. */
static int group(ev *v, size_t n)
{
    size_t *ix = malloc((n ? n : 1) * sizeof *ix);
    char *echo = calloc(n ? n : 1, 1);
    if (!ix || !echo) {
        free(ix);
        free(echo);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        ix[i] = i;
    qsort_r(ix, n, sizeof *ix, cmp_qkey, v);
    for (size_t k = 1; k < n; k++) {
        const ev *a = &v[ix[k - 1]], *b = &v[ix[k]];
        if (a->polarity == b->polarity && a->qkey && b->qkey && strcmp(a->qkey, b->qkey) == 0)
            unite(v, ix[k - 1], ix[k]);
    }
    for (size_t i = 0; i < n; i++)
        echo[i] = find_root(v, i) != i; /* an earlier item has the same quotation */
    for (size_t i = 0; i < n; i++)
        ix[i] = i;
    qsort_r(ix, n, sizeof *ix, cmp_origin, v);
    size_t prev = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
        size_t i = ix[k];
        if (echo[i])
            continue;
        if (prev != (size_t)-1 && v[prev].polarity == v[i].polarity && strcmp(v[prev].origin, v[i].origin) == 0)
            unite(v, prev, i);
        prev = i;
    }
    free(ix);
    free(echo);
    return 0;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

static void free_evs(ev_array *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->v[i].origin);
        free(a->v[i].qkey);
        free(a->v[i].date);
    }
    a->n = 0;
}

static int load_evidence(hs_store *s, int64_t claim, ev_array *evs)
{
    sqlite3_stmt *st = hs_sq(s, SQ_LEDGER_EV);
    if (!st)
        return HS_ESTORE;
    sqlite3_bind_int64(st, 1, claim);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        ev *e = HS_PUSH(evs);
        if (!e) {
            sqlite3_reset(st);
            return HS_ENOMEM;
        }
        e->id = sqlite3_column_int64(st, 0);
        e->polarity = sqlite3_column_int(st, 1);
        const char *status = (const char *)sqlite3_column_text(st, 2);
        e->hedged = sqlite3_column_int(st, 3);
        const char *origin = (const char *)sqlite3_column_text(st, 4);
        if (origin && strcmp(origin, "p") == 0) {
            char tmp[32];
            snprintf(tmp, sizeof tmp, "p:%lld", (long long)sqlite3_column_int64(st, 5));
            e->origin = strdup(tmp);
        } else {
            e->origin = strdup(origin ? origin : "");
        }
        e->qkey = dup_col(st, 6);
        const char *kind = (const char *)sqlite3_column_text(st, 7);
        e->date = dup_col(st, 8);
        e->grp_old = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 9);
        e->parent = evs->n - 1;
        int rumour = status && strcmp(status, "rumored") == 0;
        e->weak = e->hedged || rumour || (kind && strcmp(kind, "anonymous") == 0);
        e->named_confirm = status && strcmp(status, "confirmed") == 0 && !e->hedged &&
                           (!kind || hs_source_named(kind));
        if (!e->origin) {
            sqlite3_reset(st);
            return HS_ENOMEM;
        }
    }
    sqlite3_reset(st);
    return r == SQLITE_DONE ? 0 : hs_store_fail(s, "reading evidence");
}

static const char *summarize(const ev *v, size_t n, int support, int deny)
{
    int named_confirm = 0, all_weak = 1;
    for (size_t i = 0; i < n; i++) {
        if (v[i].polarity < 0)
            continue;
        named_confirm |= v[i].named_confirm;
        all_weak &= v[i].weak;
    }
    if (deny && support)
        return "contested";
    if (deny)
        return "denied";
    if (named_confirm)
        return "confirmed";
    return all_weak ? "rumored" : "reported";
}

static int recompute(hs_store *s, int64_t claim, ev_array *evs)
{
    free_evs(evs);
    int rc = load_evidence(s, claim, evs);
    if (!rc)
        rc = group(evs->v, evs->n);
    if (rc)
        return rc;
    ev *v = evs->v;
    size_t n = evs->n;
    sqlite3_stmt *st;
    if (n == 0) {
        if (!(st = hs_sq(s, SQ_CLAIM_DEL)))
            return HS_ESTORE;
        sqlite3_bind_int64(st, 1, claim);
        return hs_store_step_done(s, st, "removing a claim");
    }
    int support = 0, deny = 0;
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t root = find_root(v, i);
        if (root == i)
            v[i].polarity > 0 ? support++ : deny++;
        if (v[i].date) {
            if (!first)
                first = v[i].date;
            last = v[i].date;
        }
        int64_t grp = v[root].id;
        if (grp == v[i].grp_old)
            continue;
        if (!(st = hs_sq(s, SQ_LEDGER_GROUP)))
            return HS_ESTORE;
        sqlite3_bind_int64(st, 1, v[i].id);
        sqlite3_bind_int64(st, 2, grp);
        if ((rc = hs_store_step_done(s, st, "grouping evidence")))
            return rc;
    }
    if (!(st = hs_sq(s, SQ_CLAIM_SET)))
        return HS_ESTORE;
    sqlite3_bind_int64(st, 1, claim);
    hs_bind_text(st, 2, summarize(v, n, support, deny));
    sqlite3_bind_int(st, 3, support);
    sqlite3_bind_int(st, 4, deny);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)n);
    hs_bind_text(st, 6, first);
    hs_bind_text(st, 7, last);
    return hs_store_step_done(s, st, "updating a claim");
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int hs_ledger_flush(hs_store *s)
{
    if (!s->dirty.n)
        return 0;
    qsort(s->dirty.v, s->dirty.n, sizeof *s->dirty.v, cmp_i64);
    ev_array evs = {NULL, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < s->dirty.n && !rc; i++)
        if (i == 0 || s->dirty.v[i] != s->dirty.v[i - 1])
            rc = recompute(s, s->dirty.v[i], &evs);
    free_evs(&evs);
    HS_ARRAY_FREE(&evs);
    s->dirty.n = 0;
    return rc;
}
