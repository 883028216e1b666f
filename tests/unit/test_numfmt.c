/* test_numfmt.c: grouping, 万/亿, axis formats, percentages, shares and
 * money, with exact strings (research/charts.md §4). */
#include <math.h>

#include "base/numfmt.h"
#include "test.h"

static char b[SB_NUMFMT_SIZE];

static void grouping(void)
{
    CHECK_STR(sb_numfmt_group(0, 0, b, sizeof b), "0");
    CHECK_STR(sb_numfmt_group(7, 0, b, sizeof b), "7");
    CHECK_STR(sb_numfmt_group(999, 0, b, sizeof b), "999");
    CHECK_STR(sb_numfmt_group(3412, 0, b, sizeof b), "3,412");
    CHECK_STR(sb_numfmt_group(1234567, 0, b, sizeof b), "1,234,567");
    CHECK_STR(sb_numfmt_group(-1234567, 0, b, sizeof b), "-1,234,567");
    CHECK_STR(sb_numfmt_group(1234567.891, 2, b, sizeof b), "1,234,567.89");
    CHECK_STR(sb_numfmt_group(-3412.5, 2, b, sizeof b), "-3,412.50");
    CHECK_STR(sb_numfmt_group(100000, 0, b, sizeof b), "100,000");
    CHECK_STR(sb_numfmt_group(0.05, 1, b, sizeof b), "0.1");
    CHECK_STR(sb_numfmt_group(0.04, 1, b, sizeof b), "0.0");
}

static void rounding_edges(void)
{
    /* Half away from zero, on the decimal the user wrote. */
    CHECK_STR(sb_numfmt_group(9999.5, 0, b, sizeof b), "10,000");
    CHECK_STR(sb_numfmt_group(-9999.5, 0, b, sizeof b), "-10,000");
    CHECK_STR(sb_numfmt_group(2.675, 2, b, sizeof b), "2.68");
    CHECK_STR(sb_numfmt_group(1.005, 2, b, sizeof b), "1.01");
    CHECK_STR(sb_numfmt_group(0.5, 0, b, sizeof b), "1");
    CHECK_STR(sb_numfmt_group(-0.5, 0, b, sizeof b), "-1");
    CHECK_STR(sb_numfmt_group(999.95, 1, b, sizeof b), "1,000.0");
    /* A value that rounds to zero has no sign. */
    CHECK_STR(sb_numfmt_group(-0.004, 2, b, sizeof b), "0.00");
    CHECK_STR(sb_numfmt_group(-0.0, 0, b, sizeof b), "0");
}

static void compact_units(void)
{
    CHECK_STR(sb_numfmt_compact(0, 0, b, sizeof b), "0");
    CHECK_STR(sb_numfmt_compact(3412, 0, b, sizeof b), "3,412");
    CHECK_STR(sb_numfmt_compact(9999, 0, b, sizeof b), "9,999");
    CHECK_STR(sb_numfmt_compact(10000, 0, b, sizeof b), "1万");
    CHECK_STR(sb_numfmt_compact(12600, 0, b, sizeof b), "1.26万");
    CHECK_STR(sb_numfmt_compact(12650, 0, b, sizeof b), "1.27万");
    CHECK_STR(sb_numfmt_compact(126000, 0, b, sizeof b), "12.6万");
    CHECK_STR(sb_numfmt_compact(1234567, 0, b, sizeof b), "123.46万");
    CHECK_STR(sb_numfmt_compact(34500000, 0, b, sizeof b), "3,450万");
    CHECK_STR(sb_numfmt_compact(3.4e8, 0, b, sizeof b), "3.4亿");
    CHECK_STR(sb_numfmt_compact(345000000, 0, b, sizeof b), "3.45亿");
    CHECK_STR(sb_numfmt_compact(1.26e12, 0, b, sizeof b), "12,600亿");
    CHECK_STR(sb_numfmt_compact(-12600, 0, b, sizeof b), "-1.26万");
    CHECK_STR(sb_numfmt_compact(-3412, 0, b, sizeof b), "-3,412");
    CHECK_STR(sb_numfmt_compact(12.345, 2, b, sizeof b), "12.35");
    CHECK_STR(sb_numfmt_compact(12.5, 2, b, sizeof b), "12.5");
    CHECK_STR(sb_numfmt_compact(12.0, 2, b, sizeof b), "12");
}

static void compact_rounding_edges(void)
{
    /* The unit is chosen after rounding. */
    CHECK_STR(sb_numfmt_compact(9999.5, 0, b, sizeof b), "1万");
    CHECK_STR(sb_numfmt_compact(9999.5, 1, b, sizeof b), "9,999.5");
    CHECK_STR(sb_numfmt_compact(9999.96, 1, b, sizeof b), "1万");
    CHECK_STR(sb_numfmt_compact(99995, 0, b, sizeof b), "10万");
    CHECK_STR(sb_numfmt_compact(99994, 0, b, sizeof b), "10万");
    CHECK_STR(sb_numfmt_compact(99949, 0, b, sizeof b), "9.99万");
    CHECK_STR(sb_numfmt_compact(99999999, 0, b, sizeof b), "1亿");
    CHECK_STR(sb_numfmt_compact(99994999, 0, b, sizeof b), "9,999.5万");
    CHECK_STR(sb_numfmt_compact(-99995, 0, b, sizeof b), "-10万");
    CHECK_STR(sb_numfmt_compact(-9999.5, 0, b, sizeof b), "-1万");
}

static void exact_for_csv(void)
{
    CHECK_STR(sb_numfmt_exact(0.1, b, sizeof b), "0.1");
    CHECK_STR(sb_numfmt_exact(1234567, b, sizeof b), "1234567");
    CHECK_STR(sb_numfmt_exact(-3.25, b, sizeof b), "-3.25");
    CHECK_STR(sb_numfmt_exact(-0.0, b, sizeof b), "0");
    CHECK_STR(sb_numfmt_exact(1.0 / 3, b, sizeof b), "0.3333333333333333");
    CHECK_STR(sb_numfmt_exact(0.1 + 0.2, b, sizeof b), "0.30000000000000004");
}

static void non_finite(void)
{
    CHECK_STR(sb_numfmt_group(NAN, 0, b, sizeof b), "NaN");
    CHECK_STR(sb_numfmt_compact(-INFINITY, 0, b, sizeof b), "-Inf");
    CHECK_STR(sb_numfmt_exact(INFINITY, b, sizeof b), "Inf");
}

static void truncation_keeps_utf8_whole(void)
{
    char small[7];

    /* "1.26万" is 7 bytes + NUL; the 万 is cut whole. */
    CHECK_STR(sb_numfmt_compact(12600, 0, small, sizeof small), "1.26");
}

static void axis_divisor(const double *t, int n, const char *prefix,
                         int decimals, const char *const *labels)
{
    struct sb_numfmt_axis ax;

    sb_numfmt_axis_init(&ax, t, n);
    CHECK_STR(ax.prefix, prefix);
    CHECK_INT(ax.decimals, decimals);
    for (int i = 0; i < n; i++)
        CHECK_STR(sb_numfmt_axis_label(&ax, t[i], b, sizeof b), labels[i]);
}

static void axis_formats(void)
{
    static const double t1[] = {0, 250000, 500000, 750000, 1000000,
                                 1250000};
    static const char *const l1[] = {"0", "25", "50", "75", "100", "125"};
    static const double t2[] = {0, 25000, 50000, 75000, 100000, 125000};
    static const char *const l2[] = {"0", "2.5", "5.0", "7.5", "10.0",
                                     "12.5"};
    static const double t3[] = {0, 1000, 2000, 3000, 4000};
    static const char *const l3[] = {"0", "1,000", "2,000", "3,000",
                                     "4,000"};
    static const double t4[] = {0, 0.25, 0.5, 0.75, 1};
    static const char *const l4[] = {"0", "0.25", "0.50", "0.75", "1.00"};
    static const double t5[] = {-1250, -1000, -750, -500, -250, 0};
    static const char *const l5[] = {"-1,250", "-1,000", "-750", "-500",
                                     "-250", "0"};
    static const double t6[] = {0, 5e8, 1e9, 1.5e9};
    static const char *const l6[] = {"0", "5", "10", "15"};
    static const double t7[] = {0, 5e11, 1e12, 1.5e12};
    static const char *const l7[] = {"0", "5,000", "10,000", "15,000"};
    struct sb_numfmt_axis ax;

    axis_divisor(t1, 6, "万", 0, l1);
    axis_divisor(t2, 6, "万", 1, l2);
    axis_divisor(t3, 5, "", 0, l3);
    axis_divisor(t4, 5, "", 2, l4);
    axis_divisor(t5, 6, "", 0, l5);
    axis_divisor(t6, 4, "亿", 0, l6);
    axis_divisor(t7, 4, "亿", 0, l7);
    sb_numfmt_axis_init(&ax, t1, 6);
    CHECK_STR(sb_numfmt_axis_unit(&ax, "台/套", b, sizeof b), "万台/套");
    CHECK_STR(sb_numfmt_axis_unit(&ax, "", b, sizeof b), "万");
    sb_numfmt_axis_init(&ax, t3, 5);
    CHECK_STR(sb_numfmt_axis_unit(&ax, NULL, b, sizeof b), "");
    CHECK_STR(sb_numfmt_axis_unit(&ax, "个", b, sizeof b), "个");
    sb_numfmt_axis_init(&ax, NULL, 0);
    CHECK_STR(ax.prefix, "");
    CHECK_INT(ax.decimals, 0);
}

static void percentages(void)
{
    CHECK_STR(sb_numfmt_percent(12.345, b, sizeof b), "12.3%");
    CHECK_STR(sb_numfmt_percent(12.35, b, sizeof b), "12.4%");
    CHECK_STR(sb_numfmt_percent(100, b, sizeof b), "100.0%");
    CHECK_STR(sb_numfmt_percent(0, b, sizeof b), "0.0%");
    CHECK_STR(sb_numfmt_percent(-0.04, b, sizeof b), "0.0%");
    CHECK_STR(sb_numfmt_percent(-12.5, b, sizeof b), "-12.5%");
    CHECK_STR(sb_numfmt_permille(334, b, sizeof b), "33.4%");
    CHECK_STR(sb_numfmt_permille(1000, b, sizeof b), "100.0%");
    CHECK_STR(sb_numfmt_permille(5, b, sizeof b), "0.5%");
    CHECK_STR(sb_numfmt_permille(-125, b, sizeof b), "-12.5%");
}

static int sum(const int *v, int n)
{
    int s = 0;

    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

static void shares_add_to_100(void)
{
    static const double thirds[] = {1, 1, 1};
    static const double uneven[] = {12345, 6789, 2345, 678};
    static const double tiny[] = {1000000, 1, 1, 1};
    static const double bad[] = {3, -1};
    static const double zero[] = {0, 0};
    int pm[4] = {7, 7, 7, 7};

    CHECK_INT(sb_numfmt_shares(thirds, 3, pm), 0);
    /* 333.33 each: the one extra tenth goes to the first (tie). */
    CHECK_INT(pm[0], 334);
    CHECK_INT(pm[1], 333);
    CHECK_INT(pm[2], 333);
    CHECK_INT(sb_numfmt_shares(uneven, 4, pm), 0);
    /* 557.16, 306.40, 105.84, 30.60 → floors 557 306 105 30 = 998; the
     * two largest remainders (.84, .60) get one more. */
    CHECK_INT(sum(pm, 4), 1000);
    CHECK_INT(pm[0], 557);
    CHECK_INT(pm[1], 306);
    CHECK_INT(pm[2], 106);
    CHECK_INT(pm[3], 31);
    CHECK_INT(sb_numfmt_shares(tiny, 4, pm), 0);
    CHECK_INT(pm[0], 1000);
    CHECK_INT(pm[1] + pm[2] + pm[3], 0);
    pm[0] = 7;
    CHECK_INT(sb_numfmt_shares(bad, 2, pm), -1);
    CHECK_INT(sb_numfmt_shares(zero, 2, pm), -1);
    CHECK_INT(sb_numfmt_shares(thirds, 0, pm), -1);
    CHECK_INT(pm[0], 7);
}

static void money_in_wanyuan(void)
{
    CHECK_STR(sb_numfmt_wanyuan(123456789, 1, b, sizeof b), "123.46万元");
    CHECK_STR(sb_numfmt_wanyuan(123456789, 0, b, sizeof b), "123.46");
    CHECK_STR(sb_numfmt_wanyuan(0, 0, b, sizeof b), "0.00");
    CHECK_STR(sb_numfmt_wanyuan(5000, 0, b, sizeof b), "0.01");
    CHECK_STR(sb_numfmt_wanyuan(4999, 0, b, sizeof b), "0.00");
    CHECK_STR(sb_numfmt_wanyuan(-5000, 0, b, sizeof b), "-0.01");
    CHECK_STR(sb_numfmt_wanyuan(-4999, 0, b, sizeof b), "0.00");
    /* 12,345,678.90 元 = 1,234.57 万元 */
    CHECK_STR(sb_numfmt_wanyuan(1234567890, 1, b, sizeof b), "1,234.57万元");
    CHECK_STR(sb_numfmt_wanyuan(INT64_MIN, 0, b, sizeof b),
              "-9,223,372,036,854.78");
}

/* English (--lang en): thousands, k/M/B, the unit chosen after
 * rounding; axes in thousand/million from 10^4/10^6, said in words. */
static void english_units(void)
{
    static const double t[] = {0, 5000, 10000, 15000};
    static const double m[] = {0, 1e6, 2e6};
    struct sb_numfmt_axis ax;

    CHECK_STR(sb_numfmt_compact_lang(999, 0, SB_LANG_EN, b, sizeof b), "999");
    CHECK_STR(sb_numfmt_compact_lang(12600, 0, SB_LANG_EN, b, sizeof b),
              "12.6k");
    CHECK_STR(sb_numfmt_compact_lang(519770, 2, SB_LANG_EN, b, sizeof b),
              "519.77k");
    CHECK_STR(sb_numfmt_compact_lang(999995, 0, SB_LANG_EN, b, sizeof b),
              "1M");
    CHECK_STR(sb_numfmt_compact_lang(1234567, 0, SB_LANG_EN, b, sizeof b),
              "1.23M");
    CHECK_STR(sb_numfmt_compact_lang(3.4e9, 0, SB_LANG_EN, b, sizeof b),
              "3.4B");
    CHECK_STR(sb_numfmt_compact_lang(-12600, 0, SB_LANG_EN, b, sizeof b),
              "-12.6k");
    CHECK_STR(sb_numfmt_compact_lang(12600, 0, SB_LANG_ZH, b, sizeof b),
              "1.26万");
    sb_numfmt_axis_init_lang(&ax, t, 4, SB_LANG_EN);
    CHECK_STR(ax.prefix, "thousand");
    CHECK_STR(sb_numfmt_axis_label(&ax, 15000, b, sizeof b), "15");
    CHECK_STR(sb_numfmt_axis_unit(&ax, "units", b, sizeof b),
              "thousand units");
    CHECK_STR(sb_numfmt_axis_unit(&ax, "", b, sizeof b), "thousands");
    sb_numfmt_axis_init_lang(&ax, t, 2, SB_LANG_EN);
    CHECK_STR(ax.prefix, "");
    CHECK_STR(sb_numfmt_axis_label(&ax, 5000, b, sizeof b), "5,000");
    sb_numfmt_axis_init_lang(&ax, m, 3, SB_LANG_EN);
    CHECK_STR(sb_numfmt_axis_unit(&ax, "CNY", b, sizeof b), "million CNY");
}

int main(void)
{
    RUN(grouping);
    RUN(rounding_edges);
    RUN(compact_units);
    RUN(compact_rounding_edges);
    RUN(exact_for_csv);
    RUN(non_finite);
    RUN(truncation_keeps_utf8_whole);
    RUN(axis_formats);
    RUN(percentages);
    RUN(shares_add_to_100);
    RUN(money_in_wanyuan);
    RUN(english_units);
    return TEST_REPORT();
}
