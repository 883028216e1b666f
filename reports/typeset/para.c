/* para.c: shaped text (items from the glyph cache), its lines, and
 * drawing one line: positions from linebreak.c, glyphs to the batch,
 * boxes for missing glyphs, rectangles for links. Also the layout of a
 * paragraph on the grid. */
#include "typeset/typeset_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

static void text_grow(struct ts_text *t)
{
    if (t->n < t->cap)
        return;
    t->cap = t->cap ? t->cap * 2 : 256;
    t->items = sb_xrealloc(t->items, (size_t)t->cap * sizeof *t->items);
    t->lb = sb_xrealloc(t->lb, (size_t)t->cap * sizeof *t->lb);
    t->cps = sb_xrealloc(t->cps, (size_t)t->cap * sizeof *t->cps);
}

void sb_ts_shape(struct sb_doc *doc, struct ts_style *st, struct ts_text *t,
                 const char *s, size_t len, size_t base, int bold,
                 int link)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int k = sb_utf8_decode(s + i, len - i, &cp);
        const struct ts_glyph *g;
        struct ts_item *it;

        if (cp < 0)
            cp = 0xFFFD;
        g = sb_ts_glyph(doc, st, cp);
        text_grow(t);
        it = &t->items[t->n];
        it->glyph = g->glyph;
        it->off = (uint32_t)(base + i);
        it->len = (uint8_t)k;
        it->face = g->face;
        it->state = g->state;
        it->bold = (uint8_t)bold;
        it->underline = 0;
        it->link = link;
        t->lb[t->n].adv = g->state == TS_G_INVISIBLE ? 0 : g->adv;
        t->lb[t->n].brk = SB_LB_NEVER;
        t->lb[t->n].flags =
            t->lb[t->n].adv > 0 ? SB_LB_TRACK : 0;
        t->cps[t->n] = cp;
        if (sb_lb_class_of(cp) == SB_LB_BK)
            t->has_bk = 1;
        t->n++;
        i += (size_t)k;
    }
    t->analysed = 0;
}

void sb_ts_text_clear(struct ts_text *t)
{
    t->n = 0;
    t->has_bk = 0;
    t->analysed = 0;
}

void sb_ts_text_free(struct ts_text *t)
{
    free(t->items);
    free(t->lb);
    free(t->cps);
    memset(t, 0, sizeof *t);
}

static void analyse(struct ts_text *t)
{
    if (!t->analysed)
        sb_lb_analyse(t->cps, t->n, t->lb);
    t->analysed = 1;
}

static void push_line(struct ts_lines *out, int start, int end, int forced,
                      double width)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->v = sb_xrealloc(out->v, (size_t)out->cap * sizeof *out->v);
    }
    out->v[out->n].start = start;
    out->v[out->n].end = end;
    out->v[out->n].forced = forced;
    out->v[out->n].width = width;
    out->n++;
}

void sb_ts_break(struct ts_text *t, double avail_first, double avail,
                 double track, struct ts_lines *out)
{
    int start = 0;

    out->n = 0;
    if (t->n == 0) {
        push_line(out, 0, 0, 1, 0);
        return;
    }
    /* most table cells fit on one line: no break analysis for them */
    if (!t->has_bk) {
        int end = t->n;
        double w;

        while (end > 0 && t->cps[end - 1] == ' ')
            end--;
        w = sb_lb_width(t->lb, 0, end, track);
        if (w <= avail_first + 0.01) {
            push_line(out, 0, end, 1, w);
            return;
        }
    }
    analyse(t);
    while (start < t->n) {
        int next, forced;
        int end = sb_lb_fit(t->lb, t->n, start,
                            out->n == 0 ? avail_first : avail, track, &next,
                            &forced);

        push_line(out, start, end, forced,
                  sb_lb_width(t->lb, start, end, track));
        start = next > start ? next : start + 1;
    }
}

void sb_ts_lines_free(struct ts_lines *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

void sb_ts_measure(struct ts_text *t, double track, double *pref,
                   double *min)
{
    int part = 0, seg = 0;

    *pref = 0;
    *min = 0;
    analyse(t);
    for (int i = 1; i <= t->n; i++) {
        int at_end = i == t->n;
        int e;
        double w;

        if (!at_end && t->lb[i].brk == SB_LB_NEVER)
            continue;
        e = i;
        while (e > seg && (t->lb[e - 1].flags & SB_LB_SPACE))
            e--;
        w = sb_lb_width(t->lb, seg, e, track);
        if (w > *min)
            *min = w;
        seg = i;
        if (at_end || t->lb[i].brk == SB_LB_MUST) {
            e = i;
            while (e > part && (t->lb[e - 1].flags & SB_LB_SPACE))
                e--;
            w = sb_lb_width(t->lb, part, e, track);
            if (w > *pref)
                *pref = w;
            part = i;
        }
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
    int justify = align == SB_ALIGN_JUSTIFY && !ln->forced && slack > 0;
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

/* Shape para into doc->text and break it into doc->lines. Returns the
 * size of its type. */
static double shape_para(struct ts_pass *p, const struct sb_para *para,
                         double *track, double *indent)
{
    struct sb_doc *doc = p->doc;
    const struct sb_para_style *st = &para->st;
    double size = st->size_pt > 0 ? st->size_pt : p->g.body;
    struct ts_style *style = sb_ts_style(doc, st->role, size);
    const char *s = para->text.data ? para->text.data : "";

    /* the grid's condensing scales with the size, so a 22 pt title is
     * set as tight as the body */
    *track = p->g.track * size / p->g.body;
    *indent = st->indent * (size + *track);
    doc->cur_label = para->b.label;
    sb_ts_text_clear(&doc->text);
    doc->text.s = s;
    for (int i = 0; i < para->n_runs; i++) {
        const struct ts_run *r = &para->runs[i];
        int link = r->uri != NULL || r->ref >= 0 ? i : -1;
        int from = doc->text.n;

        sb_ts_shape(doc,
                    r->kai ? sb_ts_style(doc, SB_FONT_KAI, size) : style,
                    &doc->text, s + r->start, r->end - r->start, r->start,
                    r->bold || st->bold, link);
        for (int k = from; k < doc->text.n; k++)
            doc->text.items[k].underline = (uint8_t)r->underline;
    }
    sb_ts_break(&doc->text, p->g.text_w - *indent, p->g.text_w, *track,
                &doc->lines);
    return size;
}

int sb_ts_para_lines(struct ts_pass *p, const struct sb_para *para)
{
    double track, indent;

    shape_para(p, para, &track, &indent);
    return p->doc->lines.n;
}

void sb_ts_layout_para(struct ts_pass *p, const struct sb_para *para,
                       int heading_id, int need)
{
    struct sb_doc *doc = p->doc;
    double track, indent;
    double size = shape_para(p, para, &track, &indent);

    if (para->st.lines_before > 0 && p->open && !p->at_top)
        p->y += para->st.lines_before * p->g.pitch;
    for (int i = 0; i < doc->lines.n; i++) {
        int idx = sb_ts_take_line(p, i == 0 ? need : 1);
        double x = p->left + (i == 0 ? indent : 0);

        if (i == 0 && heading_id >= 0)
            sb_ts_heading_mark(p, doc->headings[heading_id],
                               p->g.top + idx * p->g.pitch);
        sb_ts_draw_line(p, &doc->text, &doc->lines.v[i], x,
                        sb_grid_baseline(&p->g, idx, size),
                        p->g.text_w - (i == 0 ? indent : 0), track,
                        para->st.align, para);
    }
    if (para->st.lines_after > 0)
        p->y += para->st.lines_after * p->g.pitch;
}
