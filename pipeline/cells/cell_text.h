/* cell_text.h: helpers shared by cell.c and cell_id.c (private to the
 * cell module; nothing else includes this). */
#ifndef SB_PIPELINE_CELL_TEXT_H
#define SB_PIPELINE_CELL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "base/utf8.h"

/* The reason every parser gives for an empty (or all-space) cell. */
#define SB_CELL_R_EMPTY "值为空"

/* Set *why (when not NULL) to reason; returns 0 for "not valid". */
static inline int cell_fail(const char **why, const char *reason)
{
    if (why != NULL)
        *why = reason;
    return 0;
}

/* The code point at s[*i] (advancing *i), with full-width ASCII forms
 * (U+FF01..U+FF5E: ０-９ ， ． ％ － ＋ ／ ...) folded to ASCII and the
 * minus sign U+2212 to '-'; -1 for a byte that is not valid UTF-8. */
static inline int32_t cell_next_cp(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    int32_t cp;

    if (c < 0x80) {
        (*i)++;
        return c;
    }
    *i += (size_t)sb_utf8_decode(s + *i, len - *i, &cp);
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;
    if (cp == 0x2212)
        return '-';
    return cp;
}

#endif
