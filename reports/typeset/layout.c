/* layout.c: one pass over the blocks: each block to its layout
 * (paragraphs, headings, tables, figures, the contents, breaks and
 * sections), a block kept with the next one only where both fit. The
 * measuring pass and the drawing pass run this same code, so they agree
 * on every page. */
#include "typeset/layout.h"
#include "typeset/figure.h"
#include "typeset/grid.h"
#include "typeset/page.h"
#include "typeset/para.h"
#include "typeset/table.h"
#include "typeset/text.h"
#include "typeset/toc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void set_style(struct ts_pass *p, const struct sb_page_style *ps)
{
    p->ps = ps;
    sb_page_grid(ps, &p->g);
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
        sb_ts_image_size(p, (const struct ts_image *)b, &w, &h);
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
    doc->cur_pos = b->pos;
    switch (b->kind) {
    case TS_HEADING:
        h = (const struct ts_heading *)b;
        /* a figure stays under the heading it was added under: one that
         * waits for room goes before the next heading (issue 13 item 15:
         * 图6 of 5.1 was printed after the heading of 5.2) */
        sb_ts_flush_floats(p);
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
            sb_ts_layout_figure(p, (const struct ts_image *)b);
        else
            sb_ts_layout_image(p, (const struct ts_image *)b,
                         need_lines(p, i + 1, 1) > 0 ? 1 : 0);
        break;
    case TS_TOC:
        sb_ts_layout_toc(p, (const struct ts_toc *)b);
        break;
    case TS_BREAK:
        br = (const struct ts_break *)b;
        sb_ts_flush_floats(p);
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
        sb_ts_flush_floats(p);
        layout_section(p, (const struct ts_section *)b);
        break;
    }
}

int sb_ts_run_pass(struct ts_pass *p)
{
    struct sb_doc *doc = p->doc;

    set_style(p, &doc->ps);
    p->opened = sb_ts_place_floats;
    if (!p->draw)
        doc->n_seq = 0;
    for (int i = 0; i < doc->n_blocks && p->status == SB_OK; i++)
        layout_block(p, i);
    sb_ts_flush_floats(p);
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
