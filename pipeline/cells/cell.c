/* cell.c: typed cell values: numbers (thousands separators, full-width
 * forms, 万/亿), percentages, dates, booleans, "none" words, and cells
 * that Excel turned into scientific notation. The identifier checks of
 * cell.h (USCC, phone numbers, e-mail) are in cell_id.c.
 *
 * Every function here runs on each cell of multi-million-row files: no
 * allocation, no locale, no sscanf/strtod; ASCII takes a fast path and
 * everything else goes through sb_utf8_decode once. */
#include "cells/cell.h"

#include <string.h>

#include "cells/cell_text.h"
#include "base/utf8.h"

#define R_EMPTY SB_CELL_R_EMPTY
#define R_NOT_NUMBER "不是数字"
#define R_SEP "千分位分隔符位置不对"
#define R_POINTS "含多个小数点"
#define R_SIGN "正负号位置不对"
#define R_WAN "不应带“万”“亿”单位"
#define R_WAN_END "“万”“亿”只能写在数字末尾"
#define R_CURRENCY "含货币符号或“元”，请只填数字"
#define R_SCI "科学计数法（如1.23E+17），原数字可能已丢失"
#define R_RANGE "数值超出范围"
#define R_NOT_INT "不是整数"
#define R_SCALE "小数位数超过9位"

/* 10^0 .. 10^17: a decimal's exponent is at most 8 (亿) + 9 (scale). */
static const uint64_t pow10_tab[18] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
};

/* Fold trimmed s into key[cap] for matching against short word lists:
 * full-width forms to ASCII, ASCII letters to lower case, other
 * characters as they are. Returns 0 if it does not fit (no word in a
 * list is that long). */
static int fold_small(const char *s, size_t len, char *key, size_t cap)
{
    size_t i = 0, n = 0;

    while (i < len) {
        size_t at = i;
        int32_t cp = cell_next_cp(s, len, &i);

        if (cp == 0)
            return 0; /* a NUL would cut the key short */
        if (cp > 0 && cp < 0x80) {
            if (n + 1 >= cap)
                return 0;
            key[n++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        } else {
            if (n + (i - at) >= cap)
                return 0;
            memcpy(key + n, s + at, i - at);
            n += i - at;
        }
    }
    key[n] = '\0';
    return 1;
}

/* A number as written: value = sig * 10^(shift - frac_sig), where the
 * fraction had frac_sig digits up to its last non-zero one and then
 * frac_zeros zeros that are kept apart (they only set the scale). */
struct number {
    uint64_t sig;
    int frac_sig;
    int frac_zeros;
    int shift; /* 4 after 万, 8 after 亿 */
    int neg;
    int overflow; /* the digits do not fit 64 bits (R_RANGE) */
};

/* sig = sig * 10^k + d. Returns 1, or 0 on overflow (sig unchanged). */
static int push_digits(uint64_t *sig, int k, int d)
{
    uint64_t v = *sig;

    for (int j = 0; j < k; j++) {
        if (__builtin_mul_overflow(v, 10, &v))
            return 0;
    }
    if (__builtin_add_overflow(v, (uint64_t)d, &v))
        return 0;
    *sig = v;
    return 1;
}

/* Scan a number: sign, integer part with optional thousands separators
 * (first group 1-3 digits, the others exactly 3), fraction, and a final
 * 万/亿 when allow_wan. Returns NULL, or the reason it is not one. */
static const char *scan_number(const char *s, size_t len, int allow_wan,
                               struct number *n)
{
    size_t i = 0;
    int digits = 0, group = 0, n_sep = 0, in_frac = 0, first = -1;

    memset(n, 0, sizeof *n);
    len = sb_trim(s, len, &s);
    if (len == 0)
        return R_EMPTY;
    while (i < len) {
        size_t at = i;
        int32_t cp = cell_next_cp(s, len, &i);

        if (cp >= '0' && cp <= '9') {
            int d = cp - '0';

            if (first < 0)
                first = d;
            digits++;
            if (!in_frac) {
                group++;
                if (!push_digits(&n->sig, 1, d))
                    n->overflow = 1;
            } else if (d == 0) {
                n->frac_zeros++;
            } else {
                if (!push_digits(&n->sig, n->frac_zeros + 1, d))
                    n->overflow = 1;
                n->frac_sig += n->frac_zeros + 1;
                n->frac_zeros = 0;
            }
        } else if (cp == ',') {
            /* "0,5" is a European decimal, not 5 */
            if (in_frac || group == 0 || first == 0 ||
                (n_sep > 0 ? group != 3 : group > 3))
                return R_SEP;
            n_sep++;
            group = 0;
        } else if (cp == '.') {
            if (in_frac)
                return R_POINTS;
            if (n_sep > 0 && group != 3)
                return R_SEP;
            in_frac = 1;
        } else if (cp == '+' || cp == '-') {
            if (at != 0)
                return digits > 0 ? R_NOT_NUMBER : R_SIGN;
            n->neg = cp == '-';
        } else if (cp == 0x4E07 || cp == 0x4EBF) { /* 万 亿 */
            if (!allow_wan)
                return R_WAN;
            if (i != len || digits == 0)
                return R_WAN_END;
            n->shift = cp == 0x4E07 ? 4 : 8;
        } else if ((cp == 'e' || cp == 'E') && digits > 0) {
            return R_SCI;
        } else if (cp == 0x5143 || cp == 0xA5 || cp == 0xFFE5 ||
                   cp == '$') { /* 元 ¥ ￥ $ */
            return R_CURRENCY;
        } else {
            return R_NOT_NUMBER;
        }
    }
    if (digits == 0)
        return R_NOT_NUMBER;
    if (!in_frac && n_sep > 0 && group != 3)
        return R_SEP;
    if (n->overflow)
        return R_RANGE;
    return NULL;
}

/* *out = (neg ? -mag : mag) if it fits int64_t. */
static int to_int64(uint64_t mag, int neg, int64_t *out)
{
    if (neg) {
        if (mag > (uint64_t)INT64_MAX + 1)
            return 0;
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX)
            return 0;
        *out = (int64_t)mag;
    }
    return 1;
}

/* Is s[0..len) 1 to 18 ASCII digits (no sign, space or separator)?
 * Then *v is its value, which no parser would read otherwise. */
static int plain_digits(const char *s, size_t len, int64_t *v)
{
    int64_t x = 0;

    if (len == 0 || len > 18)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int sb_cell_parse_int(const char *s, size_t len, int allow_wan, int64_t *out,
                      const char **why)
{
    struct number n;
    const char *r;
    int e;
    uint64_t mag;

    if (plain_digits(s, len, out))
        return 1;
    r = scan_number(s, len, allow_wan, &n);
    mag = n.sig;

    /* sig ends in the last non-zero fraction digit, so the value is
     * whole only if 万/亿 shifts all fraction digits in; a fraction too
     * long for 64 bits (60.0000000000000000001) is still not whole */
    e = n.shift - n.frac_sig;
    if (n.overflow && e < 0)
        return cell_fail(why, R_NOT_INT);
    if (r != NULL)
        return cell_fail(why, r);
    if (e < 0)
        return cell_fail(why, R_NOT_INT);
    if (__builtin_mul_overflow(mag, pow10_tab[e], &mag))
        return cell_fail(why, R_RANGE);
    if (!to_int64(mag, n.neg, out))
        return cell_fail(why, R_RANGE);
    return 1;
}

int sb_cell_parse_decimal(const char *s, size_t len, int allow_wan,
                          struct sb_decimal *out, const char **why)
{
    struct number n;
    const char *r;
    int scale;
    uint64_t mag;

    if (plain_digits(s, len, &out->v)) {
        out->scale = 0;
        return 1;
    }
    r = scan_number(s, len, allow_wan, &n);
    mag = n.sig;
    if (r != NULL)
        return cell_fail(why, r);
    scale = n.frac_sig + n.frac_zeros - n.shift;
    if (scale < 0)
        scale = 0;
    if (scale > 9)
        return cell_fail(why, R_SCALE);
    /* value * 10^scale = sig * 10^(shift - frac_sig + scale), and the
     * exponent is >= 0 because scale >= frac_sig - shift; it is at most
     * 8 + 9 = 17 */
    if (__builtin_mul_overflow(mag, pow10_tab[n.shift - n.frac_sig + scale],
                               &mag))
        return cell_fail(why, R_RANGE);
    if (!to_int64(mag, n.neg, &out->v))
        return cell_fail(why, R_RANGE);
    out->scale = scale;
    return 1;
}

int sb_cell_parse_percent(const char *s, size_t len, struct sb_decimal *out,
                          const char **why)
{
    size_t sign = 0;

    len = sb_trim(s, len, &s);
    if (len >= 1 && s[len - 1] == '%')
        sign = 1;
    else if (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x85", 3) == 0)
        sign = 3; /* ％ */
    if (sign == len && len > 0)
        return cell_fail(why, R_NOT_NUMBER); /* a lone % */
    return sb_cell_parse_decimal(s, len - sign, 0, out, why);
}

/* ---- dates ---- */

#define R_DATE "日期格式无法识别，应如2022-01-05"
#define R_DATE_YEAR4 "年份应写4位，如2022-01-05"
#define R_DATE_YEAR_FIRST "年份应写在前面，如2022-01-05"
#define R_DATE_SERIAL "像Excel日期序号，请把单元格设为日期格式"
#define R_DATE_MONTH "日期无效：月份应为1-12"
#define R_DATE_DAY "日期无效：日应为1-31"
#define R_DATE_FEB29 "日期无效：该年不是闰年，2月没有29日"
#define R_DATE_RANGE "日期无效：年份应在1900-2199之间"
#define R_DATE_TIME "时间部分无效"

/* Markers for 年 月 日 in the folded date text. */
enum { M_YEAR = 1, M_MONTH = 2, M_DAY = 3 };

static const char *const r_no_day31[13] = {
    [4] = "日期无效：4月没有31日",
    [6] = "日期无效：6月没有31日",
    [9] = "日期无效：9月没有31日",
    [11] = "日期无效：11月没有31日",
};

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const unsigned char dm[13] = {0,  31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : dm[m];
}

/* Read up to 9 digits of b[*p..n) into *val; returns how many. */
static int read_digits(const char *b, size_t n, size_t *p, int *val)
{
    int k = 0, v = 0;

    while (*p < n && b[*p] >= '0' && b[*p] <= '9' && k < 9) {
        v = v * 10 + (b[*p] - '0');
        (*p)++;
        k++;
    }
    *val = v;
    return k;
}

/* A time of day from b[p..n): H[H]:MM[:SS[.f]] then Z or +hh[:mm]. */
static int valid_time(const char *b, size_t n, size_t p)
{
    int h, mi, sec = 0, k;

    if (read_digits(b, n, &p, &h) < 1 || h > 23 || p >= n || b[p] != ':')
        return 0;
    p++;
    if (read_digits(b, n, &p, &mi) != 2 || mi > 59)
        return 0;
    if (p < n && b[p] == ':') {
        p++;
        if (read_digits(b, n, &p, &sec) != 2 || sec > 59)
            return 0;
        if (p < n && b[p] == '.') {
            p++;
            if (read_digits(b, n, &p, &k) < 1)
                return 0;
        }
    }
    if (p < n && b[p] == 'Z') {
        p++;
    } else if (p < n && (b[p] == '+' || b[p] == '-')) {
        p++;
        if (read_digits(b, n, &p, &k) != 2 || k > 14)
            return 0;
        if (p < n && b[p] == ':')
            p++;
        if (p < n && read_digits(b, n, &p, &k) != 2)
            return 0;
    }
    return p == n;
}

/* Why a date with an unknown leading part of k digits is not accepted. */
static const char *bad_date_reason(const char *b, size_t n, int k)
{
    size_t p = 0;
    int v;

    if (k == 5 && n == 5)
        return R_DATE_SERIAL;
    if (k == 1 || k == 2) {
        /* 1/5/2022 or 22-1-5 */
        while (p < n) {
            if (read_digits(b, n, &p, &v) == 4)
                return R_DATE_YEAR_FIRST;
            if (p < n && (b[p] < '0' || b[p] > '9'))
                p++;
        }
        return R_DATE_YEAR4;
    }
    return R_DATE;
}

int sb_cell_parse_date(const char *s, size_t len, int32_t *days,
                       const char **why)
{
    char b[64];
    size_t n = 0, p = 0, i = 0;
    int y, m, d, k;

    len = sb_trim(s, len, &s);
    if (len == 0)
        return cell_fail(why, R_EMPTY);
    /* The usual writing, 2022-01-05, valid: no folding. Anything else,
     * and any invalid date, takes the general path for its reason. */
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        int v[8], ok = 1;

        for (int j = 0, q = 0; j < 10; j++) {
            if (j == 4 || j == 7)
                continue;
            ok &= s[j] >= '0' && s[j] <= '9';
            v[q++] = s[j] - '0';
        }
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        d = v[6] * 10 + v[7];
        if (ok && y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
            d <= days_in_month(y, m)) {
            *days = sb_date_from_ymd(y, m, d);
            return 1;
        }
    }
    /* Fold into ASCII: full-width forms, 年月日 as markers, spaces. */
    while (i < len) {
        int32_t cp = cell_next_cp(s, len, &i);
        char c;

        if (cp == 0x5E74) /* 年 */
            c = M_YEAR;
        else if (cp == 0x6708) /* 月 */
            c = M_MONTH;
        else if (cp == 0x65E5 || cp == 0x53F7) /* 日 号 */
            c = M_DAY;
        else if (cp == 0x3000 || cp == 0xA0 || cp == '\t')
            c = ' ';
        else if (cp >= 0x20 && cp < 0x7F)
            c = (char)cp;
        else
            return cell_fail(why, R_DATE);
        if (n == sizeof b)
            return cell_fail(why, R_DATE);
        b[n++] = c;
    }

    k = read_digits(b, n, &p, &y);
    if (k == 8 && (p == n || b[p] == ' ' || b[p] == 'T')) {
        m = y / 100 % 100;
        d = y % 100;
        y /= 10000;
    } else if (k == 4 && p < n &&
               (b[p] == '-' || b[p] == '/' || b[p] == '.' || b[p] == M_YEAR)) {
        char sep = b[p++];

        k = read_digits(b, n, &p, &m);
        if (k < 1 || k > 2 || p >= n || b[p] != (sep == M_YEAR ? M_MONTH : sep))
            return cell_fail(why, R_DATE);
        p++;
        k = read_digits(b, n, &p, &d);
        if (k < 1 || k > 2)
            return cell_fail(why, R_DATE);
        if (sep == M_YEAR) {
            if (p >= n || b[p] != M_DAY)
                return cell_fail(why, R_DATE);
            p++;
        }
    } else {
        return cell_fail(why, bad_date_reason(b, n, k));
    }
    if (p < n) {
        /* a time part, after 'T' or spaces (or straight after 日) */
        if (b[p] == 'T') {
            p++;
        } else if (b[p] == ' ') {
            while (p < n && b[p] == ' ')
                p++;
        } else if (b[p - 1] != M_DAY) {
            return cell_fail(why, R_DATE);
        }
        if (!valid_time(b, n, p))
            return cell_fail(why, R_DATE_TIME);
    }

    if (m < 1 || m > 12)
        return cell_fail(why, R_DATE_MONTH);
    if (d < 1 || d > 31)
        return cell_fail(why, R_DATE_DAY);
    if (d > days_in_month(y, m)) {
        if (m != 2)
            return cell_fail(why, r_no_day31[m]);
        if (d == 29)
            return cell_fail(why, R_DATE_FEB29);
        return cell_fail(why, d == 30 ? "日期无效：2月没有30日"
                                      : "日期无效：2月没有31日");
    }
    if (y < 1900 || y > 2199)
        return cell_fail(why, R_DATE_RANGE);
    *days = sb_date_from_ymd(y, m, d);
    return 1;
}

/* Civil dates from and to day numbers: the proleptic Gregorian
 * algorithms of H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (days_from_civil, civil_from_days). */
int32_t sb_date_from_ymd(int y, int m, int d)
{
    int era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void sb_date_to_ymd(int32_t days, int *y, int *m, int *d)
{
    int32_t z = days + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void sb_date_format(int32_t days, char out[11])
{
    int y, m, d;

    sb_date_to_ymd(days, &y, &m, &d);
    if (y < 0 || y > 9999) /* outside what four digits can show */
        y = 0;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* ---- none words, booleans, scientific notation ---- */

static int in_list(const char *key, const char *const *list)
{
    for (size_t j = 0; list[j] != NULL; j++) {
        if (strcmp(key, list[j]) == 0)
            return 1;
    }
    return 0;
}

int sb_cell_is_none(const char *s, size_t len)
{
    static const char *const words[] = {
        "无", "无。", "暂无", "-",    "--",  "—",  "——",
        "/",  "n/a",  "na",   "null", NULL,
    };
    char key[16];

    unsigned char c;

    len = sb_trim(s, len, &s);
    if (len == 0)
        return 1;
    /* Every none word, full-width forms included, is at most 12 bytes
     * and starts with 无 or 暂 (E6), — or U+2212 (E2), a full-width
     * form (EF), '-', '/' or n. */
    c = (unsigned char)s[0];
    if (len > 12 || !(c == 0xE6 || c == 0xE2 || c == 0xEF || c == '-' ||
                      c == '/' || c == 'n' || c == 'N'))
        return 0;
    if (!fold_small(s, len, key, sizeof key))
        return 0;
    return in_list(key, words) ? 2 : 0;
}

int sb_cell_parse_bool(const char *s, size_t len, int *out, const char **why)
{
    static const char *const yes[] = {
        "是", "y", "yes", "true", "1", "√", "有", NULL,
    };
    static const char *const no[] = {
        "否", "n", "no", "false", "0", "×", "无", NULL,
    };
    char key[16];

    len = sb_trim(s, len, &s);
    if (len == 0)
        return cell_fail(why, R_EMPTY);
    if (fold_small(s, len, key, sizeof key)) {
        if (in_list(key, yes)) {
            *out = 1;
            return 1;
        }
        if (in_list(key, no)) {
            *out = 0;
            return 1;
        }
    }
    return cell_fail(why, "应填“是”或“否”");
}

int sb_cell_is_excel_scientific(const char *s, size_t len)
{
    char b[40];
    size_t n, p = 1, q;
    int k;

    len = sb_trim(s, len, &s);
    /* The shape starts with a digit: an ASCII character that is not
     * one rules it out before folding. */
    if (len == 0 || ((unsigned char)s[0] < 0x80 && (s[0] < '0' || s[0] > '9')))
        return 0;
    if (!fold_small(s, len, b, sizeof b))
        return 0;
    n = strlen(b);
    /* d[.ddd]E+dd: one digit before the point, as Excel writes it; the
     * sign of the exponent is required, so "1E5" (a model name, a room)
     * is not taken for one */
    if (n < 4 || b[0] < '0' || b[0] > '9')
        return 0;
    if (b[p] == '.') {
        q = ++p;
        while (p < n && b[p] >= '0' && b[p] <= '9')
            p++;
        if (p == q)
            return 0;
    }
    if (p + 2 >= n || b[p] != 'e' || (b[p + 1] != '+' && b[p + 1] != '-'))
        return 0;
    p += 2;
    q = p;
    return read_digits(b, n, &p, &k) <= 3 && p == n && p > q;
}
