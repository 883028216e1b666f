/* test_chart_out.c: chart files. The CSV holds exactly the input data
 * (unrounded, units in the header, BOM, CRLF, quoting); PNG sizes at 2
 * and 4 px/pt; SVG with title, desc and role, ids numbered from 1; PDF
 * with metadata, embedded fonts and no creation date; the same bytes for
 * the same chart in every format, also after other charts were rendered
 * in the process; files written whole; drawing into a caller's cairo_t
 * stays inside the box. */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart/chart.h"
#include "chart/chart_out.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart_fixtures.h"
#include "base/numfmt.h"
#include "test.h"

static struct sb_fonts *fonts;

static struct sb_chart *fixture(const char *name)
{
    struct sb_chart_spec spec;
    struct sb_chart *c = NULL;
    struct sb_error err = {0};

    fix_spec(name, &spec);
    if (sb_chart_new(&c, &spec, NULL, 960, 540, fonts, &err) != SB_OK)
        printf("%s: %s\n", name, err.msg);
    return c;
}

static char *render(const struct sb_chart *c, enum sb_chart_format f,
                    double scale, size_t *len)
{
    struct sb_buf b = {0};
    struct sb_error err = {0};

    if (sb_chart_render(c, f, scale, &b, &err) != SB_OK)
        printf("render: %s\n", err.msg);
    *len = b.len;
    return sb_buf_take(&b);
}

/* CSV as rows of fields (RFC 4180 quoting), after the BOM. */
struct csv {
    int n_rows;
    int n_fields[64];
    char *field[64][32];
};

static void csv_parse(const char *s, struct csv *t)
{
    memset(t, 0, sizeof *t);
    if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    while (*s != '\0' && t->n_rows < 64) {
        int r = t->n_rows, f = 0;

        for (;;) {
            struct sb_buf b = {0};

            if (*s == '"') {
                for (s++; *s != '\0'; s++) {
                    if (*s == '"' && s[1] == '"')
                        sb_buf_putc(&b, *s++);
                    else if (*s == '"')
                        break;
                    else
                        sb_buf_putc(&b, *s);
                }
                s++;
            } else {
                while (*s != ',' && *s != '\r' && *s != '\0')
                    sb_buf_putc(&b, *s++);
            }
            if (f < 32)
                t->field[r][f++] = sb_buf_take(&b);
            if (*s != ',')
                break;
            s++;
        }
        t->n_fields[r] = f;
        t->n_rows++;
        if (*s == '\r')
            s += 2;
    }
}

static void csv_free(struct csv *t)
{
    for (int r = 0; r < t->n_rows; r++)
        for (int f = 0; f < t->n_fields[r]; f++)
            free(t->field[r][f]);
}

static int row_of(const struct csv *t, const char *cat)
{
    for (int r = 1; r < t->n_rows; r++)
        if (strcmp(t->field[r][0], cat) == 0)
            return r;
    return -1;
}

/* Every input value is in the CSV, unrounded, under its category (or
 * heatmap row) and series (or column); a table's cells as they are. */
static void csv_matches_input(const char *name)
{
    struct sb_chart_spec s;
    struct sb_chart *c = fixture(name);
    struct csv t;
    size_t len;
    char *csv = render(c, SB_CHART_CSV, 1, &len), exp[SB_NUMFMT_SIZE];
    int heat;

    fix_spec(name, &s);
    heat = s.kind == SB_CHART_HEATMAP;
    CHECK(strncmp(csv, "\xEF\xBB\xBF", 3) == 0);
    CHECK(strstr(csv, "\r\n") != NULL);
    csv_parse(csv, &t);
    CHECK_INT(t.n_rows, 1 + (heat ? s.n_series : sb_chart_n_cats(c)));
    for (int k = 0; k < s.n_series; k++) {
        for (int i = 0; i < s.n_cat; i++) {
            const char *key = heat ? s.series[k]
                              : s.cats != NULL ? s.cats[i]
                                               : sb_chart_cat(c, i);
            int r = row_of(&t, key), col = -1;

            if (r < 0)
                continue; /* merged into 其他: checked elsewhere */
            if (heat) {
                for (int f = 1; f < t.n_fields[0]; f++)
                    if (strcmp(t.field[0][f], s.cats[i]) == 0)
                        col = f;
            } else {
                col = 1 + k;
            }
            if (s.texts != NULL) /* a table: its cells as given */
                snprintf(exp, sizeof exp, "%s", s.texts[k * s.n_cat + i]);
            else
                sb_numfmt_exact(s.values[k * s.n_cat + i], exp, sizeof exp);
            CHECK(col > 0 && col < t.n_fields[r]);
            if (col > 0 && col < t.n_fields[r])
                CHECK_STR(t.field[r][col], exp);
        }
    }
    csv_free(&t);
    free(csv);
    sb_chart_free(c);
}

static void csv_equals_input(void)
{
    const char *const *names = fix_names();

    for (int i = 0; names[i] != NULL; i++)
        csv_matches_input(names[i]);
}

static void csv_headers_and_extras(void)
{
    struct sb_chart *c;
    struct csv t;
    size_t len;
    char *csv;

    c = fixture("devices_bar");
    csv = render(c, SB_CHART_CSV, 1, &len);
    CHECK(strncmp(csv + 3, "设备类别,设备数（台/套）\r\n运行设备,126300\r\n",
                  strlen("设备类别,设备数（台/套）\r\n运行设备,126300\r\n")) ==
          0);
    free(csv);
    sb_chart_free(c);
    c = fixture("apps_donut");
    csv = render(c, SB_CHART_CSV, 1, &len);
    csv_parse(csv, &t);
    CHECK_STR(t.field[0][2], "占比（%）");
    CHECK_STR(t.field[6][0], "其他");
    CHECK_STR(t.field[6][1], "292");
    {
        double sum = 0;

        for (int r = 1; r < t.n_rows; r++)
            sum += strtod(t.field[r][2], NULL);
        CHECK_DBL(sum, 100, 1e-9);
    }
    csv_free(&t);
    free(csv);
    sb_chart_free(c);
    c = fixture("developers_line");
    csv = render(c, SB_CHART_CSV, 1, &len);
    csv_parse(csv, &t);
    CHECK_STR(t.field[0][0], "月份");
    CHECK_STR(t.field[0][2], "近30日活跃开发者占比（%）");
    CHECK_STR(t.field[1][0], "2021年6月");
    CHECK_STR(t.field[1][2], "29.4");
    CHECK_INT(t.n_rows, 25);
    csv_free(&t);
    free(csv);
    sb_chart_free(c);
    c = fixture("solutions_heatmap");
    csv = render(c, SB_CHART_CSV, 1, &len);
    csv_parse(csv, &t);
    CHECK_STR(t.field[0][0], "行业＼领域（解决方案数，个）");
    CHECK_INT(t.n_fields[0], 10);
    csv_free(&t);
    free(csv);
    sb_chart_free(c);
}

static void csv_quotes_fields(void)
{
    static const char *const cats[2] = {"甲,乙", "说\"明\""};
    static const double v[2] = {0.1, -2.5};
    struct sb_chart_spec s = {.kind = SB_CHART_BAR, .title = "引号",
                              .source = "数据来源：测试", .n_cat = 2,
                              .cats = cats, .n_series = 1, .values = v};
    struct sb_chart *c = NULL;
    struct sb_error err = {0};
    size_t len;
    char *csv;

    CHECK_INT(sb_chart_new(&c, &s, NULL, 960, 540, fonts, &err), SB_OK);
    csv = render(c, SB_CHART_CSV, 1, &len);
    CHECK(strstr(csv, "\"甲,乙\",0.1\r\n\"说\"\"明\"\"\",-2.5\r\n") != NULL);
    free(csv);
    sb_chart_free(c);
}

static unsigned be32(const unsigned char *p)
{
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 |
           p[3];
}

static void png_sizes(void)
{
    struct sb_chart *c = fixture("devices_bar");
    static const double scale[3] = {2, 4, 0.5};
    static const unsigned w[3] = {1920, 3840, 480}, h[3] = {1080, 2160, 270};

    for (int i = 0; i < 3; i++) {
        size_t len;
        unsigned char *png =
            (unsigned char *)render(c, SB_CHART_PNG, scale[i], &len);

        CHECK(len > 33 && memcmp(png, "\x89PNG", 4) == 0);
        CHECK_INT(be32(png + 16), w[i]);
        CHECK_INT(be32(png + 20), h[i]);
        free(png);
    }
    sb_chart_free(c);
}

static void svg_structure(void)
{
    struct sb_chart *c = fixture("apps_hbar");
    size_t len;
    char *svg = render(c, SB_CHART_SVG, 2, &len);

    CHECK(strstr(svg, "width=\"1920px\" height=\"1080px\"") != NULL);
    CHECK(strstr(svg, "viewBox=\"0 0 1920 1080\"") != NULL);
    CHECK(strstr(svg, "role=\"img\"") != NULL);
    CHECK(strstr(svg, "<title id=\"chart-title\">工业APP数量（按重点领域）"
                      "</title>") != NULL);
    CHECK(strstr(svg, "<desc id=\"chart-desc\">这是一个关于") != NULL);
    CHECK(strstr(svg, "生产制造：1,268个") != NULL);
    /* Labels are text in the chart face, not glyph outlines. */
    CHECK(strstr(svg, "font-family=\"'黑体', 'SimHei'") != NULL);
    CHECK(strstr(svg, ">生产制造</tspan></text>") != NULL);
    CHECK(strstr(svg, "id=\"glyph") == NULL);
    CHECK(strstr(svg, "id=\"surface1\"") != NULL);
    free(svg);
    /* Outlined: no text; ids count from 1 in every document. */
    svg = render(c, SB_CHART_SVG_OUTLINES, 2, &len);
    CHECK(strstr(svg, "<text") == NULL);
    CHECK(strstr(svg, "id=\"surface1\"") != NULL);
    CHECK(strstr(svg, "id=\"glyph1\"") != NULL);
    CHECK(strstr(svg, "surface2") == NULL);
    free(svg);
    sb_chart_free(c);
}

/* Whether needle occurs in the first len bytes of hay. */
static int has(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);

    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            return 1;
    return 0;
}

static void pdf_metadata(void)
{
    struct sb_chart *c = fixture("devices_bar");
    size_t len;
    char *pdf = render(c, SB_CHART_PDF, 1, &len);

    CHECK(len > 1000 && memcmp(pdf, "%PDF-", 5) == 0);
    CHECK(!has(pdf, len, "/CreationDate"));
    CHECK(has(pdf, len, "/Title"));
    CHECK(has(pdf, len, "/Subject"));
    /* The font program is embedded (CFF: FontFile3). */
    CHECK(has(pdf, len, "/FontFile3"));
    CHECK(has(pdf, len, "/MediaBox [ 0 0 960 540 ]"));
    free(pdf);
    sb_chart_free(c);
}

/* Render every fixture in every format twice, the second time in
 * reverse order after all the others: the bytes must not change. */
static void same_bytes_whatever_came_before(void)
{
    static const enum sb_chart_format fmts[4] = {SB_CHART_PNG, SB_CHART_SVG,
                                                 SB_CHART_PDF, SB_CHART_CSV};
    const char *const *names = fix_names();
    char *first[16][4];
    size_t first_len[16][4];
    int n = 0;

    while (names[n] != NULL)
        n++;
    for (int i = 0; i < n; i++) {
        struct sb_chart *c = fixture(names[i]);

        for (int f = 0; f < 4; f++)
            first[i][f] = render(c, fmts[f], 1, &first_len[i][f]);
        sb_chart_free(c);
    }
    for (int i = n - 1; i >= 0; i--) {
        struct sb_chart *c = fixture(names[i]);

        for (int f = 0; f < 4; f++) {
            size_t len;
            char *again = render(c, fmts[f], 1, &len);

            if (len != first_len[i][f] ||
                memcmp(again, first[i][f], len) != 0) {
                printf("%s: format %d differs on the second render\n",
                       names[i], f);
                CHECK(0);
            }
            free(again);
            free(first[i][f]);
        }
        sb_chart_free(c);
    }
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    while (d != NULL && (e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    if (d != NULL)
        closedir(d);
    return n;
}

static void files_are_written_whole(void)
{
    struct sb_chart *c = fixture("models_stacked");
    struct sb_error err = {0};
    char dir[] = "/tmp/sb_chart_test.XXXXXX", path[256];
    struct stat st;

    CHECK(mkdtemp(dir) != NULL);
    CHECK_INT(sb_chart_write_set(c, dir, "m", NULL, &err), SB_OK);
    /* Five files, no temporaries left. */
    CHECK_INT(count_entries(dir), 5);
    snprintf(path, sizeof path, "%s/m@2x.png", dir);
    CHECK(stat(path, &st) == 0 && st.st_size > 1000);
    /* Writing again replaces the file. */
    snprintf(path, sizeof path, "%s/m.csv", dir);
    CHECK_INT(sb_chart_write(c, SB_CHART_CSV, 1, path, &err), SB_OK);
    CHECK_INT(count_entries(dir), 5);
    /* A folder that cannot be made (a file is in the way): an error,
     * nothing written. */
    snprintf(path, sizeof path, "%s/m.csv/m.csv", dir);
    CHECK_INT(sb_chart_write(c, SB_CHART_CSV, 1, path, &err), SB_EIO);
    CHECK(strstr(err.msg, "m.csv") != NULL);
    CHECK_INT(count_entries(dir), 5);
    CHECK_INT(sb_chart_render(c, SB_CHART_PNG, 0, NULL, &err), SB_EUSAGE);
    for (const char *const *s = (const char *const[]){
             "m.png", "m@2x.png", "m.svg", "m.pdf", "m.csv", NULL};
         *s != NULL; s++) {
        snprintf(path, sizeof path, "%s/%s", dir, *s);
        unlink(path);
    }
    rmdir(dir);
    sb_chart_free(c);
}

/* Drawn into a caller's context at a report size, the ink stays inside
 * the box it was given. */
static void draws_into_a_report_page(void)
{
    struct sb_chart_spec s;
    struct sb_chart_theme t;
    struct sb_chart *c = NULL;
    struct sb_error err = {0};
    cairo_surface_t *rec = cairo_recording_surface_create(
        CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(rec);
    double x, y, w, h;

    fix_spec("developers_line", &s);
    sb_chart_theme_init(&t, SB_CHART_REPORT, SB_PALETTE_OKABE_ITO);
    CHECK_INT(sb_chart_new(&c, &s, &t, 442.2, 260, fonts, &err), SB_OK);
    CHECK_INT(sb_chart_check(c, NULL, 0), 0);
    cairo_translate(cr, 76.5, 100);
    sb_chart_draw(c, cr);
    cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
    CHECK(x >= 76.5 - 0.5 && y >= 100 - 0.5);
    CHECK(x + w <= 76.5 + 442.2 + 0.5 && y + h <= 100 + 260 + 0.5);
    /* The context comes back as it was given. */
    {
        double tx = 0, ty = 0;

        cairo_user_to_device(cr, &tx, &ty);
        CHECK_DBL(tx, 76.5, 1e-9);
        CHECK_DBL(ty, 100, 1e-9);
    }
    CHECK_INT(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_destroy(rec);
    sb_chart_free(c);
}

int main(void)
{
    struct sb_error err = {0};

    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        printf("sb_fonts_new: %s\n0 passed, 1 failed\n", err.msg);
        return 1;
    }
    RUN(csv_equals_input);
    RUN(csv_headers_and_extras);
    RUN(csv_quotes_fields);
    RUN(png_sizes);
    RUN(svg_structure);
    RUN(pdf_metadata);
    RUN(same_bytes_whatever_came_before);
    RUN(files_are_written_whole);
    RUN(draws_into_a_report_page);
    sb_fonts_free(fonts);
    return TEST_REPORT();
}
