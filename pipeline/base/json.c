/* json.c: JSON string writing (see json.h). */
#include "base/json.h"

#include <string.h>

void sb_json_str(FILE *out, const char *s, size_t len)
{
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        switch (c) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

void sb_json_cstr(FILE *out, const char *s)
{
    sb_json_str(out, s, s != NULL ? strlen(s) : 0);
}
