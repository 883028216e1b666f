/* sheetin_int.h: what the sheetin*.c files share and nothing outside
 * them uses. The files, top to bottom (each calls only those below):
 *   sheetin.c       the public API (sheetin.h): open, next, close
 *   sheetin_xlsx.c  .xlsx: libzip + expat, a row per resumed parse
 *   sheetin_xls.c   .xls: libfreexl
 *   sheetin_row.c   a row assembled from cells into a record; cell
 *                   values as text (numbers, dates, percents); findings;
 *                   sb_book_sheets_free */
#ifndef SB_PIPELINE_SHEETIN_INT_H
#define SB_PIPELINE_SHEETIN_INT_H

#include "base/bookpath.h"
#include "read/sheetin.h"

/* How a number is shown, from its cell's number format. */
enum num_fmt {
    FMT_PLAIN,
    FMT_DATE,    /* a date, a time or both */
    FMT_PERCENT, /* "0.0%": Excel stores 0.416 and shows 41.6% */
};

struct xlsx;
struct xls;

struct sb_sheetin {
    char *path;  /* "FILE#SHEET", for findings */
    char *annex; /* or NULL */
    struct sb_findings *findings;
    long long size;  /* the workbook's bytes */
    double share;    /* share of the sheet read, 0..1 */
    int date1904;    /* the workbook counts days from 1904-01-01 */
    struct xlsx *x;  /* one of the two backends */
    struct xls *b;
    int ready;       /* a row is assembled in rec */
    int done;

    /* The row being assembled: per column (0 = A) where its text is. */
    long row;          /* Excel's row number */
    int hidden_row;
    struct sb_buf text; /* the row's cell texts, each NUL-terminated */
    size_t *off;
    unsigned char *kinds; /* enum sb_field_kind */
    int n_cols, cap_cols;
    int width; /* the header's columns; 0 until the header is read */
    long header_row; /* Excel's row of the header */
    int ragged;      /* sb_sheetin_ragged: no header width, no merges */

    /* The record handed out. */
    struct sb_record rec;
    char **fields;
    size_t *lens;
    long *lines;
    int cap_rec;
};

/* ---- sheetin_xlsx.c / sheetin_xls.c --------------------------------- */

/* List the sheets of file (sb_book_sheets, one kind each). */
int xlsx_sheets(const char *file, struct sb_book_sheet **out, int *n,
                struct sb_error *err);
int xls_sheets(const char *file, struct sb_book_sheet **out, int *n,
               struct sb_error *err);

/* Open sheet (NULL: the first) of file into s (s->path, s->x or s->b,
 * date1904, a hidden-sheet finding); *resolved gets the sheet's name
 * (owned by s's backend). */
int xlsx_open(struct sb_sheetin *s, const char *file, const char *sheet,
              const char **resolved, struct sb_error *err);
int xls_open(struct sb_sheetin *s, const char *file, const char *sheet,
             const char **resolved, struct sb_error *err);

/* Read on until a row is ready (s->ready) or the sheet ends (s->done). */
int xlsx_next(struct sb_sheetin *s, struct sb_error *err);
int xls_next(struct sb_sheetin *s, struct sb_error *err);

void xlsx_close(struct xlsx *x);
void xls_close(struct xls *b);

/* ---- sheetin_row.c --------------------------------------------------- */

/* Start row (Excel's number); hidden: the row is hidden in Excel. */
void sheet_row_begin(struct sb_sheetin *s, long row, int hidden);

/* Set column col (0 = A) of the row to text t (n bytes) stored as kind. */
void sheet_cell(struct sb_sheetin *s, int col, const char *t, size_t n,
                enum sb_field_kind kind);

/* Set column col to number v shown as fmt says. */
void sheet_number(struct sb_sheetin *s, int col, double v, enum num_fmt fmt);

/* End the row: when it has a value it becomes s->rec (the first such
 * row is the header) and s->ready is set; a hidden row and values
 * beyond the header are findings. */
void sheet_row_end(struct sb_sheetin *s);

/* How a number format code shows numbers ("yyyy-mm-dd": a date). */
enum num_fmt sheet_format_code(const char *code);

/* How built-in number format id shows numbers (14: a date, 9: 0%). */
enum num_fmt sheet_format_id(int id);

/* Add a finding at (row, col 0-based; row 0: the sheet) of the sheet. */
void sheet_finding(struct sb_sheetin *s, const char *code,
                   enum sb_severity sev, long row, int col,
                   const char *expected, const char *found, const char *msg);

/* Free the row buffers. */
void sheet_row_free(struct sb_sheetin *s);

#endif
