/* cmd_recommend.c: shenbao recommend DIR..., the 推荐信息汇总表 of
 * several declarations and its quota (see cmd.h). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/decl.h"
#include "xlsx/recommend.h"

/* Check each directory quietly and add it to r. */
static int collect(struct sb_recommend *r, char **dirs, int n,
                   const struct sb_check_opts *copts, struct sb_error *err)
{
    int rc = SB_OK;

    for (int i = 0; i < n && rc == SB_OK; i++) {
        struct sb_decl *d = NULL;

        rc = sb_decl_check(&d, dirs[i], copts, err);
        if (rc == SB_OK)
            rc = sb_recommend_add(r, d, err);
        sb_decl_free(d);
    }
    return rc;
}

/* The PDF beside the workbook out: its name with .pdf for .xlsx. */
static char *pdf_path(const char *out)
{
    size_t n = strlen(out);

    if (n > 5 && strcmp(out + n - 5, ".xlsx") == 0)
        n -= 5;
    return sb_xasprintf("%.*s.pdf", (int)n, out);
}

int sb_cmd_recommend(const struct sb_args *a)
{
    struct sb_check_opts copts = {0};
    const char *out = a->output != NULL ? a->output : "recommendations.xlsx";
    char *pdf = pdf_path(out);
    struct sb_recommend *r = sb_recommend_new();
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    int rc, status = SB_EXIT_FAILED;

    sb_cli_check_opts(a, &copts);
    rc = collect(r, a->operands, a->n_operands, &copts, &err);
    if (rc == SB_OK) {
        sb_recommend_check(r, fs);
        rc = sb_recommend_write(r, out, &err);
    }
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    if (rc == SB_OK)
        rc = sb_recommend_write_pdf(r, pdf, fonts, fs, &err);
    if (rc == SB_OK) {
        rc = sb_findings_write_text(fs, stdout, a->max_print, sb_cli_color(a),
                                    NULL);
        if (rc != SB_OK)
            sb_error_set(&err, rc, NULL, "cannot write the findings");
    }
    if (rc == SB_OK)
        status = sb_findings_count(fs, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                         : SB_EXIT_CLEAN;
    else
        sb_cli_failed(&err);
    sb_findings_free(fs);
    sb_fonts_free(fonts);
    sb_recommend_free(r);
    free(pdf);
    return status;
}
