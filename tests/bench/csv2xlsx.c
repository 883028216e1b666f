/* csv2xlsx.c: write CSV files as the sheets of one .xlsx workbook, as a
 * team keeping its lists in Excel would have them: a field that reads as
 * a plain number (at most 15 significant digits, no leading zero) is a
 * number, YYYY-MM-DD a date with the format yyyy-mm-dd, anything else
 * (IDs, USCCs, names) a string. Used by the tests (the xlsx twin of a
 * CSV annex) and by `make bench` (a 1M-row device sheet). The CSV is
 * read with shenbao's reader (GB18030 and BOMs handled); the workbook is
 * written by libxlsxwriter in constant-memory mode (inline strings, one
 * row held at a time).
 *
 *   csv2xlsx OUT.xlsx [SHEET=]FILE.csv ...
 *
 * SHEET defaults to the file's name without its directory and ".csv". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "read/csvin.h"

static int plain_number(const char *s, size_t n, double *v)
{
    char *end;
    int digits = 0;

    if (n == 0 || n > 17 || (s[0] == '0' && n > 1 && s[1] != '.'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (!(s[i] == '.' || (s[i] == '-' && i == 0)))
            return 0;
    }
    *v = strtod(s, &end);
    return digits > 0 && digits <= 15 && end == s + n;
}

static int iso_date(const char *s, size_t n, lxw_datetime *dt)
{
    memset(dt, 0, sizeof *dt);
    return n == 10 && s[4] == '-' && s[7] == '-' &&
           sscanf(s, "%4d-%2d-%2d", &dt->year, &dt->month, &dt->day) == 3 &&
           dt->month >= 1 && dt->month <= 12 && dt->day >= 1 && dt->day <= 31;
}

static int add_sheet(lxw_workbook *wb, lxw_format *date, const char *arg)
{
    const char *eq = strchr(arg, '=');
    const char *path = eq != NULL ? eq + 1 : arg;
    const char *base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
    char *name = eq != NULL ? strndup(arg, (size_t)(eq - arg))
                            : strndup(base, strcspn(base, "."));
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    struct sb_csvin *in;
    struct sb_record *rec;
    struct sb_error err = {0};
    int rc;

    free(name);
    if (ws == NULL || sb_csvin_open(&in, path, NULL, NULL, &err) != SB_OK) {
        fprintf(stderr, "csv2xlsx: %s: %s\n", path, ws ? err.msg : "bad sheet name");
        return 1;
    }
    while ((rc = sb_csvin_next(in, &rec, &err)) == SB_OK && rec != NULL) {
        lxw_row_t r = (lxw_row_t)(rec->row - 1);

        for (int c = 0; c < rec->n_fields; c++) {
            const char *s = rec->fields[c];
            size_t n = rec->lens[c];
            double v;
            lxw_datetime dt;

            if (n == 0)
                continue;
            if (r > 0 && plain_number(s, n, &v))
                worksheet_write_number(ws, r, (lxw_col_t)c, v, NULL);
            else if (r > 0 && iso_date(s, n, &dt))
                worksheet_write_datetime(ws, r, (lxw_col_t)c, &dt, date);
            else
                worksheet_write_string(ws, r, (lxw_col_t)c, s, NULL);
        }
    }
    sb_csvin_close(in);
    if (rc != SB_OK)
        fprintf(stderr, "csv2xlsx: %s: %s\n", path, err.msg);
    return rc != SB_OK;
}

int main(int argc, char **argv)
{
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb;
    lxw_format *date;
    int bad = 0;

    if (argc < 3) {
        fputs("usage: csv2xlsx OUT.xlsx [SHEET=]FILE.csv ...\n", stderr);
        return 2;
    }
    wb = workbook_new_opt(argv[1], &opt);
    if (wb == NULL)
        return 1;
    date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    for (int i = 2; i < argc; i++)
        bad |= add_sheet(wb, date, argv[i]);
    if (workbook_close(wb) != LXW_NO_ERROR)
        bad = 1;
    return bad;
}
