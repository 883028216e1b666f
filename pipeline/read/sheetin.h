/* sheetin.h: read one sheet of an Excel workbook as records, the way
 * csvin reads a CSV file (same struct sb_record, same findings list), so
 * that everything downstream has one path. sb_csvin_open hands a path
 * naming a workbook (bookpath.h: "清单.xlsx", "清单.xlsx#附件1") to this
 * reader; callers rarely need it directly.
 *
 * .xlsx is streamed (the approach of xlsxio): libzip inflates the
 * sheet's part and expat parses it as SAX events, one row at a time, so
 * a sheet of a million rows reads in constant memory; only the shared
 * strings table (xl/sharedStrings.xml) and the styles' date flags are
 * held. .xls (BIFF, Excel 97-2003) is read through libfreexl.
 *
 * Cells come as Excel stores them: shared and inline strings as their
 * text, numbers as the shortest text that reads back (%.15g), booleans
 * as TRUE/FALSE, a number whose cell format is a date as YYYY-MM-DD
 * (with " HH:MM:SS" when it has a time of day; 1900 and 1904 date
 * systems), a percent-formatted number as "41.6%", a formula as its
 * cached value. rec->kinds says which each field was, so that a number
 * stored as text can be reported where the column is numeric.
 *
 * Rows and columns are Excel's: rec->row = rec->line = the sheet's row
 * number, field i is column i+1 (A = field 0); rows without a value are
 * skipped (as blank lines are). The first row with a value is the
 * header; later rows are padded with empty fields to its width.
 *
 * Findings (with .pos.path = the sheet path, so that a cell is named
 * "附件1!C1234"): xlsx.formula-no-value (error: a formula never
 * calculated, the cell is read empty), xlsx.error-value (error: #N/A,
 * #DIV/0! …, read empty), xlsx.beyond-header (error: a value right of the
 * header's last column, not checked), xlsx.merged-header (error),
 * xlsx.merged-cells (warning: only the top-left cell of a merged range
 * holds its value), xlsx.hidden-row and xlsx.hidden-sheet (warnings:
 * read as any other), xlsx.bad-string (error: a shared-string index
 * past the table). */
#ifndef SB_PIPELINE_SHEETIN_H
#define SB_PIPELINE_SHEETIN_H

#include "base/sb.h"
#include "findings/finding.h"
#include "read/record.h"

/* A sheet of a workbook, as listed by sb_book_sheets. */
struct sb_book_sheet {
    char *name; /* the tab's name, UTF-8 */
    int hidden; /* hidden or very hidden (.xlsx only: .xls says nothing) */
};

/* The sheets of workbook file (a plain path, no "#SHEET") in tab order:
 * *out (free with sb_book_sheets_free) and *n. Returns SB_OK, or SB_EIO
 * (cannot open) / SB_EFORMAT (not a workbook) with err. */
int sb_book_sheets(const char *file, struct sb_book_sheet **out, int *n,
                   struct sb_error *err);
void sb_book_sheets_free(struct sb_book_sheet *s, int n);

struct sb_sheetin;

/* Open the sheet path names ("FILE.xlsx#SHEET"; "FILE.xlsx" alone: its
 * first sheet). annex (may be NULL, copied) is set on the findings,
 * which go to findings (may be NULL). Returns SB_OK and *out, or SB_EIO /
 * SB_EFORMAT (no such sheet, not a workbook) with err and *out = NULL. */
int sb_sheetin_open(struct sb_sheetin **out, const char *path,
                    const char *annex, struct sb_findings *findings,
                    struct sb_error *err);

/* Read the sheet as a form rather than a list: every row as wide as its
 * last value (neither cut nor padded to the first row's width, so no
 * xlsx.beyond-header) and no finding on merged cells (a form's title
 * spans its table). For a caller that finds the table's header itself,
 * below a title (a 汇总表). Call before the first sb_sheetin_next. */
void sb_sheetin_ragged(struct sb_sheetin *s);

/* The sheet path findings use ("FILE.xlsx#SHEET", the sheet resolved);
 * borrowed until sb_sheetin_close. */
const char *sb_sheetin_path(const struct sb_sheetin *s);

/* Next row with a value into *rec (NULL at the end, and after), borrowed
 * until the next call. Returns SB_OK, or SB_EFORMAT / SB_EIO when the
 * workbook is damaged (err names the sheet and where). */
int sb_sheetin_next(struct sb_sheetin *s, struct sb_record **rec,
                    struct sb_error *err);

/* The workbook's size in bytes, and about how many of them were read
 * (the share of the sheet parsed; for progress). */
long long sb_sheetin_size(const struct sb_sheetin *s);
long long sb_sheetin_bytes_read(const struct sb_sheetin *s);

/* Close and free; NULL is a no-op. */
void sb_sheetin_close(struct sb_sheetin *s);

#endif
