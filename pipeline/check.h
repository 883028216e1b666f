/* check.h: the steps of a check run (decl.c drives them):
 *   figures.c  form.csv → the declared figures
 *   annex.c    one annex file → validated cells, unique keys, aggregates
 *   rule.c     the rules → findings
 * Each step adds findings to d->findings and returns a run status. */
#ifndef SB_PIPELINE_CHECK_H
#define SB_PIPELINE_CHECK_H

#include "decl.h"
#include "table.h"

/* The edition a form.csv names in its "edition" (表单版本) row, or NULL.
 * Borrowed from t. */
const char *sb_figures_edition(const struct sb_table *t);

/* Fill d->figs from form.csv read as t: each row's field by code or by
 * Chinese label, its value parsed by the field's type. Unknown,
 * repeated, ambiguous, invalid and missing fields are findings. */
void sb_figures_read(struct sb_decl *d, const struct sb_table *t);

/* Which annex a file name (without directory) is for: the index of the
 * annex whose code, title or "附件N" the name matches, or -1. */
int sb_annex_match(const struct sb_form *f, const char *name);

/* The column of annex a that header h (as written) means, or -1; a
 * trailing "（元）", "（万元）" or "（亿元）" also sets *unit to the 元
 * per unit it names (else *unit = 0). */
int sb_annex_header_column(const struct sb_annex *a, const char *h,
                           double *unit);

/* Read and check annex idx of d from path: map the header, validate
 * every cell, check unique columns, fold every row into aggs (the
 * accumulators of d->aggs that belong to this annex, n of them).
 * progress (may be NULL) is updated with the bytes read so far.
 * Returns SB_OK or SB_EIO (unreadable file; err set). */
int sb_annex_read(struct sb_decl *d, int idx, const char *path,
                  struct sb_agg **aggs, int n, volatile long long *progress,
                  struct sb_error *err);

/* Evaluate every rule of the form on d, adding a finding for each rule
 * that does not hold and an info finding for each rule that could not
 * be evaluated (a figure missing, an annex absent). */
void sb_rules_run(struct sb_decl *d);

#endif
