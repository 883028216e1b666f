/* annex.c: read one annex list: match its header to the form's columns,
 * validate every cell by type, check unique columns, and fold each row
 * into the aggregates the rules need (see check.h). One record is held
 * at a time; what grows is only the set of keys of unique columns. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "check.h"
#include "eval.h"
#include "keyset.h"
#include "typed.h"
#include "utf8.h"

/* Strip a directory and a ".csv" suffix, then take the matching key. */
static void name_key(const char *name, struct sb_buf *key)
{
    const char *base = strrchr(name, '/');
    size_t n;

    base = base ? base + 1 : name;
    n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
        n -= 4;
    sb_norm_key(base, n, key);
}

/* Does key contain k, with "附件1" not matching inside "附件12"? */
static size_t contains(const char *key, const char *k)
{
    size_t n = strlen(k);

    for (const char *p = strstr(key, k); p != NULL; p = strstr(p + 1, k)) {
        char next = p[n];

        if (!(n > 0 && k[n - 1] >= '0' && k[n - 1] <= '9' && next >= '0' &&
              next <= '9'))
            return n;
    }
    return 0;
}

int sb_annex_match(const struct sb_form *f, const char *name)
{
    struct sb_buf key = {0};
    int best = -1, tie = 0;
    size_t best_len = 0;

    name_key(name, &key);
    for (int i = 0; i < f->n_annexes; i++) {
        for (int k = 0; k < f->annexes[i].n_files; k++) {
            size_t n = contains(key.data, f->annexes[i].files[k]);

            if (n > best_len) {
                best_len = n;
                best = i;
                tie = 0;
            } else if (n > 0 && n == best_len && best != i) {
                tie = 1;
            }
        }
    }
    sb_buf_free(&key);
    return tie ? -1 : best;
}

/* A per-column memo of cell outcomes. Most typed columns hold few
 * distinct texts (classes, dates, yes/no), and the outcome of a cell
 * (none word, or parsed value) depends only on its trimmed text and
 * the column, so a direct-mapped cache keyed by the text replaces
 * normalising, enumeration look-ups and date parsing for repeated
 * values. Only valid values and none words are kept: an invalid cell is
 * parsed again to get its reason. A column whose texts rarely repeat
 * (IDs, phone numbers) turns its memo off after MEMO_PROBATION
 * look-ups. */
#define MEMO_SLOTS 512      /* a power of two */
#define MEMO_TEXT 30        /* longest text kept, bytes */
#define MEMO_PROBATION 4096 /* look-ups before judging the hit rate */

struct memo_entry {
    unsigned char len; /* 0: empty slot */
    unsigned char none;
    char text[MEMO_TEXT];
    double num;
    uint64_t mask;
    int enum_idx;
};

struct memo {
    struct memo_entry *e; /* MEMO_SLOTS, or NULL when off */
    long lookups, hits;
};

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

/* State of one annex read. */
struct reader {
    struct sb_decl *d;
    const struct sb_annex *a;
    struct sb_annex_result *res;
    const char *path;
    char *label;                  /* "附件1 工业设备清单" */
    struct sb_cellval *cells;     /* per column */
    struct sb_keyset **sets;      /* per unique column */
    double *lo, *hi;              /* bounds per column */
    int *has_lo, *has_hi;
    struct memo *memo;            /* per column: typed cell outcomes */
    struct memo *pmemo;           /* per column with parent_of: enum index */
    struct sb_buf key;
};

static void cell_finding(struct reader *rd, const struct sb_record *rec,
                         int field, enum sb_severity sev, const char *code,
                         const char *column, const char *expected,
                         const char *found, const char *msg,
                         const char *source)
{
    struct sb_finding f = {0};

    f.code = code;
    f.sev = sev;
    f.pos.path = rd->path;
    f.pos.row = rec != NULL ? rec->row : 1;
    f.pos.col = field + 1;
    f.pos.line = rec != NULL ? (field >= 0 && field < rec->n_fields
                                    ? rec->field_lines[field]
                                    : rec->line)
                             : 1;
    f.annex = rd->label;
    f.column = column;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(rd->d->findings, &f);
}

int sb_annex_header_column(const struct sb_annex *a, const char *h,
                           double *unit)
{
    struct sb_buf key = {0};
    int found = -1;
    char *open;

    *unit = 0;
    sb_norm_key(h, strlen(h), &key);
    for (int pass = 0; pass < 2 && found < 0; pass++) {
        for (int c = 0; c < a->n_cols && found < 0; c++) {
            for (int k = 0; k < a->cols[c].n_keys; k++) {
                if (strcmp(a->cols[c].keys[k], key.data) == 0) {
                    found = c;
                    break;
                }
            }
        }
        open = strrchr(key.data, '(');
        if (found >= 0 || open == NULL || key.data[key.len - 1] != ')')
            break;
        if (strcmp(open, "(元)") == 0)
            *unit = 1;
        else if (strcmp(open, "(万元)") == 0)
            *unit = 1e4;
        else if (strcmp(open, "(亿元)") == 0)
            *unit = 1e8;
        *open = '\0';
        key.len = (size_t)(open - key.data);
    }
    sb_buf_free(&key);
    return found;
}

static void map_header(struct reader *rd, const struct sb_record *rec)
{
    const struct sb_annex *a = rd->a;
    struct sb_annex_result *res = rd->res;

    res->n_headers = rec->n_fields;
    res->headers = sb_xcalloc((size_t)rec->n_fields + 1,
                              sizeof *res->headers);
    for (int i = 0; i < rec->n_fields; i++) {
        const char *t;
        size_t n = sb_trim(rec->fields[i], rec->lens[i], &t);
        double unit;
        int c;

        res->headers[i] = sb_xstrndup(t, n);
        if (n == 0) {
            cell_finding(rd, NULL, i, SB_SEV_WARNING, "annex.blank-header",
                         NULL, "列名", "（空）", "表头有空列名，该列不参与核对",
                         NULL);
            continue;
        }
        c = sb_annex_header_column(a, res->headers[i], &unit);
        if (c < 0) {
            cell_finding(rd, NULL, i, SB_SEV_INFO, "annex.unknown-column",
                         res->headers[i], NULL, res->headers[i],
                         "表头中的这一列不是表单规定的列，已忽略", NULL);
            continue;
        }
        if (res->col_field[c] >= 0) {
            struct sb_buf msg = {0};

            sb_buf_printf(&msg, "与第%d列“%s”重复，都表示“%s”",
                          res->col_field[c] + 1,
                          res->headers[res->col_field[c]], a->cols[c].header);
            cell_finding(rd, NULL, i, SB_SEV_ERROR, "annex.duplicate-column",
                         res->headers[i], NULL, res->headers[i], msg.data,
                         NULL);
            sb_buf_free(&msg);
            continue;
        }
        res->col_field[c] = i;
        if (unit > 0 && a->cols[c].type == SB_TYPE_MONEY)
            res->col_yuan[c] = unit;
    }
    for (int c = 0; c < a->n_cols; c++) {
        struct sb_buf msg = {0};

        if (res->col_field[c] >= 0 || !a->cols[c].required)
            continue;
        sb_buf_printf(&msg, "缺少必需的列“%s”", a->cols[c].header);
        cell_finding(rd, NULL, 0, SB_SEV_ERROR, "annex.missing-column",
                     a->cols[c].header, a->cols[c].header, NULL, msg.data,
                     a->note);
        sb_buf_free(&msg);
    }
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

/* Check one cell and fill rd->cells[c]. */
static void check_cell(struct reader *rd, const struct sb_record *rec,
                       int c)
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
        return;
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
            goto bounds;
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
            cell_finding(rd, rec, fi, SB_SEV_ERROR, "cell.required",
                         col->header, sb_typed_expects(col->type),
                         n ? t : "（空）", "必填单元格为空", rd->a->note);
        return;
    }
    if (!sb_typed_parse(col->type, col->en, rd->res->col_yuan[c], 0, t, n,
                        &v, &why, &kind)) {
        struct sb_buf code = {0}, exp = {0};

        cv->state = SB_CELL_BAD;
        sb_buf_printf(&code, "cell.%s", kind);
        if (col->en != NULL && (col->type == SB_TYPE_ENUM ||
                                col->type == SB_TYPE_ENUM_LIST)) {
            for (int i = 0; i < col->en->n; i++)
                sb_buf_printf(&exp, "%s%s", i ? "、" : "",
                              col->en->values[i].text);
        } else if (kind[0] == 'u' && v.check != 0) {
            sb_buf_printf(&exp, "校验码 %c", v.check);
        } else {
            sb_buf_puts(&exp, sb_typed_expects(col->type));
        }
        cell_finding(rd, rec, fi, SB_SEV_ERROR, code.data, col->header,
                     exp.data, t, why, col->note[0] ? col->note : NULL);
        sb_buf_free(&code);
        sb_buf_free(&exp);
        return;
    }
    cv->state = SB_CELL_OK;
    cv->num = v.num;
    cv->enum_idx = v.enum_idx;
    cv->mask = v.mask;
    if (me != NULL) {
        memo_keep(me, t, n);
        me->none = 0;
        me->num = v.num;
        me->enum_idx = v.enum_idx;
        me->mask = v.mask;
    }
bounds:
    if ((rd->has_lo[c] && cv->num < rd->lo[c]) ||
        (rd->has_hi[c] && cv->num > rd->hi[c])) {
        char b1[32], b2[32];
        struct sb_buf exp = {0};
        int is_date = col->type == SB_TYPE_DATE;

        if (rd->has_lo[c])
            sb_buf_printf(&exp, "不小于 %s", bound_text(rd->lo[c], is_date, b1));
        if (rd->has_hi[c])
            sb_buf_printf(&exp, "%s不大于 %s", rd->has_lo[c] ? "，" : "",
                          bound_text(rd->hi[c], is_date, b2));
        cell_finding(rd, rec, fi, SB_SEV_ERROR, "cell.range", col->header,
                     exp.data, t, is_date ? "日期超出合理范围（不能晚于统计截止日）"
                                          : "数值超出合理范围",
                     NULL);
        sb_buf_free(&exp);
        cv->state = SB_CELL_BAD;
    }
}

/* A listed example filed under another class (002 1.1: 机床 is 加工设备). */
static void check_parent(struct reader *rd, const struct sb_record *rec,
                         int c)
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
        cell_finding(rd, rec, rd->res->col_field[col->parent_of],
                     SB_SEV_WARNING, "cell.category", pc->header, ev->parent,
                     pc->en->values[pv->enum_idx].text, msg.data, ev->note);
        sb_buf_free(&msg);
    }
}

/* sb_norm_key for the usual case of ASCII text: the same key, written
 * without decoding. Returns 0 (key untouched) for any other text. */
static int norm_ascii(const char *s, size_t n, struct sb_buf *key)
{
    char *o;

    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    }
    sb_buf_clear(key);
    sb_buf_put(key, s, n); /* room, and a NUL */
    o = key->data;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];

        if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
            continue;
        *o++ = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    }
    *o = '\0';
    key->len = (size_t)(o - key->data);
    return 1;
}

static void check_unique(struct reader *rd, const struct sb_record *rec,
                         int c)
{
    const struct sb_cellval *cv = &rd->cells[c];
    long first;

    if (rd->sets[c] == NULL || cv->state == SB_CELL_EMPTY)
        return;
    if (!norm_ascii(cv->text, cv->len, &rd->key))
        sb_norm_key(cv->text, cv->len, &rd->key);
    first = sb_keyset_add(rd->sets[c], rd->key.data, rd->key.len, rec->row);
    if (first > 0) {
        struct sb_buf msg = {0}, exp = {0};

        sb_buf_printf(&msg, "与第%ld行重复", first);
        sb_buf_printf(&exp, "唯一（第%ld行已有）", first);
        cell_finding(rd, rec, rd->res->col_field[c], SB_SEV_ERROR,
                     "cell.duplicate", rd->a->cols[c].header, exp.data,
                     cv->text, msg.data, NULL);
        sb_buf_free(&msg);
        sb_buf_free(&exp);
    }
}

static int row_is_blank(const struct sb_record *rec)
{
    for (int i = 0; i < rec->n_fields; i++) {
        const char *t;
        unsigned char c0 = (unsigned char)rec->fields[i][0];

        if (rec->lens[i] > 0 && c0 > 0x20 && c0 < 0x80)
            return 0;
        if (sb_trim(rec->fields[i], rec->lens[i], &t) > 0)
            return 0;
    }
    return 1;
}

/* Evaluate the bounds of every column once (they may use figures). */
static void prepare_bounds(struct reader *rd)
{
    struct sb_env env = {rd->d->form, rd->d->figs, NULL, NULL};
    int n = rd->a->n_cols;

    rd->lo = sb_xcalloc((size_t)n + 1, sizeof *rd->lo);
    rd->hi = sb_xcalloc((size_t)n + 1, sizeof *rd->hi);
    rd->has_lo = sb_xcalloc((size_t)n + 1, sizeof *rd->has_lo);
    rd->has_hi = sb_xcalloc((size_t)n + 1, sizeof *rd->has_hi);
    for (int c = 0; c < n; c++) {
        struct sb_val v;

        if (rd->a->cols[c].min != NULL) {
            sb_eval(rd->a->cols[c].min, &env, &v);
            rd->has_lo[c] = v.vt != SB_VT_NONE;
            rd->lo[c] = v.num;
        }
        if (rd->a->cols[c].max != NULL) {
            sb_eval(rd->a->cols[c].max, &env, &v);
            rd->has_hi[c] = v.vt != SB_VT_NONE;
            rd->hi[c] = v.num;
        }
    }
}

int sb_annex_read(struct sb_decl *d, int idx, const char *path,
                  struct sb_agg **aggs, int n, volatile long long *progress,
                  struct sb_error *err)
{
    struct reader rd = {0};
    struct sb_csvin_opts opts = {0};
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    long blank_rows = 0;
    int rc;

    rd.d = d;
    rd.a = &d->form->annexes[idx];
    rd.res = &d->annexes[idx];
    rd.path = path;
    rd.label = sb_xasprintf("附件%d %s", rd.a->number, rd.a->title);
    rd.res->path = sb_xstrdup(path);
    rd.res->col_field = sb_xmalloc((size_t)rd.a->n_cols * sizeof(int) + 1);
    rd.res->col_yuan = sb_xmalloc((size_t)rd.a->n_cols * sizeof(double) + 1);
    for (int c = 0; c < rd.a->n_cols; c++) {
        rd.res->col_field[c] = -1;
        rd.res->col_yuan[c] = rd.a->cols[c].yuan_per_unit;
    }
    opts.annex = rd.label;
    rc = sb_csvin_open(&in, path, &opts, d->findings, err);
    if (rc != SB_OK)
        goto done;
    rd.res->encoding = sb_csvin_encoding(in);
    rd.res->bytes = sb_csvin_size(in);
    rd.cells = sb_xcalloc((size_t)rd.a->n_cols + 1, sizeof *rd.cells);
    rd.sets = sb_xcalloc((size_t)rd.a->n_cols + 1, sizeof *rd.sets);
    rd.memo = sb_xcalloc((size_t)rd.a->n_cols + 1, sizeof *rd.memo);
    rd.pmemo = sb_xcalloc((size_t)rd.a->n_cols + 1, sizeof *rd.pmemo);
    for (int c = 0; c < rd.a->n_cols; c++) {
        if (rd.a->cols[c].unique)
            rd.sets[c] = sb_keyset_new();
        if (rd.a->cols[c].type != SB_TYPE_TEXT)
            rd.memo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd.memo[c].e);
        if (rd.a->cols[c].parent_of >= 0)
            rd.pmemo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd.pmemo[c].e);
    }
    prepare_bounds(&rd);
    for (;;) {
        struct sb_row row;

        rc = sb_csvin_next(in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        if (rd.res->headers == NULL) {
            map_header(&rd, rec);
            continue;
        }
        if (progress != NULL && (rec->row & 4095) == 0)
            *progress = sb_csvin_bytes_read(in);
        if (row_is_blank(rec)) {
            if (blank_rows++ == 0)
                cell_finding(&rd, rec, 0, SB_SEV_WARNING, "annex.blank-row",
                             NULL, NULL, NULL,
                             "整行为空（只有分隔符），不计入清单行数", NULL);
            continue;
        }
        if (rec->n_fields != rd.res->n_headers) {
            struct sb_buf exp = {0}, got = {0};

            sb_buf_printf(&exp, "%d 列", rd.res->n_headers);
            sb_buf_printf(&got, "%d 列", rec->n_fields);
            cell_finding(&rd, rec,
                         rec->n_fields < rd.res->n_headers ? rec->n_fields
                                                            : rd.res->n_headers,
                         SB_SEV_ERROR, "csv.ragged", NULL, exp.data, got.data,
                         rec->n_fields < rd.res->n_headers
                             ? "此行列数少于表头，缺少的列按空值核对"
                             : "此行列数多于表头，多出的列已忽略",
                         NULL);
            sb_buf_free(&exp);
            sb_buf_free(&got);
        }
        for (int c = 0; c < rd.a->n_cols; c++)
            check_cell(&rd, rec, c);
        for (int c = 0; c < rd.a->n_cols; c++) {
            if (rd.a->cols[c].parent_of >= 0)
                check_parent(&rd, rec, c);
            check_unique(&rd, rec, c);
        }
        rd.res->rows++;
        row.cells = rd.cells;
        row.row = rec->row;
        row.line = rec->line;
        for (int i = 0; i < n; i++)
            sb_agg_add(aggs[i], &row);
    }
    if (rc == SB_OK) {
        if (blank_rows > 1) {
            struct sb_buf msg = {0};

            sb_buf_printf(&msg, "共%ld行整行为空，均不计入清单行数",
                          blank_rows);
            cell_finding(&rd, NULL, 0, SB_SEV_INFO, "annex.blank-rows", NULL,
                         NULL, NULL, msg.data, NULL);
            sb_buf_free(&msg);
        }
        if (rd.res->headers == NULL)
            cell_finding(&rd, NULL, 0, SB_SEV_ERROR, "annex.no-header", NULL,
                         "表头行", "（空文件）", "文件为空，没有表头", NULL);
        for (int i = 0; i < n; i++)
            sb_agg_set_known(aggs[i]);
        if (progress != NULL)
            *progress = sb_csvin_bytes_read(in);
    }
done:
    sb_csvin_close(in);
    for (int c = 0; rd.sets != NULL && c < rd.a->n_cols; c++)
        sb_keyset_free(rd.sets[c]);
    free(rd.sets);
    for (int c = 0; rd.memo != NULL && c < rd.a->n_cols; c++) {
        free(rd.memo[c].e);
        free(rd.pmemo[c].e);
    }
    free(rd.memo);
    free(rd.pmemo);
    free(rd.cells);
    free(rd.lo);
    free(rd.hi);
    free(rd.has_lo);
    free(rd.has_hi);
    free(rd.label);
    sb_buf_free(&rd.key);
    return rc;
}
