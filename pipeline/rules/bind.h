/* bind.h: resolve the names of a parsed rule against a form edition,
 * check types, and register the aggregates it needs.
 *
 * Names bind to declared fields ("devices.total"), annexes ("devices"),
 * or columns ("devices.class"; inside a where or by, a bare column code).
 * String literals compared with an enumeration must be one of its values
 * (the value's index is stored), compared with a date must be a date.
 * Every aggregate call gets an index into form->aggs, which a check run
 * uses to find its accumulator. Special rules (top_n, required_if,
 * heading_counts) get the aggregates they need as hidden children. */
#ifndef SB_PIPELINE_BIND_H
#define SB_PIPELINE_BIND_H

#include "form/expr.h"
#include "form/form.h"

/* What an expression evaluates to. */
enum sb_vtype {
    SB_VT_NONE,
    SB_VT_NUM,  /* a number (money in 元, percentages in percent) */
    SB_VT_DATE, /* days since 1970-01-01 */
    SB_VT_BOOL, /* 0 or 1 */
    SB_VT_TEXT, /* text */
    SB_VT_ENUM, /* index into an enumeration */
    SB_VT_SET,  /* a set of enumeration values (bit mask) */
    SB_VT_STR,  /* a string literal not yet given a meaning */
    SB_VT_GROUPS, /* an aggregate with "by": one value per group */
};

/* Special rules, by index (expr->special). */
enum sb_special {
    SB_SPECIAL_TOP_N,
    SB_SPECIAL_REQUIRED_IF,
    SB_SPECIAL_HEADING_COUNTS,
};

/* Bind everything form f (loaded by sb_form_load) says in its rule
 * language: the column bounds, the rules, the charts' data, in that
 * order, registering their aggregates in f->aggs. Returns SB_OK, or
 * SB_EFORMAT with err naming the file:row:col of the expression, what it
 * is ("rule ID", "bound \"…\"", "chart data \"…\"") and the problem.
 * On failure f is half bound: free it. */
int sb_form_bind(struct sb_form *f, struct sb_error *err);

/* Load edition code (sb_form_load_edition) and bind it: the form a
 * check runs. Returns SB_OK and *out (free with sb_form_free), or the
 * error of either step with *out = NULL. */
int sb_form_open(struct sb_form **out, const char *code,
                 struct sb_error *err);

/* Bind a rule (a comparison or a special call). Returns SB_OK, or
 * SB_EFORMAT with err->msg naming the character column and the
 * problem. */
int sb_bind_rule(struct sb_form *f, struct sb_expr *e, struct sb_error *err);

/* Bind a value expression (a bound of a column of annex a, or a chart
 * value): numbers, dates, figures, arithmetic; aggregates allowed. */
int sb_bind_value(struct sb_form *f, const struct sb_annex *a,
                  struct sb_expr *e, struct sb_error *err);

/* Bind chart data: a number (a figure, an aggregate, arithmetic), or an
 * aggregate with by, or top(). */
int sb_bind_data(struct sb_form *f, struct sb_expr *e, struct sb_error *err);

/* The aggregate functions: count, sum, min, max, distinct, top. */
int sb_is_aggregate(const char *name);

#endif
