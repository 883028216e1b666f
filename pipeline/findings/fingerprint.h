/* fingerprint.h: a finding's identity from one night to the next.
 *
 * A baseline (baseline.h) and a comparison of two runs (diff.h) match
 * findings by fingerprint. The fingerprint hashes what a finding is
 * about, not where it happens to sit: its code, its file relative to the
 * declaration directory, its key (the value of the row's key column, e.g.
 * the device ID; the field code on form.csv; see struct sb_finding) and
 * its column. Never the row number: sorting a list keeps every
 * fingerprint, while changing the key, the file's name or the column makes
 * the finding new. Findings whose parts are all equal (two rows repeating
 * one ID) are told apart by rank: the n-th of them in the sorted list
 * (n >= 2) also hashes n, so the first keeps the plain fingerprint.
 *
 * The hash is 64-bit FNV-1a over the bytes of each part followed by 0x1F
 * (a missing part is the single byte 0x1E), written as 16 lowercase hex
 * digits: the same on every machine and in every release that keeps
 * "schema_version" (findings.schema.json). */
#ifndef SB_PIPELINE_FINGERPRINT_H
#define SB_PIPELINE_FINGERPRINT_H

#include "findings/finding.h"

#define SB_FINGERPRINT_LEN 16 /* hex digits, without the NUL */

/* path relative to root: the rest of path after "root/" when path starts
 * so (extra slashes skipped), else path itself. Borrowed from path;
 * path NULL gives NULL, root NULL or "" gives path. */
const char *sb_path_relative(const char *path, const char *root);

/* The fingerprint of f as the nth finding with its parts (1 for the
 * first), into out[SB_FINGERPRINT_LEN + 1]. root is the declaration
 * directory that f->pos.path is relative to (may be NULL). */
void sb_fingerprint(const struct sb_finding *f, const char *root, long nth,
                    char *out);

/* The fingerprints of the n findings f[0..n) in their order (the sorted
 * list of sb_findings_sorted), each ranked among the findings with equal
 * parts: a new array of n * (SB_FINGERPRINT_LEN + 1) bytes, fingerprint
 * i at i * (SB_FINGERPRINT_LEN + 1); the caller frees it. NULL when n is
 * 0. */
char *sb_fingerprints(const struct sb_finding *f, long n, const char *root);

#endif
