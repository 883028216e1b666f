/* chart_bar.h: bar charts: vertical (one series, grouped, stacked) and
 * horizontal. */
#ifndef SB_REPORTS_CHART_BAR_H
#define SB_REPORTS_CHART_BAR_H

#include "chart/chart_model.h"

/* Lay a BAR, GROUPED or STACKED chart out into the plot box. */
void chart_layout_bar(struct sb_chart *c, struct box plot);
/* Lay an HBAR chart out into the plot box. */
void chart_layout_hbar(struct sb_chart *c, struct box plot);

#endif
