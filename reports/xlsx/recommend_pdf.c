/* recommend_pdf.c: the 推荐信息汇总表 (see recommend.h) as a PDF to
 * print, stamp and send, in the page format of the notice's forms: A4,
 * GB/T 9704 版心 (002 附件2 说明1), "附件3" in 3号黑体 at the top left,
 * the title centred, the three lines (推荐单位（盖章）… in 3号仿宋), the
 * table as 附件3 prints it (its rows numbered up to the quota, so that
 * blank ones stay to fill in by hand), the note; one page per unit. */
#include <stdlib.h>
#include <string.h>

#include "typeset/typeset.h"
#include "xlsx/recommend_int.h"

/* The 版心's width in mm, which the columns share by the width they ask
 * (sb_recommend_width). */
#define TEXT_WIDTH_MM 156.0

/* The cells' padding, in pt. */
#define PAD_PT 4.0

/* The table's type size: 4号 (14 pt) when every column fits its cells
 * on one line at it (the headers on two), else 小4号 or 5号 (12, 10.5),
 * the first at which they fit, or 5号. */
static double cell_size(const struct sb_recommend *r)
{
    static const double sizes[] = {14, 12, 10.5};
    double ask = 0;

    for (int c = 0; c < r->n_cols; c++)
        ask += sb_recommend_width(r, c, 2);
    for (int i = 0; i < 2; i++)
        if ((ask * sizes[i] + 2 * PAD_PT * r->n_cols) * 25.4 / 72 <=
            TEXT_WIDTH_MM)
            return sizes[i];
    return sizes[2];
}

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

/* The columns' widths in mm into mm[]: each the width it asks (its 字 at
 * size pt and its padding) when they all fit, spread out to the 版心;
 * else the narrow ones keep what they ask (序号, 联系人) and the wide
 * ones share the rest evenly, up to what each asks (a cap found by
 * bisection: the sum of min(ask, cap) is the 版心). */
static void column_widths(const struct sb_recommend *r, double size,
                          double *mm)
{
    double total = 0, lo = 0, hi = 0;

    for (int c = 0; c < r->n_cols; c++) {
        mm[c] = (sb_recommend_width(r, c, 2) * size + 2 * PAD_PT) * 25.4 / 72;
        total += mm[c];
        hi = mm[c] > hi ? mm[c] : hi;
    }
    if (total <= TEXT_WIDTH_MM) {
        for (int c = 0; c < r->n_cols; c++)
            mm[c] *= TEXT_WIDTH_MM / total;
        return;
    }
    for (int k = 0; k < 50; k++) {
        double cap = (lo + hi) / 2, sum = 0;

        for (int c = 0; c < r->n_cols; c++)
            sum += mm[c] < cap ? mm[c] : cap;
        if (sum > TEXT_WIDTH_MM)
            hi = cap;
        else
            lo = cap;
    }
    for (int c = 0; c < r->n_cols; c++)
        mm[c] = mm[c] < lo ? mm[c] : lo;
}

/* The page of unit gi. */
static void unit_page(struct sb_doc *doc, const struct sb_recommend *r,
                      int gi)
{
    const struct sb_recommend_group *g = &r->groups[gi];
    const struct sb_quota *q = sb_recommend_unit_quota(r, gi);
    struct sb_column *cols = sb_xcalloc((size_t)r->n_cols, sizeof *cols);
    const char **cells = sb_xcalloc((size_t)r->n_cols, sizeof *cells);
    double *mm = sb_xcalloc((size_t)r->n_cols, sizeof *mm);
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
    column_widths(r, cell_size(r), mm);
    for (int c = 0; c < r->n_cols; c++) {
        cols[c].title = r->columns[c];
        cols[c].width_mm = mm[c];
        cols[c].align = c == 0 ? SB_ALIGN_CENTER : SB_ALIGN_LEFT;
    }
    sb_table_style_default(&ts);
    ts.size_pt = cell_size(r);
    ts.pad_x_pt = PAD_PT;
    ts.pad_y_pt = 3;
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
    free(mm);
    free(cols);
    free(cells);
}

int sb_recommend_write_pdf(const struct sb_recommend *r, const char *path,
                           struct sb_fonts *fonts, struct sb_findings *fs,
                           struct sb_error *err)
{
    struct sb_page_style ps;
    struct sb_doc *doc;
    int rc;

    if (r->n == 0)
        return sb_error_set(err, SB_EUSAGE, NULL, "no declaration to list");
    sb_page_style_gbt9704(&ps);
    ps.number = SB_PAGE_NUMBER_NONE; /* one page a unit, nothing to count */
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, r->title, NULL);
    sb_doc_set_findings(doc, fs, r->font_source);
    for (int gi = 0; gi < r->n_groups; gi++) {
        if (gi > 0)
            sb_doc_add_break(doc, SB_BREAK_PAGE);
        unit_page(doc, r, gi);
    }
    rc = sb_doc_write_pdf(doc, path, err);
    sb_doc_free(doc);
    return rc;
}
