/* cmd_charts.c: shenbao charts DIR, the chart set of a declaration (see
 * cmd.h). */
#include "cli/cmd.h"

#include <string.h>

#include "chart/chartset.h"
#include "check/decl.h"
#include "typeset/fonts.h"

int sb_cmd_charts(const struct sb_args *a)
{
    struct sb_check_opts opts = {0};
    struct sb_chartset_opts set = {0};
    const char *outdir = a->output != NULL ? a->output : "charts";
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    int rc, written = 0;

    opts.form = a->form;
    set.svg_outlines = a->svg_outlines;
    rc = sb_decl_check(&d, a->operands[0], &opts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    if (rc == SB_OK)
        rc = sb_chartset_write(d, outdir, fonts, &set, &written, &err);
    if (rc == SB_OK) {
        long n;
        const struct sb_finding *f = sb_findings_sorted(d->findings, &n);

        for (long i = 0; i < n; i++) {
            if (strncmp(f[i].code, "chart.", 6) == 0)
                fprintf(stderr, "shenbao: %s: %s\n",
                        f[i].sev == SB_SEV_INFO ? "info" : "warning",
                        f[i].message);
        }
        printf("%d charts written to %s\n", written, outdir);
    }
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return rc != SB_OK ? sb_cli_failed(&err) : SB_EXIT_CLEAN;
}
