/* annex_split.c: a big annex read in two parts on two threads, when
 * that cannot change a thing (sb_annex_open). Both parts are read
 * speculatively as plain UTF-8 (what the encoding pre-pass would find is
 * checked line by line instead), the second with its own accumulators,
 * keysets and findings and rows counted from its start; when both are
 * done, a file without quotes (so the split is a record boundary), whose
 * unique keys do not meet across the parts nor repeat in the second, and
 * whose sums add exactly in any order has the second part folded into
 * the first with its rows and lines offset, and its findings added after
 * the first part's. Otherwise annex.c reads on in order from the split,
 * or reads the file again the usual way (annex_forget_reads). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/keyset.h"
#include "check/annex_int.h"
#include "rules/agg.h"

/* Files this large are read in two parts when the caller allows. The
 * environment variable SHENBAO_SPLIT_MIN (bytes) lowers it, so that the
 * tests can split every small fixture and compare with reading in
 * order (tests/e2e/check_split.sh). */
#define SPLIT_MIN ((long long)8 << 20)

long long annex_split_min(void)
{
    const char *e = getenv("SHENBAO_SPLIT_MIN");

    return e != NULL && *e != '\0' ? atoll(e) : SPLIT_MIN;
}

long long annex_split_point(struct sb_annex_job *j)
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

void annex_forget_reads(struct sb_annex_job *j)
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
        annex_reader_free(rd);
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

int annex_merge_parts(struct sb_annex_job *j)
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
        annex_blank_row_finding(r1, r1->first_blank_row + row_off,
                                r1->first_blank_line + line_off);
    }
    r0->blank_rows += r1->blank_rows;
    r0->rows += r1->rows;
    sb_csvin_blank_lines(r0->in, &n0, &f0);
    sb_csvin_blank_lines(r1->in, &n1, &f1);
    sb_csvin_report_blank_lines(r0->in, n0 + n1, n0 > 0 ? f0 : f1 + line_off,
                                j->d->findings);
    return 1;
}

void annex_drop_part2(struct sb_annex_job *j)
{
    struct reader *r1 = &j->r[1];

    sb_findings_free(j->own[1]);
    j->own[1] = NULL;
    for (int i = 0; r1->aggs != NULL && i < r1->n_aggs; i++)
        sb_agg_free(r1->aggs[i]);
    free(r1->aggs);
    annex_reader_free(r1);
    memset(r1, 0, sizeof *r1);
    if (j->progress != NULL)
        j->progress[1] = 0;
}
