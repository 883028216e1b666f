/* html.h: the findings report as one HTML page, for people who click
 * through findings rather than read a terminal (`shenbao check --html
 * FILE`, and check.html in `shenbao build`).
 *
 * One self-contained file: inline CSS and a small script of its own, no
 * framework, nothing fetched (a Content-Security-Policy forbids every
 * load). Sections, each under its heading:
 *   概况      the verdict and the counts per severity (accepted apart),
 *   发现      every stored finding: severity, rule, cell (file:row:
 *             column, the file relative to the declaration), column,
 *             message, expected, found, 依据; grouped by severity, rule or
 *             file; filtered by severity, rule, file and text; sorted by
 *             any column (buttons in the header, aria-sort). The filter is
 *             kept in the address (#findings?sev=error&rule=…), so a link
 *             opens the same view; without the script the table is
 *             grouped by severity, in the order of the text report.
 *   核对表    every numeric figure beside the value its list gives, with
 *             the status in words and colour (check/checklist.h, the data
 *             of the XLSX 核对表),
 *   按规则, 按文件  the counts per check (passed, failed, skipped) and per
 *             file, each a link to its findings.
 * Everything taken from the declaration is escaped (base/markup.h). The
 * page is deterministic: no date, the same bytes for the same run. */
#ifndef SB_REPORTS_HTML_H
#define SB_REPORTS_HTML_H

#include "base/sb.h"
#include "check/model.h"

/* Append the report of d (from sb_decl_check, with its findings as the
 * run ends: after a baseline was applied) to b. */
void sb_html_report(struct sb_decl *d, struct sb_buf *b);

/* Write the report of d to path, whole or not at all (sb_outfile_write).
 * Returns SB_OK, or SB_EIO with err and path untouched. */
int sb_html_write(struct sb_decl *d, const char *path, struct sb_error *err);

#endif
