/* typeset_demo.c: a demonstration 申报书 built on the typesetting engine,
 * measured by tests/e2e/typeset_measure.sh.
 *
 * Usage: typeset_demo OUT.pdf
 * Writes OUT.pdf (and removes the PNG it makes for the image block),
 * prints the findings as text and "pages N" on stdout.
 *
 * The document has a cover, a TOC, body pages of plain text (full pages
 * for the grid measurements), headings of four levels, a paragraph per
 * 避头尾 temptation (each puts a forbidden character exactly where the
 * first line ends), bold, links, a character Fandol lacks (镕), a table
 * over several pages, a PNG, a vector drawing, a 证明材料 part with its
 * own TOC, and a landscape annex with a streamed table numbered
 * "第 n 页 共 N 页". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings/finding.h"
#include "typeset/fonts.h"
#include "typeset/typeset.h"
#include "base/utf8.h"

/* Filler without punctuation, to build lines of an exact length. */
static const char *const filler =
    "平台面向装备制造电子信息原材料消费品等重点行业提供设备接入数据采集"
    "模型管理应用开发和运营服务能力持续提升生态伙伴不断壮大";

/* The first n characters of filler (n <= its length), then tail. */
static char *cjk(int n, const char *tail)
{
    struct sb_buf b = {0};
    const char *s = filler;

    for (int i = 0; i < n; i++) {
        int32_t cp;
        int k = sb_utf8_decode(s, strlen(s), &cp);

        sb_buf_put(&b, s, (size_t)k);
        s += k;
    }
    sb_buf_puts(&b, tail);
    return sb_buf_take(&b);
}

static const char *const prose[] = {
    "平台以“数据+模型+应用”为主线，构建了覆盖设备接入、边缘计算、工业大数据、"
    "工业模型、工业应用开发和运营服务的完整技术体系。平台累计连接工业设备"
    "一百二十六万台（套），覆盖装备制造、电子信息、原材料、消费品等二十二个"
    "行业，服务工业企业用户三万余家，其中付费企业六千余家。平台在长三角、"
    "珠三角、京津冀和成渝地区建立了区域服务中心，形成了“一中心多节点”的"
    "服务网络，能够为企业提供从咨询诊断、方案设计到部署实施、运营维护的"
    "全生命周期服务。",
    "在工业模型方面，平台沉淀了研发仿真、业务流程、行业机理和数据算法四类"
    "模型共计八千余个，支持模型的在线开发、封装、测试、发布与交易。平台提供"
    "低代码开发环境和微服务组件库，第三方开发者可以基于平台快速构建工业应用，"
    "目前平台注册开发者四万余人，月活跃开发者一万余人。平台建立了开发者激励"
    "机制和应用商店分成机制，推动工业知识的软件化、模块化和复用化，有效降低"
    "了中小企业数字化转型的门槛和成本。",
    "在安全防护方面，平台建立了覆盖设备、控制、网络、应用和数据的纵深防御"
    "体系，通过了网络安全等级保护三级测评，部署了工业防火墙、入侵检测、安全"
    "审计和态势感知等措施，具备对工业协议的深度解析和异常行为的实时告警能力。"
    "平台制定了数据分类分级管理制度，对重要数据实施加密存储和传输，对数据的"
    "访问和使用进行全程留痕审计，保障了企业数据的安全可控。",
};

static void body(struct sb_doc *doc, int n)
{
    for (int i = 0; i < n; i++)
        sb_doc_add_text(doc, prose[i % 3]);
}

/* One paragraph per 避头尾 rule: the first line holds 26 字 (28 less
 * the indent), and each text puts the tempting character at 26 or 27. */
static void temptations(struct sb_doc *doc)
{
    static const struct {
        int n;
        const char *tail;
    } t[] = {
        {25, "台，平台连接设备数量稳步增长。"},           /* ， at 27 */
        {26, "、数据采集与分析、应用开发等服务。"},     /* 、 at 27 */
        {25, "（含边缘设备）共计十二万台。"},           /* （ at 26 */
        {25, "“工业大脑”已服务三百家企业。"},           /* “ at 26 */
        {24, "“平台”是本次申报的主体。"},               /* ” at 27 */
        {25, "——包括运行设备和加工设备。"},             /* —— at 26–27 */
        {25, "……等各类工业设备均可接入。"},             /* …… at 26–27 */
        {23, "12台/套设备已完成改造。"},                /* 台/套 at 25–26.5 */
        {25, "25%的设备实现了远程运维。"},              /* % after 26 */
        {25, "《工业互联网平台白皮书》已发布。"},       /* 《 at 26 */
        {26, "。平台年度营业收入持续增长。"},           /* 。 at 27 */
    };

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *s = cjk(t[i].n, t[i].tail);

        sb_doc_add_text(doc, s);
        free(s);
    }
}

static void bars(cairo_t *cr, double w, double h, void *user)
{
    static const double v[] = {126, 84, 63, 41, 30, 22};
    static const char *const name[] = {"装备", "电子", "原材料",
                                       "消费品", "能源", "其他"};
    struct sb_fonts *fonts = user;
    PangoContext *ctx = sb_fonts_context(fonts);
    PangoLayout *lay = pango_layout_new(ctx);
    PangoFontDescription *d = sb_fonts_desc(SB_FONT_HEI, 10.5);
    double bw = w / 6;

    cairo_save(cr);
    pango_layout_set_font_description(lay, d);
    cairo_set_line_width(cr, 0.75);
    cairo_move_to(cr, 0, h - 20);
    cairo_line_to(cr, w, h - 20);
    cairo_stroke(cr);
    for (int i = 0; i < 6; i++) {
        double bh = (h - 40) * v[i] / 126;
        int lw, lh;

        cairo_set_source_rgb(cr, 0.16, 0.35, 0.60);
        cairo_rectangle(cr, i * bw + bw * 0.2, h - 20 - bh, bw * 0.6, bh);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        pango_layout_set_text(lay, name[i], -1);
        pango_layout_get_size(lay, &lw, &lh);
        cairo_move_to(cr, i * bw + (bw - (double)lw / PANGO_SCALE) / 2,
                      h - 16);
        pango_cairo_show_layout(cr, lay);
    }
    cairo_restore(cr);
    pango_font_description_free(d);
    g_object_unref(lay);
    g_object_unref(ctx);
}

/* A PNG for the image block: a gradient strip with a frame. */
static int make_png(const char *path)
{
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 600, 240);
    cairo_t *cr = cairo_create(s);
    cairo_pattern_t *pat = cairo_pattern_create_linear(0, 0, 600, 0);
    int rc;

    cairo_pattern_add_color_stop_rgb(pat, 0, 0.85, 0.92, 1.0);
    cairo_pattern_add_color_stop_rgb(pat, 1, 0.20, 0.45, 0.75);
    cairo_set_source(cr, pat);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 4);
    cairo_rectangle(cr, 2, 2, 596, 236);
    cairo_stroke(cr);
    for (int i = 0; i < 5; i++) {
        cairo_arc(cr, 80 + i * 110, 120, 30 + i * 5, 0, 6.2831853);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill(cr);
    }
    rc = cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS ? 0 : 1;
    cairo_pattern_destroy(pat);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return rc;
}

static void device_table(struct sb_doc *doc)
{
    static const struct sb_column cols[] = {
        {"序号", 12, SB_ALIGN_CENTER},
        {"设备类别", 0, SB_ALIGN_LEFT},
        {"设备名称", 0, SB_ALIGN_LEFT},
        {"数量\n（台/套）", 0, SB_ALIGN_RIGHT},
        {"接入方式", 0, SB_ALIGN_LEFT},
    };
    static const char *const cls[] = {"运行设备", "加工设备", "行走设备",
                                      "其他设备"};
    static const char *const name[] = {
        "数控机床", "工业机器人", "空气压缩机", "工程机械", "AGV 物流小车",
        "注塑机", "锅炉及压力容器（含余热回收装置）", "风机", "冷水机组",
        "电力变压器"};
    static const char *const how[] = {"5G 模组直连", "边缘网关（OPC UA）",
                                      "Modbus TCP", "MQTT"};
    struct sb_para_style cap;
    struct sb_table *t;

    sb_para_style_body(&cap);
    cap.role = SB_FONT_HEI;
    cap.align = SB_ALIGN_CENTER;
    cap.indent = 0;
    cap.keep_with_next = 1;
    sb_para_add_text(sb_doc_add_para(doc, &cap), "表1 平台接入设备明细", 0);
    t = sb_doc_add_table(doc, cols, 5, NULL);
    for (int i = 0; i < 70; i++) {
        char no[16], n[32];
        const char *row[5];

        snprintf(no, sizeof no, "%d", i + 1);
        snprintf(n, sizeof n, "%d", 1200 + (i * 7919) % 40000);
        row[0] = no;
        row[1] = cls[i % 4];
        row[2] = name[i % 10];
        row[3] = n;
        row[4] = how[i % 4];
        sb_table_add_row(t, row);
    }
}

/* Rows of the annex volume, made up as they are read. */
struct gen {
    long i, n;
    char buf[6][64];
    const char *cells[6];
};

static int gen_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct gen *)user)->i = 0;
    return SB_OK;
}

static int gen_next(void *user, struct sb_row *row, struct sb_error *err)
{
    static const char *const cls[] = {"运行设备", "加工设备", "行走设备",
                                      "其他设备"};
    struct gen *g = user;
    long i = g->i;

    (void)err;
    if (i >= g->n)
        return 0;
    snprintf(g->buf[0], sizeof g->buf[0], "%ld", i + 1);
    snprintf(g->buf[1], sizeof g->buf[1], "DEV-%08ld", 10000000 + i * 37);
    snprintf(g->buf[2], sizeof g->buf[2], "%s", cls[i % 4]);
    snprintf(g->buf[3], sizeof g->buf[3], "%s%ld号机组",
             i % 3 ? "数控加工中心" : "空压站", i % 97 + 1);
    snprintf(g->buf[4], sizeof g->buf[4], "2022年%ld月%ld日", i % 12 + 1,
             i % 28 + 1);
    snprintf(g->buf[5], sizeof g->buf[5], "%s",
             i % 5 ? "MQTT" : "OPC UA");
    for (int c = 0; c < 6; c++)
        g->cells[c] = g->buf[c];
    row->cells = g->cells;
    row->row = i + 2; /* the CSV's header is row 1 */
    g->i++;
    return 1;
}

int main(int argc, char **argv)
{
    struct sb_fonts *fonts = NULL;
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_error err = {0};
    struct sb_page_style ps, cover, land;
    struct sb_para_style st;
    struct sb_para *p;
    struct gen gen = {.n = 300};
    struct sb_rows rows = {gen_rewind, gen_next, &gen, NULL};
    static const struct sb_column vol_cols[] = {
        {"序号", 15, SB_ALIGN_RIGHT},  {"设备编号", 0, SB_ALIGN_LEFT},
        {"设备类别", 0, SB_ALIGN_LEFT}, {"设备名称", 0, SB_ALIGN_LEFT},
        {"接入日期", 0, SB_ALIGN_LEFT}, {"接入协议", 0, SB_ALIGN_LEFT},
    };
    struct sb_table_style vst;
    struct sb_doc *doc;
    char *png;
    int h_arch, rc;

    if (argc != 2) {
        fprintf(stderr, "usage: typeset_demo OUT.pdf\n");
        return 2;
    }
    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    png = sb_xasprintf("%s.png", argv[1]);
    if (make_png(png) != 0) {
        fprintf(stderr, "typeset_demo: cannot write %s\n", png);
        return 2;
    }
    sb_page_style_gbt9704(&ps);
    cover = ps;
    cover.number = SB_PAGE_NUMBER_NONE;
    doc = sb_doc_new(fonts, &cover);
    sb_doc_set_info(doc, "2023年跨行业跨领域工业互联网平台申报书",
                    "示例智能科技有限公司");
    sb_doc_set_findings(doc, fs, NULL);

    /* cover */
    sb_doc_add_space(doc, 4);
    sb_para_style_body(&st);
    st.role = SB_FONT_HEI;
    st.size_pt = 22;
    st.align = SB_ALIGN_CENTER;
    st.indent = 0;
    st.lines_after = 6;
    sb_para_add_text(sb_doc_add_para(doc, &st),
                     "2023年跨行业跨领域工业互联网平台\n申报书", 0);
    sb_para_style_body(&st);
    st.align = SB_ALIGN_LEFT;
    st.indent = 6;
    sb_para_add_text(sb_doc_add_para(doc, &st),
                     "申报单位：示例智能科技有限公司", 0);
    sb_para_add_text(sb_doc_add_para(doc, &st), "平台名称：示例工业互联网平台",
                     0);
    sb_para_add_text(sb_doc_add_para(doc, &st), "申报日期：2023年4月1日", 0);

    /* contents, on a recto */
    sb_doc_add_section(doc, &cover, SB_BREAK_RECTO, 0);
    sb_para_style_body(&st);
    st.role = SB_FONT_HEI;
    st.align = SB_ALIGN_CENTER;
    st.indent = 0;
    st.lines_after = 1;
    sb_para_add_text(sb_doc_add_para(doc, &st), "目  录", 0);
    sb_doc_add_toc(doc, 3, 0);

    /* body: numbered from 1 on a recto */
    sb_doc_add_section(doc, &ps, SB_BREAK_RECTO, 1);
    sb_doc_add_heading(doc, 1, NULL, "平台基本情况", 0);
    sb_doc_add_heading(doc, 2, NULL, "平台定位与发展历程", 0);
    body(doc, 9);
    sb_doc_add_heading(doc, 2, NULL, "平台总体架构", 0);
    h_arch = sb_doc_add_heading(doc, 3, NULL, "边缘层", 0);
    body(doc, 2);
    sb_doc_add_heading(doc, 4, NULL, "设备接入", 0);
    p = sb_doc_add_para(doc, NULL);
    sb_para_add_text(p, "平台支持", 0);
    sb_para_add_text(p, "一百余种工业协议", SB_TEXT_BOLD);
    sb_para_add_text(p, "的解析与转换，接入方式见", 0);
    sb_para_add_ref(p, "边缘层", h_arch);
    sb_para_add_text(p, "一节，协议清单可在", 0);
    sb_para_add_link(p, "https://example.com/protocols",
                     "https://example.com/protocols");
    sb_para_add_text(p, "查阅。项目负责人朱镕基工程师负责接入测试。", 0);
    body(doc, 2);
    sb_doc_add_heading(doc, 2, NULL, "排版规则示例", 0);
    temptations(doc);
    sb_doc_add_heading(doc, 1, NULL, "平台资源管理能力", 0);
    sb_doc_add_heading(doc, 2, NULL, "工业设备数量", 0);
    body(doc, 2);
    device_table(doc);
    body(doc, 2);
    sb_doc_add_heading(doc, 2, NULL, "平台运营示意", 0);
    if (sb_doc_add_png(doc, png, 120, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    sb_para_style_body(&st);
    st.role = SB_FONT_HEI;
    st.align = SB_ALIGN_CENTER;
    st.indent = 0;
    sb_para_add_text(sb_doc_add_para(doc, &st), "图1 平台运营示意", 0);
    body(doc, 1);
    sb_doc_add_drawing(doc, 0, 60, bars, fonts);
    sb_para_add_text(sb_doc_add_para(doc, &st), "图2 接入设备行业分布（万台）",
                     0);
    body(doc, 6);

    /* 证明材料, with their own contents */
    sb_doc_add_break(doc, SB_BREAK_RECTO);
    sb_doc_add_heading(doc, 1, "", "证明材料",
                       SB_HEADING_CENTER);
    sb_doc_add_toc(doc, 3, SB_TOC_FOLLOWING);
    sb_doc_add_heading(doc, 2, "附件1 ", "企业营业执照",
                       SB_HEADING_NEW_PAGE);
    body(doc, 2);
    sb_doc_add_heading(doc, 2, "附件2 ", "平台接入设备清单", 0);
    sb_doc_add_text(doc, "设备清单共三百条，见附件卷《平台接入设备清单》。");
    sb_doc_add_heading(doc, 3, NULL, "清单说明", 0);
    body(doc, 1);

    /* the annex volume part: landscape, "第 n 页 共 N 页" */
    sb_page_style_landscape(&land);
    land.header = "附件2 平台接入设备清单";
    sb_doc_add_section(doc, &land, SB_BREAK_RECTO, 1);
    sb_doc_set_label(doc, "附件2 平台接入设备清单");
    sb_table_style_default(&vst);
    vst.source = "annex/devices.csv";
    sb_doc_add_table_rows(doc, vol_cols, 6, &vst, &rows);

    rc = sb_doc_write_pdf(doc, argv[1], &err);
    remove(png);
    free(png);
    if (rc != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    sb_findings_write_text(fs, stdout, 0, 0, NULL);
    printf("pages %d\n", sb_doc_page_count(doc));
    sb_doc_free(doc);
    sb_findings_free(fs);
    sb_fonts_free(fonts);
    return 0;
}
