/* chart_svg.h: finishing cairo's SVG (ids, title, description) and the
 * labels as SVG text. */
#ifndef SB_REPORTS_CHART_SVG_H
#define SB_REPORTS_CHART_SVG_H

#include "base/sb.h"

struct sb_chart;

/* Renumber ids in order of appearance, add role, <title> and <desc>
 * after the root element and tail (UTF-8 SVG elements, "" for none)
 * before its end. Returns 0 or -1 when svg is not an SVG cairo wrote. */
int chart_svg_finish(struct sb_buf *svg, const char *title,
                     const char *desc, const char *tail);

/* Append every label of c's scene to out as one <text> element (class
 * its role: title, source, axis-title, tick, category, value, legend,
 * centre; a <tspan> a line, on the baseline Pango set it on) in the chart face's
 * family list, px_per_pt px a point: the text as drawn (a line cut with
 * … ends in …), editable after importing the SVG. */
void chart_svg_labels(const struct sb_chart *c, double px_per_pt,
                      struct sb_buf *out);

#endif
