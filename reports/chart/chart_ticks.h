/* chart_ticks.h: where the ticks of a chart axis go. Pure arithmetic, no
 * drawing: value axes use the extended Wilkinson search of Talbot, Lin
 * and Hanrahan (InfoVis 2010, R package labeling::extended); month axes
 * step by 1, 2, 3, 6 or 12 months (research/charts.md §3). */
#ifndef SB_REPORTS_CHART_TICKS_H
#define SB_REPORTS_CHART_TICKS_H

#define SB_TICKS_MAX 24

/* Tick values of one axis, ascending and evenly spaced. */
struct sb_ticks {
    int n;                  /* 2..SB_TICKS_MAX */
    double v[SB_TICKS_MAX]; /* each the double nearest its decimal */
    double step;            /* v[i+1] - v[i] */
};

/* Ticks for data in [dmin, dmax] (either order), aiming at about m
 * ticks (2..SB_TICKS_MAX). The search scores every step q·10^z·j with
 * q in Q = [1, 5, 2, 2.5, 4, 3], skip j and count k by 0.25·simplicity
 * + 0.2·coverage + 0.5·density + 0.05·legibility, and keeps the best.
 * loose (labeling's only.loose) only accepts ticks that enclose the data:
 * use it on value axes. A bar axis must include 0: pass dmin/dmax with 0
 * folded in. An empty range (dmin == dmax) is widened to include 0, or
 * to [0, 1] when it is 0. Known answers at m = 5, loose: 0..97 → 0 25 50
 * 75 100; 13..1234567 → 0 250000 .. 1250000; -1234..0 → -1250 .. 0.
 * Returns 0, or -1 (out untouched) when a bound is not finite. */
int sb_ticks_extended(double dmin, double dmax, int m, int loose,
                      struct sb_ticks *out);

/* A target tick count for an axis axis_pt long whose labels need at
 * least spacing_pt between tick positions (about 2.5–3 label heights on
 * a vertical axis, a label width plus a gap on a horizontal one):
 * floor(axis_pt / spacing_pt) + 1, kept within 3..8. */
int sb_ticks_target(double axis_pt, double spacing_pt);

/* The smallest month step in {1, 2, 3, 6, 12} that shows n_months
 * (>= 1) months with at most max_labels labels. The ticks are the months
 * whose (month - 1) is a multiple of the step (1月, 4月, 7月, 10月 for
 * 3); 12 when even yearly labels are too many. */
int sb_ticks_month_step(int n_months, int max_labels);

/* Index (0-based, from the first month) of the first tick for a month
 * step, when the first month is start_month (1..12). */
int sb_ticks_month_first(int start_month, int step);

#endif
