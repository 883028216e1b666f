/* test_suggest.c: edit distance and "did you mean" (base/suggest.h). */
#include "base/suggest.h"
#include "test.h"

static void distance_counts_code_points(void)
{
    CHECK_INT(sb_edit_distance("", ""), 0);
    CHECK_INT(sb_edit_distance("check", "check"), 0);
    CHECK_INT(sb_edit_distance("", "abc"), 3);
    CHECK_INT(sb_edit_distance("kitten", "sitting"), 3);
    /* a swap of neighbours is one edit */
    CHECK_INT(sb_edit_distance("chekc", "check"), 1);
    /* CJK: two code points missing, not six bytes */
    CHECK_INT(sb_edit_distance("工业设备", "工业设备清单"), 2);
    CHECK_INT(sb_edit_distance("设备名", "设备名称"), 1);
    /* symmetric */
    CHECK_INT(sb_edit_distance("volumes", "vlmes"),
              sb_edit_distance("vlmes", "volumes"));
}

static void suggest_only_likely_typos(void)
{
    static const char *const known[] = {"check", "charts", NULL, "inspect"};

    CHECK_STR(sb_suggest("chekc", known, 4), "check");
    CHECK_STR(sb_suggest("insepct", known, 4), "inspect");
    /* a prefix counts; the first of a tie wins */
    CHECK_STR(sb_suggest("ch", known, 4), "check");
    CHECK(sb_suggest("frobnicate", known, 4) == NULL);
    CHECK(sb_suggest("", known, 4) == NULL);
    /* two words away is too far for a five-letter word */
    CHECK(sb_suggest("chxxk", known, 4) == NULL);
}

static void list_and_hint(void)
{
    static const char *const known[] = {"devices", NULL, "evidence"};
    struct sb_buf b = {0};

    sb_suggest_list(&b, "devics", known, 3);
    CHECK_STR(b.data, "; one of: devices, evidence; did you mean "
                      "\"devices\"?");
    sb_buf_clear(&b);
    sb_suggest_list(&b, "zzz", known, 3);
    CHECK_STR(b.data, "; one of: devices, evidence");
    sb_buf_free(&b);
}

int main(void)
{
    RUN(distance_counts_code_points);
    RUN(suggest_only_likely_typos);
    RUN(list_and_hint);
    return TEST_REPORT();
}
