/* cmd_editions.c: shenbao editions, the form editions there are (see
 * cmd.h). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "form/form.h"

/* One edition as a line of text or a JSON object. */
static void show(const struct sb_form *f, const char *dflt, int json,
                 int first)
{
    const char *code = sb_form_meta(f, "code");
    const char *year = sb_form_meta(f, "year");
    const char *title = sb_form_meta(f, "title");
    const char *notice = sb_form_meta(f, "notice");
    int is_default = dflt != NULL && strcmp(dflt, code) == 0;

    if (!json) {
        printf("%-18s %-4s %3d fields %2d annexes %3d rules  %s%s\n", code,
               year != NULL ? year : "-", f->n_fields, f->n_annexes,
               f->n_rules, title != NULL ? title : "",
               is_default ? "（默认 default）" : "");
        if (notice != NULL)
            printf("%-18s      %s\n", "", notice);
        return;
    }
    printf("%s\n  {\"code\": ", first ? "" : ",");
    sb_json_cstr(stdout, code);
    fputs(", \"year\": ", stdout);
    if (year != NULL)
        sb_json_cstr(stdout, year);
    else
        fputs("null", stdout);
    fputs(", \"title\": ", stdout);
    sb_json_cstr(stdout, title != NULL ? title : "");
    fputs(", \"notice\": ", stdout);
    sb_json_cstr(stdout, notice != NULL ? notice : "");
    printf(", \"fields\": %d, \"annexes\": %d, \"rules\": %d, "
           "\"default\": %s}",
           f->n_fields, f->n_annexes, f->n_rules,
           is_default ? "true" : "false");
}

int sb_cmd_editions(const struct sb_args *a)
{
    const char *format = a->format != NULL ? a->format : "text";
    int json = strcmp(format, "json") == 0, n, rc = SB_EXIT_CLEAN;
    char **codes, *dflt = NULL;
    struct sb_error err = {0};

    if (!json && strcmp(format, "text") != 0)
        return sb_cli_usage(a->cmd, "--format: text or json, not \"%s\"",
                            format);
    if (sb_form_editions(&codes, &n, &err) != SB_OK)
        return sb_cli_failed(&err);
    sb_form_default_edition(&dflt, &err);
    if (json)
        fputs("[", stdout);
    for (int i = 0; i < n && rc == SB_EXIT_CLEAN; i++) {
        struct sb_form *f = NULL;

        if (sb_form_load_edition(&f, codes[i], &err) != SB_OK) {
            rc = sb_cli_failed(&err);
            break;
        }
        show(f, dflt, json, i == 0);
        sb_form_free(f);
    }
    if (json)
        fputs("\n]\n", stdout);
    free(dflt);
    sb_form_editions_free(codes, n);
    return rc;
}
