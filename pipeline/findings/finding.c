/* finding.c: the findings list (see finding.h). */
#include "findings/finding.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Per (code, file) counter, to cap what is stored. */
struct kind {
    char *code;
    char *path;
    long added;
    long stored;
    long omitted[3]; /* added but not stored, by severity */
};

struct check {
    char *code;
    char *name;
    char *source;
    int skipped; /* sb_findings_skip_check */
};

struct sb_findings {
    pthread_mutex_t lock;
    long max_per_kind;
    struct sb_finding *items; /* stored findings, strings owned */
    long n, cap;
    struct kind *kinds;
    long n_kinds, cap_kinds;
    struct check *checks;
    long n_checks, cap_checks;
    long count[3];    /* added, less accepted, by severity */
    long accepted[3]; /* accepted, by severity */
    int sorted;
    char *edition, *edition_title; /* what the declaration was read as */
};

struct sb_findings *sb_findings_new(long max_per_kind)
{
    struct sb_findings *fs = sb_xcalloc(1, sizeof *fs);

    pthread_mutex_init(&fs->lock, NULL);
    fs->max_per_kind = max_per_kind;
    return fs;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? sb_xstrdup(s) : NULL;
}

static int same(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

static struct kind *find_kind(struct sb_findings *fs, const char *code,
                              const char *path)
{
    for (long i = 0; i < fs->n_kinds; i++) {
        if (same(fs->kinds[i].code, code) && same(fs->kinds[i].path, path))
            return &fs->kinds[i];
    }
    return NULL;
}

/* The kind of (code, path), made if new; under the lock. */
static struct kind *get_kind(struct sb_findings *fs, const char *code,
                             const char *path)
{
    struct kind *k = find_kind(fs, code, path);

    if (k == NULL) {
        if (fs->n_kinds == fs->cap_kinds) {
            fs->cap_kinds = fs->cap_kinds ? fs->cap_kinds * 2 : 16;
            fs->kinds = sb_xrealloc(fs->kinds,
                                    (size_t)fs->cap_kinds * sizeof *k);
        }
        k = &fs->kinds[fs->n_kinds++];
        memset(k, 0, sizeof *k);
        k->code = dup_or_null(code);
        k->path = dup_or_null(path);
    }
    return k;
}

void sb_findings_add(struct sb_findings *fs, const struct sb_finding *f)
{
    struct kind *k;
    struct sb_finding *g;

    pthread_mutex_lock(&fs->lock);
    if (f->accepted != NULL)
        fs->accepted[f->sev]++;
    else
        fs->count[f->sev]++;
    k = get_kind(fs, f->code, f->pos.path);
    k->added++;
    if (fs->max_per_kind > 0 && k->stored >= fs->max_per_kind) {
        k->omitted[f->sev]++;
        pthread_mutex_unlock(&fs->lock);
        return;
    }
    k->stored++;
    if (fs->n == fs->cap) {
        fs->cap = fs->cap ? fs->cap * 2 : 64;
        fs->items = sb_xrealloc(fs->items, (size_t)fs->cap * sizeof *g);
    }
    g = &fs->items[fs->n];
    fs->n++;
    *g = *f;
    g->pos.path = dup_or_null(f->pos.path);
    g->code = dup_or_null(f->code);
    g->annex = dup_or_null(f->annex);
    g->column = dup_or_null(f->column);
    g->key = dup_or_null(f->key);
    g->expected = dup_or_null(f->expected);
    g->found = dup_or_null(f->found);
    g->message = dup_or_null(f->message);
    g->source = dup_or_null(f->source);
    g->accepted = dup_or_null(f->accepted);
    g->accepted_by = dup_or_null(f->accepted_by);
    fs->sorted = 0;
    pthread_mutex_unlock(&fs->lock);
}

void sb_findings_add_omitted(struct sb_findings *fs,
                             const struct sb_finding *f, long n)
{
    struct kind *k;

    pthread_mutex_lock(&fs->lock);
    fs->count[f->sev] += n;
    k = get_kind(fs, f->code, f->pos.path);
    k->added += n;
    k->omitted[f->sev] += n;
    pthread_mutex_unlock(&fs->lock);
}

long sb_findings_cap(const struct sb_findings *fs)
{
    return fs->max_per_kind;
}

void sb_findings_merge(struct sb_findings *dst, struct sb_findings *src,
                       long row_off, long line_off)
{
    for (long i = 0; i < src->n; i++) {
        struct sb_finding f = src->items[i];

        if (f.pos.row > 0)
            f.pos.row += row_off;
        if (f.pos.line > 0)
            f.pos.line += line_off;
        sb_findings_add(dst, &f);
    }
    pthread_mutex_lock(&dst->lock);
    for (long i = 0; i < src->n_kinds; i++) {
        const struct kind *s = &src->kinds[i];
        struct kind *k;

        if (s->added == s->stored)
            continue;
        k = get_kind(dst, s->code, s->path);
        k->added += s->added - s->stored;
        for (int v = 0; v < 3; v++) {
            k->omitted[v] += s->omitted[v];
            dst->count[v] += s->omitted[v];
        }
    }
    pthread_mutex_unlock(&dst->lock);
}

void sb_findings_addf(struct sb_findings *fs, const struct sb_finding *f,
                      const char *fmt, ...)
{
    struct sb_finding g = *f;
    struct sb_buf b = {0};
    va_list ap;

    va_start(ap, fmt);
    sb_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    g.message = b.data;
    sb_findings_add(fs, &g);
    sb_buf_free(&b);
}

void sb_findings_note_check(struct sb_findings *fs, const char *code,
                            const char *name, const char *source)
{
    pthread_mutex_lock(&fs->lock);
    for (long i = 0; i < fs->n_checks; i++) {
        if (strcmp(fs->checks[i].code, code) == 0) {
            pthread_mutex_unlock(&fs->lock);
            return;
        }
    }
    if (fs->n_checks == fs->cap_checks) {
        fs->cap_checks = fs->cap_checks ? fs->cap_checks * 2 : 32;
        fs->checks = sb_xrealloc(fs->checks, (size_t)fs->cap_checks *
                                                 sizeof *fs->checks);
    }
    fs->checks[fs->n_checks].code = sb_xstrdup(code);
    fs->checks[fs->n_checks].name = sb_xstrdup(name != NULL ? name : code);
    fs->checks[fs->n_checks].source = dup_or_null(source);
    fs->checks[fs->n_checks].skipped = 0;
    fs->n_checks++;
    pthread_mutex_unlock(&fs->lock);
}

void sb_findings_skip_check(struct sb_findings *fs, const char *code)
{
    pthread_mutex_lock(&fs->lock);
    for (long i = 0; i < fs->n_checks; i++) {
        if (strcmp(fs->checks[i].code, code) == 0)
            fs->checks[i].skipped = 1;
    }
    pthread_mutex_unlock(&fs->lock);
}

int sb_findings_check_skipped(const struct sb_findings *fs, long i)
{
    return i >= 0 && i < fs->n_checks && fs->checks[i].skipped;
}

long sb_findings_count(const struct sb_findings *fs, enum sb_severity sev)
{
    return fs->count[sev];
}

void sb_findings_accept(struct sb_findings *fs, long i, const char *reason,
                        const char *by)
{
    struct sb_finding *g;

    pthread_mutex_lock(&fs->lock);
    if (i >= 0 && i < fs->n && fs->items[i].accepted == NULL) {
        g = &fs->items[i];
        g->accepted = sb_xstrdup(reason != NULL ? reason : "");
        g->accepted_by = sb_xstrdup(by != NULL ? by : "");
        fs->count[g->sev]--;
        fs->accepted[g->sev]++;
    }
    pthread_mutex_unlock(&fs->lock);
}

long sb_findings_accepted(const struct sb_findings *fs,
                          enum sb_severity sev)
{
    return fs->accepted[sev];
}

long sb_findings_omitted(const struct sb_findings *fs, const char *code,
                         const char *path)
{
    for (long i = 0; i < fs->n_kinds; i++) {
        const struct kind *k = &fs->kinds[i];

        if (same(k->code, code) && same(k->path, path))
            return k->added - k->stored;
    }
    return 0;
}

static int cmp_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static struct sb_findings *sort_ctx;

static int cmp_finding(const void *pa, const void *pb)
{
    long ia = *(const long *)pa, ib = *(const long *)pb;
    const struct sb_finding *a = &sort_ctx->items[ia];
    const struct sb_finding *b = &sort_ctx->items[ib];
    int c;

    if (a->sev != b->sev)
        return a->sev < b->sev ? -1 : 1;
    c = cmp_str(a->pos.path, b->pos.path);
    if (c != 0)
        return c;
    if (a->pos.row != b->pos.row)
        return a->pos.row < b->pos.row ? -1 : 1;
    if (a->pos.col != b->pos.col)
        return a->pos.col < b->pos.col ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

const struct sb_finding *sb_findings_sorted(struct sb_findings *fs, long *n)
{
    static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

    pthread_mutex_lock(&fs->lock);
    if (!fs->sorted && fs->n > 0) {
        long *order = sb_xmalloc((size_t)fs->n * sizeof *order);
        struct sb_finding *tmp;

        for (long i = 0; i < fs->n; i++)
            order[i] = i;
        pthread_mutex_lock(&sort_lock);
        sort_ctx = fs;
        qsort(order, (size_t)fs->n, sizeof *order, cmp_finding);
        sort_ctx = NULL;
        pthread_mutex_unlock(&sort_lock);
        tmp = sb_xmalloc((size_t)fs->n * sizeof *tmp);
        for (long i = 0; i < fs->n; i++)
            tmp[i] = fs->items[order[i]];
        memcpy(fs->items, tmp, (size_t)fs->n * sizeof *tmp);
        free(tmp);
        free(order);
        fs->sorted = 1;
    }
    *n = fs->n;
    pthread_mutex_unlock(&fs->lock);
    return fs->items;
}

long sb_findings_checks(const struct sb_findings *fs, long i,
                        const char **code, const char **name,
                        const char **source)
{
    if (i < 0 || i >= fs->n_checks)
        return fs->n_checks;
    *code = fs->checks[i].code;
    *name = fs->checks[i].name;
    *source = fs->checks[i].source;
    return fs->n_checks;
}

void sb_findings_set_edition(struct sb_findings *fs, const char *code,
                             const char *title)
{
    free(fs->edition);
    free(fs->edition_title);
    fs->edition = dup_or_null(code);
    fs->edition_title = dup_or_null(title);
}

const char *sb_findings_edition(const struct sb_findings *fs,
                                const char **title)
{
    if (title != NULL)
        *title = fs->edition_title;
    return fs->edition;
}

void sb_findings_free(struct sb_findings *fs)
{
    if (fs == NULL)
        return;
    free(fs->edition);
    free(fs->edition_title);
    for (long i = 0; i < fs->n; i++) {
        struct sb_finding *g = &fs->items[i];

        free((char *)g->pos.path);
        free((char *)g->code);
        free((char *)g->annex);
        free((char *)g->column);
        free((char *)g->key);
        free((char *)g->expected);
        free((char *)g->found);
        free((char *)g->message);
        free((char *)g->source);
        free((char *)g->accepted);
        free((char *)g->accepted_by);
    }
    for (long i = 0; i < fs->n_kinds; i++) {
        free(fs->kinds[i].code);
        free(fs->kinds[i].path);
    }
    for (long i = 0; i < fs->n_checks; i++) {
        free(fs->checks[i].code);
        free(fs->checks[i].name);
        free(fs->checks[i].source);
    }
    free(fs->kinds);
    free(fs->checks);
    free(fs->items);
    pthread_mutex_destroy(&fs->lock);
    free(fs);
}
