/* recommend_pdf.c: the 推荐信息汇总表 (see recommend.h) as a PDF to
 * print, stamp and send, in the page format of the notice's forms: A4,
 * GB/T 9704 版心 (002 附件2 说明1), "附件3" in 3号黑体 at the top left,
 * the title centred, the three lines (推荐单位（盖章）… in 3号仿宋), the
 * table as 附件3 prints it (its rows numbered up to the quota, so that
 * blank ones stay to fill in by hand), the note; one page per unit,
 * its size and column widths tried with the typesetter's own layout
 * (sb_doc_layout) before the document is written. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/colmeasure.h"
#include "typeset/typeset.h"
#include "xlsx/recommend_int.h"

/* The 版心's width in mm, which the columns share by the width they ask
 * (sb_recommend_width). */
#define TEXT_WIDTH_MM 156.0

/* The cells' padding, in pt. */
#define PAD_PT 4.0

/* The table's type sizes, largest first: 4号, 小4号, 5号, 小5号 (the
 * size Chinese forms often set their tables in). The first two are
 * taken only when every column fits its cells on one line (the headers
 * on two); each only when every unit's page stays one page at it (one
 * page a unit, to stamp once), a person's name unbroken (SHORT_ZI).
 * Nothing smaller: a unit whose rows do not fit one page at 小5号 (one
 * over its quota: eleven rows of 申报单位, 申报方向 and an e-mail) goes
 * on under 续表, its header repeated, as printed tables do. */
static const double cell_sizes[] = {14, 12, 10.5, 9};
#define N_SIZES 4
#define N_ONE_LINE 2 /* sizes[0..N_ONE_LINE-1] need one-line cells */

/* The title's type size: 2号 (22 pt) as the notice's forms set it, or
 * 小2号 or 3号 (18, 16) when it would not fit one line of the 版心 at
 * 2号 (a title never leaves a character alone on its second line), or
 * 3号 when it fits at none. */
static double title_size(const struct sb_recommend *r)
{
    static const double sizes[] = {22, 18, 16};
    double w = sb_recommend_text_width(r->title);

    for (int i = 0; i < 2; i++)
        if (w * sizes[i] * 25.4 / 72 <= TEXT_WIDTH_MM)
            return sizes[i];
    return sizes[2];
}

/* The summary's rows for sb_doc_measure_columns: every declaration's
 * cells in the order added (序号 empty: a number is never the widest). */
struct entry_rows {
    const struct sb_recommend *r;
    int i; /* next entry */
};

static int entry_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct entry_rows *)user)->i = 0;
    return SB_OK;
}

static int entry_next(void *user, struct sb_row *row, struct sb_error *err)
{
    struct entry_rows *er = user;

    (void)err;
    if (er->i >= er->r->n)
        return 0;
    row->cells = (const char *const *)er->r->entries[er->i++].cells;
    return 1;
}

/* The page format: A4, the GB/T 9704 版心, no page number (one page a
 * unit, nothing to count). */
static void page_style(struct sb_page_style *ps)
{
    sb_page_style_gbt9704(ps);
    ps->number = SB_PAGE_NUMBER_NONE;
}

/* The table's style at size pt. */
static void table_style(struct sb_table_style *ts, double size)
{
    sb_table_style_default(ts);
    ts->size_pt = size;
    ts->pad_x_pt = PAD_PT;
    ts->pad_y_pt = 3;
}

/* The narrowest each column can be at size pt, in mm into min_mm[]: its
 * widest unbreakable piece (an e-mail address, a phone number: the line
 * breaker keeps a run of Latin letters, digits and . @ - whole) and its
 * padding, as the typesetter measures it. Returns SB_OK, or what
 * sb_doc_measure_columns returns. */
static int min_widths(const struct sb_recommend *r, struct sb_fonts *fonts,
                      double size, double *min_mm, struct sb_error *err)
{
    int n = r->n_cols;
    struct sb_column *cols = sb_xcalloc((size_t)n, sizeof *cols);
    double *pref = sb_xcalloc((size_t)n, sizeof *pref);
    double *head = sb_xcalloc((size_t)n, sizeof *head);
    struct entry_rows er = {r, 0};
    struct sb_rows src = {entry_rewind, entry_next, &er, NULL};
    struct sb_col_measure m = {pref, min_mm, head, NULL, 0};
    struct sb_table_style ts;
    struct sb_page_style ps;
    struct sb_doc *doc;
    int rc;

    for (int c = 0; c < n; c++)
        cols[c].title = r->columns[c];
    table_style(&ts, size);
    page_style(&ps);
    doc = sb_doc_new(fonts, &ps);
    rc = sb_doc_measure_columns(doc, cols, n, &ts, &src, &m, err);
    for (int c = 0; c < n; c++)
        min_mm[c] /= SB_PT_PER_MM;
    sb_doc_free(doc);
    free(head);
    free(pref);
    free(cols);
    return rc;
}

/* A column whose cells are all at most this many 字 (a person's name,
 * 2 to 4 字; 序号; a short code) keeps them on one line: a name broken
 * in two reads as two names, and the long columns take the lines. */
#define SHORT_ZI 4

/* The width column c asks at size pt to set its cells on lines lines
 * and its header on two, in mm: the 字 of its longest cell (at most 16,
 * as sb_recommend_width counts them) over lines, or of half its
 * header, whichever is more (at least 2), and its padding; at least
 * min_mm[c]. A short column (cells of at most SHORT_ZI 字) sets its
 * cells on one line, and its header too when that is as short. */
static double ask_mm(const struct sb_recommend *r, int c, int lines,
                     double size, const double *min_mm)
{
    double cell = 0, head = sb_recommend_text_width(r->columns[c]), zi, mm;
    int head_lines = 2;

    for (int i = 0; i < r->n; i++)
        cell = fmax(cell, sb_recommend_text_width(r->entries[i].cells[c]));
    if (cell <= SHORT_ZI) {
        lines = 1;
        head_lines = head <= SHORT_ZI ? 1 : 2;
    }
    zi = fmax(ceil(fmin(cell, 16) / lines), ceil(head / head_lines));
    zi = fmax(zi, 2);
    mm = (zi * size + 2 * PAD_PT) / SB_PT_PER_MM;
    return fmax(mm, min_mm[c]);
}

/* 1 when every column fits its cells on one line at size pt. */
static int one_line(const struct sb_recommend *r, double size,
                    const double *min_mm)
{
    double sum = 0;

    for (int c = 0; c < r->n_cols; c++)
        sum += ask_mm(r, c, 1, size, min_mm);
    return sum <= TEXT_WIDTH_MM;
}

/* The columns' widths in mm into mm[] at size pt: what each asks to set
 * its cells on as few lines as the 版心 allows (ask_mm: one, else two,
 * three …, so that no column makes the rows taller than the others
 * must be); then, narrowest first, what a column asks for one line when
 * the rest of the 版心 allows (序号, 项目01, a name: short cells are
 * not broken to match the rows' lines); the rest spread out to the
 * 版心; never below min_mm. Returns 1, or 0
 * when the columns' min_mm alone are wider than the 版心: each then gets
 * a share of it in proportion to its min_mm, and a piece breaks where
 * it must. */
static int column_widths(const struct sb_recommend *r, double size,
                         const double *min_mm, double *mm)
{
    double total = 0, least = 0;

    for (int c = 0; c < r->n_cols; c++)
        least += min_mm[c];
    if (least > TEXT_WIDTH_MM) {
        for (int c = 0; c < r->n_cols; c++)
            mm[c] = min_mm[c] * TEXT_WIDTH_MM / least;
        return 0;
    }
    for (int lines = 1; lines <= 16; lines++) {
        total = 0;
        for (int c = 0; c < r->n_cols; c++) {
            mm[c] = ask_mm(r, c, lines, size, min_mm);
            total += mm[c];
        }
        if (total <= TEXT_WIDTH_MM)
            break;
    }
    for (int k = 0; k < r->n_cols && total <= TEXT_WIDTH_MM; k++) {
        int best = -1;
        double one = 0;

        for (int c = 0; c < r->n_cols; c++) {
            double w = ask_mm(r, c, 1, size, min_mm);

            if (w > mm[c] && (best < 0 || w < one)) {
                best = c;
                one = w;
            }
        }
        if (best < 0 || total + one - mm[best] > TEXT_WIDTH_MM)
            break;
        total += one - mm[best];
        mm[best] = one;
    }
    for (int c = 0; c < r->n_cols; c++) /* spread, or (headers too wide
                                           even on two lines) shrink */
        mm[c] = total <= TEXT_WIDTH_MM
                    ? mm[c] * TEXT_WIDTH_MM / total
                    : min_mm[c] + (mm[c] - min_mm[c]) *
                                      (TEXT_WIDTH_MM - least) /
                                      (total - least);
    return 1;
}

/* The page of unit gi, its table at size pt in columns mm[] wide. */
static void unit_page(struct sb_doc *doc, const struct sb_recommend *r,
                      int gi, double size, const double *mm)
{
    const struct sb_recommend_group *g = &r->groups[gi];
    const struct sb_quota *q = sb_recommend_unit_quota(r, gi);
    struct sb_column *cols = sb_xcalloc((size_t)r->n_cols, sizeof *cols);
    const char **cells = sb_xcalloc((size_t)r->n_cols, sizeof *cells);
    struct sb_table_style ts;
    struct sb_table *t;
    char *unit = sb_xasprintf("%s%s", r->lines[0], g->unit ? g->unit : "");
    int seq = 0;

    if (r->label != NULL)
        sb_doc_add_line(doc, r->label, SB_FONT_HEI, 16, SB_ALIGN_LEFT, 1);
    sb_doc_add_line(doc, r->title, SB_FONT_SONG, title_size(r),
                    SB_ALIGN_CENTER, 1);
    for (int l = 0; l < r->n_lines; l++)
        sb_doc_add_line(doc, l == 0 ? unit : r->lines[l], SB_FONT_FANG, 16,
                        SB_ALIGN_LEFT, l == r->n_lines - 1);
    for (int c = 0; c < r->n_cols; c++) {
        cols[c].title = r->columns[c];
        cols[c].width_mm = mm[c];
        cols[c].align = c == 0 ? SB_ALIGN_CENTER : SB_ALIGN_LEFT;
    }
    table_style(&ts, size);
    ts.continued = "续表";
    t = sb_doc_add_table(doc, cols, r->n_cols, &ts);
    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];
        char n[16];

        if (e->group != gi)
            continue;
        snprintf(n, sizeof n, "%d", ++seq);
        cells[0] = n;
        for (int c = 1; c < r->n_cols; c++)
            cells[c] = e->cells[c];
        sb_table_add_row(t, cells);
    }
    memset(cells, 0, (size_t)r->n_cols * sizeof *cells);
    while (q != NULL && seq < q->max) { /* numbered rows, left blank */
        char n[16];

        snprintf(n, sizeof n, "%d", ++seq);
        cells[0] = n;
        sb_table_add_row(t, cells);
    }
    if (r->note != NULL) {
        sb_doc_add_space(doc, 1);
        sb_doc_add_line(doc, r->note, SB_FONT_FANG, 16, SB_ALIGN_LEFT, 0);
    }
    free(unit);
    free(cols);
    free(cells);
}

/* How many pages unit gi's page takes at size pt in columns mm[] wide,
 * laid out alone (as it is in the document: each unit starts a page)
 * into *pages. Returns SB_OK or what sb_doc_layout returns. */
static int unit_pages(const struct sb_recommend *r, int gi,
                      struct sb_fonts *fonts, double size, const double *mm,
                      int *pages, struct sb_error *err)
{
    struct sb_page_style ps;
    struct sb_doc *doc;
    int rc;

    page_style(&ps);
    doc = sb_doc_new(fonts, &ps);
    unit_page(doc, r, gi, size, mm);
    rc = sb_doc_layout(doc, err);
    *pages = sb_doc_page_count(doc);
    sb_doc_free(doc);
    return rc;
}

/* The table's size (*size, pt) and column widths (mm[], n_cols) for
 * every unit's page: the first of cell_sizes[] from the largest at
 * which the cells fit on one line at which no column is narrower than
 * its widest unbreakable piece and every unit's page is one page, but
 * for the units that take more than one even at 小5号 (their table
 * goes on under 续表); else 小5号. Returns SB_OK, or the error of a measure or
 * a layout. */
static int choose_size(const struct sb_recommend *r, struct sb_fonts *fonts,
                       double *size, double *mm, struct sb_error *err)
{
    int n = r->n_cols, last = N_SIZES - 1, first = N_ONE_LINE, k, rc = SB_OK;
    int pages = 1;
    double *min = sb_xcalloc((size_t)(N_SIZES * n), sizeof *min);
    char *one_page = sb_xcalloc((size_t)r->n_groups, 1);

    for (k = 0; k < N_SIZES && rc == SB_OK; k++)
        rc = min_widths(r, fonts, cell_sizes[k], &min[k * n], err);
    for (k = N_ONE_LINE - 1; k >= 0; k--)
        if (one_line(r, cell_sizes[k], &min[k * n]))
            first = k;
    column_widths(r, cell_sizes[last], &min[last * n], mm);
    for (int gi = 0; first < last && gi < r->n_groups && rc == SB_OK; gi++) {
        rc = unit_pages(r, gi, fonts, cell_sizes[last], mm, &pages, err);
        one_page[gi] = pages == 1;
    }
    for (k = first; k < last && rc == SB_OK; k++) {
        int ok = column_widths(r, cell_sizes[k], &min[k * n], mm);

        for (int gi = 0; ok && gi < r->n_groups && rc == SB_OK; gi++) {
            if (!one_page[gi])
                continue;
            rc = unit_pages(r, gi, fonts, cell_sizes[k], mm, &pages, err);
            ok = pages == 1;
        }
        if (ok)
            break;
    }
    if (k >= last) {
        k = last;
        column_widths(r, cell_sizes[k], &min[k * n], mm);
    }
    *size = cell_sizes[k];
    free(one_page);
    free(min);
    return rc;
}

int sb_recommend_write_pdf(const struct sb_recommend *r, const char *path,
                           struct sb_fonts *fonts, struct sb_findings *fs,
                           struct sb_error *err)
{
    struct sb_page_style ps;
    struct sb_doc *doc;
    double size, *mm;
    int rc;

    if (r->n == 0)
        return sb_error_set(err, SB_EUSAGE, NULL, "no declaration to list");
    mm = sb_xcalloc((size_t)r->n_cols, sizeof *mm);
    rc = choose_size(r, fonts, &size, mm, err);
    if (rc != SB_OK) {
        free(mm);
        return rc;
    }
    page_style(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, r->title, NULL);
    sb_doc_set_findings(doc, fs, r->font_source);
    sb_doc_set_progress(doc, "推荐信息汇总表");
    for (int gi = 0; gi < r->n_groups; gi++) {
        if (gi > 0)
            sb_doc_add_break(doc, SB_BREAK_PAGE);
        unit_page(doc, r, gi, size, mm);
    }
    rc = sb_doc_write_pdf(doc, path, err);
    sb_doc_free(doc);
    free(mm);
    return rc;
}
