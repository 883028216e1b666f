/* bookpath.h: how a sheet of an Excel workbook is named where a file
 * path is expected: "annex/清单.xlsx#附件1 工业设备清单" (the workbook's
 * path, '#', the sheet's name as Excel shows it on its tab), and how a
 * cell of it is named as Excel users name one ("附件1!C1234"). A path
 * whose file part does not end in .xlsx or .xls (any case) is a plain
 * file, '#' or not. */
#ifndef SB_PIPELINE_BOOKPATH_H
#define SB_PIPELINE_BOOKPATH_H

#include <stddef.h>

#include "base/sb.h"

enum sb_book_kind {
    SB_BOOK_NONE, /* not a workbook */
    SB_BOOK_XLSX, /* Office Open XML (Excel 2007 and later) */
    SB_BOOK_XLS,  /* BIFF (Excel 97-2003) */
};

/* Which kind of workbook path is, by the extension of its file part.
 * *file_len (may be NULL) receives the length in bytes of the file part
 * (the whole path when there is no "#SHEET"), and *sheet (may be NULL)
 * the sheet's name inside path (borrowed) or NULL when none is named. */
enum sb_book_kind sb_book_kind(const char *path, size_t *file_len,
                               const char **sheet);

/* Append to b the cell at row (1-based, as Excel numbers rows) and col
 * (1-based: 1 = A, 27 = AA) of the sheet path names: "附件1!C1234", the
 * sheet quoted as Excel quotes it ('my sheet'!C3) when its name holds a
 * space or punctuation. Appends nothing when path names no sheet or row
 * or col is not positive. Returns whether it appended. */
int sb_book_cell_name(struct sb_buf *b, const char *path, long row, int col);

#endif
