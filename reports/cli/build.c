/* build.c: check, then every output of a declaration (see build.h). */
#include "cli/build.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chartset.h"
#include "chart/deck.h"
#include "typeset/fonts.h"
#include "base/outfile.h"
#include "base/progress.h"
#include "base/outset.h"
#include "cli/batch.h"
#include "html/html.h"
#include "report/report.h"
#include "volume/volume.h"
#include "xlsx/xlsx.h"

/* Where a build writes (the staging directory of the output set) and
 * what it lists (the paths the files will have once it is swapped in). */
struct dest {
    const char *dir;   /* written into */
    const char *shown; /* listed as */
    FILE *list;        /* may be NULL */
};

/* List path, written under dest->dir, as it will be under dest->shown,
 * followed by note (may be ""), on a line of its own beside the
 * progress line. */
static void list_path(const struct dest *o, const char *path,
                      const char *note)
{
    size_t n = strlen(o->dir);

    if (o->list == NULL)
        return;
    if (strncmp(path, o->dir, n) == 0)
        sb_progress_printf(o->list, "%s%s%s\n", o->shown, path + n, note);
    else
        sb_progress_printf(o->list, "%s%s\n", path, note);
}

/* The findings fs of the declaration in root, or those of batch b, as
 * name. */
static int write_findings(struct sb_findings *fs, struct sb_batch *b,
                          const char *root, const struct dest *to,
                          const char *name, enum sb_findings_format fmt,
                          struct sb_error *err)
{
    char *path = sb_xasprintf("%s/%s", to->dir, name);
    struct sb_outfile o;
    int rc = sb_outfile_open(&o, path, err);

    if (rc == SB_OK) {
        if (b != NULL)
            rc = sb_batch_write_findings(b, o.fp, fmt, 0, 0);
        else if (fmt == SB_FMT_TEXT)
            rc = sb_findings_write_text(fs, o.fp, 0, 0, root);
        else if (fmt == SB_FMT_JSON)
            rc = sb_findings_write_json(fs, o.fp, root);
        else
            rc = sb_findings_write_junit(fs, o.fp, root);
        if (rc != SB_OK) {
            sb_outfile_abort(&o);
            rc = sb_error_set(err, rc, NULL, "cannot write %s", path);
        } else {
            rc = sb_outfile_commit(&o, err);
        }
    }
    if (rc == SB_OK)
        list_path(to, path, "");
    free(path);
    return rc;
}

/* check.txt, check.json, check.junit.xml; the first error. */
static int write_all_findings(struct sb_findings *fs, struct sb_batch *b,
                              const char *root, const struct dest *o,
                              struct sb_error *err)
{
    static const char *const names[] = {"check.txt", "check.json",
                                        "check.junit.xml"};
    static const enum sb_findings_format fmts[] = {SB_FMT_TEXT, SB_FMT_JSON,
                                                   SB_FMT_JUNIT};
    struct sb_error e = {0};
    int first = SB_OK;

    for (int i = 0; i < 3; i++) {
        int rc = write_findings(fs, b, root, o, names[i], fmts[i], &e);

        sb_error_keep_first(rc, &e, &first, err);
    }
    return first;
}

/* The chart set and the deck drawn from it, on a thread of its own: it is the longest output, and
 * it shares nothing with the XLSX and the volumes but the checked
 * declaration, which every output only reads (findings are added under
 * the list's lock). Its own faces: a Pango font map is not shared
 * between threads. */
struct chart_job {
    struct sb_decl *d;
    char *dir, *deck;
    const char *fonts_dir;
    int n, slides, rc;
    struct sb_error e;
};

static void *chart_job_run(void *arg)
{
    struct chart_job *j = arg;
    struct sb_fonts *fonts = NULL;

    j->rc = sb_fonts_new(&fonts, j->fonts_dir, &j->e);
    if (j->rc == SB_OK)
        j->rc = sb_chartset_write(j->d, j->dir, fonts, NULL, &j->n, &j->e);
    if (j->rc == SB_OK && j->n > 0)
        j->rc = sb_deck_write(j->d, j->deck, fonts, NULL, &j->slides,
                              &j->e);
    sb_fonts_free(fonts);
    return NULL;
}

/* Every output of the checked declaration d into o->dir. Returns the
 * first run error, SB_OK when there was none. */
static int build_into(struct sb_decl *d, const struct dest *o,
                      const struct sb_build_opts *opts, struct sb_error *err)
{
    struct sb_fonts *fonts = NULL;
    struct sb_error e = {0};
    struct sb_volume_list vols = {0};
    struct chart_job cj = {0};
    pthread_t chart_thread;
    int rc, first = SB_OK, threaded = 0;

    if (d->form->n_charts > 0) {
        cj.d = d;
        cj.dir = sb_xasprintf("%s/charts", o->dir);
        cj.deck = sb_xasprintf("%s/deck.pdf", o->dir);
        cj.fonts_dir = opts->fonts_dir;
        threaded = pthread_create(&chart_thread, NULL, chart_job_run, &cj) == 0;
    }
    rc = sb_fonts_new(&fonts, opts->fonts_dir, &e);
    sb_error_keep_first(rc, &e, &first, err);
    {
        char *xlsx = sb_xasprintf("%s/annexes.xlsx", o->dir);
        struct sb_xlsx_opts xo = {0};

        xo.mask = opts->mask;
        rc = sb_xlsx_write(d, xlsx, &xo, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK)
            list_path(o, xlsx, "");
        free(xlsx);
    }
    if (fonts != NULL) {
        /* the annex volumes, before the 申报书: its contents list vols
         * (notice 002 说明 4) */
        struct sb_volume_opts vo = {opts->mask, opts->electronic,
                                    (int)opts->electronic_pages};
        char *annex = sb_xasprintf("%s/annex", o->dir);

        rc = sb_volumes_write(d, annex, NULL, &vo, fonts, &vols, &e);
        sb_error_keep_first(rc, &e, &first, err);
        for (int i = 0; i < vols.n; i++) {
            char note[32];

            snprintf(note, sizeof note, " (%d pages)", vols.v[i].pages);
            list_path(o, vols.v[i].path, note);
        }
        free(annex);
    }
    if (fonts != NULL && sb_report_has_template(d)) {
        char *pdf = sb_xasprintf("%s/declaration.pdf", o->dir);

        rc = sb_report_write(d, pdf, fonts, d->findings, &vols, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK)
            list_path(o, pdf, " (申报书)");
        free(pdf);
    }
    if (cj.dir != NULL) {
        if (threaded)
            pthread_join(chart_thread, NULL);
        else
            chart_job_run(&cj);
        sb_error_keep_first(cj.rc, &cj.e, &first, err);
        if (cj.n > 0) {
            char note[64];

            snprintf(note, sizeof note,
                     "/ (%d charts: PNG, PNG@2x, SVG, PDF, CSV)", cj.n);
            list_path(o, cj.dir, note);
        }
        if (cj.slides > 0) {
            char note[64];

            snprintf(note, sizeof note, " (%d slides, 答辩)", cj.slides);
            list_path(o, cj.deck, note);
        }
        free(cj.dir);
        free(cj.deck);
    }
    /* The findings last: they include what the outputs found. */
    rc = write_all_findings(d->findings, NULL, d->dir, o, &e);
    sb_error_keep_first(rc, &e, &first, err);
    {
        char *html = sb_xasprintf("%s/check.html", o->dir);

        rc = sb_html_write(d, html, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK)
            list_path(o, html, "");
        free(html);
    }
    sb_volume_list_free(&vols);
    sb_fonts_free(fonts);
    return first;
}

/* A recommender's batch (build.h): the declarations checked as a
 * batch (batch.h), the 推荐信息汇总表 as XLSX and PDF, the overview and
 * the findings, into o->dir. */
static int build_batch(const char *dir, char **decls, int n,
                       const struct dest *o, const struct sb_build_opts *opts,
                       long *errors, struct sb_error *err)
{
    struct sb_batch *b = NULL;
    char *summary = sb_batch_summary_in(dir);
    char *xlsx = sb_xasprintf("%s/推荐信息汇总表.xlsx", o->dir);
    char *pdf = sb_xasprintf("%s/推荐信息汇总表.pdf", o->dir);
    char *overview = sb_xasprintf("%s/申报书概览.pdf", o->dir);
    struct sb_check_opts copts = opts->check;
    int rc;

    copts.progress = 0;
    rc = sb_batch_run(&b, decls, n, summary, dir, &copts, err);
    if (rc == SB_OK)
        rc = sb_batch_write(b, xlsx, pdf, overview, opts->fonts_dir, err);
    if (rc == SB_OK) {
        list_path(o, xlsx, " (推荐信息汇总表)");
        list_path(o, pdf, " (推荐信息汇总表)");
        list_path(o, overview, " (申报书概览)");
    }
    if (rc == SB_OK)
        rc = write_all_findings(NULL, b, dir, o, err);
    if (b != NULL)
        *errors = sb_batch_errors(b);
    sb_batch_free(b);
    free(summary);
    free(xlsx);
    free(pdf);
    free(overview);
    return rc;
}

int sb_build(const char *dir, const char *out,
             const struct sb_build_opts *opts, FILE *list, long *errors,
             struct sb_error *err)
{
    struct sb_decl *d = NULL;
    struct sb_outset set;
    struct dest o;
    char **decls;
    long n_err = 0;
    int rc, n = sb_batch_dirs(dir, opts->check.follow_symlinks, &decls);

    if (n == 0)
        rc = sb_decl_check(&d, dir, &opts->check, err);
    else
        rc = SB_OK;
    if (rc != SB_OK)
        return rc;
    rc = sb_outset_begin(&set, out, "check.json", err);
    if (rc == SB_OK) {
        o.dir = set.staging;
        o.shown = out;
        o.list = list;
        rc = n > 0 ? build_batch(dir, decls, n, &o, opts, &n_err, err)
                   : build_into(d, &o, opts, err);
        if (rc == SB_OK)
            rc = sb_outset_commit(&set, err);
        else
            sb_outset_abort(&set);
    }
    if (errors != NULL)
        *errors = n > 0 ? n_err : sb_findings_count(d->findings, SB_SEV_ERROR);
    for (int i = 0; i < n; i++)
        free(decls[i]);
    free(decls);
    sb_decl_free(d);
    return rc;
}
