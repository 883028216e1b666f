/* cmd_build.c: shenbao build DIR, every output of a declaration in one
 * folder (see cmd.h; the work is build.c's). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "cli/build.h"

/* "outputs/NAME", NAME being the last part of dir ("in/acme/" → acme).
 * The caller frees it. */
static char *default_output(const char *dir)
{
    const char *base;
    size_t n = strlen(dir);

    while (n > 1 && dir[n - 1] == '/')
        n--;
    base = dir + n;
    while (base > dir && base[-1] != '/')
        base--;
    return sb_xasprintf("outputs/%.*s", (int)(dir + n - base), base);
}

int sb_cmd_build(const struct sb_args *a)
{
    struct sb_build_opts opts = {0};
    const char *dir = a->operands[0];
    char *out = a->output != NULL ? sb_xstrdup(a->output) : default_output(dir);
    struct sb_error err = {0};
    long errors = 0;
    int rc;

    sb_cli_check_opts(a, &opts.check);
    opts.check.progress = !a->quiet;
    opts.fonts_dir = a->fonts;
    opts.mask = a->mask;
    opts.electronic = a->electronic;
    opts.electronic_pages = a->electronic_pages;
    rc = sb_build(dir, out, &opts, stdout, &errors, &err);
    free(out);
    if (rc != SB_OK)
        return sb_cli_failed(&err);
    printf("%ld errors found\n", errors);
    return errors > 0 ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
}
