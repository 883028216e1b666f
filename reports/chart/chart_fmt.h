/* chart_fmt.h: the text of values and months on a chart's labels,
 * shared by the model (chart.c) and the layouts. */
#ifndef SB_REPORTS_CHART_FMT_H
#define SB_REPORTS_CHART_FMT_H

#include <stddef.h>

struct sb_chart;

/* "1.26万" etc. for a data value on a label. */
char *chart_value_text(const struct sb_chart *c, double v, char *buf,
                       size_t size);
/* "2023年1月" or "4月" */
char *chart_month_label(int year, int month, int with_year, char *buf,
                        size_t size);

#endif
