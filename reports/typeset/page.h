/* page.h: pages of a pass, their grid lines and boxes. */
#ifndef SB_REPORTS_PAGE_H
#define SB_REPORTS_PAGE_H

#include "typeset/typeset_model.h"

/* Open a page if none is open; pending floating figures go to its top. */
void sb_ts_page_ensure(struct ts_pass *p);
/* Close the open page (draws nothing new). */
void sb_ts_page_finish(struct ts_pass *p);
/* The next grid line at or below p->y, on a new page if none is left
 * (or fewer than need lines are left). Sets p->y below it and returns
 * its index. */
int sb_ts_take_line(struct ts_pass *p, int need);
/* Lines left on the page below p->y. */
int sb_ts_lines_left(struct ts_pass *p);
/* y of the first grid line's em top at or below p->y (for boxes). */
double sb_ts_box_top(struct ts_pass *p);
/* A box ended at y: text continues one leading below it. */
void sb_ts_box_done(struct ts_pass *p, double y);

#endif
