/* chart_out.h: chart files: one format rendered in memory, a file
 * written through a temporary one, the slide set. */
#ifndef SB_REPORTS_CHART_OUT_H
#define SB_REPORTS_CHART_OUT_H

#include "chart/chart.h"
#include "base/sb.h"

enum sb_chart_format {
    SB_CHART_PNG, /* px_per_pt pixels a point (2 → 1920×1080 slides) */
    SB_CHART_SVG, /* px units, px_per_pt px a point, <title>, <desc>,
                     role="img", ids renumbered; every label a <text>
                     in the chart face, editable after import */
    SB_CHART_SVG_OUTLINES, /* as SVG, the labels drawn as glyph outlines
                              (looks the same without the face) */
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

/* How the slide set is written. */
struct sb_chart_set_opts {
    double px_per_pt;  /* stem.png and stem.svg; stem@2x.png twice that
                          (2: a 960 pt wide canvas is 1920 px) */
    int svg_outlines;  /* 1: stem.svg with outlined labels */
};

/* Write dir/stem.png (opts->px_per_pt px/pt), dir/stem@2x.png (twice),
 * dir/stem.svg (opts->px_per_pt), dir/stem.pdf and dir/stem.csv; dir
 * must exist. opts NULL is {2, 0}. Stops at the first failure and
 * returns its code. */
int sb_chart_write_set(const struct sb_chart *c, const char *dir,
                       const char *stem,
                       const struct sb_chart_set_opts *opts,
                       struct sb_error *err);

#endif
