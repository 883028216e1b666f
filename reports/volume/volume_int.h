/* volume_int.h: what the two sides of the volumes share. volume.c reads
 * the declaration (decl.h, form.h, csvin.h, mask.h); volume_pdf.c and
 * evidence.c typeset (typeset.h). decl.h and typeset.h cannot be
 * included together (both name a struct sb_column and a struct sb_row),
 * so this header includes neither and passes plain data. */
#ifndef SB_REPORTS_VOLUME_INT_H
#define SB_REPORTS_VOLUME_INT_H

#include "findings/finding.h"
#include "form/materials.h"
#include "typeset/fonts.h"
#include "volume/volume.h"

/* A line of a volume's title page: "label：value". */
struct sb_vol_fact {
    const char *label;
    const char *value;
};

enum sb_vol_align { SB_VOL_LEFT, SB_VOL_CENTER, SB_VOL_RIGHT };

/* An annex volume to typeset; everything borrowed for the call. */
struct sb_vol_table {
    int number;          /* 附件 number */
    const char *title;   /* "工业设备清单" */
    const char *note;    /* what the list holds, or NULL */
    const char *company; /* running header and PDF author, or NULL */
    const char *font_source; /* cited by missing-glyph findings, or NULL */
    const struct sb_vol_fact *facts; /* title page, one line each */
    int n_facts;
    const char *remark; /* title page, after the facts, or NULL */
    int n_cols;
    const char *const *col_titles;
    const enum sb_vol_align *col_align;
    const char *source; /* the file, for findings */
    /* the rows, read once per pass: rewind returns SB_OK or an error;
     * next returns 1 with *cells (n_cols, borrowed until the next call),
     * *spans (NULL, or merged cells as for struct sb_row: a group's
     * header, subtotal and total rows) and *row and *line (record
     * number and physical line in the file, 0 for a row of the volume's
     * own), 0 at the end, -1 with err */
    int (*rewind)(void *user, struct sb_error *err);
    int (*next)(void *user, const char *const **cells,
                const unsigned char **spans, long *row, long *line,
                struct sb_error *err);
    /* for measuring the columns: rewind to the rows in file order, so
     * that the rows the widths are chosen on are not all of the first
     * group; NULL: rewind */
    int (*rewind_measure)(void *user, struct sb_error *err);
    /* the row next gave last is drawn (struct sb_rows: once per row,
     * in the drawing pass only); NULL: not told */
    void (*drawn)(void *user);
    void *user;
};

/* Typeset t into path (portrait or landscape by the columns' width).
 * Findings to fs; *pages gets the page count. Returns SB_OK, a row
 * source's error, SB_EIO or SB_ERENDER with err. */
int sb_vol_table_write(const struct sb_vol_table *t, const char *path,
                       struct sb_fonts *fonts, struct sb_findings *fs,
                       int *pages, struct sb_error *err);

/* What the column widths of a volume's table are chosen from: widths
 * in pt with the padding (struct sb_col_measure). */
struct sb_vol_widths_in {
    int n;                /* columns */
    const double *pref;   /* widest cell of the rows, on one line */
    const double *min;    /* widest unbreakable piece */
    const double *head;   /* header on one line */
    const double *sample; /* rows × n one-line cell widths */
    int rows;
    double size; /* type size: one character, pt */
    double pad;  /* left plus right cell padding, pt */
    double W;    /* the table's width, pt */
};

/* Widths w[0..n-1] in pt summing to W (colwidths.c). */
void sb_vol_widths(const struct sb_vol_widths_in *in, double *w);

/* What the evidence volume takes from the declaration and its edition
 * (edition.csv roles); each may be NULL. */
struct sb_vol_evidence_cite {
    const char *company;     /* in the header (role company) */
    const char *missing;     /* source cited when a listed file does not
                                exist (role evidence_source) */
    const char *list;        /* source cited by the other findings on the
                                files and their list (evidence_list_source) */
    const char *fonts;       /* source of missing-glyph findings (role
                                font_source) */
    const char *root;        /* the declaration's directory: no file is
                                read outside it (base/inside.h) */
    int links_out;           /* unless links out are allowed */
    const struct sb_materials *materials; /* the annexes the items are
                                filed under (form/materials.h), or NULL */
};

/* The evidence volume of the files in dir (DIR/evidence) into path,
 * citing what cite gives; see evidence.c. path NULL writes nothing:
 * *info then only plans the items (titles, annexes, indicators; no
 * pages, the files not probed). */
int sb_vol_evidence_write(const char *dir,
                          const struct sb_vol_evidence_cite *cite,
                          struct sb_findings *fs, const char *path,
                          struct sb_fonts *fonts, struct sb_volume_info *info,
                          struct sb_error *err);

#endif
