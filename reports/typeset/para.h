/* para.h: a paragraph laid out on the grid. */
#ifndef SB_REPORTS_PARA_H
#define SB_REPORTS_PARA_H

#include "typeset/typeset_model.h"

/* Lay out a paragraph on the grid; heading_id >= 0 for a heading's.
 * need: lines that must be left on the page for the first line (more
 * than 1 keeps the paragraph with what follows). */
void sb_ts_layout_para(struct ts_pass *p, const struct sb_para *para,
                       int heading_id, int need);
/* Lines the paragraph takes at the current section's width. */
int sb_ts_para_lines(struct ts_pass *p, const struct sb_para *para);

#endif
