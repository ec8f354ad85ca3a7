/* Ledger queries that answer in JSON: who, claims, trace, top.
 * The shapes are documented in docs/ledger.md; the CLI prints them as tables
 * or passes them through with --json. */
#include "out/jw.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_LIMIT 50

/* The columns every claim query selects, in this order (see write_claim_head). */
#define CLAIM_COLS                                                                          \
    "SELECT c.id, c.type, c.subj, es.name, c.obj, eo.name, c.summary, c.support, c.deny, c.n," \
    " c.first, c.last FROM claim c JOIN entity es ON es.id = c.subj JOIN entity eo ON eo.id = c.obj "
#define CLAIM_ORDER " ORDER BY c.support + c.deny DESC, c.n DESC, c.id LIMIT ?3"

/* The evidence of one claim, earliest first (columns used by write_evidence). */
static const char ev_sql[] =
    "SELECT ar.ext_id, ar.date, ar.outlet, COALESCE(g.origin_name, e.origin_name), st.source, e.source_kind, st.via, e.status,"
    " e.hedged, e.text, e.grp, e.id, e.polarity, e.time FROM evidence e JOIN article ar ON ar.id = e.article"
    " LEFT JOIN statement st ON st.id = e.statement LEFT JOIN evidence g ON g.id = e.grp WHERE e.claim = ?1 ORDER BY e.date IS NULL, e.date, e.id";

static void col_str(hs_jw *w, const char *key, sqlite3_stmt *st, int i)
{
    hs_jw_key(w, key);
    hs_jw_str(w, (const char *)sqlite3_column_text(st, i));
}

static void col_int(hs_jw *w, const char *key, sqlite3_stmt *st, int i)
{
    hs_jw_key(w, key);
    hs_jw_int(w, sqlite3_column_int64(st, i));
}

static void entity_ref(hs_jw *w, const char *key, sqlite3_stmt *st, int id_col)
{
    hs_jw_key(w, key);
    hs_jw_obj(w);
    col_int(w, "id", st, id_col);
    col_str(w, "name", st, id_col + 1);
    hs_jw_obj_end(w);
}

/* "source": {"text", "kind"} from columns col, col + 1 (null without a kind). */
static void write_source(hs_jw *w, sqlite3_stmt *st, int col)
{
    hs_jw_key(w, "source");
    if (sqlite3_column_type(st, col + 1) == SQLITE_NULL) {
        hs_jw_null(w);
        return;
    }
    hs_jw_obj(w);
    col_str(w, "text", st, col);
    col_str(w, "kind", st, col + 1);
    hs_jw_obj_end(w);
}

/* The fields of a claim row selected with CLAIM_COLS (the object stays open). */
static void write_claim_head(hs_jw *w, sqlite3_stmt *st)
{
    hs_jw_obj(w);
    col_int(w, "id", st, 0);
    col_str(w, "type", st, 1);
    entity_ref(w, "subject", st, 2);
    entity_ref(w, "object", st, 4);
    col_str(w, "summary", st, 6);
    hs_jw_key(w, "origins");
    hs_jw_obj(w);
    col_int(w, "support", st, 7);
    col_int(w, "deny", st, 8);
    hs_jw_obj_end(w);
    col_int(w, "evidence_count", st, 9);
    col_str(w, "first", st, 10);
    col_str(w, "last", st, 11);
}

/* One evidence item from an ev_sql row. */
static void write_evidence(hs_jw *w, sqlite3_stmt *st)
{
    hs_jw_obj(w);
    col_str(w, "article", st, 0);
    col_str(w, "date", st, 1);
    col_str(w, "outlet", st, 2);
    col_str(w, "origin", st, 3);
    write_source(w, st, 4);
    col_str(w, "via", st, 6);
    col_str(w, "status", st, 7);
    hs_jw_key(w, "hedged");
    hs_jw_bool(w, sqlite3_column_int(st, 8));
    col_str(w, "text", st, 9);
    col_str(w, "time", st, 13);
    hs_jw_key(w, "echo");
    hs_jw_bool(w, sqlite3_column_int64(st, 10) != sqlite3_column_int64(st, 11));
    hs_jw_obj_end(w);
}

int hs_store_answer(hs_store *s, hs_jw *w, int rc, const char **json, size_t *len)
{
    if (!rc && w->err)
        rc = hs_error_set(HS_ENOMEM, "out of memory writing JSON");
    if (rc)
        return rc;
    hs_buf_putc(&s->out, '\n');
    *json = s->out.data;
    if (len)
        *len = s->out.len;
    return 0;
}

int hs_store_rows_end(hs_store *s, int r)
{
    return r == SQLITE_DONE ? 0 : hs_store_fail(s, "reading the ledger");
}

static int write_claims(hs_store *s, hs_jw *w, sqlite3_stmt *cl, int with_evidence)
{
    sqlite3_stmt *ev = with_evidence ? hs_store_prepare(s, ev_sql) : NULL;
    if (with_evidence && !ev)
        return HS_ESTORE;
    hs_jw_key(w, "claims");
    hs_jw_arr(w);
    int r, rc = 0;
    while (!rc && (r = sqlite3_step(cl)) == SQLITE_ROW) {
        write_claim_head(w, cl);
        if (ev) {
            hs_jw_key(w, "evidence");
            hs_jw_arr(w);
            sqlite3_bind_int64(ev, 1, sqlite3_column_int64(cl, 0));
            int r2;
            while ((r2 = sqlite3_step(ev)) == SQLITE_ROW)
                write_evidence(w, ev);
            rc = hs_store_rows_end(s, r2);
            sqlite3_reset(ev);
            hs_jw_arr_end(w);
        }
        hs_jw_obj_end(w);
    }
    if (!rc)
        rc = hs_store_rows_end(s, r);
    hs_jw_arr_end(w);
    sqlite3_finalize(ev);
    return rc;
}

int hs_store_claims(hs_store *s, const char *name, const char *name2, size_t limit, const char **json,
                    size_t *len)
{
    if (!s || !name || !json)
        return hs_error_set(HS_EINVAL, "hs_store_claims: NULL argument");
    int64_t e1, e2 = 0;
    int rc = hs_entity_find(s, name, &e1);
    if (!rc && name2)
        rc = hs_entity_find(s, name2, &e2);
    if (rc)
        return rc;
    sqlite3_stmt *cl = hs_store_prepare(
        s, name2 ? CLAIM_COLS "WHERE (c.subj = ?1 AND c.obj = ?2) OR (c.subj = ?2 AND c.obj = ?1)" CLAIM_ORDER
                 : CLAIM_COLS "WHERE c.subj = ?1 OR c.obj = ?1" CLAIM_ORDER);
    if (!cl)
        return HS_ESTORE;
    sqlite3_bind_int64(cl, 1, e1);
    sqlite3_bind_int64(cl, 2, e2);
    sqlite3_bind_int64(cl, 3, limit ? (sqlite3_int64)limit : DEFAULT_LIMIT);
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    hs_jw_obj(&w);
    rc = write_claims(s, &w, cl, 1);
    hs_jw_obj_end(&w);
    sqlite3_finalize(cl);
    return hs_store_answer(s, &w, rc, json, len);
}

int hs_store_top(hs_store *s, size_t limit, const char **json, size_t *len)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_top: NULL argument");
    sqlite3_stmt *cl = hs_store_prepare(s, CLAIM_COLS "WHERE ?1 = ?2" CLAIM_ORDER);
    if (!cl)
        return HS_ESTORE;
    sqlite3_bind_int(cl, 1, 1);
    sqlite3_bind_int(cl, 2, 1);
    sqlite3_bind_int64(cl, 3, limit ? (sqlite3_int64)limit : 10);
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    hs_jw_obj(&w);
    int rc = write_claims(s, &w, cl, 0);
    hs_jw_obj_end(&w);
    sqlite3_finalize(cl);
    return hs_store_answer(s, &w, rc, json, len);
}

/* Trace: the claim, then its origins in order of first appearance, each with
 * its evidence (the first item is the origin, the rest its echoes). */
int hs_store_trace(hs_store *s, long long claim, const char **json, size_t *len)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_trace: NULL argument");
    sqlite3_stmt *cl = hs_store_prepare(s, CLAIM_COLS "WHERE c.id = ?1 AND ?2 = 0" CLAIM_ORDER);
    sqlite3_stmt *ev = cl ? hs_store_prepare(s, ev_sql) : NULL;
    if (!ev) {
        sqlite3_finalize(cl);
        return HS_ESTORE;
    }
    sqlite3_bind_int64(cl, 1, claim);
    sqlite3_bind_int(cl, 2, 0);
    sqlite3_bind_int(cl, 3, 1);
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    int rc = 0, r = sqlite3_step(cl);
    if (r != SQLITE_ROW) {
        rc = r == SQLITE_DONE ? hs_error_set(HS_EINPUT, "%s: no claim %lld", s->path, claim)
                              : hs_store_fail(s, "reading a claim");
        goto done;
    }
    hs_jw_obj(&w);
    hs_jw_key(&w, "claim");
    write_claim_head(&w, cl);
    hs_jw_obj_end(&w);
    /* groups in order of their origin's position; evidence is already date-ordered */
    HS_ARRAY(int64_t) groups = {NULL, 0, 0};
    sqlite3_bind_int64(ev, 1, claim);
    while ((r = sqlite3_step(ev)) == SQLITE_ROW) {
        int64_t g = sqlite3_column_int64(ev, 10), *p;
        size_t k = 0;
        while (k < groups.n && groups.v[k] != g)
            k++;
        if (k == groups.n && (p = HS_PUSH(&groups)))
            *p = g;
    }
    rc = hs_store_rows_end(s, r);
    hs_jw_key(&w, "origins");
    hs_jw_arr(&w);
    for (size_t k = 0; !rc && k < groups.n; k++) {
        sqlite3_reset(ev);
        int first = 1;
        while ((r = sqlite3_step(ev)) == SQLITE_ROW) {
            if (sqlite3_column_int64(ev, 10) != groups.v[k])
                continue;
            if (first) {
                hs_jw_obj(&w);
                col_str(&w, "origin", ev, 3);
                hs_jw_key(&w, "stance");
                hs_jw_str(&w, sqlite3_column_int(ev, 12) < 0 ? "deny" : "support");
                col_str(&w, "first", ev, 1);
                hs_jw_key(&w, "evidence");
                hs_jw_arr(&w);
                first = 0;
            }
            write_evidence(&w, ev);
        }
        rc = hs_store_rows_end(s, r);
        if (!first) {
            hs_jw_arr_end(&w);
            hs_jw_obj_end(&w);
        }
    }
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
    HS_ARRAY_FREE(&groups);
done:
    sqlite3_finalize(cl);
    sqlite3_finalize(ev);
    return hs_store_answer(s, &w, rc, json, len);
}

/* Rows of `sql` (?1 = entity id, ?2 = limit) as an array of statements. */
static int write_statements(hs_store *s, hs_jw *w, const char *key, const char *sql, int64_t entity)
{
    sqlite3_stmt *st = hs_store_prepare(s, sql);
    if (!st)
        return HS_ESTORE;
    sqlite3_bind_int64(st, 1, entity);
    sqlite3_bind_int(st, 2, DEFAULT_LIMIT);
    hs_jw_key(w, key);
    hs_jw_arr(w);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        hs_jw_obj(w);
        col_str(w, "article", st, 0);
        col_str(w, "date", st, 1);
        col_str(w, "outlet", st, 2);
        write_source(w, st, 3);
        col_str(w, "via", st, 5);
        col_str(w, "cue", st, 6);
        hs_jw_key(w, "hedged");
        hs_jw_bool(w, sqlite3_column_int(st, 7));
        col_str(w, "text", st, 8);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
    sqlite3_finalize(st);
    return hs_store_rows_end(s, r);
}

/* The articles that name entity e, latest first (at most DEFAULT_LIMIT). */
static int write_articles(hs_store *s, hs_jw *w, int64_t e)
{
    sqlite3_stmt *st = hs_store_prepare(
        s, "SELECT ar.ext_id, ar.date, ar.outlet, ar.title FROM article ar WHERE ar.id IN"
           " (SELECT article FROM ae WHERE entity = ?1) ORDER BY ar.date IS NULL, ar.date DESC, ar.id DESC LIMIT ?2");
    if (!st)
        return HS_ESTORE;
    sqlite3_bind_int64(st, 1, e);
    sqlite3_bind_int(st, 2, DEFAULT_LIMIT);
    hs_jw_key(w, "articles");
    hs_jw_arr(w);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        hs_jw_obj(w);
        col_str(w, "id", st, 0);
        col_str(w, "date", st, 1);
        col_str(w, "outlet", st, 2);
        col_str(w, "title", st, 3);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
    sqlite3_finalize(st);
    return hs_store_rows_end(s, r);
}

#define STMT_COLS                                                                                      \
    "SELECT ar.ext_id, ar.date, ar.outlet, st.source, st.source_kind, st.via, st.cue, st.hedged, st.content" \
    " FROM statement st JOIN article ar ON ar.id = st.article "

int hs_store_who(hs_store *s, const char *name, const char **json, size_t *len)
{
    if (!s || !name || !json)
        return hs_error_set(HS_EINVAL, "hs_store_who: NULL argument");
    int64_t e;
    int rc = hs_entity_find(s, name, &e);
    if (rc)
        return rc;
    sqlite3_stmt *st = hs_store_prepare(
        s, "SELECT e.id, e.name, e.type, (SELECT count(DISTINCT article) FROM ae WHERE entity = e.id)"
           " FROM entity e WHERE e.id = ?1");
    sqlite3_stmt *nm = st ? hs_store_prepare(s, "SELECT name FROM ae WHERE entity = ?1 UNION SELECT v.name FROM"
                                                " variant v JOIN ae ON ae.id = v.ae WHERE ae.entity = ?1")
                          : NULL;
    sqlite3_stmt *cl = nm ? hs_store_prepare(s, CLAIM_COLS "WHERE c.subj = ?1 OR c.obj = ?2" CLAIM_ORDER) : NULL;
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    if (!cl) {
        rc = HS_ESTORE;
        goto done;
    }
    sqlite3_bind_int64(st, 1, e);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = hs_store_fail(s, "reading an entity");
        goto done;
    }
    hs_jw_obj(&w);
    hs_jw_key(&w, "entity");
    hs_jw_obj(&w);
    col_int(&w, "id", st, 0);
    col_str(&w, "name", st, 1);
    col_str(&w, "type", st, 2);
    col_int(&w, "articles", st, 3);
    hs_jw_key(&w, "names");
    hs_jw_arr(&w);
    sqlite3_bind_int64(nm, 1, e);
    int r;
    while ((r = sqlite3_step(nm)) == SQLITE_ROW)
        hs_jw_str(&w, (const char *)sqlite3_column_text(nm, 0));
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
    rc = hs_store_rows_end(s, r);
    sqlite3_bind_int64(cl, 1, e);
    sqlite3_bind_int64(cl, 2, e);
    sqlite3_bind_int(cl, 3, DEFAULT_LIMIT);
    if (!rc)
        rc = write_claims(s, &w, cl, 0);
    if (!rc)
        rc = write_articles(s, &w, e);
    if (!rc)
        rc = write_statements(s, &w, "said",
                              STMT_COLS "JOIN ae a ON a.id = st.source_ae WHERE a.entity = ?1"
                                        " ORDER BY ar.date IS NULL, ar.date, st.id LIMIT ?2", e);
    if (!rc)
        rc = write_statements(s, &w, "about",
                              STMT_COLS "JOIN about ab ON ab.statement = st.id JOIN ae a ON a.id = ab.ae"
                                        " WHERE a.entity = ?1 GROUP BY st.id"
                                        " ORDER BY ar.date IS NULL, ar.date, st.id LIMIT ?2", e);
    hs_jw_obj_end(&w);
done:
    sqlite3_finalize(st);
    sqlite3_finalize(nm);
    sqlite3_finalize(cl);
    return hs_store_answer(s, &w, rc, json, len);
}
