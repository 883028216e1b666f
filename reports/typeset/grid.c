/* grid.c: page-style presets and the line grid of a page (GB/T 9704-2012
 * 5.2.3): the 版心, the line pitch, the baseline of each line. */
#include "typeset/grid.h"

#include <string.h>

void sb_page_style_gbt9704(struct sb_page_style *ps)
{
    memset(ps, 0, sizeof *ps);
    ps->paper_w_mm = 210;
    ps->paper_h_mm = 297;
    ps->text_w_mm = 156;
    ps->text_h_mm = 225;
    ps->top_mm = 37;
    ps->inner_mm = 28;
    ps->mirror = 1;
    ps->lines = 22;
    ps->chars = 28;
    ps->body_pt = 16;
    ps->number = SB_PAGE_NUMBER_DASH;
    ps->number_pt = 14;
    ps->number_gap_mm = 7;
}

void sb_page_style_landscape(struct sb_page_style *ps)
{
    sb_page_style_gbt9704(ps);
    ps->paper_w_mm = 297;
    ps->paper_h_mm = 210;
    ps->text_w_mm = 257;
    ps->text_h_mm = 160;
    ps->top_mm = 25;
    ps->inner_mm = 20;
    ps->mirror = 0;
    ps->lines = 16;
    ps->chars = 45;
    ps->number = SB_PAGE_NUMBER_OF_TOTAL;
    ps->number_pt = 10.5;
}

void sb_page_grid(const struct sb_page_style *ps, struct sb_grid *g)
{
    double text_h = ps->text_h_mm * SB_PT_PER_MM;

    g->paper_w = ps->paper_w_mm * SB_PT_PER_MM;
    g->paper_h = ps->paper_h_mm * SB_PT_PER_MM;
    g->text_w = ps->text_w_mm * SB_PT_PER_MM;
    g->left_odd = ps->inner_mm * SB_PT_PER_MM;
    g->left_even = ps->mirror ? g->paper_w - g->left_odd - g->text_w
                              : g->left_odd;
    g->top = ps->top_mm * SB_PT_PER_MM;
    g->bottom = g->top + text_h;
    g->body = ps->body_pt;
    g->lines = ps->lines > 0 ? ps->lines : 1;
    g->chars = ps->chars > 0 ? ps->chars : 1;
    /* GB/T 9704 5.2.3 "撑满版心": line 0's em top on the 版心 top, the
     * last line's em bottom on its bottom. */
    g->pitch = g->lines > 1 ? (text_h - g->body) / (g->lines - 1) : text_h;
    g->track = g->chars > 1
                   ? (g->text_w - g->chars * g->body) / (g->chars - 1)
                   : 0;
}

double sb_grid_baseline(const struct sb_grid *g, int idx, double size_pt)
{
    /* em centre of the body line, then down to the baseline of size_pt:
     * CJK faces put the ideographic em box 0.88 em above the baseline */
    double centre = g->top + idx * g->pitch + g->body / 2;

    return centre + size_pt * (0.88 - 0.5);
}

double sb_grid_left(const struct sb_grid *g, int page)
{
    return page % 2 == 0 ? g->left_even : g->left_odd;
}
