/* The header of a plain-text article: lines at the top of the file that give
 * what a JSONL line gives in fields.
 *
 *   outlet: Starwatch Weekly
 *   date 2025-03-02
 *
 * 'date YYYY-MM-DD' (or 'date: YYYY-MM-DD') may be followed on the same line
 * by the first paragraph (the older form); the header then ends there.
 * 'outlet: NAME' takes the whole line.  Each appears at most once, in any
 * order, each on a line of its own; the header ends at the first other line.
 * Blank lines after the header are skipped. */
#include "analyzer.h"
#include "hearsay.h"
#include "ingest/ingest.h"

#include <ctype.h>
#include <string.h>

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* The header lines this reader knows: the keyword, and whether the colon is
 * required after it (the date keeps its older colon-less form). */
enum { H_DATE, H_OUTLET, H_NONE };
static const struct {
    const char *word;
    int colon;
} keys[] = {{"date", 0}, {"outlet", 1}};

/* Which header starts at t (H_NONE for none); *after is the offset past the
 * keyword, its colon and the blanks after them. */
static int keyword(const char *t, size_t n, size_t *after)
{
    for (int k = 0; k < H_NONE; k++) {
        size_t w = strlen(keys[k].word);
        if (n <= w || memcmp(t, keys[k].word, w) != 0)
            continue;
        size_t i = w;
        if (t[i] == ':')
            i++;
        else if (keys[k].colon || !is_blank(t[i]))
            continue;
        while (i < n && is_blank(t[i]))
            i++;
        *after = i;
        return k;
    }
    return H_NONE;
}

/* 'YYYY-MM-DD' at t: 1 when it is one, 0 when this is not a header at all
 * ("date 12 people"), -1 when it starts like a date but is malformed. */
static int date_at(const char *t, size_t n, char date[11])
{
    if (n < 10)
        return 0;
    for (int k = 0; k < 10; k++) {
        char c = t[k];
        if ((k == 4 || k == 7) ? c != '-' : !isdigit((unsigned char)c))
            return k >= 4 ? -1 : 0; /* a year and then something else: malformed */
    }
    if (n > 10 && !isspace((unsigned char)t[10]))
        return -1;
    memcpy(date, t, 10);
    date[10] = 0;
    int y, m, d;
    return hs_date_parse(date, &y, &m, &d) == 0 ? 1 : -1;
}

static size_t line_end(const char *t, size_t n, size_t i)
{
    const char *nl = memchr(t + i, '\n', n - i);
    return nl ? (size_t)(nl - t) : n;
}

int hs_text_headers(const char *t, size_t n, const char *what, hs_text_meta *m, size_t *skip)
{
    memset(m, 0, sizeof *m);
    *skip = 0;
    size_t i = 0, done = 0;
    int line = 1, any = 0;
    for (;; line++) {
        size_t j = i;
        while (j < n && is_blank(t[j]))
            j++;
        size_t v;
        int k = keyword(t + j, n - j, &v);
        if (k == H_NONE)
            break;
        v += j;
        size_t end = line_end(t, n, v);
        if (k == H_DATE) {
            char date[11];
            int d = date_at(t + v, n - v, date);
            if (d == 0)
                break;
            if (d > 0 && m->date[0])
                d = -1;
            if (d < 0)
                return hs_error_set(HS_EINPUT,
                                    "%s:%d: malformed 'date' header (want 'date YYYY-MM-DD', a calendar date, once)",
                                    what, line);
            memcpy(m->date, date, sizeof date);
            any = 1;
            size_t r = v + 10;
            while (r < n && (is_blank(t[r]) || t[r] == '\r'))
                r++;
            if (r < end) { /* the first paragraph follows on the date's line */
                done = r;
                i = n + 1;
                break;
            }
        } else {
            size_t e = end;
            while (e > v && isspace((unsigned char)t[e - 1]))
                e--;
            int ok = e > v && e - v < sizeof m->outlet && !m->outlet[0];
            for (size_t q = v; ok && q < e; q++)
                if ((unsigned char)t[q] < 0x20 && t[q] != '\t')
                    ok = 0;
            if (!ok)
                return hs_error_set(HS_EINPUT,
                                    "%s:%d: malformed 'outlet' header (want 'outlet: NAME' on a line of its own, "
                                    "at most %zu bytes, once)",
                                    what, line, sizeof m->outlet - 1);
            memcpy(m->outlet, t + v, e - v);
            m->outlet[e - v] = 0;
            for (char *c = m->outlet; *c; c++)
                if (*c == '\t')
                    *c = ' ';
            any = 1;
        }
        i = end < n ? end + 1 : n;
    }
    if (!any)
        return 0;
    if (i <= n) { /* the header ended at a line of its own: skip blank lines after it */
        done = i;
        while (done < n && isspace((unsigned char)t[done]))
            done++;
    }
    *skip = done;
    return 0;
}
