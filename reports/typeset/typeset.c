/* typeset.c: building a document: Chinese numbering and the sb_doc_add_*
 * calls that append blocks; writing it (pdfout.c runs the passes of
 * layout.c). Page styles and the grid are in grid.c. */
#include "typeset/typeset.h"
#include "typeset/fonts.h"
#include "typeset/glyphs.h"
#include "typeset/pdfout.h"
#include "typeset/table.h"
#include "typeset/text.h"
#include "typeset/typeset_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *sb_cn_numeral(long n, char *buf, size_t size)
{
    static const char *const d[] = {"零", "一", "二", "三", "四",
                                     "五", "六", "七", "八", "九"};
    static const char *const unit[] = {"千", "百", "十", ""};
    static const long pw[] = {1000, 100, 10, 1};
    struct sb_buf b = {0};
    int started = 0, zero = 0;

    if (n < 1 || n > 9999) {
        snprintf(buf, size, "%ld", n);
        return buf;
    }
    for (int i = 0; i < 4; i++) {
        long k = n / pw[i] % 10;

        if (k == 0) {
            zero = started;
            continue;
        }
        if (zero)
            sb_buf_puts(&b, d[0]);
        zero = 0;
        /* "十二", not "一十二", when ten leads */
        if (!(i == 2 && k == 1 && !started))
            sb_buf_puts(&b, d[k]);
        sb_buf_puts(&b, unit[i]);
        started = 1;
    }
    snprintf(buf, size, "%s", b.data);
    sb_buf_free(&b);
    return buf;
}

char *sb_heading_number(int level, long n, char *buf, size_t size)
{
    char cn[64];

    switch (level) {
    case 1:
        snprintf(buf, size, "%s、", sb_cn_numeral(n, cn, sizeof cn));
        break;
    case 2:
        snprintf(buf, size, "（%s）", sb_cn_numeral(n, cn, sizeof cn));
        break;
    case 3:
        snprintf(buf, size, "%ld.", n);
        break;
    default:
        snprintf(buf, size, "（%ld）", n);
        break;
    }
    return buf;
}

/* A copy of s owned by doc (NULL stays NULL). */
static const char *doc_strdup(struct sb_doc *doc, const char *s)
{
    if (s == NULL)
        return NULL;
    if (doc->n_strs == doc->cap_strs) {
        doc->cap_strs = doc->cap_strs ? doc->cap_strs * 2 : 64;
        doc->strs = sb_xrealloc(doc->strs,
                                (size_t)doc->cap_strs * sizeof *doc->strs);
    }
    doc->strs[doc->n_strs] = sb_xstrdup(s);
    return doc->strs[doc->n_strs++];
}

struct sb_doc *sb_doc_new(struct sb_fonts *fonts,
                          const struct sb_page_style *ps)
{
    struct sb_doc *doc = sb_xcalloc(1, sizeof *doc);

    doc->fonts = fonts;
    doc->ctx = sb_fonts_context(fonts);
    doc->ps = *ps;
    doc->ps.header = doc_strdup(doc, ps->header);
    doc->seen = sb_xcalloc(0x110000 / 32, sizeof *doc->seen);
    return doc;
}

static void block_free(struct ts_block *b)
{
    struct sb_para *para;

    switch (b->kind) {
    case TS_PARA:
    case TS_HEADING:
        para = (struct sb_para *)b;
        sb_buf_free(&para->text);
        for (int i = 0; i < para->n_runs; i++)
            free(para->runs[i].uri);
        free(para->runs);
        break;
    case TS_TABLE:
        sb_ts_table_free((struct sb_table *)b);
        return;
    case TS_IMAGE:
        if (((struct ts_image *)b)->png != NULL)
            cairo_surface_destroy(((struct ts_image *)b)->png);
        para = ((struct ts_image *)b)->caption;
        if (para != NULL) {
            sb_buf_free(&para->text);
            for (int i = 0; i < para->n_runs; i++)
                free(para->runs[i].uri);
            free(para->runs);
            free(para);
        }
        break;
    default:
        break;
    }
    free(b);
}

void sb_doc_free(struct sb_doc *doc)
{
    if (doc == NULL)
        return;
    for (int i = 0; i < doc->n_blocks; i++)
        block_free(doc->blocks[i]);
    free(doc->blocks);
    free(doc->headings);
    for (int i = 0; i < doc->n_strs; i++)
        free(doc->strs[i]);
    free(doc->strs);
    sb_ts_glyphs_free(doc);
    sb_ts_text_free(&doc->text);
    sb_ts_lines_free(&doc->lines);
    free(doc->xs);
    free(doc->seq_pages);
    free(doc->seen);
    free(doc->title);
    free(doc->author);
    g_object_unref(doc->ctx);
    free(doc);
}

void sb_doc_set_info(struct sb_doc *doc, const char *title,
                     const char *author)
{
    free(doc->title);
    free(doc->author);
    doc->title = title ? sb_xstrdup(title) : NULL;
    doc->author = author ? sb_xstrdup(author) : NULL;
}

void sb_doc_set_findings(struct sb_doc *doc, struct sb_findings *fs,
                         const char *source)
{
    doc->findings = fs;
    doc->font_source = source;
}

void sb_doc_set_progress(struct sb_doc *doc, const char *label)
{
    doc->progress = label;
}

void sb_doc_set_label(struct sb_doc *doc, const char *label)
{
    doc->label = doc_strdup(doc, label);
}

void sb_doc_set_source(struct sb_doc *doc, const char *path, long line)
{
    memset(&doc->pos, 0, sizeof doc->pos);
    if (path == NULL)
        return;
    doc->pos.path = doc_strdup(doc, path);
    doc->pos.row = line;
    doc->pos.line = line;
}

/* Append block b (allocated by the caller, size bytes, zeroed). */
static void *add_block(struct sb_doc *doc, enum ts_kind kind, size_t size)
{
    struct ts_block *b = sb_xcalloc(1, size);

    b->kind = kind;
    b->label = doc->label ? doc->label : doc->heading_label;
    b->pos = doc->pos;
    if (doc->n_blocks == doc->cap_blocks) {
        doc->cap_blocks = doc->cap_blocks ? doc->cap_blocks * 2 : 64;
        doc->blocks = sb_xrealloc(doc->blocks, (size_t)doc->cap_blocks *
                                                   sizeof *doc->blocks);
    }
    doc->blocks[doc->n_blocks++] = b;
    return b;
}

void sb_para_style_body(struct sb_para_style *st)
{
    memset(st, 0, sizeof *st);
    st->role = SB_FONT_FANG;
    st->align = SB_ALIGN_JUSTIFY;
    st->indent = 2;
}

struct sb_para *sb_doc_add_para(struct sb_doc *doc,
                                const struct sb_para_style *st)
{
    struct sb_para *p = add_block(doc, TS_PARA, sizeof *p);

    if (st != NULL)
        p->st = *st;
    else
        sb_para_style_body(&p->st);
    return p;
}

void sb_doc_add_text(struct sb_doc *doc, const char *text)
{
    sb_para_add_text(sb_doc_add_para(doc, NULL), text, 0);
}

void sb_doc_add_line(struct sb_doc *doc, const char *text,
                     enum sb_font_role role, double size_pt,
                     enum sb_align align, int lines_after)
{
    struct sb_para_style st;

    sb_para_style_body(&st);
    st.role = role;
    st.size_pt = size_pt;
    st.align = align;
    st.indent = 0;
    st.lines_after = lines_after;
    sb_para_add_text(sb_doc_add_para(doc, &st), text, 0);
}

static struct ts_run *add_run(struct sb_para *p, const char *text)
{
    struct ts_run *r;

    p->runs = sb_xrealloc(p->runs, (size_t)(p->n_runs + 1) * sizeof *r);
    r = &p->runs[p->n_runs++];
    memset(r, 0, sizeof *r);
    r->ref = -1;
    r->start = p->text.len;
    /* tabs and carriage returns have no place on the grid */
    for (const char *c = text; *c; c++)
        if (*c == '\t')
            sb_buf_putc(&p->text, ' ');
        else if (*c != '\r')
            sb_buf_putc(&p->text, *c);
    r->end = p->text.len;
    return r;
}

void sb_para_add_text(struct sb_para *p, const char *text, unsigned flags)
{
    struct ts_run *r = add_run(p, text);

    r->bold = (flags & SB_TEXT_BOLD) != 0;
    r->underline = (flags & SB_TEXT_UNDERLINE) != 0;
    r->kai = (flags & SB_TEXT_KAI) != 0;
}

void sb_para_add_link(struct sb_para *p, const char *text, const char *uri)
{
    add_run(p, text)->uri = sb_xstrdup(uri);
}

void sb_para_add_ref(struct sb_para *p, const char *text, int heading)
{
    add_run(p, text)->ref = heading;
}

int sb_doc_add_heading(struct sb_doc *doc, int level, const char *number,
                       const char *title, unsigned flags)
{
    static const enum sb_font_role role[] = {SB_FONT_HEI, SB_FONT_KAI,
                                             SB_FONT_FANG, SB_FONT_FANG};
    struct ts_heading *h = add_block(doc, TS_HEADING, sizeof *h);
    char num[64];

    if (level < 1)
        level = 1;
    if (level > 4)
        level = 4;
    h->level = level;
    h->flags = flags;
    h->id = doc->n_headings;
    sb_para_style_body(&h->p.st);
    h->p.st.role = role[level - 1];
    h->p.st.bold = level >= 3;
    h->p.st.align = SB_ALIGN_LEFT;
    h->p.st.keep_with_next = 1;
    if (flags & SB_HEADING_CENTER) {
        h->p.st.align = SB_ALIGN_CENTER;
        h->p.st.indent = 0;
    }
    doc->counter[level]++;
    for (int l = level + 1; l <= 4; l++)
        doc->counter[l] = 0;
    if (number == NULL)
        number = sb_heading_number(level, doc->counter[level], num,
                                   sizeof num);
    sb_para_add_text(&h->p, number, 0);
    sb_para_add_text(&h->p, title, 0);
    doc->heading_label = doc_strdup(doc, h->p.text.data);
    doc->label = NULL;
    h->p.b.label = doc->heading_label;
    if (doc->n_headings == doc->cap_headings) {
        doc->cap_headings = doc->cap_headings ? doc->cap_headings * 2 : 32;
        doc->headings = sb_xrealloc(doc->headings,
                                    (size_t)doc->cap_headings *
                                        sizeof *doc->headings);
    }
    doc->headings[doc->n_headings++] = h;
    return h->id;
}

void sb_doc_add_break(struct sb_doc *doc, enum sb_break kind)
{
    struct ts_break *b = add_block(doc, TS_BREAK, sizeof *b);

    b->kind = kind;
}

void sb_doc_add_space(struct sb_doc *doc, int lines)
{
    struct ts_break *b = add_block(doc, TS_SPACE, sizeof *b);

    b->lines = lines;
}

void sb_doc_add_section(struct sb_doc *doc, const struct sb_page_style *ps,
                        enum sb_break kind, long first_number)
{
    struct ts_section *s = add_block(doc, TS_SECTION, sizeof *s);

    s->ps = *ps;
    s->ps.header = doc_strdup(doc, ps->header);
    s->kind = kind;
    s->first_number = first_number;
}

void sb_doc_add_toc(struct sb_doc *doc, int max_level, unsigned flags)
{
    struct ts_toc *t = add_block(doc, TS_TOC, sizeof *t);

    t->max_level = max_level;
    t->first = (flags & SB_TOC_FOLLOWING) ? doc->n_headings : 0;
}

int sb_doc_add_png(struct sb_doc *doc, const char *path, double width_mm,
                   struct sb_error *err)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    struct ts_image *im;
    int pw, ph;

    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        int code = sb_error_set(
            err, SB_EIO, NULL, "%s: not a readable PNG: %s", path,
            cairo_status_to_string(cairo_surface_status(s)));

        cairo_surface_destroy(s);
        return code;
    }
    pw = cairo_image_surface_get_width(s);
    ph = cairo_image_surface_get_height(s);
    im = add_block(doc, TS_IMAGE, sizeof *im);
    im->png = s;
    im->w = width_mm * SB_PT_PER_MM;
    /* h is the aspect ratio until the width is known */
    im->h = pw > 0 ? (double)ph / pw : 1;
    return SB_OK;
}

void sb_doc_add_drawing(struct sb_doc *doc, double w_mm, double h_mm,
                        sb_draw_fn fn, void *user)
{
    struct ts_image *im = add_block(doc, TS_IMAGE, sizeof *im);

    im->fn = fn;
    im->user = user;
    im->w = w_mm * SB_PT_PER_MM;
    im->h = h_mm * SB_PT_PER_MM;
}

void sb_doc_add_figure(struct sb_doc *doc, double w_mm, double h_mm,
                       sb_draw_fn fn, void *user,
                       const struct sb_para_style *cap,
                       const char *caption)
{
    struct ts_image *im = add_block(doc, TS_IMAGE, sizeof *im);
    struct sb_para *p = sb_xcalloc(1, sizeof *p);

    im->fn = fn;
    im->user = user;
    im->w = w_mm * SB_PT_PER_MM;
    im->h = h_mm * SB_PT_PER_MM;
    p->b.kind = TS_PARA;
    p->b.label = im->b.label;
    if (cap != NULL) {
        p->st = *cap;
    } else {
        sb_para_style_body(&p->st);
        p->st.role = SB_FONT_HEI;
        p->st.align = SB_ALIGN_CENTER;
        p->st.indent = 0;
    }
    sb_para_add_text(p, caption != NULL ? caption : "", 0);
    im->caption = p;
}

void sb_table_style_default(struct sb_table_style *st)
{
    memset(st, 0, sizeof *st);
    st->role = SB_FONT_SONG;
    st->size_pt = 10.5;
    st->pad_x_pt = 3;
    st->pad_y_pt = 2;
    st->rule_pt = 0.5;
    st->frame_pt = 1;
    st->header_role = SB_FONT_HEI;
}

static struct sb_table *add_table(struct sb_doc *doc,
                                  const struct sb_column *cols, int n_cols,
                                  const struct sb_table_style *st)
{
    struct sb_table *t = add_block(doc, TS_TABLE, sizeof *t);

    t->n_cols = n_cols > 0 ? n_cols : 1;
    t->cols = sb_xcalloc((size_t)t->n_cols, sizeof *t->cols);
    for (int i = 0; i < n_cols; i++) {
        t->cols[i] = cols[i];
        t->cols[i].title = doc_strdup(doc, cols[i].title);
    }
    if (st != NULL)
        t->st = *st;
    else
        sb_table_style_default(&t->st);
    if (t->st.line_pt <= 0)
        t->st.line_pt = 1.3 * t->st.size_pt;
    t->st.source = doc_strdup(doc, t->st.source);
    t->st.continued = doc_strdup(doc, t->st.continued);
    return t;
}

struct sb_table *sb_doc_add_table(struct sb_doc *doc,
                                  const struct sb_column *cols, int n_cols,
                                  const struct sb_table_style *st)
{
    return add_table(doc, cols, n_cols, st);
}

void sb_table_add_row_span(struct sb_table *t, const char *const *cells,
                           const unsigned char *spans)
{
    size_t n = (size_t)t->n_cols;

    if (t->n_rows == t->cap_rows) {
        t->cap_rows = t->cap_rows ? t->cap_rows * 2 : 16;
        t->cells = sb_xrealloc(t->cells, (size_t)t->cap_rows * n *
                                             sizeof *t->cells);
        if (t->spans != NULL)
            t->spans = sb_xrealloc(t->spans, (size_t)t->cap_rows * n);
        if (t->row_pos != NULL) {
            t->row_pos = sb_xrealloc(t->row_pos, (size_t)t->cap_rows *
                                                     sizeof *t->row_pos);
            memset(&t->row_pos[t->n_rows], 0,
                   (size_t)(t->cap_rows - t->n_rows) * sizeof *t->row_pos);
        }
    }
    if (spans != NULL && t->spans == NULL) {
        /* the first row with spans: the earlier rows span nothing */
        t->spans = sb_xmalloc((size_t)t->cap_rows * n);
        memset(t->spans, 1, (size_t)t->n_rows * n);
    }
    for (int c = 0; c < t->n_cols; c++) {
        size_t i = (size_t)t->n_rows * n + (size_t)c;

        t->cells[i] = sb_xstrdup(cells[c] != NULL ? cells[c] : "");
        if (t->spans != NULL)
            t->spans[i] = spans != NULL ? spans[c] : 1;
    }
    t->n_rows++;
}

void sb_table_row_source(struct sb_table *t, const char *path, long line)
{
    struct sb_pos *p;

    if (t->n_rows == 0 || path == NULL)
        return;
    if (t->row_pos == NULL)
        t->row_pos = sb_xcalloc((size_t)t->cap_rows, sizeof *t->row_pos);
    p = &t->row_pos[t->n_rows - 1];
    free((char *)p->path);
    p->path = sb_xstrdup(path);
    p->row = line;
    p->line = line;
}

void sb_table_add_row(struct sb_table *t, const char *const *cells)
{
    sb_table_add_row_span(t, cells, NULL);
}

struct sb_table *sb_doc_add_table_rows(struct sb_doc *doc,
                                       const struct sb_column *cols,
                                       int n_cols,
                                       const struct sb_table_style *st,
                                       const struct sb_rows *src)
{
    struct sb_table *t = add_table(doc, cols, n_cols, st);

    t->src = *src;
    t->streamed = 1;
    return t;
}

int sb_doc_write_pdf(struct sb_doc *doc, const char *path,
                     struct sb_error *err)
{
    return sb_ts_pdf_write(doc, path, err);
}

int sb_doc_layout(struct sb_doc *doc, struct sb_error *err)
{
    return sb_ts_pdf_measure(doc, err);
}

int sb_doc_page_count(const struct sb_doc *doc)
{
    return doc->pages;
}

long sb_doc_heading_page(const struct sb_doc *doc, int heading)
{
    if (heading < 0 || heading >= doc->n_headings)
        return 0;
    return doc->headings[heading]->number;
}
