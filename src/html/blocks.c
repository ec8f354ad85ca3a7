/* The DOM walked once into element records and text blocks.
 *
 * A text block is the text between two block-level boundaries, owned by the
 * innermost block-level element around it: in <div>intro<p>para</p>tail</div>
 * "intro", "para" and "tail" are three blocks (of div, p and div).  A <br>
 * also ends a block, so pages that separate paragraphs with <br><br> get one
 * block per paragraph.  White space is collapsed as a browser renders it
 * (runs of spaces, tabs, newlines and no-break spaces become one space).
 *
 * The walk uses an explicit stack: a page of a million nested <div>s must not
 * overflow the C stack. */
#include "html/html.h"

#include <string.h>

typedef struct {
    const GumboNode *g;
    unsigned child;   /* next child to visit */
    int rec;          /* record index */
    unsigned flags;   /* HB_* inherited by the subtree */
    int in_link;
    int is_block;
} frame;

typedef struct {
    hs_buf *b;
    int space;        /* a space is pending before the next visible character */
    int at_start;     /* nothing visible written since the last boundary */
} appender;

/* Append text with white space collapsed; returns visible chars added (and
 * commas via *commas), -1 on allocation failure. */
static long append_text(appender *ap, const char *s, int *commas)
{
    long vis = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (c == 0xC2 && p[1] == 0xA0) { /* U+00A0 no-break space */
            ws = 1;
            p++;
        }
        if (ws) {
            ap->space = 1;
            continue;
        }
        if (ap->space && !ap->at_start && hs_buf_putc(ap->b, ' '))
            return -1;
        ap->space = 0;
        ap->at_start = 0;
        if (hs_buf_putc(ap->b, (char)c))
            return -1;
        if ((c & 0xC0) != 0x80)
            vis++;
        if (c == ',' && commas)
            (*commas)++;
    }
    return vis;
}

static int tag_flags(const GumboNode *g)
{
    switch (g->v.element.tag) {
    case GUMBO_TAG_H1: return HB_HEADING | HB_H1;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return HB_HEADING;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: return HB_LIST;
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: return HB_PARA;
    case GUMBO_TAG_BLOCKQUOTE: return HB_QUOTE;
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: return HB_FIGURE;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return HB_TABLE;
    case GUMBO_TAG_ARTICLE: return HB_ARTICLE;
    default: return 0;
    }
}

/* Flags a block inherits from an element around it. */
#define HB_INHERIT (HB_QUOTE | HB_FIGURE | HB_TABLE | HB_CREDIT | HB_ARTICLE)

typedef struct {
    hs_hdom *d;
    appender ap;
    size_t start;      /* where the open block's text starts in d->text */
    long chars, links;
    int commas;
} walker;

/* End the open block (if it has text) as a block of record `rec`. */
static int flush(walker *w, int rec, unsigned flags)
{
    hs_hdom *d = w->d;
    if (w->chars > 0) {
        hs_hblock *bl = HS_PUSH(&d->blocks);
        if (!bl)
            return HS_ENOMEM;
        bl->node = rec;
        bl->off = w->start;
        bl->len = d->text.len - w->start;
        bl->chars = (size_t)w->chars;
        bl->link_chars = (size_t)w->links;
        bl->commas = w->commas;
        bl->flags = flags;
        if (hs_buf_putc(&d->text, '\n'))
            return HS_ENOMEM;
    } else {
        d->text.len = w->start; /* drop spaces written for an empty block */
        if (d->text.data)
            d->text.data[d->text.len] = 0;
    }
    w->start = d->text.len;
    w->chars = w->links = 0;
    w->commas = 0;
    w->ap.at_start = 1;
    w->ap.space = 0;
    return 0;
}

/* The innermost block frame at or below top. */
static const frame *block_frame(const frame *st, int top)
{
    while (top > 0 && !st[top].is_block)
        top--;
    return &st[top];
}

int hs_hdom_build(hs_hdom *d, const GumboNode *root)
{
    memset(d, 0, sizeof *d);
    d->body = 0;
    walker w = {d, {&d->text, 0, 1}, 0, 0, 0, 0};
    HS_ARRAY(frame) st = {NULL, 0, 0};
    int rc = HS_ENOMEM;
    if (hs_buf_reserve(&d->text, 4096))
        goto done;
    hs_hnode *r0 = HS_PUSH(&d->nodes);
    frame *f0 = HS_PUSH(&st);
    if (!r0 || !f0)
        goto done;
    *r0 = (hs_hnode){root, -1, 0, 0, 0, 0, 0, 0, 0};
    *f0 = (frame){root, 0, 0, 0, 0, 1};
    while (st.n > 0) {
        frame *f = &st.v[st.n - 1];
        const GumboVector *kids = &f->g->v.element.children;
        if (f->child >= kids->length) {
            /* leaving the element */
            hs_hnode *r = &d->nodes.v[f->rec];
            if (f->is_block) {
                unsigned fl = f->flags | tag_flags(f->g);
                if (flush(&w, f->rec, fl))
                    goto done;
            }
            r->end_block = (int)d->blocks.n;
            st.n--;
            continue;
        }
        const GumboNode *c = kids->data[f->child++];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
            int *commas = &w.commas;
            long v = append_text(&w.ap, c->v.text.text, commas);
            if (v < 0)
                goto done;
            w.chars += v;
            if (f->in_link)
                w.links += v;
            continue;
        }
        if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE)
            continue;
        GumboTag tag = c->v.element.tag;
        int kind = c->v.element.tag_namespace == GUMBO_NAMESPACE_HTML ? hs_html_tag_kind(tag) : HK_SKIP;
        if (kind == HK_SKIP || hs_html_is_hidden(c))
            continue;
        if (kind == HK_BREAK) {
            const frame *bf = block_frame(st.v, (int)st.n - 1);
            if (flush(&w, bf->rec, bf->flags | tag_flags(bf->g)))
                goto done;
            continue;
        }
        int credit = hs_html_is_credit(c);
        if (credit)
            kind = HK_BLOCK; /* a credit inside a caption is a block of its own */
        if (kind == HK_BLOCK) {
            const frame *bf = block_frame(st.v, (int)st.n - 1);
            if (flush(&w, bf->rec, bf->flags | tag_flags(bf->g)))
                goto done;
        }
        int parent = f->rec;
        unsigned flags = f->flags;
        int in_link = f->in_link || tag == GUMBO_TAG_A;
        hs_hnode *r = HS_PUSH(&d->nodes);
        frame *nf = HS_PUSH(&st);
        if (!r || !nf)
            goto done;
        int rec = (int)d->nodes.n - 1;
        *r = (hs_hnode){c, parent, d->nodes.v[parent].depth + 1, hs_html_class_weight(c), 0, 0, 0,
                        (int)d->blocks.n, 0};
        if (r->weight >= 45)
            flags |= HB_ARTICLE;
        if (credit)
            flags |= HB_CREDIT;
        flags |= tag_flags(c) & HB_INHERIT;
        if (tag == GUMBO_TAG_BODY)
            d->body = rec;
        *nf = (frame){c, 0, rec, flags, in_link, kind == HK_BLOCK};
    }
    /* text totals per element: children come after parents in the records */
    for (size_t i = 0; i < d->blocks.n; i++) {
        hs_hnode *r = &d->nodes.v[d->blocks.v[i].node];
        r->chars += d->blocks.v[i].chars;
        r->link_chars += d->blocks.v[i].link_chars;
    }
    for (size_t i = d->nodes.n; i-- > 1;) {
        hs_hnode *r = &d->nodes.v[i];
        d->nodes.v[r->parent].chars += r->chars;
        d->nodes.v[r->parent].link_chars += r->link_chars;
    }
    rc = 0;
done:
    HS_ARRAY_FREE(&st);
    if (rc)
        hs_error_set(rc, "out of memory");
    return rc;
}

void hs_hdom_free(hs_hdom *d)
{
    HS_ARRAY_FREE(&d->nodes);
    HS_ARRAY_FREE(&d->blocks);
    hs_buf_free(&d->text);
}

int hs_html_node_text(const GumboNode *n, hs_buf *b)
{
    appender ap = {b, 0, 1};
    HS_ARRAY(const GumboNode *) st = {NULL, 0, 0};
    HS_ARRAY(unsigned) pos = {NULL, 0, 0};
    int rc = HS_ENOMEM;
    const GumboNode **p0 = HS_PUSH(&st);
    unsigned *i0 = HS_PUSH(&pos);
    if (!p0 || !i0)
        goto done;
    *p0 = n;
    while (st.n > 0) {
        const GumboNode *g = st.v[st.n - 1];
        if (g->type != GUMBO_NODE_ELEMENT || pos.v[pos.n - 1] >= g->v.element.children.length) {
            if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
                if (append_text(&ap, g->v.text.text, NULL) < 0)
                    goto done;
            } else if (g->type == GUMBO_NODE_ELEMENT && hs_html_tag_kind(g->v.element.tag) != HK_INLINE) {
                ap.space = 1; /* block boundary and <br>: a space */
            }
            st.n--;
            pos.n--;
            continue;
        }
        const GumboNode *c = g->v.element.children.data[pos.v[pos.n - 1]++];
        if (c->type == GUMBO_NODE_ELEMENT) {
            int k = c->v.element.tag_namespace == GUMBO_NAMESPACE_HTML ? hs_html_tag_kind(c->v.element.tag) : HK_SKIP;
            if (k == HK_SKIP || hs_html_is_hidden(c))
                continue;
        } else if (c->type != GUMBO_NODE_TEXT && c->type != GUMBO_NODE_WHITESPACE && c->type != GUMBO_NODE_CDATA) {
            continue;
        }
        const GumboNode **pp = HS_PUSH(&st);
        unsigned *ip = HS_PUSH(&pos);
        if (!pp || !ip)
            goto done;
        *pp = c;
        *ip = 0;
    }
    if (hs_buf_reserve(b, 0))
        goto done;
    b->data[b->len] = 0;
    rc = 0;
done:
    HS_ARRAY_FREE(&st);
    HS_ARRAY_FREE(&pos);
    return rc;
}
