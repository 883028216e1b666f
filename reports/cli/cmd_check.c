/* cmd_check.c: shenbao check DIR, the findings of a declaration (see
 * cmd.h). */
#include "cli/cmd.h"

#include <string.h>

#include "base/outfile.h"
#include "check/decl.h"
#include "findings/baseline.h"
#include "report/report.h"
#include "html/html.h"

/* How the findings are written: the writer of one format and what the
 * text writer also needs. */
struct out {
    int (*write)(struct sb_findings *, FILE *, const char *); /* or NULL */
    long max_print;
    int color;
};

/* Write d's findings with how to path, whole or not at all; "-" is
 * standard output. */
static int write_findings(const char *path, struct sb_decl *d,
                          const struct out *how, struct sb_error *err)
{
    struct sb_outfile o;
    FILE *fp = stdout;
    int rc = SB_OK;

    if (strcmp(path, "-") != 0) {
        rc = sb_outfile_open(&o, path, err);
        fp = o.fp;
    }
    if (rc != SB_OK)
        return rc;
    rc = how->write != NULL
             ? how->write(d->findings, fp, d->dir)
             : sb_findings_write_text(d->findings, fp, how->max_print,
                                      how->color, d->dir);
    if (fp == stdout)
        return rc != SB_OK
                   ? sb_error_set(err, rc, NULL, "cannot write the findings")
                   : SB_OK;
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
    const char *output = a->output != NULL ? a->output : "-";
    struct out main = {NULL, a->max_print, 0};
    struct out junit = {sb_findings_write_junit, 0, 0};
    struct out base = {sb_baseline_write, 0, 0};
    struct sb_decl *d = NULL;
    struct sb_baseline *bl = NULL;
    struct sb_error err = {0};
    int rc, status;

    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return sb_cli_usage(a->cmd, "--format: text or json, not \"%s\"",
                            format);
    if (strcmp(format, "json") == 0)
        main.write = sb_findings_write_json;
    else
        main.color = strcmp(output, "-") == 0 && sb_cli_color(a);
    sb_cli_check_opts(a, &opts);
    opts.max_per_kind = a->max_findings;
    opts.threads = (int)a->threads;
    opts.progress = !a->quiet;
    if (a->baseline != NULL &&
        sb_baseline_read(a->baseline, &bl, &err) != SB_OK)
        return sb_cli_failed(&err);
    opts.more = sb_report_check; /* check fails what build fails */
    if (sb_decl_check(&d, a->operands[0], &opts, &err) != SB_OK) {
        sb_baseline_free(bl);
        return sb_cli_failed(&err);
    }
    if (bl != NULL)
        sb_baseline_apply(bl, d->findings, d->dir);
    sb_baseline_free(bl);
    rc = write_findings(output, d, &main, &err);
    if (rc == SB_OK && a->junit != NULL)
        rc = write_findings(a->junit, d, &junit, &err);
    if (rc == SB_OK && a->html != NULL)
        rc = sb_html_write(d, a->html, &err);
    if (rc == SB_OK && a->write_baseline != NULL)
        rc = write_findings(a->write_baseline, d, &base, &err);
    status = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    sb_decl_free(d);
    if (rc != SB_OK)
        return sb_cli_failed(&err);
    return status;
}
