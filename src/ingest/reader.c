/* Readers: plain-text articles (with the optional header of header.c),
 * JSONL (one article per line), directories of either; gzip is read
 * transparently.  HTML pages go through the extractor (html.c). */
#include "base/buf.h"
#include "analyzer.h"
#include "hearsay.h"
#include "ingest/ingest.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct hs_reader {
    hs_input_format format; /* as asked */
    char **files;           /* files still to read (directories expanded) */
    size_t n_files, next_file;
    /* the file being read */
    const char *path;
    hs_input_format cur_format;
    hs_src src;
    int open_;        /* src holds the current file */
    long line;
    hs_buf linebuf;
    hs_buf jbuf;      /* the strings of a JSONL line (jsonl.c's fast path) */
    char rbuf[65536];
    size_t rpos, rlen;
    int eof;
    /* the current article */
    json_t *json;
    char *text;       /* malloc'ed whole-file text */
    char *id;         /* malloc'ed */
    char origin[512];
    char date[11];    /* of a JSONL line */
    hs_text_meta meta; /* the header of a text file */
};

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int add_file(hs_reader *r, const char *p, size_t *cap)
{
    if (r->n_files == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        char **f = realloc(r->files, c * sizeof *f);
        if (!f)
            return hs_error_set(HS_ENOMEM, "out of memory");
        r->files = f;
        *cap = c;
    }
    if (!(r->files[r->n_files] = strdup(p)))
        return hs_error_set(HS_ENOMEM, "out of memory");
    r->n_files++;
    return 0;
}

/* Every regular, non-hidden file below dir (recursively). */
static int add_dir(hs_reader *r, const char *dir, size_t *cap, int depth)
{
    if (depth > 32)
        return hs_error_set(HS_EIO, "%s: directories nested too deeply", dir);
    DIR *dh = opendir(dir);
    if (!dh)
        return hs_error_set(HS_EIO, "%s: cannot open directory: %s", dir, strerror(errno));
    struct dirent *de;
    int rc = 0;
    size_t first = r->n_files;
    while (!rc && (de = readdir(dh))) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(n);
        if (!p) {
            rc = hs_error_set(HS_ENOMEM, "out of memory");
            break;
        }
        snprintf(p, n, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rc = add_dir(r, p, cap, depth + 1);
            else if (S_ISREG(st.st_mode))
                rc = add_file(r, p, cap);
        }
        free(p);
    }
    closedir(dh);
    if (!rc)
        qsort(r->files + first, r->n_files - first, sizeof *r->files, cmp_str);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

hs_input_format hs_input_guess(const char *path)
{
    if (strcmp(path, "-") == 0)
        return HS_INPUT_JSONL;
    if (ends_with(path, ".jsonl") || ends_with(path, ".jsonl.gz") || ends_with(path, ".ndjson"))
        return HS_INPUT_JSONL;
    if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".html.gz") ||
        ends_with(path, ".htm.gz"))
        return HS_INPUT_HTML;
    return HS_INPUT_TEXT;
}

int hs_reader_new(hs_reader **out, const char *path, hs_input_format format)
{
    *out = NULL;
    hs_reader *r = calloc(1, sizeof *r);
    if (!r)
        return hs_error_set(HS_ENOMEM, "out of memory");
    r->format = format;
    size_t cap = 0;
    int rc;
    struct stat st;
    if (strcmp(path, "-") == 0) {
        rc = add_file(r, path, &cap);
    } else if (stat(path, &st) != 0) {
        rc = hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = add_dir(r, path, &cap, 0);
    } else {
        rc = add_file(r, path, &cap);
    }
    if (rc) {
        hs_reader_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

static void close_current(hs_reader *r)
{
    if (r->open_)
        hs_src_close(&r->src);
    r->open_ = 0;
    r->path = NULL;
    r->eof = 0;
    r->rpos = r->rlen = 0;
    r->line = 0;
}

static void drop_article(hs_reader *r)
{
    if (r->json)
        json_decref(r->json);
    r->json = NULL;
    free(r->text);
    r->text = NULL;
    free(r->id);
    r->id = NULL;
}

void hs_reader_free(hs_reader *r)
{
    if (!r)
        return;
    close_current(r);
    drop_article(r);
    for (size_t i = 0; i < r->n_files; i++)
        free(r->files[i]);
    free(r->files);
    hs_buf_free(&r->linebuf);
    hs_buf_free(&r->jbuf);
    free(r);
}

static int open_next(hs_reader *r)
{
    if (r->next_file >= r->n_files)
        return HS_EOF;
    r->path = r->files[r->next_file++];
    r->cur_format = r->format == HS_INPUT_AUTO ? hs_input_guess(r->path) : r->format;
    int rc = hs_src_open(&r->src, r->path);
    if (rc) {
        r->path = NULL;
        return rc;
    }
    r->open_ = 1;
    r->line = 0;
    return 0;
}

/* Read one line (without its newline) into linebuf: 0, HS_EOF or HS_EIO. */
static int read_line(hs_reader *r)
{
    hs_buf_clear(&r->linebuf);
    int got = 0;
    for (;;) {
        if (r->rpos == r->rlen) {
            if (r->eof)
                break;
            char what[600];
            snprintf(what, sizeof what, "%s:%ld", r->path, r->line + 1);
            long n = hs_src_read(&r->src, r->rbuf, sizeof r->rbuf, what);
            if (n < 0)
                return (int)n;
            if (n == 0) {
                r->eof = 1;
                break;
            }
            r->rpos = 0;
            r->rlen = (size_t)n;
        }
        char *start = r->rbuf + r->rpos;
        char *nl = memchr(start, '\n', r->rlen - r->rpos);
        size_t take = nl ? (size_t)(nl - start) : r->rlen - r->rpos;
        if (hs_buf_put(&r->linebuf, start, take))
            return HS_ENOMEM;
        got = 1;
        r->rpos += take;
        if (nl) {
            r->rpos++;
            r->line++;
            return 0;
        }
    }
    if (!got)
        return HS_EOF;
    r->line++;
    return 0;
}

static int read_whole(hs_reader *r, hs_buf *b)
{
    hs_buf_clear(b);
    for (;;) {
        if (hs_buf_reserve(b, 65536))
            return HS_ENOMEM;
        long n = hs_src_read(&r->src, b->data + b->len, 65536, r->path);
        if (n < 0)
            return (int)n;
        if (n == 0)
            break;
        b->len += (size_t)n;
        b->data[b->len] = 0;
    }
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int next_text(hs_reader *r, hs_article *art)
{
    hs_buf b = HS_BUF_INIT;
    int rc = read_whole(r, &b);
    const char *path = r->path;
    close_current(r);
    if (rc) {
        hs_buf_free(&b);
        return rc;
    }
    r->text = b.data ? b.data : strdup("");
    size_t len = b.len, skip;
    snprintf(r->origin, sizeof r->origin, "%s", path);
    if ((rc = hs_text_headers(r->text, len, path, &r->meta, &skip)))
        return rc;
    const char *bn = base_name(path);
    const char *dot = strchr(bn, '.');
    r->id = dot && dot > bn ? strndup(bn, (size_t)(dot - bn)) : strdup(bn);
    art->id = r->id;
    art->date = r->meta.date[0] ? r->meta.date : NULL;
    art->outlet = r->meta.outlet[0] ? r->meta.outlet : NULL;
    art->text = r->text + skip;
    art->text_len = len - skip;
    art->origin_offset = skip;
    art->origin = r->origin;
    if (len == 0)
        return hs_error_set(HS_EINPUT, "%s: empty file", path);
    return 0;
}

/* The value of o's key k as the fast path (jsonl.c) gives it. */
static void jv_of(json_t *o, const char *k, hs_jv *v)
{
    json_t *x = json_object_get(o, k);
    memset(v, 0, sizeof *v);
    if (!x) {
        v->type = HS_JV_ABSENT;
    } else if (json_is_string(x)) {
        v->type = HS_JV_STRING;
        v->s = json_string_value(x);
        v->len = json_string_length(x);
    } else if (json_is_integer(x)) {
        v->type = HS_JV_INT;
        v->i = (long long)json_integer_value(x);
    } else if (json_is_real(x)) {
        v->type = HS_JV_REAL;
        v->d = json_real_value(x);
    } else {
        v->type = HS_JV_OTHER;
    }
}

static const char *jstr(const hs_jv *v) { return v->type == HS_JV_STRING ? v->s : NULL; }

static int next_jsonl(hs_reader *r, hs_article *art)
{
    int rc;
    do {
        rc = read_line(r);
        if (rc)
            return rc;
        /* skip blank lines */
        size_t i = 0;
        while (i < r->linebuf.len && isspace((unsigned char)r->linebuf.data[i]))
            i++;
        if (i < r->linebuf.len)
            break;
    } while (1);
    snprintf(r->origin, sizeof r->origin, "%s:%ld", strcmp(r->path, "-") == 0 ? "<stdin>" : r->path, r->line);
    hs_jv v[HS_JF_COUNT];
    rc = hs_jsonl_fields(&r->jbuf, r->linebuf.data, r->linebuf.len, v);
    if (rc < 0)
        return rc;
    if (!rc) { /* declined by the fast path: jansson */
        static const char *const keys[HS_JF_COUNT] = {"text", "id", "date", "publish_date", "outlet", "title", "url"};
        json_error_t jerr;
        r->json = json_loadb(r->linebuf.data, r->linebuf.len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
        if (!r->json)
            return hs_error_set(HS_EINPUT, "%s: malformed JSON at column %d: %s", r->origin, jerr.column, jerr.text);
        if (!json_is_object(r->json))
            return hs_error_set(HS_EINPUT, "%s: a line must hold one JSON object", r->origin);
        for (int f = 0; f < HS_JF_COUNT; f++)
            jv_of(r->json, keys[f], &v[f]);
    }
    if (v[HS_JF_TEXT].type != HS_JV_STRING)
        return hs_error_set(HS_EINPUT, "%s: no \"text\" string", r->origin);
    art->text = v[HS_JF_TEXT].s;
    art->text_len = v[HS_JF_TEXT].len;
    const hs_jv *id = &v[HS_JF_ID];
    if (id->type == HS_JV_STRING)
        art->id = id->s;
    else if (id->type == HS_JV_INT) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", id->i);
        art->id = r->id = strdup(tmp);
    } else {
        art->id = r->id = strdup(r->origin);
    }
    const hs_jv *pd = &v[HS_JF_PUBLISH_DATE];
    const char *date = jstr(&v[HS_JF_DATE]);
    if (!date)
        date = jstr(pd);
    if (date && strlen(date) >= 10) {
        memcpy(r->date, date, 10);
        r->date[10] = 0;
        art->date = r->date;
    } else if (!date && (pd->type == HS_JV_INT || pd->type == HS_JV_REAL)) {
        /* seconds since the epoch (FakeNewsNet/GossipCop) → its UTC calendar date */
        double secs = pd->type == HS_JV_INT ? (double)pd->i : pd->d;
        time_t tt = (time_t)secs;
        struct tm tmv;
        if (secs > 0 && secs < 4102444800.0 && gmtime_r(&tt, &tmv) &&
            strftime(r->date, sizeof r->date, "%Y-%m-%d", &tmv) == 10)
            art->date = r->date;
    }
    art->outlet = jstr(&v[HS_JF_OUTLET]);
    art->title = jstr(&v[HS_JF_TITLE]);
    art->url = jstr(&v[HS_JF_URL]);
    art->origin = r->origin;
    return 0;
}

int hs_reader_next(hs_reader *r, hs_article *art)
{
    memset(art, 0, sizeof *art);
    drop_article(r);
    for (;;) {
        if (!r->open_) {
            int rc = open_next(r);
            if (rc)
                return rc;
        }
        int rc;
        switch (r->cur_format) {
        case HS_INPUT_JSONL:
            rc = next_jsonl(r, art);
            if (rc == HS_EOF) {
                close_current(r);
                continue;
            }
            if (rc == HS_EIO)
                close_current(r);
            return rc;
        case HS_INPUT_HTML: {
            hs_buf b = HS_BUF_INIT;
            const char *path = r->path;
            rc = read_whole(r, &b);
            close_current(r);
            snprintf(r->origin, sizeof r->origin, "%s", path);
            if (!rc)
                rc = hs_ingest_html(b.data ? b.data : "", b.len, r->origin, art, &r->text, &r->id);
            hs_buf_free(&b);
            art->origin = r->origin;
            return rc;
        }
        default:
            return next_text(r, art);
        }
    }
}
