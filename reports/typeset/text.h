/* text.h: shaped text and its lines. */
#ifndef SB_REPORTS_TEXT_H
#define SB_REPORTS_TEXT_H

#include "typeset/typeset_model.h"

/* Append the code points of s[0..len) (offsets relative to t->s + base)
 * with their glyphs in st; bold and link as given. */
void sb_ts_shape(struct sb_doc *doc, struct ts_style *st, struct ts_text *t,
                 const char *s, size_t len, size_t base, int bold,
                 int link);
void sb_ts_text_clear(struct ts_text *t);
void sb_ts_text_free(struct ts_text *t);

/* Break t into lines: the first avail_first pt wide, the others avail
 * pt, with tracking track; justify 1: the paragraph as a whole (total
 * fit, justify.h; a line may then be wider than avail, to be squeezed),
 * 0: each line filled in turn. Replaces out's lines. Runs the break
 * analysis of t unless the text fits on one line. */
void sb_ts_break(struct ts_text *t, double avail_first, double avail,
                 double track, int justify, struct ts_lines *out);
void sb_ts_lines_free(struct ts_lines *l);
/* Natural width of t on one line (longest '\n'-separated part) and the
 * widest piece between break opportunities, pt. */
void sb_ts_measure(struct ts_text *t, double track, double *pref,
                   double *min);

#endif
