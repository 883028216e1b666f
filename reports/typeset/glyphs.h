/* glyphs.h: the glyph of each code point in each (role, size), cached,
 * and the missing-glyph findings. */
#ifndef SB_REPORTS_GLYPHS_H
#define SB_REPORTS_GLYPHS_H

#include "typeset/typeset_model.h"

/* The style for role at size_pt (created on first use). */
struct ts_style *sb_ts_style(struct sb_doc *doc, enum sb_font_role role,
                             double size_pt);
/* The cache entry for cp in st, looked up on first use. Reports a
 * missing glyph when doc->report is set (once per code point and
 * label). */
const struct ts_glyph *sb_ts_glyph(struct sb_doc *doc, struct ts_style *st,
                                   int32_t cp);
void sb_ts_glyphs_free(struct sb_doc *doc);

#endif
