/* chart_bar.c: bar charts. Vertical bars (one series, grouped or
 * stacked) on a value axis that always includes 0, value labels at the
 * bar ends (stacked: inside a segment where it fits, total on top); and
 * horizontal bars for long category names, sorted, 其他 last in grey,
 * names wrapped to 2 lines then cut, values outside the bar end or
 * inside it when the end is near the edge. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_bar.h"
#include "chart/chart_axis.h"
#include "chart/chart_fmt.h"
#include "chart/chart_labels.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"

/* Geometry of a vertical bar chart. */
struct vbar {
    struct value_axis a;
    struct cat_fit fit;
    double x0, x1, band, y_top, y_bot, head;
    double lo, hi;
    double vsize;  /* value label size */
    int upright;   /* value labels turned 90° */
};

static double value_at(const struct sb_chart *c, int s, int i)
{
    return c->m.values[s * c->m.n_cat + i];
}

static void bar_range(const struct sb_chart *c, double *lo, double *hi)
{
    const struct chart_model *m = &c->m;

    *lo = 0;
    *hi = 0;
    for (int i = 0; i < m->n_cat; i++) {
        double pos = 0, neg = 0;

        for (int s = 0; s < m->n_series; s++) {
            double v = value_at(c, s, i);

            if (m->kind == SB_CHART_STACKED) {
                pos += v > 0 ? v : 0;
                neg += v < 0 ? v : 0;
            } else {
                pos = fmax(pos, v);
                neg = fmin(neg, v);
            }
        }
        *hi = fmax(*hi, pos);
        *lo = fmin(*lo, neg);
    }
}

static double stack_total(const struct sb_chart *c, int i)
{
    double t = 0;

    for (int s = 0; s < c->m.n_series; s++)
        t += value_at(c, s, i);
    return t;
}

/* Width of one bar's slot: the room a value label has. */
static double slot_width(const struct sb_chart *c, double band)
{
    if (c->m.kind == SB_CHART_GROUPED)
        return 0.8 * band / c->m.n_series;
    return band;
}

static double bar_width(const struct sb_chart *c, double band)
{
    double cap = 6 * c->theme.text_pt;

    if (c->m.kind == SB_CHART_GROUPED)
        return fmin(0.8 * band, cap * c->m.n_series) / c->m.n_series;
    return fmin(0.6 * band, cap);
}

/* The widest value label at size. */
static double widest_value(struct sb_chart *c, double size)
{
    struct text_fmt f = {size, 0, 0, 1, PANGO_ALIGN_LEFT};
    double most = 0;

    for (int i = 0; i < c->m.n_cat; i++) {
        for (int s = 0; s < c->m.n_series; s++) {
            char buf[SB_NUMFMT_SIZE];
            double v = c->m.kind == SB_CHART_STACKED ? stack_total(c, i)
                                                     : value_at(c, s, i);
            double w, h;

            chart_value_text(c, v, buf, sizeof buf);
            chart_measure(c, buf, &f, &w, &h, NULL, NULL);
            most = fmax(most, w);
        }
    }
    return most;
}

/* Value labels: text size if they fit their slot, else the small size,
 * else small and upright, else none (vsize 0): when upright labels are
 * thicker than their slot, or the room kept for them above and below
 * would take over a quarter of the plot's height. Some labels dropped
 * would read worse than none. Sets the headroom they need. */
static void choose_value_labels(struct sb_chart *c, struct vbar *g,
                                double plot_h)
{
    double slot = slot_width(c, g->band) - c->theme.pad_pt / 2;
    double w = widest_value(c, c->theme.text_pt);

    g->upright = 0;
    g->vsize = c->theme.text_pt;
    if (w > slot) {
        g->vsize = c->theme.small_pt;
        w = widest_value(c, g->vsize);
        g->upright = w > slot;
    }
    if (g->upright &&
        ((w + c->theme.pad_pt / 2) * (g->lo < 0 ? 2 : 1) > plot_h / 4 ||
         chart_line_h(c, g->vsize) > slot)) {
        g->vsize = 0;
        g->upright = 0;
    }
    /* Room above the top tick (and under the lowest when it is below 0)
     * for half a tick label, and for the labels that must stay outside:
     * upright ones and stack totals. The others go inside a bar end that
     * reaches the edge. */
    if (g->upright)
        g->head = w + c->theme.pad_pt / 2;
    else if (c->m.kind == SB_CHART_STACKED && g->vsize > 0)
        g->head = chart_line_h(c, g->vsize) + c->theme.pad_pt / 2;
    else
        g->head = 0;
    g->head = fmax(g->head, chart_line_h(c, c->theme.text_pt) / 2);
}

/* From the lowest tick to the category labels: clear of the lowest tick
 * label, which a long first category label may reach under. */
static double cat_gap(struct sb_chart *c)
{
    return chart_line_h(c, c->theme.text_pt) / 2 + c->theme.pad_pt / 2;
}

/* Move x0 right and x1 left until the first and last category labels
 * (overhanging their band centres by fit->overhang and overhang_r) stay
 * in [left, right]; band = (x1 - x0) / n moves with them, so iterate to
 * the fixed point. Never moves x0 left or x1 right. */
static void fit_edges(struct vbar *g, int n, double left, double right)
{
    for (int i = 0; i < 40; i++) {
        double band = (g->x1 - g->x0) / n;

        g->x0 = fmax(g->x0, left + g->fit.overhang - band / 2);
        g->x1 = fmin(g->x1, right - g->fit.overhang_r + band / 2);
    }
}

static void layout_geometry(struct sb_chart *c, struct box plot,
                            struct vbar *g)
{
    const struct sb_chart_theme *t = &c->theme;
    double lh = chart_line_h(c, t->text_pt), top = plot.y0 + lh + t->pad_pt;
    double max_h = 0.3 * (plot.y1 - plot.y0);
    int n = c->m.n_cat;

    bar_range(c, &g->lo, &g->hi);
    memset(&g->fit, 0, sizeof g->fit);
    g->x0 = plot.x0;
    g->x1 = plot.x1;
    /* The bands set the category labels, whose height sets the axis
     * length, whose tick labels set the left edge, which sets the bands;
     * the labels' overhangs set both edges. Edges only ever move inwards,
     * so this ends, with everything consistent. */
    for (int round = 0; round < 30; round++) {
        double need;
        int settled;

        fit_edges(g, n, plot.x0, plot.x1);
        g->band = (g->x1 - g->x0) / n;
        choose_value_labels(c, g, plot.y1 - plot.y0);
        chart_fit_cats(c, (const char *const *)c->m.cats, n, g->band, max_h,
                       1, c->m.ordinal, t->text_pt, &g->fit);
        g->y_top = top + g->head;
        g->y_bot = plot.y1 - g->fit.height - cat_gap(c) -
                   (g->lo < 0 ? g->head : 0);
        chart_value_axis(c, &g->a, g->lo, g->hi, g->y_bot - g->y_top, 1);
        need = plot.x0 + g->a.label_w + t->pad_pt;
        settled = need <= g->x0 + 1e-6 &&
                  g->x0 + g->band / 2 - g->fit.overhang >= plot.x0 - 1e-6 &&
                  g->x1 - g->band / 2 + g->fit.overhang_r <= plot.x1 + 1e-6;
        g->x0 = fmax(g->x0, need);
        if (settled)
            break;
    }
    g->a.p0 = g->y_bot;
    g->a.p1 = g->y_top;
}

static void emit_frame(struct sb_chart *c, struct box plot, struct vbar *g)
{
    struct text_fmt f = {c->theme.text_pt, c->theme.text2, 0, 1,
                         PANGO_ALIGN_LEFT};
    char *title = chart_axis_title(c, &g->a);
    int has_zero = 0;

    chart_add_text(c, SB_ROLE_AXIS_TITLE, title, &f, plot.x0, plot.y0, 0, 0,
                   0);
    free(title);
    chart_emit_vaxis(c, &g->a, g->x0, g->x1);
    for (int i = 0; i < g->a.ticks.n; i++)
        has_zero |= g->a.ticks.v[i] == 0;
    if (!has_zero)
        chart_add_line(c, SB_ROLE_AXIS_LINE, g->x0, chart_axis_map(&g->a, 0),
                       g->x1, chart_axis_map(&g->a, 0), c->theme.axis,
                       c->theme.text_pt / 14);
    chart_emit_cats(c, (const char *const *)c->m.cats, c->m.n_cat, g->x0,
                    g->band,
                    g->y_bot + (g->lo < 0 ? g->head : 0) + cat_gap(c),
                    &g->fit, c->theme.text_pt);
}

static int add_bar(struct sb_chart *c, double x, double w, double y0,
                   double y1, uint32_t fill, int s, int i)
{
    int id = chart_add_rect(c, SB_ROLE_BAR, x, fmin(y0, y1), w,
                            fabs(y1 - y0), fill);

    chart_set_data(c, id, s, i);
    return id;
}

static void label_bar(struct sb_chart *c, const struct vbar *g, int bar,
                      double v, double x, int s, int i, uint32_t fill)
{
    char buf[SB_NUMFMT_SIZE];
    double y0 = chart_axis_map(&g->a, 0), y1 = chart_axis_map(&g->a, v);
    double limit = v >= 0 ? g->y_top - g->head : g->y_bot + g->head;
    int id;

    if (g->vsize <= 0)
        return;
    chart_value_text(c, v, buf, sizeof buf);
    id = chart_bar_value_label(c, bar, buf, g->vsize, g->upright, 0, x, y1,
                               y0, limit, fill);
    chart_set_data(c, id, s, i);
}

/* A segment's value inside it, when it fits with padding. */
static void label_segment(struct sb_chart *c, const struct vbar *g, int seg,
                          double v, double x, double ya, double yb, double w,
                          int s, int i)
{
    struct text_fmt f = {g->vsize, 0, 0, 1, PANGO_ALIGN_LEFT};
    char buf[SB_NUMFMT_SIZE];
    double tw, th, pad = c->theme.pad_pt / 2;
    int id;

    if (g->vsize <= 0)
        return;
    chart_value_text(c, v, buf, sizeof buf);
    chart_measure(c, buf, &f, &tw, &th, NULL, NULL);
    if (fabs(yb - ya) < th + 2 * pad || w < tw + 2 * pad)
        return;
    f.color = chart_text_on(c, c->items[seg].fill);
    id = chart_add_text(c, SB_ROLE_VALUE_LABEL, buf, &f, x, (ya + yb) / 2,
                        0.5, 0.5, 0);
    c->items[id].pub.owner = seg;
    chart_set_data(c, id, s, i);
}

void chart_layout_bar(struct sb_chart *c, struct box plot)
{
    struct vbar g;
    double bw;

    layout_geometry(c, plot, &g);
    emit_frame(c, plot, &g);
    bw = bar_width(c, g.band);
    for (int i = 0; i < c->m.n_cat; i++) {
        double xc = g.x0 + (i + 0.5) * g.band;
        double pos = 0, neg = 0;

        if (c->m.kind == SB_CHART_BAR) {
            double v = value_at(c, 0, i);
            uint32_t fill = chart_cat_color(c, i);
            int id = add_bar(c, xc - bw / 2, bw, chart_axis_map(&g.a, 0),
                             chart_axis_map(&g.a, v), fill, 0, i);

            label_bar(c, &g, id, v, xc, 0, i, fill);
            continue;
        }
        for (int s = 0; s < c->m.n_series; s++) {
            double v = value_at(c, s, i);
            uint32_t fill = chart_series_color(c, s);

            if (c->m.kind == SB_CHART_GROUPED) {
                double x = xc - bw * c->m.n_series / 2 + s * bw;
                double gap = fmin(bw * 0.08, c->theme.pad_pt / 2);
                int id = add_bar(c, x + gap / 2, bw - gap,
                                 chart_axis_map(&g.a, 0),
                                 chart_axis_map(&g.a, v), fill, s, i);

                label_bar(c, &g, id, v, x + bw / 2, s, i, fill);
            } else {
                double *acc = v >= 0 ? &pos : &neg;
                double ya = chart_axis_map(&g.a, *acc);
                double yb = chart_axis_map(&g.a, *acc + v);
                int id = add_bar(c, xc - bw / 2, bw, ya, yb, fill, s, i);

                label_segment(c, &g, id, v, xc, ya, yb, bw, s, i);
                *acc += v;
            }
        }
        if (c->m.kind == SB_CHART_STACKED && g.vsize > 0) {
            /* The total over the stack (under it when all is negative),
             * always outside: the headroom was kept for it. */
            double end = pos > 0 || neg == 0 ? pos : neg;
            char buf[SB_NUMFMT_SIZE];
            int id;

            chart_value_text(c, pos + neg, buf, sizeof buf);
            id = chart_bar_value_label(
                c, -1, buf, g.vsize, g.upright, 0, xc,
                chart_axis_map(&g.a, end), chart_axis_map(&g.a, 0),
                end >= 0 ? g.y_top - g.head : g.y_bot + g.head, 0);
            chart_set_data(c, id, -1, i);
        }
    }
}

/* Horizontal bars. */
void chart_layout_hbar(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    struct text_fmt cat = {t->text_pt, t->text, 0, 1, PANGO_ALIGN_RIGHT};
    struct text_fmt note = {t->text_pt, t->text2, 0, 1, PANGO_ALIGN_LEFT};
    struct value_axis a;
    double lh, band, bottom, col_w = 0, natural = 0, x0, x1, y0, y1, pad;
    double hi = 0, lo = 0;
    char *title;
    int id, lines = 1, every = 1;

    pad = t->pad_pt;
    lh = chart_line_h(c, t->text_pt);
    /* Under the bars: tick labels, then the axis title. */
    bottom = pad + lh + pad + lh;
    y0 = plot.y0;
    y1 = plot.y1 - bottom;
    band = (y1 - y0) / m->n_cat;
    if (band < 1.15 * lh) {
        cat.size = t->small_pt;
        lh = chart_line_h(c, t->small_pt);
    }
    if (band >= 2.15 * lh)
        lines = 2;
    /* Rows thinner than a line of small text: names on every k-th row
     * (as a category axis's last resort) and no values. */
    while (every * band < 1.05 * lh)
        every++;
    /* Names up to 30% of the width, wrapped or cut beyond. */
    for (int i = 0; i < m->n_cat; i++) {
        double w, h;

        chart_measure(c, m->cats[i], &cat, &w, &h, NULL, NULL);
        natural = fmax(natural, w);
    }
    cat.max_w = fmin(natural, 0.3 * (plot.x1 - plot.x0));
    cat.max_lines = lines;
    for (int i = 0; i < m->n_cat; i++) {
        double w, h;

        chart_measure(c, m->cats[i], &cat, &w, &h, NULL, NULL);
        col_w = fmax(col_w, w);
    }
    x0 = plot.x0 + col_w + pad;
    for (int i = 0; i < m->n_cat; i++) {
        hi = fmax(hi, m->values[i]);
        lo = fmin(lo, m->values[i]);
    }
    /* The last tick label is centred on the axis end: keep it inside. */
    x1 = plot.x1;
    for (int round = 0; round < 2; round++) {
        char buf[SB_NUMFMT_SIZE];
        struct text_fmt f = {t->text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};
        double w, h;

        chart_value_axis(c, &a, lo, hi, x1 - x0, 0);
        chart_tick_label(&a, a.ticks.v[a.ticks.n - 1], buf, sizeof buf);
        chart_measure(c, buf, &f, &w, &h, NULL, NULL);
        x1 = plot.x1 - w / 2;
    }
    a.p0 = x0;
    a.p1 = x1;
    chart_emit_haxis(c, &a, y1, y0);
    title = chart_axis_title(c, &a);
    chart_add_text(c, SB_ROLE_AXIS_TITLE, title, &note, plot.x1, plot.y1, 1,
                   1, 0);
    free(title);
    for (int i = 0; i < m->n_cat; i++) {
        double yc = y0 + (i + 0.5) * band, th = fmin(0.65 * band, 3 * lh);
        double v = m->values[i], xa = chart_axis_map(&a, 0);
        double xb = chart_axis_map(&a, v);
        uint32_t fill = chart_cat_color(c, i);
        char buf[SB_NUMFMT_SIZE];
        int bar;

        cat.max_w = lines == 2 ? chart_wrap_width(c, m->cats[i], cat.size,
                                                  col_w)
                               : col_w;
        if (i % every == 0) {
            id = chart_add_text(c, SB_ROLE_CAT_LABEL, m->cats[i], &cat,
                                x0 - pad, yc, 1, 0.5, 0);
            chart_set_data(c, id, 0, i);
        }
        bar = chart_add_rect(c, SB_ROLE_BAR, fmin(xa, xb), yc - th / 2,
                             fabs(xb - xa), th, fill);
        chart_set_data(c, bar, 0, i);
        if (every > 1)
            continue;
        chart_value_text(c, v, buf, sizeof buf);
        id = chart_bar_value_label(c, bar, buf, cat.size, 0, 1, yc, xb, xa,
                                   v >= 0 ? plot.x1 : x0, fill);
        chart_set_data(c, id, 0, i);
    }
}
