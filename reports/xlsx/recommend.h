/* recommend.h: the 推荐信息汇总表 of notice 002 附件3, which each
 * recommending unit (推荐单位: a province's industry department) fills
 * in for the platforms it recommends, and the quota of 002 二、(二):
 * 所推荐的工业互联网平台数量一般不超过2个.
 *
 * Declarations are checked one by one (sb_decl_check) and added; what
 * the summary needs is copied, so each can be freed at once. They are
 * grouped by 推荐单位, compared by matching key (sb_norm_key: spaces and
 * full-/half-width differences do not split a unit), in the order they
 * were added; each unit gets one sheet:
 *
 *   2023年跨行业跨领域工业互联网平台推荐信息汇总表
 *   推荐单位（盖章）：<unit>
 *   联系人：             (left for the unit to fill in)
 *   联系方式：
 *   序号 | 工业互联网平台名称 | 依托企业 | 联系人 | 联系方式（手机）
 *   注：推荐数量不能超过规定的上限。
 *
 * What the form calls these is edition data (edition.csv): the title
 * (summary_title), the note (summary_note), the quota (recommend_max)
 * and its source (recommend_source), and the field codes of the unit
 * (recommender), the platform's name (platform), the company (company),
 * the contact's name (contact) and mobile (contact_mobile). */
#ifndef SB_REPORTS_RECOMMEND_H
#define SB_REPORTS_RECOMMEND_H

#include "findings/finding.h"
#include "base/sb.h"
#include "typeset/fonts.h"

/* Only a pointer: this header is also included beside typeset.h, which
 * cannot be included with decl.h (both name a struct sb_column). */
struct sb_decl;
struct sb_recommend;

/* A new, empty summary. Free with sb_recommend_free. */
struct sb_recommend *sb_recommend_new(void);

/* Add the checked declaration d (borrowed for the call only). Returns
 * SB_OK, or SB_EUSAGE with err when its edition has no summary table or
 * differs from the first declaration's. */
int sb_recommend_add(struct sb_recommend *r, const struct sb_decl *d,
                     struct sb_error *err);

/* Findings of the summary into fs: recommend.quota (error, 002 二、(二))
 * for each unit recommending more platforms than the quota, at the
 * 推荐单位 of the first declaration over it; recommend.no-recommender
 * (warning) for a declaration that names no unit (grouped under
 * "（未填写推荐单位）"); recommend.declaration-errors (warning) for one
 * whose own check found errors. */
void sb_recommend_check(const struct sb_recommend *r, struct sb_findings *fs);

/* Write the summary workbook to path (temporary file, then rename).
 * Returns SB_OK, SB_EUSAGE (nothing was added), SB_EIO or SB_ERENDER
 * with err. Deterministic: dated by the latest 申报日期 added. */
int sb_recommend_write(const struct sb_recommend *r, const char *path,
                       struct sb_error *err);

/* Write the summary as a PDF to path, in the page format of the
 * notice's forms (A4, GB/T 9704 版心; recommend_pdf.c): one page per
 * unit, the label above the title (summary_label: 附件3), the table
 * with numbered blank rows up to the quota to fill in by hand. fonts is
 * borrowed; characters no face has are findings in fs (may be NULL).
 * Returns SB_OK, SB_EUSAGE (nothing was added), SB_EIO or SB_ERENDER
 * with err; path is then as it was. Deterministic. */
int sb_recommend_write_pdf(const struct sb_recommend *r, const char *path,
                           struct sb_fonts *fonts, struct sb_findings *fs,
                           struct sb_error *err);

/* NULL is a no-op. */
void sb_recommend_free(struct sb_recommend *r);

#endif
