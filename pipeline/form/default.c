/* default.c: which edition a declaration without one is read as (see
 * sb_form_default_edition in form.h). */
#include "form/form.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int sb_form_default_edition(char **code, struct sb_error *err)
{
    char *forms = sb_xasprintf("%s/pipeline/forms", sb_datadir());
    struct dirent **names = NULL;
    int n = scandir(forms, &names, NULL, alphasort), rc = SB_OK;

    *code = NULL;
    if (n < 0)
        rc = sb_error_set(err, SB_EIO, NULL, "cannot list %s", forms);
    for (int i = 0; i < n; i++) {
        char *dir = sb_xasprintf("%s/%s", forms, names[i]->d_name);
        int yes = 0;

        if (rc == SB_OK && names[i]->d_name[0] != '.')
            rc = marked_default(dir, &yes, err);
        if (rc == SB_OK && yes && *code != NULL)
            rc = sb_error_set(err, SB_EFORMAT, NULL,
                              "%s: editions %s and %s are both marked "
                              "default", forms, *code, names[i]->d_name);
        else if (rc == SB_OK && yes)
            *code = sb_xstrdup(names[i]->d_name);
        free(dir);
        free(names[i]);
    }
    free(names);
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
