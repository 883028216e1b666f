/* migrate.c: start a declaration from an older one (see migrate.h). */
#include "check/migrate.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/outfile.h"
#include "base/utf8.h"
#include "cells/cell.h"
#include "check/check.h"
#include "check/decl.h"
#include "form/scaffold.h"
#include "read/csvin.h"

static const char bom[] = "\xEF\xBB\xBF";

/* One migration: the old declaration as checked, the new form, where
 * it goes and what is said about it. */
struct mig {
    struct sb_decl *old;
    struct sb_form *form; /* the new edition */
    const char *dir;
    FILE *list;
    struct sb_buf *report;
    sb_decl_more_fn more; /* the higher stages' checks (sb_migrate) */
    char *carried; /* per new annex: a list was carried into it */
};

/* The unit of money in a message: "万元" for 1e4 元 per unit. */
static const char *unit_name(double yuan)
{
    return yuan == 1e8 ? "亿元" : yuan == 1e4 ? "万元" : "元";
}

/* raw, an amount in units of from_yuan 元, written in units of to_yuan
 * into out, exactly: the decimal point moves, the digits stay, so the
 * precision it was declared with is kept (123,456.70 元 → 12.345670
 * 万元). Returns 0 (out untouched) when raw is not a decimal. */
static int convert_money(const char *raw, double from_yuan, double to_yuan,
                         struct sb_buf *out)
{
    struct sb_decimal dec;
    const char *why;
    int k = (int)lround(log10(from_yuan / to_yuan)), scale;
    uint64_t mag;
    char digits[32];
    size_t n;

    if (!sb_cell_parse_decimal(raw, strlen(raw), 1, &dec, &why))
        return 0;
    mag = dec.v < 0 ? (uint64_t)(-(dec.v + 1)) + 1 : (uint64_t)dec.v;
    scale = dec.scale - k;
    for (; scale < 0; scale++) {
        if (__builtin_mul_overflow(mag, 10, &mag))
            return 0;
    }
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    n = strlen(digits);
    if (dec.v < 0)
        sb_buf_putc(out, '-');
    if ((size_t)scale >= n) {
        sb_buf_puts(out, "0.");
        for (size_t i = n; i < (size_t)scale; i++)
            sb_buf_putc(out, '0');
        sb_buf_puts(out, digits);
    } else {
        sb_buf_put(out, digits, n - (size_t)scale);
        if (scale > 0) {
            sb_buf_putc(out, '.');
            sb_buf_puts(out, digits + n - scale);
        }
    }
    return 1;
}

/* ---- figures ---- */

static int migrate_figures(struct mig *m, struct sb_error *err)
{
    const struct sb_form *of = m->old->form, *nf = m->form;
    struct sb_buf b = {0}, v = {0}, news = {0}, conv = {0}, lost = {0};
    int carried = 0, rc, n_new = 0, n_lost = 0;

    sb_buf_puts(&b, bom);
    sb_buf_puts(&b, "代码,项目,值\n");
    sb_buf_printf(&b, "edition,表单版本,%s\n", sb_form_meta(nf, "code"));
    for (int i = 0; i < nf->n_fields; i++) {
        const struct sb_field *fd = &nf->fields[i];
        int j = sb_form_field_index(of, fd->code);
        const struct sb_figure *g = j >= 0 ? &m->old->figs[j] : NULL;

        sb_buf_clear(&v);
        if (j < 0) {
            sb_buf_printf(&news, "- %s（%s %s）\n", fd->label, fd->section,
                          fd->code);
            n_new++;
        } else if (g->raw != NULL && g->raw[0] != '\0') {
            const struct sb_field *od = &of->fields[j];

            if (fd->type == SB_TYPE_MONEY && od->type == SB_TYPE_MONEY &&
                g->state == SB_FIG_OK &&
                fd->yuan_per_unit != od->yuan_per_unit &&
                convert_money(g->raw, od->yuan_per_unit, fd->yuan_per_unit,
                              &v)) {
                sb_buf_printf(&conv, "- %s：%s %s → %s %s\n", fd->label,
                              g->raw, unit_name(od->yuan_per_unit), v.data,
                              unit_name(fd->yuan_per_unit));
            } else {
                sb_buf_puts(&v, g->raw);
            }
            carried++;
        }
        sb_buf_put_csv(&b, fd->code);
        sb_buf_putc(&b, ',');
        sb_buf_put_csv(&b, fd->label);
        sb_buf_putc(&b, ',');
        sb_buf_put_csv(&b, v.len > 0 ? v.data : "");
        sb_buf_putc(&b, '\n');
    }
    for (int j = 0; j < of->n_fields; j++) {
        const struct sb_figure *g = &m->old->figs[j];

        if (g->raw == NULL || g->raw[0] == '\0' ||
            sb_form_field_index(nf, of->fields[j].code) >= 0)
            continue;
        sb_buf_printf(&lost, "- %s（%s %s）：%s\n", of->fields[j].label,
                      of->fields[j].section, of->fields[j].code, g->raw);
        n_lost++;
    }
    rc = sb_scaffold_file(m->dir, "form.csv", &b, m->list, err);

    sb_buf_printf(m->report, "\n## 填报数据（form.csv）\n\n带入 %d 项。\n",
                  carried);
    if (conv.len > 0)
        sb_buf_printf(m->report, "\n单位换算（精确换算，保留原填报精度）：\n\n%s",
                      conv.data);
    if (n_new > 0)
        sb_buf_printf(m->report,
                      "\n新表新增、旧表没有的字段（%d 项，留空待填）：\n\n%s",
                      n_new, news.data);
    if (n_lost > 0)
        sb_buf_printf(m->report,
                      "\n旧表有值、新表没有的字段（%d 项，未带入）：\n\n%s",
                      n_lost, lost.data);
    sb_buf_free(&b);
    sb_buf_free(&v);
    sb_buf_free(&news);
    sb_buf_free(&conv);
    sb_buf_free(&lost);
    return rc;
}

/* ---- annex lists ---- */

/* For each column c of new annex na: the field of the old file that
 * carries it (or -1) and that field's 元 per unit. */
static void map_columns(const struct sb_annex_result *r,
                        const struct sb_annex *oa, const struct sb_annex *na,
                        int *field, double *yuan, int *used)
{
    memset(used, 0, sizeof *used * (size_t)r->n_headers);
    for (int c = 0; c < na->n_cols; c++) {
        int oc = sb_annex_column_index(oa, na->cols[c].code);

        field[c] = -1;
        yuan[c] = 0;
        if (oc >= 0 && r->col_field[oc] >= 0) {
            field[c] = r->col_field[oc];
            yuan[c] = r->col_yuan[oc];
        }
        for (int h = 0; field[c] < 0 && h < r->n_headers; h++) {
            double unit;

            if (sb_annex_header_column(na, r->headers[h], &unit) == c) {
                field[c] = h;
                yuan[c] = unit > 0 ? unit : na->cols[c].yuan_per_unit;
            }
        }
        if (field[c] >= 0)
            used[field[c]] = 1;
    }
}

/* Values of enum column col that its enumeration does not hold, with
 * how many rows hold each: "微服务组件（60行）、…" appended to out. */
struct stray {
    char *text;
    long n;
};

static void note_stray(struct stray **v, int *n, const char *text)
{
    for (int i = 0; i < *n; i++) {
        if (strcmp((*v)[i].text, text) == 0) {
            (*v)[i].n++;
            return;
        }
    }
    *v = sb_xrealloc(*v, sizeof **v * (size_t)(*n + 1));
    (*v)[*n].text = sb_xstrdup(text);
    (*v)[(*n)++].n = 1;
}

static int blank(const char *cell)
{
    const char *t;

    return sb_trim(cell, strlen(cell), &t) == 0;
}

/* Is the trimmed cell, non-empty, a value enumeration en does not hold? */
static int outside_enum(const struct sb_enum *en, const char *cell,
                        struct sb_buf *key)
{
    const char *t;
    size_t n = sb_trim(cell, strlen(cell), &t);

    if (en == NULL || n == 0 || sb_cell_is_none(t, n))
        return 0;
    sb_buf_clear(key);
    sb_norm_key(t, n, key);
    return sb_enum_find(en, key->data) < 0;
}

static int migrate_annex(struct mig *m, const struct sb_annex_result *r,
                         struct sb_error *err)
{
    const struct sb_annex *oa = r->annex;
    const struct sb_annex *na = sb_form_annex(m->form, oa->code);
    int *field, *used, rc;
    double *yuan;
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    struct sb_buf b = {0}, v = {0}, key = {0};
    long rows = 0, converted = 0, *empty;
    struct stray **strays;
    int *n_strays;
    const char *base = sb_path_base(r->path);

    if (na == NULL) {
        sb_buf_printf(m->report,
                      "\n### 附件%d %s（%s）\n\n新表没有这份清单，未带入。\n",
                      oa->number, oa->title, base);
        return SB_OK;
    }
    field = sb_xcalloc((size_t)na->n_cols, sizeof *field);
    yuan = sb_xcalloc((size_t)na->n_cols, sizeof *yuan);
    used = sb_xcalloc((size_t)(r->n_headers + 1), sizeof *used);
    empty = sb_xcalloc((size_t)na->n_cols, sizeof *empty);
    strays = sb_xcalloc((size_t)na->n_cols, sizeof *strays);
    n_strays = sb_xcalloc((size_t)na->n_cols, sizeof *n_strays);
    map_columns(r, oa, na, field, yuan, used);

    sb_buf_puts(&b, bom);
    for (int c = 0; c < na->n_cols; c++) {
        if (c > 0)
            sb_buf_putc(&b, ',');
        sb_buf_put_csv(&b, na->cols[c].header);
    }
    sb_buf_putc(&b, '\n');
    rc = sb_csvin_open(&in, r->path, NULL, NULL, err);
    while (rc == SB_OK && (rc = sb_csvin_next(in, &rec, err)) == SB_OK &&
           rec != NULL) {
        if (rec->row == 1)
            continue; /* the old header */
        for (int c = 0; c < na->n_cols; c++) {
            const char *cell = field[c] >= 0 && field[c] < rec->n_fields
                                   ? rec->fields[field[c]]
                                   : "";

            if (c > 0)
                sb_buf_putc(&b, ',');
            if (field[c] >= 0 && na->cols[c].required && blank(cell))
                empty[c]++;
            if (na->cols[c].type == SB_TYPE_ENUM &&
                outside_enum(na->cols[c].en, cell, &key))
                note_stray(&strays[c], &n_strays[c], cell);
            sb_buf_clear(&v);
            if (na->cols[c].type == SB_TYPE_MONEY && yuan[c] > 0 &&
                yuan[c] != na->cols[c].yuan_per_unit && cell[0] != '\0' &&
                convert_money(cell, yuan[c], na->cols[c].yuan_per_unit, &v)) {
                sb_buf_put_csv(&b, v.data);
                converted++;
            } else {
                sb_buf_put_csv(&b, cell);
            }
        }
        sb_buf_putc(&b, '\n');
        rows++;
    }
    sb_csvin_close(in);
    if (rc == SB_OK) {
        char *dir = sb_xasprintf("%s/annex", m->dir);
        char *name = sb_xasprintf("%s.csv", na->code);

        rc = sb_scaffold_file(dir, name, &b, m->list, err);
        free(dir);
        free(name);
        m->carried[na - m->form->annexes] = 1;
    }

    sb_buf_printf(m->report, "\n### 附件%d %s ← 旧表附件%d %s（%s）\n\n",
                  na->number, na->title, oa->number, oa->title, base);
    sb_buf_printf(m->report, "带入 %ld 行。", rows);
    if (converted > 0)
        sb_buf_printf(m->report, "金额单位换算 %ld 格。", converted);
    sb_buf_putc(m->report, '\n');
    sb_buf_clear(&v);
    for (int c = 0; c < na->n_cols; c++) {
        if (field[c] < 0)
            sb_buf_printf(&v, "%s%s", v.len > 0 ? "、" : "", na->cols[c].header);
    }
    if (v.len > 0)
        sb_buf_printf(m->report, "\n新表新增、旧清单没有的列（留空待填）：%s\n",
                      v.data);
    sb_buf_clear(&v);
    for (int h = 0; h < r->n_headers; h++) {
        if (!used[h])
            sb_buf_printf(&v, "%s%s", v.len > 0 ? "、" : "", r->headers[h]);
    }
    if (v.len > 0)
        sb_buf_printf(m->report, "\n旧清单有、新表没有的列（未带入）：%s\n",
                      v.data);
    for (int c = 0; c < na->n_cols; c++) {
        if (empty[c] > 0)
            sb_buf_printf(m->report,
                          "\n%s：新表要求必填，带入的 %ld 行为空，待补。\n",
                          na->cols[c].header, empty[c]);
        if (n_strays[c] == 0)
            continue;
        sb_buf_printf(m->report, "\n%s：以下取值不在新表的取值范围内，照录待改：",
                      na->cols[c].header);
        for (int i = 0; i < n_strays[c]; i++) {
            sb_buf_printf(m->report, "%s%s（%ld行）", i > 0 ? "、" : "",
                          strays[c][i].text, strays[c][i].n);
            free(strays[c][i].text);
        }
        sb_buf_putc(m->report, '\n');
        free(strays[c]);
    }
    sb_buf_free(&b);
    sb_buf_free(&v);
    sb_buf_free(&key);
    free(field);
    free(yuan);
    free(used);
    free(empty);
    free(strays);
    free(n_strays);
    return rc;
}

/* ---- evidence and narrative: copied as they are ---- */

/* Copy the regular file from to dir/name (links and other files are not
 * read: the report says so). */
static int copy_file(struct mig *m, const char *from, const char *dir,
                     const char *name, struct sb_error *err)
{
    struct sb_buf b = {0};
    char chunk[65536];
    size_t n;
    FILE *fp = fopen(from, "rb");
    int rc;

    if (fp == NULL)
        return sb_error_set(err, SB_EIO, NULL, "cannot open %s: %s", from,
                            strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sb_buf_put(&b, chunk, n);
    rc = ferror(fp) ? sb_error_set(err, SB_EIO, NULL, "cannot read %s", from)
                    : sb_scaffold_file(dir, name, &b, m->list, err);
    fclose(fp);
    sb_buf_free(&b);
    return rc;
}

static int is_regular(const char *path)
{
    struct stat st;

    return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int migrate_evidence(struct mig *m, struct sb_error *err)
{
    char *from = sb_xasprintf("%s/evidence", m->old->dir);
    char *to = sb_xasprintf("%s/evidence", m->dir);
    DIR *d = opendir(from);
    struct dirent *e;
    struct sb_buf skipped = {0};
    int rc = SB_OK, n = 0;

    if (d != NULL)
        rc = sb_mkdirs(to, err);
    while (rc == SB_OK && d != NULL && (e = readdir(d)) != NULL) {
        char *path;

        if (e->d_name[0] == '.')
            continue;
        path = sb_xasprintf("%s/%s", from, e->d_name);
        if (is_regular(path)) {
            rc = copy_file(m, path, to, e->d_name, err);
            n++;
        } else {
            sb_buf_printf(&skipped, "%s%s", skipped.len > 0 ? "、" : "",
                          e->d_name);
        }
        free(path);
    }
    if (d != NULL) {
        closedir(d);
        sb_buf_printf(m->report, "\n## 证明材料（evidence/）\n\n原样复制 %d 个文件。\n",
                      n);
        if (skipped.len > 0)
            sb_buf_printf(m->report,
                          "不是普通文件（链接、目录等），未复制：%s\n",
                          skipped.data);
    }
    sb_buf_free(&skipped);
    free(from);
    free(to);
    return rc;
}

/* The narrative carries whole within one edition (same sections); from
 * another it is copied beside the new scaffold. */
static int migrate_narrative(struct mig *m, struct sb_error *err)
{
    const char *old = sb_form_meta(m->old->form, "code");
    char *from = sb_xasprintf("%s/declaration.md", m->old->dir);
    char *name = sb_xasprintf("declaration.%s.md", old);
    int rc = SB_OK;

    if (is_regular(from) && strcmp(old, sb_form_meta(m->form, "code")) == 0) {
        rc = copy_file(m, from, m->dir, "declaration.md", err);
        sb_buf_puts(m->report, "\n## 叙述部分（declaration.md）\n\n"
                               "同一版本，原文带入。\n");
    } else if (is_regular(from)) {
        rc = copy_file(m, from, m->dir, name, err);
        sb_buf_printf(m->report,
                      "\n## 叙述部分（declaration.md）\n\n"
                      "旧申报书的叙述按旧表的章节组织，未自动带入；原文复制为 "
                      "%s，请按新表的章节（declaration.md 中的标题）移入。\n",
                      name);
    }
    free(from);
    free(name);
    return rc;
}

static int same_text(const char *a, const char *b)
{
    return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* What `check` says of the new declaration: each kind of error and
 * warning (code, file and column or field) once, with how many there are and
 * where the first is, so that the team sees what is left to fill in or
 * correct, and every finding of the new declaration is named here. */
static int after_check(struct mig *m, struct sb_error *err)
{
    struct kind {
        const struct sb_finding *first;
        long n;
    } *kinds = NULL;
    struct sb_check_opts co = {0};
    struct sb_decl *d = NULL;
    const struct sb_finding *f;
    int n_kinds = 0, rc;
    long n;

    co.form = sb_form_meta(m->form, "code");
    co.more = m->more;
    rc = sb_decl_check(&d, m->dir, &co, err);
    if (rc != SB_OK)
        return rc;
    f = sb_findings_sorted(d->findings, &n);
    for (long i = 0; i < n; i++) {
        int k = 0;

        if (f[i].sev == SB_SEV_INFO)
            continue;
        while (k < n_kinds && !(strcmp(kinds[k].first->code, f[i].code) == 0 &&
                                same_text(kinds[k].first->column, f[i].column) &&
                                same_text(kinds[k].first->pos.path, f[i].pos.path)))
            k++;
        if (k == n_kinds) {
            kinds = sb_xrealloc(kinds, sizeof *kinds * (size_t)(n_kinds + 1));
            kinds[n_kinds].first = &f[i];
            kinds[n_kinds++].n = 0;
        }
        kinds[k].n++;
    }
    sb_buf_printf(m->report,
                  "\n## 迁移后核对（shenbao check）\n\n"
                  "新申报现有 %ld 个错误、%ld 个警告，按检查项归并如下，"
                  "逐项补齐或改正：\n\n",
                  sb_findings_count(d->findings, SB_SEV_ERROR),
                  sb_findings_count(d->findings, SB_SEV_WARNING));
    for (int k = 0; k < n_kinds; k++) {
        const struct sb_finding *x = kinds[k].first;

        sb_buf_printf(m->report, "- %s%s%s：%ld 处，首处 %s", x->code,
                      x->column != NULL ? " " : "",
                      x->column != NULL ? x->column : "", kinds[k].n,
                      sb_decl_relpath(d, x->pos.path));
        if (x->pos.row > 0)
            sb_buf_printf(m->report, ":%ld", x->pos.row);
        sb_buf_putc(m->report, '\n');
    }
    free(kinds);
    sb_decl_free(d);
    return SB_OK;
}

int sb_migrate(const char *from, const char *edition, const char *dir,
               FILE *list, struct sb_buf *report, sb_decl_more_fn more,
               struct sb_error *err)
{
    struct sb_check_opts co = {0};
    struct mig m = {0};
    int rc;

    co.max_per_kind = 1;
    rc = sb_decl_check(&m.old, from, &co, err);
    if (rc == SB_OK)
        rc = sb_form_load_edition(&m.form, edition, err);
    if (rc == SB_OK)
        rc = sb_scaffold_write(edition, dir, NULL, err);
    m.dir = dir;
    m.list = list;
    m.more = more;
    m.report = report;
    if (rc == SB_OK) {
        sb_buf_printf(report,
                      "# 迁移报告：%s → %s\n\n"
                      "旧申报：%s（%s）\n新申报：%s（%s）\n\n"
                      "按字段代码、清单代码和列的名称（含别名）对应；"
                      "下面列出未能带入或经过换算的内容。\n",
                      sb_form_meta(m.old->form, "code"), edition, from,
                      sb_form_meta(m.old->form, "title"), dir,
                      sb_form_meta(m.form, "title"));
        rc = migrate_figures(&m, err);
    }
    if (rc == SB_OK)
        sb_buf_puts(report, "\n## 附件清单（annex/）\n");
    if (rc == SB_OK)
        m.carried = sb_xcalloc((size_t)m.form->n_annexes + 1, 1);
    for (int k = 0; rc == SB_OK && k < m.old->form->n_annexes; k++) {
        if (m.old->annexes[k].path != NULL)
            rc = migrate_annex(&m, &m.old->annexes[k], err);
    }
    for (int k = 0; rc == SB_OK && k < m.form->n_annexes; k++) {
        if (!m.carried[k])
            sb_buf_printf(report,
                          "\n### 附件%d %s\n\n旧申报没有这份清单：写入了只有表头的"
                          "空表，待填。\n",
                          m.form->annexes[k].number, m.form->annexes[k].title);
    }
    if (rc == SB_OK)
        rc = migrate_evidence(&m, err);
    if (rc == SB_OK)
        rc = migrate_narrative(&m, err);
    if (rc == SB_OK)
        rc = after_check(&m, err);
    if (rc == SB_OK)
        rc = sb_scaffold_file(dir, "migration.md", report, list, err);
    free(m.carried);
    sb_form_free(m.form);
    sb_decl_free(m.old);
    return rc;
}
