/* cell.h: parse and check one cell's text by type.
 *
 * Cells come as people and spreadsheets write them: thousands
 * separators, full-width digits, 万/亿 multipliers, several date styles,
 * IDs that Excel destroyed into scientific notation. Each parser takes
 * the raw UTF-8 text (untrimmed; parsers trim) and returns 1 if it is a
 * valid value of the type, else 0 with *why set to a short Chinese
 * reason (static string) when why is not NULL. None allocates. */
#ifndef SB_PIPELINE_CELL_H
#define SB_PIPELINE_CELL_H

#include <stddef.h>
#include <stdint.h>

/* An exact decimal: value = v / 10^scale, 0 <= scale <= 9. The scale is
 * the number of digits written after the point (after any 万/亿 shift),
 * which is the precision the value was declared with. */
struct sb_decimal {
    int64_t v;
    int scale;
};

/* Is the cell empty after trimming, or a "none" word: 无, 无。, 暂无,
 * -, --, —, ——, /, N/A, NA, null (case-insensitive, full-width forms
 * too)? Returns 1 for empty text, 2 for a none word, 0 otherwise. NaN
 * is not one: it is what a program wrote for a number it did not have,
 * so a numeric cell holding it is "不是数字", never 无 compared as 0.
 * 无 is also a boolean "no" (sb_cell_parse_bool): callers that accept
 * booleans parse before asking this. */
int sb_cell_is_none(const char *s, size_t len);

/* Integers: "3412", "3,412", "３，４１２", "+12", "-5", "－５", "1.26万"
 * (=12600, only if allow_wan and exact), "3亿", "12.0". Thousands
 * separators (, or ，) must group by three ("34,12" and "0,5" are
 * rejected). Rejects decimals with non-zero fraction ("1.23456万": 不是
 * 整数), "1.23457E+17", currency signs and 元, and overflow beyond
 * int64. */
int sb_cell_parse_int(const char *s, size_t len, int allow_wan,
                      int64_t *out, const char **why);

/* Decimals: as integers plus a fraction ("1,234.56", "１２．５"); a
 * trailing 万 or 亿 multiplies (scale adjusted: "12.6万" = 126000 scale
 * 0, "0.00001万" = 1 scale 1) when allow_wan. Trailing zeros are kept
 * ("1,234.50" = 123450 scale 2). Scientific notation is rejected (see
 * below). Overflow or more than 9 fraction digits: 0. */
int sb_cell_parse_decimal(const char *s, size_t len, int allow_wan,
                          struct sb_decimal *out, const char **why);

/* Percentages: "12.5%", "12.5％", "12.5 %", "12.5" (taken as percent),
 * "0.125" is 0.125 percent (never guessed as a fraction). No 万/亿, no
 * range check (growth rates pass 100). *out is in percent. */
int sb_cell_parse_percent(const char *s, size_t len, struct sb_decimal *out,
                          const char **why);

/* Dates: 2022-01-05, 2022-1-5, 2022/1/5, 2022.1.5, 2022年1月5日 (or
 * 5号), 20220105, in full-width digits too; an optional time part after
 * a space or 'T' ("2022-01-05 13:45:00", "…T13:45:00+08:00") is checked
 * for shape and ignored. Checks month and day ranges with leap years
 * ("日期无效：2月没有30日"), years 1900..2199. Says so when the year is
 * not first ("1/5/2022") or the cell is an Excel serial number (5
 * digits). *days = days since 1970-01-01, untouched on failure. */
int sb_cell_parse_date(const char *s, size_t len, int32_t *days,
                       const char **why);

/* Format days since 1970-01-01 as "YYYY-MM-DD" into out[11] (years
 * 0..9999; others print as year 0000). */
void sb_date_format(int32_t days, char out[11]);
/* Days since 1970-01-01 of a civil date (no range check). */
int32_t sb_date_from_ymd(int y, int m, int d);
/* Inverse of sb_date_from_ymd. */
void sb_date_to_ymd(int32_t days, int *y, int *m, int *d);

/* Booleans: 是/否, Y/N, yes/no, true/false, 1/0, √/×, 有/无
 * (case-insensitive, full-width forms too). *out is 1 or 0. */
int sb_cell_parse_bool(const char *s, size_t len, int *out, const char **why);

/* An identifier that Excel turned into scientific notation, such as
 * "1.23457E+17" or "6.10E+17": the digits are lost for good. The shape
 * is Excel's: one digit, an optional fraction, E or e, a signed
 * exponent of 1-3 digits (full-width forms too); "1E5" (no sign) and
 * "12.3E+17" are taken as ordinary text. */
int sb_cell_is_excel_scientific(const char *s, size_t len);

/* 统一社会信用代码 per GB 32100-2015: 18 characters, positions 1-2 from
 * the registration-authority and category table (1: 1239, 2: 19,
 * 3: 123459, 4: 19, 5: 1239, 6: 129, 7: 129, 8: 19, 9: 123, A: 19,
 * N: 1239, Y: 1), 3-8 administrative division digits, 9-17 the
 * organisation code (GB 11714: position 17 is its own mod-11 check
 * character, 0-9 or X), 18 the check character computed with weights
 * 3^(i-1) mod 31 over the 31-character set
 * "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z). Lower case and
 * full-width forms are accepted. On a wrong check character (position
 * 18), *expected_check receives the right one (when not NULL) and the
 * reason names it ("校验码（第18位）错误，应为T"). A valid code may
 * still set *why, to a warning: letters written in lower case (the fix
 * is the upper-case code), or an organisation code (positions 9-17)
 * whose GB 11714 check character (position 17) fails while GB 32100's
 * position 18 passes (such codes were issued); else *why = NULL. A
 * 15-digit old
 * registration number and an Excel-mangled "9.14403E+17" get reasons of
 * their own. */
int sb_cell_check_uscc(const char *s, size_t len, char *expected_check,
                       const char **why);

/* Phone numbers of mainland China: mobile 1[3-9]xxxxxxxxx (11 digits,
 * optional +86/0086/86 prefix, spaces or '-' between groups), or
 * landline 0AA(A)-NNNNNNN(N) with optional extension "-123"/"转123":
 * area codes 010 and 02X take 8 digits, other (4-digit) ones 7 or 8;
 * the local number does not start with 0 or 1; "(010)", "（010）" and
 * "+86 10 …" are accepted. Or 400/800 service numbers of 10 digits.
 * Full-width digits are accepted; several numbers in one cell are not
 * ("一格只能填一个电话号码"). */
int sb_cell_check_phone(const char *s, size_t len, const char **why);

/* A mobile number only, as sb_cell_check_phone reads it: a column
 * headed 手机号码 means mobile (联系电话 means either), so a landline
 * or a 400/800 number is "应为手机号码，这是固定电话". */
int sb_cell_check_mobile(const char *s, size_t len, const char **why);

/* E-mail addresses: local@domain.tld, ASCII local part of the usual
 * characters, domain labels of letters, digits and '-', a TLD of 2+
 * letters. Full-width ＠ is rejected with a reason saying so. */
int sb_cell_check_email(const char *s, size_t len, const char **why);

#endif
