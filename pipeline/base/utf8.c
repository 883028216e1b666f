/* utf8.c: UTF-8 decoding, matching keys, trimming and word counts. */
#include "base/utf8.h"

int sb_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int32_t c;
    int n;

    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        n = 2;
        c = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        n = 3;
        c = u[0] & 0x0F;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        n = 4;
        c = u[0] & 0x07;
    } else {
        *cp = -1;
        return 1;
    }
    if (len < (size_t)n) {
        *cp = -1;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF. */
    if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = c;
    return n;
}

void sb_utf8_put(struct sb_buf *b, int32_t cp)
{
    char t[4];

    if (cp < 0x80) {
        t[0] = (char)cp;
        sb_buf_put(b, t, 1);
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        sb_buf_put(b, t, 2);
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        sb_buf_put(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        sb_buf_put(b, t, 4);
    }
}

size_t sb_utf8_escape(const char *s, size_t len, struct sb_buf *out)
{
    size_t bad = 0;

    while (len > 0) {
        size_t k = sb_utf8_valid_prefix(s, len);

        sb_buf_put(out, s, k);
        if (k == len)
            break;
        sb_buf_printf(out, "\\x%02X", (unsigned char)s[k]);
        bad++;
        s += k + 1;
        len -= k + 1;
    }
    return bad;
}

size_t sb_utf8_valid_prefix(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        int32_t cp;
        int n;

        /* ASCII runs, eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;

            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        /* Three-byte characters whose second byte has no further limit
         * (E1..EC, EE, EF: all of CJK), checked without decoding. */
        while (i + 3 <= len) {
            unsigned char c = (unsigned char)s[i];

            if (!((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) || c > 0xEF ||
                ((unsigned char)s[i + 1] & 0xC0) != 0x80 ||
                ((unsigned char)s[i + 2] & 0xC0) != 0x80)
                break;
            i += 3;
        }
        if (i >= len)
            break;
        if ((unsigned char)s[i] < 0x80)
            continue;
        n = sb_utf8_decode(s + i, len - i, &cp);
        if (cp < 0)
            return i;
        i += (size_t)n;
    }
    return len;
}

size_t sb_utf8_count(const char *s, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

size_t sb_utf16_units(const char *s, size_t len, size_t max, size_t *end)
{
    size_t units = 0, p = 0;

    while (p < len) {
        int32_t cp;
        int n = sb_utf8_decode(s + p, len - p, &cp);
        size_t u = cp > 0xFFFF ? 2 : 1;

        if (units + u > max)
            break;
        units += u;
        p += (size_t)(n > 0 ? n : 1);
    }
    *end = p;
    return p < len ? max + 1 : units;
}

static int is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\v' || cp == '\f' || cp == 0x3000 || cp == 0xA0 ||
           cp == 0x200B || cp == 0xFEFF;
}

void sb_norm_key(const char *s, size_t len, struct sb_buf *out)
{
    sb_buf_clear(out);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = sb_utf8_decode(s + i, len - i, &cp);

        if (cp < 0) {
            sb_buf_put(out, s + i, 1);
            i++;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        if (is_space(cp)) {
            i += (size_t)n;
            continue;
        }
        if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        sb_utf8_put(out, cp);
        i += (size_t)n;
    }
    if (out->data == NULL)
        sb_buf_put(out, "", 0);
}

/* Can byte c begin a space character (ASCII space or control, U+00A0
 * C2 A0, U+200B E2 80 8B, U+3000 E3 80 80, U+FEFF EF BB BF)? */
static int may_begin_space(unsigned char c)
{
    return c <= 0x20 || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

/* Can byte c end a space character (the last bytes of those above)? */
static int may_end_space(unsigned char c)
{
    return c <= 0x20 || c == 0xA0 || c == 0x8B || c == 0x80 || c == 0xBF;
}

size_t sb_trim(const char *s, size_t len, const char **start)
{
    size_t a = 0, b = len;

    /* Most cells start and end with a character that cannot be part of
     * a space: nothing to decode. */
    if (len > 0 && !may_begin_space((unsigned char)s[0]) &&
        !may_end_space((unsigned char)s[len - 1])) {
        *start = s;
        return len;
    }

    while (a < b) {
        int32_t cp;
        int n = sb_utf8_decode(s + a, b - a, &cp);

        if (cp < 0 || !is_space(cp))
            break;
        a += (size_t)n;
    }
    while (b > a) {
        size_t k = b - 1;
        int32_t cp;

        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        sb_utf8_decode(s + k, b - k, &cp);
        if (cp < 0 || !is_space(cp))
            break;
        b = k;
    }
    *start = s + a;
    return b - a;
}

/* CJK ideographs, kana, hangul and their punctuation count one each. */
static int is_cjk_unit(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) ||  /* radicals .. URO */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||  /* hangul */
           (cp >= 0xF900 && cp <= 0xFAFF) ||  /* compatibility */
           (cp >= 0xFE30 && cp <= 0xFE4F) ||  /* CJK compat forms */
           (cp >= 0xFF01 && cp <= 0xFF65) ||  /* full-width forms */
           (cp >= 0x20000 && cp <= 0x3FFFF) || /* extensions B.. */
           cp == 0x2014 || cp == 0x2026 ||    /* —— …… */
           (cp >= 0x2018 && cp <= 0x201F) ||  /* “ ” ‘ ’ */
           cp == 0x00B7;                      /* · */
}

static int is_word_char(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x2000 &&
                                        cp != 0xD7 && cp != 0xF7);
}

long sb_word_count(const char *s, size_t len)
{
    long n = 0;
    int in_word = 0;

    for (size_t i = 0; i < len;) {
        int32_t cp, next = -1;
        int k = sb_utf8_decode(s + i, len - i, &cp);

        if (i + (size_t)k < len)
            sb_utf8_decode(s + i + k, len - i - (size_t)k, &next);
        if (is_word_char(cp)) {
            if (!in_word)
                n++;
            in_word = 1;
        } else if (in_word && (cp == '.' || cp == ',' || cp == '-' ||
                               cp == '\'') &&
                   next >= 0 && is_word_char(next)) {
            /* 12.6, 3,412, e-mail, don't: one word */
        } else {
            in_word = 0;
            if (is_cjk_unit(cp))
                n++;
        }
        i += (size_t)k;
    }
    return n;
}
