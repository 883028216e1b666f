/* figure.c: images and drawings placed in the grid lines they take,
 * and figures with captions that float to the top of the next page
 * when they do not fit where they stand. */
#include "typeset/figure.h"
#include "typeset/draw.h"
#include "typeset/page.h"
#include "typeset/para.h"
#include "typeset/text.h"

#include <math.h>
#include <string.h>

/* Size of an image or drawing at the current section's width. */
void sb_ts_image_size(const struct ts_pass *p, const struct ts_image *im,
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
void sb_ts_layout_image(struct ts_pass *p, const struct ts_image *im,
                        int need_after)
{
    double w, h, top, x, lead = p->g.pitch - p->g.body;
    int lines;

    sb_ts_image_size(p, im, &w, &h);
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
    struct sb_pos pos;
};

static void save(struct ts_pass *p, struct saved *s)
{
    s->text = p->doc->text;
    s->lines = p->doc->lines;
    s->label = p->doc->cur_label;
    s->pos = p->doc->cur_pos;
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
    p->doc->cur_pos = s->pos;
}

/* Grid lines a figure and its caption take. */
static int figure_lines(struct ts_pass *p, const struct ts_image *im)
{
    struct saved s;
    double w, h;
    int n;

    sb_ts_image_size(p, im, &w, &h);
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
    sb_ts_layout_image(p, im, 0);
    sb_ts_layout_para(p, im->caption, -1, 1);
    restore(p, &s);
}

/* The figures waiting, at the top of a page just opened, while they
 * fit. */
void sb_ts_place_floats(struct ts_pass *p)
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
void sb_ts_flush_floats(struct ts_pass *p)
{
    while (p->n_floats > 0 && p->status == SB_OK) {
        sb_ts_page_finish(p);
        sb_ts_page_ensure(p);
    }
}

void sb_ts_layout_figure(struct ts_pass *p, const struct ts_image *im)
{
    int max = (int)(sizeof p->floats / sizeof p->floats[0]);

    if (p->n_floats == 0 && figure_fits(p, im))
        place_figure(p, im);
    else if (p->n_floats < max)
        p->floats[p->n_floats++] = im;
    else
        place_figure(p, im); /* too many waiting: where it stands */
}
