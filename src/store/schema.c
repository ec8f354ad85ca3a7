/* The store file: opening and checking it, the schema and its migrations,
 * prepared statements, transactions.
 *
 * A hearsay store is an SQLite database whose application_id is 'HSY1' and
 * whose user_version is the schema version.  Opening refuses a file that is
 * not SQLite, an SQLite file of another application, and a store written by a
 * newer schema; an older schema is migrated step by step, each step in one
 * transaction.  Writes use WAL: a process killed mid-write leaves every
 * committed transaction in place and the last one either whole or absent. */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HS_STORE_APP_ID 0x48535931 /* 'HSY1' */

/* migrations[v] takes a store from schema v to v + 1. */
static const char *const migrations[] = {
    /* 0 → 1: the ledger */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "CREATE TABLE article(id INTEGER PRIMARY KEY, ext_id TEXT, url TEXT, hash INTEGER NOT NULL, date TEXT,"
    "  outlet TEXT, outlet_key TEXT, title TEXT, bytes INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX article_ext ON article(ext_id);"
    "CREATE INDEX article_url ON article(url);"
    "CREATE INDEX article_hash ON article(hash);"
    "CREATE INDEX article_outlet ON article(outlet_key);"
    "CREATE TABLE entity(id INTEGER PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,"
    "  outlet INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX entity_key ON entity(key, type);"
    "CREATE TABLE alias(key TEXT NOT NULL, type TEXT NOT NULL, entity INTEGER NOT NULL, name TEXT,"
    "  PRIMARY KEY(key, type)) WITHOUT ROWID;"
    "CREATE TABLE ae(id INTEGER PRIMARY KEY, article INTEGER NOT NULL, lid TEXT, key TEXT NOT NULL,"
    "  type TEXT NOT NULL, name TEXT NOT NULL, entity INTEGER NOT NULL);"
    "CREATE INDEX ae_entity ON ae(entity);"
    "CREATE INDEX ae_key ON ae(key, type);"
    "CREATE INDEX ae_article ON ae(article);"
    "CREATE TABLE variant(key TEXT NOT NULL, ae INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(key, ae))"
    "  WITHOUT ROWID;"
    "CREATE TABLE statement(id INTEGER PRIMARY KEY, article INTEGER NOT NULL, lid TEXT, kind TEXT,"
    "  content TEXT NOT NULL, qkey TEXT, source TEXT, source_kind TEXT, source_ae INTEGER, cue TEXT,"
    "  via TEXT, via_key TEXT, hedged INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX statement_article ON statement(article);"
    "CREATE INDEX statement_source ON statement(source_ae);"
    "CREATE TABLE about(ae INTEGER NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY(ae, statement))"
    "  WITHOUT ROWID;"
    "CREATE TABLE claim(id INTEGER PRIMARY KEY, type TEXT NOT NULL, subj INTEGER NOT NULL, obj INTEGER NOT NULL,"
    "  summary TEXT, support INTEGER NOT NULL DEFAULT 0, deny INTEGER NOT NULL DEFAULT 0,"
    "  n INTEGER NOT NULL DEFAULT 0, first TEXT, last TEXT);"
    "CREATE UNIQUE INDEX claim_key ON claim(subj, obj, type);"
    "CREATE INDEX claim_obj ON claim(obj);"
    "CREATE INDEX claim_rank ON claim(support + deny DESC, n DESC);"
    "CREATE TABLE evidence(id INTEGER PRIMARY KEY, claim INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  subj_ae INTEGER NOT NULL, obj_ae INTEGER NOT NULL, status TEXT NOT NULL, hedged INTEGER NOT NULL,"
    "  text TEXT, time TEXT, statement INTEGER, polarity INTEGER NOT NULL, origin TEXT NOT NULL,"
    "  origin_ae INTEGER, origin_name TEXT, qkey TEXT, date TEXT, source_kind TEXT, grp INTEGER);"
    "CREATE INDEX evidence_claim ON evidence(claim);"
    "CREATE INDEX evidence_subj ON evidence(subj_ae);"
    "CREATE INDEX evidence_obj ON evidence(obj_ae);"
    "CREATE VIRTUAL TABLE fts USING fts5(text, kind UNINDEXED, ref UNINDEXED,"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    /* 1 → 2: `who` reads an entity's names, variants and articles from indexes alone */
    "CREATE INDEX variant_ae ON variant(ae, name);"
    "DROP INDEX ae_entity;"
    "CREATE INDEX ae_entity ON ae(entity, article, name);",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static const char *const sq_sql[SQ_COUNT] = {
    [SQ_BEGIN] = "BEGIN IMMEDIATE",
    [SQ_COMMIT] = "COMMIT",
    [SQ_ROLLBACK] = "ROLLBACK",
    [SQ_ART_FIND] = "SELECT id FROM article WHERE ext_id = ?1 UNION ALL SELECT id FROM article WHERE url = ?2"
                    " UNION ALL SELECT id FROM article WHERE hash = ?3 LIMIT 1",
    [SQ_ART_INS] = "INSERT INTO article(ext_id, url, hash, date, outlet, outlet_key, title, bytes)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [SQ_FTS_INS] = "INSERT INTO fts(text, kind, ref) VALUES(?1, ?2, ?3)",
    [SQ_ALIAS_GET] = "SELECT entity FROM alias WHERE key = ?1 AND type = ?2",
    [SQ_ENT_GET] = "SELECT id FROM entity WHERE key = ?1 AND type = ?2",
    [SQ_ENT_INS] = "INSERT INTO entity(key, type, name, outlet) VALUES(?1, ?2, ?3, ?4)",
    [SQ_AE_INS] = "INSERT INTO ae(article, lid, key, type, name, entity) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    [SQ_VARIANT_INS] = "INSERT OR IGNORE INTO variant(key, ae, name) VALUES(?1, ?2, ?3)",
    [SQ_STMT_INS] = "INSERT INTO statement(article, lid, kind, content, qkey, source, source_kind, source_ae,"
                    " cue, via, via_key, hedged) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [SQ_ABOUT_INS] = "INSERT OR IGNORE INTO about(ae, statement) VALUES(?1, ?2)",
    [SQ_CLAIM_GET] = "SELECT id FROM claim WHERE subj = ?2 AND obj = ?3 AND type = ?1",
    [SQ_CLAIM_INS] = "INSERT INTO claim(type, subj, obj) VALUES(?1, ?2, ?3)",
    [SQ_EV_INS] = "INSERT INTO evidence(claim, article, subj_ae, obj_ae, status, hedged, text, time, statement,"
                  " polarity, origin, origin_ae, origin_name, qkey, date, source_kind)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [SQ_LEDGER_EV] = "SELECT e.id, e.polarity, e.status, e.hedged, e.origin, COALESCE(a.entity, -1), e.qkey,"
                     " e.source_kind, e.date, e.grp FROM evidence e LEFT JOIN ae a ON a.id = e.origin_ae"
                     " WHERE e.claim = ?1 ORDER BY e.date IS NULL, e.date, e.id",
    [SQ_LEDGER_GROUP] = "UPDATE evidence SET grp = ?2 WHERE id = ?1",
    [SQ_CLAIM_SET] = "UPDATE claim SET summary = ?2, support = ?3, deny = ?4, n = ?5, first = ?6, last = ?7"
                     " WHERE id = ?1",
    [SQ_CLAIM_DEL] = "DELETE FROM claim WHERE id = ?1",
};

int hs_store_fail(hs_store *s, const char *what)
{
    if (s->db && (sqlite3_errcode(s->db) == SQLITE_BUSY || sqlite3_errcode(s->db) == SQLITE_LOCKED))
        return hs_error_set(HS_ESTORE,
                            "%s: %s: the store is locked by another process writing to it (another 'hearsay add' or "
                            "'load'); gave up after waiting %d s (HEARSAY_LOCK_TIMEOUT); nothing was changed by this "
                            "attempt",
                            s->path, what, s->lock_timeout);
    return hs_error_set(HS_ESTORE, "%s: %s: %s", s->path, what, s->db ? sqlite3_errmsg(s->db) : "not open");
}

/* Seconds to wait for another writer: $HEARSAY_LOCK_TIMEOUT, else 10. */
static int lock_timeout(void)
{
    const char *e = getenv("HEARSAY_LOCK_TIMEOUT");
    char *end;
    long v = e && *e ? strtol(e, &end, 10) : -1;
    return v >= 0 && v <= 86400 && e && !*end ? (int)v : 10;
}

sqlite3_stmt *hs_store_prepare(hs_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        hs_store_fail(s, "preparing a query");
        return NULL;
    }
    return st;
}

sqlite3_stmt *hs_sq(hs_store *s, hs_sq_id i)
{
    if (!s->sq[i])
        s->sq[i] = hs_store_prepare(s, sq_sql[i]);
    else
        sqlite3_reset(s->sq[i]);
    return s->sq[i];
}

int hs_store_exec(hs_store *s, const char *sql)
{
    char *err = NULL;
    int src = sqlite3_exec(s->db, sql, NULL, NULL, &err);
    if (src == SQLITE_BUSY || src == SQLITE_LOCKED) {
        sqlite3_free(err);
        return hs_store_fail(s, "setting up");
    }
    if (src != SQLITE_OK) {
        int rc = hs_error_set(HS_ESTORE, "%s: %s", s->path, err ? err : sqlite3_errmsg(s->db));
        sqlite3_free(err);
        return rc;
    }
    return 0;
}

void hs_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

int hs_store_step_done(hs_store *s, sqlite3_stmt *st, const char *what)
{
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        ;
    int rc = r == SQLITE_DONE ? 0 : hs_store_fail(s, what);
    sqlite3_reset(st);
    return rc;
}

/* One integer from a query with no parameters; -1 on failure (error set). */
static long long pragma_int(hs_store *s, const char *sql)
{
    sqlite3_stmt *st = hs_store_prepare(s, sql);
    if (!st)
        return -1;
    long long v = -1;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else if (r != SQLITE_DONE)
        hs_store_fail(s, "reading the store");
    sqlite3_finalize(st);
    return v;
}

static int refuse(hs_store *s, const char *why)
{
    return hs_error_set(HS_ESTORE, "%s: %s", s->path, why);
}

/* Check what the file is and bring its schema up to date. */
static int check_and_migrate(hs_store *s)
{
    long long app = pragma_int(s, "PRAGMA application_id");
    if (app < 0) {
        int code = sqlite3_errcode(s->db);
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            return refuse(s, "not a hearsay store (not an SQLite database, or a damaged one)");
        return HS_ESTORE;
    }
    long long ver = pragma_int(s, "PRAGMA user_version");
    long long tables = pragma_int(s, "SELECT count(*) FROM sqlite_master");
    if (ver < 0 || tables < 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "damaged, or not a hearsay store (its schema cannot be read: %s)",
                 sqlite3_errmsg(s->db));
        return refuse(s, msg);
    }
    if (app == 0 && ver == 0 && tables == 0) {
        if (s->readonly)
            return refuse(s, "the store is empty (add articles with 'hearsay add' or 'hearsay load')");
    } else if (app != HS_STORE_APP_ID) {
        return refuse(s, "not a hearsay store (an SQLite database of another application)");
    }
    if (ver > SCHEMA_VERSION) {
        char msg[160];
        snprintf(msg, sizeof msg, "written by a newer hearsay (schema %lld; this build reads up to %d)", ver,
                 SCHEMA_VERSION);
        return refuse(s, msg);
    }
    if (ver < SCHEMA_VERSION && s->readonly)
        return refuse(s, "the store has an older schema; open it once for writing (hearsay add) to migrate it");
    for (long long v = ver; v < SCHEMA_VERSION; v++) {
        char tail[96];
        snprintf(tail, sizeof tail, "PRAGMA application_id = %d; PRAGMA user_version = %lld;", HS_STORE_APP_ID,
                 v + 1);
        int rc = hs_store_exec(s, "BEGIN IMMEDIATE");
        if (!rc)
            rc = hs_store_exec(s, migrations[v]);
        if (!rc)
            rc = hs_store_exec(s, tail);
        if (!rc)
            rc = hs_store_exec(s, "COMMIT");
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    return 0;
}

int hs_store_open(hs_store **out, const char *path, unsigned flags)
{
    if (!out || !path)
        return hs_error_set(HS_EINVAL, "hs_store_open: NULL argument");
    *out = NULL;
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (!exists && (!(flags & HS_STORE_CREATE) || (flags & HS_STORE_READONLY)))
        return hs_error_set(HS_ESTORE, "%s: no such store (create one with 'hearsay add' or 'hearsay load')", path);
    if (exists && S_ISDIR(st.st_mode))
        return hs_error_set(HS_ESTORE, "%s: is a directory, not a store", path);
    hs_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    s->readonly = (flags & HS_STORE_READONLY) != 0;
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = 0;
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rc = hs_store_fail(s, "cannot open");
        goto done;
    }
    s->lock_timeout = lock_timeout();
    sqlite3_busy_timeout(s->db, s->lock_timeout * 1000);
    sqlite3_extended_result_codes(s->db, 0);
    rc = check_and_migrate(s);
    if (!rc && !s->readonly)
        rc = hs_store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    if (!rc)
        rc = hs_store_exec(s, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;"
                              " PRAGMA mmap_size = 268435456;");
done:
    if (rc) {
        hs_store_close(s);
        return rc;
    }
    *out = s;
    return 0;
}

int hs_store_close(hs_store *s)
{
    if (!s)
        return 0;
    int rc = 0;
    if (s->in_batch)
        rc = hs_store_commit(s);
    for (int i = 0; i < SQ_COUNT; i++)
        sqlite3_finalize(s->sq[i]);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && !rc)
        rc = hs_store_fail(s, "closing");
    HS_ARRAY_FREE(&s->dirty);
    hs_rows_free(&s->rows);
    hs_buf_free(&s->out);
    free(s->path);
    free(s);
    return rc;
}

static int run_simple(hs_store *s, hs_sq_id i, const char *what)
{
    sqlite3_stmt *st = hs_sq(s, i);
    return st ? hs_store_step_done(s, st, what) : HS_ESTORE;
}

/* Roll back whatever is open, keeping the error message that caused it. */
static void rollback_quiet(hs_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->dirty.n = 0;
}

int hs_store_begin(hs_store *s)
{
    if (!s)
        return hs_error_set(HS_EINVAL, "hs_store_begin: NULL store");
    if (s->readonly)
        return hs_error_set(HS_ESTORE, "%s: opened read-only", s->path);
    if (s->in_batch)
        return 0;
    int rc = run_simple(s, SQ_BEGIN, "starting a transaction");
    s->in_batch = rc == 0;
    return rc;
}

int hs_store_commit(hs_store *s)
{
    if (!s)
        return hs_error_set(HS_EINVAL, "hs_store_commit: NULL store");
    if (!s->in_batch)
        return 0;
    int rc = hs_ledger_flush(s);
    if (!rc)
        rc = run_simple(s, SQ_COMMIT, "committing");
    if (rc)
        rollback_quiet(s);
    s->in_batch = 0;
    return rc;
}

void hs_store_abort(hs_store *s)
{
    rollback_quiet(s);
    s->in_batch = 0;
}

int hs_store_tx_begin(hs_store *s, int *opened)
{
    *opened = 0;
    if (s->readonly)
        return hs_error_set(HS_ESTORE, "%s: opened read-only", s->path);
    if (s->in_batch)
        return 0;
    int rc = run_simple(s, SQ_BEGIN, "starting a transaction");
    *opened = rc == 0;
    return rc;
}

int hs_store_tx_end(hs_store *s, int opened, int rc)
{
    if (!opened)
        return rc;
    if (!rc)
        rc = hs_ledger_flush(s);
    if (!rc)
        rc = run_simple(s, SQ_COMMIT, "committing");
    if (rc)
        rollback_quiet(s);
    return rc;
}
