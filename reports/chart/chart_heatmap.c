/* chart_heatmap.c: rows × columns of counts (solutions by industry and
 * domain) on a sequential scale (single-hue blues or viridis). Empty
 * cells are white, outlined, without a number (issue 16 item 2), so they
 * stand apart from the lowest count; cell text is white or dark by
 * contrast; rows and columns come sorted by total (chart.c); row names
 * are wrapped or cut at 40% of the width (down to 28% while the
 * column names would otherwise turn), column names go under the grid through the
 * category ladder,
 * and a colour bar with nice ticks sits below (research/charts.md §6). */
#include <math.h>

#include "chart/chart_heatmap.h"
#include "chart/chart_axis.h"
#include "chart/chart_fmt.h"
#include "chart/chart_legend.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"

/* Text size for the cells: the largest of text and small sizes at which
 * every value fits its cell, or 0 for none. */
static double cell_text_size(struct sb_chart *c, double cw, double ch)
{
    const double sizes[2] = {c->theme.text_pt, c->theme.small_pt};
    int n = c->m.n_cat * c->m.n_series;

    for (int k = 0; k < 2; k++) {
        struct text_fmt f = {sizes[k], 0, 0, 1, PANGO_ALIGN_LEFT};
        int fits = 1;

        for (int i = 0; i < n && fits; i++) {
            char buf[SB_NUMFMT_SIZE];
            double w, h;

            chart_value_text(c, c->m.values[i], buf, sizeof buf);
            chart_measure(c, buf, &f, &w, &h, NULL, NULL);
            fits = w <= cw - c->theme.pad_pt / 2 && h <= ch;
        }
        if (fits)
            return sizes[k];
    }
    return 0;
}

/* The width of the row names' column, pt, when each may take up to
 * share of the plot's width: the widest name as measured with rf,
 * whose max_w is set to what they may take. */
static double names_width(struct sb_chart *c, struct text_fmt *rf,
                          double natural, double share, struct box plot)
{
    double col_w = 0;

    rf->max_w = fmin(natural, share * (plot.x1 - plot.x0));
    for (int r = 0; r < c->m.n_series; r++) {
        double w, h;

        chart_measure(c, c->m.series[r], rf, &w, &h, NULL, NULL);
        col_w = fmax(col_w, w);
    }
    return col_w;
}

void chart_layout_heatmap(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    struct text_fmt rf = {t->text_pt, t->text, 0, 1, PANGO_ALIGN_RIGHT};
    struct cat_fit fit;
    double pad = t->pad_pt, leg_h = chart_heat_legend_height(c);
    double lh = chart_line_h(c, t->text_pt), natural = 0, col_w = 0;
    double x0, y1, bw, bh, vmax = 0, csize, gap;
    int rows = m->n_series, cols = m->n_cat;

    for (int i = 0; i < rows * cols; i++)
        vmax = fmax(vmax, m->values[i]);
    if (vmax <= 0)
        vmax = 1;
    /* Row names: small text when rows are tight, 2 lines when roomy. */
    bh = (plot.y1 - plot.y0 - leg_h - 2 * pad - 2 * lh) / rows;
    if (bh < 1.1 * lh) {
        rf.size = t->small_pt;
        lh = chart_line_h(c, t->small_pt);
    }
    /* Every row keeps its name: below the small size rather than lose
     * every other row to the collision pass. */
    if (bh < lh) {
        rf.size *= bh / lh;
        lh = chart_line_h(c, rf.size);
    }
    rf.max_lines = bh >= 2.1 * lh ? 2 : 1;
    for (int r = 0; r < rows; r++) {
        double w, h;

        chart_measure(c, m->series[r], &rf, &w, &h, NULL, NULL);
        natural = fmax(natural, w);
    }
    /* Row names up to two fifths of the width, so that an industry of
     * the 2023 catalogue as long as 煤炭/黑色金属矿开采/石油天然气开采
     * keeps its whole name; less, down to 28%, while the grid left
     * would turn its domains' names (stacked read better than slanted). */
    for (int pct = 40; pct >= 28; pct -= 2) {
        col_w = names_width(c, &rf, natural, pct / 100.0, plot);
        x0 = plot.x0 + col_w + pad;
        bw = (plot.x1 - x0) / cols;
        chart_fit_cats(c, (const char *const *)m->cats, cols, bw,
                       0.25 * (plot.y1 - plot.y0), 1, 0, rf.size, &fit);
        if (fit.angle_deg == 0)
            break;
    }
    if (fit.overhang - bw / 2 > col_w + pad) {
        x0 = plot.x0 + fit.overhang - bw / 2;
        bw = (plot.x1 - x0) / cols;
    }
    y1 = plot.y1 - leg_h - 2 * pad - fit.height - pad;
    bh = (y1 - plot.y0) / rows;
    gap = fmin(bw, bh) * 0.06;
    csize = cell_text_size(c, bw - gap, bh - gap);
    for (int r = 0; r < rows; r++) {
        double yc = plot.y0 + (r + 0.5) * bh;
        int id;

        rf.max_w = rf.max_lines == 2
                       ? chart_wrap_width(c, m->series[r], rf.size, col_w)
                       : col_w;
        id = chart_add_text(c, SB_ROLE_CAT_LABEL, m->series[r], &rf, x0 - pad,
                            yc, 1, 0.5, 0);

        chart_set_data(c, id, r, -1);
        for (int k = 0; k < cols; k++) {
            double v = m->values[r * cols + k];
            double x = x0 + k * bw + gap / 2, y = plot.y0 + r * bh + gap / 2;
            uint32_t fill = v > 0 ? chart_heat_color(t->heat, v / vmax)
                                  : t->background;
            struct text_fmt f = {csize, chart_text_on(c, fill), 0, 1,
                                 PANGO_ALIGN_LEFT};
            char buf[SB_NUMFMT_SIZE];
            int cell = chart_add_rect(c, SB_ROLE_CELL, x, y, bw - gap,
                                      bh - gap, fill);

            chart_set_data(c, cell, r, k);
            if (v <= 0) {
                c->items[cell].stroke = t->grid;
                c->items[cell].line_w = t->text_pt / 14;
            }
            if (csize <= 0 || v == 0)
                continue;
            chart_value_text(c, v, buf, sizeof buf);
            id = chart_add_text(c, SB_ROLE_VALUE_LABEL, buf, &f,
                                x + (bw - gap) / 2, y + (bh - gap) / 2, 0.5,
                                0.5, 0);
            c->items[id].pub.owner = cell;
            chart_set_data(c, id, r, k);
        }
    }
    chart_emit_cats(c, (const char *const *)m->cats, cols, x0, bw, y1 + pad,
                    &fit, rf.size);
    chart_heat_legend(c, plot.x0, plot.x1, plot.y1 - leg_h, vmax);
}
