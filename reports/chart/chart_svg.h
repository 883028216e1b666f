/* chart_svg.h: finishing cairo's SVG (ids, title, description). */
#ifndef SB_REPORTS_CHART_SVG_H
#define SB_REPORTS_CHART_SVG_H

#include "base/sb.h"

/* Renumber ids in order of appearance and add role,
 * <title> and <desc> after the root element. Returns 0 or -1 when svg
 * is not an SVG cairo wrote. */
int chart_svg_finish(struct sb_buf *svg, const char *title,
                     const char *desc);

#endif
