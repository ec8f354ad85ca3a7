/* Store-wide reports: sources per outlet, full-text search, counts and the
 * integrity check, and the export of the entity-claim graph. */
#include "out/jw.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

int hs_store_sources(hs_store *s, const char *outlet, const char **json, size_t *len)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_sources: NULL argument");
    hs_buf key = HS_BUF_INIT;
    int rc = hs_fold_outlet(&key, outlet);
    if (rc) {
        hs_buf_free(&key);
        return rc;
    }
    /* outlets with their statement counts, then kinds and top sources of each */
    sqlite3_stmt *ol = hs_store_prepare(
        s, "SELECT ar.outlet_key, max(ar.outlet), count(*), sum(st.source_kind = 'anonymous'),"
           " sum(st.source IS NOT NULL) FROM statement st JOIN article ar ON ar.id = st.article"
           " WHERE ?1 IS NULL OR ar.outlet_key = ?1 GROUP BY ar.outlet_key ORDER BY count(*) DESC LIMIT 50");
    sqlite3_stmt *kinds = ol ? hs_store_prepare(
        s, "SELECT COALESCE(st.source_kind, 'none'), count(*) FROM statement st JOIN article ar ON ar.id ="
           " st.article WHERE ar.outlet_key IS ?1 GROUP BY 1 ORDER BY 2 DESC") : NULL;
    sqlite3_stmt *top = kinds ? hs_store_prepare(
        /* a source linked to an entity counts under the entity's name ("she" and
         * "Halvorsen" are one source when the article tied them to her) */
        s, "SELECT COALESCE(max(en.name), max(st.source)), st.source_kind, count(*) FROM statement st"
           " JOIN article ar ON ar.id = st.article LEFT JOIN ae ON ae.id = st.source_ae"
           " LEFT JOIN entity en ON en.id = ae.entity WHERE ar.outlet_key IS ?1 AND st.source IS NOT NULL"
           " GROUP BY COALESCE('#' || ae.entity, lower(st.source)), st.source_kind ORDER BY 3 DESC LIMIT 8") : NULL;
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    if (!top) {
        rc = HS_ESTORE;
        goto done;
    }
    hs_bind_text(ol, 1, key.len ? key.data : NULL);
    hs_jw_obj(&w);
    hs_jw_key(&w, "outlets");
    hs_jw_arr(&w);
    int r;
    while (!rc && (r = sqlite3_step(ol)) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(ol, 2), anon = sqlite3_column_int64(ol, 3);
        long long sourced = sqlite3_column_int64(ol, 4);
        hs_jw_obj(&w);
        hs_jw_key(&w, "outlet");
        hs_jw_str(&w, (const char *)sqlite3_column_text(ol, 1));
        hs_jw_key(&w, "statements");
        hs_jw_int(&w, n);
        hs_jw_key(&w, "sourced");
        hs_jw_int(&w, sourced);
        hs_jw_key(&w, "anonymous");
        hs_jw_int(&w, anon);
        hs_jw_key(&w, "anonymous_share");
        hs_jw_num(&w, sourced ? (double)anon / (double)sourced : 0.0);
        hs_jw_key(&w, "kinds");
        hs_jw_obj(&w);
        sqlite3_bind_value(kinds, 1, sqlite3_column_value(ol, 0));
        int r2;
        while ((r2 = sqlite3_step(kinds)) == SQLITE_ROW) {
            hs_jw_key(&w, (const char *)sqlite3_column_text(kinds, 0));
            hs_jw_int(&w, sqlite3_column_int64(kinds, 1));
        }
        rc = hs_store_rows_end(s, r2);
        sqlite3_reset(kinds);
        hs_jw_obj_end(&w);
        hs_jw_key(&w, "sources");
        hs_jw_arr(&w);
        sqlite3_bind_value(top, 1, sqlite3_column_value(ol, 0));
        while (!rc && (r2 = sqlite3_step(top)) == SQLITE_ROW) {
            hs_jw_obj(&w);
            hs_jw_key(&w, "text");
            hs_jw_str(&w, (const char *)sqlite3_column_text(top, 0));
            hs_jw_key(&w, "kind");
            hs_jw_str(&w, (const char *)sqlite3_column_text(top, 1));
            hs_jw_key(&w, "count");
            hs_jw_int(&w, sqlite3_column_int64(top, 2));
            hs_jw_obj_end(&w);
        }
        if (!rc)
            rc = hs_store_rows_end(s, r2);
        sqlite3_reset(top);
        hs_jw_arr_end(&w);
        hs_jw_obj_end(&w);
    }
    if (!rc)
        rc = hs_store_rows_end(s, r);
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
done:
    sqlite3_finalize(ol);
    sqlite3_finalize(kinds);
    sqlite3_finalize(top);
    hs_buf_free(&key);
    return hs_store_answer(s, &w, rc, json, len);
}

/* The user's words as an FTS5 query: each word a quoted string (all must match). */
static int fts_query(hs_buf *q, const char *text)
{
    hs_buf_clear(q);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        if (q->len)
            hs_buf_putc(q, ' ');
        hs_buf_putc(q, '"');
        for (; *p && *p != ' ' && *p != '\t' && *p != '\n'; p++)
            if (*p == '"' ? hs_buf_puts(q, "\"\"") : hs_buf_putc(q, *p))
                return HS_ENOMEM;
        if (hs_buf_putc(q, '"'))
            return HS_ENOMEM;
    }
    return 0;
}

int hs_store_search(hs_store *s, const char *query, size_t limit, const char **json, size_t *len)
{
    if (!s || !query || !json)
        return hs_error_set(HS_EINVAL, "hs_store_search: NULL argument");
    hs_buf q = HS_BUF_INIT;
    int rc = fts_query(&q, query);
    if (!rc && !q.len)
        rc = hs_error_set(HS_EINPUT, "nothing to search for");
    sqlite3_stmt *st = rc ? NULL : hs_store_prepare(
        s, "SELECT f.kind, ar.ext_id, ar.date, ar.outlet, ar.title, st.source, st.source_kind,"
           " snippet(fts, 0, '[', ']', '…', 16) FROM fts f"
           " LEFT JOIN statement st ON f.kind = 's' AND st.id = f.ref"
           " JOIN article ar ON ar.id = CASE f.kind WHEN 's' THEN st.article ELSE f.ref END"
           " WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2");
    if (!rc && !st)
        rc = HS_ESTORE;
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    if (!rc) {
        hs_bind_text(st, 1, q.data);
        sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : 20);
        hs_jw_obj(&w);
        hs_jw_key(&w, "results");
        hs_jw_arr(&w);
        int r;
        static const char *const keys[] = {"kind", "article", "date", "outlet", "title", "source", "source_kind",
                                           "snippet"};
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            hs_jw_obj(&w);
            for (int i = 0; i < 8; i++) {
                const char *v = (const char *)sqlite3_column_text(st, i);
                hs_jw_key(&w, keys[i]);
                hs_jw_str(&w, i == 0 ? (v && v[0] == 's' ? "quotation" : "article") : v);
            }
            hs_jw_obj_end(&w);
        }
        rc = hs_store_rows_end(s, r);
        hs_jw_arr_end(&w);
        hs_jw_obj_end(&w);
    }
    sqlite3_finalize(st);
    hs_buf_free(&q);
    return hs_store_answer(s, &w, rc, json, len);
}

int hs_store_stats(hs_store *s, int check, const char **json, size_t *len)
{
    if (!s || !json)
        return hs_error_set(HS_EINVAL, "hs_store_stats: NULL argument");
    static const struct {
        const char *key, *sql;
    } counts[] = {
        {"articles", "SELECT count(*) FROM article"},
        {"entities", "SELECT count(DISTINCT entity) FROM ae"},
        {"statements", "SELECT count(*) FROM statement"},
        {"claims", "SELECT count(*) FROM claim"},
        {"evidence", "SELECT count(*) FROM evidence"},
        {"aliases", "SELECT count(*) FROM alias"},
        {"schema", "PRAGMA user_version"},
    };
    hs_buf_clear(&s->out);
    hs_jw w;
    hs_jw_init(&w, &s->out, 0);
    hs_jw_obj(&w);
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof counts / sizeof counts[0]; i++) {
        sqlite3_stmt *st = hs_store_prepare(s, counts[i].sql);
        if (!st)
            return HS_ESTORE;
        if (sqlite3_step(st) == SQLITE_ROW) {
            hs_jw_key(&w, counts[i].key);
            hs_jw_int(&w, sqlite3_column_int64(st, 0));
        } else {
            rc = hs_store_fail(s, "counting");
        }
        sqlite3_finalize(st);
    }
    if (!rc && check) {
        sqlite3_stmt *st = hs_store_prepare(s, "PRAGMA integrity_check");
        if (!st)
            return HS_ESTORE;
        hs_jw_key(&w, "integrity");
        hs_jw_arr(&w);
        int r, damaged = 0;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            const char *msg = (const char *)sqlite3_column_text(st, 0);
            if (!damaged && msg && strcmp(msg, "ok") != 0)
                damaged = hs_error_set(HS_ESTORE, "%s: the store is damaged: %s", s->path, msg);
            hs_jw_str(&w, msg);
        }
        hs_jw_arr_end(&w);
        rc = damaged ? damaged : hs_store_rows_end(s, r);
        sqlite3_finalize(st);
    }
    hs_jw_obj_end(&w);
    return hs_store_answer(s, &w, rc, json, len);
}
