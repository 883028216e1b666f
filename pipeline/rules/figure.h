/* figure.h: a declared figure as the rules see it.
 *
 * form.csv gives each field of the form a value; the check reads it into
 * one struct sb_figure per field (check/figures.c) and the rules read the
 * figures when they evaluate (eval.h) or filter rows by them (agg.h). */
#ifndef SB_PIPELINE_FIGURE_H
#define SB_PIPELINE_FIGURE_H

#include <stdint.h>

#include "base/sb.h"

enum sb_fig_state {
    SB_FIG_MISSING, /* not in form.csv, or left empty */
    SB_FIG_NONE,    /* 无 (counts as 0 where the form allows it) */
    SB_FIG_OK,
    SB_FIG_INVALID, /* present but not a value of its type */
};

/* A declared figure or field value, as read from form.csv. */
struct sb_figure {
    enum sb_fig_state state;
    char *raw;       /* the text as written, trimmed (NULL if missing) */
    double value;    /* numbers in canonical units: money in 元,
                        percentages in percent; dates as days; bool 0/1 */
    double tol;      /* half a unit of the last written digit, in the
                        same unit: the precision it was declared with */
    int scale;       /* digits written after the point */
    int32_t date;    /* dates: days since 1970-01-01 */
    int enum_idx;    /* enum fields */
    uint64_t mask;   /* enum_list fields: bit i = value i */
    struct sb_pos pos; /* the value cell in form.csv */
};

/* Is figure g unusable (missing, or not a value of its type)? */
static inline int sb_figure_unknown(const struct sb_figure *g)
{
    return g->state == SB_FIG_MISSING || g->state == SB_FIG_INVALID;
}

#endif
