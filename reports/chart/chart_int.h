/* chart_int.h: what the chart_*.c files share and nothing outside them
 * uses: the drawn model, scene items with their drawing data, and the
 * layout helpers. Layout = model → scene; drawing = scene → Cairo. */
#ifndef SB_REPORTS_CHART_INT_H
#define SB_REPORTS_CHART_INT_H

#include <pango/pangocairo.h>

#include "chart/chart.h"
#include "chart/chart_ticks.h"
#include "base/numfmt.h"

/* The data as drawn, owned by the chart. */
struct chart_model {
    enum sb_chart_kind kind;
    char *title, *source, *value_name, *unit, *cat_name, *series_name;
    char *share_name;
    int n_cat, n_series;
    char **cats;            /* n_cat */
    char **series;          /* n_series */
    double *values;         /* n_series × n_cat, series-major */
    unsigned char *other;   /* n_cat: 1 for the merged 其他 */
    double *share;          /* LINE: n_cat or NULL */
    int *permille;          /* DONUT: n_cat shares in tenths of % */
    int start_year, start_month;
    int ordinal;            /* category labels may be thinned */
    int n_merged;           /* input categories folded into 其他 */
};

enum item_shape {
    SHAPE_TEXT,
    SHAPE_RECT,
    SHAPE_POLY,   /* polyline */
    SHAPE_SECTOR, /* annular sector */
    SHAPE_CIRCLE,
    SHAPE_RAMP,   /* horizontal colour bar of the heat scale */
};

/* Drawing layers, lowest first. */
enum { LAYER_GRID, LAYER_MARK, LAYER_AXIS, LAYER_TEXT };

#define NO_COLOR 0xFFFFFFFFu

struct chart_item {
    struct sb_chart_item pub;
    enum item_shape shape;
    int layer;
    uint32_t fill, stroke; /* NO_COLOR for none */
    double line_w;
    double x, y, w, h;     /* RECT, RAMP; TEXT: box size in w, h */
    /* TEXT: the box's anchor (fx·w, fy·h) sits at (ax, ay), rotated by
     * angle radians about it; (lx, ly) is the layout's logical origin. */
    PangoLayout *layout;
    double ax, ay, fx, fy, angle, lx, ly;
    /* POLY */
    int n_pts;
    double *pts;           /* 2 · n_pts */
    /* SECTOR, CIRCLE */
    double cx, cy, r0, r1, a0, a1;
};

struct sb_chart {
    struct chart_model m;
    struct sb_chart_theme theme;
    double w, h;
    PangoContext *pango;    /* from the caller's struct sb_fonts */
    struct chart_item *items;
    int n_items, cap_items;
    int n_dropped;
    char *alt, *desc;
};

/* A rectangle in pt. */
struct box {
    double x0, y0, x1, y1;
};

/* chart_theme.c: colours. */
uint32_t chart_series_color(const struct sb_chart *c, int series);
/* Colour of category cat: 其他 grey, donut slices by the palette, bars
 * the first colour. */
uint32_t chart_cat_color(const struct sb_chart *c, int cat);
double chart_contrast(uint32_t a, uint32_t b);
/* Text colour on fill: white or the theme's text at 4.5:1, else white
 * or black, whichever reads better. */
uint32_t chart_text_on(const struct sb_chart *c, uint32_t fill);
/* The heat scale at t in [0, 1]. */
uint32_t chart_heat_color(enum sb_chart_heat heat, double t);
/* Stops of the heat scale for a gradient: n stops at i / (n - 1). */
int chart_heat_stops(enum sb_chart_heat heat, const uint32_t **stops);
void chart_set_color(cairo_t *cr, uint32_t rgb);

/* chart_scene.c: items. Functions return the new item's index. */
int chart_add_rect(struct sb_chart *c, enum sb_chart_role role, double x,
                   double y, double w, double h, uint32_t fill);
int chart_add_line(struct sb_chart *c, enum sb_chart_role role, double x0,
                   double y0, double x1, double y1, uint32_t color,
                   double width);
int chart_add_poly(struct sb_chart *c, enum sb_chart_role role,
                   const double *pts, int n_pts, uint32_t color,
                   double width);
int chart_add_sector(struct sb_chart *c, double cx, double cy, double r0,
                     double r1, double a0, double a1, uint32_t fill);
int chart_add_circle(struct sb_chart *c, enum sb_chart_role role, double cx,
                     double cy, double r, uint32_t fill, uint32_t stroke);
int chart_add_ramp(struct sb_chart *c, double x, double y, double w,
                   double h);

/* Text set in the chart face (黑体) at size_pt. max_w > 0 wraps lines
 * at max_w (max_lines lines, the last cut with …); max_w <= 0 keeps one
 * line. align: PANGO_ALIGN_* of the lines within max_w. */
struct text_fmt {
    double size;
    uint32_t color;
    double max_w;
    int max_lines;
    PangoAlignment align;
};

/* Measure text as it would be set: size in *w, *h; lines in *lines; in
 * *cut whether it did not fit as whole words (cut with …, or a line
 * broken inside a word such as "2012"). lines and cut may be NULL. */
void chart_measure(struct sb_chart *c, const char *text,
                   const struct text_fmt *f, double *w, double *h,
                   int *lines, int *cut);
/* Add a label whose anchor (fx·w, fy·h) of its box is at (ax, ay),
 * rotated by angle_deg (negative = counter-clockwise). */
int chart_add_text(struct sb_chart *c, enum sb_chart_role role,
                   const char *text, const struct text_fmt *f, double ax,
                   double ay, double fx, double fy, double angle_deg);
/* The width to wrap text at so that it takes 2 balanced lines ("供应链"
 * over "管理", not "供应链管" over "理") within max_w: max_w when it fits
 * one line or cannot be balanced. */
double chart_wrap_width(struct sb_chart *c, const char *text, double size,
                        double max_w);
/* Label size after layout. */
double chart_text_w(const struct sb_chart *c, int id);
double chart_text_h(const struct sb_chart *c, int id);
/* Line height of one line at size pt. */
double chart_line_h(struct sb_chart *c, double size);
void chart_set_data(struct sb_chart *c, int id, int series, int cat);

/* Whether two convex quads overlap by more than tol pt. */
int chart_quads_overlap(const double a[4][2], const double b[4][2],
                        double tol);
/* Drop (remove) the lower-priority label of every overlapping pair. */
void chart_resolve_collisions(struct sb_chart *c);
void chart_draw_items(const struct sb_chart *c, cairo_t *cr);
void chart_free_items(struct sb_chart *c);

/* chart_axis.c */
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

/* chart_labels.c: 1-D label stacking. Each label i wants its top at
 * want[i] and is h[i] tall; on return top[i] keeps order, gap between
 * labels, and stays within [lo, hi] when they fit. */
void chart_stack_labels(const double *want, const double *h, int n,
                        double gap, double lo, double hi, double *top);
/* Value label at the end of bar (item id, or -1 for a stack's total, which
 * has room kept for it and never goes inside): outside the end with padding
 * (above or right, below or left for a negative value), or inside the
 * end, in a colour read on fill, when it would cross limit and the bar
 * can hold it. Vertical bars: pos is the bar's centre x, end, base and
 * limit are y; horizontal: pos is y, the others x. upright: turned 90°
 * and always outside (vertical bars only). Returns the label id. */
int chart_bar_value_label(struct sb_chart *c, int bar, const char *text,
                          double size, int upright, int horizontal, double pos,
                          double end, double base, double limit,
                          uint32_t fill);

/* chart_legend.c */
/* Series legend under the title from y; returns its height. */
double chart_legend(struct sb_chart *c, double x0, double x1, double y);
/* Heat legend from y, right-aligned at x_max, within [x_min, x_max]:
 * its title, a white box for 0, then the colour bar for [0, vmax] with
 * ticks below; nothing when there is no room. Its height is
 * chart_heat_legend_height. */
void chart_heat_legend(struct sb_chart *c, double x_min, double x_max,
                       double y, double vmax);
double chart_heat_legend_height(struct sb_chart *c);

/* Per kind, in chart_bar.c, chart_donut.c, chart_line.c,
 * chart_heatmap.c: lay out into the plot box. */
void chart_layout_bar(struct sb_chart *c, struct box plot);
void chart_layout_hbar(struct sb_chart *c, struct box plot);
void chart_layout_donut(struct sb_chart *c, struct box plot);
void chart_layout_line(struct sb_chart *c, struct box plot);
void chart_layout_heatmap(struct sb_chart *c, struct box plot);

/* chart.c */
/* "1.26万" etc. for a data value on a label. */
char *chart_value_text(const struct sb_chart *c, double v, char *buf,
                       size_t size);
/* "2023年1月" or "4月" */
char *chart_month_label(int year, int month, int with_year, char *buf,
                        size_t size);

/* chart_svg.c: renumber ids in order of appearance and add role,
 * <title> and <desc> after the root element. Returns 0 or -1 when svg
 * is not an SVG cairo wrote. */
int chart_svg_finish(struct sb_buf *svg, const char *title,
                     const char *desc);

#endif
