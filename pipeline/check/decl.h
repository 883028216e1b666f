/* decl.h: check a declaration; the model it builds, which the reports
 * read, is in model.h.
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

#include "check/model.h"

/* A check of a higher stage run on a checked declaration d, adding its
 * findings to fs: the 申报书's on declaration.md (report.h
 * sb_report_check), which a lower stage cannot call. Returns SB_OK, or
 * an error with err. */
typedef int (*sb_decl_more_fn)(const struct sb_decl *d,
                               struct sb_findings *fs, struct sb_error *err);

struct sb_check_opts {
    const char *form;    /* edition code to use when form.csv names none;
                            NULL: the default (sb_form_default_edition) */
    long max_per_kind;   /* findings stored per (code, file); 0: 1000 */
    int threads;         /* threads reading annexes; 0: 2 (1: every
                            file in order, none split) */
    int progress;        /* show the reading on the progress line
                            (base/progress.h) */
    int follow_symlinks; /* read inputs that are links to files outside
                            the declaration (base/inside.h); each one
                            read is an info finding */
    sb_decl_more_fn more; /* run last, so that check raises what build
                             raises; NULL: none; its error fails the run */
    int strict;          /* the 申报书's evidence findings (a starred
                            figure without evidence, a required material
                            missing) are errors, not warnings */
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

/* The figure of the field that edition.csv gives role (a key such as
 * "declarant" or "statistics_date", whose value is a field code), when
 * it is filled: holds a valid value of its type (SB_FIG_OK; its raw is
 * then non-empty). NULL when the edition has no such role or field, or
 * the figure is missing, 无 or invalid. Borrowed from d. */
const struct sb_figure *sb_decl_role(const struct sb_decl *d,
                                     const char *role);

/* The text of that figure as written (sb_decl_role), or NULL. Borrowed
 * from d. */
const char *sb_decl_role_text(const struct sb_decl *d, const char *role);

/* How a declared figure stands against the annex lists: by the rule
 * that checks it (field: an index of form->fields) against an aggregate
 * of a list, a failing one before a passing one before a skipped one. */
enum sb_list_status {
    SB_LIST_NONE,      /* no rule checks it against a list */
    SB_LIST_EQUAL,     /* an equality holds (一致) */
    SB_LIST_WITHIN,    /* a bound holds, as "不多于" (符合) */
    SB_LIST_DIFFERS,   /* the rule fails (不一致) */
    SB_LIST_UNCHECKED, /* the rule could not run: a list or a figure it
                          needs is missing (未核对) */
};

/* The status of field against the lists; *value (may be NULL) receives
 * what the lists give, in canonical units (元, percent), when the status
 * is EQUAL, WITHIN or DIFFERS. */
enum sb_list_status sb_decl_list_check(const struct sb_decl *d, int field,
                                       double *value);

/* The result of annex code, or NULL. */
const struct sb_annex_result *sb_decl_annex(const struct sb_decl *d,
                                            const char *code);

/* path relative to the declaration directory d->dir when it is inside
 * it ("annex/devices.csv"), else path itself; borrowed from path. */
const char *sb_decl_relpath(const struct sb_decl *d, const char *path);

#endif
