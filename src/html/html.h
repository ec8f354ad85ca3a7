/* Internal interface of the HTML module: a web page → UTF-8 → gumbo DOM →
 * text blocks → the article's blocks, plus metadata from the head.
 *
 *   charset.c  encoding detection (BOM, meta charset, http-equiv) and iconv
 *   prescan.c  drops scripts, styles, comments; guards against deep nesting
 *   blocks.c   the DOM walked once into element records and text blocks
 *   hints.c    class/id/tag hints (tables) that mark boilerplate and content
 *   select.c   scoring: which blocks form the article body
 *   meta.c     title, date, authors, outlet, canonical URL (meta, JSON-LD)
 *   credits.c  lead-image caption, photo credits and byline names, kept apart
 *   page.c     the public hs_page_new / hs_page_load / hs_page_json / hs_page_free
 */
#ifndef HS_HTML_H
#define HS_HTML_H
#include <gumbo.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "hearsay.h"

/* ---- page.c ---- */
/* The whole file ("-": standard input) into b, gunzipped when it is gzip. */
int hs_html_read_gz(const char *path, hs_buf *b);

/* ---- charset.c ---- */
/* Convert a page to UTF-8 (malloc'ed, NUL-terminated in *out).  The encoding
 * comes from a byte-order mark, else a <meta charset> / http-equiv declaration
 * in the first 4 KiB, else a guess (UTF-8 when the bytes are valid UTF-8,
 * else windows-1252).  A declaration the bytes contradict (declared UTF-8 but
 * invalid; declared Latin-1 but valid multi-byte UTF-8) loses to the bytes.
 * Bytes that do not decode become U+FFFD.  `name` receives the encoding used. */
int hs_html_to_utf8(const char *in, size_t len, char **out, size_t *out_len, char name[32]);
/* The charset label declared in the first bytes of a page ("" when none). */
void hs_html_declared_charset(const char *in, size_t len, char label[32]);

/* ---- prescan.c ---- */
/* The page without script/style contents (JSON-LD kept) and comments, and,
 * when nested deeper than a browser would build (thousands of levels),
 * without its deepest tags (text kept): *out is a malloc'ed copy. */
int hs_html_prescan(const char *s, size_t n, char **out, size_t *out_len);

/* ---- hints.c ---- */
/* Weight of an element from its class and id: negative for boilerplate
 * (comments, share, related, nav…), positive for content (article, body…). */
int hs_html_class_weight(const GumboNode *n);
/* Element kinds. */
enum {
    HK_INLINE = 0, /* text flows through it */
    HK_BLOCK,      /* starts a new text block */
    HK_SKIP,       /* never text (script, style, nav chrome, forms…) */
    HK_BREAK       /* <br>: a line break inside a block */
};
int hs_html_tag_kind(GumboTag tag);
/* Does the element's class/id say it holds a photo credit or caption? */
int hs_html_is_credit(const GumboNode *n);
int hs_html_is_hidden(const GumboNode *n);
/* Attribute value or NULL. */
const char *hs_html_attr(const GumboNode *n, const char *name);

/* ---- blocks.c ---- */
enum {
    HB_HEADING = 1u << 0, /* h1..h6 */
    HB_LIST = 1u << 1,    /* li, dd, dt */
    HB_QUOTE = 1u << 2,   /* inside blockquote */
    HB_FIGURE = 1u << 3,  /* inside figure/figcaption or a caption/credit element */
    HB_PARA = 1u << 4,    /* a <p> (or pre) */
    HB_TABLE = 1u << 5,   /* inside a table cell */
    HB_CREDIT = 1u << 7,  /* inside a credit element */
    HB_ARTICLE = 1u << 8, /* inside <article> or itemprop=articleBody */
    HB_H1 = 1u << 9       /* an h1 */
};

typedef struct hs_hnode {
    const GumboNode *g;
    int parent;          /* index of the parent record, -1 for the root */
    int depth;
    int weight;          /* class/id hint weight of this element */
    double score;        /* content score gathered from paragraphs below */
    size_t chars, link_chars; /* text characters in the subtree, of them in links */
    int first_block, end_block; /* blocks [first, end) lie inside this element */
} hs_hnode;

typedef struct hs_hblock {
    int node;             /* the element the block's text belongs to */
    size_t off, len;      /* bytes in dom.text */
    size_t chars, link_chars;
    int commas;
    unsigned flags;       /* HB_* */
    int keep;             /* chosen for the body (select.c) */
} hs_hblock;

typedef struct hs_hdom {
    HS_ARRAY(hs_hnode) nodes;
    HS_ARRAY(hs_hblock) blocks;
    hs_buf text;          /* every block's text, whitespace collapsed */
    int body;             /* node index of <body> (or the root) */
} hs_hdom;

/* Walk the tree once (iteratively: nesting depth is unbounded). */
int hs_hdom_build(hs_hdom *d, const GumboNode *root);
void hs_hdom_free(hs_hdom *d);
/* Collapsed text of any subtree (skipping scripts and hidden parts) into b. */
int hs_html_node_text(const GumboNode *n, hs_buf *b);

/* ---- select.c ---- */
/* Mark the blocks of the article body (block.keep); returns the number kept. */
size_t hs_html_select(hs_hdom *d);

/* ---- meta.c / credits.c ---- */
typedef struct hs_hmeta {
    char *title, *date, *authors, *outlet, *url, *description;
    char *caption, *credit;
    char *ld_body; /* JSON-LD articleBody, when the page carries one */
} hs_hmeta;
/* Fill m (strings malloc'ed) from the document; `d` for the headline and
 * figures near the chosen body. */
int hs_html_meta(hs_hmeta *m, const GumboNode *root, const hs_hdom *d);
int hs_html_figure(hs_hmeta *m, const hs_hdom *d);
void hs_hmeta_free(hs_hmeta *m);
/* The names of a byline ("By A and B, C | Updated…") added to names
 * ("; "-separated): how many, 0 when text is not a byline, or HS_ENOMEM. */
int hs_html_byline(const char *text, hs_buf *names);
/* A date in free form ("2024-05-02T10:00Z", a URL path /2024/05/02/) as
 * YYYY-MM-DD into out; 0 on success, -1 when none is found. */
int hs_html_date_norm(const char *s, char out[11]);
int hs_html_date_in_url(const char *url, char out[11]);

#endif
