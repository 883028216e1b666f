/* report_parts.h: the generated parts of the 申报书, one function per
 * ```shenbao-* block of report.md. */
#ifndef SB_REPORTS_REPORT_PARTS_H
#define SB_REPORTS_REPORT_PARTS_H

#include "report/report_run.h"

/* The block of a ```shenbao-KIND ARG fence: kind and arg as written,
 * lines its content; line is the fence's line in report.md. */
void sb_rp_cover(struct rp *r, const char *lines, long line);
void sb_rp_pledge(struct rp *r, const char *lines, long line);
void sb_rp_toc(struct rp *r, const char *lines);
void sb_rp_table(struct rp *r, const char *arg, const char *lines,
                 long line);
void sb_rp_narrative(struct rp *r, const char *key, long line);
void sb_rp_chart(struct rp *r, const char *id, long line);
void sb_rp_annex_list(struct rp *r, const char *lines, long line);

/* A new front-matter page (cover, pledge, contents) on a recto. */
void sb_rp_front(struct rp *r);
/* Start the numbered body (page 1 on a recto) unless it has begun. */
void sb_rp_body(struct rp *r);

#endif
