/* justify.h: breaking a justified paragraph into lines as a whole
 * (total fit), so that its lines need no letter-spacing between Han
 * characters (W3C clreq §3.8, JLREQ 3.8).
 *
 * The greedy fit of linebreak.c fills each line and leaves the slack
 * where it falls: before a long number or a Latin word that does not
 * fit, a line can be short by several 字, and justification spreads
 * that over its characters. Here every set of breaks is weighed at once:
 * a line may be set tight by squeezing its full-width punctuation (up to
 * half an em each), a loose line takes its slack first at Han–Latin
 * boundaries and only then between characters, and the cost of a line
 * grows with the square of that last spacing, so a 字 moved between
 * lines spreads a long word's slack over several of them. */
#ifndef SB_REPORTS_JUSTIFY_H
#define SB_REPORTS_JUSTIFY_H

#include "typeset/linebreak.h"

/* Break items it[0..n-1] (analysed by sb_lb_analyse) into lines, the
 * first avail_first pt wide, the others avail pt, tracking track (pt
 * after each visible item but a line's last). Lines end at mandatory
 * breaks and at allowed ones; a paragraph's last line holds more than
 * one character besides punctuation where the paragraph allows it
 * (GB/T 9704 practice: no "关。" alone on a line). Writes where each
 * line after the first starts, and n for the end, into next[0..k-1]
 * (room for n entries) and returns k, the number of lines (>= 1 when
 * n > 0). A line whose natural width exceeds its avail is to be
 * squeezed (sb_lb_place with negative slack) by at most sb_lb_squeeze(). */
int sb_js_breaks(const struct sb_lb_item *it, int n, double avail_first,
                 double avail, double track, int *next);

#endif
