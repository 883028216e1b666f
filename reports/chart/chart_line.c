/* chart_line.c: values over consecutive months (cumulative developers):
 * month ticks every 1, 2, 3, 6 or 12 months with the year printed on the
 * first tick and at each new year ("2023年1月 · 4月 · 7月"), the last
 * value labelled directly instead of a legend, and an optional share
 * panel under the line ("近30日活跃开发者占比", its own 0–100-style axis)
 * rather than a second y axis (research/charts.md §5, §6). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_line.h"
#include "chart/chart_axis.h"
#include "chart/chart_fmt.h"
#include "chart/chart_labels.h"
#include "chart/chart_lang.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart/chart_ticks.h"
#include "base/numfmt.h"
#include "base/sb.h"

static const int month_steps[] = {1, 2, 3, 6, 12};

/* Month labels for a step: sets idx[]/text[] (n_out) and returns whether
 * they fit dx pt per month. */
static int month_labels(struct sb_chart *c, int step, double dx,
                        int *idx, char (*text)[32], int *n_out)
{
    struct text_fmt f = {c->theme.text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};
    double prev_w = 0, em = c->theme.text_pt;
    int first = sb_ticks_month_first(c->m.start_month, step), n = 0;
    int prev = -1, fits = 1;

    for (int i = first; i < c->m.n_cat; i += step) {
        int mon = (c->m.start_month - 1 + i) % 12 + 1;
        int year = c->m.start_year + (c->m.start_month - 1 + i) / 12;
        double w, h;

        chart_month_label(c->m.lang, year, mon, n == 0 || mon == 1,
                          text[n], sizeof text[n]);
        chart_measure(c, text[n], &f, &w, &h, NULL, NULL);
        if (prev >= 0 && (i - prev) * dx < (w + prev_w) / 2 + em)
            fits = 0;
        prev = i;
        prev_w = w;
        idx[n++] = i;
    }
    *n_out = n;
    return fits;
}

/* Data range of the panel, with 0 when the values start near it. */
static void line_range(const double *v, int n, double *lo, double *hi)
{
    *lo = *hi = v[0];
    for (int i = 1; i < n; i++) {
        *lo = fmin(*lo, v[i]);
        *hi = fmax(*hi, v[i]);
    }
    if (*lo >= 0 && *lo <= 0.5 * *hi)
        *lo = 0;
}

static double xpos(const struct sb_chart *c, double x0, double x1, int i)
{
    if (c->m.n_cat == 1)
        return (x0 + x1) / 2;
    return x0 + (x1 - x0) * i / (c->m.n_cat - 1);
}

/* One panel: axis, grid, line, points, and the last value labelled. */
static void panel(struct sb_chart *c, const double *v, int n_series,
                  struct value_axis *a, double x0, double x1, int color0,
                  int is_share)
{
    const struct sb_chart_theme *t = &c->theme;
    struct text_fmt f = {t->text_pt, t->text, 0, 1, PANGO_ALIGN_LEFT};
    int n = c->m.n_cat;
    double *pts = sb_xmalloc((size_t)n * 2 * sizeof *pts);
    double *want = sb_xmalloc((size_t)n_series * sizeof *want);
    double *h = sb_xmalloc((size_t)n_series * sizeof *h);
    double *top = sb_xmalloc((size_t)n_series * sizeof *top);
    char (*text)[96] = sb_xmalloc((size_t)n_series * sizeof *text);

    chart_emit_vaxis(c, a, x0, x1);
    for (int s = 0; s < n_series; s++) {
        uint32_t color = chart_series_color(c, color0 + s);
        char num[SB_NUMFMT_SIZE];
        double w;
        int id;

        for (int i = 0; i < n; i++) {
            pts[2 * i] = xpos(c, x0, x1, i);
            pts[2 * i + 1] = chart_axis_map(a, v[s * n + i]);
        }
        id = chart_add_poly(c, SB_ROLE_LINE, pts, n, color, t->line_pt);
        chart_set_data(c, id, is_share ? -1 : s, -1);
        for (int i = 0; i < n && n <= 36; i++) {
            id = chart_add_circle(c, SB_ROLE_POINT, pts[2 * i],
                                  pts[2 * i + 1], t->line_pt * 1.1,
                                  t->background, color);
            chart_set_data(c, id, is_share ? -1 : s, i);
        }
        if (is_share)
            sb_numfmt_percent(v[n - 1], num, sizeof num);
        else
            chart_value_text(c, v[s * n + n - 1], num, sizeof num);
        if (n_series > 1)
            snprintf(text[s], sizeof text[s], "%s %s", c->m.series[s], num);
        else
            snprintf(text[s], sizeof text[s], "%s", num);
        chart_measure(c, text[s], &f, &w, &h[s], NULL, NULL);
        want[s] = pts[2 * (n - 1) + 1] - h[s] / 2;
    }
    /* End labels in the order of their points, stacked apart. */
    chart_stack_labels(want, h, n_series, 0, a->p1 - h[0] / 2,
                       a->p0 + h[0] / 2, top);
    for (int s = 0; s < n_series; s++) {
        uint32_t color = chart_series_color(c, color0 + s);
        int id;

        /* The series colour when it reads as text (4.5:1), else dark. */
        f.color = chart_contrast(color, t->background) >= 4.5 ? color
                                                              : t->text;
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, text[s], &f,
                            x1 + t->pad_pt, top[s], 0, 0, 0);
        chart_set_data(c, id, is_share ? -1 : s, n - 1);
    }
    free(pts);
    free(want);
    free(h);
    free(top);
    free(text);
}

/* The widest end label of the main panel. */
static double end_label_w(struct sb_chart *c)
{
    struct text_fmt f = {c->theme.text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};
    double most = 0;

    for (int s = 0; s < c->m.n_series; s++) {
        char num[SB_NUMFMT_SIZE], text[96];
        double w, h;

        chart_value_text(c, c->m.values[s * c->m.n_cat + c->m.n_cat - 1],
                         num, sizeof num);
        if (c->m.n_series > 1)
            snprintf(text, sizeof text, "%s %s", c->m.series[s], num);
        else
            snprintf(text, sizeof text, "%s", num);
        chart_measure(c, text, &f, &w, &h, NULL, NULL);
        most = fmax(most, w);
    }
    if (c->m.share != NULL) {
        char num[SB_NUMFMT_SIZE];
        double w, h;

        sb_numfmt_percent(c->m.share[c->m.n_cat - 1], num, sizeof num);
        chart_measure(c, num, &f, &w, &h, NULL, NULL);
        most = fmax(most, w);
    }
    return most;
}

void chart_layout_line(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    struct text_fmt f = {t->text_pt, t->text2, 0, 1, PANGO_ALIGN_LEFT};
    struct text_fmt mf = {t->text_pt, t->text, 0, 1, PANGO_ALIGN_CENTER};
    double lh = chart_line_h(c, t->text_pt), pad = t->pad_pt;
    double x0, x1, y_top, y_bot, share_top = 0, share_bot = 0, lo, hi, dx;
    struct value_axis a, sa;
    int *idx = sb_xmalloc((size_t)m->n_cat * sizeof *idx), n_lab = 0, si = 0;
    char(*text)[32] = sb_xmalloc((size_t)m->n_cat * sizeof *text);
    char *title;

    /* Each panel keeps half a label height free above and below (for
     * its end tick labels and end value labels); the main panel sits
     * under its axis title, the share panel under its own, the month
     * labels under the lowest panel. */
    y_top = plot.y0 + lh + pad + lh / 2;
    y_bot = plot.y1 - lh - pad - lh / 2;
    if (m->share != NULL) {
        share_bot = y_bot;
        share_top = share_bot - 0.28 * (y_bot - y_top);
        y_bot = share_top - lh / 2 - pad - lh - pad - lh / 2;
    }
    line_range(m->values, m->n_cat * m->n_series, &lo, &hi);
    chart_value_axis(c, &a, lo, hi, y_bot - y_top, 1);
    a.p0 = y_bot;
    a.p1 = y_top;
    x0 = plot.x0 + a.label_w + pad;
    if (m->share != NULL) {
        /* A share is read against 0%. */
        line_range(m->share, m->n_cat, &lo, &hi);
        chart_value_axis(c, &sa, fmin(lo, 0), hi, share_bot - share_top, 1);
        sa.p0 = share_bot;
        sa.p1 = share_top;
        x0 = fmax(x0, plot.x0 + sa.label_w + pad);
    }
    /* Month labels centred on x0 and x1 must stay on the canvas; the
     * widest is one with its year. The step starts from what labels
     * without a year ("12月") would allow and grows until the real
     * labels fit. */
    {
        char label[32];
        double w, h;
        int step;

        chart_month_label(m->lang, m->start_year, 12, 1, label,
                          sizeof label);
        chart_measure(c, label, &mf, &w, &h, NULL, NULL);
        x0 = fmax(x0, plot.x0 + w / 2);
        x1 = plot.x1 - fmax(end_label_w(c) + pad, w / 2);
        chart_month_label(m->lang, m->start_year, 12, 0, label,
                          sizeof label);
        chart_measure(c, label, &mf, &w, &h, NULL, NULL);
        step = sb_ticks_month_step(
            m->n_cat, (int)((x1 - x0) / (w + t->text_pt)) + 1);
        while (month_steps[si] < step)
            si++;
    }
    dx = m->n_cat > 1 ? (x1 - x0) / (m->n_cat - 1) : x1 - x0;
    for (; si < 4; si++)
        if (month_labels(c, month_steps[si], dx, idx, text, &n_lab))
            break;
    if (si == 4)
        month_labels(c, month_steps[si], dx, idx, text, &n_lab);
    title = chart_axis_title(c, &a);
    chart_add_text(c, SB_ROLE_AXIS_TITLE, title, &f, plot.x0, plot.y0, 0, 0,
                   0);
    free(title);
    panel(c, m->values, m->n_series, &a, x0, x1, 0, 0);
    if (m->share != NULL) {
        title = chart_name_unit(m->lang, m->share_name, "%");
        chart_add_text(c, SB_ROLE_AXIS_TITLE, title, &f, plot.x0,
                       share_top - lh / 2 - pad / 2, 0, 1, 0);
        free(title);
        panel(c, m->share, 1, &sa, x0, x1, m->n_series, 1);
    }
    for (int k = 0; k < n_lab; k++) {
        int id = chart_add_text(c, SB_ROLE_CAT_LABEL, text[k], &mf,
                                xpos(c, x0, x1, idx[k]), plot.y1 - lh, 0.5,
                                0, 0);

        chart_set_data(c, id, -1, idx[k]);
    }
    free(idx);
    free(text);
}
