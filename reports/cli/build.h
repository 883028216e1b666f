/* build.h: `shenbao build DIR -o OUT`, the whole job in one command:
 * check the declaration, then write into OUT
 *   check.txt, check.json, check.junit.xml   the findings
 *   check.html                               the findings and the 核对表
 *                                            as a web page (html.h)
 *   charts/                                  the chart set
 *   annexes.xlsx                             the lists and a 核对表
 *   annex/                                   the annex volumes (附件N-
 *                                            标题.pdf, 证明材料.pdf)
 *   declaration.pdf                          the 申报书 (report.h), when
 *                                            the edition has a template.
 * A recommender's batch, a DIR that holds no form.csv but folders that
 * do (one declaration each), is built as `shenbao batch` builds it
 * (batch.h): 推荐信息汇总表.xlsx and .pdf, 申报书概览.pdf, and the
 * batch's findings (each declaration's, the quotas', the
 * reconciliation's) as check.txt/.json/.junit.xml.
 * The outputs are one set (base/outset.h): written into a staging
 * directory beside OUT under a lock and swapped in whole at the end, so
 * OUT holds the complete previous set or the complete new one, whatever
 * happens to the run; a run error leaves the previous set as it was. */
#ifndef SB_REPORTS_BUILD_H
#define SB_REPORTS_BUILD_H

#include "check/decl.h"

struct sb_build_opts {
    struct sb_check_opts check;
    const char *fonts_dir; /* official faces, or NULL */
    int mask;              /* mask personal data in the volumes */
    const char *electronic; /* lists in electronic form (volume.h) */
    long electronic_pages;  /* and those over this many pages; 0: none */
};

/* Build dir into out. The files written are listed on list (one path a
 * line, as under out; may be NULL). *errors receives the number of
 * error findings. Returns SB_OK, or the first run error (SB_EIO,
 * SB_EFORMAT …) with err: then out is left as it was (another run holds
 * its lock, it is a folder that is not an output set, an output failed). */
int sb_build(const char *dir, const char *out,
             const struct sb_build_opts *opts, FILE *list, long *errors,
             struct sb_error *err);

#endif
