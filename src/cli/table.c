/* Aligned text tables: display widths from utf8proc, newlines folded, the
 * last column cut to fit; colour for statuses when writing to a terminal. */
#include "cli/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

static const struct {
    const char *what, *esc;
} colors[] = {
    {"bold", "\033[1m"},      {"dim", "\033[2m"},         {"confirmed", "\033[32m"}, {"denied", "\033[31m"},
    {"contested", "\033[33m"}, {"rumored", "\033[35m"},   {"reported", "\033[36m"},  {"deny", "\033[31m"},
    {"support", "\033[32m"},
};

int hs_color_on(void)
{
    static int on = -1;
    if (on < 0)
        on = isatty(1) && !getenv("NO_COLOR");
    return on;
}

const char *hs_color(const char *what)
{
    if (!hs_color_on() || !what)
        return "";
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
        if (strcmp(colors[i].what, what) == 0)
            return colors[i].esc;
    return "";
}

const char *hs_color_off(void) { return hs_color_on() ? "\033[0m" : ""; }

void hs_table_init(hs_table *t, int ncols, const char *const *head)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols > HS_TABLE_MAX_COLS ? HS_TABLE_MAX_COLS : ncols;
    for (int i = 0; i < t->ncols; i++)
        t->head[i] = head[i];
}

void hs_table_cell(hs_table *t, const char *s)
{
    char **p = HS_PUSH(&t->cells);
    if (!p)
        return;
    *p = strdup(s ? s : "-");
    /* fold line breaks and tabs into spaces so rows stay on one line */
    for (char *c = *p; c && *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = ' ';
}

void hs_table_cellf(hs_table *t, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    hs_table_cell(t, tmp);
}

/* Display width of s; with max > 0, *cut receives the byte length of the
 * longest prefix no wider than max. */
static size_t width(const char *s, size_t max, size_t *cut)
{
    size_t w = 0, i = 0, n = strlen(s);
    if (cut)
        *cut = n;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            k = 1, cp = '?';
        int cw = utf8proc_charwidth(cp);
        if (max && cut && w + (size_t)(cw > 0 ? cw : 0) > max) {
            *cut = i;
            return w;
        }
        w += (size_t)(cw > 0 ? cw : 0);
        i += (size_t)k;
    }
    return w;
}

static void pad(FILE *f, size_t n)
{
    while (n--)
        fputc(' ', f);
}

void hs_table_print(hs_table *t, FILE *f, const char *indent)
{
    size_t w[HS_TABLE_MAX_COLS] = {0};
    size_t rows = t->cells.n / (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++)
        w[c] = width(t->head[c], 0, NULL);
    for (size_t r = 0; r < rows; r++)
        for (int c = 0; c < t->ncols - 1; c++) {
            size_t x = width(t->cells.v[r * (size_t)t->ncols + (size_t)c], 0, NULL);
            if (x > w[c])
                w[c] = x;
        }
    fputs(indent, f);
    fputs(hs_color("bold"), f);
    for (int c = 0; c < t->ncols; c++) {
        fputs(t->head[c], f);
        if (c < t->ncols - 1)
            pad(f, w[c] - width(t->head[c], 0, NULL) + 2);
    }
    fprintf(f, "%s\n", hs_color_off());
    for (size_t r = 0; r < rows; r++) {
        fputs(indent, f);
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells.v[r * (size_t)t->ncols + (size_t)c];
            const char *col = hs_color(s);
            if (c < t->ncols - 1) {
                fprintf(f, "%s%s%s", col, s, *col ? hs_color_off() : "");
                pad(f, w[c] - width(s, 0, NULL) + 2);
            } else {
                size_t cut;
                width(s, t->max_last, &cut);
                fwrite(s, 1, cut, f);
                if (s[cut])
                    fputs("…", f);
            }
        }
        fputc('\n', f);
    }
}

void hs_table_free(hs_table *t)
{
    for (size_t i = 0; i < t->cells.n; i++)
        free(t->cells.v[i]);
    HS_ARRAY_FREE(&t->cells);
}
