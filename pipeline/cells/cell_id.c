/* cell_id.c: identifier checks of cell.h: the 统一社会信用代码 (GB
 * 32100-2015, with the GB 11714 organisation code inside it), mainland
 * phone numbers, e-mail addresses. Like cell.c: no allocation, static
 * Chinese reasons, one pass over the text. */
#include "cells/cell.h"

#include <string.h>

#include "cells/cell_text.h"
#include "base/utf8.h"

#define R_EMPTY SB_CELL_R_EMPTY

/* ---- 统一社会信用代码 (GB 32100-2015) ---- */

#define R_USCC_OLD15 "这是15位旧营业执照注册号，不是统一社会信用代码"
#define R_USCC_LONG "统一社会信用代码位数过多"
#define R_USCC_SCI "已被Excel转成科学计数法，原代码已丢失"
#define R_USCC_IOSVZ "含字母I、O、S、V或Z，统一社会信用代码不用这些字母"
#define R_USCC_CHAR "含统一社会信用代码以外的字符（只用数字和大写字母）"
#define R_USCC_REGION "第3-8位行政区划码应为数字"
#define R_USCC_DEPT "第1位登记管理部门代码无效"
#define R_USCC_KIND "第2位机构类别代码无效"
#define R_USCC_BOTH "第9-17位组织机构代码与第18位校验码都对不上，代码可能抄错"
#define R_USCC_LOWER "统一社会信用代码的字母应为大写"

/* clang-format off */
#define N_1_30(F)                                                          \
    F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) F(10) F(11) F(12) F(13)   \
    F(14) F(15) F(16) F(17) F(18) F(19) F(20) F(21) F(22) F(23) F(24)      \
    F(25) F(26) F(27) F(28) F(29) F(30)
#define USCC_LEN(n) "统一社会信用代码应为18位，实为" #n "位",
#define MOBILE_LEN(n) "手机号应为11位，实为" #n "位",
static const char *const r_uscc_len[31] = {NULL, N_1_30(USCC_LEN)};
static const char *const r_mobile_len[31] = {NULL, N_1_30(MOBILE_LEN)};

/* The 31 characters of GB 32100 in value order, and what the check
 * characters say when wrong. */
static const char uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
#define USCC_CHARS(F)                                                      \
    F("0") F("1") F("2") F("3") F("4") F("5") F("6") F("7") F("8") F("9")  \
    F("A") F("B") F("C") F("D") F("E") F("F") F("G") F("H") F("J") F("K")  \
    F("L") F("M") F("N") F("P") F("Q") F("R") F("T") F("U") F("W") F("X")  \
    F("Y")
#define CHECK18(c) "校验码（第18位）错误，应为" c,
static const char *const r_check18[31] = {USCC_CHARS(CHECK18)};
#define ORG17(c) "第17位不合GB 11714组织机构代码的校验（应为" c "），但第18位" \
                 "校验码无误：此类代码确有签发，请对照营业执照核对",
static const char *const r_org17[11] = {
    ORG17("0") ORG17("1") ORG17("2") ORG17("3") ORG17("4") ORG17("5")
    ORG17("6") ORG17("7") ORG17("8") ORG17("9") ORG17("X")};
/* clang-format on */

/* Value of c in the GB 32100 set, or -1: digits 0-9, then the letters
 * without I, O, S, V, Z as 10-30 (uscc_chars in order). */
static int uscc_value(char c)
{
    static const signed char letters[26] = {
        10, 11, 12, 13, 14, 15, 16, 17, -1, 18, 19, 20, 21,
        22, -1, 23, 24, 25, -1, 26, 27, -1, 28, 29, 30, -1,
    };

    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return letters[c - 'A'];
    return -1;
}

/* Position 2 codes allowed after each position 1 code: GB 32100-2015
 * Table 1 (1 机构编制, 5 民政, 9 工商, Y 其他) with the departments the
 * code authority added since (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教,
 * 8 工会, A 中央军委改革和编制办公室, N 农业). */
static const char *uscc_kinds(char dept)
{
    switch (dept) {
    case '1': /* 机关, 事业单位, 中央编办管理的群众团体, 其他 */
        return "1239";
    case '2': /* 外国常驻新闻机构, 其他 */
    case '4': /* 外国在华文化中心, 其他 */
    case '8': /* 基层工会, 其他 */
    case 'A': /* 军队事业单位, 其他 */
        return "19";
    case '3': /* 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构,
               * 仲裁委员会, 其他 */
        return "123459";
    case '5': /* 社会团体, 民办非企业单位, 基金会, 其他 */
    case 'N': /* 组级, 村级, 乡镇级集体经济组织, 其他 */
        return "1239";
    case '6': /* 外国, 港澳台旅游部门常驻代表机构, 其他 */
    case '7': /* 宗教活动场所, 宗教院校, 其他 */
        return "129";
    case '9': /* 企业, 个体工商户, 农民专业合作社 */
        return "123";
    case 'Y': /* not subdivided */
        return "1";
    default:
        return NULL;
    }
}

int sb_cell_check_uscc(const char *s, size_t len, char *expected_check,
                       const char **why)
{
    static const int w18[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                29, 25, 13, 8,  24, 10, 30, 28};
    static const int w9[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    char c[18];
    size_t i = 0;
    int n = 0, all_digits = 1, lower = 0, sum = 0, check, org;
    const char *kinds;

    len = sb_trim(s, len, &s);
    if (len == 0)
        return cell_fail(why, R_EMPTY);
    while (i < len) {
        int32_t cp = cell_next_cp(s, len, &i);

        if (cp >= 'a' && cp <= 'z') {
            cp -= 'a' - 'A';
            lower = 1;
        }
        if (cp < '0' || cp > '9')
            all_digits = 0;
        if (n < 18)
            c[n] = cp > 0 && cp < 0x80 ? (char)cp : '\0';
        n++;
    }
    if (n != 18) {
        if (sb_cell_is_excel_scientific(s, len))
            return cell_fail(why, R_USCC_SCI);
        if (n == 15 && all_digits)
            return cell_fail(why, R_USCC_OLD15);
        return cell_fail(why, n <= 30 ? r_uscc_len[n] : R_USCC_LONG);
    }
    for (int j = 0; j < 18; j++) {
        if (uscc_value(c[j]) < 0)
            return cell_fail(why, c[j] != '\0' && strchr("IOSVZ", c[j]) != NULL
                                      ? R_USCC_IOSVZ
                                      : R_USCC_CHAR);
    }
    for (int j = 2; j < 8; j++) {
        if (c[j] < '0' || c[j] > '9')
            return cell_fail(why, R_USCC_REGION);
    }
    kinds = uscc_kinds(c[0]);
    if (kinds == NULL)
        return cell_fail(why, R_USCC_DEPT);
    if (strchr(kinds, c[1]) == NULL)
        return cell_fail(why, R_USCC_KIND);

    /* GB 32100: C18 = 31 - (sum of value * 3^(i-1) mod 31) mod 31 */
    for (int j = 0; j < 17; j++)
        sum += uscc_value(c[j]) * w18[j];
    check = (31 - sum % 31) % 31;
    /* GB 11714 over positions 9-16: digits 0-9, letters A=10 .. Z=35;
     * C9 = 11 - (sum mod 11), written X for 10 and 0 for 11 */
    sum = 0;
    for (int j = 0; j < 8; j++) {
        char ch = c[8 + j];

        sum += (ch <= '9' ? ch - '0' : ch - 'A' + 10) * w9[j];
    }
    org = (11 - sum % 11) % 11;
    if (uscc_value(c[17]) != check) {
        if (expected_check != NULL)
            *expected_check = uscc_chars[check];
        return cell_fail(why, c[16] == "0123456789X"[org] ? r_check18[check]
                                                          : R_USCC_BOTH);
    }
    /* GB 32100's own check character passed: a valid code, but say
     * what is odd about it */
    if (why != NULL)
        *why = c[16] != "0123456789X"[org] ? r_org17[org]
               : lower                     ? R_USCC_LOWER
                                           : NULL;
    return 1;
}

/* ---- phone numbers ---- */

#define R_PHONE_CHAR "电话号码含非法字符"
#define R_PHONE_MULTI "一格只能填一个电话号码"
#define R_PHONE_FOREIGN "不是中国大陆电话号码（国家码应为+86）"
#define R_PHONE_FORMAT "电话号码格式无法识别"
#define R_PHONE_LONG "手机号位数过多"
#define R_PHONE_MOBILE2 "手机号第2位应为3-9"
#define R_PHONE_SERVICE "400/800号码应为10位"
#define R_PHONE_AREA "区号无效"
#define R_PHONE_NO_AREA "固定电话缺少区号"
#define R_PHONE_LOCAL "固定电话区号后应为7-8位"
#define R_PHONE_LOCAL8 "区号010、02X后应为8位"
#define R_PHONE_LOCAL1 "固定电话号码不能以0或1开头"
#define R_PHONE_EXT "分机号应为1-6位数字"

/* Marker for 转 (extension) in the folded phone text. */
#define EXT_MARK '\001'

/* A run of digits in a phone number. */
struct digit_group {
    const char *d;
    int n;
    int ext; /* follows 转 */
};

/* Count the digits of b[p..n), which may be separated by ' ' and '-';
 * -1 if anything else is there. */
static int count_digits(const char *b, size_t n, size_t p)
{
    int k = 0;

    for (; p < n; p++) {
        if (b[p] >= '0' && b[p] <= '9')
            k++;
        else if (b[p] != ' ' && b[p] != '-')
            return -1;
    }
    return k;
}

/* A landline: area code (0 given or implied by +86), local number of
 * 7-8 digits, optional extension. g: the digit groups in order. */
static const char *check_landline(const struct digit_group *g, int ng,
                                  int implied_zero)
{
    char area[5];
    int na, area_len, local = 0, j = 0, used;

    /* the leading digits decide the area code length: 010 and 02X are
     * three digits, all others four */
    na = 0;
    if (implied_zero)
        area[na++] = '0';
    for (int k = 0; k < g[0].n && na < 4; k++)
        area[na++] = g[0].d[k];
    if (na < 3 || area[1] == '0' || (area[1] == '1' && area[2] != '0'))
        return R_PHONE_AREA;
    area_len = area[1] <= '2' ? 3 : 4;
    used = area_len - implied_zero; /* digits of g[0] in the area code */
    if (g[0].n < used)
        return R_PHONE_AREA;
    if (g[0].n > used) {
        local = g[0].n - used; /* written without a separator */
        if (g[0].d[used] <= '1')
            return R_PHONE_LOCAL1;
    }
    for (j = 1; j < ng && local < 7 && !g[j].ext; j++) {
        if (local == 0 && g[j].d[0] <= '1')
            return R_PHONE_LOCAL1;
        local += g[j].n;
    }
    if (local < 7 || local > 8)
        return R_PHONE_LOCAL;
    if (area_len == 3 && local != 8)
        return R_PHONE_LOCAL8;
    if (j < ng && (j != ng - 1 || g[j].n > 6))
        return R_PHONE_EXT;
    return NULL;
}

enum phone_kind { LANDLINE, MOBILE, SERVICE };

/* sb_cell_check_phone, also saying in *kind what number it is. */
static int check_phone(const char *s, size_t len, const char **why,
                       enum phone_kind *kind)
{
    char b[48];
    struct digit_group g[8];
    size_t n = 0, i = 0, p = 0;
    int ng = 0, intl = 0, k, paren = 0, mobile;
    const char *r;

    len = sb_trim(s, len, &s);
    if (len == 0)
        return cell_fail(why, R_EMPTY);
    while (i < len) {
        int32_t cp = cell_next_cp(s, len, &i);
        char c;

        if ((cp >= '0' && cp <= '9') || cp == '+' || cp == '-' || cp == '(' ||
            cp == ')' || cp == ' ')
            c = (char)cp;
        else if (cp == 0x8F6C) /* 转 */
            c = EXT_MARK;
        else if (cp == 0x3000 || cp == 0xA0 || cp == '\t')
            c = ' ';
        else if (cp == 0x2014 || cp == 0x2013) /* — – */
            c = '-';
        else if (cp == ',' || cp == ';' || cp == '/' || cp == 0x3001)
            return cell_fail(why, R_PHONE_MULTI); /* , ; / 、 */
        else
            return cell_fail(why, R_PHONE_CHAR);
        if (n == sizeof b)
            return cell_fail(why, R_PHONE_FORMAT);
        b[n++] = c;
    }

    /* country code: +86, (+86), 0086, or 86 before an 11-digit mobile */
    if (n >= 3 && memcmp(b, "+86", 3) == 0) {
        p = 3;
        intl = 1;
    } else if (n >= 5 && memcmp(b, "(+86)", 5) == 0) {
        p = 5;
        intl = 1;
    } else if (n >= 4 && memcmp(b, "0086", 4) == 0) {
        p = 4;
        intl = 1;
    } else if (b[0] == '+' || (n >= 2 && memcmp(b, "00", 2) == 0)) {
        return cell_fail(why, R_PHONE_FOREIGN);
    } else if (n >= 3 && memcmp(b, "86", 2) == 0 &&
               count_digits(b, n, 2) == 11) {
        p = 2;
        intl = 1;
    }
    while (p < n && (b[p] == ' ' || b[p] == '-'))
        p++;
    if (p == n)
        return cell_fail(why, R_PHONE_FORMAT);

    /* +86 10 ... is Beijing's 010 without its 0, not a mobile */
    mobile = b[p] == '1' && !(intl && p + 1 < n && b[p + 1] == '0');
    if (mobile) {
        k = count_digits(b, n, p);
        if (k < 0)
            return cell_fail(why, R_PHONE_FORMAT);
        if (k != 11)
            return cell_fail(why, k <= 30 ? r_mobile_len[k] : R_PHONE_LONG);
        /* the second digit, past any separator */
        for (p++; b[p] < '0' || b[p] > '9'; p++)
            continue;
        if (b[p] < '3')
            return cell_fail(why, R_PHONE_MOBILE2);
        *kind = MOBILE;
        return 1;
    }
    if (!intl && n - p >= 3 &&
        (memcmp(b + p, "400", 3) == 0 || memcmp(b + p, "800", 3) == 0)) {
        k = count_digits(b, n, p);
        if (k < 0)
            return cell_fail(why, R_PHONE_FORMAT);
        if (k != 10)
            return cell_fail(why, R_PHONE_SERVICE);
        *kind = SERVICE;
        return 1;
    }

    /* a landline: digit groups split by separators and 转; an opening
     * parenthesis only before the area code, closed right after it */
    if (b[p] == '(') {
        paren = 1;
        p++;
    }
    while (p < n) {
        int ext = 0;

        while (p < n && !(b[p] >= '0' && b[p] <= '9')) {
            if (b[p] == EXT_MARK) {
                ext = 1;
            } else if (b[p] == ')') {
                if (paren != 1 || ng != 1)
                    return cell_fail(why, R_PHONE_FORMAT);
                paren = 2;
            } else if (b[p] != ' ' && b[p] != '-') {
                return cell_fail(why, R_PHONE_FORMAT);
            }
            p++;
        }
        if (p == n)
            return cell_fail(why, R_PHONE_FORMAT);
        if (ng == (int)(sizeof g / sizeof g[0]))
            return cell_fail(why, R_PHONE_FORMAT);
        g[ng].d = b + p;
        g[ng].ext = ext;
        while (p < n && b[p] >= '0' && b[p] <= '9')
            p++;
        g[ng].n = (int)(b + p - g[ng].d);
        ng++;
    }
    if (ng == 0 || paren == 1)
        return cell_fail(why, R_PHONE_FORMAT);
    if (g[0].d[0] != '0' && !intl) {
        k = 0;
        for (int j = 0; j < ng; j++)
            k += g[j].n;
        return cell_fail(why,
                         k == 7 || k == 8 ? R_PHONE_NO_AREA : R_PHONE_FORMAT);
    }
    r = check_landline(g, ng, g[0].d[0] != '0');
    *kind = LANDLINE;
    return r == NULL ? 1 : cell_fail(why, r);
}

int sb_cell_check_phone(const char *s, size_t len, const char **why)
{
    enum phone_kind kind;

    return check_phone(s, len, why, &kind);
}

int sb_cell_check_mobile(const char *s, size_t len, const char **why)
{
    enum phone_kind kind;

    if (!check_phone(s, len, why, &kind))
        return 0;
    if (kind == LANDLINE)
        return cell_fail(why, "应为手机号码，这是固定电话");
    if (kind == SERVICE)
        return cell_fail(why, "应为手机号码，这是400/800号码");
    return 1;
}

/* ---- e-mail addresses ---- */

#define R_MAIL_FW_AT "邮箱含全角＠"
#define R_MAIL_CN_DOT "邮箱含中文句号“。”"
#define R_MAIL_FW "邮箱含全角字符"
#define R_MAIL_NON_ASCII "邮箱含中文或其他非ASCII字符"
#define R_MAIL_SPACE "邮箱含空格"
#define R_MAIL_NO_AT "邮箱缺少@"
#define R_MAIL_MULTI_AT "邮箱含多个@（一格只能填一个邮箱）"
#define R_MAIL_LOCAL "邮箱@前的部分无效"
#define R_MAIL_DOMAIN "邮箱域名无效"
#define R_MAIL_NO_TLD "邮箱域名缺少后缀（如.com）"
#define R_MAIL_TLD "邮箱域名后缀无效"
#define R_MAIL_LONG "邮箱过长"

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* The local part: the usual characters of RFC 5322 dot-atoms, no
 * leading, trailing or doubled dot. */
static int valid_local(const char *s, size_t n)
{
    if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
        return 0;
    for (size_t j = 0; j < n; j++) {
        if (s[j] == '.' && j + 1 < n && s[j + 1] == '.')
            return 0;
        if (!is_alnum(s[j]) && strchr(".!#$%&'*+/=?^_`{|}~-", s[j]) == NULL)
            return 0;
    }
    return 1;
}

/* The domain: labels of letters, digits and inner '-', a TLD of 2+
 * letters. Returns NULL or the reason. */
static const char *check_domain(const char *s, size_t n)
{
    size_t start = 0;
    int labels = 0;

    if (n == 0 || n > 253)
        return R_MAIL_DOMAIN;
    for (size_t j = 0; j <= n; j++) {
        size_t ln;

        if (j < n && s[j] != '.') {
            if (!is_alnum(s[j]) && s[j] != '-')
                return R_MAIL_DOMAIN;
            continue;
        }
        ln = j - start;
        if (ln == 0 || ln > 63 || s[start] == '-' || s[j - 1] == '-')
            return R_MAIL_DOMAIN;
        labels++;
        if (j == n) {
            if (labels < 2)
                return R_MAIL_NO_TLD;
            if (ln < 2)
                return R_MAIL_TLD;
            for (size_t t = start; t < n; t++) {
                if (!((s[t] >= 'a' && s[t] <= 'z') ||
                      (s[t] >= 'A' && s[t] <= 'Z')))
                    return R_MAIL_TLD;
            }
        }
        start = j + 1;
    }
    return NULL;
}

int sb_cell_check_email(const char *s, size_t len, const char **why)
{
    /* the worst non-ASCII character seen: 0 none, 1 other, 2 full-width
     * form, 3 the ideographic full stop (。 for .) */
    static const char *const r_non_ascii[4] = {NULL, R_MAIL_NON_ASCII,
                                               R_MAIL_FW, R_MAIL_CN_DOT};
    const char *at = NULL, *r;
    int n_at = 0, bad = 0, kind;

    len = sb_trim(s, len, &s);
    if (len == 0)
        return cell_fail(why, R_EMPTY);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        int32_t cp;

        if (c < 0x80) {
            if (c == ' ' || c == '\t')
                return cell_fail(why, R_MAIL_SPACE);
            if (c == '@') {
                n_at++;
                at = s + i;
            }
            i++;
            continue;
        }
        i += (size_t)sb_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFF20)
            return cell_fail(why, R_MAIL_FW_AT);
        if (cp == 0x3000 || cp == 0xA0)
            return cell_fail(why, R_MAIL_SPACE);
        if (cp == 0x3002)
            kind = 3;
        else if (cp >= 0xFF01 && cp <= 0xFF5E)
            kind = 2;
        else
            kind = 1;
        if (kind > bad)
            bad = kind;
    }
    if (bad != 0)
        return cell_fail(why, r_non_ascii[bad]);
    if (n_at == 0)
        return cell_fail(why, R_MAIL_NO_AT);
    if (n_at > 1)
        return cell_fail(why, R_MAIL_MULTI_AT);
    if (len > 254)
        return cell_fail(why, R_MAIL_LONG);
    if (!valid_local(s, (size_t)(at - s)))
        return cell_fail(why, R_MAIL_LOCAL);
    r = check_domain(at + 1, len - (size_t)(at - s) - 1);
    return r == NULL ? 1 : cell_fail(why, r);
}
