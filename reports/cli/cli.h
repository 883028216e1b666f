/* cli.h: what every shenbao command shares on the command line: the row
 * of the command table (main.c), the options, declared once and parsed
 * by one function, and the exit statuses and usage errors.
 *
 * A command is called as `shenbao NAME [OPTIONS] OPERAND...`. Its row
 * says which options it takes (a set of SB_OPT_* bits; -h/--help and
 * -q/--quiet go with every command); sb_cli_parse reads them with getopt_long into a
 * struct sb_args, and the command's run function does the rest. */
#ifndef SB_REPORTS_CLI_H
#define SB_REPORTS_CLI_H

#include <stdio.h>

#include "base/sb.h"
#include "base/lang.h"
#include "chart/glossary.h"
#include "check/decl.h"

/* README "Exit codes": 0 no error finding, 1 errors found in the input,
 * 2 the run itself failed (bad usage included). */
enum sb_exit { SB_EXIT_CLEAN = 0, SB_EXIT_FINDINGS = 1, SB_EXIT_FAILED = 2 };

/* The options of every command, each declared once in cli.c. */
enum sb_opt {
    SB_OPT_QUIET,        /* -q, --quiet */
    SB_OPT_MASK,         /* --mask */
    SB_OPT_OUTPUT,       /* -o, --output PATH */
    SB_OPT_FORM,         /* --form EDITION */
    SB_OPT_FORMAT,       /* -f, --format text|json */
    SB_OPT_JUNIT,        /* -j, --junit FILE */
    SB_OPT_FONTS,        /* --fonts DIR */
    SB_OPT_ANNEX,        /* -a, --annex CODE, repeated */
    SB_OPT_TMPDIR,       /* --tmpdir DIR */
    SB_OPT_MAX_PRINT,    /* --max-print N */
    SB_OPT_MAX_FINDINGS, /* --max-findings N */
    SB_OPT_THREADS,      /* --threads N */
    SB_OPT_ROWS,         /* -n, --rows N */
    SB_OPT_FROM,         /* --from DIR */
    SB_OPT_BASELINE,     /* --baseline FILE */
    SB_OPT_WRITE_BASELINE, /* --write-baseline FILE */
    SB_OPT_SVG_OUTLINES, /* --svg-outlines */
    SB_OPT_THEME,        /* --theme defense|document */
    SB_OPT_SIZE,         /* --size WxH */
    SB_OPT_FOLLOW_SYMLINKS, /* --follow-symlinks */
    SB_OPT_ELECTRONIC,   /* --electronic CODE,CODE… */
    SB_OPT_ELECTRONIC_PAGES, /* --electronic-pages N */
    SB_OPT_COLOR,        /* --color auto|always|never */
    SB_OPT_HTML,         /* --html FILE */
    SB_OPT_STRICT,          /* --strict */
    SB_OPT_LANG,         /* --lang zh|en */
    SB_OPT_SUMMARY,      /* --summary FILE */
    SB_OPT_N
};

/* The bit of option o in a command's option set. */
#define SB_OPT(o) (1u << SB_OPT_##o)

struct sb_cmd;

/* How many times an option that may be repeated (-a) may be given. */
enum { SB_CLI_MAX_REPEAT = 32 };

/* A parsed command line. Strings point into argv and are NULL when the
 * option was not given (each command has its own default); counts are
 * >= 0 when given, else the default noted. */
struct sb_args {
    const struct sb_cmd *cmd; /* the command parsed, for sb_cli_usage */
    int quiet, mask, svg_outlines, follow_symlinks; /* 1 when given */
    int strict;                                     /* 1 when given */
    const char *output, *form, *format, *junit, *fonts, *tmpdir, *from,
        *baseline, *write_baseline, *theme, *size, *color, *html, *lang,
        *summary;
    const char *annex[SB_CLI_MAX_REPEAT]; /* -a given again and again */
    int n_annex;
    const char *electronic; /* annex codes split by ',' */
    long electronic_pages;  /* default 0: no limit */
    long max_print;    /* default 20; 0 = all */
    long max_findings; /* default 0: the checker's own */
    long threads;      /* default 0: the checker's own */
    long rows;         /* default -1: all */
    char **operands;   /* the arguments left, in order */
    int n_operands;
};

/* A row of the command table. */
struct sb_cmd {
    const char *name;     /* "check" */
    const char *operands; /* what follows the options, for `shenbao
                             --help`: "DIR", "OLD NEW" (exactly as many
                             as words), or "DIR..." for one or more */
    const char *summary;  /* one line for `shenbao --help` */
    int (*run)(const struct sb_args *a); /* returns an enum sb_exit */
    const char *usage; /* `shenbao NAME --help`; each "@EDITION@" in
                          it is printed as sb_cli_default_edition() */
    unsigned options;  /* SB_OPT(...) bits of the options it takes */
    const char *need;  /* the operands it needs, for the usage error
                          when they are wrong: "one CSV file" */
};

/* The form edition used when neither --form nor form.csv names one, as
 * the commands and their help texts give it: the edition whose
 * edition.csv says default,1 (sb_form_default_edition), read once and
 * kept. Never NULL. */
const char *sb_cli_default_edition(void);

/* Parse the command line of cmd: argv[0] is the command's name, then its
 * options and operands (GNU order: options may follow operands). On
 * success fills *a and returns 1: run the command. Otherwise returns 0
 * with *status: SB_EXIT_CLEAN after printing the usage for -h/--help,
 * SB_EXIT_FAILED after a usage error (sb_cli_usage) for an unknown
 * option, a missing or bad value, or operands other than cmd->need. */
int sb_cli_parse(const struct sb_cmd *cmd, int argc, char **argv,
                 struct sb_args *a, int *status);

/* Print cmd's usage (its help text) to fp. */
void sb_cli_print_usage(const struct sb_cmd *cmd, FILE *fp);

/* A usage error: print "shenbao: NAME: " + the formatted message and a
 * line naming `shenbao NAME --help` to stderr (cmd NULL: the program
 * itself, "shenbao: " and `shenbao --help`), the prefix every message
 * of shenbao on stderr starts with. Returns SB_EXIT_FAILED. */
int sb_cli_usage(const struct sb_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* What every command that reads a declaration takes from the command
 * line into its check options: --form and --follow-symlinks. */
void sb_cli_check_opts(const struct sb_args *a, struct sb_check_opts *o);

/* Whether to print in colour on standard output: --color=always yes,
 * --color=never no, else (auto, the default) only when standard output
 * is a terminal and NO_COLOR is unset or empty (no-color.org: an
 * explicit --color=always wins over NO_COLOR). */
int sb_cli_color(const struct sb_args *a);

/* --lang into *out (SB_LANG_ZH when not given). Returns 1, or 0 after a
 * usage error naming the valid codes (the caller exits 2). */
int sb_cli_lang(const struct sb_args *a, enum sb_lang *out);

/* Say once on stderr what labels g lacked ("shenbao: warning: no
 * English for …"), if any. */
void sb_cli_untranslated(struct sb_glossary *g);

/* Print err (sb_error_print). Returns SB_EXIT_FAILED. */
int sb_cli_failed(const struct sb_error *err);

#endif
