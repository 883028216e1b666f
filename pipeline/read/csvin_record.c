/* csvin_record.c: libcsv's side of the CSV reader. csvin_parse hands
 * libcsv bytes; its callbacks build the record: field bytes copied (or
 * scanned, where invalid bytes or NULs may be, and replaced by U+FFFD
 * with a finding), cut at max_field_bytes, each with the line it starts
 * on. libcsv runs in strict mode only to learn about quotes in odd
 * places; each strict stop is resumed in lax mode, byte by byte. Fields
 * are kept as written: libcsv's trimming of spaces and tabs is turned
 * off (at open, csvin.c). A whole line without a quote character is
 * cut at its commas by hand (csvin_parse_plain), which gives what
 * libcsv would: the same callbacks build the record. */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "read/csvin_int.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

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

size_t csvin_utf8_cut(const char *s, size_t max)
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
        f = csvin_finding(r, c == 0 ? "csv.nul-byte" : "csv.invalid-byte",
                          SB_SEV_ERROR);
        f.pos.row = r->row + 1;
        f.pos.col = idx + 1;
        f.pos.line = line;
        snprintf(hex, sizeof hex, "0x%02X", c);
        f.found = hex;
        if (c == 0) {
            csvin_report(r, &f, "字段中有 NUL 字节（0x00），已替换为 U+FFFD");
            continue;
        }
        f.expected = r->enc == SB_ENC_GB18030 ? "GB18030" : "UTF-8";
        csvin_report(r, &f, "字节 %s 不是有效的 %s 字符，已替换为 U+FFFD", hex,
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

    if (idx == SB_CSVIN_MAX_FIELDS) {
        if (r->fields_over++ == 0 && !mute) {
            struct sb_finding f =
                csvin_finding(r, "csv.too-many-fields", SB_SEV_ERROR);
            char exp[32];

            f.pos.row = r->row + 1;
            f.pos.col = idx + 1;
            f.pos.line = r->line;
            snprintf(exp, sizeof exp, "<= %d 个字段", SB_CSVIN_MAX_FIELDS);
            f.expected = exp;
            csvin_report(r, &f,
                         "此行字段超过 %d 个（Excel 的列数上限），第 %d "
                         "个起已忽略",
                         SB_CSVIN_MAX_FIELDS, SB_CSVIN_MAX_FIELDS + 1);
        }
        r->next_field_line = r->line;
        r->field_dropped = 0;
        r->field_malformed = 0;
        r->quote_line = 0;
        r->quote_reported = 0;
        return;
    }
    if (idx == r->cap_fields)
        grow_fields(r);
    r->rec.field_lines[idx] = r->next_field_line;
    r->next_field_line = r->line;
    if (n > r->max_field_bytes)
        n = csvin_utf8_cut(s, r->max_field_bytes);
    if (full > r->max_field_bytes && !mute) {
        struct sb_finding f =
            csvin_finding(r, "csv.field-too-long", SB_SEV_ERROR);
        char exp[32], got[32];

        f.pos.row = r->row + 1;
        f.pos.col = idx + 1;
        f.pos.line = r->rec.field_lines[idx];
        snprintf(exp, sizeof exp, "<= %zu 字节", r->max_field_bytes);
        snprintf(got, sizeof got, "%zu 字节", full);
        f.expected = exp;
        f.found = got;
        csvin_report(r, &f,
                     "字段长 %zu 字节，超过上限 %zu 字节，已截断为 %zu 字节",
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

void csvin_reset_record(struct sb_csvin *r)
{
    r->rec.n_fields = 0;
    r->fields_over = 0;
    r->data_len = 0;
    r->rec_done = 0;
    r->field_dropped = 0;
    r->field_malformed = 0;
    r->quote_line = 0;
    r->quote_reported = 0;
    r->pend_run = 0;
}

void csvin_parse(struct sb_csvin *r, const char *s, size_t n)
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

int csvin_parse_plain(struct sb_csvin *r, const char *s, size_t n)
{
    const char *end = s + n, *f = s;

    if (r->libcsv_only || r->p.pstate != ROW_NOT_BEGUN ||
        csv_get_quote(&r->p) != CSV_QUOTE || memchr(s, CSV_QUOTE, n) != NULL)
        return 0;
    /* The line's terminator: LF, CR LF or a lone CR (one, at its end). */
    while (end > s && (end[-1] == '\n' || end[-1] == '\r'))
        end--;
    for (;;) {
        const char *c = memchr(f, CSV_COMMA, (size_t)(end - f));

        if (c == NULL)
            break;
        on_field((void *)f, (size_t)(c - f), r);
        f = c + 1;
    }
    on_field((void *)f, (size_t)(end - f), r);
    on_row(end < s + n ? (unsigned char)*end : -1, r);
    return 1;
}

void csvin_parse_end(struct sb_csvin *r)
{
    csv_fini(&r->p, on_field, on_row, r);
}
