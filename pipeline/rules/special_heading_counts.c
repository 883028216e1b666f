/* special_heading_counts.c: heading_counts(list.heading, list.group …):
 * each group's heading states how many rows it has ("一、…（58种）");
 * the groups are the rows with the same group columns and heading. The
 * rule's message gets {group} (the group columns' values), {heading},
 * {stated} and {counted}. */
#include "rules/special.h"

#include <string.h>

#include "form/typed.h"
#include "rules/bind.h"
#include "rules/message.h"

/* count(list by group …, heading), built as a tree in f's arena. */
static struct sb_expr *count_by(const struct sb_form *f,
                                const struct sb_expr *e)
{
    const struct sb_annex *an = &f->annexes[e->args[0]->annex];
    struct sb_arena *a = f->arena;
    struct sb_expr *c = sb_expr_named(a, SB_EX_CALL, "count");

    sb_expr_push(a, &c->args, &c->n_args,
                 sb_expr_named(a, SB_EX_NAME, an->code));
    for (int i = 1; i <= e->n_args; i++) {
        const struct sb_expr *col = e->args[i % e->n_args];

        sb_expr_push(a, &c->by, &c->n_by,
                     sb_expr_named(a, SB_EX_NAME, an->cols[col->column].code));
    }
    return c;
}

static int bind(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    const struct sb_expr *h;

    if (e->n_args < 1)
        return sb_error_set(err, SB_EFORMAT, NULL, "%s",
                            "heading_counts(annex.heading, annex.group …)");
    for (int i = 0; i < e->n_args; i++) {
        if (sb_bind_column(f, e->args[i], err) != SB_OK)
            return SB_EFORMAT;
        if (e->args[i]->annex != e->args[0]->annex)
            return sb_error_set(err, SB_EFORMAT, NULL, "%s",
                                "heading_counts: columns of one annex");
    }
    h = e->args[0];
    if (f->annexes[h->annex].cols[h->column].type != SB_TYPE_HEADING)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "heading_counts: %s is not a heading column",
                            h->str);
    return sb_bind_hidden(f, e, count_by(f, e), err);
}

static int run(const struct sb_special_run *r)
{
    const struct sb_expr *e = r->rule->expr;
    const struct sb_agg *ag = r->aggs[e->hidden[0]->agg];
    const struct sb_group *g;
    long n;
    int last = e->n_args - 1; /* the heading is the last by-part */

    if (!sb_agg_known(ag))
        return 0;
    g = sb_agg_groups(ag, &n);
    for (long i = 0; i < n; i++) {
        static const char *const keys[] = {"group", "heading", "stated",
                                           "counted"};
        struct sb_buf group = {0}, st = {0}, co = {0}, msg = {0};
        struct sb_special_hit h = {0};
        long stated;

        if (!sb_heading_parse(g[i].parts[last], strlen(g[i].parts[last]),
                              &stated) ||
            stated == g[i].count)
            continue;
        for (int j = 0; j < last; j++)
            sb_buf_printf(&group, "%s%s", j ? " / " : "", g[i].parts[j]);
        sb_buf_printf(&st, "%ld", stated);
        sb_buf_printf(&co, "%lld", g[i].count);
        {
            const char *vals[] = {group.len ? group.data : "", g[i].parts[last],
                                  st.data, co.data};

            sb_message_fill(r->rule->message, keys, vals, 4, &msg);
        }
        /* the finding is about the group with its heading */
        sb_buf_printf(&group, "%s%s", group.len ? " / " : "",
                      g[i].parts[last]);
        h.at = e->args[0];
        h.row = g[i].first_row;
        h.line = g[i].first_line;
        h.key = group.data;
        h.expected = st.data;
        h.found = co.data;
        h.message = msg.data;
        r->hit(r->ctx, &h);
        sb_buf_free(&group);
        sb_buf_free(&st);
        sb_buf_free(&co);
        sb_buf_free(&msg);
    }
    return 1;
}

static const char *const cases[] = {NULL};

const struct sb_special sb_special_heading_counts = {"heading_counts", cases,
                                                     bind, run};
