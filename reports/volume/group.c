/* group.c: an annex list in the groups the notice orders it by, each
 * tied to its declared figure (see group.h). */
#include "volume/group.h"

#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/utf8.h"
#include "check/counted.h"
#include "check/decl.h"
#include "form/expr.h"
#include "read/csvin.h"

#define UNRECOGNISED "类别未识别"

/* Is e count(annex idx) with where cond: NULL for the whole list, else
 * "column = 'value'" giving *value (the enumeration's index)? */
static int is_count(const struct sb_expr *e, int idx, int column,
                    int *value)
{
    const struct sb_expr *w;

    if (e == NULL || e->op != SB_EX_CALL || e->bound != SB_BOUND_AGG ||
        strcmp(e->str, "count") != 0 || e->annex != idx || e->n_by > 0)
        return 0;
    w = e->where;
    if (column < 0)
        return w == NULL;
    if (w == NULL || w->op != SB_EX_EQ)
        return 0;
    if (w->a->op == SB_EX_STR) {
        const struct sb_expr *t = w->a;

        w = w->b;
        if (w->op != SB_EX_NAME || w->bound != SB_BOUND_COLUMN ||
            w->column != column)
            return 0;
        *value = t->enum_idx;
        return 1;
    }
    if (w->a->op != SB_EX_NAME || w->a->bound != SB_BOUND_COLUMN ||
        w->a->column != column || w->b->op != SB_EX_STR)
        return 0;
    *value = w->b->enum_idx;
    return 1;
}

/* The field of the rule "count(annex idx [where column = 'v']) = FIELD"
 * (column -1: no where), or -1. */
static int declared_field(const struct sb_decl *d, int idx, int column,
                          int v)
{
    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_expr *e = d->form->rules[i].expr;
        int value = -1;

        if (e == NULL || e->op != SB_EX_EQ || d->results[i].field < 0)
            continue;
        if ((is_count(e->a, idx, column, &value) &&
             e->b->bound == SB_BOUND_FIELD) ||
            (is_count(e->b, idx, column, &value) &&
             e->a->bound == SB_BOUND_FIELD))
            if (column < 0 || value == v)
                return d->results[i].field;
    }
    return -1;
}

/* The column code of annex code in the role volume_groups, or NULL; a
 * pointer into list, up to '|' or its end (*len). */
static const char *group_column(const char *list, const char *code,
                                size_t *len)
{
    size_t n = strlen(code), k;

    for (const char *p = list, *item; sb_list_next(&p, &item, &k);)
        if (k > n + 1 && strncmp(item, code, n) == 0 && item[n] == '.') {
            *len = k - n - 1;
            return item + n + 1;
        }
    return NULL;
}

int sb_vol_groups_of(const struct sb_decl *d, int idx,
                     struct sb_vol_groups *gr)
{
    const struct sb_annex *a = &d->form->annexes[idx];
    const struct sb_annex_result *res = &d->annexes[idx];
    const char *col;
    char *code;
    size_t len = 0;
    int c;

    memset(gr, 0, sizeof *gr);
    col = group_column(sb_form_meta(d->form, "volume_groups"), a->code, &len);
    if (col == NULL || res->path == NULL)
        return 0;
    code = sb_xstrndup(col, len);
    c = sb_annex_column_index(a, code);
    free(code);
    if (c < 0 || a->cols[c].en == NULL || res->col_field[c] < 0)
        return 0;
    gr->annex = idx;
    gr->file_field = res->col_field[c];
    gr->en = a->cols[c].en;
    gr->n = gr->en->n + 1;
    gr->g = sb_xcalloc((size_t)gr->n, sizeof *gr->g);
    for (int v = 0; v < gr->en->n; v++) {
        gr->g[v].label = gr->en->values[v].text;
        gr->g[v].field = declared_field(d, idx, c, v);
    }
    gr->g[gr->n - 1].label = UNRECOGNISED;
    gr->g[gr->n - 1].field = -1;
    gr->total_field = sb_vol_total_field(d, idx);
    return 1;
}

int sb_vol_total_field(const struct sb_decl *d, int idx)
{
    return declared_field(d, idx, -1, -1);
}

void sb_vol_groups_free(struct sb_vol_groups *gr)
{
    free(gr->g);
    sb_buf_free(&gr->key);
    memset(gr, 0, sizeof *gr);
}

int sb_vol_group_of(struct sb_vol_groups *gr, const char *text, size_t len)
{
    int v;

    sb_buf_clear(&gr->key);
    sb_norm_key(text, len, &gr->key);
    v = sb_enum_find(gr->en, gr->key.data != NULL ? gr->key.data : "");
    return v >= 0 ? v : gr->n - 1;
}

int sb_vol_groups_count(const struct sb_decl *d, struct sb_vol_groups *gr,
                        struct sb_error *err)
{
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    int rc;

    for (int k = 0; k < gr->n; k++)
        gr->g[k].rows = 0;
    rc = sb_csvin_open_rows(&in, d->annexes[gr->annex].path,
                            d->form->annexes[gr->annex].code, err);
    while (rc == SB_OK) {
        rc = sb_csvin_next(in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        if (gr->file_field < rec->n_fields)
            gr->g[sb_vol_group_of(gr, rec->fields[gr->file_field],
                                  rec->lens[gr->file_field])]
                .rows++;
        else
            gr->g[gr->n - 1].rows++;
    }
    sb_csvin_close(in);
    return rc;
}

void sb_vol_tie_text(const struct sb_decl *d, int field, long rows,
                     struct sb_buf *out)
{
    const struct sb_field *f;
    const struct sb_figure *g;
    char n[SB_NUMFMT_SIZE], v[SB_NUMFMT_SIZE];

    sb_buf_clear(out);
    sb_numfmt_group((double)rows, 0, n, sizeof n);
    if (field < 0) {
        sb_buf_printf(out, "%s 条", n);
        return;
    }
    f = &d->form->fields[field];
    g = &d->figs[field];
    sb_buf_printf(out, "%s %s；申报书 %s“%s”", n, f->unit, f->section,
                  f->label);
    if (g->state != SB_FIG_OK) {
        sb_buf_puts(out, "未填报有效数值");
        return;
    }
    sb_numfmt_group(g->value, 0, v, sizeof v);
    sb_buf_printf(out, "填报 %s %s，", v, f->unit);
    if ((double)rows == g->value)
        sb_buf_puts(out, "一致");
    else if ((double)rows > g->value)
        sb_buf_printf(out, "清单多 %.0f", (double)rows - g->value);
    else
        sb_buf_printf(out, "清单少 %.0f", g->value - (double)rows);
}

void sb_vol_counted_totals(const struct sb_decl *d,
                           const struct sb_counted *cnt, struct sb_buf *out)
{
    struct sb_buf t = {0};

    for (int k = 0; cnt != NULL && k < sb_counted_n(cnt); k++) {
        sb_buf_puts(out, "；");
        sb_counted_total_label(cnt, k, out);
        sb_vol_tie_text(d, sb_counted_field(cnt, k), sb_counted_total(cnt, k),
                        &t);
        sb_buf_printf(out, " %s", t.data);
    }
    sb_buf_free(&t);
}
