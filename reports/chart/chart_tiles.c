/* chart_tiles.c: a tile map (issue 16 item 5): one tile a region (a
 * province) at its fixed place in a grid of rows × columns given with
 * the data, no geodata; tiles coloured on the heatmap's sequential
 * scale, each with its name and its count. An empty region is a white,
 * outlined tile with its name in grey and no number, as an empty
 * heatmap cell. The colour bar sits in the widest run of empty tiles
 * at the start of the top row (China's grid leaves the north-west
 * free), else under the grid. */
#include <math.h>

#include "chart/chart_tiles.h"
#include "chart/chart_fmt.h"
#include "chart/chart_legend.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "base/numfmt.h"

/* Free tiles at the start of row 0: the columns before the first one
 * taken. */
static int free_top_left(const struct chart_model *m)
{
    int first = m->tile_cols;

    for (int i = 0; i < m->n_cat; i++)
        if (m->tile_rc[2 * i] == 0 && m->tile_rc[2 * i + 1] < first)
            first = m->tile_rc[2 * i + 1];
    return first;
}

void chart_layout_tiles(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    double leg_h = chart_heat_legend_height(c), vmax = 0, size = t->small_pt;
    double tw, th, gap, x0, y0, lh;
    int free_cols = free_top_left(m), legend_in_grid;

    for (int i = 0; i < m->n_cat; i++)
        vmax = fmax(vmax, m->values[i]);
    if (vmax <= 0)
        vmax = 1;
    tw = (plot.x1 - plot.x0) / m->tile_cols;
    th = (plot.y1 - plot.y0) / m->tile_rows;
    legend_in_grid = free_cols * tw >= 20 * t->text_pt && th >= leg_h;
    if (!legend_in_grid)
        th = (plot.y1 - plot.y0 - leg_h - t->pad_pt) / m->tile_rows;
    tw = fmin(tw, 2.2 * th); /* tiles no flatter than 2.2 : 1 */
    gap = fmin(tw, th) * 0.06;
    x0 = plot.x0 + (plot.x1 - plot.x0 - tw * m->tile_cols) / 2;
    y0 = plot.y0;
    /* Name over number, both at the small size, shrunk only if a tile
     * cannot hold two lines of it. */
    lh = chart_line_h(c, size);
    if (2 * lh > th - gap)
        size *= (th - gap) / (2 * lh);
    for (int i = 0; i < m->n_cat; i++) {
        double v = m->values[i];
        double x = x0 + m->tile_rc[2 * i + 1] * tw + gap / 2;
        double y = y0 + m->tile_rc[2 * i] * th + gap / 2;
        uint32_t fill =
            v > 0 ? chart_heat_color(t->heat, v / vmax) : t->background;
        uint32_t ink = v > 0 ? chart_text_on(c, fill) : t->text2;
        struct text_fmt f = {size, ink, tw - gap - t->pad_pt / 2, 1,
                             PANGO_ALIGN_CENTER};
        char buf[SB_NUMFMT_SIZE];
        int tile = chart_add_rect(c, SB_ROLE_CELL, x, y, tw - gap, th - gap,
                                  fill), id;
        double cx = x + (tw - gap) / 2, cy = y + (th - gap) / 2;

        chart_set_data(c, tile, 0, i);
        if (v <= 0) {
            c->items[tile].stroke = t->grid;
            c->items[tile].line_w = t->text_pt / 14;
        }
        id = chart_add_text(c, SB_ROLE_CAT_LABEL, m->cats[i], &f, cx, cy,
                            0.5, v > 0 ? 1 : 0.5, 0);
        c->items[id].pub.owner = tile;
        chart_set_data(c, id, 0, i);
        if (v <= 0)
            continue;
        chart_value_text(c, v, buf, sizeof buf);
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, buf, &f, cx, cy, 0.5, 0,
                            0);
        c->items[id].pub.owner = tile;
        chart_set_data(c, id, 0, i);
    }
    if (legend_in_grid)
        chart_heat_legend(c, x0, x0 + free_cols * tw - t->pad_pt,
                          y0 + (th - leg_h) / 2, vmax);
    else
        chart_heat_legend(c, plot.x0, plot.x1, plot.y1 - leg_h, vmax);
}
