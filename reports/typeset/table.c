/* table.c: tables as wide as the 版心, their header row repeated on every
 * page (under a line such as 续表 when the style gives one), their last
 * row never alone on a page (a pass that finds it so sends the row
 * before it along in the passes that follow), rows
 * streamed from a source or kept in memory, cells optionally merged
 * across columns (spans).
 *
 * A row is read, shaped, broken into lines, placed and drawn, then
 * forgotten: only the current row's cells (one scratch text per column)
 * live at a time, so a million-row annex costs the memory of one row.
 * Rules are collected per page and stroked once per page. */
#include "typeset/table.h"
#include "typeset/draw.h"
#include "typeset/glyphs.h"
#include "typeset/linebreak.h"
#include "typeset/page.h"
#include "typeset/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

#define SAMPLE_ROWS 256 /* rows whose unbreakable pieces set minimum widths */

struct cell {
    struct ts_text t;
    struct ts_lines l;
};

/* A table being laid out in one pass. */
struct tab {
    struct ts_pass *p;
    struct sb_table *t;
    struct ts_style *style, *head_style;
    struct cell *head, *row; /* n_cols each */
    int head_n, row_n;       /* lines of the header, of the row */
    const unsigned char *spans; /* of the current row, or NULL */
    double head_h;           /* pt */
    struct cell cont;        /* st.continued, shaped */
    double cont_h;           /* pt it takes above a repeated header, or 0 */
    int segs;                /* parts opened so far */
    double lp;               /* line pitch in cells */
    double y;                /* next free y */
    long i;                  /* rows read */
    long seg_first;          /* row (from 1) the page's part starts with,
                                0 when it starts inside a row */
    int row_cut, last_n, last_cut; /* the row was cut over pages; lines and
                                  cut of the row before */
    /* the table's part on the current page */
    int seg_open;            /* header drawn on this page */
    double seg_top, head_bottom;
    double *rules;           /* y of row bottoms */
    uint64_t *merged;        /* per row: bit c set when the rule right
                                of column c is inside a merged cell */
    int n_rules, cap_rules;
    struct sb_buf cut;       /* a truncated cell */
};

static int rewind_rows(struct tab *tb)
{
    struct sb_table *t = tb->t;
    int rc;

    tb->i = 0;
    if (!t->streamed)
        return SB_OK;
    rc = t->src.rewind(t->src.user, tb->p->err);
    if (rc != SB_OK && tb->p->status == SB_OK)
        tb->p->status = rc;
    return rc;
}

/* 1 and *row, 0 at the end, -1 on a source error (p->status set). */
static int next_row(struct tab *tb, struct sb_row *row)
{
    struct sb_table *t = tb->t;
    int rc;

    memset(row, 0, sizeof *row);
    if (!t->streamed) {
        if (tb->i >= t->n_rows)
            return 0;
        row->cells = (const char *const *)&t->cells[tb->i * t->n_cols];
        if (t->spans != NULL)
            row->spans = &t->spans[tb->i * t->n_cols];
    } else {
        rc = t->src.next(t->src.user, row, tb->p->err);
        if (rc < 0) {
            if (tb->p->status == SB_OK)
                tb->p->status = tb->p->err->code != SB_OK
                                    ? (int)tb->p->err->code
                                    : SB_EIO;
            return -1;
        }
        if (rc == 0)
            return 0;
    }
    tb->i++;
    if (row->row == 0)
        row->row = tb->i;
    if (!t->streamed && t->row_pos != NULL &&
        t->row_pos[tb->i - 1].path != NULL) {
        tb->p->doc->cur_pos = t->row_pos[tb->i - 1]; /* sb_table_row_source */
    } else if (t->st.source != NULL) {
        tb->p->doc->cur_pos.path = t->st.source;
        tb->p->doc->cur_pos.row = row->row;
        tb->p->doc->cur_pos.line = row->line;
    } else {
        tb->p->doc->cur_pos = t->b.pos; /* the block's own */
    }
    return 1;
}

/* The cell text, cut at SB_TABLE_CELL_MAX characters. */
static const char *cell_text(struct tab *tb, const char *s, int col)
{
    struct sb_doc *doc = tb->p->doc;
    size_t len = strlen(s), i = 0;
    long n = 0;
    struct sb_finding f = {0};

    if (len <= SB_TABLE_CELL_MAX)
        return s;
    while (i < len && n < SB_TABLE_CELL_MAX) {
        int32_t cp;

        i += (size_t)sb_utf8_decode(s + i, len - i, &cp);
        n++;
    }
    if (i >= len)
        return s;
    sb_buf_clear(&tb->cut);
    sb_buf_put(&tb->cut, s, i);
    sb_buf_puts(&tb->cut, "…");
    if (doc->report && doc->findings != NULL) {
        f.code = "typeset.cell-truncated";
        f.sev = SB_SEV_WARNING;
        f.pos = doc->cur_pos;
        f.pos.col = col + 1;
        f.column = tb->t->cols[col].title;
        sb_findings_addf(doc->findings, &f,
                         "单元格超过 %d 字，表中只印出前 %d 字（位置：%s）",
                         SB_TABLE_CELL_MAX, SB_TABLE_CELL_MAX,
                         doc->cur_label ? doc->cur_label : "");
    }
    return tb->cut.data;
}

static void shape_cell(struct tab *tb, struct ts_style *st,
                       struct ts_text *t, const char *s, int col, int bold)
{
    s = cell_text(tb, s != NULL ? s : "", col);
    sb_ts_text_clear(t);
    t->s = s;
    sb_ts_shape(tb->p->doc, st, t, s, strlen(s), 0, bold, -1);
}

/* Width of cell c of a row with spans (NULL: none): its column and
 * those it covers; 0 for a covered column. */
static double cell_width(const struct sb_table *t, const unsigned char *spans,
                         int c)
{
    int k = spans != NULL ? spans[c] : 1;
    double w = 0;

    for (int j = c; j < c + k && j < t->n_cols; j++)
        w += t->width[j];
    return w;
}

/* Shape and break the cells of a row (or the header, spans NULL);
 * returns the number of lines of the tallest cell. */
static int shape_row(struct tab *tb, struct ts_style *st,
                     struct cell *cells, const char *const *text,
                     const unsigned char *spans, int bold)
{
    struct sb_table *t = tb->t;
    int n = 1;

    for (int c = 0; c < t->n_cols; c++) {
        double w = cell_width(t, spans, c);
        double avail = w > 0 ? w - 2 * t->st.pad_x_pt : 0;

        shape_cell(tb, st, &cells[c].t, w > 0 ? text[c] : "", c, bold);
        sb_ts_break(&cells[c].t, avail, avail, 0, 0, &cells[c].l);
        if (cells[c].l.n > n)
            n = cells[c].l.n;
    }
    return n;
}

/* Widths of the automatic columns when their one-line widths pref do
 * not all fit in r pt: a column whose pref is at most an equal share of
 * what is left gets it (short columns such as 类别 never wrap), the rest
 * share the remainder in proportion to pref, none below its min. */
static void share(struct sb_table *t, const double *pref, const double *min,
                  double r)
{
    int n = t->n_cols, left = 0, k;
    char *done = sb_xcalloc((size_t)n, 1);
    double sp;

    for (int c = 0; c < n; c++) {
        done[c] = t->cols[c].width_mm > 0;
        left += !done[c];
    }
    do {
        double fair = left > 0 ? r / left : 0;

        k = 0;
        for (int c = 0; c < n; c++)
            if (!done[c] && pref[c] <= fair) {
                t->width[c] = pref[c];
                r -= pref[c];
                done[c] = 1;
                left--;
                k++;
            }
    } while (k > 0 && left > 0);
    do {
        sp = 0;
        k = 0;
        for (int c = 0; c < n; c++)
            sp += done[c] ? 0 : pref[c];
        for (int c = 0; c < n && sp > 0; c++)
            if (!done[c] && r * pref[c] / sp < min[c]) {
                t->width[c] = min[c];
                r -= min[c];
                done[c] = 1;
                k++;
            }
    } while (k > 0);
    for (int c = 0; c < n; c++)
        if (!done[c])
            t->width[c] = r * pref[c] / sp;
    free(done);
}

/* Column widths for the current 版心 width: fixed ones as given, the
 * others from their preferred (one-line) widths over all rows and their
 * minimum (widest unbreakable piece) over the header and first rows.
 * A streamed source is read once more for this. */
static void ensure_widths(struct ts_pass *p, struct sb_table *t)
{
    struct tab tb = {0};
    struct ts_text tx = {0};
    struct sb_row row;
    double *pref, *min, W = p->g.text_w, fixed = 0, sp = 0, sm = 0, r;
    double pad = 2 * t->st.pad_x_pt;
    int n = t->n_cols, n_auto = 0;

    if (t->width != NULL && t->width_for == W)
        return;
    free(t->width);
    t->width = sb_xcalloc((size_t)n, sizeof *t->width);
    t->width_for = W;
    pref = sb_xcalloc((size_t)n, sizeof *pref);
    min = sb_xcalloc((size_t)n, sizeof *min);
    tb.p = p;
    tb.t = t;
    tb.style = sb_ts_style(p->doc, t->st.role, t->st.size_pt);
    tb.head_style = sb_ts_style(p->doc, t->st.header_role, t->st.size_pt);
    for (int c = 0; c < n; c++) {
        if (t->cols[c].width_mm > 0) {
            fixed += t->cols[c].width_mm * SB_PT_PER_MM;
            continue;
        }
        n_auto++;
        shape_cell(&tb, tb.head_style, &tx, t->cols[c].title, c, 0);
        sb_ts_measure(&tx, 0, &pref[c], &min[c]);
    }
    if (n_auto > 0 && rewind_rows(&tb) == SB_OK) {
        while (next_row(&tb, &row) == 1) {
            for (int c = 0; c < n; c++) {
                double pw, mw = 0;

                if (t->cols[c].width_mm > 0 ||
                    (row.spans != NULL && row.spans[c] != 1))
                    continue;
                shape_cell(&tb, tb.style, &tx, row.cells[c], c, 0);
                /* every row's one-line width (cheap: a sum), but the
                 * unbreakable pieces only of the first rows */
                if (tb.i <= SAMPLE_ROWS || tx.has_bk)
                    sb_ts_measure(&tx, 0, &pw, &mw);
                else
                    pw = sb_lb_width(tx.lb, 0, tx.n, 0);
                pref[c] = pw > pref[c] ? pw : pref[c];
                min[c] = mw > min[c] ? mw : min[c];
            }
        }
    }
    for (int c = 0; c < n; c++) {
        if (t->cols[c].width_mm > 0)
            continue;
        /* at least one character; never wider than the table */
        min[c] = fmax(min[c], t->st.size_pt) + pad;
        pref[c] = fmin(fmax(pref[c] + pad, min[c]), W);
        sp += pref[c];
        sm += min[c];
    }
    r = W - fixed;
    for (int c = 0; c < n; c++)
        if (t->cols[c].width_mm > 0)
            t->width[c] = n_auto > 0 ? t->cols[c].width_mm * SB_PT_PER_MM
                                     : W * t->cols[c].width_mm *
                                           SB_PT_PER_MM / fixed;
        else if (sp <= r)
            t->width[c] = pref[c] + (r - sp) * pref[c] / sp;
        else if (sm >= r)
            t->width[c] = r > 0 ? r * min[c] / sm : W / n;
    if (sp > r && sm < r)
        share(t, pref, min, r);
    sb_ts_text_free(&tx);
    sb_buf_free(&tb.cut);
    free(pref);
    free(min);
}

static void tab_init(struct tab *tb, struct ts_pass *p, struct sb_table *t)
{
    memset(tb, 0, sizeof *tb);
    tb->p = p;
    tb->t = t;
    ensure_widths(p, t);
    tb->style = sb_ts_style(p->doc, t->st.role, t->st.size_pt);
    tb->head_style = sb_ts_style(p->doc, t->st.header_role, t->st.size_pt);
    tb->lp = t->st.line_pt;
    tb->head = sb_xcalloc((size_t)t->n_cols, sizeof *tb->head);
    tb->row = sb_xcalloc((size_t)t->n_cols, sizeof *tb->row);
    if (!t->st.no_header) {
        const char **titles = sb_xcalloc((size_t)t->n_cols, sizeof *titles);

        for (int c = 0; c < t->n_cols; c++)
            titles[c] = t->cols[c].title;
        tb->head_n = shape_row(tb, tb->head_style, tb->head, titles, NULL,
                               t->st.header_bold);
        free(titles);
        tb->head_h = tb->head_n * tb->lp + 2 * t->st.pad_y_pt;
        if (t->st.continued != NULL) {
            shape_cell(tb, tb->head_style, &tb->cont.t, t->st.continued, 0,
                       0);
            sb_ts_break(&tb->cont.t, p->g.text_w, p->g.text_w, 0, 0,
                        &tb->cont.l);
            tb->cont_h = tb->cont.l.n * tb->lp + t->st.pad_y_pt;
        }
    }
}

/* Height in pt a part of the table takes above its first row on this
 * page: the header, under the continued line on a later page. */
static double open_height(const struct tab *tb)
{
    return tb->head_h + (tb->segs > 0 ? tb->cont_h : 0);
}

/* Height in pt a later page gives a part's rows: the 版心 less the
 * continued line and the repeated header. */
static double page_room(const struct tab *tb)
{
    return tb->p->g.bottom - tb->p->g.top - tb->head_h - tb->cont_h;
}

static void tab_fini(struct tab *tb)
{
    for (int c = 0; c < tb->t->n_cols; c++) {
        sb_ts_text_free(&tb->head[c].t);
        sb_ts_lines_free(&tb->head[c].l);
        sb_ts_text_free(&tb->row[c].t);
        sb_ts_lines_free(&tb->row[c].l);
    }
    sb_ts_text_free(&tb->cont.t);
    sb_ts_lines_free(&tb->cont.l);
    free(tb->head);
    free(tb->row);
    free(tb->rules);
    free(tb->merged);
    sb_buf_free(&tb->cut);
}

/* Draw lines [a, b) of each cell at y; whole rows are centred
 * vertically, parts of a split row start at the top. spans: the row's,
 * or NULL. */
static void draw_part(struct tab *tb, struct cell *cells, int n, int a,
                      int b, double y, int header,
                      const unsigned char *spans)
{
    struct ts_pass *p = tb->p;
    struct sb_table *t = tb->t;
    double x = p->left, size = t->st.size_pt;
    int whole = a == 0 && b == n;

    if (!p->draw)
        return;
    for (int c = 0; c < t->n_cols; c++) {
        const struct cell *cl = &cells[c];
        double w = cell_width(t, spans, c);
        double off = whole ? (n - cl->l.n) * tb->lp / 2 : 0;
        enum sb_align al = header ? SB_ALIGN_CENTER : t->cols[c].align;

        if (al == SB_ALIGN_JUSTIFY)
            al = SB_ALIGN_LEFT;
        for (int k = a; k < b && k < cl->l.n; k++) {
            double base = y + t->st.pad_y_pt + off + (k - a) * tb->lp +
                          (tb->lp - size) / 2 + 0.88 * size;

            if (w <= 0)
                break;
            sb_ts_draw_line(p, &cl->t, &cl->l.v[k], x + t->st.pad_x_pt,
                            base, w - 2 * t->st.pad_x_pt, 0, al, NULL);
        }
        x += t->width[c];
    }
}

/* The continued line, centred across the 版心 from y down. */
static void draw_continued(struct tab *tb, double y)
{
    struct ts_pass *p = tb->p;
    double size = tb->t->st.size_pt;

    if (!p->draw)
        return;
    for (int k = 0; k < tb->cont.l.n; k++)
        sb_ts_draw_line(p, &tb->cont.t, &tb->cont.l.v[k], p->left,
                        y + k * tb->lp + (tb->lp - size) / 2 + 0.88 * size,
                        p->g.text_w, 0, SB_ALIGN_CENTER, NULL);
}

static void open_segment(struct tab *tb)
{
    if (tb->segs++ > 0 && tb->cont_h > 0) {
        draw_continued(tb, tb->y);
        tb->y += tb->cont_h;
    }
    tb->seg_top = tb->y;
    draw_part(tb, tb->head, tb->head_n, 0, tb->head_n, tb->y, 1, NULL);
    tb->y += tb->head_h;
    tb->head_bottom = tb->y;
    tb->n_rules = 0;
    tb->seg_open = 1;
}

/* Rules and frame of the table's part on this page. */
static void close_segment(struct tab *tb)
{
    struct ts_pass *p = tb->p;
    struct sb_table *t = tb->t;
    cairo_t *cr = p->cr;
    double x = p->left, w = p->g.text_w;

    tb->seg_open = 0;
    if (!p->draw)
        return;
    sb_ts_flush(p);
    cairo_new_path(cr);
    if (!t->st.no_header) {
        cairo_move_to(cr, x, tb->head_bottom);
        cairo_line_to(cr, x + w, tb->head_bottom);
    }
    for (int i = 0; i < tb->n_rules; i++) {
        if (tb->rules[i] >= tb->y - 0.01)
            continue; /* the frame draws the last one */
        cairo_move_to(cr, x, tb->rules[i]);
        cairo_line_to(cr, x + w, tb->rules[i]);
    }
    for (int c = 0; c + 1 < t->n_cols; c++) {
        double top = tb->seg_top;

        x += t->width[c];
        /* one stroke per run of rows whose rule here is not inside a
         * merged cell (the header never merges) */
        for (int i = 0; i < tb->n_rules; i++) {
            double row_top = i == 0 ? tb->head_bottom : tb->rules[i - 1];

            if (c < 64 && (tb->merged[i] >> c & 1)) {
                if (row_top > top + 0.01) {
                    cairo_move_to(cr, x, top);
                    cairo_line_to(cr, x, row_top);
                }
                top = tb->rules[i];
            }
        }
        if (tb->y > top + 0.01) {
            cairo_move_to(cr, x, top);
            cairo_line_to(cr, x, tb->y);
        }
    }
    cairo_set_line_width(cr, t->st.rule_pt);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr);
    cairo_rectangle(cr, p->left, tb->seg_top, w, tb->y - tb->seg_top);
    cairo_set_line_width(cr, t->st.frame_pt);
    cairo_stroke(cr);
}

static void new_page(struct tab *tb)
{
    if (tb->seg_open)
        close_segment(tb);
    sb_ts_page_finish(tb->p);
    tb->y = sb_ts_box_top(tb->p);
}

/* A row (part) ends at y; its merged cells hide the rules right of
 * the columns they cover but their last. */
static void add_rule(struct tab *tb, double y)
{
    const unsigned char *sp = tb->spans;
    uint64_t m = 0;

    if (tb->n_rules == tb->cap_rules) {
        tb->cap_rules = tb->cap_rules ? tb->cap_rules * 2 : 64;
        tb->rules = sb_xrealloc(tb->rules,
                                (size_t)tb->cap_rules * sizeof *tb->rules);
        tb->merged = sb_xrealloc(tb->merged,
                                 (size_t)tb->cap_rules * sizeof *tb->merged);
    }
    for (int c = 1; sp != NULL && c < tb->t->n_cols && c < 65; c++)
        if (sp[c] == 0)
            m |= (uint64_t)1 << (c - 1);
    tb->merged[tb->n_rules] = m;
    tb->rules[tb->n_rules++] = y;
}

/* Place the current row (tb->row, tb->row_n lines): on this page if it
 * fits, else on the next; a row taller than a page is split. */
static void place_row(struct tab *tb)
{
    struct ts_pass *p = tb->p;
    double pad = 2 * tb->t->st.pad_y_pt;
    int n = tb->row_n, a = 0;

    /* the row before the last, when an earlier pass saw the last alone
     * at the head of a page: it goes along (a table's last row is
     * never left alone on a page) */
    if (tb->i == tb->t->widow_break && tb->y > p->g.top + 0.01)
        new_page(tb);
    tb->row_cut = 0;
    while (a < n && p->status == SB_OK) {
        double room =
            p->g.bottom - tb->y - (tb->seg_open ? 0 : open_height(tb));
        int fit = n - a;

        if ((n - a) * tb->lp + pad > room + 0.01) {
            int fresh = !tb->seg_open && tb->y <= p->g.top + 0.01;
            int cap = (int)floor((page_room(tb) - pad) / tb->lp);

            fit = (int)floor((room - pad) / tb->lp);
            if (!fresh && ((a == 0 && n <= cap) || fit < 1) &&
                !(tb->t->st.split_rows && fit >= 2 && n - a - fit >= 2)) {
                new_page(tb);
                continue;
            }
            if (fit < 1)
                fit = 1;
        }
        if (!tb->seg_open) {
            open_segment(tb);
            tb->seg_first = a == 0 ? tb->i : 0;
        }
        draw_part(tb, tb->row, n, a, a + fit, tb->y, 0, tb->spans);
        tb->y += fit * tb->lp + pad;
        add_rule(tb, tb->y);
        a += fit;
        if (a < n) {
            new_page(tb);
            tb->row_cut = 1;
        }
    }
}

void sb_ts_layout_table(struct ts_pass *p, struct sb_table *t)
{
    struct tab tb;
    struct sb_row row;
    int rc;

    tab_init(&tb, p, t);
    if (rewind_rows(&tb) != SB_OK)
        goto done;
    tb.y = sb_ts_box_top(p);
    while ((rc = next_row(&tb, &row)) == 1) {
        tb.last_n = tb.row_n;
        tb.last_cut = tb.row_cut;
        tb.spans = row.spans;
        tb.row_n = shape_row(&tb, tb.style, tb.row, row.cells, row.spans,
                             0);
        place_row(&tb);
        if (p->status != SB_OK)
            goto done;
        if (p->draw && t->streamed && t->src.drawn != NULL)
            t->src.drawn(t->src.user);
    }
    if (rc < 0)
        goto done;
    /* the last row alone at the head of a page, the one before it whole
     * on the page before: the next pass sends that one along, if the two
     * fit a page (a widowed row reads as a table of its own) */
    if (tb.i >= 2 && tb.seg_first == tb.i && !tb.last_cut &&
        t->widow_break == 0 &&
        (tb.last_n + tb.row_n) * tb.lp + 4 * t->st.pad_y_pt <=
            page_room(&tb))
        t->widow_break = tb.i - 1;
    if (!tb.seg_open && tb.i == 0) {
        /* no rows: the header alone */
        if (tb.y + tb.head_h > p->g.bottom && tb.y > p->g.top + 0.01)
            new_page(&tb);
        open_segment(&tb);
    }
    if (tb.seg_open)
        close_segment(&tb);
    sb_ts_box_done(p, tb.y);
done:
    tab_fini(&tb);
}

double sb_ts_table_min_height(struct ts_pass *p, struct sb_table *t)
{
    struct tab tb;
    double h;

    tab_init(&tb, p, t);
    h = tb.head_h + tb.lp + 2 * t->st.pad_y_pt;
    tab_fini(&tb);
    return h;
}

void sb_ts_table_free(struct sb_table *t)
{
    for (long i = 0; i < t->n_rows * t->n_cols; i++)
        free(t->cells[i]);
    for (long i = 0; t->row_pos != NULL && i < t->n_rows; i++)
        free((char *)t->row_pos[i].path);
    free(t->row_pos);
    free(t->cells);
    free(t->spans);
    free(t->cols);
    free(t->width);
    free(t);
}
