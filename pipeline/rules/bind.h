/* bind.h: resolve the names of a parsed rule against a form edition,
 * check types, and register the aggregates it needs.
 *
 * Names bind to declared fields ("orders.total"), annexes ("items"), or
 * columns ("items.kind"; inside a where or by, a bare column code).
 * String literals compared with an enumeration must be one of its values
 * (the value's index is stored), compared with a date must be a date.
 * Every aggregate call gets an index into form->aggs, which a check run
 * uses to find its accumulator. Special rules (rules/special.h) bind
 * their arguments and the aggregates they build with these functions;
 * rules/open.h binds a whole form. */
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

/* Bind a comparison rule. Returns SB_OK, or SB_EFORMAT with err->msg
 * naming the problem. (A rule that calls a special rule is bound by
 * sb_bind_rule, rules/open.h.) */
int sb_bind_compare(struct sb_form *f, struct sb_expr *e,
                    struct sb_error *err);

/* Bind an argument of a special rule: e must name a column
 * ("annex.column"), a field, or be a condition over figures. As
 * sb_bind_compare otherwise. */
int sb_bind_column(struct sb_form *f, struct sb_expr *e, struct sb_error *err);
int sb_bind_field(struct sb_form *f, struct sb_expr *e, struct sb_error *err);
int sb_bind_cond(struct sb_form *f, struct sb_expr *e, struct sb_error *err);

/* Bind a value expression (a bound of a column of annex a, or a chart
 * value): numbers, dates, figures, arithmetic; aggregates allowed. */
int sb_bind_value(struct sb_form *f, const struct sb_annex *a,
                  struct sb_expr *e, struct sb_error *err);

/* Bind chart data: a number (a figure, an aggregate, arithmetic), or an
 * aggregate with by, or top(). */
int sb_bind_data(struct sb_form *f, struct sb_expr *e, struct sb_error *err);

/* Bind e as a cell of a table chart (kind table): any one value, a
 * figure of any type, a number or a string ('见申报书'); SB_EFORMAT when
 * it does not bind or gives groups. */
int sb_bind_cell(struct sb_form *f, struct sb_expr *e, struct sb_error *err);

/* Give special rule e the aggregate h it built (e then owns it) and
 * bind h as sb_bind_data does. */
int sb_bind_hidden(struct sb_form *f, struct sb_expr *e, struct sb_expr *h,
                   struct sb_error *err);

/* The aggregate functions: count, sum, min, max, distinct, top. */
int sb_is_aggregate(const char *name);

#endif
