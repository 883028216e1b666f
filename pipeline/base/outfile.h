/* outfile.h: the one way output files are written, so that a failure
 * never leaves one half-written and never destroys the previous good
 * one: the content goes to a temporary file in the same directory,
 * which is flushed to disk (fsync) and renamed over the target only
 * when everything was written and closed; on any failure the temporary
 * file is removed. */
#ifndef SB_PIPELINE_OUTFILE_H
#define SB_PIPELINE_OUTFILE_H

#include <stdio.h>

#include "base/sb.h"

struct sb_outfile {
    char *path; /* the target */
    char *tmp;  /* the temporary file beside it */
    FILE *fp;   /* open on tmp (NULL for libraries that write by name) */
};

/* Create a temporary file beside path (creating missing parent
 * directories) and open it for writing in o->fp. Returns SB_OK, or
 * SB_EIO with err. */
int sb_outfile_open(struct sb_outfile *o, const char *path,
                    struct sb_error *err);

/* As sb_outfile_open, but only reserve the temporary name o->tmp (the
 * file exists, empty, and o->fp is NULL) for a library that opens files
 * by name (Cairo, libxlsxwriter). */
int sb_outfile_reserve(struct sb_outfile *o, const char *path,
                       struct sb_error *err);

/* Close o->fp (if open), checking every write, flush the temporary
 * file to disk and rename it over the target. On failure the temporary
 * file is removed, the target is untouched, and SB_EIO is returned with
 * err. o is reset either way. */
int sb_outfile_commit(struct sb_outfile *o, struct sb_error *err);

/* Give up: close and remove the temporary file. NULL-safe, idempotent. */
void sb_outfile_abort(struct sb_outfile *o);

/* Write the len bytes at data as the whole of path (open, write,
 * commit). Returns SB_OK, or SB_EIO with err and path untouched. */
int sb_outfile_write(const char *path, const void *data, size_t len,
                     struct sb_error *err);

/* mkdir -p: create dir and its missing parents. Returns SB_OK or
 * SB_EIO with err. */
int sb_mkdirs(const char *dir, struct sb_error *err);

#endif
