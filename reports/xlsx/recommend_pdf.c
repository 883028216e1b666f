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

static void para(struct sb_doc *doc, const char *text, enum sb_font_role role,
                 double size, enum sb_align align, int after)
{
    struct sb_para_style st;

    sb_para_style_body(&st);
    st.role = role;
    st.size_pt = size;
    st.align = align;
    st.indent = 0;
    st.lines_after = after;
    sb_para_add_text(sb_doc_add_para(doc, &st), text, 0);
}

/* The page of unit gi. */
static void unit_page(struct sb_doc *doc, const struct sb_recommend *r,
                      int gi)
{
    const struct sb_recommend_group *g = &r->groups[gi];
    const struct sb_quota *q = sb_recommend_unit_quota(r, gi);
    struct sb_column *cols = sb_xcalloc((size_t)r->n_cols, sizeof *cols);
    const char **cells = sb_xcalloc((size_t)r->n_cols, sizeof *cells);
    struct sb_table_style ts;
    struct sb_table *t;
    char *unit = sb_xasprintf("%s%s", r->lines[0], g->unit ? g->unit : "");
    double total = 0;
    int seq = 0;

    if (r->label != NULL)
        para(doc, r->label, SB_FONT_HEI, 16, SB_ALIGN_LEFT, 1);
    para(doc, r->title, SB_FONT_SONG, 22, SB_ALIGN_CENTER, 1);
    for (int l = 0; l < r->n_lines; l++)
        para(doc, l == 0 ? unit : r->lines[l], SB_FONT_FANG, 16,
             SB_ALIGN_LEFT, l == r->n_lines - 1);
    for (int c = 0; c < r->n_cols; c++)
        total += sb_recommend_width(r, c);
    for (int c = 0; c < r->n_cols; c++) {
        cols[c].title = r->columns[c];
        cols[c].width_mm = TEXT_WIDTH_MM * sb_recommend_width(r, c) / total;
        cols[c].align = c == 0 ? SB_ALIGN_CENTER : SB_ALIGN_LEFT;
    }
    sb_table_style_default(&ts);
    ts.size_pt = 14; /* 4号 */
    ts.pad_x_pt = 4;
    ts.pad_y_pt = 6;
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
        para(doc, r->note, SB_FONT_FANG, 16, SB_ALIGN_LEFT, 0);
    }
    free(unit);
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
