/* Document lifecycle and the article fields. */
#include "analyzer.h"
#include "base/utf8.h"
#include "doc.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_doc_new(hs_doc **out)
{
    hs_doc *d = calloc(1, sizeof *d);
    if (!d)
        return hs_error_set(HS_ENOMEM, "out of memory");
    hs_arena_init(&d->arena);
    *out = d;
    return 0;
}

void hs_doc_clear(hs_doc *d)
{
    if (!d)
        return;
    hs_arena_reset(&d->arena);
    d->text = NULL;
    d->len = 0;
    d->id = d->date = d->outlet = d->title = d->url = NULL;
    d->title_bytes = 0;
    d->year = d->month = d->day = 0;
    d->toks.n = d->sents.n = d->paras.n = d->quotes.n = 0;
    d->mentions.n = d->entities.n = d->attrs.n = d->hedges.n = 0;
    d->rels.n = d->timexes.n = d->warnings.n = 0;
    d->xpos_names = d->deprel_names = NULL;
    d->link_toks = NULL;
    d->tok_first = NULL;
    hs_buf_clear(&d->out);
}

void hs_doc_free(hs_doc *d)
{
    if (!d)
        return;
    hs_arena_free(&d->arena);
    HS_ARRAY_FREE(&d->toks);
    HS_ARRAY_FREE(&d->sents);
    HS_ARRAY_FREE(&d->paras);
    HS_ARRAY_FREE(&d->quotes);
    HS_ARRAY_FREE(&d->mentions);
    HS_ARRAY_FREE(&d->entities);
    HS_ARRAY_FREE(&d->attrs);
    HS_ARRAY_FREE(&d->hedges);
    HS_ARRAY_FREE(&d->rels);
    HS_ARRAY_FREE(&d->timexes);
    HS_ARRAY_FREE(&d->warnings);
    hs_buf_free(&d->out);
    free(d);
}

/* Parse YYYY-MM-DD (a valid calendar date); 0 on success. */
int hs_date_parse(const char *s, int *y, int *m, int *dd)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) < 10)
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return -1;
        } else if (!isdigit((unsigned char)s[i])) {
            return -1;
        }
    }
    *y = atoi(s);
    *m = atoi(s + 5);
    *dd = atoi(s + 8);
    if (*m < 1 || *m > 12 || *dd < 1 || *dd > mdays[*m - 1])
        return -1;
    if (*m == 2 && *dd == 29 && !((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0))
        return -1;
    return 0;
}

static const char *dup_opt(hs_doc *d, const char *s)
{
    if (!s)
        return NULL;
    return hs_arena_strdup(&d->arena, s);
}

/* The title as one line: whitespace runs (line breaks too) become one space,
 * none at either end.  In place; returns the new length. */
static size_t one_line(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (isspace((unsigned char)s[i])) {
            if (o > 0 && s[o - 1] != ' ')
                s[o++] = ' ';
        } else {
            s[o++] = s[i];
        }
    }
    while (o > 0 && s[o - 1] == ' ')
        o--;
    s[o] = 0;
    return o;
}

/* Does the text (from its first non-space byte) open with the title, letter
 * case and runs of spaces aside? */
static int opens_with(const char *text, size_t len, const char *t, size_t tn)
{
    size_t i = 0, k = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    while (k < tn && i < len) {
        if (isspace((unsigned char)t[k]) && isspace((unsigned char)text[i])) {
            while (k < tn && isspace((unsigned char)t[k]))
                k++;
            while (i < len && isspace((unsigned char)text[i]))
                i++;
        } else if (tolower((unsigned char)t[k]) == tolower((unsigned char)text[i])) {
            k++, i++;
        } else {
            return 0;
        }
    }
    return k == tn;
}

/* Put the title before the text as its own paragraph (see hs_doc_load_article). */
static int prepend_title(hs_doc *d, const char *title, const char *what)
{
    char *t;
    size_t tn;
    /* lossy: a title is metadata; a bad byte in it must not cost the article */
    int rc = hs_utf8_prepare(&d->arena, title, strlen(title), 1, what, 0, &t, &tn);
    if (rc)
        return rc;
    tn = one_line(t, tn);
    if (tn == 0 || opens_with(d->text, d->len, t, tn))
        return 0;
    char *s = hs_arena_alloc(&d->arena, tn + 2 + d->len + 1);
    if (!s)
        return hs_error_set(HS_ENOMEM, "out of memory");
    memcpy(s, t, tn);
    memcpy(s + tn, "\n\n", 2);
    memcpy(s + tn + 2, d->text, d->len);
    s[tn + 2 + d->len] = 0;
    d->text = s;
    d->len += tn + 2;
    d->title_bytes = tn + 2;
    return 0;
}

int hs_doc_load_article(hs_doc *d, const hs_article *art, int lossy, size_t max_bytes, int title_apart)
{
    const char *what = art->origin ? art->origin : (art->id ? art->id : "article");
    if (!art->text)
        return hs_error_set(HS_EINPUT, "%s: no text", what);
    if (max_bytes == 0)
        max_bytes = HS_MAX_ARTICLE_BYTES;
    if (max_bytes > UINT32_MAX / 4)
        max_bytes = UINT32_MAX / 4; /* offsets are 32-bit; NFC may grow the text */
    if (art->text_len > max_bytes)
        return hs_error_set(HS_EINPUT, "%s: article too large (%zu bytes; the limit is %zu, see --max-bytes)",
                            what, art->text_len, max_bytes);
    char *text;
    size_t len;
    int rc = hs_utf8_prepare(&d->arena, art->text, art->text_len, lossy, what, art->origin_offset, &text, &len);
    if (rc)
        return rc;
    size_t i = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    if (i == len)
        return hs_error_set(HS_EINPUT, "%s: empty article (no text)", what);
    d->text = text;
    d->len = len;
    d->title_bytes = 0;
    d->id = dup_opt(d, art->id);
    d->outlet = dup_opt(d, art->outlet);
    d->title = dup_opt(d, art->title);
    d->url = dup_opt(d, art->url);
    if (!title_apart && art->title && (rc = prepend_title(d, art->title, what)))
        return rc;
    if (art->date) {
        int y, m, dd;
        if (hs_date_parse(art->date, &y, &m, &dd) == 0) {
            d->year = y;
            d->month = m;
            d->day = dd;
            d->date = hs_arena_strndup(&d->arena, art->date, 10);
        } else if (hs_doc_warn(d, 0, "date '%.32s' is not a calendar date (YYYY-MM-DD); ignored", art->date)) {
            return HS_ENOMEM;
        }
    }
    return 0;
}

int hs_doc_stats_get(const hs_doc *d, hs_doc_stats *st)
{
    if (!d || !st)
        return hs_error_set(HS_EINVAL, "hs_doc_stats_get: NULL argument");
    memset(st, 0, sizeof *st);
    st->bytes = d->len;
    st->tokens = d->toks.n;
    st->sentences = d->sents.n;
    st->paragraphs = d->paras.n;
    st->quotes = d->quotes.n;
    st->entities = d->entities.n;
    st->mentions = d->mentions.n;
    st->attributions = d->attrs.n;
    st->relations = d->rels.n;
    st->timexes = d->timexes.n;
    st->hedges = d->hedges.n;
    st->warnings = d->warnings.n;
    return 0;
}

int hs_doc_warn(hs_doc *d, uint32_t off, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    hs_warning *w = HS_PUSH(&d->warnings);
    if (!w)
        return HS_ENOMEM;
    w->offset = off;
    w->msg = hs_arena_strdup(&d->arena, tmp);
    return w->msg ? 0 : HS_ENOMEM;
}

int hs_doc_warning(const hs_doc *d, size_t i, size_t *offset, const char **msg)
{
    if (!d || i >= d->warnings.n)
        return hs_error_set(HS_EINVAL, "hs_doc_warning: no warning %zu", i);
    *offset = d->warnings.v[i].offset;
    *msg = d->warnings.v[i].msg;
    return 0;
}
