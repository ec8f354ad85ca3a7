/* The server's insides: requests and responses as plain structs, so that
 * handlers know nothing of libmicrohttpd (http.c is the only file that does).
 *
 *   http.c     daemon, connections, request bodies, responses, the pools
 *   route.c    the routing table (data), matching, JSON errors, GET /api
 *   static.c   files from web/: path checks, content types
 *   analyze.c  POST /api/analyze and GET /api/health
 *   cache.c    answers of the store's read routes, kept until the store changes
 *   ledger.c   the store's routes, with a pool of read-only store handles
 */
#ifndef HS_SERVE_H
#define HS_SERVE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "out/jw.h"
#include "hearsay.h"

/* HTTP methods as bits, so a route can accept several. */
enum {
    HS_M_GET = 1u << 0,
    HS_M_HEAD = 1u << 1,
    HS_M_POST = 1u << 2,
    HS_M_PUT = 1u << 3,
    HS_M_DELETE = 1u << 4,
    HS_M_OPTIONS = 1u << 5,
    HS_M_PATCH = 1u << 6,
    HS_M_OTHER = 1u << 7
};

#define HS_REQ_MAX_ARGS 16
#define HS_REQ_MAX_PARAMS 4
#define HS_SERVE_POOL 64

typedef struct hs_kv {
    const char *k, *v;
} hs_kv;

typedef struct hs_req {
    hs_server *srv;
    unsigned method;     /* one HS_M_* bit */
    const char *path;    /* decoded, without the query string */
    const char *ctype;   /* Content-Type header (NULL when absent) */
    const char *body;    /* NUL-terminated (NULL when there is none) */
    size_t body_len;
    hs_kv args[HS_REQ_MAX_ARGS]; /* query arguments, decoded */
    size_t n_args;
    int args_overflow;   /* more arguments than HS_REQ_MAX_ARGS */
    const char *params[HS_REQ_MAX_PARAMS]; /* path segments a route's "{}" matched */
    size_t n_params;
    char param_buf[512]; /* where params point */
} hs_req;

typedef struct hs_resp {
    int status;
    const char *ctype;  /* static string */
    hs_buf body;
    int fd;             /* >= 0: send this file (fd_size bytes) instead of body */
    uint64_t fd_size;
    const char *allow;  /* Allow header for 405 (static string) */
    int cache;          /* static files may be cached for a while */
} hs_resp;

typedef int (*hs_handler)(hs_req *rq, hs_resp *rs);

/* Objects kept for reuse between requests (documents, store handles). */
typedef struct hs_pool {
    void *items[HS_SERVE_POOL];
    size_t n;
} hs_pool;
typedef struct hs_cache hs_cache;

struct hs_server {
    hs_server_options opts;
    struct MHD_Daemon *mhd;
    unsigned port;
    char *web_dir;      /* realpath of the static files' directory, or NULL */
    size_t max_body;
    pthread_mutex_t mu; /* guards the pools */
    hs_pool docs;       /* hs_doc */
    hs_cache *cache;    /* NULL: no cache (no store, or --no-cache) */
    hs_pool stores;     /* read-only hs_store handles */
    hs_store *writer;   /* the one handle that adds articles */
    pthread_mutex_t wmu; /* guards writer */
};

/* ---- http.c: the pools (one hs_doc per request in flight) ---- */
/* An object from the pool, or NULL when it is empty. */
void *hs_pool_take(hs_server *s, hs_pool *p);
/* Put an object back: NULL, or the object itself when the pool is full
 * (the caller frees it). */
void *hs_pool_give(hs_server *s, hs_pool *p, void *item);
hs_doc *hs_serve_doc_take(hs_server *s);
void hs_serve_doc_give(hs_server *s, hs_doc *d);

/* ---- route.c ---- */
/* The method bit for a method name (HS_M_OTHER when unknown). */
unsigned hs_serve_method(const char *name);
/* Answer a request: the matching route, a static file, or a JSON error. */
void hs_serve_dispatch(hs_req *rq, hs_resp *rs);
/* Match `path` against a route pattern ("/api/claim/{}": "{}" takes one
 * segment).  Captures go to rq->params.  1 on a match, else 0. */
int hs_route_match(const char *pattern, const char *path, hs_req *rq);
/* A query argument (NULL when absent). */
const char *hs_req_arg(const hs_req *rq, const char *name);
/* Fill rs with {"error": {"status": N, "message": "..."}}; returns status. */
int hs_resp_error(hs_resp *rs, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The status for a failed library call (HS_EINPUT → 422, HS_ENOMEM → 500…),
 * with hs_error_last() as the message. */
int hs_resp_fail(hs_resp *rs, int rc);
/* Start writing a JSON answer into rs->body with w; end it: 200, or 500 when
 * the writer ran out of memory. */
void hs_resp_begin(hs_resp *rs, hs_jw *w);
int hs_resp_end(hs_resp *rs, hs_jw *w);
/* Copy JSON text into the response, status 200. */
int hs_resp_json(hs_resp *rs, const char *json, size_t len);

/* ---- cache.c ---- */
/* A cache whose version follows the store file `db_path` (and its -wal). */
int hs_cache_new(hs_cache **out, const char *db_path);
void hs_cache_free(hs_cache *c);
/* The store's version now (take it before the query whose answer is kept). */
uint64_t hs_cache_version(hs_cache *c);
/* The server changed the store: every kept answer is stale. */
void hs_cache_bump(hs_cache *c);
/* The cache key of a request: its path and query arguments. */
int hs_cache_key(hs_buf *key, const hs_req *rq);
/* 1 and the kept answer in out when `key` was kept at `version`, else 0. */
int hs_cache_get(hs_cache *c, const char *key, uint64_t version, hs_buf *out);
/* Keep an answer (a copy); answers too large are not kept. */
void hs_cache_put(hs_cache *c, const char *key, uint64_t version, const char *body, size_t len);
void hs_cache_counts(hs_cache *c, uint64_t *hits, uint64_t *misses);

/* ---- static.c ---- */
/* Check a request path for a static file: 0 and the file's path relative to
 * the web directory in `out` ("index.html" for "/"), or -1 when the path may
 * not be served (a ".." or hidden segment, a backslash, an empty segment). */
int hs_static_path(const char *path, char *out, size_t cap);
/* The Content-Type for a file name, from its extension. */
const char *hs_static_type(const char *name);
/* The web directory: `explicit_dir`, else $HEARSAY_WEB, else web/ on the
 * search path (malloc'ed, or NULL when there is none). */
char *hs_find_web_dir(const char *explicit_dir);
/* Serve a file below the web directory (GET/HEAD), or a JSON 404. */
int hs_static_serve(hs_req *rq, hs_resp *rs);

/* ---- ledger.c ---- */
/* Open the store (opts.db, created when missing) for writing, and check it. */
int hs_serve_ledger_open(hs_server *s);
/* Close every store handle. */
void hs_serve_ledger_close(hs_server *s);
int hs_api_entities(hs_req *rq, hs_resp *rs);
int hs_api_entity(hs_req *rq, hs_resp *rs);
int hs_api_claims(hs_req *rq, hs_resp *rs);
int hs_api_trace(hs_req *rq, hs_resp *rs);
int hs_api_article(hs_req *rq, hs_resp *rs);
int hs_api_article_add(hs_req *rq, hs_resp *rs);
int hs_api_sources(hs_req *rq, hs_resp *rs);
int hs_api_search(hs_req *rq, hs_resp *rs);
int hs_api_stats(hs_req *rq, hs_resp *rs);

/* ---- analyze.c ---- */
/* Analyse the request's body: 0 and *out (give it back with
 * hs_serve_doc_give), or the error status with rs filled. */
int hs_serve_analyze(hs_req *rq, hs_resp *rs, hs_doc **out);
/* Answer with d's hearsay/1 JSON plus "warnings" (and "added" when added >= 0). */
int hs_serve_answer(hs_req *rq, hs_resp *rs, hs_doc *d, int added);
int hs_api_analyze(hs_req *rq, hs_resp *rs);
int hs_api_health(hs_req *rq, hs_resp *rs);

#endif
