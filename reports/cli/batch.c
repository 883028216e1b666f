/* batch.c: a department's batch of declarations (see batch.h). */
#include "cli/batch.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/progress.h"
#include "report/overview.h"
#include "report/report.h"
#include "typeset/fonts.h"
#include "xlsx/recommend.h"

struct sb_batch {
    struct sb_decl **decls; /* n, checked, in batch order */
    int n;
    struct sb_findings *own; /* the batch's findings on no declaration */
    struct sb_recommend *r;
    char *name;              /* the batch as findings name it */
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does dir hold a form.csv? */
static int has_form(const char *dir)
{
    struct stat st;
    char *form = sb_xasprintf("%s/form.csv", dir);
    int yes = stat(form, &st) == 0;

    free(form);
    return yes;
}

/* Is path a directory holding a form.csv (a link to one only when
 * links are followed)? */
static int is_declaration(const char *path, int links)
{
    struct stat st;

    return (links ? stat(path, &st) : lstat(path, &st)) == 0 &&
           S_ISDIR(st.st_mode) && has_form(path);
}

/* The names of dir's entries for which keep(path, arg) holds, as paths
 * "dir/name" in name order into *out; returns how many. */
static int entries(const char *dir, int (*keep)(const char *, int), int arg,
                   char ***out)
{
    struct dirent *de;
    DIR *dp = opendir(dir);
    int n = 0;

    *out = NULL;
    while (dp != NULL && (de = readdir(dp)) != NULL) {
        char *path;

        if (de->d_name[0] == '.')
            continue;
        path = sb_xasprintf("%s/%s", dir, de->d_name);
        if (!keep(path, arg)) {
            free(path);
            continue;
        }
        *out = sb_xrealloc(*out, (size_t)(n + 1) * sizeof **out);
        (*out)[n++] = path;
    }
    if (dp != NULL)
        closedir(dp);
    if (n > 0)
        qsort(*out, (size_t)n, sizeof **out, by_name);
    return n;
}

int sb_batch_dirs(const char *dir, int links, char ***out)
{
    *out = NULL;
    return has_form(dir) ? 0 : entries(dir, is_declaration, links, out);
}

/* Is path a 汇总表 file (batch.h)? */
static int is_summary(const char *path, int unused)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(base, '.');
    struct stat st;

    (void)unused;
    return strstr(base, "汇总表") != NULL && base[0] != '~' && dot != NULL &&
           (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".xlsx") == 0 ||
            strcasecmp(dot, ".xls") == 0) &&
           stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *sb_batch_summary_in(const char *dir)
{
    char **files, *first;
    int n = entries(dir, is_summary, 0, &files);

    first = n > 0 ? files[0] : NULL;
    for (int i = 1; i < n; i++)
        free(files[i]);
    free(files);
    return first;
}

/* The declaration whose directory holds path, or -1. */
static int owner(const struct sb_batch *b, const char *path)
{
    for (int i = 0; path != NULL && i < b->n; i++) {
        size_t len = strlen(b->decls[i]->dir);

        if (strncmp(path, b->decls[i]->dir, len) == 0 && path[len] == '/')
            return i;
    }
    return -1;
}

/* Each finding of fs to the declaration it is on, or to b->own. */
static void route(struct sb_batch *b, struct sb_findings *fs)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);

    for (long i = 0; i < n; i++) {
        int at = owner(b, f[i].pos.path);

        sb_findings_add(at >= 0 ? b->decls[at]->findings : b->own, &f[i]);
    }
}

int sb_batch_run(struct sb_batch **out, char *const *dirs, int n,
                 const char *summary, const char *name,
                 const struct sb_check_opts *opts, struct sb_error *err)
{
    struct sb_batch *b = sb_xcalloc(1, sizeof *b);
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_check_opts copts = *opts;
    struct sb_progress *bar = sb_progress_begin("核对申报书", "份", n);
    int rc = SB_OK;

    copts.more = sb_report_check; /* as check: what build fails */
    b->decls = sb_xcalloc((size_t)n + 1, sizeof *b->decls);
    b->own = sb_findings_new(0);
    b->r = sb_recommend_new();
    b->name = sb_xstrdup(name != NULL ? name : "batch");
    for (int i = 0; i < n && rc == SB_OK; i++) {
        rc = sb_decl_check(&b->decls[i], dirs[i], &copts, err);
        if (rc == SB_OK) {
            b->n++;
            rc = sb_recommend_add(b->r, b->decls[i], err);
        }
        sb_progress_step(bar, 1);
    }
    sb_progress_end(bar);
    if (rc == SB_OK)
        sb_recommend_check(b->r, fs);
    if (rc == SB_OK && summary != NULL)
        rc = sb_recommend_reconcile(b->r, summary, fs, err);
    if (rc == SB_OK)
        route(b, fs);
    sb_findings_free(fs);
    if (rc != SB_OK) {
        sb_batch_free(b);
        b = NULL;
    }
    *out = b;
    return rc;
}

int sb_batch_write(struct sb_batch *b, const char *xlsx, const char *pdf,
                   const char *overview, const char *fonts_dir,
                   struct sb_error *err)
{
    struct sb_overview *o = sb_overview_new(NULL);
    struct sb_fonts *fonts = NULL;
    int rc = sb_recommend_write(b->r, xlsx, err);

    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, fonts_dir, err);
    if (rc == SB_OK)
        rc = sb_recommend_write_pdf(b->r, pdf, fonts, b->own, err);
    for (int i = 0; rc == SB_OK && i < b->n; i++)
        rc = sb_overview_add(o, b->decls[i], sb_recommend_name(b->r, i),
                             b->decls[i]->findings, err);
    if (rc == SB_OK) {
        free(o->title);
        o->title = sb_xstrdup(sb_recommend_title(b->r));
        rc = sb_overview_write_pdf(o, overview, fonts, b->own, err);
    }
    sb_overview_free(o);
    sb_fonts_free(fonts);
    return rc;
}

/* How many declarations have no error. */
static int ready(const struct sb_batch *b)
{
    int k = 0;

    for (int i = 0; i < b->n; i++)
        k += sb_findings_count(b->decls[i]->findings, SB_SEV_ERROR) == 0;
    return k;
}

static long count(const struct sb_batch *b, enum sb_severity sev)
{
    long k = sb_findings_count(b->own, sev);

    for (int i = 0; i < b->n; i++)
        k += sb_findings_count(b->decls[i]->findings, sev);
    return k;
}

long sb_batch_errors(const struct sb_batch *b)
{
    return count(b, SB_SEV_ERROR);
}

static int write_text(struct sb_batch *b, FILE *out, long max_print,
                      int color)
{
    int rc = SB_OK;

    for (int i = 0; i < b->n && rc == SB_OK; i++) {
        fprintf(out, "== 申报书 %s\n", b->decls[i]->dir);
        rc = sb_findings_write_text(b->decls[i]->findings, out, max_print,
                                    color, b->decls[i]->dir);
        fputc('\n', out);
    }
    if (rc == SB_OK) {
        fprintf(out, "== 批次 %s\n", b->name);
        rc = sb_findings_write_text(b->own, out, max_print, color, NULL);
    }
    fprintf(out, "\nbatch: %d declarations, %d ready; %ld errors, "
                 "%ld warnings, %ld info\n",
            b->n, ready(b), count(b, SB_SEV_ERROR), count(b, SB_SEV_WARNING),
            count(b, SB_SEV_INFO));
    return rc != SB_OK || ferror(out) ? SB_EIO : SB_OK;
}

static int write_json(struct sb_batch *b, FILE *out)
{
    int rc = SB_OK;

    fputs("{\"declarations\": [\n", out);
    for (int i = 0; i < b->n && rc == SB_OK; i++) {
        if (i > 0)
            fputs(",\n", out);
        rc = sb_findings_write_json(b->decls[i]->findings, out,
                                    b->decls[i]->dir);
    }
    fputs("],\n\"batch\": ", out);
    if (rc == SB_OK)
        rc = sb_findings_write_json(b->own, out, b->name);
    fprintf(out, ",\n\"errors\": %ld, \"warnings\": %ld}\n",
            count(b, SB_SEV_ERROR), count(b, SB_SEV_WARNING));
    return rc != SB_OK || ferror(out) ? SB_EIO : SB_OK;
}

static int write_junit(struct sb_batch *b, FILE *out)
{
    struct sb_findings **fs = sb_xcalloc((size_t)b->n + 1, sizeof *fs);
    const char **titles = sb_xcalloc((size_t)b->n + 1, sizeof *titles);
    int rc;

    for (int i = 0; i < b->n; i++) {
        fs[i] = b->decls[i]->findings;
        titles[i] = b->decls[i]->dir;
    }
    fs[b->n] = b->own;
    titles[b->n] = b->name;
    rc = sb_findings_write_junit_suites(fs, titles, b->n + 1, out);
    free(fs);
    free(titles);
    return rc;
}

int sb_batch_write_findings(struct sb_batch *b, FILE *out,
                            enum sb_findings_format fmt, long max_print,
                            int color)
{
    if (fmt == SB_FMT_JSON)
        return write_json(b, out);
    if (fmt == SB_FMT_JUNIT)
        return write_junit(b, out);
    return write_text(b, out, max_print, color);
}

void sb_batch_free(struct sb_batch *b)
{
    if (b == NULL)
        return;
    for (int i = 0; i < b->n; i++)
        sb_decl_free(b->decls[i]);
    free(b->decls);
    sb_findings_free(b->own);
    sb_recommend_free(b->r);
    free(b->name);
    free(b);
}
