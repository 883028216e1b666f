/* chart_labels.h: label placement that is not an axis: stacked labels
 * and value labels at bar ends. */
#ifndef SB_REPORTS_CHART_LABELS_H
#define SB_REPORTS_CHART_LABELS_H

#include "chart/chart_model.h"

/* 1-D label stacking. Each label i wants its top at
 * want[i] and is h[i] tall; on return top[i] keeps order, gap between
 * labels, and stays within [lo, hi] when they fit. */
void chart_stack_labels(const double *want, const double *h, int n,
                        double gap, double lo, double hi, double *top);
/* Value label at the end of bar (item id, or -1 for a stack's total, which
 * has room kept for it and never goes inside): outside the end with padding
 * (above or right, below or left for a negative value), or inside the
 * end, in a colour read on fill, when it would cross limit and the bar
 * can hold it. Vertical bars: pos is the bar's centre x, end, base and
 * limit are y; horizontal: pos is y, the others x. upright: turned 90°
 * and always outside (vertical bars only). Returns the label id. */
int chart_bar_value_label(struct sb_chart *c, int bar, const char *text,
                          double size, int upright, int horizontal, double pos,
                          double end, double base, double limit,
                          uint32_t fill);

#endif
