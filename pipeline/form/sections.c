/* sections.c: read a form edition's sections.csv (see sections.h). */
#include "form/sections.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form/form.h"
#include "read/table.h"

/* "5-8" or "3" into *lo, *hi; "" leaves them 0. Returns 0 when bad. */
static int parse_range(const char *s, int *lo, int *hi)
{
    char *end;
    long a, b;

    if (s[0] == '\0')
        return 1;
    errno = 0;
    a = strtol(s, &end, 10);
    b = a;
    if (*end == '-')
        b = strtol(end + 1, &end, 10);
    if (errno != 0 || *end != '\0' || a <= 0 || b < a || b > 1000)
        return 0;
    *lo = (int)a;
    *hi = (int)b;
    return 1;
}

static int load_row(struct sb_sections *s, const struct sb_table *t, long r,
                    const int *c, struct sb_error *err)
{
    struct sb_section *sec = &s->v[s->n];
    const char *req = sb_table_get(t, r, c[2]);
    const char *lim = sb_table_get(t, r, c[3]);
    char *end;

    if (sb_table_get(t, r, c[0])[0] == '\0')
        return sb_table_bad(t, r, c[0], "expected a key", "", err);
    if (sb_sections_find(s, sb_table_get(t, r, c[0])) >= 0)
        return sb_table_bad(t, r, c[0], "duplicate key",
                            sb_table_get(t, r, c[0]), err);
    if (strcmp(req, "0") != 0 && strcmp(req, "1") != 0 && req[0] != '\0')
        return sb_table_bad(t, r, c[2], "expected 0 or 1", req, err);
    memset(sec, 0, sizeof *sec);
    if (lim[0] != '\0') {
        errno = 0;
        sec->limit = strtol(lim, &end, 10);
        if (errno != 0 || *end != '\0' || sec->limit <= 0)
            return sb_table_bad(t, r, c[3], "expected a positive number of 字",
                                lim, err);
    }
    sec->key = sb_xstrdup(sb_table_get(t, r, c[0]));
    sec->heading = sb_xstrdup(sb_table_get(t, r, c[1]));
    sec->required = req[0] == '1';
    sec->source = sb_xstrdup(sb_table_get(t, r, c[4]));
    sec->hint = sb_xstrdup(sb_table_get(t, r, c[5]));
    if (!parse_range(sb_table_get(t, r, c[6]), &sec->min_cases,
                     &sec->max_cases))
        return sb_table_bad(t, r, c[6],
                            "expected a count or a range such as 5-8",
                            sb_table_get(t, r, c[6]), err);
    if (!parse_range(sb_table_get(t, r, c[7]), &sec->figures, &sec->figures))
        return sb_table_bad(t, r, c[7], "expected a count of figures",
                            sb_table_get(t, r, c[7]), err);
    if (sb_table_get(t, r, c[8])[0] != '\0')
        sec->names = sb_xstrdup(sb_table_get(t, r, c[8]));
    sec->line = t->rows[r];
    s->n++;
    return SB_OK;
}

int sb_sections_load(struct sb_sections **out, const struct sb_form *f,
                     struct sb_error *err)
{
    static const char *const names[] = {"key",   "heading", "required",
                                        "limit", "source",  "hint",
                                        "cases", "figures", "names"};
    struct sb_sections *s = sb_xcalloc(1, sizeof *s);
    struct sb_table *t = NULL;
    char *path = sb_xasprintf("%s/sections.csv", f->dir);
    int c[9], rc = SB_OK;

    *out = NULL;
    if (access(path, F_OK) != 0) {
        free(path);
        *out = s;
        return SB_OK;
    }
    s->path = path;
    rc = sb_table_read_cols(&t, path, names, 9, 6, c, err);
    if (rc == SB_OK)
        s->v = sb_xcalloc((size_t)t->n_rows + 1, sizeof *s->v);
    for (long r = 0; rc == SB_OK && r < t->n_rows; r++)
        rc = load_row(s, t, r, c, err);
    sb_table_free(t);
    if (rc != SB_OK) {
        sb_sections_free(s);
        return rc;
    }
    *out = s;
    return SB_OK;
}

void sb_sections_free(struct sb_sections *s)
{
    if (s == NULL)
        return;
    for (int i = 0; i < s->n; i++) {
        free(s->v[i].key);
        free(s->v[i].heading);
        free(s->v[i].source);
        free(s->v[i].hint);
        free(s->v[i].names);
    }
    free(s->v);
    free(s->path);
    free(s);
}

int sb_sections_find(const struct sb_sections *s, const char *key)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i].key, key) == 0)
            return i;
    return -1;
}
