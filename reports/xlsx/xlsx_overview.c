/* xlsx_overview.c: the 清单概况 of the annex workbook (see xlsx.h): one
 * row per annex of the form, present or not, with a link to its sheet
 * (named as the notice names it: no file names of the declaration). */
#include <string.h>

#include "xlsx/xlsx_book.h"

enum {
    C_NUMBER,
    C_TITLE,
    C_ENCODING,
    C_ROWS,
    C_SHEET,
    C_SHEETS,
    N_COLS
};

static const struct sb_xlsx_col columns[N_COLS] = {
    {"附件", 8},      {"清单名称", 22}, {"编码", 14},
    {"数据行数", 12}, {"工作表", 30},   {"工作表数", 10},
};

/* A link to the first cell of sheet name. */
static lxw_error put_link(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                          const char *name, lxw_format *fmt)
{
    struct sb_buf url = {0};
    lxw_error e;

    /* internal:'name'!A1, an apostrophe in the name doubled */
    sb_buf_puts(&url, "internal:'");
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '\'')
            sb_buf_putc(&url, '\'');
        sb_buf_putc(&url, *p);
    }
    sb_buf_puts(&url, "'!A1");
    e = worksheet_write_url(ws, row, col, url.data, fmt);
    if (!e)
        e = worksheet_write_string(ws, row, col, name, fmt);
    sb_buf_free(&url);
    return e;
}

static lxw_error put_row(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                         lxw_row_t row, int i,
                         const struct sb_xlsx_annex_out *out)
{
    const struct sb_annex *a = &bk->d->form->annexes[i];
    const struct sb_annex_result *res = &bk->d->annexes[i];
    char number[16];
    lxw_error e;

    snprintf(number, sizeof number, "附件%d", a->number);
    e = worksheet_write_string(ws, row, C_NUMBER, number, NULL);
    if (!e)
        e = worksheet_write_string(ws, row, C_TITLE, a->title, NULL);
    if (!e && res->path == NULL)
        return worksheet_write_string(ws, row, C_ENCODING, "（未提供）", NULL);
    if (!e)
        e = worksheet_write_string(ws, row, C_ENCODING,
                                   sb_encoding_name(res->encoding), NULL);
    if (!e)
        e = worksheet_write_number(ws, row, C_ROWS, (double)res->rows,
                                   bk->integer);
    if (!e && out->first_sheet != NULL)
        e = put_link(ws, row, C_SHEET, out->first_sheet, bk->link);
    if (!e)
        e = worksheet_write_number(ws, row, C_SHEETS, out->n_sheets,
                                   bk->integer);
    return e;
}

int sb_xlsx_overview(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                     const struct sb_xlsx_annex_out *outs, struct sb_error *err)
{
    const struct sb_form *form = bk->d->form;
    lxw_error e = LXW_NO_ERROR;

    e = sb_xlsx_header_row(bk, ws, columns, N_COLS);
    for (int i = 0; i < form->n_annexes && !e; i++)
        e = put_row(bk, ws, (lxw_row_t)(i + 1), i, &outs[i]);
    if (!e)
        e = sb_xlsx_print_setup(ws, (lxw_row_t)form->n_annexes, N_COLS - 1);
    if (e)
        return sb_xlsx_fail(err, e, "清单概况");
    worksheet_freeze_panes(ws, 1, 0);
    return SB_OK;
}
