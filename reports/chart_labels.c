/* chart_labels.c: label placement that is not an axis: labels stacked
 * along one direction without overlap (donut sides, line ends), and
 * value labels at bar ends, outside the end with padding or inside it
 * when there is no room (matplotlib's bar_label "edge", research §5). */
#include <math.h>

#include "chart_int.h"

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
                          double size, int upright, double x, double y_end,
                          double y_base, double y_limit, uint32_t fill)
{
    struct text_fmt f = {size, c->theme.text, 0, 1, PANGO_ALIGN_LEFT};
    double pad = c->theme.pad_pt / 2, w, h;
    int up = y_end <= y_base; /* a positive bar grows up */
    int inside, id;

    if (upright)
        return chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, x,
                              up ? y_end - pad : y_end + pad, up ? 0 : 1,
                              0.5, -90);
    chart_measure(c, text, &f, &w, &h, NULL, NULL);
    if (up)
        inside = y_end - pad - h < y_limit;
    else
        inside = y_end + pad + h > y_limit;
    /* Inside only when the bar can hold the label. */
    if (inside && fabs(y_base - y_end) < h + 2 * pad)
        inside = 0;
    if (inside)
        f.color = chart_text_on(c, fill);
    if (up == inside)
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, x, y_end + pad,
                            0.5, 0, 0);
    else
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, text, &f, x, y_end - pad,
                            0.5, 1, 0);
    if (inside)
        c->items[id].pub.owner = bar;
    return id;
}
