/* report.h: the 申报书 (附件2 of notice 002) as a PDF in the official
 * format: the edition's report.md template (pipeline/forms/<edition>/
 * report.md, its top comment documents the conventions) filled with the
 * declared figures, the narrative of declaration.md, the statistics
 * charts and the list of evidence materials, typeset by the engine of
 * typeset.h (GB/T 9704-2012 page, 3号仿宋 body, 黑体/楷体/仿宋 headings,
 * a clickable table of contents four levels deep and PDF bookmarks).
 *
 * Problems of the declaration are findings and never stop the report:
 * a required figure missing prints a visible blank "____", a narrative
 * section over its word limit is printed whole (see fill.h and
 * narrative.h for the findings). */
#ifndef SB_REPORTS_REPORT_H
#define SB_REPORTS_REPORT_H

#include "findings/finding.h"
#include "typeset/fonts.h"

/* Opaque here: the report reads the declaration through fill.h only,
 * so its files can include typeset.h (whose struct sb_column and struct
 * sb_row are not form.h's and agg.h's). */
struct sb_decl;
struct sb_form;
struct sb_volume_list;

/* 1 when the form edition of d has a 申报书 template (report.md),
 * else 0. */
int sb_report_has_template(const struct sb_decl *d);

/* The findings the 申报书 raises from declaration.md alone, without
 * typesetting (narrative.h: report.no-narrative, report.section-missing,
 * report.section-empty, report.word-limit, report.encoding ...), added to
 * findings; what sb_report_write would add for the narrative, so that
 * `shenbao check` fails what `shenbao build` fails. Nothing when the
 * edition has no template (sb_report_has_template). Returns SB_OK, or
 * SB_EFORMAT / SB_EIO with err (the edition's sections.csv, an
 * unreadable declaration.md). */
int sb_report_check(const struct sb_decl *d, struct sb_findings *findings,
                    struct sb_error *err);

/* Typeset the 申报书 of checked declaration d (sb_decl_check) and write
 * it to path (through a temporary file renamed into place; the same
 * input gives the same bytes). fonts is borrowed; findings (the report's
 * own, and every character a face lacks) go to findings, normally
 * d->findings. vols (borrowed; NULL or empty: none) are the annex
 * volumes written beside it (volume.h): the materials list then names
 * each list's volume and its pages, and the evidence volume's items go
 * into the contents, as notice 002 附件2 说明4 asks (目录 "包括证明材料
 * 细分目录"). Returns SB_OK; SB_EFORMAT with err naming report.md:line
 * or sections.csv for a mistake of the edition's template; SB_EIO when
 * the template, declaration.md or path cannot be read or written;
 * SB_ERENDER when Cairo fails. */
int sb_report_write(const struct sb_decl *d, const char *path,
                    struct sb_fonts *fonts, struct sb_findings *findings,
                    const struct sb_volume_list *vols, struct sb_error *err);

#endif
