/* chart_out.c: chart files. One drawing path (sb_chart_draw) and a table
 * of Cairo backends, as pango-view has: PNG at px_per_pt pixels a point
 * (device scale), SVG in px with title and description, PDF with fonts
 * embedded and no creation date; and the data as CSV. Each file is
 * rendered in memory and written through a temporary file renamed over
 * the target, so no reader sees half a file.
 *
 * Determinism (research/charts.md §7): PNG is stable as is; cairo 1.16
 * writes the time as /CreationDate unless the metadata is set to "", and
 * numbers SVG ids from process-wide counters, which chart_svg.c redoes. */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "chart/chart_out.h"
#include "chart/chart_lang.h"
#include "chart/chart_model.h"
#include "chart/chart_scene.h"
#include "chart/chart_svg.h"
#include "typeset/pngout.h"
#include "base/numfmt.h"
#include "base/sb.h"

static cairo_status_t append(void *closure, const unsigned char *data,
                             unsigned int len)
{
    sb_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *png_create(const struct sb_chart *c, double scale,
                                   struct sb_buf *out)
{
    cairo_surface_t *s = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, (int)ceil(c->w * scale - 1e-6),
        (int)ceil(c->h * scale - 1e-6));

    (void)out;
    cairo_surface_set_device_scale(s, scale, scale);
    return s;
}

static cairo_status_t png_finish(const struct sb_chart *c,
                                 cairo_surface_t *s, double scale,
                                 struct sb_buf *out)
{
    (void)c;
    (void)scale;
    return sb_png_write(s, out, NULL) == SB_OK ? CAIRO_STATUS_SUCCESS
                                               : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_surface_t *svg_create(const struct sb_chart *c, double scale,
                                   struct sb_buf *out)
{
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(
        append, out, c->w * scale, c->h * scale);

    cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
    cairo_surface_set_device_scale(s, scale, scale);
    return s;
}

/* SVG with its labels as <text>, appended after what cairo drew. */
static cairo_status_t svg_finish(const struct sb_chart *c,
                                 cairo_surface_t *s, double scale,
                                 struct sb_buf *out)
{
    struct sb_buf labels = {0};
    int rc;

    cairo_surface_finish(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return cairo_surface_status(s);
    chart_svg_labels(c, scale, &labels);
    rc = chart_svg_finish(out, c->m.title, c->desc,
                          labels.data != NULL ? labels.data : "");
    sb_buf_free(&labels);
    return rc != 0 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static cairo_status_t svg_outlines_finish(const struct sb_chart *c,
                                          cairo_surface_t *s, double scale,
                                          struct sb_buf *out)
{
    (void)scale;
    cairo_surface_finish(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return cairo_surface_status(s);
    if (chart_svg_finish(out, c->m.title, c->desc, "") != 0)
        return CAIRO_STATUS_WRITE_ERROR;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *pdf_create(const struct sb_chart *c, double scale,
                                   struct sb_buf *out)
{
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(append, out, c->w, c->h);

    (void)scale;
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, c->m.title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, c->desc);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                   "shenbao " SB_VERSION);
    /* An empty date drops /CreationDate: same input, same bytes. */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    return s;
}

static cairo_status_t pdf_finish(const struct sb_chart *c,
                                 cairo_surface_t *s, double scale,
                                 struct sb_buf *out)
{
    (void)c;
    (void)scale;
    (void)out;
    cairo_surface_finish(s);
    return cairo_surface_status(s);
}

/* The Cairo backends, by enum sb_chart_format; labels 0: Cairo leaves
 * the labels to finish. */
static const struct backend {
    const char *name;
    cairo_surface_t *(*create)(const struct sb_chart *c, double scale,
                               struct sb_buf *out);
    cairo_status_t (*finish)(const struct sb_chart *c, cairo_surface_t *s,
                             double scale, struct sb_buf *out);
    int labels;
} backends[] = {
    [SB_CHART_PNG] = {"PNG", png_create, png_finish, 1},
    [SB_CHART_SVG] = {"SVG", svg_create, svg_finish, 0},
    [SB_CHART_SVG_OUTLINES] = {"SVG", svg_create, svg_outlines_finish, 1},
    [SB_CHART_PDF] = {"PDF", pdf_create, pdf_finish, 1},
};

/* A CSV field, then the separator or, for the last, the line end. */
static void csv_field(struct sb_buf *b, const char *s, int last)
{
    sb_buf_put_csv(b, s);
    sb_buf_puts(b, last ? "\r\n" : ",");
}

static void csv_number(struct sb_buf *b, double v, int last)
{
    char num[SB_NUMFMT_SIZE];

    csv_field(b, sb_numfmt_exact(v, num, sizeof num), last);
}

static void write_csv(const struct sb_chart *c, struct sb_buf *b)
{
    const struct chart_model *m = &c->m;
    int heat = m->kind == SB_CHART_HEATMAP;
    int cols = heat ? m->n_cat : m->n_series;
    char *h;

    sb_buf_puts(b, "\xEF\xBB\xBF");
    if (m->kind == SB_CHART_TABLE) {
        csv_field(b, m->cat_name, 0);
        for (int k = 0; k < m->n_series; k++)
            csv_field(b, m->series[k], k == m->n_series - 1);
        for (int r = 0; r < m->n_cat; r++) {
            csv_field(b, m->cats[r], 0);
            for (int k = 0; k < m->n_series; k++)
                csv_field(b, m->texts[k * m->n_cat + r], k == m->n_series - 1);
        }
        return;
    }
    if (heat) {
        const struct chart_words *w = chart_words(m->lang);
        char *unit = m->unit[0] != '\0'
                         ? sb_xasprintf("%s%s%s", m->value_name, w->comma,
                                        m->unit)
                         : sb_xstrdup(m->value_name);

        h = sb_xasprintf("%s%s%s%s%s%s", m->series_name,
                         m->lang == SB_LANG_EN ? " \\ " : "＼", m->cat_name,
                         w->open, unit, w->close);
        free(unit);
    } else {
        h = sb_xstrdup(m->cat_name);
    }
    csv_field(b, h, 0);
    free(h);
    for (int k = 0; k < cols; k++) {
        int last = k == cols - 1 && m->permille == NULL && m->share == NULL;

        h = heat ? sb_xstrdup(m->cats[k])
                 : chart_name_unit(m->lang, m->series[k], m->unit);
        csv_field(b, h, last);
        free(h);
    }
    if (m->permille != NULL || m->share != NULL) {
        h = chart_name_unit(m->lang,
                            m->share != NULL ? m->share_name
                                             : chart_words(m->lang)->share,
                            "%");
        csv_field(b, h, 1);
        free(h);
    }
    for (int r = 0; r < (heat ? m->n_series : m->n_cat); r++) {
        csv_field(b, heat ? m->series[r] : m->cats[r], 0);
        for (int k = 0; k < cols; k++) {
            int last = k == cols - 1 && m->permille == NULL &&
                       m->share == NULL;

            csv_number(b, heat ? m->values[r * m->n_cat + k]
                               : m->values[k * m->n_cat + r],
                       last);
        }
        if (m->permille != NULL)
            csv_number(b, m->permille[r] / 10.0, 1);
        if (m->share != NULL)
            csv_number(b, m->share[r], 1);
    }
}

int sb_chart_render(const struct sb_chart *c, enum sb_chart_format format,
                    double px_per_pt, struct sb_buf *out,
                    struct sb_error *err)
{
    const struct backend *b;
    struct sb_buf tmp = {0};
    cairo_surface_t *s;
    cairo_status_t st;
    cairo_t *cr;

    if (format == SB_CHART_CSV) {
        write_csv(c, out);
        return SB_OK;
    }
    if ((unsigned)format > SB_CHART_PDF || !(px_per_pt > 0))
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "chart \"%s\": format %d at %g px/pt",
                            c->m.title, format, px_per_pt);
    b = &backends[format];
    s = b->create(c, px_per_pt, &tmp);
    cr = cairo_create(s);
    chart_draw_items(c, cr, b->labels);
    st = cairo_status(cr);
    cairo_destroy(cr);
    if (st == CAIRO_STATUS_SUCCESS)
        st = b->finish(c, s, px_per_pt, &tmp);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        sb_buf_free(&tmp);
        return sb_error_set(err, SB_ERENDER, NULL, "chart \"%s\": %s: %s",
                            c->m.title, b->name,
                            cairo_status_to_string(st));
    }
    sb_buf_put(out, tmp.data, tmp.len);
    sb_buf_free(&tmp);
    return SB_OK;
}

int sb_chart_write(const struct sb_chart *c, enum sb_chart_format format,
                   double px_per_pt, const char *path, struct sb_error *err)
{
    struct sb_buf b = {0};
    int rc = sb_chart_render(c, format, px_per_pt, &b, err);

    if (rc == SB_OK)
        rc = sb_outfile_write(path, b.data, b.len, err);
    sb_buf_free(&b);
    return rc;
}

int sb_chart_write_set(const struct sb_chart *c, const char *dir,
                       const char *stem,
                       const struct sb_chart_set_opts *opts,
                       struct sb_error *err)
{
    static const struct sb_chart_set_opts defaults = {2, 0};
    const struct sb_chart_set_opts *o = opts != NULL ? opts : &defaults;
    const struct {
        const char *suffix;
        enum sb_chart_format format;
        double px_per_pt;
    } set[] = {
        {".png", SB_CHART_PNG, o->px_per_pt},
        {"@2x.png", SB_CHART_PNG, 2 * o->px_per_pt},
        {".svg", o->svg_outlines ? SB_CHART_SVG_OUTLINES : SB_CHART_SVG,
         o->px_per_pt},
        {".pdf", SB_CHART_PDF, 1},
        {".csv", SB_CHART_CSV, 1},
    };
    int rc = SB_OK;

    for (size_t i = 0; i < sizeof set / sizeof *set && rc == SB_OK; i++) {
        char *path = sb_xasprintf("%s/%s%s", dir, stem, set[i].suffix);

        rc = sb_chart_write(c, set[i].format, set[i].px_per_pt, path, err);
        free(path);
    }
    return rc;
}
