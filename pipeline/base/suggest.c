/* suggest.c: edit distance and "did you mean" (see suggest.h). */
#include "base/suggest.h"

#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

enum { MAX_CP = 64 };

/* Decode s into at most MAX_CP code points; returns how many. An invalid
 * byte counts as one code point of its own. */
static int decode(const char *s, int32_t *cp)
{
    size_t len = strlen(s);
    int n = 0;

    while (len > 0 && n < MAX_CP) {
        int k = sb_utf8_decode(s, len, &cp[n]);

        if (cp[n] < 0)
            cp[n] = (unsigned char)*s;
        n++;
        s += k;
        len -= (size_t)k;
    }
    return n;
}

int sb_edit_distance(const char *a, const char *b)
{
    int32_t x[MAX_CP], y[MAX_CP];
    int d[MAX_CP + 1][MAX_CP + 1];
    int nx = decode(a, x), ny = decode(b, y);

    for (int i = 0; i <= nx; i++)
        d[i][0] = i;
    for (int j = 0; j <= ny; j++)
        d[0][j] = j;
    for (int i = 1; i <= nx; i++)
        for (int j = 1; j <= ny; j++) {
            int best = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]);

            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
                x[i - 2] == y[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[nx][ny];
}

const char *sb_suggest(const char *word, const char *const *known, size_t n)
{
    int32_t cp[MAX_CP];
    int len = decode(word, cp), limit = len / 3, best = -1;
    const char *pick = NULL;

    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    for (size_t i = 0; i < n; i++) {
        int d;

        if (known[i] == NULL || word[0] == '\0')
            continue;
        d = strncmp(known[i], word, strlen(word)) == 0
                ? 0
                : sb_edit_distance(word, known[i]);
        if (d <= limit && (best < 0 || d < best)) {
            best = d;
            pick = known[i];
        }
    }
    return pick;
}

void sb_suggest_list(struct sb_buf *out, const char *word,
                     const char *const *known, size_t n)
{
    const char *near = sb_suggest(word, known, n);
    const char *sep = "; one of: ";

    for (size_t i = 0; i < n; i++) {
        if (known[i] == NULL)
            continue;
        sb_buf_printf(out, "%s%s", sep, known[i]);
        sep = ", ";
    }
    if (near != NULL)
        sb_buf_printf(out, "; did you mean \"%s\"?", near);
}
