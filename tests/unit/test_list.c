/* test_list.c: stepping through '|'-separated lists (sb_list_next in
 * base/sb.h), the form every alias, role and case list of edition data
 * takes. */
#include "base/sb.h"
#include "test.h"

/* The items of list joined with '/' and each wrapped in <>, so that an
 * empty item shows as <>. */
static char *items(const char *list)
{
    struct sb_buf b = {0};
    const char *p = list, *it;
    size_t n;

    sb_buf_puts(&b, "");
    while (sb_list_next(&p, &it, &n))
        sb_buf_printf(&b, "<%.*s>", (int)n, it);
    return sb_buf_take(&b);
}

static void splits_at_bars(void)
{
    char *s;

    CHECK_STR((s = items("设备编号|设备ID|编号")), "<设备编号><设备ID><编号>");
    free(s);
    CHECK_STR((s = items("one")), "<one>");
    free(s);
    /* an empty item in the middle is kept; a trailing bar adds none */
    CHECK_STR((s = items("a||b|")), "<a><><b>");
    free(s);
    CHECK_STR((s = items("|a")), "<><a>");
    free(s);
}

static void empty_lists(void)
{
    const char *p = NULL, *it = "untouched";
    size_t n = 7;
    char *s;

    CHECK_INT(sb_list_next(&p, &it, &n), 0);
    CHECK_STR(it, "untouched");
    CHECK_INT(n, 7);
    CHECK_STR((s = items("")), "");
    free(s);
}

static void points_into_the_list(void)
{
    const char *list = "A1.设备类型|A2.模型类型", *p = list, *it;
    size_t n;

    CHECK_INT(sb_list_next(&p, &it, &n), 1);
    CHECK(it == list);
    CHECK_INT(n, strlen("A1.设备类型"));
    CHECK_INT(sb_list_next(&p, &it, &n), 1);
    CHECK(it == list + strlen("A1.设备类型|"));
    CHECK_INT(sb_list_next(&p, &it, &n), 0);
    /* done stays done */
    CHECK_INT(sb_list_next(&p, &it, &n), 0);
}

int main(void)
{
    RUN(splits_at_bars);
    RUN(empty_lists);
    RUN(points_into_the_list);
    return TEST_REPORT();
}
