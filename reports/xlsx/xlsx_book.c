/* xlsx_book.c: formats, sheet names, widths, dates and errors shared by
 * the parts of the annex workbook (see xlsx_book.h). */
#include "xlsx/xlsx_book.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* Header fill: a light blue that prints as light grey. */
#define HEADER_FILL 0xDDEBF7

void sb_xlsx_book_formats(struct sb_xlsx_book *bk)
{
    bk->header = workbook_add_format(bk->wb);
    format_set_bold(bk->header);
    format_set_bg_color(bk->header, HEADER_FILL);
    format_set_border(bk->header, LXW_BORDER_THIN);
    format_set_text_wrap(bk->header);
    format_set_align(bk->header, LXW_ALIGN_CENTER);
    format_set_align(bk->header, LXW_ALIGN_VERTICAL_CENTER);
    bk->text = workbook_add_format(bk->wb);
    format_set_num_format(bk->text, "@");
    bk->date = workbook_add_format(bk->wb);
    format_set_num_format(bk->date, "yyyy-mm-dd");
    bk->integer = workbook_add_format(bk->wb);
    format_set_num_format(bk->integer, "0");
    bk->percent = workbook_add_format(bk->wb);
    format_set_num_format(bk->percent, "0.0##%");
    for (int i = 0; i < SB_MONEY_UNITS; i++) {
        char *fmt = sb_xasprintf("#,##0.00\"%s\"", sb_money_units[i].name);

        bk->money[i] = workbook_add_format(bk->wb);
        format_set_num_format(bk->money[i], fmt);
        free(fmt);
    }
    bk->link = workbook_add_format(bk->wb);
    format_set_underline(bk->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(bk->link, LXW_COLOR_BLUE);
}

lxw_error sb_xlsx_header_row(const struct sb_xlsx_book *bk, lxw_worksheet *ws,
                             const struct sb_xlsx_col *cols, int n)
{
    lxw_error e = LXW_NO_ERROR;

    for (int c = 0; c < n && !e; c++) {
        e = worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c].title,
                                   bk->header);
        if (!e)
            e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                     cols[c].width, NULL);
    }
    return e;
}

lxw_error sb_xlsx_print_setup(lxw_worksheet *ws, lxw_row_t last_row,
                              lxw_col_t last_col)
{
    lxw_error e;

    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    e = worksheet_repeat_rows(ws, 0, 0);
    if (!e)
        e = worksheet_print_area(ws, 0, 0, last_row, last_col);
    return e;
}

void sb_xlsx_cite(const struct sb_form *form, const char *source,
                  struct sb_buf *out)
{
    const char *code = sb_form_meta(form, "source");
    const char *notice = sb_form_meta(form, "notice");
    size_t n = code != NULL ? strlen(code) : 0;

    sb_buf_clear(out);
    if (source == NULL)
        return;
    if (n > 0 && notice != NULL && strncmp(source, code, n) == 0 &&
        (source[n] == '\0' || source[n] == ' ')) {
        sb_buf_puts(out, notice);
        source += n;
    }
    sb_buf_puts(out, source);
}

lxw_format *sb_xlsx_money_format(const struct sb_xlsx_book *bk, double yuan)
{
    int i = sb_money_unit_index(yuan);

    return bk->money[i >= 0 ? i : 0];
}

/* The full-width form of a character Excel forbids in sheet names, or
 * 0 when c is allowed. */
static int32_t sheet_char(int32_t c)
{
    switch (c) {
    case '[':
    case ']':
    case ':':
    case '*':
    case '?':
    case '/':
    case '\\':
        return c - 0x20 + 0xFF00;
    default:
        return 0;
    }
}

void sb_xlsx_sheet_name(const char *base, int part, struct sb_buf *out)
{
    char suffix[32] = "";
    size_t max, n = 0, len = strlen(base);

    if (part > 0)
        snprintf(suffix, sizeof suffix, "（续%d）", part);
    max = (size_t)LXW_SHEETNAME_MAX - sb_utf8_count(suffix, strlen(suffix));
    sb_buf_clear(out);
    sb_buf_put(out, "", 0);
    while (len > 0 && base[0] == '\'') {
        base++;
        len--;
    }
    for (size_t p = 0; p < len && n < max; n++) {
        int32_t cp;
        int k = sb_utf8_decode(base + p, len - p, &cp);

        if (sheet_char(cp) != 0)
            sb_utf8_put(out, sheet_char(cp));
        else if (cp >= 0x20 && cp != 0x7F)
            sb_buf_put(out, base + p, (size_t)k);
        p += (size_t)k;
    }
    while (out->len > 0 && out->data[out->len - 1] == '\'')
        out->data[--out->len] = '\0';
    sb_buf_puts(out, suffix);
}

double sb_xlsx_text_width(const char *s, size_t len)
{
    double w = 0;

    for (size_t p = 0; p < len;) {
        int32_t cp;

        p += (size_t)sb_utf8_decode(s + p, len - p, &cp);
        w += cp >= 0x1100 ? 2 : 1;
    }
    return w;
}

double sb_xlsx_column_width(double w)
{
    w += 2;
    return w < 6 ? 6 : w > 50 ? 50 : w;
}

double sb_xlsx_serial_date(int32_t days)
{
    /* Serial 25569 is 1970-01-01; Excel counts a 1900-02-29 that never
     * was, so dates before 1900-03-01 (day -25508) are one less. */
    return days >= -25508 ? days + 25569.0 : days + 25568.0;
}

int sb_xlsx_fail(struct sb_error *err, lxw_error e, const char *what)
{
    return sb_error_set(err, SB_ERENDER, NULL, "%s: %s", what, lxw_strerror(e));
}

int sb_xlsx_finish(lxw_workbook *wb, int rc, struct sb_outfile *o,
                   const char *path, struct sb_error *err)
{
    lxw_error e;

    if (wb == NULL) {
        rc = sb_error_set(err, SB_ERENDER, NULL, "cannot start the workbook %s",
                          path);
    } else {
        e = workbook_close(wb);
        if (rc == SB_OK && e != LXW_NO_ERROR)
            rc = sb_xlsx_fail(err, e, path);
    }
    if (rc == SB_OK)
        rc = sb_outfile_commit(o, err);
    else
        sb_outfile_abort(o);
    return rc;
}

lxw_error sb_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *text, size_t len, lxw_format *fmt,
                             struct sb_buf *scratch)
{
    static const char cut[] = "…（超出Excel单元格上限，已截断）";
    size_t end;

    /* A cell of at most 32,767 bytes is within the character limit. */
    if (len <= SB_XLSX_CELL_CHARS && text[len] == '\0')
        return worksheet_write_string(ws, row, col, text, fmt);
    sb_buf_clear(scratch);
    if (sb_utf16_units(text, len, SB_XLSX_CELL_CHARS, &end) <=
        SB_XLSX_CELL_CHARS) {
        sb_buf_put(scratch, text, len);
    } else {
        size_t keep = SB_XLSX_CELL_CHARS - sb_utf8_count(cut, strlen(cut));

        sb_utf16_units(text, len, keep, &end);
        sb_buf_put(scratch, text, end);
        sb_buf_puts(scratch, cut);
    }
    return worksheet_write_string(ws, row, col, scratch->data, fmt);
}
