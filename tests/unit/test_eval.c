/* test_eval.c: comparisons with declared precision, and the parsing of
 * values by form type (typed.h). */
#include "rules/bind.h"
#include "rules/eval.h"
#include "test.h"
#include "form/typed.h"

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
    RUN(counts_compare_exactly);
    RUN(money_within_declared_precision);
    RUN(typed_values);
    RUN(headings_state_counts);
    RUN(heading_titles);
    return TEST_REPORT();
}
