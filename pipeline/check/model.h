/* model.h: what a check of a declaration finds (sb_decl_check, decl.h),
 * which the steps of the check fill in (check.h) and the reports read:
 * the form, the declared figures, per annex what was read, the
 * aggregates and their results, the rules' outcomes, the findings. */
#ifndef SB_PIPELINE_MODEL_H
#define SB_PIPELINE_MODEL_H

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
    int strict;                  /* --strict (decl.h sb_check_opts) */
    int links_out;               /* inputs that link out of dir are read
                                    (--follow-symlinks; base/inside.h) */
    char *markdown;              /* DIR/declaration.md if present and
                                    readable (base/inside.h), else NULL */
};

#endif
