/* cli.h: the report commands of the shenbao command line, dispatched by
 * pipeline/main.c. Each takes the command's own argv (argv[0] is the
 * command name), prints its errors, and returns the exit status of
 * README "Exit codes": 0 clean, 1 errors found in the input, 2 the run
 * failed. */
#ifndef SB_REPORTS_CLI_H
#define SB_REPORTS_CLI_H

/* shenbao xlsx [--mask] [-o FILE] DIR: the annex workbook (xlsx.h). */
int sb_cli_xlsx(int argc, char **argv);

/* shenbao recommend [-o FILE] DIR...: the 推荐信息汇总表 and its quota
 * (recommend.h). */
int sb_cli_recommend(int argc, char **argv);

#endif
