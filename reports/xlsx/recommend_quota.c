/* recommend_quota.c: the findings of one call's batch (recommend.h):
 * the quotas of the edition's quotas.csv by recommending unit, by the
 * unit's kind and by region, the same declarant twice, and what the
 * summary cannot list well (no unit). */
#include <stdlib.h>
#include <string.h>

#include "xlsx/recommend_int.h"

static int matches(const struct sb_quota *q, const char *s, int prefix)
{
    for (int i = 0; s != NULL && i < q->n_match; i++) {
        size_t n = strlen(q->match[i]);

        if (prefix ? strncmp(s, q->match[i], n) == 0
                   : strcmp(s, q->match[i]) == 0)
            return 1;
    }
    return 0;
}

const struct sb_quota *sb_recommend_unit_quota(const struct sb_recommend *r,
                                               int gi)
{
    const char *klass = NULL;
    const struct sb_quota *unit = NULL;

    for (int i = 0; i < r->n && klass == NULL; i++)
        if (r->entries[i].group == gi)
            klass = r->entries[i].klass;
    for (int i = 0; i < r->n_quotas; i++) {
        const struct sb_quota *q = &r->quotas[i];

        if (strcmp(q->scope, "class") == 0 && matches(q, klass, 0))
            return q;
        if (strcmp(q->scope, "unit") == 0 && unit == NULL)
            unit = q;
    }
    return unit;
}

/* The city of entry e: the GB/T 2260 code of its USCC (characters 3-6,
 * GB 32100-2015 4.2), copied into city[5]; 0 when it has no USCC. */
static int city_of(const struct sb_recommend_entry *e, char city[5])
{
    if (e->uscc == NULL || strlen(e->uscc) != 18)
        return 0;
    memcpy(city, e->uscc + 2, 4);
    city[4] = '\0';
    return 1;
}

/* The region row of e's city, or NULL. */
static const struct sb_quota *region_quota(const struct sb_recommend *r,
                                           const struct sb_recommend_entry *e)
{
    char city[5];

    if (!city_of(e, city))
        return NULL;
    for (int i = 0; i < r->n_quotas; i++) {
        const struct sb_quota *q = &r->quotas[i];

        if (strcmp(q->scope, "region") == 0 && matches(q, city, 1))
            return q;
    }
    return NULL;
}

static struct sb_pos unit_pos(const struct sb_recommend_entry *e)
{
    struct sb_pos p = {0};

    p.path = e->form_path;
    p.row = e->row;
    p.col = e->col;
    p.line = e->line;
    return p;
}

/* Entry e's name in messages: its first column after 序号. */
static void put_name(struct sb_buf *b, const struct sb_recommend *r,
                     const struct sb_recommend_entry *e)
{
    if (b->len > 0)
        sb_buf_puts(b, "、");
    if (e->cells[1] != NULL)
        sb_buf_puts(b, e->cells[1]);
    else
        sb_buf_printf(b, "（未填写%s名称）", r->item);
}

/* Over quota q: the n entries for which in(r, e, arg) holds are more
 * than q->max; the finding is at the first one over it, at its unit
 * (by_unit) or its USCC. who names the group. */
static void over_quota(const struct sb_recommend *r, const struct sb_quota *q,
                       int (*in)(const struct sb_recommend *,
                                 const struct sb_recommend_entry *,
                                 const void *),
                       const void *arg, const char *who, int by_unit,
                       struct sb_findings *fs)
{
    const struct sb_recommend_entry *at = NULL;
    struct sb_buf names = {0}, msg = {0}, exp = {0}, got = {0};
    struct sb_pos pos;
    int k = 0;

    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];

        if (!in(r, e, arg))
            continue;
        if (++k == q->max + 1)
            at = e;
        put_name(&names, r, e);
    }
    if (at == NULL) {
        sb_buf_free(&names);
        return;
    }
    sb_buf_printf(&msg, "%s推荐了%d个%s（%s），超过规定的上限%d个", who, k,
                  r->item, names.data, q->max);
    sb_buf_printf(&exp, "不超过%d个", q->max);
    sb_buf_printf(&got, "%d个", k);
    pos = by_unit ? unit_pos(at) : at->uscc_pos;
    sb_recommend_finding(fs, &pos, by_unit ? r->unit_label : "统一社会信用代码",
                SB_SEV_ERROR, "batch.quota", exp.data, got.data, msg.data,
                q->source);
    sb_buf_free(&names);
    sb_buf_free(&msg);
    sb_buf_free(&exp);
    sb_buf_free(&got);
}

static int in_group(const struct sb_recommend *r,
                    const struct sb_recommend_entry *e, const void *arg)
{
    (void)r;
    return e->group == *(const int *)arg;
}

static int in_city(const struct sb_recommend *r,
                   const struct sb_recommend_entry *e, const void *arg)
{
    char city[5];

    (void)r;
    return city_of(e, city) && strcmp(city, arg) == 0;
}

static void unit_quotas(const struct sb_recommend *r, struct sb_findings *fs)
{
    for (int gi = 0; gi < r->n_groups; gi++) {
        const struct sb_recommend_group *g = &r->groups[gi];
        const struct sb_quota *q = sb_recommend_unit_quota(r, gi);
        char *who;

        if (q == NULL || g->n <= q->max)
            continue;
        who = sb_xasprintf("“%s”", g->unit ? g->unit : "（未填写推荐单位）");
        over_quota(r, q, in_group, &gi, who, 1, fs);
        free(who);
    }
}

/* Each city once, at its first entry. */
static void region_quotas(const struct sb_recommend *r,
                          struct sb_findings *fs)
{
    for (int i = 0; i < r->n; i++) {
        const struct sb_quota *q = region_quota(r, &r->entries[i]);
        char city[5], *who;
        int first = 1;

        if (q == NULL)
            continue;
        city_of(&r->entries[i], city);
        for (int j = 0; j < i && first; j++)
            first = !in_city(r, &r->entries[j], city);
        if (!first)
            continue;
        who = sb_xasprintf("%s（行政区划代码%s）的企业共", q->label, city);
        over_quota(r, q, in_city, city, who, 0, fs);
        free(who);
    }
}

/* The same declarant (by USCC) in two declarations: an error at the
 * later one's code, naming both. */
static void duplicates(const struct sb_recommend *r, struct sb_findings *fs)
{
    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];

        for (int j = 0; e->uscc != NULL && j < i; j++) {
            const struct sb_recommend_entry *o = &r->entries[j];
            char *msg;

            if (o->uscc == NULL || strcmp(o->uscc, e->uscc) != 0)
                continue;
            msg = sb_xasprintf("同一申报主体（统一社会信用代码%s）在%s和%s"
                               "中各申报了一次，每个申报主体只能申报一个%s",
                               e->uscc, o->dir, e->dir, r->item);
            sb_recommend_finding(fs, &e->uscc_pos, "统一社会信用代码", SB_SEV_ERROR,
                        "batch.duplicate-declarant", "只申报一次",
                        o->dir, msg,
                        r->once_source ? r->once_source
                                       : "shenbao：同一批次不重复推荐");
            free(msg);
            break;
        }
    }
}

void sb_recommend_check(const struct sb_recommend *r, struct sb_findings *fs)
{
    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];
        struct sb_pos pos = unit_pos(e);

        if (r->groups[e->group].key == NULL)
            sb_recommend_finding(fs, &pos, r->unit_label, SB_SEV_WARNING,
                        "batch.no-recommender", "推荐单位名称", "（空）",
                        "申报书没有填写推荐单位，汇总表中单列", NULL);
    }
    unit_quotas(r, fs);
    region_quotas(r, fs);
    duplicates(r, fs);
}
