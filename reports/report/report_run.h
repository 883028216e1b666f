/* report_run.h: one run of the 申报书: the state the template walk
 * (report.c), the Markdown blocks (report_md.c) and the generated parts
 * (report_parts.c) share, and the one error they all record. */
#ifndef SB_REPORTS_REPORT_RUN_H
#define SB_REPORTS_REPORT_RUN_H

#include "findings/finding.h"
#include "typeset/typeset.h"
#include "volume/volume.h"

struct sb_chart;
struct sb_decl;
struct sb_narrative;
struct sb_sections;
struct sb_volume_list;
struct sb_materials;

struct rp {
    const struct sb_decl *d;
    struct sb_doc *doc;
    struct sb_fonts *fonts;
    struct sb_findings *fs;
    struct sb_error *err;
    int status;                 /* SB_OK or the first run error */
    char *tpl_path;             /* report.md */
    struct sb_sections *secs;
    struct sb_narrative *narr;
    struct sb_page_style body;  /* numbered "— n —" */
    struct sb_page_style plain; /* cover, pledge, contents: no number */
    int in_body;                /* the numbered part has begun */
    int level;                  /* level of the last template heading */
    char *where;                /* its text, for findings ("1.1 …") */
    char *label;                /* narrative being set, for findings of
                                   the engine, or NULL */
    int n_figures;              /* 图N so far */
    struct sb_chart **charts;   /* drawn when the PDF is written */
    int n_charts;
    const struct sb_volume_list *vols; /* the annex volumes, or NULL */
    /* evidence (report_evidence.c) */
    char **starred;             /* the template's starred indicators
                                   ("1.1 工业设备数量"), in its order */
    int n_starred;
    struct sb_materials *materials; /* materials.csv, or NULL */
    const struct sb_volume_info *evidence; /* the evidence items: the volume
                                   written, else r->plan, or NULL */
    struct sb_volume_info plan;
    int evidence_ready;
};

/* Record a mistake of the template at report.md:line (first one wins). */
void sb_rp_template_error(struct rp *r, long line, const char *msg);

#endif
