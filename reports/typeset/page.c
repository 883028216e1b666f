/* page.c: pages of a pass. A page opens with its furniture (running
 * header and page number, GB/T 9704-2012 7.5) and whatever the pass
 * places at the top of each new page (floating figures, through
 * p->opened), and closes; text lines are taken from the grid and boxes
 * (tables, images) placed between grid lines. */
#include "typeset/page.h"
#include "typeset/draw.h"
#include "typeset/grid.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>

/* Running header and page number of the page just opened. */
static void furniture(struct ts_pass *p)
{
    const struct sb_page_style *ps = p->ps;
    const struct sb_grid *g = &p->g;
    char num[96];
    double em_top, inset;

    if (ps->header != NULL && ps->header[0] != '\0') {
        double y = g->top - 8 * SB_PT_PER_MM;

        sb_ts_draw_string(p, SB_FONT_SONG, 10.5, ps->header,
                          p->left + g->text_w / 2, y - 3, SB_ALIGN_CENTER);
        sb_ts_flush(p);
        cairo_move_to(p->cr, p->left, y);
        cairo_line_to(p->cr, p->left + g->text_w, y);
        cairo_set_line_width(p->cr, 0.5);
        cairo_stroke(p->cr);
    }
    if (ps->number == SB_PAGE_NUMBER_NONE)
        return;
    /* 7.5: 一字线上距版心下边缘 7 mm; the em top of the number line */
    em_top = g->bottom + ps->number_gap_mm * SB_PT_PER_MM;
    if (ps->number == SB_PAGE_NUMBER_OF_TOTAL) {
        long total = p->seq < p->doc->n_seq ? p->doc->seq_pages[p->seq] : 0;

        snprintf(num, sizeof num, "第 %ld 页 共 %ld 页", p->number, total);
        sb_ts_draw_string(p, SB_FONT_SONG, ps->number_pt, num,
                    p->left + g->text_w / 2, em_top + 0.88 * ps->number_pt,
                    SB_ALIGN_CENTER);
        return;
    }
    /* "— 7 —": 单页码居右空一字，双页码居左空一字 (one 字 of the
     * number's own size) */
    snprintf(num, sizeof num, "\u2014 %ld \u2014", p->number);
    inset = ps->number_pt;
    if (p->page % 2 == 1)
        sb_ts_draw_string(p, SB_FONT_SONG, ps->number_pt, num,
                    p->left + g->text_w - inset,
                    em_top + 0.88 * ps->number_pt, SB_ALIGN_RIGHT);
    else
        sb_ts_draw_string(p, SB_FONT_SONG, ps->number_pt, num, p->left + inset,
                    em_top + 0.88 * ps->number_pt, SB_ALIGN_LEFT);
}

static void open_page(struct ts_pass *p)
{
    struct sb_doc *doc = p->doc;

    p->page++;
    sb_progress_step(p->bar, 1);
    p->open = 1;
    p->at_top = 1;
    p->left = sb_grid_left(&p->g, p->page);
    p->y = p->g.top;
    if (p->restart || p->page == 1) {
        p->seq = p->page == 1 ? 0 : p->seq + 1;
        p->number = p->restart ? p->restart : 1;
        p->restart = 0;
    } else {
        p->number++;
    }
    if (!p->draw) {
        if (p->seq >= doc->n_seq) {
            doc->seq_pages = sb_xrealloc(doc->seq_pages,
                                         (size_t)(p->seq + 1) *
                                             sizeof *doc->seq_pages);
            doc->seq_pages[p->seq] = 0;
            doc->n_seq = p->seq + 1;
        }
        doc->seq_pages[p->seq]++;
        return;
    }
    if (p->g.paper_w != p->set_w || p->g.paper_h != p->set_h) {
        cairo_pdf_surface_set_size(p->surface, p->g.paper_w, p->g.paper_h);
        p->set_w = p->g.paper_w;
        p->set_h = p->g.paper_h;
    }
    cairo_set_source_rgb(p->cr, 0, 0, 0);
    furniture(p);
}

void sb_ts_page_ensure(struct ts_pass *p)
{
    if (!p->open) {
        open_page(p);
        if (p->opened != NULL)
            p->opened(p);
    }
}

void sb_ts_page_finish(struct ts_pass *p)
{
    if (!p->open)
        return;
    if (p->draw) {
        sb_ts_flush(p);
        cairo_show_page(p->cr);
        if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS &&
            p->status == SB_OK)
            p->status = sb_error_set(p->err, SB_ERENDER, NULL,
                                     "cairo: %s",
                                     cairo_status_to_string(
                                         cairo_status(p->cr)));
    }
    p->open = 0;
}

/* Index of the first grid line whose em top is at or below p->y. */
static int next_index(const struct ts_pass *p)
{
    double k = ceil((p->y - p->g.top) / p->g.pitch - 1e-6);

    return k < 0 ? 0 : (int)k;
}

int sb_ts_lines_left(struct ts_pass *p)
{
    int k;

    if (!p->open)
        return p->g.lines;
    k = next_index(p);
    return k < p->g.lines ? p->g.lines - k : 0;
}

int sb_ts_take_line(struct ts_pass *p, int need)
{
    int k;

    sb_ts_page_ensure(p);
    k = next_index(p);
    /* a new page may start with floating figures; each page takes at
     * least one, so this ends */
    while (k >= p->g.lines || (k + need > p->g.lines && !p->at_top)) {
        sb_ts_page_finish(p);
        sb_ts_page_ensure(p);
        k = next_index(p);
    }
    p->y = p->g.top + (k + 1) * p->g.pitch;
    p->at_top = 0;
    return k;
}

double sb_ts_box_top(struct ts_pass *p)
{
    int k;

    sb_ts_page_ensure(p);
    k = next_index(p);
    while (k >= p->g.lines) {
        sb_ts_page_finish(p);
        sb_ts_page_ensure(p);
        k = next_index(p);
    }
    return p->g.top + k * p->g.pitch;
}

void sb_ts_box_done(struct ts_pass *p, double y)
{
    /* the leading of one line separates a box from the text after it */
    p->y = y + (p->g.pitch - p->g.body);
    p->at_top = 0;
}
