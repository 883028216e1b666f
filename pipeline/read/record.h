/* record.h: one record of a list as its readers give it: a CSV file's
 * (csvin.h) or a workbook sheet's row (sheetin.h). Everything downstream
 * reads records, whatever the file was. */
#ifndef SB_PIPELINE_RECORD_H
#define SB_PIPELINE_RECORD_H

#include <stddef.h>

/* One record, borrowed until the reader's next call (sb_csvin_next,
 * sb_sheetin_next) or its close.
 * Blank lines count as lines but not as rows. */
struct sb_record {
    long row;          /* record number in the file, the header is 1;
                          a sheet's: its row number, as Excel shows it */
    long line;         /* physical line the record starts on, 1-based
                          (a sheet's: its row number) */
    int n_fields;      /* as found: may differ from the header's width */
    char **fields;     /* UTF-8, NUL-terminated, never NULL */
    size_t *lens;      /* byte length of each field */
    long *field_lines; /* physical line each field starts on */
    const unsigned char *kinds; /* per field, an enum sb_field_kind: how
                                   a workbook stored it (sheetin.h);
                                   NULL for CSV, where all is text */
};

/* How a workbook cell was stored (struct sb_record .kinds). */
enum sb_field_kind {
    SB_FIELD_EMPTY,  /* no value */
    SB_FIELD_TEXT,   /* a string (shared, inline or a formula's) */
    SB_FIELD_NUMBER, /* a number, percent-formatted ones included */
    SB_FIELD_DATE,   /* a number with a date or time format */
    SB_FIELD_BOOL,   /* TRUE or FALSE */
};

#endif
