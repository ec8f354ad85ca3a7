/* POST /api/analyze: one article in, its hearsay/1 JSON out.
 *
 * The body is read by its Content-Type:
 *   application/json  {"text": …, "date", "outlet", "title", "url", "id", "format": "text"|"html"}
 *   text/html         a web page, through the reader's HTML path
 *   text/plain (or none)  the article text, with an optional 'date YYYY-MM-DD' first line
 * For HTML and plain bodies the metadata may come as query arguments
 * (?date=…&outlet=…&title=…&url=…&id=…).  ?pretty=1 indents the answer.
 * The answer is the hearsay/1 object plus "warnings": [{offset, message}].
 * POST /api/articles (ledger.c) reads its body the same way. */
#include "analyzer.h"
#include "ingest/ingest.h"
#include "out/jw.h"
#include "serve/serve.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { BODY_TEXT, BODY_HTML, BODY_JSON, BODY_OTHER } body_kind;

/* The media type of a Content-Type header, parameters ignored. */
static body_kind body_kind_of(const char *ctype)
{
    static const struct {
        const char *type;
        body_kind kind;
    } kinds[] = {
        {"application/json", BODY_JSON}, {"text/plain", BODY_TEXT},
        {"text/html", BODY_HTML},        {"application/xhtml+xml", BODY_HTML},
    };
    if (!ctype || !*ctype)
        return BODY_TEXT;
    size_t n = strcspn(ctype, "; \t");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strlen(kinds[i].type) == n && strncasecmp(ctype, kinds[i].type, n) == 0)
            return kinds[i].kind;
    return BODY_OTHER;
}

/* What the handler owns while it analyses: freed in one place. */
typedef struct job {
    hs_article art;
    json_t *root;
    char *html_text, *html_meta;
    hs_text_meta meta; /* a text body's header */
} job;

static void job_free(job *j)
{
    json_decref(j->root);
    free(j->html_text);
    free(j->html_meta);
}

/* A string member of the JSON body: NULL when absent or null, -1 when of another type. */
static int json_field(hs_resp *rs, json_t *root, const char *key, const char **out)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        hs_resp_error(rs, 400, "request body: \"%s\" must be a string", key);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

static int load_json(hs_req *rq, hs_resp *rs, job *j, int *html)
{
    json_error_t err;
    j->root = json_loadb(rq->body ? rq->body : "", rq->body_len, JSON_REJECT_DUPLICATES, &err);
    if (!j->root)
        return hs_resp_error(rs, 400, "request body: malformed JSON at line %d, column %d (byte offset %d): %s",
                             err.line, err.column, err.position, err.text);
    if (!json_is_object(j->root))
        return hs_resp_error(rs, 400, "request body: expected a JSON object {\"text\": ...}");
    static const char *const keys[] = {"id", "date", "outlet", "title", "url"};
    const char **dst[] = {&j->art.id, &j->art.date, &j->art.outlet, &j->art.title, &j->art.url};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (json_field(rs, j->root, keys[i], dst[i]))
            return 400;
    json_t *t = json_object_get(j->root, "text");
    if (!json_is_string(t))
        return hs_resp_error(rs, 400, "request body: \"text\" (a string) is required");
    j->art.text = json_string_value(t);
    j->art.text_len = json_string_length(t);
    const char *fmt;
    if (json_field(rs, j->root, "format", &fmt))
        return 400;
    if (fmt && strcmp(fmt, "html") != 0 && strcmp(fmt, "text") != 0)
        return hs_resp_error(rs, 400, "request body: \"format\" is \"text\" or \"html\", not \"%.40s\"", fmt);
    *html = fmt && strcmp(fmt, "html") == 0;
    return 0;
}

static int load_text(hs_req *rq, hs_resp *rs, job *j)
{
    const char *t = rq->body ? rq->body : "";
    size_t skip;
    if (hs_text_headers(t, rq->body_len, "request body", &j->meta, &skip))
        return hs_resp_error(rs, 422, "%s", hs_error_last());
    j->art.text = t + skip;
    j->art.text_len = rq->body_len - skip;
    j->art.origin_offset = skip;
    if (j->meta.date[0])
        j->art.date = j->meta.date;
    if (j->meta.outlet[0])
        j->art.outlet = j->meta.outlet;
    return 0;
}

/* Metadata from the query string for text and HTML bodies (they win over the page's own). */
static void query_meta(hs_req *rq, hs_article *a)
{
    static const char *const keys[] = {"id", "date", "outlet", "title", "url"};
    const char **dst[] = {&a->id, &a->date, &a->outlet, &a->title, &a->url};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = hs_req_arg(rq, keys[i]);
        if (v && *v)
            *dst[i] = v;
    }
}

/* From an HTML page to the article inside it (the page's metadata unless given). */
static int load_html(hs_resp *rs, job *j)
{
    hs_article page;
    memset(&page, 0, sizeof page);
    int rc = hs_ingest_html(j->art.text, j->art.text_len, "request body", &page, &j->html_text, &j->html_meta);
    if (rc)
        return hs_resp_fail(rs, rc);
    j->art.text = page.text;
    j->art.text_len = page.text_len;
    j->art.origin_offset = 0;
    if (!j->art.date)
        j->art.date = page.date;
    if (!j->art.outlet)
        j->art.outlet = page.outlet;
    if (!j->art.title)
        j->art.title = page.title;
    if (!j->art.url)
        j->art.url = page.url;
    return 0;
}

int hs_serve_answer(hs_req *rq, hs_resp *rs, hs_doc *d, int added)
{
    const char *json;
    size_t len;
    int pretty = hs_req_arg(rq, "pretty") && strcmp(hs_req_arg(rq, "pretty"), "0") != 0;
    int rc = hs_doc_json(d, pretty ? HS_JSON_PRETTY : 0, &json, &len);
    if (rc)
        return hs_resp_fail(rs, rc);
    while (len && json[len - 1] != '}')
        len--;
    if (!len)
        return hs_resp_error(rs, 500, "the analysis gave no JSON object");
    hs_buf_clear(&rs->body);
    hs_buf_put(&rs->body, json, len - 1);
    hs_buf_puts(&rs->body, pretty ? ",\n  \"warnings\": " : ",\"warnings\":");
    hs_jw w;
    hs_jw_init(&w, &rs->body, 0);
    hs_jw_arr(&w);
    hs_doc_stats st;
    hs_doc_stats_get(d, &st);
    for (size_t i = 0; i < st.warnings; i++) {
        size_t off;
        const char *msg;
        if (hs_doc_warning(d, i, &off, &msg))
            continue;
        hs_jw_obj(&w);
        hs_jw_key(&w, "offset");
        hs_jw_int(&w, (long long)off);
        hs_jw_key(&w, "message");
        hs_jw_str(&w, msg);
        hs_jw_obj_end(&w);
    }
    hs_jw_arr_end(&w);
    if (added >= 0)
        hs_buf_puts(&rs->body, added ? ",\"added\":true" : ",\"added\":false");
    if (w.err || hs_buf_puts(&rs->body, pretty ? "\n}\n" : "}"))
        return hs_resp_error(rs, 500, "out of memory");
    rs->status = 200;
    rs->ctype = "application/json";
    return 200;
}

int hs_serve_analyze(hs_req *rq, hs_resp *rs, hs_doc **out)
{
    *out = NULL;
    const hs_analyzer *an = rq->srv ? rq->srv->opts.analyzer : NULL;
    if (!an)
        return hs_resp_error(rs, 503, "this server has no analyzer");
    job j;
    memset(&j, 0, sizeof j);
    int html = 0, status = 0;
    switch (body_kind_of(rq->ctype)) {
    case BODY_JSON: status = load_json(rq, rs, &j, &html); break;
    case BODY_HTML:
        html = 1;
        j.art.text = rq->body ? rq->body : "";
        j.art.text_len = rq->body_len;
        break;
    case BODY_TEXT: status = load_text(rq, rs, &j); break;
    default:
        status = hs_resp_error(rs, 415, "unsupported Content-Type '%.80s' (application/json, text/plain or text/html)",
                               rq->ctype);
        break;
    }
    if (!status && body_kind_of(rq->ctype) != BODY_JSON)
        query_meta(rq, &j.art);
    if (!status && html)
        status = load_html(rs, &j);
    if (status) {
        job_free(&j);
        return status;
    }
    j.art.origin = "request body";
    hs_doc *d = hs_serve_doc_take(rq->srv);
    if (!d) {
        job_free(&j);
        return hs_resp_error(rs, 500, "out of memory");
    }
    int rc = hs_analyze(d, an, &j.art);
    job_free(&j);
    if (rc) {
        hs_serve_doc_give(rq->srv, d);
        return hs_resp_fail(rs, rc);
    }
    *out = d;
    return 0;
}

int hs_api_analyze(hs_req *rq, hs_resp *rs)
{
    hs_doc *d;
    int status = hs_serve_analyze(rq, rs, &d);
    if (status)
        return status;
    status = hs_serve_answer(rq, rs, d, -1);
    hs_serve_doc_give(rq->srv, d);
    return status;
}

int hs_api_health(hs_req *rq, hs_resp *rs)
{
    hs_jw w;
    hs_resp_begin(rs, &w);
    hs_jw_obj(&w);
    hs_jw_key(&w, "status");
    hs_jw_str(&w, "ok");
    hs_jw_key(&w, "version");
    hs_jw_str(&w, hs_version());
    hs_jw_key(&w, "schema");
    hs_jw_str(&w, HS_SCHEMA);
    hs_jw_key(&w, "store");
    hs_jw_bool(&w, rq->srv && rq->srv->opts.db != NULL);
    hs_jw_key(&w, "max_body");
    hs_jw_int(&w, rq->srv ? (long long)rq->srv->max_body : 0);
    hs_jw_key(&w, "cache");
    if (rq->srv && rq->srv->cache) {
        uint64_t hits, misses;
        hs_cache_counts(rq->srv->cache, &hits, &misses);
        hs_jw_obj(&w);
        hs_jw_key(&w, "hits");
        hs_jw_int(&w, (long long)hits);
        hs_jw_key(&w, "misses");
        hs_jw_int(&w, (long long)misses);
        hs_jw_obj_end(&w);
    } else {
        hs_jw_null(&w);
    }
    hs_jw_obj_end(&w);
    return hs_resp_end(rs, &w);
}
