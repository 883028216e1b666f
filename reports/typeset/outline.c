/* outline.c: where a heading lands: its page and printed number for the
 * contents, and in the drawing pass its PDF destination and its entry in
 * the PDF outline (bookmarks), nested by level. */
#include "typeset/outline.h"

#include <cairo-pdf.h>
#include <stdio.h>

void sb_ts_heading_mark(struct ts_pass *p, struct ts_heading *h, double y)
{
    char attr[96];
    int parent = CAIRO_PDF_OUTLINE_ROOT;

    h->page = p->page;
    h->number = p->ps->number != SB_PAGE_NUMBER_NONE ? p->number : 0;
    if (!p->draw)
        return;
    /* land a little above the heading so it is not at the window edge */
    snprintf(attr, sizeof attr, "name='h%d' x=%.2f y=%.2f", h->id, p->left,
             y > p->g.pitch ? y - p->g.pitch / 2 : 0);
    cairo_tag_begin(p->cr, CAIRO_TAG_DEST, attr);
    cairo_tag_end(p->cr, CAIRO_TAG_DEST);
    /* an empty heading ("##" alone) has nothing to show as a bookmark;
     * cairo would also copy its NULL title */
    if ((h->flags & SB_HEADING_NO_TOC) || h->p.text.len == 0)
        return;
    for (int l = h->level - 1; l >= 1; l--)
        if (p->outline[l] > 0) {
            parent = p->outline[l];
            break;
        }
    snprintf(attr, sizeof attr, "dest='h%d'", h->id);
    p->outline[h->level] = cairo_pdf_surface_add_outline(
        p->surface, parent, h->p.text.data, attr,
        h->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    for (int l = h->level + 1; l <= 4; l++)
        p->outline[l] = 0;
}
