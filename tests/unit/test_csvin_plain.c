/* test_csvin_plain.c: the CSV reader's hand-cut fast path (lines
 * without a quote character, csvin_parse_plain) against libcsv, the
 * parser of record (opts.libcsv_only). Every CSV of the test fixtures
 * and inputs and every file of the CSV fuzz corpus are read both ways,
 * with the default limits and with the fuzz target's small ones; records (row, line, fields,
 * lengths, field lines), findings and the reader's counters must be
 * identical. The corpus holds the fast path's edges: line ends, empty
 * and trailing fields, a last line without its end, NULs and invalid
 * bytes, a field over the small limit, quotes beside plain lines,
 * GB18030, a BOM. */
#include "read/csvin.h"
#include "test.h"

#include <dirent.h>
#include <sys/stat.h>

#include "base/sb.h"

static long n_files, n_records;

/* Everything the reader gives for path, written out to *out: each
 * record, then the findings as JSON and the line and blank counts. */
static void read_out(const char *path, const struct sb_csvin_opts *o,
                     struct sb_buf *out)
{
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_csvin *r = NULL;
    struct sb_record *rec;
    struct sb_error err = {0};
    char *json = NULL;
    size_t json_len = 0;
    FILE *mem;
    long nb, fb;

    sb_buf_clear(out);
    if (sb_csvin_open(&r, path, o, fs, &err) != SB_OK) {
        sb_buf_printf(out, "open failed: %d\n", err.code);
        sb_findings_free(fs);
        return;
    }
    for (;;) {
        int rc = sb_csvin_next(r, &rec, &err);

        if (rc != SB_OK) {
            sb_buf_printf(out, "next failed: %d\n", rc);
            break;
        }
        if (rec == NULL)
            break;
        sb_buf_printf(out, "row %ld line %ld fields %d\n", rec->row, rec->line,
                      rec->n_fields);
        for (int i = 0; i < rec->n_fields; i++) {
            sb_buf_printf(out, "  %zu@%ld:", rec->lens[i], rec->field_lines[i]);
            sb_buf_put(out, rec->fields[i], rec->lens[i]);
            sb_buf_putc(out, '\n');
        }
    }
    sb_csvin_blank_lines(r, &nb, &fb);
    sb_buf_printf(out, "rows %ld lines %ld blank %ld first %ld done %d\n",
                  sb_csvin_rows(r), sb_csvin_lines(r), nb, fb,
                  sb_csvin_done(r));
    sb_csvin_close(r);
    mem = open_memstream(&json, &json_len);
    if (mem != NULL) {
        sb_findings_write_json(fs, mem, "t");
        fclose(mem);
        sb_buf_put(out, json, json_len);
    }
    free(json);
    sb_findings_free(fs);
}

/* Records in a read_out text. */
static long count_records(const struct sb_buf *b)
{
    long k = 0;
    const char *s = b->data, *e = s + b->len;

    while (s < e) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        size_t n = nl != NULL ? (size_t)(nl - s) : (size_t)(e - s);

        k += strncmp(s, "row ", 4) == 0;
        s += n + 1;
    }
    return k;
}

/* Read path both ways under both sets of limits. */
static void compare_file(const char *path)
{
    static const struct sb_csvin_opts limits[2] = {
        {0}, {.max_quoted_lines = 3, .max_field_bytes = 64}};
    struct sb_buf fast = {0}, oracle = {0};

    for (int k = 0; k < 2; k++) {
        struct sb_csvin_opts o = limits[k];

        read_out(path, &o, &fast);
        o.libcsv_only = 1;
        read_out(path, &o, &oracle);
        if (fast.len != oracle.len ||
            memcmp(fast.data, oracle.data, fast.len) != 0) {
            size_t i = 0;

            while (i < fast.len && i < oracle.len &&
                   fast.data[i] == oracle.data[i])
                i++;
            printf("%s (limits %d): fast path and libcsv differ at byte %zu:\n"
                   "  fast:   %.80s\n  libcsv: %.80s\n",
                   path, k, i, i < fast.len ? fast.data + i : "(end)",
                   i < oracle.len ? oracle.data + i : "(end)");
            CHECK(0);
        }
        if (k == 0)
            n_records += count_records(&oracle);
    }
    n_files++;
    sb_buf_free(&fast);
    sb_buf_free(&oracle);
}

/* Every regular file under dir whose name ends in suffix ("" = all). */
static void compare_tree(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d == NULL) {
        printf("cannot open %s\n", dir);
        CHECK(0);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        struct sb_buf p = {0};
        struct stat st;
        size_t n = strlen(e->d_name), m = strlen(suffix);

        if (e->d_name[0] == '.')
            continue;
        sb_buf_printf(&p, "%s/%s", dir, e->d_name);
        if (lstat(p.data, &st) == 0 && S_ISDIR(st.st_mode))
            compare_tree(p.data, suffix);
        else if (S_ISREG(st.st_mode) && n >= m &&
                 strcmp(e->d_name + n - m, suffix) == 0)
            compare_file(p.data);
        sb_buf_free(&p);
    }
    closedir(d);
}

static void test_fixtures(void)
{
    long before = n_files;

    compare_tree("tests/fixtures", ".csv");
    compare_tree("inputs", ".csv");
    CHECK(n_files - before >= 20);
}

static void test_fuzz_corpus(void)
{
    long before = n_files;

    compare_tree("tests/fuzz/corpus/csvin", "");
    CHECK(n_files - before >= 16);
}

/* The comparison covered real data (inputs/sample alone has 20,000
 * devices), not only headers. */
static void test_covered(void)
{
    printf("%ld files, %ld records compared\n", n_files, n_records);
    CHECK(n_records > 20000);
}

int main(void)
{
    RUN(test_fixtures);
    RUN(test_fuzz_corpus);
    RUN(test_covered);
    return TEST_REPORT();
}
