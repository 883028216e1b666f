/* volume.c: the declaration side of the volumes (see volume.h): which
 * columns an annex volume prints and what its title page says, the
 * rows read again from the file and masked when asked, the file names,
 * and the set of volumes of a declaration. The typesetting is in
 * volume_pdf.c and evidence.c (volume_int.h says why they are apart). */
#include "volume/volume.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "read/csvin.h"
#include "check/decl.h"
#include "form/mask.h"
#include "base/outfile.h"
#include "volume/volume_int.h"

/* A printed column. */
struct vcol {
    const char *title; /* header as written, or "序号" */
    int field;         /* field of the file, or -1: the volume's 序号 */
    enum sb_mask mask; /* what to mask when opts->mask */
    enum sb_vol_align align;
};

/* The rows of one annex file, for struct sb_vol_table. */
struct src {
    const char *path;
    const char *annex; /* annex code, for csvin */
    struct sb_csvin *in;
    struct vcol *cols;
    int n_cols;
    int mask;
    struct sb_buf *cell; /* per printed column */
    const char **cells;
    long n; /* data rows read since the rewind */
};

static int src_rewind(void *user, struct sb_error *err)
{
    struct src *s = user;
    struct sb_csvin_opts o = {0};
    struct sb_record *rec;
    int rc;

    sb_csvin_close(s->in);
    s->in = NULL;
    s->n = 0;
    o.annex = s->annex;
    /* the check reported what the file holds; no findings again */
    rc = sb_csvin_open(&s->in, s->path, &o, NULL, err);
    if (rc != SB_OK)
        return rc;
    return sb_csvin_next(s->in, &rec, err); /* the header */
}

/* Field f of rec as printed: masked, and for the last column of a
 * ragged row with the extra fields joined to it. */
static void put_field(struct src *s, const struct sb_record *rec,
                      const struct vcol *c, int last, struct sb_buf *out)
{
    int f = c->field;

    sb_buf_clear(out);
    if (f >= rec->n_fields) {
        sb_buf_puts(out, "");
        return;
    }
    if (s->mask && c->mask != SB_MASK_NONE)
        sb_mask_apply(c->mask, rec->fields[f], rec->lens[f], out);
    else
        sb_buf_put(out, rec->fields[f], rec->lens[f]);
    for (int k = f + 1; last && k < rec->n_fields; k++) {
        sb_buf_puts(out, ", ");
        sb_buf_put(out, rec->fields[k], rec->lens[k]);
    }
}

static int src_next(void *user, const char *const **cells, long *row,
                    struct sb_error *err)
{
    struct src *s = user;
    struct sb_record *rec;
    int rc;

    if (s->in == NULL)
        return 0;
    rc = sb_csvin_next(s->in, &rec, err);
    if (rc != SB_OK)
        return -1;
    if (rec == NULL)
        return 0;
    s->n++;
    for (int c = 0; c < s->n_cols; c++) {
        if (s->cols[c].field < 0) {
            sb_buf_clear(&s->cell[c]);
            sb_buf_printf(&s->cell[c], "%ld", s->n);
        } else {
            put_field(s, rec, &s->cols[c], c == s->n_cols - 1, &s->cell[c]);
        }
        s->cells[c] = s->cell[c].data;
    }
    *cells = s->cells;
    *row = rec->row;
    return 1;
}

static enum sb_vol_align align_of(enum sb_type t)
{
    switch (t) {
    case SB_TYPE_INT:
    case SB_TYPE_DECIMAL:
    case SB_TYPE_MONEY:
    case SB_TYPE_PERCENT:
        return SB_VOL_RIGHT;
    default:
        return SB_VOL_LEFT;
    }
}

/* The printed columns of annex a as found in res: the file's fields in
 * file order, with a 序号 first unless the file has its own. */
static int make_cols(const struct sb_annex *a,
                     const struct sb_annex_result *res, struct vcol **out)
{
    int n = res->n_headers, own = 0, k = 0;
    struct vcol *v;

    for (int c = 0; c < a->n_cols; c++)
        if (strcmp(a->cols[c].header, "序号") == 0 && res->col_field[c] >= 0)
            own = 1;
    v = sb_xcalloc((size_t)n + 1, sizeof *v);
    if (!own) {
        v[k].title = "序号";
        v[k].field = -1;
        v[k++].align = SB_VOL_CENTER;
    }
    for (int f = 0; f < n; f++, k++) {
        v[k].title = res->headers[f];
        v[k].field = f;
        v[k].align = SB_VOL_LEFT;
        for (int c = 0; c < a->n_cols; c++) {
            if (res->col_field[c] != f)
                continue;
            v[k].mask = a->cols[c].mask;
            v[k].align = strcmp(a->cols[c].header, "序号") == 0
                             ? SB_VOL_CENTER
                             : align_of(a->cols[c].type);
        }
    }
    *out = v;
    return k;
}

/* "2023年5月31日" for the statistics date, or NULL. */
static char *stat_date(const struct sb_decl *d)
{
    const struct sb_figure *f = sb_decl_role(d, "statistics_date");
    int y, m, dd;

    if (f == NULL)
        return NULL;
    sb_date_to_ymd(f->date, &y, &m, &dd);
    return sb_xasprintf("%d年%d月%d日", y, m, dd);
}

#define MAX_FACTS 8

/* The facts of the title page into f[]; strings go to bufs[]. Returns
 * how many. */
static int facts(const struct sb_decl *d, const struct sb_annex_result *res,
                 const struct vcol *cols, int n_cols, int mask,
                 struct sb_vol_fact *f, struct sb_buf *bufs)
{
    const char *company = sb_decl_role_text(d, "company");
    char *date = stat_date(d);
    int n = 0;

    if (company != NULL)
        f[n++] = (struct sb_vol_fact){"申报单位", company};
    if (date != NULL) {
        sb_buf_puts(&bufs[n], date);
        f[n] = (struct sb_vol_fact){"统计截止日期", bufs[n].data};
        n++;
    }
    sb_buf_printf(&bufs[n], "%ld 条", res->rows);
    f[n] = (struct sb_vol_fact){"记录条数", bufs[n].data};
    n++;
    sb_buf_printf(&bufs[n], "%s（%s）", sb_decl_relpath(d, res->path),
                  sb_encoding_name(res->encoding));
    f[n] = (struct sb_vol_fact){"来源文件", bufs[n].data};
    n++;
    for (int c = 0; c < n_cols; c++)
        if (cols[c].mask != SB_MASK_NONE)
            sb_buf_printf(&bufs[n], "%s%s", bufs[n].len ? "、" : "",
                          cols[c].title);
    if (bufs[n].len > 0) {
        sb_buf_puts(&bufs[n], mask ? "已脱敏（如 张*明、138****1234）"
                                   : "未脱敏，仅供评审使用");
        f[n] = (struct sb_vol_fact){"个人信息", bufs[n].data};
        n++;
    }
    free(date);
    return n;
}

/* Write the volume; *pages receives its page count. */
static int write_volume(const struct sb_decl *d, int idx, const char *path,
                        const struct sb_volume_opts *opts,
                        struct sb_fonts *fonts, int *pages,
                        struct sb_error *err)
{
    const struct sb_annex *a = &d->form->annexes[idx];
    const struct sb_annex_result *res = &d->annexes[idx];
    struct sb_vol_fact fact[MAX_FACTS];
    struct sb_buf bufs[MAX_FACTS] = {{0}};
    struct sb_vol_table t = {0};
    struct src s = {0};
    const char **titles;
    enum sb_vol_align *align;
    int rc;

    s.path = res->path;
    s.annex = a->code;
    s.mask = opts != NULL && opts->mask;
    s.n_cols = make_cols(a, res, &s.cols);
    s.cell = sb_xcalloc((size_t)s.n_cols, sizeof *s.cell);
    s.cells = sb_xcalloc((size_t)s.n_cols, sizeof *s.cells);
    titles = sb_xcalloc((size_t)s.n_cols, sizeof *titles);
    align = sb_xcalloc((size_t)s.n_cols, sizeof *align);
    for (int c = 0; c < s.n_cols; c++) {
        titles[c] = s.cols[c].title;
        align[c] = s.cols[c].align;
    }
    t.number = a->number;
    t.title = a->title;
    t.note = a->note;
    t.company = sb_decl_role_text(d, "company");
    t.font_source = sb_form_meta(d->form, "font_source");
    t.facts = fact;
    t.n_facts = facts(d, res, s.cols, s.n_cols, s.mask, fact, bufs);
    t.remark =
        s.n_cols > 0 && s.cols[0].field >= 0
            ? "说明：全部记录按来源文件的行序印出，单元格照录原文，核对"
              "发现有误的单元格亦照录；序号为来源文件所填。"
            : "说明：全部记录按来源文件的行序印出，单元格照录原文，核对"
              "发现有误的单元格亦照录；来源文件无序号列，序号按行序编排。";
    t.n_cols = s.n_cols;
    t.col_titles = titles;
    t.col_align = align;
    t.source = res->path;
    t.rewind = src_rewind;
    t.next = src_next;
    t.user = &s;
    rc = sb_vol_table_write(&t, path, fonts, d->findings, pages, err);
    sb_csvin_close(s.in);
    for (int c = 0; c < s.n_cols; c++)
        sb_buf_free(&s.cell[c]);
    for (int i = 0; i < MAX_FACTS; i++)
        sb_buf_free(&bufs[i]);
    free(s.cell);
    free(s.cells);
    free(s.cols);
    free(titles);
    free(align);
    return rc;
}

int sb_evidence_write(const struct sb_decl *d, const char *path,
                      const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                      struct sb_volume_info *info, struct sb_error *err)
{
    char *dir = sb_xasprintf("%s/evidence", d->dir);
    struct sb_vol_evidence_cite cite;
    struct sb_materials *mat = NULL;
    struct sb_findings *scratch = NULL;
    int rc;

    (void)opts; /* evidence is placed as it is: nothing to mask */
    rc = sb_materials_load(&mat, d->form, err);
    if (rc != SB_OK) {
        free(dir);
        return rc;
    }
    cite.materials = mat;
    cite.company = sb_decl_role_text(d, "company");
    cite.missing = sb_form_meta(d->form, "evidence_source");
    cite.list = sb_form_meta(d->form, "evidence_list_source");
    cite.fonts = sb_form_meta(d->form, "font_source");
    cite.root = d->dir;
    cite.links_out = d->links_out;
    if (path == NULL)
        scratch = sb_findings_new(0); /* a plan reports nothing */
    rc = sb_vol_evidence_write(dir, &cite,
                               scratch != NULL ? scratch : d->findings, path,
                               fonts, info, err);
    sb_findings_free(scratch);
    sb_materials_free(mat);
    free(dir);
    return rc;
}

void sb_evidence_plan(const struct sb_decl *d, struct sb_volume_info *info)
{
    struct sb_error e = {0};

    memset(info, 0, sizeof *info);
    if (sb_evidence_write(d, NULL, NULL, NULL, info, &e) != SB_OK)
        sb_volume_info_free(info);
}

int sb_volume_write(const struct sb_decl *d, int annex_idx, const char *path,
                    const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                    struct sb_error *err)
{
    int pages;

    if (annex_idx < 0 || annex_idx >= d->form->n_annexes ||
        d->annexes[annex_idx].path == NULL)
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "annex %d is not in the declaration", annex_idx);
    return write_volume(d, annex_idx, path, opts, fonts, &pages, err);
}

char *sb_volume_file_name(const struct sb_decl *d, int annex_idx)
{
    const struct sb_annex *a = &d->form->annexes[annex_idx];
    struct sb_buf b = {0};

    sb_buf_printf(&b, "附件%d-", a->number);
    for (const char *c = a->title; *c; c++)
        if (*c == '/')
            sb_buf_puts(&b, "／");
        else
            sb_buf_putc(&b, *c);
    sb_buf_puts(&b, ".pdf");
    return sb_buf_take(&b);
}

void sb_volume_info_free(struct sb_volume_info *v)
{
    free(v->title);
    free(v->path);
    for (int k = 0; k < v->n_items; k++) {
        free(v->items[k].title);
        free(v->items[k].indicators);
    }
    free(v->items);
    memset(v, 0, sizeof *v);
}

void sb_volume_list_free(struct sb_volume_list *l)
{
    for (int i = 0; i < l->n; i++)
        sb_volume_info_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

static struct sb_volume_info *list_add(struct sb_volume_list *l)
{
    struct sb_volume_info *v;

    l->v = sb_xrealloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
    v = &l->v[l->n++];
    memset(v, 0, sizeof *v);
    return v;
}

int sb_volumes_write(const struct sb_decl *d, const char *dir, const char *only,
                     const struct sb_volume_opts *opts, struct sb_fonts *fonts,
                     struct sb_volume_list *out, struct sb_error *err)
{
    struct sb_error e = {0};
    struct sb_volume_info ev = {0};
    int rc, first = SB_OK, found = only == NULL;
    char *path;

    rc = sb_mkdirs(dir, err);
    if (rc != SB_OK)
        return rc;
    for (int i = 0; i < d->form->n_annexes; i++) {
        const struct sb_annex *a = &d->form->annexes[i];
        char *name;
        int pages = 0;

        if (d->annexes[i].path == NULL ||
            (only != NULL && strcmp(only, a->code) != 0))
            continue;
        found = 1;
        name = sb_volume_file_name(d, i);
        path = sb_xasprintf("%s/%s", dir, name);
        free(name);
        rc = write_volume(d, i, path, opts, fonts, &pages, &e);
        sb_error_keep_first(rc, &e, &first, err);
        if (rc == SB_OK && out != NULL) {
            struct sb_volume_info *v = list_add(out);

            v->title = sb_xasprintf("附件%d %s", a->number, a->title);
            v->path = path;
            v->annex_number = a->number;
            v->pages = pages;
            v->rows = d->annexes[i].rows;
            path = NULL;
        }
        free(path);
    }
    if (only == NULL || strcmp(only, "evidence") == 0) {
        path = sb_xasprintf("%s/证明材料.pdf", dir);
        rc = sb_evidence_write(d, path, opts, fonts, &ev, &e);
        sb_error_keep_first(rc, &e, &first, err);
        found = found || ev.pages > 0;
        if (rc == SB_OK && ev.pages > 0 && out != NULL)
            *list_add(out) = ev;
        else
            sb_volume_info_free(&ev);
        free(path);
    }
    if (!found && first == SB_OK)
        first = sb_error_set(err, SB_EUSAGE, NULL, "%s: %s", only,
                             strcmp(only, "evidence") == 0
                                 ? "no evidence to place"
                                 : "no such annex in the declaration");
    return first;
}
