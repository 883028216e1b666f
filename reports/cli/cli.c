/* cli.c: the options of every command, one parser for them, usage
 * errors (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/suggest.h"
#include "form/form.h"

enum kind { FLAG, STRING, COUNT, LIST };

/* getopt_long's value for option i given by its long name. */
#define LONG_VAL(i) (256 + (i))

/* Every option, once. Its value goes to the field at offset in struct
 * sb_args: an int (FLAG), a const char * (STRING), a long (COUNT, dflt
 * when not given) or, for an option given again and again (LIST), the
 * next of an array of SB_CLI_MAX_REPEAT const char * whose count is the
 * int at offset2. */
static const struct opt {
    const char *name;
    int letter; /* its short form, or 0 */
    enum kind kind;
    size_t offset;
    long dflt;
    size_t offset2;
} opts[SB_OPT_N] = {
    [SB_OPT_QUIET] = {"quiet", 'q', FLAG, offsetof(struct sb_args, quiet)},
    [SB_OPT_MASK] = {"mask", 0, FLAG, offsetof(struct sb_args, mask)},
    [SB_OPT_OUTPUT] = {"output", 'o', STRING, offsetof(struct sb_args, output)},
    [SB_OPT_FORM] = {"form", 0, STRING, offsetof(struct sb_args, form)},
    [SB_OPT_FORMAT] = {"format", 'f', STRING, offsetof(struct sb_args, format)},
    [SB_OPT_JUNIT] = {"junit", 'j', STRING, offsetof(struct sb_args, junit)},
    [SB_OPT_FONTS] = {"fonts", 0, STRING, offsetof(struct sb_args, fonts)},
    [SB_OPT_ANNEX] = {"annex", 'a', LIST, offsetof(struct sb_args, annex), 0,
                      offsetof(struct sb_args, n_annex)},
    [SB_OPT_TMPDIR] = {"tmpdir", 0, STRING, offsetof(struct sb_args, tmpdir)},
    [SB_OPT_MAX_PRINT] = {"max-print", 0, COUNT,
                          offsetof(struct sb_args, max_print), 20},
    [SB_OPT_MAX_FINDINGS] = {"max-findings", 0, COUNT,
                             offsetof(struct sb_args, max_findings), 0},
    [SB_OPT_THREADS] = {"threads", 0, COUNT, offsetof(struct sb_args, threads),
                        0},
    [SB_OPT_ROWS] = {"rows", 'n', COUNT, offsetof(struct sb_args, rows), -1},
    [SB_OPT_FROM] = {"from", 0, STRING, offsetof(struct sb_args, from)},
    [SB_OPT_BASELINE] = {"baseline", 0, STRING,
                         offsetof(struct sb_args, baseline)},
    [SB_OPT_WRITE_BASELINE] = {"write-baseline", 0, STRING,
                               offsetof(struct sb_args, write_baseline)},
    [SB_OPT_SVG_OUTLINES] = {"svg-outlines", 0, FLAG,
                             offsetof(struct sb_args, svg_outlines)},
    [SB_OPT_THEME] = {"theme", 0, STRING, offsetof(struct sb_args, theme)},
    [SB_OPT_SIZE] = {"size", 0, STRING, offsetof(struct sb_args, size)},
    [SB_OPT_FOLLOW_SYMLINKS] = {"follow-symlinks", 0, FLAG,
                                offsetof(struct sb_args, follow_symlinks)},
    [SB_OPT_ELECTRONIC] = {"electronic", 0, STRING,
                           offsetof(struct sb_args, electronic)},
    [SB_OPT_ELECTRONIC_PAGES] = {"electronic-pages", 0, COUNT,
                                 offsetof(struct sb_args, electronic_pages),
                                 0},
    [SB_OPT_COLOR] = {"color", 0, STRING, offsetof(struct sb_args, color)},
    [SB_OPT_HTML] = {"html", 0, STRING, offsetof(struct sb_args, html)},
    [SB_OPT_STRICT] = {"strict", 0, FLAG, offsetof(struct sb_args, strict)},
    [SB_OPT_LANG] = {"lang", 0, STRING, offsetof(struct sb_args, lang)},
    [SB_OPT_SUMMARY] = {"summary", 0, STRING,
                        offsetof(struct sb_args, summary)},
};

/* How many operands "DIR", "OLD NEW" or "DIR..." names: its words. */
static int n_words(const char *s)
{
    int n = 0;

    for (int in = 0; *s != '\0'; s++) {
        if (*s != ' ' && !in)
            n++;
        in = *s != ' ';
    }
    return n;
}

void sb_cli_check_opts(const struct sb_args *a, struct sb_check_opts *o)
{
    o->form = a->form;
    o->follow_symlinks = a->follow_symlinks;
    o->strict = a->strict;
}

const char *sb_cli_default_edition(void)
{
    static char *code;
    struct sb_error err = {0};

    if (code == NULL && sb_form_default_edition(&code, &err) != SB_OK)
        return "(none: no edition.csv of pipeline/forms/ says default,1)";
    return code;
}

int sb_cli_usage(const struct sb_cmd *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "shenbao: %s%s", cmd != NULL ? cmd->name : "",
            cmd != NULL ? ": " : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'shenbao%s%s --help'.\n", cmd != NULL ? " " : "",
            cmd != NULL ? cmd->name : "");
    return SB_EXIT_FAILED;
}

int sb_cli_lang(const struct sb_args *a, enum sb_lang *out)
{
    *out = SB_LANG_ZH;
    if (a->lang != NULL && sb_lang_parse(a->lang, out) != 0)
        return !sb_cli_usage(a->cmd, "--lang: one of %s, not \"%s\"",
                             SB_LANG_CODES, a->lang);
    return 1;
}

void sb_cli_untranslated(struct sb_glossary *g)
{
    const char *said = sb_glossary_missing(g);

    if (said != NULL)
        fprintf(stderr, "shenbao: warning: %s\n", said);
}

int sb_cli_color(const struct sb_args *a)
{
    const char *no = getenv("NO_COLOR");

    if (a->color != NULL && strcmp(a->color, "auto") != 0)
        return strcmp(a->color, "always") == 0;
    return isatty(1) && (no == NULL || no[0] == '\0');
}

int sb_cli_failed(const struct sb_error *err)
{
    sb_error_print(err);
    return SB_EXIT_FAILED;
}

void sb_cli_print_usage(const struct sb_cmd *cmd, FILE *fp)
{
    static const char mark[] = "@EDITION@";
    const char *s = cmd->usage, *at;

    while ((at = strstr(s, mark)) != NULL) {
        fwrite(s, 1, (size_t)(at - s), fp);
        fputs(sb_cli_default_edition(), fp);
        s = at + strlen(mark);
    }
    fputs(s, fp);
}

/* Parse s as a count (decimal, >= 0, nothing after it) into *out.
 * Returns 1, or 0 when s is not one. */
static int parse_count(const char *s, long *out)
{
    char *end;

    errno = 0;
    *out = strtol(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && *out >= 0;
}

/* Store value (NULL for a FLAG) as option o of a. Returns 1, or 0 after
 * the usage error of a bad value. */
static int store(const struct sb_cmd *cmd, const struct opt *o,
                 const char *value, struct sb_args *a)
{
    char *field = (char *)a + o->offset;
    long n;

    switch (o->kind) {
    case FLAG:
        *(int *)field = 1;
        return 1;
    case STRING:
        *(const char **)field = value;
        return 1;
    case LIST:
        n = *(int *)((char *)a + o->offset2);
        if (n == SB_CLI_MAX_REPEAT) {
            sb_cli_usage(cmd, "--%s: given more than %d times", o->name,
                         SB_CLI_MAX_REPEAT);
            return 0;
        }
        ((const char **)field)[n] = value;
        *(int *)((char *)a + o->offset2) = (int)n + 1;
        return 1;
    case COUNT:
        if (!parse_count(value, &n)) {
            sb_cli_usage(cmd, "--%s: expected a number, not \"%s\"", o->name,
                         value);
            return 0;
        }
        *(long *)field = n;
        return 1;
    }
    return 0;
}

/* The option getopt_long returned as c (a letter or a LONG_VAL). */
static const struct opt *opt_of(int c)
{
    for (int i = 0; i < SB_OPT_N; i++)
        if (c == LONG_VAL(i) || (opts[i].letter != 0 && c == opts[i].letter))
            return &opts[i];
    return NULL;
}

/* The usage error for what getopt_long refused: c is '?' (unknown or
 * ambiguous option, or a value given to a flag) or ':' (no value), arg
 * the argument it was in. */
static int refused(const struct sb_cmd *cmd, int c, const char *arg,
                   const struct option *longopts)
{
    const struct opt *o = opt_of(optopt);
    char *names[SB_OPT_N + 1];
    struct sb_buf b = {0};
    char *word, *hint;
    size_t len, n = 0;
    int matches = 0, rc;

    if (c == ':')
        return o->letter != 0 && arg[1] != '-'
                   ? sb_cli_usage(cmd, "-%c: needs a value", o->letter)
                   : sb_cli_usage(cmd, "--%s: needs a value", o->name);
    if (optopt >= LONG_VAL(0))
        return sb_cli_usage(cmd, "--%s: takes no value", o->name);
    if (optopt == 'h')
        return sb_cli_usage(cmd, "--help: takes no value");
    if (optopt != 0)
        return sb_cli_usage(cmd, "unknown option \"-%c\"", optopt);
    len = strcspn(arg + 2, "=");
    for (const struct option *l = longopts; l->name != NULL; l++) {
        names[n++] = sb_xasprintf("--%s", l->name);
        matches += strncmp(l->name, arg + 2, len) == 0;
    }
    word = sb_xstrndup(arg, len + 2);
    sb_suggest_list(&b, word, (const char *const *)names, n);
    hint = sb_buf_take(&b);
    rc = sb_cli_usage(cmd, "%s option \"%s\"%s",
                      matches > 1 ? "ambiguous" : "unknown", word, hint);
    free(word);
    free(hint);
    while (n > 0)
        free(names[--n]);
    return rc;
}

int sb_cli_parse(const struct sb_cmd *cmd, int argc, char **argv,
                 struct sb_args *a, int *status)
{
    struct option longopts[SB_OPT_N + 2];
    char letters[2 * SB_OPT_N + 3];
    int nl = 0, ns = 0, c;

    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    letters[ns++] = ':'; /* a missing value is ':', not '?' */
    for (int i = 0; i < SB_OPT_N; i++) {
        const struct opt *o = &opts[i];

        if (o->kind == COUNT)
            *(long *)((char *)a + o->offset) = o->dflt;
        if (((cmd->options | SB_OPT(QUIET)) & (1u << i)) == 0)
            continue;
        longopts[nl++] = (struct option){
            o->name, o->kind == FLAG ? no_argument : required_argument, NULL,
            LONG_VAL(i)};
        if (o->letter != 0) {
            letters[ns++] = (char)o->letter;
            if (o->kind != FLAG)
                letters[ns++] = ':';
        }
    }
    longopts[nl++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[nl] = (struct option){NULL, 0, NULL, 0};
    letters[ns++] = 'h';
    letters[ns] = '\0';

    opterr = 0;
    optind = 0; /* start afresh at argv[1] */
    while ((c = getopt_long(argc, argv, letters, longopts, NULL)) != -1) {
        if (c == 'h') {
            sb_cli_print_usage(cmd, stdout);
            *status = SB_EXIT_CLEAN;
            return 0;
        }
        if (c == '?' || c == ':') {
            *status = refused(cmd, c, argv[optind - 1], longopts);
            return 0;
        }
        if (!store(cmd, opt_of(c), optarg, a)) {
            *status = SB_EXIT_FAILED;
            return 0;
        }
    }
    if (a->color != NULL && strcmp(a->color, "auto") != 0 &&
        strcmp(a->color, "always") != 0 && strcmp(a->color, "never") != 0) {
        *status = sb_cli_usage(cmd, "--color: auto, always or never, not "
                                    "\"%s\"", a->color);
        return 0;
    }
    a->operands = argv + optind;
    a->n_operands = argc - optind;
    if (a->n_operands < n_words(cmd->operands) ||
        (a->n_operands > n_words(cmd->operands) &&
         strstr(cmd->operands, "...") == NULL)) {
        *status = sb_cli_usage(cmd, "expected %s", cmd->need);
        return 0;
    }
    return 1;
}
