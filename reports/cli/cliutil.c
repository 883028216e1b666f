/* cliutil.c: shared command-line helpers (see cliutil.h). */
#include "cli/cliutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sb_cli_usage_error(const char *what, const char *arg, const char *help)
{
    const char *pct = strstr(what, "%s");

    fputs("shenbao: ", stderr);
    if (pct != NULL) {
        fwrite(what, 1, (size_t)(pct - what), stderr);
        fputs(arg, stderr);
        fputs(pct + 2, stderr);
    } else {
        fputs(what, stderr);
    }
    fputs("\n\n", stderr);
    fputs(help, stderr);
    return SB_EXIT_FAILED;
}

int sb_cli_failed(const struct sb_error *err)
{
    sb_error_print(err);
    return SB_EXIT_FAILED;
}

int sb_cli_parse_count(const char *s, long *out)
{
    char *end;

    errno = 0;
    *out = strtol(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && *out >= 0;
}
