/* test_cli.c: the command-line parser (reports/cli/cli.h): options
 * declared once, taken per command, their defaults, values and usage
 * errors, the operands, the help text. */
#include <unistd.h>

#include "cli/cli.h"
#include "test.h"

/* The commands below are parsed, never run. */
static int run_stub(const struct sb_args *a)
{
    return a->n_operands;
}

static const struct sb_cmd one = {
    .name = "one",
    .operands = "DIR",
    .run = run_stub,
    .usage = "help of one: --form EDITION (default @EDITION@)\n",
    .options = SB_OPT(QUIET) | SB_OPT(OUTPUT) | SB_OPT(FORM) |
               SB_OPT(MAX_PRINT) | SB_OPT(MAX_FINDINGS) | SB_OPT(ROWS) |
               SB_OPT(ANNEX),
    .need = "one directory",
};

static const struct sb_cmd many = {
    .name = "many",
    .operands = "DIR...",
    .run = run_stub,
    .usage = "help of many\n",
    .options = SB_OPT(FORM),
    .need = "directories",
};

/* What sb_cli_parse wrote to stdout and stderr in the last parse(). */
static char out_text[4096], err_text[4096];

/* Read what f holds into buf (NUL-terminated) and close f. */
static void slurp(FILE *f, char *buf, size_t size)
{
    size_t n;

    rewind(f);
    n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* Parse line (words split on spaces; argv[0] is cmd's name) with cmd,
 * capturing stdout and stderr. Returns sb_cli_parse's result. */
static int parse(const struct sb_cmd *cmd, const char *line, struct sb_args *a,
                 int *status)
{
    static char words[512];
    static char *argv[32];
    int argc = 0, rc, saved_out = dup(1), saved_err = dup(2);
    FILE *out = tmpfile(), *err = tmpfile();

    argv[argc++] = (char *)cmd->name;
    snprintf(words, sizeof words, "%s", line);
    for (char *w = strtok(words, " "); w != NULL; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    fflush(stdout);
    dup2(fileno(out), 1);
    dup2(fileno(err), 2);
    *status = -1;
    rc = sb_cli_parse(cmd, argc, argv, a, status);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    slurp(out, out_text, sizeof out_text);
    slurp(err, err_text, sizeof err_text);
    return rc;
}

static void defaults_when_not_given(void)
{
    struct sb_args a;
    int status;

    CHECK_INT(parse(&one, "d", &a, &status), 1);
    CHECK(a.cmd == &one);
    CHECK_INT(a.quiet, 0);
    CHECK_STR(a.output, NULL);
    CHECK_STR(a.form, NULL);
    CHECK_INT(a.max_print, 20);
    CHECK_INT(a.max_findings, 0);
    CHECK_INT(a.rows, -1);
    CHECK_INT(a.n_operands, 1);
    CHECK_STR(a.operands[0], "d");
    CHECK_STR(err_text, "");
}

static void values_long_short_and_after_operands(void)
{
    struct sb_args a;
    int status;

    CHECK_INT(
        parse(&one, "--form e1 d --max-print 0 -qo out -n 7", &a, &status), 1);
    CHECK_STR(a.form, "e1");
    CHECK_INT(a.max_print, 0);
    CHECK_INT(a.quiet, 1);
    CHECK_STR(a.output, "out");
    CHECK_INT(a.rows, 7);
    CHECK_INT(a.n_operands, 1);
    CHECK_STR(a.operands[0], "d");
    /* an unambiguous abbreviation, a value after '=' */
    CHECK_INT(parse(&one, "--max-f=12 --out=o2 d", &a, &status), 1);
    CHECK_INT(a.max_findings, 12);
    CHECK_STR(a.output, "o2");
    CHECK_INT(a.max_print, 20);
}

static void help_prints_usage_with_the_edition(void)
{
    struct sb_args a;
    char expected[256];
    int status;

    snprintf(expected, sizeof expected,
             "help of one: --form EDITION (default %s)\n",
             sb_cli_default_edition());
    CHECK_INT(parse(&one, "-q --help d", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_CLEAN);
    CHECK_STR(out_text, expected);
    CHECK_STR(err_text, "");
    CHECK_INT(parse(&many, "-h", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_CLEAN);
    CHECK_STR(out_text, "help of many\n");
}

static void usage_errors_name_the_command(void)
{
    struct sb_args a;
    int status;

    CHECK_INT(parse(&many, "-z d", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_FAILED);
    CHECK_STR(err_text, "shenbao: many: unknown option \"-z\"\n"
                        "Try 'shenbao many --help'.\n");
    CHECK_STR(out_text, "");
    CHECK_INT(parse(&many, "--output=x d", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: many: unknown option \"--output\"; one of: "
                        "--quiet, --form, --help\n"
                        "Try 'shenbao many --help'.\n");
    CHECK_INT(parse(&one, "--max d", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: one: ambiguous option \"--max\"; one of: "
                        "--quiet, --output, --form, --annex, --max-print, "
                        "--max-findings, --rows, --help; did you mean "
                        "\"--max-print\"?\n"
                        "Try 'shenbao one --help'.\n");
    /* a typo: a letter swapped, one missing */
    CHECK_INT(parse(&one, "--otuput x d", &a, &status), 0);
    CHECK(strstr(err_text, "did you mean \"--output\"?") != NULL);
    CHECK_INT(parse(&many, "--frm x d", &a, &status), 0);
    CHECK(strstr(err_text, "did you mean \"--form\"?") != NULL);
    CHECK_INT(parse(&many, "--zzzzzz d", &a, &status), 0);
    CHECK(strstr(err_text, "did you mean") == NULL);
    CHECK_INT(parse(&one, "--max-print x d", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_FAILED);
    CHECK_STR(err_text, "shenbao: one: --max-print: expected a number, "
                        "not \"x\"\nTry 'shenbao one --help'.\n");
    CHECK_INT(parse(&one, "-n -1 d", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: one: --rows: expected a number, "
                        "not \"-1\"\nTry 'shenbao one --help'.\n");
    CHECK_INT(parse(&one, "d -o", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: one: -o: needs a value\n"
                        "Try 'shenbao one --help'.\n");
    CHECK_INT(parse(&one, "d --form", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: one: --form: needs a value\n"
                        "Try 'shenbao one --help'.\n");
    CHECK_INT(parse(&one, "--quiet=yes d", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: one: --quiet: takes no value\n"
                        "Try 'shenbao one --help'.\n");
}

static void operands_one_or_several(void)
{
    struct sb_args a;
    int status;

    CHECK_INT(parse(&one, "-q", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_FAILED);
    CHECK_STR(err_text, "shenbao: one: expected one directory\n"
                        "Try 'shenbao one --help'.\n");
    CHECK_INT(parse(&one, "d e", &a, &status), 0);
    CHECK_INT(status, SB_EXIT_FAILED);
    CHECK_INT(parse(&many, "", &a, &status), 0);
    CHECK_STR(err_text, "shenbao: many: expected directories\n"
                        "Try 'shenbao many --help'.\n");
    CHECK_INT(parse(&many, "d --form e e2 f", &a, &status), 1);
    CHECK_INT(a.n_operands, 3);
    CHECK_STR(a.operands[0], "d");
    CHECK_STR(a.operands[1], "e2");
    CHECK_STR(a.operands[2], "f");
    CHECK_STR(a.form, "e");
}

static void quiet_everywhere_annex_repeated(void)
{
    struct sb_args a;
    int status;

    /* -q goes with every command, like --help */
    CHECK_INT(parse(&many, "-q d", &a, &status), 1);
    CHECK_INT(a.quiet, 1);
    CHECK_INT(parse(&one, "-a x -a y --annex=z d", &a, &status), 1);
    CHECK_INT(a.n_annex, 3);
    CHECK_STR(a.annex[0], "x");
    CHECK_STR(a.annex[1], "y");
    CHECK_STR(a.annex[2], "z");
    CHECK_INT(parse(&one, "d", &a, &status), 1);
    CHECK_INT(a.n_annex, 0);
}

int main(void)
{
    RUN(defaults_when_not_given);
    RUN(values_long_short_and_after_operands);
    RUN(help_prints_usage_with_the_edition);
    RUN(usage_errors_name_the_command);
    RUN(operands_one_or_several);
    RUN(quiet_everywhere_annex_repeated);
    return TEST_REPORT();
}
