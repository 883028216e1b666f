/* checklist.h: the 核对表 of a checked declaration, the data its readers
 * share (the XLSX sheet, xlsx_checks.c; the HTML report, html.h): every
 * numeric figure of the form (int, decimal, money, percent) beside the
 * value its annex list gives and the status of that comparison.
 *
 * The value computed from the lists comes from the rule results of the
 * check (struct sb_rule_result, model.h): a rule about the figure (its
 * field) that reads an aggregate of an annex. When several do, a failing
 * one is shown before a passing one, then a skipped one; a figure no
 * list gives shows the rule that checks it against other figures. Values are in
 * the figure's own unit (money in 万元 as declared, percentages as
 * fractions, as Excel stores them), with the decimals it was declared
 * with, two more when the computed value is finer, so a difference never
 * hides in the rounding. */
#ifndef SB_PIPELINE_CHECKLIST_H
#define SB_PIPELINE_CHECKLIST_H

#include "check/model.h"

/* The status of one row, in the words of the 核对表. */
enum sb_checklist_status {
    SB_CHECKLIST_AGREES,    /* 一致: the list gives the figure */
    SB_CHECKLIST_WITHIN,    /* 符合: the list is within a bound the figure
                               sets (清单所用协议不多于兼容协议数) */
    SB_CHECKLIST_DIFFERS,   /* 不一致: the rule fails */
    SB_CHECKLIST_UNCHECKED, /* 未核对: a figure or a list is missing */
    SB_CHECKLIST_NO_LIST, /* 无清单核对: no rule checks it against a list */
};

/* Decimals are at most this many. */
#define SB_CHECKLIST_MAX_DECIMALS 8

/* One row of the 核对表. Pointers are borrowed from the declaration. */
struct sb_checklist_row {
    const struct sb_field *field;
    const struct sb_figure *fig;
    const struct sb_rule_result *result; /* the rule shown: against the
                                            lists, else against other
                                            figures; or NULL */
    enum sb_checklist_status status;
    int has_declared; /* fig holds a valid value (else show fig->raw) */
    int has_computed; /* the lists gave a value */
    double declared;  /* in the figure's unit; percentages as fractions */
    double computed;  /* the same unit */
    double diff;      /* computed - declared, when both are there */
    int decimals;     /* places to show the values with (a percentage's
                         counted in percent: 41.65% is 2), 0..MAX */
};

/* Whether field i of d's form is a row of the 核对表 (numeric). */
int sb_checklist_has(const struct sb_decl *d, int i);

/* Fill *row for field i of d (from sb_decl_check, borrowed), which must
 * be a row (sb_checklist_has). */
void sb_checklist_row(const struct sb_decl *d, int i,
                      struct sb_checklist_row *row);

/* The status as the 核对表 writes it ("一致", "符合", "不一致", "未核对",
 * "无清单核对"); static. */
const char *sb_checklist_status_text(enum sb_checklist_status s);

#endif
