/* annex_cells.c: the cells of one row of an annex, each validated by its
 * column's type (cells/typed: numbers, money in the header's unit,
 * dates, enumerations, codes), required columns filled, values within
 * their bounds, and each listed example under its parent class. A
 * per-column memo (struct memo, annex_int.h) keeps the outcome of texts
 * that repeat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/keyset.h"
#include "base/utf8.h"
#include "cells/cell.h"
#include "check/annex_int.h"
#include "form/typed.h"

static struct memo_entry *memo_find(struct memo *m, const char *t, size_t n,
                                    int *hit)
{
    struct memo_entry *e;

    *hit = 0;
    if (m->e == NULL || n > MEMO_TEXT)
        return NULL;
    e = &m->e[sb_hash64(t, n) & (MEMO_SLOTS - 1)];
    m->lookups++;
    if (e->len == n && memcmp(e->text, t, n) == 0) {
        m->hits++;
        *hit = 1;
        return e;
    }
    if (m->lookups == MEMO_PROBATION && m->hits * 2 < m->lookups) {
        free(m->e);
        m->e = NULL;
        return NULL;
    }
    return e;
}

static void memo_keep(struct memo_entry *e, const char *t, size_t n)
{
    e->len = (unsigned char)n;
    memcpy(e->text, t, n);
}

static const char *bound_text(double v, int is_date, char buf[32])
{
    if (is_date) {
        sb_date_format((int32_t)v, buf);
    } else {
        snprintf(buf, 32, "%.15g", v);
    }
    return buf;
}

/* The cell.range error for cell c, whose value is out of its column's
 * bounds; the cell is then bad. */
static void report_range(struct reader *rd, const struct sb_record *rec, int c)
{
    const struct sb_column *col = &rd->a->cols[c];
    struct sb_cellval *cv = &rd->cells[c];
    char b1[32], b2[32];
    struct sb_buf exp = {0};
    int is_date = col->type == SB_TYPE_DATE;

    if (rd->has_lo[c])
        sb_buf_printf(&exp, "不小于 %s", bound_text(rd->lo[c], is_date, b1));
    if (rd->has_hi[c])
        sb_buf_printf(&exp, "%s不大于 %s", rd->has_lo[c] ? "，" : "",
                      bound_text(rd->hi[c], is_date, b2));
    annex_cell_finding(rd, rec, rd->res->col_field[c], SB_SEV_ERROR,
                       "cell.range", col->header, exp.data, cv->text,
                       is_date ? "日期超出合理范围（不能晚于统计截止日）"
                               : "数值超出合理范围",
                       NULL);
    sb_buf_free(&exp);
    cv->state = SB_CELL_BAD;
}

/* A cell t its column's type rejects (sb_typed_parse gave v, why and
 * kind): a cell.<kind> finding naming what was expected, and the cell is
 * bad. */
static void report_invalid(struct reader *rd, const struct sb_record *rec,
                           int c, const char *t, const struct sb_typed *v,
                           const char *why, const char *kind)
{
    const struct sb_column *col = &rd->a->cols[c];
    struct sb_buf code = {0}, exp = {0};

    rd->cells[c].state = SB_CELL_BAD;
    sb_buf_printf(&code, "cell.%s", kind);
    if (col->en != NULL &&
        (col->type == SB_TYPE_ENUM || col->type == SB_TYPE_ENUM_LIST)) {
        for (int i = 0; i < col->en->n; i++)
            sb_buf_printf(&exp, "%s%s", i ? "、" : "", col->en->values[i].text);
    } else if (kind[0] == 'u' && v->check != 0) {
        sb_buf_printf(&exp, "校验码 %c", v->check);
    } else {
        sb_buf_puts(&exp, sb_typed_expects(col->type));
    }
    annex_cell_finding(rd, rec, rd->res->col_field[c], SB_SEV_ERROR, code.data,
                       col->header, exp.data, t, why, rd->source);
    sb_buf_free(&code);
    sb_buf_free(&exp);
}

/* Fill rd->cells[c] from its cell: a memoised value, a none word (an
 * error when the column is required), a value the type rejects, or a
 * parsed value. Returns 1 when the cell holds a value. */
static int cell_value(struct reader *rd, const struct sb_record *rec, int c)
{
    const struct sb_column *col = &rd->a->cols[c];
    struct sb_cellval *cv = &rd->cells[c];
    int fi = rd->res->col_field[c];
    const char *t;
    size_t n;
    int none;
    struct sb_typed v;
    const char *why = NULL, *kind = NULL;
    struct memo_entry *me = NULL;

    memset(cv, 0, sizeof *cv);
    cv->enum_idx = -1;
    if (fi < 0)
        return 0;
    n = fi < rec->n_fields ? sb_trim(rec->fields[fi], rec->lens[fi], &t) : 0;
    if (n == 0)
        t = "";
    cv->text = t;
    cv->len = n;
    if (n > 0 && col->type != SB_TYPE_TEXT) {
        int hit;

        me = memo_find(&rd->memo[c], t, n, &hit);
        if (hit && !me->none) {
            cv->state = SB_CELL_OK;
            cv->num = me->num;
            cv->enum_idx = me->enum_idx;
            cv->mask = me->mask;
            return 1;
        }
        none = hit ? 1 : sb_cell_is_none(t, n);
        if (none && me != NULL && !hit) {
            memo_keep(me, t, n);
            me->none = 1;
        }
    } else {
        none = n == 0;
    }
    if (none) {
        if (col->required)
            annex_cell_finding(rd, rec, fi, SB_SEV_ERROR, "cell.required",
                               col->header, sb_typed_expects(col->type),
                               n ? t : "（空）", "必填单元格为空", rd->source);
        return 0;
    }
    if (!sb_typed_parse(col->type, col->en, rd->res->col_yuan[c], 0, t, n, &v,
                        &why, &kind)) {
        report_invalid(rd, rec, c, t, &v, why, kind);
        return 0;
    }
    cv->state = SB_CELL_OK;
    cv->num = v.num;
    cv->enum_idx = v.enum_idx;
    cv->mask = v.mask;
    if (v.warn != NULL) {
        /* a valid code, but say so each time: never memoised; its
         * source is the list's, as every cell finding's (a column's
         * note describes the column, it cites nothing) */
        annex_cell_finding(rd, rec, fi, SB_SEV_WARNING, "cell.uscc",
                           col->header, v.fixed, t, v.warn, rd->source);
        return 1;
    }
    if (me != NULL) {
        memo_keep(me, t, n);
        me->none = 0;
        me->num = v.num;
        me->enum_idx = v.enum_idx;
        me->mask = v.mask;
    }
    return 1;
}

/* A workbook cell of a numeric column that holds its number as text
 * (Excel's green triangle): read as the number, and a warning, since
 * Excel does not sum it. Text in a text column (an ID, a USCC) is what
 * it should be and says nothing. */
static void check_stored_as_text(struct reader *rd,
                                 const struct sb_record *rec, int c)
{
    const struct sb_column *col = &rd->a->cols[c];
    int fi = rd->res->col_field[c];

    if (rec->kinds == NULL || fi < 0 || fi >= rec->n_fields ||
        rec->kinds[fi] != SB_FIELD_TEXT)
        return;
    if (col->type == SB_TYPE_INT || col->type == SB_TYPE_DECIMAL ||
        col->type == SB_TYPE_MONEY || col->type == SB_TYPE_PERCENT)
        annex_cell_finding(rd, rec, fi, SB_SEV_WARNING, "xlsx.number-as-text",
                           col->header, "数值单元格", rd->cells[c].text,
                           "数字以文本形式存储：已按数值核对，但 Excel "
                           "求和时会漏掉它，请转换为数字",
                           NULL);
}

/* Check one cell and fill rd->cells[c]; a value out of its column's
 * bounds is an error too. */
static void check_cell(struct reader *rd, const struct sb_record *rec, int c)
{
    const struct sb_cellval *cv = &rd->cells[c];

    if (!cell_value(rd, rec, c))
        return;
    check_stored_as_text(rd, rec, c);
    if ((rd->has_lo[c] && cv->num < rd->lo[c]) ||
        (rd->has_hi[c] && cv->num > rd->hi[c]))
        report_range(rd, rec, c);
}

/* A listed example filed under another class (002 1.1: 机床 is 加工设备). */
static void check_parent(struct reader *rd, const struct sb_record *rec, int c)
{
    const struct sb_column *col = &rd->a->cols[c];
    const struct sb_column *pc = &rd->a->cols[col->parent_of];
    const struct sb_cellval *cv = &rd->cells[c];
    const struct sb_cellval *pv = &rd->cells[col->parent_of];
    const struct sb_enum_value *ev;
    int idx;

    struct memo_entry *me;
    int hit;

    if (cv->state != SB_CELL_OK || pv->state != SB_CELL_OK ||
        pv->enum_idx < 0 || pc->en == NULL)
        return;
    me = memo_find(&rd->pmemo[c], cv->text, cv->len, &hit);
    if (hit) {
        idx = me->enum_idx;
    } else {
        sb_norm_key(cv->text, cv->len, &rd->key);
        idx = sb_enum_find(col->en, rd->key.data);
        if (me != NULL) {
            memo_keep(me, cv->text, cv->len);
            me->enum_idx = idx;
        }
    }
    if (idx < 0)
        return;
    ev = &col->en->values[idx];
    if (ev->parent != NULL &&
        strcmp(ev->parent, pc->en->values[pv->enum_idx].text) != 0) {
        struct sb_buf msg = {0};

        sb_buf_printf(&msg, "“%s”在表单中列为%s，此行%s为%s", ev->text,
                      ev->parent, pc->header,
                      pc->en->values[pv->enum_idx].text);
        annex_cell_finding(rd, rec, rd->res->col_field[col->parent_of],
                           SB_SEV_WARNING, "cell.category", pc->header,
                           ev->parent, pc->en->values[pv->enum_idx].text,
                           msg.data, ev->note);
        sb_buf_free(&msg);
    }
}

/* A field longer than an Excel cell holds (SB_EXCEL_CELL_CHARS UTF-16
 * units): checked in full, but the annex workbook keeps only its start,
 * so the reader is told where (a warning; the bytes are a cheap bound,
 * a UTF-8 byte never makes more than one unit). */
static void check_excel_length(struct reader *rd, const struct sb_record *rec)
{
    for (int i = 0; i < rec->n_fields; i++) {
        size_t end, units;
        char exp[48], got[48];

        if (rec->lens[i] <= SB_EXCEL_CELL_CHARS)
            continue;
        units = sb_utf16_units(rec->fields[i], rec->lens[i],
                               SB_EXCEL_CELL_CHARS, &end);
        if (units <= SB_EXCEL_CELL_CHARS)
            continue;
        snprintf(exp, sizeof exp, "<= %d 个字符", SB_EXCEL_CELL_CHARS);
        snprintf(got, sizeof got, "%zu 字节", rec->lens[i]);
        annex_cell_finding(
            rd, rec, i, SB_SEV_WARNING, "cell.excel-too-long",
            i < rd->res->n_headers ? rd->res->headers[i] : NULL, exp, got,
            "单元格超过 Excel 单元格上限 32,767 个字符：已按全文核对，"
            "附件工作簿中只保留前部并注明已截断",
            NULL);
    }
}

void annex_check_cells(struct reader *rd, const struct sb_record *rec)
{
    check_excel_length(rd, rec);
    for (int c = 0; c < rd->a->n_cols; c++)
        check_cell(rd, rec, c);
    for (int c = 0; c < rd->a->n_cols; c++) {
        if (rd->a->cols[c].parent_of >= 0)
            check_parent(rd, rec, c);
    }
}
