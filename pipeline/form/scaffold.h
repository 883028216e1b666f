/* scaffold.h: `shenbao init`: a blank declaration of a form edition for
 * a team to fill in:
 *   form.csv         代码,项目,值: the edition row first, then one row per
 *                    field with its Chinese label as printed and an empty
 *                    value
 *   annex/CODE.csv   each annex list with its Chinese column headers
 *   declaration.md   a heading per narrative section (sections.csv), each
 *                    with a comment saying what the form asks for, whether
 *                    it is required and its word limit
 * CSV files are UTF-8 with a byte-order mark, so Excel and WPS open them
 * as Chinese text; shenbao reads them with or without. */
#ifndef SB_PIPELINE_SCAFFOLD_H
#define SB_PIPELINE_SCAFFOLD_H

#include <stdio.h>

#include "base/sb.h"

/* Write a blank declaration of edition (a code; NULL: the default
 * edition) into dir, creating dir and its parents when missing. Never overwrites: a
 * dir that exists and is not an empty directory is refused with
 * SB_EUSAGE. The files written are listed on list (one path a line; may
 * be NULL). Returns SB_OK, SB_EUSAGE (unknown edition, dir not empty),
 * SB_EFORMAT (a broken edition) or SB_EIO, with err. */
int sb_scaffold_write(const char *edition, const char *dir, FILE *list,
                      struct sb_error *err);

/* Write text as dir/name, whole or not at all (sb_outfile_write), and
 * list the path on list (may be NULL). Returns SB_OK or SB_EIO. */
int sb_scaffold_file(const char *dir, const char *name,
                     const struct sb_buf *text, FILE *list,
                     struct sb_error *err);

#endif
