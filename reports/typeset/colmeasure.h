/* colmeasure.h: the natural widths of a streamed table's columns, for a
 * caller that chooses the page and the column widths itself. */
#ifndef SB_REPORTS_COLMEASURE_H
#define SB_REPORTS_COLMEASURE_H

#include "typeset/typeset_types.h"
#include "base/sb.h"

struct sb_doc;

/* What sb_doc_measure_columns finds; the caller allocates the arrays
 * (n_cols each; sample sample_rows × n_cols, or NULL). Widths in pt,
 * with the cell padding. */
struct sb_col_measure {
    double *pref;    /* widest cell of the rows on one line */
    double *min;     /* widest unbreakable piece over the header and the
                        first 256 rows; at least one character */
    double *head;    /* the header on one line */
    double *sample;  /* one-line width of each cell of the first rows,
                        row after row, or NULL */
    int sample_rows; /* rows sample holds; receives the rows measured */
};

/* The natural widths of a table's columns as the engine measures them
 * for automatic widths, without adding the table (the engine's own
 * preferred width is the larger of m->pref and m->head). For a caller
 * that picks the page or the widths itself (annex volumes: portrait or
 * landscape, widths that keep typical rows short): fixed widths spare
 * the engine its own read of the rows. Reads src once (rewind, then
 * next to the end). cols, st (NULL: default) as for
 * sb_doc_add_table_rows. Returns SB_OK, or the error the source
 * returned (m then covers the rows read). */
int sb_doc_measure_columns(struct sb_doc *doc, const struct sb_column *cols,
                           int n_cols, const struct sb_table_style *st,
                           const struct sb_rows *src,
                           struct sb_col_measure *m, struct sb_error *err);

#endif
