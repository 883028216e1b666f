/* chart_fmt.h: the text of values and months on a chart's labels,
 * shared by the model (chart.c) and the layouts. */
#ifndef SB_REPORTS_CHART_FMT_H
#define SB_REPORTS_CHART_FMT_H

#include <stddef.h>

#include "base/lang.h"

struct sb_chart;

/* Choose the one format of c's value labels from every value it can
 * label (values, a donut's total, a stack's totals), so that "5,686"
 * never stands beside "1.43万" (issue 16 item 2): 亿 when the largest
 * reaches 1亿 and the smallest non-zero shows as 0.10亿 or more; else 万
 * when the largest reaches 10万 (below, 5 digits read well in full) and
 * the smallest shows as 0.10万 or more; else in full. The decimals the
 * values need in that unit, at most 2, are shared by all ("15.16万"
 * beside "11.00万", not "11万"). In English the same in k, M and B
 * (numfmt.h): k when the largest reaches 100k and the smallest shows as
 * 0.10k, M from 1M, B from 1B. */
void chart_value_format(struct sb_chart *c);
/* A value on a label in the chart's format: "1,268", "15.16万". */
char *chart_value_text(const struct sb_chart *c, double v, char *buf,
                       size_t size);
/* "2023年1月" or "4月"; English "Jan 2023" or "Apr". */
char *chart_month_label(enum sb_lang lang, int year, int month,
                        int with_year, char *buf, size_t size);

#endif
