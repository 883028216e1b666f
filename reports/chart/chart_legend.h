/* chart_legend.h: the series legend and the heatmap's colour bar. */
#ifndef SB_REPORTS_CHART_LEGEND_H
#define SB_REPORTS_CHART_LEGEND_H

#include "chart/chart_model.h"

/* Series legend under the title from y; returns its height. */
double chart_legend(struct sb_chart *c, double x0, double x1, double y);
/* Heat legend from y, right-aligned at x_max, within [x_min, x_max]:
 * its title, a white box for 0, then the colour bar for [0, vmax] with
 * ticks below; nothing when there is no room. Its height is
 * chart_heat_legend_height. */
void chart_heat_legend(struct sb_chart *c, double x_min, double x_max,
                       double y, double vmax);
double chart_heat_legend_height(struct sb_chart *c);

#endif
