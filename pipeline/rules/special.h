/* special.h: special rules, the checks a comparison cannot say, called
 * by name in rules.csv:
 *   top_n(list.label, list.value, all.label, all.value, N)
 *   required_if(field, condition)
 *   heading_counts(list.heading, list.group …)
 * Each is one file (special_<name>.c) defining a struct sb_special, and
 * special.c holds the one table they are found in by name; expr->special
 * is the index in it. A special rule binds its own arguments and builds
 * the aggregates it needs as trees (expr->hidden, bound with bind.h),
 * then runs on a check's results and reports each thing that does not
 * hold. Its wording is the edition's: the rule's message, and for a rule
 * with several kinds of finding the named messages of its rules.csv
 * "cases" column (sb_rule_case). */
#ifndef SB_PIPELINE_SPECIAL_H
#define SB_PIPELINE_SPECIAL_H

#include "rules/agg.h"
#include "rules/eval.h"

/* One thing a special rule found that does not hold. */
struct sb_special_hit {
    const struct sb_expr *at; /* what it is about: an argument naming a
                                 column (the finding points at the cell
                                 row, line of its annex) or a field (at
                                 the figure) */
    long row, line;           /* record number and physical line */
    const char *key;          /* what it is about, for the finding's
                                 fingerprint (the entry's label, the
                                 group); NULL at a field (its code) */
    const char *expected;     /* may be NULL */
    const char *found;
    const char *message;
};

/* A special rule's run: its inputs and where it reports. */
struct sb_special_run {
    const struct sb_rule *rule;
    const struct sb_env *env;   /* figures and aggregate results */
    struct sb_agg *const *aggs; /* the accumulators (top entries, groups),
                                   one per form->aggs */
    void (*hit)(void *ctx, const struct sb_special_hit *h);
    void *ctx;
};

struct sb_special {
    const char *name;         /* as called in rules.csv */
    const char *const *cases; /* the rules.csv cases it needs,
                                 NULL-terminated */
    /* Bind call e (its arguments unbound) in f: check them, build and
     * bind e->hidden. SB_OK, or SB_EFORMAT with err->msg. */
    int (*bind)(struct sb_form *f, struct sb_expr *e, struct sb_error *err);
    /* Run: report every hit through r->hit. Returns 1, or 0 when what it
     * needs is unknown (an annex absent): the rule was not evaluated. */
    int (*run)(const struct sb_special_run *r);
};

/* The special rule called name, or NULL; its index in the table. */
const struct sb_special *sb_special_find(const char *name, int *index);

/* The special rule at index i (expr->special). */
const struct sb_special *sb_special_at(int i);

/* The special rules, each defined in its own file. */
extern const struct sb_special sb_special_top_n;
extern const struct sb_special sb_special_required_if;
extern const struct sb_special sb_special_heading_counts;

#endif
