/* Which text blocks form the article body.
 *
 * 1. Paragraph scores.  Every block that reads like prose (enough visible
 *    characters, few of them inside links, not a caption or credit) scores
 *    1 + its commas + one point per 100 characters (at most 3), the measure of
 *    text density that Arc90's readability made common.  The score flows up
 *    the tree: the paragraph's container gets all of it, the next ancestor
 *    half, further ones a third per level, five levels at most.
 * 2. The container.  Each element's gathered score is weighted by its tag
 *    (a div or article holds articles; a list or heading rarely does), its
 *    class/id hints (hints.c) and scaled by (1 - link density).  The best one
 *    is the article's container; a container that holds little beyond one
 *    child is replaced by its parent when the parent scores nearly as well.
 * 3. Siblings.  Elements beside the container join it when they score at
 *    least a fifth of it, or are prose paragraphs themselves (articles split
 *    across several sibling divs around ads).
 * 4. Cleaning.  Inside what was chosen, a block is dropped when it or an
 *    element between it and the container has a boilerplate hint, sits in a
 *    link-dense box (menus, "related stories", tag lists), is a caption or
 *    credit, or is the headline (h1).  Short lines without a sentence stay:
 *    tour dates, lists of names and subheadings are part of the story. */
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

#define MIN_PARA_CHARS 25
#define MAX_LEVELS 5
#define TOP_N 5      /* containers compared for a split article */
#define MIN_CHUNKS 3 /* other strong containers under one ancestor */
#define BAD_WEIGHT (-35) /* a strong boilerplate hint */
#define DROP_WEIGHT (-25) /* enough to drop a part inside the body */

static double link_density(size_t chars, size_t links) { return chars ? (double)links / (double)chars : 0; }

static int tag_bonus(const GumboNode *g)
{
    switch (g->v.element.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
    }
}

/* Is the block's own element a paragraph-like leaf (its score goes to its parent)? */
static int leaf_element(const hs_hblock *b) { return (b->flags & (HB_PARA | HB_HEADING | HB_LIST)) != 0; }

static double para_score(const hs_hblock *b)
{
    if (b->chars < MIN_PARA_CHARS || (b->flags & (HB_FIGURE | HB_CREDIT)))
        return 0;
    if (link_density(b->chars, b->link_chars) > 0.33)
        return 0;
    double s = 1 + b->commas + (b->chars / 100 > 3 ? 3 : (double)(b->chars / 100));
    return s;
}

/* Boilerplate regions: an element with a strong boilerplate hint, unless it
 * holds most of the page's text (wrappers named "page-with-sidebar" or
 * "consent-enabled" hold the story too).  bad[] is inherited downwards. */
static void mark_bad(const hs_hdom *d, char *bad)
{
    size_t total = d->nodes.v[d->body].chars;
    for (size_t i = 0; i < d->nodes.n; i++) {
        const hs_hnode *r = &d->nodes.v[i];
        bad[i] = (r->parent >= 0 && bad[r->parent]) ||
                 ((int)i != d->body && r->weight <= BAD_WEIGHT && r->chars * 5 < total * 2);
    }
}

static void gather_scores(hs_hdom *d, char *scored, const char *bad)
{
    for (size_t i = 0; i < d->blocks.n; i++) {
        const hs_hblock *b = &d->blocks.v[i];
        double s = bad[b->node] ? 0 : para_score(b);
        if (s <= 0)
            continue;
        int n = b->node;
        if (leaf_element(b) && d->nodes.v[n].parent >= 0)
            n = d->nodes.v[n].parent;
        for (int level = 0; n >= 0 && level < MAX_LEVELS; level++, n = d->nodes.v[n].parent) {
            hs_hnode *r = &d->nodes.v[n];
            if (!scored[n]) {
                scored[n] = 1;
                r->score += tag_bonus(r->g) + r->weight;
            }
            r->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
    }
    for (size_t i = 0; i < d->nodes.n; i++)
        if (scored[i])
            d->nodes.v[i].score *= 1 - link_density(d->nodes.v[i].chars, d->nodes.v[i].link_chars);
}

static int is_ancestor(const hs_hdom *d, int anc, int n)
{
    for (; n >= 0; n = d->nodes.v[n].parent)
        if (n == anc)
            return 1;
    return 0;
}

/* Is there a boilerplate element or a link box between block b and top? */
static int cleaned_out(const hs_hdom *d, const hs_hblock *b, int top)
{
    if (b->flags & (HB_FIGURE | HB_CREDIT | HB_H1))
        return 1;
    /* a block quotation (an embedded post, a letter) is a quotation even when
     * its links (the poster's name, a shortened URL) are most of it */
    int quote = (b->flags & HB_QUOTE) != 0;
    double ld = link_density(b->chars, b->link_chars);
    if (!quote && ld > 0.5)
        return 1;
    for (int n = b->node; n >= 0 && n != top; n = d->nodes.v[n].parent) {
        const hs_hnode *r = &d->nodes.v[n];
        GumboTag t = r->g->v.element.tag;
        /* a hint on a blockquote ("social-embed") says where the quotation
         * comes from, not that it is boilerplate */
        if (r->weight <= DROP_WEIGHT && r->chars * 2 < d->nodes.v[top].chars && t != GUMBO_TAG_BLOCKQUOTE)
            return 1;
        if (t == GUMBO_TAG_BLOCKQUOTE)
            quote = 0; /* above the quotation, boxes of links are boilerplate again */
        double nld = link_density(r->chars, r->link_chars);
        /* a box of links: lists of headlines, tag clouds, menus */
        if (!quote && nld > 0.4 && r->chars < 2000 && t != GUMBO_TAG_P && t != GUMBO_TAG_A &&
            t != GUMBO_TAG_BLOCKQUOTE)
            return 1;
    }
    return 0;
}

/* Does a block end like a sentence (., !, ?, a closing quote)? */
static int sentence_end(const hs_hdom *d, const hs_hblock *b)
{
    if (!b->len)
        return 0;
    const unsigned char *s = (const unsigned char *)d->text.data + b->off;
    size_t n = b->len;
    unsigned char c = s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':')
        return 1;
    /* ” and ’ (E2 80 9D / E2 80 99) */
    return n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (c == 0x9D || c == 0x99);
}

/* Two elements of one tag and one (non-empty) class: chunks of one body. */
static int same_class(const GumboNode *a, const GumboNode *b)
{
    const char *ca = hs_html_attr(a, "class"), *cb = hs_html_attr(b, "class");
    return a->v.element.tag == b->v.element.tag && ca && cb && ca[0] && strcmp(ca, cb) == 0;
}

size_t hs_html_select(hs_hdom *d)
{
    if (d->nodes.n == 0)
        return 0;
    char *scored = calloc(d->nodes.n, 2);
    if (!scored)
        return 0;
    mark_bad(d, scored + d->nodes.n);
    gather_scores(d, scored, scored + d->nodes.n);
    /* the best TOP_N containers, best first */
    int best[TOP_N], nbest = 0;
    for (size_t i = 0; i < d->nodes.n; i++) {
        if (!scored[i])
            continue;
        int k;
        if (nbest < TOP_N)
            k = nbest++; /* a free slot */
        else if (d->nodes.v[best[TOP_N - 1]].score < d->nodes.v[i].score)
            k = TOP_N - 1; /* replaces the weakest */
        else
            continue;
        while (k > 0 && d->nodes.v[best[k - 1]].score < d->nodes.v[i].score) {
            best[k] = best[k - 1];
            k--;
        }
        best[k] = (int)i;
    }
    free(scored);
    if (!nbest || d->nodes.v[best[0]].score <= 0)
        return 0;
    int top = best[0];
    /* an article split into chunks (around ads): when several other strong
     * containers, or one of the same tag and class, share an ancestor with
     * the best one, that ancestor holds the article */
    for (int a = d->nodes.v[top].parent; a >= 0 && a != d->body; a = d->nodes.v[a].parent) {
        int shared = 0, twin = 0;
        for (int k = 1; k < nbest; k++) {
            if (d->nodes.v[best[k]].score < d->nodes.v[top].score * 0.75 || !is_ancestor(d, a, best[k]))
                continue;
            shared++;
            twin |= same_class(d->nodes.v[top].g, d->nodes.v[best[k]].g);
        }
        if (shared >= MIN_CHUNKS || twin) {
            top = a;
            break;
        }
    }
    /* climb while the parent holds about as much text and scores nearly as well */
    for (;;) {
        int p = d->nodes.v[top].parent;
        if (p < 0 || p == d->body || d->nodes.v[p].parent < 0)
            break;
        const hs_hnode *rt = &d->nodes.v[top], *rp = &d->nodes.v[p];
        if (rp->chars > rt->chars + rt->chars / 8 || rp->score < rt->score * 0.7)
            break;
        top = p;
    }
    /* the container and its qualifying siblings */
    int parent = d->nodes.v[top].parent;
    double thresh = d->nodes.v[top].score * 0.2;
    if (thresh < 10)
        thresh = 10;
    size_t kept = 0;
    for (size_t i = 0; i < d->blocks.n; i++) {
        hs_hblock *b = &d->blocks.v[i];
        b->keep = 0;
        int root = -1; /* the chosen element this block lies in */
        if (is_ancestor(d, top, b->node)) {
            root = top;
        } else if (parent >= 0) {
            /* find the child of `parent` holding the block */
            int n = b->node, prev = -1;
            while (n >= 0 && n != parent) {
                prev = n;
                n = d->nodes.v[n].parent;
            }
            if (n == parent && prev >= 0) {
                const hs_hnode *s = &d->nodes.v[prev];
                double ld = link_density(s->chars, s->link_chars);
                int prose = (b->flags & HB_PARA) && prev == b->node &&
                            ((b->chars > 80 && ld < 0.25) || (ld == 0 && sentence_end(d, b)));
                if (s->score >= thresh || prose)
                    root = prev;
            }
        }
        if (root < 0 || cleaned_out(d, b, root))
            continue;
        b->keep = 1;
        kept++;
    }
    return kept;
}
