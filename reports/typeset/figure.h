/* figure.h: images, drawings and floating figures in a pass. */
#ifndef SB_REPORTS_FIGURE_H
#define SB_REPORTS_FIGURE_H

#include "typeset/typeset_model.h"

/* Size of an image or drawing at the current section's width. */
void sb_ts_image_size(const struct ts_pass *p, const struct ts_image *im,
                      double *w, double *h);
/* Place an image in the grid lines it takes, on the page of the
 * need_after lines after it. */
void sb_ts_layout_image(struct ts_pass *p, const struct ts_image *im,
                        int need_after);
/* A figure with its caption: placed where it stands when it fits, else
 * waiting for the top of a page. */
void sb_ts_layout_figure(struct ts_pass *p, const struct ts_image *im);
/* The figures waiting, at the top of a page just opened, while they
 * fit (the pass's p->opened). */
void sb_ts_place_floats(struct ts_pass *p);
/* Before a break: the figures waiting go on pages of their own. */
void sb_ts_flush_floats(struct ts_pass *p);

#endif
