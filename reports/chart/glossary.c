/* glossary.c: chart words in another language, from the edition's
 * data (see glossary.h). */
#include "chart/glossary.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/table.h"

struct sb_glossary {
    enum sb_lang lang;
    char *path;          /* the file, read or not */
    struct sb_table *t;  /* NULL when absent or Chinese */
    int zh, tr;          /* its columns */
    char **missing;      /* distinct strings asked for and not found */
    int n_missing;
    char *said;          /* sb_glossary_missing's text */
};

int sb_glossary_open(struct sb_glossary **out, const struct sb_form *f,
                     enum sb_lang lang, struct sb_error *err)
{
    struct sb_glossary *g = sb_xcalloc(1, sizeof *g);
    const char *names[2] = {"zh", sb_lang_code(lang)};
    int c[2], rc = SB_OK;

    g->lang = lang;
    g->path = sb_xasprintf("%s/charts_%s.csv", f->dir, sb_lang_code(lang));
    if (lang != SB_LANG_ZH && access(g->path, F_OK) == 0) {
        rc = sb_table_read_cols(&g->t, g->path, names, 2, 2, c, err);
        g->zh = c[0];
        g->tr = c[1];
    }
    if (rc != SB_OK) {
        sb_glossary_free(g);
        g = NULL;
    }
    *out = g;
    return rc;
}

void sb_glossary_free(struct sb_glossary *g)
{
    if (g == NULL)
        return;
    sb_table_free(g->t);
    for (int i = 0; i < g->n_missing; i++)
        free(g->missing[i]);
    free(g->missing);
    free(g->path);
    free(g->said);
    free(g);
}

enum sb_lang sb_glossary_lang(const struct sb_glossary *g)
{
    return g != NULL ? g->lang : SB_LANG_ZH;
}

const char *sb_glossary_get(struct sb_glossary *g, const char *zh)
{
    if (g == NULL || g->lang == SB_LANG_ZH || zh == NULL || zh[0] == '\0')
        return zh;
    for (long r = 0; g->t != NULL && r < g->t->n_rows; r++) {
        if (strcmp(sb_table_get(g->t, r, g->zh), zh) == 0)
            return sb_table_get(g->t, r, g->tr);
    }
    for (int i = 0; i < g->n_missing; i++) {
        if (strcmp(g->missing[i], zh) == 0)
            return zh;
    }
    g->missing = sb_xrealloc(g->missing,
                             (size_t)(g->n_missing + 1) * sizeof *g->missing);
    g->missing[g->n_missing++] = sb_xstrdup(zh);
    return zh;
}

const char *sb_glossary_missing(struct sb_glossary *g)
{
    struct sb_buf b = {0};

    if (g == NULL || g->n_missing == 0)
        return NULL;
    sb_buf_printf(&b, "no %s for %d chart label%s in %s%s (kept in Chinese): ",
                  g->lang == SB_LANG_EN ? "English" : sb_lang_code(g->lang),
                  g->n_missing, g->n_missing > 1 ? "s" : "", g->path,
                  g->t == NULL ? ", which is not there" : "");
    for (int i = 0; i < g->n_missing && i < 8; i++)
        sb_buf_printf(&b, "%s%s", i > 0 ? ", " : "", g->missing[i]);
    if (g->n_missing > 8)
        sb_buf_puts(&b, ", …");
    free(g->said);
    g->said = sb_buf_take(&b);
    return g->said;
}
