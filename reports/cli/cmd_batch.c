/* cmd_batch.c: shenbao batch DIR..., a recommending department's batch
 * of declarations (see cmd.h and batch.h). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"

/* The file beside the workbook out: its name with suffix for .xlsx. */
static char *beside(const char *out, const char *suffix)
{
    size_t n = strlen(out);

    if (n > 5 && strcmp(out + n - 5, ".xlsx") == 0)
        n -= 5;
    return sb_xasprintf("%.*s%s", (int)n, out, suffix);
}

/* The declarations of the operands: one batch directory's, or the
 * operands themselves (copied into *dirs); *summary the 汇总表 found in
 * the batch directory, when --summary names none. Returns how many. */
static int declarations(const struct sb_args *a, char ***dirs,
                        char **summary)
{
    int n = 0;

    *summary = NULL;
    if (a->n_operands == 1)
        n = sb_batch_dirs(a->operands[0], a->follow_symlinks, dirs);
    if (n > 0) {
        if (a->summary == NULL)
            *summary = sb_batch_summary_in(a->operands[0]);
        return n;
    }
    *dirs = sb_xcalloc((size_t)a->n_operands, sizeof **dirs);
    for (n = 0; n < a->n_operands; n++)
        (*dirs)[n] = sb_xstrdup(a->operands[n]);
    return n;
}

int sb_cmd_batch(const struct sb_args *a)
{
    static const char *const formats[] = {"text", "json", "junit"};
    struct sb_check_opts copts = {0};
    const char *out = a->output != NULL ? a->output : "汇总表.xlsx";
    const char *format = a->format != NULL ? a->format : "text";
    char *pdf = beside(out, ".pdf"), *overview = beside(out, "-概览.pdf");
    char **dirs, *found;
    struct sb_batch *b = NULL;
    struct sb_error err = {0};
    int fmt, n, rc, status = SB_EXIT_FAILED;

    for (fmt = 0; fmt < 3 && strcmp(format, formats[fmt]) != 0; fmt++)
        ;
    if (fmt == 3) {
        free(pdf);
        free(overview);
        return sb_cli_usage(a->cmd, "--format: text, json or junit, not "
                                    "\"%s\"",
                            format);
    }
    sb_cli_check_opts(a, &copts);
    copts.progress = 0;
    n = declarations(a, &dirs, &found);
    rc = sb_batch_run(&b, dirs, n, a->summary ? a->summary : found,
                      n > 0 && a->n_operands == 1 ? a->operands[0] : NULL,
                      &copts, &err);
    if (rc == SB_OK)
        rc = sb_batch_write(b, out, pdf, overview, a->fonts, &err);
    if (rc == SB_OK) {
        rc = sb_batch_write_findings(b, stdout, (enum sb_findings_format)fmt,
                                     a->max_print,
                                     fmt == SB_FMT_TEXT && sb_cli_color(a));
        if (rc != SB_OK)
            sb_error_set(&err, rc, NULL, "cannot write the findings");
    }
    if (rc == SB_OK)
        status = sb_batch_errors(b) > 0 ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
    else
        sb_cli_failed(&err);
    sb_batch_free(b);
    for (int i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
    free(found);
    free(pdf);
    free(overview);
    return status;
}
