/* test_mask.c: masking names, phone numbers and e-mail addresses. */
#include "form/mask.h"
#include "test.h"

/* kind applied to s, in a buffer that lives until the next call. */
static const char *masked(enum sb_mask kind, const char *s)
{
    static struct sb_buf b;

    if (s == NULL) {
        sb_buf_free(&b);
        return NULL;
    }
    sb_mask_apply(kind, s, strlen(s), &b);
    return b.data;
}

static void names_keep_first_and_last(void)
{
    CHECK_STR(masked(SB_MASK_NAME, "张三明"), "张*明");
    CHECK_STR(masked(SB_MASK_NAME, "张三"), "张*");
    CHECK_STR(masked(SB_MASK_NAME, "欧阳娜娜"), "欧**娜");
    CHECK_STR(masked(SB_MASK_NAME, "司马相如君"), "司***君");
    CHECK_STR(masked(SB_MASK_NAME, "张"), "*");
    CHECK_STR(masked(SB_MASK_NAME, " 沈嘉禾　"), "沈*禾");
    CHECK_STR(masked(SB_MASK_NAME, "阿依古丽·买买提"), "阿***·**提");
    CHECK_STR(masked(SB_MASK_NAME, "Li Wei"), "L* **i");
    /* an invalid byte is one character */
    CHECK_STR(masked(SB_MASK_NAME, "张\xFF明"), "张*明");
    masked(SB_MASK_NAME, NULL);
}

static void mobiles_keep_3_and_4(void)
{
    CHECK_STR(masked(SB_MASK_PHONE, "13812341234"), "138****1234");
    CHECK_STR(masked(SB_MASK_PHONE, "138 1234 1234"), "138 **** 1234");
    CHECK_STR(masked(SB_MASK_PHONE, "138-1234-1234"), "138-****-1234");
    CHECK_STR(masked(SB_MASK_PHONE, "+86 138 1234 1234"), "+86 138 **** 1234");
    CHECK_STR(masked(SB_MASK_PHONE, "008613812341234"), "0086138****1234");
    CHECK_STR(masked(SB_MASK_PHONE, "１３８１２３４１２３４"),
              "１３８****１２３４");
    CHECK_STR(masked(SB_MASK_PHONE, "400-810-8888"), "400-***-8888");
    masked(SB_MASK_PHONE, NULL);
}

static void landlines_keep_area_code(void)
{
    CHECK_STR(masked(SB_MASK_PHONE, "0512-62880517"), "0512-****0517");
    CHECK_STR(masked(SB_MASK_PHONE, "010-62345678"), "010-****5678");
    CHECK_STR(masked(SB_MASK_PHONE, "021 6234 5678"), "021 **** 5678");
    CHECK_STR(masked(SB_MASK_PHONE, "（010）62345678"), "（010）****5678");
    CHECK_STR(masked(SB_MASK_PHONE, "0512-6288051"), "0512-***8051");
    /* extensions stay */
    CHECK_STR(masked(SB_MASK_PHONE, "0512-62880517-123"), "0512-****0517-123");
    CHECK_STR(masked(SB_MASK_PHONE, "0512-6288051转123"), "0512-***8051转123");
    CHECK_STR(masked(SB_MASK_PHONE, "010-62345678-9"), "010-****5678-9");
    masked(SB_MASK_PHONE, NULL);
}

static void short_numbers_keep_less(void)
{
    CHECK_STR(masked(SB_MASK_PHONE, "62880517"), "****0517");
    CHECK_STR(masked(SB_MASK_PHONE, "1234"), "****");
    CHECK_STR(masked(SB_MASK_PHONE, "0512-123"), "0512-***");
    CHECK_STR(masked(SB_MASK_PHONE, "见备注"), "见备注");
    masked(SB_MASK_PHONE, NULL);
}

static void emails_keep_first_and_domain(void)
{
    CHECK_STR(masked(SB_MASK_EMAIL, "zhangsan@163.com"), "z***@163.com");
    CHECK_STR(masked(SB_MASK_EMAIL, "z@163.com"), "z***@163.com");
    CHECK_STR(masked(SB_MASK_EMAIL, "shenjiahe@lanchuan-iiot.cn"),
              "s***@lanchuan-iiot.cn");
    CHECK_STR(masked(SB_MASK_EMAIL, "张三@example.cn"), "张***@example.cn");
    CHECK_STR(masked(SB_MASK_EMAIL, "@163.com"), "***@163.com");
    CHECK_STR(masked(SB_MASK_EMAIL, "zhangsan"), "z***");
    masked(SB_MASK_EMAIL, NULL);
}

static void empty_and_none_stay(void)
{
    CHECK_STR(masked(SB_MASK_NAME, ""), "");
    CHECK_STR(masked(SB_MASK_NAME, "   "), "");
    CHECK_STR(masked(SB_MASK_NAME, "无"), "无");
    CHECK_STR(masked(SB_MASK_PHONE, "-"), "-");
    CHECK_STR(masked(SB_MASK_EMAIL, "N/A"), "N/A");
    CHECK_STR(masked(SB_MASK_NONE, " 张三明 "), "张三明");
    masked(SB_MASK_NONE, NULL);
}

int main(void)
{
    RUN(names_keep_first_and_last);
    RUN(mobiles_keep_3_and_4);
    RUN(landlines_keep_area_code);
    RUN(short_numbers_keep_less);
    RUN(emails_keep_first_and_domain);
    RUN(empty_and_none_stay);
    return TEST_REPORT();
}
