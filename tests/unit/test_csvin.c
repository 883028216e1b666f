/* test_csvin.c: the CSV reader on small files written to a temporary
 * directory: encodings, line ends, quoting, positions, blank lines,
 * runaway quotes and their recovery, bad bytes, limits, errors. */
#include "read/csvin.h"
#include "test.h"
#include "base/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];
static char paths[64][96];
static int n_paths;

/* Write n bytes to a new file in the temporary directory; returns its
 * path (static storage). */
static const char *write_file(const char *name, const char *bytes, size_t n)
{
    char *p = paths[n_paths++];
    FILE *f;

    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    f = fopen(p, "wb");
    if (f == NULL || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
        printf("cannot write %s\n", p);
        exit(1);
    }
    return p;
}

static const char *write_str(const char *name, const char *text)
{
    return write_file(name, text, strlen(text));
}

/* A record copied out of the reader (fields up to 63 bytes). */
struct got {
    long row;
    long line;
    int n;
    char f[8][64];
    size_t len[8];
    long fl[8];
};

/* Read every record of path into g (at most max). Returns the number of
 * records, or -1 if open or next failed. */
static int read_all(const char *path, const struct sb_csvin_opts *o,
                    struct sb_findings *fs, struct got *g, int max)
{
    struct sb_csvin *r;
    struct sb_record *rec;
    struct sb_error err = {0};
    int k = 0;

    if (sb_csvin_open(&r, path, o, fs, &err) != SB_OK)
        return -1;
    for (;;) {
        if (sb_csvin_next(r, &rec, &err) != SB_OK) {
            k = -1;
            break;
        }
        if (rec == NULL)
            break;
        if (k < max) {
            g[k].row = rec->row;
            g[k].line = rec->line;
            g[k].n = rec->n_fields;
            for (int i = 0; i < rec->n_fields && i < 8; i++) {
                snprintf(g[k].f[i], sizeof g[k].f[i], "%s", rec->fields[i]);
                g[k].len[i] = rec->lens[i];
                g[k].fl[i] = rec->field_lines[i];
            }
        }
        k++;
    }
    sb_csvin_close(r);
    return k;
}

/* Number of findings with this code (stored ones). */
static long count_code(struct sb_findings *fs, const char *code)
{
    long n, k = 0;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);

    for (long i = 0; i < n; i++)
        k += strcmp(f[i].code, code) == 0;
    return k;
}

static const struct sb_finding *first_code(struct sb_findings *fs,
                                           const char *code)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);

    for (long i = 0; i < n; i++) {
        if (strcmp(f[i].code, code) == 0)
            return &f[i];
    }
    return NULL;
}

static long count_all(struct sb_findings *fs)
{
    long n;

    sb_findings_sorted(fs, &n);
    return n;
}

static enum sb_encoding encoding_of(const char *path)
{
    struct sb_csvin *r;
    enum sb_encoding e;

    if (sb_csvin_open(&r, path, NULL, NULL, NULL) != SB_OK)
        return (enum sb_encoding) - 1;
    e = sb_csvin_encoding(r);
    sb_csvin_close(r);
    return e;
}

static void utf8_plain(void)
{
    const char *p = write_str("plain.csv", "设备编号,名称,数量\n"
                                           "D001,数控机床,3\n"
                                           "D002, 带空格 ,4\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 3);
    CHECK_INT(encoding_of(p), SB_ENC_UTF8);
    CHECK_INT(g[0].row, 1);
    CHECK_INT(g[0].n, 3);
    CHECK_STR(g[0].f[0], "设备编号");
    CHECK_STR(g[1].f[1], "数控机床");
    CHECK_INT(g[1].len[1], strlen("数控机床"));
    CHECK_INT(g[1].row, 2);
    CHECK_INT(g[1].line, 2);
    /* spaces are kept as written */
    CHECK_STR(g[2].f[1], " 带空格 ");
    CHECK_INT(g[2].line, 3);
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void utf8_bom_is_dropped(void)
{
    const char *p = write_str("bom.csv", "\xEF\xBB\xBF"
                                         "编号,名称\nA,甲\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 2);
    CHECK_STR(g[0].f[0], "编号");
    CHECK_INT(g[0].len[0], strlen("编号"));
    CHECK_STR(g[1].f[1], "甲");
    CHECK_INT(encoding_of(p), SB_ENC_UTF8_BOM);
    CHECK_STR(sb_encoding_name(SB_ENC_UTF8_BOM), "UTF-8 (BOM)");
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void gbk_is_converted(void)
{
    /* 设备,名称 / 数控机床,编号 in GBK */
    const char *p = write_str("gbk.csv", "\xC9\xE8\xB1\xB8,\xC3\xFB\xB3\xC6\r\n"
                                         "\xCA\xFD\xBF\xD8\xBB\xFA\xB4\xB2,"
                                         "\xB1\xE0\xBA\xC5\r\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 2);
    CHECK_INT(encoding_of(p), SB_ENC_GB18030);
    CHECK_STR(g[0].f[0], "设备");
    CHECK_STR(g[0].f[1], "名称");
    CHECK_STR(g[1].f[0], "数控机床");
    CHECK_STR(g[1].f[1], "编号");
    CHECK_INT(g[1].line, 2);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.encoding");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->sev, SB_SEV_INFO);
        CHECK_STR(f->message, "检测到 GB18030 编码，已转换为 UTF-8");
        CHECK_STR(f->pos.path, p);
    }
    sb_findings_free(fs);
}

static void gb18030_four_byte_and_euro(void)
{
    /* 设备,𠀀€ : U+20000 is 95 32 82 36, the euro sign A2 E3 */
    const char *p = write_str("gb4.csv", "\xC9\xE8\xB1\xB8,\x95\x32\x82\x36"
                                         "\xA2\xE3\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[2];

    CHECK_INT(read_all(p, NULL, fs, g, 2), 1);
    CHECK_STR(g[0].f[0], "设备");
    CHECK_STR(g[0].f[1], "\xF0\xA0\x80\x80€");
    CHECK_INT(count_code(fs, "csv.encoding"), 1);
    CHECK_INT(count_code(fs, "csv.invalid-byte"), 0);
    sb_findings_free(fs);
}

static void gb_with_invalid_byte(void)
{
    /* GBK text with a stray 0xFF in the second field of line 2 */
    const char *p = write_str("gbbad.csv", "\xC9\xE8\xB1\xB8,\xC3\xFB\xB3\xC6\n"
                                           "\xC9\xE8,a\xFF"
                                           "b\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_INT(encoding_of(p), SB_ENC_GB18030);
    CHECK_STR(g[1].f[0], "设");
    CHECK_STR(g[1].f[1], "a\xEF\xBF\xBD"
                         "b");
    f = first_code(fs, "csv.invalid-byte");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 2);
        CHECK_INT(f->pos.row, 2);
        CHECK_INT(f->pos.col, 2);
        CHECK_STR(f->found, "0xFF");
        CHECK_STR(f->expected, "GB18030");
    }
    CHECK_INT(count_code(fs, "csv.invalid-byte"), 1);
    sb_findings_free(fs);
}

static void crlf_and_lone_cr(void)
{
    const char *p = write_str("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n");
    const char *q = write_str("cr.csv", "a,b\r1,2\r3,4");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 3);
    CHECK_STR(g[0].f[1], "b");
    CHECK_INT(g[0].len[1], 1);
    CHECK_STR(g[2].f[1], "4");
    CHECK_INT(g[2].line, 3);
    CHECK_INT(read_all(q, NULL, fs, g, 4), 3);
    CHECK_STR(g[1].f[0], "1");
    CHECK_INT(g[1].line, 2);
    CHECK_STR(g[2].f[1], "4");
    CHECK_INT(g[2].line, 3);
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void quoted_newlines_and_doubled_quotes(void)
{
    const char *p = write_str("quoted.csv",
                              "id,note,x\n"
                              "1,\"line one\nline \"\"two\"\"\nline three\",z\n"
                              "2,\"a,b\",\"c\r\nd\"\r\n"
                              "3,\"\",last\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[5];

    CHECK_INT(read_all(p, NULL, fs, g, 5), 4);
    CHECK_INT(g[1].n, 3);
    CHECK_STR(g[1].f[1], "line one\nline \"two\"\nline three");
    CHECK_STR(g[1].f[2], "z");
    CHECK_INT(g[1].line, 2);
    CHECK_INT(g[1].fl[0], 2);
    CHECK_INT(g[1].fl[1], 2);
    CHECK_INT(g[1].fl[2], 4);
    CHECK_INT(g[2].line, 5);
    CHECK_STR(g[2].f[1], "a,b");
    CHECK_STR(g[2].f[2], "c\r\nd");
    CHECK_INT(g[2].fl[2], 5);
    CHECK_INT(g[3].line, 7);
    CHECK_INT(g[3].row, 4);
    CHECK_STR(g[3].f[1], "");
    CHECK_STR(g[3].f[2], "last");
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void blank_lines_skipped_and_counted(void)
{
    const char *p = write_str("blank.csv", "h1,h2\n\n1,a\n\r\n\n2,b\n"
                                           "   \n\n\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[5];

    CHECK_INT(read_all(p, NULL, fs, g, 5), 4);
    CHECK_INT(g[1].row, 2);
    CHECK_INT(g[1].line, 3);
    CHECK_INT(g[2].row, 3);
    CHECK_INT(g[2].line, 6);
    CHECK_STR(g[2].f[1], "b");
    /* a line of spaces is a record, not a blank line */
    CHECK_INT(g[3].line, 7);
    CHECK_INT(g[3].n, 1);
    CHECK_STR(g[3].f[0], "   ");
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.blank-lines");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->sev, SB_SEV_INFO);
        CHECK_INT(f->pos.line, 2);
        CHECK(strstr(f->message, "5 个空行") != NULL);
    }
    sb_findings_free(fs);
}

static void ragged_rows_as_they_are(void)
{
    const char *p = write_str("ragged.csv", "a,b,c\n1,2\n3,4,5,6\n,,\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[5];

    CHECK_INT(read_all(p, NULL, fs, g, 5), 4);
    CHECK_INT(g[0].n, 3);
    CHECK_INT(g[1].n, 2);
    CHECK_INT(g[2].n, 4);
    CHECK_STR(g[2].f[3], "6");
    CHECK_INT(g[3].n, 3);
    CHECK_STR(g[3].f[0], "");
    CHECK_INT(g[3].len[2], 0);
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void last_line_without_newline(void)
{
    const char *p = write_str("nonl.csv", "a,b\n1,2");
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_csvin *r;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_STR(g[1].f[1], "2");
    CHECK_INT(g[1].line, 2);
    CHECK_INT(count_all(fs), 0);
    CHECK_INT(sb_csvin_open(&r, p, NULL, NULL, NULL), SB_OK);
    CHECK_INT(sb_csvin_size(r), 7);
    sb_csvin_close(r);
    sb_findings_free(fs);
}

static void inch_mark_in_unquoted_field(void)
{
    const char *p = write_str("inch.csv", "a,b\n27\" screen,x\"y\n2,3\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 3);
    CHECK_STR(g[1].f[0], "27\" screen");
    CHECK_STR(g[1].f[1], "x\"y");
    CHECK_INT(g[2].line, 3);
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void runaway_quote_to_end_of_file(void)
{
    const char *p = write_str("eof.csv", "a,b\n1,\"x\n2,y\n3,z\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[5];

    CHECK_INT(read_all(p, NULL, fs, g, 5), 4);
    CHECK_STR(g[1].f[1], "\"x");
    CHECK_INT(g[1].line, 2);
    CHECK_INT(g[2].row, 3);
    CHECK_INT(g[2].line, 3);
    CHECK_STR(g[2].f[1], "y");
    CHECK_INT(g[3].line, 4);
    CHECK_STR(g[3].f[1], "z");
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->sev, SB_SEV_ERROR);
        CHECK_INT(f->pos.line, 2);
        CHECK_INT(f->pos.row, 2);
        CHECK_INT(f->pos.col, 2);
        CHECK_STR(f->found, "\"x");
        CHECK(strstr(f->message, "第 2 行的引号未闭合，吞并了其后 2 行") !=
              NULL);
    }
    sb_findings_free(fs);
}

static void runaway_quote_on_last_line(void)
{
    const char *p = write_str("eof2.csv", "a,b\n1,\"x");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_STR(g[1].f[1], "\"x");
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL)
        CHECK_INT(f->pos.line, 2);
    sb_findings_free(fs);
}

/* The acceptance case: 10,000 lines, a stray quote opening field 2 of
 * line 2 and no other quote; every record comes back. */
static void runaway_quote_loses_no_row(void)
{
    struct sb_buf b = {0};
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct sb_csvin *r;
    struct sb_record *rec;
    struct sb_error err = {0};
    const char *p;
    long n = 0, bad = 0;

    sb_buf_puts(&b, "编号,名称,数量\n");
    for (long i = 2; i <= 10000; i++) {
        if (i == 2)
            sb_buf_printf(&b, "%ld,\"设备%ld,%ld\n", i, i, i * 3);
        else
            sb_buf_printf(&b, "%ld,设备%ld,%ld\n", i, i, i * 3);
    }
    p = write_file("stray.csv", b.data, b.len);
    sb_buf_free(&b);
    CHECK_INT(sb_csvin_open(&r, p, NULL, fs, &err), SB_OK);
    while (sb_csvin_next(r, &rec, &err) == SB_OK && rec != NULL) {
        char want[32];

        n++;
        if (n == 1)
            continue;
        /* record n is line n, its first field is n */
        if (rec->row != n || rec->line != n || rec->n_fields != 3 ||
            atol(rec->fields[0]) != n || rec->field_lines[2] != n)
            bad++;
        snprintf(want, sizeof want, "%s设备%ld", n == 2 ? "\"" : "", n);
        if (strcmp(rec->fields[1], want) != 0)
            bad++;
    }
    CHECK_INT(n, 10000);
    CHECK_INT(bad, 0);
    CHECK_INT(sb_csvin_bytes_read(r), sb_csvin_size(r));
    sb_csvin_close(r);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 2);
        CHECK_INT(f->pos.row, 2);
        CHECK_INT(f->pos.col, 2);
        CHECK_STR(f->found, "\"设备2,6");
        CHECK(strstr(f->message, "第 2 行的引号未闭合") != NULL);
    }
    sb_findings_free(fs);
}

static void legit_multiline_field_is_not_runaway(void)
{
    const char *p = write_str("five.csv", "a,note\n"
                                          "1,\"one\ntwo\nthree\nfour\nfive\"\n"
                                          "2,x\n");
    struct sb_findings *fs = sb_findings_new(0);
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 3);
    CHECK_STR(g[1].f[1], "one\ntwo\nthree\nfour\nfive");
    CHECK_INT(g[2].line, 7);
    CHECK_INT(count_all(fs), 0);
    sb_findings_free(fs);
}

static void quoted_line_limit(void)
{
    struct sb_csvin_opts o = {.max_quoted_lines = 3, .annex = "devices"};
    const char *ok = write_str("lim3.csv", "1,\"a\nb\nc\"\n2,x\n");
    const char *bad = write_str("lim4.csv", "1,\"a\nb\nc\nd\"\n2,x\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[6];

    CHECK_INT(read_all(ok, &o, fs, g, 6), 2);
    CHECK_STR(g[0].f[1], "a\nb\nc");
    CHECK_INT(count_all(fs), 0);
    /* A field over 3 lines: the quote on line 1 is literal, lines 2-4
     * are records of their own. */
    CHECK_INT(read_all(bad, &o, fs, g, 6), 5);
    CHECK_STR(g[0].f[1], "\"a");
    CHECK_INT(g[1].line, 2);
    CHECK_STR(g[1].f[0], "b");
    CHECK_INT(g[3].n, 1);
    CHECK_STR(g[3].f[0], "d\"");
    CHECK_INT(g[4].line, 5);
    CHECK_INT(g[4].row, 5);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 1);
        CHECK_STR(f->annex, "devices");
    }
    sb_findings_free(fs);
}

/* frictionless #1048: a stray quote whose field closes a few lines later
 * at another field's quotes swallows those lines unless caught. */
static void stray_quote_closed_later_is_caught(void)
{
    const char *p = write_str("swallow.csv", "a,b,c\n"
                                             "1,\"abc,x\n"
                                             "2,b,c\n"
                                             "3,\"q\",z\n"
                                             "4,d,e\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[6];

    CHECK_INT(read_all(p, NULL, fs, g, 6), 5);
    CHECK_STR(g[1].f[1], "\"abc");
    CHECK_INT(g[2].line, 3);
    CHECK_STR(g[3].f[1], "q");
    CHECK_INT(g[3].row, 4);
    CHECK_INT(g[4].line, 5);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 2);
        CHECK(strstr(f->message, "吞并了其后 2 行") != NULL);
    }
    sb_findings_free(fs);
}

static void quote_followed_by_text(void)
{
    /* on one line: kept as libcsv reads it; across lines: a runaway */
    const char *p = write_str("junk.csv", "\"a\"b\",1\n\"Big\" Co,2\n3,x\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 3);
    CHECK_STR(g[0].f[0], "a\"b");
    CHECK_STR(g[0].f[1], "1");
    CHECK_STR(g[1].f[0], "\"Big\" Co");
    CHECK_STR(g[1].f[1], "2");
    CHECK_INT(g[2].line, 3);
    CHECK_INT(count_code(fs, "csv.runaway-quote"), 1);
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL)
        CHECK_INT(f->pos.line, 2);
    sb_findings_free(fs);
}

/* The record starts on line 2 with a good multi-line field; the runaway
 * quote opens on line 3. A bad byte in field 1 is reported once. */
static void runaway_after_multiline_field(void)
{
    const char *p = write_str("late.csv", "a,b,c,d\n"
                                          "\xFF,\"x\ny\",z,\"open\n"
                                          "5,6,7,8\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[4];

    CHECK_INT(read_all(p, NULL, fs, g, 4), 3);
    CHECK_INT(g[1].line, 2);
    CHECK_INT(g[1].n, 4);
    CHECK_STR(g[1].f[1], "x\ny");
    CHECK_STR(g[1].f[3], "\"open");
    CHECK_INT(g[1].fl[3], 3);
    CHECK_INT(g[2].line, 4);
    CHECK_STR(g[2].f[3], "8");
    f = first_code(fs, "csv.runaway-quote");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 3);
        CHECK_INT(f->pos.col, 4);
    }
    CHECK_INT(count_code(fs, "csv.invalid-byte"), 1);
    CHECK_INT(count_all(fs), 2);
    sb_findings_free(fs);
}

static void utf8_invalid_byte_on_line_57(void)
{
    struct sb_buf b = {0};
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct sb_csvin *r;
    struct sb_record *rec;
    const char *p;
    int seen = 0;

    sb_buf_puts(&b, "编号,名称,备注\n");
    for (int i = 2; i <= 100; i++) {
        if (i == 57)
            sb_buf_puts(&b, "57,设备,坏\xC9字\n");
        else
            sb_buf_printf(&b, "%d,设备,正常\n", i);
    }
    p = write_file("bad57.csv", b.data, b.len);
    sb_buf_free(&b);
    CHECK_INT(encoding_of(p), SB_ENC_UTF8);
    CHECK_INT(sb_csvin_open(&r, p, NULL, fs, NULL), SB_OK);
    while (sb_csvin_next(r, &rec, NULL) == SB_OK && rec != NULL) {
        if (rec->line == 57) {
            seen = 1;
            CHECK_STR(rec->fields[2], "坏\xEF\xBF\xBD字");
            CHECK_INT(sb_utf8_valid_prefix(rec->fields[2], rec->lens[2]),
                      rec->lens[2]);
        }
    }
    sb_csvin_close(r);
    CHECK(seen);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.invalid-byte");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->sev, SB_SEV_ERROR);
        CHECK_INT(f->pos.line, 57);
        CHECK_INT(f->pos.row, 57);
        CHECK_INT(f->pos.col, 3);
        CHECK_STR(f->found, "0xC9");
        CHECK_STR(f->expected, "UTF-8");
    }
    sb_findings_free(fs);
}

/* Past the 4096 bad bytes located at open, every field is scanned. */
static void many_invalid_bytes(void)
{
    struct sb_buf b = {0};
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    long n;
    const char *p;
    struct got g[1];

    for (int i = 1; i <= 5000; i++)
        sb_buf_puts(&b, "设备,\xFF\n");
    p = write_file("many.csv", b.data, b.len);
    sb_buf_free(&b);
    CHECK_INT(encoding_of(p), SB_ENC_UTF8);
    CHECK_INT(read_all(p, NULL, fs, g, 1), 5000);
    CHECK_STR(g[0].f[1], "\xEF\xBF\xBD");
    CHECK_INT(count_code(fs, "csv.invalid-byte"), 5000);
    f = sb_findings_sorted(fs, &n);
    CHECK_INT(n, 5000);
    CHECK_INT(f[4999].pos.line, 5000);
    CHECK_INT(f[4999].pos.col, 2);
    sb_findings_free(fs);
}

static void bom_with_invalid_byte(void)
{
    const char *p = write_str("bombad.csv", "\xEF\xBB\xBF"
                                            "a,b\n1,\xC3\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_INT(encoding_of(p), SB_ENC_UTF8_BOM);
    CHECK_STR(g[1].f[1], "\xEF\xBF\xBD");
    f = first_code(fs, "csv.invalid-byte");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 2);
        CHECK_STR(f->found, "0xC3");
    }
    CHECK_INT(count_all(fs), 1);
    sb_findings_free(fs);
}

static void invalid_byte_inside_multiline_field(void)
{
    const char *p = write_str("mlbad.csv", "a,b\n1,\"x\r\ny\xFE\"\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_STR(g[1].f[1], "x\r\ny\xEF\xBF\xBD");
    f = first_code(fs, "csv.invalid-byte");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 3);
        CHECK_INT(f->pos.row, 2);
        CHECK_INT(f->pos.col, 2);
    }
    sb_findings_free(fs);
}

static void nul_byte_replaced(void)
{
    const char *p = write_file("nul.csv", "a,b\n1,x\0y\n", 10);
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, NULL, fs, g, 3), 2);
    CHECK_STR(g[1].f[1], "x\xEF\xBF\xBDy");
    CHECK_INT(g[1].len[1], 5);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.nul-byte");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 2);
        CHECK_INT(f->pos.col, 2);
        CHECK_STR(f->found, "0x00");
    }
    sb_findings_free(fs);
}

static void field_over_the_cap(void)
{
    struct sb_csvin_opts o = {.max_field_bytes = 10};
    /* 设备编号 is 12 bytes: cut to 9, before the fourth character */
    const char *p = write_str("long.csv", "a,设备编号\n"
                                          "\"aaaaaaaaaa\nbbbbbbbbbb\n"
                                          "cccccccccc\",ok\n");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct got g[3];

    CHECK_INT(read_all(p, &o, fs, g, 3), 2);
    CHECK_STR(g[0].f[1], "设备编");
    CHECK_INT(g[0].len[1], 9);
    CHECK_STR(g[1].f[0], "aaaaaaaaaa");
    CHECK_STR(g[1].f[1], "ok");
    CHECK_INT(g[1].fl[1], 4);
    CHECK_INT(count_code(fs, "csv.field-too-long"), 2);
    f = first_code(fs, "csv.field-too-long");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(f->pos.line, 1);
        CHECK_INT(f->pos.col, 2);
        CHECK_STR(f->found, "12 字节");
    }
    /* the multi-line field was cut while it was read; its length is
     * still reported in full */
    f = &sb_findings_sorted(fs, &(long){0})[1];
    CHECK_INT(f->pos.line, 2);
    CHECK_STR(f->found, "32 字节");
    sb_findings_free(fs);
}

static void line_longer_than_buffer(void)
{
    size_t big = ((size_t)1 << 20) * 3 / 2;
    char *s = malloc(big + 64);
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_csvin *r;
    struct sb_record *rec;
    const char *p;
    size_t n = 0;

    /* a 1.5 MiB field of 设 (GBK C9 E8), then a CR LF split so that the
     * CR ends the first read */
    n += (size_t)sprintf(s, "x,");
    while (n < big)
        n += (size_t)sprintf(s + n, "\xC9\xE8");
    n += (size_t)sprintf(s + n, "\r\n2,\xC9\xE8\r\n");
    p = write_file("big.csv", s, n);
    CHECK_INT(sb_csvin_open(&r, p, NULL, fs, NULL), SB_OK);
    CHECK_INT(sb_csvin_encoding(r), SB_ENC_GB18030);
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec != NULL);
    if (rec != NULL) {
        CHECK_INT(rec->n_fields, 2);
        CHECK_INT(rec->lens[1], (big - 2) / 2 * 3);
        CHECK_INT(sb_utf8_valid_prefix(rec->fields[1], rec->lens[1]),
                  rec->lens[1]);
        CHECK(strncmp(rec->fields[1], "设设设", 9) == 0);
    }
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec != NULL);
    if (rec != NULL) {
        CHECK_INT(rec->line, 2);
        CHECK_STR(rec->fields[1], "设");
    }
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec == NULL);
    sb_csvin_close(r);

    /* UTF-8: a line of exactly 1 MiB - 1 bytes, its CR the last byte of
     * the first read, its LF the first of the next */
    memset(s, 'a', ((size_t)1 << 20) - 1);
    memcpy(s + ((size_t)1 << 20) - 1, "\r\nb\r\n", 5);
    p = write_file("crsplit.csv", s, ((size_t)1 << 20) + 4);
    CHECK_INT(sb_csvin_open(&r, p, NULL, fs, NULL), SB_OK);
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    if (rec != NULL)
        CHECK_INT(rec->lens[0], ((size_t)1 << 20) - 1);
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    if (rec != NULL) {
        CHECK_INT(rec->line, 2);
        CHECK_STR(rec->fields[0], "b");
    }
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec == NULL);
    sb_csvin_close(r);
    CHECK_INT(count_code(fs, "csv.blank-lines"), 0);
    CHECK_INT(count_code(fs, "csv.invalid-byte"), 0);
    free(s);
    sb_findings_free(fs);
}

static void empty_file(void)
{
    const char *p = write_str("empty.csv", "");
    const char *q = write_str("bomonly.csv", "\xEF\xBB\xBF");
    struct sb_findings *fs = sb_findings_new(0);
    const struct sb_finding *f;
    struct sb_csvin *r;
    struct sb_record *rec = (struct sb_record *)1;

    CHECK_INT(sb_csvin_open(&r, p, NULL, fs, NULL), SB_OK);
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec == NULL);
    CHECK_INT(sb_csvin_size(r), 0);
    sb_csvin_close(r);
    CHECK_INT(count_all(fs), 1);
    f = first_code(fs, "csv.empty-file");
    CHECK(f != NULL);
    if (f != NULL)
        CHECK_INT(f->sev, SB_SEV_WARNING);
    CHECK_INT(sb_csvin_open(&r, q, NULL, fs, NULL), SB_OK);
    CHECK_INT(sb_csvin_next(r, &rec, NULL), SB_OK);
    CHECK(rec == NULL);
    sb_csvin_close(r);
    sb_findings_free(fs);
}

static void missing_file(void)
{
    struct sb_csvin *r = (struct sb_csvin *)1;
    struct sb_error err = {0};
    char p[128];

    snprintf(p, sizeof p, "%s/没有这个文件.csv", dir);
    CHECK_INT(sb_csvin_open(&r, p, NULL, NULL, &err), SB_EIO);
    CHECK(r == NULL);
    CHECK_INT(err.code, SB_EIO);
    CHECK(strstr(err.msg, p) != NULL);
    CHECK(strstr(err.msg, strerror(ENOENT)) != NULL);
    CHECK_STR(err.path, p);
    /* a directory opens but cannot be read */
    CHECK_INT(sb_csvin_open(&r, dir, NULL, NULL, &err), SB_EIO);
    CHECK(strstr(err.msg, dir) != NULL);
    sb_csvin_close(NULL);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/test_csvin.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    RUN(utf8_plain);
    RUN(utf8_bom_is_dropped);
    RUN(gbk_is_converted);
    RUN(gb18030_four_byte_and_euro);
    RUN(gb_with_invalid_byte);
    RUN(crlf_and_lone_cr);
    RUN(quoted_newlines_and_doubled_quotes);
    RUN(blank_lines_skipped_and_counted);
    RUN(ragged_rows_as_they_are);
    RUN(last_line_without_newline);
    RUN(inch_mark_in_unquoted_field);
    RUN(runaway_quote_to_end_of_file);
    RUN(runaway_quote_on_last_line);
    RUN(runaway_quote_loses_no_row);
    RUN(legit_multiline_field_is_not_runaway);
    RUN(quoted_line_limit);
    RUN(stray_quote_closed_later_is_caught);
    RUN(quote_followed_by_text);
    RUN(runaway_after_multiline_field);
    RUN(utf8_invalid_byte_on_line_57);
    RUN(many_invalid_bytes);
    RUN(bom_with_invalid_byte);
    RUN(invalid_byte_inside_multiline_field);
    RUN(nul_byte_replaced);
    RUN(field_over_the_cap);
    RUN(line_longer_than_buffer);
    RUN(empty_file);
    RUN(missing_file);
    for (int i = 0; i < n_paths; i++)
        unlink(paths[i]);
    rmdir(dir);
    return TEST_REPORT();
}
