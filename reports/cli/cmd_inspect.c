/* cmd_inspect.c: shenbao inspect FILE, how one CSV file is read (see
 * cmd.h). */
#include "cli/cmd.h"

#include "check/inspect.h"

int sb_cmd_inspect(const struct sb_args *a)
{
    struct sb_inspect_opts opts = {0};
    struct sb_error err = {0};

    opts.form = a->form;
    if (a->n_annex > 1)
        return sb_cli_usage(a->cmd, "--annex: one file is one annex, not %d",
                            a->n_annex);
    opts.annex = a->n_annex > 0 ? a->annex[0] : NULL;
    opts.max_rows = a->rows;
    if (sb_inspect(a->operands[0], &opts, stdout, &err) != SB_OK)
        return sb_cli_failed(&err);
    return SB_EXIT_CLEAN;
}
