/* rule.c: evaluate a form's rules on a checked declaration and turn
 * what does not hold into findings (see check.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "check/check.h"
#include "rules/eval.h"
#include "base/numfmt.h"
#include "form/typed.h"
#include "base/utf8.h"

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

/* Fill {lhs} {rhs} {diff} and special keys into a message template. */
static void fill(const char *tmpl, const char *const *keys,
                 const char *const *values, int n, struct sb_buf *out)
{
    sb_buf_clear(out);
    for (const char *p = tmpl; *p != '\0';) {
        int done = 0;

        if (*p == '{') {
            for (int i = 0; i < n && !done; i++) {
                size_t k = strlen(keys[i]);

                if (strncmp(p + 1, keys[i], k) == 0 && p[k + 1] == '}') {
                    sb_buf_puts(out, values[i]);
                    p += k + 2;
                    done = 1;
                }
            }
        }
        if (!done)
            sb_buf_putc(out, *p++);
    }
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

/* Does e read an aggregate of an annex? */
static int uses_annex(const struct sb_expr *e)
{
    if (e == NULL)
        return 0;
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG)
        return 1;
    return uses_annex(e->a) || uses_annex(e->b);
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
    res->computed = uses_annex(e->a) || uses_annex(e->b);
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

        fill(r->message, keys, vals, 3, &msg);
    }
    code = rule_code(r);
    f.code = code;
    f.sev = r->sev;
    f.pos = anchor(d, e);
    f.column = fe != NULL ? d->form->fields[fe->field].label : NULL;
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

static int same_label(const char *a, const char *b)
{
    struct sb_buf ka = {0}, kb = {0};
    int eq;

    sb_norm_key(a, strlen(a), &ka);
    sb_norm_key(b, strlen(b), &kb);
    eq = strcmp(ka.data, kb.data) == 0;
    sb_buf_free(&ka);
    sb_buf_free(&kb);
    return eq;
}

static void special_finding(struct sb_decl *d, const struct sb_rule *r,
                            const struct sb_expr *col, long row, long line,
                            const char *expected, const char *found,
                            const char *msg)
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
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = r->source;
    sb_findings_add(d->findings, &f);
    free(code);
    free(label);
}

/* top_n(list.label, list.value, all.label, all.value, N): the list is
 * exactly the N entries of the full list with the largest values, and
 * each entry's value is the same in both. Ties at the N-th place allow
 * either entry. */
static void top_n(struct sb_decl *d, const struct sb_rule *r,
                  struct sb_rule_result *res)
{
    const struct sb_expr *e = r->expr;
    const struct sb_agg *la = d->aggs[e->hidden[0]->agg];
    const struct sb_agg *aa = d->aggs[e->hidden[1]->agg];
    const struct sb_top *list, *all;
    long n_list, n_all, n = (long)e->args[4]->num;
    double threshold;
    struct sb_buf msg = {0}, exp = {0}, got = {0};

    if (!sb_agg_known(la) || !sb_agg_known(aa)) {
        res->status = SB_RULE_SKIPPED;
        skipped(d, r);
        return;
    }
    list = sb_agg_top(la, &n_list);
    all = sb_agg_top(aa, &n_all);
    threshold = n_all >= n ? all[n - 1].value : -HUGE_VAL;
    /* Entries above the N-th value must all be listed; of those equal to
     * it (a tie at the N-th place), as many as places are left. */
    {
        long above = 0, tied_listed = 0, slots;

        for (long i = 0; i < n_all && all[i].value > threshold; i++)
            above++;
        slots = n - above;
        for (long i = above; i < n_all && all[i].value == threshold; i++) {
            for (long j = 0; j < n_list; j++)
                tied_listed += same_label(list[j].label, all[i].label);
        }
        for (long i = 0; i < n_all && all[i].value >= threshold; i++) {
            int listed = 0;

            for (long j = 0; j < n_list && !listed; j++)
                listed = same_label(list[j].label, all[i].label);
            if (listed)
                continue;
            if (i >= above) {
                if (tied_listed >= slots)
                    continue;
                tied_listed++;
            }
            sb_buf_clear(&msg);
            sb_buf_clear(&exp);
            sb_buf_printf(&msg, "“%s”订阅量%.0f，排第%ld名，应列入清单",
                          all[i].label, all[i].value, i + 1);
            sb_buf_printf(&exp, "前%ld名之一", n);
            special_finding(d, r, e->args[2], all[i].row, all[i].line,
                            exp.data, all[i].label, msg.data);
        }
    }
    for (long j = 0; j < n_list; j++) {
        long rank = -1;

        for (long i = 0; i < n_all && rank < 0; i++) {
            if (same_label(list[j].label, all[i].label))
                rank = i;
        }
        sb_buf_clear(&msg);
        sb_buf_clear(&exp);
        sb_buf_clear(&got);
        if (rank < 0 || all[rank].value < threshold) {
            if (rank < 0)
                sb_buf_printf(&msg, "“%s”不在工业APP清单订阅量前%ld名内",
                              list[j].label, n_all);
            else
                sb_buf_printf(&msg, "“%s”订阅量%.0f，仅排第%ld名，不属前%ld名",
                              list[j].label, all[rank].value, rank + 1, n);
            sb_buf_printf(&exp, "前%ld名之一", n);
            special_finding(d, r, e->args[0], list[j].row, list[j].line, exp.data,
                            list[j].label, msg.data);
        } else if (fabs(all[rank].value - list[j].value) > 1e-9) {
            sb_buf_printf(&msg, "“%s”的订阅量与工业APP清单第%ld行不一致",
                          list[j].label, all[rank].row);
            put_num(&exp, all[rank].value, 0);
            put_num(&got, list[j].value, 0);
            special_finding(d, r, e->args[1], list[j].row, list[j].line, exp.data,
                            got.data, msg.data);
        }
    }
    sb_buf_free(&msg);
    sb_buf_free(&exp);
    sb_buf_free(&got);
}

static void required_if(struct sb_decl *d, const struct sb_rule *r)
{
    const struct sb_expr *e = r->expr;
    struct sb_env env = {d->form, d->figs, NULL, d->agg_vals};
    const struct sb_figure *g = &d->figs[e->args[0]->field];
    struct sb_finding f = {0};
    char *code;

    if (sb_eval_cond(e->args[1], &env) != 1 || g->state != SB_FIG_MISSING)
        return;
    code = rule_code(r);
    f.code = code;
    f.sev = r->sev;
    f.pos = g->pos;
    if (f.pos.path == NULL)
        f.pos.path = d->form_path;
    f.column = d->form->fields[e->args[0]->field].label;
    f.message = r->message;
    f.source = r->source;
    f.found = "（空）";
    sb_findings_add(d->findings, &f);
    free(code);
}

/* heading_counts(list.heading, list.group …): each group's heading
 * states how many rows it has ("一、家用洗涤剂（58种）"). */
static void heading_counts(struct sb_decl *d, const struct sb_rule *r,
                           struct sb_rule_result *res)
{
    const struct sb_expr *e = r->expr;
    const struct sb_agg *ag = d->aggs[e->hidden[0]->agg];
    const struct sb_group *g;
    long n;
    int last = e->n_args - 1; /* the heading is the last by-part */

    if (!sb_agg_known(ag)) {
        res->status = SB_RULE_SKIPPED;
        skipped(d, r);
        return;
    }
    g = sb_agg_groups(ag, &n);
    for (long i = 0; i < n; i++) {
        long stated;
        struct sb_buf group = {0}, st = {0}, co = {0}, msg = {0};

        if (!sb_heading_parse(g[i].parts[last], strlen(g[i].parts[last]),
                              &stated) ||
            stated == g[i].count)
            continue;
        for (int j = 0; j < last; j++)
            sb_buf_printf(&group, "%s%s", j ? " / " : "", g[i].parts[j]);
        sb_buf_printf(&st, "%ld", stated);
        sb_buf_printf(&co, "%lld", g[i].count);
        {
            const char *keys[] = {"group", "heading", "stated", "counted"};
            const char *vals[] = {group.len ? group.data : "",
                                  g[i].parts[last], st.data, co.data};

            fill(r->message, keys, vals, 4, &msg);
        }
        special_finding(d, r, e->args[0], g[i].first_row, g[i].first_line,
                        st.data, co.data,
                        msg.data);
        sb_buf_free(&group);
        sb_buf_free(&st);
        sb_buf_free(&co);
        sb_buf_free(&msg);
    }
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
        if (r->expr->bound != SB_BOUND_SPECIAL) {
            compare_rule(d, r, res);
            continue;
        }
        if (r->expr->special == SB_SPECIAL_TOP_N)
            top_n(d, r, res);
        else if (r->expr->special == SB_SPECIAL_REQUIRED_IF)
            required_if(d, r);
        else
            heading_counts(d, r, res);
        if (res->status != SB_RULE_SKIPPED)
            res->status = sb_findings_count(d->findings, r->sev) > before
                              ? SB_RULE_FAIL
                              : SB_RULE_PASS;
    }
}
