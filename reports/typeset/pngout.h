/* pngout.h: PNG encoding of a Cairo image surface with libpng, tuned for
 * charts (flat colours, sharp edges): zlib level 3 (deflate's fast
 * matcher) with no row filter. Cairo's own writer (level 6, every
 * filter tried on every row) took three times as long. Measured on the
 * sample's 26 chart PNGs: level 6 Sub 2.14 s, 4.4 MB; level 6 None
 * 2.08 s, 3.7 MB; level 3 None 1.42 s, 5.1 MB; level 3 Up 1.56 s,
 * 5.4 MB. Flat colours compress best unfiltered; levels from 4 on use
 * the lazy matcher, whose cost is the 0.6 s. */
#ifndef SB_REPORTS_PNGOUT_H
#define SB_REPORTS_PNGOUT_H

#include <cairo.h>

#include "base/sb.h"

/* Append surface s (CAIRO_FORMAT_RGB24 or ARGB32; alpha is dropped) as
 * an 8-bit RGB PNG to out. Returns SB_OK, or SB_ERENDER with err when
 * the surface is not an image or libpng fails. */
int sb_png_write(cairo_surface_t *s, struct sb_buf *out, struct sb_error *err);

#endif
