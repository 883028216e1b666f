/* csvin_feed.c: reading records (sb_csvin_next). The raw bytes are cut
 * into physical lines (LF, CR LF or a lone CR); each is checked when the
 * read is speculative, converted when the file is GB18030, and fed to
 * libcsv until a record is complete. One line per csv_parse call is what
 * gives positions: libcsv reports none, but between two calls its public
 * state (pstate, quoted, entry_pos) says whether a quoted field is still
 * open. A whole line without a quote between records skips libcsv
 * (csvin_parse_plain). Blank lines between records are counted here,
 * and the end of the file closes the read. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "read/csvin_int.h"

/* Cut the open field back to max_field_bytes; libcsv would otherwise
 * grow its buffer with a runaway field until the end of the file. */
static void clip_open_field(struct sb_csvin *r)
{
    size_t m;

    if (r->p.pstate != FIELD_BEGUN || r->p.entry_pos <= r->max_field_bytes)
        return;
    m = csvin_utf8_cut((const char *)r->p.entry_buf, r->max_field_bytes);
    r->field_dropped += r->p.entry_pos - m;
    r->p.entry_pos = m;
}

/* Feed one piece of UTF-8 (a whole line when complete, else part of a
 * line) whose raw bytes begin at file offset off. Sets *again when a
 * runaway quote made the reader seek back to read the record again. */
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
        csvin_feed_fix(r, s, n);
    else if (!complete || r->mid_line || !csvin_parse_plain(r, s, n))
        csvin_parse(r, s, n);
    clip_open_field(r);
    r->last_line = r->line;
    if (r->pend_run)
        return csvin_runaway(r, RUN_MALFORMED, r->pend_line, r->pend_field,
                             again, err);
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
        int rc = csvin_check_quote(r, again, err);

        if (rc != SB_OK || *again)
            return rc;
    }
    r->line++;
    return SB_OK;
}

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
 * of the file. Returns SB_OK, or SB_EIO (err set). */
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

/* End of file: close a runaway quote, flush libcsv, report blank lines
 * (r->done set), or seek back as feed_piece does (*again). */
static int finish(struct sb_csvin *r, int *again, struct sb_error *err)
{
    *again = 0;
    if (r->p.pstate == FIELD_BEGUN && r->p.quoted && !r->quote_reported) {
        long q = r->quote_line != 0 ? r->quote_line : r->last_line;
        int idx = r->quote_line != 0 ? r->quote_field : r->rec.n_fields;
        int rc = csvin_runaway(r, RUN_EOF, q, idx, again, err);

        if (rc != SB_OK || *again)
            return rc;
    }
    csvin_parse_end(r);
    if (r->pend_run)
        return csvin_runaway(r, RUN_MALFORMED, r->pend_line, r->pend_field,
                             again, err);
    if (r->n_blank > 0 && !r->quiet_blank) {
        struct sb_finding f = csvin_finding(r, "csv.blank-lines", SB_SEV_INFO);

        f.pos.line = r->first_blank;
        csvin_report(r, &f, "跳过了 %ld 个空行（第一个在第 %ld 行）",
                     r->n_blank, r->first_blank);
    }
    r->done = 1;
    return SB_OK;
}

int sb_csvin_open_rows(struct sb_csvin **out, const char *path,
                       const char *annex, struct sb_error *err)
{
    struct sb_csvin_opts o = {0};
    struct sb_record *header;
    int rc;

    o.annex = annex;
    rc = sb_csvin_open(out, path, &o, NULL, err);
    if (rc == SB_OK)
        rc = sb_csvin_next(*out, &header, err);
    return rc;
}

int sb_csvin_next(struct sb_csvin *r, struct sb_record **rec,
                  struct sb_error *err)
{
    *rec = NULL;
    if (r->sheet != NULL)
        return csvin_sheet_next(r, rec, err);
    if (r->rec_done)
        csvin_reset_record(r);
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
        if (r->spec && !csvin_spec_check(r, s, n, complete))
            return SB_OK; /* not plain UTF-8: the caller starts again */
        used = n;
        if (r->n_bad > 0 && csvin_bad_within(r, off, n))
            r->dirty = 1;
        if (r->enc == SB_ENC_GB18030) {
            size_t m;

            used = csvin_convert(r, s, n, complete || r->in_eof, &m);
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
