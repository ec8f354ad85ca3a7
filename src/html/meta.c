/* Page metadata: title, publication date, authors, outlet, canonical URL,
 * description.
 *
 * Each field has an ordered list of sources (a table below), from the most
 * deliberate to the least: Open Graph and article:* meta tags, schema.org
 * JSON-LD (NewsArticle and kin), other meta names, microdata (itemprop), the
 * markup itself (h1, <time datetime>, rel=author), and last the URL (a date
 * in its path, the host name as outlet). */
#include "analyzer.h"
#include "html/html.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What the walk collects before the fields are chosen. */
enum { F_TITLE, F_DATE, F_AUTHOR, F_OUTLET, F_URL, F_DESC, F_N };

/* meta name/property → field, in order of trust (lower rank wins). */
static const struct {
    const char *key;
    int field, rank;
} meta_keys[] = {
    {"og:title", F_TITLE, 0},         {"twitter:title", F_TITLE, 2},   {"dc.title", F_TITLE, 3},
    {"article:published_time", F_DATE, 0}, {"og:published_time", F_DATE, 1}, {"datepublished", F_DATE, 1},
    {"pubdate", F_DATE, 2},           {"publishdate", F_DATE, 2},      {"publish-date", F_DATE, 2},
    {"parsely-pub-date", F_DATE, 2},  {"sailthru.date", F_DATE, 3},    {"dc.date.issued", F_DATE, 3},
    {"dc.date", F_DATE, 4},           {"date", F_DATE, 4},             {"article.published", F_DATE, 3},
    {"author", F_AUTHOR, 1},          {"article:author", F_AUTHOR, 1}, {"parsely-author", F_AUTHOR, 2},
    {"sailthru.author", F_AUTHOR, 3}, {"dc.creator", F_AUTHOR, 3},     {"byl", F_AUTHOR, 3},
    {"og:site_name", F_OUTLET, 0},    {"application-name", F_OUTLET, 3}, {"twitter:site", F_OUTLET, 5},
    {"og:url", F_URL, 1},             {"og:description", F_DESC, 0},   {"description", F_DESC, 1},
    {"twitter:description", F_DESC, 2},
};
/* JSON-LD keys get rank 1 (after og:*, before loose meta names); markup rank 6. */
#define RANK_LD 1
#define RANK_MARKUP 6
#define RANK_BYLINE 7 /* a "By …" line: the last resort */
#define RANK_NONE 99

typedef struct {
    char *val[F_N];
    int rank[F_N];
    hs_buf authors; /* "; "-joined, from the best-ranked source only */
    int author_rank;
} collect;

static void set_field(collect *c, int f, int rank, const char *v, size_t n)
{
    while (n && isspace((unsigned char)*v))
        v++, n--;
    while (n && isspace((unsigned char)v[n - 1]))
        n--;
    if (!n || rank >= c->rank[f])
        return;
    char *s = strndup(v, n);
    if (!s)
        return;
    free(c->val[f]);
    c->val[f] = s;
    c->rank[f] = rank;
}

static int looks_like_url(const char *s) { return strncmp(s, "http", 4) == 0 || s[0] == '/'; }

static void add_author(collect *c, int rank, const char *name)
{
    if (!name || !*name || looks_like_url(name) || strlen(name) > 100)
        return;
    if (rank < c->author_rank) {
        hs_buf_clear(&c->authors);
        c->author_rank = rank;
    } else if (rank > c->author_rank) {
        return;
    }
    if (c->authors.len && strstr(c->authors.data, name))
        return;
    if (c->authors.len)
        hs_buf_puts(&c->authors, "; ");
    hs_buf_puts(&c->authors, name);
}

/* ---- JSON-LD ---- */

static int ld_is_article(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_array(t)) {
        size_t i;
        json_t *x;
        json_array_foreach(t, i, x) if (json_is_string(x) && (strstr(json_string_value(x), "Article") ||
                                                                 strstr(json_string_value(x), "BlogPosting")))
            return 1;
        return 0;
    }
    return json_is_string(t) && (strstr(json_string_value(t), "Article") || strstr(json_string_value(t), "BlogPosting"));
}

static const char *ld_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v)) {
        json_t *n = json_object_get(v, "name");
        return json_is_string(n) ? json_string_value(n) : NULL;
    }
    return NULL;
}

static void ld_str(collect *c, int f, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_string(v))
        set_field(c, f, RANK_LD, json_string_value(v), json_string_length(v));
}

static void ld_object(collect *c, hs_hmeta *m, json_t *o, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(o)) {
        size_t i;
        json_t *x;
        json_array_foreach(o, i, x) ld_object(c, m, x, depth + 1);
        return;
    }
    if (!json_is_object(o))
        return;
    json_t *g = json_object_get(o, "@graph");
    if (g)
        ld_object(c, m, g, depth + 1);
    if (!ld_is_article(o))
        return;
    ld_str(c, F_TITLE, o, "headline");
    ld_str(c, F_DATE, o, "datePublished");
    ld_str(c, F_DESC, o, "description");
    const char *pub = ld_name(json_object_get(o, "publisher"));
    if (pub)
        set_field(c, F_OUTLET, RANK_LD, pub, strlen(pub));
    json_t *a = json_object_get(o, "author");
    if (json_is_array(a)) {
        size_t i;
        json_t *x;
        json_array_foreach(a, i, x) add_author(c, RANK_LD, ld_name(x));
    } else {
        add_author(c, RANK_LD, ld_name(a));
    }
    json_t *body = json_object_get(o, "articleBody");
    if (json_is_string(body) && !m->ld_body)
        m->ld_body = strdup(json_string_value(body));
}

static void ld_script(collect *c, hs_hmeta *m, const GumboNode *n)
{
    if (n->v.element.children.length != 1)
        return;
    const GumboNode *t = n->v.element.children.data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_WHITESPACE && t->type != GUMBO_NODE_CDATA)
        return;
    json_error_t err;
    json_t *j = json_loads(t->v.text.text, JSON_DECODE_ANY, &err);
    if (!j)
        return; /* broken JSON-LD is common; the other sources remain */
    ld_object(c, m, j, 0);
    json_decref(j);
}

/* ---- the walk ---- */

static void text_field(collect *c, int f, int rank, const GumboNode *n)
{
    if (rank >= c->rank[f])
        return;
    hs_buf b = HS_BUF_INIT;
    if (hs_html_node_text(n, &b) == 0 && b.data)
        set_field(c, f, rank, b.data, b.len);
    hs_buf_free(&b);
}

static void element(collect *c, hs_hmeta *m, const GumboNode *n)
{
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
        const char *k = hs_html_attr(n, "property");
        if (!k)
            k = hs_html_attr(n, "name");
        if (!k)
            k = hs_html_attr(n, "itemprop");
        const char *v = hs_html_attr(n, "content");
        if (!k || !v)
            return;
        for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
            if (strcasecmp(meta_keys[i].key, k) != 0)
                continue;
            if (meta_keys[i].field == F_AUTHOR)
                add_author(c, meta_keys[i].rank, v);
            else
                set_field(c, meta_keys[i].field, meta_keys[i].rank, v, strlen(v));
        }
        return;
    }
    if (tag == GUMBO_TAG_LINK) {
        const char *rel = hs_html_attr(n, "rel"), *href = hs_html_attr(n, "href");
        if (rel && href && strcasecmp(rel, "canonical") == 0)
            set_field(c, F_URL, 0, href, strlen(href));
        return;
    }
    if (tag == GUMBO_TAG_SCRIPT) {
        const char *type = hs_html_attr(n, "type");
        if (type && strcasecmp(type, "application/ld+json") == 0)
            ld_script(c, m, n);
        return;
    }
    if (tag == GUMBO_TAG_TITLE) {
        text_field(c, F_TITLE, RANK_MARKUP + 1, n);
        return;
    }
    if (tag == GUMBO_TAG_H1) {
        text_field(c, F_TITLE, RANK_MARKUP, n);
        return;
    }
    const char *ip = hs_html_attr(n, "itemprop");
    if (tag == GUMBO_TAG_TIME || (ip && strcasecmp(ip, "datePublished") == 0)) {
        const char *dt = hs_html_attr(n, "datetime");
        if (!dt)
            dt = hs_html_attr(n, "content");
        if (dt)
            set_field(c, F_DATE, ip ? 2 : RANK_MARKUP, dt, strlen(dt));
        else
            text_field(c, F_DATE, RANK_MARKUP + 1, n); /* <time>March 14, 2025</time> */
        return;
    }
    const char *rel = hs_html_attr(n, "rel"), *cls = hs_html_attr(n, "class");
    if (cls && strcasestr(cls, "byline") && c->author_rank > RANK_BYLINE) {
        hs_buf b = HS_BUF_INIT, names = HS_BUF_INIT;
        if (hs_html_node_text(n, &b) == 0 && b.data && hs_html_byline(b.data, &names) > 0) {
            for (char *s = names.data, *e; s; s = e ? e + 2 : NULL) {
                if ((e = strstr(s, "; ")))
                    *e = 0;
                add_author(c, RANK_BYLINE, s);
            }
        }
        hs_buf_free(&b);
        hs_buf_free(&names);
    }
    if ((ip && strcasecmp(ip, "author") == 0) || (rel && strcasecmp(rel, "author") == 0)) {
        hs_buf b = HS_BUF_INIT;
        if (hs_html_node_text(n, &b) == 0 && b.data)
            add_author(c, RANK_MARKUP, b.data);
        hs_buf_free(&b);
    }
}

static void walk(collect *c, hs_hmeta *m, const GumboNode *root)
{
    HS_ARRAY(const GumboNode *) st = {NULL, 0, 0};
    const GumboNode **p = HS_PUSH(&st);
    if (!p)
        return;
    *p = root;
    while (st.n > 0) {
        const GumboNode *n = st.v[--st.n];
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        element(c, m, n);
        const GumboVector *k = &n->v.element.children;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_SVG)
            continue;
        /* children pushed last-first so that they are visited in order */
        for (size_t i = k->length; i-- > 0;) {
            const GumboNode **q = HS_PUSH(&st);
            if (!q)
                break;
            *q = k->data[i];
        }
    }
    HS_ARRAY_FREE(&st);
}

/* ---- cleaning the chosen values ---- */

/* "Headline | Outlet" → "Headline": the part that is not the outlet's name,
 * else (when `longest`: a <title>, which nearly always carries the site's
 * name) the longest part between separators. */
static void strip_site_suffix(char *t, const char *outlet, int longest)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        char *best = NULL, *s = t;
        size_t best_len = 0, seplen = strlen(seps[i]);
        for (;;) {
            char *e = strstr(s, seps[i]);
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (outlet && strlen(outlet) == n && strncasecmp(s, outlet, n) == 0) {
                /* the outlet's own name: take the other part, whatever its length */
                char *other = s == t ? s + n + (e ? seplen : 0) : t;
                size_t on = s == t ? strlen(other) : (size_t)(s - seplen - t);
                memmove(t, other, on);
                t[on] = 0;
                return;
            }
            if (n > best_len) {
                best_len = n;
                best = s;
            }
            if (!e)
                break;
            s = e + seplen;
        }
        if (longest && best && best_len < strlen(t) && best_len >= 15) {
            memmove(t, best, best_len);
            t[best_len] = 0;
        }
    }
}

/* Host name of an absolute URL, without "www.". */
static char *host_of(const char *url)
{
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    if (strncmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    return n ? strndup(p, n) : NULL;
}

int hs_html_meta(hs_hmeta *m, const GumboNode *root, const hs_hdom *d)
{
    (void)d;
    collect c;
    memset(&c, 0, sizeof c);
    for (int i = 0; i < F_N; i++)
        c.rank[i] = RANK_NONE;
    c.author_rank = RANK_NONE;
    walk(&c, m, root);
    m->url = c.val[F_URL];
    m->description = c.val[F_DESC];
    m->outlet = c.val[F_OUTLET];
    if (m->outlet && m->outlet[0] == '@') /* twitter:site */
        memmove(m->outlet, m->outlet + 1, strlen(m->outlet));
    if (m->outlet && looks_like_url(m->outlet)) { /* og:site_name holding a URL */
        char *h = host_of(m->outlet);
        if (h) {
            free(m->outlet);
            m->outlet = h;
        }
    }
    m->title = c.val[F_TITLE];
    if (m->title)
        strip_site_suffix(m->title, m->outlet, c.rank[F_TITLE] > RANK_LD);
    if (!m->outlet && m->url)
        m->outlet = host_of(m->url);
    char day[11];
    if ((c.val[F_DATE] && hs_html_date_norm(c.val[F_DATE], day) == 0) ||
        (m->url && hs_html_date_in_url(m->url, day) == 0))
        m->date = strdup(day);
    free(c.val[F_DATE]);
    free(c.val[F_AUTHOR]);
    m->authors = c.authors.data;
    return 0;
}

void hs_hmeta_free(hs_hmeta *m)
{
    free(m->title);
    free(m->date);
    free(m->authors);
    free(m->outlet);
    free(m->url);
    free(m->description);
    free(m->caption);
    free(m->credit);
    free(m->ld_body);
    memset(m, 0, sizeof *m);
}

/* ---- dates ---- */


static int valid_day(int y, int mo, int dd, char out[11])
{
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, mo, dd);
    int a, b, e;
    if (y < 1900 || y > 2100 || hs_date_parse(tmp, &a, &b, &e) != 0)
        return -1;
    memcpy(out, tmp, 11);
    return 0;
}

/* Month names and their abbreviations (English). */
static const struct {
    const char *name;
    int month;
} months[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
    {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1},     {"feb", 2},      {"mar", 3},       {"apr", 4},      {"jun", 6},       {"jul", 7},
    {"aug", 8},     {"sept", 9},     {"sep", 9},       {"oct", 10},     {"nov", 11},      {"dec", 12},
};

/* A month name at s (a whole word, optionally with a full stop): its number,
 * and *len its length; 0 when none. */
static int month_at(const char *s, size_t *len)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (strlen(months[i].name) == n && strncasecmp(s, months[i].name, n) == 0) {
            *len = n + (s[n] == '.');
            return months[i].month;
        }
    return 0;
}

/* "March 14, 2025", "Mar. 14 2025" or "14 March 2025" anywhere in s. */
static int date_in_words(const char *s, char out[11])
{
    for (const char *p = s; *p; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        size_t ml;
        int mo, dd, y, n = 0;
        if ((mo = month_at(p, &ml)) && sscanf(p + ml, " %2d%*[, ] %4d%n", &dd, &y, &n) == 2 && n > 0 &&
            valid_day(y, mo, dd, out) == 0)
            return 0;
        if (isdigit((unsigned char)*p) && sscanf(p, "%2d %n", &dd, &n) == 1 && n > 0 &&
            (mo = month_at(p + n, &ml)) && sscanf(p + n + ml, " %4d", &y) == 1 && valid_day(y, mo, dd, out) == 0)
            return 0;
    }
    return -1;
}

/* YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD at the start of s (ISO 8601 times
 * follow), else a date in words. */
int hs_html_date_norm(const char *s, char out[11])
{
    while (*s && isspace((unsigned char)*s))
        s++;
    int y, mo, dd, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &dd, &n) == 3 && n == 10)
        return valid_day(y, mo, dd, out);
    if (sscanf(s, "%4d/%2d/%2d%n", &y, &mo, &dd, &n) == 3 && n == 10)
        return valid_day(y, mo, dd, out);
    for (n = 0; n < 8 && isdigit((unsigned char)s[n]); n++)
        ;
    if (n == 8 && !isdigit((unsigned char)s[8]) && sscanf(s, "%4d%2d%2d", &y, &mo, &dd) == 3)
        return valid_day(y, mo, dd, out);
    return date_in_words(s, out);
}

/* /2024/05/02/ or /2024-05-02/ in a URL's path. */
int hs_html_date_in_url(const char *url, char out[11])
{
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p; p = strchr(p + 1, '/')) {
        int y, mo, dd, n = 0;
        if ((sscanf(p, "/%4d/%2d/%2d%n", &y, &mo, &dd, &n) == 3 || sscanf(p, "/%4d-%2d-%2d%n", &y, &mo, &dd, &n) == 3) &&
            n == 11 && (p[n] == '/' || p[n] == 0 || p[n] == '-' || p[n] == '.') && valid_day(y, mo, dd, out) == 0)
            return 0;
    }
    return -1;
}
