/* cli.c: the report commands of the command line (see cli.h), in the
 * style of pipeline/main.c's check and inspect. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cliutil.h"
#include "check/decl.h"
#include "xlsx/recommend.h"
#include "xlsx/xlsx.h"


static const char xlsx_usage[] =
    "usage: shenbao xlsx [OPTIONS] DIR\n"
    "\n"
    "Check the declaration in DIR and write its annex lists as one Excel\n"
    "workbook, the electronic form notice 002 allows for large lists\n"
    "(附件2 说明 3): a 核对表 of every numeric figure beside the value its\n"
    "list gives, a 清单概况, then one sheet per annex in form order, each\n"
    "row at the row number findings give, continued on a new sheet past\n"
    "Excel's 1,048,576 rows (\"附件1 工业设备清单（续1）\").\n"
    "\n"
    "  -o, --output FILE     the workbook (default annexes.xlsx in the\n"
    "                        current directory); replaced only when complete\n"
    "      --mask            mask personal data for circulation: names 张*明,\n"
    "                        phone numbers 138****1234, e-mails z***@163.com\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default platform-2023)\n"
    "      --tmpdir DIR      libxlsxwriter's temporary files, about 600 bytes\n"
    "                        per row (default: the output's directory)\n"
    "  -q, --quiet           no progress display\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 written and no errors in the declaration, 1 written\n"
    "and errors found (see the 核对表, or run 'shenbao check'), 2 the run\n"
    "failed (bad usage, unreadable input, failed write).\n";

static const char recommend_usage[] =
    "usage: shenbao recommend [OPTIONS] DIR...\n"
    "\n"
    "Check each declaration DIR and write the 推荐信息汇总表 of notice 002\n"
    "附件3: one sheet per recommending unit (推荐单位) listing its platforms\n"
    "with their company, contact and mobile. A unit recommending more than\n"
    "2 platforms is an error (002 二、(二)); findings are printed as text.\n"
    "\n"
    "  -o, --output FILE     the workbook (default recommendations.xlsx in\n"
    "                        the current directory)\n"
    "      --form EDITION    form edition when form.csv names none\n"
    "                        (default platform-2023)\n"
    "      --max-print N     print at most N findings of each kind per file\n"
    "                        (default 20; 0 = all)\n"
    "  -h, --help            this text\n"
    "\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found (over the\n"
    "quota), 2 the run failed (bad usage, unreadable input, failed write).\n";

int sb_cli_xlsx(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"mask", no_argument, NULL, 'm'},
        {"form", required_argument, NULL, 'F'},
        {"tmpdir", required_argument, NULL, 'T'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts copts = {0};
    struct sb_xlsx_opts xopts = {0};
    const char *out = "annexes.xlsx";
    struct sb_decl *d = NULL;
    struct sb_error err = {0};
    int c, status;

    copts.progress = 1;
    while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'm':
            xopts.mask = 1;
            break;
        case 'F':
            copts.form = optarg;
            break;
        case 'T':
            xopts.tmpdir = optarg;
            break;
        case 'q':
            copts.progress = 0;
            break;
        case 'h':
            fputs(xlsx_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(xlsx_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind != argc - 1)
        return sb_cli_usage_error("%s", "xlsx takes one declaration directory",
                           xlsx_usage);
    if (sb_decl_check(&d, argv[optind], &copts, &err) != SB_OK)
        return sb_cli_failed(&err);
    status = sb_findings_count(d->findings, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                              : SB_EXIT_CLEAN;
    if (sb_xlsx_write(d, out, &xopts, &err) != SB_OK)
        status = sb_cli_failed(&err);
    sb_decl_free(d);
    return status;
}

/* Check each directory quietly and add it to r. */
static int collect(struct sb_recommend *r, char **dirs, int n,
                   const struct sb_check_opts *copts, struct sb_error *err)
{
    int rc = SB_OK;

    for (int i = 0; i < n && rc == SB_OK; i++) {
        struct sb_decl *d = NULL;

        rc = sb_decl_check(&d, dirs[i], copts, err);
        if (rc == SB_OK)
            rc = sb_recommend_add(r, d, err);
        sb_decl_free(d);
    }
    return rc;
}

int sb_cli_recommend(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"form", required_argument, NULL, 'F'},
        {"max-print", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct sb_check_opts copts = {0};
    const char *out = "recommendations.xlsx";
    long max_print = 20;
    struct sb_recommend *r = NULL;
    struct sb_findings *fs = NULL;
    struct sb_error err = {0};
    int c, rc, status = SB_EXIT_FAILED;

    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'F':
            copts.form = optarg;
            break;
        case 'P':
            if (!sb_cli_parse_count(optarg, &max_print))
                return sb_cli_usage_error("expected a number, not \"%s\"", optarg,
                                   recommend_usage);
            break;
        case 'h':
            fputs(recommend_usage, stdout);
            return SB_EXIT_CLEAN;
        default:
            fputs(recommend_usage, stderr);
            return SB_EXIT_FAILED;
        }
    }
    if (optind >= argc)
        return sb_cli_usage_error("%s", "recommend takes declaration directories",
                           recommend_usage);
    r = sb_recommend_new();
    fs = sb_findings_new(0);
    rc = collect(r, argv + optind, argc - optind, &copts, &err);
    if (rc == SB_OK) {
        sb_recommend_check(r, fs);
        rc = sb_findings_write_text(fs, stdout, max_print, isatty(1));
        if (rc != SB_OK)
            sb_error_set(&err, rc, NULL, "cannot write the findings");
    }
    if (rc == SB_OK)
        rc = sb_recommend_write(r, out, &err);
    if (rc == SB_OK)
        status = sb_findings_count(fs, SB_SEV_ERROR) > 0 ? SB_EXIT_FINDINGS
                                                         : SB_EXIT_CLEAN;
    else
        sb_cli_failed(&err);
    sb_findings_free(fs);
    sb_recommend_free(r);
    return status;
}
