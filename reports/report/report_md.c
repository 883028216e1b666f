/* report_md.c: Markdown (cmark nodes) as blocks of the typesetting
 * engine, for the template's own text and the declaration's narrative.
 * The engine's paragraphs have runs (bold, 楷体, links); everything else
 * of Markdown maps onto paragraphs and headings (see report_md.h). */
#include "report/report_md.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void inlines(struct inl *in, cmark_node *parent, unsigned flags)
{
    for (cmark_node *n = cmark_node_first_child(parent); n != NULL;
         n = cmark_node_next(n)) {
        const char *url;
        struct sb_buf t = {0};
        int last;

        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            put(in, cmark_node_get_literal(n), flags);
            break;
        case CMARK_NODE_SOFTBREAK:
            /* Chinese lines join without a space; Latin words keep one */
            last = in->text.len > 0
                       ? (unsigned char)in->text.data[in->text.len - 1]
                       : 0;
            if (latin(last) && latin(next_char(n)))
                put(in, " ", flags);
            break;
        case CMARK_NODE_LINEBREAK:
            put(in, "\n", flags);
            break;
        case CMARK_NODE_STRONG:
            inlines(in, n, flags | SB_TEXT_BOLD);
            break;
        case CMARK_NODE_EMPH:
            inlines(in, n, flags | SB_TEXT_KAI);
            break;
        case CMARK_NODE_LINK:
            url = cmark_node_get_url(n);
            if (url == NULL || (strncmp(url, "http://", 7) != 0 &&
                                strncmp(url, "https://", 8) != 0)) {
                inlines(in, n, flags);
                break;
            }
            flush(in);
            plain_of(n, &t);
            sb_para_add_link(in->p, t.data ? t.data : url, url);
            sb_buf_free(&t);
            break;
        default:
            break; /* HTML, images inside text */
        }
    }
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

/* A paragraph that holds only an image: a PNG beside the narrative
 * becomes a figure with its alt text as caption; anything else is a
 * warning. */
static int image(struct rp *r, cmark_node *para, const char *base)
{
    cmark_node *im = cmark_node_first_child(para);
    struct sb_buf alt = {0};
    struct sb_error e = {0};
    struct sb_finding f = {0};
    const char *url;
    char *path;

    if (im == NULL || cmark_node_get_type(im) != CMARK_NODE_IMAGE ||
        cmark_node_next(im) != NULL)
        return 0;
    url = cmark_node_get_url(im);
    path = url[0] == '/' || base == NULL ? sb_xstrdup(url)
                                         : sb_xasprintf("%s/%s", base, url);
    plain_of(im, &alt);
    if (sb_doc_add_png(r->doc, path, 0, &e) == SB_OK) {
        struct sb_para_style st;
        char *cap = sb_rp_caption(r, alt.data ? alt.data : "", &st);

        sb_para_add_text(sb_doc_add_para(r->doc, &st), cap, 0);
        free(cap);
    } else if (r->fs != NULL) {
        f.code = "report.image";
        f.sev = SB_SEV_WARNING;
        f.pos.path = r->narr->path;
        f.pos.row = f.pos.line = cmark_node_get_start_line(im);
        f.expected = "PNG 图片";
        f.found = url;
        f.source = "declaration.md";
        sb_findings_addf(r->fs, &f, "图片“%s”无法读取（只支持 PNG），未排入申报书",
                         url);
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

struct blk {
    struct rp *r;
    int slot, fill;
    const char *base;
};

static void blocks(struct blk *b, cmark_node *first, cmark_node *end,
                   int indent, unsigned flags);

static void list(struct blk *b, cmark_node *n, int indent, unsigned flags)
{
    int k = cmark_node_get_list_start(n);
    int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;

    for (cmark_node *it = cmark_node_first_child(n); it != NULL;
         it = cmark_node_next(it), k++) {
        cmark_node *c = cmark_node_first_child(it);
        char mark[32];
        struct sb_para_style st;
        struct sb_para *p;

        if (ordered)
            snprintf(mark, sizeof mark, paren ? "（%d）" : "%d.", k);
        else
            snprintf(mark, sizeof mark, "●");
        para_style(&st, indent, SB_ALIGN_JUSTIFY);
        p = sb_doc_add_para(b->r->doc, &st);
        sb_para_add_text(p, mark, flags);
        if (c != NULL && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
            sb_rp_inlines(b->r, c, p, flags, b->fill,
                          cmark_node_get_start_line(c));
            c = cmark_node_next(c);
        }
        blocks(b, c, NULL, indent + 2, flags);
    }
}

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

static void blocks(struct blk *b, cmark_node *first, cmark_node *end,
                   int indent, unsigned flags)
{
    struct sb_para_style st;
    struct sb_para *p;

    for (cmark_node *n = first; n != NULL && n != end;
         n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            if (image(b->r, n, b->base))
                break;
            para_style(&st, indent, SB_ALIGN_JUSTIFY);
            st.keep_with_next = b->fill && leads_in(n);
            p = sb_doc_add_para(b->r->doc, &st);
            sb_rp_inlines(b->r, n, p, flags, b->fill,
                          cmark_node_get_start_line(n));
            break;
        case CMARK_NODE_HEADING:
            sub_heading(b->r, n, b->slot, indent);
            break;
        case CMARK_NODE_LIST:
            list(b, n, indent, flags);
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            blocks(b, cmark_node_first_child(n), NULL, indent,
                   flags | SB_TEXT_KAI);
            break;
        case CMARK_NODE_CODE_BLOCK:
            code_block(b, n, flags);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            sb_doc_add_space(b->r->doc, 1);
            break;
        default:
            break; /* HTML: comments and hints are not printed */
        }
    }
}

void sb_rp_blocks(struct rp *r, cmark_node *first, cmark_node *end,
                  int slot, int fill, const char *base)
{
    struct blk b = {r, slot, fill, base};

    blocks(&b, first, end, 2, 0);
}
