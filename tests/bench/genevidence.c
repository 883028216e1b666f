/* genevidence.c: the fictional evidence files of the bundled sample and
 * the test fixture (inputs/sample/evidence/, tests/fixtures/platform-2023/base/
 * evidence/), made reproducibly with Cairo and the shipped fonts.
 *
 * Usage: genevidence OUTDIR
 * Writes into OUTDIR (which must exist):
 *   01-软件著作权登记证书.pdf   a one-page certificate look-alike (A4)
 *   02-平台运行监测截图.png     a 1280 × 720 "screenshot" (no pHYs: 96 dpi)
 *   03-营业执照.pdf             a landscape licence look-alike (A4)
 * Every page says 样例 across it: none of this is a real document. The
 * sample's JPEG (03-营业执照.jpg) is the third file rendered by poppler:
 *   pdftoppm -jpeg -r 100 -singlefile 03-营业执照.pdf 03-营业执照
 * and the PDF removed. */
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>

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

static int certificate(const char *path, PangoContext *ctx)
{
    const double w = 595.276, h = 841.89;
    cairo_surface_t *s = cairo_pdf_surface_create(path, w, h);
    cairo_t *cr = cairo_create(s);

    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    frame(cr, w, h, 36);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text(cr, ctx, SB_FONT_SONG, 30, 0, 130, w, PANGO_ALIGN_CENTER,
         "计算机软件著作权登记证书");
    text(cr, ctx, SB_FONT_SONG, 12, 0, 180, w, PANGO_ALIGN_CENTER,
         "证书号：软著登字第 0000001 号（样例）");
    text(cr, ctx, SB_FONT_FANG, 15, 90, 250, w - 180, PANGO_ALIGN_LEFT,
         "软件名称：澜川工业互联网平台设备接入管理软件 V3.2\n\n"
         "著作权人：澜川智造科技股份有限公司\n\n"
         "开发完成日期：2021年11月30日\n\n"
         "首次发表日期：2022年3月15日\n\n"
         "权利取得方式：原始取得\n\n"
         "权利范围：全部权利\n\n"
         "登记号：2022SR0000001");
    text(cr, ctx, SB_FONT_FANG, 11, 90, 640, w - 180, PANGO_ALIGN_LEFT,
         "本证书为 shenbao 示例数据，所载单位、软件和编号均为虚构，"
         "不是任何机关出具的文件。");
    text(cr, ctx, SB_FONT_SONG, 13, 0, 720, w - 110, PANGO_ALIGN_RIGHT,
         "2022年5月20日");
    stamp(cr, ctx, w, h);
    return finish_pdf(cr, s);
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
    int rc;

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
    rc = cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS ? 0 : 1;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return rc;
}

int main(int argc, char **argv)
{
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    PangoContext *ctx;
    char *p1, *p2, *p3;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: genevidence OUTDIR\n");
        return 2;
    }
    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    ctx = sb_fonts_context(fonts);
    p1 = sb_xasprintf("%s/01-软件著作权登记证书.pdf", argv[1]);
    p2 = sb_xasprintf("%s/02-平台运行监测截图.png", argv[1]);
    p3 = sb_xasprintf("%s/03-营业执照.pdf", argv[1]);
    rc = certificate(p1, ctx) | screenshot(p2, ctx) | licence(p3, ctx);
    if (rc != 0)
        fprintf(stderr, "genevidence: cannot write into %s\n", argv[1]);
    free(p1);
    free(p2);
    free(p3);
    g_object_unref(ctx);
    sb_fonts_free(fonts);
    return rc ? 2 : 0;
}
