/* build.c: check, then every output of a declaration (see build.h). */
#include "cli/build.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chartset.h"
#include "typeset/fonts.h"
#include "base/outfile.h"
#include "report/report.h"
#include "volume/volume.h"
#include "xlsx/xlsx.h"

enum format { TEXT, JSON, JUNIT };

static int write_findings(struct sb_decl *d, const char *out,
                          const char *name, enum format fmt, FILE *list,
                          struct sb_error *err)
{
    char *path = sb_xasprintf("%s/%s", out, name);
    struct sb_outfile o;
    int rc = sb_outfile_open(&o, path, err);

    if (rc == SB_OK) {
        if (fmt == TEXT)
            rc = sb_findings_write_text(d->findings, o.fp, 0, 0);
        else if (fmt == JSON)
            rc = sb_findings_write_json(d->findings, o.fp, d->dir);
        else
            rc = sb_findings_write_junit(d->findings, o.fp, d->dir);
        if (rc != SB_OK) {
            sb_outfile_abort(&o);
            rc = sb_error_set(err, rc, NULL, "cannot write %s", path);
        } else {
            rc = sb_outfile_commit(&o, err);
        }
    }
    if (rc == SB_OK && list != NULL)
        fprintf(list, "%s\n", path);
    free(path);
    return rc;
}

/* The chart set, on a thread of its own: it is the longest output, and
 * it shares nothing with the XLSX and the volumes but the checked
 * declaration, which every output only reads (findings are added under
 * the list's lock). Its own faces: a Pango font map is not shared
 * between threads. */
struct chart_job {
    struct sb_decl *d;
    char *dir;
    const char *fonts_dir;
    int n, rc;
    struct sb_error e;
};

static void *chart_job_run(void *arg)
{
    struct chart_job *j = arg;
    struct sb_fonts *fonts = NULL;

    j->rc = sb_fonts_new(&fonts, j->fonts_dir, &j->e);
    if (j->rc == SB_OK)
        j->rc = sb_chartset_write(j->d, j->dir, fonts, &j->n, &j->e);
    sb_fonts_free(fonts);
    return NULL;
}

int sb_build(const char *dir, const char *out,
             const struct sb_build_opts *opts, FILE *list, long *errors,
             struct sb_error *err)
{
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error e = {0};
    struct sb_volume_list vols = {0};
    struct chart_job cj = {0};
    pthread_t chart_thread;
    int rc, first = SB_OK, threaded = 0;

    rc = sb_decl_check(&d, dir, &opts->check, err);
    if (rc != SB_OK)
        return rc;
    rc = sb_mkdirs(out, err);
    if (rc != SB_OK) {
        sb_decl_free(d);
        return rc;
    }
    if (d->form->n_charts > 0) {
        cj.d = d;
        cj.dir = sb_xasprintf("%s/charts", out);
        cj.fonts_dir = opts->fonts_dir;
        threaded = pthread_create(&chart_thread, NULL, chart_job_run, &cj) == 0;
    }
    rc = sb_fonts_new(&fonts, opts->fonts_dir, &e);
    sb_error_keep_first(rc, &e, &first, err);
    {
        char *xlsx = sb_xasprintf("%s/annexes.xlsx", out);
        struct sb_xlsx_opts xo = {0};

        xo.mask = opts->mask;
        rc = sb_xlsx_write(d, xlsx, &xo, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK && list != NULL)
            fprintf(list, "%s\n", xlsx);
        free(xlsx);
    }
    if (fonts != NULL) {
        /* the annex volumes, before the 申报书: its contents list vols
         * (notice 002 说明 4) */
        struct sb_volume_opts vo = {opts->mask};
        char *annex = sb_xasprintf("%s/annex", out);

        rc = sb_volumes_write(d, annex, NULL, &vo, fonts, &vols, &e);
        sb_error_keep_first(rc, &e, &first, err);
        for (int i = 0; list != NULL && i < vols.n; i++)
            fprintf(list, "%s (%d pages)\n", vols.v[i].path,
                    vols.v[i].pages);
        free(annex);
    }
    if (fonts != NULL && sb_report_has_template(d)) {
        char *pdf = sb_xasprintf("%s/declaration.pdf", out);

        rc = sb_report_write(d, pdf, fonts, d->findings, &vols, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK && list != NULL)
            fprintf(list, "%s (申报书)\n", pdf);
        free(pdf);
    }
    if (cj.dir != NULL) {
        if (threaded)
            pthread_join(chart_thread, NULL);
        else
            chart_job_run(&cj);
        sb_error_keep_first(cj.rc, &cj.e, &first, err);
        if (list != NULL && cj.n > 0)
            fprintf(list, "%s/ (%d charts: PNG, PNG@2x, SVG, PDF, CSV)\n",
                    cj.dir, cj.n);
        free(cj.dir);
    }
    /* The findings last: they include what the outputs found. */
    rc = write_findings(d, out, "check.txt", TEXT, list, &e);
    sb_error_keep_first(rc, &e, &first, err);
    rc = write_findings(d, out, "check.json", JSON, list, &e);
    sb_error_keep_first(rc, &e, &first, err);
    rc = write_findings(d, out, "check.junit.xml", JUNIT, list, &e);
    sb_error_keep_first(rc, &e, &first, err);
    if (errors != NULL)
        *errors = sb_findings_count(d->findings, SB_SEV_ERROR);
    sb_volume_list_free(&vols);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return first;
}
