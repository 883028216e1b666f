/* csvin.h: read CSV files as real systems and Excel export them.
 *
 * Bytes -> records, with positions. Input may be UTF-8 with or without a
 * BOM, or GB18030/GBK (what Chinese Excel writes for "CSV"), detected
 * over the whole file (BOM, then strict UTF-8, then GB18030 if it
 * decodes the file with fewer invalid sequences) and converted with
 * iconv. Fields are split by libcsv: comma, '"' quotes, doubled quotes,
 * quoted newlines. LF, CR LF and a lone CR each end a physical line, in
 * quoted fields too. Empty physical lines between records are skipped
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
 * Memory does not grow with the file: one record is held at a time. */
#ifndef SB_PIPELINE_CSVIN_H
#define SB_PIPELINE_CSVIN_H

#include <stddef.h>

#include "finding.h"
#include "sb.h"

enum sb_encoding {
    SB_ENC_UTF8,     /* UTF-8 without BOM (ASCII included) */
    SB_ENC_UTF8_BOM, /* UTF-8 with a byte-order mark, which is dropped */
    SB_ENC_GB18030,  /* GB18030 (a superset of GBK and GB 2312) */
};

/* "UTF-8", "UTF-8 (BOM)", "GB18030". */
const char *sb_encoding_name(enum sb_encoding enc);

struct sb_csvin_opts {
    int max_quoted_lines;   /* a quoted field over this many lines is a
                               runaway quote; 0 = default (200) */
    size_t max_field_bytes; /* cap on one field; 0 = default (4 MiB) */
    const char *annex;      /* annex code for findings, or NULL; copied */
};

/* One record, borrowed until the next sb_csvin_next or sb_csvin_close.
 * Blank lines count as lines but not as rows. */
struct sb_record {
    long row;          /* record number in the file, the header is 1 */
    long line;         /* physical line the record starts on, 1-based */
    int n_fields;      /* as found: may differ from the header's width */
    char **fields;     /* UTF-8, NUL-terminated, never NULL */
    size_t *lens;      /* byte length of each field */
    long *field_lines; /* physical line each field starts on */
};

struct sb_csvin;

/* Open path, a regular file, for reading; reads it through once to
 * choose the encoding. opts may be NULL. Findings about the file go to
 * findings (may be NULL) with .pos.path = path and .annex = opts->annex:
 * csv.encoding (info), csv.empty-file (warning, 0 bytes or a lone BOM),
 * later csv.invalid-byte, csv.nul-byte, csv.runaway-quote,
 * csv.field-too-long (errors), csv.blank-lines (info, at the end). A
 * finding's .pos.line is the physical line of the problem, .pos.col the
 * field number. Returns SB_OK and *out (close it with sb_csvin_close), or
 * SB_EIO (cannot open, read or seek) or SB_EENCODING (iconv cannot
 * convert GB18030) with err naming the path and *out = NULL. */
int sb_csvin_open(struct sb_csvin **out, const char *path,
                  const struct sb_csvin_opts *opts,
                  struct sb_findings *findings, struct sb_error *err);

/* Next record into *rec (NULL at end of file, and on every call after).
 * Returns SB_OK, or SB_EIO on a read error (err set). Invalid bytes and
 * NULs in the input become U+FFFD in the field and an error finding with
 * line and column; they never end the read. A field over
 * max_field_bytes is cut at a character boundary. */
int sb_csvin_next(struct sb_csvin *r, struct sb_record **rec,
                  struct sb_error *err);

/* Encoding found at open. */
enum sb_encoding sb_csvin_encoding(const struct sb_csvin *r);

/* Bytes of the file read so far by sb_csvin_next, and the file's size
 * (for progress; equal at the end). */
long long sb_csvin_bytes_read(const struct sb_csvin *r);
long long sb_csvin_size(const struct sb_csvin *r);

/* Close and free; NULL is a no-op. */
void sb_csvin_close(struct sb_csvin *r);

#endif
