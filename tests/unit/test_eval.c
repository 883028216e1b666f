/* test_eval.c: the evaluator (sb_eval, sb_eval_cond) over figures, a
 * row and aggregate results; comparisons with declared precision; the
 * parsing of values by form type (typed.h). Expressions are bound to the
 * fields and columns of the bundled platform edition. */
#include <string.h>

#include "rules/bind.h"
#include "rules/open.h"
#include "rules/eval.h"
#include "test.h"
#include "form/typed.h"

static struct sb_form *form;
static struct sb_figure *figs;
static struct sb_cellval cells[64];
static struct sb_row row = {cells, 2, 2};

static void set_fig(const char *code, double value, double tol)
{
    struct sb_figure *g = &figs[sb_form_field_index(form, code)];

    g->state = SB_FIG_OK;
    g->value = value;
    g->tol = tol;
}

/* Bind a value expression and evaluate it over figs (aggs: results of
 * the aggregates, or NULL). */
static struct sb_val eval_value(const char *text, const struct sb_val *aggs)
{
    struct sb_env env = {form, figs, NULL, aggs};
    struct sb_expr *e = NULL;
    struct sb_val v = {0};

    CHECK_INT(sb_expr_parse_value(form->arena, text, &e, NULL), SB_OK);
    CHECK_INT(sb_bind_value(form, NULL, e, NULL), SB_OK);
    sb_eval(e, &env, &v);
    return v;
}

/* Evaluate condition cond as the where of a device aggregate, on row. */
static int eval_where(const char *cond)
{
    struct sb_env env = {form, figs, &row, NULL};
    char *text = sb_xasprintf("count(devices where %s) = 0", cond);
    struct sb_expr *e = NULL;
    int r = -2;

    CHECK_INT(sb_expr_parse(form->arena, text, &e, NULL), SB_OK);
    CHECK_INT(sb_bind_compare(form, e, NULL), SB_OK);
    if (e != NULL && e->a->where != NULL)
        r = sb_eval_cond(e->a->where, &env);
    free(text);
    return r;
}

static void set_class(const char *value)
{
    const struct sb_annex *a = sb_form_annex(form, "devices");
    const struct sb_column *c = &a->cols[sb_annex_column_index(a, "class")];
    struct sb_cellval *cv = &cells[sb_annex_column_index(a, "class")];

    memset(cv, 0, sizeof *cv);
    cv->state = value != NULL ? SB_CELL_OK : SB_CELL_EMPTY;
    cv->enum_idx = -1;
    for (int i = 0; value != NULL && i < c->en->n; i++) {
        if (strcmp(c->en->values[i].text, value) == 0)
            cv->enum_idx = i;
    }
}

static void arithmetic_carries_tolerances(void)
{
    struct sb_val v;

    /* 687.8 万元 and 12.0 万元 as declared: ±500 元 each */
    set_fig("company.total_assets", 6878000, 500);
    set_fig("company.sales_last_year", 120000, 500);
    set_fig("devices.total", 126000, 0);
    v = eval_value("company.total_assets + company.sales_last_year", NULL);
    CHECK_INT(v.vt, SB_VT_NUM);
    CHECK_DBL(v.num, 6998000, 1e-6);
    CHECK_DBL(v.tol, 1000, 1e-9);
    v = eval_value("company.total_assets - company.sales_last_year", NULL);
    CHECK_DBL(v.num, 6758000, 1e-6);
    CHECK_DBL(v.tol, 1000, 1e-9);
    /* products: |a| tol(b) + |b| tol(a) */
    v = eval_value("company.total_assets * 2", NULL);
    CHECK_DBL(v.num, 13756000, 1e-6);
    CHECK_DBL(v.tol, 1000, 1e-9);
    v = eval_value("company.sales_last_year / devices.total", NULL);
    CHECK_DBL(v.num, 120000.0 / 126000, 1e-12);
    CHECK_DBL(v.tol, 500.0 / 126000, 1e-12);
    v = eval_value("-devices.total + 1", NULL);
    CHECK_DBL(v.num, -125999, 0);
    CHECK_DBL(v.tol, 0, 0);
    /* a division by zero and a missing figure are unknown */
    CHECK_INT(eval_value("devices.total / 0", NULL).vt, SB_VT_NONE);
    CHECK_INT(eval_value("devices.mobile + 1", NULL).vt, SB_VT_NONE);
    /* a date less days is a date */
    figs[sb_form_field_index(form, "stat_date")].state = SB_FIG_OK;
    figs[sb_form_field_index(form, "stat_date")].date = 19722; /* 2023-12-31 */
    v = eval_value("stat_date - 29", NULL);
    CHECK_INT(v.vt, SB_VT_DATE);
    CHECK_DBL(v.num, 19693, 0);
}

static void aggregates_read_their_results(void)
{
    struct sb_val *aggs;
    struct sb_env env = {form, figs, NULL, NULL};
    struct sb_expr *e = NULL;
    struct sb_val v;

    set_fig("devices.total", 126000, 0);
    CHECK_INT(sb_expr_parse_value(form->arena,
                                  "devices.total - count(devices)", &e, NULL),
              SB_OK);
    CHECK_INT(sb_bind_value(form, NULL, e, NULL), SB_OK);
    CHECK(e->b->agg == form->n_aggs - 1);
    /* one result slot per aggregate of the form, as a declaration has */
    aggs = sb_xcalloc((size_t)form->n_aggs, sizeof *aggs);
    /* while the annexes are read, an aggregate is unknown */
    sb_eval(e, &env, &v);
    CHECK_INT(v.vt, SB_VT_NONE);
    env.aggs = aggs;
    sb_eval(e, &env, &v);
    CHECK_INT(v.vt, SB_VT_NONE);
    aggs[e->b->agg].vt = SB_VT_NUM;
    aggs[e->b->agg].num = 125990;
    sb_eval(e, &env, &v);
    CHECK_INT(v.vt, SB_VT_NUM);
    CHECK_DBL(v.num, 10, 0);
    free(aggs);
}

static void comparisons_within_precision(void)
{
    set_fig("company.total_assets", 6878000, 500);
    set_fig("devices.total", 126000, 0);
    CHECK_INT(eval_where("devices.total = 126000"), 1);
    CHECK_INT(eval_where("devices.total = 126001"), 0);
    CHECK_INT(eval_where("devices.total < 126001"), 1);
    CHECK_INT(eval_where("devices.total >= 126000"), 1);
    CHECK_INT(eval_where("devices.total > 126000"), 0);
    CHECK_INT(eval_where("company.total_assets = 6878400"), 1);
    CHECK_INT(eval_where("company.total_assets = 6878600"), 0);
    CHECK_INT(eval_where("company.total_assets != 6878600"), 1);
    CHECK_INT(eval_where("devices.mobile = 0"), -1);
}

static void and_or_not_are_three_valued(void)
{
    const char *unknown = "devices.mobile = 1"; /* a missing figure */
    const char *yes = "devices.total = 126000", *no = "devices.total = 0";
    char text[200];

    set_fig("devices.total", 126000, 0);
    snprintf(text, sizeof text, "%s and %s", unknown, no);
    CHECK_INT(eval_where(text), 0);
    snprintf(text, sizeof text, "%s and %s", no, unknown);
    CHECK_INT(eval_where(text), 0);
    snprintf(text, sizeof text, "%s and %s", unknown, yes);
    CHECK_INT(eval_where(text), -1);
    snprintf(text, sizeof text, "%s or %s", unknown, yes);
    CHECK_INT(eval_where(text), 1);
    snprintf(text, sizeof text, "%s or %s", yes, unknown);
    CHECK_INT(eval_where(text), 1);
    snprintf(text, sizeof text, "%s or %s", unknown, no);
    CHECK_INT(eval_where(text), -1);
    snprintf(text, sizeof text, "not %s", unknown);
    CHECK_INT(eval_where(text), -1);
    snprintf(text, sizeof text, "not %s", no);
    CHECK_INT(eval_where(text), 1);
    /* and binds tighter than or: yes or (no and unknown) */
    snprintf(text, sizeof text, "%s or %s and %s", yes, no, unknown);
    CHECK_INT(eval_where(text), 1);
    snprintf(text, sizeof text, "(%s or %s) and %s", yes, no, no);
    CHECK_INT(eval_where(text), 0);
}

static void conditions_on_the_row(void)
{
    set_class("运行设备");
    CHECK_INT(eval_where("class = '运行设备'"), 1);
    CHECK_INT(eval_where("class != '运行设备'"), 0);
    CHECK_INT(eval_where("class = '加工设备'"), 0);
    CHECK_INT(eval_where("class in ('加工设备', '运行设备')"), 1);
    CHECK_INT(eval_where("class in ('加工设备', '行走设备')"), 0);
    CHECK_INT(eval_where("class = '运行设备' and devices.mobile = 1"), -1);
    /* an empty cell is unknown, and so is what depends on it */
    set_class(NULL);
    CHECK_INT(eval_where("class = '运行设备'"), -1);
    CHECK_INT(eval_where("class != '运行设备'"), -1);
    CHECK_INT(eval_where("class in ('加工设备', '运行设备')"), -1);
    CHECK_INT(eval_where("not class = '运行设备'"), -1);
    CHECK_INT(eval_where("class = '运行设备' or devices.total = 126000"), 1);
}

static struct sb_val num(double v, double tol)
{
    struct sb_val x = {0};

    x.vt = SB_VT_NUM;
    x.num = v;
    x.tol = tol;
    return x;
}

static void counts_compare_exactly(void)
{
    struct sb_val a = num(126000, 0), b = num(126001, 0);

    CHECK(!sb_eval_compare(SB_EX_EQ, &a, &b));
    CHECK(sb_eval_compare(SB_EX_LE, &a, &b));
    CHECK(sb_eval_compare(SB_EX_LT, &a, &b));
    CHECK(!sb_eval_compare(SB_EX_LT, &a, &a));
    CHECK(sb_eval_compare(SB_EX_GE, &a, &a));
    CHECK(!sb_eval_compare(SB_EX_GT, &a, &a));
}

static void money_within_declared_precision(void)
{
    /* 687.8 万元 (1 decimal: ±0.05 万元 = ±500 元) vs 6,878,400 元 */
    struct sb_val declared = num(6878000, 500), listed = num(6878400, 0);
    struct sb_val tight = num(6878500, 50); /* 687.85 万元 */

    CHECK(sb_eval_compare(SB_EX_EQ, &listed, &declared));
    CHECK(!sb_eval_compare(SB_EX_EQ, &listed, &tight));
}

static void typed_values(void)
{
    struct sb_typed v;
    const char *why, *kind;

    CHECK(sb_typed_parse(SB_TYPE_MONEY, NULL, 10000, 0, "687.84", 6, &v, &why,
                         &kind));
    CHECK_DBL(v.num, 6878400, 1e-6);
    CHECK_DBL(v.tol, 50, 1e-9);
    CHECK_INT(v.scale, 2);
    CHECK(sb_typed_parse(SB_TYPE_MONEY, NULL, 1, 0, "6878400", 7, &v, &why,
                         &kind));
    CHECK_DBL(v.tol, 0.5, 1e-12);
    CHECK(sb_typed_parse(SB_TYPE_INT, NULL, 1, 1, "12.6万", strlen("12.6万"),
                         &v, &why, &kind));
    CHECK_DBL(v.num, 126000, 0);
    CHECK(!sb_typed_parse(SB_TYPE_INT, NULL, 1, 0, "12.6万", strlen("12.6万"),
                          &v, &why, &kind));
    CHECK(sb_typed_parse(SB_TYPE_PERCENT, NULL, 1, 0, "13.11%", 6, &v, &why,
                         &kind));
    CHECK_DBL(v.num, 13.11, 1e-12);
    CHECK_DBL(v.tol, 0.005, 1e-12);
    CHECK(!sb_typed_parse(SB_TYPE_ID, NULL, 1, 0, "1.23457E+17", 11, &v, &why,
                          &kind));
    CHECK_STR(kind, "excel-scientific");
    CHECK(sb_typed_parse(SB_TYPE_ORGCODE, NULL, 1, 0, "MA1MX8XQ-3", 10, &v,
                         &why, &kind));
}

static void headings_state_counts(void)
{
    long n = 0;
    const char *s;

    s = "一、家用洗涤剂（58种）";
    CHECK(sb_heading_parse(s, strlen(s), &n));
    CHECK_INT(n, 58);
    s = "八、丝绸（蚕丝）制品（2种）";
    CHECK(sb_heading_parse(s, strlen(s), &n));
    CHECK_INT(n, 2);
    s = "70. 家用及类似场所用过电流保护断路器 （6种）";
    CHECK(sb_heading_parse(s, strlen(s), &n));
    CHECK_INT(n, 6);
    s = "3. 纸制品(12 种)";
    CHECK(sb_heading_parse(s, strlen(s), &n));
    CHECK_INT(n, 12);
    s = "一、家用洗涤剂";
    CHECK(!sb_heading_parse(s, strlen(s), &n));
    s = "丝绸（蚕丝）";
    CHECK(!sb_heading_parse(s, strlen(s), &n));
    s = "（种）";
    CHECK(!sb_heading_parse(s, strlen(s), &n));
}

static void check_title(const char *s, const char *exp)
{
    struct sb_buf b = {0};

    sb_heading_title(s, strlen(s), &b);
    CHECK_STR(b.data != NULL ? b.data : "", exp);
    sb_buf_free(&b);
}

static void heading_titles(void)
{
    check_title("一、家用洗涤剂（58种）", "家用洗涤剂");
    check_title("二十八、烧结钕铁硼永磁材料（12种）", "烧结钕铁硼永磁材料");
    check_title("八、丝绸（蚕丝）制品（2种）", "丝绸（蚕丝）制品");
    check_title("71.塑料外壳式断路器（2种）", "塑料外壳式断路器");
    check_title("70. 家用及类似场所用过电流保护断路器 （6种）",
                "家用及类似场所用过电流保护断路器");
    check_title("5G工业网关", "5G工业网关");
    check_title("十、", "十、");
}

int main(void)
{
    struct sb_error err = {0};
    int rc;

    if (sb_form_open(&form, "platform-2023", &err) != SB_OK) {
        sb_error_print(&err);
        return 1;
    }
    figs = sb_xcalloc((size_t)form->n_fields, sizeof *figs);
    RUN(arithmetic_carries_tolerances);
    RUN(aggregates_read_their_results);
    RUN(comparisons_within_precision);
    RUN(and_or_not_are_three_valued);
    RUN(conditions_on_the_row);
    RUN(counts_compare_exactly);
    RUN(money_within_declared_precision);
    RUN(typed_values);
    RUN(headings_state_counts);
    RUN(heading_titles);
    rc = TEST_REPORT();
    free(figs);
    sb_form_free(form);
    return rc;
}
