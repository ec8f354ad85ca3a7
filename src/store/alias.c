/* Finding the entity a user names, and user corrections of entity merges
 * (`hearsay alias add|remove`).
 *
 * Every article entity (`ae`) keeps its folded key, so a correction is a
 * re-resolution: the article entities with the alias's key move to the target
 * entity (or back to an entity of their own), and the evidence on them moves
 * to the claims of the entities they now belong to. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* All ids a one-column query returns for text parameter `key` (at most 8). */
static int ids_for(hs_store *s, const char *sql, const char *key, int64_t *ids, int *n)
{
    sqlite3_stmt *st = hs_store_prepare(s, sql);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, key);
    *n = 0;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        if (*n < 8)
            ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? 0 : hs_store_fail(s, "looking up a name");
}

static int ambiguous(hs_store *s, const char *name, const int64_t *ids, int n)
{
    hs_buf b = HS_BUF_INIT;
    sqlite3_stmt *st = hs_store_prepare(s, "SELECT name, type FROM entity WHERE id = ?1");
    for (int i = 0; st && i < n; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        if (sqlite3_step(st) == SQLITE_ROW)
            hs_buf_printf(&b, "%s%s (%s, id %lld)", i ? "; " : "", sqlite3_column_text(st, 0),
                          sqlite3_column_text(st, 1), (long long)ids[i]);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    int rc = hs_error_set(HS_EINPUT, "'%s' is ambiguous: %s (give the full name)", name, b.data ? b.data : "");
    hs_buf_free(&b);
    return rc;
}

int hs_entity_find(hs_store *s, const char *name, int64_t *id)
{
    hs_buf key = HS_BUF_INIT;
    int rc = hs_fold_name(&key, name);
    if (!rc && !key.len)
        rc = hs_error_set(HS_EINPUT, "'%s' is not a name", name);
    /* an entity id given as #N */
    if (!rc && name[0] == '#') {
        *id = strtoll(name + 1, NULL, 10);
        hs_buf_free(&key);
        return 0;
    }
    static const char *const steps[] = {
        /* a user alias */
        "SELECT entity FROM alias WHERE key = ?1",
        /* the key of an entity that appears in articles; most articles first */
        "SELECT e.id FROM entity e WHERE e.key = ?1 AND EXISTS (SELECT 1 FROM ae WHERE ae.entity = e.id)"
        " ORDER BY (SELECT count(*) FROM ae WHERE ae.entity = e.id) DESC LIMIT 1",
        /* a name variant an article tied to an entity */
        "SELECT DISTINCT ae.entity FROM variant v JOIN ae ON ae.id = v.ae WHERE v.key = ?1",
    };
    int64_t ids[8];
    int n = 0;
    /* "Senator Ingrid Vale" finds the person stored as "ingrid vale" */
    hs_buf bare = HS_BUF_INIT;
    if (!rc && hs_buf_put(&bare, key.data, key.len) == 0 && hs_fold_person(&bare)) {
        rc = ids_for(s, steps[1], bare.data, ids, &n);
        if (!rc && n == 1) {
            *id = ids[0];
            hs_buf_free(&bare);
            hs_buf_free(&key);
            return 0;
        }
    }
    hs_buf_free(&bare);
    for (size_t i = 0; !rc && i < sizeof steps / sizeof steps[0]; i++) {
        rc = ids_for(s, steps[i], key.data, ids, &n);
        if (!rc && n == 1) {
            *id = ids[0];
            break;
        }
        if (!rc && n > 1) {
            rc = ambiguous(s, name, ids, n);
            break;
        }
    }
    if (!rc && n == 0)
        rc = hs_error_set(HS_EINPUT, "%s: no entity named '%s'", s->path, name);
    hs_buf_free(&key);
    return rc;
}

typedef struct move {
    int64_t evidence, old_claim, subj, obj;
    char type[32];
} move;

/* Move evidence whose claim no longer matches its entities to the right claim. */
static int reassign(hs_store *s)
{
    sqlite3_stmt *st = hs_store_prepare(
        s, "SELECT e.id, e.claim, c.type, sa.entity, oa.entity FROM evidence e JOIN claim c ON c.id = e.claim"
           " JOIN ae sa ON sa.id = e.subj_ae JOIN ae oa ON oa.id = e.obj_ae"
           " WHERE NOT ((c.subj = sa.entity AND c.obj = oa.entity) OR (c.subj = oa.entity AND c.obj = sa.entity))");
    if (!st)
        return HS_ESTORE;
    HS_ARRAY(move) moves = {NULL, 0, 0};
    int r, rc = 0;
    while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW) {
        move *m = HS_PUSH(&moves);
        if (!m) {
            rc = HS_ENOMEM;
            break;
        }
        m->evidence = sqlite3_column_int64(st, 0);
        m->old_claim = sqlite3_column_int64(st, 1);
        snprintf(m->type, sizeof m->type, "%s", sqlite3_column_text(st, 2));
        m->subj = sqlite3_column_int64(st, 3);
        m->obj = sqlite3_column_int64(st, 4);
    }
    if (!rc && r != SQLITE_DONE)
        rc = hs_store_fail(s, "reading evidence");
    sqlite3_finalize(st);
    st = rc ? NULL : hs_store_prepare(s, "UPDATE evidence SET claim = ?2 WHERE id = ?1");
    if (!rc && !st)
        rc = HS_ESTORE;
    for (size_t i = 0; !rc && i < moves.n; i++) {
        int64_t claim;
        rc = hs_ledger_claim(s, moves.v[i].type, moves.v[i].subj, moves.v[i].obj, &claim);
        if (!rc)
            rc = hs_ledger_dirty(s, moves.v[i].old_claim);
        if (!rc)
            rc = hs_ledger_dirty(s, claim);
        if (!rc) {
            sqlite3_bind_int64(st, 1, moves.v[i].evidence);
            sqlite3_bind_int64(st, 2, claim);
            rc = hs_store_step_done(s, st, "moving evidence");
        }
    }
    sqlite3_finalize(st);
    HS_ARRAY_FREE(&moves);
    return rc;
}

/* Run `sql` with ?1 = text a, ?2 = text b, ?3 = int64 c. */
static int exec3(hs_store *s, const char *sql, const char *a, const char *b, int64_t c)
{
    sqlite3_stmt *st = hs_store_prepare(s, sql);
    if (!st)
        return HS_ESTORE;
    hs_bind_text(st, 1, a);
    hs_bind_text(st, 2, b);
    sqlite3_bind_int64(st, 3, c);
    int rc = hs_store_step_done(s, st, "updating entities");
    sqlite3_finalize(st);
    return rc;
}

int hs_store_alias_add(hs_store *s, const char *alias, const char *name)
{
    if (!s || !alias || !name)
        return hs_error_set(HS_EINVAL, "hs_store_alias_add: NULL argument");
    int opened, rc = hs_store_tx_begin(s, &opened);
    if (rc)
        return rc;
    int64_t target;
    hs_buf key = HS_BUF_INIT;
    char type[32] = "", tkey[256] = "";
    rc = hs_entity_find(s, name, &target);
    if (!rc)
        rc = hs_fold_name(&key, alias);
    if (!rc && !key.len)
        rc = hs_error_set(HS_EINPUT, "'%s' is not a name", alias);
    sqlite3_stmt *st = rc ? NULL : hs_store_prepare(s, "SELECT type, key FROM entity WHERE id = ?1");
    if (st) {
        sqlite3_bind_int64(st, 1, target);
        if (sqlite3_step(st) == SQLITE_ROW) {
            snprintf(type, sizeof type, "%s", sqlite3_column_text(st, 0));
            snprintf(tkey, sizeof tkey, "%s", sqlite3_column_text(st, 1));
        }
        sqlite3_finalize(st);
    } else if (!rc) {
        rc = HS_ESTORE;
    }
    if (!rc && strcmp(tkey, key.data) == 0)
        rc = hs_error_set(HS_EINPUT, "'%s' already is the name of '%s'", alias, name);
    if (!rc)
        rc = exec3(s, "INSERT OR REPLACE INTO alias(key, type, entity, name) VALUES(?1, ?2, ?3, NULL)", key.data,
                   type, target);
    if (!rc)
        rc = exec3(s, "UPDATE alias SET name = ?2 WHERE key = ?1 AND entity = ?3", key.data, alias, target);
    if (!rc)
        rc = exec3(s, "UPDATE ae SET entity = ?3 WHERE key = ?1 AND type = ?2", key.data, type, target);
    if (!rc)
        rc = reassign(s);
    if (!rc)
        rc = exec3(s, "DELETE FROM entity WHERE key = ?1 AND type = ?2 AND id <> ?3 AND NOT EXISTS"
                      " (SELECT 1 FROM ae WHERE ae.entity = entity.id)", key.data, type, target);
    hs_buf_free(&key);
    return hs_store_tx_end(s, opened, rc);
}

int hs_store_alias_remove(hs_store *s, const char *alias)
{
    if (!s || !alias)
        return hs_error_set(HS_EINVAL, "hs_store_alias_remove: NULL argument");
    int opened, rc = hs_store_tx_begin(s, &opened);
    if (rc)
        return rc;
    hs_buf key = HS_BUF_INIT;
    rc = hs_fold_name(&key, alias);
    int64_t ids[8];
    int n = 0;
    if (!rc)
        rc = ids_for(s, "SELECT entity FROM alias WHERE key = ?1", key.data ? key.data : "", ids, &n);
    if (!rc && n == 0)
        rc = hs_error_set(HS_EINPUT, "%s: no alias '%s' (see 'hearsay who NAME' for an entity's names)", s->path,
                          alias);
    if (!rc)
        rc = exec3(s, "DELETE FROM alias WHERE key = ?1 AND ?2 IS NULL AND ?3 = 0", key.data, NULL, 0);
    /* the article entities that used the alias get an entity of their own again */
    sqlite3_stmt *st = rc ? NULL : hs_store_prepare(s, "SELECT id, type, name FROM ae WHERE key = ?1");
    sqlite3_stmt *up = st ? hs_store_prepare(s, "UPDATE ae SET entity = ?2 WHERE id = ?1") : NULL;
    if (!rc && !up)
        rc = HS_ESTORE;
    if (!rc) {
        hs_bind_text(st, 1, key.data);
        int r;
        while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t ent;
            rc = hs_entity_resolve(s, key.data, (const char *)sqlite3_column_text(st, 1),
                                   (const char *)sqlite3_column_text(st, 2), 0, &ent);
            if (!rc) {
                sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
                sqlite3_bind_int64(up, 2, ent);
                rc = hs_store_step_done(s, up, "updating entities");
            }
        }
        if (!rc && r != SQLITE_DONE)
            rc = hs_store_fail(s, "reading entities");
    }
    sqlite3_finalize(st);
    sqlite3_finalize(up);
    if (!rc)
        rc = reassign(s);
    hs_buf_free(&key);
    return hs_store_tx_end(s, opened, rc);
}
