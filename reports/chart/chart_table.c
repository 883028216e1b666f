/* chart_table.c: a table of text (issue 16 item 7: the indicators with
 * declared value, list value and status). Past 12 rows it runs in two
 * blocks side by side, the first holding the larger half. Each block
 * has a header row (the series names, at the text size), then one row a
 * category: its name left-aligned, the cells right-aligned (numbers)
 * and the last cell, the verdict, centred on a fill of its mark (green,
 * red, amber; none unmarked) — the text says it too, so colour is never
 * the only signal. Cell text is set at the text size if every column
 * fits its block, else smaller down to the small size; a name that does
 * not fit what the cells leave is cut with …. */
#include <math.h>
#include <stdlib.h>

#include "chart/chart_table.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "base/sb.h"

/* Fills and inks of the marks: Excel's good, bad and neutral styles. */
static const uint32_t mark_fill[] = {0, 0xC6EFCE, 0xFFC7CE, 0xFFEB9C};
static const uint32_t mark_ink[] = {0, 0x006100, 0x9C0006, 0x9C5700};

/* Widest text of column k (0: the names, k: series k - 1) at size, the
 * header's at the text size included. */
static double column_w(struct sb_chart *c, int k, double size)
{
    const struct chart_model *m = &c->m;
    struct text_fmt f = {size, 0, 0, 1, PANGO_ALIGN_LEFT};
    struct text_fmt hf = {c->theme.text_pt, 0, 0, 1, PANGO_ALIGN_LEFT};
    double w, h, best;

    chart_measure(c, k == 0 ? m->cat_name : m->series[k - 1], &hf, &best,
                  &h, NULL, NULL);
    for (int r = 0; r < m->n_cat; r++) {
        chart_measure(c, k == 0 ? m->cats[r] : m->texts[(k - 1) * m->n_cat + r],
                      &f, &w, &h, NULL, NULL);
        best = fmax(best, w);
    }
    return best;
}

void chart_layout_table(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    int blocks = m->n_cat > 12 ? 2 : 1, rows = (m->n_cat + blocks - 1) / blocks;
    int cols = m->n_series + 1;
    double pad = t->pad_pt, gutter = 2 * t->text_pt;
    double block_w = (plot.x1 - plot.x0 - (blocks - 1) * gutter) / blocks;
    double size = t->text_pt, need, cells, name_w, rh;
    double *w = sb_xcalloc((size_t)cols, sizeof *w);

    /* the size at which the names and cells fit the block, not below
     * the small size */
    for (;;) {
        need = cells = 0;
        for (int k = 0; k < cols; k++) {
            w[k] = column_w(c, k, size) + 2 * pad;
            need += w[k];
            cells += k > 0 ? w[k] : 0;
        }
        if (need <= block_w || size <= t->small_pt)
            break;
        size = fmax(t->small_pt, size * fmin(0.95, block_w / need));
    }
    name_w = fmax(block_w - cells, 4 * size);
    rh = (plot.y1 - plot.y0) / (rows + 1);
    for (int b = 0; b < blocks; b++) {
        double x0 = plot.x0 + b * (block_w + gutter), x;
        struct text_fmt hf = {t->text_pt, t->text2, 0, 1, PANGO_ALIGN_LEFT};

        /* header and its rule */
        x = x0 + name_w;
        chart_add_text(c, SB_ROLE_AXIS_TITLE, m->cat_name, &hf, x0 + pad,
                       plot.y0 + rh / 2, 0, 0.5, 0);
        for (int k = 1; k < cols; k++) {
            chart_add_text(c, SB_ROLE_AXIS_TITLE, m->series[k - 1], &hf,
                           k == cols - 1 ? x + w[k] / 2 : x + w[k] - pad,
                           plot.y0 + rh / 2, k == cols - 1 ? 0.5 : 1, 0.5, 0);
            x += w[k];
        }
        chart_add_line(c, SB_ROLE_AXIS_LINE, x0, plot.y0 + rh, x0 + block_w,
                       plot.y0 + rh, t->axis, t->text_pt / 14);
        for (int i = 0; i < rows && b * rows + i < m->n_cat; i++) {
            int r = b * rows + i, mark = m->marks[r], id;
            double y = plot.y0 + (i + 1) * rh, yc = y + rh / 2;
            struct text_fmt nf = {size, t->text, name_w - 2 * pad, 1,
                                  PANGO_ALIGN_LEFT};
            struct text_fmt vf = {size, t->text, 0, 1, PANGO_ALIGN_LEFT};

            if (i > 0)
                chart_add_line(c, SB_ROLE_GRID, x0, y, x0 + block_w, y,
                               t->grid, t->text_pt / 14);
            id = chart_add_text(c, SB_ROLE_CAT_LABEL, m->cats[r], &nf,
                                x0 + pad, yc, 0, 0.5, 0);
            chart_set_data(c, id, -1, r);
            x = x0 + name_w;
            for (int k = 1; k < cols; k++) {
                const char *s = m->texts[(k - 1) * m->n_cat + r];
                int last = k == cols - 1, cell = -1;

                if (last && mark != SB_MARK_NONE) {
                    cell = chart_add_rect(c, SB_ROLE_CELL, x + pad / 2,
                                          y + rh * 0.1, w[k] - pad,
                                          rh * 0.8, mark_fill[mark]);
                    chart_set_data(c, cell, k - 1, r);
                    vf.color = mark_ink[mark];
                }
                if (s[0] != '\0') {
                    id = chart_add_text(c, SB_ROLE_VALUE_LABEL, s, &vf,
                                        last ? x + w[k] / 2 : x + w[k] - pad,
                                        yc, last ? 0.5 : 1, 0.5, 0);
                    c->items[id].pub.owner = cell;
                    chart_set_data(c, id, k - 1, r);
                }
                x += w[k];
            }
        }
    }
    free(w);
}
