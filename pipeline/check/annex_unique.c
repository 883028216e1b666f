/* annex_unique.c: the unique columns of an annex read. The keys of a
 * unique column wait in buffers, one per slice of hash values (see
 * struct key_buffers in annex_int.h), and go into the column's keyset a
 * buffer at a time; a key met before is a duplicate, noted with the row
 * that had it first and reported in row order once the read is over
 * (cell.duplicate). A second part of a split read only notes that it met
 * a duplicate: the read then goes on in order. */
#include <stdlib.h>

#include "base/keyset.h"
#include "base/utf8.h"
#include "cells/cell.h"
#include "check/annex_int.h"

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

void annex_key_buffers_init(struct key_buffers *kb, int bits)
{
    kb->parts = sb_xcalloc((size_t)1 << bits, sizeof *kb->parts);
    kb->shift = 64 - bits;
}

void annex_key_buffers_free(struct key_buffers *kb)
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
                rd->dups = sb_xrealloc(rd->dups,
                                       (size_t)rd->cap_dups * sizeof *rd->dups);
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

void annex_flush_keys(struct reader *rd)
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

void annex_report_dups(struct reader *rd)
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
        f.key = d->text;
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

static void check_unique(struct reader *rd, const struct sb_record *rec, int c)
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

void annex_reserve_keys(struct reader *rd)
{
    long long at = sb_csvin_offset(rd->in) - rd->start;
    long long end = rd->end >= 0 ? rd->end : sb_csvin_size(rd->in);
    long est;

    rd->reserved = 1;
    if (at <= 0)
        return;
    est = (long)((double)(end - rd->start) / (double)at * (double)rd->rows *
                 1.02) +
          1024;
    annex_flush_keys(rd);
    for (int c = 0; c < rd->a->n_cols; c++) {
        int bits = 0;

        if (rd->sets[c] == NULL)
            continue;
        sb_keyset_reserve(rd->sets[c], est);
        while (bits < KEY_MAX_BITS && ((long)KEYS_PER_PART << bits) < est)
            bits++;
        annex_key_buffers_free(&rd->kb[c]);
        annex_key_buffers_init(&rd->kb[c], bits);
    }
}

void annex_check_keys(struct reader *rd, const struct sb_record *rec)
{
    for (int c = 0; c < rd->a->n_cols; c++)
        check_unique(rd, rec, c);
}
