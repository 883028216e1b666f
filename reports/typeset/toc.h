/* toc.h: the table of contents laid out in a pass. */
#ifndef SB_REPORTS_TOC_H
#define SB_REPORTS_TOC_H

#include "typeset/typeset_model.h"

void sb_ts_layout_toc(struct ts_pass *p, const struct ts_toc *toc);

#endif
