/* chartset.c: from a checked declaration to chart specs (chartset.h). */
#include "chart/chartset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_out.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart/finding.h"
#include "chart/glossary.h"
#include "rules/bind.h"
#include "cells/cell.h"
#include "cells/money_unit.h"
#include "rules/eval.h"
#include "form/expr.h"
#include "base/outfile.h"
#include "base/progress.h"
#include "read/table.h"
#include "base/numfmt.h"

/* The spec being built, and the storage it points into. */
struct build {
    struct sb_chart_spec spec;
    char **cats;      /* owned labels */
    int n_cats;
    char **series;
    int n_series;
    double *values;   /* n_series × n_cats */
    double *share;
    char *source;
    int *tile_row, *tile_col; /* tiles: each category's place */
    char **texts;             /* table: 3 × n_cats cells, owned */
    unsigned char *marks;     /* table: each row's enum sb_chart_mark */
    double unplaced;          /* tiles: what no region of the table took */
    int tr_cats, tr_series;   /* 1: the labels are the form's words (an
                                 enumeration's values, items), to be
                                 translated; 0: data (names, months) */
};

/* Each of the n labels v[] in g's language. */
static void translate(struct sb_glossary *g, char **v, int n)
{
    for (int i = 0; i < n; i++) {
        char *t = sb_xstrdup(sb_glossary_get(g, v[i]));

        free(v[i]);
        v[i] = t;
    }
}

static int find_label(char **v, int n, const char *s)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(v[i], s) == 0)
            return i;
    }
    return -1;
}

static int add_label(char ***v, int *n, const char *s)
{
    int i = find_label(*v, *n, s);

    if (i >= 0)
        return i;
    *v = sb_xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[*n] = sb_xstrdup(s);
    return (*n)++;
}

/* The enumeration behind a by-key, if it is an enum column. */
static const struct sb_enum *key_enum(const struct sb_form *f,
                                      const struct sb_expr *k)
{
    const struct sb_column *c;

    if (k->op == SB_EX_CALL)
        return NULL;
    c = &f->annexes[k->annex].cols[k->column];
    return c->type == SB_TYPE_ENUM || c->type == SB_TYPE_ENUM_LIST ? c->en
                                                                    : NULL;
}

/* Labels of one by-key: every enumeration value first (zeros shown),
 * then what the groups hold, months and bands in order. */
static void key_labels(const struct sb_form *f, const struct sb_expr *k,
                       const struct sb_group *g, long n_groups, int part,
                       char ***out, int *n)
{
    const struct sb_enum *en = key_enum(f, k);

    if (en != NULL) {
        for (int i = 0; i < en->n; i++)
            add_label(out, n, en->values[i].text);
    }
    for (long i = 0; i < n_groups; i++) {
        if (strcmp(g[i].parts[part], "（空）") != 0)
            add_label(out, n, g[i].parts[part]);
    }
    if (en == NULL) {
        /* months "2023-05" sort as text; bands by their lower edge, and
         * so do plain labels that are all numbers (batches 1 … 5, 2021);
         * other text keeps the order of first appearance */
        int months = k->op == SB_EX_CALL && k->str[0] == 'm';
        int numeric = 1;

        for (int i = 0; i < *n && numeric && !months; i++) {
            char *end;

            strtod((*out)[i], &end);
            numeric = end != (*out)[i] &&
                      (*end == '\0' || (k->op == SB_EX_CALL &&
                                        k->str[0] == 'b'));
        }
        for (int i = 1; i < *n && (months || numeric); i++) {
            for (int j = i; j > 0; j--) {
                double a = atof((*out)[j - 1]), b = atof((*out)[j]);
                int swap = months ? strcmp((*out)[j - 1], (*out)[j]) > 0
                                  : a > b;
                char *t;

                if (!swap)
                    break;
                t = (*out)[j - 1];
                (*out)[j - 1] = (*out)[j];
                (*out)[j] = t;
            }
        }
    }
}

/* Values of money columns and figures are in 元; a chart in 万元 shows
 * them divided. */
static double unit_div(const char *unit)
{
    double yuan = sb_money_unit_yuan(unit, strlen(unit));

    return yuan > 0 ? yuan : 1;
}

static int is_money(const struct sb_form *f, const struct sb_expr *e)
{
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_FIELD)
        return f->fields[e->field].type == SB_TYPE_MONEY;
    if (e->op == SB_EX_NAME && e->bound == SB_BOUND_COLUMN)
        return f->annexes[e->annex].cols[e->column].type == SB_TYPE_MONEY;
    if (e->op == SB_EX_CALL && strcmp(e->str, "count") != 0 &&
        strcmp(e->str, "distinct") != 0 && e->n_args > 0)
        return is_money(f, e->args[e->n_args > 1 && e->str[0] == 't' ? 1 : 0]);
    return 0;
}

/* Months between two "YYYY-MM" keys, for filling a line's gaps. */
static int month_index(const char *s)
{
    return atoi(s) * 12 + atoi(s + 5) - 1;
}

static void fill_months(struct build *b)
{
    int first, last;
    char **cats;
    int n;

    if (b->n_cats == 0)
        return;
    first = month_index(b->cats[0]);
    last = month_index(b->cats[b->n_cats - 1]);
    n = last - first + 1;
    cats = sb_xcalloc((size_t)n, sizeof *cats);
    for (int m = 0; m < n; m++)
        cats[m] = sb_xasprintf("%04d-%02d", (first + m) / 12,
                               (first + m) % 12 + 1);
    for (int i = 0; i < b->n_cats; i++)
        free(b->cats[i]);
    free(b->cats);
    b->cats = cats;
    b->n_cats = n;
}

/* A group's value: its count, or its sum in the chart's unit. */
static double group_value(const struct sb_expr *e, const struct sb_group *g,
                          double div)
{
    return strcmp(e->str, "count") == 0 ? (double)g->count : g->sum / div;
}

static int from_groups(struct build *b, const struct sb_decl *d,
                       const struct sb_chart_def *ch)
{
    const struct sb_expr *e = ch->data;
    const struct sb_agg *a = d->aggs[e->agg];
    const struct sb_group *g;
    long n;
    int cat_key = 0, ser_key = -1;
    double div = is_money(d->form, e) ? unit_div(ch->unit) : 1;

    g = sb_agg_groups(a, &n);
    if (e->n_by == 2) {
        /* heatmaps: first key rows (series), second columns */
        int heat = strcmp(ch->kind, "heatmap") == 0;

        cat_key = heat ? 1 : 0;
        ser_key = heat ? 0 : 1;
    }
    key_labels(d->form, e->by[cat_key], g, n, cat_key, &b->cats, &b->n_cats);
    b->tr_cats = key_enum(d->form, e->by[cat_key]) != NULL;
    b->tr_series = ser_key >= 0 && key_enum(d->form, e->by[ser_key]) != NULL;
    if (e->by[cat_key]->op == SB_EX_CALL && e->by[cat_key]->str[0] == 'm')
        fill_months(b);
    if (ser_key >= 0)
        key_labels(d->form, e->by[ser_key], g, n, ser_key, &b->series,
                   &b->n_series);
    else
        add_label(&b->series, &b->n_series, "");
    b->values = sb_xcalloc((size_t)(b->n_series * b->n_cats) + 1,
                           sizeof *b->values);
    for (long i = 0; i < n; i++) {
        int c = find_label(b->cats, b->n_cats, g[i].parts[cat_key]);
        int s = ser_key >= 0
                    ? find_label(b->series, b->n_series, g[i].parts[ser_key])
                    : 0;
        double v = group_value(e, &g[i], div);

        if (c >= 0 && s >= 0)
            b->values[s * b->n_cats + c] += v;
    }
    return SB_OK;
}

/* A tile map: the groups of a region() key (two-digit province codes)
 * onto the regions of a shared table, pipeline/forms/<regions=>
 * (default provinces.csv: code, name, name_en (the name in English,
 * for --lang en), row, col — GB/T 2260 province
 * codes, each at its place in a fixed grid). Every region of the table
 * is a tile, zeros included, in the table's order; what no region
 * takes (a code the table lacks, a cell whose code has no digits) adds
 * to b->unplaced. Returns SB_OK, or SB_EIO/SB_EFORMAT with err when the
 * table cannot be read or lacks a column. */
static int from_tiles(struct build *b, const struct sb_decl *d,
                      const struct sb_chart_def *ch, enum sb_lang lang,
                      struct sb_error *err)
{
    const struct sb_expr *e = ch->data;
    const char *file = sb_chart_option(ch, "regions");
    double div = is_money(d->form, e) ? unit_div(ch->unit) : 1;
    const struct sb_group *g;
    struct sb_table *t;
    char *path;
    int col[4], rc;
    long n;

    if (file == NULL)
        file = "provinces.csv";
    if (strchr(file, '/') != NULL)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart %s: regions=%s is not a file name", ch->id,
                            file);
    path = sb_xasprintf("%s/pipeline/forms/%s", sb_datadir(), file);
    rc = sb_table_read(&t, path, NULL, err);
    free(path);
    if (rc != SB_OK)
        return rc;
    col[0] = sb_table_col(t, "code");
    col[1] = lang == SB_LANG_EN && sb_table_col(t, "name_en") >= 0
                 ? sb_table_col(t, "name_en")
                 : sb_table_col(t, "name");
    col[2] = sb_table_col(t, "row");
    col[3] = sb_table_col(t, "col");
    if (col[0] < 0 || col[1] < 0 || col[2] < 0 || col[3] < 0) {
        rc = sb_error_set(err, SB_EFORMAT, NULL,
                          "%s: needs columns code, name, row, col", t->path);
        sb_table_free(t);
        return rc;
    }
    add_label(&b->series, &b->n_series, "");
    b->values = sb_xcalloc((size_t)t->n_rows + 1, sizeof *b->values);
    b->tile_row = sb_xcalloc((size_t)t->n_rows + 1, sizeof *b->tile_row);
    b->tile_col = sb_xcalloc((size_t)t->n_rows + 1, sizeof *b->tile_col);
    for (long r = 0; r < t->n_rows; r++) {
        add_label(&b->cats, &b->n_cats, sb_table_get(t, r, col[1]));
        b->tile_row[b->n_cats - 1] = atoi(sb_table_get(t, r, col[2]));
        b->tile_col[b->n_cats - 1] = atoi(sb_table_get(t, r, col[3]));
    }
    g = sb_agg_groups(d->aggs[e->agg], &n);
    for (long i = 0; i < n; i++) {
        long r = 0;

        while (r < t->n_rows &&
               strcmp(sb_table_get(t, r, col[0]), g[i].parts[0]) != 0)
            r++;
        if (r < t->n_rows)
            b->values[r] += group_value(e, &g[i], div);
        else
            b->unplaced += group_value(e, &g[i], div);
    }
    sb_table_free(t);
    b->spec.keep_order = 1;
    return SB_OK;
}

static int from_top(struct build *b, const struct sb_decl *d,
                    const struct sb_chart_def *ch)
{
    const struct sb_agg *a = d->aggs[ch->data->agg];
    long n;
    const struct sb_top *t = sb_agg_top(a, &n);
    double div = is_money(d->form, ch->data) ? unit_div(ch->unit) : 1;

    add_label(&b->series, &b->n_series, "");
    b->values = sb_xcalloc((size_t)n + 1, sizeof *b->values);
    for (long i = 0; i < n; i++) {
        add_label(&b->cats, &b->n_cats, t[i].label);
        b->values[b->n_cats - 1] = t[i].value / div;
    }
    b->spec.keep_order = 1;
    return SB_OK;
}

static int from_items(struct build *b, const struct sb_decl *d,
                      const struct sb_chart_def *ch)
{
    struct sb_env env = {d->form, d->figs, NULL, d->agg_vals};

    for (int i = 0; i < ch->n_items; i++) {
        add_label(&b->cats, &b->n_cats, ch->items[i].category);
        add_label(&b->series, &b->n_series, ch->items[i].series);
    }
    b->tr_cats = b->tr_series = 1;
    b->values = sb_xcalloc((size_t)(b->n_series * b->n_cats) + 1,
                           sizeof *b->values);
    for (int i = 0; i < ch->n_items; i++) {
        const struct sb_chart_datum *it = &ch->items[i];
        struct sb_val v;
        int c = find_label(b->cats, b->n_cats, it->category);
        int s = find_label(b->series, b->n_series, it->series);
        double div = is_money(d->form, it->value) ? unit_div(ch->unit) : 1;

        sb_eval(it->value, &env, &v);
        if (v.vt == SB_VT_NUM)
            b->values[s * b->n_cats + c] = v.num / div;
    }
    b->spec.keep_order = 1;
    b->spec.ordinal = 1;
    return SB_OK;
}

/* A number and its unit: "20,000台/套"; in English "20,000 units",
 * "5,686" (a unit translated as empty). */
static char *number_unit(double v, const char *unit, struct sb_glossary *g)
{
    enum sb_lang lang = sb_glossary_lang(g);
    const char *u = sb_glossary_get(g, unit);
    char num[SB_NUMFMT_SIZE];

    return sb_xasprintf("%s%s%s", sb_chart_number(v, lang, num, sizeof num),
                        lang == SB_LANG_EN && u[0] != '\0' && u[0] != '%'
                            ? " "
                            : "",
                        u);
}

/* A figure of field i in its unit as declared ("20,000台/套", "86,245.12
 * 万元", "18.6%", "是"), or what was written when it is not a value. In
 * English money is in 元 with k/M/B whatever the declared unit
 * ("862.45M CNY", 元 as the glossary has it), and 是/否 are Yes/No. */
static char *figure_text(const struct sb_decl *d, int i, double v,
                         struct sb_glossary *g)
{
    const struct sb_field *f = &d->form->fields[i];
    int en = sb_glossary_lang(g) == SB_LANG_EN;

    if (f->type == SB_TYPE_BOOL)
        return sb_xstrdup(en ? (v != 0 ? "Yes" : "No") : v != 0 ? "是" : "否");
    if (f->type != SB_TYPE_INT && f->type != SB_TYPE_DECIMAL &&
        f->type != SB_TYPE_MONEY && f->type != SB_TYPE_PERCENT)
        return sb_xstrdup(d->figs[i].raw);
    if (f->type == SB_TYPE_MONEY && en)
        return number_unit(v, "元", g);
    if (f->type == SB_TYPE_MONEY)
        v /= f->yuan_per_unit;
    return number_unit(v, f->unit, g);
}

/* table: one row an item (an indicator and its headline figure, or a
 * text): the figure as declared, what the lists give and the verdict of
 * the rule that checks it against them (sb_decl_list_check); "—" where
 * a figure has no list behind it or is not there. */
static void from_table(struct build *b, const struct sb_decl *d,
                       const struct sb_chart_def *ch, struct sb_glossary *g)
{
    static const char *const verdict[][5] = {
        [SB_LANG_ZH] = {[SB_LIST_NONE] = "—", [SB_LIST_EQUAL] = "一致",
                        [SB_LIST_WITHIN] = "符合",
                        [SB_LIST_DIFFERS] = "不一致",
                        [SB_LIST_UNCHECKED] = "未核对"},
        [SB_LANG_EN] = {[SB_LIST_NONE] = "—", [SB_LIST_EQUAL] = "agrees",
                        [SB_LIST_WITHIN] = "within bound",
                        [SB_LIST_DIFFERS] = "differs",
                        [SB_LIST_UNCHECKED] = "not checked"}};
    static const char *const header[][3] = {
        [SB_LANG_ZH] = {"申报值", "清单值", "状态"},
        [SB_LANG_EN] = {"Declared", "Lists give", "Status"}};
    enum sb_lang lang = sb_glossary_lang(g);
    static const unsigned char mark[] = {
        [SB_LIST_NONE] = SB_MARK_NONE,     [SB_LIST_EQUAL] = SB_MARK_GOOD,
        [SB_LIST_WITHIN] = SB_MARK_GOOD,   [SB_LIST_DIFFERS] = SB_MARK_BAD,
        [SB_LIST_UNCHECKED] = SB_MARK_UNCHECKED};
    struct sb_env env = {d->form, d->figs, NULL, d->agg_vals};
    int n = ch->n_items;

    for (int k = 0; k < 3; k++)
        add_label(&b->series, &b->n_series, header[lang][k]);
    b->tr_cats = 1;
    b->texts = sb_xcalloc((size_t)(3 * n) + 1, sizeof *b->texts);
    b->marks = sb_xcalloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
        const struct sb_expr *e = ch->items[i].value;
        enum sb_list_status st = SB_LIST_NONE;
        char *decl = NULL, *list = NULL;
        struct sb_val v;
        double lv = 0;

        add_label(&b->cats, &b->n_cats, ch->items[i].category);
        if (e->op == SB_EX_NAME && e->bound == SB_BOUND_FIELD) {
            const struct sb_figure *fg = &d->figs[e->field];

            if (fg->state == SB_FIG_OK)
                decl = figure_text(d, e->field, fg->value, g);
            else if (fg->raw != NULL && fg->raw[0] != '\0')
                decl = sb_xstrdup(fg->raw);
            st = sb_decl_list_check(d, e->field, &lv);
            if (st != SB_LIST_NONE && st != SB_LIST_UNCHECKED)
                list = figure_text(d, e->field, lv, g);
        } else if (e->op == SB_EX_STR) {
            decl = sb_xstrdup(sb_glossary_get(g, e->str));
        } else {
            sb_eval(e, &env, &v);
            if (v.vt == SB_VT_NUM)
                decl = number_unit(v.num, ch->unit, g);
        }
        b->texts[i] = decl != NULL ? decl : sb_xstrdup("—");
        b->texts[n + i] = list != NULL ? list : sb_xstrdup("—");
        b->texts[2 * n + i] = sb_xstrdup(verdict[lang][st]);
        b->marks[i] = mark[st];
    }
    b->values = sb_xcalloc((size_t)(3 * n) + 1, sizeof *b->values);
    b->spec.texts = (const char *const *)b->texts;
    b->spec.marks = b->marks;
    b->spec.keep_order = 1;
}

/* line: cumulative counts and, with active=, the share of those
 * registered by each month that are active now. Only its last value,
 * the share of all registered today, is shown (a title's {share_last}):
 * a list that keeps each developer's latest login alone cannot give the
 * share of any earlier month (issue 16 item 8), so no panel draws the
 * months as if it were a history. */
static void line_options(struct build *b, const struct sb_decl *d,
                         const struct sb_chart_def *ch)
{
    double run = 0, run_active = 0;
    const struct sb_expr *active = NULL;
    double *act;

    for (int i = 0; i < ch->n_opts; i++) {
        if (strcmp(ch->opt_keys[i], "active") == 0)
            active = ch->opt_exprs[i];
    }
    act = sb_xcalloc((size_t)b->n_cats + 1, sizeof *act);
    if (active != NULL && active->bound == SB_BOUND_AGG &&
        active->n_by == 1) {
        long n;
        const struct sb_group *g = sb_agg_groups(d->aggs[active->agg], &n);

        for (long i = 0; i < n; i++) {
            int c = find_label(b->cats, b->n_cats, g[i].parts[0]);

            if (c >= 0)
                act[c] = (double)g[i].count;
        }
        b->share = sb_xcalloc((size_t)b->n_cats + 1, sizeof *b->share);
    }
    for (int c = 0; c < b->n_cats; c++) {
        if (sb_chart_option(ch, "cumulative") != NULL) {
            run += b->values[c];
            b->values[c] = run;
        }
        run_active += act[c];
        if (b->share != NULL)
            b->share[c] = b->values[c] > 0 ? 100.0 * run_active / b->values[c]
                                           : 0;
    }
    free(act);
    if (b->n_cats > 0) {
        b->spec.start_year = atoi(b->cats[0]);
        b->spec.start_month = atoi(b->cats[0] + 5);
    }
}

/* "数据来源：附件1 工业设备清单，统计截至2023-05-31"; in English
 * "Source: Annex 1 Industrial equipment list, as of 2023-05-31". */
static char *source_line(const struct sb_decl *d,
                         const struct sb_chart_def *ch, struct sb_glossary *g)
{
    const struct sb_annex *a = sb_form_annex(d->form, ch->source);
    const struct sb_figure *sd = sb_decl_role(d, "statistics_date");
    const char *title = sb_form_meta(d->form, "title");
    int en = sb_glossary_lang(g) == SB_LANG_EN;
    const char *as_of = en ? ", as of " : "，统计截至";
    char date[11] = "";

    if (sd != NULL)
        sb_date_format(sd->date, date);
    if (a != NULL)
        return sb_xasprintf("%s%d %s%s%s",
                            en ? "Source: Annex " : "数据来源：附件",
                            a->number, sb_glossary_get(g, a->title),
                            date[0] ? as_of : "", date);
    return sb_xasprintf("%s%s%s%s", en ? "Source: " : "数据来源：",
                        title != NULL ? sb_glossary_get(g, title)
                                      : en ? "the declaration" : "申报书",
                        date[0] ? as_of : "", date);
}

static enum sb_chart_kind kind_of(const char *k)
{
    static const char *const names[] = {"bar",     "hbar",  "grouped",
                                        "stacked", "donut", "line",
                                        "heatmap", "tiles", "table"};

    for (int i = 0; i < 9; i++) {
        if (strcmp(k, names[i]) == 0)
            return (enum sb_chart_kind)i;
    }
    return SB_CHART_BAR;
}

static void build_free(struct build *b)
{
    for (int i = 0; i < b->n_cats; i++)
        free(b->cats[i]);
    for (int i = 0; i < b->n_series; i++)
        free(b->series[i]);
    free(b->cats);
    free(b->series);
    free(b->values);
    free(b->share);
    free(b->source);
    free(b->tile_row);
    free(b->tile_col);
    for (int i = 0; b->texts != NULL && i < 3 * b->n_cats; i++)
        free(b->texts[i]);
    free(b->texts);
    free(b->marks);
}


int sb_chartset_layout(struct sb_chart **out, const struct sb_decl *d,
                       const struct sb_chart_def *ch,
                       enum sb_chart_target target, double width_pt,
                       double height_pt, struct sb_glossary *g,
                       struct sb_fonts *fonts, struct sb_error *err)
{
    enum sb_lang lang = sb_glossary_lang(g);
    struct build b = {0};
    struct sb_chart_theme theme;
    struct sb_chart_spec with_share;
    const char *top = sb_chart_option(ch, "top");
    const char *finding = sb_chart_option(ch, "finding");
    char *title = NULL;
    double total = 0;
    int rc;

    *out = NULL;
    if (ch->data != NULL && (ch->data->bound != SB_BOUND_AGG ||
                             !sb_agg_known(d->aggs[ch->data->agg])))
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart %s: its list is not there", ch->id);
    if (ch->data == NULL && strcmp(ch->kind, "table") == 0) {
        from_table(&b, d, ch, g);
    } else if (ch->data == NULL) {
        from_items(&b, d, ch);
    } else if (strcmp(ch->kind, "tiles") == 0) {
        if (ch->data->n_by != 1)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "chart %s: a tile map takes one by-key, a "
                                "region()", ch->id);
        rc = from_tiles(&b, d, ch, lang, err);
        if (rc != SB_OK) {
            build_free(&b);
            return rc;
        }
    } else if (ch->data->n_by > 0)
        from_groups(&b, d, ch);
    else
        from_top(&b, d, ch);
    if (ch->data != NULL && ch->data->n_by == 1 && b.tile_row == NULL &&
        ch->data->by[0]->op == SB_EX_CALL &&
        ch->data->by[0]->str[0] != 't' && ch->data->by[0]->str[0] != 'r') {
        /* months, years and 1-2-5 bands are ordered */
        b.spec.ordinal = 1;
        b.spec.keep_order = 1;
    }
    for (int i = 0; i < b.n_series * b.n_cats; i++)
        total += fabs(b.values[i]);
    if (b.n_cats == 0 || (total == 0 && b.texts == NULL)) {
        build_free(&b);
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart %s: no data to draw", ch->id);
    }
    b.spec.kind = kind_of(ch->kind);
    if (b.spec.kind == SB_CHART_LINE)
        line_options(&b, d, ch);
    b.source = source_line(d, ch, g);
    if (b.unplaced > 0) {
        char *more = number_unit(b.unplaced, ch->unit, g);
        char *s = lang == SB_LANG_EN
                      ? sb_xasprintf("%s; %s more not placed by code",
                                     b.source, more)
                      : sb_xasprintf("%s；另有%s未能按代码归入地区", b.source,
                                     more);

        free(more);
        free(b.source);
        b.source = s;
    }
    if (b.tr_cats)
        translate(g, b.cats, b.n_cats);
    if (b.tr_series)
        translate(g, b.series, b.n_series);
    b.spec.tile_row = b.tile_row;
    b.spec.tile_col = b.tile_col;
    b.spec.lang = lang;
    b.spec.title = sb_glossary_get(g, ch->title);
    b.spec.source = b.source;
    b.spec.unit = sb_glossary_get(g, ch->unit);
    b.spec.value_name = sb_glossary_get(g, sb_chart_option(ch, "value_name"));
    b.spec.cat_name = sb_glossary_get(g, sb_chart_option(ch, "cat_name"));
    b.spec.series_name =
        sb_glossary_get(g, sb_chart_option(ch, "series_name"));
    b.spec.n_cat = b.n_cats;
    b.spec.cats = (const char *const *)b.cats;
    b.spec.n_series = b.n_series;
    b.spec.series = b.n_series > 1 || b.series[0][0] != '\0'
                        ? (const char *const *)b.series
                        : NULL;
    b.spec.values = b.values;
    b.spec.top_n = top != NULL ? atoi(top) : 0;
    with_share = b.spec;
    with_share.share = b.share;
    if (finding != NULL && target != SB_CHART_REPORT &&
        target != SB_CHART_FIGURE)
        title = sb_chart_finding(sb_glossary_get(g, finding), &with_share);
    if (title != NULL)
        b.spec.title = title;
    sb_chart_theme_init(&theme, target, SB_PALETTE_OKABE_ITO);
    rc = sb_chart_new(out, &b.spec, &theme, width_pt, height_pt, fonts, err);
    free(title);
    build_free(&b);
    return rc;
}

static void chart_finding(struct sb_decl *d, enum sb_severity sev,
                          const char *code, const struct sb_chart_def *ch,
                          const char *msg)
{
    struct sb_finding f = {0};
    char *path = sb_xasprintf("%s/charts.csv", d->form->dir);

    f.code = code;
    f.sev = sev;
    f.pos.path = path;
    f.pos.row = ch->line;
    f.column = ch->id;
    f.message = msg;
    sb_findings_add(d->findings, &f);
    free(path);
}

int sb_chartset_write(struct sb_decl *d, const char *dir,
                      struct sb_fonts *fonts,
                      const struct sb_chartset_opts *opts, int *written,
                      struct sb_error *err)
{
    static const struct sb_chartset_opts defaults = {SB_CHART_DEFENSE, 1920,
                                                     1080, 0, NULL};
    const struct sb_chartset_opts *o = opts != NULL ? opts : &defaults;
    double w_px = o->width_px > 0 ? o->width_px : 1920;
    double h_px = o->height_px > 0 ? o->height_px : 1080;
    struct sb_chart_set_opts set = {w_px / 960, o->svg_outlines};
    struct sb_progress *bar = sb_progress_begin("图表", "张",
                                                d->form->n_charts);
    int rc = sb_mkdirs(dir, err);
    int n = 0;

    /* a chart skipped counts as drawn on the progress line */
    for (int i = 0; rc == SB_OK && i < d->form->n_charts;
         i++, sb_progress_step(bar, 1)) {
        const struct sb_chart_def *ch = &d->form->charts[i];
        struct sb_chart *c = NULL;
        struct sb_error e2 = {0};
        char why[256];

        if (sb_chartset_layout(&c, d, ch, o->target, 960, 960 * h_px / w_px,
                               o->glossary, fonts, &e2) != SB_OK) {
            char *msg = sb_xasprintf("未绘制图表“%s”：%s", ch->title,
                                     e2.msg);

            chart_finding(d, SB_SEV_INFO, "chart.skipped", ch, msg);
            free(msg);
            continue;
        }
        if (sb_chart_check(c, why, sizeof why) != 0) {
            char *msg = sb_xasprintf("图表“%s”排版有问题：%s", ch->title, why);

            chart_finding(d, SB_SEV_WARNING, "chart.layout", ch, msg);
            free(msg);
        }
        rc = sb_chart_write_set(c, dir, ch->id, &set, err);
        n += rc == SB_OK;
        sb_chart_free(c);
    }
    sb_progress_end(bar);
    if (written != NULL)
        *written = n;
    return rc;
}
