/* report_md.c: Markdown (cmark nodes) as blocks of the typesetting
 * engine, for the template's own text and the declaration's narrative.
 * The engine's paragraphs have runs (bold, 楷体, links); everything else
 * of Markdown maps onto paragraphs and headings (see report_md.h). */
#include "report/report_md.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>

#include "base/inside.h"
#include "report/fill.h"
#include "report/narrative.h"

/* Text waiting to become one run of a paragraph. */
struct inl {
    struct rp *r;
    struct sb_para *p;
    struct sb_buf text;
    unsigned flags; /* of text */
    int fill;
    long line;
};

static void flush(struct inl *in)
{
    struct sb_buf out = {0};
    struct sb_error e = {0};
    struct sb_fill f = {in->r->d, in->r->fs, in->r->where};

    if (in->text.len == 0)
        return;
    if (in->fill) {
        if (sb_fill_text(&f, in->text.data, &out, &e) != SB_OK)
            sb_rp_template_error(in->r, in->line, e.msg);
        sb_para_add_text(in->p, out.data ? out.data : "", in->flags);
    } else {
        sb_para_add_text(in->p, in->text.data, in->flags);
    }
    sb_buf_clear(&in->text);
    sb_buf_free(&out);
}

static void put(struct inl *in, const char *s, unsigned flags)
{
    if (flags != in->flags)
        flush(in);
    in->flags = flags;
    sb_buf_puts(&in->text, s);
}

static int latin(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* First byte of the text that follows node, or 0. */
static int next_char(cmark_node *n)
{
    for (n = cmark_node_next(n); n != NULL; n = cmark_node_first_child(n)) {
        const char *lit = cmark_node_get_literal(n);

        if (lit != NULL)
            return (unsigned char)lit[0];
        if (cmark_node_first_child(n) == NULL)
            return 0;
    }
    return 0;
}

static void plain_of(cmark_node *n, struct sb_buf *out)
{
    sb_narrative_text(cmark_node_first_child(n), NULL, out);
    while (out->len > 0 && out->data[out->len - 1] == '\n')
        out->data[--out->len] = '\0';
}

/* Is the raw HTML s the opening (or, with close, the closing) tag of an
 * element whose content is no text to print (<script>, <style>)? */
static int hidden_tag(const char *s, int close)
{
    static const char *const names[] = {"script", "style"};

    if (*s++ != '<' || (close && *s++ != '/'))
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t k = strlen(names[i]);

        if (strncasecmp(s, names[i], k) == 0 &&
            (s[k] == '>' || s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
             s[k] == '/'))
            return 1;
    }
    return 0;
}

/* The text of raw HTML html appended to out: tags and comments taken
 * out, the content of <script> and <style> dropped (*hidden says whether
 * the text is inside one, across calls). Returns how many bytes of
 * content were dropped. */
static size_t html_text(const char *html, struct sb_buf *out, int *hidden)
{
    size_t dropped = 0;

    for (const char *s = html; *s != '\0';) {
        const char *end;

        if (*s != '<') {
            size_t k = strcspn(s, "<");

            if (*hidden)
                dropped += k;
            else
                sb_buf_put(out, s, k);
            s += k;
            continue;
        }
        if (hidden_tag(s, 0))
            *hidden = 1;
        else if (hidden_tag(s, 1))
            *hidden = 0;
        end = strncmp(s, "<!--", 4) == 0 ? strstr(s + 4, "-->") : NULL;
        if (end != NULL)
            end += 2;
        else
            end = strchr(s, '>');
        s = end != NULL ? end + 1 : s + strlen(s);
    }
    return dropped;
}

/* A finding of the narrative at node (report.*): code, severity, what was
 * expected and found, and the message (printf). */
static void md_finding(struct rp *r, cmark_node *n, enum sb_severity sev,
                       const char *code, const char *expected,
                       const char *found, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static void md_finding(struct rp *r, cmark_node *n, enum sb_severity sev,
                       const char *code, const char *expected,
                       const char *found, const char *fmt, ...)
{
    struct sb_finding f = {0};
    struct sb_buf msg = {0};
    va_list ap;

    if (r->fs == NULL)
        return;
    va_start(ap, fmt);
    sb_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    f.code = code;
    f.sev = sev;
    f.pos.path = r->narr->path;
    f.pos.row = f.pos.line = cmark_node_get_start_line(n);
    f.pos.col = cmark_node_get_start_column(n);
    f.expected = expected;
    f.found = found;
    f.source = "declaration.md";
    f.message = msg.data;
    sb_findings_add(r->fs, &f);
    sb_buf_free(&msg);
}

/* Raw HTML of the narrative: its text is kept, the tags are not; the
 * content of <script> and <style> is dropped with a warning. */
static void html_dropped(struct rp *r, cmark_node *n, size_t dropped)
{
    char found[64];

    snprintf(found, sizeof found, "%zu 字节", dropped);
    md_finding(r, n, SB_SEV_WARNING, "report.html-dropped", "正文文字", found,
               "HTML 的 <script>/<style> 内容（%zu 字节）不是正文，未排入申报书",
               dropped);
}

/* The inlines of parent, walked without recursion (emphasis may nest as
 * deep as the input likes): text in runs, bold for strong, 楷体 for
 * emphasis, web links as links, raw HTML as its text (see html_text). */
static void inlines(struct inl *in, cmark_node *parent, unsigned flags)
{
    cmark_iter *it = cmark_iter_new(parent);
    cmark_event_type ev;
    int strong = 0, emph = 0, hidden = 0;
    size_t dropped = 0;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        unsigned f = flags | (strong > 0 ? SB_TEXT_BOLD : 0) |
                     (emph > 0 ? SB_TEXT_KAI : 0);
        int enter = ev == CMARK_EVENT_ENTER;
        const char *url;
        struct sb_buf t = {0};
        int last;

        if (n == parent)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            if (hidden)
                dropped += strlen(cmark_node_get_literal(n));
            else
                put(in, cmark_node_get_literal(n), f);
            break;
        case CMARK_NODE_HTML_INLINE:
            dropped += html_text(cmark_node_get_literal(n), &t, &hidden);
            if (t.len > 0)
                put(in, t.data, f);
            sb_buf_free(&t);
            break;
        case CMARK_NODE_SOFTBREAK:
            /* Chinese lines join without a space; Latin words keep one */
            last = in->text.len > 0
                       ? (unsigned char)in->text.data[in->text.len - 1]
                       : 0;
            if (latin(last) && latin(next_char(n)))
                put(in, " ", f);
            break;
        case CMARK_NODE_LINEBREAK:
            put(in, "\n", f);
            break;
        case CMARK_NODE_STRONG:
            strong += enter ? 1 : -1;
            break;
        case CMARK_NODE_EMPH:
            emph += enter ? 1 : -1;
            break;
        case CMARK_NODE_LINK:
            url = cmark_node_get_url(n);
            if (!enter || url == NULL || (strncmp(url, "http://", 7) != 0 &&
                                          strncmp(url, "https://", 8) != 0))
                break; /* its text as text */
            flush(in);
            plain_of(n, &t);
            sb_para_add_link(in->p, t.data ? t.data : url, url);
            sb_buf_free(&t);
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        case CMARK_NODE_IMAGE: /* inside text: not printed */
            if (enter)
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    if (dropped > 0 && !in->fill)
        html_dropped(in->r, parent, dropped);
}

void sb_rp_inlines(struct rp *r, cmark_node *node, struct sb_para *p,
                   unsigned flags, int fill, long line)
{
    struct inl in = {0};

    in.r = r;
    in.p = p;
    in.fill = fill;
    in.line = line;
    in.flags = flags;
    inlines(&in, node, flags);
    flush(&in);
    sb_buf_free(&in.text);
}

void sb_rp_cite(struct rp *r, const char *title)
{
    char *cite = sb_xasprintf("%s见图%d。", title, r->n_figures + 1);

    sb_doc_add_text(r->doc, cite);
    free(cite);
}

/* 1 when path is a PNG Cairo reads, as sb_doc_add_png will: the figure
 * is cited before it is added. */
static int png_readable(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    int ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;

    cairo_surface_destroy(s);
    return ok;
}

char *sb_rp_caption(struct rp *r, const char *title,
                    struct sb_para_style *st)
{
    sb_para_style_body(st);
    st->role = SB_FONT_HEI;
    st->size_pt = 14;
    st->align = SB_ALIGN_CENTER;
    st->indent = 0;
    return sb_xasprintf("图%d %s", ++r->n_figures, title);
}

/* May the narrative's image at path be opened (base/inside.h)? A
 * reference that leaves the declaration directory, a link out (unless
 * --follow-symlinks) or a FIFO or device is an error finding naming the
 * reference (report.image-outside) and 0: the file is never opened. A
 * missing file is left to the reader (a warning, as any unreadable one). */
static int image_inside(struct rp *r, cmark_node *im, const char *url,
                        const char *path)
{
    enum sb_inside in = sb_inside(sb_fill_dir(r->d), path,
                                  sb_fill_links_out(r->d), NULL);

    if (in == SB_INSIDE_OK || in == SB_INSIDE_MISSING)
        return 1;
    md_finding(r, im, SB_SEV_ERROR, "report.image-outside",
               "申报材料目录内的 PNG 图片", url, "图片“%s”%s，未排入申报书", url,
               sb_inside_reason(in));
    return 0;
}

/* A paragraph that holds only an image: a PNG beside the narrative
 * becomes a figure with its alt text as caption; anything else is a
 * warning. The narrative's images (base set) must lie inside the
 * declaration (image_inside); the template's are the edition's own. */
static int image(struct rp *r, cmark_node *para, const char *base)
{
    cmark_node *im = cmark_node_first_child(para);
    struct sb_buf alt = {0};
    struct sb_error e = {0};
    const char *url;
    char *path;

    if (im == NULL || cmark_node_get_type(im) != CMARK_NODE_IMAGE ||
        cmark_node_next(im) != NULL)
        return 0;
    url = cmark_node_get_url(im);
    path = url[0] == '/' || base == NULL ? sb_xstrdup(url)
                                         : sb_xasprintf("%s/%s", base, url);
    if (base != NULL && !image_inside(r, im, url, path)) {
        free(path);
        return 1;
    }
    plain_of(im, &alt);
    if (png_readable(path))
        sb_rp_cite(r, alt.data ? alt.data : "");
    if (sb_doc_add_png(r->doc, path, 0, &e) == SB_OK) {
        struct sb_para_style st;
        char *cap = sb_rp_caption(r, alt.data ? alt.data : "", &st);

        sb_para_add_text(sb_doc_add_para(r->doc, &st), cap, 0);
        free(cap);
    } else {
        md_finding(r, im, SB_SEV_WARNING, "report.image", "PNG 图片", url,
                   "图片“%s”无法读取（只支持 PNG），未排入申报书", url);
    }
    sb_buf_free(&alt);
    free(path);
    return 1;
}

static void para_style(struct sb_para_style *st, int indent, int align)
{
    sb_para_style_body(st);
    st->indent = indent;
    st->align = align;
}

/* A sub-heading of a narrative: a heading of the engine while the
 * levels last, then a bold line. */
static void sub_heading(struct rp *r, cmark_node *n, int slot, int indent)
{
    int level = slot + cmark_node_get_heading_level(n) - 1;
    struct sb_buf t = {0};
    struct sb_para_style st;

    plain_of(n, &t);
    if (level <= 4) {
        sb_doc_add_heading(r->doc, level, "", t.data ? t.data : "", 0);
        if (r->label != NULL)
            sb_doc_set_label(r->doc, r->label); /* still the narrative */
    } else {
        para_style(&st, indent, SB_ALIGN_LEFT);
        st.keep_with_next = 1;
        sb_para_add_text(sb_doc_add_para(r->doc, &st), t.data ? t.data : "",
                         SB_TEXT_BOLD);
    }
    sb_buf_free(&t);
}

/* Lists nested deeper than this are set at its indent (a warning says
 * so): the page keeps room for text. */
#define MAX_LIST_LEVELS 8

struct blk {
    struct rp *r;
    int slot, fill;
    const char *base;
    int *k;          /* next item number of each open list */
    size_t cap;      /* of k */
    int deep_said;   /* the nesting warning was given */
};

static void code_block(struct blk *b, cmark_node *n, unsigned flags)
{
    const char *s = cmark_node_get_literal(n);
    struct sb_para_style st;

    for (; s != NULL && *s != '\0';) {
        size_t k = strcspn(s, "\n");
        char *line = sb_xstrndup(s, k);

        para_style(&st, 0, SB_ALIGN_LEFT);
        sb_para_add_text(sb_doc_add_para(b->r->doc, &st), line, flags);
        free(line);
        s += k + (s[k] == '\n');
    }
}

/* A paragraph ending in "：" introduces what follows (补充说明和分类
 * 详细介绍：) and stays on its page. */
static int leads_in(cmark_node *para)
{
    struct sb_buf t = {0};
    int yes;

    plain_of(para, &t);
    yes = t.len >= 3 && strcmp(t.data + t.len - 3, "：") == 0;
    sb_buf_free(&t);
    return yes;
}

/* An item of the list at level (1 = outermost) and indent: its mark
 * ("1." / "（1）" / "●") and first paragraph as one paragraph. Returns
 * that paragraph node, which the walk must skip, or NULL. */
static cmark_node *item(struct blk *b, cmark_node *it, int level,
                        int indent, unsigned flags)
{
    cmark_node *list = cmark_node_parent(it);
    cmark_node *c = cmark_node_first_child(it);
    int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    int paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
    char mark[32];
    struct sb_para_style st;
    struct sb_para *p;

    if (ordered)
        snprintf(mark, sizeof mark, paren ? "（%d）" : "%d.",
                 b->k[level - 1]++);
    else
        snprintf(mark, sizeof mark, "●");
    para_style(&st, indent, SB_ALIGN_JUSTIFY);
    p = sb_doc_add_para(b->r->doc, &st);
    sb_para_add_text(p, mark, flags);
    if (c == NULL || cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
        return NULL;
    sb_rp_inlines(b->r, c, p, flags, b->fill, cmark_node_get_start_line(c));
    return c;
}

/* Raw HTML block of the narrative: a comment is a hint to the writer and
 * not printed; anything else is set as its text (html_text). */
static void html_block(struct blk *b, cmark_node *n, int indent,
                       unsigned flags)
{
    const char *html = cmark_node_get_literal(n);
    struct sb_buf t = {0};
    struct sb_para_style st;
    int hidden = 0;
    size_t dropped;

    if (b->fill || html == NULL)
        return; /* the template's comments */
    dropped = html_text(html, &t, &hidden);
    while (t.len > 0 && strchr(" \t\n", t.data[t.len - 1]) != NULL)
        t.data[--t.len] = '\0';
    if (t.len > 0) {
        para_style(&st, indent, SB_ALIGN_JUSTIFY);
        sb_para_add_text(sb_doc_add_para(b->r->doc, &st),
                         t.data + strspn(t.data, " \t\n"), flags);
    }
    if (dropped > 0)
        html_dropped(b->r, n, dropped);
    sb_buf_free(&t);
}

/* One top-level block and what it holds, walked with cmark's iterator
 * (no recursion: lists and quotes may nest as deep as the input likes). */
static void block(struct blk *b, cmark_node *top, unsigned flags)
{
    cmark_iter *it = cmark_iter_new(top);
    cmark_event_type ev;
    cmark_node *skip = NULL;
    int lists = 0, quotes = 0;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        int enter = ev == CMARK_EVENT_ENTER;
        int shown = lists < MAX_LIST_LEVELS ? lists : MAX_LIST_LEVELS;
        int indent = 2 + 2 * shown;
        unsigned f = flags | (quotes > 0 ? SB_TEXT_KAI : 0);
        struct sb_para_style st;
        struct sb_para *p;

        /* the narrative's blocks name their line in findings */
        if (enter && !b->fill &&
            cmark_node_get_type(n) <= CMARK_NODE_LAST_BLOCK &&
            cmark_node_get_start_line(n) > 0)
            sb_doc_set_source(b->r->doc, b->r->narr->path,
                              cmark_node_get_start_line(n));
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            if (!enter)
                break;
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            if (n == skip || image(b->r, n, b->base))
                break;
            para_style(&st, indent, SB_ALIGN_JUSTIFY);
            st.keep_with_next = b->fill && leads_in(n);
            p = sb_doc_add_para(b->r->doc, &st);
            sb_rp_inlines(b->r, n, p, f, b->fill,
                          cmark_node_get_start_line(n));
            break;
        case CMARK_NODE_HEADING:
            if (!enter)
                break;
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            sub_heading(b->r, n, b->slot, indent);
            break;
        case CMARK_NODE_LIST:
            if (!enter) {
                lists--;
                break;
            }
            if ((size_t)lists >= b->cap) {
                b->cap = b->cap ? 2 * b->cap : 16;
                b->k = sb_xrealloc(b->k, b->cap * sizeof *b->k);
            }
            b->k[lists++] = cmark_node_get_list_start(n);
            if (lists > MAX_LIST_LEVELS && !b->deep_said && !b->fill) {
                b->deep_said = 1;
                md_finding(b->r, n, SB_SEV_WARNING, "report.deep-list",
                           "列表嵌套不超过 8 层", NULL,
                           "列表嵌套超过 %d 层，更深的层次按第 %d 层缩进排版",
                           MAX_LIST_LEVELS, MAX_LIST_LEVELS);
            }
            break;
        case CMARK_NODE_ITEM:
            if (enter)
                skip = item(b, n, lists, indent - 2, f);
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            quotes += enter ? 1 : -1;
            break;
        case CMARK_NODE_CODE_BLOCK:
            code_block(b, n, f);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            sb_doc_add_space(b->r->doc, 1);
            break;
        case CMARK_NODE_HTML_BLOCK:
            html_block(b, n, indent, f);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

void sb_rp_blocks(struct rp *r, cmark_node *first, cmark_node *end,
                  int slot, int fill, const char *base)
{
    struct blk b = {r, slot, fill, base, NULL, 0, 0};

    for (cmark_node *n = first; n != NULL && n != end; n = cmark_node_next(n))
        block(&b, n, 0);
    sb_doc_set_source(r->doc, NULL, 0);
    free(b.k);
}
