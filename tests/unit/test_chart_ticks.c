/* test_chart_ticks.c: extended Wilkinson ticks on the known cases of
 * research/charts.md §3 (m = 5), and month steps. */
#include "chart/chart_ticks.h"
#include "test.h"

static void check_ticks(double dmin, double dmax, int m, int loose,
                        const double *exp, int n)
{
    struct sb_ticks t;

    CHECK_INT(sb_ticks_extended(dmin, dmax, m, loose, &t), 0);
    CHECK_INT(t.n, n);
    for (int i = 0; i < n && i < t.n; i++)
        CHECK_DBL(t.v[i], exp[i], 0);
    if (t.n >= 2)
        CHECK_DBL(t.step, t.v[1] - t.v[0], 1e-9 * t.step);
}

#define TICKS(lo, hi, m, loose, ...)                                     \
    do {                                                                 \
        static const double e_[] = {__VA_ARGS__};                        \
        check_ticks(lo, hi, m, loose, e_, (int)(sizeof e_ / sizeof *e_)); \
    } while (0)

static void known_cases_loose(void)
{
    TICKS(0, 1, 5, 1, 0, 0.25, 0.5, 0.75, 1);
    TICKS(0, 97, 5, 1, 0, 25, 50, 75, 100);
    TICKS(13, 1234567, 5, 1, 0, 250000, 500000, 750000, 1000000, 1250000);
    TICKS(-37, 58, 5, 1, -40, -20, 0, 20, 40, 60);
    TICKS(-1234, -17, 5, 1, -1250, -1000, -750, -500, -250, 0);
    TICKS(0, 126000, 5, 1, 0, 50000, 100000, 150000);
    TICKS(0, 3412, 5, 1, 0, 1000, 2000, 3000, 4000);
}

static void known_cases_flexible(void)
{
    /* Without only.loose the last tick may fall short of the data. */
    TICKS(8.1, 14.1, 4, 0, 8, 10, 12, 14);
    TICKS(0, 1, 5, 0, 0, 0.25, 0.5, 0.75, 1);
    TICKS(13, 1234567, 5, 0, 0, 300000, 600000, 900000, 1200000);
    TICKS(0, 126000, 5, 0, 0, 25000, 50000, 75000, 100000, 125000);
    TICKS(0, 3412, 5, 0, 0, 1000, 2000, 3000);
    TICKS(-1234, -17, 5, 0, -1200, -900, -600, -300, 0);
}

static void decimals_are_exact(void)
{
    /* 0.1 steps print as 0.3, not 0.30000000000000004. */
    TICKS(0, 0.52, 6, 1, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
    TICKS(0.0012, 0.0097, 5, 1, 0, 0.0025, 0.005, 0.0075, 0.01);
}

static void degenerate_ranges(void)
{
    struct sb_ticks t;

    TICKS(0, 0, 5, 1, 0, 0.25, 0.5, 0.75, 1);
    TICKS(42, 42, 5, 1, 0, 10, 20, 30, 40, 50);
    TICKS(-5, -5, 5, 1, -5, -4, -3, -2, -1, 0);
    TICKS(97, 0, 5, 1, 0, 25, 50, 75, 100);
    CHECK_INT(sb_ticks_extended(0, 1.0 / 0.0, 5, 1, &t), -1);
}

static void target_from_length(void)
{
    CHECK_INT(sb_ticks_target(300, 50), 7);
    CHECK_INT(sb_ticks_target(1000, 50), 8);
    CHECK_INT(sb_ticks_target(60, 50), 3);
    CHECK_INT(sb_ticks_target(300, 0), 8);
}

static void month_steps(void)
{
    CHECK_INT(sb_ticks_month_step(12, 12), 1);
    CHECK_INT(sb_ticks_month_step(13, 12), 2);
    CHECK_INT(sb_ticks_month_step(17, 6), 3);
    CHECK_INT(sb_ticks_month_step(36, 6), 6);
    CHECK_INT(sb_ticks_month_step(120, 6), 12);
    CHECK_INT(sb_ticks_month_step(240, 6), 12);
    /* First tick: 1月, 4月, 7月, 10月 for a 3-month step. */
    CHECK_INT(sb_ticks_month_first(1, 3), 0);
    CHECK_INT(sb_ticks_month_first(2, 3), 2);
    CHECK_INT(sb_ticks_month_first(11, 6), 2);
    CHECK_INT(sb_ticks_month_first(5, 1), 0);
}

int main(void)
{
    RUN(known_cases_loose);
    RUN(known_cases_flexible);
    RUN(decimals_are_exact);
    RUN(degenerate_ranges);
    RUN(target_from_length);
    RUN(month_steps);
    return TEST_REPORT();
}
