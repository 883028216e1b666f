/* bind.c: name resolution and type checking of rules (see bind.h). */
#include "rules/bind.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "base/utf8.h"

struct binder {
    struct sb_form *f;
    struct sb_error *err;
    int failed;
};

static int fail(struct binder *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct binder *b, const char *fmt, ...)
{
    va_list ap;
    char msg[400];

    if (!b->failed) {
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        sb_error_set(b->err, SB_EFORMAT, NULL, "%s", msg);
    }
    b->failed = 1;
    return SB_VT_NONE;
}

int sb_is_aggregate(const char *name)
{
    static const char *const aggs[] = {"count", "sum", "min", "max",
                                       "distinct", "top"};

    for (size_t i = 0; i < sizeof aggs / sizeof *aggs; i++) {
        if (strcmp(name, aggs[i]) == 0)
            return 1;
    }
    return 0;
}

static int type_vt(enum sb_type t)
{
    switch (t) {
    case SB_TYPE_INT:
    case SB_TYPE_DECIMAL:
    case SB_TYPE_MONEY:
    case SB_TYPE_PERCENT:
        return SB_VT_NUM;
    case SB_TYPE_DATE:
        return SB_VT_DATE;
    case SB_TYPE_BOOL:
        return SB_VT_BOOL;
    case SB_TYPE_ENUM:
        return SB_VT_ENUM;
    case SB_TYPE_ENUM_LIST:
        return SB_VT_SET;
    default:
        return SB_VT_TEXT;
    }
}

/* The enumeration of a node bound to an enum field or column. */
static const struct sb_enum *node_enum(const struct sb_form *f,
                                       const struct sb_expr *e)
{
    if (e->vtype != SB_VT_ENUM && e->vtype != SB_VT_SET)
        return NULL;
    if (e->bound == SB_BOUND_FIELD)
        return f->fields[e->field].en;
    if (e->bound == SB_BOUND_COLUMN)
        return f->annexes[e->annex].cols[e->column].en;
    return NULL;
}

/* Bind a name. ctx: annex index for bare column names, or -1. */
static int bind_name(struct binder *b, struct sb_expr *e, int ctx)
{
    struct sb_form *f = b->f;
    const char *dot;

    if (ctx >= 0) {
        int c = sb_annex_column_index(&f->annexes[ctx], e->str);

        if (c >= 0) {
            e->bound = SB_BOUND_COLUMN;
            e->annex = ctx;
            e->column = c;
            return type_vt(f->annexes[ctx].cols[c].type);
        }
    }
    e->field = sb_form_field_index(f, e->str);
    if (e->field >= 0) {
        e->bound = SB_BOUND_FIELD;
        return type_vt(f->fields[e->field].type);
    }
    for (int i = 0; i < f->n_annexes; i++) {
        if (strcmp(f->annexes[i].code, e->str) == 0) {
            e->bound = SB_BOUND_ANNEX;
            e->annex = i;
            return SB_VT_NONE;
        }
    }
    dot = strrchr(e->str, '.');
    if (dot != NULL) {
        char *annex = sb_xstrndup(e->str, (size_t)(dot - e->str));
        const struct sb_annex *a = sb_form_annex(f, annex);

        free(annex);
        if (a != NULL) {
            e->annex = (int)(a - f->annexes);
            e->column = sb_annex_column_index(a, dot + 1);
            if (e->column < 0)
                return fail(b, "annex has no column \"%s\"", e->str);
            e->bound = SB_BOUND_COLUMN;
            return type_vt(a->cols[e->column].type);
        }
    }
    return fail(b, "unknown name \"%s\" (not a field, annex or column)",
                e->str);
}

static int bind_node(struct binder *b, struct sb_expr *e, int ctx);

/* Give a string literal s the meaning of the other operand o. */
static int resolve_str(struct binder *b, struct sb_expr *s,
                       const struct sb_expr *o)
{
    const struct sb_enum *en = node_enum(b->f, o);
    const char *why = NULL;
    int v;

    switch (o->vtype) {
    case SB_VT_ENUM:
    case SB_VT_SET: {
        struct sb_buf key = {0};

        sb_norm_key(s->str, strlen(s->str), &key);
        s->enum_idx = en != NULL ? sb_enum_find(en, key.data) : -1;
        sb_buf_free(&key);
        if (s->enum_idx < 0)
            return fail(b, "'%s' is not a value of the enumeration",
                        s->str);
        s->vtype = SB_VT_ENUM;
        return SB_VT_ENUM;
    }
    case SB_VT_DATE:
        if (!sb_cell_parse_date(s->str, strlen(s->str), &s->date, &why))
            return fail(b, "'%s' is not a date", s->str);
        s->is_date = 1;
        s->vtype = SB_VT_DATE;
        return SB_VT_DATE;
    case SB_VT_BOOL:
        if (!sb_cell_parse_bool(s->str, strlen(s->str), &v, &why))
            return fail(b, "'%s' is not 是 or 否", s->str);
        s->num = v;
        s->vtype = SB_VT_BOOL;
        return SB_VT_BOOL;
    case SB_VT_TEXT:
        s->vtype = SB_VT_TEXT;
        return SB_VT_TEXT;
    default:
        return fail(b, "'%s' cannot be compared with a number", s->str);
    }
}

/* Two operands of a comparison: resolve strings, check types agree. */
static void unify(struct binder *b, struct sb_expr *x, struct sb_expr *y)
{
    if (x->vtype == SB_VT_STR && y->vtype != SB_VT_STR)
        resolve_str(b, x, y);
    else if (y->vtype == SB_VT_STR && x->vtype != SB_VT_STR)
        resolve_str(b, y, x);
    if (b->failed)
        return;
    if (x->vtype == y->vtype)
        return;
    if ((x->vtype == SB_VT_SET && y->vtype == SB_VT_ENUM) ||
        (x->vtype == SB_VT_ENUM && y->vtype == SB_VT_SET))
        return;
    if ((x->vtype == SB_VT_BOOL && y->vtype == SB_VT_NUM) ||
        (x->vtype == SB_VT_NUM && y->vtype == SB_VT_BOOL))
        return;
    fail(b, "%s", "the two sides of a comparison have different types");
}

static struct sb_expr *column_arg(struct binder *b, struct sb_expr *e)
{
    if (e->op != SB_EX_NAME || bind_name(b, e, -1) == SB_VT_NONE ||
        e->bound != SB_BOUND_COLUMN) {
        fail(b, "%s", "expected annex.column as an argument");
        return NULL;
    }
    e->vtype = type_vt(b->f->annexes[e->annex].cols[e->column].type);
    return e;
}

static void register_agg(struct binder *b, struct sb_expr *e)
{
    struct sb_form *f = b->f;

    e->agg = f->n_aggs;
    sb_arena_push(f->arena, &f->aggs, &f->n_aggs, &e, sizeof e);
    e->bound = SB_BOUND_AGG;
}

static int bind_agg(struct binder *b, struct sb_expr *e, int ctx)
{
    const char *fn = e->str;
    int vt = SB_VT_NUM;

    if (ctx >= 0)
        return fail(b, "aggregate %s() cannot be nested in a where", fn);
    if (strcmp(fn, "count") == 0) {
        if (e->n_args != 1 || e->args[0]->op != SB_EX_NAME)
            return fail(b, "%s", "count() takes one annex: count(ANNEX)");
        bind_name(b, e->args[0], -1);
        if (e->args[0]->bound != SB_BOUND_ANNEX)
            return fail(b, "count(%s): not an annex", e->args[0]->str);
        e->annex = e->args[0]->annex;
    } else if (strcmp(fn, "top") == 0) {
        if (e->n_args != 3 || column_arg(b, e->args[0]) == NULL ||
            column_arg(b, e->args[1]) == NULL ||
            e->args[2]->op != SB_EX_NUM ||
            e->args[1]->vtype != SB_VT_NUM ||
            e->args[0]->annex != e->args[1]->annex)
            return fail(b, "%s", "top(annex.label, annex.number, N)");
        e->annex = e->args[0]->annex;
        vt = SB_VT_GROUPS;
    } else {
        if (e->n_args < 1)
            return fail(b, "%s() needs annex.column", fn);
        for (int i = 0; i < e->n_args; i++) {
            if (column_arg(b, e->args[i]) == NULL)
                return SB_VT_NONE;
            if (e->args[i]->annex != e->args[0]->annex)
                return fail(b, "%s() columns must be of one annex", fn);
        }
        e->annex = e->args[0]->annex;
        if (strcmp(fn, "distinct") != 0) {
            int at = e->args[0]->vtype;

            if (e->n_args != 1)
                return fail(b, "%s() takes one column", fn);
            if (at != SB_VT_NUM && !(at == SB_VT_DATE && fn[0] == 'm'))
                return fail(b, "%s() needs a numeric column", fn);
            vt = at;
        }
    }
    if (e->where != NULL && bind_node(b, e->where, e->annex) != SB_VT_BOOL)
        return fail(b, "%s", "where needs a condition");
    for (int i = 0; i < e->n_by; i++) {
        struct sb_expr *k = e->by[i];
        struct sb_expr *c = k->op == SB_EX_CALL ? k->args[0] : k;

        c->vtype = bind_name(b, c, e->annex);
        if (c->bound != SB_BOUND_COLUMN)
            return fail(b, "by %s: not a column of the annex", c->str);
        if (k->op != SB_EX_CALL)
            continue;
        if ((strcmp(k->str, "month") == 0 || strcmp(k->str, "year") == 0) &&
            c->vtype == SB_VT_DATE) {
            k->vtype = SB_VT_TEXT;
        } else if (strcmp(k->str, "region") == 0 &&
                   b->f->annexes[c->annex].cols[c->column].type ==
                       SB_TYPE_USCC) {
            k->vtype = SB_VT_TEXT;
        } else if (strcmp(k->str, "band") == 0 && c->vtype == SB_VT_NUM) {
            k->vtype = SB_VT_TEXT;
        } else if (strcmp(k->str, "title") == 0 &&
                   b->f->annexes[c->annex].cols[c->column].type ==
                       SB_TYPE_HEADING) {
            k->vtype = SB_VT_TEXT;
        } else {
            return fail(b, "by %s(): month(date), year(date), band(number), "
                           "title(heading) or region(uscc)", k->str);
        }
        k->bound = SB_BOUND_FUNC;
        k->annex = c->annex;
        k->column = c->column;
    }
    if (e->n_by > 0)
        vt = SB_VT_GROUPS;
    if (!b->failed)
        register_agg(b, e);
    return vt;
}

static int bind_call(struct binder *b, struct sb_expr *e, int ctx)
{
    if (sb_is_aggregate(e->str))
        return bind_agg(b, e, ctx);
    if (strcmp(e->str, "month_start") == 0) {
        if (e->n_args != 1 || bind_node(b, e->args[0], ctx) != SB_VT_DATE)
            return fail(b, "%s", "month_start() takes one date");
        e->bound = SB_BOUND_FUNC;
        return SB_VT_DATE;
    }
    return fail(b, "unknown function \"%s\" (a special rule such as "
                   "top_n() is a rule of its own, not a value)", e->str);
}

static int bind_arith(struct binder *b, struct sb_expr *e, int ctx)
{
    int x = bind_node(b, e->a, ctx);
    int y = bind_node(b, e->b, ctx);

    if (b->failed)
        return SB_VT_NONE;
    if (x == SB_VT_NUM && y == SB_VT_NUM)
        return SB_VT_NUM;
    if (e->op == SB_EX_ADD && ((x == SB_VT_DATE && y == SB_VT_NUM) ||
                               (x == SB_VT_NUM && y == SB_VT_DATE)))
        return SB_VT_DATE;
    if (e->op == SB_EX_SUB && x == SB_VT_DATE && y == SB_VT_NUM)
        return SB_VT_DATE;
    if (e->op == SB_EX_SUB && x == SB_VT_DATE && y == SB_VT_DATE)
        return SB_VT_NUM;
    return fail(b, "%s", "arithmetic needs numbers (or a date ± days)");
}

static int bind_node(struct binder *b, struct sb_expr *e, int ctx)
{
    int vt = SB_VT_NONE;

    if (b->failed)
        return SB_VT_NONE;
    switch (e->op) {
    case SB_EX_NUM:
        vt = SB_VT_NUM;
        break;
    case SB_EX_STR:
        vt = SB_VT_STR;
        break;
    case SB_EX_NAME:
        vt = bind_name(b, e, ctx);
        if (e->bound == SB_BOUND_ANNEX)
            return fail(b, "annex \"%s\" used as a value", e->str);
        if (e->bound == SB_BOUND_COLUMN && e->annex != ctx)
            return fail(b, "column \"%s\" used outside an aggregate",
                        e->str);
        break;
    case SB_EX_CALL:
        vt = bind_call(b, e, ctx);
        break;
    case SB_EX_NEG:
        if (bind_node(b, e->a, ctx) != SB_VT_NUM)
            return fail(b, "%s", "'-' needs a number");
        vt = SB_VT_NUM;
        break;
    case SB_EX_ADD:
    case SB_EX_SUB:
    case SB_EX_MUL:
    case SB_EX_DIV:
        vt = bind_arith(b, e, ctx);
        break;
    case SB_EX_EQ:
    case SB_EX_NE:
    case SB_EX_LT:
    case SB_EX_LE:
    case SB_EX_GT:
    case SB_EX_GE:
    case SB_EX_APPROX:
        e->a->vtype = bind_node(b, e->a, ctx);
        e->b->vtype = bind_node(b, e->b, ctx);
        unify(b, e->a, e->b);
        vt = SB_VT_BOOL;
        break;
    case SB_EX_AND:
    case SB_EX_OR:
        if (bind_node(b, e->a, ctx) != SB_VT_BOOL ||
            bind_node(b, e->b, ctx) != SB_VT_BOOL)
            return fail(b, "%s", "and/or join conditions");
        vt = SB_VT_BOOL;
        break;
    case SB_EX_NOT:
        if (bind_node(b, e->a, ctx) != SB_VT_BOOL)
            return fail(b, "%s", "not needs a condition");
        vt = SB_VT_BOOL;
        break;
    case SB_EX_IN:
        e->a->vtype = bind_node(b, e->a, ctx);
        for (int i = 0; i < e->n_args && !b->failed; i++) {
            e->args[i]->vtype = bind_node(b, e->args[i], ctx);
            unify(b, e->args[i], e->a);
        }
        vt = SB_VT_BOOL;
        break;
    }
    if (b->failed)
        return SB_VT_NONE;
    e->vtype = vt;
    return vt;
}

int sb_bind_compare(struct sb_form *f, struct sb_expr *e,
                    struct sb_error *err)
{
    struct binder b = {f, err, 0};

    if (e->op < SB_EX_EQ || e->op > SB_EX_APPROX) {
        fail(&b, "%s", "a rule compares two values or calls a special "
                       "rule (top_n, required_if, heading_counts)");
        return SB_EFORMAT;
    }
    bind_node(&b, e, -1);
    if (!b.failed && (e->a->vtype == SB_VT_GROUPS ||
                      e->b->vtype == SB_VT_GROUPS))
        fail(&b, "%s", "a rule cannot compare grouped values (by …)");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_column(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};

    column_arg(&b, e);
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_field(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};

    if (e->op != SB_EX_NAME || bind_name(&b, e, -1) == SB_VT_NONE ||
        e->bound != SB_BOUND_FIELD)
        fail(&b, "\"%s\" is not a field", e->str != NULL ? e->str : "");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_cond(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};

    if (bind_node(&b, e, -1) != SB_VT_BOOL)
        fail(&b, "%s", "expected a condition");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_data(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};
    int vt = bind_node(&b, e, -1);

    if (!b.failed && vt != SB_VT_NUM && vt != SB_VT_GROUPS)
        fail(&b, "%s", "chart data must be a number or an aggregate "
                       "with by, or top()");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_cell(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};
    int vt = bind_node(&b, e, -1);

    if (!b.failed && vt == SB_VT_GROUPS)
        fail(&b, "%s", "a table cell holds one value, not groups");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_value(struct sb_form *f, const struct sb_annex *a,
                  struct sb_expr *e, struct sb_error *err)
{
    struct binder b = {f, err, 0};
    int vt;

    (void)a;
    if (e->op == SB_EX_STR) {
        /* A bare string bound is a date. */
        if (!sb_cell_parse_date(e->str, strlen(e->str), &e->date, NULL))
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "'%s' is not a date", e->str);
        e->is_date = 1;
        e->vtype = SB_VT_DATE;
        return SB_OK;
    }
    vt = bind_node(&b, e, -1);
    if (!b.failed && vt != SB_VT_NUM && vt != SB_VT_DATE)
        fail(&b, "%s", "a bound must be a number or a date");
    return b.failed ? SB_EFORMAT : SB_OK;
}

int sb_bind_hidden(struct sb_form *f, struct sb_expr *e, struct sb_expr *h,
                   struct sb_error *err)
{
    sb_expr_push(f->arena, &e->hidden, &e->n_hidden, h);
    return sb_bind_data(f, h, err);
}
