/* A linear pass over the markup before gumbo sees it.
 *
 * 1. What extraction never reads is left out: the contents of <script>
 *    (except JSON-LD, which carries metadata) and <style>, and comments.  On
 *    news pages these are half the bytes, and gumbo tokenizes every one of
 *    them a code point at a time.
 * 2. Nesting depth guard.  An HTML5 tree builder checks "is there a p element
 *    in button scope" and similar by walking the stack of open elements, once
 *    per start tag, so a page of N nested <div>s costs O(N^2) in gumbo:
 *    200,000 of them take minutes.  Browsers cap the depth of the tree
 *    instead (Blink attaches elements deeper than 512 levels to the element
 *    at level 512).  The depth is estimated from the tags (counting the
 *    elements that nest: not void elements, not those whose end tag is implied
 *    by the next sibling such as p, li or td); only a page whose estimate
 *    passes TRIGGER_DEPTH loses the start and end tags below LIMIT_DEPTH,
 *    their text kept.  Ordinary pages keep every tag.
 *
 * Tags are read as the HTML tokenizer reads them: '<' and a letter start a
 * tag, quoted attribute values may hold '>', script and style content ends at
 * the first "</script" / "</style". */
#include "html/html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TRIGGER_DEPTH 2048
#define LIMIT_DEPTH 512

/* Elements that do not nest: void elements and those closed by a sibling. */
static const char *const flat_tags[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
};
/* Elements whose content is raw text up to their end tag. */
static const char *const raw_tags[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                       "noframes", "plaintext"};

static int in_list(const char *name, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0)
            return 1;
    return 0;
}

typedef struct {
    size_t start, end; /* the tag's bytes [start, end) */
    int kind;          /* 0 not a tag, 1 start, 2 end, 3 other (comment, doctype) */
    int nests;         /* a start/end tag of an element that nests */
    int self_closing;
    const char *name;
    size_t name_len;
} tag;

/* Read the markup at s[i] == '<'. */
static tag read_tag(const char *s, size_t n, size_t i)
{
    tag t = {i, i + 1, 0, 0, 0, NULL, 0};
    if (i + 3 < n && strncmp(s + i, "<!--", 4) == 0) {
        const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
        t.end = e ? (size_t)(e - s) + 3 : n;
        t.kind = 3;
        return t;
    }
    size_t j = i + 1;
    int end = j < n && s[j] == '/';
    if (end)
        j++;
    if (j < n && (s[j] == '!' || s[j] == '?')) {
        const char *e = memchr(s + j, '>', n - j);
        t.end = e ? (size_t)(e - s) + 1 : n;
        t.kind = 3;
        return t;
    }
    if (j >= n || !isalpha((unsigned char)s[j]))
        return t; /* a lone '<' is text */
    t.name = s + j;
    while (j < n && !isspace((unsigned char)s[j]) && s[j] != '/' && s[j] != '>')
        j++;
    t.name_len = (size_t)(t.name ? s + j - t.name : 0);
    /* attributes, with quoted values that may hold '>' */
    char q = 0;
    for (; j < n; j++) {
        if (q) {
            if (s[j] == q)
                q = 0;
        } else if (s[j] == '"' || s[j] == '\'') {
            q = s[j];
        } else if (s[j] == '>') {
            break;
        }
    }
    t.end = j < n ? j + 1 : n;
    t.self_closing = j > 0 && j < n && s[j - 1] == '/';
    t.kind = end ? 2 : 1;
    t.nests = !in_list(t.name, t.name_len, flat_tags, sizeof flat_tags / sizeof flat_tags[0]);
    return t;
}

/* Skip raw text after a <script>-like start tag; returns where its end tag starts. */
static size_t skip_raw(const char *s, size_t n, size_t i, const tag *t)
{
    for (size_t k = i; k + 2 + t->name_len <= n; k++) {
        if (s[k] == '<' && s[k + 1] == '/' && strncasecmp(s + k + 2, t->name, t->name_len) == 0)
            return k;
    }
    return n;
}

static int is_tag(const tag *t, const char *name)
{
    return t->name_len == strlen(name) && strncasecmp(t->name, name, t->name_len) == 0;
}

static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(s + i, needle, m) == 0)
            return 1;
    return 0;
}

/* Walk the tags: the maximum estimated depth; with out, write the page
 * without script/style contents and comments (and, when flatten, without the
 * tags deeper than LIMIT_DEPTH). */
static size_t scan(const char *s, size_t n, hs_buf *out, int flatten)
{
    size_t depth = 0, max = 0, i = 0, copied = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        tag t = read_tag(s, n, i);
        size_t cut_from = 0, cut_to = 0; /* bytes to leave out */
        if (t.kind == 3 && t.end - t.start >= 4 && s[t.start + 1] == '!' && s[t.start + 2] == '-') {
            cut_from = t.start;
            cut_to = t.end;
        } else if (t.kind == 1 || t.kind == 2) {
            int drop = 0;
            if (t.nests && t.kind == 1 && !t.self_closing) {
                depth++;
                drop = depth > LIMIT_DEPTH;
            } else if (t.nests && t.kind == 2) {
                drop = depth > LIMIT_DEPTH;
                if (depth)
                    depth--;
            }
            if (depth > max)
                max = depth;
            if (flatten && drop) {
                cut_from = t.start;
                cut_to = t.end;
            }
            if (t.kind == 1 && in_list(t.name, t.name_len, raw_tags, sizeof raw_tags / sizeof raw_tags[0])) {
                size_t e = skip_raw(s, n, t.end, &t);
                int keep = !is_tag(&t, "script") && !is_tag(&t, "style");
                if (!keep && is_tag(&t, "script") && has_ci(s + t.start, t.end - t.start, "ld+json"))
                    keep = 1;
                if (!keep && !cut_to) {
                    cut_from = t.end;
                    cut_to = e;
                }
                t.end = e;
            }
        }
        if (out && cut_to > cut_from) {
            hs_buf_put(out, s + copied, cut_from - copied);
            copied = cut_to;
        }
        i = t.end;
    }
    if (out)
        hs_buf_put(out, s + copied, n - copied);
    return max;
}

int hs_html_prescan(const char *s, size_t n, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    int flatten = scan(s, n, NULL, 0) > TRIGGER_DEPTH;
    hs_buf b = HS_BUF_INIT;
    if (hs_buf_reserve(&b, n)) /* the copy never grows: no later put can fail */
        return hs_error_set(HS_ENOMEM, "out of memory");
    scan(s, n, &b, flatten);
    b.data[b.len] = 0;
    *out = b.data;
    *out_len = b.len;
    return 0;
}
