/* What the web UI browses: entities by name (for a search box), and one
 * stored article with its layers in hearsay/1 shape.
 *
 * The store keeps an article's text (in the full-text index) and its layers
 * as rows (entities, statements, evidence), not their offsets.  An article's
 * JSON therefore locates each quotation, source and cue in the text again:
 * the first occurrence at or after the previous quotation's start, so
 * repeated words land on the right occurrence in reading order.  A span that
 * is not found has start == end == 0 and only its text. */
#include "out/jw.h"
#include "store/store.h"

#include <string.h>

/* ---- entities by name ------------------------------------------------------- */

int hs_store_entities(hs_store *s, const char *query, size_t limit, const char **json, size_t *len)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_entities: NULL argument");
    hs_buf key = HS_BUF_INIT;
    int rc = hs_fold_name(&key, query ? query : "");
    /* a folded key has letters, digits and single spaces only: no LIKE wildcard survives */
    sqlite3_stmt *st = rc ? NULL : hs_store_prepare(
        s, "SELECT e.id, e.name, e.type, e.outlet, (SELECT count(DISTINCT article) FROM ae WHERE ae.entity = e.id) AS n"
           " FROM entity e WHERE ?1 = '' OR e.key LIKE ?1 || '%' OR e.key LIKE '% ' || ?1 || '%'"
           " ORDER BY n DESC, e.name LIMIT ?2");
    if (!rc && !st)
        rc = HS_ESTORE;
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    if (!rc) {
        sqlite3_bind_text(st, 1, key.data ? key.data : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : 20);
        hs_jw_obj(&w);
        hs_jw_key(&w, "entities");
        hs_jw_arr(&w);
        int r;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            hs_jw_obj(&w);
            hs_jw_key(&w, "id");
            hs_jw_int(&w, sqlite3_column_int64(st, 0));
            hs_jw_key(&w, "name");
            hs_jw_str(&w, (const char *)sqlite3_column_text(st, 1));
            hs_jw_key(&w, "type");
            hs_jw_str(&w, (const char *)sqlite3_column_text(st, 2));
            hs_jw_key(&w, "outlet");
            hs_jw_bool(&w, sqlite3_column_int(st, 3));
            hs_jw_key(&w, "articles");
            hs_jw_int(&w, sqlite3_column_int64(st, 4));
            hs_jw_obj_end(&w);
        }
        rc = hs_store_rows_end(s, r);
        hs_jw_arr_end(&w);
        hs_jw_obj_end(&w);
    }
    sqlite3_finalize(st);
    hs_buf_free(&key);
    return hs_store_answer(s, &w, rc, json, len);
}

/* ---- one article ------------------------------------------------------------ */

/* A span {start, end, text} for `needle` found in `text` at or after *from. */
static void located(hs_jw *w, const char *text, const char *needle, size_t from)
{
    size_t n = needle ? strlen(needle) : 0;
    const char *hit = n && text ? strstr(text + from, needle) : NULL;
    if (!hit && n && text)
        hit = strstr(text, needle);
    hs_jw_obj(w);
    hs_jw_key(w, "start");
    hs_jw_int(w, hit ? hit - text : 0);
    hs_jw_key(w, "end");
    hs_jw_int(w, hit ? (long long)(hit - text + (ptrdiff_t)n) : 0);
    hs_jw_key(w, "text");
    hs_jw_str(w, needle ? needle : "");
}

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* One array of the article's JSON: a row function for each row of st. */
typedef struct rows_ctx {
    const char *text; /* the article's text */
    size_t from;      /* where the next quotation is looked for */
    int n;            /* rows written */
} rows_ctx;
typedef void (*row_fn)(hs_jw *w, sqlite3_stmt *st, rows_ctx *c);

static int write_rows(hs_store *s, hs_jw *w, const char *key, sqlite3_stmt *st, int64_t art, row_fn fn,
                      rows_ctx *c)
{
    sqlite3_bind_int64(st, 1, art);
    hs_jw_key(w, key);
    hs_jw_arr(w);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        hs_jw_obj(w);
        fn(w, st, c);
        hs_jw_obj_end(w);
        c->n++;
    }
    hs_jw_arr_end(w);
    return hs_store_rows_end(s, r);
}

static void str_field(hs_jw *w, const char *key, const char *v)
{
    hs_jw_key(w, key);
    hs_jw_str(w, v);
}

static void entity_row(hs_jw *w, sqlite3_stmt *st, rows_ctx *c)
{
    (void)c;
    str_field(w, "id", col(st, 0));
    str_field(w, "type", col(st, 1));
    str_field(w, "name", col(st, 2));
    if (sqlite3_column_int(st, 4)) {
        hs_jw_key(w, "outlet");
        hs_jw_bool(w, 1);
    }
    hs_jw_key(w, "store_id");
    hs_jw_int(w, sqlite3_column_int64(st, 3));
    hs_jw_key(w, "mentions");
    hs_jw_arr(w);
    hs_jw_arr_end(w);
}

/* "key": a located span of text near the current quotation, or null. */
static void near_span(hs_jw *w, const char *key, const char *text, const char *needle, size_t from)
{
    hs_jw_key(w, key);
    if (!needle) {
        hs_jw_null(w);
        return;
    }
    located(w, text, needle, from > 200 ? from - 200 : 0);
}

static void attribution_row(hs_jw *w, sqlite3_stmt *st, rows_ctx *c)
{
    const char *content = col(st, 2), *text = c->text;
    const char *hit = text && content && *content ? strstr(text + c->from, content) : NULL;
    if (hit)
        c->from = (size_t)(hit - text);
    str_field(w, "id", col(st, 0));
    str_field(w, "kind", col(st, 1));
    hs_jw_key(w, "content");
    located(w, text, content, c->from);
    hs_jw_obj_end(w);
    near_span(w, "source", text, col(st, 3), c->from);
    if (col(st, 3)) {
        str_field(w, "entity", col(st, 5));
        str_field(w, "kind", col(st, 4));
        hs_jw_obj_end(w);
    }
    near_span(w, "cue", text, col(st, 6), c->from);
    if (col(st, 6))
        hs_jw_obj_end(w);
    hs_jw_key(w, "via");
    if (col(st, 7)) {
        hs_jw_obj(w);
        str_field(w, "text", col(st, 7));
        hs_jw_key(w, "entity");
        hs_jw_null(w);
        hs_jw_obj_end(w);
    } else {
        hs_jw_null(w);
    }
    hs_jw_key(w, "hedged");
    hs_jw_bool(w, sqlite3_column_int(st, 8));
}

static void relation_row(hs_jw *w, sqlite3_stmt *st, rows_ctx *c)
{
    char id[24];
    snprintf(id, sizeof id, "R%d", c->n + 1);
    str_field(w, "id", id);
    str_field(w, "type", col(st, 0));
    str_field(w, "subject", col(st, 1));
    str_field(w, "object", col(st, 2));
    str_field(w, "status", col(st, 3));
    str_field(w, "time", col(st, 5));
    hs_jw_key(w, "hedged");
    hs_jw_bool(w, sqlite3_column_int(st, 6));
    hs_jw_key(w, "claim");
    hs_jw_int(w, sqlite3_column_int64(st, 7));
    hs_jw_key(w, "evidence");
    located(w, c->text, col(st, 4), 0);
    hs_jw_obj_end(w);
}

int hs_store_article(hs_store *s, const char *id, const char **json, size_t *len)
{
    if (!s || !id || !json)
        return hs_error_set(HS_EINVAL, "hs_store_article: NULL argument");
    static const char *const sql[] = {
        "SELECT ar.id, ar.ext_id, ar.date, ar.outlet, ar.title, ar.url,"
        " (SELECT text FROM fts WHERE kind = 'a' AND ref = ar.id) FROM article ar WHERE ar.ext_id = ?1",
        "SELECT COALESCE(ae.lid, 'E' || ae.id), ae.type, ae.name, ae.entity, e.outlet FROM ae JOIN entity e ON e.id = ae.entity"
        " WHERE ae.article = ?1 ORDER BY ae.id",
        "SELECT COALESCE(st.lid, 'A' || st.id), st.kind, st.content, st.source, st.source_kind,"
        " CASE WHEN sa.id IS NULL THEN NULL ELSE COALESCE(sa.lid, 'E' || sa.id) END, st.cue, st.via, st.hedged"
        " FROM statement st LEFT JOIN ae sa ON sa.id = st.source_ae WHERE st.article = ?1 ORDER BY st.id",
        "SELECT c.type, COALESCE(s.lid, 'E' || s.id), COALESCE(o.lid, 'E' || o.id), e.status, e.text, e.time, e.hedged, c.id FROM evidence e"
        " JOIN claim c ON c.id = e.claim JOIN ae s ON s.id = e.subj_ae JOIN ae o ON o.id = e.obj_ae"
        " WHERE e.article = ?1 ORDER BY e.id",
    };
    sqlite3_stmt *st[4] = {NULL, NULL, NULL, NULL};
    int rc = 0;
    for (size_t i = 0; i < 4 && !rc; i++)
        if (!(st[i] = hs_store_prepare(s, sql[i])))
            rc = HS_ESTORE;
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    if (rc)
        goto done;
    sqlite3_bind_text(st[0], 1, id, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st[0]);
    if (r != SQLITE_ROW) {
        rc = r == SQLITE_DONE ? hs_error_set(HS_EINPUT, "%s: no article '%s'", s->path, id)
                              : hs_store_fail(s, "reading an article");
        goto done;
    }
    int64_t art = sqlite3_column_int64(st[0], 0);
    const char *text = col(st[0], 6);
    hs_jw_obj(&w);
    hs_jw_key(&w, "schema");
    hs_jw_str(&w, HS_SCHEMA);
    hs_jw_key(&w, "article");
    hs_jw_obj(&w);
    static const char *const keys[] = {"id", "date", "outlet", "title", "url"};
    for (int k = 0; k < 5; k++) {
        hs_jw_key(&w, keys[k]);
        hs_jw_str(&w, col(st[0], k + 1));
    }
    hs_jw_key(&w, "text");
    hs_jw_str(&w, text ? text : "");
    hs_jw_obj_end(&w);
    rows_ctx c = {text, 0, 0};
    rc = write_rows(s, &w, "entities", st[1], art, entity_row, &c);
    c.n = 0;
    if (!rc)
        rc = write_rows(s, &w, "attributions", st[2], art, attribution_row, &c);
    c.n = 0;
    if (!rc)
        rc = write_rows(s, &w, "relations", st[3], art, relation_row, &c);
    hs_jw_key(&w, "timexes");
    hs_jw_arr(&w);
    hs_jw_arr_end(&w);
    hs_jw_key(&w, "hedges");
    hs_jw_arr(&w);
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
done:
    for (size_t i = 0; i < 4; i++)
        sqlite3_finalize(st[i]);
    return hs_store_answer(s, &w, rc, json, len);
}
