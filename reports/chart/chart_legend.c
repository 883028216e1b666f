/* chart_legend.c: the series legend (colour square + name, in rows under
 * the title) and the heatmap's colour bar with nice ticks. Single-series
 * charts have no legend: their bars and slices are labelled directly. */
#include <math.h>
#include <stdlib.h>

#include "chart/chart_lang.h"
#include "chart/chart_legend.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart/chart_ticks.h"
#include "base/numfmt.h"
#include "base/sb.h"

double chart_legend(struct sb_chart *c, double x0, double x1, double y)
{
    struct text_fmt f = {c->theme.text_pt, c->theme.text, 0, 1,
                         PANGO_ALIGN_LEFT};
    double lh = chart_line_h(c, c->theme.text_pt);
    double sw = 0.7 * lh, em = c->theme.text_pt, x = x0, top = y;

    f.max_w = x1 - x0 - sw - em / 2;
    for (int s = 0; s < c->m.n_series; s++) {
        double w, h;
        int id;

        chart_measure(c, c->m.series[s], &f, &w, &h, NULL, NULL);
        if (x > x0 && x + sw + em / 2 + w > x1) {
            x = x0;
            y += lh + c->theme.pad_pt / 2;
        }
        id = chart_add_rect(c, SB_ROLE_SWATCH, x, y + (lh - sw) / 2, sw, sw,
                            chart_series_color(c, s));
        chart_set_data(c, id, s, -1);
        id = chart_add_text(c, SB_ROLE_LEGEND_LABEL, c->m.series[s], &f,
                            x + sw + em / 2, y, 0, 0, 0);
        chart_set_data(c, id, s, -1);
        x += sw + em / 2 + w + 1.5 * em;
    }
    return y + lh - top;
}

double chart_heat_legend_height(struct sb_chart *c)
{
    double lh = chart_line_h(c, c->theme.text_pt);

    return 0.6 * lh + c->theme.pad_pt / 2 + lh;
}

/* Ticks for the colour bar over [0, vmax] (not loose: the bar ends at
 * the maximum), fewer until their labels have an em between them on a
 * bar w pt long. */
static void heat_ticks(struct sb_chart *c, double w, double vmax,
                       struct sb_ticks *t, struct sb_numfmt_axis *fmt)
{
    struct text_fmt f = {c->theme.text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};

    for (int m = sb_ticks_target(w, 5 * c->theme.text_pt);; m--) {
        double widest = 0;
        int n = 0;

        sb_ticks_extended(0, vmax, m, 0, t);
        for (int i = 0; i < t->n; i++)
            if (t->v[i] >= 0 && t->v[i] <= vmax * (1 + 1e-9))
                t->v[n++] = t->v[i];
        t->n = n;
        sb_numfmt_axis_init_lang(fmt, t->v, t->n, c->m.lang);
        for (int i = 0; i < t->n; i++) {
            char buf[SB_NUMFMT_SIZE];
            double tw, th;

            sb_numfmt_axis_label(fmt, t->v[i], buf, sizeof buf);
            chart_measure(c, buf, &f, &tw, &th, NULL, NULL);
            widest = fmax(widest, tw);
        }
        if (m <= 2 || t->n < 2 ||
            w / (t->n - 1) >= widest + c->theme.text_pt)
            return;
    }
}

void chart_heat_legend(struct sb_chart *c, double x_min, double x_max,
                       double y, double vmax)
{
    const struct sb_chart_theme *th = &c->theme;
    struct text_fmt f = {th->text_pt, th->text2, 0, 1, PANGO_ALIGN_LEFT};
    double lh = chart_line_h(c, th->text_pt), rh = 0.6 * lh, em = th->text_pt;
    double label_y = y + rh + th->pad_pt / 2, tw, h, rw, fixed, x;
    const double wide = 1e4; /* a tick of the widest unit word: 万,
                                thousand */
    struct sb_ticks t;
    struct sb_numfmt_axis fmt;
    char unit[256], *title, buf[SB_NUMFMT_SIZE];
    int id;

    /* [方案数（个）] [□ 0] [colour bar with ticks], right-aligned at
     * x_max: the zero box is white as the zero cells are. The bar takes
     * 35% of the room (at least 10 em) and shrinks to what is left; with
     * less than 3 em there is no legend. Its length is settled before
     * its ticks, with room for a 万/亿 the ticks may add to the title. */
    sb_numfmt_axis_init_lang(&fmt, &wide, 1, c->m.lang);
    sb_numfmt_axis_unit(&fmt, c->m.unit, unit, sizeof unit);
    title = chart_name_unit(c->m.lang, c->m.value_name, unit);
    chart_measure(c, title, &f, &tw, &h, NULL, NULL);
    free(title);
    fixed = tw + 3.5 * em + 2 * em;
    rw = fmin(fmax(10 * em, 0.35 * (x_max - x_min)), x_max - x_min - fixed);
    if (rw < 3 * em)
        return;
    heat_ticks(c, rw, vmax, &t, &fmt);
    sb_numfmt_axis_unit(&fmt, c->m.unit, unit, sizeof unit);
    title = chart_name_unit(c->m.lang, c->m.value_name, unit);
    chart_measure(c, title, &f, &tw, &h, NULL, NULL);
    x = x_max - 2 * em - rw - 2.5 * em - tw - em;
    id = chart_add_text(c, SB_ROLE_AXIS_TITLE, title, &f, x, y + rh / 2, 0,
                        0.5, 0);
    free(title);
    x += chart_text_w(c, id) + em;
    id = chart_add_rect(c, SB_ROLE_SWATCH, x, y, 1.5 * em, rh,
                        th->background);
    c->items[id].stroke = th->grid;
    c->items[id].line_w = th->text_pt / 14;
    chart_add_text(c, SB_ROLE_TICK_LABEL, "0", &f, x + 0.75 * em, label_y,
                   0.5, 0, 0);
    /* The bar runs from 0 (its lowest colour is that of the smallest
     * count) to vmax; 2 em are left after it for a label centred on its
     * end. */
    x += 2.5 * em;
    chart_add_ramp(c, x, y, rw, rh);
    for (int i = 0; i < t.n; i++) {
        double px = x + t.v[i] / vmax * rw;

        if (t.v[i] == 0)
            continue;
        sb_numfmt_axis_label(&fmt, t.v[i], buf, sizeof buf);
        chart_add_line(c, SB_ROLE_AXIS_LINE, px, y + rh, px,
                       y + rh + th->pad_pt / 3, th->axis, th->text_pt / 14);
        chart_add_text(c, SB_ROLE_TICK_LABEL, buf, &f, px, label_y, 0.5, 0,
                       0);
    }
}
