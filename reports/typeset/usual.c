/* usual.c: the table of usual characters (usual.h). */
#include "typeset/usual.h"

#include <stdlib.h>

#include "base/sb.h"
#include "read/table.h"

/* The hex code point s, or 0 when s is not one. */
static int32_t code_point(const char *s)
{
    char *end;
    long v = strtol(s, &end, 16);

    return *s != '\0' && *end == '\0' && v > 0 && v <= 0x10FFFF ? (int32_t)v
                                                                : 0;
}

int sb_usual_read(struct sb_usual **out, int *n)
{
    static const char *const names[] = {"code", "usual", "name", "source"};
    char *path = sb_xasprintf("%s/pipeline/forms/substitutes.csv",
                              sb_datadir());
    struct sb_table *t;
    struct sb_error err;
    int c[4], rc;

    *out = NULL;
    *n = 0;
    rc = sb_table_read_cols(&t, path, names, 4, 2, c, &err);
    free(path);
    if (rc != SB_OK)
        return -1;
    *out = sb_xcalloc((size_t)t->n_rows + 1, sizeof **out);
    for (long r = 0; r < t->n_rows; r++) {
        struct sb_usual *u = &(*out)[*n];

        u->from = code_point(sb_table_get(t, r, c[0]));
        u->to = code_point(sb_table_get(t, r, c[1]));
        if (u->from == 0 || u->to == 0)
            continue;
        u->name = sb_xstrdup(sb_table_get(t, r, c[2]));
        u->source = sb_xstrdup(sb_table_get(t, r, c[3]));
        (*n)++;
    }
    sb_table_free(t);
    return 0;
}

void sb_usual_free(struct sb_usual *u, int n)
{
    for (int i = 0; i < n; i++) {
        free(u[i].name);
        free(u[i].source);
    }
    free(u);
}
