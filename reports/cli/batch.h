/* batch.h: a recommending department's batch of declarations (issue 14
 * §4-5): each declaration checked as `shenbao check` checks it, the
 * call's quotas and duplicate declarants (xlsx/recommend.h), the batch
 * reconciled with the department's own 汇总表 when there is one, the
 * call's 汇总表 (XLSX and PDF) and a one-page overview per declaration
 * (report/overview.h). Shared by `shenbao batch` and `shenbao build` on
 * a batch directory.
 *
 * Findings: each declaration keeps its own, and the batch's findings
 * located in a declaration's files (a quota at its 推荐单位, a duplicate
 * at its USCC, a declaration not listed at its name) join them, so
 * that each declaration is one suite of the JUnit report; the others
 * (those on the department's 汇总表) are the batch's own. */
#ifndef SB_REPORTS_BATCH_H
#define SB_REPORTS_BATCH_H

#include <stdio.h>

#include "check/decl.h"

/* The findings formats of `shenbao check`. */
enum sb_findings_format { SB_FMT_TEXT, SB_FMT_JSON, SB_FMT_JUNIT };

struct sb_batch;

/* The declarations of a batch directory: dir holds no form.csv but
 * folders that do (links to folders only when links is 1). Their paths
 * in name order into *out (free each and the array); returns how many,
 * 0 when dir is no batch directory. */
int sb_batch_dirs(const char *dir, int links, char ***out);

/* The department's 汇总表 in batch directory dir: the first file, by
 * name, of dir itself whose name holds "汇总表" and ends in .csv, .xlsx
 * or .xls (any case); a new string, or NULL when there is none. */
char *sb_batch_summary_in(const char *dir);

/* Check the n declarations dirs (in this order) with opts, then the
 * batch: quotas and duplicates, and with summary (the department's
 * 汇总表, may be NULL) the reconciliation (sb_recommend_reconcile).
 * name is the batch as the findings name it (its directory, or NULL).
 * The progress line (base/progress.h) counts the declarations checked
 * ("核对申报书 2/5 份"); each one's own reading stage shows only when
 * opts->progress.
 * Returns SB_OK and *out (free with sb_batch_free), or the first run
 * error with err (a declaration that cannot be read, editions of
 * another call, an unreadable 汇总表). */
int sb_batch_run(struct sb_batch **out, char *const *dirs, int n,
                 const char *summary, const char *name,
                 const struct sb_check_opts *opts, struct sb_error *err);

/* Write the call's 汇总表 to xlsx and pdf and the overview to overview
 * (each through a temporary file; fonts_dir the official faces or
 * NULL). Characters the faces lack are findings of the batch. The
 * progress line shows the pages of the 汇总表 PDF and of the overview
 * (a page a declaration) as they are drawn. Returns SB_OK or the first
 * error with err; the files written stay. */
int sb_batch_write(struct sb_batch *b, const char *xlsx, const char *pdf,
                   const char *overview, const char *fonts_dir,
                   struct sb_error *err);

/* Write the findings as `shenbao check` writes them, one declaration
 * after the other, then the batch's own:
 *   text   each one's text report under a line "== 申报书 DIR", the batch's
 *          under "== 批次", then "batch: N declarations, N ready; N
 *          errors, N warnings, N info" (max_print and color as check's)
 *   json   {"declarations": [check's JSON of each], "batch": check's
 *          JSON of the batch's own, "errors": N, "warnings": N}
 *   junit  one <testsuite> per declaration, then the batch's
 * Returns SB_OK or SB_EIO. */
int sb_batch_write_findings(struct sb_batch *b, FILE *out,
                            enum sb_findings_format fmt, long max_print,
                            int color);

/* Error findings of the whole batch (not accepted). */
long sb_batch_errors(const struct sb_batch *b);

/* NULL is a no-op. */
void sb_batch_free(struct sb_batch *b);

#endif
