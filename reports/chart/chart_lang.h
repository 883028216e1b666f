/* chart_lang.h: the few words a chart writes itself, in the chart's
 * language (issue 16 item 11): the merged 其他 / Other, the donut's
 * 合计 / Total, default names, brackets around a unit, the kinds of
 * chart for the alt text. Everything else on a chart (titles, names,
 * units, categories) comes from the spec, which the caller gives in the
 * language it chose. */
#ifndef SB_REPORTS_CHART_LANG_H
#define SB_REPORTS_CHART_LANG_H

#include "base/lang.h"

struct chart_words {
    const char *other;    /* the merged category: "其他", "Other" */
    const char *total;    /* the donut's centre caption */
    const char *value;    /* default value name */
    const char *category; /* default category name */
    const char *month;    /* default category name of a line */
    const char *series;   /* default series name */
    const char *share;    /* default share name */
    const char *open, *close; /* around a unit: "（" "）", " (" ")" */
    const char *comma;    /* "，", ", " */
    const char *unit_gap; /* between a number and its unit: "", " " */
    const char *kind[9];  /* enum sb_chart_kind: "柱状图", "bar chart" */
};

/* The words of lang. Static. */
const struct chart_words *chart_words(enum sb_lang lang);

/* "设备数（台/套）", "Devices (units)", or name alone when unit is NULL
 * or empty. Returns a new string (free it). */
char *chart_name_unit(enum sb_lang lang, const char *name, const char *unit);

/* Whether s names the catch-all category: 其他, 其它 or Other. */
int chart_is_other(const char *s);

#endif
