/* hs_page_new: a saved web page in, its article and metadata out.
 *
 *   bytes → (charset.c) UTF-8 → gumbo HTML5 tree → (blocks.c) text blocks
 *         → (select.c) the body's blocks → text with "\n\n" between them
 *         → (meta.c, figure.c) title, date, authors, outlet, URL, credits
 *
 * gumbo allocates through an arena owned by the page and the tree is dropped
 * with the arena: gumbo's own destructor recurses once per nesting level,
 * which a page of a million nested elements would turn into a stack
 * overflow. */
#include "base/arena.h"
#include "html/html.h"
#include "out/jw.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define HS_MAX_PAGE_BYTES (16u << 20)
/* A JSON-LD articleBody stands in for the markup only when the markup gave
 * nothing and it is at least this long. */
#define LD_BODY_MIN 200

typedef struct page_impl {
    hs_page pub;       /* first: hs_page * and page_impl * convert */
    char *text;
    hs_hmeta meta;
    char charset[32];
    hs_buf json;
} page_impl;

static void *arena_alloc(void *ud, size_t n) { return hs_arena_alloc(ud, n); }
static void arena_dealloc(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

/* Why a byte string is not a page at all, or NULL. */
static const char *not_a_page(const char *s, size_t len, size_t *at)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
        i++;
    if (i == len) {
        *at = 0;
        return len ? "empty page (white space only)" : "empty file";
    }
    /* UTF-16 pages (with a BOM) hold NUL bytes legitimately */
    if (len >= 2 && ((unsigned char)s[0] == 0xFF || (unsigned char)s[0] == 0xFE))
        return NULL;
    size_t n = len < 4096 ? len : 4096, ctl = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            *at = i;
            return "binary data (a NUL byte), not an HTML page";
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ctl++;
    }
    if (ctl * 20 > n) {
        *at = 0;
        return "binary data (control bytes), not an HTML page";
    }
    return NULL;
}

/* Article furniture above the first paragraph: a byline ("By A and B") or
 * a line that is only a date ("June 3, 2024", "Updated 2024-06-03 10:30"). */
static int furniture(const hs_hdom *d, const hs_hblock *bl)
{
    if (bl->chars > 120)
        return 0;
    char line[512], day[11];
    size_t n = bl->len < sizeof line - 1 ? bl->len : sizeof line - 1;
    memcpy(line, d->text.data + bl->off, n);
    line[n] = 0;
    hs_buf names = HS_BUF_INIT;
    int byline = hs_html_byline(line, &names) > 0;
    hs_buf_free(&names);
    return byline || (bl->chars <= 40 && hs_html_date_norm(line, day) == 0);
}

static int build_text(page_impl *p, const hs_hdom *d)
{
    hs_buf b = HS_BUF_INIT;
    size_t paras = 0;
    const char *title = p->meta.title;
    size_t tlen = title ? strlen(title) : 0;
    int prose = 0; /* a paragraph has been kept */
    for (size_t i = 0; i < d->blocks.n; i++) {
        const hs_hblock *bl = &d->blocks.v[i];
        if (!bl->keep)
            continue;
        /* the headline repeated at the top of the body (a bold line, not an h1) */
        if (paras < 2 && tlen && bl->len == tlen && memcmp(d->text.data + bl->off, title, tlen) == 0)
            continue;
        if (!prose && furniture(d, bl))
            continue;
        prose |= bl->chars >= 80;
        if ((b.len && hs_buf_put(&b, "\n\n", 2)) || hs_buf_put(&b, d->text.data + bl->off, bl->len))
            goto oom;
        paras++;
    }
    if (!paras && p->meta.ld_body && strlen(p->meta.ld_body) >= LD_BODY_MIN) {
        /* the page's own structured copy of the body; paragraphs are its lines */
        for (const char *s = p->meta.ld_body; *s;) {
            size_t n = strcspn(s, "\n");
            size_t k = 0;
            while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
                k++;
            if (k < n) {
                if ((b.len && hs_buf_put(&b, "\n\n", 2)) || hs_buf_put(&b, s + k, n - k))
                    goto oom;
                paras++;
            }
            s += n + (s[n] == '\n');
        }
    }
    if (hs_buf_reserve(&b, 0))
        goto oom;
    b.data[b.len] = 0;
    p->text = b.data;
    p->pub.text = b.data;
    p->pub.text_len = b.len;
    p->pub.paragraphs = paras;
    return 0;
oom:
    hs_buf_free(&b);
    return hs_error_set(HS_ENOMEM, "out of memory");
}

int hs_page_new(hs_page **out, const char *html, size_t len, const char *origin)
{
    *out = NULL;
    if (!origin)
        origin = "<page>";
    size_t at = 0;
    const char *why = not_a_page(html, len, &at);
    if (why)
        return at ? hs_error_set(HS_EINPUT, "%s: byte offset %zu: %s", origin, at, why)
                  : hs_error_set(HS_EINPUT, "%s: %s", origin, why);
    if (len > HS_MAX_PAGE_BYTES)
        return hs_error_set(HS_EINPUT, "%s: page too large (%zu bytes; the limit is %u)", origin, len,
                            HS_MAX_PAGE_BYTES);
    page_impl *p = calloc(1, sizeof *p);
    if (!p)
        return hs_error_set(HS_ENOMEM, "out of memory");
    char *utf8 = NULL;
    size_t ulen = 0;
    int rc = hs_html_to_utf8(html, len, &utf8, &ulen, p->charset);
    if (rc) {
        free(p);
        return rc == HS_EINPUT ? hs_error_set(rc, "%s: %s", origin, hs_error_last()) : rc;
    }
    char *flat;
    size_t flen;
    rc = hs_html_prescan(utf8, ulen, &flat, &flen);
    if (rc) {
        free(utf8);
        free(p);
        return rc;
    }
    if (flat) {
        free(utf8);
        utf8 = flat;
        ulen = flen;
    }
    hs_arena arena;
    hs_arena_init(&arena);
    GumboOptions opts = kGumboDefaultOptions;
    opts.allocator = arena_alloc;
    opts.deallocator = arena_dealloc;
    opts.userdata = &arena;
    opts.max_errors = 0;
    GumboOutput *g = gumbo_parse_with_options(&opts, utf8, ulen);
    hs_hdom d;
    rc = g ? hs_hdom_build(&d, g->root) : hs_error_set(HS_ENOMEM, "out of memory");
    if (!rc) {
        hs_html_select(&d);
        rc = hs_html_meta(&p->meta, g->root, &d);
        if (!rc)
            rc = hs_html_figure(&p->meta, &d);
        if (!rc)
            rc = build_text(p, &d);
        hs_hdom_free(&d);
    }
    hs_arena_free(&arena);
    free(utf8);
    if (rc) {
        hs_page_free(&p->pub);
        return rc;
    }
    hs_page *pub = &p->pub;
    pub->title = p->meta.title;
    pub->date = p->meta.date;
    pub->authors = p->meta.authors;
    pub->outlet = p->meta.outlet;
    pub->url = p->meta.url;
    pub->description = p->meta.description;
    pub->image_caption = p->meta.caption;
    pub->image_credit = p->meta.credit;
    pub->charset = p->charset;
    *out = pub;
    return 0;
}

void hs_page_free(hs_page *pub)
{
    if (!pub)
        return;
    page_impl *p = (page_impl *)pub;
    free(p->text);
    hs_hmeta_free(&p->meta);
    hs_buf_free(&p->json);
    free(p);
}

int hs_page_json(hs_page *pub, int pretty, const char **out, size_t *len)
{
    page_impl *p = (page_impl *)pub;
    hs_buf_clear(&p->json);
    hs_jw w;
    hs_jw_init(&w, &p->json, pretty);
    hs_jw_obj(&w);
    static const char *const keys[] = {"title", "date", "authors", "outlet", "url", "description",
                                       "image_caption", "image_credit", "charset"};
    const char *vals[] = {pub->title,       pub->date,          pub->authors,
                          pub->outlet,      pub->url,           pub->description,
                          pub->image_caption, pub->image_credit, pub->charset};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        hs_jw_key(&w, keys[i]);
        hs_jw_str(&w, vals[i]);
    }
    hs_jw_key(&w, "paragraphs");
    hs_jw_int(&w, (long long)pub->paragraphs);
    hs_jw_key(&w, "text");
    hs_jw_strn(&w, pub->text, pub->text_len);
    hs_jw_obj_end(&w);
    if (w.err || hs_buf_putc(&p->json, '\n'))
        return hs_error_set(HS_ENOMEM, "out of memory");
    *out = p->json.data;
    *len = p->json.len;
    return 0;
}

/* ---- pages from files: the bytes gunzipped when gzip (zlib reads plain files unchanged) ---- */

int hs_html_read_gz(const char *path, hs_buf *b)
{
    gzFile f;
    if (strcmp(path, "-") == 0) {
        int fd = dup(0);
        f = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!f && fd >= 0)
            close(fd);
    } else {
        f = gzopen(path, "rb");
    }
    if (!f)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno ? errno : ENOMEM));
    hs_buf_clear(b);
    int rc = 0;
    for (;;) {
        if (hs_buf_reserve(b, 65536)) {
            rc = hs_error_set(HS_ENOMEM, "out of memory");
            break;
        }
        int n = gzread(f, b->data + b->len, 65536);
        if (n < 0) {
            int e;
            rc = hs_error_set(HS_EIO, "%s: read error: %s", path, gzerror(f, &e));
            break;
        }
        if (n == 0)
            break;
        b->len += (size_t)n;
        b->data[b->len] = 0;
    }
    gzclose(f);
    return rc;
}

int hs_page_load(hs_page **out, const char *path)
{
    *out = NULL;
    hs_buf b = HS_BUF_INIT;
    int rc = hs_html_read_gz(path, &b);
    if (!rc)
        rc = hs_page_new(out, b.data ? b.data : "", b.len, path);
    hs_buf_free(&b);
    return rc;
}
