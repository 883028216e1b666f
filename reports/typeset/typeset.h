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
 * UTF-8 and copied unless a comment says otherwise. Not thread-safe. */
#ifndef SB_REPORTS_TYPESET_H
#define SB_REPORTS_TYPESET_H

#include <cairo.h>
#include <stddef.h>

#include "findings/finding.h"
#include "typeset/fonts.h"
#include "base/sb.h"

#define SB_PT_PER_MM (72.0 / 25.4)

/* Page numbers. */
enum sb_page_number {
    SB_PAGE_NUMBER_NONE,     /* no number (cover, blank matter) */
    SB_PAGE_NUMBER_DASH,     /* "— 7 —", outer edge, inset 1 字 */
    SB_PAGE_NUMBER_OF_TOTAL, /* "第 7 页 共 120 页", centred */
};

/* The page of a section. Fill it with a preset and change what differs. */
struct sb_page_style {
    double paper_w_mm, paper_h_mm; /* 210 × 297 */
    double text_w_mm, text_h_mm;   /* 版心 156 × 225 */
    double top_mm;                 /* 天头: paper top to line 1's em top */
    double inner_mm;               /* 订口: binding margin (left, odd) */
    int mirror;                    /* 1: binding margin right on even */
    int lines, chars;              /* grid: 22 lines × 28 字 of body */
    double body_pt;                /* body size, 16 (3号) */
    enum sb_page_number number;
    double number_pt;              /* page-number size, 14 (4号) */
    double number_gap_mm;          /* 版心 bottom to number em top, 7 */
    const char *header;            /* running header, or NULL (copied) */
};

/* GB/T 9704-2012 as above, numbers "— n —". */
void sb_page_style_gbt9704(struct sb_page_style *ps);
/* Landscape A4 for annex volumes: 297 × 210 mm, 版心 257 × 160 mm,
 * margins 20 mm left and right, top 25, not mirrored, numbers
 * "第 n 页 共 N 页" centred 7 mm below the 版心. */
void sb_page_style_landscape(struct sb_page_style *ps);

/* The geometry a page style gives, in pt, y from the paper's top. */
struct sb_grid {
    double paper_w, paper_h;
    double left_odd, left_even; /* x of the 版心's left edge */
    double top;                 /* y of the 版心's top = line 0's em top */
    double bottom;              /* y of the 版心's bottom */
    double text_w;
    double pitch;               /* line pitch: (text_h - body) / (lines-1) */
    double track;               /* pt after each 字 so chars 字 fill text_w */
    double body;                /* body size */
    int lines, chars;
};

void sb_page_grid(const struct sb_page_style *ps, struct sb_grid *g);
/* Baseline y of grid line idx (0-based) for type of size_pt: the em box
 * (ascent 0.88 em) is centred on the body em box of that line. */
double sb_grid_baseline(const struct sb_grid *g, int idx, double size_pt);
/* x of the 版心's left edge on physical page page (1-based). */
double sb_grid_left(const struct sb_grid *g, int page);

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
/* Location named in findings for the blocks added from now on, e.g.
 * "附件2 设备清单". A heading sets it to its own text until the next
 * call. NULL goes back to following the headings. */
void sb_doc_set_label(struct sb_doc *doc, const char *label);

enum sb_align {
    SB_ALIGN_JUSTIFY, /* both edges; a paragraph's last line left */
    SB_ALIGN_LEFT,
    SB_ALIGN_CENTER,
    SB_ALIGN_RIGHT,
};

/* A paragraph's look. Lines always sit on the grid, one per line. */
struct sb_para_style {
    enum sb_font_role role;
    double size_pt;     /* 0: the section's body size */
    int bold;           /* synthetic: the role's face, outlines stroked */
    enum sb_align align;
    double indent;      /* first-line indent in 字 (grid cells) */
    int lines_before;   /* empty grid lines before (not at a page top) */
    int lines_after;    /* empty grid lines after */
    int keep_with_next; /* 1: on the same page as the next block's start */
};

/* Body text: 仿宋, body size, justified, indent 2 字. */
void sb_para_style_body(struct sb_para_style *st);

/* Append an empty paragraph (st NULL: body) and return it; add text with
 * sb_para_add_text. The paragraph belongs to doc. */
struct sb_para *sb_doc_add_para(struct sb_doc *doc,
                                const struct sb_para_style *st);
/* A body paragraph holding text. '\n' breaks the line. */
void sb_doc_add_text(struct sb_doc *doc, const char *text);

#define SB_TEXT_BOLD 0x1
#define SB_TEXT_UNDERLINE 0x2 /* a rule under the text: a form's blank */
#define SB_TEXT_KAI 0x4       /* in the 楷体 face at the paragraph's size
                                 (emphasis; GB/T 9704 has no italics) */

/* Append text to p; flags: SB_TEXT_* or'ed. */
void sb_para_add_text(struct sb_para *p, const char *text, unsigned flags);
/* Append text that links to uri ("https://…"). */
void sb_para_add_link(struct sb_para *p, const char *text, const char *uri);
/* Append text that links to heading (an id from sb_doc_add_heading). */
void sb_para_add_ref(struct sb_para *p, const char *text, int heading);

#define SB_HEADING_NO_TOC 0x1   /* not in the TOC nor the PDF outline */
#define SB_HEADING_CENTER 0x2   /* centred, no indent (附件 titles) */
#define SB_HEADING_NEW_PAGE 0x4 /* starts a page */

/* A heading of level 1..4: 黑体, 楷体, 仿宋 bold, 仿宋, body size,
 * indent 2 字, kept with the next block. number: NULL to number it
 * automatically (一、（一）1.（1）; a heading resets the counters below
 * it), "" for none, else printed as given (e.g. "附件1 "). The heading
 * goes into the TOC and the PDF outline unless SB_HEADING_NO_TOC.
 * Returns the heading's id (>= 0) for sb_para_add_ref. */
int sb_doc_add_heading(struct sb_doc *doc, int level, const char *number,
                       const char *title, unsigned flags);

enum sb_break {
    SB_BREAK_PAGE,  /* next page */
    SB_BREAK_RECTO, /* next odd page; an empty even page in between */
};

void sb_doc_add_break(struct sb_doc *doc, enum sb_break kind);
/* Empty grid lines (also at a page top). */
void sb_doc_add_space(struct sb_doc *doc, int lines);
/* Start a new section with page style ps (copied) on a new page or
 * recto. first_number > 0 restarts the page numbers there (a new
 * sequence for "共 N 页"); 0 continues them. */
void sb_doc_add_section(struct sb_doc *doc, const struct sb_page_style *ps,
                        enum sb_break kind, long first_number);

#define SB_TOC_FOLLOWING 0x1 /* only headings added after the TOC */

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

/* Draws vector content into a box of w × h pt whose top-left corner is
 * the origin of cr; the clip is the box. Must leave cr's state as found
 * (cairo_save/restore). Called once, when the page is drawn. */
typedef void (*sb_draw_fn)(cairo_t *cr, double w, double h, void *user);

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
 * page or section break, a heading that starts a page, and the end. */
void sb_doc_add_figure(struct sb_doc *doc, double w_mm, double h_mm,
                       sb_draw_fn fn, void *user,
                       const struct sb_para_style *cap,
                       const char *caption);

/* A table column. */
struct sb_column {
    const char *title;   /* header text ('\n' breaks it) */
    double width_mm;     /* > 0: fixed; 0: from the content */
    enum sb_align align; /* cells; JUSTIFY means LEFT */
};

struct sb_table_style {
    enum sb_font_role role; /* 宋体 */
    double size_pt;         /* 10.5 (五号) */
    double line_pt;         /* line pitch inside a cell, 0: 1.3 × size */
    double pad_x_pt;        /* cell padding left and right, 3 */
    double pad_y_pt;        /* cell padding top and bottom, 2 */
    double rule_pt;         /* inner rules, 0.5 */
    double frame_pt;        /* outer frame, 1 */
    enum sb_font_role header_role; /* header row: 黑体 */
    int header_bold;        /* 0; synthetic bold strokes every glyph's
                               outline on every page: slow for volumes */
    const char *source;     /* file the rows come from, for findings */
    int no_header;          /* 1: no header row (a form whose first row
                               is its title); column titles unused */
};

void sb_table_style_default(struct sb_table_style *st);

/* Cells are at most this many characters; longer ones are cut with "…"
 * and a finding "typeset.cell-truncated". */
#define SB_TABLE_CELL_MAX 2000

/* A table as wide as the 版心. Columns from the content share what the
 * fixed columns leave, by their one-line widths over all rows (a
 * streamed source is read once more for that; fixed widths avoid it) and
 * the unbreakable pieces of the header and first 256 rows. The header
 * row (黑体 by default) is repeated on every page; a row that does not
 * fit moves to the next page, a row taller than a page is split between
 * lines. cols[0..n_cols-1] and st (NULL: default) are copied. Add rows
 * with sb_table_add_row; they are kept in memory. */
struct sb_table *sb_doc_add_table(struct sb_doc *doc,
                                  const struct sb_column *cols, int n_cols,
                                  const struct sb_table_style *st);
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

/* One row from a source: cells[0..n_cols-1] (NULL: empty), borrowed
 * until the next call; row is the source's row number for findings (0:
 * count from 1). */
struct sb_row {
    const char *const *cells;
    long row;
    const unsigned char *spans; /* n_cols spans as for
                                   sb_table_add_row_span, or NULL */
};

/* Rows for a streamed table, read once in each pass of
 * sb_doc_write_pdf (and once more when a column width is automatic).
 * rewind: go back to the first row; returns SB_OK or an enum sb_status
 * with err filled. next: returns 1 with *row filled, 0 at the end, or
 * -1 with err filled (err->code is what sb_doc_write_pdf returns). */
struct sb_rows {
    int (*rewind)(void *user, struct sb_error *err);
    int (*next)(void *user, struct sb_row *row, struct sb_error *err);
    void *user;
};

/* A table whose rows come from src (copied; src->user borrowed until
 * sb_doc_write_pdf returns). Nothing of a row is kept after it is
 * placed. */
struct sb_table *sb_doc_add_table_rows(struct sb_doc *doc,
                                       const struct sb_column *cols,
                                       int n_cols,
                                       const struct sb_table_style *st,
                                       const struct sb_rows *src);

/* What sb_doc_measure_columns finds; the caller allocates the arrays
 * (n_cols each; sample sample_rows × n_cols, or NULL). Widths in pt,
 * with the cell padding. */
struct sb_col_measure {
    double *pref;    /* widest cell of the rows on one line */
    double *min;     /* widest unbreakable piece over the header and the
                        first 256 rows; at least one character */
    double *head;    /* the header on one line */
    double *sample;  /* one-line width of each cell of the first rows,
                        row after row, or NULL */
    int sample_rows; /* rows sample holds; receives the rows measured */
};

/* The natural widths of a table's columns as the engine measures them
 * for automatic widths, without adding the table (the engine's own
 * preferred width is the larger of m->pref and m->head). For a caller
 * that picks the page or the widths itself (annex volumes: portrait or
 * landscape, widths that keep typical rows short): fixed widths spare
 * the engine its own read of the rows. Reads src once (rewind, then
 * next to the end). cols, st (NULL: default) as for
 * sb_doc_add_table_rows. Returns SB_OK, or the error the source
 * returned (m then covers the rows read). */
int sb_doc_measure_columns(struct sb_doc *doc, const struct sb_column *cols,
                           int n_cols, const struct sb_table_style *st,
                           const struct sb_rows *src,
                           struct sb_col_measure *m, struct sb_error *err);

/* Lay out and write the document to path through a temporary file in
 * the same directory, renamed into place on success (never a half-
 * written PDF). Deterministic: no creation date, same input, same
 * bytes. Findings go to the list given with sb_doc_set_findings.
 * Returns SB_OK, SB_EIO (cannot write; err names the file), SB_ERENDER
 * (Cairo failed) or the error a row source returned. */
int sb_doc_write_pdf(struct sb_doc *doc, const char *path,
                     struct sb_error *err);

/* Pages written by the last sb_doc_write_pdf (0 before). */
int sb_doc_page_count(const struct sb_doc *doc);

/* The printed page number of heading (an id from sb_doc_add_heading) in
 * the last sb_doc_write_pdf, for a list of contents kept elsewhere (the
 * 申报书's entries for the evidence volume); 0 before, for an unknown id
 * or on an unnumbered page. */
long sb_doc_heading_page(const struct sb_doc *doc, int heading);

#endif
