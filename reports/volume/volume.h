/* volume.h: the annex volumes (附件 as printed lists) and the evidence
 * volume (证明材料), PDF files on the typesetting engine.
 *
 * Notice 002 附件2 (5) lists the materials placed after the 申报书:
 * 附件1–8 are lists (devices, models, APPs …), 附件9–13 documents
 * (financial statements, certificates, logs …). 说明 3 allows large
 * lists "in electronic form"; 说明 4 asks the contents to reach the
 * evidence. So each annex list present in the declaration becomes a
 * volume of its own, and the files under DIR/evidence/ one volume with
 * its own clickable contents.
 *
 * An annex volume (sb_volume_write):
 * - page 1: 附件N and the title, what the list holds, the declaring
 *   company, the statistics date, the number of rows the check read,
 *   the source file and its encoding, what was (or was not) masked;
 * - then the list: every row in file order, invalid cells included and
 *   printed as written; the file's columns in file order under their
 *   headers as written, repeated on every page; a ragged row's extra
 *   fields are joined to its last cell with ", ". The row number is the
 *   file's own 序号 when the file has one (the column the form calls
 *   序号), printed as written; otherwise a 序号 column numbering the rows
 *   1, 2, … is put first;
 * - column widths from the content, chosen to keep typical rows short
 *   (colwidths.c: IDs and dates never wrap, short names stay on one
 *   line, long text wraps); portrait A4 (GB/T 9704 版心) when the
 *   columns fit on one line in 156 mm, else landscape, and in 9 pt
 *   (小五) instead of 10.5 pt when even landscape makes them wrap;
 * - every page: running header "附件N 标题 · company", number
 *   "第 n 页 共 N 页" (N = the volume's pages, title page included).
 * Rows are read from the file again (pipeline/csvin.h), three times:
 * to measure the columns, to lay out, to draw; one row is held at a
 * time, so memory does not grow with the rows. sb_volumes_write shows
 * the rows of the files drawn, all printed lists together, on the
 * progress line (base/progress.h: "附件卷册 n/N 行"), and the evidence
 * volume's pages drawn ("证明材料 n/N 页").
 *
 * The evidence volume (sb_evidence_write): see evidence.c for the rules
 * (which files, which order, index.csv). Its first page is the contents
 * (证明材料目录), each entry a link with its page number; each item
 * starts a page under the heading "证明材料N 标题"; PDF pages are placed
 * as vectors, PNG and JPEG images at their resolution (JPEG embedded
 * as is), each scaled down to fit the 版心. A file that cannot be read
 * is a finding "evidence.unreadable" and is left out; the rest is
 * written.
 *
 * Findings (missing glyphs, truncated cells, evidence problems) go to
 * d->findings. Every file is written to a temporary name and renamed,
 * so a failure never leaves a half-written volume nor removes an older
 * good one. */
#ifndef SB_REPORTS_VOLUME_H
#define SB_REPORTS_VOLUME_H

#include "typeset/fonts.h"
#include "base/sb.h"

/* Only pointers: this header is also included beside typeset.h, which
 * cannot be included with decl.h (both name a struct sb_column and a
 * struct sb_row). */
struct sb_decl;

struct sb_volume_opts {
    int mask; /* 1: mask names, phones and e-mails in columns whose
                 form column has a mask (pipeline/mask.h) */
    const char *electronic; /* annex codes split by ',' given in the
                               electronic form of 002 附件2 说明3: the list
                               copied beside the volume as 附件N-标题.csv,
                               the volume a summary (rows per group tied
                               to the declared figures, the file's name,
                               rows and SHA-256); NULL: none */
    int electronic_pages;   /* a list whose printed volume would take
                               more pages is given in electronic form
                               too; 0: no limit */
};

/* An evidence item as placed in the evidence volume. */
struct sb_volume_item {
    char *title; /* "证明材料1 软件著作权登记证书" */
    int page;    /* first page in the volume, 1-based; 0: not written */
    int annex;   /* the 附件 it is filed under (materials.csv), or 0 */
    char *indicators; /* the indicators it proves as evidence/index.csv
                         writes them ("2.1", "1.1、2.3"), or NULL */
};

/* One volume written, for the 申报书's contents and the build's list. */
struct sb_volume_info {
    char *title;      /* "附件1 工业设备清单", "证明材料" */
    char *path;       /* the file written */
    int annex_number; /* 附件 number; 0 for the evidence volume */
    int pages;
    long rows; /* data rows of the list; evidence: items placed */
    struct sb_volume_item *items; /* evidence items, in order */
    int n_items;
};

struct sb_volume_list {
    struct sb_volume_info *v;
    int n;
};

/* Free what the list holds and empty it (the struct itself is the
 * caller's). */
void sb_volume_list_free(struct sb_volume_list *l);

/* Write the volume of annex annex_idx (index in d->form->annexes; the
 * annex must be present: d->annexes[annex_idx].path) to path. fonts is
 * borrowed. Returns SB_OK, SB_EUSAGE (no such annex, or absent), SB_EIO
 * (the list cannot be read again, or path cannot be written) or
 * SB_ERENDER, with err; path is then as it was. */
int sb_volume_write(const struct sb_decl *d, int annex_idx, const char *path,
                    const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                    struct sb_error *err);

/* Write the evidence volume of d (files under d->dir/evidence/) to
 * path. *info (may be NULL) receives what was written; info->pages is 0
 * and nothing is written when there is no evidence to place. Returns
 * SB_OK, or SB_EIO / SB_ERENDER with err. Unreadable or unsupported
 * files are findings, not errors. */
int sb_evidence_write(const struct sb_decl *d, const char *path,
                      const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                      struct sb_volume_info *info, struct sb_error *err);

/* What the evidence volume of d would hold, in its order, without
 * writing or probing anything (no findings): *info gets the items with
 * their annexes and indicators, pages 0; n_items 0 when there is no
 * evidence. Free with sb_volume_info_free. */
void sb_evidence_plan(const struct sb_decl *d, struct sb_volume_info *info);

/* Free what info holds (the struct itself is the caller's). */
void sb_volume_info_free(struct sb_volume_info *info);

/* File name of annex annex_idx's volume: "附件1-工业设备清单.pdf"
 * ('/' in a title becomes '／'). The caller frees it. */
char *sb_volume_file_name(const struct sb_decl *d, int annex_idx);

/* Write into directory dir (created if missing) the volume of every
 * present annex and "证明材料.pdf" when there is evidence; or, when
 * only is not NULL, only the annex with that code, or only the evidence
 * volume for only = "evidence". What was written is appended to *out
 * (may be NULL), in that order. Goes on after a failed volume. Returns
 * SB_OK, or the first run error with err (SB_EUSAGE: no present annex
 * or evidence is called only). */
int sb_volumes_write(const struct sb_decl *d, const char *dir, const char *only,
                     const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                     struct sb_volume_list *out, struct sb_error *err);

#endif
