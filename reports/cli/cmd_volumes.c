/* cmd_volumes.c: shenbao volumes DIR, the annex lists and the evidence
 * typeset as PDF volumes (see cmd.h). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "check/decl.h"
#include "typeset/fonts.h"
#include "volume/volume.h"

/* Print to stderr the findings the volumes added: evidence files left
 * out, characters no face has, typesetting problems, inputs refused. */
static void print_volume_findings(const struct sb_decl *d)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(d->findings, &n);

    for (long i = 0; i < n; i++)
        if (strncmp(f[i].code, "evidence.", 9) == 0 ||
            strncmp(f[i].code, "input.", 6) == 0 ||
            strncmp(f[i].code, "font.", 5) == 0 ||
            strncmp(f[i].code, "typeset.", 8) == 0)
            fprintf(stderr, "shenbao: %s: %s: %s [%s]\n",
                    f[i].pos.path ? f[i].pos.path : "",
                    f[i].sev == SB_SEV_ERROR     ? "error"
                    : f[i].sev == SB_SEV_WARNING ? "warning"
                                                 : "info",
                    f[i].message, f[i].code);
}

int sb_cmd_volumes(const struct sb_args *a)
{
    struct sb_check_opts copts = {0};
    struct sb_volume_opts vopts = {0};
    struct sb_volume_list vols = {0};
    const char *outdir = a->output != NULL ? a->output : "volumes";
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    long before = 0, after = 0;
    int rc;

    sb_cli_check_opts(a, &copts);
    vopts.mask = a->mask;
    vopts.electronic = a->electronic;
    vopts.electronic_pages = (int)a->electronic_pages;
    rc = sb_decl_check(&d, a->operands[0], &copts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    for (int i = 0; rc == SB_OK && i < a->n_annex; i++)
        if (strcmp(a->annex[i], "evidence") != 0 &&
            sb_form_annex(d->form, a->annex[i]) == NULL) {
            char *hint = sb_form_annex_hint(d->form, a->annex[i], "evidence");

            rc = sb_error_set(&err, SB_EUSAGE, NULL,
                              "--annex %s: no such annex%s", a->annex[i], hint);
            free(hint);
        }
    if (rc == SB_OK) {
        /* the check's own findings are not this command's business */
        before = sb_findings_count(d->findings, SB_SEV_ERROR);
        rc = sb_volumes_write(d, outdir, a->n_annex > 0 ? a->annex[0] : NULL,
                              &vopts, fonts, &vols, &err);
    }
    for (int i = 1; rc == SB_OK && i < a->n_annex; i++)
        rc = sb_volumes_write(d, outdir, a->annex[i], &vopts, fonts, &vols,
                              &err);
    for (int i = 0; i < vols.n; i++)
        printf("%s (%s: %d pages)\n", vols.v[i].path, vols.v[i].title,
               vols.v[i].pages);
    if (d != NULL) {
        print_volume_findings(d);
        after = sb_findings_count(d->findings, SB_SEV_ERROR);
    }
    sb_volume_list_free(&vols);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    if (rc != SB_OK)
        return sb_cli_failed(&err);
    return after > before ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
}
