/* annex_reader.c: the state of one annex read (struct reader, in
 * annex_int.h), made and freed, and the findings a reader adds at a cell
 * or a row. */
#include <stdlib.h>
#include <string.h>

#include "base/keyset.h"
#include "cells/cell.h"
#include "check/annex_int.h"

void annex_reader_init(struct reader *rd, struct sb_annex_job *j,
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
    rd->source = j->source;
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
            annex_key_buffers_init(&rd->kb[c], 0);
        }
        if (j->a->cols[c].type != SB_TYPE_TEXT)
            rd->memo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd->memo[c].e);
        if (j->a->cols[c].parent_of >= 0)
            rd->pmemo[c].e = sb_xcalloc(MEMO_SLOTS, sizeof *rd->pmemo[c].e);
    }
}

void annex_reader_free(struct reader *rd)
{
    int n = rd->a != NULL ? rd->a->n_cols : 0;

    sb_csvin_close(rd->in);
    rd->in = NULL;
    for (int c = 0; rd->sets != NULL && c < n; c++)
        sb_keyset_free(rd->sets[c]);
    for (int c = 0; rd->kb != NULL && c < n; c++)
        annex_key_buffers_free(&rd->kb[c]);
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

void annex_blank_row_finding(struct reader *rd, long row, long line)
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

/* What a finding on rec is about (struct sb_finding .key): the cell of
 * the annex's first unique column that the row fills (the device ID),
 * else, for an annex without one, every cell of the row joined by U+001F
 * into *buf. */
static const char *row_key(const struct reader *rd,
                           const struct sb_record *rec, struct sb_buf *buf)
{
    for (int c = 0; c < rd->a->n_cols; c++) {
        int fi = rd->res->col_field[c];

        if (rd->a->cols[c].unique && fi >= 0 && fi < rec->n_fields &&
            rec->lens[fi] > 0)
            return rec->fields[fi];
    }
    for (int i = 0; i < rec->n_fields; i++)
        sb_buf_printf(buf, "%s%s", i ? "\x1f" : "", rec->fields[i]);
    return buf->data;
}

void annex_cell_finding(struct reader *rd, const struct sb_record *rec,
                        int field, enum sb_severity sev, const char *code,
                        const char *column, const char *expected,
                        const char *found, const char *msg, const char *source)
{
    struct sb_finding f = {0};
    struct sb_buf key = {0};

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
    f.key = rec != NULL ? row_key(rd, rec, &key) : NULL;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(rd->findings, &f);
    sb_buf_free(&key);
}
