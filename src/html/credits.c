/* Who made the page, kept apart from what it says: the lead image's caption
 * and its photo credits, and the names in a byline.
 *
 * A credit ("Photo: Ana Ruiz/Getty Images", "AP/PTI, Michael Tran/AFP") names
 * the photographer and the agency, not a source of any claim in the story, so
 * it must never reach the analysed text.  select.c already drops figure,
 * caption and credit blocks from the body; here the first figure in or just
 * before the body is read into two fields: the caption and the credit.
 * The credit is the text of elements whose class/id says credit, copyright or
 * photographer; when a caption carries its credit inline, the caption is cut
 * at the first credit marker of the table below.
 *
 * A byline ("By Petra Vossberg and Ilan Marsh | Updated 10:30") gives the
 * authors when the page's metadata does not: the names after "By", split at
 * commas and "and", up to the first word that cannot be part of a name. */
#include "html/html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where an inline credit starts inside a caption (matched case-insensitively). */
static const char *const credit_markers[] = {
    "(photo: ", "(photo by ", "(ap photo", "(image: ", "(credit: ", "(picture: ", "photo: ",
    "photograph: ", "photo by ", "photos: ", "photo credit: ", "image: ", "image credit: ",
    "credit: ", "picture: ", "photography: ", "illustration: ", "file photo: ", "credit...",
    "credit\xE2\x80\xA6", "image via ", "photo via ", "\xC2\xA9 ", "reuters/",
    "ap photo/",
};

/* How far before the body's first block a lead figure may sit. */
#define LEAD_WINDOW 40

static const char *find_marker(const char *s)
{
    const char *best = NULL;
    for (size_t i = 0; i < sizeof credit_markers / sizeof credit_markers[0]; i++) {
        const char *m = strcasestr(s, credit_markers[i]);
        /* "Photo:" at the very start of a caption is its credit too */
        if (m && (!best || m < best))
            best = m;
    }
    return best;
}

/* A caption that starts with "Photo:" and runs past this many words is a
 * labelled caption; a credit is a few names. */
#define LABEL_WORDS 8

static int words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = isspace((unsigned char)*s);
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '(' || s[n - 1] == '|'))
        s[--n] = 0;
    size_t k = 0;
    while (s[k] && isspace((unsigned char)s[k]))
        k++;
    memmove(s, s + k, n - k + 1);
}

/* The <figure> around a node (else the node itself): blocks of one figure. */
static int figure_of(const hs_hdom *d, int n)
{
    for (int k = n; k >= 0; k = d->nodes.v[k].parent)
        if (d->nodes.v[k].g->v.element.tag == GUMBO_TAG_FIGURE)
            return k;
    return n;
}

static int put_sep(hs_buf *b, const char *sep, const char *s, size_t n)
{
    if (b->len && hs_buf_puts(b, sep))
        return -1;
    return hs_buf_put(b, s, n);
}

int hs_html_figure(hs_hmeta *m, const hs_hdom *d)
{
    size_t first = d->blocks.n, last = 0;
    for (size_t i = 0; i < d->blocks.n; i++)
        if (d->blocks.v[i].keep) {
            if (first == d->blocks.n)
                first = i;
            last = i;
        }
    if (first == d->blocks.n)
        return 0;
    size_t from = first > LEAD_WINDOW ? first - LEAD_WINDOW : 0, i = from;
    while (i <= last && !(d->blocks.v[i].flags & (HB_FIGURE | HB_CREDIT)))
        i++;
    if (i > last)
        return 0;
    hs_buf cap = HS_BUF_INIT, cred = HS_BUF_INIT;
    int rc = 0;
    int fig = figure_of(d, d->blocks.v[i].node);
    for (; i < d->blocks.n && (d->blocks.v[i].flags & (HB_FIGURE | HB_CREDIT)) && !rc; i++) {
        if (figure_of(d, d->blocks.v[i].node) != fig)
            break; /* the next figure */
        const hs_hblock *b = &d->blocks.v[i];
        const char *s = d->text.data + b->off;
        if (b->flags & HB_CREDIT)
            rc = put_sep(&cred, "; ", s, b->len);
        else
            rc = put_sep(&cap, " ", s, b->len);
    }
    if (!rc && cap.data) {
        const char *mk = find_marker(cap.data);
        if (mk && mk == cap.data && words(mk) > LABEL_WORDS) {
            /* "PHOTO: Traders on the floor of the exchange on Monday…": a label
             * in front of a caption, not a credit; the label goes */
            const char *colon = strchr(mk, ':');
            size_t skip = colon ? (size_t)(colon + 1 - cap.data) : 0;
            memmove(cap.data, cap.data + skip, cap.len - skip + 1);
            cap.len -= skip;
            mk = find_marker(cap.data);
        }
        if (mk) {
            if (!cred.len)
                rc = hs_buf_puts(&cred, mk);
            cap.len = (size_t)(mk - cap.data);
            cap.data[cap.len] = 0;
        }
    }
    if (rc) {
        hs_buf_free(&cap);
        hs_buf_free(&cred);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    if (cap.data) {
        trim(cap.data);
        if (cap.data[0])
            m->caption = cap.data;
        else
            hs_buf_free(&cap);
    }
    if (cred.data) {
        trim(cred.data);
        /* "(AP Photo/Jo Rand)" → "AP Photo/Jo Rand" */
        char *s = cred.data;
        if (s[0] == '(') {
            memmove(s, s + 1, strlen(s));
            size_t n = strlen(s);
            if (n && s[n - 1] == ')')
                s[n - 1] = 0;
        }
        if (s[0])
            m->credit = s;
        else
            hs_buf_free(&cred);
    }
    return 0;
}

/* Words that end the names of a byline. */
static const char *const byline_stops[] = {
    "updated", "published", "posted", "on", "at", "in", "for", "from", "with", "via", "|", "-", "\xE2\x80\x94",
    "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7",
};

/* Lower-case words inside names ("Ana de la Rua", "Jan van der Berg"). */
static const char *const name_particles[] = {"de", "la", "del", "della", "di", "da", "dos", "van", "der", "den",
                                             "von", "le", "du", "bin", "al", "y"};

static int in_table(const char *w, size_t n, const char *const *t, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(t[i]) == n && strncasecmp(w, t[i], n) == 0)
            return 1;
    return 0;
}

static int is_stop(const char *w, size_t n)
{
    return in_table(w, n, byline_stops, sizeof byline_stops / sizeof byline_stops[0]);
}

/* Add the name being read (2 to 4 words) to names. */
static int flush_name(hs_buf *name, int *words, hs_buf *names, int *found)
{
    int rc = 0;
    if (*words >= 2 && *words <= 4 && name->data) {
        rc = (names->len && hs_buf_puts(names, "; ")) || hs_buf_puts(names, name->data);
        (*found)++;
    }
    hs_buf_clear(name);
    *words = 0;
    return rc;
}

int hs_html_byline(const char *text, hs_buf *names)
{
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    if (strncasecmp(p, "by ", 3) != 0)
        return 0;
    p += 3;
    int found = 0, words = 0, rc = 0;
    hs_buf name = HS_BUF_INIT;
    while (!rc) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ,");
        if (n == 0) { /* the end, or a stray comma */
            rc = flush_name(&name, &words, names, &found);
            if (*p != ',')
                break;
            p++;
            continue;
        }
        if (n == 3 && strncasecmp(p, "and", 3) == 0) {
            rc = flush_name(&name, &words, names, &found);
            p += n;
            continue;
        }
        int capital = isupper((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
                      (words > 0 && in_table(p, n, name_particles, sizeof name_particles / sizeof name_particles[0]));
        if (is_stop(p, n) || !capital) {
            rc = flush_name(&name, &words, names, &found);
            break;
        }
        rc = (name.len && hs_buf_putc(&name, ' ')) || hs_buf_put(&name, p, n);
        words++;
        p += n;
        if (*p == ',') {
            rc = rc || flush_name(&name, &words, names, &found);
            p++;
        }
    }
    hs_buf_free(&name);
    return rc ? hs_error_set(HS_ENOMEM, "out of memory") : found;
}
