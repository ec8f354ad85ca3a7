/* Routing: the table of API routes is data; a request goes to the first
 * route whose pattern matches its path and whose methods include its method.
 * A path that matches only with other methods answers 405 with Allow; an
 * unknown /api/ path answers 404; everything else is a static file. */
#include "out/jw.h"
#include "serve/serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int api_index(hs_req *rq, hs_resp *rs);

typedef struct hs_route {
    unsigned methods;
    int cached;          /* a read of the store: answers kept until it changes */
    const char *pattern; /* "{}" matches one path segment */
    hs_handler fn;
    const char *allow;   /* the Allow header for this pattern */
    const char *summary;
} hs_route;

static const hs_route routes[] = {
    {HS_M_GET | HS_M_HEAD, 0, "/api", api_index, "GET, HEAD", "this list of routes"},
    {HS_M_GET | HS_M_HEAD, 0, "/api/health", hs_api_health, "GET, HEAD", "version, and whether a store is open"},
    {HS_M_POST, 0, "/api/analyze", hs_api_analyze, "POST",
     "analyse an article (text, HTML or JSON {text,date,outlet,title,url}) into hearsay/1 JSON"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/entities", hs_api_entities, "GET, HEAD",
     "entities whose name has a word starting with ?q= (most articles first; ?limit=)"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/entity", hs_api_entity, "GET, HEAD",
     "the entity card of ?name= (names, claims, what it said, what is said about it)"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/claims", hs_api_claims, "GET, HEAD",
     "claims of ?name= (and ?with= a second name) with their evidence; without a name the most discussed"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/claims/{}", hs_api_trace, "GET, HEAD",
     "a claim's trace: its independent origins, each with its echoes"},
    {HS_M_POST, 0, "/api/articles", hs_api_article_add, "POST",
     "analyse an article (as /api/analyze) and add it to the store (201 when new)"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/articles/{}", hs_api_article, "GET, HEAD",
     "a stored article with its layers, in hearsay/1 shape"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/sources", hs_api_sources, "GET, HEAD",
     "sources per outlet: how many statements, how many anonymous (?outlet= for one)"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/search", hs_api_search, "GET, HEAD",
     "full-text search of articles and quotations for ?q= (?limit=)"},
    {HS_M_GET | HS_M_HEAD, 1, "/api/stats", hs_api_stats, "GET, HEAD", "what the store holds"},
};
#define N_ROUTES (sizeof routes / sizeof routes[0])

static const struct {
    const char *name;
    unsigned bit;
} methods[] = {
    {"GET", HS_M_GET},         {"HEAD", HS_M_HEAD},       {"POST", HS_M_POST},   {"PUT", HS_M_PUT},
    {"DELETE", HS_M_DELETE},   {"OPTIONS", HS_M_OPTIONS}, {"PATCH", HS_M_PATCH},
};

unsigned hs_serve_method(const char *name)
{
    for (size_t i = 0; name && i < sizeof methods / sizeof methods[0]; i++)
        if (strcmp(methods[i].name, name) == 0)
            return methods[i].bit;
    return HS_M_OTHER;
}

const char *hs_req_arg(const hs_req *rq, const char *name)
{
    for (size_t i = 0; i < rq->n_args; i++)
        if (strcmp(rq->args[i].k, name) == 0)
            return rq->args[i].v;
    return NULL;
}

int hs_route_match(const char *pattern, const char *path, hs_req *rq)
{
    size_t used = 0;
    rq->n_params = 0;
    const char *p = pattern, *s = path;
    while (*p) {
        if (p[0] == '{' && p[1] == '}') {
            const char *e = strchr(s, '/');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (n == 0 || rq->n_params == HS_REQ_MAX_PARAMS || used + n + 1 > sizeof rq->param_buf)
                return 0;
            memcpy(rq->param_buf + used, s, n);
            rq->param_buf[used + n] = 0;
            rq->params[rq->n_params++] = rq->param_buf + used;
            used += n + 1;
            s += n;
            p += 2;
            continue;
        }
        if (*p != *s)
            return 0;
        p++;
        s++;
    }
    /* a trailing slash is the same path */
    return *s == 0 || (s[0] == '/' && s[1] == 0);
}

static void put_status_body(hs_resp *rs, int status, const char *msg)
{
    hs_buf_clear(&rs->body);
    if (rs->fd >= 0)
        rs->fd = -1; /* never set together with an error: static.c closes its own */
    hs_jw w;
    hs_jw_init(&w, &rs->body, 0);
    hs_jw_obj(&w);
    hs_jw_key(&w, "error");
    hs_jw_obj(&w);
    hs_jw_key(&w, "status");
    hs_jw_int(&w, status);
    hs_jw_key(&w, "message");
    hs_jw_str(&w, msg);
    hs_jw_obj_end(&w);
    hs_jw_obj_end(&w);
    rs->status = status;
    rs->ctype = "application/json";
}

int hs_resp_error(hs_resp *rs, int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    put_status_body(rs, status, msg);
    return status;
}

int hs_resp_fail(hs_resp *rs, int rc)
{
    int status;
    switch (rc) {
    case HS_EINPUT: status = 422; break;
    case HS_EINVAL: status = 400; break;
    case HS_ESTORE: status = 500; break;
    case HS_EMODEL: status = 503; break;
    case HS_EOF: status = 404; break;
    default: status = 500; break;
    }
    const char *m = hs_error_last();
    put_status_body(rs, status, *m ? m : "internal error");
    return status;
}

int hs_resp_json(hs_resp *rs, const char *json, size_t len)
{
    hs_buf_clear(&rs->body);
    if (hs_buf_put(&rs->body, json, len))
        return hs_resp_error(rs, 500, "out of memory");
    rs->status = 200;
    rs->ctype = "application/json";
    return 200;
}

void hs_resp_begin(hs_resp *rs, hs_jw *w)
{
    hs_buf_clear(&rs->body);
    hs_jw_init(w, &rs->body, 0);
}

int hs_resp_end(hs_resp *rs, hs_jw *w)
{
    if (w->err)
        return hs_resp_error(rs, 500, "out of memory");
    rs->status = 200;
    rs->ctype = "application/json";
    return 200;
}

static int method_names(hs_jw *w, unsigned bits)
{
    hs_jw_arr(w);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (bits & methods[i].bit)
            hs_jw_str(w, methods[i].name);
    hs_jw_arr_end(w);
    return 0;
}

/* GET /api: every route with its methods and what it does. */
static int api_index(hs_req *rq, hs_resp *rs)
{
    (void)rq;
    hs_jw w;
    hs_resp_begin(rs, &w);
    hs_jw_obj(&w);
    hs_jw_key(&w, "routes");
    hs_jw_arr(&w);
    for (size_t i = 0; i < N_ROUTES; i++) {
        hs_jw_obj(&w);
        hs_jw_key(&w, "path");
        hs_jw_str(&w, routes[i].pattern);
        hs_jw_key(&w, "methods");
        method_names(&w, routes[i].methods);
        hs_jw_key(&w, "summary");
        hs_jw_str(&w, routes[i].summary);
        hs_jw_obj_end(&w);
    }
    hs_jw_arr_end(&w);
    hs_jw_obj_end(&w);
    return hs_resp_end(rs, &w);
}

/* Run a route, through the cache when the route's answers may be kept. */
static void run_route(const hs_route *r, hs_req *rq, hs_resp *rs)
{
    hs_cache *c = rq->srv ? rq->srv->cache : NULL;
    if (!r->cached || !c || !(rq->method & (HS_M_GET | HS_M_HEAD))) {
        r->fn(rq, rs);
        return;
    }
    hs_buf key = HS_BUF_INIT;
    uint64_t version = hs_cache_version(c);
    if (hs_cache_key(&key, rq) == 0 && hs_cache_get(c, key.data, version, &rs->body)) {
        rs->status = 200;
        rs->ctype = "application/json";
    } else {
        r->fn(rq, rs);
        if (rs->status == 200 && rs->fd < 0 && key.data)
            hs_cache_put(c, key.data, version, rs->body.data ? rs->body.data : "", rs->body.len);
    }
    hs_buf_free(&key);
}

void hs_serve_dispatch(hs_req *rq, hs_resp *rs)
{
    const hs_route *wrong_method = NULL;
    for (size_t i = 0; i < N_ROUTES; i++) {
        if (!hs_route_match(routes[i].pattern, rq->path, rq))
            continue;
        if (routes[i].methods & rq->method) {
            if (rq->args_overflow) {
                hs_resp_error(rs, 400, "more than %d query arguments", HS_REQ_MAX_ARGS);
                return;
            }
            run_route(&routes[i], rq, rs);
            return;
        }
        if (!wrong_method)
            wrong_method = &routes[i];
    }
    if (wrong_method) {
        rs->allow = wrong_method->allow;
        hs_resp_error(rs, 405, "%s does not accept this method (allowed: %s)", wrong_method->pattern,
                      wrong_method->allow);
        return;
    }
    if (strcmp(rq->path, "/api") == 0 || strncmp(rq->path, "/api/", 5) == 0) {
        hs_resp_error(rs, 404, "no such API route: %s (GET /api lists them)", rq->path);
        return;
    }
    if (!(rq->method & (HS_M_GET | HS_M_HEAD))) {
        rs->allow = "GET, HEAD";
        hs_resp_error(rs, 405, "static files answer GET and HEAD only");
        return;
    }
    hs_static_serve(rq, rs);
}
