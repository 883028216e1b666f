/* xlsx_bare.c: the limit for `shenbao xlsx` in make bench: a bare
 * libxlsxwriter program writing the cells shenbao writes for one annex
 * list, with nothing else: no check, no findings sheets, no masking.
 *
 *   xlsx_bare LIST.csv OUT.xlsx KINDS
 *
 * KINDS has one letter per column of the list: i (integer, format "0"),
 * c (code: text in text format "@"), d (date YYYY-MM-DD as an Excel
 * serial date, format yyyy-mm-dd), t (text, no format). The workbook is
 * written as shenbao writes it: constant-memory mode, a bold header row,
 * a new sheet every 1,048,575 data rows with the header again, column
 * widths, an autofilter and a frozen header. The list must be what
 * gendecl writes: UTF-8, LF line ends, no quoted fields (a quote is an
 * error: this program is no CSV reader). Exit status 0, or 1 with a
 * message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "cells/cell.h"

#define DATA_ROWS 1048575 /* Excel's rows less the header */
#define MAX_COLS 64

/* A YYYY-MM-DD date as an Excel serial date. */
static int date_of(const char *s, size_t n, double *v)
{
    int y, m, d;

    if (n != 10 || s[4] != '-' || s[7] != '-' ||
        sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    *v = sb_date_from_ymd(y, m, d) + 25569.0;
    return 1;
}

/* Split line (its end cut off) at commas into f[], lens[]; returns the
 * number of fields. */
static int split(char *line, char **f, size_t *lens)
{
    int n = 0;
    char *s = line;

    for (;;) {
        char *c = strchr(s, ',');

        if (n == MAX_COLS)
            return n;
        f[n] = s;
        if (c == NULL) {
            lens[n] = strlen(s);
            return n + 1;
        }
        *c = '\0';
        lens[n++] = (size_t)(c - s);
        s = c + 1;
    }
}

int main(int argc, char **argv)
{
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb;
    lxw_worksheet *ws = NULL;
    lxw_format *bold, *integer, *text, *date;
    char *line = NULL, *hf[MAX_COLS], *f[MAX_COLS], *header = NULL;
    size_t cap = 0, hl[MAX_COLS], lens[MAX_COLS];
    ssize_t k;
    int nh, sheet = 0;
    long row = DATA_ROWS, last = 0;
    const char *kinds;
    FILE *in;

    if (argc != 4) {
        fprintf(stderr, "usage: xlsx_bare LIST.csv OUT.xlsx KINDS\n");
        return 1;
    }
    kinds = argv[3];
    in = fopen(argv[1], "r");
    if (in == NULL || (k = getline(&header, &cap, in)) <= 0) {
        fprintf(stderr, "xlsx_bare: cannot read %s\n", argv[1]);
        return 1;
    }
    header[strcspn(header, "\r\n")] = '\0';
    nh = split(header, hf, hl);
    wb = workbook_new_opt(argv[2], &wo);
    if (wb == NULL)
        return 1;
    bold = workbook_add_format(wb);
    format_set_bold(bold);
    integer = workbook_add_format(wb);
    format_set_num_format(integer, "0");
    text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    cap = 0;
    while ((k = getline(&line, &cap, in)) > 0) {
        int n;

        if (memchr(line, '"', (size_t)k) != NULL) {
            fprintf(stderr, "xlsx_bare: a quote in %s: not gendecl's\n",
                    argv[1]);
            return 1;
        }
        line[strcspn(line, "\r\n")] = '\0';
        if (row == DATA_ROWS) {
            char name[32];

            if (ws != NULL) {
                worksheet_autofilter(ws, 0, 0, (lxw_row_t)last,
                                     (lxw_col_t)(nh - 1));
                worksheet_freeze_panes(ws, 1, 0);
            }
            snprintf(name, sizeof name, "list %d", ++sheet);
            ws = workbook_add_worksheet(wb, name);
            for (int i = 0; i < nh; i++) {
                worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, 16, NULL);
                worksheet_write_string(ws, 0, (lxw_col_t)i, hf[i], bold);
            }
            row = 0;
        }
        row++;
        n = split(line, f, lens);
        for (int i = 0; i < n; i++) {
            char kind = i < (int)strlen(kinds) ? kinds[i] : 't';
            lxw_row_t r = (lxw_row_t)row;
            lxw_col_t c = (lxw_col_t)i;
            double v;

            if (lens[i] == 0)
                continue;
            if (kind == 'i')
                worksheet_write_number(ws, r, c, strtod(f[i], NULL), integer);
            else if (kind == 'd' && date_of(f[i], lens[i], &v))
                worksheet_write_number(ws, r, c, v, date);
            else
                worksheet_write_string(ws, r, c, f[i],
                                       kind == 'c' ? text : NULL);
        }
        last = row;
    }
    if (ws != NULL) {
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)last, (lxw_col_t)(nh - 1));
        worksheet_freeze_panes(ws, 1, 0);
    }
    fclose(in);
    free(line);
    free(header);
    if (workbook_close(wb) != LXW_NO_ERROR) {
        fprintf(stderr, "xlsx_bare: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
