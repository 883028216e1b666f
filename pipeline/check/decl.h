/* decl.h: a declaration being checked, and the model the reports read.
 *
 * A declaration directory holds form.csv (declared figures: field code
 * or Chinese label, value), annex/ (the lists, one CSV each) and optionally
 * declaration.md (the narrative) and evidence/. sb_decl_check reads it
 * all once: the figures, then every annex streamed row by row (both
 * cores: one annex per thread, biggest first, and a big annex in two
 * halves on two threads, see sb_annex_open), folding each row into the
 * aggregates the rules need, then evaluates the rules. What survives is small:
 * figures, per-annex facts and aggregate results, findings. */
#ifndef SB_PIPELINE_DECL_H
#define SB_PIPELINE_DECL_H

#include <stdint.h>

#include "rules/agg.h"
#include "rules/eval.h"
#include "rules/figure.h"
#include "read/csvin.h"
#include "findings/finding.h"
#include "form/form.h"

/* What was found of one annex. */
struct sb_annex_result {
    const struct sb_annex *annex;
    char *path;          /* the file used, or NULL if none */
    enum sb_encoding encoding;
    long rows;           /* data rows (records after the header) */
    long long bytes;     /* file size */
    int n_headers;       /* width of the header row */
    char **headers;      /* the header row as written */
    int *col_field;      /* per annex column: field index in the file,
                            or -1 when absent */
    double *col_yuan;    /* per annex column: 元 per unit as read (a
                            "（元）" header overrides the default) */
};

enum sb_rule_status {
    SB_RULE_PASS,
    SB_RULE_FAIL,
    SB_RULE_SKIPPED, /* a figure missing or an annex absent */
};

/* The outcome of one rule, for reports (the XLSX 核对表). */
struct sb_rule_result {
    const struct sb_rule *rule;
    enum sb_rule_status status;
    int field;       /* the declared figure the rule checks (index in
                        form->fields), or -1 (special rules) */
    int computed;    /* the other side is computed from the annexes */
    double lhs, rhs; /* values in canonical units when evaluated */
    char *lhs_text;  /* as shown in findings, with unit; NULL if skipped */
    char *rhs_text;
};

struct sb_decl {
    char *dir;                   /* the declaration directory */
    struct sb_form *form;        /* owned */
    char *form_path;             /* DIR/form.csv */
    struct sb_figure *figs;      /* one per form->fields */
    struct sb_annex_result *annexes; /* one per form->annexes */
    struct sb_agg **aggs;        /* one per form->aggs, results */
    struct sb_val *agg_vals;     /* one per form->aggs: sb_agg_result,
                                    what struct sb_env's aggs reads */
    struct sb_findings *findings;
    struct sb_rule_result *results; /* one per form->rules */
    char *markdown;              /* DIR/declaration.md if present */
};

struct sb_check_opts {
    const char *form;    /* edition code to use when form.csv names none;
                            NULL: "platform-2023" */
    long max_per_kind;   /* findings stored per (code, file); 0: 1000 */
    int threads;         /* threads reading annexes; 0: 2 (1: every
                            file in order, none split) */
    int progress;        /* print progress to stderr */
};

/* Read and check the declaration in dir. Findings go to the returned
 * declaration's list; the return value says only whether the run
 * itself worked: SB_OK and *out (free with sb_decl_free), or SB_EIO /
 * SB_EFORMAT / SB_EUSAGE with err (no form.csv, unknown edition,
 * unreadable annex). */
int sb_decl_check(struct sb_decl **out, const char *dir,
                  const struct sb_check_opts *opts, struct sb_error *err);

void sb_decl_free(struct sb_decl *d);

/* The figure of field code, or NULL if the form has no such field. */
const struct sb_figure *sb_decl_figure(const struct sb_decl *d,
                                       const char *code);

/* The result of annex code, or NULL. */
const struct sb_annex_result *sb_decl_annex(const struct sb_decl *d,
                                            const char *code);

/* path relative to the declaration directory d->dir when it is inside
 * it ("annex/devices.csv"), else path itself; borrowed from path. */
const char *sb_decl_relpath(const struct sb_decl *d, const char *path);

#endif
