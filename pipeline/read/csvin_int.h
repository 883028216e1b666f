/* csvin_int.h: what the csvin*.c files share and nothing outside them
 * uses: the reader's state and the helpers one file gives another. The
 * files, top to bottom (each calls only files listed below it):
 *   csvin.c           the public API but reading: open, accessors, close
 *   csvin_feed.c      reading (sb_csvin_next): raw input cut into
 *                     physical lines, fed to libcsv one line at a time
 *                     until a record is complete; the end of the file
 *   csvin_spec.c      speculative reading (sb_csvin_open_spec): no
 *                     pre-pass, every piece checked as it is read
 *   csvin_recover.c   runaway quotes: judged after each line, reported,
 *                     and read again with the quote taken literally
 *   csvin_record.c    libcsv's strict-then-lax parse and the record it
 *                     builds (field bytes checked, cut, positioned)
 *   csvin_encoding.c  encoding detection at open, GB18030 conversion
 *   csvin_report.c    the findings the reader adds */
#ifndef SB_PIPELINE_CSVIN_INT_H
#define SB_PIPELINE_CSVIN_INT_H

#include <csv.h>
#include <iconv.h>

#include "read/csvin.h"
#include "read/sheetin.h"

#define IN_SIZE ((size_t)1 << 20) /* read buffer, bytes */
#define MAX_BAD 4096              /* invalid UTF-8 bytes located at open */

/* libcsv's parser states, as stored in struct csv_parser.pstate. They are
 * private to libcsv.c but have not changed since libcsv 3.0 (2008). */
enum {
    ROW_NOT_BEGUN = 0,
    FIELD_NOT_BEGUN = 1,
    FIELD_BEGUN = 2,
    FIELD_MIGHT_HAVE_ENDED = 3,
};

/* Why a quoted field was judged a runaway. */
enum runaway {
    RUN_LIMIT,     /* still open after max_quoted_lines lines */
    RUN_EOF,       /* still open at the end of the file */
    RUN_MALFORMED, /* spans a line end after a quote followed by junk */
};

struct sb_csvin {
    int fd;
    struct sb_sheetin *sheet; /* a workbook's sheet read instead (sheetin.h) */
    char *path;                   /* copy of the path, for findings */
    char *annex;                  /* copy of opts->annex or NULL */
    struct sb_findings *findings; /* borrowed, may be NULL */
    enum sb_encoding enc;
    iconv_t cd; /* GB18030 -> UTF-8, or (iconv_t)-1 */
    long long size;
    long long read_max; /* highest file offset read by the main pass */
    int max_quoted_lines;
    size_t max_field_bytes;
    int check_bytes; /* scan every field for invalid bytes and NULs */
    int libcsv_only; /* every line through libcsv (opts->libcsv_only) */
    /* Offsets of the invalid UTF-8 bytes, found at open, so that only
     * the lines holding them are scanned; bad_ok says the list is whole. */
    long long *bad_at;
    int n_bad;
    int bad_ok;
    int bad_next; /* first entry not before the piece being read */
    int has_nul;
    int has_cr;

    /* Speculative reading (sb_csvin_open_spec): no pre-pass; every piece
     * is checked as it is read, and spec_state says what was seen. */
    int spec;
    int spec_state;  /* SB_CSVIN_SPEC_* bits */
    long long end;   /* reading stops here (sb_csvin_set_end) */
    int quiet_blank; /* blank lines are counted, not reported */

    /* Raw input window: in[in_pos..in_len) is unread, in[0] is at file
     * offset in_off. */
    char *in;
    size_t in_pos, in_len;
    long long in_off;
    int in_eof;

    char *conv; /* a GB18030 piece converted to UTF-8 */
    size_t conv_cap;
    int dirty; /* the record's lines hold bytes to scan: invalid UTF-8
                  located at open, or bytes iconv could not convert */

    long line;      /* physical line being read, 1-based */
    long last_line; /* last line that had bytes */
    int mid_line;   /* the last piece fed ended inside a line */
    long n_blank;
    long first_blank;
    int done; /* end of file reached and reported */

    struct csv_parser p;

    /* The record being assembled; field bytes live in data, each
     * NUL-terminated, at offs[i]. */
    struct sb_record rec;
    size_t *offs;
    int cap_fields;
    char *data;
    size_t data_len, data_cap;
    long row;             /* rows returned so far */
    long long rec_off;    /* file offset of the record's first line */
    long next_field_line; /* line the next field starts on */
    int rec_done;         /* rec is complete and handed out */
    size_t field_dropped; /* bytes cut from the open field */
    long fields_over;     /* fields of the record beyond the cap */
    int field_malformed;  /* open quoted field had "x after a quote */
    long malformed_line;  /* line of that quote */
    long quote_line;      /* line the open quoted field began, or 0 */
    int quote_field;      /* its index in the record */
    int quote_reported;   /* its runaway finding is out already */
    int pend_run;         /* a field that spanned lines closed, but
                             had a malformed quote: a runaway */
    long pend_line;       /* its opening line */
    int pend_field;       /* its index */

    /* Recovery from a runaway quote: on line fix_line, field fix_field
     * starts with a quote to be taken literally. */
    long fix_line;
    int fix_field;
    int fix_found;
    long fixed_line; /* last line fixed: never fix at or before it */
    int mute_below;  /* fields of this record already reported */
    enum runaway run_kind;
    long run_lines;    /* lines swallowed */
    long run_bad_line; /* for RUN_MALFORMED */
};

/* A range of a file to read speculatively (see sb_csvin_open_spec). */
struct csvin_range {
    long long start, end;
};

/* ---- csvin_spec.c ------------------------------------------------- */

/* Set up r for a speculative read of range sp instead of detecting the
 * encoding: UTF-8, a BOM at offset 0 dropped. *start is the offset to
 * read from. Returns SB_OK, or SB_EIO (err set). */
int csvin_spec_open(struct sb_csvin *r, const struct csvin_range *sp,
                    long long *start, struct sb_error *err);

/* Check a raw piece in speculative reading: the pre-pass would have
 * found a plain UTF-8 file (no invalid byte, no NUL) only if every
 * piece is valid UTF-8 without NUL. A piece cut inside a line longer
 * than the buffer may end inside a character: counted as not plain.
 * Quotes are noted. Returns 0 when reading must stop. */
int csvin_spec_check(struct sb_csvin *r, const char *s, size_t n, int complete);

/* ---- csvin_recover.c ---------------------------------------------- */

/* Parse a piece of the line whose field fix_field opens with a runaway
 * quote: as usual up to that quote, then with quoting off. */
void csvin_feed_fix(struct sb_csvin *r, const char *s, size_t n);

/* The quoted field idx of the current record, opened on line q, ran
 * away: report it and, unless line q was fixed before, seek back to the
 * record's first line to read it again with that quote taken literally.
 * Sets *again when it seeks. Returns SB_OK, or SB_EIO (err set). */
int csvin_runaway(struct sb_csvin *r, enum runaway kind, long q, int idx,
                  int *again, struct sb_error *err);

/* After a whole line: is a quoted field open, and has it run away? As
 * csvin_runaway when it has. */
int csvin_check_quote(struct sb_csvin *r, int *again, struct sb_error *err);

/* ---- csvin_record.c ----------------------------------------------- */

/* Parse s[0..n) into r->rec. A strict-mode stop (a quote inside an
 * unquoted field, or a closing quote followed by another character) is
 * noted and the offending byte parsed in lax mode, which keeps it as
 * text. */
void csvin_parse(struct sb_csvin *r, const char *s, size_t n);

/* A whole physical line s[0..n), with its terminator, between records
 * and without a quote character: its fields cut at commas by hand into
 * r->rec, exactly the record libcsv would give (without its state
 * machine; tests/unit/test_csvin_plain.c compares both ways on every
 * fixture). Returns 0, having done nothing, when the line has a quote,
 * a record is open or the reader is libcsv_only: then csvin_parse. */
int csvin_parse_plain(struct sb_csvin *r, const char *s, size_t n);

/* Flush libcsv at the end of the input: its last field and record. */
void csvin_parse_end(struct sb_csvin *r);

/* Empty r->rec for the next record. */
void csvin_reset_record(struct sb_csvin *r);

/* Longest prefix of s, at most max bytes, that ends before a UTF-8
 * character rather than inside one. */
size_t csvin_utf8_cut(const char *s, size_t max);

/* ---- csvin_encoding.c --------------------------------------------- */

/* Choose the encoding; on GB18030 open the converter (and add the
 * csv.encoding finding). *start is the offset after a BOM. Passes over
 * the file: UTF-8 until its first invalid sequence (the only pass for a
 * UTF-8 file); then GB18030 to the end; then UTF-8 again until it has
 * more invalid sequences than GB18030 had, or to the end. Returns SB_OK,
 * SB_EIO or SB_EENCODING (err set). */
int csvin_detect(struct sb_csvin *r, long long *start, struct sb_error *err);

/* Convert s[0..n) from GB18030 into r->conv (*out bytes). A byte that
 * starts no valid sequence is copied as it is: never valid UTF-8 there,
 * it is reported and replaced when its field is scanned. Unless final,
 * an incomplete sequence at the end is left. Returns bytes consumed. */
size_t csvin_convert(struct sb_csvin *r, const char *s, size_t n, int final,
                     size_t *out);

/* Whether an invalid UTF-8 byte found at open lies in [off, off + n);
 * pieces come in file order, except after a seek back. */
int csvin_bad_within(struct sb_csvin *r, long long off, size_t n);

/* ---- csvin_report.c ----------------------------------------------- */

/* A finding about r's file: code and severity, path and annex set. */
struct sb_finding csvin_finding(const struct sb_csvin *r, const char *code,
                                enum sb_severity sev);

/* Add f with the formatted message, unless there is no findings list. */
void csvin_report(struct sb_csvin *r, const struct sb_finding *f,
                  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- csvin.c ------------------------------------------------------ */

/* sb_csvin_next for a reader of a workbook's sheet (r->sheet). */
int csvin_sheet_next(struct sb_csvin *r, struct sb_record **rec,
                     struct sb_error *err);

#endif
