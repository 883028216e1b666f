/* layout.c: one pass over the blocks. Pages open and close here, text
 * lines are placed on the grid, boxes (tables, images) between grid
 * lines, and each page gets its furniture: running header and page
 * number (GB/T 9704-2012 7.5). The measuring pass and the drawing pass
 * run this same code, so they agree on every page. */
#include "typeset/typeset_int.h"

#include <cairo-pdf.h>
#include <math.h>
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

/* ---- pages -------------------------------------------------------- */

static void set_style(struct ts_pass *p, const struct sb_page_style *ps)
{
    p->ps = ps;
    sb_page_grid(ps, &p->g);
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

static void place_floats(struct ts_pass *p);

void sb_ts_page_ensure(struct ts_pass *p)
{
    if (!p->open) {
        open_page(p);
        place_floats(p);
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

/* ---- blocks ------------------------------------------------------- */

/* Size of an image or drawing at the current section's width. */
static void image_size(const struct ts_pass *p, const struct ts_image *im,
                       double *w, double *h)
{
    double text_h = p->g.bottom - p->g.top;

    *w = im->w > 0 && im->w < p->g.text_w ? im->w : p->g.text_w;
    *h = im->png != NULL ? *w * im->h : im->h;
    if (*h > text_h) {
        if (im->png != NULL)
            *w *= text_h / *h;
        *h = text_h;
    }
}

/* An image takes whole grid lines: it is centred in the lines between
 * the text above and the text below, and stays on the page of the line
 * after it (its caption). */
static void layout_image(struct ts_pass *p, const struct ts_image *im,
                         int need_after)
{
    double w, h, top, x, lead = p->g.pitch - p->g.body;
    int lines;

    image_size(p, im, &w, &h);
    /* the lines from the image's top to the em top of the text below */
    lines = (int)ceil((h + lead) / p->g.pitch - 1e-6);
    top = sb_ts_box_top(p);
    if (!p->at_top &&
        (top + h > p->g.bottom + 0.01 ||
         sb_ts_lines_left(p) < lines + need_after)) {
        sb_ts_page_finish(p);
        top = sb_ts_box_top(p);
    }
    top += (lines * p->g.pitch - lead - h) / 2;
    x = p->left + (p->g.text_w - w) / 2;
    if (p->draw) {
        sb_ts_flush(p);
        cairo_save(p->cr);
        cairo_translate(p->cr, x, top);
        if (im->png != NULL) {
            cairo_scale(p->cr, w / cairo_image_surface_get_width(im->png),
                        h / cairo_image_surface_get_height(im->png));
            cairo_set_source_surface(p->cr, im->png, 0, 0);
            cairo_paint(p->cr);
        } else {
            cairo_rectangle(p->cr, 0, 0, w, h);
            cairo_clip(p->cr);
            im->fn(p->cr, w, h, im->user);
        }
        cairo_restore(p->cr);
    }
    sb_ts_box_done(p, top + h);
}

/* ---- floating figures ------------------------------------------- */

/* Run fn on a floating figure with the paragraph scratch of the
 * document saved: a page may open (and place figures) in the middle of
 * a paragraph's lines. */
struct saved {
    struct ts_text text;
    struct ts_lines lines;
    const char *label;
};

static void save(struct ts_pass *p, struct saved *s)
{
    s->text = p->doc->text;
    s->lines = p->doc->lines;
    s->label = p->doc->cur_label;
    memset(&p->doc->text, 0, sizeof p->doc->text);
    memset(&p->doc->lines, 0, sizeof p->doc->lines);
}

static void restore(struct ts_pass *p, const struct saved *s)
{
    sb_ts_text_free(&p->doc->text);
    sb_ts_lines_free(&p->doc->lines);
    p->doc->text = s->text;
    p->doc->lines = s->lines;
    p->doc->cur_label = s->label;
}

/* Grid lines a figure and its caption take. */
static int figure_lines(struct ts_pass *p, const struct ts_image *im)
{
    struct saved s;
    double w, h;
    int n;

    image_size(p, im, &w, &h);
    n = (int)ceil((h + p->g.pitch - p->g.body) / p->g.pitch - 1e-6);
    save(p, &s);
    n += sb_ts_para_lines(p, im->caption);
    restore(p, &s);
    return n;
}

static int figure_fits(struct ts_pass *p, const struct ts_image *im)
{
    if (!p->open || p->at_top)
        return 1;
    return sb_ts_lines_left(p) >= figure_lines(p, im);
}

static void place_figure(struct ts_pass *p, const struct ts_image *im)
{
    struct saved s;

    save(p, &s);
    layout_image(p, im, 0);
    sb_ts_layout_para(p, im->caption, -1, 1);
    restore(p, &s);
}

/* The figures waiting, at the top of a page just opened, while they
 * fit. */
static void place_floats(struct ts_pass *p)
{
    if (p->placing)
        return;
    p->placing = 1;
    while (p->n_floats > 0 && figure_fits(p, p->floats[0])) {
        const struct ts_image *im = p->floats[0];

        p->n_floats--;
        memmove(p->floats, p->floats + 1,
                (size_t)p->n_floats * sizeof *p->floats);
        place_figure(p, im);
    }
    p->placing = 0;
}

/* Before a break: the figures waiting go on pages of their own. */
static void flush_floats(struct ts_pass *p)
{
    while (p->n_floats > 0 && p->status == SB_OK) {
        sb_ts_page_finish(p);
        sb_ts_page_ensure(p);
    }
}

static void layout_figure(struct ts_pass *p, const struct ts_image *im)
{
    int max = (int)(sizeof p->floats / sizeof p->floats[0]);

    if (p->n_floats == 0 && figure_fits(p, im))
        place_figure(p, im);
    else if (p->n_floats < max)
        p->floats[p->n_floats++] = im;
    else
        place_figure(p, im); /* too many waiting: where it stands */
}

/* Grid lines block i needs at the top of where it lands: its first line,
 * or all of it and what it is kept with. depth bounds chains of
 * keep-with-next. */
static int need_lines(struct ts_pass *p, int i, int depth)
{
    struct sb_doc *doc = p->doc;
    const struct ts_block *b;
    double w, h;
    int n;

    if (i >= doc->n_blocks || depth > 8)
        return 0;
    b = doc->blocks[i];
    switch (b->kind) {
    case TS_PARA:
    case TS_HEADING:
        if (!((const struct sb_para *)b)->st.keep_with_next)
            return 1;
        n = sb_ts_para_lines(p, (const struct sb_para *)b) +
            need_lines(p, i + 1, depth + 1);
        return n < p->g.lines ? n : p->g.lines;
    case TS_TABLE:
        h = sb_ts_table_min_height(p, (struct sb_table *)b);
        return (int)ceil(h / p->g.pitch);
    case TS_IMAGE:
        if (((const struct ts_image *)b)->caption != NULL)
            return need_lines(p, i + 1, depth + 1); /* it floats */
        image_size(p, (const struct ts_image *)b, &w, &h);
        return (int)ceil(h / p->g.pitch);
    default:
        return 0;
    }
}

static void layout_section(struct ts_pass *p, const struct ts_section *s)
{
    sb_ts_page_finish(p);
    if (s->kind == SB_BREAK_RECTO && p->page % 2 == 1) {
        /* an empty verso in the old style before the new recto */
        sb_ts_page_ensure(p);
        sb_ts_page_finish(p);
    }
    set_style(p, &s->ps);
    if (s->first_number > 0)
        p->restart = s->first_number;
}

static void layout_block(struct ts_pass *p, int i)
{
    struct sb_doc *doc = p->doc;
    struct ts_block *b = doc->blocks[i];
    const struct ts_heading *h;
    const struct ts_break *br;
    int need = 1;

    doc->cur_label = b->label;
    memset(&doc->cur_pos, 0, sizeof doc->cur_pos);
    switch (b->kind) {
    case TS_HEADING:
        h = (const struct ts_heading *)b;
        if (h->flags & SB_HEADING_NEW_PAGE)
            flush_floats(p);
        if ((h->flags & SB_HEADING_NEW_PAGE) && !p->at_top)
            sb_ts_page_finish(p);
        /* fall through */
    case TS_PARA:
        if (((const struct sb_para *)b)->st.keep_with_next)
            need = need_lines(p, i, 0);
        sb_ts_layout_para(p, (const struct sb_para *)b,
                          b->kind == TS_HEADING
                              ? ((const struct ts_heading *)b)->id
                              : -1,
                          need);
        break;
    case TS_TABLE:
        sb_ts_layout_table(p, (struct sb_table *)b);
        break;
    case TS_IMAGE:
        if (((const struct ts_image *)b)->caption != NULL)
            layout_figure(p, (const struct ts_image *)b);
        else
            layout_image(p, (const struct ts_image *)b,
                         need_lines(p, i + 1, 1) > 0 ? 1 : 0);
        break;
    case TS_TOC:
        sb_ts_layout_toc(p, (const struct ts_toc *)b);
        break;
    case TS_BREAK:
        br = (const struct ts_break *)b;
        flush_floats(p);
        sb_ts_page_finish(p);
        if (br->kind == SB_BREAK_RECTO && p->page % 2 == 1) {
            sb_ts_page_ensure(p);
            sb_ts_page_finish(p);
        }
        break;
    case TS_SPACE:
        sb_ts_page_ensure(p);
        p->y += ((const struct ts_break *)b)->lines * p->g.pitch;
        p->at_top = 0;
        break;
    case TS_SECTION:
        flush_floats(p);
        layout_section(p, (const struct ts_section *)b);
        break;
    }
}

int sb_ts_run_pass(struct ts_pass *p)
{
    struct sb_doc *doc = p->doc;

    set_style(p, &doc->ps);
    if (!p->draw)
        doc->n_seq = 0;
    for (int i = 0; i < doc->n_blocks && p->status == SB_OK; i++)
        layout_block(p, i);
    flush_floats(p);
    sb_ts_page_ensure(p); /* a PDF has at least one page */
    sb_ts_page_finish(p);
    if (!p->draw)
        doc->pages = p->page;
    free(p->batch.g);
    free(p->batch.cl);
    sb_buf_free(&p->batch.utf8);
    sb_ts_text_free(&p->aux);
    return p->status;
}
