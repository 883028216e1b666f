/* typeset_model.h: the data structures the files of the typesetting
 * engine share and nothing else sees: the glyph cache, shaped text and
 * its lines, the blocks, the document, and the state of a pass. Types
 * only; each file's functions are in its own header, the files of the
 * engine, bottom to top:
 * grid.c      page-style presets and the line grid
 * glyphs.c    per-code-point glyph cache on Pango fontsets, findings
 * text.c      shaped text, line breaking, natural widths
 * draw.c      glyph batches, drawing lines of glyphs and strings
 * page.c      pages, furniture, grid lines and boxes of a pass
 * outline.c   a heading's page, PDF destination and outline entry
 * para.c      a paragraph laid out on the grid
 * figure.c    images, drawings and floating figures
 * table.c     tables: column widths, rows, header repeat, rules
 * toc.c       table of contents
 * layout.c    one pass over the blocks
 * pdfout.c    the two passes, the Cairo PDF surface, metadata, temp
 *             file and rename
 * typeset.c   building the document (the public sb_doc_add_* calls)
 * colmeasure.c natural column widths for callers (sb_doc_measure_columns) */
#ifndef SB_REPORTS_TYPESET_MODEL_H
#define SB_REPORTS_TYPESET_MODEL_H

#include <cairo.h>
#include <stdint.h>

#include "findings/finding.h"
#include "typeset/fonts.h"
#include "typeset/grid.h"
#include "typeset/linebreak.h"
#include "typeset/typeset_types.h"
#include "base/progress.h"
#include "base/sb.h"

/* ---- the glyph cache (glyphs.c) ---------------------------------- */

/* One Pango font at one size, as drawn. */
struct ts_face {
    PangoFont *font;         /* owned reference */
    cairo_scaled_font_t *sf; /* borrowed from font */
    hb_font_t *hb;           /* borrowed from font */
    double size;             /* pt */
};

enum ts_glyph_state {
    TS_G_UNKNOWN = 0, /* not looked up yet */
    TS_G_OK,          /* in the role's own face */
    TS_G_FALLBACK,    /* drawn by another face of the fontset */
    TS_G_MISSING,     /* no face has it: a box is drawn */
    TS_G_INVISIBLE,   /* control, line feed, zero-width: not drawn */
};

/* Cache entry for one code point in one style. */
struct ts_glyph {
    uint32_t glyph;
    float adv;     /* pt */
    uint8_t face;  /* index into doc->faces */
    uint8_t state; /* enum ts_glyph_state */
};

/* A (role, size) with its fontset and a two-level code point cache. */
struct ts_style {
    enum sb_font_role role;
    double size;
    PangoFontset *fontset;
    int primary;                     /* face of the role's own font */
    struct ts_glyph *page[0x110000 >> 8]; /* 256 entries each, lazily */
};

/* ---- shaped text (text.c) ----------------------------------------- */

/* One code point as laid out. */
struct ts_item {
    uint32_t glyph;
    uint32_t off;   /* byte offset in the text */
    uint8_t len;    /* UTF-8 bytes */
    uint8_t face;   /* doc->faces index */
    uint8_t state;  /* enum ts_glyph_state */
    uint8_t bold;
    uint8_t underline; /* SB_TEXT_UNDERLINE */
    int32_t link;   /* run index holding a link, or -1 */
};

/* A shaped text: items, their break data and code points. */
struct ts_text {
    const char *s;           /* borrowed: the text */
    int n, cap;
    int has_bk;              /* holds a line feed */
    int analysed;            /* lb[].brk and flags are set */
    struct ts_item *items;
    struct sb_lb_item *lb;
    int32_t *cps;
};

/* One line of a shaped text. */
struct ts_line {
    int start, end; /* visible items [start, end) */
    int forced;     /* ends the paragraph or at '\n': not justified */
    double width;   /* natural width with tracking, pt */
};

struct ts_lines {
    int n, cap;
    struct ts_line *v;
};

/* ---- blocks ------------------------------------------------------- */

enum ts_kind {
    TS_PARA,
    TS_HEADING,
    TS_TABLE,
    TS_IMAGE,
    TS_TOC,
    TS_BREAK,
    TS_SECTION,
    TS_SPACE,
};

/* The common head of every block. */
struct ts_block {
    enum ts_kind kind;
    const char *label; /* location for findings; owned by doc->strs */
    struct sb_pos pos; /* source file and line for findings (path in
                          doc->strs), or all 0 */
};

struct ts_run {
    size_t start, end; /* bytes of the paragraph text */
    int bold;
    int underline;
    int kai;           /* in the 楷体 face */
    char *uri;         /* owned, or NULL */
    int ref;           /* heading id, or -1 */
};

struct sb_para {
    struct ts_block b;
    struct sb_para_style st;
    struct sb_buf text;
    struct ts_run *runs;
    int n_runs;
};

struct ts_heading {
    struct sb_para p; /* number + title, in the level's style */
    int level;
    int id;           /* index in doc->headings */
    unsigned flags;   /* SB_HEADING_* */
    int page;         /* physical page, from the measuring pass */
    long number;      /* printed page number there, 0: none */
};

struct ts_toc {
    struct ts_block b;
    int max_level;
    int first;        /* first heading id listed */
};

struct ts_image {
    struct ts_block b;
    cairo_surface_t *png; /* owned, or NULL for a drawing */
    sb_draw_fn fn;
    void *user;
    double w, h;          /* pt, w 0: the 版心 width; for a PNG h is
                             height / width until placed */
    struct sb_para *caption; /* a floating figure's caption (owned, not
                                a block of the list), or NULL */
};

struct ts_break {
    struct ts_block b;
    enum sb_break kind;
    int lines; /* TS_SPACE */
};

struct ts_section {
    struct ts_block b;
    struct sb_page_style ps; /* header owned by doc->strs */
    enum sb_break kind;
    long first_number;
};

struct sb_table {
    struct ts_block b;
    struct sb_column *cols; /* titles owned by doc->strs */
    int n_cols;
    struct sb_table_style st; /* source owned by doc->strs */
    struct sb_rows src;     /* streamed, or rows below */
    int streamed;
    char **cells;           /* retained: n_rows × n_cols, owned */
    unsigned char *spans;   /* n_rows × n_cols, or NULL: no spans */
    struct sb_pos *row_pos; /* per row its source (path owned), or NULL:
                               none has one */
    long n_rows, cap_rows;
    double *width;          /* column widths, pt, from the first pass */
    double width_for;       /* the 版心 width they were made for */
    long widow_break;       /* row (from 1) that goes to the next page so
                               that the last is not alone there, found
                               by an earlier pass; 0: none */
};

/* ---- the document ------------------------------------------------- */

struct sb_doc {
    struct sb_fonts *fonts;
    PangoContext *ctx;
    struct sb_page_style ps;  /* first section; header in strs */
    char *title, *author;
    struct sb_findings *findings;
    const char *font_source; /* cited by missing-glyph findings */
    const char *progress;    /* stage label of the pages drawn, or NULL */

    struct ts_block **blocks;
    int n_blocks, cap_blocks;
    struct ts_heading **headings;
    int n_headings, cap_headings;
    long counter[5];          /* heading numbers per level */
    const char *label;        /* explicit label, or NULL */
    const char *heading_label; /* text of the last heading */
    struct sb_pos pos;        /* source position of new blocks, or 0 */

    char **strs;              /* strings owned by the document */
    int n_strs, cap_strs;

    struct ts_face faces[255];
    int n_faces;
    struct ts_style **styles;
    int n_styles;

    /* findings */
    int report;               /* 1 while measuring: report missing glyphs */
    const char *cur_label;    /* label of the block being laid out */
    struct sb_pos cur_pos;    /* source position (table rows) */
    uint32_t *seen;           /* bitmap of code points reported */
    const char *seen_label;   /* the label seen belongs to */
    struct sb_usual *usual;   /* usual.h, read on the first finding */
    int n_usual, usual_read;

    /* results of the measuring pass */
    int pages;
    long *seq_pages;          /* pages per numbering sequence */
    int n_seq;

    /* scratch, reused */
    struct ts_text text;
    struct ts_lines lines;
    double *xs;
    int cap_xs;
};

/* ---- a pass (layout.c) ------------------------------------------- */

/* Glyphs waiting to be shown with one face. */
struct ts_batch {
    int face, bold;
    cairo_glyph_t *g;
    cairo_text_cluster_t *cl;
    int n, cap;
    struct sb_buf utf8;
};

struct ts_pass {
    struct sb_doc *doc;
    int draw;                /* 0: measuring pass */
    cairo_t *cr;             /* drawing pass only */
    cairo_surface_t *surface;
    int status;              /* SB_OK or the first error */
    struct sb_error *err;

    const struct sb_page_style *ps; /* current section's style */
    struct sb_grid g;
    int page;                /* physical page (1-based), 0 before any */
    int open;                /* a page is open */
    double y;                /* next free y on the page, pt */
    double left;             /* x of the 版心 on this page */
    long number;             /* printed number of this page */
    int seq;                 /* numbering sequence of this page */
    long restart;            /* > 0: the next page starts a sequence */
    int at_top;              /* nothing placed on the page yet */
    double set_w, set_h;     /* size last given to the surface */

    struct ts_batch batch;
    struct ts_text aux;      /* page furniture, TOC page numbers */
    int outline[5];          /* last outline id per level */
    const struct ts_image *floats[16]; /* figures waiting for a page */
    int n_floats;
    int placing;             /* placing floats: no recursion */
    /* run on each page opened (layout.c: place the floating figures) */
    void (*opened)(struct ts_pass *p);
    struct sb_progress *bar; /* pages drawn (base/progress.h), or NULL */
};

#endif
