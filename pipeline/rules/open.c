/* open.c: bind a loaded form; open an edition ready to check (see
 * open.h). */
#include "rules/open.h"

#include <stdlib.h>
#include <string.h>

#include "rules/bind.h"
#include "rules/special.h"

int sb_bind_rule(struct sb_form *f, struct sb_rule *r, struct sb_error *err)
{
    struct sb_expr *e = r->expr;
    const struct sb_special *sp = NULL;
    int i = -1;

    if (e->op == SB_EX_CALL)
        sp = sb_special_find(e->str, &i);
    if (sp == NULL)
        return sb_bind_compare(f, e, err);
    e->special = i;
    e->bound = SB_BOUND_SPECIAL;
    for (const char *const *k = sp->cases; *k != NULL; k++) {
        if (sb_rule_case(r, *k) == NULL)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "%s() needs the message \"%s\" in the "
                                "cases column",
                                sp->name, *k);
    }
    return sp->bind(f, e, err);
}

/* Say that the expression of src does not bind: err at src's cell,
 * "what: why". */
static int src_error(const struct sb_form *f, const struct sb_src *src,
                     const char *what, const struct sb_error *e2,
                     struct sb_error *err)
{
    char *path = sb_xasprintf("%s/%s", f->dir, src->file);
    struct sb_pos pos = {path, src->row, src->col, src->line};
    int rc = sb_error_set(err, SB_EFORMAT, &pos, "%s: %s", what, e2->msg);

    free(path);
    return rc;
}

static int bind_bound(struct sb_form *f, const struct sb_annex *a,
                      struct sb_expr *e, const struct sb_src *src,
                      struct sb_error *err)
{
    struct sb_error e2 = {0};
    char *what;
    int rc;

    if (e == NULL || sb_bind_value(f, a, e, &e2) == SB_OK)
        return SB_OK;
    what = sb_xasprintf("bound \"%s\"", src->text);
    rc = src_error(f, src, what, &e2, err);
    free(what);
    return rc;
}

static int bind_chart_data(struct sb_form *f, struct sb_expr *e,
                           const struct sb_src *src, const char *text,
                           int cell, struct sb_error *err)
{
    struct sb_error e2 = {0};
    char *what;
    int rc;

    if (e == NULL || (cell ? sb_bind_cell(f, e, &e2)
                           : sb_bind_data(f, e, &e2)) == SB_OK)
        return SB_OK;
    what = sb_xasprintf("chart data \"%s\"", text);
    rc = src_error(f, src, what, &e2, err);
    free(what);
    return rc;
}

int sb_form_bind(struct sb_form *f, struct sb_error *err)
{
    struct sb_error e2 = {0};

    for (int i = 0; i < f->n_annexes; i++) {
        const struct sb_annex *a = &f->annexes[i];

        for (int j = 0; j < a->n_cols; j++) {
            struct sb_column *c = &a->cols[j];

            if (bind_bound(f, a, c->min, &c->min_src, err) != SB_OK ||
                bind_bound(f, a, c->max, &c->max_src, err) != SB_OK)
                return SB_EFORMAT;
        }
    }
    for (int i = 0; i < f->n_rules; i++) {
        struct sb_rule *r = &f->rules[i];

        if (sb_bind_rule(f, r, &e2) != SB_OK) {
            char *what = sb_xasprintf("rule %s", r->id);
            int rc = src_error(f, &r->src, what, &e2, err);

            free(what);
            return rc;
        }
    }
    for (int i = 0; i < f->n_charts; i++) {
        struct sb_chart_def *c = &f->charts[i];

        if (bind_chart_data(f, c->data, &c->data_src, c->data_src.text, 0,
                            err) != SB_OK)
            return SB_EFORMAT;
        for (int j = 0; j < c->n_items; j++) {
            if (bind_chart_data(f, c->items[j].value, &c->data_src,
                                c->items[j].text,
                                strcmp(c->kind, "table") == 0,
                                err) != SB_OK)
                return SB_EFORMAT;
        }
        for (int j = 0; j < c->n_opts; j++) {
            if (bind_chart_data(f, c->opt_exprs[j], &c->opts_src,
                                c->opt_vals[j], 0, err) != SB_OK)
                return SB_EFORMAT;
        }
    }
    return SB_OK;
}

int sb_form_open(struct sb_form **out, const char *code, struct sb_error *err)
{
    int rc = sb_form_load_edition(out, code, err);

    if (rc == SB_OK && (rc = sb_form_bind(*out, err)) != SB_OK) {
        sb_form_free(*out);
        *out = NULL;
    }
    return rc;
}
