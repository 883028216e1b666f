/* toc.c: the table of contents (notice 002 说明4: at least three levels,
 * with the 证明材料 listed), each entry a link to the destination
 * outline.c made for its heading.
 *
 * The TOC is laid out in both passes with the same line breaks: the page
 * number column has a fixed width, so the numbers found by the
 * measuring pass cannot move anything when the drawing pass prints
 * them. */
#include "typeset/toc.h"
#include "typeset/draw.h"
#include "typeset/glyphs.h"
#include "typeset/grid.h"
#include "typeset/page.h"
#include "typeset/text.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>

/* Entries in the faces of their headings, without bold; page numbers
 * in 仿宋. */
static const enum sb_font_role toc_role[] = {SB_FONT_HEI, SB_FONT_KAI,
                                             SB_FONT_FANG, SB_FONT_FANG};

/* Dot leaders between x0 and x1 on baseline y, the dots on a grid of
 * pitch d from the 版心's left edge so they line up from entry to
 * entry. */
static void leaders(struct ts_pass *p, double x0, double x1, double y,
                    double d)
{
    double k0 = ceil((x0 - p->left) / d), k1 = floor((x1 - p->left) / d);

    if (!p->draw || k1 < k0)
        return;
    cairo_new_path(p->cr);
    for (double k = k0; k <= k1; k++) {
        cairo_new_sub_path(p->cr);
        cairo_arc(p->cr, p->left + k * d, y - 1.2, 0.75, 0, 6.2831853);
    }
    cairo_fill(p->cr);
}

static void entry(struct ts_pass *p, const struct ts_heading *h)
{
    struct sb_doc *doc = p->doc;
    const struct sb_grid *g = &p->g;
    double cell = g->body + g->track; /* one 字 */
    double indent = (h->level - 1) * cell;
    double avail = g->text_w - indent - 4 * cell; /* number + leaders */
    double right = 0, base = 0, top = 0, end, wn;
    struct ts_style *st = sb_ts_style(doc, toc_role[h->level - 1], g->body);
    const char *s = h->p.text.data ? h->p.text.data : "";
    char num[32] = "";
    int n;

    sb_ts_text_clear(&doc->text);
    doc->text.s = s;
    sb_ts_shape(doc, st, &doc->text, s, h->p.text.len, 0, 0, -1);
    sb_ts_break(&doc->text, avail, avail, g->track, 0, &doc->lines);
    n = doc->lines.n;
    for (int k = 0; k < n; k++) {
        int idx = sb_ts_take_line(p, k == 0 ? n : 1);

        base = sb_grid_baseline(g, idx, g->body);
        if (k == 0)
            top = base - 0.88 * g->body;
        sb_ts_draw_line(p, &doc->text, &doc->lines.v[k], p->left + indent,
                        base, avail, g->track, SB_ALIGN_LEFT, NULL);
    }
    right = p->left + g->text_w;
    end = p->left + indent + doc->lines.v[n - 1].width;
    if (h->number > 0)
        snprintf(num, sizeof num, "%ld", h->number);
    /* numbers in one face so their right edges line up */
    wn = sb_ts_draw_string(p, SB_FONT_FANG, g->body, num, right, base,
                           SB_ALIGN_RIGHT);
    leaders(p, end + cell / 2, right - wn - cell / 2, base, cell / 2);
    if (p->draw) {
        char attr[128];

        if (top > base)
            top = base - 0.88 * g->body; /* entry split by a page */
        snprintf(attr, sizeof attr, "rect=[%.2f %.2f %.2f %.2f] dest='h%d'",
                 p->left + indent, top, right - p->left - indent,
                 base + 0.12 * g->body - top, h->id);
        cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attr);
        cairo_tag_end(p->cr, CAIRO_TAG_LINK);
    }
}

void sb_ts_layout_toc(struct ts_pass *p, const struct ts_toc *toc)
{
    struct sb_doc *doc = p->doc;

    for (int i = toc->first; i < doc->n_headings; i++) {
        const struct ts_heading *h = doc->headings[i];

        if ((h->flags & SB_HEADING_NO_TOC) || h->level > toc->max_level)
            continue;
        doc->cur_label = h->p.b.label;
        doc->cur_pos = h->p.b.pos;
        entry(p, h);
    }
}
