/* inspect.h: `shenbao inspect FILE`: what shenbao understands of one
 * CSV file, for a person finding out why a check says what it says. */
#ifndef SB_PIPELINE_INSPECT_H
#define SB_PIPELINE_INSPECT_H

#include <stdio.h>

#include "base/sb.h"

struct sb_inspect_opts {
    const char *form;  /* edition code; NULL: the default edition */
    const char *annex; /* annex code; NULL: matched from the file name */
    long max_rows;     /* rows to print; < 0: all */
    const char *name;  /* the file's name in the output and to match the
                          annex by; NULL: path (a copy of standard input
                          is named "-") */
};

/* A file named form.csv (and no annex given) is read as check reads
 * declared figures: "# file:" and "# form:" (the edition form.csv names,
 * else opts->form, else the default), then per figure written, in form
 * order, {"_row", "code", "label", "raw" (as written), "value" (as read:
 * "1,2３4" -> 1234, money in 元, percentages in percent)}, then the
 * findings of reading it as "# " lines.
 *
 * Any other file: */
/* Write to out: the encoding, the header mapping (as "# " comment
 * lines), then each data row as one JSON object per line: "_row" (record
 * number, header = 1), "_line" (physical line), and per mapped column
 * its code and typed value: numbers (money in 元, percentages in
 * percent), dates "YYYY-MM-DD", booleans, enumeration values in their
 * canonical form (lists as arrays), text; null for empty cells, and
 * {"invalid": text, "why": reason} for cells that are not valid. CSV
 * findings (encoding, runaway quotes …) follow as comment lines.
 * Returns SB_OK, or SB_EIO/SB_EUSAGE/SB_EFORMAT with err. */
int sb_inspect(const char *path, const struct sb_inspect_opts *opts,
               FILE *out, struct sb_error *err);

#endif
