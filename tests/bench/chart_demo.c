/* chart_demo.c: renders the fixture charts (tests/chart_fixtures.h), one
 * of each kind plus the hard cases, for people to look at and for the
 * end-to-end tests (tests/e2e/charts_*.sh).
 *
 *   chart_demo DIR            the slide set of every chart (NAME.png
 *                             1920×1080, NAME@2x.png, NAME.svg, NAME.pdf,
 *                             NAME.csv), the report-size PDFs
 *                             NAME.report.pdf and report_page.pdf, an A4
 *                             page with two charts drawn into its cairo_t
 *   chart_demo --small DIR    NAME.png at 480×270 (0.5 px/pt): the pixel
 *                             baselines of tests/fixtures/charts
 *   chart_demo --rms A B      print the RMS difference (0–255) of two
 *                             PNGs of the same size; exit 1 if they differ
 *                             in size or cannot be read
 *
 * Exit status 0 on success, 1 on a failure (reported on stderr). */
#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../chart_fixtures.h"
#include "chart/chart.h"
#include "chart/chart_out.h"
#include "chart/chart_theme.h"
#include "typeset/fonts.h"

/* A4 in pt and the report's type area: 156 mm = 442.2 pt. */
#define A4_W 595.28
#define A4_H 841.89
#define REPORT_W 442.2
#define REPORT_H 260.0

static int fail(const struct sb_error *err)
{
    sb_error_print(err);
    return 1;
}

/* One chart of the fixtures at a size and theme. */
static int make(struct sb_chart **out, struct sb_fonts *fonts,
                const char *name, enum sb_chart_target target, double w,
                double h, struct sb_error *err)
{
    struct sb_chart_spec spec;
    struct sb_chart_theme theme;

    fix_spec(name, &spec);
    sb_chart_theme_init(&theme, target, SB_PALETTE_OKABE_ITO);
    return sb_chart_new(out, &spec, &theme, w, h, fonts, err);
}

/* Two report-size charts drawn into one A4 page, as the typesetter will
 * embed them. */
static int report_page(struct sb_fonts *fonts, const char *dir,
                       struct sb_error *err)
{
    static const char *const names[2] = {"apps_hbar", "developers_line"};
    char *path = sb_xasprintf("%s/report_page.pdf", dir);
    cairo_surface_t *s = cairo_pdf_surface_create(path, A4_W, A4_H);
    cairo_t *cr = cairo_create(s);
    int rc = SB_OK;

    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    for (int i = 0; i < 2 && rc == SB_OK; i++) {
        struct sb_chart *c;

        rc = make(&c, fonts, names[i], SB_CHART_REPORT, REPORT_W, REPORT_H,
                  err);
        if (rc != SB_OK)
            break;
        cairo_save(cr);
        cairo_translate(cr, (A4_W - REPORT_W) / 2, 72 + i * (REPORT_H + 36));
        sb_chart_draw(c, cr);
        cairo_restore(cr);
        sb_chart_free(c);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (rc == SB_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_ERENDER, NULL, "%s: %s", path,
                          cairo_status_to_string(cairo_surface_status(s)));
    cairo_surface_destroy(s);
    free(path);
    return rc;
}

static int render_all(struct sb_fonts *fonts, const char *dir, int small,
                      struct sb_error *err)
{
    const char *const *names = fix_names();

    for (int i = 0; names[i] != NULL; i++) {
        struct sb_chart *c;
        char *path;
        int rc = make(&c, fonts, names[i], SB_CHART_SLIDE, 960, 540, err);

        if (rc != SB_OK)
            return rc;
        if (small) {
            path = sb_xasprintf("%s/%s.png", dir, names[i]);
            rc = sb_chart_write(c, SB_CHART_PNG, 0.5, path, err);
            free(path);
        } else {
            rc = sb_chart_write_set(c, dir, names[i], NULL, err);
        }
        sb_chart_free(c);
        if (rc != SB_OK || small)
            continue;
        rc = make(&c, fonts, names[i], SB_CHART_REPORT, REPORT_W, REPORT_H,
                  err);
        if (rc != SB_OK)
            return rc;
        path = sb_xasprintf("%s/%s.report.pdf", dir, names[i]);
        rc = sb_chart_write(c, SB_CHART_PDF, 1, path, err);
        free(path);
        sb_chart_free(c);
        if (rc != SB_OK)
            return rc;
    }
    return small ? SB_OK : report_page(fonts, dir, err);
}

/* RMS of the difference over all channels, on 0–255 (matplotlib's
 * calculate_rms). */
static int rms(const char *a, const char *b)
{
    cairo_surface_t *sa = cairo_image_surface_create_from_png(a);
    cairo_surface_t *sb = cairo_image_surface_create_from_png(b);
    int rc = 1;

    if (cairo_surface_status(sa) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_status(sb) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "chart_demo: cannot read %s or %s\n", a, b);
    } else if (cairo_image_surface_get_width(sa) !=
                   cairo_image_surface_get_width(sb) ||
               cairo_image_surface_get_height(sa) !=
                   cairo_image_surface_get_height(sb)) {
        fprintf(stderr, "chart_demo: %s and %s differ in size\n", a, b);
    } else {
        int w = cairo_image_surface_get_width(sa);
        int h = cairo_image_surface_get_height(sa);
        int sa_stride = cairo_image_surface_get_stride(sa);
        int sb_stride = cairo_image_surface_get_stride(sb);
        const unsigned char *pa = cairo_image_surface_get_data(sa);
        const unsigned char *pb = cairo_image_surface_get_data(sb);
        double sum = 0;

        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int k = 0; k < 3; k++) {
                    double d = (double)pa[y * sa_stride + 4 * x + k] -
                               pb[y * sb_stride + 4 * x + k];

                    sum += d * d;
                }
        printf("%.3f\n", sqrt(sum / ((double)w * h * 3)));
        rc = 0;
    }
    cairo_surface_destroy(sa);
    cairo_surface_destroy(sb);
    return rc;
}

int main(int argc, char **argv)
{
    struct sb_fonts *fonts;
    struct sb_error err = {0};
    int small = argc == 3 && strcmp(argv[1], "--small") == 0, rc;

    if (argc == 4 && strcmp(argv[1], "--rms") == 0)
        return rms(argv[2], argv[3]);
    if (argc != 2 && !small) {
        fprintf(stderr, "usage: chart_demo [--small] DIR | --rms A.png "
                        "B.png\n");
        return 2;
    }
    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK)
        return fail(&err);
    rc = render_all(fonts, argv[argc - 1], small, &err);
    sb_fonts_free(fonts);
    return rc == SB_OK ? 0 : fail(&err);
}
