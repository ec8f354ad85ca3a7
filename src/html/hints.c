/* Hints from markup: what kind of element a tag is, and what its class and id
 * say about it.  Every list here is a table; the scoring in select.c uses the
 * numbers, never the words.
 *
 * Class/id words: a page names its parts ("share-bar", "related-stories",
 * "article-body").  A word that marks boilerplate gives a negative weight, a
 * word that marks the story a positive one; both are matched as substrings of
 * the lower-cased class and id, so "c-social-share__item" hits "share". */
#include "html/html.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *word;
    int weight;
} class_words[] = {
    /* boilerplate */
    {"comment", -40},   {"disqus", -40},     {"share", -30},     {"social", -30},
    {"related", -35},   {"recirc", -35},     {"more-stories", -35}, {"read-more", -25},
    {"readmore", -25},  {"recommend", -35},  {"trending", -35},  {"popular", -30},
    {"newsletter", -35}, {"subscribe", -30}, {"signup", -30},    {"sign-up", -30},
    {"promo", -30},     {"sponsor", -35},    {"advert", -40},    {"ad-slot", -40},
    {"ad-container", -40}, {"adunit", -40},  {"banner", -25},    {"cookie", -40},
    {"consent", -40},   {"gdpr", -40},       {"paywall", -25},   {"footer", -35},
    {"masthead", -30},  {"navbar", -40},     {"nav-", -30},      {"menu", -30},
    {"breadcrumb", -35}, {"sidebar", -35},   {"widget", -25},    {"rail", -20},
    {"toolbar", -30},   {"tags", -20},       {"topics", -15},    {"byline", -30},
    {"author-bio", -30}, {"bio", -5},        {"caption", -30},   {"credit", -30},
    {"print-only", -20}, {"hidden", -25},    {"modal", -30},     {"popup", -30},
    {"outbrain", -40},  {"taboola", -40},    {"skip", -20},      {"jump", -10},
    {"pagination", -25}, {"next-post", -30}, {"prev", -15},      {"meta", -10},
    {"dateline", -10},  {"timestamp", -20},  {"headline", -10},  {"teaser", -20},
    {"card", -10},      {"tooltip", -30},    {"email", -15},     {"print", -10},
    /* the story */
    {"articlebody", 45}, {"article-body", 45}, {"article__body", 45}, {"article_body", 45},
    {"story-body", 45},  {"storybody", 45},    {"post-body", 40},     {"entry-content", 45},
    {"post-content", 40}, {"article-content", 40}, {"article__content", 40}, {"story-content", 40},
    {"body-text", 35},   {"article-text", 40}, {"story-text", 40},    {"main-content", 20},
    {"content", 10},     {"article", 15},      {"story", 10},         {"entry", 10},
    {"post", 5},         {"text", 5},          {"body", 10},
};

/* Tags (HTML namespace) that start a text block (B), never hold the
 * article's text (S: scripts, styles, media, controls, page chrome), or
 * break a line (R).  Tags not listed are inline. */
#define B HK_BLOCK
#define S HK_SKIP
static const signed char tag_kinds[GUMBO_TAG_UNKNOWN + 1] = {
    [GUMBO_TAG_P] = B,       [GUMBO_TAG_DIV] = B,      [GUMBO_TAG_SECTION] = B,    [GUMBO_TAG_ARTICLE] = B,
    [GUMBO_TAG_MAIN] = B,    [GUMBO_TAG_HEADER] = B,   [GUMBO_TAG_H1] = B,         [GUMBO_TAG_H2] = B,
    [GUMBO_TAG_H3] = B,      [GUMBO_TAG_H4] = B,       [GUMBO_TAG_H5] = B,         [GUMBO_TAG_H6] = B,
    [GUMBO_TAG_UL] = B,      [GUMBO_TAG_OL] = B,       [GUMBO_TAG_LI] = B,         [GUMBO_TAG_DL] = B,
    [GUMBO_TAG_DT] = B,      [GUMBO_TAG_DD] = B,       [GUMBO_TAG_TABLE] = B,      [GUMBO_TAG_TBODY] = B,
    [GUMBO_TAG_THEAD] = B,   [GUMBO_TAG_TFOOT] = B,    [GUMBO_TAG_TR] = B,         [GUMBO_TAG_TD] = B,
    [GUMBO_TAG_TH] = B,      [GUMBO_TAG_CAPTION] = B,  [GUMBO_TAG_BLOCKQUOTE] = B, [GUMBO_TAG_PRE] = B,
    [GUMBO_TAG_FIGURE] = B,  [GUMBO_TAG_FIGCAPTION] = B, [GUMBO_TAG_ADDRESS] = B,  [GUMBO_TAG_CENTER] = B,
    [GUMBO_TAG_DETAILS] = B, [GUMBO_TAG_SUMMARY] = B,  [GUMBO_TAG_HR] = B,         [GUMBO_TAG_BODY] = B,
    [GUMBO_TAG_HTML] = B,    [GUMBO_TAG_FIELDSET] = B, [GUMBO_TAG_HGROUP] = B,     [GUMBO_TAG_LEGEND] = B,
    [GUMBO_TAG_FORM] = B,
    [GUMBO_TAG_HEAD] = S,    [GUMBO_TAG_SCRIPT] = S,   [GUMBO_TAG_STYLE] = S,      [GUMBO_TAG_NOSCRIPT] = S,
    [GUMBO_TAG_TEMPLATE] = S, [GUMBO_TAG_SVG] = S,     [GUMBO_TAG_MATH] = S,       [GUMBO_TAG_IFRAME] = S,
    [GUMBO_TAG_OBJECT] = S,  [GUMBO_TAG_EMBED] = S,    [GUMBO_TAG_CANVAS] = S,     [GUMBO_TAG_SELECT] = S,
    [GUMBO_TAG_OPTION] = S,  [GUMBO_TAG_BUTTON] = S,   [GUMBO_TAG_INPUT] = S,      [GUMBO_TAG_TEXTAREA] = S,
    [GUMBO_TAG_VIDEO] = S,   [GUMBO_TAG_AUDIO] = S,    [GUMBO_TAG_MAP] = S,        [GUMBO_TAG_NAV] = S,
    [GUMBO_TAG_ASIDE] = S,   [GUMBO_TAG_FOOTER] = S,   [GUMBO_TAG_LABEL] = S,      [GUMBO_TAG_MENU] = S,
    [GUMBO_TAG_TITLE] = S,
    [GUMBO_TAG_BR] = HK_BREAK,
};
#undef B
#undef S

int hs_html_tag_kind(GumboTag tag) { return (unsigned)tag <= GUMBO_TAG_UNKNOWN ? tag_kinds[tag] : HK_INLINE; }

const char *hs_html_attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Lower-cased class + " " + id (truncated) into buf; 0 when there is none. */
static size_t class_id(const GumboNode *n, char *buf, size_t cap)
{
    const char *c = hs_html_attr(n, "class"), *id = hs_html_attr(n, "id");
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? id : c;
        if (!s)
            continue;
        if (k && k < cap - 1)
            buf[k++] = ' ';
        for (; *s && k < cap - 1; s++)
            buf[k++] = (char)tolower((unsigned char)*s);
    }
    buf[k] = 0;
    return k;
}

int hs_html_class_weight(const GumboNode *n)
{
    char buf[256];
    if (!class_id(n, buf, sizeof buf))
        return 0;
    int w = 0, neg = 0, pos = 0;
    for (size_t i = 0; i < sizeof class_words / sizeof class_words[0]; i++) {
        if (!strstr(buf, class_words[i].word))
            continue;
        int v = class_words[i].weight;
        /* the strongest word of each sign counts */
        if (v < 0 && v < neg)
            neg = v;
        if (v > 0 && v > pos)
            pos = v;
    }
    w = neg + pos;
    const char *ip = hs_html_attr(n, "itemprop");
    if (ip && strcasecmp(ip, "articleBody") == 0)
        w += 50;
    return w;
}

int hs_html_is_credit(const GumboNode *n)
{
    char buf[256];
    if (!class_id(n, buf, sizeof buf))
        return 0;
    return strstr(buf, "credit") || strstr(buf, "copyright") || strstr(buf, "photographer") ||
           strstr(buf, "image-source");
}

int hs_html_is_hidden(const GumboNode *n)
{
    if (hs_html_attr(n, "hidden"))
        return 1;
    const char *ah = hs_html_attr(n, "aria-hidden");
    if (ah && strcmp(ah, "true") == 0)
        return 1;
    const char *st = hs_html_attr(n, "style");
    if (st) {
        char buf[128];
        size_t k = 0;
        for (; *st && k < sizeof buf - 1; st++)
            if (!isspace((unsigned char)*st))
                buf[k++] = (char)tolower((unsigned char)*st);
        buf[k] = 0;
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
            return 1;
    }
    return 0;
}
