/* chart_fmt.c: the text of values and months on a chart's labels (see
 * chart_fmt.h). */
#include "chart/chart_fmt.h"

#include <stdio.h>

#include "base/numfmt.h"

char *chart_month_label(int year, int month, int with_year, char *buf,
                        size_t size)
{
    if (with_year)
        snprintf(buf, size, "%d年%d月", year, month);
    else
        snprintf(buf, size, "%d月", month);
    return buf;
}

char *chart_value_text(const struct sb_chart *c, double v, char *buf,
                       size_t size)
{
    (void)c;
    return sb_numfmt_compact(v, 2, buf, size);
}
