/* mask.c: mask names, phone numbers and e-mail addresses (see mask.h). */
#include "form/mask.h"

#include <string.h>

#include "cells/cell.h"
#include "base/utf8.h"

/* Digits of a phone number: ASCII and full-width. Returns the digit's
 * value, or -1. */
static int digit_value(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return cp - 0xFF10;
    return -1;
}

static int is_name_separator(int32_t cp)
{
    return cp == 0x00B7 || cp == 0x2022 || cp == 0x30FB || cp == '.' ||
           cp == ' ' || cp == 0x3000;
}

static void mask_name(const char *s, size_t len, struct sb_buf *out)
{
    size_t n = 0, i = 0;
    int32_t cp;

    /* Count characters as sb_utf8_decode steps, invalid bytes too. */
    for (size_t p = 0; p < len; n++)
        p += (size_t)sb_utf8_decode(s + p, len - p, &cp);
    if (n == 1) {
        sb_buf_putc(out, '*');
        return;
    }
    for (size_t p = 0; p < len; i++) {
        int k = sb_utf8_decode(s + p, len - p, &cp);

        if (i == 0 || (i == n - 1 && n > 2) || is_name_separator(cp))
            sb_buf_put(out, s + p, (size_t)k);
        else
            sb_buf_putc(out, '*');
        p += (size_t)k;
    }
}

/* The digits of a phone number, and whether other characters come
 * before each (after an earlier digit). Digits past MAX_DIGITS are
 * counted but not kept. */
#define MAX_DIGITS 64

struct digits {
    int n;
    signed char v[MAX_DIGITS];
    unsigned char gap[MAX_DIGITS];
};

static void scan_digits(const char *s, size_t len, struct digits *dg)
{
    int gap = 0;

    dg->n = 0;
    for (size_t p = 0; p < len;) {
        int32_t cp;
        int v;

        p += (size_t)sb_utf8_decode(s + p, len - p, &cp);
        v = digit_value(cp);
        if (v < 0) {
            gap = dg->n > 0;
            continue;
        }
        if (dg->n < MAX_DIGITS) {
            dg->v[dg->n] = (signed char)v;
            dg->gap[dg->n] = (unsigned char)gap;
        }
        dg->n++;
        gap = 0;
    }
}

/* Digits [*from, *to) of s are masked (indices over all its digits). */
static void plan_phone(const char *s, size_t len, const struct digits *dg,
                       int *from, int *to)
{
    int c = 0, n = dg->n < MAX_DIGITS ? dg->n : MAX_DIGITS, head, end;

    if ((len >= 3 && memcmp(s, "+86", 3) == 0) ||
        (len >= 5 && memcmp(s, "＋86", 5) == 0))
        c = 2;
    else if (len >= 4 && memcmp(s, "0086", 4) == 0)
        c = 4;
    if (n - c >= 2 && dg->v[c] == 0) {
        /* A landline: area code 010 or 02X, else 4 digits; the local
         * number ends at a break after 7 digits, or after 8. */
        head = c + (dg->v[c + 1] == 1 || dg->v[c + 1] == 2 ? 3 : 4);
        end = n;
        for (int j = head + 7; j < n; j++) {
            if (dg->gap[j] || j - head >= 8) {
                end = j;
                break;
            }
        }
        *from = head;
        *to = end - head > 4 ? end - 4 : end;
        return;
    }
    if (n - c <= 4) {
        *from = c;
        *to = n;
        return;
    }
    *from = n - c >= 10 ? c + 3 : c;
    *to = n - 4;
}

static void mask_phone(const char *s, size_t len, struct sb_buf *out)
{
    struct digits dg;
    int from, to, i = 0;

    scan_digits(s, len, &dg);
    plan_phone(s, len, &dg, &from, &to);
    for (size_t p = 0; p < len;) {
        int32_t cp;
        int k = sb_utf8_decode(s + p, len - p, &cp);

        int masked = 0;

        if (digit_value(cp) >= 0) {
            masked = i >= from && i < to;
            i++;
        }
        if (masked)
            sb_buf_putc(out, '*');
        else
            sb_buf_put(out, s + p, (size_t)k);
        p += (size_t)k;
    }
}

static void mask_email(const char *s, size_t len, struct sb_buf *out)
{
    const char *at = memchr(s, '@', len);
    int32_t cp;
    int k = sb_utf8_decode(s, len, &cp);

    if (at != s)
        sb_buf_put(out, s, (size_t)k);
    sb_buf_puts(out, "***");
    if (at != NULL)
        sb_buf_put(out, at, len - (size_t)(at - s));
}

void sb_mask_apply(enum sb_mask kind, const char *s, size_t len,
                   struct sb_buf *out)
{
    const char *t;
    size_t n = sb_trim(s, len, &t);

    sb_buf_clear(out);
    sb_buf_put(out, "", 0);
    if (n == 0 || kind == SB_MASK_NONE || sb_cell_is_none(t, n)) {
        sb_buf_put(out, t, n);
        return;
    }
    switch (kind) {
    case SB_MASK_NAME:
        mask_name(t, n, out);
        break;
    case SB_MASK_PHONE:
        mask_phone(t, n, out);
        break;
    case SB_MASK_EMAIL:
        mask_email(t, n, out);
        break;
    case SB_MASK_NONE:
        break;
    }
}
