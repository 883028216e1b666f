/* report_int.h: what the files of the 申报书 share and nothing else
 * sees.
 *
 * report.c        the template walked block by block, the PDF written
 * report_md.c     Markdown blocks and inlines (cmark) as engine blocks
 * report_parts.c  the generated parts: cover, pledge, contents, form
 *                 tables, narrative slots, charts, the materials list */
#ifndef SB_REPORTS_REPORT_INT_H
#define SB_REPORTS_REPORT_INT_H

#include <cmark.h>

#include "chart/chart.h"
#include "report/fill.h"
#include "report/narrative.h"
#include "report/report.h"
#include "form/sections.h"
#include "typeset/typeset.h"

struct rp {
    const struct sb_decl *d;
    struct sb_doc *doc;
    struct sb_fonts *fonts;
    struct sb_findings *fs;
    struct sb_error *err;
    int status;                 /* SB_OK or the first run error */
    char *tpl_path;             /* report.md */
    struct sb_sections *secs;
    struct sb_narrative *narr;
    struct sb_page_style body;  /* numbered "— n —" */
    struct sb_page_style plain; /* cover, pledge, contents: no number */
    int in_body;                /* the numbered part has begun */
    int level;                  /* level of the last template heading */
    char *where;                /* its text, for findings ("1.1 …") */
    char *label;                /* narrative being set, for findings of
                                   the engine, or NULL */
    int n_figures;              /* 图N so far */
    struct sb_chart **charts;   /* drawn when the PDF is written */
    int n_charts;
    const struct sb_volume_list *vols; /* the annex volumes, or NULL */
};

/* Record a mistake of the template at report.md:line (first one wins). */
void sb_rp_template_error(struct rp *r, long line, const char *msg);

/* ---- report_md.c --------------------------------------------------- */

/* Append node's inline children to paragraph p: strong is bold,
 * emphasis 楷体, links to http(s) clickable, line breaks kept, soft
 * breaks joined (a space only between Latin letters or digits), HTML
 * and images dropped. fill: fill {{…}} placeholders (template text);
 * line: where node is, for template errors. */
void sb_rp_inlines(struct rp *r, cmark_node *node, struct sb_para *p,
                   unsigned flags, int fill, long line);

/* Blocks [first, end) as body text: paragraphs (indent 2 字), headings
 * at level slot + their Markdown level - 1 while that is <= 4 (else a
 * bold line), lists ("1." / "（1）" / "●", nested lists 2 字 further
 * in), block quotes in 楷体, code blocks line by line, a PNG image
 * alone in a paragraph as a figure with its caption. fill as above;
 * base: the directory relative image paths start from. */
void sb_rp_blocks(struct rp *r, cmark_node *first, cmark_node *end,
                  int slot, int fill, const char *base);

/* The caption of the next figure, "图N title" (caller frees), and its
 * style: centred, 黑体 14 pt. */
char *sb_rp_caption(struct rp *r, const char *title,
                    struct sb_para_style *st);

/* ---- report_parts.c ------------------------------------------------ */

/* The block of a ```shenbao-KIND ARG fence: kind and arg as written,
 * lines its content; line is the fence's line in report.md. */
void sb_rp_cover(struct rp *r, const char *lines, long line);
void sb_rp_pledge(struct rp *r, const char *lines, long line);
void sb_rp_toc(struct rp *r, const char *lines);
void sb_rp_table(struct rp *r, const char *arg, const char *lines,
                 long line);
void sb_rp_narrative(struct rp *r, const char *key, long line);
void sb_rp_chart(struct rp *r, const char *id, long line);
void sb_rp_annex_list(struct rp *r, const char *lines, long line);

/* A new front-matter page (cover, pledge, contents) on a recto. */
void sb_rp_front(struct rp *r);
/* Start the numbered body (page 1 on a recto) unless it has begun. */
void sb_rp_body(struct rp *r);

#endif
