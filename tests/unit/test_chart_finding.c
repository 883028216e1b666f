/* test_chart_finding.c: titles that state the finding, filled from a
 * chart's data (finding.h). */
#include <stdlib.h>

#include "chart/finding.h"
#include "test.h"

static const char *const cats[] = {"运行设备", "加工设备", "行走设备",
                                   "其他设备"};
static const double v[] = {126300, 48215, 23870, 0};

static void expect(const char *tmpl, const struct sb_chart_spec *s,
                   const char *want)
{
    char *got = sb_chart_finding(tmpl, s);

    if (want == NULL)
        CHECK(got == NULL);
    else
        CHECK_STR(got != NULL ? got : "(null)", want);
    free(got);
}

static void placeholders(void)
{
    struct sb_chart_spec s = {.n_cat = 4, .cats = cats, .n_series = 1,
                              .values = v};
    static const double share[] = {10, 20, 30, 36.24};

    expect("接入{total}台/套，{top}占{top_share}", &s,
           "接入19.84万台/套，运行设备占63.7%");
    expect("{n}类，最多{top_value}，末{last}", &s, "3类，最多12.63万，末0");
    expect("没有占位符", &s, "没有占位符");
    /* a share only when the chart has one */
    expect("{share_last}", &s, NULL);
    s.share = share;
    expect("近30日活跃占{share_last}", &s, "近30日活跃占36.2%");
}

static void below_10wan_in_full(void)
{
    static const double small[] = {7533, 7174, 3285, 2008};
    struct sb_chart_spec s = {.n_cat = 4, .cats = cats, .n_series = 1,
                              .values = small};

    expect("{total}", &s, "20,000");
}

static void bad_templates(void)
{
    struct sb_chart_spec s = {.n_cat = 4, .cats = cats, .n_series = 1,
                              .values = v};

    expect("{unknown}", &s, NULL);
    expect("开{total", &s, NULL);
}

int main(void)
{
    RUN(placeholders);
    RUN(below_10wan_in_full);
    RUN(bad_templates);
    return TEST_REPORT();
}
