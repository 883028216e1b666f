/* test_chart_scene.c: chart layouts, checked on their scenes before any
 * pixel exists: no two labels overlap, nothing leaves the canvas, every
 * category is labelled (the hard cases: 22 long industry names, the
 * 22 × 9 grid), the ladder of category labels, 其他 and shares, month
 * ticks, direct labels, and specs that must be refused. */
#include <math.h>
#include <stdlib.h>

#include "chart/chart.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart_fixtures.h"
#include "test.h"

static struct sb_fonts *fonts;

/* Lay a fixture out at a target and size; NULL on failure. */
static struct sb_chart *fixture(const char *name,
                                enum sb_chart_target target, double w,
                                double h)
{
    struct sb_chart_spec spec;
    struct sb_chart_theme theme;
    struct sb_chart *c = NULL;
    struct sb_error err = {0};

    if (fix_spec(name, &spec) != 0)
        return NULL;
    sb_chart_theme_init(&theme, target, SB_PALETTE_OKABE_ITO);
    if (sb_chart_new(&c, &spec, &theme, w, h, fonts, &err) != SB_OK)
        printf("%s: %s\n", name, err.msg);
    return c;
}

static int count_role(const struct sb_chart *c, enum sb_chart_role role)
{
    int n = 0;

    for (int i = 0; i < sb_chart_n_items(c); i++)
        n += sb_chart_item(c, i)->role == role;
    return n;
}

/* The label of a role whose text is text, or NULL. */
static const struct sb_chart_item *find_label(const struct sb_chart *c,
                                              enum sb_chart_role role,
                                              const char *text)
{
    for (int i = 0; i < sb_chart_n_items(c); i++) {
        const struct sb_chart_item *it = sb_chart_item(c, i);

        if (it->role == role && it->text != NULL &&
            strcmp(it->text, text) == 0)
            return it;
    }
    return NULL;
}

static void check_clean(const char *name, enum sb_chart_target target,
                        double w, double h)
{
    struct sb_chart *c = fixture(name, target, w, h);
    char why[512];

    CHECK(c != NULL);
    if (c == NULL)
        return;
    if (sb_chart_check(c, why, sizeof why) != 0) {
        printf("%s at %gx%g: %s\n", name, w, h, why);
        CHECK(0);
    }
    if (sb_chart_n_dropped(c) != 0) {
        printf("%s at %gx%g: %d labels dropped\n", name, w, h,
               sb_chart_n_dropped(c));
        CHECK(0);
    }
    /* under a document's caption the title is not drawn again */
    CHECK_INT(count_role(c, SB_ROLE_TITLE), target == SB_CHART_FIGURE ? 0 : 1);
    CHECK_INT(count_role(c, SB_ROLE_SOURCE), 1);
    sb_chart_free(c);
}

static void every_fixture_is_clean(void)
{
    const char *const *names = fix_names();

    for (int i = 0; names[i] != NULL; i++) {
        check_clean(names[i], SB_CHART_SLIDE, 960, 540);
        check_clean(names[i], SB_CHART_DEFENSE, 960, 540);
        check_clean(names[i], SB_CHART_REPORT, 442.2, 260);
        check_clean(names[i], SB_CHART_REPORT, 442.2, 330);
        check_clean(names[i], SB_CHART_FIGURE, 442.2, 260);
    }
}

/* The defense theme at 1920×1080 (2 px a point): every label of every
 * fixture at 36 px or more, the title at 56, the source at 28; only the
 * category and value labels of a dense chart (the 22 industries as bars
 * or heatmap rows: more than 16 categories) at 28. */
static void defense_text_sizes(void)
{
    const char *const *names = fix_names();

    for (int i = 0; names[i] != NULL; i++) {
        struct sb_chart *c = fixture(names[i], SB_CHART_DEFENSE, 960, 540);
        int dense = c != NULL && count_role(c, SB_ROLE_CAT_LABEL) > 16;

        for (int k = 0; c != NULL && k < sb_chart_n_items(c); k++) {
            const struct sb_chart_item *it = sb_chart_item(c, k);
            double px = 2 * it->size_pt, need = 36;

            if (!it->is_label)
                continue;
            if (it->role == SB_ROLE_TITLE)
                need = 56;
            else if (it->role == SB_ROLE_SOURCE ||
                     (dense && (it->role == SB_ROLE_CAT_LABEL ||
                               it->role == SB_ROLE_VALUE_LABEL)))
                need = 28;
            if (px < need) {
                printf("%s: \"%s\" at %g px\n", names[i], it->text, px);
                CHECK(0);
            }
        }
        sb_chart_free(c);
    }
}

static void hard_case_22_industries(void)
{
    struct sb_chart *c = fixture("industries_hbar", SB_CHART_SLIDE, 960, 540);
    const char *const *ind = fix_industries();
    int cut = 0;

    CHECK_INT(count_role(c, SB_ROLE_CAT_LABEL), 22);
    CHECK_INT(count_role(c, SB_ROLE_BAR), 22);
    CHECK_INT(count_role(c, SB_ROLE_VALUE_LABEL), 22);
    for (int i = 0; i < 22; i++) {
        const struct sb_chart_item *it =
            find_label(c, SB_ROLE_CAT_LABEL, ind[i]);

        CHECK(it != NULL);
        cut += it != NULL && it->ellipsized;
    }
    /* Only the 20-字 name is cut; its full text stays in the scene. */
    CHECK_INT(cut, 1);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL,
                     "铁路、船舶、航空航天和其他运输设备制造业")
              ->ellipsized);
    /* Sorted descending. */
    for (int i = 1; i < sb_chart_n_cats(c); i++)
        CHECK(sb_chart_value(c, 0, i) <= sb_chart_value(c, 0, i - 1));
    sb_chart_free(c);
}

static void hard_case_grid(void)
{
    struct sb_chart *c =
        fixture("solutions_heatmap", SB_CHART_SLIDE, 960, 540);
    const struct sb_chart_item *it;

    CHECK_INT(count_role(c, SB_ROLE_CELL), 22 * 9);
    CHECK_INT(count_role(c, SB_ROLE_CAT_LABEL), 22 + 9);
    /* "供应链管理" wraps to two balanced lines rather than turning. */
    it = find_label(c, SB_ROLE_CAT_LABEL, "供应链管理");
    CHECK(it != NULL && it->n_lines == 2 && !it->ellipsized &&
          it->angle_deg == 0);
    /* Every industry keeps its whole name (up to 40% of the width while
     * the domains stay upright); at 28% the longest, 铁路、船舶、航空航天
     * 和其他运输设备制造业, lost its end. */
    for (int k = 0; k < sb_chart_n_items(c); k++) {
        it = sb_chart_item(c, k);
        if (it->role == SB_ROLE_CAT_LABEL && it->ellipsized)
            printf("cut: %s\n", it->text);
        CHECK(it->role != SB_ROLE_CAT_LABEL || !it->ellipsized);
    }
    /* Rows sorted by total: the first row's total is the largest. */
    for (int r = 1; r < sb_chart_n_series(c); r++) {
        double a = 0, b = 0;

        for (int k = 0; k < 9; k++) {
            a += sb_chart_value(c, r - 1, k);
            b += sb_chart_value(c, r, k);
        }
        CHECK(a >= b);
    }
    sb_chart_free(c);
}

static void category_ladder(void)
{
    struct sb_chart *c;
    const struct sb_chart_item *it;

    /* 4 short names: horizontal. */
    c = fixture("devices_bar", SB_CHART_SLIDE, 960, 540);
    it = find_label(c, SB_ROLE_CAT_LABEL, "运行设备");
    CHECK(it != NULL && it->angle_deg == 0 && it->n_lines == 1);
    sb_chart_free(c);
    /* 22 long names under vertical bars: 45°, cut where too long, all
     * 22 kept. */
    c = fixture("industries_vbar", SB_CHART_SLIDE, 960, 540);
    CHECK_INT(count_role(c, SB_ROLE_CAT_LABEL), 22);
    it = find_label(c, SB_ROLE_CAT_LABEL, "纺织业");
    CHECK(it != NULL && it->angle_deg == -45);
    it = find_label(c, SB_ROLE_CAT_LABEL,
                    "铁路、船舶、航空航天和其他运输设备制造业");
    CHECK(it != NULL && it->ellipsized);
    sb_chart_free(c);
    /* Narrower still: 90°. */
    c = fixture("industries_vbar", SB_CHART_REPORT, 300, 330);
    it = find_label(c, SB_ROLE_CAT_LABEL, "纺织业");
    CHECK(it != NULL && it->angle_deg == -90);
    sb_chart_free(c);
}

static void ordinal_labels_thin_before_turning(void)
{
    static const char *const years[12] = {
        "2012年", "2013年", "2014年", "2015年", "2016年", "2017年",
        "2018年", "2019年", "2020年", "2021年", "2022年", "2023年"};
    static const double v[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    struct sb_chart_spec s = {
        .kind = SB_CHART_BAR, .title = "逐年", .source = "数据来源：测试",
        .n_cat = 12, .cats = years, .n_series = 1, .values = v,
        .ordinal = 1};
    struct sb_chart_theme t;
    struct sb_chart *c = NULL;
    struct sb_error err = {0};

    sb_chart_theme_init(&t, SB_CHART_SLIDE, SB_PALETTE_OKABE_ITO);
    CHECK_INT(sb_chart_new(&c, &s, &t, 480, 540, fonts, &err), SB_OK);
    /* Every other year, horizontal. */
    CHECK_INT(count_role(c, SB_ROLE_CAT_LABEL), 6);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL, "2012年")->angle_deg == 0);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL, "2013年") == NULL);
    CHECK_INT(sb_chart_check(c, NULL, 0), 0);
    sb_chart_free(c);
    /* The same names as nominal categories turn instead. */
    s.ordinal = 0;
    CHECK_INT(sb_chart_new(&c, &s, &t, 480, 540, fonts, &err), SB_OK);
    CHECK_INT(count_role(c, SB_ROLE_CAT_LABEL), 12);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL, "2013年")->angle_deg != 0);
    sb_chart_free(c);
}

static void top_n_and_other(void)
{
    struct sb_chart *c = fixture("industries_top", SB_CHART_SLIDE, 960, 540);
    double rest = 0;

    CHECK_INT(sb_chart_n_cats(c), 11);
    CHECK_STR(sb_chart_cat(c, 10), "其他");
    CHECK_STR(sb_chart_cat(c, 0), "计算机、通信和其他电子设备制造业");
    /* 其他 = the 12 smallest; all 22 add up to the same total. */
    for (int i = 0; i < 22; i++)
        rest += (double[]){86, 54, 37, 12, 41, 28, 133, 97, 45, 66, 118,
                           72, 58, 204, 187, 163, 39, 176, 251, 44, 92,
                           17}[i];
    for (int i = 0; i < 10; i++)
        rest -= sb_chart_value(c, 0, i);
    CHECK_DBL(sb_chart_value(c, 0, 10), rest, 0);
    CHECK(strstr(sb_chart_desc(c), "合并了12个类别") != NULL);
    sb_chart_free(c);
}

static void donut_slices_and_shares(void)
{
    struct sb_chart *c = fixture("apps_donut", SB_CHART_SLIDE, 960, 540);

    /* 8 industries: 5 named slices + 其他 = 6. */
    CHECK_INT(sb_chart_n_cats(c), 6);
    CHECK_INT(count_role(c, SB_ROLE_SLICE), 6);
    CHECK_STR(sb_chart_cat(c, 5), "其他");
    CHECK_DBL(sb_chart_value(c, 0, 5), 143 + 88 + 61, 0);
    CHECK(find_label(c, SB_ROLE_CENTER_LABEL, "2,336") != NULL);
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "汽车制造业\n26.2%，612个") !=
          NULL);
    /* 26.2 + 21.3 + 16.1 + 15.3 + 8.6 + 12.5 = 100.0 */
    CHECK(strstr(sb_chart_desc(c), "（26.2%）") != NULL);
    CHECK(strstr(sb_chart_desc(c), "（12.5%）") != NULL);
    CHECK(strstr(sb_chart_desc(c), "合计2,336个") != NULL);
    sb_chart_free(c);
}

static void months_and_direct_labels(void)
{
    struct sb_chart *c =
        fixture("developers_line", SB_CHART_SLIDE, 960, 540);
    int with_year = 0;

    for (int i = 0; i < sb_chart_n_items(c); i++) {
        const struct sb_chart_item *it = sb_chart_item(c, i);

        if (it->role != SB_ROLE_CAT_LABEL)
            continue;
        /* The year only on the first tick and on each January. */
        if (strstr(it->text, "年") != NULL) {
            with_year++;
            CHECK(with_year == 1 || strstr(it->text, "年1月") != NULL);
        }
    }
    CHECK_INT(with_year, 3);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL, "2021年7月") != NULL);
    CHECK(find_label(c, SB_ROLE_CAT_LABEL, "2022年1月") != NULL);
    /* Last values labelled directly: 98,946 and 22.6%. */
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "98,946") != NULL);
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "22.6%") != NULL);
    CHECK(find_label(c, SB_ROLE_AXIS_TITLE, "开发者数（万人）") != NULL);
    CHECK(find_label(c, SB_ROLE_AXIS_TITLE, "近30日活跃开发者占比（%）") !=
          NULL);
    CHECK_STR(sb_chart_cat(c, 0), "2021年6月");
    CHECK_STR(sb_chart_cat(c, 23), "2023年5月");
    sb_chart_free(c);
}

static void axes_units_and_zero(void)
{
    struct sb_chart *c;

    /* Bar axes include 0; the divisor is named in the axis title. */
    c = fixture("devices_bar", SB_CHART_SLIDE, 960, 540);
    CHECK(find_label(c, SB_ROLE_AXIS_TITLE, "设备数（万台/套）") != NULL);
    CHECK(find_label(c, SB_ROLE_TICK_LABEL, "0") != NULL);
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "12.63万") != NULL);
    /* one format for the chart: not "3,412" beside "12.63万" */
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "0.34万") != NULL);
    sb_chart_free(c);
    c = fixture("finance_grouped", SB_CHART_SLIDE, 960, 540);
    CHECK(find_label(c, SB_ROLE_AXIS_TITLE, "金额（亿元）") != NULL);
    CHECK_INT(count_role(c, SB_ROLE_LEGEND_LABEL), 3);
    CHECK_INT(count_role(c, SB_ROLE_BAR), 9);
    sb_chart_free(c);
    /* Negative values: ticks below 0 with ASCII minus, labels below the
     * bar end. */
    c = fixture("net_devices_bar", SB_CHART_SLIDE, 960, 540);
    CHECK(find_label(c, SB_ROLE_TICK_LABEL, "-1,500") != NULL);
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "-1,234") != NULL);
    sb_chart_free(c);
}

/* Check that every segment label (a value label with an owner) lies
 * inside its own bar, inset by at least pad pt, and is that bar's
 * series and category; returns how many there are. */
static int segment_labels_inside(const struct sb_chart *c, double pad)
{
    int n = 0;

    for (int i = 0; i < sb_chart_n_items(c); i++) {
        const struct sb_chart_item *it = sb_chart_item(c, i), *bar;
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

        if (it->role != SB_ROLE_VALUE_LABEL || it->owner < 0)
            continue;
        bar = sb_chart_item(c, it->owner);
        CHECK_INT(bar->role, SB_ROLE_BAR);
        CHECK_INT(it->series, bar->series);
        CHECK_INT(it->cat, bar->cat);
        for (int k = 0; k < 4; k++) {
            x0 = fmin(x0, bar->quad[k][0]);
            x1 = fmax(x1, bar->quad[k][0]);
            y0 = fmin(y0, bar->quad[k][1]);
            y1 = fmax(y1, bar->quad[k][1]);
        }
        for (int k = 0; k < 4; k++) {
            CHECK(it->quad[k][0] >= x0 + pad - 1e-6);
            CHECK(it->quad[k][0] <= x1 - pad + 1e-6);
            CHECK(it->quad[k][1] >= y0 + pad - 1e-6);
            CHECK(it->quad[k][1] <= y1 - pad + 1e-6);
        }
        n++;
    }
    return n;
}

static void stacked_labels_fit_or_go(void)
{
    struct sb_chart *c = fixture("models_stacked", SB_CHART_SLIDE, 960, 540);
    struct sb_chart_theme t;
    int n;

    /* Totals on top of every stack. */
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "5,700") != NULL);
    CHECK(find_label(c, SB_ROLE_VALUE_LABEL, "12,875") != NULL);
    CHECK_INT(count_role(c, SB_ROLE_BAR), 12);
    /* On a slide every segment holds its label (fit). */
    sb_chart_theme_init(&t, SB_CHART_SLIDE, SB_PALETTE_OKABE_ITO);
    CHECK_INT(segment_labels_inside(c, t.pad_pt / 2), 12);
    sb_chart_free(c);
    /* On a short report canvas the thin segments have none (go), and
     * the ones kept are still inside theirs. */
    c = fixture("models_stacked", SB_CHART_REPORT, 442.2, 160);
    sb_chart_theme_init(&t, SB_CHART_REPORT, SB_PALETTE_OKABE_ITO);
    CHECK_INT(count_role(c, SB_ROLE_BAR), 12);
    n = segment_labels_inside(c, t.pad_pt / 2);
    CHECK(n > 0 && n < 12);
    sb_chart_free(c);
}

static void refused_specs(void)
{
    static const char *const cats[2] = {"甲", "乙"};
    static const double ok[2] = {1, 2}, nan2[2] = {1, NAN},
                        neg[2] = {3, -1}, zero[2] = {0, 0};
    struct sb_chart_spec s = {.kind = SB_CHART_BAR, .title = "标题",
                              .source = "数据来源：测试", .n_cat = 2,
                              .cats = cats, .n_series = 1, .values = ok};
    struct sb_chart *c = (struct sb_chart *)&s;
    struct sb_error err = {0};

    s.source = NULL;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    CHECK(c == NULL);
    s.source = "数据来源：测试";
    s.n_cat = 0;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    CHECK(strstr(err.msg, "no data") != NULL);
    s.n_cat = 2;
    s.values = nan2;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    s.kind = SB_CHART_DONUT;
    s.values = neg;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    s.values = zero;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    s.kind = SB_CHART_LINE;
    s.values = ok;
    s.start_year = 2023;
    s.start_month = 13;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    s.kind = SB_CHART_BAR;
    s.n_series = 2;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_EFORMAT);
    s.n_series = 1;
    CHECK_INT(sb_chart_new(&c, &s, NULL, 100, 60, fonts, &err), SB_EUSAGE);
    CHECK(c == NULL);
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_OK);
    sb_chart_free(c);
    sb_chart_free(NULL);
}

static void hbar_label_inside_at_the_edge(void)
{
    static const char *const cats[3] = {"甲", "乙", "丙"};
    static const double v[3] = {1000, 400, 250};
    struct sb_chart_spec s = {.kind = SB_CHART_HBAR, .title = "标签",
                              .source = "数据来源：测试", .n_cat = 3,
                              .cats = cats, .n_series = 1, .values = v};
    struct sb_chart *c = NULL;
    struct sb_error err = {0};
    const struct sb_chart_item *it;

    /* The 1,000 bar ends at the last tick: its label goes inside, in
     * white on blue; the others stay outside. */
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_OK);
    it = find_label(c, SB_ROLE_VALUE_LABEL, "1,000");
    CHECK(it != NULL && it->owner >= 0 &&
          sb_chart_item(c, it->owner)->role == SB_ROLE_BAR);
    it = find_label(c, SB_ROLE_VALUE_LABEL, "400");
    CHECK(it != NULL && it->owner == -1);
    CHECK_INT(sb_chart_check(c, NULL, 0), 0);
    sb_chart_free(c);
}

static void missing_glyphs_fail_the_check(void)
{
    static const char *const cats[2] = {"𠮷祥工作室", "普通企业"};
    static const double v[2] = {3, 4};
    struct sb_chart_spec s = {.kind = SB_CHART_BAR, .title = "生僻字",
                              .source = "数据来源：测试", .n_cat = 2,
                              .cats = cats, .n_series = 1, .values = v};
    struct sb_chart *c = NULL;
    struct sb_error err = {0};
    char why[256];

    /* 𠮷 (U+20BB7, CJK Ext. B) is in no shipped face, fallbacks
     * included: the label would show a box. */
    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_OK);
    CHECK_INT(sb_chart_check(c, why, sizeof why), -1);
    CHECK(strstr(why, "𠮷祥工作室") != NULL);
    CHECK(strstr(why, "font lacks") != NULL);
    sb_chart_free(c);
}

static void themes_and_alt_text(void)
{
    struct sb_chart_spec s;
    struct sb_chart_theme t;
    struct sb_chart *c = NULL;
    struct sb_error err = {0};

    /* ECharts colours and the viridis scale lay out just as cleanly. */
    fix_spec("solutions_heatmap", &s);
    sb_chart_theme_init(&t, SB_CHART_SLIDE, SB_PALETTE_ECHARTS);
    CHECK_INT(t.series[0], 0x5470C6);
    t.heat = SB_HEAT_VIRIDIS;
    CHECK_INT(sb_chart_new(&c, &s, &t, 960, 540, fonts, &err), SB_OK);
    CHECK_INT(sb_chart_check(c, NULL, 0), 0);
    CHECK_STR(sb_chart_alt(c), "热力图：解决方案数量（按行业和领域）。"
                               "22个行业 × 9个领域。");
    sb_chart_free(c);
    sb_chart_theme_init(&t, SB_CHART_SLIDE, SB_PALETTE_OKABE_ITO);
    CHECK_INT(t.series[0], 0x0072B2);
    CHECK_INT(t.series[6], 0xF5C710);
    CHECK_INT(t.other, 0x999999);
    CHECK_INT(t.text, 0x333333);
    c = fixture("devices_bar", SB_CHART_SLIDE, 960, 540);
    CHECK_STR(sb_chart_alt(c), "柱状图：可连接工业设备数量（按类别）。"
                               "运行设备最多（12.63万台/套）。");
    sb_chart_free(c);
}

/* A small deterministic generator for the random layouts below. */
static unsigned long rng = 12345;

static int rnd(int n)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (int)((rng >> 33) % (unsigned long)n);
}

static void random_layouts_stay_clean(void)
{
    static const char *const words[] = {
        "设备", "制造", "工业", "互联网", "平台", "APP", "云", "数据",
        "、", "和其他", "Model-X", "2023", "（试点）"};
    static const enum sb_chart_kind kinds[] = {
        SB_CHART_BAR, SB_CHART_HBAR, SB_CHART_GROUPED, SB_CHART_STACKED,
        SB_CHART_DONUT, SB_CHART_LINE, SB_CHART_HEATMAP};
    char names[30][80];
    const char *cats[30], *series[4] = {"自研", "生态伙伴", "其他来源",
                                        "第四系列"};
    double values[4 * 30];
    int failures = 0;

    for (int round = 0; round < 120; round++) {
        struct sb_chart_spec s = {0};
        struct sb_chart_theme t;
        struct sb_chart *c = NULL;
        struct sb_error err = {0};
        char why[512];
        int n = 1 + rnd(24), ns = 1 + rnd(4);
        double w = 300 + rnd(700), h = 220 + rnd(400), scale = pow(10, rnd(9));

        s.kind = kinds[rnd(7)];
        if (s.kind == SB_CHART_BAR || s.kind == SB_CHART_HBAR ||
            s.kind == SB_CHART_DONUT)
            ns = 1;
        for (int i = 0; i < n; i++) {
            names[i][0] = '\0';
            for (int k = 1 + rnd(6); k > 0; k--)
                strcat(names[i], words[rnd(13)]);
            cats[i] = names[i];
        }
        for (int i = 0; i < n * ns; i++)
            values[i] = rnd(1000) * scale / 1000 *
                        (s.kind == SB_CHART_DONUT || rnd(5) ? 1 : -1);
        values[0] = fabs(values[0]) + 1;
        s.title = "随机图表的标题，有时相当长，用来检验换行和省略";
        s.source = "数据来源：随机生成";
        s.value_name = "数量";
        s.unit = rnd(2) ? "台/套" : "";
        s.n_cat = n;
        s.cats = s.kind == SB_CHART_LINE ? NULL : cats;
        s.n_series = ns;
        s.series = ns > 1 ? series : NULL;
        s.values = values;
        s.start_year = 2020;
        s.start_month = 1 + rnd(12);
        s.share = s.kind == SB_CHART_LINE && rnd(2) ? values : NULL;
        s.ordinal = rnd(2);
        sb_chart_theme_init(&t, rnd(2) ? SB_CHART_SLIDE : SB_CHART_REPORT,
                            SB_PALETTE_OKABE_ITO);
        if (sb_chart_new(&c, &s, &t, w, h, fonts, &err) != SB_OK) {
            /* Only a canvas too small for the theme may be refused. */
            CHECK_INT(err.code, SB_EUSAGE);
            continue;
        }
        if (sb_chart_check(c, why, sizeof why) != 0 && failures++ < 5)
            printf("round %d (kind %d, %d × %d, %gx%g): %s\n", round,
                   s.kind, ns, n, w, h, why);
        sb_chart_free(c);
    }
    CHECK_INT(failures, 0);
}

int main(void)
{
    struct sb_error err = {0};

    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        printf("sb_fonts_new: %s\n0 passed, 1 failed\n", err.msg);
        return 1;
    }
    RUN(every_fixture_is_clean);
    RUN(defense_text_sizes);
    RUN(hard_case_22_industries);
    RUN(hard_case_grid);
    RUN(category_ladder);
    RUN(ordinal_labels_thin_before_turning);
    RUN(top_n_and_other);
    RUN(donut_slices_and_shares);
    RUN(months_and_direct_labels);
    RUN(axes_units_and_zero);
    RUN(stacked_labels_fit_or_go);
    RUN(refused_specs);
    RUN(hbar_label_inside_at_the_edge);
    RUN(missing_glyphs_fail_the_check);
    RUN(themes_and_alt_text);
    RUN(random_layouts_stay_clean);
    sb_fonts_free(fonts);
    return TEST_REPORT();
}
