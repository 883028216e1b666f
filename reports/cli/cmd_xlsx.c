/* cmd_xlsx.c: shenbao xlsx DIR, the annex lists as one workbook (see
 * cmd.h). */
#include "cli/cmd.h"

#include "check/decl.h"
#include "xlsx/xlsx.h"

int sb_cmd_xlsx(const struct sb_args *a)
{
    struct sb_check_opts copts = {0};
    struct sb_xlsx_opts xopts = {0};
    const char *out = a->output != NULL ? a->output : "annexes.xlsx";
    struct sb_decl *d = NULL;
    struct sb_error err = {0};
    int status;

    sb_cli_check_opts(a, &copts);
    copts.progress = !a->quiet;
    xopts.mask = a->mask;
    xopts.tmpdir = a->tmpdir;
    if (sb_decl_check(&d, a->operands[0], &copts, &err) != SB_OK)
        return sb_cli_failed(&err);
    status = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    if (sb_xlsx_write(d, out, &xopts, &err) != SB_OK)
        status = sb_cli_failed(&err);
    sb_decl_free(d);
    return status;
}
