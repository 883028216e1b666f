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
 *   sb_chart_write       (chart_out.h) one file: PNG (px_per_pt pixels a point), SVG
 *                        (px, with <title>/<desc>), PDF (vector, fonts
 *                        embedded, Title/Subject), or the data as CSV
 *   sb_chart_write_set   (chart_out.h) the slide set: stem.png 1920×1080, stem@2x.png
 *                        3840×2160, stem.svg (labels as <text>), stem.pdf, stem.csv
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
 *   rc = sb_chart_write_set(c, "outputs/decl/charts", "devices", NULL,
 *                           &err);
 *   sb_chart_free(c);
 *
 * Slides are laid out on a 960×540 pt canvas (16:9, 1 pt = 2 px at
 * 1920×1080) with the SB_CHART_DEFENSE theme to project, or the
 * smaller SB_CHART_SLIDE (document) theme to paste; the report uses
 * SB_CHART_REPORT at the width of the type area. The same input gives
 * the same bytes in every format, whatever else the process rendered.
 * The theme is chart_theme.h's, the scene as tests read it
 * chart_scene.h's; the files, bottom to top: types, theme, model, scene,
 * axis, labels, legend, the layouts (chart_bar.c, chart_donut.c,
 * chart_line.c, chart_heatmap.c, chart_tiles.c), chart.c (model, frame,
 * dispatch, alt text), chart_out.c and chart_svg.c (files), finding.c (titles from a
 * template), chartset.c (a declaration's charts) and deck.c (the
 * defense deck).
 *
 * Not thread-safe: one thread per struct sb_fonts. */
#ifndef SB_REPORTS_CHART_H
#define SB_REPORTS_CHART_H

#include <cairo.h>

#include "chart/chart_types.h"
#include "typeset/fonts.h"
#include "base/lang.h"
#include "base/sb.h"

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
    const int *tile_row;    /* TILES: n_cat grid rows and columns (>= 0,
                               0 0 top left), one tile a place; NULL */
    const int *tile_col;    /* otherwise */
    const char *const *texts; /* TABLE: n_series × n_cat cell texts,
                                 series-major (values may then be NULL) */
    const unsigned char *marks; /* TABLE: n_cat enum sb_chart_mark, or
                                   NULL */
    enum sb_lang lang; /* the labels' language (0: Chinese): how numbers
                          (万/亿 or k/M/B) and months are written and the
                          words the chart adds itself (chart_lang.h:
                          其他/Other, 合计/Total); the strings above are
                          given in it */
};

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

#endif
