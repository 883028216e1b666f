/* open.h: a form edition ready to check: loaded (form/form.h), then
 * bound (rules/bind.h, and the special rules of rules/special.h). */
#ifndef SB_PIPELINE_OPEN_H
#define SB_PIPELINE_OPEN_H

#include "form/form.h"

/* Bind rule r of f: a comparison (sb_bind_compare), or a call of a
 * special rule, which binds its own arguments and needs the messages it
 * names in r's cases. Returns SB_OK, or SB_EFORMAT with err->msg. */
int sb_bind_rule(struct sb_form *f, struct sb_rule *r, struct sb_error *err);

/* Bind everything form f (loaded by sb_form_load) says in its rule
 * language: the column bounds, the rules, the charts' data, in that
 * order, registering their aggregates in f->aggs. Returns SB_OK, or
 * SB_EFORMAT with err naming the file:row:col of the expression, what it
 * is ("rule ID", "bound \"…\"", "chart data \"…\"") and the problem.
 * On failure f is half bound: free it. */
int sb_form_bind(struct sb_form *f, struct sb_error *err);

/* Load edition code (sb_form_load_edition) and bind it: the form a
 * check runs. Returns SB_OK and *out (free with sb_form_free), or the
 * error of either step with *out = NULL. */
int sb_form_open(struct sb_form **out, const char *code, struct sb_error *err);

#endif
