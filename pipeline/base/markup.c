/* markup.c: escaping text for HTML and XML (see markup.h). */
#include "base/markup.h"

void sb_buf_put_markup(struct sb_buf *b, const char *s)
{
    if (s == NULL)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&':
            sb_buf_puts(b, "&amp;");
            break;
        case '<':
            sb_buf_puts(b, "&lt;");
            break;
        case '>':
            sb_buf_puts(b, "&gt;");
            break;
        case '"':
            sb_buf_puts(b, "&quot;");
            break;
        case '\'':
            sb_buf_puts(b, "&#39;");
            break;
        default:
            if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
                sb_buf_putc(b, *p);
        }
    }
}
