/* report_run.c: the state of one run of the 申报书 (see report_run.h). */
#include "report/report_run.h"

void sb_rp_template_error(struct rp *r, long line, const char *msg)
{
    struct sb_pos pos = {0};

    if (r->status != SB_OK)
        return;
    pos.path = r->tpl_path;
    pos.row = line;
    pos.line = line;
    r->status = sb_error_set(r->err, SB_EFORMAT, &pos, "%s", msg);
}
