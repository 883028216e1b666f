/* report_facts.h: the narrative against the data (issue 13 item 5):
 * what declaration.md says that form.csv or the lists contradict. */
#ifndef SB_REPORTS_REPORT_FACTS_H
#define SB_REPORTS_REPORT_FACTS_H

#include "report/narrative.h"
#include "report/report_run.h"

/* Check part, the narrative of section s, block by block; findings at
 * declaration.md:LINE of the block:
 *   report.figure-differs  warning: a figure quoted after a field's
 *                          label differs from form.csv (fill.h
 *                          sb_fill_quotes says when)
 *   report.name-unknown    warning: the section names (sections.csv
 *                          names = annex.column) something in “” or 《》
 *                          that the list does not hold, e.g. a 杀手锏
 *                          APP absent from 附件6 */
void sb_rp_narrative_facts(struct rp *r, int s,
                           const struct sb_narrative_part *part);

#endif
