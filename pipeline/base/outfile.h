/* outfile.h: write an output file so that a failure never leaves it
 * half-written and never destroys the previous good one: the content
 * goes to a temporary file in the same directory, which is renamed over
 * the target only when everything was written and closed. */
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

/* Close o->fp (if open), checking every write, and rename the temporary
 * file over the target. On failure the temporary file is removed, the
 * target is untouched, and SB_EIO is returned with err. o is reset
 * either way. */
int sb_outfile_commit(struct sb_outfile *o, struct sb_error *err);

/* Give up: close and remove the temporary file. NULL-safe, idempotent. */
void sb_outfile_abort(struct sb_outfile *o);

/* mkdir -p: create dir and its missing parents. Returns SB_OK or
 * SB_EIO with err. */
int sb_mkdirs(const char *dir, struct sb_error *err);

#endif
