/* test_markup.c: text escaped for HTML and XML (base/markup.h). */
#include "base/markup.h"

#include "test.h"

static char *escaped(const char *s)
{
    struct sb_buf b = {0};

    sb_buf_put_markup(&b, s);
    return sb_buf_take(&b);
}

static void test_markup_characters(void)
{
    char *s = escaped("<b id=\"x\" class='y'>A&B</b>");

    CHECK_STR(s,
              "&lt;b id=&quot;x&quot; class=&#39;y&#39;&gt;A&amp;B&lt;/b&gt;");
    free(s);
    s = escaped("&amp;"); /* never taken as a reference already made */
    CHECK_STR(s, "&amp;amp;");
    free(s);
}

static void test_controls_dropped_text_kept(void)
{
    char *s = escaped("a\001b\tc\nd\re\x1f 设备类别");

    CHECK_STR(s, "ab\tc\nd\re 设备类别");
    free(s);
    s = escaped(NULL);
    CHECK_STR(s, "");
    free(s);
}

int main(void)
{
    RUN(test_markup_characters);
    RUN(test_controls_dropped_text_kept);
    return TEST_REPORT();
}
