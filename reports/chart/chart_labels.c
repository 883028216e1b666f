/* chart_labels.c: label placement that is not an axis: labels stacked
 * along one direction without overlap (donut sides, line ends), and
 * value labels at bar ends, outside the end with padding or inside it
 * when there is no room (matplotlib's bar_label "edge", research §5). */
#include <math.h>

#include "chart/chart_labels.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"

void chart_stack_labels(const double *want, const double *h, int n,
                        double gap, double lo, double hi, double *top)
{
    if (n == 0)
        return;
    /* Push down from the top, then pull back up from the bottom. */
    top[0] = fmax(want[0], lo);
    for (int i = 1; i < n; i++)
        top[i] = fmax(want[i], top[i - 1] + h[i - 1] + gap);
    if (top[n - 1] + h[n - 1] > hi) {
        top[n - 1] = hi - h[n - 1];
        for (int i = n - 2; i >= 0; i--)
            top[i] = fmin(top[i], top[i + 1] - gap - h[i]);
    }
    /* Too many to fit: keep the order from lo down. */
    if (top[0] < lo) {
        top[0] = lo;
        for (int i = 1; i < n; i++)
            top[i] = fmax(top[i], top[i - 1] + h[i - 1] + gap);
    }
}

int chart_bar_value_label(struct sb_chart *c, int bar, const char *text,
                          double size, int upright, int horizontal, double pos,
                          double end, double base, double limit,
                          uint32_t fill)
{
    struct text_fmt f = {size, c->theme.text, 0, 1, PANGO_ALIGN_LEFT};
    double pad = c->theme.pad_pt / 2, w, h, ext, anchor, along;
    /* The direction the bar grows in, in canvas coordinates. */
    int dir = horizontal ? (end >= base ? 1 : -1) : (end <= base ? -1 : 1);
    int inside, grow, id;

    if (upright)
        return chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, pos,
                              end + dir * pad, dir < 0 ? 0 : 1, 0.5, -90);
    chart_measure(c, text, &f, &w, &h, NULL, NULL);
    ext = horizontal ? w : h;
    inside = dir > 0 ? end + pad + ext > limit : end - pad - ext < limit;
    /* Inside only when the bar can hold the label; never for a total. */
    if (bar < 0 || fabs(end - base) < ext + 2 * pad)
        inside = 0;
    grow = inside ? -dir : dir;
    anchor = end + grow * pad;
    along = grow > 0 ? 0 : 1;
    if (inside)
        f.color = chart_text_on(c, fill);
    if (horizontal)
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, anchor, pos,
                            along, 0.5, 0);
    else
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, pos, anchor,
                            0.5, along, 0);
    if (inside)
        c->items[id].pub.owner = bar;
    return id;
}
