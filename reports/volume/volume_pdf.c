/* volume_pdf.c: typesetting an annex volume (see volume.h): measure the
 * columns, choose portrait or landscape and the column widths, then a
 * title page and one streamed table. The declaration side is volume.c;
 * this file sees only struct sb_vol_table (volume_int.h). */
#include "typeset/colmeasure.h"
#include "typeset/typeset.h"
#include "volume/volume_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* The rows of t as a struct sb_rows source. */
static int rows_rewind(void *user, struct sb_error *err)
{
    const struct sb_vol_table *t = user;

    return t->rewind(t->user, err);
}

static int rows_rewind_measure(void *user, struct sb_error *err)
{
    const struct sb_vol_table *t = user;

    return t->rewind_measure != NULL ? t->rewind_measure(t->user, err)
                                     : t->rewind(t->user, err);
}

static int rows_next(void *user, struct sb_row *row, struct sb_error *err)
{
    const struct sb_vol_table *t = user;

    return t->next(t->user, &row->cells, &row->spans, &row->row,
                   &row->line, err);
}

static void rows_drawn(void *user)
{
    const struct sb_vol_table *t = user;

    if (t->drawn != NULL)
        t->drawn(t->user);
}

static int ideograph(int32_t cp)
{
    return cp >= 0x3400 && cp <= 0x9FFF;
}

/* title with a line break between two ideographs (or before a "（")
 * for a column of fit characters a line, as a new string; NULL when it
 * has no such place. Of the places whose two lines fit, the one nearest
 * the middle, a unit in brackets going to the second line when it is
 * near (近一年月均收入/（万元）); when none fits, the middle. */
static char *two_lines(const char *title, double fit)
{
    int32_t cps[64];
    size_t offs[64], len = strlen(title), i = 0;
    double before[65], all;
    int n = 0, best = -1, bo = 0, bfit = 0;

    before[0] = 0;
    while (i < len && n < 64) {
        offs[n] = i;
        i += (size_t)sb_utf8_decode(title + i, len - i, &cps[n]);
        /* in characters of the size: Latin letters and digits are half */
        before[n + 1] = before[n] + (cps[n] < 0x2E80 ? 0.5 : 1);
        n++;
    }
    if (i < len)
        return NULL;
    all = before[n];
    for (int k = 1; k < n; k++) {
        int fits = before[k] <= fit + 0.01 && all - before[k] <= fit + 0.01;
        int off = abs(2 * k - n) - (fits && cps[k] == 0xFF08 ? 5 : 0);

        if (!ideograph(cps[k - 1]) || !(ideograph(cps[k]) || cps[k] == 0xFF08))
            continue;
        if (best < 0 || fits > bfit ||
            (fits == bfit && (off < bo || (off == bo && k > best)))) {
            best = k;
            bo = off;
            bfit = fits;
        }
    }
    if (best < 0)
        return NULL;
    return sb_xasprintf("%.*s\n%s", (int)offs[best], title, title + offs[best]);
}

/* The width a column asks on one line: its cells', or its header's
 * when that costs little (at most 1.5 characters more), else the longer
 * of the header's two balanced lines. */
static double one_line(double head, double rows, double min,
                       const struct sb_table_style *ts)
{
    double pad = 2 * ts->pad_x_pt, half;

    if (head <= rows + 1.5 * ts->size_pt)
        return fmax(head, rows);
    half = ceil((head - pad) / 2 / ts->size_pt - 0.01) * ts->size_pt;
    return fmax(fmax(half + pad + 0.01, min), rows);
}

/* Page 1: the annex, whose it is, where the rows come from; the facts
 * as a block set in from the left, the remark as body text. */
static void title_page(struct sb_doc *doc, const struct sb_vol_table *t,
                       const struct sb_grid *g)
{
    struct sb_para_style st;
    char num[32];

    sb_doc_add_space(doc, 2);
    snprintf(num, sizeof num, "附件%d ", t->number);
    sb_doc_add_heading(doc, 1, num, t->title, SB_HEADING_CENTER);
    if (t->note != NULL && t->note[0] != '\0') {
        sb_para_style_body(&st);
        st.align = SB_ALIGN_CENTER;
        st.indent = 0;
        sb_para_add_text(sb_doc_add_para(doc, &st), t->note, 0);
    }
    sb_doc_add_space(doc, 1);
    for (int i = 0; i < t->n_facts; i++) {
        struct sb_para *p;

        sb_para_style_body(&st);
        st.align = SB_ALIGN_LEFT;
        st.indent = g->chars / 5;
        p = sb_doc_add_para(doc, &st);
        sb_para_add_text(p, t->facts[i].label, SB_TEXT_BOLD);
        sb_para_add_text(p, "：", SB_TEXT_BOLD);
        sb_para_add_text(p, t->facts[i].value, 0);
    }
    if (t->remark != NULL) {
        sb_para_style_body(&st);
        st.lines_before = 1;
        sb_para_add_text(sb_doc_add_para(doc, &st), t->remark, 0);
    }
}

/* The page of a volume: portrait GB/T 9704 or the landscape preset,
 * both numbered "第 n 页 共 N 页". */
static void page_style(struct sb_page_style *ps, int landscape,
                       const char *header)
{
    if (landscape) {
        sb_page_style_landscape(ps);
    } else {
        sb_page_style_gbt9704(ps);
        ps->number = SB_PAGE_NUMBER_OF_TOTAL;
        ps->number_pt = 10.5;
    }
    ps->header = header;
}

#define SAMPLE 256 /* rows the widths are chosen on */
#define SMALL_PT 9 /* 小五: tables that wrap even in landscape */

/* Set the table in SMALL_PT and scale what was measured at the default
 * size: the faces have no kerning, so widths scale with the size. */
static void small_type(struct sb_col_measure *m, int n,
                       struct sb_table_style *ts)
{
    double pad = 2 * ts->pad_x_pt, k = SMALL_PT / ts->size_pt;

    for (int c = 0; c < n; c++) {
        m->pref[c] = (m->pref[c] - pad) * k + pad;
        m->min[c] = (m->min[c] - pad) * k + pad;
        m->head[c] = (m->head[c] - pad) * k + pad;
    }
    for (int i = 0; i < m->sample_rows * n; i++)
        m->sample[i] = (m->sample[i] - pad) * k + pad;
    ts->size_pt = SMALL_PT;
    ts->line_pt = 0;
}

int sb_vol_table_write(const struct sb_vol_table *t, const char *path,
                       struct sb_fonts *fonts, struct sb_findings *fs,
                       int *pages, struct sb_error *err)
{
    static const enum sb_align align[] = {SB_ALIGN_LEFT, SB_ALIGN_CENTER,
                                          SB_ALIGN_RIGHT};
    struct sb_rows rows = {rows_rewind, rows_next, (void *)t, rows_drawn};
    struct sb_rows file_order = {rows_rewind_measure, rows_next, (void *)t,
                                 NULL};
    int n = t->n_cols, rc, landscape;
    struct sb_column *cols = sb_xcalloc((size_t)n, sizeof *cols);
    struct sb_col_measure m = {0};
    struct sb_vol_widths_in in = {0};
    double *w = sb_xcalloc((size_t)n, sizeof *w), sum = 0;
    char **split = sb_xcalloc((size_t)n, sizeof *split);
    char *title = sb_xasprintf("附件%d %s", t->number, t->title);
    char *header = t->company ? sb_xasprintf("%s · %s", title, t->company)
                              : sb_xstrdup(title);
    struct sb_table_style ts;
    struct sb_page_style ps;
    struct sb_grid g;
    struct sb_doc *doc;

    *pages = 0;
    for (int c = 0; c < n; c++) {
        cols[c].title = t->col_titles[c];
        cols[c].align = align[t->col_align[c]];
    }
    sb_table_style_default(&ts);
    ts.source = t->source;
    m.pref = sb_xcalloc((size_t)n, sizeof *m.pref);
    m.min = sb_xcalloc((size_t)n, sizeof *m.min);
    m.head = sb_xcalloc((size_t)n, sizeof *m.head);
    m.sample = sb_xcalloc((size_t)n * SAMPLE, sizeof *m.sample);
    m.sample_rows = SAMPLE;

    /* portrait when every column fits on one line in its 版心 */
    page_style(&ps, 0, NULL);
    doc = sb_doc_new(fonts, &ps);
    rc = sb_doc_measure_columns(doc, cols, n, &ts, &file_order, &m, err);
    sb_doc_free(doc);
    if (rc != SB_OK)
        goto done;
    sb_page_grid(&ps, &g);
    for (int c = 0; c < n; c++)
        sum += one_line(m.head[c], m.pref[c], m.min[c], &ts);
    landscape = sum > g.text_w;
    page_style(&ps, landscape, NULL);
    sb_page_grid(&ps, &g);
    if (sum > g.text_w)
        small_type(&m, n, &ts);
    in.n = n;
    in.pref = m.pref;
    in.min = m.min;
    in.head = m.head;
    in.sample = m.sample;
    in.rows = m.sample_rows;
    in.size = ts.size_pt;
    in.pad = 2 * ts.pad_x_pt;
    in.W = g.text_w;
    sb_vol_widths(&in, w);
    for (int c = 0; c < n; c++) {
        cols[c].width_mm = w[c] / SB_PT_PER_MM;
        /* a header wider than its column breaks in the middle, not
         * greedily (最近数据/上传日期, not 最近数据上/传日期) */
        if (w[c] < m.head[c] - 0.01)
            split[c] = two_lines(t->col_titles[c],
                                 floor((w[c] - in.pad) / ts.size_pt));
        if (split[c] != NULL)
            cols[c].title = split[c];
    }

    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, title, t->company);
    sb_doc_set_findings(doc, fs, t->font_source);
    sb_doc_set_label(doc, title);
    title_page(doc, t, &g);
    /* the list on the next page, same numbering, with the header */
    page_style(&ps, landscape, header);
    sb_doc_add_section(doc, &ps, SB_BREAK_PAGE, 0);
    sb_doc_set_label(doc, title);
    sb_doc_add_table_rows(doc, cols, n, &ts, &rows);
    rc = sb_doc_write_pdf(doc, path, err);
    *pages = sb_doc_page_count(doc);
    sb_doc_free(doc);
done:
    free(cols);
    free(m.pref);
    free(m.min);
    free(m.head);
    free(m.sample);
    free(w);
    for (int c = 0; c < n; c++)
        free(split[c]);
    free(split);
    free(title);
    free(header);
    return rc;
}
