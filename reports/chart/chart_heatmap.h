/* chart_heatmap.h: rows × columns of counts on a colour scale. */
#ifndef SB_REPORTS_CHART_HEATMAP_H
#define SB_REPORTS_CHART_HEATMAP_H

#include "chart/chart_model.h"

/* Lay a HEATMAP chart out into the plot box. */
void chart_layout_heatmap(struct sb_chart *c, struct box plot);

#endif
