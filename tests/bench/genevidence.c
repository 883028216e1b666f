/* genevidence.c: the fictional evidence files of the bundled sample and
 * the test fixture (inputs/sample/evidence/, tests/fixtures/platform-2023/base/
 * evidence/), made reproducibly with Cairo and the shipped fonts.
 *
 * Usage: genevidence OUTDIR
 * Writes into OUTDIR (which must exist):
 *   01-软件著作权登记证书.pdf   a one-page certificate look-alike (A4)
 *   04-…pdf to 08-…pdf          one-page documents for 5.1, 3.2, 3.3,
 *                               4.1 and 4.5 (audit report, park, case,
 *                               honour and standard look-alikes)
 *   02-平台运行监测截图.png     a 1280 × 720 "screenshot" (no pHYs: 96 dpi)
 *   03-营业执照.pdf             a landscape licence look-alike (A4)
 * Every page says 样例 across it: none of this is a real document. The
 * sample's JPEG (03-营业执照.jpg) is the third file rendered by poppler:
 *   pdftoppm -jpeg -r 100 -singlefile 03-营业执照.pdf 03-营业执照
 * and the PDF removed.
 * genevidence --architecture FILE.png draws the sample's architecture
 * diagram (declaration.md, (3) 技术架构). */
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/fonts.h"

static void text(cairo_t *cr, PangoContext *ctx, enum sb_font_role role,
                 double size, double x, double y, double w, PangoAlignment al,
                 const char *s)
{
    PangoLayout *lay = pango_layout_new(ctx);
    PangoFontDescription *d = sb_fonts_desc(role, size);

    pango_layout_set_font_description(lay, d);
    pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
    pango_layout_set_alignment(lay, al);
    pango_layout_set_text(lay, s, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, lay);
    pango_font_description_free(d);
    g_object_unref(lay);
}

/* "样例 SAMPLE" across the page, in light red. */
static void stamp(cairo_t *cr, PangoContext *ctx, double w, double h)
{
    cairo_save(cr);
    cairo_translate(cr, w / 2, h / 2);
    cairo_rotate(cr, -0.5);
    cairo_set_source_rgba(cr, 0.85, 0.1, 0.1, 0.25);
    text(cr, ctx, SB_FONT_HEI, w / 7, -w / 2, -w / 10, w, PANGO_ALIGN_CENTER,
         "样例 SAMPLE");
    cairo_restore(cr);
}

static void frame(cairo_t *cr, double w, double h, double m)
{
    cairo_set_source_rgb(cr, 0.55, 0.35, 0.1);
    cairo_set_line_width(cr, 6);
    cairo_rectangle(cr, m, m, w - 2 * m, h - 2 * m);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1.5);
    cairo_rectangle(cr, m + 8, m + 8, w - 2 * m - 16, h - 2 * m - 16);
    cairo_stroke(cr);
}

/* Finish the one-page PDF of cr and s (both destroyed): 0, or 1 when
 * Cairo failed. */
static int finish_pdf(cairo_t *cr, cairo_surface_t *s)
{
    int rc;

    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : 1;
    cairo_surface_destroy(s);
    return rc;
}

/* Write the image of cr and s (both destroyed) to path: 0, or 1 when
 * Cairo failed. */
static int finish_png(cairo_t *cr, cairo_surface_t *s, const char *path)
{
    int rc = cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS ? 0
                                                                          : 1;

    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return rc;
}

/* A one-page A4 document: a framed title, its number, the body, the
 * fiction note and a date. */
struct doc_text {
    const char *file, *title, *number, *body, *date;
};

static int document(const char *dir, const struct doc_text *t,
                    PangoContext *ctx)
{
    const double w = 595.276, h = 841.89;
    char *path = sb_xasprintf("%s/%s", dir, t->file);
    cairo_surface_t *s = cairo_pdf_surface_create(path, w, h);
    cairo_t *cr = cairo_create(s);

    free(path);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    frame(cr, w, h, 36);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text(cr, ctx, SB_FONT_SONG, 26, 0, 130, w, PANGO_ALIGN_CENTER, t->title);
    text(cr, ctx, SB_FONT_SONG, 12, 0, 180, w, PANGO_ALIGN_CENTER, t->number);
    text(cr, ctx, SB_FONT_FANG, 15, 90, 250, w - 180, PANGO_ALIGN_LEFT,
         t->body);
    text(cr, ctx, SB_FONT_FANG, 11, 90, 640, w - 180, PANGO_ALIGN_LEFT,
         "本文件为 shenbao 示例数据，所载单位、事项和编号均为虚构，"
         "不是任何机关出具的文件。");
    text(cr, ctx, SB_FONT_SONG, 13, 0, 720, w - 110, PANGO_ALIGN_RIGHT,
         t->date);
    stamp(cr, ctx, w, h);
    return finish_pdf(cr, s);
}

static const struct doc_text documents[] = {
    {"01-软件著作权登记证书.pdf", "计算机软件著作权登记证书",
     "证书号：软著登字第 0000001 号（样例）",
     "软件名称：澜川工业互联网平台设备接入管理软件 V3.2\n\n"
     "著作权人：澜川智造科技股份有限公司\n\n"
     "开发完成日期：2021年11月30日\n\n"
     "首次发表日期：2022年3月15日\n\n"
     "权利取得方式：原始取得\n\n"
     "权利范围：全部权利\n\n"
     "登记号：2022SR0000001",
     "2022年5月20日"},
    {"04-2022年度财务审计报告.pdf", "2022年度财务审计报告（摘要）",
     "审字〔2023〕第 0001 号（样例）",
     "被审计单位：澜川智造科技股份有限公司\n\n"
     "平台相关业务收入：2020—2022年累计 214,860.37 万元，"
     "其中2022年 86,245.12 万元\n\n"
     "平台相关业务成本：2020—2022年累计 151,207.64 万元，"
     "其中2022年 58,930.48 万元\n\n"
     "研发投入：2021年 18,650.00 万元，2022年 23,480.00 万元",
     "2023年3月28日"},
    {"05-示范园区服务证明.pdf", "园区服务及示范认定证明", "（样例）",
     "澜川工业互联网平台2021年以来累计服务产业园区，"
     "所服务园区获国家级、省级示范认定的批复文件见附页。",
     "2023年4月10日"},
    {"06-应用案例入选文件.pdf", "工业互联网平台应用案例入选文件",
     "（样例）",
     "澜川工业互联网平台的行业和领域应用案例入选部、省两级"
     "应用案例名单的文件摘录。",
     "2023年4月12日"},
    {"07-省部级荣誉证书.pdf", "“六稳”“六保”工作荣誉证书", "（样例）",
     "表彰澜川智造科技股份有限公司在服务地方稳增长、"
     "保产业链供应链稳定方面的工作。",
     "2022年12月30日"},
    {"08-标准立项文件.pdf", "工业互联网平台标准立项文件", "（样例）",
     "澜川智造科技股份有限公司主导或参与的国家标准、行业标准和"
     "国际标准立项文件摘录。",
     "2023年2月20日"},
};

/* The architecture diagram the sample's declaration.md shows in (3):
 * the four layers of its text, as boxes. */
static int architecture(const char *path, PangoContext *ctx)
{
    static const char *const layer[] = {
        "应用层：自研与生态伙伴工业APP、行业解决方案",
        "平台层（工业PaaS）：设备管理、时序数据库、模型管理、微服务、低代码",
        "IaaS层：公有云、私有云",
        "边缘层：协议解析、边缘计算、断网续传"};
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1200, 640);
    cairo_t *cr = cairo_create(s);

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int i = 0; i < 4; i++) {
        cairo_set_source_rgb(cr, 0.86 - 0.1 * i, 0.92 - 0.06 * i, 0.98);
        cairo_rectangle(cr, 60, 40 + i * 145, 1080, 120);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.12, 0.27, 0.50);
        cairo_set_line_width(cr, 3);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text(cr, ctx, SB_FONT_HEI, 30, 60, 80 + i * 145, 1080,
             PANGO_ALIGN_CENTER, layer[i]);
    }
    return finish_png(cr, s, path);
}

static int licence(const char *path, PangoContext *ctx)
{
    const double w = 841.89, h = 595.276;
    cairo_surface_t *s = cairo_pdf_surface_create(path, w, h);
    cairo_t *cr = cairo_create(s);

    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    frame(cr, w, h, 30);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text(cr, ctx, SB_FONT_HEI, 36, 0, 80, w, PANGO_ALIGN_CENTER, "营 业 执 照");
    text(cr, ctx, SB_FONT_SONG, 12, 0, 135, w, PANGO_ALIGN_CENTER,
         "（副本）样例");
    text(cr, ctx, SB_FONT_FANG, 15, 110, 190, w - 220, PANGO_ALIGN_LEFT,
         "统一社会信用代码　91320500723759379X\n\n"
         "名　　称　澜川智造科技股份有限公司\n\n"
         "类　　型　股份有限公司（非上市）\n\n"
         "住　　所　江东省苏州市工业园区星湖街 328 号创意产业园 12 栋\n\n"
         "成立日期　2009年3月18日");
    text(cr, ctx, SB_FONT_FANG, 11, 110, 470, w - 220, PANGO_ALIGN_LEFT,
         "shenbao 示例数据：单位与代码均为虚构，不是登记机关出具的文件。");
    stamp(cr, ctx, w, h);
    return finish_pdf(cr, s);
}

static int screenshot(const char *path, PangoContext *ctx)
{
    static const double v[] = {0.42, 0.55, 0.61, 0.58, 0.72, 0.80,
                               0.77, 0.86, 0.91, 0.88, 0.95, 0.97};
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1280, 720);
    cairo_t *cr = cairo_create(s);

    cairo_set_source_rgb(cr, 0.96, 0.97, 0.99);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.12, 0.27, 0.50);
    cairo_rectangle(cr, 0, 0, 1280, 64);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    text(cr, ctx, SB_FONT_HEI, 24, 32, 16, 1000, PANGO_ALIGN_LEFT,
         "澜川工业互联网平台 · 运行监测（样例）");
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    text(cr, ctx, SB_FONT_HEI, 20, 60, 100, 800, PANGO_ALIGN_LEFT,
         "接入设备在线率（2022年6月—2023年5月）");
    for (int i = 0; i < 12; i++) {
        double bh = v[i] * 440;

        cairo_set_source_rgb(cr, 0.23, 0.52, 0.80);
        cairo_rectangle(cr, 80 + i * 95, 640 - bh, 60, bh);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, 60, 640);
    cairo_line_to(cr, 1240, 640);
    cairo_stroke(cr);
    text(cr, ctx, SB_FONT_FANG, 16, 60, 660, 1160, PANGO_ALIGN_LEFT,
         "shenbao 示例数据：截图与数值均为虚构。");
    return finish_png(cr, s, path);
}

int main(int argc, char **argv)
{
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    PangoContext *ctx;
    char *p2, *p3;
    int rc = 0;

    if (argc == 3 && strcmp(argv[1], "--architecture") == 0) {
        if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
            sb_error_print(&err);
            return 2;
        }
        ctx = sb_fonts_context(fonts);
        rc = architecture(argv[2], ctx);
        g_object_unref(ctx);
        sb_fonts_free(fonts);
        return rc ? 2 : 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: genevidence OUTDIR | --architecture FILE.png\n");
        return 2;
    }
    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    ctx = sb_fonts_context(fonts);
    p2 = sb_xasprintf("%s/02-平台运行监测截图.png", argv[1]);
    p3 = sb_xasprintf("%s/03-营业执照.pdf", argv[1]);
    for (size_t i = 0; i < sizeof documents / sizeof *documents; i++)
        rc |= document(argv[1], &documents[i], ctx);
    rc |= screenshot(p2, ctx) | licence(p3, ctx);
    if (rc != 0)
        fprintf(stderr, "genevidence: cannot write into %s\n", argv[1]);
    free(p2);
    free(p3);
    g_object_unref(ctx);
    sb_fonts_free(fonts);
    return rc ? 2 : 0;
}
