/* progress.h: the one progress line of a long run, on a terminal only.
 *
 * Each long stage (reading the lists, the workbook, the volumes, the
 * 申报书, the charts) says what it does with sb_progress_begin, counts
 * its units with sb_progress_step and closes with sb_progress_end. The
 * line shows every stage running at once (build draws the charts on a
 * thread beside the workbook), each as its label, units done / total,
 * percent and, once it is meaningful (1 s into the stage and 1 % done),
 * the time left at the stage's average rate so far:
 *
 *     shenbao: 工作簿 135,000/300,000 行 45% 约剩 14 秒 · 图表 3/21 张 14%
 *
 * Steps redraw the line at most 4 times a second; a stage that begins
 * or ends redraws it at once. It is cut to the terminal's width, and
 * erased when the last stage ends, so nothing printed after it shares
 * its line. Nothing is drawn until sb_progress_enable is
 * given a stream (the CLI gives stderr when it is a terminal and -q was
 * not given); until then begin returns NULL and step and end do
 * nothing, so the stages cost nothing in tests, pipes and CI. All
 * functions may be called from any thread. */
#ifndef SB_PIPELINE_PROGRESS_H
#define SB_PIPELINE_PROGRESS_H

#include <stdio.h>

struct sb_progress;

/* Draw the progress line on fp (borrowed; normally stderr on a
 * terminal) from now on; NULL turns it off (the default). Call it
 * before the first stage begins. */
void sb_progress_enable(FILE *fp);

/* The clock the line reads, in seconds from any fixed origin; NULL
 * restores CLOCK_MONOTONIC. For tests, which inject their own. */
void sb_progress_clock(double (*now)(void));

/* A stage begins: label names it ("工作簿"), unit its units ("行"),
 * both borrowed until sb_progress_end (string literals); total is how
 * many units it will step, 0 when unknown (then the line shows the
 * units done, or the time spent while none is). The line is redrawn
 * with it. Returns the stage, NULL when progress is off (which step and
 * end accept). */
struct sb_progress *sb_progress_begin(const char *label, const char *unit,
                                      long long total);

/* n more units of stage p are done; redraws when the last draw is
 * 0.25 s old or more. p may be NULL. */
void sb_progress_step(struct sb_progress *p, long long n);

/* Stage p is over (frees it): the line is erased when it was the last
 * stage, else redrawn without it. p may be NULL. */
void sb_progress_end(struct sb_progress *p);

/* printf to fp (stdout, say) a line of the run's own, with the progress
 * line erased first so the two never share a line; it is drawn again
 * at the next step. Flushes fp. */
void sb_progress_printf(FILE *fp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
