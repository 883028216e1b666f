/* csvin_recover.c: recovery from a runaway quote. A quoted field still
 * open at the end of max_quoted_lines lines, or at the end of the file,
 * or one that spans a line end after a quote that was followed by
 * another character ("abc"x, the usual start of a stray quote), is a
 * runaway quote: an error finding naming the line where it opened. The
 * reader then seeks back to the line the record began on, parses again
 * up to the opening quote, takes that quote as a plain character and
 * goes on, so no line is swallowed. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "read/csvin_int.h"

#define FOUND_BYTES 40 /* text of a runaway field quoted in its finding */

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
    struct sb_finding f = csvin_finding(r, "csv.runaway-quote", SB_SEV_ERROR);
    const char *tail = recovered ? "；已将该引号作为普通字符重读其后各行，"
                                   "没有丢行"
                                 : "";
    size_t m = 0;
    char found[FOUND_BYTES + 8];

    while (m < n && m < FOUND_BYTES && s[m] != '\n' && s[m] != '\r')
        m++;
    if (m == FOUND_BYTES && m < n)
        m = csvin_utf8_cut(s, m);
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
        csvin_report(r, &f, "第 %ld 行的引号到这一行末尾仍未闭合%s",
                     r->fix_line, tail);
        return;
    }
    switch (r->run_kind) {
    case RUN_LIMIT:
        csvin_report(
            r, &f,
            "第 %ld 行的引号未闭合，吞并了其后至少 %ld 行（一个引号字段最多"
            "跨 %d 行）%s",
            r->fix_line, r->run_lines, r->max_quoted_lines, tail);
        break;
    case RUN_EOF:
        csvin_report(r, &f,
                     "第 %ld 行的引号未闭合，吞并了其后 %ld 行直到文件末尾%s",
                     r->fix_line, r->run_lines, tail);
        break;
    case RUN_MALFORMED:
        csvin_report(
            r, &f,
            "第 %ld 行的引号未闭合，吞并了其后 %ld 行（第 %ld 行的引号后"
            "紧跟其他字符）%s",
            r->fix_line, r->run_lines, r->run_bad_line, tail);
        break;
    }
}

void csvin_feed_fix(struct sb_csvin *r, const char *s, size_t n)
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
        csvin_parse(r, s + i, 1);
        i++;
    }
    if (i >= n)
        return;
    csv_set_quote(&r->p, unused_byte(s + i, n - i));
    csvin_parse(r, s + i, n - i);
}

int csvin_runaway(struct sb_csvin *r, enum runaway kind, long q, int idx,
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
    csvin_reset_record(r);
    r->dirty = 0;
    *again = 1;
    return SB_OK;
}

int csvin_check_quote(struct sb_csvin *r, int *again, struct sb_error *err)
{
    *again = 0;
    if (r->p.pstate != FIELD_BEGUN || !r->p.quoted || r->quote_reported)
        return SB_OK;
    if (r->quote_line == 0) {
        r->quote_line = r->line;
        r->quote_field = r->rec.n_fields;
    }
    if (r->field_malformed)
        return csvin_runaway(r, RUN_MALFORMED, r->quote_line, r->quote_field,
                             again, err);
    if (r->line - r->quote_line + 1 >= r->max_quoted_lines)
        return csvin_runaway(r, RUN_LIMIT, r->quote_line, r->quote_field, again,
                             err);
    return SB_OK;
}
