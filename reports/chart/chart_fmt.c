/* chart_fmt.c: the text of values and months on a chart's labels (see
 * chart_fmt.h). */
#include "chart/chart_fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart/chart_model.h"
#include "base/numfmt.h"
#include "base/sb.h"

char *chart_month_label(enum sb_lang lang, int year, int month,
                        int with_year, char *buf, size_t size)
{
    static const char *const abbr[12] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};

    if (lang == SB_LANG_EN && with_year)
        snprintf(buf, size, "%s %d", abbr[(month + 11) % 12], year);
    else if (lang == SB_LANG_EN)
        snprintf(buf, size, "%s", abbr[(month + 11) % 12]);
    else if (with_year)
        snprintf(buf, size, "%d年%d月", year, month);
    else
        snprintf(buf, size, "%d月", month);
    return buf;
}

/* Decimals (0..2) that v needs to be shown exactly. */
static int places(double v)
{
    int d = 0;

    while (d < 2 && fabs(v * pow(10, d) - round(v * pow(10, d))) >
                        1e-9 * fmax(1, fabs(v * pow(10, d))))
        d++;
    return d;
}

void chart_value_format(struct sb_chart *c)
{
    struct chart_model *m = &c->m;
    int n = m->n_series * m->n_cat;
    double *all = sb_xcalloc((size_t)(n + m->n_cat + 1), sizeof *all);
    double least = INFINITY, most = 0, total = 0;
    int k = 0;

    for (int i = 0; i < n; i++) {
        all[k++] = m->values[i];
        total += m->values[i];
    }
    if (m->kind == SB_CHART_LINE) /* only its last value is labelled */
        all[0] = m->values[m->n_cat - 1], k = 1;
    if (m->kind == SB_CHART_DONUT)
        all[k++] = total;
    for (int j = 0; m->kind == SB_CHART_STACKED && j < m->n_cat; j++) {
        double sum = 0;

        for (int s = 0; s < m->n_series; s++)
            sum += m->values[s * m->n_cat + j];
        all[k++] = sum;
    }
    for (int i = 0; i < k; i++) {
        if (all[i] != 0)
            least = fmin(least, fabs(all[i]));
        most = fmax(most, fabs(all[i]));
    }
    /* The largest unit the largest value reaches (and 10万 / 100k at
     * least) in which the smallest shows as 0.10 or more. */
    m->v_div = 1;
    m->v_suffix = "";
    {
        int n_units;
        const struct sb_numfmt_unit *u = sb_numfmt_units(m->lang, &n_units);

        for (int i = 0; i < n_units; i++) {
            if (most >= fmax(u[i].divisor, 1e5) &&
                least >= 0.1 * u[i].divisor) {
                m->v_div = u[i].divisor;
                m->v_suffix = u[i].suffix;
            }
        }
    }
    m->v_dec = 0;
    for (int i = 0; i < k; i++)
        m->v_dec = fmax(m->v_dec, places(all[i] / m->v_div));
    free(all);
}

char *chart_value_text(const struct sb_chart *c, double v, char *buf,
                       size_t size)
{
    char num[SB_NUMFMT_SIZE];

    sb_numfmt_group(v / c->m.v_div, c->m.v_dec, num, sizeof num);
    snprintf(buf, size, "%s%s", num, c->m.v_suffix);
    return buf;
}
