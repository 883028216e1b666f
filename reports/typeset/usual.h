/* usual.h: the character Chinese text usually means by a look-alike
 * that the body faces lack (∙ for the 间隔号 ·, µ for μ …), from the
 * shared table pipeline/forms/substitutes.csv, so a missing-glyph
 * finding can suggest it (issue 13 item 18). The table is data, not
 * code: columns code and usual (hex code points), name (what the usual
 * character is called) and source (the standard that names it). */
#ifndef SB_REPORTS_TYPESET_USUAL_H
#define SB_REPORTS_TYPESET_USUAL_H

#include <stdint.h>

struct sb_usual {
    int32_t from;  /* the look-alike */
    int32_t to;    /* the usual character */
    char *name;    /* "间隔号", or "" */
    char *source;  /* "GB/T 15834-2011 4.14", or "" */
};

/* Read DATADIR/pipeline/forms/substitutes.csv into *out (*n entries;
 * rows whose code points are not hex in 1..10FFFF are skipped). Free
 * with sb_usual_free. Returns 0, or -1 with *out NULL and *n 0 when the
 * table cannot be read (suggestions are a help, never a check). */
int sb_usual_read(struct sb_usual **out, int *n);

void sb_usual_free(struct sb_usual *u, int n);

#endif
