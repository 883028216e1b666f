/* rule.c: evaluate a form's rules on a checked declaration and turn
 * what does not hold into findings (see check.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "check/check.h"
#include "rules/eval.h"
#include "rules/message.h"
#include "rules/special.h"
#include "base/numfmt.h"

static void put_num(struct sb_buf *out, double v, int decimals)
{
    char buf[SB_NUMFMT_SIZE];

    sb_buf_puts(out, sb_numfmt_group(v, decimals, buf, sizeof buf));
}

/* How numbers of one rule are shown: in the unit of the declared figure
 * they are compared with. */
struct display {
    const struct sb_field *field; /* NULL: plain count */
    int scale;                    /* decimals the figure was written with */
};

static const struct sb_expr *first_field(const struct sb_expr *e)
{
    const struct sb_expr *r = NULL;

    if (e == NULL)
        return NULL;
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_FIELD)
        return e;
    if (e->op == SB_EX_CALL)
        return NULL;
    r = first_field(e->a);
    return r != NULL ? r : first_field(e->b);
}

static void show(const struct display *dp, const struct sb_val *v,
                 struct sb_buf *out)
{
    const struct sb_field *fd = dp->field;
    char date[11];

    sb_buf_clear(out);
    if (v->vt == SB_VT_DATE) {
        sb_date_format((int32_t)v->num, date);
        sb_buf_puts(out, date);
        return;
    }
    if (v->vt == SB_VT_TEXT || v->vt == SB_VT_STR) {
        sb_buf_put(out, v->text, v->len);
        return;
    }
    if (fd == NULL || fd->type == SB_TYPE_INT) {
        put_num(out, v->num, fabs(v->num - round(v->num)) < 1e-9
                                           ? 0
                                           : 2);
        if (fd != NULL)
            sb_buf_puts(out, fd->unit);
        return;
    }
    if (fd->type == SB_TYPE_MONEY) {
        /* The figure's own decimals, and two more when the computed value
         * is finer, so a difference never hides in the rounding. */
        double x = v->num / fd->yuan_per_unit;
        int dec = dp->scale;

        while (dec < dp->scale + 2 &&
               fabs(x * pow(10, dec) - round(x * pow(10, dec))) > 1e-6)
            dec++;
        put_num(out, x, dec);
        sb_buf_puts(out, fd->unit);
        return;
    }
    put_num(out, v->num, dp->scale + 2 > 4 ? 4 : dp->scale + 2);
    sb_buf_puts(out, fd->unit);
}

/* Names of what a rule lacks: missing figures and absent annexes. */
static void lacking(const struct sb_decl *d, const struct sb_expr *e,
                    struct sb_buf *out)
{
    if (e == NULL)
        return;
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_FIELD) {
        const struct sb_figure *g = &d->figs[e->field];

        if (sb_figure_unknown(g) &&
            strstr(out->data ? out->data : "", d->form->fields[e->field].label) ==
                NULL)
            sb_buf_printf(out, "%s“%s”", out->len ? "、" : "",
                          d->form->fields[e->field].label);
        return;
    }
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG &&
        !sb_agg_known(d->aggs[e->agg]) && d->annexes[e->annex].path == NULL) {
        const struct sb_annex *a = &d->form->annexes[e->annex];
        char *name = sb_xasprintf("附件%d %s", a->number, a->title);

        if (strstr(out->data ? out->data : "", name) == NULL)
            sb_buf_printf(out, "%s%s", out->len ? "、" : "", name);
        free(name);
    }
    lacking(d, e->a, out);
    lacking(d, e->b, out);
    lacking(d, e->where, out);
    for (int i = 0; i < e->n_args; i++)
        lacking(d, e->args[i], out);
    for (int i = 0; i < e->n_hidden; i++)
        lacking(d, e->hidden[i], out);
}

static char *rule_code(const struct sb_rule *r)
{
    return sb_xasprintf("rule.%s", r->id);
}

static void skipped(struct sb_decl *d, const struct sb_rule *r)
{
    struct sb_buf why = {0};
    struct sb_finding f = {0};
    char *code = rule_code(r);

    lacking(d, r->expr, &why);
    f.code = code;
    f.sev = SB_SEV_INFO;
    f.pos.path = d->form_path;
    f.source = r->source;
    sb_findings_addf(d->findings, &f, "未核对“%s”：缺少%s", r->name,
                     why.len ? why.data : "所需数据");
    sb_findings_skip_check(d->findings, code);
    sb_buf_free(&why);
    free(code);
}

/* Where a rule's finding points: the declared figure, else the annex. */
static struct sb_pos anchor(const struct sb_decl *d, const struct sb_expr *e)
{
    const struct sb_expr *fe = first_field(e->b);
    struct sb_pos pos = {0};

    if (fe == NULL)
        fe = first_field(e->a);
    if (fe != NULL && d->figs[fe->field].pos.path != NULL)
        return d->figs[fe->field].pos;
    for (const struct sb_expr *x = e->a; x != NULL; x = x->a) {
        if (x->op == SB_EX_CALL && x->bound == SB_BOUND_AGG) {
            pos.path = d->annexes[x->annex].path;
            break;
        }
    }
    if (pos.path == NULL)
        pos.path = d->form_path;
    return pos;
}

int sb_expr_uses_annex(const struct sb_expr *e)
{
    if (e == NULL)
        return 0;
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG)
        return 1;
    return sb_expr_uses_annex(e->a) || sb_expr_uses_annex(e->b);
}

static void compare_rule(struct sb_decl *d, const struct sb_rule *r,
                         struct sb_rule_result *res)
{
    const struct sb_expr *e = r->expr;
    struct sb_env env = {d->form, d->figs, NULL, d->agg_vals};
    struct sb_val a, b, diff;
    struct display dp = {0};
    const struct sb_expr *fe;
    struct sb_buf sa = {0}, sbv = {0}, sd = {0}, msg = {0};
    struct sb_finding f = {0};
    char *code;

    fe = first_field(e->b);
    if (fe == NULL)
        fe = first_field(e->a);
    res->field = fe != NULL ? fe->field : -1;
    res->computed = sb_expr_uses_annex(e->a) || sb_expr_uses_annex(e->b);
    sb_eval(e->a, &env, &a);
    sb_eval(e->b, &env, &b);
    if (a.vt == SB_VT_NONE || b.vt == SB_VT_NONE) {
        res->status = SB_RULE_SKIPPED;
        skipped(d, r);
        return;
    }
    if (fe != NULL) {
        dp.field = &d->form->fields[fe->field];
        dp.scale = d->figs[fe->field].scale;
    }
    diff = a;
    diff.num = a.num - b.num;
    show(&dp, &a, &sa);
    show(&dp, &b, &sbv);
    show(&dp, &diff, &sd);
    res->lhs = a.num;
    res->rhs = b.num;
    res->lhs_text = sb_xstrdup(sa.data);
    res->rhs_text = sb_xstrdup(sbv.data);
    if (sb_eval_compare(e->op, &a, &b)) {
        res->status = SB_RULE_PASS;
        sb_buf_free(&sa);
        sb_buf_free(&sbv);
        sb_buf_free(&sd);
        return;
    }
    res->status = SB_RULE_FAIL;
    {
        const char *keys[] = {"lhs", "rhs", "diff"};
        const char *vals[] = {sa.data, sbv.data, sd.data};

        sb_message_fill(r->message, keys, vals, 3, &msg);
    }
    code = rule_code(r);
    f.code = code;
    f.sev = r->sev;
    f.pos = anchor(d, e);
    f.column = fe != NULL ? d->form->fields[fe->field].label : NULL;
    f.key = fe != NULL ? d->form->fields[fe->field].code : NULL;
    f.expected = sbv.data;
    f.found = sa.data;
    f.message = msg.data;
    f.source = r->source;
    sb_findings_add(d->findings, &f);
    free(code);
    sb_buf_free(&sa);
    sb_buf_free(&sbv);
    sb_buf_free(&sd);
    sb_buf_free(&msg);
}

/* A finding of a special rule on a row of the annex of col; key is what
 * it is about (struct sb_finding .key): the entry's label, the group. */
static void special_finding(struct sb_decl *d, const struct sb_rule *r,
                            const struct sb_expr *col, long row, long line,
                            const char *key, const char *expected,
                            const char *found, const char *msg)
{
    const struct sb_annex_result *res = &d->annexes[col->annex];
    const struct sb_annex *a = &d->form->annexes[col->annex];
    struct sb_finding f = {0};
    char *code = rule_code(r);
    char *label = sb_xasprintf("附件%d %s", a->number, a->title);

    f.code = code;
    f.sev = r->sev;
    f.pos.path = res->path;
    f.pos.row = row;
    f.pos.line = line;
    f.pos.col = res->col_field[col->column] + 1;
    f.annex = label;
    f.column = a->cols[col->column].header;
    f.key = key;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = r->source;
    sb_findings_add(d->findings, &f);
    free(code);
    free(label);
}

/* What a special rule reports, as a finding: at the cell of an annex,
 * or at a figure's row of form.csv. */
struct hits {
    struct sb_decl *d;
    const struct sb_rule *r;
};

static void special_hit(void *ctx, const struct sb_special_hit *h)
{
    struct hits *hs = ctx;
    struct sb_decl *d = hs->d;
    struct sb_finding f = {0};
    char *code;

    if (h->at->bound != SB_BOUND_FIELD) {
        special_finding(d, hs->r, h->at, h->row, h->line, h->key,
                        h->expected, h->found, h->message);
        return;
    }
    code = rule_code(hs->r);
    f.code = code;
    f.sev = hs->r->sev;
    f.pos = d->figs[h->at->field].pos;
    if (f.pos.path == NULL)
        f.pos.path = d->form_path;
    f.column = d->form->fields[h->at->field].label;
    f.key = d->form->fields[h->at->field].code;
    f.expected = h->expected;
    f.found = h->found;
    f.message = h->message;
    f.source = hs->r->source;
    sb_findings_add(d->findings, &f);
    free(code);
}

/* Run special rule r (rules/special.h); before: the findings of its
 * severity before it ran. */
static void special_rule(struct sb_decl *d, const struct sb_rule *r,
                         struct sb_rule_result *res, long before)
{
    struct sb_env env = {d->form, d->figs, NULL, d->agg_vals};
    struct hits hs = {d, r};
    struct sb_special_run run = {r, &env, d->aggs, special_hit, &hs};

    if (!sb_special_at(r->expr->special)->run(&run)) {
        res->status = SB_RULE_SKIPPED;
        skipped(d, r);
        return;
    }
    res->status = sb_findings_count(d->findings, r->sev) > before
                      ? SB_RULE_FAIL
                      : SB_RULE_PASS;
}

void sb_rules_run(struct sb_decl *d)
{
    d->results = sb_xcalloc((size_t)d->form->n_rules + 1,
                            sizeof *d->results);
    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_rule *r = &d->form->rules[i];
        struct sb_rule_result *res = &d->results[i];
        char *code = rule_code(r);
        long before = sb_findings_count(d->findings, r->sev);

        res->rule = r;
        res->field = -1;
        sb_findings_note_check(d->findings, code, r->name, r->source);
        free(code);
        if (r->expr->bound == SB_BOUND_SPECIAL)
            special_rule(d, r, res, before);
        else
            compare_rule(d, r, res);
    }
}
