/* recommend.c: collect declarations of one call by recommending unit
 * (see recommend.h). The quotas are checked by recommend_quota.c, the
 * workbook written by recommend_xlsx.c, the PDF by recommend_pdf.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/decl.h"
#include "read/table.h"
#include "xlsx/recommend_int.h"
#include "base/utf8.h"

struct sb_recommend *sb_recommend_new(void)
{
    return sb_xcalloc(1, sizeof(struct sb_recommend));
}

const char *sb_recommend_title(const struct sb_recommend *r)
{
    return r->title;
}

const char *sb_recommend_name(const struct sb_recommend *r, int i)
{
    return i >= 0 && i < r->n ? r->entries[i].cells[1] : NULL;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? sb_xstrdup(s) : NULL;
}

void sb_recommend_finding(struct sb_findings *fs, const struct sb_pos *pos,
                          const char *column, enum sb_severity sev,
                          const char *code, const char *expected,
                          const char *found, const char *msg,
                          const char *source)
{
    struct sb_finding f = {0};

    f.code = code;
    f.sev = sev;
    f.pos = *pos;
    f.column = column;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(fs, &f);
}

char **sb_recommend_split(const char *s, int *n)
{
    char **v = NULL;
    const char *item;
    size_t len;

    *n = 0;
    while (sb_list_next(&s, &item, &len)) {
        v = sb_xrealloc(v, (size_t)(*n + 1) * sizeof *v);
        v[(*n)++] = sb_xstrndup(item, len);
    }
    return v;
}

void sb_recommend_strv_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

double sb_recommend_text_width(const char *s)
{
    double w = 0;

    for (; s != NULL && *s != '\0'; s++) {
        unsigned char ch = (unsigned char)*s;

        if ((ch & 0xC0) != 0x80)
            w += ch < 0x80 ? 0.5 : 1;
    }
    return w;
}

double sb_recommend_width(const struct sb_recommend *r, int c,
                          int header_lines)
{
    double w = sb_recommend_text_width(r->columns[c]) / header_lines;

    for (int i = 0; i < r->n; i++) {
        double x = sb_recommend_text_width(r->entries[i].cells[c]);

        w = x > w ? x : w;
    }
    return w < 2 ? 2 : w > 16 ? 16 : w;
}

const char *sb_recommend_call(const struct sb_decl *d)
{
    return sb_form_meta(d->form, "summary_title");
}

/* The rows of <edition>/quotas.csv into r->quotas. A missing file is no
 * quota; a row whose max is not a positive number is a run error. */
static int load_quotas(struct sb_recommend *r, const struct sb_form *f,
                       struct sb_error *err)
{
    static const char *const names[] = {"scope", "max", "source", "match",
                                        "label"};
    char *path = sb_xasprintf("%s/quotas.csv", f->dir);
    struct sb_table *t = NULL;
    int c[5], rc = SB_OK;

    if (access(path, F_OK) != 0) {
        free(path);
        return SB_OK;
    }
    rc = sb_table_read_cols(&t, path, names, 5, 3, c, err);
    for (long i = 0; rc == SB_OK && i < t->n_rows; i++) {
        struct sb_quota *q;
        const char *scope = sb_table_get(t, i, c[0]);
        char *end;
        long max = strtol(sb_table_get(t, i, c[1]), &end, 10);

        if (strcmp(scope, "unit") != 0 && strcmp(scope, "class") != 0 &&
            strcmp(scope, "region") != 0) {
            rc = sb_table_bad(t, i, c[0], "unit, class or region", scope,
                              err);
            break;
        }
        if (*end != '\0' || max <= 0 || max > 1000) {
            rc = sb_table_bad(t, i, c[1], "a positive number",
                              sb_table_get(t, i, c[1]), err);
            break;
        }
        r->quotas = sb_xrealloc(r->quotas, (size_t)(r->n_quotas + 1) *
                                               sizeof *r->quotas);
        q = &r->quotas[r->n_quotas++];
        q->scope = sb_xstrdup(scope);
        q->max = (int)max;
        q->source = sb_xstrdup(sb_table_get(t, i, c[2]));
        q->match = sb_recommend_split(sb_table_get(t, i, c[3]), &q->n_match);
        q->label = sb_xstrdup(sb_table_get(t, i, c[4]));
    }
    sb_table_free(t);
    free(path);
    return rc;
}

/* Take the call's summary from the first declaration (each declaration
 * fills the columns by its own edition's summary_fields, which must
 * have as many entries); later ones must
 * be of the same call (summary_title: the three 2020 pilot forms share
 * one 汇总表). */
static int take_edition(struct sb_recommend *r, const struct sb_decl *d,
                        struct sb_error *err)
{
    const struct sb_form *f = d->form;
    const char *code = sb_form_meta(f, "code");
    const char *title = sb_recommend_call(d);
    const struct sb_field *unit;
    char **fields;
    int n_fields;

    if (r->title != NULL) {
        if (title != NULL && strcmp(r->title, title) == 0)
            return SB_OK;
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s: form edition %s belongs to another call "
                            "than the first declaration (%s)",
                            d->dir, code, r->title);
    }
    if (title == NULL)
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s: form edition %s has no 推荐信息汇总表", d->dir,
                            code);
    r->columns = sb_recommend_split(sb_form_meta(f, "summary_columns"),
                                    &r->n_cols);
    fields = sb_recommend_split(sb_form_meta(f, "summary_fields"), &n_fields);
    sb_recommend_strv_free(fields, n_fields);
    r->lines = sb_recommend_split(sb_form_meta(f, "summary_lines"),
                                  &r->n_lines);
    if (r->n_cols < 2 || n_fields != r->n_cols - 1 || r->n_lines < 1)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "%s: form edition %s: summary_columns needs 序号 "
                            "and a header per entry of summary_fields, and "
                            "summary_lines a label, split by |",
                            d->dir, code);
    r->title = sb_xstrdup(title);
    r->item = sb_xstrdup(sb_form_meta(f, "summary_item")
                             ? sb_form_meta(f, "summary_item")
                             : "");
    r->note = dup_or_null(sb_form_meta(f, "summary_note"));
    r->label = dup_or_null(sb_form_meta(f, "summary_label"));
    r->font_source = dup_or_null(sb_form_meta(f, "font_source"));
    r->once_source = dup_or_null(sb_form_meta(f, "one_per_declarant_source"));
    unit = sb_form_meta(f, "recommending_unit")
               ? sb_form_field(f, sb_form_meta(f, "recommending_unit"))
               : NULL;
    r->unit_label = sb_xstrdup(unit != NULL ? unit->label : "推荐单位");
    return load_quotas(r, f, err);
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

/* The figure of one part of a summary_fields entry, a role of
 * edition.csv or a field code, when filled with a valid value of its
 * type; NULL otherwise and for "=text". */
static const struct sb_figure *part_figure(const struct sb_decl *d,
                                           const char *part)
{
    const char *code;
    const struct sb_figure *g;

    if (part[0] == '=')
        return NULL;
    code = sb_form_meta(d->form, part) ? sb_form_meta(d->form, part) : part;
    g = sb_decl_figure(d, code);
    return g != NULL && g->state == SB_FIG_OK ? g : NULL;
}

/* The text of one part of a summary_fields entry: "=text" is that text
 * (what the edition itself is, such as its 申报方向); else the part's
 * figure as written (part_figure). */
static const char *part_text(const struct sb_decl *d, const char *part)
{
    const struct sb_figure *g = part_figure(d, part);

    return part[0] == '=' ? part + 1 : g != NULL ? g->raw : NULL;
}

/* The cell of summary_fields entry spec: its parts ("a+b") joined by
 * "，"; NULL when none is filled in. */
static char *cell_text(const struct sb_decl *d, const char *spec)
{
    struct sb_buf b = {0};
    int n;
    char **parts;

    {
        char *s = sb_xstrdup(spec);

        for (char *p = s; *p != '\0'; p++)
            if (*p == '+')
                *p = '|';
        parts = sb_recommend_split(s, &n);
        free(s);
    }
    for (int i = 0; i < n; i++) {
        const char *t = part_text(d, parts[i]);

        if (t == NULL)
            continue;
        if (b.len > 0)
            sb_buf_puts(&b, "，");
        sb_buf_puts(&b, t);
    }
    sb_recommend_strv_free(parts, n);
    return b.len > 0 ? sb_buf_take(&b) : (sb_buf_free(&b), NULL);
}

/* Where the first part of spec (the name column) is in form.csv. */
static void take_name_pos(struct sb_recommend_entry *e,
                          const struct sb_decl *d, const char *spec)
{
    char *part = sb_xstrndup(spec, strcspn(spec, "+"));
    const struct sb_figure *g = part_figure(d, part);

    if (g != NULL) {
        e->name_pos = g->pos;
        e->name_pos.path = e->form_path;
    }
    free(part);
}

/* The USCC of d (role uscc) in upper case, or NULL. */
static void take_uscc(struct sb_recommend_entry *e, const struct sb_decl *d)
{
    const struct sb_figure *g = sb_decl_role(d, "uscc");

    if (g == NULL)
        return;
    e->uscc = sb_xstrdup(g->raw);
    for (char *p = e->uscc; *p != '\0'; p++)
        *p = (char)toupper((unsigned char)*p);
    e->uscc_pos = g->pos;
    e->uscc_pos.path = e->form_path;
}

int sb_recommend_add(struct sb_recommend *r, const struct sb_decl *d,
                     struct sb_error *err)
{
    const struct sb_figure *unit, *date;
    struct sb_recommend_entry *e;
    struct sb_buf key = {0};
    char **fields;
    int n, rc = take_edition(r, d, err);

    if (rc != SB_OK)
        return rc;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->entries =
            sb_xrealloc(r->entries, (size_t)r->cap * sizeof *r->entries);
    }
    e = &r->entries[r->n++];
    memset(e, 0, sizeof *e);
    e->dir = sb_xstrdup(d->dir);
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
    e->cells = sb_xcalloc((size_t)r->n_cols, sizeof *e->cells);
    fields = sb_recommend_split(sb_form_meta(d->form, "summary_fields"), &n);
    for (int c = 1; c < r->n_cols && c <= n; c++)
        e->cells[c] = cell_text(d, fields[c - 1]);
    take_name_pos(e, d, n > 0 ? fields[0] : "=");
    sb_recommend_strv_free(fields, n);
    e->klass = dup_or_null(sb_decl_role_text(d, "recommending_unit_class"));
    take_uscc(e, d);
    date = sb_decl_role(d, "date");
    if (date != NULL && date->date > r->date)
        r->date = date->date;
    sb_buf_free(&key);
    return SB_OK;
}

void sb_recommend_free(struct sb_recommend *r)
{
    if (r == NULL)
        return;
    for (int i = 0; i < r->n; i++) {
        struct sb_recommend_entry *e = &r->entries[i];

        free(e->dir);
        free(e->form_path);
        sb_recommend_strv_free(e->cells, r->n_cols);
        free(e->klass);
        free(e->uscc);
    }
    for (int i = 0; i < r->n_groups; i++) {
        free(r->groups[i].key);
        free(r->groups[i].unit);
    }
    for (int i = 0; i < r->n_quotas; i++) {
        struct sb_quota *q = &r->quotas[i];

        free(q->scope);
        sb_recommend_strv_free(q->match, q->n_match);
        free(q->label);
        free(q->source);
    }
    free(r->quotas);
    free(r->entries);
    free(r->groups);
    free(r->title);
    free(r->note);
    free(r->label);
    free(r->font_source);
    free(r->unit_label);
    free(r->item);
    free(r->once_source);
    sb_recommend_strv_free(r->columns, r->n_cols);
    sb_recommend_strv_free(r->lines, r->n_lines);
    free(r);
}
