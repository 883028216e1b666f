/* main.c: the shenbao command line: the table of commands, their help,
 * and the dispatch.
 *
 * Each command is a row of `commands` below: its name and operands, the
 * line `shenbao --help` gives it, the function that runs it (cmd.h, one
 * file each), its help text and the options it takes (cli.h, parsed by
 * sb_cli_parse). Exit status (README "Exit codes"): 0 the declaration is
 * clean (no error-severity finding), 1 errors were found, 2 the run
 * itself failed (usage, unreadable input, failed write). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/progress.h"
#include "base/suggest.h"
#include "cli/cli.h"
#include "cli/cmd.h"

static const char check_usage[] =
    "usage: shenbao check [OPTIONS] DIR\n"
    "\n"
    "Read the declaration in DIR (form.csv, annex/*.csv) and cross-check\n"
    "every declared figure against the annex lists and against itself.\n"
    "Findings are printed grouped by severity and file.\n"
    "\n"
    "  -f, --format FMT      text (default) or json\n"
    "  -o, --output FILE     write them to FILE (default -, standard output)\n"
    "  -j, --junit FILE      also write JUnit XML (a test case per rule and\n"
    "                        per error or warning; - standard output)\n"
    "      --color WHEN      auto (default: on a terminal, unless NO_COLOR\n"
    "                        is set), always or never\n"
    "                        HTML page to filter and sort in a browser\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default @EDITION@)\n"
    "      --max-print N     text: print at most N findings of each kind\n"
    "                        per file (default 20; 0 = all)\n"
    "      --max-findings N  keep at most N findings of each kind per file\n"
    "                        (default 1000); all are still counted\n"
    "      --threads N       annex files read at once (default 2)\n"
    "      --baseline FILE   findings FILE lists are accepted: reported, but\n"
    "                        failing nothing; entries matching nothing are\n"
    "                        stale (a warning)\n"
    "      --write-baseline FILE\n"
    "                        write the errors and warnings as a baseline,\n"
    "                        reasons to fill in (README \"Nightly checks\")\n"
    "  -q, --quiet           no progress display\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors (warnings, and errors a baseline accepts,\n"
    "allowed), 1 errors found, 2 the run failed (bad usage, unreadable\n"
    "input or baseline).\n";

static const char editions_usage[] =
    "usage: shenbao editions [OPTIONS]\n"
    "\n"
    "List the form editions there are (pipeline/forms/<code>/ under the\n"
    "data directory): code, year, counts of declared fields, annex lists\n"
    "and rules, title and notice; the default (the edition a declaration\n"
    "whose form.csv names none is read as) is marked.\n"
    "\n"
    "  -f, --format FMT      text (default) or json, on standard output\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 listed, 2 the run failed (an edition cannot be read).\n";

static const char diff_usage[] =
    "usage: shenbao diff [OPTIONS] OLD.json NEW.json\n"
    "\n"
    "Compare two runs of shenbao check -f json by finding fingerprint:\n"
    "the findings that are new, fixed and persisting.\n"
    "\n"
    "  -f, --format FMT      text (default) or json, on standard output\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no new errors, 1 new errors (not accepted by a\n"
    "baseline), 2 the run failed (a file missing, not a findings JSON).\n";

static const char inspect_usage[] =
    "usage: shenbao inspect [OPTIONS] FILE\n"
    "\n"
    "Show what shenbao understands of one CSV file: its encoding, how its\n"
    "header maps to the form's columns, and each row as a JSON line of\n"
    "typed values (invalid cells as {\"invalid\": text, \"why\": reason}).\n"
    "FILE - is standard input (give its annex with -a). A form.csv shows\n"
    "each declared figure as written and as read (\"1,2３4\" -> 1234).\n"
    "\n"
    "      --form EDITION    form edition (default @EDITION@)\n"
    "  -a, --annex CODE      the annex the file is (default: from its name)\n"
    "  -n, --rows N          print at most N rows (default all)\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n";

/* --lang, the same for charts and deck. */
#define LANG_OPTION                                                          \
    "      --lang LANG       zh (default) or en: the labels in English for\n" \
    "                        international reviewers (titles, axes, units,\n" \
    "                        sources; 1.26万 reads 12.6k, 126万 1.26M);\n" \
    "                        names in the lists stay as declared;\n" \
    "                        words the edition's charts_en.csv lacks stay\n" \
    "                        Chinese, said once on stderr\n"

static const char charts_usage[] =
    "usage: shenbao charts [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR and draw the statistics charts of its\n"
    "form edition from the declared figures and the annex lists: for each\n"
    "chart ID, ID.png (1920×1080, for 16:9 slides), ID@2x.png, ID.svg\n"
    "(labels as text, editable in PowerPoint or WPS), ID.pdf (vector,\n"
    "fonts embedded) and ID.csv (the data drawn). A chart whose data is\n"
    "missing is skipped and said so.\n"
    "\n"
    "  -o, --output DIR      where to write (default ./charts)\n"
    "      --theme THEME     defense (default): labels 36 px, titles 56 px,\n"
    "                        source 28 px at 1920×1080, for projecting;\n"
    "                        document: 28, 48 and 22 px, for pasting\n"
    "                        into a document\n"
    "      --size WxH        ID.png in pixels (default 1920x1080; 1280x720\n"
    "                        is the same slide, smaller); ID@2x.png twice\n"
    "      --svg-outlines    ID.svg with the labels as glyph outlines (the\n"
    "                        same look without the fonts, not editable)\n"
    LANG_OPTION
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 the charts were written, 2 the run failed.\n";

static const char deck_usage[] =
    "usage: shenbao deck [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR and write its defense deck (答辩) as a\n"
    "16:9 PDF to project as is: a title slide (platform, company, edition,\n"
    "statistics date), then one chart a slide in the defense theme (labels\n"
    "36 px at 1920×1080), in the order of the indicators they support,\n"
    "each with the platform's name, the indicator and the slide number in\n"
    "the footer. A chart whose data is missing has no slide.\n"
    "\n"
    "  -o, --output FILE     the PDF to write (default deck.pdf)\n"
    LANG_OPTION
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written, 2 the run failed (nothing written).\n";

/* The electronic form of large lists (notice 002 附件2 说明3), an option
 * of volumes and build. */
#define ELECTRONIC_USAGE                                                     \
    "      --electronic CODE,…  these lists (codes of annexes.csv) in\n"     \
    "                        electronic form: the list copied beside its\n"  \
    "                        volume as 附件N-标题.csv, the volume a summary\n" \
    "                        (rows per class tied to the 申报书, file name,\n" \
    "                        rows, SHA-256)\n"                               \
    "      --electronic-pages N  also every list whose volume would take\n"  \
    "                        more than N pages\n"

static const char build_usage[] =
    "usage: shenbao build [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR, then write all its outputs into OUT:\n"
    "  check.txt, check.json, check.junit.xml   the findings\n"
    "  check.html                               the findings and the\n"
    "                                           核对表 as a web page\n"
    "  charts/                                  the statistics charts\n"
    "  deck.pdf                                 the defense deck (答辩)\n"
    "  annexes.xlsx                             the lists and a 核对表\n"
    "A batch directory (no form.csv, folders that are declarations) is\n"
    "built as shenbao batch builds it: 推荐信息汇总表.xlsx and .pdf,\n"
    "申报书概览.pdf and the batch's findings as check.txt/.json/.junit.xml.\n"
    "Each file is written whole or not at all: a failure never leaves a\n"
    "half-written file nor deletes a previous good one. The files written\n"
    "are listed on standard output.\n"
    "\n"
    "  -o, --output OUT      where to write (default outputs/NAME, NAME\n"
    "                        being the last part of DIR)\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "      --mask            mask names, phone numbers and e-mail addresses\n"
    "                        in the volumes (张*明, 138****1234)\n"
    ELECTRONIC_USAGE
    "      --strict          a starred figure without evidence and a\n"
    "                        required material missing are errors\n"
    "  -q, --quiet           no progress display\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors found, 1 errors found (outputs written all\n"
    "the same), 2 the run failed.\n";

static const char xlsx_usage[] =
    "usage: shenbao xlsx [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR and write its annex lists as one Excel\n"
    "workbook, the electronic form the notices allow for large lists:\n"
    "a 核对表 of every numeric figure beside the value\n"
    "its list gives, a 清单概况, then one sheet per annex in form order, each\n"
    "row at the row number findings give, continued on a new sheet past\n"
    "Excel's 1,048,576 rows (\"附件1 工业设备清单（续1）\").\n"
    "\n"
    "  -o, --output FILE     the workbook (default annexes.xlsx in the\n"
    "                        current directory); replaced only when complete\n"
    "      --mask            mask personal data for circulation: names 张*明,\n"
    "                        phone numbers 138****1234, e-mails z***@163.com\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default @EDITION@)\n"
    "      --tmpdir DIR      libxlsxwriter's temporary files, about 600 bytes\n"
    "                        per row (default: the output's directory)\n"
    "  -q, --quiet           no progress display\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written and no errors in the declaration, 1 written\n"
    "and errors found (see the 核对表, or run 'shenbao check'), 2 the run\n"
    "failed (bad usage, unreadable input, failed write).\n";

static const char batch_usage[] =
    "usage: shenbao batch [OPTIONS] DIR...\n"
    "\n"
    "A recommending department's batch: check each declaration DIR (all\n"
    "of one call), or each folder of one batch directory DIR that holds\n"
    "declarations, as shenbao check does; enforce the call's quotas (the\n"
    "edition's quotas.csv: by recommending unit, by the unit's kind, by\n"
    "the declarants' city) and one declaration per declarant (USCC); and\n"
    "reconcile the batch with the department's own 汇总表 (--summary, or\n"
    "a file of the batch directory whose name holds 汇总表: .csv, .xlsx):\n"
    "declarations it lists that are missing, ones it does not list, and\n"
    "its cells that differ from the declaration's own. Writes the call's\n"
    "汇总表 built from the declarations (FILE.xlsx, one sheet per unit,\n"
    "and FILE.pdf to print and stamp, A4, one page per unit) and beside it\n"
    "FILE-概览.pdf, a page per declaration in batch order: status, findings,\n"
    "word counts per section against their limits, evidence present.\n"
    "\n"
    "  -o, --output FILE     the workbook (default 汇总表.xlsx in the\n"
    "                        current directory)\n"
    "  -f, --format FORMAT   findings on standard output: text (default),\n"
    "                        json or junit (a test suite per declaration)\n"
    "      --summary FILE    the department's 汇总表 to reconcile with\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default @EDITION@)\n"
    "      --max-print N     print at most N findings of each kind per file\n"
    "                        (default 20; 0 = all)\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "      --color WHEN      findings in colour: auto (default), always,\n"
    "                        never\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: as shenbao check: 0 no errors (warnings allowed), 1\n"
    "errors found (in a declaration or the batch), 2 the run failed (bad\n"
    "usage, unreadable input, failed write).\n";

static const char report_usage[] =
    "usage: shenbao report [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR, then typeset its 申报书 (report) as a PDF\n"
    "in the format of its notice (A4, 3号仿宋, GB/T 9704 page): the form's\n"
    "wording with every declared figure filled in, the narrative of\n"
    "DIR/declaration.md, the charts and the list of evidence materials,\n"
    "with a clickable table of contents and bookmarks. Problems found\n"
    "(findings of the check and of the report: word limits, missing\n"
    "sections, blanks, characters the fonts lack) never stop the report;\n"
    "they are printed as shenbao check prints them.\n"
    "\n"
    "  -o, --output FILE     the PDF to write (default declaration.pdf)\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "      --max-print N     print at most N findings of each kind per\n"
    "                        file (default 20; 0 = all)\n"
    "      --strict          a starred figure without evidence and a\n"
    "                        required material missing are errors\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "      --color WHEN      findings in colour: auto (default), always,\n"
    "                        never\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors (the PDF written), 1 errors found (the PDF\n"
    "written all the same), 2 the run failed (nothing written).\n";

static const char init_usage[] =
    "usage: shenbao init [OPTIONS] DIR\n"
    "\n"
    "Write a blank declaration into DIR (created; it must not exist or be\n"
    "empty): form.csv with a row per declared field (代码,项目,值), one CSV\n"
    "per annex list with its Chinese headers, and declaration.md with a\n"
    "heading per narrative section, each saying what to write and its word\n"
    "limit. Fill them in, then run shenbao check or shenbao report.\n"
    "\n"
    "With --from OLD, start from an older declaration of any edition: its\n"
    "figures carried where the field is the same (money converted exactly\n"
    "when the unit changed), its lists mapped column by column, its\n"
    "evidence copied, and DIR/migration.md saying what could not be\n"
    "carried (fields and columns new in EDITION, old ones it has not).\n"
    "\n"
    "      --form EDITION    form edition (default @EDITION@)\n"
    "      --from OLD        start from the declaration in OLD\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written, 2 the run failed (DIR not empty, unknown\n"
    "edition, cannot write).\n";

static const char volumes_usage[] =
    "usage: shenbao volumes [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR quietly, then typeset each annex list\n"
    "present as a PDF volume, OUT/附件N-标题.pdf (title page, every row in\n"
    "file order, the header on every page, \"第 n 页 共 N 页\"), and the\n"
    "files under DIR/evidence/ (PDF, PNG, JPEG; order and titles from\n"
    "evidence/index.csv if there is one) as OUT/证明材料.pdf with its\n"
    "contents. The files written are listed on standard output; problems\n"
    "found on the way (an unreadable evidence file …) on standard error.\n"
    "\n"
    "  -o, --output OUT      where to write (default ./volumes)\n"
    "      --mask            mask names, phone numbers and e-mail addresses\n"
    "                        (volumes meant to circulate)\n"
    ELECTRONIC_USAGE
    "  -a, --annex CODE      only this annex (a code of annexes.csv), or\n"
    "                        \"evidence\" for the evidence volume; again\n"
    "                        for several (-a CODE -a evidence)\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "      --follow-symlinks read lists and files that are links out of DIR\n"
    "                        (refused by default: an error finding)\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written, 1 written but with errors on the way (an\n"
    "evidence file left out, a character no face has), 2 the run failed\n"
    "(nothing half-written: a volume is whole or as it was before).\n";

/* The options of every command that reads a declaration. */
#define READS_DECL (SB_OPT(FORM) | SB_OPT(FOLLOW_SYMLINKS))

static const struct sb_cmd commands[] = {
    {"check", "DIR", "cross-check form.csv against annex/*.csv", sb_cmd_check,
     check_usage,
     READS_DECL | SB_OPT(FORMAT) | SB_OPT(JUNIT) | SB_OPT(MAX_PRINT) |
         SB_OPT(MAX_FINDINGS) | SB_OPT(THREADS) | SB_OPT(QUIET) |
         SB_OPT(BASELINE) | SB_OPT(WRITE_BASELINE) | SB_OPT(OUTPUT) |
         SB_OPT(COLOR) | SB_OPT(HTML),
     "one declaration directory"},
    {"inspect", "FILE", "show how one CSV file is read", sb_cmd_inspect,
     inspect_usage, SB_OPT(FORM) | SB_OPT(ANNEX) | SB_OPT(ROWS),
     "one CSV file"},
    {"charts", "DIR", "draw the statistics charts (PNG, SVG, PDF, CSV)",
     sb_cmd_charts, charts_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(FONTS) | SB_OPT(THEME) |
         SB_OPT(SIZE) | SB_OPT(SVG_OUTLINES) | SB_OPT(LANG),
     "one declaration directory"},
    {"deck", "DIR", "write the defense deck: one chart a 16:9 slide",
     sb_cmd_deck, deck_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(FONTS) | SB_OPT(LANG),
     "one declaration directory"},
    {"build", "DIR", "check, then write every output into one folder",
     sb_cmd_build, build_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(FONTS) | SB_OPT(MASK) |
         SB_OPT(QUIET) | SB_OPT(ELECTRONIC) | SB_OPT(ELECTRONIC_PAGES) |
         SB_OPT(STRICT),
     "one declaration directory"},
    {"xlsx", "DIR", "write the annex lists and a 核对表 as one workbook",
     sb_cmd_xlsx, xlsx_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(MASK) | SB_OPT(TMPDIR) |
         SB_OPT(QUIET),
     "one declaration directory"},
    {"batch", "DIR...", "check a batch: quotas, the 汇总表, an overview",
     sb_cmd_batch, batch_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(FORMAT) | SB_OPT(SUMMARY) |
         SB_OPT(MAX_PRINT) | SB_OPT(FONTS) | SB_OPT(COLOR),
     "declaration directories, or one batch directory"},
    {"report", "DIR", "typeset the 申报书 as a PDF in the official format",
     sb_cmd_report, report_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(FONTS) | SB_OPT(MAX_PRINT) |
         SB_OPT(COLOR) | SB_OPT(STRICT),
     "one declaration directory"},
    {"init", "DIR", "write a blank declaration to fill in", sb_cmd_init,
     init_usage, SB_OPT(FORM) | SB_OPT(FROM), "one directory to create"},
    {"volumes", "DIR", "typeset the annex lists and the evidence as PDF",
     sb_cmd_volumes, volumes_usage,
     READS_DECL | SB_OPT(OUTPUT) | SB_OPT(MASK) | SB_OPT(ANNEX) |
         SB_OPT(FONTS) | SB_OPT(ELECTRONIC) | SB_OPT(ELECTRONIC_PAGES),
     "one declaration directory"},
    {"editions", "", "list the form editions there are", sb_cmd_editions,
     editions_usage, SB_OPT(FORMAT), "no operand"},
    {"diff", "OLD NEW", "new, fixed and persisting findings of two check runs",
     sb_cmd_diff, diff_usage, SB_OPT(FORMAT), "two findings JSON files"},
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

/* `shenbao --help`: the program, then a line per command of the table. */
static void print_usage(FILE *fp)
{
    fputs("usage: shenbao COMMAND [OPTIONS] ...\n"
          "\n"
          "Check, chart and typeset Chinese industrial-internet platform\n"
          "declarations (工业互联网平台申报书) and their annex lists.\n"
          "\n"
          "commands:\n",
          fp);
    for (int i = 0; i < N_COMMANDS; i++) {
        const struct sb_cmd *c = &commands[i];
        int len = (int)(strlen(c->name) + 1 + strlen(c->operands));

        fprintf(fp, "  %s %s%*s %s\n", c->name, c->operands,
                len < 16 ? 16 - len : 0, "", c->summary);
    }
    fputs("\n"
          "Run 'shenbao COMMAND --help' for a command's options.\n"
          "Exit status: 0 clean, 1 errors found, 2 the run failed.\n",
          fp);
}

/* Parse and run the command argv[0] names. */
static int run(const struct sb_cmd *c, int argc, char **argv)
{
    struct sb_args a;
    int status;

    if (sb_cli_parse(c, argc, argv, &a, &status)) {
        if (!a.quiet && isatty(2))
            sb_progress_enable(stderr);
        status = c->run(&a);
    }
    return status;
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : NULL;
    int i, rc;

    if (name == NULL) {
        print_usage(stderr);
        return SB_EXIT_FAILED;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("shenbao %s\n", SB_VERSION);
        return SB_EXIT_CLEAN;
    }
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        print_usage(stdout);
        return SB_EXIT_CLEAN;
    }
    for (i = 0; i < N_COMMANDS && strcmp(commands[i].name, name) != 0; i++)
        ;
    if (i == N_COMMANDS) {
        const char *names[N_COMMANDS];
        struct sb_buf b = {0};
        char *hint;

        for (i = 0; i < N_COMMANDS; i++)
            names[i] = commands[i].name;
        sb_suggest_list(&b, name, names, N_COMMANDS);
        hint = sb_buf_take(&b);
        rc = sb_cli_usage(NULL, "unknown command \"%s\"%s", name, hint);
        free(hint);
        return rc;
    }
    rc = run(&commands[i], argc - 1, argv + 1);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "shenbao: cannot write standard output: %s\n",
                strerror(errno));
        return SB_EXIT_FAILED;
    }
    return rc;
}
