/* checklist.c: the rows of the 核对表 (see checklist.h). */
#include "check/checklist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "check/check.h"
#include "form/expr.h"

int sb_checklist_has(const struct sb_decl *d, int i)
{
    enum sb_type t = d->form->fields[i].type;

    return t == SB_TYPE_INT || t == SB_TYPE_DECIMAL || t == SB_TYPE_MONEY ||
           t == SB_TYPE_PERCENT;
}

/* Does the rule ask for equality (rather than a bound, as "不多于")? */
static int is_equality(const struct sb_expr *e)
{
    return e->op == SB_EX_EQ || e->op == SB_EX_APPROX;
}

/* The result of the rule that checks field against the lists (lists
 * set) or against other figures: a failing one first, then a passing
 * one, then a skipped one; NULL if none. */
static const struct sb_rule_result *list_result(const struct sb_decl *d,
                                                int field, int lists)
{
    const struct sb_rule_result *best = NULL;
    static const int rank[] = {
        [SB_RULE_FAIL] = 3, [SB_RULE_PASS] = 2, [SB_RULE_SKIPPED] = 1};

    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_rule_result *r = &d->results[i];

        if (r->field != field || r->computed != lists)
            continue;
        if (best == NULL || rank[r->status] > rank[best->status])
            best = r;
    }
    return best;
}

/* The computed side of a rule result, in canonical units. */
static double computed_value(const struct sb_rule_result *r)
{
    return sb_expr_uses_annex(r->rule->expr->a) ? r->lhs : r->rhs;
}

/* x to 15 significant digits, so 9125.36 万元 (91253600 元 / 10^4) is
 * 9125.36, not 9125.360000000001. */
static double tidy(double x)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%.15g", x);
    return strtod(buf, NULL);
}

/* A canonical value in the unit the figure is shown in. */
static double shown(const struct sb_field *f, double v)
{
    if (f->type == SB_TYPE_MONEY)
        return tidy(v / f->yuan_per_unit);
    if (f->type == SB_TYPE_PERCENT)
        return tidy(v / 100);
    return v;
}

/* Decimals to show x with (x in the shown unit; percentages count the
 * digits of the percentage): the declared scale, up to two more when x
 * is finer. */
static int decimals(const struct sb_field *f, int scale, double x)
{
    int dec = f->type == SB_TYPE_INT ? 0 : scale;
    double y = f->type == SB_TYPE_PERCENT ? x * 100 : x;

    while (dec < scale + 2 && dec < SB_CHECKLIST_MAX_DECIMALS &&
           fabs(y * pow(10, dec) - round(y * pow(10, dec))) > 1e-6)
        dec++;
    return dec > SB_CHECKLIST_MAX_DECIMALS ? SB_CHECKLIST_MAX_DECIMALS : dec;
}

void sb_checklist_row(const struct sb_decl *d, int i,
                      struct sb_checklist_row *row)
{
    const struct sb_field *f = &d->form->fields[i];
    const struct sb_figure *g = &d->figs[i];
    const struct sb_rule_result *r = list_result(d, i, 1);
    const struct sb_rule_result *by = r != NULL ? r : list_result(d, i, 0);

    row->field = f;
    row->fig = g;
    row->result = by;
    row->has_declared = g->state == SB_FIG_OK;
    row->has_computed = r != NULL && r->status != SB_RULE_SKIPPED;
    row->declared = row->has_declared ? shown(f, g->value) : 0;
    row->computed = row->has_computed ? shown(f, computed_value(r)) : 0;
    row->diff = tidy(row->computed - row->declared);
    row->decimals = decimals(f, g->scale, row->computed);
    if (by == NULL)
        row->status = SB_CHECKLIST_NO_LIST;
    else if (by->status == SB_RULE_FAIL)
        row->status = SB_CHECKLIST_DIFFERS;
    else if (by->status == SB_RULE_SKIPPED)
        row->status = SB_CHECKLIST_UNCHECKED;
    else
        row->status = is_equality(by->rule->expr) ? SB_CHECKLIST_AGREES
                                                 : SB_CHECKLIST_WITHIN;
}

const char *sb_checklist_status_text(enum sb_checklist_status s)
{
    switch (s) {
    case SB_CHECKLIST_AGREES:
        return "一致";
    case SB_CHECKLIST_WITHIN:
        return "符合";
    case SB_CHECKLIST_DIFFERS:
        return "不一致";
    case SB_CHECKLIST_UNCHECKED:
        return "未核对";
    case SB_CHECKLIST_NO_LIST:
        return "无清单核对";
    }
    return "?";
}
