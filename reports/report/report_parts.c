/* report_parts.c: the generated parts of the 申报书, one function per
 * ```shenbao-* block of report.md (the template's top comment documents
 * their content): the cover, the pledge page, the contents, the form's
 * bordered tables, the narrative slots, the charts and the list of
 * evidence materials. */
#include "report/report_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/utf8.h"
#include "chart/chart.h"
#include "chart/chart_scene.h"
#include "form/sections.h"
#include "report/fill.h"
#include "report/narrative.h"
#include "report/report_evidence.h"
#include "report/report_facts.h"
#include "report/report_md.h"
#include "typeset/linebreak.h"
#include "typeset/typeset.h"
#include "volume/volume.h"

void sb_rp_front(struct rp *r)
{
    sb_doc_add_section(r->doc, &r->plain, SB_BREAK_RECTO, 0);
}

void sb_rp_body(struct rp *r)
{
    if (r->in_body)
        return;
    r->in_body = 1;
    sb_doc_add_section(r->doc, &r->body, SB_BREAK_RECTO, 1);
    sb_doc_set_label(r->doc, NULL);
}

/* Width of code point cp in half 字: full-width characters 2, others 1. */
static int cp_halves(int32_t cp)
{
    return cp >= 0x2E80 || (cp >= 0x2000 && cp < 0x2070) ? 2 : 1;
}

/* Width of s in half 字. */
static int halves(const char *s)
{
    size_t len = strlen(s);
    int n = 0;

    for (size_t i = 0; i < len;) {
        int32_t cp;

        i += (size_t)sb_utf8_decode(s + i, len - i, &cp);
        n += cp_halves(cp);
    }
    return n;
}

static void spaces(struct sb_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        sb_buf_puts(b, "\u3000");
}

/* Split s at its first '|': *left (owned) and the rest. */
static const char *split(const char *s, char **left)
{
    const char *bar = strchr(s, '|');

    *left = sb_xstrndup(s, bar != NULL ? (size_t)(bar - s) : strlen(s));
    return bar != NULL ? bar + 1 : NULL;
}

/* Call fn for each line of text (without its '\n'; empty lines too). */
static void each_line(struct rp *r, const char *text, long line,
                      void (*fn)(struct rp *, const char *, long, void *),
                      void *user)
{
    for (const char *s = text; *s != '\0' && r->status == SB_OK;) {
        size_t k = strcspn(s, "\n");
        char *ln = sb_xstrndup(s, k);

        fn(r, ln, ++line, user);
        free(ln);
        s += k + (s[k] == '\n');
    }
}

static char *filled(struct rp *r, const char *text, long line)
{
    struct sb_buf out = {0};
    struct sb_error e = {0};
    struct sb_fill f = {r->d, r->fs, r->where};

    if (sb_fill_text(&f, text, &out, &e) != SB_OK)
        sb_rp_template_error(r, line, e.msg);
    return sb_buf_take(&out);
}

static void style(struct sb_para_style *st, enum sb_font_role role,
                  double size, enum sb_align align, double indent)
{
    sb_para_style_body(st);
    st->role = role;
    st->size_pt = size;
    st->align = align;
    st->indent = indent;
}

/* ---- cover --------------------------------------------------------- */

#define COVER_INDENT 3 /* 字 before a field's label */
#define COVER_LABEL 8  /* 字 of a field's label, spread out */
#define COVER_BLANK 14 /* 字 of the underlined blank */
/* 字 a value's line may take: the rest of the 28 字 line */
#define COVER_VALUE (28 - COVER_INDENT - COVER_LABEL)

struct cover {
    int fields;
    int lines;  /* grid lines the fields take */
    char *foot; /* "工业和信息化部编制" */
};

/* Cut value s into lines of at most max half 字 by the typesetter's own
 * rules (typeset/linebreak.h: 避头尾, Latin runs and numbers kept
 * whole, an address cut at its punctuation): the byte ranges of its
 * *n_lines lines, start and end of each, owned by the caller. */
static size_t *cover_wrap(const char *s, int max, int *n_lines)
{
    size_t len = strlen(s), *offs = sb_xcalloc(len + 1, sizeof *offs);
    size_t *out = sb_xcalloc(2 * (len + 1), sizeof *out);
    int32_t *cps = sb_xcalloc(len + 1, sizeof *cps);
    struct sb_lb_item *it = sb_xcalloc(len + 1, sizeof *it);
    int n = 0, lines = 0;

    for (size_t i = 0; i < len; n++) {
        offs[n] = i;
        i += (size_t)sb_utf8_decode(s + i, len - i, &cps[n]);
        it[n].adv = (float)cp_halves(cps[n]);
    }
    offs[n] = len;
    sb_lb_analyse(cps, n, it);
    for (int start = 0, next, forced; start < n; start = next) {
        int end = sb_lb_fit(it, n, start, max, 0, &next, &forced);

        out[2 * lines] = offs[start];
        out[2 * lines + 1] = offs[end];
        lines++;
    }
    free(it);
    free(cps);
    free(offs);
    *n_lines = lines;
    return out;
}

/* One line of a field: indent 字, then text as given, then value
 * underlined; lines_after blank lines after it. */
static void cover_para(struct rp *r, double indent, const char *text,
                       const char *value, int lines_after)
{
    struct sb_para_style st;
    struct sb_para *p;

    style(&st, SB_FONT_FANG, 0, SB_ALIGN_LEFT, indent);
    st.lines_after = lines_after;
    p = sb_doc_add_para(r->doc, &st);
    if (text != NULL)
        sb_para_add_text(p, text, 0);
    sb_para_add_text(p, value, SB_TEXT_UNDERLINE);
}

/* "项目名称|{{project_name}}": the label spread over COVER_LABEL 字 as
 * the form prints it (项 目 名 称), the value centred on a rule; a value
 * longer than the rest of the line goes on under itself, each line on
 * a rule as wide as the widest, never back under the label. */
static void cover_line(struct rp *r, const char *ln, long line, void *user)
{
    struct cover *c = user;
    struct sb_buf lab = {0}, val = {0};
    const char *rest;
    char *label, *value;
    size_t len;
    int n = 0, pad;

    if (ln[0] == '\0')
        return;
    rest = split(ln, &label);
    if (rest == NULL) {
        free(c->foot);
        c->foot = label;
        return;
    }
    len = strlen(label);
    for (size_t i = 0; i < len; n++) {
        int32_t cp;

        i += (size_t)sb_utf8_decode(label + i, len - i, &cp);
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = (size_t)sb_utf8_decode(label + i, len - i, &cp);

        sb_buf_put(&lab, label + i, k);
        i += k;
        if (i < len && 2 * n - 1 <= COVER_LABEL)
            spaces(&lab, 1);
    }
    spaces(&lab, COVER_LABEL - halves(lab.data) / 2);
    value = filled(r, rest, line);
    if (halves(value) <= 2 * COVER_VALUE) {
        pad = COVER_BLANK * 2 - halves(value);
        spaces(&val, pad > 0 ? pad / 4 : 0);
        sb_buf_puts(&val, value);
        spaces(&val, pad > 0 ? (pad + 3) / 4 - (pad % 4 == 1) : 0);
        cover_para(r, COVER_INDENT, lab.data, val.data, 1);
        c->lines += 2;
    } else {
        int n_lines;
        size_t *at = cover_wrap(value, 2 * COVER_VALUE, &n_lines);

        for (int k = 0; k < n_lines; k++) {
            int last = k == n_lines - 1;

            sb_buf_clear(&val);
            sb_buf_put(&val, value + at[2 * k], at[2 * k + 1] - at[2 * k]);
            spaces(&val, COVER_VALUE - halves(val.data) / 2);
            cover_para(r, k == 0 ? COVER_INDENT : COVER_INDENT + COVER_LABEL,
                       k == 0 ? lab.data : NULL, val.data, last);
            c->lines += 1 + last;
        }
        free(at);
    }
    c->fields++;
    sb_buf_free(&lab);
    sb_buf_free(&val);
    free(label);
    free(value);
}

/* The cover's title into t, one line per '\n': edition.csv's cover_title
 * line by line ('|' between lines, as the form sets them: 003's
 * "2020年制造业与互联网融合发展|试点示范项目申报书|（…）"), else its
 * title with a closing 申报书 on a line of its own, spaced (申　报　书,
 * as 002 sets it). Returns the number of lines. */
static int cover_title(struct rp *r, struct sb_buf *t)
{
    const char *lines = sb_fill_meta(r->d, "cover_title");
    const char *title = sb_fill_meta(r->d, "title");
    const char *it;
    size_t n;
    int count = 0;

    for (const char *p = lines; sb_list_next(&p, &it, &n);) {
        if (count++ > 0)
            sb_buf_putc(t, '\n');
        sb_buf_put(t, it, n);
    }
    if (count > 0)
        return count;
    sb_buf_puts(t, title != NULL ? title : "申报书");
    n = strlen("申报书");
    if (t->len > n && strcmp(t->data + t->len - n, "申报书") == 0) {
        t->len -= n;
        t->data[t->len] = '\0';
        sb_buf_puts(t, "\n申　报　书");
        return 2;
    }
    return 1;
}

void sb_rp_cover(struct rp *r, const char *lines, long line)
{
    struct cover c = {0};
    struct sb_para_style st;
    struct sb_buf t = {0};
    int title_lines, room;

    sb_rp_front(r);
    sb_doc_set_label(r->doc, "封面");
    free(r->where);
    r->where = sb_xstrdup("封面");
    title_lines = cover_title(r, &t);
    sb_doc_add_space(r->doc, 3);
    style(&st, SB_FONT_HEI, 22, SB_ALIGN_CENTER, 0);
    st.lines_after = 5;
    sb_para_add_text(sb_doc_add_para(r->doc, &st), t.data, 0);
    each_line(r, lines, line, cover_line, &c);
    if (c.foot != NULL) {
        /* at the foot of the cover: 20 of its 22 lines less the space
         * above the title, the title and the fields */
        room = 20 - 3 - title_lines - 5 - c.lines;
        sb_doc_add_space(r->doc, room > 0 ? room : 1);
        style(&st, SB_FONT_KAI, 0, SB_ALIGN_CENTER, 0);
        sb_para_add_text(sb_doc_add_para(r->doc, &st), c.foot, 0);
    }
    free(c.foot);
    sb_buf_free(&t);
}

/* ---- pledge -------------------------------------------------------- */

/* "# 标题", "> 左|右" (a signature line: left part after the indent,
 * right part ending 2 字 before the right edge) or a paragraph. */
static void pledge_line(struct rp *r, const char *ln, long line, void *user)
{
    struct sb_para_style st;
    struct sb_buf b = {0};
    char *left, *text;
    const char *right;
    int chars = 28, gap;

    (void)user;
    if (ln[0] == '\0')
        return;
    text = filled(r, ln, line);
    if (strncmp(text, "# ", 2) == 0) {
        style(&st, SB_FONT_HEI, 0, SB_ALIGN_CENTER, 0);
        st.lines_before = 2;
        st.lines_after = 1;
        sb_para_add_text(sb_doc_add_para(r->doc, &st), text + 2, 0);
    } else if (strncmp(text, "> ", 2) == 0) {
        right = split(text + 2, &left);
        gap = chars - 2 - 2 - (halves(left) + 1) / 2 -
              (right != NULL ? (halves(right) + 1) / 2 : 0);
        sb_buf_puts(&b, left);
        spaces(&b, gap > 1 ? gap : 1);
        sb_buf_puts(&b, right != NULL ? right : "");
        style(&st, SB_FONT_FANG, 0, SB_ALIGN_LEFT, 2);
        st.lines_before = 1;
        sb_para_add_text(sb_doc_add_para(r->doc, &st), b.data, 0);
        free(left);
    } else {
        sb_doc_add_text(r->doc, text);
    }
    sb_buf_free(&b);
    free(text);
}

void sb_rp_pledge(struct rp *r, const char *lines, long line)
{
    sb_rp_front(r);
    sb_doc_set_label(r->doc, "真实性承诺");
    free(r->where);
    r->where = sb_xstrdup("真实性承诺");
    sb_doc_add_space(r->doc, 1);
    each_line(r, lines, line, pledge_line, NULL);
}

/* ---- contents ------------------------------------------------------ */

void sb_rp_toc(struct rp *r, const char *lines)
{
    struct sb_para_style st;
    char *title = sb_xstrndup(lines, strcspn(lines, "\n"));

    sb_rp_front(r);
    sb_doc_set_label(r->doc, "目录");
    style(&st, SB_FONT_HEI, 0, SB_ALIGN_CENTER, 0);
    st.lines_after = 1;
    sb_para_add_text(sb_doc_add_para(r->doc, &st),
                     title[0] != '\0' ? title : "目　录", 0);
    /* four levels: 一、 （1） 1. 1.1, and the materials list */
    sb_doc_add_toc(r->doc, 4, 0);
    free(title);
}

/* ---- narrative ----------------------------------------------------- */

/* The narrative of section key (sections.csv) that the template places
 * at line: its part, with the facts checked (report_facts.h), or NULL:
 * no such key (a template error, *blank 0) or an empty section (*blank
 * 1 when it is required; a finding says why). */
static const struct sb_narrative_part *narrative_of(struct rp *r,
                                                    const char *key,
                                                    long line, int *blank)
{
    int s = sb_sections_find(r->secs, key);
    const struct sb_narrative_part *part;
    struct sb_buf msg = {0};

    *blank = 0;
    if (s < 0) {
        sb_buf_printf(&msg, "shenbao-narrative %s: no such key in "
                            "sections.csv", key);
        sb_rp_template_error(r, line, msg.data);
        sb_buf_free(&msg);
        return NULL;
    }
    part = sb_narrative_part(r->narr, s);
    if (part == NULL || part->words == 0) {
        *blank = r->secs->v[s].required;
        return NULL;
    }
    sb_rp_narrative_facts(r, s, part);
    return part;
}

void sb_rp_narrative(struct rp *r, const char *key, long line)
{
    const struct sb_narrative_part *part;
    int blank;

    sb_rp_body(r);
    part = narrative_of(r, key, line, &blank);
    if (part == NULL) {
        if (blank)
            sb_doc_add_text(r->doc, SB_FILL_BLANK);
        return;
    }
    free(r->label);
    r->label = sb_xasprintf("%s 第%ld行起“%s”", r->narr->path, part->line,
                            part->title);
    sb_doc_set_label(r->doc, r->label);
    sb_rp_blocks(r, part->first, part->end, r->level, 0,
                 sb_fill_dir(r->d));
    free(r->label);
    r->label = NULL;
    sb_doc_set_label(r->doc, NULL);
}

/* ---- form tables --------------------------------------------------- */

#define TABLE_MAX_COLS 16

struct rows {
    char **cells;         /* n × TABLE_MAX_COLS, filled */
    unsigned char *spans;
    long *src;            /* n: the narrative line a row holds, or 0 */
    int n, cols;
};

/* A cell "{{narrative:KEY}}": the text of narrative section KEY inside
 * the table, as the notice prints 企业简介 in its form (002 附件2): each
 * block of declaration.md a line of its own, indented 2 字 as a form
 * filled in Word is; SB_FILL_BLANK for a required empty one. *src gets
 * the line of the section's heading in declaration.md. */
#define NARRATIVE_CELL "{{narrative:"

/* A table's cell holds text only: each image and raw HTML (not a
 * comment) of part is a warning report.cell-text-only at its line, so
 * nothing is dropped silently. */
static void text_only(struct rp *r, const struct sb_narrative_part *part)
{
    for (cmark_node *b = part->first; b != NULL && b != part->end;
         b = cmark_node_next(b)) {
        cmark_iter *it = cmark_iter_new(b);
        cmark_event_type ev;

        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node *n = cmark_iter_get_node(it);
            cmark_node_type t = cmark_node_get_type(n);
            struct sb_finding f = {0};
            const char *what;

            if (ev != CMARK_EVENT_ENTER)
                continue;
            if (t == CMARK_NODE_IMAGE)
                what = cmark_node_get_url(n);
            else if ((t == CMARK_NODE_HTML_BLOCK ||
                      t == CMARK_NODE_HTML_INLINE) &&
                     strncmp(cmark_node_get_literal(n), "<!--", 4) != 0)
                what = "HTML"; /* a comment is a hint, never printed */
            else
                continue;
            f.code = "report.cell-text-only";
            f.sev = SB_SEV_WARNING;
            f.pos.path = r->narr->path;
            f.pos.row = f.pos.line = cmark_node_get_start_line(n);
            f.expected = "文字";
            f.found = what;
            f.source = sb_fill_meta(r->d, "form_source");
            sb_findings_addf(r->fs, &f,
                             "“%s”印在表中，只排文字：%s“%s”未排入",
                             part->title,
                             t == CMARK_NODE_IMAGE ? "图片" : "", what);
        }
        cmark_iter_free(it);
    }
}

static char *narrative_cell(struct rp *r, const char *cell, long line,
                            long *src)
{
    const char *key = cell + strlen(NARRATIVE_CELL);
    size_t k = strcspn(key, "}");
    char *name = sb_xstrndup(key, k);
    const struct sb_narrative_part *part;
    struct sb_buf raw = {0}, out = {0};
    int blank;

    if (strcmp(key + k, "}}") != 0) {
        sb_rp_template_error(r, line, "{{narrative:KEY}} is a cell alone");
        free(name);
        return sb_xstrdup("");
    }
    part = narrative_of(r, name, line, &blank);
    free(name);
    if (part == NULL)
        return sb_xstrdup(blank ? SB_FILL_BLANK : "");
    *src = part->line;
    text_only(r, part);
    sb_narrative_lines(part->first, part->end, &raw);
    for (const char *s = raw.data ? raw.data : ""; *s != '\0';) {
        size_t n = strcspn(s, "\n");

        if (n > 0)
            sb_buf_printf(&out, "%s　　%.*s", out.len ? "\n" : "", (int)n,
                          s);
        s += n + (s[n] == '\n');
    }
    sb_buf_free(&raw);
    return out.data != NULL ? sb_buf_take(&out) : sb_xstrdup("");
}

static void table_line(struct rp *r, const char *ln, long line, void *user)
{
    struct rows *t = user;
    const char *s = ln;
    int c = 0, last = -1;

    if (ln[0] == '\0')
        return;
    t->cells = sb_xrealloc(t->cells, (size_t)(t->n + 1) * TABLE_MAX_COLS *
                                         sizeof *t->cells);
    t->spans = sb_xrealloc(t->spans, (size_t)(t->n + 1) * TABLE_MAX_COLS);
    t->src = sb_xrealloc(t->src, (size_t)(t->n + 1) * sizeof *t->src);
    t->src[t->n] = 0;
    memset(&t->cells[t->n * TABLE_MAX_COLS], 0,
           TABLE_MAX_COLS * sizeof *t->cells);
    memset(&t->spans[t->n * TABLE_MAX_COLS], 1, TABLE_MAX_COLS);
    while (s != NULL && c < TABLE_MAX_COLS) {
        char *cell;

        s = split(s, &cell);
        if (strcmp(cell, "<") == 0 && last >= 0) {
            t->spans[t->n * TABLE_MAX_COLS + c] = 0;
            t->spans[t->n * TABLE_MAX_COLS + last]++;
            t->cells[t->n * TABLE_MAX_COLS + c] = sb_xstrdup("");
        } else {
            char *bs;

            /* "\n" written in the template breaks the line */
            while ((bs = strstr(cell, "\\n")) != NULL) {
                bs[0] = '\n';
                memmove(bs + 1, bs + 2, strlen(bs + 2) + 1);
            }
            t->cells[t->n * TABLE_MAX_COLS + c] =
                strncmp(cell, NARRATIVE_CELL, strlen(NARRATIVE_CELL)) == 0
                    ? narrative_cell(r, cell, line, &t->src[t->n])
                    : filled(r, cell, line);
            last = c;
        }
        free(cell);
        c++;
    }
    if (c > t->cols)
        t->cols = c;
    t->n++;
}

void sb_rp_table(struct rp *r, const char *arg, const char *lines,
                 long line)
{
    struct rows t = {0};
    struct sb_column cols[TABLE_MAX_COLS];
    struct sb_table_style st;
    struct sb_table *tab;
    const char *a = arg;

    sb_rp_body(r);
    each_line(r, lines, line, table_line, &t);
    memset(cols, 0, sizeof cols);
    for (int c = 0; c < t.cols; c++) {
        char *end;

        /* labels (even columns) centred, values left */
        cols[c].align = c % 2 == 0 ? SB_ALIGN_CENTER : SB_ALIGN_LEFT;
        cols[c].width_mm = strtod(a, &end);
        a = end;
    }
    sb_table_style_default(&st);
    st.role = SB_FONT_FANG;
    st.size_pt = 12; /* 小四, as forms in Word are filled */
    st.line_pt = 18;
    st.pad_x_pt = 4;
    st.pad_y_pt = 4;
    st.frame_pt = 1;
    st.no_header = 1;
    st.split_rows = 1; /* 企业简介 runs on past the page */
    tab = sb_doc_add_table(r->doc, cols, t.cols > 0 ? t.cols : 1, &st);
    for (int i = 0; i < t.n; i++) {
        for (int c = t.cols; c < TABLE_MAX_COLS; c++)
            t.spans[i * TABLE_MAX_COLS + c] = 1;
        sb_table_add_row_span(tab,
                              (const char *const *)&t.cells[i *
                                                            TABLE_MAX_COLS],
                              &t.spans[i * TABLE_MAX_COLS]);
        if (t.src[i] > 0)
            sb_table_row_source(tab, r->narr->path, t.src[i]);
    }
    for (int i = 0; i < t.n * TABLE_MAX_COLS; i++)
        free(t.cells[i]);
    free(t.cells);
    free(t.spans);
    free(t.src);
}

/* ---- charts -------------------------------------------------------- */

static void draw_chart(cairo_t *cr, double w, double h, void *user)
{
    (void)w;
    (void)h;
    sb_chart_draw(user, cr);
}

void sb_rp_chart(struct rp *r, const char *id, long line)
{
    struct sb_chart *c = NULL;
    struct sb_error e = {0};
    struct sb_finding f = {0};
    double w = 156 * SB_PT_PER_MM, h = 0;
    const char *title = NULL;
    struct sb_para_style st;
    char why[256], *cap;
    int rc;

    sb_rp_body(r);
    rc = sb_fill_chart(&c, r->d, id, w, r->fonts, &h, &title, &e);
    if (rc == SB_EUSAGE) {
        sb_rp_template_error(r, line, e.msg);
        return;
    }
    f.pos.path = sb_fill_dir(r->d);
    f.source = "charts.csv";
    f.found = title;
    if (rc == SB_EFORMAT) {
        f.code = "report.chart-skipped";
        f.sev = SB_SEV_INFO;
        sb_findings_addf(r->fs, &f, "申报书“%s”处的图“%s”无数据，未排入：%s",
                         r->where != NULL ? r->where : "", title, e.msg);
        return;
    }
    if (rc != SB_OK) {
        if (r->status == SB_OK) {
            r->status = rc;
            *r->err = e;
        }
        return;
    }
    if (sb_chart_check(c, why, sizeof why) != 0) {
        f.code = "report.chart-layout";
        f.sev = SB_SEV_WARNING;
        sb_findings_addf(r->fs, &f, "申报书中的图“%s”排版有问题：%s", title,
                         why);
    }
    r->charts = sb_xrealloc(r->charts,
                            (size_t)(r->n_charts + 1) * sizeof *r->charts);
    r->charts[r->n_charts++] = c;
    sb_rp_cite(r, title);
    cap = sb_rp_caption(r, title, &st);
    sb_doc_add_figure(r->doc, 156, h / SB_PT_PER_MM, draw_chart, c, &st, cap);
    free(cap);
}

/* ---- materials list ------------------------------------------------ */

/* The volume written for 附件 number (0: the evidence volume), or
 * NULL. */
static const struct sb_volume_info *volume_of(const struct rp *r,
                                              int number)
{
    for (int i = 0; r->vols != NULL && i < r->vols->n; i++)
        if (r->vols->v[i].annex_number == number)
            return &r->vols->v[i];
    return NULL;
}

/* "附件1：工业设备清单（按……整理）": a heading "附件1：工业设备清单" in
 * the contents, then the form's note and what the declaration holds. */
static void annex_line(struct rp *r, const char *ln, long line, void *user)
{
    const char *colon, *paren, *digits, *code = NULL, *file = NULL;
    struct sb_buf title = {0}, body = {0};
    char *text;
    char num[SB_NUMFMT_SIZE];
    long rows = 0;
    int listed;

    (void)user;
    if (ln[0] == '\0')
        return;
    text = filled(r, ln, line);
    colon = strstr(text, "：");
    paren = colon != NULL ? strstr(colon, "（") : NULL;
    if (paren != NULL) {
        size_t k = strlen(paren + 3);

        sb_buf_put(&title, text, (size_t)(paren - text));
        sb_buf_put(&body, paren + 3, k);
        if (body.len >= 3 && strcmp(body.data + body.len - 3, "）") == 0)
            body.data[body.len -= 3] = '\0';
        sb_buf_puts(&body, "。");
    } else {
        sb_buf_puts(&title, text);
    }
    digits = text + strcspn(text, "0123456789");
    listed = colon != NULL && digits < colon &&
             sb_fill_annex(r->d, atoi(digits), &code, &file, &rows);
    if (listed && file != NULL) {
        const struct sb_volume_info *v = volume_of(r, atoi(digits));

        sb_buf_printf(&body, "清单共%s条记录。",
                      sb_numfmt_group((double)rows, 0, num, sizeof num));
        if (v != NULL)
            sb_buf_printf(&body, "另册：%s，共%d页。", sb_path_base(v->path),
                          v->pages);
    } else if (listed) {
        sb_buf_puts(&body, "未提供清单。");
    } else if (colon != NULL && digits < colon) {
        sb_rp_material(r, atoi(digits), &body);
    }
    sb_doc_add_heading(r->doc, r->level + 1 <= 4 ? r->level + 1 : 4, "",
                       title.data, 0);
    if (body.len > 0)
        sb_doc_add_text(r->doc, body.data);
    sb_buf_free(&title);
    sb_buf_free(&body);
    free(text);
}

void sb_rp_annex_list(struct rp *r, const char *lines, long line)
{
    sb_rp_body(r);
    each_line(r, lines, line, annex_line, NULL);
    sb_rp_evidence_matrix(r);
}
