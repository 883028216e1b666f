/* typeset_types.h: the types of the typesetting engine's interface
 * (typeset.h) that its files share: alignment, paragraph and table
 * styles, flags of text and headings, breaks, drawings, table columns
 * and row sources. Types only. */
#ifndef SB_REPORTS_TYPESET_TYPES_H
#define SB_REPORTS_TYPESET_TYPES_H

#include <cairo.h>

#include "typeset/fonts.h"
#include "base/sb.h"

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

#define SB_TEXT_BOLD 0x1
#define SB_TEXT_UNDERLINE 0x2 /* a rule under the text: a form's blank */
#define SB_TEXT_KAI 0x4       /* in the 楷体 face at the paragraph's size
                                 (emphasis; GB/T 9704 has no italics) */

#define SB_HEADING_NO_TOC 0x1   /* not in the TOC nor the PDF outline */
#define SB_HEADING_CENTER 0x2   /* centred, no indent (附件 titles) */
#define SB_HEADING_NEW_PAGE 0x4 /* starts a page */

enum sb_break {
    SB_BREAK_PAGE,  /* next page */
    SB_BREAK_RECTO, /* next odd page; an empty even page in between */
};

#define SB_TOC_FOLLOWING 0x1 /* only headings added after the TOC */

/* Draws vector content into a box of w × h pt whose top-left corner is
 * the origin of cr; the clip is the box. Must leave cr's state as found
 * (cairo_save/restore). Called once, when the page is drawn. */
typedef void (*sb_draw_fn)(cairo_t *cr, double w, double h, void *user);

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
    int split_rows;         /* 1: a row that does not fit on the page is
                               split there when 2 lines or more go on
                               each side (a form's long text cell); 0:
                               it moves to the next page */
    const char *continued;  /* NULL, or a line set centred above the
                               header row where it is repeated on a
                               later page ("续表", as tables that run
                               over pages are marked); copied */
};

/* Cells are at most this many characters; longer ones are cut with "…"
 * and a finding "typeset.cell-truncated". */
#define SB_TABLE_CELL_MAX 2000

/* One row from a source: cells[0..n_cols-1] (NULL: empty), borrowed
 * until the next call; row is the source's row number for findings (0:
 * count from 1), line the physical line it starts on (0: unknown). */
struct sb_row {
    const char *const *cells;
    long row;
    long line;
    const unsigned char *spans; /* n_cols spans as for
                                   sb_table_add_row_span, or NULL */
};

/* Rows for a streamed table, read once in each pass of
 * sb_doc_write_pdf (and once more when a column width is automatic).
 * rewind: go back to the first row; returns SB_OK or an enum sb_status
 * with err filled. next: returns 1 with *row filled, 0 at the end, or
 * -1 with err filled (err->code is what sb_doc_write_pdf returns).
 * drawn (NULL: not told): the row next gave last is on the page, all
 * its parts; called once per row in the drawing pass only, however many
 * passes read the rows, before next is called again: for a progress
 * line that counts rows written. */
struct sb_rows {
    int (*rewind)(void *user, struct sb_error *err);
    int (*next)(void *user, struct sb_row *row, struct sb_error *err);
    void *user;
    void (*drawn)(void *user);
};

#endif
