/* Adding articles: the article row and its full-text entry, entities
 * resolved to store entities, attributed statements, and relations as claim
 * evidence with their origin.
 *
 * Entity resolution (hs_entity_resolve) is by folded full name and type:
 * "Penélope Cruz", "Penelope Cruz" and "PENELOPE CRUZ" are one key.  A short
 * variant ("Cruz") only counts through the article that tied it to a full
 * name: the link layer makes it a mention of the "Penélope Cruz" entity, and
 * the store records it as a variant of that article's entity; it never
 * becomes a key on its own, so "Alex Moreno" and "Dana Moreno" stay apart.
 *
 * The origin of a piece of evidence: a named source (a person, a named
 * spokesperson, an organization) is its own origin; else the outlet the
 * source spoke to (`via`) or the outlet speaking for itself; else the
 * article's outlet (or, lacking one, the article itself). */
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* Quotations shorter than this (folded) are too common to mark echoes. */
#define QKEY_MIN 16

typedef struct add_ctx {
    hs_store *s;
    hs_rows *r;
    int64_t art;
    hs_buf key, key2;
    char outlet_origin[160];
    const char *outlet_name;
} add_ctx;

static int step_insert(hs_store *s, sqlite3_stmt *st, const char *what, int64_t *id)
{
    int rc = hs_store_step_done(s, st, what);
    if (!rc && id)
        *id = sqlite3_last_insert_rowid(s->db);
    return rc;
}

/* First column of the first row as an int64: 1 found, 0 none, <0 error. */
static int step_find(hs_store *s, sqlite3_stmt *st, int64_t *id)
{
    int r = sqlite3_step(st);
    int rc = 0;
    if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        rc = 1;
    } else if (r != SQLITE_DONE) {
        rc = hs_store_fail(s, "looking up");
    }
    sqlite3_reset(st);
    return rc;
}

int hs_entity_resolve(hs_store *s, const char *key, const char *type, const char *name, int outlet, int64_t *id)
{
    for (int pass = 0; pass < 2; pass++) {
        sqlite3_stmt *st = hs_sq(s, pass == 0 ? SQ_ALIAS_GET : SQ_ENT_GET);
        if (!st)
            return HS_ESTORE;
        hs_bind_text(st, 1, key);
        hs_bind_text(st, 2, type);
        int f = step_find(s, st, id);
        if (f)
            return f < 0 ? f : 0;
    }
    sqlite3_stmt *st = hs_sq(s, SQ_ENT_INS);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, key);
    hs_bind_text(st, 2, type);
    hs_bind_text(st, 3, name);
    sqlite3_bind_int(st, 4, outlet);
    return step_insert(s, st, "adding an entity", id);
}

static int add_article(add_ctx *c, int *added)
{
    hs_store *s = c->s;
    hs_rows *r = c->r;
    const char *ident = r->id ? r->id : r->url;
    /* the text without a title put before it: the same story under two headlines is one article */
    uint64_t h = r->text ? hs_text_hash(r->text + r->title_bytes, r->text_len - r->title_bytes)
                         : hs_text_hash(ident, strlen(ident)) ^ 1;
    sqlite3_stmt *st = hs_sq(s, SQ_ART_FIND);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, r->id);
    hs_bind_text(st, 2, r->url);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)h);
    int64_t found;
    int f = step_find(s, st, &found);
    if (f) {
        *added = 0;
        return f < 0 ? f : 1;
    }
    /* the outlet: as given, else the site of the URL */
    hs_buf host = HS_BUF_INIT;
    const char *outlet = r->outlet;
    int rc = 0;
    if (!outlet && r->url && !(rc = hs_url_host(&host, r->url)) && host.len)
        outlet = host.data;
    if (!rc)
        rc = hs_fold_outlet(&c->key, outlet);
    if (!rc && !(c->outlet_name = outlet ? hs_arena_strdup(&r->arena, outlet) : NULL) && outlet)
        rc = HS_ENOMEM;
    hs_buf_free(&host);
    if (rc)
        return rc;
    st = hs_sq(s, SQ_ART_INS);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, r->id);
    hs_bind_text(st, 2, r->url);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)h);
    hs_bind_text(st, 4, r->date);
    hs_bind_text(st, 5, c->outlet_name);
    hs_bind_text(st, 6, c->key.len ? c->key.data : NULL);
    hs_bind_text(st, 7, r->title);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)r->text_len);
    if ((rc = step_insert(s, st, "adding an article", &c->art)))
        return rc;
    if (c->key.len)
        snprintf(c->outlet_origin, sizeof c->outlet_origin, "o:%s", c->key.data);
    else
        snprintf(c->outlet_origin, sizeof c->outlet_origin, "a:%lld", (long long)c->art);
    if (r->text) {
        if (!(st = hs_sq(s, SQ_FTS_INS)))
            return HS_ESTORE;
        sqlite3_bind_text(st, 1, r->text, (int)r->text_len, SQLITE_STATIC);
        hs_bind_text(st, 2, "a");
        sqlite3_bind_int64(st, 3, c->art);
        rc = step_insert(s, st, "indexing an article", NULL);
    }
    *added = 1;
    return rc;
}

static int add_entities(add_ctx *c)
{
    hs_store *s = c->s;
    for (size_t i = 0; i < c->r->ents.n; i++) {
        hs_sr_entity *e = &c->r->ents.v[i];
        int rc = hs_fold_name(&c->key, e->name);
        if (rc == HS_EINPUT)
            continue; /* a name that is not text: the entity is left out */
        if (rc)
            return rc;
        if (!c->key.len)
            continue;
        if (strcmp(e->type, "PERSON") == 0)
            hs_fold_person(&c->key);
        if ((rc = hs_entity_resolve(s, c->key.data, e->type, e->name, e->outlet, &e->entity)))
            return rc;
        sqlite3_stmt *st = hs_sq(s, SQ_AE_INS);
        if (!st)
            return HS_ESTORE;
        sqlite3_bind_int64(st, 1, c->art);
        hs_bind_text(st, 2, e->lid);
        hs_bind_text(st, 3, c->key.data);
        hs_bind_text(st, 4, e->type);
        hs_bind_text(st, 5, e->name);
        sqlite3_bind_int64(st, 6, e->entity);
        if ((rc = step_insert(s, st, "adding an entity", &e->ae)))
            return rc;
    }
    /* name variants the article tied to its entities ("Cruz" for "Penélope Cruz") */
    for (size_t i = 0; i < c->r->ments.n; i++) {
        const hs_sr_mention *m = &c->r->ments.v[i];
        const hs_sr_entity *e = &c->r->ents.v[m->entity];
        if (!m->is_name || !m->text || !e->ae)
            continue;
        int rc = hs_fold_name(&c->key, m->text);
        if (rc == HS_EINPUT || (!rc && !c->key.len))
            continue;
        if (!rc && (rc = hs_fold_name(&c->key2, e->name)) == 0 && strcmp(c->key.data, c->key2.data) == 0)
            continue;
        if (rc)
            return rc;
        sqlite3_stmt *st = hs_sq(s, SQ_VARIANT_INS);
        if (!st)
            return HS_ESTORE;
        hs_bind_text(st, 1, c->key.data);
        sqlite3_bind_int64(st, 2, e->ae);
        hs_bind_text(st, 3, m->text);
        if ((rc = step_insert(s, st, "adding a name variant", NULL)))
            return rc;
    }
    return 0;
}

/* Does the attribution's content mention entity mention m? */
static int mentions_in(const hs_sr_attr *a, const hs_sr_mention *m)
{
    if (a->cend > a->cstart && m->end > m->start)
        return m->start >= a->cstart && m->end <= a->cend;
    return m->text && m->text[0] && strstr(a->content, m->text) != NULL;
}

static int add_statement(add_ctx *c, hs_sr_attr *a)
{
    hs_store *s = c->s;
    int rc = 0;
    int quoted = !a->kind || strcmp(a->kind, "indirect") != 0;
    hs_buf_clear(&c->key);
    if (quoted && (rc = hs_fold_quote(&c->key, a->content)) == HS_ENOMEM)
        return rc;
    const char *qkey = !rc && c->key.len >= QKEY_MIN ? c->key.data : NULL;
    if ((rc = hs_fold_outlet(&c->key2, a->via)) == HS_ENOMEM)
        return rc;
    const char *via_key = !rc && c->key2.len ? c->key2.data : NULL;
    sqlite3_stmt *st = hs_sq(s, SQ_STMT_INS);
    if (!st)
        return HS_ESTORE;
    int64_t src_ae = a->source_entity >= 0 ? c->r->ents.v[a->source_entity].ae : 0;
    sqlite3_bind_int64(st, 1, c->art);
    hs_bind_text(st, 2, NULL);
    hs_bind_text(st, 3, a->kind);
    hs_bind_text(st, 4, a->content);
    hs_bind_text(st, 5, qkey);
    hs_bind_text(st, 6, a->source);
    hs_bind_text(st, 7, a->source_kind);
    if (src_ae)
        sqlite3_bind_int64(st, 8, src_ae);
    else
        sqlite3_bind_null(st, 8);
    hs_bind_text(st, 9, a->cue);
    hs_bind_text(st, 10, a->via);
    hs_bind_text(st, 11, via_key);
    sqlite3_bind_int(st, 12, a->hedged);
    if ((rc = step_insert(s, st, "adding a statement", &a->row)))
        return rc;
    if (!(st = hs_sq(s, SQ_FTS_INS)))
        return HS_ESTORE;
    hs_bind_text(st, 1, a->content);
    hs_bind_text(st, 2, "s");
    sqlite3_bind_int64(st, 3, a->row);
    if ((rc = step_insert(s, st, "indexing a statement", NULL)))
        return rc;
    for (size_t i = 0; i < c->r->ments.n; i++) {
        const hs_sr_mention *m = &c->r->ments.v[i];
        int64_t ae = c->r->ents.v[m->entity].ae;
        if (!ae || !mentions_in(a, m))
            continue;
        if (!(st = hs_sq(s, SQ_ABOUT_INS)))
            return HS_ESTORE;
        sqlite3_bind_int64(st, 1, ae);
        sqlite3_bind_int64(st, 2, a->row);
        if ((rc = step_insert(s, st, "linking a statement", NULL)))
            return rc;
    }
    return 0;
}

static int add_evidence(add_ctx *c, const hs_sr_rel *rl)
{
    hs_store *s = c->s;
    const hs_sr_entity *es = &c->r->ents.v[rl->subj], *eo = &c->r->ents.v[rl->obj];
    if (!es->ae || !eo->ae || es->entity == eo->entity)
        return 0;
    int64_t claim;
    int rc = hs_ledger_claim(s, rl->type, es->entity, eo->entity, &claim);
    if (rc)
        return rc;
    const hs_sr_attr *a = rl->attr >= 0 ? &c->r->attrs.v[rl->attr] : NULL;
    const char *origin = c->outlet_origin, *origin_name = c->outlet_name, *qkey = NULL;
    int64_t origin_ae = 0;
    char via_origin[160];
    const char *outlet_src = NULL;
    if (a && a->source_kind && strcmp(a->source_kind, "outlet") == 0)
        outlet_src = a->source; /* "The Capital Ledger has learned": the outlet itself */
    if (a && hs_source_named(a->source_kind) && a->source_entity >= 0 && c->r->ents.v[a->source_entity].ae) {
        /* a named person, spokesperson or organization is its own origin */
        origin = "p";
        origin_ae = c->r->ents.v[a->source_entity].ae;
        origin_name = c->r->ents.v[a->source_entity].name;
    } else if (a && (a->via || outlet_src) && (rc = hs_fold_outlet(&c->key, a->via ? a->via : outlet_src)) == 0 &&
               c->key.len) {
        snprintf(via_origin, sizeof via_origin, "o:%s", c->key.data);
        origin = via_origin;
        origin_name = a->via ? a->via : outlet_src;
    } else if (rc == HS_ENOMEM) {
        return rc;
    }
    if (a && (!a->kind || strcmp(a->kind, "indirect") != 0)) {
        if ((rc = hs_fold_quote(&c->key2, a->content)) == HS_ENOMEM)
            return rc;
        qkey = !rc && c->key2.len >= QKEY_MIN ? c->key2.data : NULL;
    }
    sqlite3_stmt *st = hs_sq(s, SQ_EV_INS);
    if (!st)
        return HS_ESTORE;
    sqlite3_bind_int64(st, 1, claim);
    sqlite3_bind_int64(st, 2, c->art);
    sqlite3_bind_int64(st, 3, es->ae);
    sqlite3_bind_int64(st, 4, eo->ae);
    hs_bind_text(st, 5, rl->status);
    sqlite3_bind_int(st, 6, rl->hedged || (a && a->hedged));
    hs_bind_text(st, 7, rl->evidence ? rl->evidence : (a ? a->content : NULL));
    hs_bind_text(st, 8, rl->time);
    if (a)
        sqlite3_bind_int64(st, 9, a->row);
    else
        sqlite3_bind_null(st, 9);
    sqlite3_bind_int(st, 10, strcmp(rl->status, "denied") == 0 ? -1 : 1);
    hs_bind_text(st, 11, origin);
    if (origin_ae)
        sqlite3_bind_int64(st, 12, origin_ae);
    else
        sqlite3_bind_null(st, 12);
    hs_bind_text(st, 13, origin_name);
    hs_bind_text(st, 14, qkey);
    hs_bind_text(st, 15, c->r->date);
    hs_bind_text(st, 16, a ? (a->source_kind ? a->source_kind : "unknown") : NULL);
    if ((rc = step_insert(s, st, "adding evidence", NULL)))
        return rc;
    return hs_ledger_dirty(s, claim);
}

/* Rows are complete and checked before anything is written, so every failure
 * here is the store's (or memory's): the whole transaction is rolled back,
 * the batch with it, and the caller stops.  (A savepoint per article would
 * make FTS5 flush its pending index at every article, 3x slower.) */
int hs_store_add_rows(hs_store *s, hs_rows *r, int *added)
{
    int dummy, opened;
    if (!added)
        added = &dummy;
    *added = 0;
    int rc = hs_store_tx_begin(s, &opened);
    if (rc)
        return rc;
    add_ctx c = {s, r, 0, HS_BUF_INIT, HS_BUF_INIT, "", NULL};
    rc = add_article(&c, added);
    if (rc == 0)
        rc = add_entities(&c);
    for (size_t i = 0; rc == 0 && i < r->attrs.n; i++)
        rc = add_statement(&c, &r->attrs.v[i]);
    for (size_t i = 0; rc == 0 && i < r->rels.n; i++)
        rc = add_evidence(&c, &r->rels.v[i]);
    if (rc == 1)
        rc = 0; /* already stored */
    hs_buf_free(&c.key);
    hs_buf_free(&c.key2);
    if (rc && !opened && s->in_batch) {
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", hs_error_last());
        *added = 0;
        hs_store_abort(s);
        hs_error_set(rc, "%s (the batch was rolled back)", msg);
    }
    return hs_store_tx_end(s, opened, rc);
}

int hs_store_add_doc(hs_store *s, const hs_doc *d, int *added)
{
    if (!s || !d)
        return hs_error_set(HS_EINVAL, "hs_store_add_doc: NULL argument");
    if (added)
        *added = 0;
    int rc = hs_rows_from_doc(&s->rows, d);
    return rc ? rc : hs_store_add_rows(s, &s->rows, added);
}

int hs_store_add_json(hs_store *s, const char *json, size_t len, const char *origin, int *added)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_add_json: NULL argument");
    if (added)
        *added = 0;
    int rc = hs_rows_from_json(&s->rows, json, len, origin);
    return rc ? rc : hs_store_add_rows(s, &s->rows, added);
}
