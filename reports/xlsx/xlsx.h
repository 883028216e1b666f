/* xlsx.h: the annex workbook: every annex list of a checked declaration
 * as an Excel sheet, behind a 核对表 of the declared figures.
 *
 * Notice 002 附件2 说明 3 lets large lists go in electronic form (列表数据
 * 庞大的，可提供电子版); this is that form. Sheets, in order:
 *
 *   核对表      every numeric figure of the form (int, decimal, money,
 *               percent) in form order: 章节, 项目, 代码, 单位, 申报值,
 *               清单计算值, 差额, 状态, 核对规则, 依据. 状态 is 一致 (the
 *               list gives the figure), 符合 (the list is within a bound
 *               the figure sets: 清单所用协议不多于兼容协议数), 不一致 (the
 *               rule fails; the row is red), 未核对 (a figure or list is
 *               missing; amber) or 无清单核对 (no rule checks the figure
 *               against a list).
 *   清单概况    one row per annex of the form: file, encoding, data rows,
 *               its first sheet (a link) and how many sheets it took.
 *   附件N 标题  one per annex present, in form order, then its
 *               continuations "附件1 工业设备清单（续1）" … when it passes
 *               Excel's 1,048,576 rows (each repeats the header row).
 *
 * An annex sheet holds every record of the file, in order, at the row
 * number findings give (the header is row 1), and every column of the
 * file, unknown ones too. Valid numbers of int, decimal, money and
 * percent columns are numbers (money in the unit the file used, shown
 * with it: 147.68万元; percentages as fractions shown 12.5%), dates are
 * Excel dates shown yyyy-mm-dd, everything else is text: IDs, codes and
 * phone numbers never become numbers in scientific notation. A cell
 * that does not parse is written as its text, never dropped. Cells are
 * trimmed of surrounding spaces. Excel's limit of 32,767 characters per
 * cell cuts longer text, marked "…（超出Excel单元格上限，已截断）".
 *
 * The annexes are read again, streamed with sb_csvin, and written in
 * libxlsxwriter's constant-memory mode: memory does not grow with rows.
 * The workbook is deterministic: its creation date is the declaration's
 * 申报日期 (edition key "date"), else 2000-01-01; the same declaration
 * gives the same bytes. */
#ifndef SB_REPORTS_XLSX_H
#define SB_REPORTS_XLSX_H

#include "check/decl.h"
#include "base/sb.h"

struct sb_xlsx_opts {
    int mask;           /* mask the form's personal-data columns (mask.h) */
    const char *tmpdir; /* where libxlsxwriter keeps each sheet's data until
                           the end (about 600 bytes per row); NULL: the
                           directory of the output */
};

/* Write the annex workbook of d (from sb_decl_check, borrowed) to path,
 * through a temporary file renamed over path at the end: on failure path
 * is untouched. opts may be NULL (no masking). Returns SB_OK, or SB_EIO
 * (an annex cannot be read again, the file cannot be written) or
 * SB_ERENDER (libxlsxwriter failed) with err. */
int sb_xlsx_write(const struct sb_decl *d, const char *path,
                  const struct sb_xlsx_opts *opts, struct sb_error *err);

#endif
