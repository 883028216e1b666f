/* check.h: the steps of a check run (decl.c drives them):
 *   figures.c  form.csv → the declared figures
 *   annex*.c   one annex file → validated cells, unique keys, aggregates
 *   rule.c     the rules → findings
 * Each step adds findings to d->findings and returns a run status. */
#ifndef SB_PIPELINE_CHECK_H
#define SB_PIPELINE_CHECK_H

#include "check/model.h"
#include "read/table.h"

/* The edition a form.csv names in its "edition" (表单版本) row, or NULL.
 * Borrowed from t. pos (may be NULL) receives where the value is
 * (path, row, column) when there is one. */
const char *sb_figures_edition(const struct sb_table *t, struct sb_pos *pos);

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

/* The same read, which a big file may split in two parts for two
 * threads. sb_annex_open opens the file and reads its header; with
 * may_split, a file of 8 MiB or more is read speculatively (taken as
 * plain UTF-8, checked as it is read) and, when it has a line start near
 * its middle, in two parts: sb_annex_parts then says 2, and
 * sb_annex_run(j, 0) and sb_annex_run(j, 1) may run at once on two
 * threads (each once; part 1 may also never run). sb_annex_close, after
 * both, takes part 1 as read when that gives exactly what reading in
 * order gives: no quote in the file, no key of a unique column in both
 * parts (nor twice in part 1), accumulators that merge exactly (see
 * sb_agg_merge). Otherwise it reads on in order from the split, and a
 * file that turns out not to be plain UTF-8 is read again the usual way.
 * Findings, rows and results are always those of sb_annex_read.
 * progress: [2] bytes read by each part (may be NULL). Call
 * sb_annex_close once whatever sb_annex_open returned; it frees j and
 * returns the read's status. */
struct sb_annex_job;
int sb_annex_open(struct sb_decl *d, int idx, const char *path,
                  struct sb_agg **aggs, int n, volatile long long *progress,
                  int may_split, struct sb_annex_job **out,
                  struct sb_error *err);
int sb_annex_parts(const struct sb_annex_job *j);
int sb_annex_run(struct sb_annex_job *j, int part, struct sb_error *err);
int sb_annex_close(struct sb_annex_job *j, struct sb_error *err);

/* Evaluate every rule of the form on d, adding a finding for each rule
 * that does not hold and an info finding for each rule that could not
 * be evaluated (a figure missing, an annex absent). */
void sb_rules_run(struct sb_decl *d);

/* Does e (a bound expression) read an aggregate of an annex list? */
int sb_expr_uses_annex(const struct sb_expr *e);

#endif
