/* main.c: the shenbao command line: options, wiring, exit status.
 *
 * Exit status (README "Exit codes"): 0 the declaration is clean (no
 * error-severity finding), 1 errors were found, 2 the run itself failed
 * (usage, unreadable input, failed write). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/build.h"
#include "chart/chartset.h"
#include "cli/cliutil.h"
#include "cli/cli.h"
#include "check/decl.h"
#include "typeset/fonts.h"
#include "check/inspect.h"
#include "findings/baseline.h"
#include "findings/diff.h"
#include "base/outfile.h"
#include "report/report.h"
#include "base/sb.h"
#include "form/scaffold.h"
#include "volume/volume.h"


static const char usage_text[] =
    "usage: shenbao COMMAND [OPTIONS] ...\n"
    "\n"
    "Check, chart and typeset Chinese industrial-internet platform\n"
    "declarations (工业互联网平台申报书) and their annex lists.\n"
    "\n"
    "commands:\n"
    "  check DIR        cross-check form.csv against annex/*.csv\n"
    "  inspect FILE     show how one CSV file is read\n"
    "  charts DIR       draw the statistics charts (PNG, SVG, PDF, CSV)\n"
    "  build DIR        check, then write every output into one folder\n"
    "  xlsx DIR         write the annex lists and a 核对表 as one workbook\n"
    "  recommend DIR... write the 推荐信息汇总表 and check the quota\n"
    "  report DIR       typeset the 申报书 as a PDF in the official format\n"
    "  init DIR         write a blank declaration to fill in\n"
    "  volumes DIR      typeset the annex lists and the evidence as PDF\n"
    "  diff OLD NEW     new, fixed and persisting findings of two check runs\n"
    "\n"
    "Run 'shenbao COMMAND --help' for a command's options.\n"
    "Exit status: 0 clean, 1 errors found, 2 the run failed.\n";

static const char check_usage[] =
    "usage: shenbao check [OPTIONS] DIR\n"
    "\n"
    "Read the declaration in DIR (form.csv, annex/*.csv) and cross-check\n"
    "every declared figure against the annex lists and against itself.\n"
    "Findings are printed grouped by severity and file.\n"
    "\n"
    "  -f, --format FMT      text (default) or json, on standard output\n"
    "  -j, --junit FILE      also write JUnit XML (one test case per rule)\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default platform-2023)\n"
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
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors (warnings, and errors a baseline accepts,\n"
    "allowed), 1 errors found, 2 the run failed (bad usage, unreadable\n"
    "input or baseline).\n";

static const char diff_usage[] =
    "usage: shenbao diff [OPTIONS] OLD.json NEW.json\n"
    "\n"
    "Compare two runs of shenbao check -f json by finding fingerprint:\n"
    "the findings that are new, fixed and persisting.\n"
    "\n"
    "  -f, --format FMT      text (default) or json, on standard output\n"
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
    "\n"
    "      --form EDITION    form edition (default platform-2023)\n"
    "  -a, --annex CODE      the annex the file is (default: from its name)\n"
    "  -n, --rows N          print at most N rows (default all)\n"
    "  -h, --help            this text\n";

/* Print "shenbao: " + what (with %s replaced by arg) and the help. */
static const char charts_usage[] =
    "usage: shenbao charts [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR and draw the statistics charts of its\n"
    "form edition from the declared figures and the annex lists: for each\n"
    "chart ID, ID.png (1920×1080, for 16:9 slides), ID@2x.png, ID.svg,\n"
    "ID.pdf (vector, fonts embedded) and ID.csv (the data drawn). A chart\n"
    "whose data is missing is skipped and said so.\n"
    "\n"
    "  -o, --output DIR      where to write (default ./charts)\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 the charts were written, 2 the run failed.\n";

static const char build_usage[] =
    "usage: shenbao build [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR, then write all its outputs into OUT:\n"
    "  check.txt, check.json, check.junit.xml   the findings\n"
    "  charts/                                  the statistics charts\n"
    "  annexes.xlsx                             the lists and a 核对表\n"
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
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors found, 1 errors found (outputs written all\n"
    "the same), 2 the run failed.\n";

static const char report_usage[] =
    "usage: shenbao report [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR, then typeset its 申报书 (report) as a PDF\n"
    "in the format of notice 002 (A4, 3号仿宋, GB/T 9704 page): the form's\n"
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
    "      --form EDITION    form edition (default platform-2023)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written, 2 the run failed (DIR not empty, unknown\n"
    "edition, cannot write).\n";

/* Write d's findings to path with write (JUnit, a baseline), whole or
 * not at all. */
static int write_findings(const char *path, struct sb_decl *d,
                          int (*write)(struct sb_findings *, FILE *,
                                       const char *),
                          struct sb_error *err)
{
    struct sb_outfile o;
    int rc = sb_outfile_open(&o, path, err);

    if (rc != SB_OK)
        return rc;
    rc = write(d->findings, o.fp, d->dir);
    if (rc != SB_OK) {
        sb_outfile_abort(&o);
        return sb_error_set(err, rc, NULL, "cannot write %s", path);
    }
    return sb_outfile_commit(&o, err);
}

static int cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"junit", required_argument, NULL, 'j'},
        {"form", required_argument, NULL, 'F'},
        {"max-print", required_argument, NULL, 'P'},
        {"max-findings", required_argument, NULL, 'M'},
        {"threads", required_argument, NULL, 'T'},
        {"baseline", required_argument, NULL, 'B'},
        {"write-baseline", required_argument, NULL, 'W'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts opts = {0};
    const char *format = "text", *junit = NULL;
    const char *baseline = NULL, *write_baseline = NULL;
    struct sb_baseline *bl = NULL;
    long max_print = 20, v;
    struct sb_decl *d = NULL;
    struct sb_error err = {0};
    int c, rc, status;

    opts.progress = 1;
    while ((c = getopt_long(argc, argv, "f:j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
                return sb_cli_usage_error("--format: text or json, not \"%s\"",
                                   optarg, check_usage);
            break;
        case 'j':
            junit = optarg;
            break;
        case 'F':
            opts.form = optarg;
            break;
        case 'B':
            baseline = optarg;
            break;
        case 'W':
            write_baseline = optarg;
            break;
        case 'P':
        case 'M':
        case 'T':
            if (!sb_cli_parse_count(optarg, &v))
                return sb_cli_usage_error("expected a number, not \"%s\"", optarg,
                                   check_usage);
            if (c == 'P')
                max_print = v;
            else if (c == 'M')
                opts.max_per_kind = v;
            else
                opts.threads = (int)v;
            break;
        case 'q':
            opts.progress = 0;
            break;
        case 'h':
            fputs(check_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(check_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "check takes one declaration directory",
                           check_usage);
    if (baseline != NULL && sb_baseline_read(baseline, &bl, &err) != SB_OK)
        return sb_cli_failed(&err);
    rc = sb_decl_check(&d, argv[optind], &opts, &err);
    if (rc != SB_OK) {
        sb_baseline_free(bl);
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    if (bl != NULL)
        sb_baseline_apply(bl, d->findings, d->dir);
    sb_baseline_free(bl);
    if (strcmp(format, "json") == 0)
        rc = sb_findings_write_json(d->findings, stdout, d->dir);
    else
        rc = sb_findings_write_text(d->findings, stdout, max_print,
                                    isatty(1));
    if (rc == SB_OK && junit != NULL)
        rc = write_findings(junit, d, sb_findings_write_junit, &err);
    if (rc == SB_OK && write_baseline != NULL)
        rc = write_findings(write_baseline, d, sb_baseline_write, &err);
    status = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    sb_decl_free(d);
    if (rc != SB_OK) {
        if (err.msg[0] == '\0')
            sb_error_set(&err, rc, NULL, "cannot write the findings");
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    return status;
}

static int cmd_diff(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "text";
    struct sb_diff *df;
    struct sb_error err = {0};
    int c, rc, status;

    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
                return sb_cli_usage_error("--format: text or json, not \"%s\"",
                                          optarg, diff_usage);
            break;
        case 'h':
            fputs(diff_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(diff_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 2)
        return sb_cli_usage_error("%s", "diff takes two findings JSON files",
                                  diff_usage);
    if (sb_diff_load(argv[optind], argv[optind + 1], &df, &err) != SB_OK)
        return sb_cli_failed(&err);
    rc = strcmp(format, "json") == 0 ? sb_diff_write_json(df, stdout)
                                     : sb_diff_write_text(df, stdout);
    status = sb_diff_new_errors(df) > 0 ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
    sb_diff_free(df);
    return rc == SB_OK ? status : SB_EXIT_FAILED;
}

static int cmd_inspect(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"form", required_argument, NULL, 'F'},
        {"annex", required_argument, NULL, 'a'},
        {"rows", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_inspect_opts opts = {0};
    struct sb_error err = {0};
    long v;
    int c;

    opts.max_rows = -1;
    while ((c = getopt_long(argc, argv, "a:n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'F':
            opts.form = optarg;
            break;
        case 'a':
            opts.annex = optarg;
            break;
        case 'n':
            if (!sb_cli_parse_count(optarg, &v))
                return sb_cli_usage_error("--rows: expected a number, not \"%s\"",
                                   optarg, inspect_usage);
            opts.max_rows = v;
            break;
        case 'h':
            fputs(inspect_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(inspect_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "inspect takes one CSV file", inspect_usage);
    if (sb_inspect(argv[optind], &opts, stdout, &err) != SB_OK) {
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    return SB_EXIT_CLEAN;
}

static int cmd_charts(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"fonts", required_argument, NULL, 'f'},
        {"form", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts opts = {0};
    const char *outdir = "charts", *fonts_dir = NULL;
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    int c, rc, written = 0;

    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            outdir = optarg;
            break;
        case 'f':
            fonts_dir = optarg;
            break;
        case 'F':
            opts.form = optarg;
            break;
        case 'h':
            fputs(charts_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(charts_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "charts takes one declaration directory",
                           charts_usage);
    rc = sb_decl_check(&d, argv[optind], &opts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, fonts_dir, &err);
    if (rc == SB_OK)
        rc = sb_chartset_write(d, outdir, fonts, &written, &err);
    if (rc == SB_OK) {
        long n;
        const struct sb_finding *f = sb_findings_sorted(d->findings, &n);

        for (long i = 0; i < n; i++) {
            if (strncmp(f[i].code, "chart.", 6) == 0)
                fprintf(stderr, "shenbao: %s: %s\n",
                        f[i].sev == SB_SEV_INFO ? "info" : "warning",
                        f[i].message);
        }
        printf("%d charts written to %s\n", written, outdir);
    }
    sb_fonts_free(fonts);
    sb_decl_free(d);
    if (rc != SB_OK) {
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    return SB_EXIT_CLEAN;
}

static int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"fonts", required_argument, NULL, 'f'},
        {"form", required_argument, NULL, 'F'},
        {"mask", no_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_build_opts opts = {0};
    const char *out = NULL;
    char *def = NULL;
    struct sb_error err = {0};
    long errors = 0;
    int c, rc;

    opts.check.progress = 1;
    while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'f':
            opts.fonts_dir = optarg;
            break;
        case 'F':
            opts.check.form = optarg;
            break;
        case 'm':
            opts.mask = 1;
            break;
        case 'q':
            opts.check.progress = 0;
            break;
        case 'h':
            fputs(build_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(build_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "build takes one declaration directory",
                           build_usage);
    if (out == NULL) {
        const char *dir = argv[optind], *base;
        size_t n = strlen(dir);

        while (n > 1 && dir[n - 1] == '/')
            n--;
        base = dir + n;
        while (base > dir && base[-1] != '/')
            base--;
        def = sb_xasprintf("outputs/%.*s", (int)(dir + n - base), base);
        out = def;
    }
    rc = sb_build(argv[optind], out, &opts, stdout, &errors, &err);
    free(def);
    if (rc != SB_OK) {
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    printf("%ld errors found\n", errors);
    return errors > 0 ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
}

static int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"fonts", required_argument, NULL, 'f'},
        {"form", required_argument, NULL, 'F'},
        {"max-print", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts opts = {0};
    const char *out = "declaration.pdf", *fonts_dir = NULL;
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    long max_print = 20;
    int c, rc;

    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'f':
            fonts_dir = optarg;
            break;
        case 'F':
            opts.form = optarg;
            break;
        case 'P':
            if (!sb_cli_parse_count(optarg, &max_print))
                return sb_cli_usage_error("expected a number, not \"%s\"", optarg,
                                   report_usage);
            break;
        case 'h':
            fputs(report_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(report_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "report takes one declaration directory",
                           report_usage);
    rc = sb_decl_check(&d, argv[optind], &opts, &err);
    if (rc == SB_OK && !sb_report_has_template(d))
        rc = sb_error_set(&err, SB_EUSAGE, NULL,
                          "the form edition of %s has no 申报书 template "
                          "(report.md)",
                          argv[optind]);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, fonts_dir, &err);
    if (rc == SB_OK)
        rc = sb_report_write(d, out, fonts, d->findings, NULL, &err);
    if (rc == SB_OK) {
        sb_findings_write_text(d->findings, stdout, max_print, isatty(1));
        printf("申报书 written to %s\n", out);
        rc = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    } else {
        sb_error_print(&err);
        rc = SB_EXIT_FAILED;
    }
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return rc;
}

static int cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"form", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *form = "platform-2023";
    struct sb_error err = {0};
    int c;

    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'F':
            form = optarg;
            break;
        case 'h':
            fputs(init_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(init_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "init takes one directory to create",
                           init_usage);
    if (sb_scaffold_write(form, argv[optind], stdout, &err) != SB_OK) {
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    printf("fill in the files above, then: shenbao report %s\n",
           argv[optind]);
    return SB_EXIT_CLEAN;
}

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
    "  -a, --annex CODE      only this annex (devices, apps …), or\n"
    "                        \"evidence\" for the evidence volume only\n"
    "      --fonts DIR       official faces (仿宋_GB2312, 黑体 …) to use\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written, 1 written but with errors on the way (an\n"
    "evidence file left out, a character no face has), 2 the run failed\n"
    "(nothing half-written: a volume is whole or as it was before).\n";

static int cmd_volumes(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"mask", no_argument, NULL, 'm'},
        {"annex", required_argument, NULL, 'a'},
        {"fonts", required_argument, NULL, 'f'},
        {"form", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts copts = {0};
    struct sb_volume_opts vopts = {0};
    struct sb_volume_list vols = {0};
    const char *outdir = "volumes", *fonts_dir = NULL, *only = NULL;
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    long before = 0, n;
    int c, rc;

    while ((c = getopt_long(argc, argv, "o:a:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            outdir = optarg;
            break;
        case 'm':
            vopts.mask = 1;
            break;
        case 'a':
            only = optarg;
            break;
        case 'f':
            fonts_dir = optarg;
            break;
        case 'F':
            copts.form = optarg;
            break;
        case 'h':
            fputs(volumes_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(volumes_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "volumes takes one declaration directory",
                           volumes_usage);
    rc = sb_decl_check(&d, argv[optind], &copts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, fonts_dir, &err);
    if (rc == SB_OK) {
        /* the check's own findings are not this command's business */
        before = sb_findings_count(d->findings, SB_SEV_ERROR);
        rc = sb_volumes_write(d, outdir, only, &vopts, fonts, &vols, &err);
    }
    for (int i = 0; i < vols.n; i++)
        printf("%s (%s: %d pages)\n", vols.v[i].path, vols.v[i].title,
               vols.v[i].pages);
    if (d != NULL) {
        const struct sb_finding *f = sb_findings_sorted(d->findings, &n);

        for (long i = 0; i < n; i++)
            if (strncmp(f[i].code, "evidence.", 9) == 0 ||
                strncmp(f[i].code, "font.", 5) == 0 ||
                strncmp(f[i].code, "typeset.", 8) == 0)
                fprintf(stderr, "shenbao: %s: %s: %s [%s]\n",
                        f[i].pos.path ? f[i].pos.path : "",
                        f[i].sev == SB_SEV_ERROR     ? "error"
                        : f[i].sev == SB_SEV_WARNING ? "warning"
                                                     : "info",
                        f[i].message, f[i].code);
    }
    n = d != NULL ? sb_findings_count(d->findings, SB_SEV_ERROR) : 0;
    sb_volume_list_free(&vols);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    if (rc != SB_OK) {
        sb_error_print(&err);
        return SB_EXIT_FAILED;
    }
    return n > before ? SB_EXIT_FINDINGS : SB_EXIT_CLEAN;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;
    int rc;

    if (cmd == NULL) {
        fputs(usage_text, stderr);
        return SB_EXIT_FAILED;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("shenbao %s\n", SB_VERSION);
        return SB_EXIT_CLEAN;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return SB_EXIT_CLEAN;
    }
    if (strcmp(cmd, "check") == 0)
        rc = cmd_check(argc - 1, argv + 1);
    else if (strcmp(cmd, "inspect") == 0)
        rc = cmd_inspect(argc - 1, argv + 1);
    else if (strcmp(cmd, "charts") == 0)
        rc = cmd_charts(argc - 1, argv + 1);
    else if (strcmp(cmd, "build") == 0)
        rc = cmd_build(argc - 1, argv + 1);
    else if (strcmp(cmd, "xlsx") == 0)
        rc = sb_cli_xlsx(argc - 1, argv + 1);
    else if (strcmp(cmd, "recommend") == 0)
        rc = sb_cli_recommend(argc - 1, argv + 1);
    else if (strcmp(cmd, "report") == 0)
        rc = cmd_report(argc - 1, argv + 1);
    else if (strcmp(cmd, "init") == 0)
        rc = cmd_init(argc - 1, argv + 1);
    else if (strcmp(cmd, "volumes") == 0)
        rc = cmd_volumes(argc - 1, argv + 1);
    else if (strcmp(cmd, "diff") == 0)
        rc = cmd_diff(argc - 1, argv + 1);
    else
        return sb_cli_usage_error("unknown command \"%s\"", cmd, usage_text);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "shenbao: cannot write standard output: %s\n",
                strerror(errno));
        return SB_EXIT_FAILED;
    }
    return rc;
}
