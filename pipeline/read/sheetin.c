/* sheetin.c: a workbook sheet read as records (see sheetin.h): the
 * backend chosen by the file's extension, rows handed out one at a
 * time. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read/sheetin_int.h"

int sb_book_sheets(const char *file, struct sb_book_sheet **out, int *n,
                   struct sb_error *err)
{
    if (sb_book_kind(file, NULL, NULL) == SB_BOOK_XLS)
        return xls_sheets(file, out, n, err);
    return xlsx_sheets(file, out, n, err);
}

int sb_sheetin_open(struct sb_sheetin **out, const char *path,
                    const char *annex, struct sb_findings *findings,
                    struct sb_error *err)
{
    struct sb_sheetin *s = sb_xcalloc(1, sizeof *s);
    size_t file_len;
    const char *sheet, *resolved = NULL;
    enum sb_book_kind kind = sb_book_kind(path, &file_len, &sheet);
    char *file = sb_xstrndup(path, file_len);
    struct stat st;
    int rc;

    *out = NULL;
    s->annex = annex != NULL ? sb_xstrdup(annex) : NULL;
    s->findings = findings;
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
        struct sb_pos pos = {.path = path};

        rc = sb_error_set(err, SB_EIO, &pos, "cannot open %s", file);
    } else {
        s->size = (long long)st.st_size;
        rc = kind == SB_BOOK_XLS ? xls_open(s, file, sheet, &resolved, err)
                                 : xlsx_open(s, file, sheet, &resolved, err);
    }
    free(file);
    if (rc != SB_OK) {
        sb_sheetin_close(s);
        return rc;
    }
    *out = s;
    return SB_OK;
}

void sb_sheetin_ragged(struct sb_sheetin *s)
{
    s->ragged = 1;
}

const char *sb_sheetin_path(const struct sb_sheetin *s)
{
    return s->path;
}

int sb_sheetin_next(struct sb_sheetin *s, struct sb_record **rec,
                    struct sb_error *err)
{
    int rc = SB_OK;

    *rec = NULL;
    s->ready = 0;
    if (!s->done)
        rc = s->b != NULL ? xls_next(s, err) : xlsx_next(s, err);
    if (rc == SB_OK && s->ready)
        *rec = &s->rec;
    return rc;
}

long long sb_sheetin_size(const struct sb_sheetin *s)
{
    return s->size;
}

long long sb_sheetin_bytes_read(const struct sb_sheetin *s)
{
    return s->done ? s->size : (long long)(s->share * (double)s->size);
}

void sb_sheetin_close(struct sb_sheetin *s)
{
    if (s == NULL)
        return;
    xlsx_close(s->x);
    xls_close(s->b);
    sheet_row_free(s);
    free(s->path);
    free(s->annex);
    free(s);
}
