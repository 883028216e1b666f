/* chart_line.h: values over consecutive months. */
#ifndef SB_REPORTS_CHART_LINE_H
#define SB_REPORTS_CHART_LINE_H

#include "chart/chart_model.h"

/* Lay a LINE chart out into the plot box. */
void chart_layout_line(struct sb_chart *c, struct box plot);

#endif
