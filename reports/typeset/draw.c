/* draw.c: drawing text in a pass: glyphs batched per face and shown
 * with their text (synthetic bold by stroking), one line of a shaped
 * text at its positions from linebreak.c with boxes for missing glyphs,
 * rules under underlined text and rectangles for links, and a string on
 * one line. The measuring pass never calls these with a surface. */
#include "typeset/draw.h"
#include "typeset/glyphs.h"
#include "typeset/linebreak.h"
#include "typeset/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* ---- glyph batches ------------------------------------------------ */

void sb_ts_flush(struct ts_pass *p)
{
    struct ts_batch *b = &p->batch;
    const struct ts_face *f;

    if (b->n == 0)
        return;
    f = &p->doc->faces[b->face];
    cairo_set_scaled_font(p->cr, f->sf);
    cairo_show_text_glyphs(p->cr, b->utf8.data, (int)b->utf8.len, b->g, b->n,
                           b->cl, b->n, 0);
    if (b->bold) {
        /* synthetic bold: stroke the outlines of the same glyphs; the
         * text stays in the regular face (no Bold face, no Type 3) */
        cairo_save(p->cr);
        cairo_glyph_path(p->cr, b->g, b->n);
        cairo_set_line_width(p->cr, f->size * 0.035);
        cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(p->cr);
        cairo_restore(p->cr);
    }
    b->n = 0;
    sb_buf_clear(&b->utf8);
}

void sb_ts_glyph_out(struct ts_pass *p, const struct ts_item *it,
                     int32_t cp, double x, double y)
{
    struct ts_batch *b = &p->batch;
    size_t before;

    if (b->n > 0 && (b->face != it->face || b->bold != it->bold))
        sb_ts_flush(p);
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 1024;
        b->g = sb_xrealloc(b->g, (size_t)b->cap * sizeof *b->g);
        b->cl = sb_xrealloc(b->cl, (size_t)b->cap * sizeof *b->cl);
    }
    b->face = it->face;
    b->bold = it->bold;
    b->g[b->n].index = it->glyph;
    b->g[b->n].x = x;
    b->g[b->n].y = y;
    before = b->utf8.len;
    sb_utf8_put(&b->utf8, cp);
    b->cl[b->n].num_bytes = (int)(b->utf8.len - before);
    b->cl[b->n].num_glyphs = 1;
    b->n++;
    if (it->state == TS_G_MISSING) {
        /* the visible tofu box; the finding says which character */
        double size = p->doc->faces[it->face].size;
        double w = cp < 0x2000 ? size / 2 : size;

        cairo_rectangle(p->cr, x + w * 0.1, y - 0.8 * size, w * 0.8,
                        0.9 * size);
        cairo_set_line_width(p->cr, 0.5);
        cairo_stroke(p->cr);
    }
}

/* "uri='…'" with ' and \ escaped, as cairo_tag_begin wants. */
static void put_quoted(struct sb_buf *b, const char *s)
{
    sb_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            sb_buf_putc(b, '\\');
        sb_buf_putc(b, *s);
    }
    sb_buf_putc(b, '\'');
}

static void link_out(struct ts_pass *p, const struct sb_para *para, int run,
                     double x0, double x1, double y, double size)
{
    const struct ts_run *r = &para->runs[run];
    struct sb_buf a = {0};

    sb_buf_printf(&a, "rect=[%.2f %.2f %.2f %.2f] ", x0, y - 0.88 * size,
                  x1 - x0, size);
    if (r->uri != NULL) {
        sb_buf_puts(&a, "uri=");
        put_quoted(&a, r->uri);
    } else if (r->ref >= 0 && r->ref < p->doc->n_headings) {
        sb_buf_printf(&a, "dest='h%d'", r->ref);
    } else {
        sb_buf_free(&a);
        return;
    }
    cairo_tag_begin(p->cr, CAIRO_TAG_LINK, a.data);
    cairo_tag_end(p->cr, CAIRO_TAG_LINK);
    sb_buf_free(&a);
}

/* Rules under the underlined items of line ln (positions in doc->xs
 * from x), just below the em box, one stroke per run of them. */
static void underlines(struct ts_pass *p, const struct ts_text *t,
                       const struct ts_line *ln, double x, double y)
{
    struct sb_doc *doc = p->doc;
    int n = ln->end - ln->start;

    for (int j = 0; j < n;) {
        const struct ts_item *it = &t->items[ln->start + j];
        double size = doc->faces[it->face].size, x1;
        int k = j;

        if (!it->underline) {
            j++;
            continue;
        }
        while (k < n && t->items[ln->start + k].underline)
            k++;
        x1 = x + doc->xs[k - 1] + t->lb[ln->start + k - 1].adv;
        cairo_new_path(p->cr);
        cairo_move_to(p->cr, x + doc->xs[j], y + 0.18 * size);
        cairo_line_to(p->cr, x1, y + 0.18 * size);
        cairo_set_line_width(p->cr, 0.6);
        cairo_stroke(p->cr);
        j = k;
    }
}

void sb_ts_draw_line(struct ts_pass *p, const struct ts_text *t,
                     const struct ts_line *ln, double x, double y,
                     double avail, double track, enum sb_align align,
                     const struct sb_para *para)
{
    struct sb_doc *doc = p->doc;
    int n = ln->end - ln->start;
    double slack = avail - ln->width, off = 0;
    /* a justified paragraph's line (justify.h) wider than avail is
     * squeezed, a loose one not at the paragraph's end spread */
    int justify = align == SB_ALIGN_JUSTIFY &&
                  (slack < 0 || (!ln->forced && slack > 0));
    int link = -1;
    double link_x0 = 0, link_x1 = 0, size = 0;

    if (!p->draw || n <= 0)
        return;
    if (n > doc->cap_xs) {
        doc->cap_xs = n * 2;
        doc->xs = sb_xrealloc(doc->xs, (size_t)doc->cap_xs * sizeof *doc->xs);
    }
    sb_lb_place(t->lb, ln->start, ln->end, track, justify ? slack : 0,
                doc->xs);
    if (slack > 0 && align == SB_ALIGN_CENTER)
        off = slack / 2;
    else if (slack > 0 && align == SB_ALIGN_RIGHT)
        off = slack;
    for (int j = 0; j < n; j++) {
        const struct ts_item *it = &t->items[ln->start + j];
        double gx = x + off + doc->xs[j];
        double adv = t->lb[ln->start + j].adv;

        size = doc->faces[it->face].size;
        if (it->state != TS_G_INVISIBLE)
            sb_ts_glyph_out(p, it, t->cps[ln->start + j], gx, y);
        if (para == NULL)
            continue;
        if (it->link != link) {
            if (link >= 0)
                link_out(p, para, link, link_x0, link_x1, y, size);
            link = it->link;
            link_x0 = gx;
        }
        link_x1 = gx + adv;
    }
    if (link >= 0)
        link_out(p, para, link, link_x0, link_x1, y, size);
    underlines(p, t, ln, x + off, y);
}

double sb_ts_draw_string(struct ts_pass *p, enum sb_font_role role,
                         double size_pt, const char *text, double x,
                         double baseline, enum sb_align align)
{
    struct ts_style *st = sb_ts_style(p->doc, role, size_pt);
    struct ts_line ln;

    sb_ts_text_clear(&p->aux);
    p->aux.s = text;
    sb_ts_shape(p->doc, st, &p->aux, text, strlen(text), 0, 0, -1);
    ln.start = 0;
    ln.end = p->aux.n;
    ln.forced = 1;
    ln.width = sb_lb_width(p->aux.lb, 0, p->aux.n, 0);
    if (align == SB_ALIGN_RIGHT)
        x -= ln.width;
    else if (align == SB_ALIGN_CENTER)
        x -= ln.width / 2;
    sb_ts_draw_line(p, &p->aux, &ln, x, baseline, ln.width, 0,
                    SB_ALIGN_LEFT, NULL);
    return ln.width;
}
