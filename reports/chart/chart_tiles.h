/* chart_tiles.h: a tile map: one tile a region in a fixed grid. */
#ifndef SB_REPORTS_CHART_TILES_H
#define SB_REPORTS_CHART_TILES_H

#include "chart/chart_model.h"

/* Lay a TILES chart out into the plot box. */
void chart_layout_tiles(struct sb_chart *c, struct box plot);

#endif
