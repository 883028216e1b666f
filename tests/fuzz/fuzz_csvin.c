/* fuzz_csvin.c: libFuzzer target for the CSV reader. The input is
 * written to a file (the reader needs a seekable file) and read to the
 * end with a small runaway-quote limit and field cap, so the recovery
 * paths run often. It is read twice, with the hand-cut fast path for
 * lines without a quote and with libcsv for every line
 * (opts.libcsv_only): the records must be identical (differential), or
 * the target aborts. Any crash, leak or sanitizer report is a bug. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every record of path, each field with its length and line, into out. */
static void read_all(const char *path, int libcsv_only, struct sb_buf *out)
{
    struct sb_csvin_opts opts = {0};
    struct sb_findings *fs = sb_findings_new(8);
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    struct sb_error err = {0};

    opts.max_quoted_lines = 3;
    opts.max_field_bytes = 64;
    opts.libcsv_only = libcsv_only;
    if (sb_csvin_open(&in, path, &opts, fs, &err) == SB_OK) {
        while (sb_csvin_next(in, &rec, &err) == SB_OK && rec != NULL) {
            sb_buf_printf(out, "%ld %ld %d\n", rec->row, rec->line,
                          rec->n_fields);
            for (int i = 0; i < rec->n_fields; i++) {
                sb_buf_printf(out, "%zu %ld:", rec->lens[i],
                              rec->field_lines[i]);
                sb_buf_put(out, rec->fields[i], rec->lens[i]);
            }
        }
        sb_buf_printf(out, "%ld %ld", sb_csvin_rows(in), sb_csvin_lines(in));
    }
    sb_csvin_close(in);
    sb_findings_free(fs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/fuzz_csvin_XXXXXX";
    int fd = mkstemp(path);
    struct sb_buf fast = {0}, oracle = {0};

    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    read_all(path, 0, &fast);
    read_all(path, 1, &oracle);
    unlink(path);
    if (fast.len != oracle.len ||
        (fast.len > 0 && memcmp(fast.data, oracle.data, fast.len) != 0)) {
        fprintf(stderr, "fast path and libcsv read different records\n");
        abort();
    }
    sb_buf_free(&fast);
    sb_buf_free(&oracle);
    return 0;
}
