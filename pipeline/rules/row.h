/* row.h: one row of an annex list, its cells parsed by their columns'
 * types; what aggregates fold (agg.h) and where conditions read
 * (eval.h). */
#ifndef SB_PIPELINE_ROW_H
#define SB_PIPELINE_ROW_H

#include <stddef.h>
#include <stdint.h>

enum sb_cell_state {
    SB_CELL_EMPTY, /* empty, or a none word (无, -, N/A) */
    SB_CELL_OK,    /* a valid value of the column's type */
    SB_CELL_BAD,   /* present but invalid (a finding was made) */
};

/* One cell of a row, parsed by the column's type. */
struct sb_cellval {
    enum sb_cell_state state;
    double num;       /* numbers (money in 元, percent in percent),
                         dates as days since 1970-01-01, bool 0/1 */
    int enum_idx;     /* enum: value index (-1 if none) */
    uint64_t mask;    /* enum_list: bit i = value i */
    const char *text; /* trimmed text, borrowed from the record */
    size_t len;
};

/* A row of an annex: cells indexed like the annex's columns. */
struct sb_row {
    const struct sb_cellval *cells;
    long row;  /* record number (header = 1) */
    long line; /* physical line */
};

#endif
