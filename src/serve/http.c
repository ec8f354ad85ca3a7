/* HTTP plumbing on libmicrohttpd: the daemon (a pool of worker threads, each
 * with its own event loop), request bodies read up to a size limit, handler
 * results turned into responses with the same safety headers everywhere, and
 * a pool of documents so requests reuse their memory.
 *
 * A body whose Content-Length is over the limit is refused with 413 before it
 * is read; a chunked body that grows past it is drained and refused at the end. */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* One request's state across the calls libmicrohttpd makes for it. */
typedef struct conn_ctx {
    hs_buf body;
    int too_big;
    int oom;
    struct timespec t0;
} conn_ctx;

static const char csp[] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                          "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

void *hs_pool_take(hs_server *s, hs_pool *p)
{
    void *item = NULL;
    pthread_mutex_lock(&s->mu);
    if (p->n)
        item = p->items[--p->n];
    pthread_mutex_unlock(&s->mu);
    return item;
}

void *hs_pool_give(hs_server *s, hs_pool *p, void *item)
{
    pthread_mutex_lock(&s->mu);
    if (item && p->n < HS_SERVE_POOL) {
        p->items[p->n++] = item;
        item = NULL;
    }
    pthread_mutex_unlock(&s->mu);
    return item;
}

hs_doc *hs_serve_doc_take(hs_server *s)
{
    hs_doc *d = hs_pool_take(s, &s->docs);
    if (!d && hs_doc_new(&d))
        return NULL;
    return d;
}

void hs_serve_doc_give(hs_server *s, hs_doc *d)
{
    if (!d)
        return;
    hs_doc_clear(d);
    hs_doc_free(hs_pool_give(s, &s->docs, d));
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    hs_req *rq = cls;
    if (rq->n_args == HS_REQ_MAX_ARGS) {
        rq->args_overflow = 1;
        return MHD_NO;
    }
    rq->args[rq->n_args++] = (hs_kv){key, value ? value : ""};
    return MHD_YES;
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Hand a finished hs_resp to libmicrohttpd (takes the body or the file). */
static enum MHD_Result send_resp(hs_server *s, struct MHD_Connection *c, hs_resp *rs, const char *method,
                                 const char *url, const conn_ctx *cx)
{
    struct MHD_Response *r;
    if (rs->fd >= 0) {
        r = MHD_create_response_from_fd64(rs->fd_size, rs->fd);
        if (!r)
            close(rs->fd);
        rs->fd = -1;
    } else {
        r = MHD_create_response_from_buffer(rs->body.len, rs->body.len ? rs->body.data : (void *)"",
                                            rs->body.len ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
        if (r && rs->body.len)
            rs->body = (hs_buf)HS_BUF_INIT; /* now owned by the response */
    }
    hs_buf_free(&rs->body);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->ctype ? rs->ctype : "application/json");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, rs->cache ? "max-age=60" : "no-store");
    if (rs->allow)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rs->allow);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)rs->status, r);
    MHD_destroy_response(r);
    if (s->opts.log)
        fprintf(stderr, "hearsay serve: %s %s %d %.2f ms\n", method, url, rs->status, cx ? ms_since(&cx->t0) : 0.0);
    return ok;
}

static enum MHD_Result reply_error(hs_server *s, struct MHD_Connection *c, const char *method, const char *url,
                                   const conn_ctx *cx, int status, const char *msg)
{
    hs_resp rs = {.fd = -1};
    hs_resp_error(&rs, status, "%s", msg);
    return send_resp(s, c, &rs, method, url, cx);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    hs_server *s = cls;
    conn_ctx *cx = *con_cls;
    if (!cx) {
        cx = calloc(1, sizeof *cx);
        if (!cx)
            return MHD_NO;
        clock_gettime(CLOCK_MONOTONIC, &cx->t0);
        *con_cls = cx;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > s->max_body) {
            cx->too_big = 1;
            char msg[128];
            snprintf(msg, sizeof msg, "request body too large (the limit is %zu bytes)", s->max_body);
            return reply_error(s, c, method, url, cx, 413, msg);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (!cx->too_big && cx->body.len + *upload_size > s->max_body) {
            cx->too_big = 1;
            hs_buf_free(&cx->body);
        }
        if (!cx->too_big && !cx->oom && hs_buf_put(&cx->body, upload, *upload_size))
            cx->oom = 1;
        *upload_size = 0;
        return MHD_YES;
    }
    if (cx->too_big) {
        char msg[128];
        snprintf(msg, sizeof msg, "request body too large (the limit is %zu bytes)", s->max_body);
        return reply_error(s, c, method, url, cx, 413, msg);
    }
    if (cx->oom)
        return reply_error(s, c, method, url, cx, 500, "out of memory reading the request body");

    hs_req rq;
    memset(&rq, 0, sizeof rq);
    rq.srv = s;
    rq.method = hs_serve_method(method);
    rq.path = url;
    rq.ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    rq.body = cx->body.data;
    rq.body_len = cx->body.len;
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &rq);
    hs_resp rs = {.fd = -1};
    hs_serve_dispatch(&rq, &rs);
    return send_resp(s, c, &rs, method, url, cx);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    conn_ctx *cx = *con_cls;
    if (!cx)
        return;
    hs_buf_free(&cx->body);
    free(cx);
    *con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fputs("hearsay serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* The address to listen on, as a socket address (IPv4 or IPv6). */
static int bind_addr(const char *bind, unsigned port, struct sockaddr_storage *ss, int *v6)
{
    memset(ss, 0, sizeof *ss);
    *v6 = strchr(bind, ':') != NULL;
    if (*v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        return inet_pton(AF_INET6, bind, &a->sin6_addr) == 1 ? 0 : -1;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, bind, &a->sin_addr) == 1 ? 0 : -1;
}

int hs_server_start(hs_server **out, const hs_server_options *opts)
{
    if (!out || !opts)
        return hs_error_set(HS_EINVAL, "hs_server_start: NULL argument");
    *out = NULL;
    if (opts->version != HS_SERVER_OPTIONS_VERSION)
        return hs_error_set(HS_EINVAL, "hs_server_options: version %u not supported (want %d)", opts->version,
                            HS_SERVER_OPTIONS_VERSION);
    if (opts->port > 65535)
        return hs_error_set(HS_EINVAL, "port %u is not a TCP port (0 to 65535)", opts->port);
    const char *bind = opts->bind ? opts->bind : "127.0.0.1";
    struct sockaddr_storage ss;
    int v6;
    if (bind_addr(bind, opts->port, &ss, &v6))
        return hs_error_set(HS_EINVAL, "'%s' is not an IPv4 or IPv6 address", bind);
    hs_server *s = calloc(1, sizeof *s);
    if (!s)
        return hs_error_set(HS_ENOMEM, "out of memory");
    s->opts = *opts;
    s->max_body = opts->max_body ? opts->max_body : HS_SERVER_MAX_BODY;
    pthread_mutex_init(&s->mu, NULL);
    char *dir = hs_find_web_dir(opts->web_dir);
    if (dir) {
        s->web_dir = realpath(dir, NULL);
        free(dir);
    }
    if (opts->web_dir && !s->web_dir) {
        hs_server_stop(s);
        return hs_error_set(HS_EIO, "%s: not a readable directory", opts->web_dir);
    }
    if (opts->db && !opts->no_cache) {
        int rc = hs_cache_new(&s->cache, opts->db);
        if (rc) {
            hs_server_stop(s);
            return rc;
        }
    }
    int rc = hs_serve_ledger_open(s);
    if (rc) {
        hs_server_stop(s);
        return rc;
    }
    unsigned threads = opts->threads ? opts->threads : hs_default_threads();
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    s->mhd = MHD_start_daemon(flags, (uint16_t)opts->port, NULL, NULL, on_request, s,
                              MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
                              MHD_OPTION_THREAD_POOL_SIZE, threads,
                              MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                              MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                              MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                              MHD_OPTION_END);
    if (!s->mhd) {
        hs_server_stop(s);
        return hs_error_set(HS_EIO, "cannot listen on %s port %u (in use, or not an address of this machine)", bind,
                            opts->port);
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : opts->port;
    *out = s;
    return 0;
}

unsigned hs_server_port(const hs_server *s) { return s ? s->port : 0; }

const char *hs_server_web_dir(const hs_server *s) { return s ? s->web_dir : NULL; }

void hs_server_stop(hs_server *s)
{
    if (!s)
        return;
    if (s->mhd)
        MHD_stop_daemon(s->mhd);
    for (size_t i = 0; i < s->docs.n; i++)
        hs_doc_free(s->docs.items[i]);
    hs_cache_free(s->cache);
    hs_serve_ledger_close(s);
    pthread_mutex_destroy(&s->mu);
    free(s->web_dir);
    free(s);
}
