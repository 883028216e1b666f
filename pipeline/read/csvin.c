/* csvin.c: the CSV reader (see csvin.h), first stage of the pipeline.
 *
 * Open reads the whole file once to choose the encoding (BOM, strict
 * UTF-8, else GB18030 when that decodes with fewer invalid sequences),
 * to learn whether it holds NUL bytes or CRs at all, and where its
 * invalid UTF-8 bytes are, so that only the fields of those lines are
 * scanned and the others copied as they are. Then each call of
 * sb_csvin_next cuts the raw bytes into physical lines (LF, CR LF or a
 * lone CR; GB18030 never has these bytes inside a character), converts a
 * GB18030 line with iconv, and feeds the line to libcsv, which splits
 * fields. Feeding one line per csv_parse call is what gives positions:
 * libcsv reports none, but between two calls its public state (pstate,
 * quoted, entry_pos) says whether a quoted field is still open.
 *
 * A quoted field still open at the end of max_quoted_lines lines, or at
 * the end of the file, or one that spans a line end after a quote that
 * was followed by another character ("abc"x, the usual start of a stray
 * quote), is a runaway quote. The reader then seeks back to the line the
 * record began on, parses again up to the opening quote, takes that quote
 * as a plain character and goes on, so no line is swallowed.
 *
 * libcsv runs in strict mode only to learn about quotes in odd places;
 * each strict stop is resumed in lax mode, byte by byte. Fields are kept
 * as written: libcsv's trimming of spaces and tabs is turned off. */
#include "read/csvin.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/utf8.h"

#define IN_SIZE ((size_t)1 << 20) /* read buffer, bytes */
#define DEFAULT_MAX_QUOTED_LINES 200
#define DEFAULT_MAX_FIELD_BYTES ((size_t)4 << 20)
#define FOUND_BYTES 40 /* text of a runaway field quoted in its finding */
#define MAX_BAD 4096   /* invalid UTF-8 bytes located at open */
#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

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
    int spec_state;   /* SB_CSVIN_SPEC_* bits */
    long long end;    /* reading stops here (sb_csvin_set_end) */
    int quiet_blank;  /* blank lines are counted, not reported */

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

const char *sb_encoding_name(enum sb_encoding enc)
{
    switch (enc) {
    case SB_ENC_UTF8:
        return "UTF-8";
    case SB_ENC_UTF8_BOM:
        return "UTF-8 (BOM)";
    case SB_ENC_GB18030:
        return "GB18030";
    }
    return "?";
}

/* ---------------------------------------------------------------- */
/* Findings */

static struct sb_finding finding(const struct sb_csvin *r, const char *code,
                                 enum sb_severity sev)
{
    struct sb_finding f = {.code = code, .sev = sev, .annex = r->annex};

    f.pos.path = r->path;
    return f;
}

static void report(struct sb_csvin *r, const struct sb_finding *f,
                   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Add f with the formatted message, unless there is no findings list. */
static void report(struct sb_csvin *r, const struct sb_finding *f,
                   const char *fmt, ...)
{
    struct sb_finding g = *f;
    struct sb_buf b = {0};
    va_list ap;

    if (r->findings == NULL)
        return;
    va_start(ap, fmt);
    sb_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    g.message = b.data;
    sb_findings_add(r->findings, &g);
    sb_buf_free(&b);
}

/* ---------------------------------------------------------------- */
/* Encoding detection */

/* Length of the GB18030 sequence at s (1, 2 or 4), 0 if s[0] starts no
 * valid sequence, -1 if the n bytes available end inside one. Four-byte
 * sequences count only in the ranges the standard maps (BMP and
 * supplementary planes), as glibc's converter does. */
static int gb_seq(const unsigned char *s, size_t n)
{
    uint32_t v;

    if (s[0] < 0x80)
        return 1;
    if (s[0] == 0x80 || s[0] == 0xFF)
        return 0;
    if (n < 2)
        return -1;
    if ((s[1] >= 0x40 && s[1] <= 0x7E) || (s[1] >= 0x80 && s[1] <= 0xFE))
        return 2;
    if (s[1] < 0x30 || s[1] > 0x39)
        return 0;
    if (n < 3)
        return -1;
    if (s[2] < 0x81 || s[2] > 0xFE)
        return 0;
    if (n < 4)
        return -1;
    if (s[3] < 0x30 || s[3] > 0x39)
        return 0;
    v = (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 |
        s[3];
    if ((v >= 0x81308130 && v <= 0x8431A439) ||
        (v >= 0x90308130 && v <= 0xE3329A35))
        return 4;
    return 0;
}

/* Count invalid sequences in s[0..n), at file offset base, as UTF-8 (gb
 * = 0, noting their offsets in bad_at) or GB18030 (gb = 1) into *bad,
 * stopping once *bad > limit. Unless final, stops before a sequence that
 * may continue past n. Returns the bytes consumed. */
static size_t count_invalid(struct sb_csvin *r, const char *s, size_t n,
                            long long base, int gb, int final, long long limit,
                            long long *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < n && *bad <= limit) {
        int k;

        if (!gb) {
            i += sb_utf8_valid_prefix(s + i, n - i);
            if (i >= n || (!final && n - i < 4))
                break;
            if (r->n_bad < MAX_BAD)
                r->bad_at[r->n_bad] = base + (long long)i;
            r->n_bad++;
            (*bad)++;
            i++;
            continue;
        }
        /* ASCII runs, eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;

            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        k = gb_seq(u + i, n - i);
        if (k < 0 && !final)
            break;
        if (k <= 0) {
            (*bad)++;
            i++;
        } else {
            i += (size_t)k;
        }
    }
    return i;
}

/* Read the file from offset start, counting invalid sequences as UTF-8
 * or GB18030 into *bad, to the end or until *bad > limit. Notes NULs and
 * CRs in has_nul and has_cr, both set when the scan stops early, and for
 * UTF-8 where the invalid bytes are (bad_at, bad_ok). */
static int prescan(struct sb_csvin *r, long long start, int gb, long long limit,
                   long long *bad, struct sb_error *err)
{
    size_t carry = 0;
    long long base = start; /* file offset of r->in[0] */
    struct sb_pos pos = {.path = r->path};

    *bad = 0;
    r->has_nul = 0;
    r->has_cr = 0;
    if (!gb) {
        r->n_bad = 0;
        r->bad_ok = 0;
    }
    if (lseek(r->fd, (off_t)start, SEEK_SET) < 0)
        return sb_error_set(err, SB_EIO, &pos, "cannot seek in %s: %s", r->path,
                            strerror(errno));
    for (;;) {
        ssize_t k = read(r->fd, r->in + carry, IN_SIZE - carry);
        size_t n, used;

        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s",
                                r->path, strerror(errno));
        n = carry + (size_t)k;
        if (!r->has_nul && memchr(r->in + carry, '\0', (size_t)k))
            r->has_nul = 1;
        if (!r->has_cr && memchr(r->in + carry, '\r', (size_t)k))
            r->has_cr = 1;
        used = count_invalid(r, r->in, n, base, gb, k == 0, limit, bad);
        if (*bad > limit) {
            r->has_nul = 1;
            r->has_cr = 1;
            r->n_bad = 0;
            return SB_OK;
        }
        base += (long long)used;
        carry = n - used;
        memmove(r->in, r->in + used, carry);
        if (k == 0) {
            r->bad_ok = !gb && r->n_bad <= MAX_BAD;
            if (!gb && !r->bad_ok)
                r->n_bad = 0;
            return SB_OK;
        }
    }
}

/* Choose the encoding; on GB18030 open the converter. Passes over the
 * file: UTF-8 until its first invalid sequence (the only pass for a
 * UTF-8 file); then GB18030 to the end; then UTF-8 again until it has
 * more invalid sequences than GB18030 had, or to the end. */
static int detect(struct sb_csvin *r, long long *start, struct sb_error *err)
{
    unsigned char bom[3];
    ssize_t k;
    long long utf8_bad, gb_bad;
    int rc, nul, cr;

    *start = 0;
    do {
        k = pread(r->fd, bom, 3, 0);
    } while (k < 0 && errno == EINTR);
    if (k < 0) {
        struct sb_pos pos = {.path = r->path};

        return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s", r->path,
                            strerror(errno));
    }
    r->enc = SB_ENC_UTF8;
    if (k == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) {
        r->enc = SB_ENC_UTF8_BOM;
        *start = 3;
    }
    rc = prescan(r, *start, 0, r->enc == SB_ENC_UTF8_BOM ? LLONG_MAX : 0,
                 &utf8_bad, err);
    if (rc != SB_OK)
        return rc;
    r->check_bytes = (utf8_bad > 0 && !r->bad_ok) || r->has_nul;
    if (utf8_bad == 0 || r->enc == SB_ENC_UTF8_BOM)
        return SB_OK;
    rc = prescan(r, *start, 1, LLONG_MAX, &gb_bad, err);
    if (rc != SB_OK)
        return rc;
    nul = r->has_nul;
    cr = r->has_cr;
    rc = prescan(r, *start, 0, gb_bad, &utf8_bad, err);
    if (rc != SB_OK)
        return rc;
    r->has_nul = nul;
    r->has_cr = cr;
    r->check_bytes = !r->bad_ok || r->has_nul;
    if (gb_bad >= utf8_bad)
        return SB_OK;
    r->enc = SB_ENC_GB18030;
    r->n_bad = 0;
    r->check_bytes = r->has_nul;
    r->cd = iconv_open("UTF-8", "GB18030");
    if (r->cd == (iconv_t)-1) {
        struct sb_pos pos = {.path = r->path};

        return sb_error_set(err, SB_EENCODING, &pos,
                            "%s is GB18030 but iconv cannot convert it: %s",
                            r->path, strerror(errno));
    }
    {
        struct sb_finding f = finding(r, "csv.encoding", SB_SEV_INFO);

        f.expected = "UTF-8";
        f.found = "GB18030";
        report(r, &f, "检测到 GB18030 编码，已转换为 UTF-8");
    }
    return SB_OK;
}

/* ---------------------------------------------------------------- */
/* Record assembly (libcsv callbacks) */

/* Make room for n more bytes of field data. */
static void data_grow(struct sb_csvin *r, size_t n)
{
    size_t cap = r->data_cap;

    while (r->data_len + n > cap)
        cap *= 2;
    r->data = sb_xrealloc(r->data, cap);
    r->data_cap = cap;
}

static void data_put(struct sb_csvin *r, const char *s, size_t n)
{
    if (r->data_len + n > r->data_cap)
        data_grow(r, n);
    memcpy(r->data + r->data_len, s, n);
    r->data_len += n;
}

/* Longest prefix of s, at most max bytes, that ends before a UTF-8
 * character rather than inside one. */
static size_t utf8_cut(const char *s, size_t max)
{
    size_t m = max;

    while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
        m--;
    return m;
}

/* Physical line breaks (LF, CR LF, lone CR) in s[from..to), s having n
 * bytes in all. */
static long count_breaks(const char *s, size_t from, size_t to, size_t n)
{
    long k = 0;

    for (size_t i = from; i < to; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            k++;
    }
    return k;
}

/* Append field idx (s, n bytes), replacing NULs and bytes that start no
 * valid UTF-8 sequence with U+FFFD, each an error finding unless mute. */
static void put_checked(struct sb_csvin *r, const char *s, size_t n, int idx,
                        int mute)
{
    long line = r->rec.field_lines[idx];
    size_t i = 0, counted = 0;

    while (i < n) {
        size_t v = sb_utf8_valid_prefix(s + i, n - i);
        const char *z = r->has_nul ? memchr(s + i, '\0', v) : NULL;
        unsigned char c;
        struct sb_finding f;
        char hex[8];

        if (z != NULL)
            v = (size_t)(z - (s + i));
        data_put(r, s + i, v);
        i += v;
        if (i >= n)
            break;
        data_put(r, REPLACEMENT, 3);
        c = (unsigned char)s[i];
        line += count_breaks(s, counted, i, n);
        counted = i;
        i++;
        if (mute)
            continue;
        f = finding(r, c == 0 ? "csv.nul-byte" : "csv.invalid-byte",
                    SB_SEV_ERROR);
        f.pos.row = r->row + 1;
        f.pos.col = idx + 1;
        f.pos.line = line;
        snprintf(hex, sizeof hex, "0x%02X", c);
        f.found = hex;
        if (c == 0) {
            report(r, &f, "字段中有 NUL 字节（0x00），已替换为 U+FFFD");
            continue;
        }
        f.expected = r->enc == SB_ENC_GB18030 ? "GB18030" : "UTF-8";
        report(r, &f, "字节 %s 不是有效的 %s 字符，已替换为 U+FFFD", hex,
               f.expected);
    }
}

static void grow_fields(struct sb_csvin *r)
{
    size_t n = (size_t)(r->cap_fields * 2);

    r->offs = sb_xrealloc(r->offs, n * sizeof *r->offs);
    r->rec.fields = sb_xrealloc(r->rec.fields, n * sizeof *r->rec.fields);
    r->rec.lens = sb_xrealloc(r->rec.lens, n * sizeof *r->rec.lens);
    r->rec.field_lines =
        sb_xrealloc(r->rec.field_lines, n * sizeof *r->rec.field_lines);
    r->cap_fields = (int)n;
}

/* libcsv: a field ended. */
static void on_field(void *field, size_t n, void *data)
{
    struct sb_csvin *r = data;
    const char *s = field;
    int idx = r->rec.n_fields;
    int mute;
    size_t full = n + r->field_dropped;

    /* A quoted field that spanned a line end and had a quote followed by
     * another character swallowed lines even though it closed: the record
     * will be read again, so what follows goes unreported for now. */
    if (r->field_malformed && r->quote_line != 0 && !r->quote_reported &&
        !r->pend_run) {
        r->pend_run = 1;
        r->pend_line = r->quote_line;
        r->pend_field = r->quote_field;
    }
    mute = idx < r->mute_below || r->pend_run;

    if (idx == r->cap_fields)
        grow_fields(r);
    r->rec.field_lines[idx] = r->next_field_line;
    r->next_field_line = r->line;
    if (n > r->max_field_bytes)
        n = utf8_cut(s, r->max_field_bytes);
    if (full > r->max_field_bytes && !mute) {
        struct sb_finding f = finding(r, "csv.field-too-long", SB_SEV_ERROR);
        char exp[32], got[32];

        f.pos.row = r->row + 1;
        f.pos.col = idx + 1;
        f.pos.line = r->rec.field_lines[idx];
        snprintf(exp, sizeof exp, "<= %zu 字节", r->max_field_bytes);
        snprintf(got, sizeof got, "%zu 字节", full);
        f.expected = exp;
        f.found = got;
        report(r, &f, "字段长 %zu 字节，超过上限 %zu 字节，已截断为 %zu 字节",
               full, r->max_field_bytes, n);
    }
    r->offs[idx] = r->data_len;
    if (r->check_bytes || r->dirty) {
        put_checked(r, s, n, idx, mute);
        data_put(r, "", 1);
    } else {
        if (r->data_len + n + 1 > r->data_cap)
            data_grow(r, n + 1);
        memcpy(r->data + r->data_len, s, n);
        r->data[r->data_len + n] = '\0';
        r->data_len += n + 1;
    }
    r->rec.lens[idx] = r->data_len - r->offs[idx] - 1;
    r->rec.n_fields++;
    r->field_dropped = 0;
    r->field_malformed = 0;
    r->quote_line = 0;
    r->quote_reported = 0;
}

/* libcsv: a record ended. */
static void on_row(int c, void *data)
{
    struct sb_csvin *r = data;

    (void)c;
    r->row++;
    r->rec.row = r->row;
    for (int i = 0; i < r->rec.n_fields; i++)
        r->rec.fields[i] = r->data + r->offs[i];
    r->rec_done = 1;
    r->mute_below = 0;
    r->dirty = 0;
}

static void reset_record(struct sb_csvin *r)
{
    r->rec.n_fields = 0;
    r->data_len = 0;
    r->rec_done = 0;
    r->field_dropped = 0;
    r->field_malformed = 0;
    r->quote_line = 0;
    r->quote_reported = 0;
    r->pend_run = 0;
}

/* ---------------------------------------------------------------- */
/* Feeding libcsv */

/* Parse s[0..n). A strict-mode stop (a quote inside an unquoted field, or
 * a closing quote followed by another character) is noted and the
 * offending byte parsed in lax mode, which keeps it as text. */
static void feed(struct sb_csvin *r, const char *s, size_t n)
{
    while (n > 0) {
        size_t used = csv_parse(&r->p, s, n, on_field, on_row, r);

        if (used >= n)
            break;
        if (r->p.quoted && !r->field_malformed) {
            r->field_malformed = 1;
            r->malformed_line = r->line;
        }
        r->p.status = CSV_SUCCESS;
        csv_set_opts(&r->p, 0);
        csv_parse(&r->p, s + used, 1, on_field, on_row, r);
        csv_set_opts(&r->p, CSV_STRICT);
        s += used + 1;
        n -= used + 1;
    }
}

/* A byte absent from s[0..n) to stand in as libcsv's quote character, so
 * that no quote opens a field; '"' if every candidate occurs. */
static unsigned char unused_byte(const char *s, size_t n)
{
    static const unsigned char cand[] = {0xFF, 0xFE, 0xC0, 0xC1, 0xF8,
                                         0x01, 0x02, 0x03, 0x00};

    for (size_t i = 0; i < sizeof cand; i++) {
        if (memchr(s, cand[i], n) == NULL)
            return cand[i];
    }
    return '"';
}

/* The runaway quote's finding; found quotes the field from its quote. */
static void report_runaway(struct sb_csvin *r, const char *s, size_t n,
                           int recovered)
{
    struct sb_finding f = finding(r, "csv.runaway-quote", SB_SEV_ERROR);
    const char *tail = recovered ? "；已将该引号作为普通字符重读其后各行，"
                                   "没有丢行"
                                 : "";
    size_t m = 0;
    char found[FOUND_BYTES + 8];

    while (m < n && m < FOUND_BYTES && s[m] != '\n' && s[m] != '\r')
        m++;
    if (m == FOUND_BYTES && m < n)
        m = utf8_cut(s, m);
    m = sb_utf8_valid_prefix(s, m);
    memcpy(found, s, m);
    found[m] = '\0';
    if (m < n && s[m] != '\n' && s[m] != '\r')
        strcpy(found + m, "…");
    f.pos.row = r->row + 1;
    f.pos.col = r->fix_field + 1;
    f.pos.line = r->fix_line;
    f.expected = "成对的引号（字段内的引号写作 \"\"）";
    f.found = n > 0 ? found : NULL;
    if (r->run_lines == 0) {
        report(r, &f, "第 %ld 行的引号到这一行末尾仍未闭合%s", r->fix_line,
               tail);
        return;
    }
    switch (r->run_kind) {
    case RUN_LIMIT:
        report(r, &f,
               "第 %ld 行的引号未闭合，吞并了其后至少 %ld 行（一个引号字段最多"
               "跨 %d 行）%s",
               r->fix_line, r->run_lines, r->max_quoted_lines, tail);
        break;
    case RUN_EOF:
        report(r, &f, "第 %ld 行的引号未闭合，吞并了其后 %ld 行直到文件末尾%s",
               r->fix_line, r->run_lines, tail);
        break;
    case RUN_MALFORMED:
        report(r, &f,
               "第 %ld 行的引号未闭合，吞并了其后 %ld 行（第 %ld 行的引号后"
               "紧跟其他字符）%s",
               r->fix_line, r->run_lines, r->run_bad_line, tail);
        break;
    }
}

/* Parse a piece of the line whose field fix_field opens with a runaway
 * quote: as usual up to that quote, then with quoting off. */
static void feed_fix(struct sb_csvin *r, const char *s, size_t n)
{
    size_t i = 0;

    while (!r->fix_found && i < n) {
        int st = r->p.pstate;

        if (r->rec.n_fields == r->fix_field &&
            (st == ROW_NOT_BEGUN || st == FIELD_NOT_BEGUN)) {
            r->fix_found = 1;
            report_runaway(r, s + i, n - i, 1);
            break;
        }
        feed(r, s + i, 1);
        i++;
    }
    if (i >= n)
        return;
    csv_set_quote(&r->p, unused_byte(s + i, n - i));
    feed(r, s + i, n - i);
}

/* The quoted field idx of the current record, opened on line q, ran
 * away: report it and, unless line q was fixed before, seek back to the
 * record's first line to read it again with that quote taken literally.
 * Sets *again when it seeks. */
static int runaway(struct sb_csvin *r, enum runaway kind, long q, int idx,
                   int *again, struct sb_error *err)
{
    *again = 0;
    r->run_kind = kind;
    r->run_lines = r->last_line - q;
    r->run_bad_line = r->malformed_line;
    r->fix_line = q;
    r->fix_field = idx;
    r->pend_run = 0;
    if (q <= r->fixed_line) {
        /* Cannot happen unless a line holds every stand-in byte: report
         * and keep libcsv's reading rather than loop. */
        report_runaway(r, "", 0, 0);
        r->fix_line = 0;
        r->quote_reported = 1;
        return SB_OK;
    }
    if (lseek(r->fd, (off_t)r->rec_off, SEEK_SET) < 0) {
        struct sb_pos pos = {.path = r->path};

        return sb_error_set(err, SB_EIO, &pos, "cannot seek in %s: %s", r->path,
                            strerror(errno));
    }
    r->fixed_line = q;
    r->fix_found = 0;
    r->mute_below = r->fix_field;
    r->in_pos = 0;
    r->in_len = 0;
    r->in_off = r->rec_off;
    r->in_eof = 0;
    r->line = r->rec.line;
    r->mid_line = 0;
    csv_fini(&r->p, NULL, NULL, NULL);
    if (r->rec_done)
        r->row--;
    reset_record(r);
    r->dirty = 0;
    *again = 1;
    return SB_OK;
}

/* After a whole line: is a quoted field open, and has it run away? */
static int check_quote(struct sb_csvin *r, int *again, struct sb_error *err)
{
    *again = 0;
    if (r->p.pstate != FIELD_BEGUN || !r->p.quoted || r->quote_reported)
        return SB_OK;
    if (r->quote_line == 0) {
        r->quote_line = r->line;
        r->quote_field = r->rec.n_fields;
    }
    if (r->field_malformed)
        return runaway(r, RUN_MALFORMED, r->quote_line, r->quote_field, again,
                       err);
    if (r->line - r->quote_line + 1 >= r->max_quoted_lines)
        return runaway(r, RUN_LIMIT, r->quote_line, r->quote_field, again, err);
    return SB_OK;
}

/* Cut the open field back to max_field_bytes; libcsv would otherwise
 * grow its buffer with a runaway field until the end of the file. */
static void clip_open_field(struct sb_csvin *r)
{
    size_t m;

    if (r->p.pstate != FIELD_BEGUN || r->p.entry_pos <= r->max_field_bytes)
        return;
    m = utf8_cut((const char *)r->p.entry_buf, r->max_field_bytes);
    r->field_dropped += r->p.entry_pos - m;
    r->p.entry_pos = m;
}

/* Feed one piece of UTF-8 (a whole line when complete, else part of a
 * line) whose raw bytes begin at file offset off. */
static int feed_piece(struct sb_csvin *r, const char *s, size_t n, int complete,
                      long long off, int *again, struct sb_error *err)
{
    *again = 0;
    if (!r->mid_line && r->p.pstate == ROW_NOT_BEGUN) {
        if (complete && (s[0] == '\n' || s[0] == '\r')) {
            if (r->n_blank == 0)
                r->first_blank = r->line;
            r->n_blank++;
            r->line++;
            return SB_OK;
        }
        r->rec.line = r->line;
        r->next_field_line = r->line;
        r->rec_off = off;
    }
    if (r->line == r->fix_line)
        feed_fix(r, s, n);
    else
        feed(r, s, n);
    clip_open_field(r);
    r->last_line = r->line;
    if (r->pend_run)
        return runaway(r, RUN_MALFORMED, r->pend_line, r->pend_field, again,
                       err);
    if (!complete) {
        r->mid_line = 1;
        return SB_OK;
    }
    r->mid_line = 0;
    if (r->line == r->fix_line) {
        csv_set_quote(&r->p, CSV_QUOTE);
        r->fix_line = 0;
    }
    {
        int rc = check_quote(r, again, err);

        if (rc != SB_OK || *again)
            return rc;
    }
    r->line++;
    return SB_OK;
}

/* ---------------------------------------------------------------- */
/* Input */

/* Length of the first line of s[0..n) with its terminator, or 0 when no
 * terminator is seen yet, or a final CR may be followed by an LF not yet
 * read. */
static size_t line_len(const struct sb_csvin *r, const char *s, size_t n)
{
    const char *lf = memchr(s, '\n', n);
    size_t end = lf != NULL ? (size_t)(lf - s) : n;

    if (r->has_cr) {
        const char *cr = memchr(s, '\r', end);

        if (cr != NULL) {
            size_t i = (size_t)(cr - s);

            if (i + 1 < n)
                return s[i + 1] == '\n' ? i + 2 : i + 1;
            return r->in_eof ? i + 1 : 0;
        }
    }
    return lf != NULL ? end + 1 : 0;
}

/* The next piece of raw input, not yet consumed: a whole line with its
 * terminator (*complete = 1), or part of one (a line longer than the
 * buffer, or the last line when it has no terminator). *n = 0 at the end
 * of the file. */
static int next_piece(struct sb_csvin *r, const char **s, size_t *n,
                      int *complete, struct sb_error *err)
{
    for (;;) {
        size_t usable = r->in_len, avail, len;
        ssize_t k;

        /* Bytes past the limit may be in the buffer already (they are
         * read on when sb_csvin_set_end moves the limit). */
        if (r->in_off + (long long)r->in_len >= r->end) {
            usable = (size_t)(r->end - r->in_off);
            r->in_eof = 1;
        }
        avail = usable - r->in_pos;
        len = line_len(r, r->in + r->in_pos, avail);

        *s = r->in + r->in_pos;
        *complete = len > 0;
        if (len > 0 || r->in_eof) {
            *n = len > 0 ? len : avail;
            return SB_OK;
        }
        if (r->in_pos > 0) {
            memmove(r->in, r->in + r->in_pos, avail);
            r->in_off += (long long)r->in_pos;
            r->in_pos = 0;
            r->in_len = avail;
        }
        if (r->in_len == IN_SIZE) {
            /* A line longer than the buffer; keep a final CR, whose LF
             * may come with the next read. */
            *s = r->in;
            *n = r->in_len - (r->in[r->in_len - 1] == '\r');
            return SB_OK;
        }
        {
            long long left = r->end - (r->in_off + (long long)r->in_len);
            size_t want = IN_SIZE - r->in_len;

            if (left < (long long)want)
                want = left > 0 ? (size_t)left : 0;
            k = want > 0 ? read(r->fd, r->in + r->in_len, want) : 0;
        }
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            struct sb_pos pos = {.path = r->path};

            return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s",
                                r->path, strerror(errno));
        }
        if (k == 0)
            r->in_eof = 1;
        r->in_len += (size_t)k;
        if (r->in_off + (long long)r->in_len > r->read_max)
            r->read_max = r->in_off + (long long)r->in_len;
    }
}

/* Convert s[0..n) from GB18030 into r->conv (*out bytes). A byte that
 * starts no valid sequence is copied as it is: never valid UTF-8 there,
 * it is reported and replaced when its field is scanned. Unless final,
 * an incomplete sequence at the end is left. Returns bytes consumed. */
static size_t convert(struct sb_csvin *r, const char *s, size_t n, int final,
                      size_t *out)
{
    char *in = (char *)s;
    size_t in_left = n;
    size_t done = 0;

    if (r->conv_cap < 2 * n + 16) {
        r->conv_cap = 2 * n + 16;
        r->conv = sb_xrealloc(r->conv, r->conv_cap);
    }
    while (in_left > 0) {
        char *o = r->conv + done;
        size_t o_left = r->conv_cap - done - 1;
        size_t k = iconv(r->cd, &in, &in_left, &o, &o_left);
        int e = errno;

        done = (size_t)(o - r->conv);
        if (k != (size_t)-1)
            break;
        if (e == E2BIG) {
            r->conv_cap *= 2;
            r->conv = sb_xrealloc(r->conv, r->conv_cap);
            continue;
        }
        if (e == EINVAL && !final)
            break;
        r->conv[done++] = *in++;
        in_left--;
        r->dirty = 1;
    }
    *out = done;
    return n - in_left;
}

/* Whether an invalid UTF-8 byte found at open lies in [off, off + n);
 * pieces come in file order, except after a seek back. */
static int bad_within(struct sb_csvin *r, long long off, size_t n)
{
    if (r->bad_next > 0 && r->bad_at[r->bad_next - 1] >= off)
        r->bad_next = 0;
    while (r->bad_next < r->n_bad && r->bad_at[r->bad_next] < off)
        r->bad_next++;
    return r->bad_next < r->n_bad &&
           r->bad_at[r->bad_next] < off + (long long)n;
}

/* End of file: close a runaway quote, flush libcsv, report blank lines. */
static int finish(struct sb_csvin *r, int *again, struct sb_error *err)
{
    *again = 0;
    if (r->p.pstate == FIELD_BEGUN && r->p.quoted && !r->quote_reported) {
        long q = r->quote_line != 0 ? r->quote_line : r->last_line;
        int idx = r->quote_line != 0 ? r->quote_field : r->rec.n_fields;
        int rc = runaway(r, RUN_EOF, q, idx, again, err);

        if (rc != SB_OK || *again)
            return rc;
    }
    csv_fini(&r->p, on_field, on_row, r);
    if (r->pend_run)
        return runaway(r, RUN_MALFORMED, r->pend_line, r->pend_field, again,
                       err);
    if (r->n_blank > 0 && !r->quiet_blank) {
        struct sb_finding f = finding(r, "csv.blank-lines", SB_SEV_INFO);

        f.pos.line = r->first_blank;
        report(r, &f, "跳过了 %ld 个空行（第一个在第 %ld 行）", r->n_blank,
               r->first_blank);
    }
    r->done = 1;
    return SB_OK;
}

/* ---------------------------------------------------------------- */
/* Public interface */

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* A range of a file to read speculatively (see sb_csvin_open_spec). */
struct spec_range {
    long long start, end;
};

static int spec_open(struct sb_csvin *r, const struct spec_range *sp,
                     long long *start, struct sb_error *err)
{
    unsigned char bom[3];
    ssize_t k = 0;

    r->enc = SB_ENC_UTF8;
    r->spec = 1;
    r->has_cr = 1; /* CR-aware line splitting: the same lines either way */
    *start = sp->start;
    if (sp->start == 0) {
        do {
            k = pread(r->fd, bom, 3, 0);
        } while (k < 0 && errno == EINTR);
        if (k < 0) {
            struct sb_pos pos = {.path = r->path};

            return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s",
                                r->path, strerror(errno));
        }
        if (k == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) {
            r->enc = SB_ENC_UTF8_BOM;
            *start = 3;
        }
    } else {
        r->quiet_blank = 1;
    }
    if (sp->end >= 0 && sp->end < r->size)
        r->end = sp->end;
    return SB_OK;
}

/* Check a raw piece in speculative reading: the pre-pass would have
 * found a plain UTF-8 file (no invalid byte, no NUL) only if every
 * piece is valid UTF-8 without NUL. A piece cut inside a line longer
 * than the buffer may end inside a character: counted as not plain.
 * Quotes are noted. Returns 0 when reading must stop. */
static int spec_check(struct sb_csvin *r, const char *s, size_t n,
                      int complete)
{
    if (memchr(s, '"', n) != NULL)
        r->spec_state |= SB_CSVIN_SPEC_QUOTE;
    if ((!complete && !r->in_eof) || sb_utf8_valid_prefix(s, n) != n ||
        memchr(s, '\0', n) != NULL) {
        r->spec_state |= SB_CSVIN_SPEC_INVALID;
        r->done = 1;
        return 0;
    }
    return 1;
}

static int open_any(struct sb_csvin **out, const char *path,
                    const struct sb_csvin_opts *opts,
                    const struct spec_range *spec,
                    struct sb_findings *findings, struct sb_error *err);

int sb_csvin_open(struct sb_csvin **out, const char *path,
                  const struct sb_csvin_opts *opts,
                  struct sb_findings *findings, struct sb_error *err)
{
    return open_any(out, path, opts, NULL, findings, err);
}

int sb_csvin_open_spec(struct sb_csvin **out, const char *path,
                       long long start, long long end,
                       const struct sb_csvin_opts *opts,
                       struct sb_findings *findings, struct sb_error *err)
{
    struct spec_range sp = {start, end};

    return open_any(out, path, opts, &sp, findings, err);
}

static int open_any(struct sb_csvin **out, const char *path,
                    const struct sb_csvin_opts *opts,
                    const struct spec_range *spec,
                    struct sb_findings *findings, struct sb_error *err)
{
    struct sb_csvin *r;
    struct sb_pos pos = {.path = path};
    struct stat st;
    long long start = 0;
    int rc;

    *out = NULL;
    r = sb_xcalloc(1, sizeof *r);
    r->fd = -1;
    r->cd = (iconv_t)-1;
    r->path = sb_xstrdup(path);
    r->findings = findings;
    r->max_quoted_lines = DEFAULT_MAX_QUOTED_LINES;
    r->max_field_bytes = DEFAULT_MAX_FIELD_BYTES;
    if (opts != NULL) {
        if (opts->max_quoted_lines > 0)
            r->max_quoted_lines = opts->max_quoted_lines;
        if (opts->max_field_bytes > 0)
            r->max_field_bytes = opts->max_field_bytes;
        if (opts->annex != NULL)
            r->annex = sb_xstrdup(opts->annex);
    }
    r->fd = open(path, O_RDONLY);
    if (r->fd < 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot open %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    if (fstat(r->fd, &st) != 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    r->size = (long long)st.st_size;
    r->end = r->size;
    r->in = sb_xmalloc(IN_SIZE);
    r->bad_at = sb_xmalloc(MAX_BAD * sizeof *r->bad_at);
    if (spec != NULL) {
        rc = spec_open(r, spec, &start, err);
        if (rc != SB_OK)
            goto fail;
    } else {
        rc = detect(r, &start, err);
        if (rc != SB_OK)
            goto fail;
    }
    if (lseek(r->fd, (off_t)start, SEEK_SET) < 0) {
        rc = sb_error_set(err, SB_EIO, &pos, "cannot seek in %s: %s", path,
                          strerror(errno));
        goto fail;
    }
    r->in_off = start;
    r->read_max = start;
    r->line = 1;
    r->cap_fields = 16;
    r->offs = sb_xmalloc(16 * sizeof *r->offs);
    r->rec.fields = sb_xmalloc(16 * sizeof *r->rec.fields);
    r->rec.lens = sb_xmalloc(16 * sizeof *r->rec.lens);
    r->rec.field_lines = sb_xmalloc(16 * sizeof *r->rec.field_lines);
    r->data_cap = 4096;
    r->data = sb_xmalloc(r->data_cap);
    csv_init(&r->p, CSV_STRICT);
    csv_set_space_func(&r->p, no_space);
    csv_set_realloc_func(&r->p, sb_xrealloc);
    csv_set_free_func(&r->p, free);
    csv_set_blk_size(&r->p, 64 * 1024);
    if (r->size <= start) {
        struct sb_finding f = finding(r, "csv.empty-file", SB_SEV_WARNING);

        report(r, &f, "文件为空，没有任何记录");
        r->done = 1;
    }
    *out = r;
    return SB_OK;

fail:
    sb_csvin_close(r);
    return rc;
}

int sb_csvin_next(struct sb_csvin *r, struct sb_record **rec,
                  struct sb_error *err)
{
    *rec = NULL;
    if (r->rec_done)
        reset_record(r);
    while (!r->done) {
        const char *s;
        size_t n = 0, used;
        int complete, again, rc;
        long long off;

        rc = next_piece(r, &s, &n, &complete, err);
        if (rc != SB_OK)
            return rc;
        if (n == 0) {
            if (r->end < r->size)
                return SB_OK; /* paused at the limit, between records */
            rc = finish(r, &again, err);
            if (rc != SB_OK)
                return rc;
            continue;
        }
        off = r->in_off + (long long)r->in_pos;
        if (r->spec && !spec_check(r, s, n, complete))
            return SB_OK; /* not plain UTF-8: the caller starts again */
        used = n;
        if (r->n_bad > 0 && bad_within(r, off, n))
            r->dirty = 1;
        if (r->enc == SB_ENC_GB18030) {
            size_t m;

            used = convert(r, s, n, complete || r->in_eof, &m);
            s = r->conv;
            n = m;
        }
        r->in_pos += used;
        if (n > 0) {
            rc = feed_piece(r, s, n, complete, off, &again, err);
            if (rc != SB_OK)
                return rc;
        }
        if (r->rec_done)
            break;
    }
    if (r->rec_done)
        *rec = &r->rec;
    return SB_OK;
}

enum sb_encoding sb_csvin_encoding(const struct sb_csvin *r)
{
    return r->enc;
}

int sb_csvin_spec_state(const struct sb_csvin *r)
{
    return r->spec_state;
}

void sb_csvin_set_end(struct sb_csvin *r, long long end)
{
    if (end < 0 || end > r->size)
        end = r->size;
    if (end > r->end)
        r->in_eof = 0;
    r->end = end;
}

long long sb_csvin_offset(const struct sb_csvin *r)
{
    return r->in_off + (long long)r->in_pos;
}

int sb_csvin_done(const struct sb_csvin *r)
{
    return r->done;
}

long sb_csvin_rows(const struct sb_csvin *r)
{
    return r->row;
}

long sb_csvin_lines(const struct sb_csvin *r)
{
    return r->line - 1;
}

void sb_csvin_blank_lines(const struct sb_csvin *r, long *n, long *first)
{
    *n = r->n_blank;
    *first = r->first_blank;
}

void sb_csvin_report_blank_lines(struct sb_csvin *r, long n, long first,
                                 struct sb_findings *to)
{
    struct sb_finding f = finding(r, "csv.blank-lines", SB_SEV_INFO);

    if (n <= 0 || to == NULL)
        return;
    f.pos.line = first;
    sb_findings_addf(to, &f, "跳过了 %ld 个空行（第一个在第 %ld 行）", n, first);
}

long long sb_csvin_bytes_read(const struct sb_csvin *r)
{
    return r->read_max;
}

long long sb_csvin_size(const struct sb_csvin *r)
{
    return r->size;
}

void sb_csvin_close(struct sb_csvin *r)
{
    if (r == NULL)
        return;
    if (r->fd >= 0)
        close(r->fd);
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    csv_free(&r->p);
    free(r->path);
    free(r->annex);
    free(r->in);
    free(r->bad_at);
    free(r->conv);
    free(r->offs);
    free(r->rec.fields);
    free(r->rec.lens);
    free(r->rec.field_lines);
    free(r->data);
    free(r);
}
