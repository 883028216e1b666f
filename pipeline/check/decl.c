/* decl.c: check a declaration directory (see decl.h): form.csv, then
 * the annexes on a pool of threads (biggest first; a big file's second
 * half is queued first, so the other thread reads it while this one
 * reads the first half), then the rules. */
#include "check/decl.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "base/bookpath.h"
#include "base/inside.h"
#include "base/progress.h"
#include "base/utf8.h"
#include "check/check.h"
#include "form/expr.h"
#include "read/sheetin.h"
#include "rules/open.h"

/* One annex file to read, in one part or two (sb_annex_open). */
struct job {
    int annex;
    char *path;
    long long size;
    struct sb_agg **aggs;
    int n_aggs;
    volatile long long done[2]; /* bytes read by each part */
    struct sb_annex_job *aj;
    int parts_left;  /* parts not finished yet */
    int part1;       /* state of part 1: P1_* */
};

enum { P1_NONE, P1_QUEUED, P1_RUNNING, P1_CANCELLED };

/* A part of a job waiting for a thread. */
struct item {
    struct job *j;
    int part;
};

/* Items run in queue order; part 1 of a split file goes to the front,
 * so that the other thread takes it next. */
struct pool {
    struct sb_decl *d;
    struct job *jobs;
    int n_jobs;
    struct item *queue; /* 2 * n_jobs + 1 slots; [head, tail) waits */
    int head, tail;
    int opening;        /* files being opened: more items may come */
    int finished;
    int may_split;
    int split_tests;    /* SHENBAO_SPLIT_MIN is set: every part runs */
    pthread_mutex_t lock;
    pthread_cond_t more;
    int rc;
    struct sb_error err;
};

static void fail(struct pool *p, int rc, const struct sb_error *err)
{
    if (rc != SB_OK && p->rc == SB_OK) {
        p->rc = rc;
        p->err = *err;
    }
}

/* A part is over: the thread that ends the last part closes the job.
 * Call under the lock; returns with it held. */
static void part_done(struct pool *p, struct job *j)
{
    if (--j->parts_left > 0)
        return;
    pthread_mutex_unlock(&p->lock);
    {
        struct sb_error err = {0};
        int rc = sb_annex_close(j->aj, &err);

        pthread_mutex_lock(&p->lock);
        fail(p, rc, &err);
    }
    j->aj = NULL;
    p->finished++;
}

static void run_first(struct pool *p, struct job *j)
{
    struct sb_error err = {0};
    int rc, split;

    rc = sb_annex_open(p->d, j->annex, j->path, j->aggs, j->n_aggs, j->done,
                       p->may_split, &j->aj, &err);
    split = rc == SB_OK && sb_annex_parts(j->aj) == 2;
    pthread_mutex_lock(&p->lock);
    fail(p, rc, &err);
    j->parts_left = 1;
    if (split) {
        p->queue[--p->head] = (struct item){j, 1};
        j->part1 = P1_QUEUED;
        j->parts_left = 2;
    }
    p->opening--;
    pthread_cond_broadcast(&p->more);
    pthread_mutex_unlock(&p->lock);
    if (rc == SB_OK) {
        rc = sb_annex_run(j->aj, 0, &err);
        pthread_mutex_lock(&p->lock);
        fail(p, rc, &err);
    } else {
        pthread_mutex_lock(&p->lock);
    }
    if (j->part1 == P1_QUEUED && p->split_tests) {
        /* Tests of the merge: run part 1 here rather than not at all. */
        j->part1 = P1_RUNNING;
        pthread_mutex_unlock(&p->lock);
        sb_annex_run(j->aj, 1, NULL);
        pthread_mutex_lock(&p->lock);
        j->parts_left--;
    } else if (j->part1 == P1_QUEUED) {
        /* No thread was free for part 1: part 0 reads on in order. */
        j->part1 = P1_CANCELLED;
        j->parts_left--;
    }
    part_done(p, j);
    pthread_mutex_unlock(&p->lock);
}

static void *worker(void *arg)
{
    struct pool *p = arg;

    pthread_mutex_lock(&p->lock);
    for (;;) {
        struct item it;

        while (p->head == p->tail && p->opening > 0)
            pthread_cond_wait(&p->more, &p->lock);
        if (p->head == p->tail)
            break;
        it = p->queue[p->head++];
        if (it.part == 0) {
            p->opening++;
            pthread_mutex_unlock(&p->lock);
            run_first(p, it.j);
            pthread_mutex_lock(&p->lock);
            continue;
        }
        if (it.j->part1 != P1_QUEUED)
            continue; /* cancelled, or run by part 0's thread */
        it.j->part1 = P1_RUNNING;
        pthread_mutex_unlock(&p->lock);
        sb_annex_run(it.j->aj, 1, NULL);
        pthread_mutex_lock(&p->lock);
        part_done(p, it.j);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static int by_size(const void *a, const void *b)
{
    const struct job *x = a, *y = b;

    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->annex - y->annex;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_finding(struct sb_decl *d, enum sb_severity sev,
                        const char *code, const char *path,
                        const char *annex, const char *msg)
{
    struct sb_finding f = {0};

    f.code = code;
    f.sev = sev;
    f.pos.path = path;
    f.annex = annex;
    f.message = msg;
    sb_findings_add(d->findings, &f);
}

/* May path, an input of the declaration, be read (base/inside.h)? A
 * refusal is an error finding at path saying why and 0: input.outside,
 * input.link-outside (allowed with --follow-symlinks), input.not-regular
 * (a FIFO would block, a device never ends); a link out that is followed
 * is an info finding. A missing file is the caller's to report: 1. */
static int admit(struct sb_decl *d, const char *path, int links_out)
{
    static const char *const codes[] = {
        [SB_INSIDE_OUTSIDE] = "input.outside",
        [SB_INSIDE_LINK_OUT] = "input.link-outside",
        [SB_INSIDE_NOT_REGULAR] = "input.not-regular",
    };
    int linked;
    enum sb_inside r = sb_inside(d->dir, path, links_out, &linked);

    if (r == SB_INSIDE_OK && linked)
        add_finding(d, SB_SEV_INFO, "input.followed-link", path, NULL,
                    "符号链接指向申报材料目录以外，按 --follow-symlinks 读取");
    if (r == SB_INSIDE_OK || r == SB_INSIDE_MISSING)
        return 1;
    add_finding(d, SB_SEV_ERROR, codes[r], path, NULL, sb_inside_reason(r));
    return 0;
}

/* Names in DIR/sub (annex/, evidence/) that are not valid UTF-8: each a
 * warning (input.name-not-utf8) with its other bytes shown as \xFF, since
 * the volumes and findings can only show it so; the file is still read.
 * In name order, so that the findings are deterministic. */
static void check_names(struct sb_decl *d, const char *sub)
{
    char *dir = sb_xasprintf("%s/%s", d->dir, sub);
    DIR *dp = opendir(dir);
    struct dirent *de;
    char **bad = NULL;
    int n = 0;

    while (dp != NULL && (de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);

        if (sb_utf8_valid_prefix(de->d_name, len) != len) {
            bad = sb_xrealloc(bad, (size_t)(n + 1) * sizeof *bad);
            bad[n++] = sb_xstrdup(de->d_name);
        }
    }
    if (dp != NULL)
        closedir(dp);
    if (n > 0)
        qsort(bad, (size_t)n, sizeof *bad, by_name);
    for (int i = 0; i < n; i++) {
        struct sb_buf path = {0}, name = {0}, msg = {0};

        sb_buf_printf(&path, "%s/", dir);
        sb_utf8_escape(bad[i], strlen(bad[i]), &path);
        sb_utf8_escape(bad[i], strlen(bad[i]), &name);
        sb_buf_printf(&msg, "文件名“%s”不是有效的 UTF-8，无效字节以 \\xFF "
                            "形式显示；请改用 UTF-8 文件名",
                      name.data);
        add_finding(d, SB_SEV_WARNING, "input.name-not-utf8", path.data,
                    NULL, msg.data);
        sb_buf_free(&path);
        sb_buf_free(&name);
        sb_buf_free(&msg);
        free(bad[i]);
    }
    free(bad);
    free(dir);
}

/* An input of annex/ that may be an annex: its path ("FILE#SHEET" for a
 * workbook's sheet) and the annex it is for (-1: none). */
struct cand {
    char *path;
    int annex;
};

static void add_cand(struct cand **c, int *n, char *path, int annex)
{
    *c = sb_xrealloc(*c, (size_t)(*n + 1) * sizeof **c);
    (*c)[*n].path = path;
    (*c)[*n].annex = annex;
    (*n)++;
}

/* The annexes workbook path (file name `name`) holds, by the rules of
 * file names applied to its sheets: each sheet a name of which is an
 * annex's ("附件1 工业设备清单", "devices") is that annex; when no sheet
 * is, and the file's name is an annex's, its first sheet is that annex;
 * when neither, the file is one unknown input. In a workbook holding
 * annexes, a sheet that is none is an annex.unknown-sheet warning (it is
 * not read, but never passed over in silence). */
static void book_cands(struct sb_decl *d, const char *path, const char *name,
                       struct cand **c, int *n)
{
    struct sb_book_sheet *sh = NULL;
    struct sb_error err = {0};
    int n_sh = 0, found = 0;

    if (sb_book_sheets(path, &sh, &n_sh, &err) != SB_OK) {
        add_finding(d, SB_SEV_ERROR, "xlsx.unreadable", path, NULL, err.msg);
        return;
    }
    for (int i = 0; i < n_sh; i++) {
        int a = sb_annex_match(d->form, sh[i].name);

        if (a >= 0) {
            add_cand(c, n, sb_xasprintf("%s#%s", path, sh[i].name), a);
            found++;
        }
    }
    if (found == 0) {
        int a = sb_annex_match(d->form, name);

        add_cand(c, n,
                 a >= 0 ? sb_xasprintf("%s#%s", path, sh[0].name)
                        : sb_xstrdup(path),
                 a);
    }
    for (int i = 0; found > 0 && i < n_sh; i++) {
        if (sb_annex_match(d->form, sh[i].name) < 0) {
            char *sp = sb_xasprintf("%s#%s", path, sh[i].name);

            add_finding(d, SB_SEV_WARNING, "annex.unknown-sheet", sp, NULL,
                        "工作表名无法对应到任何附件清单（应含附件代码、名称或"
                        "“附件N”），未核对");
            free(sp);
        }
    }
    sb_book_sheets_free(sh, n_sh);
}

/* Find the annex files (.csv, .xlsx, .xls) under DIR/annex and make one
 * job per annex. */
static int find_annexes(struct sb_decl *d, struct job **jobs, int *n_jobs,
                        int links_out)
{
    char *dir = sb_xasprintf("%s/annex", d->dir);
    DIR *dp = opendir(dir);
    char **names = NULL;
    int n_names = 0, n_cands = 0;
    struct cand *cands = NULL;
    struct dirent *de;

    *jobs = sb_xcalloc((size_t)d->form->n_annexes + 1, sizeof **jobs);
    *n_jobs = 0;
    while (dp != NULL && (de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);

        if ((len > 4 && strcasecmp(de->d_name + len - 4, ".csv") == 0) ||
            (de->d_name[0] != '~' && de->d_name[0] != '.' &&
             sb_book_kind(de->d_name, NULL, NULL) != SB_BOOK_NONE)) {
            names = sb_xrealloc(names, (size_t)(n_names + 1) * sizeof *names);
            names[n_names++] = sb_xstrdup(de->d_name);
        }
    }
    if (dp != NULL)
        closedir(dp);
    if (n_names > 0)
        qsort(names, (size_t)n_names, sizeof *names, by_name);
    for (int i = 0; i < n_names; i++) {
        char *path = sb_xasprintf("%s/%s", dir, names[i]);

        if (!admit(d, path, links_out)) {
            free(path);
        } else if (sb_book_kind(names[i], NULL, NULL) != SB_BOOK_NONE) {
            book_cands(d, path, names[i], &cands, &n_cands);
            free(path);
        } else {
            add_cand(&cands, &n_cands, path, sb_annex_match(d->form, names[i]));
        }
        free(names[i]);
    }
    free(names);
    for (int i = 0; i < n_cands; i++) {
        char *path = cands[i].path;
        int a = cands[i].annex;
        size_t file_len;
        struct stat st;
        int dup = 0;

        for (int j = 0; j < *n_jobs && a >= 0; j++)
            dup |= (*jobs)[j].annex == a;
        if (a < 0) {
            char *msg = sb_xasprintf(
                "文件名无法对应到任何附件清单（应含附件代码、名称或“附件N”）");

            add_finding(d, SB_SEV_WARNING, "annex.unknown-file", path, NULL,
                        msg);
            free(msg);
            free(path);
        } else if (dup) {
            char *msg = sb_xasprintf("附件%d %s 有多个文件，只核对了第一个",
                                     d->form->annexes[a].number,
                                     d->form->annexes[a].title);

            add_finding(d, SB_SEV_ERROR, "annex.duplicate-file", path, NULL,
                        msg);
            free(msg);
            free(path);
        } else {
            struct job *j = &(*jobs)[(*n_jobs)++];
            char *file;

            sb_book_kind(path, &file_len, NULL);
            file = sb_xstrndup(path, file_len);
            j->annex = a;
            j->path = path;
            j->size = stat(file, &st) == 0 ? (long long)st.st_size : 0;
            free(file);
        }
    }
    free(cands);
    for (int a = 0; a < d->form->n_annexes; a++) {
        const struct sb_annex *an = &d->form->annexes[a];
        int found = 0;

        for (int j = 0; j < *n_jobs; j++)
            found |= (*jobs)[j].annex == a;
        if (!found && an->required) {
            char *msg = sb_xasprintf("缺少附件%d %s（放在 annex/ 目录下，"
                                     "文件名如 %s.csv）",
                                     an->number, an->title, an->code);
            char *label = sb_xasprintf("附件%d %s", an->number, an->title);

            add_finding(d, SB_SEV_ERROR, "annex.missing", dir, label, msg);
            free(msg);
            free(label);
        }
    }
    free(dir);
    return SB_OK;
}

/* The bytes the workers of p have read so far. */
static long long bytes_read(struct pool *p)
{
    long long done = 0;

    for (int i = 0; i < p->n_jobs; i++)
        done += p->jobs[i].done[0] + p->jobs[i].done[1];
    return done;
}

static int run_jobs(struct sb_decl *d, struct job *jobs, int n_jobs,
                    const struct sb_check_opts *opts, struct sb_error *err)
{
    struct pool p = {0};
    int n_threads = opts->threads > 0 ? opts->threads : 2;
    pthread_t *tid;
    long long total = 0, shown = 0;
    struct sb_progress *bar = NULL;

    p.d = d;
    p.jobs = jobs;
    p.n_jobs = n_jobs;
    p.may_split = n_threads >= 2;
    p.split_tests = getenv("SHENBAO_SPLIT_MIN") != NULL;
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.more, NULL);
    qsort(jobs, (size_t)n_jobs, sizeof *jobs, by_size);
    p.queue = sb_xcalloc((size_t)(2 * n_jobs + 1), sizeof *p.queue);
    p.head = n_jobs;
    p.tail = n_jobs;
    for (int i = 0; i < n_jobs; i++)
        p.queue[p.tail++] = (struct item){&jobs[i], 0};
    for (int i = 0; i < n_jobs; i++) {
        total += jobs[i].size;
        for (int k = 0; k < d->form->n_aggs; k++) {
            if (d->form->aggs[k]->annex != jobs[i].annex)
                continue;
            jobs[i].aggs = sb_xrealloc(jobs[i].aggs,
                                       (size_t)(jobs[i].n_aggs + 1) *
                                           sizeof *jobs[i].aggs);
            jobs[i].aggs[jobs[i].n_aggs++] = d->aggs[k];
        }
    }
    /* a big file may give a second thread work */
    if (n_threads > 2 * n_jobs)
        n_threads = n_jobs > 0 ? 2 * n_jobs : 1;
    tid = sb_xcalloc((size_t)n_threads, sizeof *tid);
    for (int i = 0; i < n_threads; i++)
        pthread_create(&tid[i], NULL, worker, &p);
    if (opts->progress)
        bar = sb_progress_begin("核对附件清单", "KB", total / 1024);
    while (bar != NULL) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        long long kb;
        int finished;

        pthread_mutex_lock(&p.lock);
        finished = p.finished;
        pthread_mutex_unlock(&p.lock);
        if (finished >= n_jobs)
            break;
        kb = bytes_read(&p) / 1024;
        sb_progress_step(bar, kb - shown);
        shown = kb;
        nanosleep(&ts, NULL);
    }
    for (int i = 0; i < n_threads; i++)
        pthread_join(tid[i], NULL);
    sb_progress_end(bar);
    free(tid);
    free(p.queue);
    pthread_cond_destroy(&p.more);
    pthread_mutex_destroy(&p.lock);
    if (p.rc != SB_OK && err != NULL)
        *err = p.err;
    return p.rc;
}

/* Which edition to read the declaration as: the one form.csv names in
 * its edition row, else opt (--form), else the default (NULL). The row is
 * the declaration's own word, so it wins over --form; a row naming an
 * edition there is not, or one --form contradicts, is an error finding
 * at the row listing the editions there are, and the check goes on with
 * --form's edition or the default. */
static const char *choose_edition(struct sb_decl *d, const struct sb_table *t,
                                  const char *opt)
{
    struct sb_finding f = {0};
    const char *named = sb_figures_edition(t, &f.pos);
    char *list;

    if (named == NULL || named[0] == '\0')
        return opt;
    if (sb_form_edition_exists(named) && (opt == NULL || strcmp(opt, named) == 0))
        return named;
    list = sb_form_editions_text();
    f.pos.path = d->form_path;
    f.sev = SB_SEV_ERROR;
    f.column = "表单版本";
    f.key = "edition";
    f.found = named;
    f.expected = sb_form_edition_exists(named) ? opt : list;
    if (!sb_form_edition_exists(named)) {
        char *near = sb_form_edition_near(named);

        f.code = "form.edition-unknown";
        sb_findings_addf(d->findings, &f,
                         "没有“%s”这一表单版本；现有：%s%s%s%s。按%s核对", named,
                         list, near != NULL ? "（是否为“" : "",
                         near != NULL ? near : "", near != NULL ? "”？）" : "",
                         opt != NULL ? opt : "默认版本");
        free(near);
        free(list);
        return opt;
    }
    f.code = "form.edition-conflict";
    sb_findings_addf(d->findings, &f,
                     "form.csv 写明表单版本“%s”，--form 指定“%s”：按 form.csv "
                     "的“%s”核对；现有：%s",
                     named, opt, named, list);
    free(list);
    return named;
}

int sb_decl_check(struct sb_decl **out, const char *dir,
                  const struct sb_check_opts *opts, struct sb_error *err)
{
    static const struct sb_check_opts defaults = {0};
    struct sb_decl *d = sb_xcalloc(1, sizeof *d);
    struct sb_table *t = NULL;
    struct job *jobs = NULL;
    int n_jobs = 0, rc;
    const char *edition;
    struct stat st;
    char *md;

    if (opts == NULL)
        opts = &defaults;
    *out = NULL;
    d->dir = sb_xstrdup(dir);
    d->links_out = opts->follow_symlinks;
    d->strict = opts->strict;
    d->findings = sb_findings_new(opts->max_per_kind > 0 ? opts->max_per_kind
                                                         : 1000);
    d->form_path = sb_xasprintf("%s/form.csv", dir);
    if (opts->form != NULL && !sb_form_edition_exists(opts->form)) {
        /* a mistyped --form is refused whatever form.csv says: opening
         * it fails with the editions there are and the closest */
        struct sb_error e = {0};

        rc = sb_form_open(&d->form, opts->form, &e);
        rc = sb_error_set(err, rc != SB_OK ? rc : SB_EUSAGE, NULL,
                          "--form: %s", e.msg);
        goto fail;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        rc = sb_error_set(err, SB_EIO, NULL,
                          "%s: not a declaration directory", dir);
        goto fail;
    }
    if (!admit(d, d->form_path, opts->follow_symlinks)) {
        enum sb_inside r = sb_inside(d->dir, d->form_path,
                                     opts->follow_symlinks, NULL);

        rc = sb_error_set(err, SB_EIO, NULL, "%s: %s", d->form_path,
                          sb_inside_reason(r));
        goto fail;
    }
    rc = sb_table_read(&t, d->form_path, d->findings, err);
    if (rc != SB_OK)
        goto fail;
    edition = choose_edition(d, t, opts->form);
    rc = sb_form_open(&d->form, edition, err);
    if (rc != SB_OK)
        goto fail;
    sb_findings_set_edition(d->findings, sb_form_meta(d->form, "code"),
                            sb_form_meta(d->form, "title"));
    d->figs = sb_xcalloc((size_t)d->form->n_fields + 1, sizeof *d->figs);
    d->annexes = sb_xcalloc((size_t)d->form->n_annexes + 1,
                            sizeof *d->annexes);
    for (int i = 0; i < d->form->n_annexes; i++)
        d->annexes[i].annex = &d->form->annexes[i];
    sb_figures_read(d, t);
    /* positions outlive t: name the file by d's copy of its path */
    for (int i = 0; i < d->form->n_fields; i++)
        if (d->figs[i].pos.path != NULL)
            d->figs[i].pos.path = d->form_path;
    d->aggs = sb_xcalloc((size_t)d->form->n_aggs + 1, sizeof *d->aggs);
    for (int i = 0; i < d->form->n_aggs; i++)
        d->aggs[i] = sb_agg_new(d->form, d->form->aggs[i], d->figs);
    check_names(d, "annex");
    check_names(d, "evidence");
    find_annexes(d, &jobs, &n_jobs, opts->follow_symlinks);
    rc = run_jobs(d, jobs, n_jobs, opts, err);
    if (rc != SB_OK)
        goto fail;
    d->agg_vals = sb_xcalloc((size_t)d->form->n_aggs + 1, sizeof *d->agg_vals);
    for (int i = 0; i < d->form->n_aggs; i++)
        sb_agg_result(d->aggs[i], &d->agg_vals[i]);
    sb_rules_run(d);
    md = sb_xasprintf("%s/declaration.md", dir);
    if (stat(md, &st) == 0 && admit(d, md, opts->follow_symlinks))
        d->markdown = md;
    else
        free(md);
    for (int i = 0; i < n_jobs; i++) {
        free(jobs[i].path);
        free(jobs[i].aggs);
    }
    free(jobs);
    sb_table_free(t);
    if (opts->more != NULL && (rc = opts->more(d, d->findings, err)) != SB_OK) {
        sb_decl_free(d);
        return rc;
    }
    *out = d;
    return SB_OK;
fail:
    for (int i = 0; i < n_jobs; i++) {
        free(jobs[i].path);
        free(jobs[i].aggs);
    }
    free(jobs);
    sb_table_free(t);
    sb_decl_free(d);
    return rc;
}

void sb_decl_free(struct sb_decl *d)
{
    if (d == NULL)
        return;
    for (int i = 0; d->figs != NULL && i < d->form->n_fields; i++)
        free(d->figs[i].raw);
    for (int i = 0; d->annexes != NULL && i < d->form->n_annexes; i++) {
        struct sb_annex_result *r = &d->annexes[i];

        for (int h = 0; h < r->n_headers; h++)
            free(r->headers[h]);
        free(r->headers);
        free(r->path);
        free(r->col_field);
        free(r->col_yuan);
    }
    for (int i = 0; d->aggs != NULL && i < d->form->n_aggs; i++)
        sb_agg_free(d->aggs[i]);
    for (int i = 0; d->results != NULL && i < d->form->n_rules; i++) {
        free(d->results[i].lhs_text);
        free(d->results[i].rhs_text);
    }
    free(d->results);
    free(d->aggs);
    free(d->agg_vals);
    free(d->figs);
    free(d->annexes);
    sb_findings_free(d->findings);
    sb_form_free(d->form);
    free(d->form_path);
    free(d->markdown);
    free(d->dir);
    free(d);
}

const struct sb_figure *sb_decl_figure(const struct sb_decl *d,
                                       const char *code)
{
    int i = sb_form_field_index(d->form, code);

    return i >= 0 ? &d->figs[i] : NULL;
}

const struct sb_figure *sb_decl_role(const struct sb_decl *d,
                                     const char *role)
{
    const char *code = sb_form_meta(d->form, role);
    const struct sb_figure *g = code ? sb_decl_figure(d, code) : NULL;

    return g != NULL && g->state == SB_FIG_OK ? g : NULL;
}

const char *sb_decl_role_text(const struct sb_decl *d, const char *role)
{
    const struct sb_figure *g = sb_decl_role(d, role);

    return g != NULL ? g->raw : NULL;
}

/* Does e read an aggregate of an annex list? */
static int reads_annex(const struct sb_expr *e)
{
    if (e == NULL)
        return 0;
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG)
        return 1;
    return reads_annex(e->a) || reads_annex(e->b);
}

enum sb_list_status sb_decl_list_check(const struct sb_decl *d, int field,
                                       double *value)
{
    static const int rank[] = {
        [SB_RULE_FAIL] = 3, [SB_RULE_PASS] = 2, [SB_RULE_SKIPPED] = 1};
    const struct sb_rule_result *best = NULL;
    const struct sb_expr *e;

    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_rule_result *r = &d->results[i];

        if (r->field == field && r->computed &&
            (best == NULL || rank[r->status] > rank[best->status]))
            best = r;
    }
    if (best == NULL)
        return SB_LIST_NONE;
    if (best->status == SB_RULE_SKIPPED)
        return SB_LIST_UNCHECKED;
    e = best->rule->expr;
    if (value != NULL)
        *value = reads_annex(e->a) ? best->lhs : best->rhs;
    if (best->status == SB_RULE_FAIL)
        return SB_LIST_DIFFERS;
    return e->op == SB_EX_EQ || e->op == SB_EX_APPROX ? SB_LIST_EQUAL
                                                      : SB_LIST_WITHIN;
}

const struct sb_annex_result *sb_decl_annex(const struct sb_decl *d,
                                            const char *code)
{
    for (int i = 0; i < d->form->n_annexes; i++) {
        if (strcmp(d->form->annexes[i].code, code) == 0)
            return &d->annexes[i];
    }
    return NULL;
}

const char *sb_decl_relpath(const struct sb_decl *d, const char *path)
{
    size_t n = strlen(d->dir);

    while (n > 1 && d->dir[n - 1] == '/')
        n--;
    if (strncmp(path, d->dir, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}
