/* outline.h: a heading's page, PDF destination and outline entry. */
#ifndef SB_REPORTS_OUTLINE_H
#define SB_REPORTS_OUTLINE_H

#include "typeset/typeset_model.h"

/* Record the page of heading h, and in the drawing pass its PDF
 * destination (em top y) and outline entry. */
void sb_ts_heading_mark(struct ts_pass *p, struct ts_heading *h, double y);

#endif
