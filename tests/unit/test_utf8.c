/* test_utf8.c: decoding, matching keys, trimming, word counts, UTF-16
 * units. */
#include <string.h>

#include "test.h"
#include "base/utf8.h"

static void decode_valid_and_invalid(void)
{
    int32_t cp;

    CHECK_INT(sb_utf8_decode("A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(sb_utf8_decode("设", 3, &cp), 3);
    CHECK_INT(cp, 0x8BBE);
    CHECK_INT(sb_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    CHECK_INT(sb_utf8_decode("\xC0\xAF", 2, &cp), 1); /* overlong */
    CHECK_INT(cp, -1);
    CHECK_INT(sb_utf8_decode("\xED\xA0\x80", 3, &cp), 1); /* surrogate */
    CHECK_INT(cp, -1);
    CHECK_INT(sb_utf8_decode("\xE8\xAE", 2, &cp), 1); /* truncated */
    CHECK_INT(cp, -1);
    /* GBK "设备" is not UTF-8 */
    CHECK_INT(sb_utf8_valid_prefix("ab\xC9\xE8\xB1\xB8", 6), 2);
    CHECK_INT(sb_utf8_valid_prefix("abcdefghij设备klmnop", 22), 22);
}

static void norm_key_folds_width_space_case(void)
{
    struct sb_buf b = {0};

    sb_norm_key("设备 ID", strlen("设备 ID"), &b);
    CHECK_STR(b.data, "设备id");
    sb_norm_key("设备ＩＤ", strlen("设备ＩＤ"), &b);
    CHECK_STR(b.data, "设备id");
    sb_norm_key("　服务金额（万元）\t", strlen("　服务金额（万元）\t"), &b);
    CHECK_STR(b.data, "服务金额(万元)");
    sb_norm_key("", 0, &b);
    CHECK_STR(b.data, "");
    sb_buf_free(&b);
}

static void trim_removes_ideographic_spaces(void)
{
    const char *s = "　 运行设备 \u3000";
    const char *t;
    size_t n = sb_trim(s, strlen(s), &t);

    CHECK_INT(n, strlen("运行设备"));
    CHECK(strncmp(t, "运行设备", n) == 0);
    CHECK_INT(sb_trim("   ", 3, &t), 0);
}

static void word_count_as_word(void)
{
    /* 9 汉字 + ， + 。 */
    CHECK_INT(sb_word_count("工业互联网平台，申报。", strlen("工业互联网平台，申报。")),
              11);
    /* "5G" and "12.6" are one word each, spaces count 0 */
    CHECK_INT(sb_word_count("支持 5G 与 12.6 万台", strlen("支持 5G 与 12.6 万台")), 7);
    CHECK_INT(sb_word_count("COSMOPlat platform", 18), 2);
    CHECK_INT(sb_word_count("“平台”", strlen("“平台”")), 4);
    CHECK_INT(sb_word_count("", 0), 0);
}

static void escape_shows_invalid_bytes(void)
{
    struct sb_buf b = {0};

    /* a file name of bytes FF FE between valid text, a cut 3-byte
     * character (E8 AE) at the end */
    CHECK_INT((int)sb_utf8_escape("06-\xff\xfe证明.pdf\xe8\xae", 17, &b), 4);
    CHECK_STR(b.data, "06-\\xFF\\xFE证明.pdf\\xE8\\xAE");
    sb_buf_clear(&b);
    CHECK_INT((int)sb_utf8_escape("营业执照.jpg", strlen("营业执照.jpg"), &b), 0);
    CHECK_STR(b.data, "营业执照.jpg");
    sb_buf_free(&b);
}

/* Excel's count: a character past U+FFFF is two units; the cut keeps
 * at most max units and never splits a character. */
static void utf16_units_count_and_cut(void)
{
    const char *s = "a设\xF0\x9F\x98\x80" "b"; /* a 设 😀 b: 5 units */
    size_t end;

    CHECK_INT((int)sb_utf16_units(s, strlen(s), 10, &end), 5);
    CHECK_INT((int)end, (int)strlen(s));
    CHECK_INT((int)sb_utf16_units(s, strlen(s), 5, &end), 5);
    CHECK_INT((int)sb_utf16_units(s, strlen(s), 3, &end), 4); /* max + 1 */
    CHECK_INT((int)end, 4); /* "a设": the emoji would make 4 units */
    CHECK_INT((int)sb_utf16_units(s, strlen(s), 4, &end), 5);
    CHECK_INT((int)end, 8); /* "a设😀" */
    CHECK_INT((int)sb_utf16_units("", 0, 0, &end), 0);
}

int main(void)
{
    RUN(decode_valid_and_invalid);
    RUN(norm_key_folds_width_space_case);
    RUN(trim_removes_ideographic_spaces);
    RUN(word_count_as_word);
    RUN(escape_shows_invalid_bytes);
    RUN(utf16_units_count_and_cut);
    return TEST_REPORT();
}
