/* cliutil.h: what every shenbao command shares on the command line: its
 * exit statuses, usage errors and counts given as option values. Used
 * by pipeline/main.c and reports/cli.c. */
#ifndef SB_PIPELINE_CLIUTIL_H
#define SB_PIPELINE_CLIUTIL_H

#include "base/sb.h"

/* README "Exit codes": 0 no error finding, 1 errors found in the input,
 * 2 the run itself failed. */
enum sb_exit { SB_EXIT_CLEAN = 0, SB_EXIT_FINDINGS = 1, SB_EXIT_FAILED = 2 };

/* Print "shenbao: " + what (its first %s replaced by arg), a blank line
 * and the command's help to stderr. Returns SB_EXIT_FAILED. */
int sb_cli_usage_error(const char *what, const char *arg, const char *help);

/* Print err (sb_error_print). Returns SB_EXIT_FAILED. */
int sb_cli_failed(const struct sb_error *err);

/* Parse s as a count (decimal, >= 0, nothing after it) into *out.
 * Returns 1, or 0 when s is not one. */
int sb_cli_parse_count(const char *s, long *out);

#endif
