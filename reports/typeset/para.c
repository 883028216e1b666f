/* para.c: the layout of a paragraph on the grid: shaped, broken into
 * lines, each line taken from the grid and drawn; a heading's line
 * marked for the contents and the outline. */
#include "typeset/para.h"
#include "typeset/draw.h"
#include "typeset/glyphs.h"
#include "typeset/grid.h"
#include "typeset/outline.h"
#include "typeset/page.h"
#include "typeset/text.h"

#include <math.h>
#include <stdlib.h>

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
    doc->cur_pos = para->b.pos;
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
                st->align == SB_ALIGN_JUSTIFY, &doc->lines);
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
