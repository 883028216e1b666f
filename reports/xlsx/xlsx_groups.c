/* xlsx_groups.c: the 分类小计 of the annex workbook (see xlsx_book.h):
 * the lists the notice orders by class (附件1 by the four device
 * classes …, volume/group.h), a row per class in the notice's order and
 * a total, each count beside the figure the 申报书 declares for it. The
 * list sheets keep the file's order (record r at row r, as findings
 * name it); this sheet is where the classes add up. */
#include <string.h>

#include "xlsx/xlsx_book.h"

enum {
    C_ANNEX,
    C_GROUP,
    C_ROWS,
    C_DECLARED,
    C_DIFF,
    C_STATUS,
    C_ITEM,
    N_COLS
};

static const struct sb_xlsx_col columns[N_COLS] = {
    {"附件", 22}, {"类别", 14}, {"清单条数", 12}, {"申报值", 12},
    {"差额", 10}, {"状态", 10}, {"申报书项目", 44},
};

/* One row: label's rows beside the figure field (-1: none). */
static lxw_error put_row(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                         lxw_row_t row, const char *annex, const char *label,
                         long rows, int field, lxw_format *fmt)
{
    const struct sb_decl *d = bk->d;
    lxw_error e;

    e = worksheet_write_string(ws, row, C_ANNEX, annex, fmt);
    if (!e)
        e = worksheet_write_string(ws, row, C_GROUP, label, fmt);
    if (!e)
        e = worksheet_write_number(ws, row, C_ROWS, (double)rows, bk->integer);
    if (e || field < 0)
        return e;
    if (d->figs[field].state == SB_FIG_OK) {
        double v = d->figs[field].value;

        e = worksheet_write_number(ws, row, C_DECLARED, v, bk->integer);
        if (!e)
            e = worksheet_write_number(ws, row, C_DIFF, (double)rows - v,
                                       bk->integer);
        if (!e)
            e = worksheet_write_string(ws, row, C_STATUS,
                                       (double)rows == v ? "一致" : "不一致",
                                       NULL);
    } else {
        e = worksheet_write_string(ws, row, C_STATUS, "未核对", NULL);
    }
    if (!e) {
        const struct sb_field *f = &d->form->fields[field];
        char *item = sb_xasprintf("%s“%s”（%s）", f->section, f->label,
                                  f->unit);

        e = worksheet_write_string(ws, row, C_ITEM, item, NULL);
        free(item);
    }
    return e;
}

int sb_xlsx_groups(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                   const struct sb_xlsx_annex_out *outs,
                   struct sb_error *err)
{
    const struct sb_form *form = bk->d->form;
    lxw_format *total = workbook_add_format(bk->wb);
    lxw_row_t row = 0;
    lxw_error e = LXW_NO_ERROR;

    format_set_bold(total);
    e = sb_xlsx_header_row(bk, ws, columns, N_COLS);
    for (int i = 0; i < form->n_annexes && !e; i++) {
        const struct sb_vol_groups *g = &outs[i].groups;
        char *annex;
        long all = 0;

        if (!outs[i].grouped)
            continue;
        annex = sb_xasprintf("附件%d %s", form->annexes[i].number,
                             form->annexes[i].title);
        for (int k = 0; k < g->n && !e; k++) {
            all += g->g[k].rows;
            if (k < g->n - 1 || g->g[k].rows > 0)
                e = put_row(bk, ws, ++row, annex, g->g[k].label,
                            g->g[k].rows, g->g[k].field, NULL);
        }
        if (!e)
            e = put_row(bk, ws, ++row, annex, "合计", all, g->total_field,
                        total);
        free(annex);
    }
    if (!e)
        e = sb_xlsx_print_setup(ws, row, N_COLS - 1);
    if (e)
        return sb_xlsx_fail(err, e, "分类小计");
    worksheet_freeze_panes(ws, 1, 0);
    return SB_OK;
}
