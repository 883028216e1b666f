/* annex.c: read one annex list: match its header to the form's columns,
 * validate every cell by type, check unique columns, and fold each row
 * into the aggregates the rules need (see check.h). One record is held
 * at a time; what grows is only the set of keys of unique columns.
 *
 * A big file is read in two halves on two threads when that cannot
 * change a thing (sb_annex_open): both halves are read speculatively as
 * plain UTF-8 (what the encoding pre-pass would find is checked line by
 * line instead), the second with its own accumulators, keysets and
 * findings and rows counted from its start; when both are done, a file
 * without quotes (so the split is a record boundary), whose unique keys
 * do not meet across the halves nor repeat in the second, and whose
 * sums add exactly in any order has the second half folded into the
 * first with its rows and lines offset, and its findings added after the
 * first half's. Anything else reads on in order from the split, and a
 * file that is not plain UTF-8 is read again the usual way: the result
 * is always that of reading in order. */
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cells/cell.h"
#include "cells/money_unit.h"
#include "check/check.h"
#include "rules/eval.h"
#include "base/keyset.h"
#include "form/typed.h"
#include "base/utf8.h"

/* Strip a directory and a ".csv" suffix, then take the matching key. */
static void name_key(const char *name, struct sb_buf *key)
{
    const char *base = sb_path_base(name);
    size_t n = strlen(base);

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

/* The keys of a unique column wait in buffers, one per slice of hash
 * values, and go into the keyset a buffer at a time: a keyset of
 * millions of keys is far bigger than the caches, and one buffer's keys
 * all land in one small slice of it (keyset slots are in hash order).
 * Within a buffer keys stay in row order, and equal keys share a
 * buffer, so the first row of every key is the one reading in order
 * finds; the duplicates found are reported in row order at the end of
 * the read (dup_event). */
#define KEY_BATCH 64         /* keys per buffer */
#define KEY_MAX_BITS 8       /* at most 2^8 buffers per column: they stay
                                in the L2 cache */
#define KEYS_PER_PART 2048   /* keyset keys per buffer's slice, about */

struct key_entry {
    uint64_t hash;
    long row, line;
    uint32_t text, len; /* the cell as written: in the buffer's texts */
};

struct key_part {
    int n;
    struct key_entry e[KEY_BATCH];
    struct sb_buf texts;
};

struct key_buffers {
    struct key_part *parts;
    int shift; /* a key's buffer is hash >> shift */
};

/* A duplicate found, to report once the read is over. */
struct dup_event {
    long row, line, first;
    int col;   /* annex column */
    char *text;
};

/* The state of one annex read, or of one part of a read in two parts
 * (see sb_annex_open). */
struct reader {
    struct sb_decl *d;
    const struct sb_annex *a;
    struct sb_annex_result *res;
    const char *path;
    const char *label;            /* "附件1 工业设备清单" (the job's) */
    struct sb_findings *findings; /* where this read's findings go */
    struct sb_csvin *in;
    struct sb_agg **aggs;         /* what each row is folded into */
    int n_aggs;
    struct sb_cellval *cells;     /* per column */
    struct sb_keyset **sets;      /* per unique column */
    struct key_buffers *kb;       /* per unique column: waiting keys */
    struct dup_event *dups;       /* duplicates found, not yet reported */
    long n_dups, cap_dups;
    long dups_dropped;            /* found past the findings' cap */
    const double *lo, *hi;        /* bounds per column (the job's) */
    const int *has_lo, *has_hi;
    struct memo *memo;            /* per column: typed cell outcomes */
    struct memo *pmemo;           /* per column with parent_of: enum index */
    struct sb_buf key;
    long rows;                    /* data rows read */
    long blank_rows;
    long first_blank_row;         /* quiet: where the first blank row was */
    long first_blank_line;
    int quiet;                    /* second part: the first blank row is
                                     noted, not reported; a duplicate ends
                                     the read (dup) */
    int dup;
    long long start, end;         /* the byte range read */
    int reserved;                 /* keysets sized for the range */
    atomic_int *stop;             /* second part: the first gave up on it */
    atomic_int *tell;             /* first part: tell the second so */
    volatile long long *progress; /* bytes read */
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
    sb_findings_add(rd->findings, &f);
}

int sb_annex_header_column(const struct sb_annex *a, const char *h,
                           double *unit)
{
    struct sb_buf key = {0};
    int found = -1;
    char *open;
    double yuan;

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
        yuan = sb_money_unit_yuan(open + 1, strlen(open) - 2);
        if (yuan > 0)
            *unit = yuan;
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

static void key_buffers_init(struct key_buffers *kb, int bits)
{
    kb->parts = sb_xcalloc((size_t)1 << bits, sizeof *kb->parts);
    kb->shift = 64 - bits;
}

static void key_buffers_free(struct key_buffers *kb)
{
    size_t n = kb->parts != NULL ? (size_t)1 << (64 - kb->shift) : 0;

    for (size_t i = 0; i < n; i++)
        sb_buf_free(&kb->parts[i].texts);
    free(kb->parts);
    kb->parts = NULL;
}

static int by_row(const void *a, const void *b)
{
    const struct dup_event *x = a, *y = b;

    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col - y->col;
}

/* Keep the first cap duplicates by row (cap 0: all); count the rest. */
static void trim_dups(struct reader *rd, long cap)
{
    if (rd->n_dups == 0)
        return; /* qsort wants a non-null array even for no element */
    qsort(rd->dups, (size_t)rd->n_dups, sizeof *rd->dups, by_row);
    if (cap <= 0 || rd->n_dups <= cap)
        return;
    for (long i = cap; i < rd->n_dups; i++)
        free(rd->dups[i].text);
    rd->dups_dropped += rd->n_dups - cap;
    rd->n_dups = cap;
}

/* Put one buffer's keys into the keyset, in row order. */
static void flush_part(struct reader *rd, int c, struct key_part *kp)
{
    for (int i = 0; i < kp->n; i++) {
        const struct key_entry *k = &kp->e[i];
        long first = sb_keyset_add_hash(rd->sets[c], k->hash, k->row);
        struct dup_event *d;

        if (first == 0)
            continue;
        if (rd->quiet) {
            /* Its first row may lie in the other part: read in order. */
            rd->dup = 1;
            continue;
        }
        if (rd->n_dups == rd->cap_dups) {
            long cap = sb_findings_cap(rd->findings);

            if (cap > 0 && rd->n_dups >= 2 * cap)
                trim_dups(rd, cap);
            if (rd->n_dups == rd->cap_dups) {
                rd->cap_dups = rd->cap_dups ? 2 * rd->cap_dups : 16;
                rd->dups = sb_xrealloc(rd->dups, (size_t)rd->cap_dups *
                                                     sizeof *rd->dups);
            }
        }
        d = &rd->dups[rd->n_dups++];
        d->row = k->row;
        d->line = k->line;
        d->first = first;
        d->col = c;
        d->text = sb_xstrndup(kp->texts.data + k->text, k->len);
    }
    kp->n = 0;
    sb_buf_clear(&kp->texts);
}

/* Put every waiting key into its keyset. */
static void flush_keys(struct reader *rd)
{
    for (int c = 0; rd->kb != NULL && c < rd->a->n_cols; c++) {
        struct key_buffers *kb = &rd->kb[c];
        size_t n = kb->parts != NULL ? (size_t)1 << (64 - kb->shift) : 0;

        for (size_t i = 0; i < n; i++) {
            if (kb->parts[i].n > 0)
                flush_part(rd, c, &kb->parts[i]);
        }
    }
}

/* Report the duplicates found so far, in row order (after every other
 * finding of their rows, as reading in order adds them last too). */
static void report_dups(struct reader *rd)
{
    long cap = sb_findings_cap(rd->findings);

    trim_dups(rd, cap);
    for (long i = 0; i < rd->n_dups; i++) {
        const struct dup_event *d = &rd->dups[i];
        struct sb_buf msg = {0}, exp = {0};
        struct sb_finding f = {0};

        sb_buf_printf(&msg, "与第%ld行重复", d->first);
        sb_buf_printf(&exp, "唯一（第%ld行已有）", d->first);
        f.code = "cell.duplicate";
        f.sev = SB_SEV_ERROR;
        f.pos.path = rd->path;
        f.pos.row = d->row;
        f.pos.col = rd->res->col_field[d->col] + 1;
        f.pos.line = d->line;
        f.annex = rd->label;
        f.column = rd->a->cols[d->col].header;
        f.expected = exp.data;
        f.found = d->text;
        f.message = msg.data;
        sb_findings_add(rd->findings, &f);
        sb_buf_free(&msg);
        sb_buf_free(&exp);
        free(d->text);
    }
    if (rd->dups_dropped > 0) {
        struct sb_finding f = {0};

        f.code = "cell.duplicate";
        f.sev = SB_SEV_ERROR;
        f.pos.path = rd->path;
        sb_findings_add_omitted(rd->findings, &f, rd->dups_dropped);
    }
    rd->n_dups = 0;
    rd->dups_dropped = 0;
}

static void check_unique(struct reader *rd, const struct sb_record *rec,
                         int c)
{
    const struct sb_cellval *cv = &rd->cells[c];
    struct key_buffers *kb = &rd->kb[c];
    struct key_part *kp;
    struct key_entry *k;
    int fi = rd->res->col_field[c];
    uint64_t h;

    if (rd->sets[c] == NULL || cv->state == SB_CELL_EMPTY)
        return;
    if (!norm_ascii(cv->text, cv->len, &rd->key))
        sb_norm_key(cv->text, cv->len, &rd->key);
    h = sb_hash64(rd->key.data, rd->key.len);
    kp = &kb->parts[kb->shift < 64 ? h >> kb->shift : 0];
    if (kp->n == KEY_BATCH)
        flush_part(rd, c, kp);
    k = &kp->e[kp->n++];
    k->hash = h;
    k->row = rec->row;
    k->line = fi < rec->n_fields ? rec->field_lines[fi] : rec->line;
    k->text = (uint32_t)kp->texts.len;
    k->len = (uint32_t)cv->len;
    sb_buf_put(&kp->texts, cv->text, cv->len);
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

/* One annex read, in one part or two (see check.h). */
struct sb_annex_job {
    struct sb_decl *d;
    const struct sb_annex *a;
    struct sb_annex_result *res;
    char *path;
    char *label;
    struct sb_csvin_opts opts;
    struct sb_agg **aggs; /* the run's accumulators of this annex */
    int n_aggs;
    volatile long long *progress; /* [2]: bytes read by each part */
    double *lo, *hi;
    int *has_lo, *has_hi;
    int spec;    /* read speculatively (sb_csvin_open_spec) */
    int n_parts; /* 2 when split at byte `split` */
    long long size, split;
    struct reader r[2];
    atomic_int stop;   /* part 0 gave up on part 1 */
    struct sb_findings *own[2]; /* each part's findings until merged */
    int ran2;          /* part 2 was run */
    int rc2;
    struct sb_error err2;
};

/* Files this large are read in two parts when the caller allows. The
 * environment variable SHENBAO_SPLIT_MIN (bytes) lowers it, so that the
 * tests can split every small fixture and compare with reading in
 * order (tests/e2e/check_split.sh). */
#define SPLIT_MIN ((long long)8 << 20)

static long long split_min(void)
{
    const char *e = getenv("SHENBAO_SPLIT_MIN");

    return e != NULL && *e != '\0' ? atoll(e) : SPLIT_MIN;
}

/* Evaluate the bounds of every column once (they may use figures). */
static void prepare_bounds(struct sb_annex_job *j)
{
    struct sb_env env = {j->d->form, j->d->figs, NULL, NULL};
    int n = j->a->n_cols;

    j->lo = sb_xcalloc((size_t)n + 1, sizeof *j->lo);
    j->hi = sb_xcalloc((size_t)n + 1, sizeof *j->hi);
    j->has_lo = sb_xcalloc((size_t)n + 1, sizeof *j->has_lo);
    j->has_hi = sb_xcalloc((size_t)n + 1, sizeof *j->has_hi);
    for (int c = 0; c < n; c++) {
        struct sb_val v;

        if (j->a->cols[c].min != NULL) {
            sb_eval(j->a->cols[c].min, &env, &v);
            j->has_lo[c] = v.vt != SB_VT_NONE;
            j->lo[c] = v.num;
        }
        if (j->a->cols[c].max != NULL) {
            sb_eval(j->a->cols[c].max, &env, &v);
            j->has_hi[c] = v.vt != SB_VT_NONE;
            j->hi[c] = v.num;
        }
    }
}

static void reader_init(struct reader *rd, struct sb_annex_job *j,
                        struct sb_findings *findings, struct sb_agg **aggs,
                        int n_aggs)
{
    int n = j->a->n_cols;

    memset(rd, 0, sizeof *rd);
    rd->d = j->d;
    rd->a = j->a;
    rd->res = j->res;
    rd->path = j->path;
    rd->label = j->label;
    rd->findings = findings;
    rd->aggs = aggs;
    rd->n_aggs = n_aggs;
    rd->lo = j->lo;
    rd->hi = j->hi;
    rd->has_lo = j->has_lo;
    rd->has_hi = j->has_hi;
    rd->end = -1;
    rd->cells = sb_xcalloc((size_t)n + 1, sizeof *rd->cells);
    rd->sets = sb_xcalloc((size_t)n + 1, sizeof *rd->sets);
    rd->memo = sb_xcalloc((size_t)n + 1, sizeof *rd->memo);
    rd->pmemo = sb_xcalloc((size_t)n + 1, sizeof *rd->pmemo);
    rd->kb = sb_xcalloc((size_t)n + 1, sizeof *rd->kb);
    for (int c = 0; c < n; c++) {
        if (j->a->cols[c].unique) {
            rd->sets[c] = sb_keyset_new();
            key_buffers_init(&rd->kb[c], 0);
        }
        if (j->a->cols[c].type != SB_TYPE_TEXT)
            rd->memo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd->memo[c].e);
        if (j->a->cols[c].parent_of >= 0)
            rd->pmemo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd->pmemo[c].e);
    }
}

/* Free what reader_init made and the reader's CSV input; not its
 * accumulators or findings. */
static void reader_free(struct reader *rd)
{
    int n = rd->a != NULL ? rd->a->n_cols : 0;

    sb_csvin_close(rd->in);
    rd->in = NULL;
    for (int c = 0; rd->sets != NULL && c < n; c++)
        sb_keyset_free(rd->sets[c]);
    for (int c = 0; rd->kb != NULL && c < n; c++)
        key_buffers_free(&rd->kb[c]);
    free(rd->kb);
    rd->kb = NULL;
    for (long i = 0; i < rd->n_dups; i++)
        free(rd->dups[i].text);
    free(rd->dups);
    rd->dups = NULL;
    rd->n_dups = rd->cap_dups = 0;
    for (int c = 0; rd->memo != NULL && c < n; c++) {
        free(rd->memo[c].e);
        free(rd->pmemo[c].e);
    }
    free(rd->sets);
    free(rd->memo);
    free(rd->pmemo);
    free(rd->cells);
    sb_buf_free(&rd->key);
    rd->sets = NULL;
    rd->memo = NULL;
    rd->pmemo = NULL;
    rd->cells = NULL;
}

static void blank_row_finding(struct reader *rd, long row, long line)
{
    struct sb_finding f = {0};

    f.code = "annex.blank-row";
    f.sev = SB_SEV_WARNING;
    f.pos.path = rd->path;
    f.pos.row = row;
    f.pos.col = 1;
    f.pos.line = line;
    f.annex = rd->label;
    f.message = "整行为空（只有分隔符），不计入清单行数";
    sb_findings_add(rd->findings, &f);
}

/* Once a few thousand rows show how long a row is, size the keysets for
 * every row of the range: no table doubles on the way. */
static void reserve_keys(struct reader *rd)
{
    long long at = sb_csvin_offset(rd->in) - rd->start;
    long long end = rd->end >= 0 ? rd->end : sb_csvin_size(rd->in);
    long est;

    rd->reserved = 1;
    if (at <= 0)
        return;
    est = (long)((double)(end - rd->start) / (double)at * (double)rd->rows *
                 1.02) + 1024;
    flush_keys(rd);
    for (int c = 0; c < rd->a->n_cols; c++) {
        int bits = 0;

        if (rd->sets[c] == NULL)
            continue;
        sb_keyset_reserve(rd->sets[c], est);
        while (bits < KEY_MAX_BITS && ((long)KEYS_PER_PART << bits) < est)
            bits++;
        key_buffers_free(&rd->kb[c]);
        key_buffers_init(&rd->kb[c], bits);
    }
}

/* Check and fold records until the input ends or pauses, or a second
 * part has no reason to go on. */
static int read_rows(struct reader *rd, struct sb_error *err)
{
    struct sb_record *rec;
    int rc;

    for (;;) {
        struct sb_row row;

        rc = sb_csvin_next(rd->in, &rec, err);
        if (rc != SB_OK || rec == NULL)
            break;
        if (rd->res->headers == NULL) {
            map_header(rd, rec);
            continue;
        }
        if ((rec->row & 4095) == 0) {
            if (rd->progress != NULL)
                *rd->progress = sb_csvin_bytes_read(rd->in) -
                                (rd->quiet ? rd->start : 0);
            if (rd->tell != NULL && sb_csvin_spec_state(rd->in) != 0)
                atomic_store(rd->tell, 1);
            if (rd->quiet && ((rd->stop != NULL && atomic_load(rd->stop)) ||
                              sb_csvin_spec_state(rd->in) != 0))
                break;
        }
        if (!rd->reserved && rd->rows == 4096)
            reserve_keys(rd);
        if (row_is_blank(rec)) {
            if (rd->blank_rows++ == 0) {
                long line = rec->n_fields > 0 ? rec->field_lines[0]
                                              : rec->line;

                if (rd->quiet) {
                    rd->first_blank_row = rec->row;
                    rd->first_blank_line = line;
                } else {
                    blank_row_finding(rd, rec->row, line);
                }
            }
            continue;
        }
        if (rec->n_fields != rd->res->n_headers) {
            struct sb_buf exp = {0}, got = {0};

            sb_buf_printf(&exp, "%d 列", rd->res->n_headers);
            sb_buf_printf(&got, "%d 列", rec->n_fields);
            cell_finding(rd, rec,
                         rec->n_fields < rd->res->n_headers
                             ? rec->n_fields
                             : rd->res->n_headers,
                         SB_SEV_ERROR, "csv.ragged", NULL, exp.data, got.data,
                         rec->n_fields < rd->res->n_headers
                             ? "此行列数少于表头，缺少的列按空值核对"
                             : "此行列数多于表头，多出的列已忽略",
                         NULL);
            sb_buf_free(&exp);
            sb_buf_free(&got);
        }
        for (int c = 0; c < rd->a->n_cols; c++)
            check_cell(rd, rec, c);
        for (int c = 0; c < rd->a->n_cols; c++) {
            if (rd->a->cols[c].parent_of >= 0)
                check_parent(rd, rec, c);
            check_unique(rd, rec, c);
        }
        if (rd->dup)
            break;
        rd->rows++;
        row.cells = rd->cells;
        row.row = rec->row;
        row.line = rec->line;
        for (int i = 0; i < rd->n_aggs; i++)
            sb_agg_add(rd->aggs[i], &row);
    }
    flush_keys(rd);
    if (!rd->quiet)
        report_dups(rd);
    if (rd->tell != NULL && sb_csvin_spec_state(rd->in) != 0)
        atomic_store(rd->tell, 1);
    return rc;
}

/* The end of a whole read: what is said of the file as a whole, and the
 * accumulators' results become known. */
static void finish_read(struct sb_annex_job *j, struct reader *rd)
{
    rd->findings = j->d->findings;
    if (rd->blank_rows > 1) {
        struct sb_buf msg = {0};

        sb_buf_printf(&msg, "共%ld行整行为空，均不计入清单行数",
                      rd->blank_rows);
        cell_finding(rd, NULL, 0, SB_SEV_INFO, "annex.blank-rows", NULL, NULL,
                     NULL, msg.data, NULL);
        sb_buf_free(&msg);
    }
    if (j->res->headers == NULL)
        cell_finding(rd, NULL, 0, SB_SEV_ERROR, "annex.no-header", NULL,
                     "表头行", "（空文件）", "文件为空，没有表头", NULL);
    j->res->rows = rd->rows;
    for (int i = 0; i < j->n_aggs; i++)
        sb_agg_set_known(j->aggs[i]);
    if (j->progress != NULL) {
        j->progress[0] = sb_csvin_size(rd->in);
        j->progress[1] = 0;
    }
}

/* Open part 0 (the whole file, or up to the split) and read its header. */
static int open_first(struct sb_annex_job *j, int spec,
                      struct sb_findings *findings, struct sb_error *err)
{
    struct reader *rd = &j->r[0];
    struct sb_record *rec;
    int rc;

    reader_init(rd, j, findings, j->aggs, j->n_aggs);
    rd->progress = j->progress;
    rc = spec ? sb_csvin_open_spec(&rd->in, j->path, 0, -1, &j->opts,
                                   findings, err)
              : sb_csvin_open(&rd->in, j->path, &j->opts, findings, err);
    if (rc != SB_OK)
        return rc;
    j->res->encoding = sb_csvin_encoding(rd->in);
    j->res->bytes = sb_csvin_size(rd->in);
    rc = sb_csvin_next(rd->in, &rec, err);
    if (rc == SB_OK && rec != NULL)
        map_header(rd, rec);
    rd->start = sb_csvin_offset(rd->in);
    return rc;
}

/* The first line start at or after the middle of the data, or -1. */
static long long split_point(struct sb_annex_job *j)
{
    long long from = j->r[0].start, mid;
    char buf[1 << 16];
    ssize_t k;
    int fd;

    mid = from + (j->size - from) / 2;
    fd = open(j->path, O_RDONLY);
    if (fd < 0)
        return -1;
    k = pread(fd, buf, sizeof buf, (off_t)mid);
    close(fd);
    if (k > 0) {
        char *lf = memchr(buf, '\n', (size_t)k);

        if (lf != NULL && mid + (lf - buf) + 1 < j->size)
            return mid + (lf - buf) + 1;
    }
    return -1;
}

/* Undo everything a speculative read did, to read the file again. */
static void forget_reads(struct sb_annex_job *j)
{
    struct sb_annex_result *res = j->res;

    for (int p = 0; p < 2; p++) {
        struct reader *rd = &j->r[p];

        sb_findings_free(j->own[p]);
        j->own[p] = NULL;
        if (p == 1) {
            for (int i = 0; rd->aggs != NULL && i < rd->n_aggs; i++)
                sb_agg_free(rd->aggs[i]);
            free(rd->aggs);
        }
        reader_free(rd);
        memset(rd, 0, sizeof *rd);
    }
    for (int i = 0; i < j->n_aggs; i++)
        sb_agg_reset(j->aggs[i]);
    for (int h = 0; h < res->n_headers; h++)
        free(res->headers[h]);
    free(res->headers);
    res->headers = NULL;
    res->n_headers = 0;
    res->rows = 0;
    for (int c = 0; c < j->a->n_cols; c++) {
        res->col_field[c] = -1;
        res->col_yuan[c] = j->a->cols[c].yuan_per_unit;
    }
    j->n_parts = 1;
    j->spec = 0;
}

int sb_annex_open(struct sb_decl *d, int idx, const char *path,
                  struct sb_agg **aggs, int n, volatile long long *progress,
                  int may_split, struct sb_annex_job **out,
                  struct sb_error *err)
{
    struct sb_annex_job *j = sb_xcalloc(1, sizeof *j);
    struct stat st;
    int rc;

    *out = j;
    j->d = d;
    j->a = &d->form->annexes[idx];
    j->res = &d->annexes[idx];
    j->path = sb_xstrdup(path);
    j->label = sb_xasprintf("附件%d %s", j->a->number, j->a->title);
    j->opts.annex = j->label;
    j->aggs = aggs;
    j->n_aggs = n;
    j->progress = progress;
    j->n_parts = 1;
    j->res->path = sb_xstrdup(path);
    j->res->col_field = sb_xmalloc((size_t)j->a->n_cols * sizeof(int) + 1);
    j->res->col_yuan = sb_xmalloc((size_t)j->a->n_cols * sizeof(double) + 1);
    for (int c = 0; c < j->a->n_cols; c++) {
        j->res->col_field[c] = -1;
        j->res->col_yuan[c] = j->a->cols[c].yuan_per_unit;
    }
    prepare_bounds(j);
    j->size = stat(path, &st) == 0 ? (long long)st.st_size : 0;
    j->spec = may_split && j->size >= split_min();
    if (j->spec) {
        j->own[0] = sb_findings_new(sb_findings_cap(d->findings));
        rc = open_first(j, 1, j->own[0], err);
        if (rc == SB_OK && !(sb_csvin_spec_state(j->r[0].in) &
                             SB_CSVIN_SPEC_INVALID) &&
            j->res->headers != NULL) {
            j->split = split_point(j);
            if (j->split > 0) {
                struct reader *r1 = &j->r[1];
                struct sb_agg **clones =
                    sb_xcalloc((size_t)n + 1, sizeof *clones);

                for (int i = 0; i < n; i++)
                    clones[i] = sb_agg_clone_empty(aggs[i]);
                sb_csvin_set_end(j->r[0].in, j->split);
                j->r[0].end = j->split;
                j->r[0].tell = &j->stop;
                j->own[1] = sb_findings_new(sb_findings_cap(d->findings));
                reader_init(r1, j, j->own[1], clones, n);
                r1->quiet = 1;
                r1->stop = &j->stop;
                r1->progress = progress != NULL ? &progress[1] : NULL;
                r1->start = j->split;
                j->n_parts = 2;
            }
            return SB_OK;
        }
        if (rc != SB_OK && rc != SB_EIO)
            return rc;
        /* Not plain UTF-8 (or unreadable): the usual way. */
        forget_reads(j);
    }
    return open_first(j, 0, d->findings, err);
}

int sb_annex_parts(const struct sb_annex_job *j)
{
    return j->n_parts;
}

int sb_annex_run(struct sb_annex_job *j, int part, struct sb_error *err)
{
    struct reader *rd = &j->r[part];
    int rc;

    if (part == 1) {
        j->ran2 = 1;
        rc = sb_csvin_open_spec(&rd->in, j->path, j->split, -1, &j->opts,
                                rd->findings, &j->err2);
        if (rc == SB_OK)
            rc = read_rows(rd, &j->err2);
        j->rc2 = rc;
        return SB_OK; /* a failed second part is read again in order */
    }
    if (rd->in == NULL)
        return SB_OK; /* open failed; sb_annex_close reports it */
    return read_rows(rd, err);
}

/* Can part 1 be taken as read? Then fold it into part 0. */
static int merge_parts(struct sb_annex_job *j)
{
    struct reader *r0 = &j->r[0], *r1 = &j->r[1];
    long row_off, line_off, n0, f0, n1, f1;

    if (!j->ran2 || r1->in == NULL || j->rc2 != SB_OK || r1->dup ||
        sb_csvin_spec_state(r1->in) != 0 || sb_csvin_spec_state(r0->in) != 0 ||
        !sb_csvin_done(r1->in))
        return 0;
    /* A key of part 1 met in part 0 first: a duplicate to report in
     * order. */
    for (int c = 0; c < j->a->n_cols; c++) {
        size_t pos = 0;
        uint64_t h;
        long row;

        if (r1->sets[c] == NULL)
            continue;
        while (sb_keyset_next(r1->sets[c], &pos, &h, &row)) {
            if (sb_keyset_find_hash(r0->sets[c], h) > 0)
                return 0;
        }
    }
    for (int i = 0; i < j->n_aggs; i++) {
        if (!sb_agg_can_merge(r0->aggs[i], r1->aggs[i]))
            return 0;
    }
    row_off = sb_csvin_rows(r0->in);
    line_off = sb_csvin_lines(r0->in);
    for (int c = 0; c < j->a->n_cols; c++) {
        sb_keyset_free(r1->sets[c]);
        r1->sets[c] = NULL;
    }
    for (int i = 0; i < j->n_aggs; i++)
        sb_agg_merge(r0->aggs[i], r1->aggs[i], row_off, line_off);
    sb_findings_merge(j->d->findings, r0->findings, 0, 0);
    sb_findings_merge(j->d->findings, r1->findings, row_off, line_off);
    if (r0->blank_rows == 0 && r1->blank_rows > 0) {
        r1->findings = j->d->findings;
        blank_row_finding(r1, r1->first_blank_row + row_off,
                          r1->first_blank_line + line_off);
    }
    r0->blank_rows += r1->blank_rows;
    r0->rows += r1->rows;
    sb_csvin_blank_lines(r0->in, &n0, &f0);
    sb_csvin_blank_lines(r1->in, &n1, &f1);
    sb_csvin_report_blank_lines(r0->in, n0 + n1,
                                n0 > 0 ? f0 : f1 + line_off,
                                j->d->findings);
    return 1;
}

static void drop_part2(struct sb_annex_job *j)
{
    struct reader *r1 = &j->r[1];

    sb_findings_free(j->own[1]);
    j->own[1] = NULL;
    for (int i = 0; r1->aggs != NULL && i < r1->n_aggs; i++)
        sb_agg_free(r1->aggs[i]);
    free(r1->aggs);
    reader_free(r1);
    memset(r1, 0, sizeof *r1);
    if (j->progress != NULL)
        j->progress[1] = 0;
}

int sb_annex_close(struct sb_annex_job *j, struct sb_error *err)
{
    struct reader *r0 = &j->r[0];
    int rc = SB_OK;

    if (r0->in == NULL) {
        rc = err != NULL && err->code != SB_OK ? err->code : SB_EIO;
        goto done;
    }
    if (j->spec) {
        int merged = j->n_parts == 2 && merge_parts(j);

        if (!merged) {
            if (j->n_parts == 2)
                drop_part2(j);
            /* Go on in order from where part 0 stopped. */
            sb_csvin_set_end(r0->in, -1);
            r0->end = -1;
            rc = read_rows(r0, err);
            if (rc == SB_OK &&
                !(sb_csvin_spec_state(r0->in) & SB_CSVIN_SPEC_INVALID))
                sb_findings_merge(j->d->findings, r0->findings, 0, 0);
        }
        if (rc == SB_OK &&
            (sb_csvin_spec_state(r0->in) & SB_CSVIN_SPEC_INVALID)) {
            /* Not plain UTF-8 after all: read it the usual way. */
            forget_reads(j);
            rc = open_first(j, 0, j->d->findings, err);
            if (rc == SB_OK)
                rc = read_rows(&j->r[0], err);
        }
    } else {
        rc = read_rows(r0, err);
    }
    if (rc == SB_OK)
        finish_read(j, &j->r[0]);
done:
    drop_part2(j);
    sb_findings_free(j->own[0]);
    reader_free(&j->r[0]);
    free(j->lo);
    free(j->hi);
    free(j->has_lo);
    free(j->has_hi);
    free(j->label);
    free(j->path);
    free(j);
    return rc;
}

int sb_annex_read(struct sb_decl *d, int idx, const char *path,
                  struct sb_agg **aggs, int n, volatile long long *progress,
                  struct sb_error *err)
{
    struct sb_annex_job *j;
    volatile long long done[2] = {0, 0};
    int rc = sb_annex_open(d, idx, path, aggs, n, done, 0, &j, err);

    if (rc == SB_OK)
        rc = sb_annex_run(j, 0, err);
    if (rc == SB_OK)
        rc = sb_annex_close(j, err);
    else
        sb_annex_close(j, NULL);
    if (progress != NULL)
        *progress = done[0];
    return rc;
}
