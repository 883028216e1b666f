/* deck.c: the defense deck (see deck.h). Slides are 960×540 pt, 2 px a
 * point projected at 1920×1080, so the defense theme's sizes hold: the
 * footer is set at the source line's 14 pt (28 px), the title slide's
 * smallest text at the labels' 18 pt (36 px). */
#include "chart/deck.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/chartset.h"
#include "cells/cell.h"
#include "base/outfile.h"
#include "base/progress.h"

#define SLIDE_W 960.0
#define SLIDE_H 540.0
#define MARGIN 40.0   /* title slide and footer edge */
#define FOOTER_H 32.0 /* band under the chart */
#define FOOT_PT 14.0  /* footer text */

/* What the deck is about: the platform's name, or for an edition that
 * declares no platform (a list of products) the edition's title. */
static const char *subject(const struct sb_decl *d)
{
    const char *name = sb_decl_role_text(d, "platform");
    const char *title = sb_form_meta(d->form, "title");

    if (name != NULL)
        return name;
    return title != NULL ? title : "";
}

/* Indicator "1.4" as a sort key (1004); an overview (the dashboard of
 * the indicators, option overview) first, charts without either last. */
static long indicator_key(const struct sb_chart_def *ch)
{
    const char *s = sb_chart_option(ch, "indicator");
    char *end;
    long major, minor = 0;

    if (sb_chart_option(ch, "overview") != NULL)
        return 0;
    if (s == NULL)
        return 1L << 30;
    major = strtol(s, &end, 10);
    if (*end == '.')
        minor = strtol(end + 1, NULL, 10);
    return major * 1000 + minor;
}

/* Set text in the chart face at size pt, width w (0: unbounded) with
 * align, its top-left at (x, y). Returns its height in pt. */
static double text(cairo_t *cr, PangoContext *ctx, const char *s,
                   double size, uint32_t rgb, double x, double y, double w,
                   PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *fd = sb_fonts_desc(SB_FONT_HEI, size);
    PangoRectangle log;

    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (w > 0) {
        pango_layout_set_width(l, (int)(w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(l, align);
    }
    pango_layout_set_text(l, s, -1);
    pango_layout_get_extents(l, NULL, &log);
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0,
                         ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    return (double)log.height / PANGO_SCALE;
}

static void footer(cairo_t *cr, PangoContext *ctx, const char *platform,
                   const char *indicator, enum sb_lang lang, int page,
                   int pages)
{
    double y = SLIDE_H - FOOTER_H + (FOOTER_H - 1.4 * FOOT_PT) / 2;
    char *left = indicator == NULL ? sb_xstrdup(platform)
                 : lang == SB_LANG_EN
                     ? sb_xasprintf("%s | Indicator %s", platform, indicator)
                     : sb_xasprintf("%s ｜ 指标%s", platform, indicator);
    char *num = sb_xasprintf("%d / %d", page, pages);

    cairo_set_source_rgb(cr, 0xE3 / 255.0, 0xE5 / 255.0, 0xEA / 255.0);
    cairo_rectangle(cr, 20, SLIDE_H - FOOTER_H, SLIDE_W - 40, 1);
    cairo_fill(cr);
    text(cr, ctx, left, FOOT_PT, 0x54555A, 20, y, SLIDE_W - 160,
         PANGO_ALIGN_LEFT);
    text(cr, ctx, num, FOOT_PT, 0x54555A, SLIDE_W - 140, y, 120,
         PANGO_ALIGN_RIGHT);
    free(left);
    free(num);
}

/* The platform and the company are names: they stay as declared; the
 * kind of declaration (edition.csv short_title) is in g's language. */
static void title_slide(cairo_t *cr, PangoContext *ctx,
                        const struct sb_decl *d, struct sb_glossary *g,
                        int pages)
{
    const char *platform = subject(d);
    const char *kind = sb_form_meta(d->form, "short_title");
    enum sb_lang lang = sb_glossary_lang(g);
    const struct sb_figure *sd = sb_decl_role(d, "statistics_date");
    const char *company;
    double w = SLIDE_W - 2 * MARGIN, y = 150;

    cairo_set_source_rgb(cr, 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0);
    cairo_rectangle(cr, 0, 0, SLIDE_W, 12);
    cairo_fill(cr);
    if (kind != NULL && strcmp(kind, platform) != 0)
        y += text(cr, ctx, sb_glossary_get(g, kind), 20, 0x54555A, MARGIN, y, w,
                  PANGO_ALIGN_CENTER) + 16;
    y += text(cr, ctx, platform, 40, 0x333333, MARGIN, y, w,
              PANGO_ALIGN_CENTER) + 24;
    company = sb_decl_role_text(d, "company");
    y += text(cr, ctx, company != NULL ? company : "", 24, 0x333333, MARGIN,
              y, w, PANGO_ALIGN_CENTER) + 40;
    if (sd != NULL && sd->state == SB_FIG_OK) {
        char date[11], *s;

        sb_date_format(sd->date, date);
        s = sb_xasprintf(lang == SB_LANG_EN ? "Data as of %s"
                                            : "数据统计截至 %s",
                         date);
        text(cr, ctx, s, 18, 0x54555A, MARGIN, y, w, PANGO_ALIGN_CENTER);
        free(s);
    }
    footer(cr, ctx, platform, NULL, lang, 1, pages);
}

struct slide {
    const struct sb_chart_def *def;
    struct sb_chart *chart;
    long key;
};

static int by_indicator(const void *a, const void *b)
{
    const struct slide *x = a, *y = b;

    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->def < y->def ? -1 : x->def > y->def;
}

static cairo_status_t append(void *closure, const unsigned char *data,
                             unsigned int len)
{
    sb_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

int sb_deck_write(const struct sb_decl *d, const char *path,
                  struct sb_fonts *fonts, struct sb_glossary *g, int *slides,
                  struct sb_error *err)
{
    int n_charts = d->form->n_charts, n = 0, rc = SB_OK;
    struct slide *s = sb_xcalloc((size_t)n_charts + 1, sizeof *s);
    PangoContext *ctx = sb_fonts_context(fonts);
    const char *platform = subject(d);
    struct sb_progress *bar;
    struct sb_buf pdf = {0};
    cairo_surface_t *surf;
    cairo_status_t st;
    cairo_t *cr;
    char *title;

    bar = sb_progress_begin("答辩幻灯片", "张", n_charts);
    for (int i = 0; i < n_charts; i++) {
        struct sb_error skip = {0};

        s[n].def = &d->form->charts[i];
        s[n].key = indicator_key(s[n].def);
        if (sb_chartset_layout(&s[n].chart, d, s[n].def, SB_CHART_DEFENSE,
                               SLIDE_W, SLIDE_H - FOOTER_H, g, fonts,
                               &skip) == SB_OK)
            n++;
        sb_progress_step(bar, 1);
    }
    sb_progress_end(bar);
    qsort(s, (size_t)n, sizeof *s, by_indicator);
    surf = cairo_pdf_surface_create_for_stream(append, &pdf, SLIDE_W, SLIDE_H);
    title = sb_xasprintf(sb_glossary_lang(g) == SB_LANG_EN
                             ? "%s: defense charts"
                             : "%s 答辩图表",
                         platform);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
                                   "shenbao " SB_VERSION);
    /* An empty date drops /CreationDate: same input, same bytes. */
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, "");
    free(title);
    cr = cairo_create(surf);
    title_slide(cr, ctx, d, g, n + 1);
    cairo_show_page(cr);
    for (int i = 0; i < n; i++) {
        cairo_save(cr);
        sb_chart_draw(s[i].chart, cr);
        cairo_restore(cr);
        footer(cr, ctx, platform, sb_chart_option(s[i].def, "indicator"),
               sb_glossary_lang(g), i + 2, n + 1);
        cairo_show_page(cr);
        sb_chart_free(s[i].chart);
    }
    st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    g_object_unref(ctx);
    free(s);
    if (st != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_ERENDER, NULL, "%s: %s", path,
                          cairo_status_to_string(st));
    if (rc == SB_OK) {
        struct sb_outfile o;

        rc = sb_outfile_open(&o, path, err);
        if (rc == SB_OK) {
            fwrite(pdf.data, 1, pdf.len, o.fp);
            rc = sb_outfile_commit(&o, err);
        }
    }
    sb_buf_free(&pdf);
    if (slides != NULL)
        *slides = rc == SB_OK ? n + 1 : 0;
    return rc;
}
