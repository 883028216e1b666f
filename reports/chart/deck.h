/* deck.h: the defense deck (答辩): the chart set of a declaration as a
 * 16:9 PDF a presenter can project as is. A title slide (the platform,
 * the company, the edition, the statistics date), then one chart a
 * slide in the defense theme, ordered by the indicator each supports
 * (charts.csv option indicator=1.1; an overview, option overview, such
 * as the dashboard of the indicators, first; charts without either
 * last, in file order), each with a footer naming the platform (for an edition that
 * declares none, its title) and the indicator and numbering the slide. The names come from the declaration through the
 * edition's roles (edition.csv: platform, company, stat_date), never
 * from a field code. Same input, same bytes. Issue 16 item 9. */
#ifndef SB_REPORTS_DECK_H
#define SB_REPORTS_DECK_H

#include "chart/glossary.h"
#include "check/decl.h"
#include "typeset/fonts.h"

/* Write d's deck to path (960×540 pt pages, fonts embedded) through a
 * temporary file renamed over it, its words in g's language (NULL:
 * Chinese; in English "Data as of", "Indicator 1.1", the charts as
 * chartset.h translates them; the platform's and company's names stay
 * as declared). A chart without data has no slide.
 * *slides (may be NULL) receives the number of pages. Returns SB_OK,
 * or SB_ERENDER / SB_EIO with err (path then untouched). */
int sb_deck_write(const struct sb_decl *d, const char *path,
                  struct sb_fonts *fonts, struct sb_glossary *g, int *slides,
                  struct sb_error *err);

#endif
