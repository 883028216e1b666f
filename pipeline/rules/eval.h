/* eval.h: evaluate bound rule expressions (see expr.h, bind.h) over the
 * declared figures, one annex row (inside where) and aggregate results.
 * This is the one evaluator of the rule language: rules, chart values,
 * column bounds and the where filter of every aggregate (agg.c) use it.
 *
 * Numbers carry a tolerance: half a unit of the last digit a figure was
 * declared with (12.6 万元 → ±0.05 万元), propagated through arithmetic
 * (sums add tolerances; products and quotients use first-order error
 * propagation). "=" holds when the difference is within the tolerances,
 * so counts compare exactly and money and percentages within the
 * precision they were declared with. */
#ifndef SB_PIPELINE_EVAL_H
#define SB_PIPELINE_EVAL_H

#include <stdint.h>

#include "rules/bind.h"
#include "rules/figure.h"
#include "rules/row.h"

struct sb_val {
    int vt;          /* enum sb_vtype; SB_VT_NONE = unknown */
    double num;      /* NUM, BOOL; DATE as days */
    double tol;      /* NUM: tolerance (same unit) */
    int enum_idx;    /* ENUM */
    uint64_t mask;   /* SET */
    const char *text; /* TEXT, STR (borrowed) */
    size_t len;
};

/* What an expression is evaluated over. */
struct sb_env {
    const struct sb_form *form;
    const struct sb_figure *figs;  /* one per form field */
    const struct sb_row *row;      /* inside a where, else NULL */
    const struct sb_val *aggs;     /* the result of each form->aggs
                                      (sb_agg_result), or NULL while the
                                      annexes are still being read */
};

/* Evaluate e into *out. Unknown inputs (a missing figure, an empty
 * cell, an aggregate of an absent annex) give vt = SB_VT_NONE. */
void sb_eval(const struct sb_expr *e, const struct sb_env *env,
             struct sb_val *out);

/* Evaluate a condition: 1 true, 0 false, -1 unknown. */
int sb_eval_cond(const struct sb_expr *e, const struct sb_env *env);

/* Compare two known values with op (SB_EX_EQ … SB_EX_APPROX), with the
 * tolerances of numbers. Returns 1 if the comparison holds. */
int sb_eval_compare(int op, const struct sb_val *a, const struct sb_val *b);

#endif
