/* test_typeset_span.c: the engine's additions for the 申报书: merged
 * cells (column spans) and tables without a header row, underlined runs
 * (a form's blanks), runs in 楷体 and floating figures. The PDF is read
 * back with poppler-glib: its text with font names, and its pixels
 * where rules must and must not be. */
#include <cairo.h>
#include <poppler.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "typeset/typeset.h"

static struct sb_fonts *fonts;
static char dir[64];
static char path[128];

/* Geometry of the table below: the default style at 10.5 pt, one line
 * per row (13.65 pt) and 2 pt padding above and below. */
#define MM (72 / 25.4)
#define LEFT (28 * MM)
#define TOP (37 * MM)
#define ROW (1.3 * 10.5 + 4)
#define SCALE 4

static PopplerPage *open_page(PopplerDocument **doc, int i)
{
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerPage *page;

    *doc = poppler_document_new_from_file(uri, NULL, NULL);
    g_free(uri);
    if (*doc == NULL)
        return NULL;
    page = poppler_document_get_page(*doc, i);
    return page;
}

/* The page rendered at SCALE px/pt, white background. */
static cairo_surface_t *render(PopplerPage *page)
{
    double w, h;
    cairo_surface_t *s;
    cairo_t *cr;

    poppler_page_get_size(page, &w, &h);
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * SCALE),
                                   (int)(h * SCALE));
    cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, SCALE, SCALE);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
}

/* Is there ink within 1 pt of (x, y) pt on a horizontal run? */
static int ink(cairo_surface_t *s, double x, double y)
{
    unsigned char *d = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    int py = (int)(y * SCALE);

    for (int px = (int)((x - 1) * SCALE); px <= (int)((x + 1) * SCALE);
         px++) {
        uint32_t v = *(uint32_t *)(d + py * stride + px * 4);

        if ((v & 0xFF) < 128)
            return 1;
    }
    return 0;
}

static void spans_and_no_header(void)
{
    static const struct sb_column cols[] = {
        {NULL, 40, SB_ALIGN_CENTER},
        {NULL, 60, SB_ALIGN_LEFT},
        {NULL, 56, SB_ALIGN_LEFT},
    };
    static const char *const r0[] = {"企业基本信息", NULL, NULL};
    static const char *const r1[] = {"名称", "甲", "乙"};
    static const char *const r2[] = {"地址", "合并单元格", "(ignored)"};
    static const unsigned char s0[] = {3, 0, 0}, s2[] = {1, 2, 0};
    struct sb_page_style ps;
    struct sb_table_style st;
    struct sb_error err = {0};
    struct sb_doc *doc;
    struct sb_table *t;
    PopplerDocument *pd = NULL;
    PopplerPage *page;
    cairo_surface_t *s;
    char *text;
    double b1 = LEFT + 40 * MM, b2 = LEFT + 100 * MM;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_table_style_default(&st);
    st.no_header = 1;
    t = sb_doc_add_table(doc, cols, 3, &st);
    sb_table_add_row_span(t, r0, s0);
    sb_table_add_row(t, r1);
    sb_table_add_row_span(t, r2, s2);
    CHECK_INT(sb_doc_write_pdf(doc, path, &err), SB_OK);
    sb_doc_free(doc);
    page = open_page(&pd, 0);
    CHECK(page != NULL);
    if (page == NULL)
        return;
    text = poppler_page_get_text(page);
    /* no header row; the covered cell's text is not printed */
    CHECK(strstr(text, "企业基本信息") != NULL);
    CHECK(strstr(text, "合并单元格") != NULL);
    CHECK(strstr(text, "ignored") == NULL);
    g_free(text);
    s = render(page);
    /* row 0 spans all: no rule inside; row 1: both rules; row 2: the
     * rule after column 1, none inside the merged cell */
    CHECK(!ink(s, b1, TOP + 0.5 * ROW));
    CHECK(!ink(s, b2, TOP + 0.5 * ROW));
    CHECK(ink(s, b1, TOP + 1.5 * ROW));
    CHECK(ink(s, b2, TOP + 1.5 * ROW));
    CHECK(ink(s, b1, TOP + 2.5 * ROW));
    CHECK(!ink(s, b2, TOP + 2.5 * ROW));
    /* the frame and the rule under the first row are there */
    CHECK(ink(s, LEFT, TOP + 0.5 * ROW));
    CHECK(ink(s, LEFT + 156 * MM, TOP + 2.5 * ROW));
    cairo_surface_destroy(s);
    g_object_unref(page);
    g_object_unref(pd);
}

static void underline_and_kai(void)
{
    struct sb_page_style ps;
    struct sb_para_style st;
    struct sb_error err = {0};
    struct sb_doc *doc;
    struct sb_para *p;
    PopplerDocument *pd = NULL;
    PopplerPage *page;
    GList *attrs;
    cairo_surface_t *s;
    char *text;
    int kai = 0, fang = 0;
    double base;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_para_style_body(&st);
    st.indent = 0;
    st.align = SB_ALIGN_LEFT;
    p = sb_doc_add_para(doc, &st);
    sb_para_add_text(p, "项目名称", 0);
    sb_para_add_text(p, "澜川平台", SB_TEXT_UNDERLINE);
    sb_para_add_text(p, "强调", SB_TEXT_KAI);
    CHECK_INT(sb_doc_write_pdf(doc, path, &err), SB_OK);
    sb_doc_free(doc);
    page = open_page(&pd, 0);
    CHECK(page != NULL);
    if (page == NULL)
        return;
    text = poppler_page_get_text(page);
    CHECK(strstr(text, "项目名称澜川平台强调") != NULL);
    attrs = poppler_page_get_text_attributes(page);
    for (GList *l = attrs; l != NULL; l = l->next) {
        PopplerTextAttributes *a = l->data;

        if (strstr(a->font_name, "FandolKai") != NULL)
            kai += a->end_index - a->start_index + 1;
        if (strstr(a->font_name, "FandolFang") != NULL)
            fang += a->end_index - a->start_index + 1;
    }
    poppler_page_free_text_attributes(attrs);
    CHECK(kai >= 2 && kai <= 3); /* poppler may count the line end */
    CHECK(fang >= 8);
    g_free(text);
    /* the rule runs under the 4 字 of the value only: 16 pt type on the
     * first grid line, the rule 0.18 em below the baseline */
    base = TOP + 0.88 * 16;
    s = render(page);
    CHECK(!ink(s, LEFT + 2 * 15.8, base + 0.18 * 16));
    CHECK(ink(s, LEFT + 4.5 * 15.8, base + 0.18 * 16));
    CHECK(ink(s, LEFT + 7.5 * 15.8, base + 0.18 * 16));
    CHECK(!ink(s, LEFT + 9 * 15.8, base + 0.18 * 16));
    cairo_surface_destroy(s);
    g_object_unref(page);
    g_object_unref(pd);
}

static void box(cairo_t *cr, double w, double h, void *user)
{
    (void)user;
    cairo_rectangle(cr, 1, 1, w - 2, h - 2);
    cairo_stroke(cr);
}

/* Text of page i (0-based), caller frees. */
static char *page_text(int i)
{
    PopplerDocument *pd = NULL;
    PopplerPage *page = open_page(&pd, i);
    char *t = page != NULL ? poppler_page_get_text(page) : g_strdup("");

    if (page != NULL)
        g_object_unref(page);
    if (pd != NULL)
        g_object_unref(pd);
    return t;
}

static void floating_figures(void)
{
    struct sb_page_style ps;
    struct sb_error err = {0};
    struct sb_doc *doc;
    char line[64], *p1, *p2, *p3;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    /* 18 lines, then a figure of ~13 lines: it does not fit in the 4
     * left, so the text after it fills page 1 and it opens page 2 */
    for (int i = 1; i <= 18; i++) {
        snprintf(line, sizeof line, "前文%d", i);
        sb_doc_add_text(doc, line);
    }
    sb_doc_add_figure(doc, 0, 130, box, NULL, NULL, "图1 测试图");
    for (int i = 1; i <= 6; i++) {
        snprintf(line, sizeof line, "后文%d", i);
        sb_doc_add_text(doc, line);
    }
    /* a figure that fits stays where it stands; one waiting at a break
     * goes before it */
    sb_doc_add_figure(doc, 0, 20, box, NULL, NULL, "图2 小图");
    sb_doc_add_text(doc, "图2之后");
    for (int i = 0; i < 8; i++)
        sb_doc_add_text(doc, "填充");
    sb_doc_add_figure(doc, 0, 170, box, NULL, NULL, "图3 断页前");
    sb_doc_add_text(doc, "图3之后");
    sb_doc_add_break(doc, SB_BREAK_PAGE);
    sb_doc_add_text(doc, "新的一页");
    CHECK_INT(sb_doc_write_pdf(doc, path, &err), SB_OK);
    CHECK_INT(sb_doc_page_count(doc), 5);
    sb_doc_free(doc);
    p1 = page_text(0);
    p2 = page_text(1);
    p3 = page_text(2);
    CHECK(strstr(p1, "后文4") != NULL && strstr(p1, "后文5") == NULL);
    CHECK(strstr(p1, "图1") == NULL);
    CHECK(strstr(p2, "图1 测试图") != NULL);
    CHECK(strstr(p2, "图1") < strstr(p2, "后文5"));
    CHECK(strstr(p2, "图2 小图") < strstr(p2, "图2之后"));
    CHECK(strstr(p3, "图3之后") != NULL && strstr(p3, "图3 断页前") == NULL);
    g_free(p1);
    g_free(p2);
    g_free(p3);
    p1 = page_text(3);
    p2 = page_text(4);
    CHECK(strstr(p1, "图3 断页前") != NULL && strstr(p1, "新的一页") == NULL);
    CHECK(strstr(p2, "新的一页") != NULL);
    g_free(p1);
    g_free(p2);
}

/* A table of n one-line rows "第001行"…, laid out (and written to path
 * when write). Returns its pages. */
static int rows_table(int n, int write)
{
    static const struct sb_column cols[] = {{"行", 0, SB_ALIGN_LEFT}};
    struct sb_page_style ps;
    struct sb_table_style st;
    struct sb_error err = {0};
    struct sb_doc *doc;
    struct sb_table *t;
    int pages;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_table_style_default(&st);
    t = sb_doc_add_table(doc, cols, 1, &st);
    for (int i = 1; i <= n; i++) {
        char cell[32];
        const char *row[1] = {cell};

        snprintf(cell, sizeof cell, "第%03d行", i);
        sb_table_add_row(t, row);
    }
    if (write)
        CHECK_INT(sb_doc_write_pdf(doc, path, &err), SB_OK);
    else
        CHECK_INT(sb_doc_layout(doc, &err), SB_OK);
    pages = sb_doc_page_count(doc);
    sb_doc_free(doc);
    return pages;
}

/* The table one row longer than a page holds: its last row does not
 * stand alone under the repeated header on the second page, the one
 * before it goes along. */
static void last_row_not_alone(void)
{
    int n = 2;
    char want[32];
    PopplerDocument *pd = NULL;
    PopplerPage *page;
    char *text;

    while (n < 200 && rows_table(n, 0) == 1)
        n++;
    CHECK(n > 10 && n < 200);
    CHECK_INT(rows_table(n, 1), 2);
    page = open_page(&pd, 1);
    CHECK(page != NULL);
    if (page == NULL)
        return;
    text = poppler_page_get_text(page);
    snprintf(want, sizeof want, "第%03d行", n - 1);
    CHECK(strstr(text, want) != NULL);
    snprintf(want, sizeof want, "第%03d行", n);
    CHECK(strstr(text, want) != NULL);
    g_free(text);
    g_object_unref(page);
    g_object_unref(pd);
}

int main(void)
{
    struct sb_error err = {0};
    char tmpl[] = "/tmp/sb_span_XXXXXX";

    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 1;
    }
    if (mkdtemp(tmpl) == NULL)
        return 1;
    snprintf(dir, sizeof dir, "%s", tmpl);
    snprintf(path, sizeof path, "%s/t.pdf", dir);
    RUN(spans_and_no_header);
    RUN(underline_and_kai);
    RUN(floating_figures);
    RUN(last_row_not_alone);
    unlink(path);
    rmdir(dir);
    sb_fonts_free(fonts);
    return TEST_REPORT();
}
