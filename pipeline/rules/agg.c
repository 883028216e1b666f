/* agg.c: aggregate accumulators (see agg.h). */
#include "rules/agg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "base/keyset.h"
#include "form/typed.h"
#include "base/utf8.h"

enum func { F_COUNT, F_SUM, F_MIN, F_MAX, F_DISTINCT, F_TOP };

/* Integers of magnitude below 2^53 add exactly in a double, in any
 * order, as long as every partial sum stays below 2^53 too. */
#define EXACT_LIMIT 9007199254740992.0

/* Direct-mapped memo of texts already folded into a distinct count. */
#define SEEN_SLOTS 256
#define SEEN_TEXT 30
struct seen {
    unsigned char len;
    char text[SEEN_TEXT];
};

struct sb_agg {
    const struct sb_form *form;
    const struct sb_expr *e;
    struct sb_env env;
    enum func fn;
    int known;
    long long count;
    long double sum;
    double min, max;
    int have;
    uint64_t mask;          /* distinct over one enum column */
    int use_mask;
    struct sb_keyset *set;  /* distinct over anything else */
    long n_distinct;
    struct seen *seen;      /* distinct over one text column: memo */
    long long n_values;     /* values summed (sum, min, max …) */
    double abs_sum;         /* sum of their magnitudes */
    int inexact;            /* one was not an integer below 2^53: sums
                               then depend on the order of addition */
    long *fast_group;       /* by plain enum columns: group index + 1
                               per combination of cell keys, 0 = not yet */
    long fast_dim[2];       /* keys per by-column */
    /* by: groups in order of first appearance, found through a hash
     * table of indexes */
    struct sb_group *groups;
    long n_groups, cap_groups;
    long *slots;            /* index + 1, 0 = empty */
    long n_slots;
    /* top */
    struct sb_top *top;
    long n_top, k_top;
    struct sb_buf key, part; /* scratch */
};

/* Keys per plain enum by-column: 0 for a cell that is not OK, 1 for an
 * index outside the enumeration, 2 + index otherwise (cell_text makes
 * "（空）", "" and the value's text of them). */
static long enum_keys(const struct sb_form *f, const struct sb_expr *col)
{
    const struct sb_column *cd;

    if (col->op != SB_EX_NAME || col->vtype != SB_VT_ENUM)
        return 0;
    cd = &f->annexes[col->annex].cols[col->column];
    if (cd->en == NULL || cd->en->n > 64)
        return 0;
    return cd->en->n + 2;
}

static long fast_key(const struct sb_cellval *c, long dim)
{
    if (c->state != SB_CELL_OK)
        return 0;
    if (c->enum_idx < 0 || c->enum_idx >= dim - 2)
        return 1;
    return c->enum_idx + 2;
}

struct sb_agg *sb_agg_new(const struct sb_form *f, const struct sb_expr *e,
                          const struct sb_figure *figs)
{
    static const char *const names[] = {"count", "sum", "min",
                                        "max",   "distinct", "top"};
    struct sb_agg *a = sb_xcalloc(1, sizeof *a);

    a->form = f;
    a->e = e;
    a->env.form = f;
    a->env.figs = figs;
    for (int i = 0; i < 6; i++) {
        if (strcmp(e->str, names[i]) == 0)
            a->fn = (enum func)i;
    }
    if (a->fn == F_DISTINCT) {
        a->use_mask = e->n_args == 1 && (e->args[0]->vtype == SB_VT_ENUM ||
                                         e->args[0]->vtype == SB_VT_SET);
        if (!a->use_mask)
            a->set = sb_keyset_new();
    }
    if (a->fn == F_DISTINCT && !a->use_mask && e->n_args == 1 &&
        e->args[0]->vtype != SB_VT_NUM && e->args[0]->vtype != SB_VT_DATE &&
        e->args[0]->vtype != SB_VT_BOOL)
        a->seen = sb_xcalloc(SEEN_SLOTS, sizeof *a->seen);
    if (a->fn == F_TOP)
        a->k_top = (long)e->args[2]->num;
    if (e->n_by >= 1 && e->n_by <= 2) {
        long n = 1;

        for (int j = 0; j < e->n_by; j++) {
            a->fast_dim[j] = enum_keys(f, e->by[j]);
            n *= a->fast_dim[j];
        }
        if (n > 0)
            a->fast_group = sb_xcalloc((size_t)n, sizeof *a->fast_group);
    }
    return a;
}

void sb_agg_free(struct sb_agg *a)
{
    if (a == NULL)
        return;
    for (long i = 0; i < a->n_groups; i++) {
        for (int j = 0; j < a->e->n_by; j++)
            free(a->groups[i].parts[j]);
        free(a->groups[i].parts);
        free(a->groups[i].key);
    }
    for (long i = 0; i < a->n_top; i++)
        free(a->top[i].label);
    free(a->groups);
    free(a->slots);
    free(a->seen);
    free(a->fast_group);
    free(a->top);
    sb_keyset_free(a->set);
    sb_buf_free(&a->key);
    sb_buf_free(&a->part);
    free(a);
}

/* Does e use a figure that was not declared (or not validly)? */
static int needs_missing_figure(const struct sb_expr *e,
                                const struct sb_figure *figs)
{
    if (e == NULL)
        return 0;
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_FIELD)
        return sb_figure_unknown(&figs[e->field]);
    if (needs_missing_figure(e->a, figs) || needs_missing_figure(e->b, figs))
        return 1;
    for (int i = 0; i < e->n_args; i++) {
        if (needs_missing_figure(e->args[i], figs))
            return 1;
    }
    return 0;
}

void sb_agg_set_known(struct sb_agg *a)
{
    /* A filter on a figure that is missing selects nothing knowable. */
    a->known = !needs_missing_figure(a->e->where, a->env.figs);
}

int sb_agg_known(const struct sb_agg *a)
{
    return a->known;
}

const struct sb_expr *sb_agg_expr(const struct sb_agg *a)
{
    return a->e;
}

/* The 1-2-5 band of x >= 0: "0", "0–1" below 1, then "1–2", "2–5",
 * "5–10", "10–20" … (a value on an edge goes to the band above). */
static void band_text(double x, struct sb_buf *out)
{
    double lo = 1, hi;

    if (x <= 0) {
        sb_buf_puts(out, x == 0 ? "0" : "<0");
        return;
    }
    if (x < 1) {
        sb_buf_puts(out, "0–1");
        return;
    }
    while (lo * 10 <= x)
        lo *= 10;
    if (x < lo * 2) {
        hi = lo * 2;
    } else if (x < lo * 5) {
        lo *= 2;
        hi = lo * 2.5;
    } else {
        lo *= 5;
        hi = lo * 2;
    }
    sb_buf_printf(out, "%.0f–%.0f", lo, hi);
}

/* The text of a cell for keys and labels; for enums the canonical
 * value, so aliases fall into one group. key is the by-key (a column,
 * or month()/year()/band()/title()/region() of one). region() is the
 * province of a 统一社会信用代码: its 3rd-4th characters, the first two
 * digits of the GB/T 2260 administrative division of the registering
 * authority (GB 32100-2015 §4); "（空）" when they are not digits. */
static void cell_text(const struct sb_agg *a, const struct sb_expr *key,
                      const struct sb_cellval *c, int enum_idx,
                      struct sb_buf *out)
{
    const struct sb_expr *col = key->op == SB_EX_CALL ? key->args[0] : key;
    const struct sb_column *cd =
        &a->form->annexes[col->annex].cols[col->column];
    char date[11];

    sb_buf_clear(out);
    if (c->state != SB_CELL_OK) {
        sb_buf_puts(out, "（空）");
        return;
    }
    if (key->op == SB_EX_CALL && key->str[0] == 'm') {
        sb_date_format((int32_t)c->num, date);
        sb_buf_put(out, date, 7);
        return;
    }
    if (key->op == SB_EX_CALL && key->str[0] == 'y') {
        sb_date_format((int32_t)c->num, date);
        sb_buf_put(out, date, 4);
        return;
    }
    if (key->op == SB_EX_CALL && key->str[0] == 'r') {
        if (c->len >= 4 && c->text[2] >= '0' && c->text[2] <= '9' &&
            c->text[3] >= '0' && c->text[3] <= '9')
            sb_buf_put(out, c->text + 2, 2);
        else
            sb_buf_puts(out, "（空）");
        return;
    }
    if (key->op == SB_EX_CALL && key->str[0] == 't') {
        sb_heading_title(c->text, c->len, out);
        return;
    }
    if (key->op == SB_EX_CALL) {
        band_text(c->num / cd->yuan_per_unit, out);
        return;
    }
    switch (col->vtype) {
    case SB_VT_ENUM:
    case SB_VT_SET:
        if (enum_idx >= 0 && cd->en != NULL && enum_idx < cd->en->n)
            sb_buf_puts(out, cd->en->values[enum_idx].text);
        break;
    case SB_VT_DATE:
        sb_date_format((int32_t)c->num, date);
        sb_buf_puts(out, date);
        break;
    case SB_VT_BOOL:
        sb_buf_puts(out, c->num != 0 ? "是" : "否");
        break;
    case SB_VT_NUM:
        sb_buf_printf(out, "%.15g", c->num);
        break;
    default: /* text: a value of the enumeration it names reads as it */
        if (c->enum_idx >= 0 && cd->en != NULL && c->enum_idx < cd->en->n)
            sb_buf_puts(out, cd->en->values[c->enum_idx].text);
        else
            sb_buf_put(out, c->text, c->len);
    }
}

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h;
}

/* The key row is counted under in distinct(...) a: 1 and *key, or 0
 * when a part has no value (such a row is not counted). */
static int row_key(struct sb_agg *a, const struct sb_row *row, uint64_t *key)
{
    uint64_t h = 0;

    for (int i = 0; i < a->e->n_args; i++) {
        const struct sb_expr *col = a->e->args[i];
        const struct sb_cellval *c = &row->cells[col->column];

        if (c->state != SB_CELL_OK)
            return 0; /* a value with an empty part is not counted */
        switch (col->vtype) {
        case SB_VT_ENUM:
            h = mix(h, (uint64_t)c->enum_idx + 1);
            break;
        case SB_VT_SET:
            h = mix(h, c->mask);
            break;
        case SB_VT_NUM:
        case SB_VT_DATE:
        case SB_VT_BOOL: {
            uint64_t bits;

            memcpy(&bits, &c->num, sizeof bits);
            h = mix(h, bits);
            break;
        }
        default:
            sb_norm_key(c->text, c->len, &a->part);
            h = mix(h, sb_hash64(a->part.data, a->part.len));
        }
    }
    *key = h;
    return 1;
}

int sb_agg_distinct_key(struct sb_agg *a, const struct sb_row *row,
                        uint64_t *key)
{
    if (a->fn != F_DISTINCT || a->e->n_by > 0)
        return 0;
    if (a->e->where != NULL) {
        a->env.row = row;
        if (sb_eval_cond(a->e->where, &a->env) != 1)
            return 0;
    }
    return row_key(a, row, key) ? 1 : -1;
}

static void add_distinct(struct sb_agg *a, const struct sb_row *row)
{
    uint64_t h = 0;
    struct seen *sn = NULL;

    if (a->use_mask) {
        const struct sb_cellval *c = &row->cells[a->e->args[0]->column];

        if (c->state != SB_CELL_OK)
            return;
        if (a->e->args[0]->vtype == SB_VT_SET)
            a->mask |= c->mask;
        else if (c->enum_idx >= 0 && c->enum_idx < 64)
            a->mask |= 1ULL << c->enum_idx;
        return;
    }
    if (a->seen != NULL) {
        const struct sb_cellval *c = &row->cells[a->e->args[0]->column];

        if (c->state != SB_CELL_OK)
            return;
        if (c->len <= SEEN_TEXT) {
            sn = &a->seen[sb_hash64(c->text, c->len) & (SEEN_SLOTS - 1)];
            /* The same text was counted already: its key is in the set. */
            if (sn->len == c->len && memcmp(sn->text, c->text, c->len) == 0)
                return;
        }
    }
    if (!row_key(a, row, &h))
        return;
    if (sb_keyset_add(a->set, (const char *)&h, sizeof h, 1) == 0)
        a->n_distinct++;
    if (sn != NULL) {
        const struct sb_cellval *c = &row->cells[a->e->args[0]->column];

        sn->len = (unsigned char)c->len;
        memcpy(sn->text, c->text, c->len);
    }
}

static uint64_t str_hash(const char *s, size_t n)
{
    return sb_hash64(s, n);
}

static struct sb_group *find_group(struct sb_agg *a, const char *key,
                                   size_t len, int *is_new)
{
    uint64_t h = str_hash(key, len);
    long mask, i;

    *is_new = 0;
    if (a->n_groups * 2 >= a->n_slots) {
        long n = a->n_slots ? a->n_slots * 2 : 64;

        free(a->slots);
        a->slots = sb_xcalloc((size_t)n, sizeof *a->slots);
        a->n_slots = n;
        for (long g = 0; g < a->n_groups; g++) {
            const char *k = a->groups[g].key;
            long j = (long)(str_hash(k, strlen(k)) & (uint64_t)(n - 1));

            while (a->slots[j] != 0)
                j = (j + 1) & (n - 1);
            a->slots[j] = g + 1;
        }
    }
    mask = a->n_slots - 1;
    for (i = (long)(h & (uint64_t)mask); a->slots[i] != 0;
         i = (i + 1) & mask) {
        struct sb_group *g = &a->groups[a->slots[i] - 1];

        if (strlen(g->key) == len && memcmp(g->key, key, len) == 0)
            return g;
    }
    if (a->n_groups == a->cap_groups) {
        a->cap_groups = a->cap_groups ? a->cap_groups * 2 : 16;
        a->groups = sb_xrealloc(a->groups, (size_t)a->cap_groups *
                                               sizeof *a->groups);
    }
    a->slots[i] = a->n_groups + 1;
    memset(&a->groups[a->n_groups], 0, sizeof *a->groups);
    a->groups[a->n_groups].key = sb_xstrndup(key, len);
    *is_new = 1;
    return &a->groups[a->n_groups++];
}

static void fold_value(struct sb_agg *a, const struct sb_row *row,
                       struct sb_group *g)
{
    const struct sb_cellval *c;

    if (a->fn == F_COUNT) {
        if (g != NULL)
            g->count++;
        a->count++;
        return;
    }
    c = &row->cells[a->e->args[0]->column];
    if (c->state != SB_CELL_OK)
        return;
    a->n_values++;
    a->abs_sum += fabs(c->num);
    if (!(fabs(c->num) < EXACT_LIMIT && c->num == trunc(c->num)))
        a->inexact = 1;
    if (g != NULL) {
        g->count++;
        g->sum += c->num;
    }
    a->count++;
    a->sum += c->num;
    if (!a->have || c->num < a->min)
        a->min = c->num;
    if (!a->have || c->num > a->max)
        a->max = c->num;
    a->have = 1;
}

/* Build the group key of a row; with one set-valued by-column the row
 * falls into one group per member. */
static void add_grouped(struct sb_agg *a, const struct sb_row *row)
{
    int set_col = -1;
    uint64_t members = 1;
    long fk = -1;

    if (a->fast_group != NULL) {
        fk = 0;
        for (int j = 0; j < a->e->n_by; j++)
            fk = fk * a->fast_dim[j] +
                 fast_key(&row->cells[a->e->by[j]->column], a->fast_dim[j]);
        if (a->fast_group[fk] > 0) {
            fold_value(a, row, &a->groups[a->fast_group[fk] - 1]);
            return;
        }
    }

    for (int j = 0; j < a->e->n_by; j++) {
        if (a->e->by[j]->op != SB_EX_CALL &&
            a->e->by[j]->vtype == SB_VT_SET && set_col < 0) {
            set_col = j;
            members = row->cells[a->e->by[j]->column].mask;
            if (row->cells[a->e->by[j]->column].state != SB_CELL_OK ||
                members == 0)
                members = 1ULL << 63; /* one "（空）" group */
        }
    }
    for (int bit = 0; bit < 64; bit++) {
        struct sb_group *g;
        int is_new;

        if (!((members >> bit) & 1))
            continue;
        sb_buf_clear(&a->key);
        for (int j = 0; j < a->e->n_by; j++) {
            const struct sb_expr *col = a->e->by[j];
            const struct sb_cellval *c = &row->cells[col->column];
            int idx = j == set_col ? (bit == 63 ? -1 : bit) : c->enum_idx;
            struct sb_cellval empty = {0};

            cell_text(a, col, j == set_col && idx < 0 ? &empty : c, idx,
                      &a->part);
            if (j > 0)
                sb_buf_puts(&a->key, " / ");
            sb_buf_put(&a->key, a->part.data, a->part.len);
        }
        g = find_group(a, a->key.data, a->key.len, &is_new);
        if (is_new) {
            g->first_row = row->row;
            g->first_line = row->line;
            g->parts = sb_xcalloc((size_t)a->e->n_by, sizeof *g->parts);
            for (int j = 0; j < a->e->n_by; j++) {
                const struct sb_expr *col = a->e->by[j];
                const struct sb_cellval *c = &row->cells[col->column];
                int idx = j == set_col ? (bit == 63 ? -1 : bit)
                                       : c->enum_idx;
                struct sb_cellval empty = {0};

                cell_text(a, col, j == set_col && idx < 0 ? &empty : c,
                          idx, &a->part);
                g->parts[j] = sb_xstrdup(a->part.data);
            }
        }
        if (fk >= 0)
            a->fast_group[fk] = (g - a->groups) + 1;
        fold_value(a, row, g);
    }
}

/* Offer an entry to the top list (entries come in row order). */
static void top_insert(struct sb_agg *a, const char *label, size_t len,
                       double value, long row, long line)
{
    long i;

    if (a->n_top == a->k_top && value <= a->top[a->n_top - 1].value)
        return;
    if (a->top == NULL)
        a->top = sb_xcalloc((size_t)a->k_top, sizeof *a->top);
    if (a->n_top == a->k_top) {
        free(a->top[a->n_top - 1].label);
        a->n_top--;
    }
    /* Ties keep the earlier row first: insert after equal values. */
    for (i = a->n_top; i > 0 && a->top[i - 1].value < value; i--)
        a->top[i] = a->top[i - 1];
    a->top[i].label = sb_xstrndup(label, len);
    a->top[i].value = value;
    a->top[i].row = row;
    a->top[i].line = line;
    a->n_top++;
}

static void add_top(struct sb_agg *a, const struct sb_row *row)
{
    const struct sb_cellval *lc = &row->cells[a->e->args[0]->column];
    const struct sb_cellval *vc = &row->cells[a->e->args[1]->column];

    if (vc->state != SB_CELL_OK || lc->state == SB_CELL_EMPTY)
        return;
    top_insert(a, lc->text, lc->len, vc->num, row->row, row->line);
}

void sb_agg_add(struct sb_agg *a, const struct sb_row *row)
{
    if (a->e->where != NULL) {
        a->env.row = row;
        if (sb_eval_cond(a->e->where, &a->env) != 1)
            return;
    }
    if (a->e->n_by > 0)
        add_grouped(a, row);
    else if (a->fn == F_DISTINCT)
        add_distinct(a, row);
    else if (a->fn == F_TOP)
        add_top(a, row);
    else
        fold_value(a, row, NULL);
}

double sb_agg_value(const struct sb_agg *a, int *have)
{
    if (have != NULL)
        *have = 1;
    switch (a->fn) {
    case F_COUNT:
        return (double)a->count;
    case F_SUM:
        return (double)a->sum;
    case F_DISTINCT:
        return a->use_mask ? (double)__builtin_popcountll(a->mask)
                           : (double)a->n_distinct;
    case F_MIN:
    case F_MAX:
        if (have != NULL)
            *have = a->have;
        return a->fn == F_MIN ? a->min : a->max;
    case F_TOP:
        return (double)a->n_top;
    }
    return 0;
}

void sb_agg_result(const struct sb_agg *a, struct sb_val *out)
{
    int have = 1;
    double x = sb_agg_value(a, &have);

    memset(out, 0, sizeof *out);
    out->vt = SB_VT_NONE;
    if (!a->known || !have)
        return;
    out->vt = a->e->vtype == SB_VT_DATE ? SB_VT_DATE : SB_VT_NUM;
    out->num = x;
}

const struct sb_group *sb_agg_groups(const struct sb_agg *a, long *n)
{
    *n = a->n_groups;
    return a->groups;
}

const struct sb_top *sb_agg_top(const struct sb_agg *a, long *n)
{
    *n = a->n_top;
    return a->top;
}

struct sb_agg *sb_agg_clone_empty(const struct sb_agg *a)
{
    return sb_agg_new(a->form, a->e, a->env.figs);
}

void sb_agg_reset(struct sb_agg *a)
{
    struct sb_agg *n = sb_agg_new(a->form, a->e, a->env.figs);
    struct sb_agg tmp = *a;

    *a = *n;
    *n = tmp;
    sb_agg_free(n);
}

int sb_agg_can_merge(const struct sb_agg *into, const struct sb_agg *from)
{
    return into->n_values == 0 || from->n_values == 0 ||
           (!into->inexact && !from->inexact &&
            into->abs_sum + from->abs_sum < EXACT_LIMIT);
}

int sb_agg_merge(struct sb_agg *into, const struct sb_agg *from, long row_off,
                 long line_off)
{
    if (!sb_agg_can_merge(into, from))
        return 0;
    into->count += from->count;
    into->sum += from->sum;
    if (from->have && (!into->have || from->min < into->min))
        into->min = from->min;
    if (from->have && (!into->have || from->max > into->max))
        into->max = from->max;
    into->have |= from->have;
    into->n_values += from->n_values;
    into->abs_sum += from->abs_sum;
    into->inexact |= from->inexact;
    into->mask |= from->mask;
    if (from->set != NULL) {
        size_t pos = 0;
        uint64_t h;
        long row;

        while (sb_keyset_next(from->set, &pos, &h, &row)) {
            if (sb_keyset_add_hash(into->set, h, row) == 0)
                into->n_distinct++;
        }
    }
    for (long i = 0; i < from->n_groups; i++) {
        const struct sb_group *g = &from->groups[i];
        struct sb_group *t;
        int is_new;

        t = find_group(into, g->key, strlen(g->key), &is_new);
        if (is_new) {
            t->first_row = g->first_row + row_off;
            t->first_line = g->first_line + line_off;
            t->parts = sb_xcalloc((size_t)into->e->n_by, sizeof *t->parts);
            for (int j = 0; j < into->e->n_by; j++)
                t->parts[j] = sb_xstrdup(g->parts[j]);
        }
        t->count += g->count;
        t->sum += g->sum;
    }
    for (long i = 0; i < from->n_top; i++) {
        const struct sb_top *t = &from->top[i];

        top_insert(into, t->label, strlen(t->label), t->value,
                   t->row + row_off, t->line + line_off);
    }
    return 1;
}
