/* recommend_xlsx.c: write the 推荐信息汇总表 (see recommend.h) as the
 * form of notice 002 附件3 prints it, one sheet per recommending unit,
 * ready to print on A4 and stamp. */
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "xlsx/recommend_int.h"
#include "xlsx/xlsx_book.h"

/* The creation date when no declaration has one: 2000-01-01 UTC. */
#define FALLBACK_CREATED 946684800

struct formats {
    lxw_format *title, *line, *head, *cell, *center, *code;
};

static lxw_format *bordered(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    return f;
}

static void make_formats(lxw_workbook *wb, struct formats *fm)
{
    fm->title = workbook_add_format(wb);
    format_set_bold(fm->title);
    format_set_font_size(fm->title, 16);
    format_set_align(fm->title, LXW_ALIGN_CENTER);
    format_set_align(fm->title, LXW_ALIGN_VERTICAL_CENTER);
    fm->line = workbook_add_format(wb);
    format_set_font_size(fm->line, 12);
    fm->head = bordered(wb);
    format_set_bold(fm->head);
    format_set_align(fm->head, LXW_ALIGN_CENTER);
    fm->cell = bordered(wb);
    fm->center = bordered(wb);
    format_set_align(fm->center, LXW_ALIGN_CENTER);
    fm->code = bordered(wb);
    format_set_num_format(fm->code, "@");
}

static lxw_error put(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     const char *s, lxw_format *fmt)
{
    if (s == NULL)
        return worksheet_write_blank(ws, row, col, fmt);
    return worksheet_write_string(ws, row, col, s, fmt);
}

/* The cells are text: a phone number or a code keeps its digits. */
static lxw_error put_entry(const struct sb_recommend *r, lxw_worksheet *ws,
                           lxw_row_t row, int seq,
                           const struct sb_recommend_entry *e,
                           const struct formats *fm)
{
    lxw_error err = worksheet_write_number(ws, row, 0, seq, fm->center);

    for (int c = 1; c < r->n_cols && !err; c++)
        err = put(ws, row, (lxw_col_t)c, e->cells[c], fm->code);
    return err;
}

/* The lines above the table, the table and the note. */
static lxw_error put_sheet(const struct sb_recommend *r, int gi,
                           lxw_worksheet *ws, const struct formats *fm)
{
    const struct sb_recommend_group *g = &r->groups[gi];
    char *unit = sb_xasprintf("%s%s", r->lines[0], g->unit ? g->unit : "");
    lxw_col_t last = (lxw_col_t)(r->n_cols - 1);
    lxw_row_t row = (lxw_row_t)r->n_lines + 1;
    lxw_error err;
    int seq = 0;

    worksheet_set_row(ws, 0, 36, NULL);
    err = worksheet_merge_range(ws, 0, 0, 0, last, r->title, fm->title);
    for (int l = 0; l < r->n_lines && !err; l++)
        err = worksheet_merge_range(ws, (lxw_row_t)l + 1, 0, (lxw_row_t)l + 1,
                                    last, l == 0 ? unit : r->lines[l],
                                    fm->line);
    for (int c = 0; c < r->n_cols && !err; c++) {
        err = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                   2 * sb_recommend_width(r, c, 1) + 2,
                                   NULL);
        if (!err)
            err = put(ws, row, (lxw_col_t)c, r->columns[c], fm->head);
    }
    for (int i = 0; i < r->n && !err; i++) {
        if (r->entries[i].group == gi)
            err = put_entry(r, ws, ++row, ++seq, &r->entries[i], fm);
    }
    if (!err && r->note != NULL)
        err = worksheet_merge_range(ws, row + 1, 0, row + 1, last, r->note,
                                    fm->line);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    free(unit);
    return err;
}

static int write_book(const struct sb_recommend *r, lxw_workbook *wb,
                      struct sb_error *err)
{
    lxw_doc_properties p = {0};
    struct formats fm;
    struct sb_buf name = {0};
    int rc = SB_OK;

    p.title = r->title;
    p.created = r->date > 0 ? (time_t)r->date * 86400 : FALLBACK_CREATED;
    if (workbook_set_properties(wb, &p) != LXW_NO_ERROR)
        return sb_error_set(err, SB_ERENDER, NULL,
                            "cannot set the document properties");
    make_formats(wb, &fm);
    for (int gi = 0; gi < r->n_groups && rc == SB_OK; gi++) {
        const char *unit = r->groups[gi].unit;
        lxw_worksheet *ws;
        lxw_error e;

        sb_xlsx_sheet_name(unit ? unit : "未填写推荐单位", 0, &name);
        ws = workbook_add_worksheet(wb, name.data);
        if (ws == NULL) {
            rc = sb_error_set(err, SB_ERENDER, NULL,
                              "cannot add the sheet \"%s\"", name.data);
            break;
        }
        e = put_sheet(r, gi, ws, &fm);
        if (e != LXW_NO_ERROR)
            rc = sb_xlsx_fail(err, e, name.data);
    }
    sb_buf_free(&name);
    return rc;
}

int sb_recommend_write(const struct sb_recommend *r, const char *path,
                       struct sb_error *err)
{
    struct sb_outfile o;
    lxw_workbook *wb;
    int rc;

    if (r->n == 0)
        return sb_error_set(err, SB_EUSAGE, NULL, "no declaration to list");
    rc = sb_outfile_reserve(&o, path, err);
    if (rc != SB_OK)
        return rc;
    wb = workbook_new(o.tmp);
    if (wb != NULL)
        rc = write_book(r, wb, err);
    return sb_xlsx_finish(wb, rc, &o, path, err);
}
