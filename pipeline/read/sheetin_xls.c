/* sheetin_xls.c: .xls sheets (BIFF, Excel 97-2003) through libfreexl,
 * which reads the whole workbook at open (an .xls holds at most 65,536
 * rows) and gives each cell typed: integers, doubles, texts, and dates
 * and times already converted by the workbook's date system. It says
 * nothing of hidden rows, hidden sheets, merged cells or number formats,
 * so those findings are .xlsx only. */
#include <freexl.h>
#include <stdlib.h>
#include <string.h>

#include "read/sheetin_int.h"

struct xls {
    const void *h;
    unsigned int rows, next;
    unsigned short cols;
};

static int open_book(const void **h, const char *file, unsigned int *n,
                     struct sb_error *err)
{
    int rc = freexl_open(file, h);

    if (rc == FREEXL_OK)
        rc = freexl_get_info(*h, FREEXL_BIFF_SHEET_COUNT, n);
    if (rc != FREEXL_OK) {
        if (*h != NULL)
            freexl_close(*h);
        *h = NULL;
        return sb_error_set(err,
                            rc == FREEXL_FILE_NOT_FOUND ? SB_EIO : SB_EFORMAT,
                            NULL, "cannot open %s as an .xls workbook "
                                  "(libfreexl error %d)", file, rc);
    }
    return SB_OK;
}

int xls_sheets(const char *file, struct sb_book_sheet **out, int *n,
               struct sb_error *err)
{
    const void *h = NULL;
    unsigned int count = 0;
    int rc = open_book(&h, file, &count, err);

    *out = NULL;
    *n = 0;
    if (rc != SB_OK)
        return rc;
    *out = sb_xcalloc((size_t)count + 1, sizeof **out);
    for (unsigned int i = 0; i < count; i++) {
        const char *name = NULL;

        freexl_get_worksheet_name(h, (unsigned short)i, &name);
        (*out)[i].name = sb_xstrdup(name != NULL ? name : "");
    }
    *n = (int)count;
    freexl_close(h);
    return SB_OK;
}

int xls_open(struct sb_sheetin *s, const char *file, const char *sheet,
             const char **resolved, struct sb_error *err)
{
    struct xls *b = sb_xcalloc(1, sizeof *b);
    unsigned int count = 0;
    int idx = -1, rc;
    const char *name = NULL;

    s->b = b;
    rc = open_book(&b->h, file, &count, err);
    if (rc != SB_OK)
        return rc;
    for (unsigned int i = 0; i < count && idx < 0; i++) {
        const char *nm = NULL;

        freexl_get_worksheet_name(b->h, (unsigned short)i, &nm);
        if (sheet == NULL || (nm != NULL && strcmp(nm, sheet) == 0)) {
            idx = (int)i;
            name = nm != NULL ? nm : "";
        }
    }
    if (idx < 0)
        return sb_error_set(err, SB_EFORMAT, NULL, "%s: no sheet named \"%s\"",
                            file, sheet != NULL ? sheet : "");
    if (freexl_select_active_worksheet(b->h, (unsigned short)idx) != FREEXL_OK ||
        freexl_worksheet_dimensions(b->h, &b->rows, &b->cols) != FREEXL_OK)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "%s: cannot read sheet \"%s\"", file, name);
    *resolved = name;
    s->path = sb_xasprintf("%s#%s", file, name);
    return SB_OK;
}

int xls_next(struct sb_sheetin *s, struct sb_error *err)
{
    struct xls *b = s->b;

    (void)err;
    while (!s->ready && b->next < b->rows) {
        unsigned int r = b->next++;

        sheet_row_begin(s, (long)r + 1, 0);
        for (unsigned short c = 0; c < b->cols; c++) {
            FreeXL_CellValue v;
            const char *t;

            if (freexl_get_cell_value(b->h, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT:
                sheet_number(s, c, v.value.int_value, FMT_PLAIN);
                break;
            case FREEXL_CELL_DOUBLE:
                sheet_number(s, c, v.value.double_value, FMT_PLAIN);
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
                t = v.value.text_value != NULL ? v.value.text_value : "";
                sheet_cell(s, c, t, strlen(t), SB_FIELD_TEXT);
                break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                t = v.value.text_value != NULL ? v.value.text_value : "";
                sheet_cell(s, c, t, strlen(t), SB_FIELD_DATE);
                break;
            default:
                break;
            }
        }
        sheet_row_end(s);
    }
    if (!s->ready)
        s->done = 1;
    s->share = b->rows > 0 ? (double)b->next / b->rows : 1;
    return SB_OK;
}

void xls_close(struct xls *b)
{
    if (b == NULL)
        return;
    if (b->h != NULL)
        freexl_close(b->h);
    free(b);
}
