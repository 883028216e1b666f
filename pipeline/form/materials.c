/* materials.c: read a form edition's materials.csv (see materials.h). */
#include "form/materials.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form/form.h"
#include "read/table.h"

static char **split_words(const char *s)
{
    char **v = sb_xcalloc(strlen(s) + 2, sizeof *v);
    int n = 0;
    const char *item;
    size_t k;

    while (sb_list_next(&s, &item, &k))
        if (k > 0)
            v[n++] = sb_xstrndup(item, k);
    return v;
}

static int load_row(struct sb_materials *m, const struct sb_table *t, long r,
                    const int *c, struct sb_error *err)
{
    struct sb_material *x = &m->v[m->n];
    const char *num = sb_table_get(t, r, c[0]);
    const char *req = sb_table_get(t, r, c[2]);
    char *end;
    long n;

    errno = 0;
    n = strtol(num, &end, 10);
    if (errno != 0 || *end != '\0' || n <= 0 || n > 999)
        return sb_table_bad(t, r, c[0], "expected an annex number", num, err);
    if (strcmp(req, "0") != 0 && strcmp(req, "1") != 0 && req[0] != '\0')
        return sb_table_bad(t, r, c[2], "expected 0 or 1", req, err);
    x->number = (int)n;
    x->title = sb_xstrdup(sb_table_get(t, r, c[1]));
    x->required = req[0] == '1';
    x->keywords = split_words(sb_table_get(t, r, c[3]));
    x->line = t->rows[r];
    m->n++;
    return SB_OK;
}

int sb_materials_load(struct sb_materials **out, const struct sb_form *f,
                      struct sb_error *err)
{
    static const char *const names[] = {"number", "title", "required",
                                        "keywords"};
    struct sb_materials *m = sb_xcalloc(1, sizeof *m);
    struct sb_table *t = NULL;
    char *path = sb_xasprintf("%s/materials.csv", f->dir);
    int c[4], rc;

    *out = NULL;
    if (access(path, F_OK) != 0) {
        free(path);
        *out = m;
        return SB_OK;
    }
    m->path = path;
    rc = sb_table_read_cols(&t, path, names, 4, 4, c, err);
    if (rc == SB_OK)
        m->v = sb_xcalloc((size_t)t->n_rows + 1, sizeof *m->v);
    for (long r = 0; rc == SB_OK && r < t->n_rows; r++)
        rc = load_row(m, t, r, c, err);
    sb_table_free(t);
    if (rc != SB_OK) {
        sb_materials_free(m);
        return rc;
    }
    *out = m;
    return SB_OK;
}

void sb_materials_free(struct sb_materials *m)
{
    if (m == NULL)
        return;
    for (int i = 0; i < m->n; i++) {
        free(m->v[i].title);
        for (char **k = m->v[i].keywords; *k != NULL; k++)
            free(*k);
        free(m->v[i].keywords);
    }
    free(m->v);
    free(m->path);
    free(m);
}

const struct sb_material *sb_materials_file(const struct sb_materials *m,
                                            const char *title, int annex)
{
    const struct sb_material *all = NULL;

    for (int i = 0; m != NULL && i < m->n; i++) {
        const struct sb_material *x = &m->v[i];

        if (annex > 0) {
            if (x->number == annex)
                return x;
            continue;
        }
        if (x->keywords[0] == NULL && all == NULL)
            all = x;
        for (char **k = x->keywords; *k != NULL; k++)
            if (strstr(title, *k) != NULL)
                return x;
    }
    return annex > 0 ? NULL : all;
}
