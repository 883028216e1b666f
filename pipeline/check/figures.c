/* figures.c: read the declared figures from form.csv (see check.h).
 *
 * form.csv has a header row and, per field, the field code or its
 * Chinese label as printed in the form, and the value. Labels are
 * matched like headers (spaces and full/half width ignored); a label
 * that several sections share (覆盖的行业数量 is in 3.1 and 4.2) needs
 * the code or the section written before it ("4.2 覆盖的行业数量"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "check/check.h"
#include "form/typed.h"
#include "base/utf8.h"

#define CODE_COLS "代码|字段代码|field|code|key"
#define LABEL_COLS "项目|名称|指标|字段|字段名称|label|name"
#define VALUE_COLS "值|填报值|数值|填报内容|内容|value"
#define SECTION_COLS "章节|section"

const char *sb_figures_edition(const struct sb_table *t, struct sb_pos *pos)
{
    int code = sb_table_col(t, CODE_COLS);
    int label = sb_table_col(t, LABEL_COLS);
    int value = sb_table_col(t, VALUE_COLS);

    for (long r = 0; value >= 0 && r < t->n_rows; r++) {
        const char *c = sb_table_get(t, r, code);
        const char *l = sb_table_get(t, r, label);

        if (strcmp(c, "edition") == 0 || strcmp(l, "表单版本") == 0 ||
            strcmp(c, "表单版本") == 0) {
            if (pos != NULL) {
                pos->path = t->path;
                pos->row = t->rows[r];
                pos->col = value + 1;
                pos->line = t->lines[r];
            }
            return sb_table_get(t, r, value);
        }
    }
    return NULL;
}

/* The source of a finding about field i (or -1): the form and section
 * it is in, "002 附件2 1.1 工业设备数量". */
static char *field_source(const struct sb_decl *d, int i)
{
    const char *form = sb_form_meta(d->form, "form_source");

    if (i < 0 || form == NULL)
        return NULL;
    return sb_xasprintf("%s %s", form, d->form->fields[i].section);
}

static void finding_at(struct sb_decl *d, const struct sb_table *t, long r,
                       int col, enum sb_severity sev, const char *code,
                       int field, const char *expected, const char *found,
                       const char *msg)
{
    struct sb_finding f = {0};
    char *source = field_source(d, field);

    f.code = code;
    f.sev = sev;
    f.pos.path = t->path;
    if (r >= 0) {
        f.pos.row = t->rows[r];
        f.pos.line = t->lines[r];
        f.pos.col = col + 1;
    }
    f.column = field >= 0 ? d->form->fields[field].label : NULL;
    f.key = field >= 0 ? d->form->fields[field].code : NULL;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(d->findings, &f);
    free(source);
}

/* Match a label cell against the fields' labels, with an optional
 * section written before it or in its own column. */
static int match_label(const struct sb_form *f, const char *label,
                       const char *section, int *ambiguous)
{
    struct sb_buf want = {0}, have = {0}, sec = {0};
    int found = -1, n_found = 0;

    sb_norm_key(label, strlen(label), &want);
    sb_norm_key(section, strlen(section), &sec);
    for (int i = 0; i < f->n_fields; i++) {
        const struct sb_field *fd = &f->fields[i];
        int hit;

        sb_norm_key(fd->label, strlen(fd->label), &have);
        hit = strcmp(have.data, want.data) == 0;
        if (!hit) {
            /* "4.2 覆盖的行业数量": section number, then label */
            const char *sp = strchr(fd->section, ' ');
            size_t num = sp ? (size_t)(sp - fd->section)
                            : strlen(fd->section);
            struct sb_buf both = {0};

            sb_buf_put(&both, fd->section, num);
            sb_buf_puts(&both, fd->label);
            sb_norm_key(both.data, both.len, &have);
            hit = strcmp(have.data, want.data) == 0;
            sb_buf_free(&both);
        }
        if (hit && sec.len > 0) {
            struct sb_buf s2 = {0};

            sb_norm_key(fd->section, strlen(fd->section), &s2);
            hit = strstr(s2.data, sec.data) != NULL ||
                  strstr(sec.data, s2.data) != NULL;
            sb_buf_free(&s2);
        }
        if (hit) {
            found = i;
            n_found++;
        }
    }
    sb_buf_free(&want);
    sb_buf_free(&have);
    sb_buf_free(&sec);
    *ambiguous = n_found > 1;
    return n_found == 1 ? found : -1;
}

/* A percentage written without a % sign that reads as a fraction (0 <
 * |value| < 1, e.g. 负债率 "0.416", as Excel stores 41.6 %): taken as
 * 0.416 % as written (cell.h never guesses), but a form.percent-fraction
 * warning gives the likely fix, 41.6%. */
static void fraction_warning(struct sb_decl *d, const struct sb_table *t,
                             long r, int col, int i, const char *text,
                             double percent)
{
    char fix[64];
    struct sb_buf msg = {0};

    if (percent == 0 || percent <= -1 || percent >= 1 ||
        strstr(text, "%") != NULL || strstr(text, "％") != NULL)
        return;
    snprintf(fix, sizeof fix, "%.10g%%", percent * 100);
    sb_buf_printf(&msg,
                  "“%s”按 %s%% 计；如是 Excel 百分比格式的小数，应填 %s",
                  text, text, fix);
    finding_at(d, t, r, col, SB_SEV_WARNING, "form.percent-fraction", i, fix,
               text, msg.data);
    sb_buf_free(&msg);
}

static void parse_value(struct sb_decl *d, const struct sb_table *t, long r,
                        int col, int i)
{
    const struct sb_field *fd = &d->form->fields[i];
    struct sb_figure *g = &d->figs[i];
    const char *text = sb_table_get(t, r, col);
    struct sb_typed v;
    const char *why = NULL, *kind = NULL;
    int none;

    g->pos.path = t->path;
    g->pos.row = t->rows[r];
    g->pos.col = col + 1;
    g->pos.line = t->lines[r];
    none = sb_cell_is_none(text, strlen(text));
    if (none == 1) {
        g->state = SB_FIG_MISSING;
        if (fd->required)
            finding_at(d, t, r, col, SB_SEV_ERROR, "form.missing", i,
                       fd->none_ok ? "填写数值，没有可填“无”"
                                              : sb_typed_expects(fd->type),
                       "（空）", "必填项未填写");
        return;
    }
    g->raw = sb_xstrdup(text);
    if (none == 2 && fd->type != SB_TYPE_TEXT) {
        if (fd->none_ok) {
            g->state = SB_FIG_NONE;
        } else {
            g->state = SB_FIG_INVALID;
            finding_at(d, t, r, col, SB_SEV_ERROR, "form.none", i,
                       sb_typed_expects(fd->type), text,
                       "此项不能填“无”");
        }
        return;
    }
    if (!sb_typed_parse(fd->type, fd->en, fd->yuan_per_unit, 1, text,
                        strlen(text), &v, &why, &kind)) {
        struct sb_buf code = {0}, msg = {0};

        g->state = SB_FIG_INVALID;
        sb_buf_printf(&code, "form.%s", kind);
        sb_buf_puts(&msg, why);
        finding_at(d, t, r, col, SB_SEV_ERROR, code.data, i,
                   sb_typed_expects(fd->type), text, msg.data);
        sb_buf_free(&code);
        sb_buf_free(&msg);
        return;
    }
    if (fd->type == SB_TYPE_PERCENT)
        fraction_warning(d, t, r, col, i, text, v.num);
    g->state = SB_FIG_OK;
    g->value = v.num;
    g->tol = v.tol;
    g->scale = v.scale;
    g->date = v.date;
    g->enum_idx = v.enum_idx;
    g->mask = v.mask;
    if (v.warn != NULL)
        finding_at(d, t, r, col, SB_SEV_WARNING, "form.uscc", i, v.fixed,
                   text, v.warn);
}

void sb_figures_read(struct sb_decl *d, const struct sb_table *t)
{
    const struct sb_form *f = d->form;
    int code = sb_table_col(t, CODE_COLS);
    int label = sb_table_col(t, LABEL_COLS);
    int value = sb_table_col(t, VALUE_COLS);
    int section = sb_table_col(t, SECTION_COLS);
    long *seen = sb_xcalloc((size_t)f->n_fields + 1, sizeof *seen);

    if (value < 0 || (code < 0 && label < 0)) {
        finding_at(d, t, -1, 0, SB_SEV_ERROR, "form.header", -1,
                   "表头含“代码”或“项目”列，以及“值”列", NULL,
                   "form.csv 的表头无法识别");
        free(seen);
        return;
    }
    for (long r = 0; r < t->n_rows; r++) {
        const char *c = sb_table_get(t, r, code);
        const char *l = sb_table_get(t, r, label);
        int i = c[0] != '\0' ? sb_form_field_index(f, c) : -1;
        int ambiguous = 0;

        if (strcmp(c, "edition") == 0 || strcmp(l, "表单版本") == 0 ||
            strcmp(c, "表单版本") == 0)
            continue;
        if (i < 0 && l[0] != '\0')
            i = match_label(f, l, sb_table_get(t, r, section), &ambiguous);
        if (i < 0) {
            const char *what = c[0] ? c : l;
            struct sb_buf msg = {0};

            if (what[0] == '\0' && sb_table_get(t, r, value)[0] == '\0')
                continue; /* an empty line of the sheet */
            sb_buf_printf(&msg, ambiguous
                                    ? "“%s”在表中出现于多个章节，请填写代码或在前面写上章节号"
                                    : "表单中没有“%s”这一项",
                          what);
            finding_at(d, t, r, c[0] ? code : label,
                       ambiguous ? SB_SEV_ERROR : SB_SEV_WARNING,
                       ambiguous ? "form.ambiguous" : "form.unknown-field",
                       -1, NULL, what, msg.data);
            sb_buf_free(&msg);
            continue;
        }
        if (seen[i] != 0) {
            struct sb_buf msg = {0};

            sb_buf_printf(&msg, "“%s”重复填写，已在第%ld行填写",
                          f->fields[i].label, seen[i]);
            finding_at(d, t, r, value, SB_SEV_ERROR, "form.duplicate", i,
                       NULL,
                       sb_table_get(t, r, value), msg.data);
            sb_buf_free(&msg);
            continue;
        }
        seen[i] = t->rows[r];
        parse_value(d, t, r, value, i);
    }
    for (int i = 0; i < f->n_fields; i++) {
        struct sb_buf msg = {0};

        if (seen[i] != 0 || !f->fields[i].required)
            continue;
        d->figs[i].pos.path = t->path;
        sb_buf_printf(&msg, "缺少必填项“%s %s”（代码 %s）",
                      f->fields[i].section, f->fields[i].label,
                      f->fields[i].code);
        finding_at(d, t, -1, 0, SB_SEV_ERROR, "form.missing", i,
                   sb_typed_expects(f->fields[i].type),
                   NULL, msg.data);
        sb_buf_free(&msg);
    }
    free(seen);
}
