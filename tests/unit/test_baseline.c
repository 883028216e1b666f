/* test_baseline.c: a baseline accepts exactly the findings it lists by
 * fingerprint, reports the entries that match nothing as stale, survives
 * a round trip through --write-baseline, and refuses files that are not
 * baselines. */
#include <unistd.h>

#include "findings/baseline.h"
#include "findings/fingerprint.h"
#include "test.h"

static char path[] = "/tmp/test_baseline_XXXXXX";

static void put(const char *text)
{
    FILE *fp = fopen(path, "w");

    fputs(text, fp);
    fclose(fp);
}

static void add(struct sb_findings *fs, enum sb_severity sev,
                const char *code, const char *key)
{
    struct sb_finding f = {0};

    f.code = code;
    f.sev = sev;
    f.pos.path = "d/annex/devices.csv";
    f.pos.row = 7;
    f.column = "设备类别";
    f.key = key;
    f.message = "m";
    sb_findings_add(fs, &f);
}

/* Two errors and a warning; fp receives the first error's fingerprint. */
static struct sb_findings *three(char *fp)
{
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_finding f = {0};

    add(fs, SB_SEV_ERROR, "cell.enum", "DEV-1");
    add(fs, SB_SEV_ERROR, "cell.enum", "DEV-2");
    add(fs, SB_SEV_WARNING, "cell.format", "DEV-3");
    f = (struct sb_finding){0};
    f.code = "cell.enum";
    f.pos.path = "d/annex/devices.csv";
    f.column = "设备类别";
    f.key = "DEV-1";
    sb_fingerprint(&f, "d", 1, fp);
    return fs;
}

static const struct sb_finding *find(struct sb_findings *fs,
                                     const char *code, const char *key)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);

    for (long i = 0; i < n; i++) {
        if (strcmp(f[i].code, code) == 0 && f[i].key != NULL &&
            strcmp(f[i].key, key) == 0)
            return &f[i];
    }
    return NULL;
}

static void test_accept_and_stale(void)
{
    char fp[SB_FINGERPRINT_LEN + 1], text[512];
    struct sb_findings *fs = three(fp);
    struct sb_baseline *bl;
    struct sb_error err;
    const struct sb_finding *g;

    snprintf(text, sizeof text,
             "{\"schema_version\": 1, \"accepted\": ["
             "{\"fingerprint\": \"%s\", \"reason\": \"原文如此\", "
             "\"by\": \"张三\"},"
             "{\"fingerprint\": \"0123456789abcdef\", \"code\": \"cell.gone\", "
             "\"file\": \"annex/x.csv\"}]}",
             fp);
    put(text);
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_OK);
    CHECK_INT(sb_baseline_size(bl), 2);
    CHECK_INT(sb_baseline_apply(bl, fs, "d"), 1);
    CHECK_INT(sb_findings_count(fs, SB_SEV_ERROR), 1);
    CHECK_INT(sb_findings_accepted(fs, SB_SEV_ERROR), 1);
    CHECK_INT(sb_findings_count(fs, SB_SEV_WARNING), 2);
    g = find(fs, "cell.enum", "DEV-1");
    CHECK(g != NULL && g->accepted != NULL);
    if (g != NULL && g->accepted != NULL) {
        CHECK_STR(g->accepted, "原文如此");
        CHECK_STR(g->accepted_by, "张三");
    }
    g = find(fs, "cell.enum", "DEV-2");
    CHECK(g != NULL && g->accepted == NULL);
    g = find(fs, "baseline.stale", "0123456789abcdef");
    CHECK(g != NULL);
    if (g != NULL) {
        CHECK_INT(g->sev, SB_SEV_WARNING);
        CHECK_STR(g->pos.path, path);
        CHECK(strstr(g->message, "cell.gone（annex/x.csv）") != NULL);
    }
    sb_baseline_free(bl);
    sb_findings_free(fs);
}

/* --write-baseline, read back: every error and warning accepted, no
 * stale entry, and an accepted finding keeps its reason. */
static void test_round_trip(void)
{
    char fp[SB_FINGERPRINT_LEN + 1], text[512];
    struct sb_findings *fs = three(fp), *again;
    struct sb_baseline *bl;
    struct sb_error err;
    FILE *out;
    const struct sb_finding *g;

    snprintf(text, sizeof text,
             "{\"schema_version\": 1, \"accepted\": [{\"fingerprint\": "
             "\"%s\", \"reason\": \"r\", \"by\": \"b\"}]}",
             fp);
    put(text);
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_OK);
    sb_baseline_apply(bl, fs, "d");
    sb_baseline_free(bl);
    add(fs, SB_SEV_INFO, "csv.encoding", NULL);
    out = fopen(path, "w");
    CHECK_INT(sb_baseline_write(fs, out, "d"), SB_OK);
    fclose(out);
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_OK);
    CHECK_INT(sb_baseline_size(bl), 3);
    again = three(fp);
    CHECK_INT(sb_baseline_apply(bl, again, "d"), 3);
    CHECK_INT(sb_findings_count(again, SB_SEV_ERROR), 0);
    CHECK_INT(sb_findings_count(again, SB_SEV_WARNING), 0);
    g = find(again, "cell.enum", "DEV-1");
    CHECK(g != NULL && g->accepted != NULL && strcmp(g->accepted, "r") == 0);
    g = find(again, "cell.enum", "DEV-2");
    CHECK(g != NULL && g->accepted != NULL && g->accepted[0] == '\0');
    sb_baseline_free(bl);
    sb_findings_free(again);
    sb_findings_free(fs);
}

static void test_refused(void)
{
    struct sb_baseline *bl = (struct sb_baseline *)&bl;
    struct sb_error err;

    put("{\"schema_version\": 1, \"accepted\": [\n{\"fingerprint\": }]}");
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_EFORMAT);
    CHECK(bl == NULL);
    CHECK_INT(err.line, 2);
    put("{\"schema_version\": 2, \"accepted\": []}");
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_EFORMAT);
    CHECK(strstr(err.msg, "schema_version 1") != NULL);
    put("{\"schema_version\": 1, \"accepted\": [{\"reason\": \"x\"}]}");
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_EFORMAT);
    CHECK(strstr(err.msg, "entry 1") != NULL);
    put("{\"schema_version\": 1}");
    CHECK_INT(sb_baseline_read(path, &bl, &err), SB_EFORMAT);
    CHECK_INT(sb_baseline_read("/nonexistent/b.json", &bl, &err), SB_EIO);
}

int main(void)
{
    int fd = mkstemp(path), rc;

    if (fd < 0)
        return 2;
    close(fd);
    RUN(test_accept_and_stale);
    RUN(test_round_trip);
    RUN(test_refused);
    unlink(path);
    rc = TEST_REPORT();
    return rc;
}
