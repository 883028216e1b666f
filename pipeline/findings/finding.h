/* finding.h: findings, the problems shenbao finds in a declaration.
 *
 * A finding is a value: {code, severity, position, column, key,
 * expected, found, message (Chinese), source}. Every stage appends findings while
 * the work goes on and never stops for one. The list counts every
 * finding but stores only the first max_per_kind of each (code, file)
 * pair, so a 10-million-row file full of one mistake costs constant
 * memory: "cap what is printed, never what is checked".
 *
 * Writers (finding_out.c) turn the list into text for people, JSON for
 * scripts and JUnit XML for CI dashboards. Exit status: 1 when any
 * finding not accepted by a baseline has severity error, else 0 (README
 * "Exit codes"). */
#ifndef SB_PIPELINE_FINDING_H
#define SB_PIPELINE_FINDING_H

#include <stdio.h>

#include "base/sb.h"

/* The version of findings.schema.json the JSON writer follows: raised
 * when a field changes meaning or goes away, not when one is added. */
#define SB_FINDINGS_SCHEMA_VERSION 1

enum sb_severity {
    SB_SEV_ERROR,   /* the declaration would be sent back */
    SB_SEV_WARNING, /* a reviewer may object; does not fail the run */
    SB_SEV_INFO,    /* what shenbao did (encoding converted, rule skipped) */
};

/* One finding. All strings are UTF-8; any may be NULL. Passed to
 * sb_findings_add, they are copied. */
struct sb_finding {
    const char *code;     /* stable id, e.g. "csv.unterminated-quote" */
    enum sb_severity sev;
    struct sb_pos pos;    /* file, record row, column, physical line */
    const char *annex;    /* annex code ("devices") or NULL */
    const char *column;   /* column header as the user wrote it */
    const char *key;      /* what the finding is about, for its
                             fingerprint (fingerprint.h): on an annex row
                             the value of its key column (the device ID),
                             on form.csv the field code; NULL if none */
    const char *expected; /* what should be there */
    const char *found;    /* what is there */
    const char *message;  /* one Chinese sentence */
    const char *source;   /* rule source: "002 附件2 1.1" */
    const char *accepted; /* why a baseline accepts it ("" if it does
                             not say), set by sb_findings_accept (a
                             finding added with it set, as merges do,
                             counts as accepted); NULL: not accepted */
    const char *accepted_by; /* who accepted it, with accepted */
};

struct sb_findings;

/* New empty list storing at most max_per_kind findings per (code,
 * file) pair (<= 0: no cap). Free with sb_findings_free. */
struct sb_findings *sb_findings_new(long max_per_kind);
void sb_findings_free(struct sb_findings *fs);

/* Add a copy of *f. Thread-safe: annexes are checked in parallel. */
void sb_findings_add(struct sb_findings *fs, const struct sb_finding *f);

/* Count n findings like f (its code, path and severity) as added but
 * not stored: for a caller that adds the first max_per_kind findings of
 * a kind itself, in order, and knows the others would not be stored. */
void sb_findings_add_omitted(struct sb_findings *fs,
                             const struct sb_finding *f, long n);

/* The list's max_per_kind. */
long sb_findings_cap(const struct sb_findings *fs);

/* Add src's findings to dst as if each had been added to dst in the
 * order it was added to src: the stored ones through sb_findings_add
 * (with row_off added to every row > 0 and line_off to every line > 0),
 * and the ones src counted without storing as counted in dst. With the
 * same max_per_kind, dst then stores and counts what it would have had
 * every finding gone to it directly. Not thread-safe for src. */
void sb_findings_merge(struct sb_findings *dst, struct sb_findings *src,
                       long row_off, long line_off);

/* As sb_findings_add, with f->message replaced by the printf result. */
void sb_findings_addf(struct sb_findings *fs, const struct sb_finding *f,
                      const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record that a check ran (a rule, or the validation of one annex), so
 * JUnit can list it as a test case: failed when it produced an error,
 * skipped when sb_findings_skip_check says so, else passed.
 * code is the finding code the check emits; name is a short Chinese
 * title ("1.1 设备按类别合计"). Registering a code twice is harmless. */
void sb_findings_note_check(struct sb_findings *fs, const char *code,
                            const char *name, const char *source);

/* The i-th registered check (0-based) into *code, *name, *source
 * (borrowed). Returns the number of registered checks; the out
 * parameters are set only when 0 <= i < that number. */
long sb_findings_checks(const struct sb_findings *fs, long i,
                        const char **code, const char **name,
                        const char **source);

/* Record that the registered check code could not be run (a figure or
 * an annex it needs is missing): it is neither passed nor failed, and
 * the writers say "skipped" (JSON) and <skipped/> (JUnit). The caller
 * adds the info finding that says what was missing, with the same code.
 * A code never registered is ignored. */
void sb_findings_skip_check(struct sb_findings *fs, const char *code);

/* Whether the i-th registered check was skipped (0 when i is out of
 * range). */
int sb_findings_check_skipped(const struct sb_findings *fs, long i);

/* The form edition the declaration was read as (code and title, copied;
 * either may be NULL), which every writer names. */
void sb_findings_set_edition(struct sb_findings *fs, const char *code,
                             const char *title);

/* The edition set, or NULL; *title (title may be NULL) its title. */
const char *sb_findings_edition(const struct sb_findings *fs,
                                const char **title);

/* Number of findings of a severity that were added (stored or not),
 * less those accepted. */
long sb_findings_count(const struct sb_findings *fs, enum sb_severity sev);

/* Mark the i-th finding of the sorted list (sb_findings_sorted) as
 * accepted by a baseline (baseline.h), with reason and by (copied; NULL
 * is ""): it moves from sb_findings_count to sb_findings_accepted, no
 * longer fails its check or the run, and the writers show it as accepted.
 * Accepting a finding twice, or an i out of range, does nothing. */
void sb_findings_accept(struct sb_findings *fs, long i, const char *reason,
                        const char *by);

/* Number of accepted findings of a severity. */
long sb_findings_accepted(const struct sb_findings *fs,
                          enum sb_severity sev);

/* Stored findings, sorted by severity, file, row, column, then order of
 * addition; borrowed until the next add. *n receives the count. */
const struct sb_finding *sb_findings_sorted(struct sb_findings *fs,
                                            long *n);

/* Number of findings of (code, path) that were counted but not stored. */
long sb_findings_omitted(const struct sb_findings *fs, const char *code,
                         const char *path);

/* Writers. Text groups by severity and annex and prints at most
 * max_print findings per (code, file) (<= 0: all stored), leaving the
 * accepted ones to a count on its last line; JSON writes every stored
 * finding, accepted ones with their reason, JUnit fails a check only on
 * errors not accepted. JSON and JUnit
 * write every stored finding with the omitted counts, and every check
 * with its status: "fail" when it has an error finding, "skipped" when
 * it could not be run, else "pass" (JUnit: <failure>, <skipped/>, an
 * empty test case). title is the declaration directory: the JSON
 * title and JUnit testsuite name, and the directory the fingerprints'
 * paths are relative to (fingerprint.h). JSON follows
 * findings.schema.json, version SB_FINDINGS_SCHEMA_VERSION. Return
 * SB_OK or SB_EIO. Text with color 1 puts the severities in colour (SGR:
 * errors red, warnings yellow, info cyan); the caller decides when.
 * Every writer names files relative to the declaration directory (root,
 * title; NULL: as stored), and JSON and JUnit name the declaration by
 * its last component, so two copies of one declaration give the same
 * outputs. JUnit also has a test case per error and warning, named by
 * its fingerprint, file, key and column (never its row). */
int sb_findings_write_text(struct sb_findings *fs, FILE *out,
                           long max_print, int color, const char *root);
int sb_findings_write_json(struct sb_findings *fs, FILE *out,
                           const char *title);
int sb_findings_write_junit(struct sb_findings *fs, FILE *out,
                            const char *title);

/* JUnit of several lists in one document: a <testsuite> each, fs[i]
 * named by titles[i] as sb_findings_write_junit names its one suite
 * (a batch of declarations: one suite per declaration), under one
 * <testsuites> counting them all. Returns SB_OK or SB_EIO. */
int sb_findings_write_junit_suites(struct sb_findings *const *fs,
                                   const char *const *titles, int n,
                                   FILE *out);

#endif
