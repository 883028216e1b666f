/* numfmt.c: grouped, compact (万/亿, k/M/B), percentage, share and money
 * formats. See numfmt.h for the rules and research/charts.md §4. */
#include "base/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sb.h"

/* Values at or above this print in %g form, ungrouped: they have no
 * meaning in a declaration and would not fit the digit buffer. */
#define HUGE_VALUE 1e21

/* |v| rounded to dec places, as decimal digits. */
struct decimal {
    int neg;
    char digits[48]; /* integer digits then dec fraction digits */
    int n_int;       /* integer digits, >= 1 */
    int n_frac;      /* fraction digits, = dec */
};

/* Copy s into buf, cutting at a UTF-8 character boundary. */
static char *put_out(char *buf, size_t size, const char *s)
{
    size_t n = strlen(s);

    if (size == 0)
        return buf;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* Round |v| (finite, < HUGE_VALUE) half away from zero to dec places,
 * reading v as its 15-significant-digit decimal form. */
static void to_decimal(double v, int dec, struct decimal *d)
{
    char s[40], m[16], r[48];
    int point, keep, n = 0, len, start;

    snprintf(s, sizeof s, "%.14e", fabs(v));
    m[0] = s[0];
    memcpy(m + 1, s + 2, 14);
    m[15] = '\0';
    /* value = 0.m[0]m[1]... x 10^point */
    point = atoi(s + 17) + 1;
    keep = point + dec;
    if (keep < 0) {
        r[n++] = '0';
    } else if (keep >= 15) {
        memcpy(r, m, 15);
        n = 15;
        while (n < keep)
            r[n++] = '0';
    } else {
        int carry = keep < 15 && m[keep] >= '5';

        r[0] = '0';
        memcpy(r + 1, m, (size_t)keep);
        n = keep + 1;
        for (int i = n - 1; carry && i >= 0; i--) {
            if (r[i] == '9') {
                r[i] = '0';
            } else {
                r[i]++;
                carry = 0;
            }
        }
    }
    r[n] = '\0';
    start = 0;
    while (start < n - 1 && r[start] == '0')
        start++;
    len = n - start;
    /* Left-pad so there is at least one integer digit. */
    d->n_frac = dec;
    d->n_int = len > dec ? len - dec : 1;
    memset(d->digits, '0', (size_t)(d->n_int + dec - len));
    memcpy(d->digits + (d->n_int + dec - len), r + start, (size_t)len);
    d->digits[d->n_int + dec] = '\0';
    d->neg = v < 0 && strspn(d->digits, "0") != strlen(d->digits);
}

/* Write d as "-1,234.50" into out (>= 64 bytes); strip drops trailing
 * fraction zeros. */
static void write_decimal(const struct decimal *d, int strip, char *out)
{
    char *p = out;
    int n_frac = d->n_frac;

    if (d->neg)
        *p++ = '-';
    for (int i = 0; i < d->n_int; i++) {
        if (i > 0 && (d->n_int - i) % 3 == 0)
            *p++ = ',';
        *p++ = d->digits[i];
    }
    if (strip)
        while (n_frac > 0 && d->digits[d->n_int + n_frac - 1] == '0')
            n_frac--;
    if (n_frac > 0) {
        *p++ = '.';
        memcpy(p, d->digits + d->n_int, (size_t)n_frac);
        p += n_frac;
    }
    *p = '\0';
}

/* NaN, Inf and huge values; returns 1 when v was one of them. */
static int special(double v, char *out)
{
    if (isnan(v)) {
        strcpy(out, "NaN");
        return 1;
    }
    if (isinf(v)) {
        strcpy(out, v < 0 ? "-Inf" : "Inf");
        return 1;
    }
    if (fabs(v) >= HUGE_VALUE) {
        snprintf(out, 64, "%.15g", v);
        return 1;
    }
    return 0;
}

static int clamp_dec(int dec, int max)
{
    return dec < 0 ? 0 : dec > max ? max : dec;
}

char *sb_numfmt_group(double v, int decimals, char *buf, size_t size)
{
    char out[80];
    struct decimal d;

    if (!special(v, out)) {
        to_decimal(v, clamp_dec(decimals, 9), &d);
        write_decimal(&d, 0, out);
    }
    return put_out(buf, size, out);
}

/* The compact units of each language, smallest first after the plain
 * number: Chinese counts in myriads (万 10^4, 亿 10^8), English in
 * thousands (k, M, B). digits: integer digits a value has in one unit
 * when it reaches the next. */
static const struct sb_numfmt_unit units_zh[] = {
    {1e4, "万", "万"},
    {1e8, "亿", "亿"},
};
static const struct sb_numfmt_unit units_en[] = {
    {1e3, "k", "thousand"},
    {1e6, "M", "million"},
    {1e9, "B", "billion"},
};

const struct sb_numfmt_unit *sb_numfmt_units(enum sb_lang lang, int *n)
{
    if (lang == SB_LANG_EN) {
        *n = (int)(sizeof units_en / sizeof *units_en);
        return units_en;
    }
    *n = (int)(sizeof units_zh / sizeof *units_zh);
    return units_zh;
}

char *sb_numfmt_compact_lang(double v, int max_decimals, enum sb_lang lang,
                             char *buf, size_t size)
{
    int n_units, u = -1;
    const struct sb_numfmt_unit *units = sb_numfmt_units(lang, &n_units);
    char out[80];
    struct decimal d;

    if (special(v, out))
        return put_out(buf, size, out);
    while (u + 1 < n_units && fabs(v) >= units[u + 1].divisor)
        u++;
    /* The unit is chosen after rounding: a value that rounds up to the
     * next unit's size (9999.5 → 1万, 999,995 → 1M) takes it. */
    for (;;) {
        double div = u < 0 ? 1 : units[u].divisor;
        int dec = u < 0 ? clamp_dec(max_decimals, 9) : 2;

        to_decimal(v / div, dec, &d);
        if (u + 1 < n_units &&
            d.n_int > (int)lround(log10(units[u + 1].divisor / div))) {
            u++;
            continue;
        }
        break;
    }
    write_decimal(&d, 1, out);
    if (u >= 0)
        strcat(out, units[u].suffix);
    return put_out(buf, size, out);
}

char *sb_numfmt_compact(double v, int max_decimals, char *buf, size_t size)
{
    return sb_numfmt_compact_lang(v, max_decimals, SB_LANG_ZH, buf, size);
}

char *sb_numfmt_exact(double v, char *buf, size_t size)
{
    char out[40];

    if (isnan(v) || isinf(v)) {
        special(v, out);
        return put_out(buf, size, out);
    }
    if (v == 0)
        return put_out(buf, size, "0");
    for (int p = 15; p <= 17; p++) {
        snprintf(out, sizeof out, "%.*g", p, v);
        if (strtod(out, NULL) == v)
            break;
    }
    return put_out(buf, size, out);
}

void sb_numfmt_axis_init_lang(struct sb_numfmt_axis *ax,
                              const double *ticks, int n, enum sb_lang lang)
{
    int n_units;
    const struct sb_numfmt_unit *units = sb_numfmt_units(lang, &n_units);
    double maxabs = 0;

    for (int i = 0; i < n; i++)
        if (fabs(ticks[i]) > maxabs)
            maxabs = fabs(ticks[i]);
    ax->lang = lang;
    ax->divisor = 1;
    ax->prefix = "";
    /* A unit from its own size, the first from 10^4 at least: ticks
     * 0 … 5,000 stay in full rather than 0 … 5 thousand. */
    for (int u = 0; u < n_units; u++) {
        if (maxabs >= fmax(units[u].divisor, 1e4)) {
            ax->divisor = units[u].divisor;
            ax->prefix = units[u].word;
        }
    }
    for (ax->decimals = 0; ax->decimals < 6; ax->decimals++) {
        double scale = pow(10, ax->decimals);
        int exact = 1;

        for (int i = 0; i < n && exact; i++) {
            double x = ticks[i] / ax->divisor * scale;

            exact = fabs(x - round(x)) <= 1e-6 * fmax(1, fabs(x));
        }
        if (exact)
            break;
    }
}

void sb_numfmt_axis_init(struct sb_numfmt_axis *ax, const double *ticks,
                         int n)
{
    sb_numfmt_axis_init_lang(ax, ticks, n, SB_LANG_ZH);
}

char *sb_numfmt_axis_label(const struct sb_numfmt_axis *ax, double v,
                           char *buf, size_t size)
{
    /* A zero tick reads "0" whatever the decimals: "0, 0.25, 0.5". */
    if (v == 0)
        return put_out(buf, size, "0");
    return sb_numfmt_group(v / ax->divisor, ax->decimals, buf, size);
}

char *sb_numfmt_axis_unit(const struct sb_numfmt_axis *ax, const char *unit,
                          char *buf, size_t size)
{
    char out[256];
    const char *u = unit != NULL ? unit : "";

    if (ax->lang != SB_LANG_EN || ax->prefix[0] == '\0')
        snprintf(out, sizeof out, "%s%s", ax->prefix, u);
    else if (u[0] == '\0')
        snprintf(out, sizeof out, "%ss", ax->prefix); /* "thousands" */
    else
        snprintf(out, sizeof out, "%s %s", ax->prefix, u);
    return put_out(buf, size, out);
}

char *sb_numfmt_percent(double pct, char *buf, size_t size)
{
    char out[80];

    sb_numfmt_group(pct, 1, out, sizeof out);
    strcat(out, "%");
    return put_out(buf, size, out);
}

int sb_numfmt_shares(const double *v, int n, int *permille)
{
    double total = 0;
    double *rem;
    int *share, sum = 0;

    if (n < 1)
        return -1;
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i]) || v[i] < 0)
            return -1;
        total += v[i];
    }
    if (!(total > 0) || !isfinite(total))
        return -1;
    rem = sb_xmalloc((size_t)n * sizeof *rem);
    share = sb_xmalloc((size_t)n * sizeof *share);
    for (int i = 0; i < n; i++) {
        double exact = v[i] / total * 1000;

        share[i] = (int)floor(exact);
        rem[i] = exact - share[i];
        sum += share[i];
    }
    /* Hand out the missing tenths one by one to the largest remainder;
     * n is small (a chart's slices), so a linear scan is fine. */
    while (sum < 1000) {
        int best = -1;

        for (int i = 0; i < n; i++) {
            if (rem[i] < 0)
                continue;
            if (best < 0 || rem[i] > rem[best] ||
                (rem[i] == rem[best] && v[i] > v[best]))
                best = i;
        }
        if (best < 0)
            break;
        share[best]++;
        rem[best] = -1;
        sum++;
    }
    memcpy(permille, share, (size_t)n * sizeof *share);
    free(rem);
    free(share);
    return 0;
}

char *sb_numfmt_permille(int permille, char *buf, size_t size)
{
    char out[80];

    snprintf(out, sizeof out, "%s%d.%d%%", permille < 0 ? "-" : "",
             abs(permille / 10), abs(permille % 10));
    return put_out(buf, size, out);
}

char *sb_numfmt_wanyuan(int64_t fen, int with_unit, char *buf, size_t size)
{
    /* 0.01 万元 = 100 元 = 10000 fen. */
    int64_t q = fen / 10000, r = fen % 10000;
    uint64_t mag;
    struct decimal d;
    char out[80];

    if (r >= 5000)
        q++;
    else if (r <= -5000)
        q--;
    mag = q < 0 ? (uint64_t)(-(q + 1)) + 1 : (uint64_t)q;
    snprintf(d.digits, sizeof d.digits, "%03llu", (unsigned long long)mag);
    d.n_frac = 2;
    d.n_int = (int)strlen(d.digits) - 2;
    d.neg = q < 0;
    write_decimal(&d, 0, out);
    if (with_unit)
        strcat(out, "万元");
    return put_out(buf, size, out);
}
