/* cmd.h: the commands of the shenbao command line, one file each
 * (cmd_NAME.c). main.c's table gives each its name, options and help;
 * each takes the parsed command line (cli.h), prints what it did and its
 * errors, and returns an enum sb_exit: 0 clean, 1 errors found in the
 * input, 2 the run failed. */
#ifndef SB_REPORTS_CMD_H
#define SB_REPORTS_CMD_H

#include "cli/cli.h"

/* shenbao check DIR: the findings as text or JSON (and JUnit). */
int sb_cmd_check(const struct sb_args *a);

/* shenbao inspect FILE: how one CSV file is read (inspect.h). */
int sb_cmd_inspect(const struct sb_args *a);

/* shenbao charts DIR: the chart set (chartset.h). */
int sb_cmd_charts(const struct sb_args *a);

/* shenbao deck DIR: the defense deck (deck.h). */
int sb_cmd_deck(const struct sb_args *a);

/* shenbao build DIR: every output into one folder (build.h). */
int sb_cmd_build(const struct sb_args *a);

/* shenbao xlsx DIR: the annex workbook (xlsx.h). */
int sb_cmd_xlsx(const struct sb_args *a);

/* shenbao batch DIR...: a department's batch of declarations checked,
 * its quotas, its 汇总表 and the overview (batch.h). */
int sb_cmd_batch(const struct sb_args *a);

/* shenbao report DIR: the 申报书 PDF (report.h). */
int sb_cmd_report(const struct sb_args *a);

/* shenbao init DIR: a blank declaration (scaffold.h). */
int sb_cmd_init(const struct sb_args *a);

/* shenbao volumes DIR: the annex and evidence volumes (volume.h). */
int sb_cmd_volumes(const struct sb_args *a);

/* shenbao editions: the form editions there are (form.h). */
int sb_cmd_editions(const struct sb_args *a);

/* shenbao diff OLD.json NEW.json: two nights compared (diff.h). */
int sb_cmd_diff(const struct sb_args *a);

#endif
