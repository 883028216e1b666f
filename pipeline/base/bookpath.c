/* bookpath.c: sheet paths and Excel cell names (see bookpath.h). */
#include "base/bookpath.h"

#include <string.h>
#include <strings.h>

static int ends_with(const char *s, size_t len, const char *ext)
{
    size_t n = strlen(ext);

    return len > n && strncasecmp(s + len - n, ext, n) == 0;
}

static enum sb_book_kind kind_of(const char *s, size_t len)
{
    if (ends_with(s, len, ".xlsx"))
        return SB_BOOK_XLSX;
    if (ends_with(s, len, ".xls"))
        return SB_BOOK_XLS;
    return SB_BOOK_NONE;
}

enum sb_book_kind sb_book_kind(const char *path, size_t *file_len,
                               const char **sheet)
{
    size_t len = strlen(path);
    const char *hash = strrchr(path, '#');
    enum sb_book_kind k = SB_BOOK_NONE;

    if (sheet != NULL)
        *sheet = NULL;
    if (hash != NULL && strchr(hash, '/') == NULL)
        k = kind_of(path, (size_t)(hash - path));
    if (k != SB_BOOK_NONE) {
        len = (size_t)(hash - path);
        if (sheet != NULL)
            *sheet = hash + 1;
    } else {
        k = kind_of(path, len);
    }
    if (file_len != NULL)
        *file_len = len;
    return k;
}

int sb_book_cell_name(struct sb_buf *b, const char *path, long row, int col)
{
    const char *sheet;
    char letters[8];
    int n = 0, quote = 0;

    if (path == NULL || sb_book_kind(path, NULL, &sheet) == SB_BOOK_NONE ||
        sheet == NULL ||
        row <= 0 || col <= 0)
        return 0;
    for (const unsigned char *s = (const unsigned char *)sheet; *s; s++)
        quote |= *s < 0x80 && !(*s >= '0' && *s <= '9') &&
                 !(*s >= 'A' && *s <= 'Z') && !(*s >= 'a' && *s <= 'z') &&
                 *s != '_' && *s != '.';
    if (quote) {
        sb_buf_putc(b, '\'');
        for (const char *s = sheet; *s; s++) {
            if (*s == '\'')
                sb_buf_putc(b, '\''); /* Excel doubles a quote in a name */
            sb_buf_putc(b, *s);
        }
        sb_buf_putc(b, '\'');
    } else {
        sb_buf_puts(b, sheet);
    }
    for (int c = col; c > 0 && n < (int)sizeof letters; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    sb_buf_putc(b, '!');
    while (n > 0)
        sb_buf_putc(b, letters[--n]);
    sb_buf_printf(b, "%ld", row);
    return 1;
}
