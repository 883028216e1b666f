/* cmd_init.c: shenbao init DIR, a blank declaration to fill in, or one
 * started from an older declaration with --from (see cmd.h). */
#include "cli/cmd.h"

#include "check/migrate.h"
#include "form/scaffold.h"
#include "report/report.h"

int sb_cmd_init(const struct sb_args *a)
{
    const char *form = a->form != NULL ? a->form : sb_cli_default_edition();
    struct sb_error err = {0};
    struct sb_buf report = {0};
    int rc = a->from != NULL
                 ? sb_migrate(a->from, form, a->operands[0], stdout, &report,
                              sb_report_check, &err)
                 : sb_scaffold_write(form, a->operands[0], stdout, &err);

    if (rc == SB_OK && report.len > 0)
        printf("\n%s\n", report.data);
    sb_buf_free(&report);
    if (rc != SB_OK)
        return sb_cli_failed(&err);
    printf("fill in the files above, then: shenbao report %s\n",
           a->operands[0]);
    return SB_EXIT_CLEAN;
}
