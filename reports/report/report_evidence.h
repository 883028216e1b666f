/* report_evidence.h: the evidence in the 申报书 (notice 002 附件2 说明3
 * and 说明4): what each starred indicator rests on, the materials
 * 附件9–13 filed from DIR/evidence, and the findings when a starred
 * figure or a required material has nothing behind it. */
#ifndef SB_REPORTS_REPORT_EVIDENCE_H
#define SB_REPORTS_REPORT_EVIDENCE_H

#include "base/sb.h"
#include "report/report_run.h"

/* Note a template heading (its text as printed): a heading whose text
 * holds "*" is a starred indicator ("1.1 工业设备数量*"); it is kept,
 * without the star and what follows, for the 细分目录. */
void sb_rp_evidence_heading(struct rp *r, const char *text);

/* When 附件number is a material of materials.csv (附件9–13), append to
 * body what the declaration files under it ("证明材料4 营业执照（证明
 * 材料.pdf第6页）。") or "无。" as 说明3 allows, and report a required
 * one with nothing (evidence.material-missing: a warning, an error
 * with --strict); returns 1. Returns 0 for any other number. */
int sb_rp_material(struct rp *r, int number, struct sb_buf *body);

/* The 证明材料细分目录 (说明4): a heading one level below the current
 * one, then a table with a row per starred indicator that has
 * objective figures: 指标, 申报值, 清单核对 (the list and what it
 * gives), 证明材料 (the items evidence/index.csv ties to it) and
 * their pages in the evidence volume. A starred indicator with figures
 * that neither a list nor an item proves is a finding
 * evidence.indicator-missing (warning; error with --strict), at
 * DIR/evidence/index.csv. */
void sb_rp_evidence_matrix(struct rp *r);

/* Free what the run holds for the evidence. */
void sb_rp_evidence_free(struct rp *r);

#endif
