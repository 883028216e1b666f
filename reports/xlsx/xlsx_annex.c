/* xlsx_annex.c: one annex list streamed into its sheets (see xlsx.h):
 * the file is read again record by record with sb_csvin and each record
 * written at once, so memory holds one record whatever the file's
 * size. Record r of the file is row r of the sheet (the header is row
 * 1), as findings name it; past Excel's last row a continuation sheet
 * starts, with the header row again. */
#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "check/counted.h"
#include "read/csvin.h"
#include "form/mask.h"
#include "base/utf8.h"
#include "xlsx/xlsx_book.h"

/* Data rows per sheet: all rows but the header. */
#define DATA_ROWS (SB_XLSX_ROWS - 1)
/* Records whose text sizes the columns (with the header). */
#define WIDTH_SAMPLE 1000

/* How the cells of one file column are written. */
enum kind {
    K_TEXT, /* a string */
    K_CODE, /* a string in text format: IDs, codes, phone numbers */
    K_INT,  /* numbers */
    K_DECIMAL,
    K_MONEY,
    K_PERCENT, /* written as a fraction */
    K_DATE,    /* written as an Excel serial date */
};

struct column {
    enum kind kind;
    enum sb_mask mask; /* SB_MASK_NONE unless masking */
    lxw_format *fmt;   /* number or date format, or text format */
    double width;      /* widest display text of the sample */
};

/* The sheets of one annex being written. */
struct sheets {
    struct sb_xlsx_book *bk;
    const struct sb_annex_result *res;
    char *base;          /* "附件1 工业设备清单" */
    struct column *cols; /* per file column (field) */
    int n_cols;          /* columns seen: the header's, or wider rows' */
    int cap;
    lxw_worksheet *ws;  /* the sheet being written */
    int part;           /* 0, or the continuation number */
    lxw_row_t last_row; /* 0-based row index of the last row written */
    struct sb_counted *cnt; /* its counted columns, after the file's */
    int n_cnt;
    struct sb_buf name, scratch, masked;
};

static enum kind kind_of(enum sb_type t)
{
    switch (t) {
    case SB_TYPE_INT:
        return K_INT;
    case SB_TYPE_DECIMAL:
        return K_DECIMAL;
    case SB_TYPE_MONEY:
        return K_MONEY;
    case SB_TYPE_PERCENT:
        return K_PERCENT;
    case SB_TYPE_DATE:
        return K_DATE;
    case SB_TYPE_ID:
    case SB_TYPE_USCC:
    case SB_TYPE_ORGCODE:
    case SB_TYPE_PHONE:
    case SB_TYPE_MOBILE:
        return K_CODE;
    default:
        return K_TEXT;
    }
}

/* Make room for n file columns; new ones are unknown columns: text. */
static void grow(struct sheets *sh, int n)
{
    if (n <= sh->cap)
        return;
    sh->cols = sb_xrealloc(sh->cols, (size_t)n * sizeof *sh->cols);
    memset(sh->cols + sh->cap, 0, (size_t)(n - sh->cap) * sizeof *sh->cols);
    sh->cap = n;
}

/* Map the file's columns to the annex's, from the check's matching. */
static void map_columns(struct sheets *sh, const struct sb_annex *a)
{
    const struct sb_xlsx_book *bk = sh->bk;

    grow(sh, sh->res->n_headers + sh->n_cnt + 1);
    sh->n_cols = sh->res->n_headers + sh->n_cnt;
    for (int c = 0; c < a->n_cols; c++) {
        const struct sb_column *col = &a->cols[c];
        int f = sh->res->col_field[c];
        struct column *sc;

        if (f < 0)
            continue;
        sc = &sh->cols[f];
        sc->kind = kind_of(col->type);
        sc->mask = bk->mask ? col->mask : SB_MASK_NONE;
        if (sc->kind == K_CODE)
            sc->fmt = bk->text;
        else if (sc->kind == K_INT)
            sc->fmt = bk->integer;
        else if (sc->kind == K_MONEY)
            sc->fmt = sb_xlsx_money_format(bk, sh->res->col_yuan[c]);
        else if (sc->kind == K_PERCENT)
            sc->fmt = bk->percent;
        else if (sc->kind == K_DATE)
            sc->fmt = bk->date;
    }
    for (int i = 0; i < sh->res->n_headers; i++) {
        const char *h = sh->res->headers[i];

        sh->cols[i].width = sb_xlsx_text_width(h, strlen(h));
    }
    for (int k = 0; k < sh->n_cnt; k++) {
        const char *h = sb_counted_header(sh->cnt, k);

        sh->cols[sh->res->n_headers + k].width = sb_xlsx_text_width(h, strlen(h));
    }
}

static double pow10i(int k)
{
    static const double p[] = {1e0, 1e1, 1e2, 1e3, 1e4,  1e5,
                               1e6, 1e7, 1e8, 1e9, 1e10, 1e11};

    return p[k];
}

/* The number a cell of a numeric kind holds, if it parses. Parsed from
 * the exact decimal so 13.11% is 0.1311, not 0.13110000000000002. */
static int number_of(enum kind k, const char *t, size_t n, double *v)
{
    struct sb_decimal d;
    int64_t iv;
    int32_t days;

    switch (k) {
    case K_INT:
        if (!sb_cell_parse_int(t, n, 0, &iv, NULL))
            return 0;
        *v = (double)iv;
        return 1;
    case K_DECIMAL:
    case K_MONEY:
        if (!sb_cell_parse_decimal(t, n, 0, &d, NULL))
            return 0;
        *v = (double)d.v / pow10i(d.scale);
        return 1;
    case K_PERCENT:
        if (!sb_cell_parse_percent(t, n, &d, NULL))
            return 0;
        *v = (double)d.v / pow10i(d.scale + 2);
        return 1;
    case K_DATE:
        if (!sb_cell_parse_date(t, n, &days, NULL))
            return 0;
        *v = sb_xlsx_serial_date(days);
        return 1;
    case K_TEXT:
    case K_CODE:
        break;
    }
    return 0;
}

static lxw_error write_cell(struct sheets *sh, lxw_row_t row, int i,
                            const char *s, size_t len)
{
    const struct column *c = &sh->cols[i];
    const char *t;
    size_t n = sb_trim(s, len, &t);
    double v;

    if (n == 0)
        return LXW_NO_ERROR;
    if (number_of(c->kind, t, n, &v))
        return worksheet_write_number(sh->ws, row, (lxw_col_t)i, v, c->fmt);
    if (c->mask != SB_MASK_NONE) {
        sb_mask_apply(c->mask, t, n, &sh->masked);
        t = sh->masked.data;
        n = sh->masked.len;
    }
    return sb_xlsx_write_text(sh->ws, row, (lxw_col_t)i, t, n,
                              c->kind == K_CODE ? c->fmt : NULL, &sh->scratch);
}

/* Size the columns from the record's text. */
static void measure(struct sheets *sh, const struct sb_record *rec)
{
    for (int i = 0; i < rec->n_fields; i++) {
        double w = sb_xlsx_text_width(rec->fields[i], rec->lens[i]);

        if (sh->cols[i].kind == K_MONEY)
            w += 4; /* the unit shown after the number */
        if (w > sh->cols[i].width)
            sh->cols[i].width = w;
    }
}

/* Widths, filter and frozen header of the sheet just written. */
static int finish(struct sheets *sh, struct sb_error *err)
{
    lxw_error e = LXW_NO_ERROR;

    for (int i = 0; i < sh->n_cols && e == LXW_NO_ERROR; i++)
        e = worksheet_set_column(sh->ws, (lxw_col_t)i, (lxw_col_t)i,
                                 sb_xlsx_column_width(sh->cols[i].width), NULL);
    if (e == LXW_NO_ERROR && sh->n_cols > 0)
        e = worksheet_autofilter(sh->ws, 0, 0, sh->last_row,
                                 (lxw_col_t)(sh->n_cols - 1));
    if (e == LXW_NO_ERROR && sh->n_cols > 0)
        e = sb_xlsx_print_setup(sh->ws, sh->last_row,
                                (lxw_col_t)(sh->n_cols - 1));
    if (e != LXW_NO_ERROR)
        return sb_xlsx_fail(err, e, sh->name.data);
    worksheet_freeze_panes(sh->ws, 1, 0);
    return SB_OK;
}

/* Add the sheet of part and write its header row. */
static int start(struct sheets *sh, int part, struct sb_error *err)
{
    const struct sb_annex_result *res = sh->res;
    lxw_error e = LXW_NO_ERROR;

    sh->part = part;
    sh->last_row = 0;
    sb_xlsx_sheet_name(sh->base, part, &sh->name);
    sh->ws = workbook_add_worksheet(sh->bk->wb, sh->name.data);
    if (sh->ws == NULL)
        return sb_error_set(err, SB_ERENDER, NULL,
                            "cannot add the sheet \"%s\" (a name used twice?)",
                            sh->name.data);
    for (int i = 0; i < res->n_headers && e == LXW_NO_ERROR; i++)
        e = sb_xlsx_write_text(sh->ws, 0, (lxw_col_t)i, res->headers[i],
                               strlen(res->headers[i]), sh->bk->header,
                               &sh->scratch);
    for (int k = 0; k < sh->n_cnt && e == LXW_NO_ERROR; k++) {
        const char *h = sb_counted_header(sh->cnt, k);

        e = sb_xlsx_write_text(sh->ws, 0, (lxw_col_t)(res->n_headers + k), h,
                               strlen(h), sh->bk->header, &sh->scratch);
    }
    if (e != LXW_NO_ERROR)
        return sb_xlsx_fail(err, e, sh->name.data);
    return SB_OK;
}

static int write_record(struct sheets *sh, const struct sb_record *rec,
                        struct sb_error *err)
{
    long idx = rec->row - 1; /* data record, 1-based */
    int part = (int)((idx - 1) / DATA_ROWS);
    lxw_row_t row = (lxw_row_t)(idx - (long)part * DATA_ROWS);
    lxw_error e = LXW_NO_ERROR;
    int rc;

    if (part != sh->part) {
        rc = finish(sh, err);
        if (rc == SB_OK)
            rc = start(sh, part, err);
        if (rc != SB_OK)
            return rc;
    }
    if (rec->n_fields > sh->n_cols) {
        grow(sh, rec->n_fields);
        sh->n_cols = rec->n_fields;
    }
    if (rec->row <= WIDTH_SAMPLE + 1)
        measure(sh, rec);
    for (int i = 0; i < rec->n_fields && e == LXW_NO_ERROR; i++)
        e = write_cell(sh, row, i, rec->fields[i], rec->lens[i]);
    if (sh->n_cnt > 0)
        sb_counted_row(sh->cnt, rec);
    for (int k = 0; k < sh->n_cnt && e == LXW_NO_ERROR; k++) {
        struct column *c = &sh->cols[sh->res->n_headers + k];

        sb_counted_verdict(sh->cnt, k, &sh->masked);
        if (rec->row <= WIDTH_SAMPLE + 1 &&
            sb_xlsx_text_width(sh->masked.data, sh->masked.len) > c->width)
            c->width = sb_xlsx_text_width(sh->masked.data, sh->masked.len);
        e = sb_xlsx_write_text(sh->ws, row, (lxw_col_t)(sh->res->n_headers + k),
                               sh->masked.data, sh->masked.len, NULL,
                               &sh->scratch);
    }
    if (e != LXW_NO_ERROR)
        return sb_xlsx_fail(err, e, sh->name.data);
    sh->last_row = row;
    return SB_OK;
}

/* Below the last record, after an empty row (once the sheet is
 * finished: its filter ends at the records): the total of the counted
 * columns tied to their declared figures (volume/group.h), in the
 * print area. */
static int write_total(struct sheets *sh, struct sb_error *err)
{
    const struct sb_decl *d = sh->bk->d;
    struct sb_buf t = {0};
    lxw_row_t row = sh->last_row + 2;
    lxw_error e;

    sb_buf_puts(&t, "合计：");
    sb_vol_tie_text(d, sb_vol_total_field(d, (int)(sh->res - d->annexes)),
                    sh->res->rows, &sh->masked);
    sb_buf_puts(&t, sh->masked.data);
    sb_vol_counted_totals(d, sh->cnt, &t);
    e = sb_xlsx_write_text(sh->ws, row, 0, t.data, t.len, NULL, &sh->scratch);
    sb_buf_free(&t);
    if (e == LXW_NO_ERROR)
        e = sb_xlsx_print_setup(sh->ws, row, (lxw_col_t)(sh->n_cols - 1));
    if (e != LXW_NO_ERROR)
        return sb_xlsx_fail(err, e, sh->name.data);
    sh->last_row = row;
    return SB_OK;
}

int sb_xlsx_annex(struct sb_xlsx_book *bk, int idx,
                  struct sb_xlsx_annex_out *out, struct sb_error *err)
{
    const struct sb_annex *a = &bk->d->form->annexes[idx];
    struct sheets sh = {0};
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    int rc;

    memset(out, 0, sizeof *out);
    sh.bk = bk;
    sh.res = &bk->d->annexes[idx];
    sh.base = sb_xasprintf("附件%d %s", a->number, a->title);
    rc = sb_counted_open(bk->d, idx, &sh.cnt, err);
    if (rc != SB_OK) {
        free(sh.base);
        return rc;
    }
    sh.n_cnt = sh.cnt != NULL ? sb_counted_n(sh.cnt) : 0;
    map_columns(&sh, a);
    out->grouped = sb_vol_groups_of(bk->d, idx, &out->groups);
    rc = sb_csvin_open(&in, sh.res->path, NULL, NULL, err);
    if (rc == SB_OK)
        rc = start(&sh, 0, err);
    if (rc == SB_OK)
        out->first_sheet = sb_xstrdup(sh.name.data);
    while (rc == SB_OK) {
        rc = sb_csvin_next(in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        if (rec->row <= 1)
            continue;
        rc = write_record(&sh, rec, err);
        sb_progress_step(bk->bar, 1);
        if (out->grouped) {
            struct sb_vol_groups *g = &out->groups;
            int f = g->file_field;

            g->g[f < rec->n_fields
                     ? sb_vol_group_of(g, rec->fields[f], rec->lens[f])
                     : g->n - 1]
                .rows++;
        }
    }
    if (rc == SB_OK)
        rc = finish(&sh, err);
    if (rc == SB_OK && sh.cnt != NULL)
        rc = write_total(&sh, err);
    sb_counted_free(sh.cnt);
    out->n_sheets = sh.part + 1;
    sb_csvin_close(in);
    free(sh.base);
    free(sh.cols);
    sb_buf_free(&sh.name);
    sb_buf_free(&sh.scratch);
    sb_buf_free(&sh.masked);
    return rc;
}
