/* pngout.h: PNG encoding of a Cairo image surface with libpng, tuned for
 * charts (flat colours, sharp edges): zlib level 6 with the Sub filter
 * only. Cairo's own writer tries every filter on every row, which made
 * the 3840×2160 slide images take three times as long for files of the
 * same size. */
#ifndef SB_REPORTS_PNGOUT_H
#define SB_REPORTS_PNGOUT_H

#include <cairo.h>

#include "sb.h"

/* Append surface s (CAIRO_FORMAT_RGB24 or ARGB32; alpha is dropped) as
 * an 8-bit RGB PNG to out. Returns SB_OK, or SB_ERENDER with err when
 * the surface is not an image or libpng fails. */
int sb_png_write(cairo_surface_t *s, struct sb_buf *out, struct sb_error *err);

#endif
