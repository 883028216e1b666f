/* chartset.h: the chart set of a form edition (charts.csv), drawn from
 * a checked declaration: its aggregates (computed in the same pass as
 * the check) and its declared figures.
 *
 * Each chart definition becomes a struct sb_chart_spec: an aggregate
 * with one by-key gives categories (every value of an enumeration, in
 * its order, zeros included; months in order, gaps filled; 1-2-5 bands
 * in order), with two by-keys categories × series (heatmaps: rows ×
 * columns), top() its entries in rank order, and a list of figures its
 * items; a tile map (kind tiles, by region(uscc)) every region of a
 * table of pipeline/forms/ (provinces.csv) at its place, zeros
 * included; a table (kind table) per item the figure as declared, what
 * the lists give and the verdict (sb_decl_list_check). Money is shown in
 * the chart's unit (万元 or 元). Every chart
 * carries a source line naming the annex and the statistics date. On
 * slides a chart with a finding= template is titled with what its data
 * show (finding.h); the report keeps the title, its figure caption. A
 * line's share (active=) is computed for the title's {share_last} only,
 * never drawn as a history (see line_options).
 *
 * In another language (a glossary, glossary.h) the form's words are
 * translated: titles, finding= templates, units, value_name, cat_name,
 * series_name, enumeration values, items, annex titles; provinces take
 * provinces.csv's name_en; the few words the code writes itself (the
 * source line, the table's headers and verdicts) are in that language;
 * names in the data (enterprises, APPs) stay as written. Numbers follow
 * the language (finding.h). */
#ifndef SB_REPORTS_CHARTSET_H
#define SB_REPORTS_CHARTSET_H

#include "chart/chart.h"
#include "chart/glossary.h"
#include "check/decl.h"

/* Lay out chart def ch of d's form for a width_pt × height_pt canvas
 * (target sets the theme: slides or the report), its labels in g's
 * language (g NULL: Chinese; g remembers what it lacks). Returns SB_OK and *out
 * (free with sb_chart_free), or SB_EFORMAT when the chart has no data
 * (its annex is absent, or every value is 0), with err saying why. */
int sb_chartset_layout(struct sb_chart **out, const struct sb_decl *d,
                       const struct sb_chart_def *ch,
                       enum sb_chart_target target, double width_pt,
                       double height_pt, struct sb_glossary *g,
                       struct sb_fonts *fonts, struct sb_error *err);

/* How the set is written. The canvas is 960 pt wide and as high as the
 * size's ratio gives (540 pt at 16:9), so the theme keeps its meaning
 * at any size: its sizes are for 1920 px wide, scaled with the width. */
struct sb_chartset_opts {
    enum sb_chart_target target; /* SB_CHART_DEFENSE or SB_CHART_SLIDE
                                    (the document theme) */
    int width_px, height_px;     /* id.png; 0: 1920×1080 */
    int svg_outlines;            /* 1: id.svg with outlined labels */
    struct sb_glossary *glossary; /* the labels' language (borrowed);
                                     NULL: Chinese */
};

/* Write every chart of the set into dir (created if missing): for each
 * chart id, id.png (width_px × height_px), id@2x.png, id.svg, id.pdf
 * and id.csv; opts NULL means {SB_CHART_DEFENSE, 1920, 1080, 0}.
 * A chart without data is skipped with an info finding (chart.skipped);
 * a layout that fails its own check (a character the face cannot draw,
 * a label dropped) is a warning (chart.layout). Findings go to
 * d->findings. If written is not NULL it receives how many charts were
 * written. Returns SB_OK, or SB_EIO/SB_ERENDER when a file cannot be
 * written (the earlier files stay; none is half-written). */
int sb_chartset_write(struct sb_decl *d, const char *dir,
                      struct sb_fonts *fonts,
                      const struct sb_chartset_opts *opts, int *written,
                      struct sb_error *err);

#endif
