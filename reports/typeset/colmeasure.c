/* colmeasure.c: the natural widths of a streamed table's columns, for a
 * caller that chooses the page (portrait or landscape) and the column
 * widths itself before adding the table (sb_doc_measure_columns in
 * typeset.h). It measures as table.c does for automatic widths, so
 * widths derived from it and given as fixed widths lay out the same,
 * and the engine then need not read the source again. */
#include "typeset/colmeasure.h"
#include "typeset/glyphs.h"
#include "typeset/linebreak.h"
#include "typeset/text.h"
#include "typeset/typeset.h"

#include <math.h>
#include <string.h>

#define SAMPLE_ROWS 256 /* as table.c: rows whose pieces set minimums */

/* One-line width of s and, when exact, its widest unbreakable piece
 * (else *min 0), pt without padding. */
static double measure(struct sb_doc *doc, struct ts_style *st,
                      struct ts_text *tx, const char *s, int exact, double *min)
{
    double pw;

    s = s != NULL ? s : "";
    *min = 0;
    sb_ts_text_clear(tx);
    tx->s = s;
    sb_ts_shape(doc, st, tx, s, strlen(s), 0, 0, -1);
    /* every row's one-line width (a sum), the unbreakable pieces only
     * of the first rows and of cells with line feeds */
    if (exact || tx->has_bk)
        sb_ts_measure(tx, 0, &pw, min);
    else
        pw = sb_lb_width(tx->lb, 0, tx->n, 0);
    return pw;
}

int sb_doc_measure_columns(struct sb_doc *doc, const struct sb_column *cols,
                           int n_cols, const struct sb_table_style *st,
                           const struct sb_rows *src, struct sb_col_measure *m,
                           struct sb_error *err)
{
    struct sb_table_style def;
    struct ts_style *body, *head;
    struct ts_text tx = {0};
    struct sb_row row;
    double pad, mw;
    long i = 0;
    int rc, cap = m->sample != NULL ? m->sample_rows : 0;

    if (st == NULL) {
        sb_table_style_default(&def);
        st = &def;
    }
    pad = 2 * st->pad_x_pt;
    body = sb_ts_style(doc, st->role, st->size_pt);
    head = sb_ts_style(doc, st->header_role, st->size_pt);
    m->sample_rows = 0;
    for (int c = 0; c < n_cols; c++) {
        m->head[c] = measure(doc, head, &tx, cols[c].title, 1, &m->min[c]);
        m->pref[c] = 0;
    }
    rc = src->rewind(src->user, err);
    while (rc == SB_OK) {
        memset(&row, 0, sizeof row);
        rc = src->next(src->user, &row, err);
        if (rc <= 0)
            break;
        rc = SB_OK;
        if (row.spans != NULL)
            continue; /* merged cells say nothing of their columns */
        i++;
        for (int c = 0; c < n_cols; c++) {
            double pw =
                measure(doc, body, &tx, row.cells[c], i <= SAMPLE_ROWS, &mw);

            m->pref[c] = fmax(m->pref[c], pw);
            m->min[c] = fmax(m->min[c], mw);
            if (i <= cap)
                m->sample[(i - 1) * n_cols + c] = pw + pad;
        }
        if (i <= cap)
            m->sample_rows = (int)i;
    }
    if (rc < 0)
        rc = err != NULL && err->code != SB_OK ? (int)err->code : SB_EIO;
    for (int c = 0; c < n_cols; c++) {
        /* at least one character, with the cell padding */
        m->min[c] = fmax(m->min[c], st->size_pt) + pad;
        m->head[c] += pad;
        m->pref[c] = fmax(m->pref[c] + pad, m->min[c]);
    }
    sb_ts_text_free(&tx);
    return rc;
}
