/* chart_table.h: a table of text on a slide (the indicators' dashboard). */
#ifndef SB_REPORTS_CHART_TABLE_H
#define SB_REPORTS_CHART_TABLE_H

#include "chart/chart_model.h"

/* Lay a TABLE chart out into the plot box. */
void chart_layout_table(struct sb_chart *c, struct box plot);

#endif
