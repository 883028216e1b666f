/* csvin.c: the CSV reader (see csvin.h), first stage of the pipeline:
 * opening a file (its encoding found by csvin_encoding.c, or a
 * speculative read set up by csvin_spec.c), the reader's accessors and
 * close. Records are read by csvin_feed.c (sb_csvin_next); csvin_int.h
 * lists the reader's files. */
#include "read/csvin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bookpath.h"
#include "read/csvin_int.h"

#define DEFAULT_MAX_QUOTED_LINES 200
#define DEFAULT_MAX_FIELD_BYTES ((size_t)4 << 20)

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* Open path for a whole read (spec NULL) or a speculative one. */
static int open_any(struct sb_csvin **out, const char *path,
                    const struct sb_csvin_opts *opts,
                    const struct csvin_range *spec,
                    struct sb_findings *findings, struct sb_error *err)
{
    struct sb_csvin *r;
    struct sb_pos pos = {.path = path};
    struct stat st;
    long long start = 0;
    int rc;

    *out = NULL;
    r = sb_xcalloc(1, sizeof *r);
    r->fd = -1;
    r->cd = (iconv_t)-1;
    r->path = sb_xstrdup(path);
    r->findings = findings;
    r->max_quoted_lines = DEFAULT_MAX_QUOTED_LINES;
    r->max_field_bytes = DEFAULT_MAX_FIELD_BYTES;
    if (opts != NULL) {
        if (opts->max_quoted_lines > 0)
            r->max_quoted_lines = opts->max_quoted_lines;
        if (opts->max_field_bytes > 0)
            r->max_field_bytes = opts->max_field_bytes;
        r->libcsv_only = opts->libcsv_only;
        if (opts->annex != NULL)
            r->annex = sb_xstrdup(opts->annex);
    }
    if (sb_book_kind(path, NULL, NULL) != SB_BOOK_NONE) {
        /* A workbook's sheet: the same records, from sheetin (a whole
         * read even when asked for a part: it is never split). */
        rc = sb_sheetin_open(&r->sheet, path, r->annex, findings, err);
        if (rc != SB_OK)
            goto fail;
        if (opts != NULL && opts->form)
            sb_sheetin_ragged(r->sheet);
        r->size = sb_sheetin_size(r->sheet);
        r->end = r->size;
        *out = r;
        return SB_OK;
    }
    r->fd = open(path, O_RDONLY);
    if (r->fd < 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot open %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    if (fstat(r->fd, &st) != 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    r->size = (long long)st.st_size;
    r->end = r->size;
    r->in = sb_xmalloc(IN_SIZE);
    r->bad_at = sb_xmalloc(MAX_BAD * sizeof *r->bad_at);
    if (spec != NULL) {
        rc = csvin_spec_open(r, spec, &start, err);
        if (rc != SB_OK)
            goto fail;
    } else {
        rc = csvin_detect(r, &start, err);
        if (rc != SB_OK)
            goto fail;
    }
    if (lseek(r->fd, (off_t)start, SEEK_SET) < 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot seek in %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    r->in_off = start;
    r->read_max = start;
    r->line = 1;
    r->cap_fields = 16;
    r->offs = sb_xmalloc(16 * sizeof *r->offs);
    r->rec.fields = sb_xmalloc(16 * sizeof *r->rec.fields);
    r->rec.lens = sb_xmalloc(16 * sizeof *r->rec.lens);
    r->rec.field_lines = sb_xmalloc(16 * sizeof *r->rec.field_lines);
    r->data_cap = 4096;
    r->data = sb_xmalloc(r->data_cap);
    csv_init(&r->p, CSV_STRICT);
    csv_set_space_func(&r->p, no_space);
    csv_set_realloc_func(&r->p, sb_xrealloc);
    csv_set_free_func(&r->p, free);
    csv_set_blk_size(&r->p, 64 * 1024);
    if (r->size <= start) {
        struct sb_finding f =
            csvin_finding(r, "csv.empty-file", SB_SEV_WARNING);

        csvin_report(r, &f, "文件为空，没有任何记录");
        r->done = 1;
    }
    *out = r;
    return SB_OK;

fail:
    sb_csvin_close(r);
    return rc;
}

int sb_csvin_open(struct sb_csvin **out, const char *path,
                  const struct sb_csvin_opts *opts,
                  struct sb_findings *findings, struct sb_error *err)
{
    return open_any(out, path, opts, NULL, findings, err);
}

int sb_csvin_open_spec(struct sb_csvin **out, const char *path, long long start,
                       long long end, const struct sb_csvin_opts *opts,
                       struct sb_findings *findings, struct sb_error *err)
{
    struct csvin_range sp = {start, end};

    return open_any(out, path, opts, &sp, findings, err);
}

int csvin_sheet_next(struct sb_csvin *r, struct sb_record **rec,
                     struct sb_error *err)
{
    int rc = sb_sheetin_next(r->sheet, rec, err);

    r->read_max = sb_sheetin_bytes_read(r->sheet);
    if (*rec != NULL)
        r->row++;
    else if (rc == SB_OK)
        r->done = 1;
    return rc;
}

enum sb_encoding sb_csvin_encoding(const struct sb_csvin *r)
{
    return r->enc;
}

long long sb_csvin_offset(const struct sb_csvin *r)
{
    return r->in_off + (long long)r->in_pos;
}

int sb_csvin_done(const struct sb_csvin *r)
{
    return r->done;
}

long sb_csvin_rows(const struct sb_csvin *r)
{
    return r->row;
}

long sb_csvin_lines(const struct sb_csvin *r)
{
    return r->line - 1;
}

void sb_csvin_blank_lines(const struct sb_csvin *r, long *n, long *first)
{
    *n = r->n_blank;
    *first = r->first_blank;
}

void sb_csvin_report_blank_lines(struct sb_csvin *r, long n, long first,
                                 struct sb_findings *to)
{
    struct sb_finding f = csvin_finding(r, "csv.blank-lines", SB_SEV_INFO);

    if (n <= 0 || to == NULL)
        return;
    f.pos.line = first;
    sb_findings_addf(to, &f, "跳过了 %ld 个空行（第一个在第 %ld 行）", n,
                     first);
}

long long sb_csvin_bytes_read(const struct sb_csvin *r)
{
    return r->read_max;
}

long long sb_csvin_size(const struct sb_csvin *r)
{
    return r->size;
}

void sb_csvin_close(struct sb_csvin *r)
{
    if (r == NULL)
        return;
    sb_sheetin_close(r->sheet);
    if (r->fd >= 0)
        close(r->fd);
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    csv_free(&r->p);
    free(r->path);
    free(r->annex);
    free(r->in);
    free(r->bad_at);
    free(r->conv);
    free(r->offs);
    free(r->rec.fields);
    free(r->rec.lens);
    free(r->rec.field_lines);
    free(r->data);
    free(r);
}
