/* typed.c: parse one value by its form type (see typed.h). */
#include "form/typed.h"

#include <math.h>
#include <string.h>

#include "cells/cell.h"
#include "base/utf8.h"

const char *sb_typed_expects(enum sb_type t)
{
    switch (t) {
    case SB_TYPE_INT:
        return "整数";
    case SB_TYPE_DECIMAL:
        return "数值";
    case SB_TYPE_MONEY:
        return "金额（数值）";
    case SB_TYPE_PERCENT:
        return "百分比，如12.5%";
    case SB_TYPE_DATE:
        return "日期，如2023-05-31";
    case SB_TYPE_BOOL:
        return "是或否";
    case SB_TYPE_ENUM:
    case SB_TYPE_ENUM_LIST:
        return "规定的取值";
    case SB_TYPE_ID:
        return "编号（文本）";
    case SB_TYPE_USCC:
        return "18位统一社会信用代码";
    case SB_TYPE_ORGCODE:
        return "统一社会信用代码或组织机构代码";
    case SB_TYPE_PHONE:
        return "电话号码";
    case SB_TYPE_MOBILE:
        return "11位手机号码";
    case SB_TYPE_EMAIL:
        return "电子邮箱";
    case SB_TYPE_HEADING:
        return "带数量的类目标题，如“一、家用洗涤剂（58种）”";
    case SB_TYPE_TEXT:
        break;
    }
    return "文本";
}

static void set_number(struct sb_typed *out, const struct sb_decimal *d,
                       double unit)
{
    /* multiply first: 356.16 万元 is 35616 × 10000 / 100, exactly */
    out->num = (double)d->v * unit / pow(10, d->scale);
    out->scale = d->scale;
    out->tol = 0.5 / pow(10, d->scale) * unit;
}

/* Match one enumeration value; key is scratch. */
static int enum_value(const struct sb_enum *en, const char *s, size_t len,
                      struct sb_buf *key)
{
    sb_norm_key(s, len, key);
    return sb_enum_find(en, key->data);
}

static int is_list_sep(int32_t cp)
{
    return cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == ';' ||
           cp == 0xFF1B || cp == '\n';
}

static int parse_list(const struct sb_enum *en, const char *s, size_t len,
                      struct sb_typed *out, const char **why)
{
    struct sb_buf key = {0};
    size_t start = 0;
    int ok = 1;

    out->mask = 0;
    for (size_t i = 0; i <= len && ok;) {
        int32_t cp = -2;
        int k = 1;

        if (i < len)
            k = sb_utf8_decode(s + i, len - i, &cp);
        if (i == len || is_list_sep(cp)) {
            const char *t;
            size_t n = sb_trim(s + start, i - start, &t);

            if (n > 0) {
                int idx = enum_value(en, t, n, &key);

                if (idx < 0 || idx >= 64) {
                    *why = "含有不在规定范围内的取值";
                    ok = 0;
                } else {
                    out->mask |= 1ULL << idx;
                }
            }
            start = i + (size_t)k;
        }
        i += (size_t)k;
    }
    sb_buf_free(&key);
    if (ok && out->mask == 0) {
        *why = "没有取值";
        ok = 0;
    }
    return ok;
}

/* A USCC (cells/cell.h): 1 with the warning of a valid code in
 * out->warn and the code as it should be written in out->fixed, or 0
 * with *why (not NULL). */
static int uscc(const char *s, size_t len, struct sb_typed *out,
                const char **why)
{
    const char *t;
    size_t n = sb_trim(s, len, &t), k = 0;

    if (!sb_cell_check_uscc(s, len, &out->check, why))
        return 0;
    out->warn = *why;
    *why = "";
    /* valid: 18 characters, ASCII once full-width forms are folded */
    for (size_t i = 0; i < n && k < 18;) {
        int32_t cp;

        i += (size_t)sb_utf8_decode(t + i, n - i, &cp);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        out->fixed[k++] = (char)(cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp);
    }
    out->fixed[k] = '\0';
    return 1;
}

int sb_typed_parse(enum sb_type t, const struct sb_enum *en, double yuan,
                   int allow_wan, const char *s, size_t len,
                   struct sb_typed *out, const char **why,
                   const char **kind)
{
    struct sb_decimal d;
    int64_t iv;
    int b;
    const char *dummy;

    memset(out, 0, sizeof *out);
    out->enum_idx = -1;
    if (why == NULL)
        why = &dummy;
    *kind = "type";
    *why = "";
    switch (t) {
    case SB_TYPE_TEXT:
        if (en != NULL) { /* names, never rejects */
            struct sb_buf key = {0};

            out->enum_idx = enum_value(en, s, len, &key);
            sb_buf_free(&key);
        }
        return 1;
    case SB_TYPE_INT:
        if (!sb_cell_parse_int(s, len, allow_wan, &iv, why))
            return 0;
        out->num = (double)iv;
        return 1;
    case SB_TYPE_DECIMAL:
        if (!sb_cell_parse_decimal(s, len, allow_wan, &d, why))
            return 0;
        set_number(out, &d, 1.0);
        return 1;
    case SB_TYPE_MONEY:
        if (!sb_cell_parse_decimal(s, len, allow_wan, &d, why))
            return 0;
        set_number(out, &d, yuan);
        return 1;
    case SB_TYPE_PERCENT:
        if (!sb_cell_parse_percent(s, len, &d, why))
            return 0;
        set_number(out, &d, 1.0);
        return 1;
    case SB_TYPE_DATE:
        if (!sb_cell_parse_date(s, len, &out->date, why))
            return 0;
        out->num = out->date;
        return 1;
    case SB_TYPE_BOOL:
        if (!sb_cell_parse_bool(s, len, &b, why))
            return 0;
        out->num = b;
        return 1;
    case SB_TYPE_ENUM: {
        struct sb_buf key = {0};

        out->enum_idx = enum_value(en, s, len, &key);
        sb_buf_free(&key);
        *kind = "enum";
        *why = "不在规定范围内";
        return out->enum_idx >= 0;
    }
    case SB_TYPE_ENUM_LIST:
        *kind = "enum";
        return parse_list(en, s, len, out, why);
    case SB_TYPE_ID:
        *kind = "excel-scientific";
        *why = "编号已被Excel转成科学计数法，原始数字已丢失";
        return !sb_cell_is_excel_scientific(s, len);
    case SB_TYPE_USCC:
        *kind = sb_cell_is_excel_scientific(s, len) ? "excel-scientific"
                                                     : "uscc";
        return uscc(s, len, out, why);
    case SB_TYPE_ORGCODE: {
        const char *t2;
        size_t n = sb_trim(s, len, &t2);

        *kind = "uscc";
        if (n == 18)
            return uscc(t2, n, out, why);
        /* GB 11714: 8 characters, '-', check character (or without '-') */
        if (n == 9 || (n == 10 && t2[8] == '-'))
            return 1;
        *why = "应为18位统一社会信用代码或9位组织机构代码";
        return 0;
    }
    case SB_TYPE_PHONE:
        *kind = "phone";
        return sb_cell_check_phone(s, len, why);
    case SB_TYPE_MOBILE:
        *kind = "phone";
        return sb_cell_check_mobile(s, len, why);
    case SB_TYPE_EMAIL:
        *kind = "email";
        return sb_cell_check_email(s, len, why);
    case SB_TYPE_HEADING:
        *kind = "heading";
        *why = "标题中没有写明数量，如（58种）";
        return sb_heading_parse(s, len, &out->stated);
    }
    return 0;
}

int sb_heading_parse(const char *s, size_t len, long *count)
{
    /* Scan backwards from the end for "(" or "（", then digits, then a
     * measure word of one character, then ")" or "）". */
    const char *t;
    size_t n = sb_trim(s, len, &t);
    size_t close_len, i, j;
    long v = 0;
    int digits = 0;

    if (n >= 3 && memcmp(t + n - 3, "）", 3) == 0)
        close_len = 3;
    else if (n >= 1 && t[n - 1] == ')')
        close_len = 1;
    else
        return 0;
    i = n - close_len;
    /* one measure word (a CJK character, 3 bytes) */
    if (i < 3 || (unsigned char)t[i - 3] < 0xE0)
        return 0;
    i -= 3;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    j = i;
    while (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9')
        i--;
    if (i == j || j - i > 9)
        return 0;
    for (size_t k = i; k < j; k++) {
        v = v * 10 + (t[k] - '0');
        digits++;
    }
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (!((i >= 3 && memcmp(t + i - 3, "（", 3) == 0) ||
          (i >= 1 && t[i - 1] == '(')))
        return 0;
    *count = v;
    return digits > 0;
}

/* Bytes of the numeral character at p (a digit or 一…十百零), or 0. */
static int ordinal_char(const char *p, size_t left)
{
    static const char *const cn[] = {"一", "二", "三", "四", "五", "六",
                                     "七", "八", "九", "十", "百", "零"};

    if (*p >= '0' && *p <= '9')
        return 1;
    for (size_t i = 0; i < sizeof cn / sizeof *cn; i++) {
        if (left >= 3 && memcmp(p, cn[i], 3) == 0)
            return 3;
    }
    return 0;
}

void sb_heading_title(const char *s, size_t len, struct sb_buf *out)
{
    const char *t;
    size_t n = sb_trim(s, len, &t), i = 0, end = n;
    long count;

    /* ordinal: Chinese numerals or digits, then 、 or . or ． */
    while (i < n) {
        int k = ordinal_char(t + i, n - i);

        if (k == 0)
            break;
        i += (size_t)k;
    }
    if (i > 0 && i < n) {
        if (n - i >= 3 && memcmp(t + i, "、", 3) == 0)
            i += 3;
        else if (n - i >= 3 && memcmp(t + i, "．", 3) == 0)
            i += 3;
        else if (t[i] == '.')
            i += 1;
        else
            i = 0;
    }
    while (i < n && t[i] == ' ')
        i++;
    /* the count: the last bracket, when it states one */
    if (sb_heading_parse(t + i, n - i, &count)) {
        const char *open = NULL;

        for (size_t k = i; k < n; k++) {
            if (n - k >= 3 && memcmp(t + k, "（", 3) == 0)
                open = t + k;
            else if (t[k] == '(')
                open = t + k;
        }
        if (open != NULL)
            end = (size_t)(open - t);
    }
    while (end > i && t[end - 1] == ' ')
        end--;
    if (end == i) {
        /* nothing but numbering: keep the heading as written */
        i = 0;
        end = n;
    }
    sb_buf_put(out, t + i, end - i);
}
