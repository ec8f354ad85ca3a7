/* Unit tests for the server: route patterns, static-file path checks,
 * dispatch without a network, and one real server on a loopback port. */
#include "harness.h"
#include "hearsay.h"
#include "serve/serve.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

TEST(serve_route_match_segments)
{
    hs_req rq;
    memset(&rq, 0, sizeof rq);
    CHECK(hs_route_match("/api/health", "/api/health", &rq));
    CHECK(hs_route_match("/api/health", "/api/health/", &rq));
    CHECK(!hs_route_match("/api/health", "/api/healthy", &rq));
    CHECK(!hs_route_match("/api/health", "/api", &rq));
    CHECK(hs_route_match("/api/claim/{}", "/api/claim/42", &rq));
    CHECK_INT(rq.n_params, 1);
    CHECK_STR(rq.params[0], "42");
    CHECK(!hs_route_match("/api/claim/{}", "/api/claim/", &rq));
    CHECK(!hs_route_match("/api/claim/{}", "/api/claim/4/2", &rq));
    CHECK(hs_route_match("/api/pair/{}/{}", "/api/pair/Mara Quell/Ivo Wren", &rq));
    CHECK_INT(rq.n_params, 2);
    CHECK_STR(rq.params[1], "Ivo Wren");
}

TEST(serve_static_path_refuses_traversal)
{
    char out[256];
    CHECK_INT(hs_static_path("/", out, sizeof out), 0);
    CHECK_STR(out, "index.html");
    CHECK_INT(hs_static_path("/app.js", out, sizeof out), 0);
    CHECK_STR(out, "app.js");
    CHECK_INT(hs_static_path("/img/", out, sizeof out), 0);
    CHECK_STR(out, "img/index.html");
    CHECK_INT(hs_static_path("/../etc/passwd", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/a/../../x", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/./app.js", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/.git/config", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/a//b", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/..\\x", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/a\\b", out, sizeof out), -1);
    CHECK_INT(hs_static_path("relative", out, sizeof out), -1);
    CHECK_INT(hs_static_path("/x\ty", out, sizeof out), -1);
    char small[16];
    CHECK_INT(hs_static_path("/a-very-long-file-name.html", small, sizeof small), -1);
}

TEST(serve_static_types_are_a_table)
{
    CHECK_STR(hs_static_type("index.html"), "text/html; charset=utf-8");
    CHECK_STR(hs_static_type("app.JS"), "text/javascript; charset=utf-8");
    CHECK_STR(hs_static_type("a.b/noext"), "application/octet-stream");
    CHECK_STR(hs_static_type("shot.png"), "image/png");
}

/* A server struct without a network, for dispatch tests. */
static hs_server *fake_server(const char *web_dir, const hs_analyzer *an)
{
    hs_server *s = calloc(1, sizeof *s);
    s->opts.analyzer = an;
    s->web_dir = web_dir ? realpath(web_dir, NULL) : NULL;
    s->max_body = 1024;
    pthread_mutex_init(&s->mu, NULL);
    return s;
}

static void free_fake(hs_server *s)
{
    for (size_t i = 0; i < s->docs.n; i++)
        hs_doc_free(s->docs.items[i]);
    pthread_mutex_destroy(&s->mu);
    free(s->web_dir);
    free(s);
}

static int run(hs_server *s, unsigned method, const char *path, const char *ctype, const char *body, hs_resp *rs)
{
    hs_req rq;
    memset(&rq, 0, sizeof rq);
    rq.srv = s;
    rq.method = method;
    rq.path = path;
    rq.ctype = ctype;
    rq.body = body;
    rq.body_len = body ? strlen(body) : 0;
    memset(rs, 0, sizeof *rs);
    rs->fd = -1;
    hs_serve_dispatch(&rq, rs);
    if (rs->fd >= 0)
        close(rs->fd);
    return rs->status;
}

TEST(serve_dispatch_errors_are_json)
{
    char dir[] = "/tmp/hs_web_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256], outside[256];
    snprintf(path, sizeof path, "%s/index.html", dir);
    FILE *f = fopen(path, "w");
    fputs("<!doctype html>", f);
    fclose(f);
    /* a symbolic link inside web/ that points outside it is not served */
    snprintf(outside, sizeof outside, "%s/leak", dir);
    CHECK_INT(symlink("/etc/hostname", outside), 0);
    hs_server *s = fake_server(dir, NULL);
    hs_resp rs;
    CHECK_INT(run(s, HS_M_GET, "/", NULL, NULL, &rs), 200);
    CHECK_STR(rs.ctype, "text/html; charset=utf-8");
    CHECK_INT(run(s, HS_M_GET, "/leak", NULL, NULL, &rs), 404);
    CHECK(strstr(rs.body.data, "\"status\":404") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_GET, "/api/nothing", NULL, NULL, &rs), 404);
    CHECK(strstr(rs.body.data, "no such API route") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_GET, "/api/analyze", NULL, NULL, &rs), 405);
    CHECK_STR(rs.allow, "POST");
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/index.html", NULL, NULL, &rs), 405);
    hs_buf_free(&rs.body);
    /* no analyzer: 503, not a crash */
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "text/plain", "Hello.", &rs), 503);
    hs_buf_free(&rs.body);
    free_fake(s);
    unlink(outside);
    unlink(path);
    rmdir(dir);
}

TEST(serve_analyze_bodies)
{
    hs_analyzer *an = NULL;
    CHECK_INT(hs_analyzer_new(&an, NULL), 0);
    hs_server *s = fake_server(NULL, an);
    hs_resp rs;
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "application/json; charset=utf-8",
                  "{\"text\": \"A friend told the Evening Pike: \\u201cWe are done.\\u201d\", \"outlet\": \"Pike\"}", &rs),
              200);
    CHECK(strstr(rs.body.data, "\"schema\":\"hearsay/1\"") != NULL);
    CHECK(strstr(rs.body.data, "\"outlet\":\"Pike\"") != NULL);
    CHECK(strstr(rs.body.data, "\"attributions\":[{\"id\":\"A1\"") != NULL);
    CHECK(strstr(rs.body.data, "We are done.\u201d\"}") != NULL || strstr(rs.body.data, "We are done.\"") != NULL);
    CHECK(strstr(rs.body.data, "\"warnings\":[]}") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "application/json", "{\"text\": 3}", &rs), 400);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "application/json", "[1,", &rs), 400);
    CHECK(strstr(rs.body.data, "malformed JSON at line 1") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "application/json", "{\"text\":\"x\",\"format\":\"pdf\"}", &rs), 400);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "text/plain", "date 2026-02-30\nHello there.", &rs), 422);
    CHECK(strstr(rs.body.data, "malformed 'date' header") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "text/plain", "date 2026-03-01\n\u201cUnclosed, she said.", &rs), 200);
    CHECK(strstr(rs.body.data, "\"date\":\"2026-03-01\"") != NULL);
    CHECK(strstr(rs.body.data, "\"warnings\":[{\"offset\":") != NULL);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", "multipart/form-data", "x", &rs), 415);
    hs_buf_free(&rs.body);
    CHECK_INT(run(s, HS_M_POST, "/api/analyze", NULL, "   ", &rs), 422);
    hs_buf_free(&rs.body);
    free_fake(s);
    hs_analyzer_free(an);
}

/* Send a raw request to 127.0.0.1:port; the response's first line into out. */
static int http_raw(unsigned port, const char *req, char *out, size_t cap)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a)) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    size_t n = strlen(req);
    if (write(fd, req, n) != (ssize_t)n) {
        close(fd);
        return -1;
    }
    size_t got = 0;
    ssize_t r;
    while (got + 1 < cap && (r = read(fd, out + got, cap - 1 - got)) > 0)
        got += (size_t)r;
    out[got] = 0;
    close(fd);
    return 0;
}

TEST(serve_real_server_on_loopback)
{
    hs_analyzer *an = NULL;
    CHECK_INT(hs_analyzer_new(&an, NULL), 0);
    hs_server_options o = HS_SERVER_OPTIONS_INIT;
    o.analyzer = an;
    o.threads = 2;
    o.max_body = 64;
    o.web_dir = "/nonexistent/hearsay-web";
    hs_server *s = NULL;
    CHECK(hs_server_start(&s, &o) == HS_EIO); /* a --web that is not there is refused */
    o.web_dir = NULL;
    o.bind = "not-an-address";
    CHECK(hs_server_start(&s, &o) == HS_EINVAL);
    o.bind = NULL;
    CHECK_INT(hs_server_start(&s, &o), 0);
    unsigned port = hs_server_port(s);
    CHECK(port > 0);
    char buf[4096];
    CHECK_INT(http_raw(port, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", buf, sizeof buf), 0);
    CHECK(strncmp(buf, "HTTP/1.1 200", 12) == 0);
    CHECK(strstr(buf, "\"max_body\":64") != NULL);
    const char post[] = "POST /api/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                        "Content-Length: 12\r\n\r\nIt rained.\r\n";
    CHECK_INT(http_raw(port, post, buf, sizeof buf), 0);
    CHECK(strncmp(buf, "HTTP/1.1 200", 12) == 0);
    CHECK(strstr(buf, "It rained.") != NULL);
    /* declared too large: refused before the body is read */
    CHECK_INT(http_raw(port, "POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", buf, sizeof buf),
              0);
    CHECK(strncmp(buf, "HTTP/1.1 413", 12) == 0);
    /* chunked and growing past the limit: drained, then refused */
    CHECK_INT(http_raw(port,
                       "POST /api/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "40\r\n0123456789012345678901234567890123456789012345678901234567890123\r\n"
                       "8\r\n01234567\r\n0\r\n\r\n",
                       buf, sizeof buf),
              0);
    CHECK(strncmp(buf, "HTTP/1.1 413", 12) == 0);
    hs_server_stop(s);
    hs_analyzer_free(an);
}

TEST(serve_cache_keeps_answers_until_the_store_changes)
{
    char path[] = "/tmp/hs_cache_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, "v1", 2) == 2);
    hs_cache *c = NULL;
    CHECK_INT(hs_cache_new(&c, path), 0);
    hs_req rq;
    memset(&rq, 0, sizeof rq);
    rq.path = "/api/entity";
    rq.args[0] = (hs_kv){"name", "Ona Brisk"};
    rq.n_args = 1;
    hs_buf key = HS_BUF_INIT, out = HS_BUF_INIT;
    CHECK_INT(hs_cache_key(&key, &rq), 0);
    uint64_t v1 = hs_cache_version(c);
    CHECK_INT(hs_cache_get(c, key.data, v1, &out), 0);
    hs_cache_put(c, key.data, v1, "{\"a\":1}", 7);
    CHECK_INT(hs_cache_get(c, key.data, hs_cache_version(c), &out), 1);
    CHECK_MEM(out.data, out.len, "{\"a\":1}");
    /* another argument is another key */
    hs_buf key2 = HS_BUF_INIT;
    rq.args[0].v = "Ona Brisk2";
    hs_cache_key(&key2, &rq);
    CHECK_INT(hs_cache_get(c, key2.data, hs_cache_version(c), &out), 0);
    /* a write to the store file: stale once the files are looked at again (1 ms) */
    CHECK(write(fd, "v2 longer", 9) == 9);
    usleep(2000);
    CHECK(hs_cache_version(c) != v1);
    CHECK_INT(hs_cache_get(c, key.data, hs_cache_version(c), &out), 0);
    /* the server's own add: stale too */
    uint64_t v2 = hs_cache_version(c);
    hs_cache_put(c, key.data, v2, "{\"a\":2}", 7);
    CHECK_INT(hs_cache_get(c, key.data, hs_cache_version(c), &out), 1);
    hs_cache_bump(c);
    CHECK_INT(hs_cache_get(c, key.data, hs_cache_version(c), &out), 0);
    /* too large answers are not kept */
    size_t big = 1u << 20;
    char *b = calloc(1, big);
    hs_cache_put(c, key.data, hs_cache_version(c), b, big);
    CHECK_INT(hs_cache_get(c, key.data, hs_cache_version(c), &out), 0);
    free(b);
    uint64_t hits, misses;
    hs_cache_counts(c, &hits, &misses);
    CHECK_INT(hits, 2);
    CHECK_INT(misses, 5);
    hs_cache_free(c);
    hs_buf_free(&key);
    hs_buf_free(&key2);
    hs_buf_free(&out);
    close(fd);
    unlink(path);
}

TEST(serve_cache_evicts_least_recently_used)
{
    char path[] = "/tmp/hs_cache_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    hs_cache *c = NULL;
    CHECK_INT(hs_cache_new(&c, path), 0);
    uint64_t v = hs_cache_version(c);
    hs_buf out = HS_BUF_INIT;
    char key[32];
    for (int i = 0; i < 4000; i++) {
        snprintf(key, sizeof key, "/api/claims/%d", i);
        hs_cache_put(c, key, v, key, strlen(key));
        if (i == 10) /* keep one old key in use: it survives */
            CHECK_INT(hs_cache_get(c, "/api/claims/0", v, &out), 1);
        if (i > 10 && i % 50 == 0)
            hs_cache_get(c, "/api/claims/0", v, &out);
    }
    CHECK_INT(hs_cache_get(c, "/api/claims/3999", v, &out), 1);
    CHECK_MEM(out.data, out.len, "/api/claims/3999");
    CHECK_INT(hs_cache_get(c, "/api/claims/1", v, &out), 0);
    CHECK_INT(hs_cache_get(c, "/api/claims/0", v, &out), 1);
    /* large answers: a shard keeps at most its byte budget */
    char *big = calloc(1, 400u << 10);
    for (int i = 0; i < 200; i++) {
        snprintf(key, sizeof key, "/big/%d", i);
        hs_cache_put(c, key, v, big, 400u << 10);
    }
    CHECK_INT(hs_cache_get(c, "/big/199", v, &out), 1);
    CHECK_INT(out.len, 400u << 10);
    free(big);
    hs_buf_free(&out);
    hs_cache_free(c);
    close(fd);
    unlink(path);
}
