/* The store's insides: the row form of one article, the handle, the
 * prepared statements, and the functions the store's files share.
 *
 * An article reaches the store as rows (hs_rows): strings copied into the
 * rows' arena, layers as flat arrays with indices between them.  Both an
 * analysed hs_doc (rows_doc.c) and a hearsay/1 JSON object (hjson.c) turn
 * into rows; add.c writes rows; ledger.c turns evidence into claim summaries;
 * query.c / report.c answer questions; alias.c corrects entity merges. */
#ifndef HS_STORE_H
#define HS_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc.h"
#include "hearsay.h"

/* ---- rows: one article in the form the store writes ---------------------- */

typedef struct hs_sr_entity {
    const char *lid;  /* the article's id for it ("E3") */
    const char *type; /* PERSON, ORG, ... */
    const char *name;
    int outlet;
    int64_t ae;       /* its row in `ae` once written (0: none) */
    int64_t entity;   /* the store entity it resolved to */
} hs_sr_entity;

typedef struct hs_sr_mention {
    int32_t entity;
    const char *text;
    uint32_t start, end; /* bytes in the article text; start == end: unknown */
    int is_name;
} hs_sr_mention;

typedef struct hs_sr_attr {
    const char *kind;        /* direct, mixed, indirect */
    const char *content;
    uint32_t cstart, cend;   /* content span (cstart == cend: unknown) */
    const char *source;      /* NULL: no source */
    const char *source_kind; /* person, anonymous, ... */
    int32_t source_entity;
    const char *cue;
    const char *via;
    int hedged;
    int64_t row;             /* its row in `statement` once written */
} hs_sr_attr;

typedef struct hs_sr_rel {
    const char *type, *status, *evidence, *time;
    int32_t subj, obj, attr;
    int hedged;
} hs_sr_rel;

typedef struct hs_rows {
    hs_arena arena;
    const char *id, *date, *outlet, *title, *url, *text;
    size_t text_len;
    size_t title_bytes; /* text opens with the title and a blank line (this many bytes) */
    HS_ARRAY(hs_sr_entity) ents;
    HS_ARRAY(hs_sr_mention) ments;
    HS_ARRAY(hs_sr_attr) attrs;
    HS_ARRAY(hs_sr_rel) rels;
} hs_rows;

void hs_rows_clear(hs_rows *r);
void hs_rows_free(hs_rows *r);
/* Fill rows from an analysed document / a hearsay/1 JSON object. */
int hs_rows_from_doc(hs_rows *r, const hs_doc *d);
int hs_rows_from_json(hs_rows *r, const char *json, size_t len, const char *origin);

/* ---- the handle ------------------------------------------------------------- */

/* Prepared statements, by number (SQL text in schema.c). */
typedef enum hs_sq {
    SQ_BEGIN, SQ_COMMIT, SQ_ROLLBACK,
    SQ_ART_FIND, SQ_ART_INS, SQ_FTS_INS,
    SQ_ALIAS_GET, SQ_ENT_GET, SQ_ENT_INS, SQ_AE_INS, SQ_VARIANT_INS,
    SQ_STMT_INS, SQ_ABOUT_INS,
    SQ_CLAIM_GET, SQ_CLAIM_INS, SQ_EV_INS,
    SQ_LEDGER_EV, SQ_LEDGER_GROUP, SQ_CLAIM_SET, SQ_CLAIM_DEL,
    SQ_COUNT
} hs_sq_id;

struct hs_store {
    sqlite3 *db;
    char *path;
    int readonly;
    int in_batch;              /* a transaction opened by hs_store_begin */
    int lock_timeout;          /* seconds a writer waits for another one's lock */
    sqlite3_stmt *sq[SQ_COUNT];
    HS_ARRAY(int64_t) dirty;   /* claims whose summary must be recomputed */
    hs_rows rows;
    hs_buf out;                /* the last query's JSON */
};

/* The statement number `i`, prepared on first use (NULL with the error set). */
sqlite3_stmt *hs_sq(hs_store *s, hs_sq_id i);
/* A prepared statement for ad-hoc SQL (caller finalizes); NULL with the error set. */
sqlite3_stmt *hs_store_prepare(hs_store *s, const char *sql);
/* Set the error from SQLite's last message: "PATH: what: message". */
int hs_store_fail(hs_store *s, const char *what);
/* Run SQL without results. */
int hs_store_exec(hs_store *s, const char *sql);
/* Bind helpers: text (NULL → NULL), int64. */
void hs_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Step a statement that returns no row (or ignore rows); resets it. */
int hs_store_step_done(hs_store *s, sqlite3_stmt *st, const char *what);

/* End a JSON answer written into s->out (query.c): newline, *json and *len. */
struct hs_jw;
int hs_store_answer(hs_store *s, struct hs_jw *w, int rc, const char **json, size_t *len);
/* After stepping through rows: 0 when the last step was SQLITE_DONE, else the error. */
int hs_store_rows_end(hs_store *s, int last_step);

/* ---- folding (fold.c) ---------------------------------------------------------- */

/* Entity key: NFKD, accents stripped, case-folded, punctuation dropped
 * (hyphens become spaces), spaces collapsed.  "" for a name without letters. */
int hs_fold_name(hs_buf *out, const char *name);
/* A PERSON key without a leading title ("senator ingrid vale" → "ingrid
 * vale") when a first and a last name remain ("prince harry" stays). 1 when
 * a title was dropped. */
int hs_fold_person(hs_buf *key);
/* Outlet key: the entity key without a leading "the" and without spaces, so
 * "The U.S. Sun" = "US Sun" = "ussun"; a web address gives its site name
 * ("www.people.com/x" → "people"). */
int hs_fold_outlet(hs_buf *out, const char *name);
/* A quotation's text for echo detection: quote marks and dashes unified,
 * case folded, spaces collapsed, outer punctuation dropped. */
int hs_fold_quote(hs_buf *out, const char *text);
/* The site of a URL ("www.people.com/a/b" → "people.com"), into out. */
int hs_url_host(hs_buf *out, const char *url);
/* 64-bit content hash (FNV-1a) of text. */
uint64_t hs_text_hash(const char *s, size_t n);
/* Is a relation type symmetric (romance, spouse, ...)?  -1 for an unknown type. */
int hs_rel_symmetric(const char *type);
/* Is a source kind a named party (person, representative, organization)? */
int hs_source_named(const char *kind);

/* ---- ledger (ledger.c) ----------------------------------------------------------- */

/* Remember that a claim's summary must be recomputed. */
int hs_ledger_dirty(hs_store *s, int64_t claim);
/* Recompute the summaries of the dirty claims (inside the open transaction). */
int hs_ledger_flush(hs_store *s);
/* The claim for (type, e1, e2): found or created (symmetric types unordered). */
int hs_ledger_claim(hs_store *s, const char *type, int64_t e1, int64_t e2, int64_t *claim);

/* ---- entities (add.c) -------------------------------------------------------------- */

/* The store entity for a folded key of a type: a user alias first, then the
 * entity of that key, else a new one named `name`. */
int hs_entity_resolve(hs_store *s, const char *key, const char *type, const char *name, int outlet,
                      int64_t *id);
/* Find the entity a user means by NAME: exact key, then a user alias, then a
 * unique entity with NAME among its recorded names.  0 and *id, or HS_EINPUT. */
int hs_entity_find(hs_store *s, const char *name, int64_t *id);

/* Write one article's rows (the body of hs_store_add_doc / _json). */
int hs_store_add_rows(hs_store *s, hs_rows *r, int *added);

/* Roll back the open batch (after a store failure). */
void hs_store_abort(hs_store *s);
/* Open a transaction unless a batch is open; end it (commit or roll back). */
int hs_store_tx_begin(hs_store *s, int *opened);
int hs_store_tx_end(hs_store *s, int opened, int rc);

#endif
