/* chart_donut.h: a donut (parts of a whole). */
#ifndef SB_REPORTS_CHART_DONUT_H
#define SB_REPORTS_CHART_DONUT_H

#include "chart/chart_model.h"

/* Lay a DONUT chart out into the plot box. */
void chart_layout_donut(struct sb_chart *c, struct box plot);

#endif
