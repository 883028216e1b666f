/* utf8.c: placeholder until the UTF-8 helpers land. */
#include "utf8.h"

int sb_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;

    (void)len;
    *cp = u[0];
    return 1;
}
