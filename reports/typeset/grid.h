/* grid.h: the page of a section (GB/T 9704-2012 and landscape presets)
 * and the line grid it gives: lengths of the page in mm, of the grid in
 * pt, y from the paper's top edge. */
#ifndef SB_REPORTS_GRID_H
#define SB_REPORTS_GRID_H

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

#endif
