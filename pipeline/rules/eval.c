/* eval.c: evaluation of bound expressions with tolerances (eval.h). */
#include "rules/eval.h"

#include <math.h>
#include <string.h>

#include "cells/cell.h"

static void unknown(struct sb_val *v)
{
    memset(v, 0, sizeof *v);
    v->vt = SB_VT_NONE;
}

static void number(struct sb_val *v, double num, double tol)
{
    memset(v, 0, sizeof *v);
    v->vt = SB_VT_NUM;
    v->num = num;
    v->tol = tol;
}

static void figure_val(const struct sb_env *env, int i, struct sb_val *v)
{
    const struct sb_field *fd = &env->form->fields[i];
    const struct sb_figure *g = &env->figs[i];

    unknown(v);
    if (sb_figure_unknown(g))
        return;
    switch (fd->type) {
    case SB_TYPE_INT:
    case SB_TYPE_DECIMAL:
    case SB_TYPE_MONEY:
    case SB_TYPE_PERCENT:
        number(v, g->state == SB_FIG_NONE ? 0 : g->value,
               g->state == SB_FIG_NONE ? 0 : g->tol);
        break;
    case SB_TYPE_DATE:
        if (g->state == SB_FIG_NONE)
            return;
        v->vt = SB_VT_DATE;
        v->num = g->date;
        break;
    case SB_TYPE_BOOL:
        v->vt = SB_VT_BOOL;
        v->num = g->state == SB_FIG_NONE ? 0 : g->value;
        break;
    case SB_TYPE_ENUM:
        if (g->state == SB_FIG_NONE)
            return;
        v->vt = SB_VT_ENUM;
        v->enum_idx = g->enum_idx;
        break;
    case SB_TYPE_ENUM_LIST:
        v->vt = SB_VT_SET;
        v->mask = g->state == SB_FIG_NONE ? 0 : g->mask;
        break;
    default:
        if (g->state == SB_FIG_NONE)
            return;
        v->vt = SB_VT_TEXT;
        v->text = g->raw;
        v->len = strlen(g->raw);
    }
}

/* The value of column e (a name bound to a column) in row: its typed
 * cell, or unknown when the cell is empty or invalid. Text is borrowed
 * from row. */
static void column_val(const struct sb_expr *e, const struct sb_row *row,
                       struct sb_val *v)
{
    const struct sb_cellval *c = &row->cells[e->column];

    unknown(v);
    if (c->state != SB_CELL_OK)
        return;
    v->vt = e->vtype;
    switch (e->vtype) {
    case SB_VT_NUM:
    case SB_VT_DATE:
    case SB_VT_BOOL:
        v->num = c->num;
        break;
    case SB_VT_ENUM:
        v->enum_idx = c->enum_idx;
        break;
    case SB_VT_SET:
        v->mask = c->mask;
        break;
    default:
        v->text = c->text;
        v->len = c->len;
    }
}

static void literal(const struct sb_expr *e, struct sb_val *v)
{
    unknown(v);
    v->vt = e->vtype;
    switch (e->vtype) {
    case SB_VT_DATE:
        v->num = e->date;
        break;
    case SB_VT_ENUM:
        v->enum_idx = e->enum_idx;
        break;
    case SB_VT_BOOL:
        v->num = e->num;
        break;
    default:
        v->vt = e->op == SB_EX_NUM ? SB_VT_NUM : SB_VT_TEXT;
        v->num = e->num;
        v->text = e->str;
        v->len = e->str != NULL ? strlen(e->str) : 0;
    }
}

static void arith(const struct sb_expr *e, const struct sb_env *env,
                  struct sb_val *v)
{
    struct sb_val a, b;
    double r = 0, t = 0;

    sb_eval(e->a, env, &a);
    sb_eval(e->b, env, &b);
    if (a.vt == SB_VT_NONE || b.vt == SB_VT_NONE) {
        unknown(v);
        return;
    }
    switch (e->op) {
    case SB_EX_ADD:
        r = a.num + b.num;
        t = a.tol + b.tol;
        break;
    case SB_EX_SUB:
        r = a.num - b.num;
        t = a.tol + b.tol;
        break;
    case SB_EX_MUL:
        r = a.num * b.num;
        t = fabs(a.num) * b.tol + fabs(b.num) * a.tol;
        break;
    default:
        if (b.num == 0) {
            unknown(v);
            return;
        }
        r = a.num / b.num;
        t = (fabs(a.num) * b.tol + fabs(b.num) * a.tol) / (b.num * b.num);
    }
    number(v, r, t);
    if (e->vtype == SB_VT_DATE)
        v->vt = SB_VT_DATE;
}

static void month_start(const struct sb_expr *e, const struct sb_env *env,
                        struct sb_val *v)
{
    int y, m, d;

    sb_eval(e->args[0], env, v);
    if (v->vt != SB_VT_DATE)
        return;
    sb_date_to_ymd((int32_t)v->num, &y, &m, &d);
    v->num = sb_date_from_ymd(y, m, 1);
}

static int text_eq(const struct sb_val *a, const struct sb_val *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

int sb_eval_compare(int op, const struct sb_val *a, const struct sb_val *b)
{
    double d, tol, eps;

    if (a->vt == SB_VT_SET || b->vt == SB_VT_SET) {
        /* A set equals a value when it contains it. */
        const struct sb_val *s = a->vt == SB_VT_SET ? a : b;
        const struct sb_val *x = a->vt == SB_VT_SET ? b : a;
        int in = x->vt == SB_VT_ENUM && x->enum_idx >= 0 &&
                 x->enum_idx < 64 && (s->mask >> x->enum_idx) & 1;

        return op == SB_EX_NE ? !in : in;
    }
    if (a->vt == SB_VT_ENUM && b->vt == SB_VT_ENUM)
        return op == SB_EX_NE ? a->enum_idx != b->enum_idx
                              : a->enum_idx == b->enum_idx;
    if (a->vt == SB_VT_TEXT || b->vt == SB_VT_TEXT)
        return op == SB_EX_NE ? !text_eq(a, b) : text_eq(a, b);
    d = a->num - b->num;
    /* The declared precision gives the benefit of the doubt; eps only
     * absorbs floating-point rounding. */
    tol = a->tol + b->tol;
    eps = 1e-9 * fmax(1.0, fmax(fabs(a->num), fabs(b->num)));
    switch (op) {
    case SB_EX_EQ:
    case SB_EX_APPROX:
        return fabs(d) <= tol + eps;
    case SB_EX_NE:
        return fabs(d) > tol + eps;
    case SB_EX_LT:
        return tol > 0 ? d < tol : d < -eps;
    case SB_EX_LE:
        return d <= tol + eps;
    case SB_EX_GT:
        return tol > 0 ? d > -tol : d > eps;
    case SB_EX_GE:
        return d >= -(tol + eps);
    }
    return 0;
}

void sb_eval(const struct sb_expr *e, const struct sb_env *env,
             struct sb_val *out)
{
    switch (e->op) {
    case SB_EX_NUM:
    case SB_EX_STR:
        literal(e, out);
        return;
    case SB_EX_NAME:
        if (e->bound == SB_BOUND_FIELD)
            figure_val(env, e->field, out);
        else if (env->row != NULL)
            column_val(e, env->row, out);
        else
            unknown(out);
        return;
    case SB_EX_CALL:
        if (e->bound == SB_BOUND_AGG && env->aggs != NULL)
            *out = env->aggs[e->agg];
        else if (e->bound == SB_BOUND_AGG)
            unknown(out);
        else
            month_start(e, env, out);
        return;
    case SB_EX_NEG:
        sb_eval(e->a, env, out);
        out->num = -out->num;
        return;
    case SB_EX_ADD:
    case SB_EX_SUB:
    case SB_EX_MUL:
    case SB_EX_DIV:
        arith(e, env, out);
        return;
    default: {
        int c = sb_eval_cond(e, env);

        unknown(out);
        if (c >= 0) {
            out->vt = SB_VT_BOOL;
            out->num = c;
        }
    }
    }
}

/* Kleene's three-valued "and" and "or" of two conditions (1 true,
 * 0 false, -1 unknown): false and anything is false, true or anything
 * is true, else unknown wins. Callers short-circuit before y. */
static int cond_and(int x, int y)
{
    return x == 0 || y == 0 ? 0 : (x < 0 || y < 0 ? -1 : 1);
}

static int cond_or(int x, int y)
{
    return x == 1 || y == 1 ? 1 : (x < 0 || y < 0 ? -1 : 0);
}

/* "column = 'value'" on an enumeration column, the filter most rows
 * meet: the cell's value index against the literal's, as
 * sb_eval_compare would compare them, without building values. */
static int enum_cell_compare(const struct sb_expr *e, const struct sb_row *row)
{
    const struct sb_cellval *c = &row->cells[e->a->column];

    if (c->state != SB_CELL_OK)
        return -1;
    return e->op == SB_EX_NE ? c->enum_idx != e->b->enum_idx
                             : c->enum_idx == e->b->enum_idx;
}

int sb_eval_cond(const struct sb_expr *e, const struct sb_env *env)
{
    struct sb_val a, b;
    int x;

    switch (e->op) {
    case SB_EX_AND:
        x = sb_eval_cond(e->a, env);
        if (x == 0)
            return 0;
        return cond_and(x, sb_eval_cond(e->b, env));
    case SB_EX_OR:
        x = sb_eval_cond(e->a, env);
        if (x == 1)
            return 1;
        return cond_or(x, sb_eval_cond(e->b, env));
    case SB_EX_NOT:
        x = sb_eval_cond(e->a, env);
        return x < 0 ? -1 : !x;
    case SB_EX_IN:
        sb_eval(e->a, env, &a);
        if (a.vt == SB_VT_NONE)
            return -1;
        for (int i = 0; i < e->n_args; i++) {
            sb_eval(e->args[i], env, &b);
            if (b.vt != SB_VT_NONE && sb_eval_compare(SB_EX_EQ, &a, &b))
                return 1;
        }
        return 0;
    case SB_EX_EQ:
    case SB_EX_NE:
    case SB_EX_LT:
    case SB_EX_LE:
    case SB_EX_GT:
    case SB_EX_GE:
    case SB_EX_APPROX:
        if (env->row != NULL && e->a->bound == SB_BOUND_COLUMN &&
            e->a->vtype == SB_VT_ENUM && e->b->op == SB_EX_STR &&
            e->b->vtype == SB_VT_ENUM)
            return enum_cell_compare(e, env->row);
        sb_eval(e->a, env, &a);
        sb_eval(e->b, env, &b);
        if (a.vt == SB_VT_NONE || b.vt == SB_VT_NONE)
            return -1;
        return sb_eval_compare(e->op, &a, &b);
    default:
        sb_eval(e, env, &a);
        if (a.vt == SB_VT_NONE)
            return -1;
        return a.num != 0;
    }
}
