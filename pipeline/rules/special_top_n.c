/* special_top_n.c: top_n(list.label, list.value, all.label, all.value,
 * N): the list is exactly the N entries of the full list with the
 * largest values, and each entry's value is the same in both (a list
 * of the five most subscribed APPs against the list of all APPs). Ties
 * at the N-th place allow either entry. Labels match as keys (sb_norm_key:
 * spaces and full-/half- width ignored).
 *
 * Its findings use the rules.csv cases of the rule:
 *   missing   an entry of the top N that the list lacks (at the full list)
 *   outside   a listed entry not found among the largest of the full list
 *   rank      a listed entry that ranks below N
 *   value     a listed entry whose value differs from the full list's
 *   expected  what the finding expects where an entry is wrong
 * with {label}, {value} (its value in the full list), {rank}, {n},
 * {searched} (how many of the full list's largest were searched) and
 * {row} (its record in the full list). */
#include "rules/special.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/utf8.h"
#include "rules/bind.h"
#include "rules/message.h"

/* top(label, value, k), built as a tree in a from the bound arguments. */
static struct sb_expr *top_of(struct sb_arena *a, const struct sb_expr *label,
                              const struct sb_expr *value, int k)
{
    struct sb_expr *t = sb_expr_named(a, SB_EX_CALL, "top");
    struct sb_expr *n = sb_expr_new(a, SB_EX_NUM, 0);

    n->num = k;
    sb_expr_push(a, &t->args, &t->n_args,
                 sb_expr_named(a, SB_EX_NAME, label->str));
    sb_expr_push(a, &t->args, &t->n_args,
                 sb_expr_named(a, SB_EX_NAME, value->str));
    sb_expr_push(a, &t->args, &t->n_args, n);
    return t;
}

static int bind(struct sb_form *f, struct sb_expr *e, struct sb_error *err)
{
    struct sb_expr **a = e->args;

    if (e->n_args != 5 || a[4]->op != SB_EX_NUM || a[4]->num < 1 ||
        a[4]->num > 100)
        return sb_error_set(err, SB_EFORMAT, NULL, "%s",
                            "top_n(list.label, list.value, all.label, "
                            "all.value, N) with 1 <= N <= 100");
    for (int i = 0; i < 4; i++) {
        if (sb_bind_column(f, a[i], err) != SB_OK)
            return SB_EFORMAT;
    }
    if (a[0]->annex != a[1]->annex || a[2]->annex != a[3]->annex ||
        a[1]->vtype != SB_VT_NUM || a[3]->vtype != SB_VT_NUM)
        return sb_error_set(err, SB_EFORMAT, NULL, "%s",
                            "top_n: label and numeric value of one annex, "
                            "twice");
    /* The whole list (it should have N rows), and the top of the full
     * list with room for ties and for naming what is missing. */
    if (sb_bind_hidden(f, e, top_of(f->arena, a[0], a[1], 1000), err) != SB_OK)
        return SB_EFORMAT;
    return sb_bind_hidden(
        f, e, top_of(f->arena, a[2], a[3], (int)a[4]->num + 32), err);
}

static int same_label(const char *a, const char *b)
{
    struct sb_buf ka = {0}, kb = {0};
    int eq;

    sb_norm_key(a, strlen(a), &ka);
    sb_norm_key(b, strlen(b), &kb);
    eq = strcmp(ka.data, kb.data) == 0;
    sb_buf_free(&ka);
    sb_buf_free(&kb);
    return eq;
}

/* One run's reporting: the run, N, how many of the full list's largest
 * were searched, and scratch for the message and its values. */
struct report {
    const struct sb_special_run *r;
    long n, searched;
    struct sb_buf msg, exp, num[4];
};

/* Report case key (a key of the rule's cases) about entry, at the cell
 * of column at in entry's row. in_all: the same entry in the full list
 * (its value and record fill {value} and {row}), or NULL; rank: its
 * index there. expected: NULL for the "expected" case's message. */
static void hit(struct report *rp, const char *key, const struct sb_expr *at,
                const struct sb_top *entry, const struct sb_top *in_all,
                long rank, const char *expected, const char *found)
{
    static const char *const keys[] = {"label", "value",    "rank",
                                       "n",     "searched", "row"};
    struct sb_special_hit h = {0};
    const char *vals[6];

    for (int i = 0; i < 4; i++)
        sb_buf_clear(&rp->num[i]);
    sb_buf_printf(&rp->num[0], "%.0f", in_all != NULL ? in_all->value : 0);
    sb_buf_printf(&rp->num[1], "%ld", rank + 1);
    sb_buf_printf(&rp->num[2], "%ld", rp->n);
    sb_buf_printf(&rp->num[3], "%ld", rp->searched);
    vals[0] = entry->label;
    for (int i = 0; i < 4; i++)
        vals[i + 1] = rp->num[i].data;
    vals[5] = "";
    {
        char row[32];

        if (in_all != NULL) {
            snprintf(row, sizeof row, "%ld", in_all->row);
            vals[5] = row;
        }
        sb_message_fill(sb_rule_case(rp->r->rule, key), keys, vals, 6,
                        &rp->msg);
        if (expected == NULL) {
            sb_message_fill(sb_rule_case(rp->r->rule, "expected"), keys, vals,
                            6, &rp->exp);
            expected = rp->exp.data;
        }
    }
    h.at = at;
    h.row = entry->row;
    h.line = entry->line;
    h.key = entry->label;
    h.expected = expected;
    h.found = found;
    h.message = rp->msg.data;
    rp->r->hit(rp->r->ctx, &h);
}

static int run(const struct sb_special_run *r)
{
    const struct sb_expr *e = r->rule->expr;
    const struct sb_agg *la = r->aggs[e->hidden[0]->agg];
    const struct sb_agg *aa = r->aggs[e->hidden[1]->agg];
    const struct sb_top *list, *all;
    long n_list, n_all, n = (long)e->args[4]->num;
    long above = 0, tied_listed = 0, slots;
    double threshold;
    struct report rp = {0};
    char bufs[2][SB_NUMFMT_SIZE];

    if (!sb_agg_known(la) || !sb_agg_known(aa))
        return 0;
    list = sb_agg_top(la, &n_list);
    all = sb_agg_top(aa, &n_all);
    rp.r = r;
    rp.n = n;
    rp.searched = n_all;
    threshold = n_all >= n ? all[n - 1].value : -HUGE_VAL;
    /* Entries above the N-th value must all be listed; of those equal to
     * it (a tie at the N-th place), as many as places are left. */
    for (long i = 0; i < n_all && all[i].value > threshold; i++)
        above++;
    slots = n - above;
    for (long i = above; i < n_all && all[i].value == threshold; i++) {
        for (long j = 0; j < n_list; j++)
            tied_listed += same_label(list[j].label, all[i].label);
    }
    for (long i = 0; i < n_all && all[i].value >= threshold; i++) {
        int listed = 0;

        for (long j = 0; j < n_list && !listed; j++)
            listed = same_label(list[j].label, all[i].label);
        if (listed)
            continue;
        if (i >= above) {
            if (tied_listed >= slots)
                continue;
            tied_listed++;
        }
        hit(&rp, "missing", e->args[2], &all[i], &all[i], i, NULL,
            all[i].label);
    }
    for (long j = 0; j < n_list; j++) {
        long rank = -1;

        for (long i = 0; i < n_all && rank < 0; i++) {
            if (same_label(list[j].label, all[i].label))
                rank = i;
        }
        if (rank < 0)
            hit(&rp, "outside", e->args[0], &list[j], NULL, rank, NULL,
                list[j].label);
        else if (all[rank].value < threshold)
            hit(&rp, "rank", e->args[0], &list[j], &all[rank], rank, NULL,
                list[j].label);
        else if (fabs(all[rank].value - list[j].value) > 1e-9)
            hit(&rp, "value", e->args[1], &list[j], &all[rank], rank,
                sb_numfmt_group(all[rank].value, 0, bufs[0], sizeof bufs[0]),
                sb_numfmt_group(list[j].value, 0, bufs[1], sizeof bufs[1]));
    }
    sb_buf_free(&rp.msg);
    sb_buf_free(&rp.exp);
    for (int i = 0; i < 4; i++)
        sb_buf_free(&rp.num[i]);
    return 1;
}

static const char *const cases[] = {"missing", "outside",  "rank",
                                    "value",   "expected", NULL};

const struct sb_special sb_special_top_n = {"top_n", cases, bind, run};
