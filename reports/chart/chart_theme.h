/* chart_theme.h: the chart theme (palette, text colours and sizes) and
 * colour arithmetic for the layouts. */
#ifndef SB_REPORTS_CHART_THEME_H
#define SB_REPORTS_CHART_THEME_H

#include <cairo.h>
#include <stdint.h>

#include "chart/chart_types.h"

struct sb_chart;

/* Fill t with the defaults for a target and palette. */
void sb_chart_theme_init(struct sb_chart_theme *t,
                         enum sb_chart_target target,
                         enum sb_chart_palette palette);

/* Colours of a chart. */
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

#endif
