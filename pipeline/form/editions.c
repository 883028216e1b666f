/* editions.c: the editions there are, and which one a declaration
 * without one is read as (see sb_form_editions and
 * sb_form_default_edition in form.h). */
#include "form/form.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/suggest.h"
#include "read/table.h"

/* Does dir/edition.csv have the row "default,1"? A directory without
 * edition.csv is not an edition: 0. */
static int marked_default(const char *dir, int *yes, struct sb_error *err)
{
    char *path = sb_xasprintf("%s/edition.csv", dir);
    struct sb_table *t = NULL;
    struct stat st;
    int rc = SB_OK;

    *yes = 0;
    if (stat(path, &st) == 0)
        rc = sb_table_read(&t, path, NULL, err);
    if (rc == SB_OK && t != NULL) {
        int k = sb_table_col(t, "key"), v = sb_table_col(t, "value");

        for (long r = 0; k >= 0 && v >= 0 && r < t->n_rows; r++) {
            if (strcmp(sb_table_get(t, r, k), "default") == 0 &&
                strcmp(sb_table_get(t, r, v), "1") == 0)
                *yes = 1;
        }
    }
    sb_table_free(t);
    free(path);
    return rc;
}

int sb_form_editions(char ***codes, int *n, struct sb_error *err)
{
    char *forms = sb_xasprintf("%s/pipeline/forms", sb_datadir());
    struct dirent **names = NULL;
    int k = scandir(forms, &names, NULL, alphasort), rc = SB_OK;

    *codes = NULL;
    *n = 0;
    if (k < 0)
        rc = sb_error_set(err, SB_EIO, NULL,
                          "cannot list %s, where the forms are read from "
                          "(set SHENBAO_DATADIR to the folder that holds "
                          "pipeline/forms)", forms);
    else
        *codes = sb_xcalloc((size_t)k + 1, sizeof **codes);
    for (int i = 0; i < k; i++) {
        char *csv = sb_xasprintf("%s/%s/edition.csv", forms, names[i]->d_name);
        struct stat st;

        if (names[i]->d_name[0] != '.' && stat(csv, &st) == 0)
            (*codes)[(*n)++] = sb_xstrdup(names[i]->d_name);
        free(csv);
        free(names[i]);
    }
    free(names);
    free(forms);
    return rc;
}

void sb_form_editions_free(char **codes, int n)
{
    for (int i = 0; i < n; i++)
        free(codes[i]);
    free(codes);
}

char *sb_form_editions_text(void)
{
    struct sb_buf b = {0};
    struct sb_error e;
    char **codes;
    int n;

    sb_form_editions(&codes, &n, &e);
    for (int i = 0; i < n; i++)
        sb_buf_printf(&b, "%s%s", i > 0 ? "、" : "", codes[i]);
    sb_form_editions_free(codes, n);
    return sb_buf_take(&b);
}

char *sb_form_edition_near(const char *code)
{
    char **codes, *near = NULL;
    const char *pick;
    int n;
    struct sb_error err;

    if (code == NULL || sb_form_editions(&codes, &n, &err) != SB_OK)
        return NULL;
    pick = sb_suggest(code, (const char *const *)codes, (size_t)n);
    if (pick != NULL)
        near = sb_xstrdup(pick);
    sb_form_editions_free(codes, n);
    return near;
}

int sb_form_edition_exists(const char *code)
{
    char **codes;
    int n, found = 0;
    struct sb_error err;

    if (code != NULL && sb_form_editions(&codes, &n, &err) == SB_OK) {
        for (int i = 0; i < n && !found; i++)
            found = strcmp(codes[i], code) == 0;
        sb_form_editions_free(codes, n);
    }
    return found;
}

int sb_form_default_edition(char **code, struct sb_error *err)
{
    char *forms = sb_xasprintf("%s/pipeline/forms", sb_datadir());
    char **codes;
    int n, rc = sb_form_editions(&codes, &n, err);

    *code = NULL;
    for (int i = 0; rc == SB_OK && i < n; i++) {
        char *dir = sb_xasprintf("%s/%s", forms, codes[i]);
        int yes = 0;

        rc = marked_default(dir, &yes, err);
        if (rc == SB_OK && yes && *code != NULL)
            rc = sb_error_set(err, SB_EFORMAT, NULL,
                              "%s: editions %s and %s are both marked "
                              "default", forms, *code, codes[i]);
        else if (rc == SB_OK && yes)
            *code = sb_xstrdup(codes[i]);
        free(dir);
    }
    sb_form_editions_free(codes, n);
    if (rc == SB_OK && *code == NULL)
        rc = sb_error_set(err, SB_EFORMAT, NULL,
                          "%s: no edition is marked default "
                          "(edition.csv row \"default,1\")", forms);
    if (rc != SB_OK) {
        free(*code);
        *code = NULL;
    }
    free(forms);
    return rc;
}
