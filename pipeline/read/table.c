/* table.c: small keyed CSV tables read whole (see table.h). */
#include "read/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "read/csvin.h"

static char *trimmed(const char *s, size_t len)
{
    const char *t;
    size_t n = sb_trim(s, len, &t);

    return sb_xstrndup(t, n);
}

int sb_table_read(struct sb_table **out, const char *path,
                  struct sb_findings *findings, struct sb_error *err)
{
    struct sb_findings *own = NULL;
    struct sb_csvin *in = NULL;
    struct sb_table *t;
    struct sb_record *rec;
    long cap = 0;
    int rc;

    *out = NULL;
    if (findings == NULL) {
        own = sb_findings_new(16);
        findings = own;
    }
    rc = sb_csvin_open(&in, path, NULL, findings, err);
    if (rc != SB_OK)
        goto done;
    t = sb_xcalloc(1, sizeof *t);
    t->path = sb_xstrdup(path);
    for (;;) {
        rc = sb_csvin_next(in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        if (t->header == NULL) {
            t->n_cols = rec->n_fields;
            t->header = sb_xcalloc((size_t)t->n_cols, sizeof *t->header);
            for (int i = 0; i < rec->n_fields; i++)
                t->header[i] = trimmed(rec->fields[i], rec->lens[i]);
            continue;
        }
        if (t->n_rows == cap) {
            cap = cap ? cap * 2 : 64;
            t->cells = sb_xrealloc(t->cells, (size_t)cap * sizeof *t->cells);
            t->rows = sb_xrealloc(t->rows, (size_t)cap * sizeof *t->rows);
            t->lines = sb_xrealloc(t->lines, (size_t)cap * sizeof *t->lines);
        }
        t->cells[t->n_rows] =
            sb_xcalloc((size_t)t->n_cols + 1, sizeof **t->cells);
        for (int i = 0; i < t->n_cols; i++)
            t->cells[t->n_rows][i] = i < rec->n_fields
                                         ? trimmed(rec->fields[i], rec->lens[i])
                                         : sb_xstrdup("");
        t->rows[t->n_rows] = rec->row;
        t->lines[t->n_rows] = rec->line;
        t->n_rows++;
    }
    if (rc == SB_OK && own != NULL &&
        sb_findings_count(own, SB_SEV_ERROR) > 0) {
        long n;
        const struct sb_finding *f = sb_findings_sorted(own, &n);
        struct sb_pos pos = {path, f[0].pos.row, f[0].pos.col, f[0].pos.line};

        rc = sb_error_set(err, SB_EFORMAT, &pos, "%s", f[0].message);
    }
    if (rc != SB_OK) {
        sb_table_free(t);
        goto done;
    }
    *out = t;
done:
    sb_csvin_close(in);
    sb_findings_free(own);
    return rc;
}

void sb_table_free(struct sb_table *t)
{
    if (t == NULL)
        return;
    for (long r = 0; r < t->n_rows; r++) {
        for (int i = 0; i < t->n_cols; i++)
            free(t->cells[r][i]);
        free(t->cells[r]);
    }
    for (int i = 0; i < t->n_cols; i++)
        free(t->header[i]);
    free(t->header);
    free(t->cells);
    free(t->rows);
    free(t->lines);
    free(t->path);
    free(t);
}

int sb_table_read_cols(struct sb_table **out, const char *path,
                       const char *const *names, int n, int n_required, int *c,
                       struct sb_error *err)
{
    int rc = sb_table_read(out, path, NULL, err);

    for (int i = 0; rc == SB_OK && i < n; i++) {
        c[i] = sb_table_col(*out, names[i]);
        if (c[i] < 0 && i < n_required) {
            struct sb_pos pos = {path, 1, 0, 1};

            rc = sb_error_set(err, SB_EFORMAT, &pos, "missing column \"%s\"",
                              names[i]);
            sb_table_free(*out);
            *out = NULL;
        }
    }
    return rc;
}

int sb_table_bad(const struct sb_table *t, long r, int col, const char *what,
                 const char *found, struct sb_error *err)
{
    struct sb_pos pos = {0};

    pos.path = t->path;
    pos.row = t->rows[r];
    pos.col = col + 1;
    pos.line = t->lines[r];
    return sb_error_set(err, SB_EFORMAT, &pos, "%s, found \"%s\"", what, found);
}

int sb_table_col(const struct sb_table *t, const char *names)
{
    struct sb_buf want = {0}, have = {0};
    int found = -1;

    const char *p = names, *name;
    size_t n;

    while (found < 0 && sb_list_next(&p, &name, &n)) {
        sb_norm_key(name, n, &want);
        for (int i = 0; i < t->n_cols && found < 0; i++) {
            sb_norm_key(t->header[i], strlen(t->header[i]), &have);
            if (strcmp(want.data, have.data) == 0)
                found = i;
        }
    }
    sb_buf_free(&want);
    sb_buf_free(&have);
    return found;
}

const char *sb_table_get(const struct sb_table *t, long row, int col)
{
    if (col < 0 || col >= t->n_cols || row < 0 || row >= t->n_rows)
        return "";
    return t->cells[row][col];
}
