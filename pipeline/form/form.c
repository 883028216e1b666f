/* form.c: load a form edition from its directory (see form.h). */
#include "form/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/suggest.h"
#include "cells/cell.h"
#include "cells/money_unit.h"
#include "form/expr.h"
#include "read/table.h"
#include "base/utf8.h"

static const char *const type_names[] = {
    "text",  "int",       "decimal", "money", "percent",
    "date",  "bool",      "enum",    "enum_list", "id",
    "uscc",  "orgcode",   "phone",   "email", "heading",
    "mobile",
};

const char *sb_type_name(enum sb_type t)
{
    return type_names[t];
}

static int type_from_name(const char *s, enum sb_type *t)
{
    for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++) {
        if (strcmp(s, type_names[i]) == 0) {
            *t = (enum sb_type)i;
            return 1;
        }
    }
    return 0;
}

static char *norm_dup(const char *s)
{
    struct sb_buf b = {0};

    sb_norm_key(s, strlen(s), &b);
    return sb_buf_take(&b);
}

/* Split "a|b|c" into matching keys, appended to *keys, in a. */
static void add_keys(struct sb_arena *a, char ***keys, int *n,
                     const char *list)
{
    const char *p = list, *item;
    size_t len;

    while (sb_list_next(&p, &item, &len)) {
        struct sb_buf b = {0};

        sb_norm_key(item, len, &b);
        if (b.len > 0) {
            char *key = sb_arena_strndup(a, b.data, b.len);

            sb_arena_push(a, keys, n, &key, sizeof key);
        }
        sb_buf_free(&b);
    }
}

int sb_enum_find(const struct sb_enum *e, const char *key)
{
    for (int i = 0; i < e->n; i++) {
        for (int k = 0; k < e->values[i].n_keys; k++) {
            if (strcmp(e->values[i].keys[k], key) == 0)
                return i;
        }
    }
    return -1;
}

/* Context for messages about one table. */
struct loader {
    struct sb_form *f;
    struct sb_table *t;
    const char *file; /* t's name in the edition directory */
    struct sb_error *err;
};

static int bad(struct loader *ld, long row, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int bad(struct loader *ld, long row, int col, const char *fmt, ...)
{
    struct sb_pos pos = {0};
    char msg[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pos.path = ld->t->path;
    pos.row = ld->t->rows[row];
    pos.col = col + 1;
    pos.line = ld->t->lines[row];
    return sb_error_set(ld->err, SB_EFORMAT, &pos, "%s", msg);
}

static int need_cols(struct loader *ld, const char *const *names,
                     int *idx, int n)
{
    for (int i = 0; i < n; i++) {
        idx[i] = sb_table_col(ld->t, names[i]);
        if (idx[i] < 0) {
            struct sb_pos pos = {ld->t->path, 1, 0, 1};

            return sb_error_set(ld->err, SB_EFORMAT, &pos,
                                "missing column \"%s\"", names[i]);
        }
    }
    return SB_OK;
}

static int flag(struct loader *ld, long row, int col, int *out)
{
    const char *s = sb_table_get(ld->t, row, col);

    if (strcmp(s, "1") == 0 || strcmp(s, "0") == 0 || s[0] == '\0') {
        *out = s[0] == '1';
        return SB_OK;
    }
    return bad(ld, row, col, "expected 0 or 1, found \"%s\"", s);
}

/* Where cell (row, col) of the open table is, for binding later. */
static struct sb_src src_at(const struct loader *ld, long row, int col)
{
    struct sb_src s = {ld->file,
                       sb_arena_strdup(ld->f->arena,
                                       sb_table_get(ld->t, row, col)),
                       ld->t->rows[row], col + 1, ld->t->lines[row]};

    return s;
}

/* The parse error e2 of expression cell (row, col), as "what: …". */
static int bad_expr(struct loader *ld, long row, int col, const char *what,
                    const struct sb_error *e2)
{
    return bad(ld, row, col, "%s: %s", what, e2->msg);
}

static int open_table(struct loader *ld, const char *name)
{
    char *path = sb_xasprintf("%s/%s", ld->f->dir, name);
    int rc = sb_table_read(&ld->t, path, NULL, ld->err);

    ld->file = name;
    free(path);
    return rc;
}

static int load_meta(struct loader *ld)
{
    static const char *const names[] = {"key", "value"};
    int c[2] = {0}, rc;

    rc = open_table(ld, "edition.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 2);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_form *f = ld->f;

        for (int i = 0; i < 2; i++) {
            char *s = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[i]));

            sb_arena_push(f->arena, &f->meta, &f->n_meta, &s, sizeof s);
        }
    }
    return rc;
}

static int load_enums(struct loader *ld)
{
    static const char *const names[] = {"enum", "value", "aliases",
                                        "parent", "note"};
    int c[5] = {0}, rc;
    struct sb_form *f = ld->f;

    rc = open_table(ld, "enums.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 5);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        const char *name = sb_table_get(ld->t, r, c[0]);
        const char *value = sb_table_get(ld->t, r, c[1]);
        struct sb_enum *e = sb_form_enum(f, name);
        struct sb_enum_value *v;
        char *key;

        if (name[0] == '\0' || value[0] == '\0')
            return bad(ld, r, name[0] ? c[1] : c[0], "%s",
                       "enum and value must not be empty");
        if (e == NULL) {
            struct sb_enum blank = {0};

            sb_arena_push(f->arena, &f->enums, &f->n_enums, &blank,
                          sizeof blank);
            e = &f->enums[f->n_enums - 1];
            e->name = sb_arena_strdup(f->arena, name);
        }
        key = norm_dup(value);
        if (sb_enum_find(e, key) >= 0) {
            free(key);
            return bad(ld, r, c[1], "value \"%s\" appears twice", value);
        }
        free(key);
        {
            struct sb_enum_value blank = {0};

            sb_arena_push(f->arena, &e->values, &e->n, &blank, sizeof blank);
        }
        v = &e->values[e->n - 1];
        v->text = sb_arena_strdup(f->arena, value);
        add_keys(f->arena, &v->keys, &v->n_keys, value);
        add_keys(f->arena, &v->keys, &v->n_keys, sb_table_get(ld->t, r, c[2]));
        v->parent = sb_table_get(ld->t, r, c[3])[0]
                        ? sb_arena_strdup(f->arena,
                                          sb_table_get(ld->t, r, c[3]))
                        : NULL;
        v->note = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[4]));
    }
    return rc;
}

/* "enum:industry" → type enum (or enum_list) with that enumeration. */
static int parse_type(struct loader *ld, long r, int col, enum sb_type *t,
                      struct sb_enum **en, int enum_elsewhere)
{
    const char *s = sb_table_get(ld->t, r, col);
    const char *colon = strchr(s, ':');
    char *name = sb_xstrndup(s, colon ? (size_t)(colon - s) : strlen(s));
    int ok = type_from_name(name, t);

    free(name);
    if (!ok)
        return bad(ld, r, col,
                   "unknown type \"%s\" (text, int, decimal, money, "
                   "percent, date, bool, enum:NAME, enum_list:NAME, id, "
                   "uscc, orgcode, phone, email, heading)",
                   s);
    *en = NULL;
    if (colon != NULL) {
        *en = sb_form_enum(ld->f, colon + 1);
        if (*en == NULL)
            return bad(ld, r, col, "unknown enumeration in \"%s\"", s);
    }
    if ((*t == SB_TYPE_ENUM || *t == SB_TYPE_ENUM_LIST) && *en == NULL &&
        !enum_elsewhere)
        return bad(ld, r, col, "\"%s\" needs an enumeration (enum:NAME)",
                   s);
    return SB_OK;
}

/* Units of money: how many 元 one unit is (none written: 元). */
static int money_unit(const char *unit, double *yuan)
{
    *yuan = unit[0] != '\0' ? sb_money_unit_yuan(unit, strlen(unit)) : 1.0;
    return *yuan > 0;
}

static int load_fields(struct loader *ld)
{
    static const char *const names[] = {"code", "section", "label", "type",
                                        "unit", "required", "none_ok",
                                        "note"};
    int c[8] = {0}, rc;
    struct sb_form *f = ld->f;

    rc = open_table(ld, "fields.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 8);
    if (rc == SB_OK)
        f->fields = sb_arena_alloc(f->arena, ((size_t)ld->t->n_rows + 1) *
                                                 sizeof *f->fields);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_field *fd = &f->fields[f->n_fields];
        const char *code = sb_table_get(ld->t, r, c[0]);

        if (code[0] == '\0')
            return bad(ld, r, c[0], "%s", "code must not be empty");
        if (sb_form_field(f, code) != NULL)
            return bad(ld, r, c[0], "field \"%s\" defined twice", code);
        fd->code = sb_arena_strdup(f->arena, code);
        fd->section = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[1]));
        fd->label = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[2]));
        fd->unit = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[4]));
        fd->note = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[7]));
        fd->line = ld->t->rows[r];
        fd->yuan_per_unit = 1.0;
        f->n_fields++;
        rc = parse_type(ld, r, c[3], &fd->type, &fd->en, 0);
        if (rc == SB_OK && fd->type == SB_TYPE_MONEY &&
            !money_unit(fd->unit, &fd->yuan_per_unit))
            rc = bad(ld, r, c[4], "money unit must be 元, 万元 or 亿元, "
                                  "found \"%s\"", fd->unit);
        if (rc == SB_OK)
            rc = flag(ld, r, c[5], &fd->required);
        if (rc == SB_OK)
            rc = flag(ld, r, c[6], &fd->none_ok);
    }
    return rc;
}

static int load_annexes(struct loader *ld)
{
    static const char *const names[] = {"code", "number", "title",
                                        "required", "files", "note"};
    int c[6] = {0}, rc;
    struct sb_form *f = ld->f;

    rc = open_table(ld, "annexes.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 6);
    if (rc == SB_OK)
        f->annexes = sb_arena_alloc(f->arena, ((size_t)ld->t->n_rows + 1) *
                                                  sizeof *f->annexes);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_annex *a = &f->annexes[f->n_annexes];
        const char *code = sb_table_get(ld->t, r, c[0]);
        char *end;

        if (code[0] == '\0' || sb_form_annex(f, code) != NULL)
            return bad(ld, r, c[0], "annex code \"%s\" empty or repeated",
                       code);
        a->code = sb_arena_strdup(f->arena, code);
        a->number = (int)strtol(sb_table_get(ld->t, r, c[1]), &end, 10);
        a->title = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[2]));
        a->note = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[5]));
        add_keys(f->arena, &a->files, &a->n_files,
                 sb_table_get(ld->t, r, c[4]));
        f->n_annexes++;
        if (*end != '\0' || a->number <= 0)
            return bad(ld, r, c[1], "annex number must be a positive "
                                    "integer, found \"%s\"",
                       sb_table_get(ld->t, r, c[1]));
        rc = flag(ld, r, c[3], &a->required);
    }
    return rc;
}

static int parse_mask(struct loader *ld, long r, int col, enum sb_mask *m)
{
    static const char *const names[] = {"", "name", "phone", "email"};
    const char *s = sb_table_get(ld->t, r, col);

    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            *m = (enum sb_mask)i;
            return SB_OK;
        }
    }
    return bad(ld, r, col, "mask must be name, phone, email or empty, "
                           "found \"%s\"", s);
}

/* A bound is a date, a number or a figure expression; a date is
 * written bare (2000-01-01), so it is tried first and kept as a string
 * literal, which binding reads as a date. */
static int parse_bound(struct loader *ld, long r, int col,
                       struct sb_expr **out, struct sb_src *src)
{
    const char *s = sb_table_get(ld->t, r, col);
    struct sb_error e2 = {0};
    int32_t date;

    *out = NULL;
    if (s[0] == '\0')
        return SB_OK;
    *src = src_at(ld, r, col);
    if (sb_cell_parse_date(s, strlen(s), &date, NULL)) {
        *out = sb_expr_named(ld->f->arena, SB_EX_STR, s);
        return SB_OK;
    }
    if (sb_expr_parse_value(ld->f->arena, s, out, &e2) != SB_OK) {
        char *what = sb_xasprintf("bound \"%s\"", s);
        int rc = bad_expr(ld, r, col, what, &e2);

        free(what);
        return rc;
    }
    return SB_OK;
}

static int load_columns(struct loader *ld)
{
    static const char *const names[] = {
        "annex",  "code", "header", "aliases", "type",      "unit", "required",
        "unique", "enum", "min",    "max",     "parent_of", "mask", "note"};
    int c[14] = {0}, rc;
    struct sb_form *f = ld->f;
    char **parents = NULL;

    rc = open_table(ld, "columns.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 14);
    if (rc == SB_OK)
        parents = sb_xcalloc((size_t)ld->t->n_rows + 1, sizeof *parents);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_annex *a = (struct sb_annex *)sb_form_annex(
            f, sb_table_get(ld->t, r, c[0]));
        struct sb_column *col;
        const char *code = sb_table_get(ld->t, r, c[1]);
        const char *en = sb_table_get(ld->t, r, c[8]);

        if (a == NULL)
            return bad(ld, r, c[0], "unknown annex \"%s\"",
                       sb_table_get(ld->t, r, c[0]));
        if (code[0] == '\0' || sb_annex_column_index(a, code) >= 0)
            return bad(ld, r, c[1], "column code \"%s\" empty or repeated",
                       code);
        {
            struct sb_column blank = {0};

            sb_arena_push(f->arena, &a->cols, &a->n_cols, &blank,
                          sizeof blank);
        }
        col = &a->cols[a->n_cols - 1];
        col->code = sb_arena_strdup(f->arena, code);
        col->header = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[2]));
        add_keys(f->arena, &col->keys, &col->n_keys, col->header);
        add_keys(f->arena, &col->keys, &col->n_keys,
                 sb_table_get(ld->t, r, c[3]));
        col->unit = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[5]));
        col->note = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[13]));
        col->yuan_per_unit = 1.0;
        col->parent_of = -1;
        rc = parse_type(ld, r, c[4], &col->type, &col->en, 1);
        if (rc == SB_OK && en[0] != '\0') {
            col->en = sb_form_enum(f, en);
            if (col->en == NULL)
                rc = bad(ld, r, c[8], "unknown enumeration \"%s\"", en);
        }
        if (rc == SB_OK &&
            (col->type == SB_TYPE_ENUM || col->type == SB_TYPE_ENUM_LIST) &&
            col->en == NULL)
            rc = bad(ld, r, c[8], "%s", "enum columns need an enumeration");
        if (rc == SB_OK && col->type == SB_TYPE_MONEY &&
            !money_unit(col->unit, &col->yuan_per_unit))
            rc = bad(ld, r, c[5], "money unit must be 元, 万元 or 亿元, "
                                  "found \"%s\"", col->unit);
        if (rc == SB_OK)
            rc = flag(ld, r, c[6], &col->required);
        if (rc == SB_OK)
            rc = flag(ld, r, c[7], &col->unique);
        if (rc == SB_OK)
            rc = parse_mask(ld, r, c[12], &col->mask);
        parents[r] = sb_xstrdup(sb_table_get(ld->t, r, c[11]));
    }
    /* Second pass: bounds and parent_of refer to other columns/fields. */
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_annex *a = (struct sb_annex *)sb_form_annex(
            f, sb_table_get(ld->t, r, c[0]));
        int i = sb_annex_column_index(a, sb_table_get(ld->t, r, c[1]));
        struct sb_column *col = &a->cols[i];

        rc = parse_bound(ld, r, c[9], &col->min, &col->min_src);
        if (rc == SB_OK)
            rc = parse_bound(ld, r, c[10], &col->max, &col->max_src);
        if (rc == SB_OK && parents[r][0] != '\0') {
            col->parent_of = sb_annex_column_index(a, parents[r]);
            if (col->parent_of < 0 || col->en == NULL)
                rc = bad(ld, r, c[11],
                         "parent_of \"%s\" must name a column of the annex "
                         "and the column needs an enumeration",
                         parents[r]);
        }
    }
    for (long r = 0; parents != NULL && r < ld->t->n_rows; r++)
        free(parents[r]);
    free(parents);
    return rc;
}

/* A rule's "cases": "key=template|key=template …". */
static int load_cases(struct loader *ld, long r, int col, struct sb_rule *ru)
{
    const char *p = sb_table_get(ld->t, r, col), *item;
    size_t len;

    while (sb_list_next(&p, &item, &len)) {
        const char *eq = memchr(item, '=', len);

        if (eq == NULL || eq == item)
            return bad(ld, r, col, "%s", "cases are key=message, "
                                         "separated by |");
        {
            struct sb_arena *a = ld->f->arena;
            char *key = sb_arena_strndup(a, item, (size_t)(eq - item));
            char *msg =
                sb_arena_strndup(a, eq + 1, len - (size_t)(eq + 1 - item));
            int n = ru->n_cases;

            sb_arena_push(a, &ru->case_keys, &n, &key, sizeof key);
            sb_arena_push(a, &ru->cases, &ru->n_cases, &msg, sizeof msg);
        }
    }
    return SB_OK;
}

const char *sb_rule_case(const struct sb_rule *r, const char *key)
{
    for (int i = 0; i < r->n_cases; i++) {
        if (strcmp(r->case_keys[i], key) == 0)
            return r->cases[i];
    }
    return NULL;
}

static int load_rules(struct loader *ld)
{
    static const char *const names[] = {"id",     "severity", "name",
                                        "expr",   "source",   "message",
                                        "cases"};
    int c[7] = {0}, rc;
    struct sb_form *f = ld->f;

    rc = open_table(ld, "rules.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 7);
    if (rc == SB_OK)
        f->rules = sb_arena_alloc(f->arena, ((size_t)ld->t->n_rows + 1) *
                                                sizeof *f->rules);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_rule *ru = &f->rules[f->n_rules];
        const char *sev = sb_table_get(ld->t, r, c[1]);
        struct sb_error e2 = {0};

        ru->id = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[0]));
        ru->name = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[2]));
        ru->src = src_at(ld, r, c[3]);
        ru->source = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[4]));
        ru->message = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[5]));
        ru->line = ld->t->rows[r];
        f->n_rules++;
        rc = load_cases(ld, r, c[6], ru);
        if (rc != SB_OK)
            return rc;
        for (int i = 0; i < f->n_rules - 1; i++) {
            if (strcmp(f->rules[i].id, ru->id) == 0)
                return bad(ld, r, c[0], "rule id \"%s\" repeated", ru->id);
        }
        if (strcmp(sev, "error") == 0)
            ru->sev = SB_SEV_ERROR;
        else if (strcmp(sev, "warning") == 0)
            ru->sev = SB_SEV_WARNING;
        else
            return bad(ld, r, c[1], "severity must be error or warning, "
                                    "found \"%s\"", sev);
        if (sb_expr_parse(f->arena, ru->src.text, &ru->expr, &e2) != SB_OK) {
            char *what = sb_xasprintf("rule %s", ru->id);

            rc = bad_expr(ld, r, c[3], what, &e2);
            free(what);
        }
    }
    return rc;
}

static int chart_expr(struct loader *ld, long r, int col, const char *text,
                      struct sb_expr **out)
{
    struct sb_error e2 = {0};

    if (sb_expr_parse_value(ld->f->arena, text, out, &e2) != SB_OK) {
        char *what = sb_xasprintf("chart data \"%s\"", text);
        int rc = bad_expr(ld, r, col, what, &e2);

        free(what);
        return rc;
    }
    return SB_OK;
}

/* "series|category=expr; …" items, or a single aggregate. */
static int chart_data(struct loader *ld, long r, int col,
                      struct sb_chart_def *c)
{
    struct sb_form *f = ld->f;
    const char *s = sb_table_get(ld->t, r, col);
    const char *first_eq = strchr(s, '='), *paren = strchr(s, '(');

    /* A list starts "label=": its first '=' comes before any '('. */
    if (first_eq == NULL || (paren != NULL && paren < first_eq))
        return chart_expr(ld, r, col, s, &c->data);
    for (const char *p = s; *p != '\0';) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        char *part = sb_xstrndup(p, n);
        char *eq = strchr(part, '=');
        char *bar;
        struct sb_chart_datum *it;
        const char *t;
        size_t tn;
        int rc;

        if (eq == NULL) {
            rc = bad(ld, r, col, "chart item \"%s\" is not label=value",
                     part);
            free(part);
            return rc;
        }
        *eq = '\0';
        {
            struct sb_chart_datum blank = {0};

            sb_arena_push(f->arena, &c->items, &c->n_items, &blank,
                          sizeof blank);
        }
        it = &c->items[c->n_items - 1];
        bar = strchr(part, '|');
        tn = sb_trim(part, bar ? (size_t)(bar - part) : strlen(part), &t);
        if (bar != NULL) {
            it->series = sb_arena_strndup(f->arena, t, tn);
            tn = sb_trim(bar + 1, strlen(bar + 1), &t);
        } else {
            it->series = sb_arena_strdup(f->arena, "");
        }
        it->category = sb_arena_strndup(f->arena, t, tn);
        it->text = sb_arena_strdup(f->arena, eq + 1);
        rc = chart_expr(ld, r, col, it->text, &it->value);
        free(part);
        if (rc != SB_OK)
            return rc;
        p += n + (semi != NULL);
    }
    return SB_OK;
}

/* Options "key=value; key" — a value with a '(' is bound as data. */
static int chart_options(struct loader *ld, long r, int col,
                         struct sb_chart_def *c)
{
    struct sb_form *f = ld->f;
    const char *s = sb_table_get(ld->t, r, col);

    for (const char *p = s; *p != '\0';) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        char *part = sb_xstrndup(p, n);
        char *eq = strchr(part, '=');
        const char *k;
        size_t kn = sb_trim(part, eq ? (size_t)(eq - part) : strlen(part), &k);
        char *key = sb_arena_strndup(f->arena, k, kn);
        char *val = sb_arena_strdup(f->arena, eq ? eq + 1 : "");
        struct sb_expr *none = NULL;
        int i = c->n_opts, count = c->n_opts;

        sb_arena_push(f->arena, &c->opt_keys, &count, &key, sizeof key);
        count = i;
        sb_arena_push(f->arena, &c->opt_vals, &count, &val, sizeof val);
        sb_arena_push(f->arena, &c->opt_exprs, &c->n_opts, &none,
                      sizeof none);
        free(part);
        if (strchr(c->opt_vals[i], '(') != NULL &&
            chart_expr(ld, r, col, c->opt_vals[i], &c->opt_exprs[i]) != SB_OK)
            return SB_EFORMAT;
        p += n + (semi != NULL);
    }
    return SB_OK;
}

static int load_charts(struct loader *ld)
{
    static const char *const names[] = {"id",   "kind",   "title",
                                        "data", "unit",   "source",
                                        "options"};
    int c[7] = {0}, rc;
    struct sb_form *f = ld->f;
    char *path = sb_xasprintf("%s/charts.csv", f->dir);
    struct stat st;

    if (stat(path, &st) != 0) {
        free(path);
        return SB_OK; /* an edition without charts */
    }
    free(path);
    rc = open_table(ld, "charts.csv");
    if (rc == SB_OK)
        rc = need_cols(ld, names, c, 7);
    if (rc == SB_OK)
        f->charts = sb_arena_alloc(f->arena, ((size_t)ld->t->n_rows + 1) *
                                                 sizeof *f->charts);
    for (long r = 0; rc == SB_OK && r < ld->t->n_rows; r++) {
        struct sb_chart_def *ch = &f->charts[f->n_charts++];

        ch->id = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[0]));
        ch->kind = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[1]));
        ch->title = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[2]));
        ch->unit = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[4]));
        ch->source = sb_arena_strdup(f->arena, sb_table_get(ld->t, r, c[5]));
        ch->line = ld->t->rows[r];
        for (int i = 0; i < f->n_charts - 1; i++) {
            if (strcmp(f->charts[i].id, ch->id) == 0)
                return bad(ld, r, c[0], "chart id \"%s\" repeated", ch->id);
        }
        ch->data_src = src_at(ld, r, c[3]);
        ch->opts_src = src_at(ld, r, c[6]);
        rc = chart_data(ld, r, c[3], ch);
        if (rc == SB_OK)
            rc = chart_options(ld, r, c[6], ch);
    }
    return rc;
}

int sb_form_load(struct sb_form **out, const char *dir,
                 struct sb_error *err)
{
    int (*const steps[])(struct loader *) = {
        load_meta,    load_enums, load_fields, load_annexes,
        load_columns, load_rules, load_charts,
    };
    struct loader ld = {0};
    int rc = SB_OK;

    {
        struct sb_arena *a = sb_arena_new();

        ld.f = sb_arena_alloc(a, sizeof *ld.f);
        ld.f->arena = a;
    }
    ld.f->dir = sb_arena_strdup(ld.f->arena, dir);
    ld.err = err;
    for (size_t i = 0; rc == SB_OK && i < sizeof steps / sizeof *steps;
         i++) {
        rc = steps[i](&ld);
        sb_table_free(ld.t);
        ld.t = NULL;
    }
    if (rc == SB_OK && sb_form_meta(ld.f, "code") == NULL)
        rc = sb_error_set(err, SB_EFORMAT, NULL,
                          "%s/edition.csv: no \"code\" key", dir);
    if (rc != SB_OK) {
        sb_form_free(ld.f);
        *out = NULL;
        return rc;
    }
    *out = ld.f;
    return SB_OK;
}

int sb_form_load_edition(struct sb_form **out, const char *code,
                         struct sb_error *err)
{
    char *dir, *dflt = NULL;
    int rc;

    if (code == NULL) {
        rc = sb_form_default_edition(&dflt, err);
        if (rc != SB_OK) {
            *out = NULL;
            return rc;
        }
        rc = sb_form_load_edition(out, dflt, err);
        free(dflt);
        return rc;
    }
    if (!sb_form_edition_exists(code)) {
        char *list = sb_form_editions_text();
        char *near = sb_form_edition_near(code);

        *out = NULL;
        rc = sb_error_set(err, SB_EUSAGE, NULL,
                          "no form edition \"%s\" (editions: %s)%s%s%s", code,
                          list, near != NULL ? "; did you mean \"" : "",
                          near != NULL ? near : "", near != NULL ? "\"?" : "");
        free(near);
        free(list);
        return rc;
    }
    dir = sb_xasprintf("%s/pipeline/forms/%s", sb_datadir(), code);
    rc = sb_form_load(out, dir, err);
    free(dir);
    return rc;
}

void sb_form_free(struct sb_form *f)
{
    if (f != NULL)
        sb_arena_free(f->arena);
}

const char *sb_form_meta(const struct sb_form *f, const char *key)
{
    for (int i = 0; i + 1 < f->n_meta; i += 2) {
        if (strcmp(f->meta[i], key) == 0)
            return f->meta[i + 1];
    }
    return NULL;
}

int sb_form_field_index(const struct sb_form *f, const char *code)
{
    for (int i = 0; i < f->n_fields; i++) {
        if (strcmp(f->fields[i].code, code) == 0)
            return i;
    }
    return -1;
}

const struct sb_field *sb_form_field(const struct sb_form *f,
                                     const char *code)
{
    int i = sb_form_field_index(f, code);

    return i >= 0 ? &f->fields[i] : NULL;
}

const struct sb_annex *sb_form_annex(const struct sb_form *f,
                                     const char *code)
{
    for (int i = 0; i < f->n_annexes; i++) {
        if (strcmp(f->annexes[i].code, code) == 0)
            return &f->annexes[i];
    }
    return NULL;
}

char *sb_form_annex_hint(const struct sb_form *f, const char *code,
                         const char *extra)
{
    const char **known = sb_xcalloc((size_t)f->n_annexes + 1, sizeof *known);
    struct sb_buf b = {0};

    for (int i = 0; i < f->n_annexes; i++)
        known[i] = f->annexes[i].code;
    known[f->n_annexes] = extra;
    sb_suggest_list(&b, code, known, (size_t)f->n_annexes + 1);
    free(known);
    return sb_buf_take(&b);
}

int sb_annex_column_index(const struct sb_annex *a, const char *code)
{
    for (int i = 0; i < a->n_cols; i++) {
        if (strcmp(a->cols[i].code, code) == 0)
            return i;
    }
    return -1;
}

const struct sb_chart_def *sb_form_chart(const struct sb_form *f,
                                         const char *id)
{
    for (int i = 0; i < f->n_charts; i++) {
        if (strcmp(f->charts[i].id, id) == 0)
            return &f->charts[i];
    }
    return NULL;
}

const char *sb_chart_option(const struct sb_chart_def *c, const char *key)
{
    for (int i = 0; i < c->n_opts; i++) {
        if (strcmp(c->opt_keys[i], key) == 0)
            return c->opt_vals[i];
    }
    return NULL;
}

struct sb_enum *sb_form_enum(const struct sb_form *f, const char *name)
{
    for (int i = 0; i < f->n_enums; i++) {
        if (strcmp(f->enums[i].name, name) == 0)
            return &f->enums[i];
    }
    return NULL;
}
