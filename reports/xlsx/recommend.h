/* recommend.h: the 汇总表 a recommending unit (推荐单位: a province's
 * industry department, a 计划单列市, a central enterprise, an
 * association) fills in for the declarations of one call that it
 * recommends, and the call's quotas.
 *
 * Declarations are checked one by one (sb_decl_check) and added; what
 * the summary needs is copied, so each can be freed at once. One
 * summary holds one call (edition.csv summary_title: the three 2020
 * pilot forms share theirs). Declarations are grouped by 推荐单位,
 * compared by matching key (sb_norm_key: spaces and full-/half-width
 * differences do not split a unit), in the order they were added; each
 * unit gets one sheet and one page:
 *
 *   <summary_label>                      附件3, 附件7
 *   <summary_title>
 *   <summary_lines>                      推荐单位（盖章）：<unit> …
 *   <summary_columns>                    序号 | 项目名称 | …
 *   <summary_note>
 *
 * What fills each column after 序号 is edition data (summary_fields,
 * one per column, split by |): a role of edition.csv (platform,
 * company …) or a field code, "a+b" for two joined by "，", "=text" for
 * a text of the edition (its 申报方向). The quotas are the edition's
 * quotas.csv (scope,match,label,max,source): per recommending unit
 * (unit), per unit of a kind (class: the 推荐单位类型 of role
 * recommending_unit_class) and per city of the declarants (region: the
 * 3rd-6th characters of the USCC of role uscc, GB/T 2260), each row
 * citing its notice. */
#ifndef SB_REPORTS_RECOMMEND_H
#define SB_REPORTS_RECOMMEND_H

#include "findings/finding.h"
#include "base/sb.h"
#include "typeset/fonts.h"

/* Only a pointer: this header is also included beside typeset.h, which
 * cannot be included with decl.h (both name a struct sb_column). */
struct sb_decl;
struct sb_recommend;

/* The call d belongs to (its summary_title, borrowed from d), or NULL
 * when its edition has no 汇总表. */
const char *sb_recommend_call(const struct sb_decl *d);

/* The call of the summary (its summary_title), or NULL before the
 * first declaration; borrowed. */
const char *sb_recommend_title(const struct sb_recommend *r);

/* What the i-th declaration added recommends (its first column after
 * 序号: the platform, project or case), or NULL when not filled in;
 * borrowed. */
const char *sb_recommend_name(const struct sb_recommend *r, int i);

/* A new, empty summary. Free with sb_recommend_free. */
struct sb_recommend *sb_recommend_new(void);

/* Add the checked declaration d (borrowed for the call only). Returns
 * SB_OK, SB_EUSAGE with err when its edition has no summary table or
 * belongs to another call than the first declaration's, or SB_EFORMAT
 * when the edition's summary_* or quotas.csv do not hold together. */
int sb_recommend_add(struct sb_recommend *r, const struct sb_decl *d,
                     struct sb_error *err);

/* Findings of the summary into fs: batch.quota (error, citing the
 * quotas.csv row) for each unit recommending more than its quota, at
 * the 推荐单位 of the first declaration over it, and for each city
 * whose declarants are more than its region's quota, at the USCC of the
 * first one over it; batch.duplicate-declarant (error) for a USCC
 * already declared, at the later one, naming both directories
 * (one_per_declarant_source); batch.no-recommender
 * (warning) for a declaration that names no unit (grouped under
 * "（未填写推荐单位）"). A declaration's own findings are its check's
 * (the batch reports them beside these). */
void sb_recommend_check(const struct sb_recommend *r, struct sb_findings *fs);

/* Reconcile the batch with the recommending department's own 汇总表 at
 * path: a CSV file, or a workbook (.xlsx, .xls) whose every sheet is
 * read (the workbook sb_recommend_write writes reads back). In each
 * table the header row is the one whose first cell is 序号 and that has
 * the summary's name column (summary_columns' second, matched by
 * sb_norm_key); the rows below it with a name are declarations, matched
 * to the batch's by that name. Findings into fs, all errors (source
 * "shenbao：汇总表与申报书一致"):
 *   batch.listed-absent    a row naming no declaration of the batch (or
 *                          naming none, its other cells filled), at its
 *                          name cell (path:row:col, a sheet's as
 *                          FILE.xlsx#SHEET)
 *   batch.listed-twice     a row naming a declaration an earlier row
 *                          named, at its name cell
 *   batch.not-listed       a declaration no row names, at its name in
 *                          its form.csv
 *   batch.summary-differs  a cell of a listed declaration that differs
 *                          from the declaration's own (compared by
 *                          sb_norm_key), at the cell, naming its column,
 *                          expected the declaration's value, found the
 *                          table's
 *   batch.summary-header   no such header row anywhere, at path:1:1
 * and what the CSV or workbook reader finds. Returns SB_OK, or SB_EIO /
 * SB_EFORMAT / SB_EENCODING with err when path cannot be read. */
int sb_recommend_reconcile(const struct sb_recommend *r, const char *path,
                           struct sb_findings *fs, struct sb_error *err);

/* Write the summary workbook to path (temporary file, then rename).
 * Returns SB_OK, SB_EUSAGE (nothing was added), SB_EIO or SB_ERENDER
 * with err. Deterministic: dated by the latest 申报日期 added. */
int sb_recommend_write(const struct sb_recommend *r, const char *path,
                       struct sb_error *err);

/* Write the summary as a PDF to path, in the page format of the
 * notice's forms (A4, GB/T 9704 版心; recommend_pdf.c): one page per
 * unit, the label above the title (summary_label: 附件3), the table
 * with numbered blank rows up to the unit's quota to fill in by hand,
 * in 4号, 小4号 or 5号 (the largest at which each unit's page is one
 * page; a unit whose rows cannot be goes on under 续表), no column
 * narrower than its widest e-mail or phone number. fonts is
 * borrowed; characters no face has are findings in fs (may be NULL).
 * Returns SB_OK, SB_EUSAGE (nothing was added), SB_EIO or SB_ERENDER
 * with err; path is then as it was. Deterministic. */
int sb_recommend_write_pdf(const struct sb_recommend *r, const char *path,
                           struct sb_fonts *fonts, struct sb_findings *fs,
                           struct sb_error *err);

/* NULL is a no-op. */
void sb_recommend_free(struct sb_recommend *r);

#endif
