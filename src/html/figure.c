/* The lead image's caption and its photo credits, kept apart from the body.
 *
 * A credit ("Photo: Ana Ruiz/Getty Images", "AP/PTI, Michael Tran/AFP") names
 * the photographer and the agency, not a source of any claim in the story, so
 * it must never reach the analysed text.  select.c already drops figure,
 * caption and credit blocks from the body; here the first figure in or just
 * before the body is read into two fields: the caption and the credit.
 *
 * The credit is the text of elements whose class/id says credit, copyright or
 * photographer; when a caption carries its credit inline, the caption is cut
 * at the first credit marker of the table below. */
#include "html/html.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where an inline credit starts inside a caption (matched case-insensitively). */
static const char *const credit_markers[] = {
    "(photo: ", "(photo by ", "(ap photo", "(image: ", "(credit: ", "(picture: ", "photo: ",
    "photograph: ", "photo by ", "photos: ", "photo credit: ", "image: ", "image credit: ",
    "credit: ", "picture: ", "photography: ", "illustration: ",
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
    for (; i < d->blocks.n && (d->blocks.v[i].flags & (HB_FIGURE | HB_CREDIT)) && !rc; i++) {
        const hs_hblock *b = &d->blocks.v[i];
        const char *s = d->text.data + b->off;
        if (b->flags & HB_CREDIT)
            rc = put_sep(&cred, "; ", s, b->len);
        else
            rc = put_sep(&cap, " ", s, b->len);
    }
    if (!rc && cap.data) {
        const char *mk = find_marker(cap.data);
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
