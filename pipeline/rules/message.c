/* message.c: message templates (see message.h). */
#include "rules/message.h"

#include <string.h>

void sb_message_fill(const char *tmpl, const char *const *keys,
                     const char *const *values, int n, struct sb_buf *out)
{
    sb_buf_clear(out);
    for (const char *p = tmpl; *p != '\0';) {
        int done = 0;

        if (*p == '{') {
            for (int i = 0; i < n && !done; i++) {
                size_t k = strlen(keys[i]);

                if (strncmp(p + 1, keys[i], k) == 0 && p[k + 1] == '}') {
                    sb_buf_puts(out, values[i]);
                    p += k + 2;
                    done = 1;
                }
            }
        }
        if (!done)
            sb_buf_putc(out, *p++);
    }
}
