/* typeset.h: the typesetting engine. A document is a list of blocks
 * (paragraphs, headings, tables, images, drawings, a table of contents,
 * page breaks and page-style sections) laid out on a line grid and
 * written as a PDF through Cairo.
 *
 * The page follows GB/T 9704-2012 as notice 002 (附件2 说明) asks: A4,
 * 版心 156 × 225 mm, 天头 37 mm, 订口 28 mm (mirrored on even pages for
 * duplex binding), body 3号 (16 pt) 仿宋 on a grid of 22 lines × 28 字,
 * 一级标题 黑体, 二级 楷体, 三级 仿宋 bold, 四级 仿宋, page numbers
 * "— n —" in 4号 宋体 7 mm below the 版心 at the outer edge.
 *
 * sb_doc_write_pdf() makes two passes over the blocks with the same
 * layout code: the first only measures (where each heading lands, how
 * many pages each numbering sequence has), the second draws, so a table
 * of contents and "共 N 页" print the right numbers. Table rows can come
 * from a rewindable source (struct sb_rows) and are then read once per
 * pass and never kept, so memory does not grow with rows.
 *
 * Text is shaped one code point at a time from the role's Pango fontset
 * (the Fandol faces have no ligatures and no kerning) and broken by
 * linebreak.h. A character the role's face lacks is a finding
 * "font.missing-glyph" (a fallback face draws it if one has it, else a
 * box is drawn), never silent tofu.
 *
 * Units: lengths of the page in mm, type in pt (1 pt = 1/72 in); y grows
 * downwards from the paper's top edge, as in Cairo. All strings are
 * UTF-8 and copied unless a comment says otherwise. Not thread-safe.
 *
 * The page and its grid are grid.h's, the types of this interface
 * typeset_types.h's; colmeasure.h measures a table's columns before it
 * is added. */
#ifndef SB_REPORTS_TYPESET_H
#define SB_REPORTS_TYPESET_H

#include <stddef.h>

#include "findings/finding.h"
#include "typeset/fonts.h"
#include "typeset/grid.h"
#include "typeset/typeset_types.h"
#include "base/sb.h"

/* Chinese numeral for 1 <= n <= 9999 ("一", "十二", "一百零五") into
 * buf; Arabic digits outside that range. Returns buf. */
char *sb_cn_numeral(long n, char *buf, size_t size);
/* GB/T 9704 7.3.3 heading number for level 1..4 and counter n >= 1:
 * "一、" "（一）" "1." "（1）". Returns buf. */
char *sb_heading_number(int level, long n, char *buf, size_t size);

struct sb_doc;
struct sb_para;
struct sb_table;

/* A new empty document on fonts (borrowed: must outlive the document)
 * whose first section has page style ps (copied). Free with
 * sb_doc_free. */
struct sb_doc *sb_doc_new(struct sb_fonts *fonts,
                          const struct sb_page_style *ps);
void sb_doc_free(struct sb_doc *doc);

/* PDF Title and Author (either may be NULL). */
void sb_doc_set_info(struct sb_doc *doc, const char *title,
                     const char *author);
/* Where missing-glyph findings go (borrowed; NULL: none), and the
 * source they cite: the rule on the type a form asks for (an edition's
 * font_source role; borrowed; may be NULL). */
void sb_doc_set_findings(struct sb_doc *doc, struct sb_findings *fs,
                         const char *source);
/* Show the pages drawn on the progress line (base/progress.h) as the
 * stage label (borrowed, a string literal such as "申报书排版"); NULL
 * (the default): not shown. */
void sb_doc_set_progress(struct sb_doc *doc, const char *label);
/* Location named in findings for the blocks added from now on, e.g.
 * "附件2 设备清单". A heading sets it to its own text until the next
 * call. NULL goes back to following the headings. */
void sb_doc_set_label(struct sb_doc *doc, const char *label);
/* Source file and 1-based line the blocks added from now on come from
 * (copied), named as file:line by their findings; path NULL: none. */
void sb_doc_set_source(struct sb_doc *doc, const char *path, long line);

/* Body text: 仿宋, body size, justified, indent 2 字. */
void sb_para_style_body(struct sb_para_style *st);

/* Append an empty paragraph (st NULL: body) and return it; add text with
 * sb_para_add_text. The paragraph belongs to doc. */
struct sb_para *sb_doc_add_para(struct sb_doc *doc,
                                const struct sb_para_style *st);
/* A body paragraph holding text. '\n' breaks the line. */
void sb_doc_add_text(struct sb_doc *doc, const char *text);
/* A paragraph of a form's fixed text: text in role at size_pt, aligned
 * align, no first-line indent, lines_after empty lines after it (the
 * labels, titles and lines above a form's table). */
void sb_doc_add_line(struct sb_doc *doc, const char *text,
                     enum sb_font_role role, double size_pt,
                     enum sb_align align, int lines_after);

/* Append text to p; flags: SB_TEXT_* or'ed. */
void sb_para_add_text(struct sb_para *p, const char *text, unsigned flags);
/* Append text that links to uri ("https://…"). */
void sb_para_add_link(struct sb_para *p, const char *text, const char *uri);
/* Append text that links to heading (an id from sb_doc_add_heading). */
void sb_para_add_ref(struct sb_para *p, const char *text, int heading);

/* A heading of level 1..4: 黑体, 楷体, 仿宋 bold, 仿宋 bold (GB/T 9704
 * 7.3.3 sets levels 3 and 4 in 仿宋; bold, as its practice does, makes
 * the 申报书's indicators 1.1–5.3 findable: issue 13 item 12), body size,
 * indent 2 字, kept with the next block. number: NULL to number it
 * automatically (一、（一）1.（1）; a heading resets the counters below
 * it), "" for none, else printed as given (e.g. "附件1 "). The heading
 * goes into the TOC and the PDF outline unless SB_HEADING_NO_TOC; an
 * empty one (number "" and title "", as "##" alone in Markdown) is a
 * destination but no bookmark. Returns the heading's id (>= 0) for sb_para_add_ref. */
int sb_doc_add_heading(struct sb_doc *doc, int level, const char *number,
                       const char *title, unsigned flags);

void sb_doc_add_break(struct sb_doc *doc, enum sb_break kind);
/* Empty grid lines (also at a page top). */
void sb_doc_add_space(struct sb_doc *doc, int lines);
/* Start a new section with page style ps (copied) on a new page or
 * recto. first_number > 0 restarts the page numbers there (a new
 * sequence for "共 N 页"); 0 continues them. */
void sb_doc_add_section(struct sb_doc *doc, const struct sb_page_style *ps,
                        enum sb_break kind, long first_number);

/* A table of contents of the headings of level <= max_level (not
 * SB_HEADING_NO_TOC): indented by level, dot leaders, the printed page
 * number right-aligned, each entry a link to its heading. Add a title
 * paragraph ("目  录") before it yourself. */
void sb_doc_add_toc(struct sb_doc *doc, int max_level, unsigned flags);

/* A PNG image, width_mm wide (0: the 版心 width; never wider), aspect
 * kept, centred across and in the grid lines it takes (from one line's
 * em top to the next text's), on the page of the line that follows it
 * (a caption below stays with it); scaled down to the 版心 height.
 * Returns SB_OK, or SB_EIO when path is not a readable PNG (nothing
 * added). */
int sb_doc_add_png(struct sb_doc *doc, const char *path, double width_mm,
                   struct sb_error *err);

/* A box of w_mm × h_mm (w_mm 0: the 版心 width) drawn by fn(user)
 * (user borrowed until sb_doc_write_pdf returns), placed as a PNG. */
void sb_doc_add_drawing(struct sb_doc *doc, double w_mm, double h_mm,
                        sb_draw_fn fn, void *user);

/* A figure: a drawing as above (w_mm 0: the 版心 width) and its caption
 * (a paragraph in style cap, NULL: centred 黑体 at the body size, no
 * indent; caption copied), kept together, that floats as figures do in
 * books: placed where it stands when it and its caption fit on the
 * page, else at the top of the next page while the text after it fills
 * this one. Figures keep their order; pending ones are placed before a
 * page or section break, any heading (a figure stays in the section it
 * was added to), and the end. */
void sb_doc_add_figure(struct sb_doc *doc, double w_mm, double h_mm,
                       sb_draw_fn fn, void *user,
                       const struct sb_para_style *cap,
                       const char *caption);

void sb_table_style_default(struct sb_table_style *st);

/* A table as wide as the 版心. Columns from the content share what the
 * fixed columns leave, by their one-line widths over all rows (a
 * streamed source is read once more for that; fixed widths avoid it) and
 * the unbreakable pieces of the header and first 256 rows. The header
 * row (黑体 by default) is repeated on every page; a row that does not
 * fit moves to the next page, a row taller than a page is split between
 * lines; the last row is not left alone on a page (the one before it
 * goes along when the two fit one). cols[0..n_cols-1] and st (NULL: default) are copied. Add rows
 * with sb_table_add_row; they are kept in memory. */
struct sb_table *sb_doc_add_table(struct sb_doc *doc,
                                  const struct sb_column *cols, int n_cols,
                                  const struct sb_table_style *st);
/* The source file and 1-based line of the row added last (path
 * copied), named by its findings; a row without one is the table's
 * block's (sb_doc_set_source). */
void sb_table_row_source(struct sb_table *t, const char *path, long line);

/* Append a row of n_cols cells (NULL cell: empty); copied. */
void sb_table_add_row(struct sb_table *t, const char *const *cells);
/* The same with column spans (merged cells): spans[c] >= 1 is how many
 * columns cell c covers, its text set across them (aligned as column
 * c); spans[c] = 0 marks a column covered by a cell to its left (its
 * text is ignored); no vertical rule is drawn inside a merged cell. A
 * span running past the last column is cut there. Spanned cells do not
 * count towards automatic column widths, so give such tables fixed
 * widths. spans may be NULL (no spans); copied. */
void sb_table_add_row_span(struct sb_table *t, const char *const *cells,
                           const unsigned char *spans);

/* A table whose rows come from src (copied; src->user borrowed until
 * sb_doc_write_pdf returns). Nothing of a row is kept after it is
 * placed. */
struct sb_table *sb_doc_add_table_rows(struct sb_doc *doc,
                                       const struct sb_column *cols,
                                       int n_cols,
                                       const struct sb_table_style *st,
                                       const struct sb_rows *src);

/* Lay out and write the document to path through a temporary file in
 * the same directory, renamed into place on success (never a half-
 * written PDF). Deterministic: no creation date, same input, same
 * bytes. Findings go to the list given with sb_doc_set_findings.
 * Returns SB_OK, SB_EIO (cannot write; err names the file), SB_ERENDER
 * (Cairo failed) or the error a row source returned. */
int sb_doc_write_pdf(struct sb_doc *doc, const char *path,
                     struct sb_error *err);

/* Lay out the document without writing it (the measuring pass of
 * sb_doc_write_pdf), to ask sb_doc_page_count how many pages it takes:
 * for a caller that tries a type size or column widths before it
 * commits to them. Findings go to the list given with
 * sb_doc_set_findings (a trial document sets none). Returns SB_OK or
 * the error a row source returned. */
int sb_doc_layout(struct sb_doc *doc, struct sb_error *err);

/* Pages written by the last sb_doc_write_pdf or laid out by the last
 * sb_doc_layout (0 before). */
int sb_doc_page_count(const struct sb_doc *doc);

/* The printed page number of heading (an id from sb_doc_add_heading) in
 * the last sb_doc_write_pdf, for a list of contents kept elsewhere (the
 * 申报书's entries for the evidence volume); 0 before, for an unknown id
 * or on an unnumbered page. */
long sb_doc_heading_page(const struct sb_doc *doc, int heading);

#endif
