/* csvin.h: read CSV files as real systems and Excel export them.
 *
 * Bytes -> records, with positions. Input may be UTF-8 with or without a
 * BOM, or GB18030/GBK (what Chinese Excel writes for "CSV"), detected
 * over the whole file (BOM, then strict UTF-8, then GB18030 if it
 * decodes the file with fewer invalid sequences) and converted with
 * iconv. Fields are split by libcsv: comma, '"' quotes, doubled quotes,
 * quoted newlines. LF, CR LF and a lone CR each end a physical line, in
 * quoted fields too (a line without a quote character is cut at its
 * commas by hand, giving what libcsv gives). Empty physical lines between records are skipped
 * and reported once (a line of spaces is a record of one field). Ragged
 * rows are returned as they are (the caller compares the width with the
 * header). Fields are kept as written: spaces are not trimmed.
 *
 * A stray quote must never swallow rows in silence. A quoted field is a
 * runaway when it runs across more than max_quoted_lines physical lines,
 * or to the end of the file, or across a line end after one of its
 * quotes was followed by another character ("Big" Co: the way stray
 * quotes begin, and how one swallows lines even when a later quote
 * closes it). A runaway is an error finding naming the line where the
 * quote opened; the reader then reads that line again taking the quote
 * literally and goes on from the next line, so no row is lost.
 *
 * Memory does not grow with the file: one record is held at a time.
 *
 * A path naming an Excel workbook or one of its sheets (bookpath.h:
 * "清单.xlsx", "清单.xls#附件2") is read by sheetin.h instead, giving
 * the same records: every reader of lists reads workbooks too. */
#ifndef SB_PIPELINE_CSVIN_H
#define SB_PIPELINE_CSVIN_H

#include <stddef.h>

#include "findings/finding.h"
#include "base/sb.h"
#include "read/record.h"

enum sb_encoding {
    SB_ENC_UTF8,     /* UTF-8 without BOM (ASCII included) */
    SB_ENC_UTF8_BOM, /* UTF-8 with a byte-order mark, which is dropped */
    SB_ENC_GB18030,  /* GB18030 (a superset of GBK and GB 2312) */
    SB_ENC_UTF16LE,  /* UTF-16 or UTF-32 with their byte-order mark (as */
    SB_ENC_UTF16BE,  /* Excel's "Unicode text" saves), converted to */
    SB_ENC_UTF32LE,  /* UTF-8 as a whole at open */
    SB_ENC_UTF32BE,
};

/* "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-32LE",
 * "UTF-32BE". */
const char *sb_encoding_name(enum sb_encoding enc);

struct sb_csvin_opts {
    int max_quoted_lines;   /* a quoted field over this many lines is a
                               runaway quote; 0 = default (200) */
    size_t max_field_bytes; /* cap on one field; 0 = default (4 MiB) */
    const char *annex;      /* annex code for findings, or NULL; copied */
    int libcsv_only;        /* 1: every line through libcsv, not only
                               those with a quote (the tests' oracle
                               for the hand-cut fast path) */
    int form;               /* 1: a workbook's sheet is read as a form,
                               its table below a title
                               (sb_sheetin_ragged); a CSV file's rows
                               are read as they stand either way */
};


struct sb_csvin;

/* Fields kept of one record: Excel's column limit, so that the workbook
 * can hold every column the check kept. Fields beyond it are not stored
 * (time and memory stay bounded whatever a header holds); the record
 * gets a csv.too-many-fields error. */
#define SB_CSVIN_MAX_FIELDS 16384

/* Open path, a regular file, for reading; reads it through once to
 * choose the encoding. opts may be NULL. Findings about the file go to
 * findings (may be NULL) with .pos.path = path and .annex = opts->annex:
 * csv.encoding (info), csv.empty-file (warning, 0 bytes or a lone BOM),
 * later csv.invalid-byte, csv.nul-byte, csv.runaway-quote,
 * csv.field-too-long, csv.too-many-fields (errors), csv.blank-lines (info, at the end). A
 * finding's .pos.line is the physical line of the problem, .pos.col the
 * field number. Returns SB_OK and *out (close it with sb_csvin_close), or
 * SB_EIO (cannot open, read or seek) or SB_EENCODING (iconv cannot
 * convert GB18030) with err naming the path and *out = NULL. */
int sb_csvin_open(struct sb_csvin **out, const char *path,
                  const struct sb_csvin_opts *opts,
                  struct sb_findings *findings, struct sb_error *err);

/* Open an annex list again after the check has read it, for its data
 * rows: as sb_csvin_open with no findings (the check reported what the
 * file holds) and opts.annex = annex (the annex code, which picks a
 * workbook's sheet; may be NULL), then past the header row, so that the
 * next sb_csvin_next gives the first data record. Returns SB_OK, or an
 * error of sb_csvin_open / sb_csvin_next with err; *out is then NULL or
 * open (close it either way with sb_csvin_close). */
int sb_csvin_open_rows(struct sb_csvin **out, const char *path,
                       const char *annex, struct sb_error *err);

/* Next record into *rec (NULL at end of file, and on every call after).
 * Returns SB_OK, or SB_EIO on a read error (err set). Invalid bytes and
 * NULs in the input become U+FFFD in the field and an error finding with
 * line and column; they never end the read. A field over
 * max_field_bytes is cut at a character boundary. */
int sb_csvin_next(struct sb_csvin *r, struct sb_record **rec,
                  struct sb_error *err);

/* Speculative reading, for reading one file in parts on several
 * threads. Opens path without the encoding pre-pass, taking it as UTF-8
 * (a BOM at offset 0 is dropped) and reading only [start, end) (end < 0:
 * to the end of the file). start must be 0 or the first byte of a
 * physical line; rows and lines are then counted from 1 there (so they
 * are relative to start), and blank lines are counted but not reported
 * (sb_csvin_report_blank_lines). Every piece read is checked: what the
 * pre-pass would not have found plain (an invalid UTF-8 byte, a NUL)
 * stops the reading (sb_csvin_next gives no record) and sets
 * SB_CSVIN_SPEC_INVALID: the caller must then read the file again with
 * sb_csvin_open. A '"' sets SB_CSVIN_SPEC_QUOTE and reading goes on.
 * Otherwise every record, finding and position is the one sb_csvin_open
 * gives (with start = 0). */
int sb_csvin_open_spec(struct sb_csvin **out, const char *path,
                       long long start, long long end,
                       const struct sb_csvin_opts *opts,
                       struct sb_findings *findings, struct sb_error *err);

#define SB_CSVIN_SPEC_INVALID 1 /* not plain UTF-8: read again */
#define SB_CSVIN_SPEC_QUOTE 2   /* a '"' was read */

/* SB_CSVIN_SPEC_* bits seen so far (0 for sb_csvin_open readers). */
int sb_csvin_spec_state(const struct sb_csvin *r);

/* Stop reading at file offset end, which must be the first byte of a
 * physical line (or the file's size; < 0 also means the size): at end,
 * sb_csvin_next gives no record and leaves the reader paused between
 * records, and a later sb_csvin_set_end with a larger end resumes it as
 * if it had never stopped. */
void sb_csvin_set_end(struct sb_csvin *r, long long end);

/* File offset of the first byte not yet consumed; whether the end of
 * the file was reached (and the last record returned). */
long long sb_csvin_offset(const struct sb_csvin *r);
int sb_csvin_done(const struct sb_csvin *r);

/* Records returned so far, and physical lines read (complete lines,
 * blank ones included), both from the reader's start. */
long sb_csvin_rows(const struct sb_csvin *r);
long sb_csvin_lines(const struct sb_csvin *r);

/* Blank lines skipped so far and the line of the first (0 if none). */
void sb_csvin_blank_lines(const struct sb_csvin *r, long *n, long *first);

/* Add the csv.blank-lines finding for n blank lines, the first on line
 * first, to findings `to`, as the end of a whole read would. */
void sb_csvin_report_blank_lines(struct sb_csvin *r, long n, long first,
                                 struct sb_findings *to);

/* Encoding found at open. */
enum sb_encoding sb_csvin_encoding(const struct sb_csvin *r);

/* Bytes of the file read so far by sb_csvin_next, and the file's size
 * (for progress; equal at the end). */
long long sb_csvin_bytes_read(const struct sb_csvin *r);
long long sb_csvin_size(const struct sb_csvin *r);

/* Close and free; NULL is a no-op. */
void sb_csvin_close(struct sb_csvin *r);

#endif
