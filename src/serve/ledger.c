/* The store's routes: thin over the hs_store_* queries, which answer JSON
 * (docs/ledger.md).  A store handle belongs to one thread at a time, so the
 * server keeps a pool of read-only handles (each request takes one and gives
 * it back) and one writing handle behind a mutex for POST /api/articles.
 * SQLite in WAL mode lets the readers go on while the writer adds. */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

int hs_serve_ledger_open(hs_server *s)
{
    if (!s->opts.db)
        return 0;
    pthread_mutex_init(&s->wmu, NULL);
    return hs_store_open(&s->writer, s->opts.db, HS_STORE_CREATE);
}

void hs_serve_ledger_close(hs_server *s)
{
    for (size_t i = 0; i < s->stores.n; i++)
        hs_store_close(s->stores.items[i]);
    s->stores.n = 0;
    if (s->writer) {
        hs_store_close(s->writer);
        s->writer = NULL;
        pthread_mutex_destroy(&s->wmu);
    }
}

static hs_store *store_take(hs_server *s)
{
    hs_store *st = hs_pool_take(s, &s->stores);
    if (!st && hs_store_open(&st, s->opts.db, HS_STORE_READONLY))
        return NULL;
    return st;
}

/* The status for a store query that refused its input, from its message. */
static int input_status(const char *msg)
{
    static const struct {
        const char *words;
        int status;
    } table[] = {
        {"no entity named", 404}, {"no claim", 404}, {"no article", 404}, {"is ambiguous", 409},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strstr(msg, table[i].words))
            return table[i].status;
    return 400;
}

/* What every query route does: a read-only handle, the query, its JSON. */
typedef struct query {
    const char *a, *b; /* names, ids, texts */
    size_t limit;
    long long id;
} query;

typedef int (*query_fn)(hs_store *st, const query *q, const char **json, size_t *len);

static int run_query(hs_req *rq, hs_resp *rs, query_fn fn, const query *q)
{
    if (!rq->srv || !rq->srv->opts.db)
        return hs_resp_error(rs, 503, "this server has no store (start it with --db FILE)");
    hs_store *st = store_take(rq->srv);
    if (!st)
        return hs_resp_fail(rs, HS_ESTORE);
    const char *json;
    size_t len;
    int rc = fn(st, q, &json, &len);
    int status = rc == 0           ? hs_resp_json(rs, json, len)
                 : rc == HS_EINPUT ? hs_resp_error(rs, input_status(hs_error_last()), "%s", hs_error_last())
                                   : hs_resp_fail(rs, rc);
    hs_store_close(hs_pool_give(rq->srv, &rq->srv->stores, st));
    return status;
}

/* ?limit=N (1 to 1000); 0 when absent, -1 (with the answer set) when bad. */
static int limit_arg(hs_req *rq, hs_resp *rs, size_t *out)
{
    const char *v = hs_req_arg(rq, "limit");
    *out = 0;
    if (!v)
        return 0;
    char *end;
    unsigned long n = strtoul(v, &end, 10);
    if (!*v || *end || n < 1 || n > 1000) {
        hs_resp_error(rs, 400, "limit must be a number from 1 to 1000, not '%.40s'", v);
        return -1;
    }
    *out = n;
    return 0;
}

/* A required query argument; NULL (with the answer set) when it is missing or empty. */
static const char *need_arg(hs_req *rq, hs_resp *rs, const char *name)
{
    const char *v = hs_req_arg(rq, name);
    if (!v || !*v)
        hs_resp_error(rs, 400, "the query argument '%s' is required", name);
    return v && *v ? v : NULL;
}

static int q_entities(hs_store *st, const query *q, const char **j, size_t *n)
{
    return hs_store_entities(st, q->a, q->limit, j, n);
}
static int q_who(hs_store *st, const query *q, const char **j, size_t *n) { return hs_store_who(st, q->a, j, n); }
static int q_claims(hs_store *st, const query *q, const char **j, size_t *n)
{
    return q->a ? hs_store_claims(st, q->a, q->b, q->limit, j, n) : hs_store_top(st, q->limit, j, n);
}
static int q_trace(hs_store *st, const query *q, const char **j, size_t *n) { return hs_store_trace(st, q->id, j, n); }
static int q_article(hs_store *st, const query *q, const char **j, size_t *n)
{
    return hs_store_article(st, q->a, j, n);
}
static int q_sources(hs_store *st, const query *q, const char **j, size_t *n)
{
    return hs_store_sources(st, q->a, j, n);
}
static int q_search(hs_store *st, const query *q, const char **j, size_t *n)
{
    return hs_store_search(st, q->a, q->limit, j, n);
}
static int q_stats(hs_store *st, const query *q, const char **j, size_t *n)
{
    (void)q;
    return hs_store_stats(st, 0, j, n);
}

int hs_api_entities(hs_req *rq, hs_resp *rs)
{
    query q = {hs_req_arg(rq, "q"), NULL, 0, 0};
    if (limit_arg(rq, rs, &q.limit))
        return rs->status;
    return run_query(rq, rs, q_entities, &q);
}

int hs_api_entity(hs_req *rq, hs_resp *rs)
{
    query q = {need_arg(rq, rs, "name"), NULL, 0, 0};
    return q.a ? run_query(rq, rs, q_who, &q) : rs->status;
}

int hs_api_claims(hs_req *rq, hs_resp *rs)
{
    query q = {hs_req_arg(rq, "name"), hs_req_arg(rq, "with"), 0, 0};
    if (limit_arg(rq, rs, &q.limit))
        return rs->status;
    if (q.b && !q.a)
        return hs_resp_error(rs, 400, "'with' needs 'name' (the claims between two entities)");
    return run_query(rq, rs, q_claims, &q);
}

int hs_api_trace(hs_req *rq, hs_resp *rs)
{
    const char *v = rq->params[0];
    char *end;
    long long id = strtoll(v, &end, 10);
    if (!*v || *end || id < 1)
        return hs_resp_error(rs, 400, "a claim id is a positive number, not '%.40s'", v);
    query q = {NULL, NULL, 0, id};
    return run_query(rq, rs, q_trace, &q);
}

int hs_api_article(hs_req *rq, hs_resp *rs)
{
    query q = {rq->params[0], NULL, 0, 0};
    return run_query(rq, rs, q_article, &q);
}

int hs_api_sources(hs_req *rq, hs_resp *rs)
{
    query q = {hs_req_arg(rq, "outlet"), NULL, 0, 0};
    return run_query(rq, rs, q_sources, &q);
}

int hs_api_search(hs_req *rq, hs_resp *rs)
{
    query q = {need_arg(rq, rs, "q"), NULL, 0, 0};
    if (!q.a)
        return rs->status;
    if (limit_arg(rq, rs, &q.limit))
        return rs->status;
    return run_query(rq, rs, q_search, &q);
}

int hs_api_stats(hs_req *rq, hs_resp *rs)
{
    query q = {NULL, NULL, 0, 0};
    return run_query(rq, rs, q_stats, &q);
}

/* POST /api/articles: analyse the body (as /api/analyze) and add it. */
int hs_api_article_add(hs_req *rq, hs_resp *rs)
{
    hs_server *s = rq->srv;
    if (!s || !s->writer)
        return hs_resp_error(rs, 503, "this server has no store (start it with --db FILE)");
    hs_doc *d;
    int status = hs_serve_analyze(rq, rs, &d);
    if (status)
        return status;
    int added = 0;
    pthread_mutex_lock(&s->wmu);
    int rc = hs_store_add_doc(s->writer, d, &added);
    pthread_mutex_unlock(&s->wmu);
    if (!rc && added && s->cache)
        hs_cache_bump(s->cache);
    status = rc ? hs_resp_fail(rs, rc) : hs_serve_answer(rq, rs, d, added);
    if (!rc)
        rs->status = added ? 201 : 200;
    hs_serve_doc_give(s, d);
    return status;
}
