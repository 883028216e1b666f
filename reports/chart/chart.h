/* chart.h: statistics charts for the declaration and the defense slides,
 * drawn with Cairo and Pango only, with Chinese labels.
 *
 * A caller describes a chart in a struct sb_chart_spec (plain C arrays,
 * independent of the rest of shenbao) and lays it out once for a canvas
 * size with sb_chart_new. The layout measures every label with Pango and
 * writes a scene: every mark and label with its box. Labels never
 * overlap and never leave the canvas (category labels go horizontal →
 * 2 lines → every k-th → 45° → 90°, long names are wrapped then cut
 * with …; the full text stays in the CSV and the description). The same
 * scene is then drawn by one path onto any Cairo surface:
 *
 *   sb_chart_draw        into a caller's cairo_t (a report page: lay the
 *                        chart out at 442.2 pt wide, 156 mm, and draw)
 *   sb_chart_write       one file: PNG (px_per_pt pixels a point), SVG
 *                        (px, with <title>/<desc>), PDF (vector, fonts
 *                        embedded, Title/Subject), or the data as CSV
 *   sb_chart_write_set   the slide set: stem.png 1920×1080, stem@2x.png
 *                        3840×2160, stem.svg, stem.pdf, stem.csv
 *
 *   static const char *const cats[] = {"运行设备", "加工设备", "行走设备",
 *                                      "其他设备"};
 *   static const double v[] = {126300, 48215, 23870, 3412};
 *   struct sb_chart_spec s = {
 *       .kind = SB_CHART_BAR, .title = "可连接工业设备数量（按类别）",
 *       .source = "数据来源：附件1 工业设备清单，统计截至2023-05-31",
 *       .value_name = "设备数", .unit = "台/套", .cat_name = "设备类别",
 *       .n_cat = 4, .cats = cats, .n_series = 1, .values = v};
 *   struct sb_chart *c;
 *
 *   if (sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err) != SB_OK)
 *       return err.code;           (no data: report it, skip the chart)
 *   rc = sb_chart_write_set(c, "outputs/decl/charts", "devices", &err);
 *   sb_chart_free(c);
 *
 * Slides are laid out on a 960×540 pt canvas (16:9, 1 pt = 2 px at
 * 1920×1080) with the SB_CHART_SLIDE theme; the report uses
 * SB_CHART_REPORT at the width of the type area. The same input gives
 * the same bytes in every format, whatever else the process rendered.
 *
 * Not thread-safe: one thread per struct sb_fonts. */
#ifndef SB_REPORTS_CHART_H
#define SB_REPORTS_CHART_H

#include <cairo.h>
#include <stdint.h>

#include "typeset/fonts.h"
#include "base/sb.h"

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
};

/* What to draw. Strings are UTF-8 and borrowed for the sb_chart_new
 * call only (the chart copies what it keeps). */
struct sb_chart_spec {
    enum sb_chart_kind kind;
    const char *title;      /* required: "工业设备数量（按类别）" */
    const char *source;     /* required: "数据来源：附件1 工业设备清单，
                               统计截至2023-05-31" */
    const char *value_name; /* what a value counts: "设备数"; NULL = "数值" */
    const char *unit;       /* of the values: "台/套", "个", "元"; NULL or
                               "" for none. Axes add 万/亿 in front. */
    const char *cat_name;   /* what a category is: "设备类别", "月份",
                               heatmap columns "领域"; NULL = "类别" */
    const char *series_name; /* what a series is; heatmap rows: "行业" */
    int n_cat;               /* >= 1 (LINE: months) */
    const char *const *cats; /* n_cat labels. LINE: the axis always
                                shows months from start_year/month; cats
                                (or, if NULL, "2023年1月" names) go to
                                the CSV and the description */
    int n_series;            /* >= 1; BAR, HBAR, DONUT and LINE use 1 */
    const char *const *series; /* n_series names; NULL when n_series == 1
                                  (the series is then value_name) */
    const double *values;    /* n_series × n_cat, finite, series-major:
                                values[s * n_cat + c]. DONUT: >= 0. */
    int top_n;       /* HBAR: bars kept before 其他 (0 = all); DONUT:
                        most slices, 其他 included (0 = 6, min 2) */
    int keep_order;  /* 1: HBAR, DONUT and HEATMAP keep the given order
                        instead of sorting by value (其他 still last) */
    int ordinal;     /* 1: the categories are ordered (years, bins), so
                        their labels may show every k-th before turning */
    int start_year;  /* LINE: year and month (1..12) of values[0] */
    int start_month;
    const double *share;    /* LINE: NULL, or n_cat percentages drawn in
                               a small panel under the line (no dual axes) */
    const char *share_name; /* LINE: title of the share panel,
                               "近30日活跃开发者占比" */
};

enum sb_chart_target {
    SB_CHART_SLIDE,  /* 960×540 pt canvas: 14 pt text (28 px), 24 pt title */
    SB_CHART_REPORT, /* 442.2 pt wide: 9 pt text, 10.5 pt title */
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

/* Fill t with the defaults for a target and palette. */
void sb_chart_theme_init(struct sb_chart_theme *t,
                         enum sb_chart_target target,
                         enum sb_chart_palette palette);

/* A laid-out chart: the data as drawn and its scene. */
struct sb_chart;

/* Lay spec out for a width_pt × height_pt canvas. theme NULL means
 * SB_CHART_SLIDE with Okabe-Ito. fonts is borrowed and must outlive the
 * chart. Returns SB_OK and *out, or SB_EFORMAT (*out NULL, err names the
 * chart) when the spec has no data or is inconsistent: no title or
 * source, n_cat < 1, a value not finite, a negative DONUT value or a
 * zero total, a LINE month out of 1..12. Free with sb_chart_free. */
int sb_chart_new(struct sb_chart **out, const struct sb_chart_spec *spec,
                 const struct sb_chart_theme *theme, double width_pt,
                 double height_pt, struct sb_fonts *fonts,
                 struct sb_error *err);
void sb_chart_free(struct sb_chart *c);

/* Canvas size in pt. */
double sb_chart_width(const struct sb_chart *c);
double sb_chart_height(const struct sb_chart *c);

/* Draw the chart with its top-left corner at the user-space origin of
 * cr, one user unit = 1 pt (translate or scale cr first to place it).
 * cr's state is restored. */
void sb_chart_draw(const struct sb_chart *c, cairo_t *cr);

/* The short alternative text (≤ ~60 字: kind, subject, main fact) and
 * the long description listing every value (ECharts aria style: 这是一个
 * 关于“…”的柱状图…). Static until sb_chart_free. */
const char *sb_chart_alt(const struct sb_chart *c);
const char *sb_chart_desc(const struct sb_chart *c);

/* The data as drawn: categories after sorting and merging into 其他
 * (cat_idx 0-based in drawing order), and each value unrounded. Strings
 * are static until sb_chart_free. For HEATMAP, series are the rows. */
int sb_chart_n_cats(const struct sb_chart *c);
int sb_chart_n_series(const struct sb_chart *c);
const char *sb_chart_cat(const struct sb_chart *c, int cat_idx);
const char *sb_chart_series(const struct sb_chart *c, int series_idx);
double sb_chart_value(const struct sb_chart *c, int series_idx,
                      int cat_idx);

enum sb_chart_format {
    SB_CHART_PNG, /* px_per_pt pixels a point (2 → 1920×1080 slides) */
    SB_CHART_SVG, /* px units, px_per_pt px a point, <title>, <desc>,
                     role="img", ids renumbered */
    SB_CHART_PDF, /* page = canvas in pt; px_per_pt ignored */
    SB_CHART_CSV, /* UTF-8 with BOM, CRLF, unrounded values, units in the
                     header; px_per_pt ignored */
};

/* Render one format into out (appended to). Returns SB_OK, or
 * SB_ERENDER when Cairo fails (out may then hold part of a file). */
int sb_chart_render(const struct sb_chart *c, enum sb_chart_format format,
                    double px_per_pt, struct sb_buf *out,
                    struct sb_error *err);

/* Render one format and write it to path (sb_outfile_write: missing
 * folders are created, and path is either the old file or the whole new
 * one). Returns SB_OK, SB_ERENDER or SB_EIO. */
int sb_chart_write(const struct sb_chart *c, enum sb_chart_format format,
                   double px_per_pt, const char *path,
                   struct sb_error *err);

/* Write dir/stem.png (2 px/pt), dir/stem@2x.png (4 px/pt), dir/stem.svg
 * (2 px/pt), dir/stem.pdf and dir/stem.csv; dir must exist. Stops at
 * the first failure and returns its code. */
int sb_chart_write_set(const struct sb_chart *c, const char *dir,
                       const char *stem, struct sb_error *err);

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
    int n_unknown;       /* label: characters the chart face cannot draw
                            (drawn as boxes) */
    int owner;           /* label inside a mark: that item's index, else
                            -1 */
};

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
