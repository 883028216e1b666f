/* chart_axis.h: value axes and category labels fitted to their bands. */
#ifndef SB_REPORTS_CHART_AXIS_H
#define SB_REPORTS_CHART_AXIS_H

#include "chart/chart_model.h"
#include "chart/chart_ticks.h"
#include "base/numfmt.h"

struct value_axis {
    struct sb_ticks ticks;
    struct sb_numfmt_axis fmt;
    double p0, p1;      /* canvas position of the first and last tick */
    double label_w;     /* widest tick label */
};
/* Ticks for [lo, hi] over an axis len pt long; vertical axes space
 * ticks by label height, horizontal ones by label width. */
void chart_value_axis(struct sb_chart *c, struct value_axis *a, double lo,
                      double hi, double len, int vertical);
double chart_axis_map(const struct value_axis *a, double v);
void chart_tick_label(const struct value_axis *a, double v, char *buf,
                      size_t size);
/* "设备数（万台/套）" for the axis. */
char *chart_axis_title(const struct sb_chart *c, const struct value_axis *a);
/* Grid lines across [x0, x1] at each tick of a vertical value axis (the
 * zero line darker) and the tick labels right-aligned left of x0; on an
 * axis too short for them all, every k-th label, 0 kept. */
void chart_emit_vaxis(struct sb_chart *c, const struct value_axis *a,
                      double x0, double x1);
/* Grid lines from y_top down to py at each tick of a horizontal value
 * axis, and the tick labels centred under py. */
void chart_emit_haxis(struct sb_chart *c, const struct value_axis *a,
                      double py, double y_top);

/* How category labels fit a band. */
struct cat_fit {
    double angle_deg; /* 0, -45, -90 */
    int every;        /* label every k-th category, 1 = all */
    int max_lines;    /* 1 or 2 (horizontal only) */
    double max_w;     /* width to wrap/ellipsize at, pt */
    double height;    /* extent below the axis, pt */
    double overhang;  /* extent left of the first band's centre, pt */
    double overhang_r; /* extent right of the last band's centre, pt */
};
/* Try, in order: one line; 2 lines (wrap_ok); every k-th (thin_ok);
 * 45°; 90°; 90° every k-th, cutting long labels to max_h. */
void chart_fit_cats(struct sb_chart *c, const char *const *labels, int n,
                    double band, double max_h, int wrap_ok, int thin_ok,
                    double size, struct cat_fit *fit);
/* Emit category labels under y = top, band i centred at x0 + (i+.5)·band. */
void chart_emit_cats(struct sb_chart *c, const char *const *labels, int n,
                     double x0, double band, double top,
                     const struct cat_fit *fit, double size);

#endif
