/* test_fingerprint.c: finding fingerprints stay put when rows move and
 * the declaration is copied elsewhere, change with what the finding is
 * about, and tell equal findings apart by rank. */
#include "findings/fingerprint.h"
#include "test.h"

static struct sb_finding dev(const char *root_file, long row, const char *id)
{
    struct sb_finding f = {0};

    f.code = "cell.enum";
    f.sev = SB_SEV_ERROR;
    f.pos.path = root_file;
    f.pos.row = row;
    f.pos.col = 4;
    f.column = "设备类别";
    f.key = id;
    f.message = "不是允许的值";
    return f;
}

static void fp(const struct sb_finding *f, const char *root, char *out)
{
    sb_fingerprint(f, root, 1, out);
}

static void test_relative(void)
{
    CHECK_STR(sb_path_relative("decl/annex/a.csv", "decl"), "annex/a.csv");
    CHECK_STR(sb_path_relative("decl/annex/a.csv", "decl/"), "annex/a.csv");
    CHECK_STR(sb_path_relative("decl//form.csv", "decl"), "form.csv");
    CHECK_STR(sb_path_relative("declx/form.csv", "decl"), "declx/form.csv");
    CHECK_STR(sb_path_relative("other/form.csv", "decl"), "other/form.csv");
    CHECK_STR(sb_path_relative("form.csv", NULL), "form.csv");
    CHECK(sb_path_relative(NULL, "decl") == NULL);
}

static void test_shape(void)
{
    struct sb_finding f = dev("d/annex/devices.csv", 12, "DEV-0001");
    char a[SB_FINGERPRINT_LEN + 1];

    fp(&f, "d", a);
    CHECK_INT(strlen(a), SB_FINGERPRINT_LEN);
    CHECK_INT(strspn(a, "0123456789abcdef"), SB_FINGERPRINT_LEN);
}

/* The row, the line, the message and the declaration's place do not
 * count; the code, the file, the key and the column do. */
static void test_what_counts(void)
{
    struct sb_finding f = dev("d/annex/devices.csv", 12, "DEV-0001");
    struct sb_finding g = dev("/tmp/copy/annex/devices.csv", 900, "DEV-0001");
    char a[SB_FINGERPRINT_LEN + 1], b[SB_FINGERPRINT_LEN + 1];

    g.pos.line = 901;
    g.message = "另一句话";
    fp(&f, "d", a);
    fp(&g, "/tmp/copy", b);
    CHECK_STR(a, b);
    g.key = "DEV-0002";
    fp(&g, "/tmp/copy", b);
    CHECK(strcmp(a, b) != 0);
    g = dev("d/annex/devices.csv", 12, "DEV-0001");
    g.column = "设备类型";
    fp(&g, "d", b);
    CHECK(strcmp(a, b) != 0);
    g = dev("d/annex/devices.csv", 12, "DEV-0001");
    g.code = "cell.required";
    fp(&g, "d", b);
    CHECK(strcmp(a, b) != 0);
    g = dev("d/annex/设备清单.csv", 12, "DEV-0001");
    fp(&g, "d", b);
    CHECK(strcmp(a, b) != 0);
    /* a missing part is not an empty one */
    g = dev("d/annex/devices.csv", 12, NULL);
    fp(&g, "d", a);
    g.key = "";
    fp(&g, "d", b);
    CHECK(strcmp(a, b) != 0);
}

/* Sorting the list moves rows: every finding keeps its fingerprint. */
static void test_sorted_rows(void)
{
    struct sb_finding before[3] = {dev("d/a.csv", 2, "A"),
                                   dev("d/a.csv", 3, "B"),
                                   dev("d/a.csv", 4, "C")};
    struct sb_finding after[3] = {dev("d/a.csv", 2, "C"),
                                  dev("d/a.csv", 3, "A"),
                                  dev("d/a.csv", 4, "B")};
    char *x = sb_fingerprints(before, 3, "d");
    char *y = sb_fingerprints(after, 3, "d");
    const int W = SB_FINGERPRINT_LEN + 1;

    CHECK_STR(x + 0 * W, y + 1 * W);
    CHECK_STR(x + 1 * W, y + 2 * W);
    CHECK_STR(x + 2 * W, y + 0 * W);
    CHECK(strcmp(x, x + W) != 0);
    free(x);
    free(y);
    CHECK(sb_fingerprints(before, 0, "d") == NULL);
}

/* Two findings with equal parts: the first keeps the plain fingerprint,
 * the second is ranked 2, and a third unrelated one is not disturbed. */
static void test_rank(void)
{
    struct sb_finding l[3] = {dev("d/a.csv", 2, "SAME"),
                              dev("d/a.csv", 3, "OTHER"),
                              dev("d/a.csv", 5, "SAME")};
    char *x = sb_fingerprints(l, 3, "d");
    char a[SB_FINGERPRINT_LEN + 1];
    const int W = SB_FINGERPRINT_LEN + 1;

    sb_fingerprint(&l[0], "d", 1, a);
    CHECK_STR(x, a);
    sb_fingerprint(&l[2], "d", 2, a);
    CHECK_STR(x + 2 * W, a);
    CHECK(strcmp(x, x + 2 * W) != 0);
    sb_fingerprint(&l[1], "d", 1, a);
    CHECK_STR(x + W, a);
    free(x);
}

/* The hash is FNV-1a 64 and so the same on every machine: pinned. */
static void test_pinned(void)
{
    struct sb_finding f = {0};
    char a[SB_FINGERPRINT_LEN + 1];

    f.code = "c";
    sb_fingerprint(&f, NULL, 1, a);
    /* FNV-1a of "c" 0x1F, then 0x1E for each missing part (python3 -c) */
    CHECK_STR(a, "ee3f802958c8e6e3");
}

int main(void)
{
    RUN(test_relative);
    RUN(test_shape);
    RUN(test_what_counts);
    RUN(test_sorted_rows);
    RUN(test_rank);
    RUN(test_pinned);
    return TEST_REPORT();
}
