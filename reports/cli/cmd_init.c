/* cmd_init.c: shenbao init DIR, a blank declaration to fill in (see
 * cmd.h). */
#include "cli/cmd.h"

#include "form/scaffold.h"

int sb_cmd_init(const struct sb_args *a)
{
    const char *form = a->form != NULL ? a->form : sb_cli_default_edition();
    struct sb_error err = {0};

    if (sb_scaffold_write(form, a->operands[0], stdout, &err) != SB_OK)
        return sb_cli_failed(&err);
    printf("fill in the files above, then: shenbao report %s\n",
           a->operands[0]);
    return SB_EXIT_CLEAN;
}
