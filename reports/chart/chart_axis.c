/* chart_axis.c: value axes (ticks from chart_ticks.c, one 万/亿 divisor
 * and one decimal count per axis, from numfmt.h) and category labels
 * fitted to their bands by the ladder of research/charts.md §5:
 * one line → 2 lines → every k-th → 45° → 90° → 90° every k-th, long
 * names cut with … (the full text stays in the CSV). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_axis.h"
#include "chart/chart_lang.h"
#include "chart/chart_scene.h"
#include "base/sb.h"

#define SIN45 0.70710678118654752

static double widest_tick(struct sb_chart *c, const struct value_axis *a)
{
    struct text_fmt f = {c->theme.text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};
    double widest = 0;

    for (int i = 0; i < a->ticks.n; i++) {
        char buf[SB_NUMFMT_SIZE];
        double w, h;

        chart_tick_label(a, a->ticks.v[i], buf, sizeof buf);
        chart_measure(c, buf, &f, &w, &h, NULL, NULL);
        widest = fmax(widest, w);
    }
    return widest;
}

void chart_value_axis(struct sb_chart *c, struct value_axis *a, double lo,
                      double hi, double len, int vertical)
{
    double lh = chart_line_h(c, c->theme.text_pt);
    int m = sb_ticks_target(len, vertical ? 4 * lh : 10 * c->theme.text_pt);

    /* Fewer ticks until the labels have room: 1.6 line heights apart on
     * a vertical axis, a label width plus an em on a horizontal one. */
    for (;; m--) {
        double room;

        sb_ticks_extended(lo, hi, m, 1, &a->ticks);
        sb_numfmt_axis_init_lang(&a->fmt, a->ticks.v, a->ticks.n,
                                 c->m.lang);
        a->label_w = widest_tick(c, a);
        room = len / (a->ticks.n - 1);
        if (m <= 2 || room >= (vertical ? 1.6 * lh
                                        : a->label_w + c->theme.text_pt))
            break;
    }
    a->p0 = 0;
    a->p1 = len;
}

double chart_axis_map(const struct value_axis *a, double v)
{
    double v0 = a->ticks.v[0], v1 = a->ticks.v[a->ticks.n - 1];

    return a->p0 + (v - v0) / (v1 - v0) * (a->p1 - a->p0);
}

void chart_tick_label(const struct value_axis *a, double v, char *buf,
                      size_t size)
{
    sb_numfmt_axis_label(&a->fmt, v, buf, size);
}

char *chart_axis_title(const struct sb_chart *c, const struct value_axis *a)
{
    char unit[256];

    sb_numfmt_axis_unit(&a->fmt, c->m.unit, unit, sizeof unit);
    return chart_name_unit(c->m.lang, c->m.value_name, unit);
}

static void tick_text(struct sb_chart *c, const struct value_axis *a,
                      double v, double x, double y, double fx, double fy)
{
    struct text_fmt f = {c->theme.text_pt, c->theme.text2, 0, 1,
                         PANGO_ALIGN_LEFT};
    char buf[SB_NUMFMT_SIZE];

    chart_tick_label(a, v, buf, sizeof buf);
    chart_add_text(c, SB_ROLE_TICK_LABEL, buf, &f, x, y, fx, fy, 0);
}

static double grid_w(const struct sb_chart *c)
{
    return c->theme.text_pt / 14;
}

/* Label every k-th tick so that labels need at most need pt of the
 * spacing between ticks (Vega's parity thinning, for axes too short for
 * even 3 spaced labels), counting from the tick at 0 when there is one. */
static int tick_every(const struct value_axis *a, double need, int *first)
{
    double room = fabs(a->p1 - a->p0) / (a->ticks.n - 1);
    int k = 1;

    while (k < a->ticks.n - 1 && k * room < need)
        k++;
    *first = 0;
    for (int i = 0; i < a->ticks.n; i++)
        if (a->ticks.v[i] == 0)
            *first = i % k;
    return k;
}

void chart_emit_vaxis(struct sb_chart *c, const struct value_axis *a,
                      double x0, double x1)
{
    int first, k = tick_every(a, 1.2 * chart_line_h(c, c->theme.text_pt),
                              &first);

    for (int i = 0; i < a->ticks.n; i++) {
        double v = a->ticks.v[i], y = chart_axis_map(a, v);
        int zero = v == 0;

        chart_add_line(c, zero ? SB_ROLE_AXIS_LINE : SB_ROLE_GRID, x0, y,
                       x1, y, zero ? c->theme.axis : c->theme.grid,
                       grid_w(c));
        if (i % k == first)
            tick_text(c, a, v, x0 - c->theme.pad_pt, y, 1, 0.5);
    }
}

void chart_emit_haxis(struct sb_chart *c, const struct value_axis *a,
                      double py, double y_top)
{
    int first, k = tick_every(a, a->label_w + c->theme.text_pt / 2, &first);

    for (int i = 0; i < a->ticks.n; i++) {
        double v = a->ticks.v[i], x = chart_axis_map(a, v);
        int zero = v == 0;

        chart_add_line(c, zero ? SB_ROLE_AXIS_LINE : SB_ROLE_GRID, x, y_top,
                       x, py, zero ? c->theme.axis : c->theme.grid,
                       grid_w(c));
        if (i % k == first)
            tick_text(c, a, v, x, py + c->theme.pad_pt, 0.5, 0);
    }
}

/* Widest one-line label. */
static double widest(struct sb_chart *c, const char *const *labels, int n,
                     double size)
{
    struct text_fmt f = {size, 0, 0, 1, PANGO_ALIGN_LEFT};
    double most = 0;

    for (int i = 0; i < n; i++) {
        double w, h;

        chart_measure(c, labels[i], &f, &w, &h, NULL, NULL);
        most = fmax(most, w);
    }
    return most;
}

/* Whether every label fits max_w in 2 lines without a cut; *h gets the
 * tallest. */
static int fits_two_lines(struct sb_chart *c, const char *const *labels,
                          int n, double max_w, double size, double *h)
{
    struct text_fmt f = {size, 0, max_w, 2, PANGO_ALIGN_CENTER};

    *h = 0;
    for (int i = 0; i < n; i++) {
        double w, lh;
        int cut;

        chart_measure(c, labels[i], &f, &w, &lh, NULL, &cut);
        if (cut)
            return 0;
        *h = fmax(*h, lh);
    }
    return 1;
}

void chart_fit_cats(struct sb_chart *c, const char *const *labels, int n,
                    double band, double max_h, int wrap_ok, int thin_ok,
                    double size, struct cat_fit *fit)
{
    double lh = chart_line_h(c, size), gap = size / 2;
    double w1 = widest(c, labels, n, size), h2, lim;

    memset(fit, 0, sizeof *fit);
    fit->every = 1;
    fit->max_lines = 1;
    if (w1 <= band - gap) {
        fit->height = lh;
        fit->overhang = fit->overhang_r = w1 / 2;
        return;
    }
    if (wrap_ok && fits_two_lines(c, labels, n, band - gap, size, &h2) &&
        h2 <= max_h) {
        fit->max_lines = 2;
        fit->max_w = band - gap;
        fit->height = h2;
        fit->overhang = fit->overhang_r = (band - gap) / 2;
        return;
    }
    if (thin_ok) {
        for (int k = 2; k <= n / 2; k++) {
            if (w1 <= k * band - gap) {
                fit->every = k;
                fit->height = lh;
                fit->overhang = fit->overhang_r = w1 / 2;
                return;
            }
        }
    }
    if (band * SIN45 >= lh + gap / 2) {
        fit->angle_deg = -45;
        lim = max_h / SIN45 - lh;
        fit->max_w = w1 > lim ? lim : 0;
        w1 = fmin(w1, lim);
        fit->height = SIN45 * (w1 + lh);
        fit->overhang = SIN45 * w1 + SIN45 * lh / 2;
        fit->overhang_r = SIN45 * lh / 2;
        return;
    }
    fit->angle_deg = -90;
    fit->max_w = w1 > max_h ? max_h : 0;
    fit->height = fmin(w1, max_h);
    fit->overhang = fit->overhang_r = lh / 2;
    while (fit->every * band < lh + gap / 2)
        fit->every++;
}

void chart_emit_cats(struct sb_chart *c, const char *const *labels, int n,
                     double x0, double band, double top,
                     const struct cat_fit *fit, double size)
{
    struct text_fmt f = {size, c->theme.text, fit->max_w, fit->max_lines,
                         PANGO_ALIGN_CENTER};
    double lh = chart_line_h(c, size);

    for (int i = 0; i < n; i += fit->every) {
        double x = x0 + (i + 0.5) * band;
        int id;

        if (fit->max_lines == 2)
            f.max_w = chart_wrap_width(c, labels[i], size, fit->max_w);
        if (fit->angle_deg == 0)
            id = chart_add_text(c, SB_ROLE_CAT_LABEL, labels[i], &f, x, top,
                                0.5, 0, 0);
        else if (fit->angle_deg == -45)
            id = chart_add_text(c, SB_ROLE_CAT_LABEL, labels[i], &f,
                                x - SIN45 * lh / 2, top, 1, 0, -45);
        else
            id = chart_add_text(c, SB_ROLE_CAT_LABEL, labels[i], &f,
                                x - lh / 2, top, 1, 0, -90);
        chart_set_data(c, id, -1, i);
    }
}
