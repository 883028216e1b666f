/* cmd_charts.c: shenbao charts DIR, the chart set of a declaration (see
 * cmd.h). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "chart/chartset.h"
#include "check/decl.h"
#include "typeset/fonts.h"

/* --theme, --size and --lang into set and *lang. Returns 1, or 0 after
 * a usage error. */
static int chart_opts(const struct sb_args *a, struct sb_chartset_opts *set,
                      enum sb_lang *lang)
{
    if (!sb_cli_lang(a, lang))
        return 0;
    set->target = SB_CHART_DEFENSE;
    set->width_px = 1920;
    set->height_px = 1080;
    set->svg_outlines = a->svg_outlines;
    if (a->theme != NULL && strcmp(a->theme, "document") == 0)
        set->target = SB_CHART_SLIDE;
    else if (a->theme != NULL && strcmp(a->theme, "defense") != 0)
        return !sb_cli_usage(a->cmd, "--theme: defense or document, not "
                                     "\"%s\"", a->theme);
    if (a->size != NULL) {
        char *x, *end;
        long w = strtol(a->size, &x, 10), h = 0;

        if (x != a->size && *x == 'x')
            h = strtol(x + 1, &end, 10);
        if (h == 0 || *end != '\0' || w < 320 || h < 180 || w > 7680 ||
            h > 4320)
            return !sb_cli_usage(a->cmd, "--size: WIDTHxHEIGHT in pixels, "
                                         "320x180 to 7680x4320, not \"%s\"",
                                 a->size);
        set->width_px = (int)w;
        set->height_px = (int)h;
    }
    return 1;
}

int sb_cmd_charts(const struct sb_args *a)
{
    struct sb_check_opts opts = {0};
    struct sb_chartset_opts set = {0};
    struct sb_glossary *g = NULL;
    enum sb_lang lang;
    const char *outdir = a->output != NULL ? a->output : "charts";
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    int rc, written = 0;

    if (!chart_opts(a, &set, &lang))
        return SB_EXIT_FAILED;
    sb_cli_check_opts(a, &opts);
    rc = sb_decl_check(&d, a->operands[0], &opts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    if (rc == SB_OK)
        rc = sb_glossary_open(&g, d->form, lang, &err);
    set.glossary = g;
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
        sb_cli_untranslated(g);
        printf("%d charts written to %s\n", written, outdir);
    }
    sb_glossary_free(g);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return rc != SB_OK ? sb_cli_failed(&err) : SB_EXIT_CLEAN;
}
