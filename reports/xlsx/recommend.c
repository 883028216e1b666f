/* recommend.c: collect declarations by recommending unit and check the
 * quota of notice 002 二、(二) (see recommend.h). The workbook is written
 * by recommend_xlsx.c. */
#include <stdlib.h>
#include <string.h>

#include "check/decl.h"
#include "xlsx/recommend_int.h"
#include "base/utf8.h"

struct sb_recommend *sb_recommend_new(void)
{
    return sb_xcalloc(1, sizeof(struct sb_recommend));
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? sb_xstrdup(s) : NULL;
}


/* Split "a|b|c" into exactly n owned strings out[0..n-1]. Returns 1, or
 * 0 (nothing kept) when s is NULL or has another number of parts. */
static int split_n(const char *s, char **out, int n)
{
    int k = 0;

    while (s != NULL && k < n) {
        const char *bar = strchr(s, '|');

        out[k++] = bar ? sb_xstrndup(s, (size_t)(bar - s)) : sb_xstrdup(s);
        s = bar ? bar + 1 : NULL;
    }
    if (k == n && s == NULL)
        return 1;
    while (k > 0)
        free(out[--k]);
    memset(out, 0, (size_t)n * sizeof *out);
    return 0;
}

/* Take the edition's summary from the first declaration; later ones
 * must be of the same edition. */
static int take_edition(struct sb_recommend *r, const struct sb_decl *d,
                        struct sb_error *err)
{
    const struct sb_form *f = d->form;
    const char *code = sb_form_meta(f, "code");
    const char *title = sb_form_meta(f, "summary_title");
    const char *quota = sb_form_meta(f, "recommend_max");
    const struct sb_field *unit;

    if (r->edition != NULL) {
        if (strcmp(r->edition, code) == 0)
            return SB_OK;
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s: form edition %s, not %s like the first "
                            "declaration",
                            d->dir, code, r->edition);
    }
    if (title == NULL)
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s: form edition %s has no 推荐信息汇总表", d->dir,
                            code);
    if (!split_n(sb_form_meta(f, "summary_columns"), r->columns,
                 SB_RECOMMEND_COLS) ||
        !split_n(sb_form_meta(f, "summary_lines"), r->lines,
                 SB_RECOMMEND_LINES))
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "%s: form edition %s: summary_columns needs %d "
                            "headers and summary_lines %d labels, split by |",
                            d->dir, code, SB_RECOMMEND_COLS,
                            SB_RECOMMEND_LINES);
    r->edition = sb_xstrdup(code);
    r->title = sb_xstrdup(title);
    r->item = sb_xstrdup(sb_form_meta(f, "summary_item")
                             ? sb_form_meta(f, "summary_item")
                             : "");
    r->note = dup_or_null(sb_form_meta(f, "summary_note"));
    r->source = dup_or_null(sb_form_meta(f, "recommend_source"));
    r->label = dup_or_null(sb_form_meta(f, "summary_label"));
    r->font_source = dup_or_null(sb_form_meta(f, "font_source"));
    r->quota = quota != NULL ? atoi(quota) : 0;
    unit = sb_form_meta(f, "recommending_unit")
               ? sb_form_field(f, sb_form_meta(f, "recommending_unit"))
               : NULL;
    r->unit_label = sb_xstrdup(unit != NULL ? unit->label : "推荐单位");
    return SB_OK;
}

/* The group of unit key (NULL: no unit), added when new. */
static int group_of(struct sb_recommend *r, const char *key, const char *unit)
{
    struct sb_recommend_group *g;

    for (int i = 0; i < r->n_groups; i++) {
        const char *k = r->groups[i].key;

        if (k == NULL ? key == NULL : key != NULL && strcmp(k, key) == 0)
            return i;
    }
    if (r->n_groups == r->cap_groups) {
        r->cap_groups = r->cap_groups ? 2 * r->cap_groups : 4;
        r->groups =
            sb_xrealloc(r->groups, (size_t)r->cap_groups * sizeof *r->groups);
    }
    g = &r->groups[r->n_groups];
    g->key = dup_or_null(key);
    g->unit = dup_or_null(unit);
    g->n = 0;
    return r->n_groups++;
}

int sb_recommend_add(struct sb_recommend *r, const struct sb_decl *d,
                     struct sb_error *err)
{
    const struct sb_figure *unit, *date;
    struct sb_recommend_entry *e;
    struct sb_buf key = {0};
    int rc = take_edition(r, d, err);

    if (rc != SB_OK)
        return rc;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->entries =
            sb_xrealloc(r->entries, (size_t)r->cap * sizeof *r->entries);
    }
    e = &r->entries[r->n++];
    memset(e, 0, sizeof *e);
    e->form_path = sb_xstrdup(d->form_path);
    unit = sb_decl_role(d, "recommending_unit");
    if (unit != NULL) {
        e->row = unit->pos.row;
        e->line = unit->pos.line;
        e->col = unit->pos.col;
        sb_norm_key(unit->raw, strlen(unit->raw), &key);
    }
    e->group = group_of(r, unit ? key.data : NULL, unit ? unit->raw : NULL);
    r->groups[e->group].n++;
    e->platform = dup_or_null(sb_decl_role_text(d, "platform"));
    e->company = dup_or_null(sb_decl_role_text(d, "company"));
    e->contact = dup_or_null(sb_decl_role_text(d, "contact"));
    e->mobile = dup_or_null(sb_decl_role_text(d, "contact_mobile"));
    e->errors = sb_findings_count(d->findings, SB_SEV_ERROR);
    date = sb_decl_role(d, "date");
    if (date != NULL && date->date > r->date)
        r->date = date->date;
    sb_buf_free(&key);
    return SB_OK;
}

static void add_finding(struct sb_findings *fs, const struct sb_recommend *r,
                        const struct sb_recommend_entry *e,
                        enum sb_severity sev, const char *code,
                        const char *expected, const char *found,
                        const char *msg, const char *source)
{
    struct sb_finding f = {0};

    f.code = code;
    f.sev = sev;
    f.pos.path = e->form_path;
    f.pos.row = e->row;
    f.pos.col = e->col;
    f.pos.line = e->line;
    f.column = r->unit_label;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(fs, &f);
}

/* The unit of group gi recommends more platforms than the quota. */
static void over_quota(const struct sb_recommend *r, int gi,
                       struct sb_findings *fs)
{
    const struct sb_recommend_group *g = &r->groups[gi];
    const struct sb_recommend_entry *at = NULL;
    struct sb_buf names = {0}, msg = {0}, exp = {0}, got = {0};
    int k = 0;

    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];

        if (e->group != gi)
            continue;
        if (++k == r->quota + 1)
            at = e;
        if (names.len > 0)
            sb_buf_puts(&names, "、");
        if (e->platform != NULL)
            sb_buf_puts(&names, e->platform);
        else
            sb_buf_printf(&names, "（未填写%s名称）", r->item);
    }
    sb_buf_printf(&msg, "“%s”推荐了%d个%s（%s），超过规定的上限%d个",
                  g->unit ? g->unit : "（未填写推荐单位）", g->n, r->item,
                  names.data, r->quota);
    sb_buf_printf(&exp, "不超过%d个", r->quota);
    sb_buf_printf(&got, "%d个", g->n);
    add_finding(fs, r, at, SB_SEV_ERROR, "recommend.quota", exp.data, got.data,
                msg.data, r->source);
    sb_buf_free(&names);
    sb_buf_free(&msg);
    sb_buf_free(&exp);
    sb_buf_free(&got);
}

void sb_recommend_check(const struct sb_recommend *r, struct sb_findings *fs)
{
    for (int i = 0; i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];
        struct sb_buf msg = {0}, got = {0};

        if (r->groups[e->group].key == NULL)
            add_finding(fs, r, e, SB_SEV_WARNING, "recommend.no-recommender",
                        "推荐单位名称", "（空）",
                        "申报书没有填写推荐单位，汇总表中单列", NULL);
        if (e->errors == 0)
            continue;
        sb_buf_printf(&msg,
                      "申报书核对发现%ld个错误，推荐前请先修正"
                      "（运行 shenbao check 查看）",
                      e->errors);
        sb_buf_printf(&got, "%ld个错误", e->errors);
        add_finding(fs, r, e, SB_SEV_WARNING, "recommend.declaration-errors",
                    "0个错误", got.data, msg.data, NULL);
        sb_buf_free(&msg);
        sb_buf_free(&got);
    }
    for (int gi = 0; gi < r->n_groups && r->quota > 0; gi++) {
        if (r->groups[gi].n > r->quota)
            over_quota(r, gi, fs);
    }
}

void sb_recommend_free(struct sb_recommend *r)
{
    if (r == NULL)
        return;
    for (int i = 0; i < r->n; i++) {
        struct sb_recommend_entry *e = &r->entries[i];

        free(e->form_path);
        free(e->platform);
        free(e->company);
        free(e->contact);
        free(e->mobile);
    }
    for (int i = 0; i < r->n_groups; i++) {
        free(r->groups[i].key);
        free(r->groups[i].unit);
    }
    free(r->entries);
    free(r->groups);
    free(r->edition);
    free(r->title);
    free(r->note);
    free(r->source);
    free(r->label);
    free(r->font_source);
    free(r->unit_label);
    free(r->item);
    for (int c = 0; c < SB_RECOMMEND_COLS; c++)
        free(r->columns[c]);
    for (int l = 0; l < SB_RECOMMEND_LINES; l++)
        free(r->lines[l]);
    free(r);
}
