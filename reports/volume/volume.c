/* volume.c: the declaration side of the volumes (see volume.h): which
 * columns an annex volume prints and what its title page says, the
 * rows read again from the file and masked when asked, the file names,
 * and the set of volumes of a declaration. The typesetting is in
 * volume_pdf.c and evidence.c (volume_int.h says why they are apart). */
#include "volume/volume.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cells/cell.h"
#include "read/csvin.h"
#include "check/counted.h"
#include "check/decl.h"
#include "form/mask.h"
#include "base/numfmt.h"
#include "base/outfile.h"
#include "base/progress.h"
#include "volume/group.h"
#include "volume/volume_int.h"

/* A printed column. */
struct vcol {
    const char *title; /* header as written, or "序号" */
    int field;         /* field of the file, or -1: the volume's 序号 or
                          a counted column */
    int counted;       /* counted column k + 1 (check/counted.h), or 0 */
    enum sb_mask mask; /* what to mask when opts->mask */
    enum sb_vol_align align;
};

/* Where a grouped list is (struct src): before a group's header row,
 * in its rows, before its subtotal, after the total. */
enum src_state { ST_HEAD, ST_ROWS, ST_NEXT, ST_END };

/* The rows of one annex file, for struct sb_vol_table: in file order,
 * or group by group (gr), each group's rows under a header row and
 * followed by a subtotal row, a total row at the end. */
struct src {
    const struct sb_decl *d;
    const char *path;
    const char *annex; /* annex code, for csvin */
    struct sb_csvin *in;
    struct vcol *cols;
    int n_cols;
    int mask;
    struct sb_buf *cell; /* per printed column */
    const char **cells;
    long n; /* data rows read since the rewind */
    struct sb_vol_groups *gr; /* NULL: not grouped */
    int g;                    /* the group being printed */
    enum src_state state;
    int file_order;           /* rows as in the file, even when grouped */
    struct sb_counted *cnt;   /* the counted columns, or NULL */
    int total_done;           /* ungrouped with cnt: the total row given */
    int total_field;          /* the list's declared figure, or -1 */
    unsigned char *spans;     /* a row across all columns */
    struct sb_progress *bar;  /* rows of the file drawn, or NULL */
    int file_row;             /* the row given last is one of the file */
};

static int src_open(struct src *s, struct sb_error *err)
{
    sb_csvin_close(s->in);
    s->in = NULL;
    return sb_csvin_open_rows(&s->in, s->path, s->annex, err);
}

static int src_rewind(void *user, struct sb_error *err)
{
    struct src *s = user;

    s->n = 0;
    s->g = 0;
    s->state = ST_HEAD;
    s->file_order = 0;
    s->total_done = 0;
    return src_open(s, err);
}

static int src_rewind_file_order(void *user, struct sb_error *err)
{
    struct src *s = user;
    int rc = src_rewind(user, err);

    s->file_order = 1;
    return rc;
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

/* A row of the file into s->cells (numbered by the volume when the
 * file has no 序号). */
static void put_row(struct src *s, const struct sb_record *rec)
{
    s->n++;
    s->file_row = 1;
    if (s->cnt != NULL)
        sb_counted_row(s->cnt, rec);
    for (int c = 0; c < s->n_cols; c++) {
        if (s->cols[c].counted > 0) {
            sb_counted_verdict(s->cnt, s->cols[c].counted - 1, &s->cell[c]);
        } else if (s->cols[c].field < 0) {
            sb_buf_clear(&s->cell[c]);
            sb_buf_printf(&s->cell[c], "%ld", s->n);
        } else {
            put_field(s, rec, &s->cols[c], c == s->n_cols - 1, &s->cell[c]);
        }
        s->cells[c] = s->cell[c].data;
    }
}

/* A row of one cell across all columns: label, then (tie) how rows tie
 * to the declared figure field (group.h), then (totals) the counted
 * columns' totals. */
static void put_line(struct src *s, const char *label, int field, long rows,
                     int tie, int totals)
{
    s->file_row = 0;
    sb_buf_clear(&s->cell[0]);
    sb_buf_puts(&s->cell[0], label);
    if (tie) {
        struct sb_buf t = {0};

        sb_vol_tie_text(s->d, field, rows, &t);
        sb_buf_puts(&s->cell[0], t.data);
        sb_buf_free(&t);
    }
    if (totals)
        sb_vol_counted_totals(s->d, s->cnt, &s->cell[0]);
    s->cells[0] = s->cell[0].data;
    for (int c = 1; c < s->n_cols; c++)
        s->cells[c] = NULL;
}

/* The next row of a grouped list: 1 (*row and *line set for a row of
 * the file, left 0 for a header, subtotal or total row), 0 at the end,
 * -1 on error. */
static int group_next(struct src *s, long *row, long *line,
                      struct sb_error *err)
{
    struct sb_vol_groups *gr = s->gr;
    struct sb_record *rec;
    struct sb_buf label = {0};
    char num[SB_NUMFMT_SIZE];

    for (;;) {
        const struct sb_vol_group *g = &gr->g[s->g < gr->n ? s->g : 0];

        switch (s->state) {
        case ST_HEAD:
            if (s->g == gr->n) {
                long all = 0;

                for (int k = 0; k < gr->n; k++)
                    all += gr->g[k].rows;
                put_line(s, "合计：", gr->total_field, all, 1, 1);
                s->state = ST_END;
                return 1;
            }
            if (s->g == gr->n - 1 && g->rows == 0) { /* all recognised */
                s->g++;
                continue;
            }
            sb_buf_printf(&label, "%s（%s 条）", g->label,
                          sb_numfmt_group((double)g->rows, 0, num,
                                          sizeof num));
            put_line(s, label.data, -1, 0, 0, 0);
            sb_buf_free(&label);
            s->state = g->rows > 0 ? ST_ROWS : ST_NEXT;
            if (s->state == ST_ROWS && src_open(s, err) != SB_OK)
                return -1;
            return 1;
        case ST_ROWS:
            if (sb_csvin_next(s->in, &rec, err) != SB_OK)
                return -1;
            if (rec != NULL) {
                int f = gr->file_field;
                int k = f < rec->n_fields
                            ? sb_vol_group_of(gr, rec->fields[f], rec->lens[f])
                            : gr->n - 1;

                if (k != s->g)
                    continue;
                put_row(s, rec);
                *row = rec->row;
                *line = rec->line;
                return 1;
            }
            s->state = ST_NEXT;
            continue;
        case ST_NEXT:
            sb_buf_printf(&label, "%s小计：", g->label);
            put_line(s, label.data, g->field, g->rows, 1, 0);
            sb_buf_free(&label);
            s->g++;
            s->state = ST_HEAD;
            return 1;
        case ST_END:
            return 0;
        }
    }
}

static int src_next(void *user, const char *const **cells,
                    const unsigned char **spans, long *row, long *line,
                    struct sb_error *err)
{
    struct src *s = user;
    struct sb_record *rec;
    int rc;

    *spans = NULL;
    *row = 0;
    *line = 0;
    if (s->in == NULL)
        return 0;
    if (s->gr != NULL && !s->file_order) {
        rc = group_next(s, row, line, err);
        if (rc == 1 && *row == 0)
            *spans = s->spans;
        *cells = s->cells;
        return rc;
    }
    rc = sb_csvin_next(s->in, &rec, err);
    if (rc != SB_OK)
        return -1;
    if (rec == NULL && s->cnt != NULL && !s->total_done && !s->file_order) {
        put_line(s, "合计：", s->total_field, s->n, 1, 1);
        s->total_done = 1;
        *spans = s->spans;
        *cells = s->cells;
        return 1;
    }
    if (rec == NULL)
        return 0;
    put_row(s, rec);
    *cells = s->cells;
    *row = rec->row;
    *line = rec->line;
    return 1;
}

/* The typesetter drew the row src_next gave last: a row of the file
 * steps the progress line (a group's header, subtotal or the total do
 * not: the stage counts the file's rows). */
static void src_drawn(void *user)
{
    struct src *s = user;

    if (s->file_row)
        sb_progress_step(s->bar, 1);
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
                     const struct sb_annex_result *res,
                     const struct sb_counted *cnt, struct vcol **out)
{
    int n = res->n_headers, own = 0, k = 0;
    int n_cnt = cnt != NULL ? sb_counted_n(cnt) : 0;
    struct vcol *v;

    for (int c = 0; c < a->n_cols; c++)
        if (strcmp(a->cols[c].header, "序号") == 0 && res->col_field[c] >= 0)
            own = 1;
    v = sb_xcalloc((size_t)(n + 1 + n_cnt), sizeof *v);
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
    for (int j = 0; j < n_cnt; j++, k++) {
        v[k].title = sb_counted_header(cnt, j);
        v[k].field = -1;
        v[k].counted = j + 1;
        v[k].align = SB_VOL_LEFT;
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

/* The facts of the title page into f[] (at most MAX_FACTS - 2, leaving
 * room for the electronic list's); strings go to bufs[]. Returns how
 * many. */
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

/* The remark of the title page into b: how the rows are ordered, and
 * what the counted columns mean. */
static void remark(const struct sb_vol_groups *gr,
                   const struct sb_counted *cnt, int own_seq, int electronic,
                   struct sb_buf *b)
{
    if (electronic) {
        sb_buf_puts(b, "说明：本清单按通知说明3以电子版提交，全部记录见上列"
                       "电子清单文件（SHA-256 可核对文件未经改动），亦载于"
                       "附件清单电子表格（XLSX）；本册印出各类记录条数及与"
                       "申报书填报数的核对。");
        return;
    }
    if (gr == NULL) {
        sb_buf_puts(b, "说明：全部记录按来源文件的行序印出，单元格照录原文；");
    } else {
        sb_buf_puts(b, "说明：记录按");
        for (int k = 0; k < gr->n - 1; k++)
            sb_buf_printf(b, "%s%s", k > 0 ? "、" : "", gr->g[k].label);
        sb_buf_puts(b, "分类印出，类内按来源文件的行序，单元格照录原文；"
                       "每类之后为小计，末行为合计，均与申报书填报数核对；");
    }
    sb_buf_puts(b, own_seq ? "序号为来源文件所填。"
                           : "来源文件无序号列，序号按印出顺序编排。");
    for (int k = 0; cnt != NULL && k < sb_counted_n(cnt); k++) {
        if (k > 0)
            sb_buf_puts(b, "；");
        else if (sb_counted_n(cnt) == 1)
            sb_buf_puts(b, "末列为按申报通知计数规则算出的核对列，");
        else
            sb_buf_printf(b, "末%d列为按申报通知计数规则算出的核对列，",
                          sb_counted_n(cnt));
        sb_counted_explain(cnt, k, b);
    }
    if (cnt != NULL)
        sb_buf_puts(b, "；合计行与申报书填报数核对。");
}

/* The summary of an electronic list: a row per group (or one for the
 * whole list) and the total, each tied to its declared figure. */
struct summary {
    int n, i;
    char *cells[16][2];
    const char *row[2];
};

static void summary_add(struct summary *m, const char *label,
                        const struct sb_decl *d, int field, long rows)
{
    struct sb_buf t = {0};

    sb_vol_tie_text(d, field, rows, &t);
    m->cells[m->n][0] = sb_xstrdup(label);
    m->cells[m->n][1] = sb_buf_take(&t);
    m->n++;
}

static int summary_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct summary *)user)->i = 0;
    return SB_OK;
}

static int summary_next(void *user, const char *const **cells,
                        const unsigned char **spans, long *row, long *line,
                        struct sb_error *err)
{
    struct summary *m = user;

    (void)err;
    *spans = NULL;
    if (m->i == m->n)
        return 0;
    m->row[0] = m->cells[m->i][0];
    m->row[1] = m->cells[m->i][1];
    *cells = m->row;
    *row = 0;
    *line = 0;
    m->i++;
    return 1;
}

/* Copy the list from (the declaration's file) to to, its SHA-256 in
 * hex into hex. Returns SB_OK, or SB_EIO with err (to untouched). */
static int copy_list(const char *from, const char *to, char hex[65],
                     struct sb_error *err)
{
    struct sb_outfile o = {0};
    GChecksum *ck;
    FILE *in = fopen(from, "rb");
    char buf[1 << 16];
    size_t n;
    int rc;

    if (in == NULL)
        return sb_error_set(err, SB_EIO, NULL, "%s: cannot read", from);
    rc = sb_outfile_open(&o, to, err);
    if (rc != SB_OK) {
        fclose(in);
        return rc;
    }
    ck = g_checksum_new(G_CHECKSUM_SHA256);
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        g_checksum_update(ck, (const guchar *)buf, n);
        fwrite(buf, 1, n, o.fp); /* checked by the commit */
    }
    if (ferror(in)) {
        sb_outfile_abort(&o);
        rc = sb_error_set(err, SB_EIO, NULL, "%s: cannot read", from);
    } else {
        rc = sb_outfile_commit(&o, err);
    }
    snprintf(hex, 65, "%s", g_checksum_get_string(ck));
    g_checksum_free(ck);
    fclose(in);
    return rc;
}

/* Is annex code in the comma-separated list? */
static int listed(const char *list, const char *code)
{
    size_t n = strlen(code);

    for (const char *p = list; p != NULL && *p != '\0';) {
        const char *end = strchr(p, ',');
        size_t item = end != NULL ? (size_t)(end - p) : strlen(p);

        if (item == n && strncmp(p, code, n) == 0)
            return 1;
        p = end != NULL ? end + 1 : NULL;
    }
    return 0;
}

/* Is annex idx's volume asked for in electronic form (opts->electronic)? */
static int is_electronic(const struct sb_decl *d, int idx,
                         const struct sb_volume_opts *opts)
{
    return opts != NULL && listed(opts->electronic, d->form->annexes[idx].code);
}

/* The progress stage of the volumes to write (only: one annex or
 * NULL for all): the rows of the printed lists. NULL when progress is
 * off or no list is printed (only the evidence, or all electronic). */
static struct sb_progress *begin_rows(const struct sb_decl *d,
                                      const char *only,
                                      const struct sb_volume_opts *opts)
{
    long long rows = 0;

    for (int i = 0; i < d->form->n_annexes; i++)
        if (d->annexes[i].path != NULL && !is_electronic(d, i, opts) &&
            (only == NULL || strcmp(only, d->form->annexes[i].code) == 0))
            rows += d->annexes[i].rows;
    return rows > 0 ? sb_progress_begin("附件卷册", "行", rows) : NULL;
}

/* Write the volume of annex idx to path, in electronic form when asked
 * (the list copied beside it as a .csv of the same name, a summary
 * printed); *pages receives its page count. */
static int write_form(const struct sb_decl *d, int idx, const char *path,
                      const struct sb_volume_opts *opts, int electronic,
                      struct sb_fonts *fonts, struct sb_progress *bar,
                      int *pages, struct sb_error *err)
{
    static const char *const sum_titles[] = {"类别", "记录条数及与申报书核对"};
    static const enum sb_vol_align sum_align[] = {SB_VOL_LEFT, SB_VOL_LEFT};
    const struct sb_annex *a = &d->form->annexes[idx];
    const struct sb_annex_result *res = &d->annexes[idx];
    struct sb_vol_fact fact[MAX_FACTS];
    struct sb_buf bufs[MAX_FACTS] = {{0}}, note = {0};
    struct sb_vol_table t = {0};
    struct sb_vol_groups gr;
    struct summary sum = {0};
    struct src s = {0};
    const char **titles;
    enum sb_vol_align *align;
    int rc = SB_OK, grouped = sb_vol_groups_of(d, idx, &gr);

    if (grouped)
        rc = sb_vol_groups_count(d, &gr, err);
    if (rc == SB_OK && !electronic)
        rc = sb_counted_open(d, idx, &s.cnt, err);
    s.d = d;
    s.bar = bar;
    s.total_field = sb_vol_total_field(d, idx);
    s.path = res->path;
    s.annex = a->code;
    s.mask = opts != NULL && opts->mask;
    s.gr = grouped ? &gr : NULL;
    s.n_cols = make_cols(a, res, s.cnt, &s.cols);
    s.cell = sb_xcalloc((size_t)s.n_cols, sizeof *s.cell);
    s.cells = sb_xcalloc((size_t)s.n_cols, sizeof *s.cells);
    s.spans = sb_xcalloc((size_t)s.n_cols, 1);
    if (s.n_cols > 0)
        s.spans[0] = (unsigned char)(s.n_cols < 255 ? s.n_cols : 255);
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
    t.source = res->path;
    remark(s.gr, s.cnt, s.n_cols > 0 && s.cols[0].field >= 0, electronic,
           &note);
    t.remark = note.data;
    if (electronic && rc == SB_OK) {
        char *csv = sb_xasprintf("%.*s.csv", (int)(strlen(path) - 4), path);
        const char *base = strrchr(csv, '/');
        char hex[65];
        long all = 0;

        rc = copy_list(res->path, csv, hex, err);
        sb_buf_puts(&bufs[t.n_facts], base != NULL ? base + 1 : csv);
        fact[t.n_facts] = (struct sb_vol_fact){"电子清单文件",
                                               bufs[t.n_facts].data};
        t.n_facts++;
        sb_buf_puts(&bufs[t.n_facts], hex);
        fact[t.n_facts] = (struct sb_vol_fact){"SHA-256",
                                               bufs[t.n_facts].data};
        t.n_facts++;
        free(csv);
        for (int k = 0; grouped && k < gr.n && sum.n < 15; k++) {
            if (k < gr.n - 1 || gr.g[k].rows > 0)
                summary_add(&sum, gr.g[k].label, d, gr.g[k].field,
                            gr.g[k].rows);
            all += gr.g[k].rows;
        }
        summary_add(&sum, "合计", d,
                    grouped ? gr.total_field : sb_vol_total_field(d, idx),
                    grouped ? all : res->rows);
        t.n_cols = 2;
        t.col_titles = sum_titles;
        t.col_align = sum_align;
        t.rewind = summary_rewind;
        t.next = summary_next;
        t.user = &sum;
    } else {
        t.n_cols = s.n_cols;
        t.col_titles = titles;
        t.col_align = align;
        t.rewind = src_rewind;
        t.rewind_measure = src_rewind_file_order;
        t.next = src_next;
        t.drawn = src_drawn;
        t.user = &s;
    }
    if (rc == SB_OK)
        rc = sb_vol_table_write(&t, path, fonts, d->findings, pages, err);
    sb_csvin_close(s.in);
    sb_counted_free(s.cnt);
    for (int c = 0; c < s.n_cols; c++)
        sb_buf_free(&s.cell[c]);
    for (int i = 0; i < MAX_FACTS; i++)
        sb_buf_free(&bufs[i]);
    for (int i = 0; i < sum.n; i++) {
        free(sum.cells[i][0]);
        free(sum.cells[i][1]);
    }
    sb_buf_free(&note);
    if (grouped)
        sb_vol_groups_free(&gr);
    free(s.cell);
    free(s.cells);
    free(s.spans);
    free(s.cols);
    free(titles);
    free(align);
    return rc;
}

/* Write the volume of annex idx: electronic when opts lists it, or when
 * the printed list would take more pages than opts->electronic_pages
 * (the printed one is then replaced). */
static int write_volume(const struct sb_decl *d, int idx, const char *path,
                        const struct sb_volume_opts *opts,
                        struct sb_fonts *fonts, struct sb_progress *bar,
                        int *pages, struct sb_error *err)
{
    int electronic = is_electronic(d, idx, opts);
    int rc = write_form(d, idx, path, opts, electronic, fonts, bar, pages,
                        err);

    if (rc == SB_OK && !electronic && opts != NULL &&
        opts->electronic_pages > 0 && *pages > opts->electronic_pages)
        rc = write_form(d, idx, path, opts, 1, fonts, bar, pages, err);
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
    return write_volume(d, annex_idx, path, opts, fonts, NULL, &pages, err);
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
    struct sb_progress *bar;
    int rc, first = SB_OK, found = only == NULL;
    char *path;

    rc = sb_mkdirs(dir, err);
    if (rc != SB_OK)
        return rc;
    bar = begin_rows(d, only, opts);
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
        rc = write_volume(d, i, path, opts, fonts, bar, &pages, &e);
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
    sb_progress_end(bar);
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
