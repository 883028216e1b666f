/* fuzz_csvin.c: libFuzzer target for the CSV reader. The input is
 * written to a file (the reader needs a seekable file) and read to the
 * end with a small runaway-quote limit and field cap, so the recovery
 * paths run often. Any crash, leak or sanitizer report is a bug. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "read/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/fuzz_csvin_XXXXXX";
    int fd = mkstemp(path);
    struct sb_csvin_opts opts = {0};
    struct sb_findings *fs = sb_findings_new(8);
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    struct sb_error err = {0};

    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    opts.max_quoted_lines = 3;
    opts.max_field_bytes = 64;
    if (sb_csvin_open(&in, path, &opts, fs, &err) == SB_OK) {
        while (sb_csvin_next(in, &rec, &err) == SB_OK && rec != NULL)
            ;
    }
    sb_csvin_close(in);
    sb_findings_free(fs);
    unlink(path);
    return 0;
}
