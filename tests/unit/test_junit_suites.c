/* test_junit_suites.c: JUnit of several lists (a batch: a suite per
 * declaration) counts every suite under one <testsuites>, and the one
 * list of check writes what it wrote before, one suite. */
#include <stdlib.h>
#include <string.h>

#include "findings/finding.h"
#include "test.h"

/* fs with n error findings of code at dir/form.csv. */
static struct sb_findings *with_errors(const char *dir, int n)
{
    struct sb_findings *fs = sb_findings_new(0);
    char *path = sb_xasprintf("%s/form.csv", dir);

    for (int i = 0; i < n; i++) {
        struct sb_finding f = {0};

        f.code = "batch.quota";
        f.sev = SB_SEV_ERROR;
        f.pos.path = path;
        f.pos.row = 5 + i;
        f.pos.col = 3;
        f.message = "超过上限";
        sb_findings_add(fs, &f);
    }
    free(path);
    return fs;
}

/* What write wrote, as a new string. */
static char *written(struct sb_findings *const *fs, const char *const *t,
                     int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    CHECK_INT(n == 1 ? sb_findings_write_junit(fs[0], fp, t[0])
                     : sb_findings_write_junit_suites(fs, t, n, fp),
              SB_OK);
    fclose(fp);
    return buf;
}

static long count(const char *s, const char *what)
{
    long n = 0;

    for (const char *p = s; (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

static void test_suites(void)
{
    struct sb_findings *fs[3] = {with_errors("b/d1", 0),
                                 with_errors("b/d2", 2),
                                 with_errors("b", 1)};
    const char *titles[3] = {"b/d1", "b/d2", "b"};
    char *x = written(fs, titles, 3);

    /* d2: a case for the code and one per finding, 3, failing; b: 2 */
    CHECK(strstr(x, "<testsuites tests=\"5\" failures=\"5\">") != NULL);
    CHECK_INT(count(x, "<testsuite "), 3);
    CHECK_INT(count(x, "</testsuites>"), 1);
    CHECK(strstr(x, "<testsuite name=\"d1\" tests=\"0\" failures=\"0\"") !=
          NULL);
    CHECK(strstr(x, "<testsuite name=\"d2\" tests=\"3\" failures=\"3\"") !=
          NULL);
    CHECK(strstr(x, "<testsuite name=\"b\" tests=\"2\" failures=\"2\"") !=
          NULL);
    free(x);
    for (int i = 0; i < 3; i++)
        sb_findings_free(fs[i]);
}

static void test_one(void)
{
    struct sb_findings *fs = with_errors("d", 1);
    const char *title = "d";
    char *x = written(&fs, &title, 1);

    CHECK(strncmp(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites tests=\"2\" failures=\"2\">\n"
                     " <testsuite name=\"d\" tests=\"2\" failures=\"2\"",
                  strlen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<testsuites tests=\"2\" failures=\"2\">\n"
                         " <testsuite name=\"d\" tests=\"2\" failures=\"2\""))
          == 0);
    CHECK_INT(count(x, "<testsuite "), 1);
    free(x);
    sb_findings_free(fs);
}

int main(void)
{
    RUN(test_suites);
    RUN(test_one);
    return TEST_REPORT();
}
