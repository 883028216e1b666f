/* counted.c: which rows of a list a distinct count counts (see
 * counted.h). */
#include "check/counted.h"

#include <stdlib.h>
#include <string.h>

#include "base/keyset.h"
#include "base/utf8.h"
#include "cells/cell.h"
#include "check/decl.h"
#include "form/expr.h"
#include "form/typed.h"
#include "read/csvin.h"
#include "rules/agg.h"

/* The first row of one key. */
struct first {
    long row;    /* record number in the file */
    char *label; /* "3" (its 序号) or "第3条" */
};

/* One counted column. */
struct ccol {
    char *header;
    int field;
    const struct sb_expr *call; /* the distinct(...) of its rule */
    int where_col;              /* the first column its where reads, or -1 */
    struct sb_agg *agg;         /* for its where and its keys */
    struct sb_keyset *keys;     /* key → index + 1 in firsts */
    struct first *firsts;
    long n_firsts;
};

struct sb_counted {
    const struct sb_decl *d;
    int annex;
    int seq; /* annex column headed 序号 in the file, or -1 */
    struct ccol *cols;
    int n;
    struct sb_cellval *cells; /* the row read, per annex column */
    struct sb_row row;
    long ordinal; /* data rows read in the first pass */
    struct sb_buf label;
};

/* The distinct(...) call over annex idx that the rule of field makes
 * equal to it, or NULL. */
static const struct sb_expr *distinct_of(const struct sb_decl *d, int idx,
                                         int field)
{
    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_expr *e = d->form->rules[i].expr;

        if (e == NULL || e->op != SB_EX_EQ || d->results[i].field != field)
            continue;
        for (int side = 0; side < 2; side++) {
            const struct sb_expr *call = side == 0 ? e->a : e->b;
            const struct sb_expr *other = side == 0 ? e->b : e->a;

            if (call->op == SB_EX_CALL && call->bound == SB_BOUND_AGG &&
                strcmp(call->str, "distinct") == 0 && call->annex == idx &&
                call->n_by == 0 && other->bound == SB_BOUND_FIELD &&
                other->field == field)
                return call;
        }
    }
    return NULL;
}

/* The first annex column the condition e reads, or -1. */
static int where_column(const struct sb_expr *e)
{
    int c = -1;

    if (e == NULL)
        return -1;
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_COLUMN)
        return e->column;
    c = where_column(e->a);
    if (c < 0)
        c = where_column(e->b);
    for (int i = 0; c < 0 && i < e->n_args; i++)
        c = where_column(e->args[i]);
    return c;
}

/* Add the entry "FIELD:HEADER" (len bytes) of the role to c when its
 * figure is a distinct count over c's annex whose key columns are all
 * in the file. */
static void add_entry(struct sb_counted *c, const char *p, size_t len)
{
    const struct sb_annex_result *res = &c->d->annexes[c->annex];
    const char *colon = memchr(p, ':', len);
    const struct sb_expr *call;
    struct ccol *cc;
    char *code;
    int field;

    if (colon == NULL)
        return;
    code = sb_xstrndup(p, (size_t)(colon - p));
    field = sb_form_field_index(c->d->form, code);
    free(code);
    call = field >= 0 ? distinct_of(c->d, c->annex, field) : NULL;
    if (call == NULL)
        return;
    for (int i = 0; i < call->n_args; i++)
        if (res->col_field[call->args[i]->column] < 0)
            return;
    c->cols = sb_xrealloc(c->cols, (size_t)(c->n + 1) * sizeof *c->cols);
    cc = &c->cols[c->n++];
    memset(cc, 0, sizeof *cc);
    cc->header = sb_xstrndup(colon + 1, len - (size_t)(colon + 1 - p));
    cc->field = field;
    cc->call = call;
    cc->where_col = where_column(call->where);
    cc->agg = sb_agg_new(c->d->form, call, c->d->figs);
    cc->keys = sb_keyset_new();
}

/* The cells of rec typed by their columns into c->cells, as the check
 * reads them (check/annex_cells.c): empty or a none word (text columns:
 * empty only) is empty, a value its type rejects is bad. */
static void type_cells(struct sb_counted *c, const struct sb_record *rec)
{
    const struct sb_annex *a = &c->d->form->annexes[c->annex];
    const struct sb_annex_result *res = &c->d->annexes[c->annex];

    for (int k = 0; k < a->n_cols; k++) {
        const struct sb_column *col = &a->cols[k];
        struct sb_cellval *cv = &c->cells[k];
        int f = res->col_field[k];
        struct sb_typed v;
        const char *t = "", *why, *kind;
        size_t n = 0;

        memset(cv, 0, sizeof *cv);
        cv->enum_idx = -1;
        if (f >= 0 && f < rec->n_fields)
            n = sb_trim(rec->fields[f], rec->lens[f], &t);
        cv->text = t;
        cv->len = n;
        if (n == 0 || (col->type != SB_TYPE_TEXT && sb_cell_is_none(t, n)))
            continue;
        if (!sb_typed_parse(col->type, col->en, res->col_yuan[k], 0, t, n,
                            &v, &why, &kind)) {
            cv->state = SB_CELL_BAD;
            continue;
        }
        cv->state = SB_CELL_OK;
        cv->num = v.num;
        cv->enum_idx = v.enum_idx;
        cv->mask = v.mask;
    }
    c->row.row = rec->row;
    c->row.line = rec->line;
}

/* The row's name into c->label: its 序号, else "第N条". */
static void row_label(struct sb_counted *c, long ordinal)
{
    const struct sb_cellval *s = c->seq >= 0 ? &c->cells[c->seq] : NULL;

    sb_buf_clear(&c->label);
    if (s != NULL && s->len > 0)
        sb_buf_printf(&c->label, "序号%.*s", (int)s->len, s->text);
    else
        sb_buf_printf(&c->label, "第%ld条", ordinal);
}

/* The key columns of cc, "领域、应用场景", appended to out. */
static void key_headers(const struct sb_counted *c, const struct ccol *cc,
                        struct sb_buf *out)
{
    const struct sb_annex *a = &c->d->form->annexes[c->annex];

    for (int j = 0; j < cc->call->n_args; j++)
        sb_buf_printf(out, "%s%s", j > 0 ? "、" : "",
                      a->cols[cc->call->args[j]->column].header);
}

/* First pass: the first row of every key of every column. */
static int scan(struct sb_counted *c, struct sb_error *err)
{
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    int rc = sb_csvin_open_rows(&in, c->d->annexes[c->annex].path,
                                c->d->form->annexes[c->annex].code, err);

    while (rc == SB_OK) {
        rc = sb_csvin_next(in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        type_cells(c, rec);
        c->ordinal++;
        for (int k = 0; k < c->n; k++) {
            struct ccol *cc = &c->cols[k];
            uint64_t key;

            if (sb_agg_distinct_key(cc->agg, &c->row, &key) != 1 ||
                sb_keyset_find_hash(cc->keys, key) > 0)
                continue;
            row_label(c, c->ordinal);
            cc->firsts = sb_xrealloc(cc->firsts, (size_t)(cc->n_firsts + 1) *
                                                     sizeof *cc->firsts);
            cc->firsts[cc->n_firsts].row = rec->row;
            cc->firsts[cc->n_firsts].label = sb_xstrdup(c->label.data);
            sb_keyset_add_hash(cc->keys, key, ++cc->n_firsts);
        }
    }
    sb_csvin_close(in);
    return rc;
}

int sb_counted_open(const struct sb_decl *d, int idx,
                    struct sb_counted **out, struct sb_error *err)
{
    const struct sb_annex *a = &d->form->annexes[idx];
    const char *role = sb_form_meta(d->form, "volume_counted");
    struct sb_counted *c;
    size_t len;
    int rc;

    *out = NULL;
    if (role == NULL || d->annexes[idx].path == NULL)
        return SB_OK;
    c = sb_xcalloc(1, sizeof *c);
    c->d = d;
    c->annex = idx;
    c->seq = -1;
    for (const char *p = role, *item; sb_list_next(&p, &item, &len);)
        add_entry(c, item, len);
    if (c->n == 0) {
        sb_counted_free(c);
        return SB_OK;
    }
    for (int k = 0; k < a->n_cols; k++)
        if (strcmp(a->cols[k].header, "序号") == 0 &&
            d->annexes[idx].col_field[k] >= 0)
            c->seq = k;
    c->cells = sb_xcalloc((size_t)a->n_cols + 1, sizeof *c->cells);
    c->row.cells = c->cells;
    rc = scan(c, err);
    if (rc != SB_OK) {
        sb_counted_free(c);
        return rc;
    }
    *out = c;
    return SB_OK;
}

void sb_counted_free(struct sb_counted *c)
{
    if (c == NULL)
        return;
    for (int k = 0; k < c->n; k++) {
        for (long i = 0; i < c->cols[k].n_firsts; i++)
            free(c->cols[k].firsts[i].label);
        free(c->cols[k].firsts);
        sb_agg_free(c->cols[k].agg);
        sb_keyset_free(c->cols[k].keys);
        free(c->cols[k].header);
    }
    free(c->cols);
    free(c->cells);
    sb_buf_free(&c->label);
    free(c);
}

int sb_counted_n(const struct sb_counted *c)
{
    return c->n;
}

const char *sb_counted_header(const struct sb_counted *c, int k)
{
    return c->cols[k].header;
}

int sb_counted_field(const struct sb_counted *c, int k)
{
    return c->cols[k].field;
}

long sb_counted_total(const struct sb_counted *c, int k)
{
    return c->cols[k].n_firsts;
}

void sb_counted_explain(const struct sb_counted *c, int k, struct sb_buf *out)
{
    const struct ccol *cc = &c->cols[k];

    sb_buf_printf(out, "“%s”：", cc->header);
    key_headers(c, cc, out);
    sb_buf_puts(out, "相同的行只计首行");
    if (cc->where_col >= 0)
        sb_buf_printf(out, "，%s不合计数条件的行不计",
                      c->d->form->annexes[c->annex].cols[cc->where_col].header);
}

void sb_counted_total_label(const struct sb_counted *c, int k,
                            struct sb_buf *out)
{
    const char *h = c->cols[k].header;

    sb_buf_puts(out, strncmp(h, "是否", strlen("是否")) == 0
                         ? h + strlen("是否")
                         : h);
}

void sb_counted_row(struct sb_counted *c, const struct sb_record *rec)
{
    type_cells(c, rec);
}

int sb_counted_verdict(struct sb_counted *c, int k, struct sb_buf *out)
{
    const struct ccol *cc = &c->cols[k];
    const struct sb_annex *a = &c->d->form->annexes[c->annex];
    uint64_t key;
    long i;
    int r = sb_agg_distinct_key(cc->agg, &c->row, &key);

    sb_buf_clear(out);
    if (r == 0) {
        const struct sb_cellval *w =
            cc->where_col >= 0 ? &c->cells[cc->where_col] : NULL;

        if (w != NULL && w->len > 0)
            sb_buf_printf(out, "否（%s为%.*s）", a->cols[cc->where_col].header,
                          (int)w->len, w->text);
        else if (w != NULL)
            sb_buf_printf(out, "否（%s为空）", a->cols[cc->where_col].header);
        else
            sb_buf_puts(out, "否（不合计数条件）");
        return 0;
    }
    if (r < 0) {
        for (int j = 0; j < cc->call->n_args; j++) {
            int col = cc->call->args[j]->column;

            if (c->cells[col].state != SB_CELL_OK) {
                sb_buf_printf(out, "否（%s无有效值）", a->cols[col].header);
                break;
            }
        }
        return 0;
    }
    i = sb_keyset_find_hash(cc->keys, key) - 1;
    if (i < 0 || cc->firsts[i].row == c->row.row) {
        sb_buf_puts(out, "是");
        return 1;
    }
    sb_buf_printf(out, "否（与%s", cc->firsts[i].label);
    key_headers(c, cc, out);
    sb_buf_puts(out, "相同）");
    return 0;
}
