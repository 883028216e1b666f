/* layout.h: one pass over the blocks of a document. */
#ifndef SB_REPORTS_LAYOUT_H
#define SB_REPORTS_LAYOUT_H

#include "typeset/typeset_model.h"

/* Run one pass; draw 0 measures only. */
int sb_ts_run_pass(struct ts_pass *p);

#endif
