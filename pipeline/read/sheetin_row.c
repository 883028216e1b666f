/* sheetin_row.c: a workbook row assembled cell by cell into the record
 * csvin's callers read (see sheetin.h), cell values shown as text the
 * way Excel shows them, and the findings of the sheet reader. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "read/sheetin_int.h"

#define MAX_COLS 16384 /* Excel's last column, XFD */

void sheet_row_begin(struct sb_sheetin *s, long row, int hidden)
{
    s->row = row;
    s->hidden_row = hidden;
    s->n_cols = 0;
    sb_buf_clear(&s->text);
    sb_buf_putc(&s->text, '\0'); /* offset 0: the empty cell */
}

void sheet_cell(struct sb_sheetin *s, int col, const char *t, size_t n,
                enum sb_field_kind kind)
{
    if (col < 0 || col >= MAX_COLS)
        return;
    if (col >= s->cap_cols) {
        int cap = s->cap_cols ? s->cap_cols : 16;

        while (cap <= col)
            cap *= 2;
        s->off = sb_xrealloc(s->off, (size_t)cap * sizeof *s->off);
        s->kinds = sb_xrealloc(s->kinds, (size_t)cap);
        s->cap_cols = cap;
    }
    for (; s->n_cols <= col; s->n_cols++) {
        s->kinds[s->n_cols] = SB_FIELD_EMPTY;
        s->off[s->n_cols] = 0;
    }
    s->off[col] = s->text.len;
    s->kinds[col] = n > 0 ? (unsigned char)kind : SB_FIELD_EMPTY;
    sb_buf_put(&s->text, t, n);
    sb_buf_putc(&s->text, '\0');
}

/* Days since 1970-01-01 and seconds into the day of serial v. Excel's
 * 1900 system counts 1900-01-01 as day 1 and keeps Lotus's 29 February
 * 1900 (day 60), so days from 61 on are one more than the calendar's;
 * the 1904 system counts 1904-01-01 as day 0 (ECMA-376 Part 1,
 * 18.17.4.1). */
static void serial_split(double v, int date1904, long long *days, long *secs)
{
    double day = floor(v);
    long sec = lround((v - day) * 86400.0);

    if (sec >= 86400) {
        sec -= 86400;
        day += 1;
    }
    if (date1904)
        *days = (long long)day - 24107;
    else
        *days = (long long)day - (day >= 61 ? 25569 : 25568);
    *secs = sec;
}

static void date_text(struct sb_buf *b, double v, int date1904)
{
    long long days;
    long secs;
    time_t t;
    struct tm tm;
    char out[32];

    serial_split(v, date1904, &days, &secs);
    t = (time_t)(days * 86400 + secs);
    gmtime_r(&t, &tm);
    if (v < 1 && secs > 0)
        strftime(out, sizeof out, "%H:%M:%S", &tm);
    else if (secs > 0)
        strftime(out, sizeof out, "%Y-%m-%d %H:%M:%S", &tm);
    else
        strftime(out, sizeof out, "%Y-%m-%d", &tm);
    sb_buf_puts(b, out);
}

void sheet_number(struct sb_sheetin *s, int col, double v, enum num_fmt fmt)
{
    struct sb_buf b = {0};
    enum sb_field_kind kind = SB_FIELD_NUMBER;

    if (fmt == FMT_DATE && v >= 0 && v < 2958466) { /* to 9999-12-31 */
        date_text(&b, v, s->date1904);
        kind = SB_FIELD_DATE;
    } else if (fmt == FMT_PERCENT) {
        sb_buf_printf(&b, "%.15g%%", v * 100 == 0 ? 0 : v * 100);
    } else {
        sb_buf_printf(&b, "%.15g", v == 0 ? 0 : v);
    }
    sheet_cell(s, col, b.data, b.len, kind);
    sb_buf_free(&b);
}

void sheet_finding(struct sb_sheetin *s, const char *code,
                   enum sb_severity sev, long row, int col,
                   const char *expected, const char *found, const char *msg)
{
    struct sb_finding f = {0};

    if (s->findings == NULL)
        return;
    f.code = code;
    f.sev = sev;
    f.pos.path = s->path;
    f.pos.row = row;
    f.pos.col = row > 0 ? col + 1 : 0;
    f.pos.line = row;
    f.annex = s->annex;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    sb_findings_add(s->findings, &f);
}

static void grow_rec(struct sb_sheetin *s, int n)
{
    if (n <= s->cap_rec)
        return;
    s->cap_rec = n;
    s->fields = sb_xrealloc(s->fields, (size_t)n * sizeof *s->fields);
    s->lens = sb_xrealloc(s->lens, (size_t)n * sizeof *s->lens);
    s->lines = sb_xrealloc(s->lines, (size_t)n * sizeof *s->lines);
    s->rec.kinds = NULL;
}

void sheet_row_end(struct sb_sheetin *s)
{
    static unsigned char empty_kinds[1];
    int last = -1, n;

    for (int c = 0; c < s->n_cols; c++) {
        if (s->kinds[c] != SB_FIELD_EMPTY)
            last = c;
    }
    if (last < 0)
        return; /* no value: skipped, as a blank line is */
    if (s->width == 0)
        s->header_row = s->row;
    if (s->width == 0 || s->ragged)
        s->width = last + 1;
    if (s->hidden_row)
        sheet_finding(s, "xlsx.hidden-row", SB_SEV_WARNING, s->row, 0, NULL,
                      "隐藏", "此行在 Excel 中被隐藏，仍按清单行核对");
    for (int c = s->width; c <= last; c++) {
        if (s->kinds[c] != SB_FIELD_EMPTY)
            sheet_finding(s, "xlsx.beyond-header", SB_SEV_ERROR, s->row, c,
                          "表头范围内的单元格", s->text.data + s->off[c],
                          "单元格在表头最后一列之外，没有对应的列，未核对");
    }
    n = s->width;
    grow_rec(s, n + 1);
    for (int c = s->n_cols; c < n; c++)
        sheet_cell(s, c, "", 0, SB_FIELD_EMPTY);
    for (int c = 0; c < n; c++) {
        s->fields[c] = s->text.data + s->off[c];
        s->lens[c] = strlen(s->fields[c]);
        s->lines[c] = s->row;
    }
    s->rec.row = s->row;
    s->rec.line = s->row;
    s->rec.n_fields = n;
    s->rec.fields = s->fields;
    s->rec.lens = s->lens;
    s->rec.field_lines = s->lines;
    s->rec.kinds = s->kinds != NULL ? s->kinds : empty_kinds;
    s->ready = 1;
}

/* Built-in formats (ECMA-376 Part 1, 18.8.30): 9 and 10 are percents;
 * 14-22 and 45-47 dates and times, and in the Chinese locales Excel
 * also shows 27-36 and 50-58 as dates (年月日). */
enum num_fmt sheet_format_id(int id)
{
    if (id == 9 || id == 10)
        return FMT_PERCENT;
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
        (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return FMT_DATE;
    return FMT_PLAIN;
}

enum num_fmt sheet_format_code(const char *code)
{
    int date = 0, percent = 0;

    if (strcasecmp(code, "General") == 0)
        return FMT_PLAIN;
    for (const char *p = code; *p; p++) {
        if (*p == '"') { /* literal text */
            p = strchr(p + 1, '"');
            if (p == NULL)
                break;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1] == '\0')
                break;
            p++; /* an escaped or padding character */
        } else if (*p == '[') { /* colour, condition, locale; [h] is time */
            const char *e = strchr(p, ']');

            if (e == NULL)
                break;
            date |= strchr("hHmMsS", p[1]) != NULL && p[1] != '\0' &&
                    p[1] != '$';
            p = e;
        } else if (*p == ';') {
            break; /* the first section decides */
        } else if (strchr("yYmMdDhHsSeE", *p) != NULL && *p != 'E') {
            date = 1;
        } else if (*p == '%') {
            percent = 1;
        }
    }
    return date ? FMT_DATE : percent ? FMT_PERCENT : FMT_PLAIN;
}

void sheet_row_free(struct sb_sheetin *s)
{
    sb_buf_free(&s->text);
    free(s->off);
    free(s->kinds);
    free(s->fields);
    free(s->lens);
    free(s->lines);
}

void sb_book_sheets_free(struct sb_book_sheet *s, int n)
{
    for (int i = 0; s != NULL && i < n; i++)
        free(s[i].name);
    free(s);
}
