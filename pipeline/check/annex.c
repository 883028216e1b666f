/* annex.c: read one annex list (see check.h): match its header to the
 * form's columns (annex_header.c), validate every cell by type
 * (annex_cells.c), check unique columns (annex_unique.c), and fold each
 * row into the aggregates the rules need. One record is held at a time;
 * what grows is only the set of keys of unique columns. A big file may
 * be read in two parts on two threads (annex_split.c), and the result is
 * always that of reading in order. annex_int.h lists the files. */
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "base/bookpath.h"
#include "base/utf8.h"
#include "check/annex_int.h"
#include "rules/eval.h"

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
            annex_map_header(rd, rec);
            continue;
        }
        if ((rec->row & 4095) == 0) {
            if (rd->progress != NULL)
                *rd->progress =
                    sb_csvin_bytes_read(rd->in) - (rd->quiet ? rd->start : 0);
            if (rd->tell != NULL && sb_csvin_spec_state(rd->in) != 0)
                atomic_store(rd->tell, 1);
            if (rd->quiet && ((rd->stop != NULL && atomic_load(rd->stop)) ||
                              sb_csvin_spec_state(rd->in) != 0))
                break;
        }
        if (!rd->reserved && rd->rows == 4096)
            annex_reserve_keys(rd);
        if (row_is_blank(rec)) {
            if (rd->blank_rows++ == 0) {
                long line = rec->n_fields > 0 ? rec->field_lines[0] : rec->line;

                if (rd->quiet) {
                    rd->first_blank_row = rec->row;
                    rd->first_blank_line = line;
                } else {
                    annex_blank_row_finding(rd, rec->row, line);
                }
            }
            continue;
        }
        if (rec->n_fields != rd->res->n_headers) {
            struct sb_buf exp = {0}, got = {0};

            sb_buf_printf(&exp, "%d 列", rd->res->n_headers);
            sb_buf_printf(&got, "%d 列", rec->n_fields);
            annex_cell_finding(
                rd, rec,
                rec->n_fields < rd->res->n_headers ? rec->n_fields
                                                   : rd->res->n_headers,
                SB_SEV_ERROR, "csv.ragged", NULL, exp.data, got.data,
                rec->n_fields < rd->res->n_headers
                    ? "此行列数少于表头，缺少的列按空值核对"
                    : "此行列数多于表头，多出的列已忽略",
                NULL);
            sb_buf_free(&exp);
            sb_buf_free(&got);
        }
        annex_check_cells(rd, rec);
        annex_check_keys(rd, rec);
        if (rd->dup)
            break;
        rd->rows++;
        row.cells = rd->cells;
        row.row = rec->row;
        row.line = rec->line;
        for (int i = 0; i < rd->n_aggs; i++)
            sb_agg_add(rd->aggs[i], &row);
    }
    annex_flush_keys(rd);
    if (!rd->quiet)
        annex_report_dups(rd);
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
        annex_cell_finding(rd, NULL, 0, SB_SEV_INFO, "annex.blank-rows", NULL,
                           NULL, NULL, msg.data, NULL);
        sb_buf_free(&msg);
    }
    if (j->res->headers == NULL)
        annex_cell_finding(rd, NULL, 0, SB_SEV_ERROR, "annex.no-header", NULL,
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

    annex_reader_init(rd, j, findings, j->aggs, j->n_aggs);
    rd->progress = j->progress;
    rc = spec ? sb_csvin_open_spec(&rd->in, j->path, 0, -1, &j->opts, findings,
                                   err)
              : sb_csvin_open(&rd->in, j->path, &j->opts, findings, err);
    if (rc != SB_OK)
        return rc;
    j->res->encoding = sb_csvin_encoding(rd->in);
    j->res->bytes = sb_csvin_size(rd->in);
    rc = sb_csvin_next(rd->in, &rec, err);
    if (rc == SB_OK && rec != NULL)
        annex_map_header(rd, rec);
    rd->start = sb_csvin_offset(rd->in);
    return rc;
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
    if (sb_form_meta(d->form, "form_source") != NULL)
        j->source = sb_xasprintf("%s %s",
                                 sb_form_meta(d->form, "form_source"),
                                 j->label);
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
    /* a workbook's sheet is read in order, in one part */
    j->spec = may_split && j->size >= annex_split_min() &&
              sb_book_kind(path, NULL, NULL) == SB_BOOK_NONE;
    if (j->spec) {
        j->own[0] = sb_findings_new(sb_findings_cap(d->findings));
        rc = open_first(j, 1, j->own[0], err);
        if (rc == SB_OK &&
            !(sb_csvin_spec_state(j->r[0].in) & SB_CSVIN_SPEC_INVALID) &&
            j->res->headers != NULL) {
            j->split = annex_split_point(j);
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
                annex_reader_init(r1, j, j->own[1], clones, n);
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
        annex_forget_reads(j);
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

int sb_annex_close(struct sb_annex_job *j, struct sb_error *err)
{
    struct reader *r0 = &j->r[0];
    int rc = SB_OK;

    if (r0->in == NULL) {
        rc = err != NULL && err->code != SB_OK ? err->code : SB_EIO;
        goto done;
    }
    if (j->spec) {
        int merged = j->n_parts == 2 && annex_merge_parts(j);

        if (!merged) {
            if (j->n_parts == 2)
                annex_drop_part2(j);
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
            annex_forget_reads(j);
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
    annex_drop_part2(j);
    sb_findings_free(j->own[0]);
    annex_reader_free(&j->r[0]);
    free(j->lo);
    free(j->hi);
    free(j->has_lo);
    free(j->has_hi);
    free(j->label);
    free(j->source);
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
