/* chart_types.h: the types a chart's callers and every chart_*.c file
 * share: the kinds of chart, the theme, and the roles and items of the
 * scene (see chart.h for the whole picture). Types only. */
#ifndef SB_REPORTS_CHART_TYPES_H
#define SB_REPORTS_CHART_TYPES_H

#include <stdint.h>

enum sb_chart_kind {
    SB_CHART_BAR,      /* vertical bars, one series, categories in order */
    SB_CHART_HBAR,     /* horizontal bars, one series, sorted descending,
                          top_n + 其他 (grey, last) */
    SB_CHART_GROUPED,  /* vertical bars, series side by side, legend */
    SB_CHART_STACKED,  /* vertical bars, series stacked, total on top */
    SB_CHART_DONUT,    /* parts of a whole: at most top_n slices (default
                          6, 其他 included), shares add to 100.0% */
    SB_CHART_LINE,     /* values over consecutive months: cumulative
                          counts, last value labelled, optional share
                          panel below */
    SB_CHART_HEATMAP,  /* n_series rows × n_cat columns, sequential
                          colours, rows and columns sorted by total */
    SB_CHART_TILES,    /* a tile map: one tile a category (a province) at
                          its place in a fixed grid, coloured as the
                          heatmap, one series */
    SB_CHART_TABLE,    /* a table of text: one row a category (an
                          indicator), one column a series (申报值, 清单值,
                          状态); the last column coloured by each row's
                          mark; in two blocks side by side past 12 rows */
};

/* A TABLE row's verdict: how its last cell is coloured. */
enum sb_chart_mark {
    SB_MARK_NONE,      /* not checked: no colour */
    SB_MARK_GOOD,      /* agrees: green */
    SB_MARK_BAD,       /* differs: red */
    SB_MARK_UNCHECKED, /* could not be checked: amber */
};

enum sb_chart_target {
    SB_CHART_SLIDE,  /* the document theme: 960×540 pt canvas, 14 pt text
                        (28 px at 1920×1080), 24 pt title, 11 pt source:
                        a chart pasted into a document */
    SB_CHART_DEFENSE, /* the defense theme: 960×540 pt canvas projected
                         at 1920×1080 and read from the back of the
                         room: 18 pt labels (36 px), 28 pt title (56 px),
                         14 pt source (28 px) */
    SB_CHART_REPORT, /* 442.2 pt wide: 9 pt text, 10.5 pt title and
                        source */
    SB_CHART_FIGURE, /* as REPORT, under a caption "图N title" of the
                        document: the title is not drawn again */
};

enum sb_chart_palette {
    SB_PALETTE_OKABE_ITO, /* colour-blind safe (default) */
    SB_PALETTE_ECHARTS,   /* ECharts 5 colours, familiar to reviewers */
};

enum sb_chart_heat {
    SB_HEAT_BLUES,   /* single hue, light → dark blue (default) */
    SB_HEAT_VIRIDIS, /* perceptually uniform purple → yellow */
};

/* Colours are 0xRRGGBB; sizes in pt. */
struct sb_chart_theme {
    uint32_t series[8];   /* one colour per series, in order */
    int n_colors;         /* 1..8 used entries of series */
    uint32_t other;       /* the 其他 bar or slice: #999999 */
    uint32_t text;        /* labels: #333333 */
    uint32_t text2;       /* ticks, axis titles, source: #54555a */
    uint32_t grid;        /* grid lines */
    uint32_t axis;        /* axis and zero lines */
    uint32_t background;  /* canvas */
    enum sb_chart_heat heat;
    double title_pt;      /* chart title */
    double text_pt;       /* labels, ticks, legend */
    double small_pt;      /* dense labels (heatmap cells, many bars) */
    double source_pt;     /* source line */
    double margin_pt;     /* canvas edge to content */
    double pad_pt;        /* label to mark */
    double line_pt;       /* data lines */
    int title_in_caption; /* 1: the title is not drawn, the document's
                             caption ("图1 …") carries it (report) */
};

/* The scene. Roles of labels (text) and marks. */
enum sb_chart_role {
    SB_ROLE_TITLE,
    SB_ROLE_SOURCE,
    SB_ROLE_AXIS_TITLE,  /* "设备数（万台/套）", share panel title */
    SB_ROLE_TICK_LABEL,  /* value-axis numbers, legend-bar numbers */
    SB_ROLE_CAT_LABEL,   /* category names, months, heatmap rows/cols */
    SB_ROLE_VALUE_LABEL, /* numbers on bars, slices, points and cells */
    SB_ROLE_LEGEND_LABEL,
    SB_ROLE_CENTER_LABEL, /* the donut's total */
    SB_ROLE_BAR,
    SB_ROLE_SLICE,
    SB_ROLE_LINE,
    SB_ROLE_POINT,
    SB_ROLE_CELL,
    SB_ROLE_SWATCH,      /* legend colour square */
    SB_ROLE_RAMP,        /* heatmap colour bar */
    SB_ROLE_GRID,
    SB_ROLE_AXIS_LINE,
    SB_ROLE_LEADER,      /* donut label leader line */
};

/* One scene item. Coordinates in pt, y down, canvas origin top-left. */
struct sb_chart_item {
    enum sb_chart_role role;
    int is_label;        /* 1 for text */
    int series, cat;     /* data indices as drawn, or -1 */
    double quad[4][2];   /* corners: a label's (rotated) box from its
                            top-left clockwise; a mark's bounding box */
    const char *text;    /* label: the full text before wrapping and
                            ellipsis; NULL for marks */
    int n_lines;         /* label: lines drawn */
    int ellipsized;      /* label: 1 if cut with … */
    double angle_deg;    /* label: 0, -45 or -90 */
    double size_pt;      /* label: the size its face is set at */
    int n_unknown;       /* label: characters the chart face cannot draw
                            (drawn as boxes) */
    int owner;           /* label inside a mark: that item's index, else
                            -1 */
};

#endif
