/* annex_int.h: what the annex*.c files share and nothing outside them
 * uses: the state of one read and of a read in two parts, and the
 * helpers one file gives another. The files, top to bottom (each calls
 * only those below it):
 *   annex.c         the public read (check.h): open, run, close; the
 *                   loop over rows and the end of a whole read
 *   annex_split.c   a read in two parts: where to cut, whether part 1
 *                   can be taken as read and folded into part 0
 *   annex_header.c  which annex a file is, which column a header means
 *   annex_cells.c   every cell of a row validated by its column's type
 *   annex_reader.c  a reader made and freed; its cell and row findings
 *   annex_unique.c  the keys of unique columns and their duplicates */
#ifndef SB_PIPELINE_ANNEX_INT_H
#define SB_PIPELINE_ANNEX_INT_H

#include <stdatomic.h>
#include <stdint.h>

#include "check/check.h"
#include "read/csvin.h"

/* A per-column memo of cell outcomes. Most typed columns hold few
 * distinct texts (classes, dates, yes/no), and the outcome of a cell
 * (none word, or parsed value) depends only on its trimmed text and
 * the column, so a direct-mapped cache keyed by the text replaces
 * normalising, enumeration look-ups and date parsing for repeated
 * values. Only valid values and none words are kept: an invalid cell is
 * parsed again to get its reason. A column whose texts rarely repeat
 * (IDs, phone numbers) turns its memo off after MEMO_PROBATION
 * look-ups. */
#define MEMO_SLOTS 512      /* a power of two */
#define MEMO_TEXT 30        /* longest text kept, bytes */
#define MEMO_PROBATION 4096 /* look-ups before judging the hit rate */

struct memo_entry {
    unsigned char len; /* 0: empty slot */
    unsigned char none;
    char text[MEMO_TEXT];
    double num;
    uint64_t mask;
    int enum_idx;
};

struct memo {
    struct memo_entry *e; /* MEMO_SLOTS, or NULL when off */
    long lookups, hits;
};

/* The keys of a unique column wait in buffers, one per slice of hash
 * values, and go into the keyset a buffer at a time: a keyset of
 * millions of keys is far bigger than the caches, and one buffer's keys
 * all land in one small slice of it (keyset slots are in hash order).
 * Within a buffer keys stay in row order, and equal keys share a
 * buffer, so the first row of every key is the one reading in order
 * finds; the duplicates found are reported in row order at the end of
 * the read (dup_event). */
#define KEY_BATCH 64         /* keys per buffer */
#define KEY_MAX_BITS 8       /* at most 2^8 buffers per column: they stay
                                in the L2 cache */
#define KEYS_PER_PART 2048   /* keyset keys per buffer's slice, about */

struct key_entry {
    uint64_t hash;
    long row, line;
    uint32_t text, len; /* the cell as written: in the buffer's texts */
};

struct key_part {
    int n;
    struct key_entry e[KEY_BATCH];
    struct sb_buf texts;
};

struct key_buffers {
    struct key_part *parts;
    int shift; /* a key's buffer is hash >> shift */
};

/* A duplicate found, to report once the read is over. */
struct dup_event {
    long row, line, first;
    int col;   /* annex column */
    char *text;
};

/* The state of one annex read, or of one part of a read in two parts
 * (see sb_annex_open). */
struct reader {
    struct sb_decl *d;
    const struct sb_annex *a;
    struct sb_annex_result *res;
    const char *path;
    const char *label;            /* "附件1 工业设备清单" (the job's) */
    const char *source;           /* its 依据: "002 附件2 附件1 工业设备清单"
                                     (the job's; NULL: none) */
    struct sb_findings *findings; /* where this read's findings go */
    struct sb_csvin *in;
    struct sb_agg **aggs;         /* what each row is folded into */
    int n_aggs;
    struct sb_cellval *cells;     /* per column */
    struct sb_keyset **sets;      /* per unique column */
    struct key_buffers *kb;       /* per unique column: waiting keys */
    struct dup_event *dups;       /* duplicates found, not yet reported */
    long n_dups, cap_dups;
    long dups_dropped;            /* found past the findings' cap */
    const double *lo, *hi;        /* bounds per column (the job's) */
    const int *has_lo, *has_hi;
    struct memo *memo;            /* per column: typed cell outcomes */
    struct memo *pmemo;           /* per column with parent_of: enum index */
    struct sb_buf key;
    long rows;                    /* data rows read */
    long blank_rows;
    long first_blank_row;         /* quiet: where the first blank row was */
    long first_blank_line;
    int quiet;                    /* second part: the first blank row is
                                     noted, not reported; a duplicate ends
                                     the read (dup) */
    int dup;
    long long start, end;         /* the byte range read */
    int reserved;                 /* keysets sized for the range */
    atomic_int *stop;             /* second part: the first gave up on it */
    atomic_int *tell;             /* first part: tell the second so */
    volatile long long *progress; /* bytes read */
};

/* One annex read, in one part or two (see check.h). */
struct sb_annex_job {
    struct sb_decl *d;
    const struct sb_annex *a;
    struct sb_annex_result *res;
    char *path;
    char *label;
    char *source; /* the form that defines the list (edition.csv
                     form_source) and the list: cell findings' 依据 */
    struct sb_csvin_opts opts;
    struct sb_agg **aggs; /* the run's accumulators of this annex */
    int n_aggs;
    volatile long long *progress; /* [2]: bytes read by each part */
    double *lo, *hi;
    int *has_lo, *has_hi;
    int spec;    /* read speculatively (sb_csvin_open_spec) */
    int n_parts; /* 2 when split at byte `split` */
    long long size, split;
    struct reader r[2];
    atomic_int stop;   /* part 0 gave up on part 1 */
    struct sb_findings *own[2]; /* each part's findings until merged */
    int ran2;          /* part 2 was run */
    int rc2;
    struct sb_error err2;
};

/* ---- annex_split.c ------------------------------------------------ */

/* Files of this many bytes or more are read in two parts when the
 * caller allows: 8 MiB, or SHENBAO_SPLIT_MIN when set (so that the
 * tests can split every small fixture, tests/e2e/check_split.sh). */
long long annex_split_min(void);

/* The first line start at or after the middle of j's data (after the
 * header part 0 read), or -1. */
long long annex_split_point(struct sb_annex_job *j);

/* Undo everything a speculative read did, to read the file again: both
 * parts' readers and findings, part 1's accumulators, the results. */
void annex_forget_reads(struct sb_annex_job *j);

/* Can part 1 be taken as read (no quote, no unique key met in both
 * parts, accumulators that merge exactly)? Then fold it into part 0,
 * both parts' findings into the run's, and return 1; else 0. */
int annex_merge_parts(struct sb_annex_job *j);

/* Free part 1: its findings, accumulators and reader. */
void annex_drop_part2(struct sb_annex_job *j);

/* ---- annex_header.c ----------------------------------------------- */

/* Map the header record rec to the annex's columns (rd->res: headers,
 * col_field, col_yuan), with a finding for each blank, unknown and
 * repeated header and each missing required column. */
void annex_map_header(struct reader *rd, const struct sb_record *rec);

/* ---- annex_cells.c ------------------------------------------------ */

/* Check every cell of rec into rd->cells (type, required, bounds), then
 * each listed example against its parent class; findings as found. */
void annex_check_cells(struct reader *rd, const struct sb_record *rec);

/* ---- annex_reader.c ----------------------------------------------- */

/* Make rd for job j: its findings go to findings, its rows are folded
 * into aggs (n_aggs), both borrowed. Free with annex_reader_free. */
void annex_reader_init(struct reader *rd, struct sb_annex_job *j,
                       struct sb_findings *findings, struct sb_agg **aggs,
                       int n_aggs);

/* Free what annex_reader_init made and the reader's CSV input; not its
 * accumulators or findings. */
void annex_reader_free(struct reader *rd);

/* Add a finding at field `field` (0-based) of rec, or of the header
 * when rec is NULL; the strings are copied. */
void annex_cell_finding(struct reader *rd, const struct sb_record *rec,
                        int field, enum sb_severity sev, const char *code,
                        const char *column, const char *expected,
                        const char *found, const char *msg, const char *source);

/* Add the annex.blank-row warning for the blank row at row, line. */
void annex_blank_row_finding(struct reader *rd, long row, long line);

/* ---- annex_unique.c ----------------------------------------------- */

/* Make kb with 2^bits buffers; free it (a freed kb may be made again). */
void annex_key_buffers_init(struct key_buffers *kb, int bits);
void annex_key_buffers_free(struct key_buffers *kb);

/* Note the key of every unique column of rec (cells checked already):
 * a duplicate is found when its buffer goes into the keyset. */
void annex_check_keys(struct reader *rd, const struct sb_record *rec);

/* Put every waiting key into its keyset. */
void annex_flush_keys(struct reader *rd);

/* Report the duplicates found so far, in row order (after every other
 * finding of their rows, as reading in order adds them last too). */
void annex_report_dups(struct reader *rd);

/* Once a few thousand rows show how long a row is, size the keysets for
 * every row of the range: no table doubles on the way. */
void annex_reserve_keys(struct reader *rd);

#endif
