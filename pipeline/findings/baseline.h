/* baseline.h: findings a team has accepted, so a nightly run reports
 * only what is new.
 *
 * A baseline is a JSON file (README "Nightly checks"; the schema is the
 * "baseline" definition of findings.schema.json):
 *
 *     {"schema_version": 1,
 *      "accepted": [
 *       {"fingerprint": "d7fddedf41687f90", "reason": "名单原文如此",
 *        "by": "张三", "code": "rule.products.category-counts",
 *        "severity": "error", "file": "annex/list.csv", "column": "种类",
 *        "key": "批次3 / 二十一、电视机（4种）", "message": "…"}
 *      ]}
 *
 * Only "fingerprint" (fingerprint.h) is matched; "reason" and "by" are
 * shown with every finding the entry accepts; the other fields say what
 * was accepted, for the people who read the file. A finding a baseline
 * lists is accepted (sb_findings_accept): it is reported, but fails
 * neither its check nor the run. An entry that matches no finding any
 * more is stale: a warning finding baseline.stale on the baseline file,
 * so that fixed findings leave the file. Only stored findings are
 * matched: an entry for a finding past --max-per-kind reads as stale.
 *
 * The file is parsed with jansson. */
#ifndef SB_PIPELINE_BASELINE_H
#define SB_PIPELINE_BASELINE_H

#include <stdio.h>

#include "findings/finding.h"

struct sb_baseline;

/* Read the baseline at path into *out (free with sb_baseline_free).
 * Returns SB_OK; SB_EIO when it cannot be read; SB_EFORMAT, with the
 * line in err, when it is not JSON, its schema_version is not
 * SB_FINDINGS_SCHEMA_VERSION, or an entry has no string "fingerprint". */
int sb_baseline_read(const char *path, struct sb_baseline **out,
                     struct sb_error *err);
void sb_baseline_free(struct sb_baseline *bl);

/* Number of entries. */
long sb_baseline_size(const struct sb_baseline *bl);

/* Accept every stored finding of fs whose fingerprint (root: the
 * declaration directory) bl lists, then add one baseline.stale warning
 * for each entry that accepted none. Call once, after the last check and
 * before the writers. Returns the number of findings accepted. */
long sb_baseline_apply(const struct sb_baseline *bl, struct sb_findings *fs,
                       const char *root);

/* Write a baseline listing every stored error and warning of fs (not the
 * baseline.stale ones), files relative to root; a finding already
 * accepted keeps its reason and by, the others get "" for the team to
 * fill. Returns SB_OK or SB_EIO. */
int sb_baseline_write(struct sb_findings *fs, FILE *out, const char *root);

#endif
