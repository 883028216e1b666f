/* chart_model.h: the data structures of a laid-out chart that the
 * chart_*.c files share and nothing outside them uses: the drawn model,
 * scene items with their drawing data, the chart itself. Layout = model
 * → scene; drawing = scene → Cairo. Types only. */
#ifndef SB_REPORTS_CHART_MODEL_H
#define SB_REPORTS_CHART_MODEL_H

#include <pango/pangocairo.h>

#include "chart/chart_types.h"
#include "base/lang.h"

/* The data as drawn, owned by the chart. */
struct chart_model {
    enum sb_chart_kind kind;
    enum sb_lang lang;      /* of the labels the chart writes itself */
    char *title, *source, *value_name, *unit, *cat_name, *series_name;
    char *share_name;
    int n_cat, n_series;
    char **cats;            /* n_cat */
    char **series;          /* n_series */
    double *values;         /* n_series × n_cat, series-major */
    unsigned char *other;   /* n_cat: 1 for the merged 其他 (Other) */
    double *share;          /* LINE: n_cat or NULL */
    int *permille;          /* DONUT: n_cat shares in tenths of % */
    int *tile_rc;           /* TILES: row, column of each category */
    int tile_rows, tile_cols; /* TILES: the grid's size */
    char **texts;           /* TABLE: n_series × n_cat cells */
    unsigned char *marks;   /* TABLE: n_cat enum sb_chart_mark */
    int start_year, start_month;
    int ordinal;            /* category labels may be thinned */
    int n_merged;           /* input categories folded into 其他 */
    /* How every value label of the chart is written (chart_fmt.h). */
    double v_div;           /* 1, 1e4 or 1e8 */
    const char *v_suffix;   /* "", "万" or "亿" (English "k", "M", "B"):
                               static */
    int v_dec;              /* decimals shared by every value label */
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

#endif
