/* diff.h: what changed from one night to the next.
 *
 * Compares two findings JSON files written by `shenbao check -f json`
 * (findings.schema.json) by fingerprint (fingerprint.h): a finding of the
 * new run whose fingerprint the old run lacks is new, one of the old run
 * the new run lacks is fixed, one in both persists. Findings counted but
 * not stored (the "omitted" counts past --max-per-kind) are not compared.
 * A new error that a baseline accepted in the new run ("accepted" not
 * null) is new but does not count as a new error.
 *
 * The files are parsed with jansson; the findings keep every field they
 * had, so the JSON output carries them as they were written. */
#ifndef SB_PIPELINE_DIFF_H
#define SB_PIPELINE_DIFF_H

#include <stdio.h>

#include "base/sb.h"

struct sb_diff;

/* Read and compare old_path and new_path into *out (free with
 * sb_diff_free). Returns SB_OK; SB_EIO when a file cannot be read;
 * SB_EFORMAT, naming the file (and the line for bad JSON), when one is
 * not a findings JSON of schema_version SB_FINDINGS_SCHEMA_VERSION or a
 * finding has no fingerprint (a file from before fingerprints). */
int sb_diff_load(const char *old_path, const char *new_path,
                 struct sb_diff **out, struct sb_error *err);
void sb_diff_free(struct sb_diff *d);

/* Counts: new findings, new errors not accepted, fixed, persisting. */
long sb_diff_new(const struct sb_diff *d);
long sb_diff_new_errors(const struct sb_diff *d);
long sb_diff_fixed(const struct sb_diff *d);
long sb_diff_persisting(const struct sb_diff *d);

/* The comparison for people: a summary line, then the new, fixed and
 * persisting findings under a heading each, one line per finding:
 * "severity code file:row:col: column：message [fingerprint]", files
 * relative to their run's declaration directory ("title"). Returns SB_OK
 * or SB_EIO. */
int sb_diff_write_text(const struct sb_diff *d, FILE *out);

/* The comparison for scripts (findings.schema.json, "diff"):
 * {"schema_version", "old_title", "new_title", "counts": {"new",
 * "new_errors", "fixed", "persisting"}, "new": [...], "fixed": [...],
 * "persisting": [...]}, each finding as its file has it (fixed ones from
 * the old file, the others from the new). Returns SB_OK or SB_EIO. */
int sb_diff_write_json(const struct sb_diff *d, FILE *out);

#endif
