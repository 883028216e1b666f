/* table.h: small keyed CSV tables (the files of a form edition and
 * form.csv): a header row of names, then rows read as name → text.
 * Built on csvin, so encodings and quoting are handled the same way as
 * for annex lists. Whole tables are held in memory: use this only for
 * files of at most a few thousand rows. */
#ifndef SB_PIPELINE_TABLE_H
#define SB_PIPELINE_TABLE_H

#include "base/sb.h"
#include "findings/finding.h"

struct sb_table {
    char *path;
    int n_cols;
    char **header; /* as written (trimmed) */
    long n_rows;   /* data rows */
    char ***cells; /* cells[row][col], trimmed; short rows padded "" */
    long *rows;    /* record number of each data row (header = 1) */
    long *lines;   /* physical line of each data row */
};

/* Read path. Findings of the CSV reader (encoding converted, runaway
 * quote …) go to findings (may be NULL: then any error-severity CSV
 * finding fails the read with SB_EFORMAT). Returns SB_OK and *out, or
 * SB_EIO/SB_EFORMAT with err. Free with sb_table_free. */
int sb_table_read(struct sb_table **out, const char *path,
                  struct sb_findings *findings, struct sb_error *err);

void sb_table_free(struct sb_table *t);

/* Index of the column whose header has the matching key of one of the
 * names ("|"-separated, e.g. "代码|字段|code"), or -1. */
int sb_table_col(const struct sb_table *t, const char *names);

/* Read path (as sb_table_read, findings NULL) and find its columns:
 * c[i] = the column named names[i] (sb_table_col), -1 when absent; the
 * first n_required must be there. Returns SB_OK and *out, or
 * SB_EIO/SB_EFORMAT with err ("missing column" at path:1). */
int sb_table_read_cols(struct sb_table **out, const char *path,
                       const char *const *names, int n, int n_required, int *c,
                       struct sb_error *err);

/* Record in err (SB_EFORMAT) that the cell of data row r, column col
 * is not what was expected ("what, found \"found\""), at its file:row:
 * col and line. Returns SB_EFORMAT. */
int sb_table_bad(const struct sb_table *t, long r, int col, const char *what,
                 const char *found, struct sb_error *err);

/* Cell text of row (0-based data row) and col (-1 gives ""). */
const char *sb_table_get(const struct sb_table *t, long row, int col);

#endif
