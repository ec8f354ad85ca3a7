/* Aligned text tables for the ledger commands, with colour on a terminal. */
#ifndef HS_CLI_TABLE_H
#define HS_CLI_TABLE_H
#include <stdio.h>

#include "base/buf.h"

#define HS_TABLE_MAX_COLS 10

typedef struct hs_table {
    int ncols;
    const char *head[HS_TABLE_MAX_COLS];
    HS_ARRAY(char *) cells; /* row-major, malloc'ed strings */
    size_t max_last;        /* cut the last column to this many characters (0: no limit) */
} hs_table;

void hs_table_init(hs_table *t, int ncols, const char *const *head);
/* Add one cell (NULL prints as "-"); rows fill left to right. */
void hs_table_cell(hs_table *t, const char *s);
void hs_table_cellf(hs_table *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void hs_table_print(hs_table *t, FILE *f, const char *indent);
void hs_table_free(hs_table *t);

/* Colour: on when stdout is a terminal and NO_COLOR is unset. */
int hs_color_on(void);
/* The escape sequence that colours a ledger status or style ("bold", "dim"), or "". */
const char *hs_color(const char *what);
const char *hs_color_off(void);

#endif
