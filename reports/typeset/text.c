/* text.c: shaped text (items from the glyph cache) and its lines:
 * break opportunities from linebreak.c, lines fitted to widths, natural
 * widths. */
#include "typeset/text.h"
#include "typeset/glyphs.h"
#include "typeset/justify.h"
#include "typeset/linebreak.h"

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
                 double track, int justify, struct ts_lines *out)
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
    if (justify) {
        int *next = sb_xmalloc((size_t)t->n * sizeof *next);
        int k = sb_js_breaks(t->lb, t->n, avail_first, avail, track, next);

        for (int i = 0; i < k; i++) {
            int end = next[i];

            while (end > start && (t->lb[end - 1].flags & SB_LB_SPACE))
                end--;
            push_line(out, start, end,
                      next[i] == t->n || t->lb[next[i]].brk == SB_LB_MUST,
                      sb_lb_width(t->lb, start, end, track));
            start = next[i];
        }
        free(next);
        return;
    }
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
