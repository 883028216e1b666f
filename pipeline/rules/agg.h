/* agg.h: aggregates of annex lists, folded one row at a time.
 *
 * Each aggregate call of a form's rules (count, sum, min, max, distinct,
 * top; with where and by) gets one struct sb_agg per check run. A row
 * is offered as typed cells; the where condition is evaluated on it
 * (sb_eval_cond, the evaluator of every rule) and, if it holds, the row
 * is folded in. Memory is bounded by what the aggregate keeps: a count
 * is a number, distinct over text keeps one 64-bit hash per distinct
 * value, by keeps one entry per group, top keeps N entries. */
#ifndef SB_PIPELINE_AGG_H
#define SB_PIPELINE_AGG_H

#include <stddef.h>
#include <stdint.h>

#include "rules/eval.h"
#include "rules/row.h"

struct sb_form;
struct sb_expr;
struct sb_figure;

/* One group of an aggregate with by. */
struct sb_group {
    char *key;        /* the by-values joined by " / " (display) */
    char **parts;     /* each by-value as text (enum: canonical value) */
    long long count;
    double sum;
    long first_row;   /* record number of the first row in the group */
    long first_line;  /* its physical line */
};

/* One entry of top(label, value, N). */
struct sb_top {
    char *label;
    double value;
    long row;  /* record number */
    long line; /* physical line */
};

struct sb_agg;

/* New accumulator for the bound aggregate call e of form f; figs are
 * the declaration's figures (where-conditions may use them) and must
 * outlive the accumulator. */
struct sb_agg *sb_agg_new(const struct sb_form *f, const struct sb_expr *e,
                          const struct sb_figure *figs);
void sb_agg_free(struct sb_agg *a);

/* Fold one row in. Not thread-safe per accumulator. */
void sb_agg_add(struct sb_agg *a, const struct sb_row *row);

/* Row by row, what a distinct(...) without by counts: returns 1 when
 * row is one it counts (its where holds and every part has a value),
 * with *key the value it is counted as (rows of equal keys are one
 * distinct value; the count is the number of different keys); 0 when
 * the where does not hold (or a is no such call), -1 when a part has no
 * valid value. Does not fold the row in. */
int sb_agg_distinct_key(struct sb_agg *a, const struct sb_row *row,
                        uint64_t *key);

/* Reading one annex in parts: a new empty accumulator for the same
 * call as a; clear a back to empty; and fold what from collected (from
 * rows that all come after into's, with row_off and line_off added to
 * its row numbers) into `into`. The merge gives exactly what folding
 * from's rows into `into` would have given; where it cannot (sums of
 * non-integers depend on the order of addition) it returns 0 and leaves
 * into unchanged, else 1. */
struct sb_agg *sb_agg_clone_empty(const struct sb_agg *a);
void sb_agg_reset(struct sb_agg *a);
int sb_agg_can_merge(const struct sb_agg *into, const struct sb_agg *from);
int sb_agg_merge(struct sb_agg *into, const struct sb_agg *from, long row_off,
                 long line_off);

/* Mark that the annex was read, so the result is known (an annex that
 * is absent leaves its aggregates unknown and their rules unevaluated). */
void sb_agg_set_known(struct sb_agg *a);
int sb_agg_known(const struct sb_agg *a);

/* Scalar result: count, sum, number of distinct values, min or max.
 * min/max of no rows: *have = 0. */
double sb_agg_value(const struct sb_agg *a, int *have);

/* The result as a value of the rule language (eval.h): a number (a
 * date for min/max of dates), or unknown (SB_VT_NONE) while the annex
 * is absent or when min/max saw no rows. What struct sb_env's aggs
 * holds. */
void sb_agg_result(const struct sb_agg *a, struct sb_val *out);

/* Groups of an aggregate with by, sorted by key; borrowed. */
const struct sb_group *sb_agg_groups(const struct sb_agg *a, long *n);

/* Entries of top(), best first (ties: earlier row first); borrowed. */
const struct sb_top *sb_agg_top(const struct sb_agg *a, long *n);

/* The bound call this accumulator computes. */
const struct sb_expr *sb_agg_expr(const struct sb_agg *a);

#endif
