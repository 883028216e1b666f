/* chart_scene.h: the scene of a chart: items added by the layouts,
 * text set and measured, the final collision pass, drawing, and the
 * scene as callers and tests read it. */
#ifndef SB_REPORTS_CHART_SCENE_H
#define SB_REPORTS_CHART_SCENE_H

#include <pango/pangocairo.h>

#include "chart/chart_model.h"

/* Items. Functions return the new item's index. */
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
/* Draw the scene into cr (1 unit = 1 pt); labels 0 leaves the labels
 * out (an SVG writes them as <text>, chart_svg.h). */
void chart_draw_items(const struct sb_chart *c, cairo_t *cr, int labels);
void chart_free_items(struct sb_chart *c);

/* Number of scene items, and item i (0 <= i < n), static until
 * sb_chart_free. Labels dropped by the final collision pass are not in
 * the scene; sb_chart_n_dropped counts them (0 for every chart the
 * layout rules can place). */
int sb_chart_n_items(const struct sb_chart *c);
const struct sb_chart_item *sb_chart_item(const struct sb_chart *c, int i);
int sb_chart_n_dropped(const struct sb_chart *c);

/* Check the scene: no two labels overlap (more than 0.05 pt), no label
 * covers a bar or cell but its owner, every item lies inside the canvas,
 * no label has a character the face cannot draw, and the title and
 * source line are there. Returns 0, or -1 with the first problem
 * described in why (may be NULL). */
int sb_chart_check(const struct sb_chart *c, char *why, size_t size);

#endif
