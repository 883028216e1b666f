/* finding.h: a chart title that states the finding (issue 16 item 3):
 * "接入工业设备20,000台/套，运行设备占37.7%", not the axis ("工业设备按
 * 类别"), from a template per chart (charts.csv option finding=) filled
 * with the chart's own data. */
#ifndef SB_REPORTS_FINDING_H
#define SB_REPORTS_FINDING_H

#include "chart/chart.h"

/* Fill tmpl from s's data. Placeholders, over the categories' totals
 * (all series added):
 *   {total}      every value added          "20,000", "52.01万"
 *   {n}          categories that are not 0  "22"
 *   {top}        the largest category       "运行设备"
 *   {top_value}  its value                  "7,533"
 *   {top_share}  its share of the total     "37.7%"
 *   {first_value} the first category's value, as given ("专利" of
 *                2.1's list of figures)    "186"
 *   {first_share} its share of the total   "63.9%"
 *   {last}       the last category's value (a line's latest)
 *   {share_last} the last value of s->share "36.2%"
 * Numbers as sb_chart_number writes them in s->lang. Returns a new string
 * (free it), or NULL when tmpl names an unknown placeholder, is
 * unbalanced, or needs a share s has not. */
char *sb_chart_finding(const char *tmpl, const struct sb_chart_spec *s);

/* v as a title or a table cell writes it: in full below 10万 ("20,000",
 * "912.63", up to 2 decimals), else in 万 or 亿 with up to 2 decimals
 * ("51.98万"); in English (lang SB_LANG_EN) in full below 100,000, else
 * in k, M or B with up to 2 decimals ("519.84k", "2.19M"). Returns buf
 * (size >= SB_NUMFMT_SIZE). */
const char *sb_chart_number(double v, enum sb_lang lang, char *buf,
                            size_t size);

#endif
