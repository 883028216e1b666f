/* draw.h: drawing glyphs, lines of shaped text and strings in a pass. */
#ifndef SB_REPORTS_DRAW_H
#define SB_REPORTS_DRAW_H

#include "typeset/typeset_model.h"

/* Queue glyph (face, bold) at x, y with its text; flushed when the face
 * changes or by sb_ts_flush. */
void sb_ts_glyph_out(struct ts_pass *p, const struct ts_item *it,
                     int32_t cp, double x, double y);
void sb_ts_flush(struct ts_pass *p);

/* Draw line ln of t at x (left of the line box), baseline y, in a box
 * avail pt wide, aligned per align (JUSTIFY spreads slack unless the
 * line is forced). Draws missing-glyph boxes and link rectangles. */
void sb_ts_draw_line(struct ts_pass *p, const struct ts_text *t,
                     const struct ts_line *ln, double x, double y,
                     double avail, double track, enum sb_align align,
                     const struct sb_para *para);

/* Draw text on one line (no wrapping) in role at size_pt, aligned LEFT
 * from x, RIGHT ending at x or CENTER on x. Returns its width, pt. */
double sb_ts_draw_string(struct ts_pass *p, enum sb_font_role role,
                         double size_pt, const char *text, double x,
                         double baseline, enum sb_align align);

#endif
