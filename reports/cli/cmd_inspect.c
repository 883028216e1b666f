/* cmd_inspect.c: shenbao inspect FILE, how one CSV file is read (see
 * cmd.h). FILE "-" is standard input, copied to a temporary file first
 * (the reader detects the encoding on the whole file). */
#include "cli/cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/inspect.h"

/* Copy standard input into a new temporary file under $TMPDIR (or /tmp)
 * and return its path (the caller unlinks and frees it), or NULL with
 * err. */
static char *stdin_to_temp(struct sb_error *err)
{
    const char *dir = getenv("TMPDIR");
    char *path = sb_xasprintf("%s/shenbao-stdin-XXXXXX",
                              dir != NULL && dir[0] != '\0' ? dir : "/tmp");
    char buf[65536];
    size_t n;
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;

    while (fp != NULL && (n = fread(buf, 1, sizeof buf, stdin)) > 0)
        if (fwrite(buf, 1, n, fp) != n)
            break;
    if (fp == NULL || ferror(stdin) || ferror(fp) || fclose(fp) != 0) {
        if (fp == NULL && fd >= 0)
            close(fd);
        if (fd >= 0)
            unlink(path);
        sb_error_set(err, SB_EIO, NULL,
                     "cannot copy standard input to a temporary file %s",
                     path);
        free(path);
        return NULL;
    }
    return path;
}

int sb_cmd_inspect(const struct sb_args *a)
{
    struct sb_inspect_opts opts = {0};
    struct sb_error err = {0};
    const char *path = a->operands[0];
    char *tmp = NULL;
    int rc;

    if (a->n_annex > 1)
        return sb_cli_usage(a->cmd, "--annex: one file is one annex, not %d",
                            a->n_annex);
    opts.form = a->form;
    opts.annex = a->n_annex > 0 ? a->annex[0] : NULL;
    opts.max_rows = a->rows;
    if (strcmp(path, "-") == 0) {
        if ((tmp = stdin_to_temp(&err)) == NULL)
            return sb_cli_failed(&err);
        opts.name = "-";
        path = tmp;
    }
    rc = sb_inspect(path, &opts, stdout, &err);
    if (tmp != NULL)
        unlink(tmp);
    free(tmp);
    return rc != SB_OK ? sb_cli_failed(&err) : SB_EXIT_CLEAN;
}
