/* special_required_if.c: required_if(field, condition): the field must
 * be filled in when the condition over other figures holds (a partner's
 * name when the platform was built with one). The finding, at the
 * field's row of form.csv, says the rule's message. */
#include "rules/special.h"

#include "rules/bind.h"

static int bind(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    if (e->n_args != 2)
        return sb_error_set(err, SB_EFORMAT, NULL, "%s",
                            "required_if(field, condition)");
    if (sb_bind_field(f, e->args[0], err) != SB_OK ||
        sb_bind_cond(f, e->args[1], err) != SB_OK)
        return SB_EFORMAT;
    return SB_OK;
}

static int run(const struct sb_special_run *r)
{
    const struct sb_expr *e = r->rule->expr;
    struct sb_special_hit h = {0};

    if (sb_eval_cond(e->args[1], r->env) != 1 ||
        r->env->figs[e->args[0]->field].state != SB_FIG_MISSING)
        return 1;
    h.at = e->args[0];
    h.found = "（空）";
    h.message = r->rule->message;
    r->hit(r->ctx, &h);
    return 1;
}

static const char *const cases[] = {NULL};

const struct sb_special sb_special_required_if = {"required_if", cases, bind,
                                                  run};
