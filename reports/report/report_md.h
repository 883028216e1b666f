/* report_md.h: Markdown (cmark nodes) as blocks of the typesetting
 * engine, for the template's own text and the declaration's narrative. */
#ifndef SB_REPORTS_REPORT_MD_H
#define SB_REPORTS_REPORT_MD_H

#include <cmark.h>

#include "report/report_run.h"
#include "typeset/typeset.h"

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
 * in, up to 8 levels, deeper ones at the 8th with a report.deep-list
 * warning), block quotes in 楷体, code blocks line by line, a PNG image
 * alone in a paragraph as a figure with its caption. Raw HTML of the
 * narrative is set as its text without the tags; comments are not, nor
 * is the content of <script>/<style> (a report.html-dropped warning).
 * The walk is iterative: any depth of nesting is safe. fill as above;
 * base: the directory relative image paths start from, or NULL for the
 * template. A narrative's image must lie inside the declaration
 * directory (base/inside.h), else it is a report.image-outside error and
 * never opened. */
void sb_rp_blocks(struct rp *r, cmark_node *first, cmark_node *end,
                  int slot, int fill, const char *base);

/* The text's citation of the next figure, a body paragraph "title见图N。"
 * ("见图N。" when title is empty), N the number sb_rp_caption will give
 * it: every figure is cited by a generated number (issue 13 item 15). */
void sb_rp_cite(struct rp *r, const char *title);

/* The caption of the next figure, "图N title" (caller frees), and its
 * style: centred, 黑体 14 pt. */
char *sb_rp_caption(struct rp *r, const char *title,
                    struct sb_para_style *st);

#endif
