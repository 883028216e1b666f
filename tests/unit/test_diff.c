/* test_diff.c: two findings JSON files compared by fingerprint: new,
 * fixed and persisting findings, which new errors count, the two outputs,
 * and the files refused. */
#include <jansson.h>
#include <unistd.h>

#include "findings/diff.h"
#include "test.h"

static char old_path[] = "/tmp/test_diff_old_XXXXXX";
static char new_path[] = "/tmp/test_diff_new_XXXXXX";

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");

    fputs(text, fp);
    fclose(fp);
}

#define HEAD "{\"schema_version\": 1, \"title\": \"decl\", \"findings\": ["
#define F(fp, sev, row, acc)                                                \
    "{\"code\": \"cell.enum\", \"severity\": \"" sev "\", \"file\": "       \
    "\"decl/annex/d.csv\", \"row\": " #row ", \"col\": 4, \"column\": "     \
    "\"类别\", \"message\": \"m" fp "\", \"fingerprint\": \"" fp "\", "     \
    "\"accepted\": " acc "}"

/* Old: a, b, c. New: b (moved to another row), c, d (error), e (error,
 * accepted), f (warning). */
static void two_nights(void)
{
    put(old_path, HEAD F("aaaa", "error", 2, "null") ","
                  F("bbbb", "error", 3, "null") ","
                  F("cccc", "warning", 4, "null") "]}");
    put(new_path, HEAD F("bbbb", "error", 9, "null") ","
                  F("cccc", "warning", 4, "null") ","
                  F("dddd", "error", 5, "null") ","
                  F("eeee", "error", 6, "{\"reason\": \"r\", \"by\": \"b\"}") ","
                  F("ffff", "warning", 7, "null") "]}");
}

static void test_counts(void)
{
    struct sb_diff *d;
    struct sb_error err;

    two_nights();
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_OK);
    CHECK_INT(sb_diff_new(d), 3);
    CHECK_INT(sb_diff_new_errors(d), 1);
    CHECK_INT(sb_diff_fixed(d), 1);
    CHECK_INT(sb_diff_persisting(d), 2);
    sb_diff_free(d);
    /* the same night twice: nothing new, nothing fixed */
    CHECK_INT(sb_diff_load(new_path, new_path, &d, &err), SB_OK);
    CHECK_INT(sb_diff_new(d) + sb_diff_fixed(d), 0);
    CHECK_INT(sb_diff_persisting(d), 5);
    sb_diff_free(d);
}

static void test_text(void)
{
    struct sb_diff *d;
    struct sb_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);

    two_nights();
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_OK);
    CHECK_INT(sb_diff_write_text(d, out), SB_OK);
    fclose(out);
    CHECK(strncmp(buf, "3 new (1 errors), 1 fixed, 2 persisting\n", 40) == 0);
    CHECK(strstr(buf, "== 新增 new: 3 ==\nerror cell.enum annex/d.csv:5:4: "
                      "类别：mdddd [dddd]\n") != NULL);
    CHECK(strstr(buf, "[eeee] (accepted)\n") != NULL);
    CHECK(strstr(buf, "== 已改正 fixed: 1 ==\nerror cell.enum "
                      "annex/d.csv:2:4: 类别：maaaa [aaaa]\n") != NULL);
    CHECK(strstr(buf, "annex/d.csv:9:4: 类别：mbbbb [bbbb]") != NULL);
    sb_diff_free(d);
    free(buf);
}

static void test_json(void)
{
    struct sb_diff *d;
    struct sb_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    json_t *j;
    json_error_t je;

    two_nights();
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_OK);
    CHECK_INT(sb_diff_write_json(d, out), SB_OK);
    fclose(out);
    j = json_loads(buf, 0, &je);
    CHECK(j != NULL);
    if (j != NULL) {
        json_t *c = json_object_get(j, "counts");

        CHECK_INT(json_integer_value(json_object_get(c, "new")), 3);
        CHECK_INT(json_integer_value(json_object_get(c, "new_errors")), 1);
        CHECK_INT(json_integer_value(json_object_get(c, "fixed")), 1);
        CHECK_INT(json_integer_value(json_object_get(c, "persisting")), 2);
        CHECK_STR(json_string_value(json_object_get(
                      json_array_get(json_object_get(j, "fixed"), 0),
                      "fingerprint")),
                  "aaaa");
        /* persisting findings are as the new night has them */
        CHECK_INT(json_integer_value(json_object_get(
                      json_array_get(json_object_get(j, "persisting"), 0),
                      "row")),
                  9);
        json_decref(j);
    }
    /* findings are written as they were read, in the house style */
    CHECK(strstr(buf, "\n  {\"code\": \"cell.enum\", \"severity\": \"error\", "
                      "\"file\": \"decl/annex/d.csv\", \"row\": 5,") != NULL);
    sb_diff_free(d);
    free(buf);
}

static void test_refused(void)
{
    struct sb_diff *d = (struct sb_diff *)&d;
    struct sb_error err;

    two_nights();
    put(old_path, HEAD "{\"code\": \"x\", \"severity\": \"error\"}]}");
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_EFORMAT);
    CHECK(d == NULL);
    CHECK(strstr(err.msg, "finding 1 has no fingerprint") != NULL);
    CHECK_STR(err.path, old_path);
    put(old_path, "{\"title\": \"decl\", \"findings\": []}");
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_EFORMAT);
    put(old_path, "{\"schema_version\": 1,\n \"findings\": [}");
    CHECK_INT(sb_diff_load(old_path, new_path, &d, &err), SB_EFORMAT);
    CHECK_INT(err.line, 2);
    CHECK_INT(sb_diff_load(old_path, "/nonexistent.json", &d, &err), SB_EFORMAT);
    put(old_path, HEAD "]}");
    CHECK_INT(sb_diff_load(old_path, "/nonexistent.json", &d, &err), SB_EIO);
    CHECK_STR(err.path, "/nonexistent.json");
}

int main(void)
{
    int a = mkstemp(old_path), b = mkstemp(new_path), rc;

    if (a < 0 || b < 0)
        return 2;
    close(a);
    close(b);
    RUN(test_counts);
    RUN(test_text);
    RUN(test_json);
    RUN(test_refused);
    unlink(old_path);
    unlink(new_path);
    rc = TEST_REPORT();
    return rc;
}
