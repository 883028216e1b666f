/* cmd_diff.c: shenbao diff OLD.json NEW.json, two nights' findings
 * compared by fingerprint (see cmd.h, findings/diff.h). */
#include "cli/cmd.h"

#include <string.h>

#include "findings/diff.h"

int sb_cmd_diff(const struct sb_args *a)
{
    const char *format = a->format != NULL ? a->format : "text";
    struct sb_diff *df;
    struct sb_error err = {0};
    int rc, status;

    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return sb_cli_usage(a->cmd, "--format: text or json, not \"%s\"",
                            format);
    if (sb_diff_load(a->operands[0], a->operands[1], &df, &err) != SB_OK)
        return sb_cli_failed(&err);
    rc = strcmp(format, "json") == 0 ? sb_diff_write_json(df, stdout)
                                     : sb_diff_write_text(df, stdout);
    status = sb_diff_new_errors(df) > 0 ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
    sb_diff_free(df);
    return rc == SB_OK ? status : SB_EXIT_FAILED;
}
