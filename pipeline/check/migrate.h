/* migrate.h: `shenbao init --from OLD --form EDITION NEW`: start this
 * year's declaration from an older one, of any edition.
 *
 * Teams keep their old declarations and re-use the lists. The old
 * declaration is read as `check` reads it (its own edition, from its
 * form.csv), then NEW is written as `init` writes a blank one
 * (scaffold.h) and filled with what carries over:
 *   figures   a field of the new form takes the value of the old field
 *             with the same code (the code names the thing: fields.csv
 *             documents it once per edition), as written; money whose
 *             unit changed (元 → 万元 …) is converted exactly, in
 *             decimal, keeping the precision it was declared with
 *             (123,456.70 元 → 12.345670 万元);
 *   lists     each old annex list goes to the new annex of the same code,
 *             column by column: the new column of the same code, else the
 *             new column whose header or an alias is the old file's
 *             header (the aliases the editions share); money columns
 *             converted as figures are; the new headers, in the new order;
 *   evidence  the files of OLD/evidence/ as they are.
 * What does not carry is said, never dropped in silence: fields new in
 * the edition (left empty), old fields and columns with no counterpart
 * (with their values), unit conversions, the narrative (declaration.md
 * is organised by the old form's sections: it is copied beside the new
 * scaffold as declaration.<old edition>.md). The report is written to
 * NEW/migration.md and returned. */
#ifndef SB_PIPELINE_MIGRATE_H
#define SB_PIPELINE_MIGRATE_H

#include <stdio.h>

#include "base/sb.h"
#include "check/decl.h"

/* Migrate the declaration in from into a new declaration of edition in
 * dir (which must be missing or empty, as for init). The files written
 * are listed on list (may be NULL); the migration report (Markdown,
 * Chinese) is appended to report, ending with what check says of the
 * new declaration (more: the higher stages' checks, as check runs
 * them; may be NULL). Returns SB_OK, or SB_EUSAGE (unknown
 * edition, dir not empty), SB_EIO / SB_EFORMAT (old declaration
 * unreadable: no form.csv, its edition unknown) with err; on failure dir
 * may hold part of the new declaration (it was empty before). */
int sb_migrate(const char *from, const char *edition, const char *dir,
               FILE *list, struct sb_buf *report, sb_decl_more_fn more,
               struct sb_error *err);

#endif
