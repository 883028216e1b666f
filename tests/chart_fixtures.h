/* chart_fixtures.h: fixed, realistic chart data for the chart tests and
 * the demo (tests/bench/chart_demo.c): one chart of each kind from the
 * platform-2023 declaration (notice 002), plus the hard cases: 22 long
 * GB/T 4754 industry names and the 22 × 9 industry-by-domain grid.
 * The data live inside functions so that a test using part of them
 * compiles without unused-variable warnings. */
#ifndef SB_TESTS_CHART_FIXTURES_H
#define SB_TESTS_CHART_FIXTURES_H

#include <string.h>

#include "chart/chart.h"

#define FIX_SOURCE_DEVICES "数据来源：附件1 工业设备清单，统计截至2023-05-31"

/* The 22 industries (GB/T 4754-2017 divisions), longest 20 字. */
static inline const char *const *fix_industries(void)
{
    static const char *const names[22] = {
        "农副食品加工业",
        "食品制造业",
        "纺织业",
        "纺织服装、服饰业",
        "造纸和纸制品业",
        "石油、煤炭及其他燃料加工业",
        "化学原料和化学制品制造业",
        "医药制造业",
        "橡胶和塑料制品业",
        "非金属矿物制品业",
        "黑色金属冶炼和压延加工业",
        "有色金属冶炼和压延加工业",
        "金属制品业",
        "通用设备制造业",
        "专用设备制造业",
        "汽车制造业",
        "铁路、船舶、航空航天和其他运输设备制造业",
        "电气机械和器材制造业",
        "计算机、通信和其他电子设备制造业",
        "仪器仪表制造业",
        "电力、热力生产和供应业",
        "燃气生产和供应业",
    };

    return names;
}

/* The nine key domains of notice 002 §3.3. */
static inline const char *const *fix_domains(void)
{
    static const char *const names[9] = {
        "研发设计", "生产制造", "运营管理", "仓储物流", "运维服务",
        "安全生产", "节能减排", "质量管控", "供应链管理",
    };

    return names;
}

/* Names of the fixture charts, in demo order; NULL-terminated. */
static inline const char *const *fix_names(void)
{
    static const char *const names[] = {
        "devices_bar",      "apps_hbar",       "industries_top",
        "industries_hbar",  "industries_vbar", "apps_grouped",
        "finance_grouped",  "models_stacked",  "apps_donut",
        "developers_line",  "solutions_heatmap", "net_devices_bar",
        "provinces_tiles",  "indicators_table", NULL,
    };

    return names;
}

/* Fill *s with the fixture chart name; returns 0, or -1 if unknown. */
static inline int fix_spec(const char *name, struct sb_chart_spec *s)
{
    static const char *const dev_cats[] = {"运行设备", "加工设备",
                                           "行走设备", "其他设备"};
    static const double dev_vals[] = {126300, 48215, 23870, 3412};
    static const double app_vals[] = {412, 1268, 655, 143, 387,
                                      96, 74, 208, 531};
    static const double ind_vals[] = {
        86, 54, 37, 12, 41, 28, 133, 97, 45, 66, 118,
        72, 58, 204, 187, 163, 39, 176, 251, 44, 92, 17,
    };
    static const char *const mode_cats[] = {"平台原生开发", "低代码开发",
                                            "传统软件迁移上云"};
    static const char *const src_series[] = {"自研APP", "生态伙伴APP"};
    static const double mode_vals[] = {836, 1215, 402, 1473, 2260, 611};
    static const char *const years[] = {"2020年", "2021年", "2022年"};
    static const char *const fin_series[] = {"营业收入", "营业成本",
                                             "研发投入"};
    /* 元: the axis shows 亿元. */
    static const double fin_vals[] = {
        852000000, 1126000000, 1483000000,
        611000000, 784000000,  995000000,
        96000000,  141000000,  212000000,
    };
    static const char *const model_series[] = {
        "研发仿真模型", "业务流程模型", "行业机理模型", "数据算法模型"};
    static const double model_vals[] = {
        1200, 1850, 2640,
        2100, 2980, 3720,
        860,  1410, 2305,
        1540, 2660, 4210,
    };
    static const char *const focus_cats[] = {
        "汽车制造业", "专用设备制造业", "电气机械和器材制造业",
        "计算机、通信和其他电子设备制造业", "化学原料和化学制品制造业",
        "医药制造业", "金属制品业", "纺织业"};
    static const double focus_vals[] = {612, 498, 377, 356, 201, 143, 88, 61};
    static const double dev_cum[] = {
        13420, 15669, 17507, 19567, 21487, 23930, 26637, 29549,
        32369, 35643, 38647, 42064, 45504, 49403, 53160, 57080,
        61433, 65902, 70869, 75965, 81440, 87011, 92815, 98946,
    };
    static const double active[] = {
        29.4, 28.2, 40.7, 24.8, 35.8, 34.2, 22.8, 37.9,
        38.9, 33.9, 35.9, 37.4, 24.6, 32.0, 31.6, 37.9,
        37.3, 37.7, 33.1, 39.0, 35.0, 35.2, 26.4, 22.6,
    };
    static const double grid[22 * 9] = {
        11, 0,  2,  0, 4,  0, 0, 3, 2,  3,  4,  1,  1, 2,  0, 0, 0, 0,
        18, 17, 11, 5, 10, 3, 0, 5, 11, 1,  0,  0,  0, 0,  0, 0, 0, 2,
        5,  6,  13, 1, 2,  3, 0, 2, 11, 7,  0,  8,  5, 2,  0, 0, 1, 0,
        0,  0,  0,  1, 0,  0, 0, 0, 0,  6,  13, 0,  4, 0,  2, 3, 1, 1,
        1,  1,  1,  1, 1,  0, 0, 0, 0,  16, 13, 10, 1, 1,  2, 3, 3, 0,
        4,  2,  0,  0, 2,  0, 0, 0, 2,  0,  4,  1,  0, 2,  0, 0, 1, 0,
        4,  3,  1,  2, 4,  1, 1, 0, 4,  0,  4,  14, 3, 8,  0, 1, 7, 10,
        5,  3,  2,  1, 1,  1, 1, 1, 3,  1,  0,  0,  3, 0,  1, 2, 0, 2,
        23, 3,  8,  1, 0,  3, 0, 4, 0,  26, 2,  0,  3, 7,  7, 1, 6, 0,
        14, 1,  9,  0, 0,  2, 2, 1, 6,  1,  0,  3,  4, 3,  0, 0, 3, 1,
        0,  24, 11, 5, 12, 3, 5, 4, 1,  0,  0,  0,  1, 0,  0, 0, 0, 2,
    };
    static const char *const table_cols[] = {"申报值", "清单值", "状态"};
    static const char *const quarters[] = {
        "2021年Q3", "2021年Q4", "2022年Q1", "2022年Q2",
        "2022年Q3", "2022年Q4", "2023年Q1", "2023年Q2"};
    static const double net[] = {2310, 3412, -1234, 860, 1975, -417, 2688,
                                 1460};

    memset(s, 0, sizeof *s);
    s->n_series = 1;
    s->source = FIX_SOURCE_DEVICES;
    if (strcmp(name, "devices_bar") == 0) {
        s->kind = SB_CHART_BAR;
        s->title = "可连接工业设备数量（按类别）";
        s->value_name = "设备数";
        s->unit = "台/套";
        s->cat_name = "设备类别";
        s->n_cat = 4;
        s->cats = dev_cats;
        s->values = dev_vals;
    } else if (strcmp(name, "apps_hbar") == 0) {
        s->kind = SB_CHART_HBAR;
        s->title = "工业APP数量（按重点领域）";
        s->source = "数据来源：附件3 工业APP清单，统计截至2023-05-31";
        s->value_name = "APP数";
        s->unit = "个";
        s->cat_name = "领域";
        s->n_cat = 9;
        s->cats = fix_domains();
        s->values = app_vals;
    } else if (strcmp(name, "industries_top") == 0 ||
               strcmp(name, "industries_hbar") == 0 ||
               strcmp(name, "industries_vbar") == 0) {
        s->kind = name[11] == 'v' ? SB_CHART_BAR : SB_CHART_HBAR;
        s->title = "服务工业企业数量（按行业）";
        s->source = "数据来源：附件4 服务工业企业清单，统计截至2023-05-31";
        s->value_name = "企业数";
        s->unit = "家";
        s->cat_name = "行业";
        s->n_cat = 22;
        s->cats = fix_industries();
        s->values = ind_vals;
        s->top_n = strcmp(name, "industries_top") == 0 ? 10 : 0;
    } else if (strcmp(name, "apps_grouped") == 0) {
        s->kind = SB_CHART_GROUPED;
        s->title = "工业APP数量（按来源和开发方式）";
        s->source = "数据来源：附件3 工业APP清单，统计截至2023-05-31";
        s->value_name = "APP数";
        s->unit = "个";
        s->cat_name = "开发方式";
        s->series_name = "来源";
        s->n_cat = 3;
        s->cats = mode_cats;
        s->n_series = 2;
        s->series = src_series;
        s->values = mode_vals;
    } else if (strcmp(name, "finance_grouped") == 0) {
        s->kind = SB_CHART_GROUPED;
        s->title = "平台营业收入、成本与研发投入（近三年）";
        s->source = "数据来源：附件9 财务报表（经审计），2020—2022年度";
        s->value_name = "金额";
        s->unit = "元";
        s->cat_name = "年度";
        s->series_name = "科目";
        s->n_cat = 3;
        s->cats = years;
        s->n_series = 3;
        s->series = fin_series;
        s->values = fin_vals;
        s->ordinal = 1;
    } else if (strcmp(name, "models_stacked") == 0) {
        s->kind = SB_CHART_STACKED;
        s->title = "工业模型数量（按类别，逐年累计）";
        s->source = "数据来源：附件2 工业模型清单，统计截至各年末";
        s->value_name = "模型数";
        s->unit = "个";
        s->cat_name = "年度";
        s->series_name = "模型类别";
        s->n_cat = 3;
        s->cats = years;
        s->n_series = 4;
        s->series = model_series;
        s->values = model_vals;
        s->ordinal = 1;
    } else if (strcmp(name, "apps_donut") == 0) {
        s->kind = SB_CHART_DONUT;
        s->title = "工业APP聚焦行业分布";
        s->source = "数据来源：附件3 工业APP清单，统计截至2023-05-31";
        s->value_name = "APP数";
        s->unit = "个";
        s->cat_name = "聚焦行业";
        s->n_cat = 8;
        s->cats = focus_cats;
        s->values = focus_vals;
    } else if (strcmp(name, "developers_line") == 0) {
        s->kind = SB_CHART_LINE;
        s->title = "第三方开发者注册总数（累计）";
        s->source = "数据来源：附件5 平台开发者注册清单，统计截至2023-05-31";
        s->value_name = "开发者数";
        s->unit = "人";
        s->n_cat = 24;
        s->values = dev_cum;
        s->start_year = 2021;
        s->start_month = 6;
        s->share = active;
        s->share_name = "近30日活跃开发者占比";
    } else if (strcmp(name, "solutions_heatmap") == 0) {
        s->kind = SB_CHART_HEATMAP;
        s->title = "解决方案数量（按行业和领域）";
        s->source = "数据来源：附件7 解决方案清单，统计截至2023-05-31";
        s->value_name = "解决方案数";
        s->unit = "个";
        s->cat_name = "领域";
        s->series_name = "行业";
        s->n_cat = 9;
        s->cats = fix_domains();
        s->n_series = 22;
        s->series = fix_industries();
        s->values = grid;
    } else if (strcmp(name, "net_devices_bar") == 0) {
        s->kind = SB_CHART_BAR;
        s->title = "接入设备净增数（按季度）";
        s->value_name = "净增设备数";
        s->unit = "台/套";
        s->cat_name = "季度";
        s->n_cat = 8;
        s->cats = quarters;
        s->values = net;
        s->ordinal = 1;
    } else if (strcmp(name, "provinces_tiles") == 0) {
        /* GB/T 2260 provinces at their places (as
         * pipeline/forms/provinces.csv), 15 of 34 empty */
        static const char *const prov[34] = {
            "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江",
            "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
            "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
            "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门"
        };
        static const int row[34] = {
            1, 2, 2, 2, 1, 1, 1, 0, 4, 4, 5, 4, 6, 5, 3, 3, 4, 5,
            6, 6, 7, 4, 4, 5, 5, 4, 3, 2, 3, 2, 2, 6, 7, 7
        };
        static const int col[34] = {
            5, 5, 4, 3, 4, 6, 7, 7, 6, 5, 5, 4, 4, 4, 4, 3, 3, 3,
            3, 2, 2, 2, 1, 2, 1, 0, 2, 1, 1, 2, 0, 5, 4, 3
        };
        static const double served[34] = {
            0, 62, 76, 0, 0, 132, 0, 0, 0, 333, 304, 136, 148, 77,
            304, 132, 135, 160, 163, 63, 0, 78, 64, 75, 86, 0, 72,
            0, 0, 0, 0, 0, 0, 0
        };

        s->kind = SB_CHART_TILES;
        s->title = "服务工业企业所在省份";
        s->source = "数据来源：附件4 服务工业企业清单，统计截至2023-05-31";
        s->value_name = "企业数";
        s->unit = "家";
        s->cat_name = "省份";
        s->n_cat = 34;
        s->cats = prov;
        s->values = served;
        s->tile_row = row;
        s->tile_col = col;
    } else if (strcmp(name, "indicators_table") == 0) {
        /* the dashboard of the 21 indicators: one figure off, one list
         * missing */
        static const char *const ind[21] = {
            "1.1 工业设备数量", "1.2 工业模型数量", "1.3 工业APP数量", "1.4 服务工业企业数量",
            "1.5 平台开发者数量", "2.1 技术创新能力（专利）", "2.2 安全防护能力（数据安全）",
            "2.3 杀手锏APP订阅量", "3.1 有效解决方案", "3.2 累计服务园区",
            "3.3 获评部级应用案例", "3.4 服务中小企业", "3.5 国际业务拓展能力",
            "4.1 “六稳”“六保”荣誉", "4.2 “双链”“双碳”方案", "4.3 经济运行分析",
            "4.4 部重点工作参与", "4.5 参与制定标准", "5.1 平台业务收入（2022年）",
            "5.2 研发投入（2022年）", "5.3 生态运营能力",
        };
        static const char *const cells[63] = {
            "21,000台/套", "640个", "420个", "2,600个", "6,800个", "186个",
            "是", "51.98万", "32个", "23个", "4个", "1,101个", "见申报书", "2个",
            "8个", "见申报书", "见申报书", "25项", "86,245.12万元", "23,480万元",
            "见申报书", "20,000台/套", "—", "420个", "2,600个", "6,800个", "—",
            "—", "51.98万", "32个", "—", "—", "1,101个", "—", "—", "8个",
            "—", "—", "—", "—", "—", "—", "不一致", "未核对", "一致", "一致",
            "一致", "—", "—", "一致", "一致", "—", "—", "一致", "—", "—",
            "一致", "—", "—", "—", "—", "—", "—",
        };
        static const unsigned char marks[21] = {
            SB_MARK_BAD, SB_MARK_UNCHECKED, SB_MARK_GOOD,
            SB_MARK_GOOD, SB_MARK_GOOD, SB_MARK_NONE,
            SB_MARK_NONE, SB_MARK_GOOD, SB_MARK_GOOD,
            SB_MARK_NONE, SB_MARK_NONE, SB_MARK_GOOD,
            SB_MARK_NONE, SB_MARK_NONE, SB_MARK_GOOD,
            SB_MARK_NONE, SB_MARK_NONE, SB_MARK_NONE,
            SB_MARK_NONE, SB_MARK_NONE, SB_MARK_NONE
        };

        s->kind = SB_CHART_TABLE;
        s->title = "21项指标：申报值与清单核对";
        s->source = "数据来源：申报书及附件清单，统计截至2023-05-31";
        s->cat_name = "指标";
        s->n_cat = 21;
        s->cats = ind;
        s->n_series = 3;
        s->series = table_cols;
        s->texts = cells;
        s->marks = marks;
    } else {
        return -1;
    }
    return 0;
}

#endif
