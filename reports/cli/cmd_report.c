/* cmd_report.c: shenbao report DIR, the 申报书 as a PDF (see cmd.h). */
#include "cli/cmd.h"


#include "check/decl.h"
#include "report/report.h"
#include "typeset/fonts.h"

int sb_cmd_report(const struct sb_args *a)
{
    struct sb_check_opts opts = {0};
    const char *dir = a->operands[0];
    const char *out = a->output != NULL ? a->output : "declaration.pdf";
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    int rc;

    sb_cli_check_opts(a, &opts);
    rc = sb_decl_check(&d, dir, &opts, &err);
    if (rc == SB_OK && !sb_report_has_template(d))
        rc = sb_error_set(&err, SB_EUSAGE, NULL,
                          "the form edition of %s has no 申报书 template "
                          "(report.md)",
                          dir);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    if (rc == SB_OK)
        rc = sb_report_write(d, out, fonts, d->findings, NULL, &err);
    if (rc == SB_OK) {
        sb_findings_write_text(d->findings, stdout, a->max_print,
                               sb_cli_color(a), d->dir);
        printf("申报书 written to %s\n", out);
        rc = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    } else {
        rc = sb_cli_failed(&err);
    }
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return rc;
}
