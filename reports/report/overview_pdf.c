/* overview_pdf.c: the overview (overview.h) as a PDF: one A4 page per
 * declaration (GB/T 9704 版心, as the 汇总表 beside it), its name as the
 * title, then two tables: the facts (directory, edition, status,
 * findings, evidence) and the narrative sections with their 字 against
 * their limits. */
#include "report/overview.h"

#include <stdio.h>
#include <stdlib.h>

#include "typeset/typeset.h"

/* A table of n_cols columns of the given titles and widths (mm), the
 * first left-aligned, the others as rest. */
static struct sb_table *table(struct sb_doc *doc, const char *const *titles,
                              const double *mm, int n_cols,
                              enum sb_align rest)
{
    struct sb_column cols[4];
    struct sb_table_style ts;

    for (int c = 0; c < n_cols; c++) {
        cols[c].title = titles[c];
        cols[c].width_mm = mm[c];
        cols[c].align = c == 0 ? SB_ALIGN_LEFT : rest;
    }
    sb_table_style_default(&ts);
    ts.size_pt = 10.5; /* 5号, so that a page holds some 30 sections */
    ts.line_pt = 12.5;
    ts.pad_x_pt = 3;
    ts.pad_y_pt = 1.5;
    return sb_doc_add_table(doc, cols, n_cols, &ts);
}

static void fact(struct sb_table *t, const char *what, const char *value)
{
    const char *cells[2] = {what, value};

    sb_table_add_row(t, cells);
}

/* The state of section s: 符合, 超出N字, 未填写（必填）, 未填写. */
static void section_state(const struct sb_overview_section *s, char *buf,
                          size_t size)
{
    if (!s->written)
        snprintf(buf, size, "%s", s->required ? "未填写（必填）" : "未填写");
    else if (s->limit > 0 && s->words > s->limit)
        snprintf(buf, size, "超出%ld字", s->words - s->limit);
    else if (s->required && s->words == 0)
        snprintf(buf, size, "空白（必填）");
    else
        snprintf(buf, size, "符合");
}

static void page(struct sb_doc *doc, const struct sb_overview *o, int i)
{
    static const char *const fact_cols[] = {"项目", "情况"};
    static const double fact_mm[] = {40, 116};
    static const char *const sec_cols[] = {"章节", "字数", "字数限制",
                                           "状态"};
    static const double sec_mm[] = {76, 22, 26, 32};
    const struct sb_overview_page *p = &o->pages[i];
    char *head = sb_xasprintf("申报书概览（%d/%d）", i + 1, o->n);
    char *counts = sb_xasprintf("%s（错误%ld个，警告%ld个）",
                                p->errors > 0 ? "待修改" : "可推荐",
                                p->errors, p->warnings);
    char *lists = p->lists > 0
                      ? sb_xasprintf("%d/%d份", p->lists_found, p->lists)
                      : sb_xasprintf("本表单无附件清单");
    char *evidence = p->evidence > 0
                         ? sb_xasprintf("%ld份（evidence/）", p->evidence)
                         : sb_xasprintf("无");
    struct sb_table *t;

    sb_doc_add_line(doc, head, SB_FONT_HEI, 14, SB_ALIGN_LEFT, 0);
    if (o->title != NULL)
        sb_doc_add_line(doc, o->title, SB_FONT_FANG, 12, SB_ALIGN_LEFT, 1);
    sb_doc_add_line(doc, p->name != NULL ? p->name : p->dir, SB_FONT_SONG,
                    18, SB_ALIGN_CENTER, 1);
    t = table(doc, fact_cols, fact_mm, 2, SB_ALIGN_LEFT);
    fact(t, "状态", counts);
    if (p->problems != NULL)
        fact(t, "错误", p->problems);
    fact(t, "申报书目录", p->dir);
    fact(t, "表单版本", p->edition);
    fact(t, "附件清单", lists);
    fact(t, "证明材料", evidence);
    if (p->n_secs > 0) {
        sb_doc_add_line(doc, "叙述部分字数（按 Word 字数统计）", SB_FONT_HEI, 12,
                        SB_ALIGN_LEFT, 0);
        t = table(doc, sec_cols, sec_mm, 4, SB_ALIGN_CENTER);
    }
    for (int s = 0; s < p->n_secs; s++) {
        const struct sb_overview_section *sec = &p->secs[s];
        char words[32], limit[32], state[64];
        const char *cells[4] = {sec->heading, words, limit, state};

        snprintf(words, sizeof words, "%ld", sec->words);
        if (sec->limit > 0)
            snprintf(limit, sizeof limit, "%ld", sec->limit);
        else
            snprintf(limit, sizeof limit, "—");
        section_state(sec, state, sizeof state);
        sb_table_add_row(t, cells);
    }
    free(head);
    free(counts);
    free(lists);
    free(evidence);
}

int sb_overview_write_pdf(const struct sb_overview *o, const char *path,
                          struct sb_fonts *fonts, struct sb_findings *fs,
                          struct sb_error *err)
{
    struct sb_page_style ps;
    struct sb_doc *doc;
    int rc;

    if (o->n == 0)
        return sb_error_set(err, SB_EUSAGE, NULL, "no declaration to show");
    sb_page_style_gbt9704(&ps);
    ps.number = SB_PAGE_NUMBER_NONE; /* the heading counts the pages */
    ps.body_pt = 10.5; /* a working paper, not a form: a 5号 grid, so */
    ps.lines = 40;     /* that space after a line or a table costs */
    ps.chars = 42;     /* little and a page holds some 30 sections */
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, o->title != NULL ? o->title : "申报书概览", NULL);
    sb_doc_set_findings(doc, fs, o->font_source);
    sb_doc_set_progress(doc, "申报书概览"); /* a page a declaration */
    for (int i = 0; i < o->n; i++) {
        if (i > 0)
            sb_doc_add_break(doc, SB_BREAK_PAGE);
        page(doc, o, i);
    }
    rc = sb_doc_write_pdf(doc, path, err);
    sb_doc_free(doc);
    return rc;
}
