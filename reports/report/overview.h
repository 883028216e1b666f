/* overview.h: the department's one-page overview of each declaration of
 * a batch, to see at a glance which are ready to recommend: its status
 * (待修改 with errors, 可推荐 otherwise; warnings counted; the first
 * SB_OVERVIEW_ERRORS errors' messages), the word
 * count of each narrative section against its limit (sections.csv, the
 * count narrative.h makes), and the evidence there is (the annex lists
 * of the edition found, the items of its evidence volume).
 *
 * What a page needs is copied when a declaration is added, so that the
 * declaration may be freed; overview_pdf.c typesets it with the report
 * engine (typeset.h): A4, GB/T 9704 版心, one page per declaration in
 * the order added. */
#ifndef SB_REPORTS_OVERVIEW_H
#define SB_REPORTS_OVERVIEW_H

#include "findings/finding.h"
#include "typeset/fonts.h"

/* Only a pointer: typeset.h and decl.h cannot be included together. */
struct sb_decl;

/* Errors whose message a page shows; it counts the others. */
#define SB_OVERVIEW_ERRORS 3

/* One narrative section of a declaration. */
struct sb_overview_section {
    char *heading; /* as sections.csv writes it */
    long words;    /* 字 written (narrative.h); 0 when not written */
    long limit;    /* its limit, 0: none */
    int required;  /* the form asks for it */
    int written;   /* declaration.md has its heading */
};

/* One declaration's page. Strings owned. */
struct sb_overview_page {
    char *dir;      /* the declaration directory */
    char *name;     /* what it declares (the 汇总表's name), or NULL */
    char *edition;  /* the edition's title */
    long errors, warnings; /* its findings, the batch's included */
    char *problems; /* the first errors' messages, or NULL: none */
    struct sb_overview_section *secs;
    int n_secs;
    int lists, lists_found; /* annex lists of the edition, and found */
    long evidence;  /* items the evidence volume would hold
                       (sb_evidence_plan: not index.csv, not links
                       out of the declaration) */
};

struct sb_overview {
    char *title;    /* the call (the 汇总表's title) */
    char *font_source; /* cited by missing-glyph findings, or NULL */
    struct sb_overview_page *pages;
    int n;
};

/* A new overview of the call title (copied; may be NULL). Free with
 * sb_overview_free. */
struct sb_overview *sb_overview_new(const char *title);

/* Add the page of checked declaration d (borrowed for the call), named
 * name (may be NULL), whose findings are fs (d's own and the batch's on
 * it; counted now, so add it when they are all in). Returns SB_OK, or
 * SB_EIO / SB_EFORMAT with err (the edition's sections.csv, an
 * unreadable declaration.md). */
int sb_overview_add(struct sb_overview *o, const struct sb_decl *d,
                    const char *name, struct sb_findings *fs,
                    struct sb_error *err);

/* Write the overview as a PDF to path (temporary file, then rename):
 * one A4 page per declaration. fonts is borrowed; characters no face
 * has are findings in fs (may be NULL). Returns SB_OK, SB_EUSAGE
 * (nothing was added), SB_EIO or SB_ERENDER with err; path is then as it
 * was. Deterministic. */
int sb_overview_write_pdf(const struct sb_overview *o, const char *path,
                          struct sb_fonts *fonts, struct sb_findings *fs,
                          struct sb_error *err);

/* NULL is a no-op. */
void sb_overview_free(struct sb_overview *o);

#endif
