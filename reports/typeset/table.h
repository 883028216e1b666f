/* table.h: tables laid out in a pass. */
#ifndef SB_REPORTS_TABLE_H
#define SB_REPORTS_TABLE_H

#include "typeset/typeset_model.h"

void sb_ts_layout_table(struct ts_pass *p, struct sb_table *t);
/* Height in pt the table needs at a page top: header and first row. */
double sb_ts_table_min_height(struct ts_pass *p, struct sb_table *t);
void sb_ts_table_free(struct sb_table *t);

#endif
