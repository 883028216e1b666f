/* xlsx_book.h: what the parts of the annex workbook (xlsx.h) share: the
 * open workbook, its cell formats, sheet names, column widths and the
 * mapping of libxlsxwriter's errors. Internal to reports/xlsx*.c. */
#ifndef SB_REPORTS_XLSX_BOOK_H
#define SB_REPORTS_XLSX_BOOK_H

#include <stddef.h>
#include <xlsxwriter.h>

#include "cells/money_unit.h"
#include "check/decl.h"
#include "base/outfile.h"
#include "base/progress.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "volume/group.h"

/* Excel's limits: rows per sheet, characters per cell. */
#define SB_XLSX_ROWS LXW_ROW_MAX
#define SB_XLSX_CELL_CHARS SB_EXCEL_CELL_CHARS

/* The workbook being written and its formats, all owned by wb. */
struct sb_xlsx_book {
    lxw_workbook *wb;
    const struct sb_decl *d; /* borrowed */
    int mask;                /* mask personal-data columns */
    lxw_format *header;      /* header rows: bold, filled, bordered, wrapped */
    lxw_format *text;        /* "@": IDs, codes, phone numbers */
    lxw_format *date;        /* yyyy-mm-dd */
    lxw_format *integer;     /* 0 */
    lxw_format *percent;     /* 0.0##% of a fraction */
    lxw_format *money[SB_MONEY_UNITS]; /* #,##0.00"元" per unit */
    lxw_format *link;        /* internal hyperlinks */
    struct sb_progress *bar; /* the annex rows written (base/progress.h),
                                or NULL */
};

/* Create the formats of bk->wb. */
void sb_xlsx_book_formats(struct sb_xlsx_book *bk);

/* The money format for the unit worth yuan 元 (sb_money_units; any
 * other value gets 元's). */
lxw_format *sb_xlsx_money_format(const struct sb_xlsx_book *bk, double yuan);

/* A valid sheet name for base, part 0, or its continuation part
 * ("base（续1）" for 1 …) into out (cleared first): the characters Excel
 * forbids ([ ] : * ? / \) become their full-width forms, apostrophes at
 * either end are dropped, and base is cut so the whole has at most 31
 * characters. */
void sb_xlsx_sheet_name(const char *base, int part, struct sb_buf *out);

/* Display width of UTF-8 text in Excel's character units: 1 for ASCII
 * and other narrow characters, 2 for CJK and full-width ones. */
double sb_xlsx_text_width(const char *s, size_t len);

/* A column width for text of display width w: padded, between 6 and 50
 * units. */
double sb_xlsx_column_width(double w);

/* Days since 1970-01-01 as an Excel serial date (1900 date system, with
 * its phantom 1900-02-29). */
double sb_xlsx_serial_date(int32_t days);

/* Set err from a libxlsxwriter error while doing what (a short phrase
 * naming the sheet) and return SB_ERENDER. */
int sb_xlsx_fail(struct sb_error *err, lxw_error e, const char *what);

/* End the workbook wb written into o's temporary file for path: close it
 * (closing frees it, so it is done after a failed write too; wb NULL:
 * it could not be started, an error), then rename o into place when rc,
 * the writing's status, and the close are SB_OK, else remove it.
 * Returns the first error, with err. */
int sb_xlsx_finish(lxw_workbook *wb, int rc, struct sb_outfile *o,
                   const char *path, struct sb_error *err);

/* Write text (len bytes, NUL not required) as a string cell, cut at
 * Excel's character limit. scratch is reused between calls. Returns
 * libxlsxwriter's error code. */
lxw_error sb_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *text, size_t len, lxw_format *fmt,
                             struct sb_buf *scratch);

/* A column of a sheet the workbook lays out itself: its header and its
 * width in Excel's character units. */
struct sb_xlsx_col {
    const char *title;
    double width;
};

/* Write the header row (row 0) of cols[0..n-1] and set their widths.
 * Returns libxlsxwriter's error. */
lxw_error sb_xlsx_header_row(const struct sb_xlsx_book *bk, lxw_worksheet *ws,
                             const struct sb_xlsx_col *cols, int n);

/* Make ws print as a reviewer files it: A4 landscape, fit to one page
 * wide, the header row repeated on every page, the print area rows
 * 0..last_row and columns 0..last_col. Returns libxlsxwriter's error. */
lxw_error sb_xlsx_print_setup(lxw_worksheet *ws, lxw_row_t last_row,
                              lxw_col_t last_col);

/* What a row of the 核对表 says figure f rests on, into rule and basis
 * (cleared first; the caller frees): the rule r in words (with its two
 * sides when it holds a bound: "…（18种不多于24种）") and its source as
 * the notice is named (sb_xlsx_cite); or, with r NULL, the figure as
 * filled in the 申报书's section, proven by the evidence the notice asks
 * for (edition.csv evidence_source). Shared by the XLSX and the HTML
 * 核对表. */
void sb_xlsx_rests_on(const struct sb_decl *d, const struct sb_field *f,
                      const struct sb_rule_result *r, struct sb_buf *rule,
                      struct sb_buf *basis);

/* A rule's source as the submission cites it, into out (cleared
 * first): the edition's short citation (role source, "002") at its
 * start becomes the notice's title (role notice), so no internal code
 * reaches the document. */
void sb_xlsx_cite(const struct sb_form *form, const char *source,
                  struct sb_buf *out);

/* Fill ws with the 核对表 (xlsx_checks.c). */
int sb_xlsx_checks(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                   struct sb_error *err);

/* What became of one annex in the workbook. */
struct sb_xlsx_annex_out {
    char *first_sheet; /* name of its first sheet, or NULL if absent */
    int n_sheets;      /* sheets it took */
    int grouped;       /* the edition groups it (volume/group.h): */
    struct sb_vol_groups groups; /* rows per group, counted as written;
                                    free with sb_vol_groups_free */
};

/* Fill ws with the 分类小计 once the annexes are written: per grouped
 * annex a row per group in the notice's order and a total, each beside
 * its declared figure (xlsx_groups.c). */
int sb_xlsx_groups(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                   const struct sb_xlsx_annex_out *outs,
                   struct sb_error *err);

/* Fill ws with the 清单概况 once the annexes are written (outs: one per
 * annex of the form; xlsx_overview.c). */
int sb_xlsx_overview(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                     const struct sb_xlsx_annex_out *outs,
                     struct sb_error *err);

/* Stream annex idx of bk->d (present: its path is set) into new sheets
 * at the end of the workbook; fills *out (free out->first_sheet).
 * Returns SB_OK, SB_EIO (the file cannot be read again) or SB_ERENDER. */
int sb_xlsx_annex(struct sb_xlsx_book *bk, int idx,
                  struct sb_xlsx_annex_out *out, struct sb_error *err);

#endif
