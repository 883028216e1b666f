/* cmd_check.c: shenbao check DIR, the findings of a declaration (see
 * cmd.h). */
#include "cli/cmd.h"

#include <string.h>
#include <unistd.h>

#include "base/outfile.h"
#include "check/decl.h"
#include "findings/baseline.h"
#include "html/html.h"

/* Write d's findings to path with write (JUnit, a baseline), whole or
 * not at all. */
static int write_findings(const char *path, struct sb_decl *d,
                          int (*write)(struct sb_findings *, FILE *,
                                       const char *),
                          struct sb_error *err)
{
    struct sb_outfile o;
    int rc = sb_outfile_open(&o, path, err);

    if (rc != SB_OK)
        return rc;
    rc = write(d->findings, o.fp, d->dir);
    if (rc != SB_OK) {
        sb_outfile_abort(&o);
        return sb_error_set(err, rc, NULL, "cannot write %s", path);
    }
    return sb_outfile_commit(&o, err);
}

int sb_cmd_check(const struct sb_args *a)
{
    struct sb_check_opts opts = {0};
    const char *format = a->format != NULL ? a->format : "text";
    struct sb_decl *d = NULL;
    struct sb_baseline *bl = NULL;
    struct sb_error err = {0};
    int rc, status;

    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return sb_cli_usage(a->cmd, "--format: text or json, not \"%s\"",
                            format);
    sb_cli_check_opts(a, &opts);
    opts.max_per_kind = a->max_findings;
    opts.threads = (int)a->threads;
    opts.progress = !a->quiet;
    if (a->baseline != NULL &&
        sb_baseline_read(a->baseline, &bl, &err) != SB_OK)
        return sb_cli_failed(&err);
    if (sb_decl_check(&d, a->operands[0], &opts, &err) != SB_OK) {
        sb_baseline_free(bl);
        return sb_cli_failed(&err);
    }
    if (bl != NULL)
        sb_baseline_apply(bl, d->findings, d->dir);
    sb_baseline_free(bl);
    if (strcmp(format, "json") == 0)
        rc = sb_findings_write_json(d->findings, stdout, d->dir);
    else
        rc = sb_findings_write_text(d->findings, stdout, a->max_print,
                                    isatty(1));
    if (rc == SB_OK && a->junit != NULL)
        rc = write_findings(a->junit, d, sb_findings_write_junit, &err);
    if (rc == SB_OK && a->html != NULL)
        rc = sb_html_write(d, a->html, &err);
    if (rc == SB_OK && a->write_baseline != NULL)
        rc = write_findings(a->write_baseline, d, sb_baseline_write, &err);
    status = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    sb_decl_free(d);
    if (rc != SB_OK) {
        if (err.msg[0] == '\0')
            sb_error_set(&err, rc, NULL, "cannot write the findings");
        return sb_cli_failed(&err);
    }
    return status;
}
