/* test_volume.c: the parts of the volumes that are not a whole PDF
 * (tests/e2e/volumes.sh checks those): column measurement, column
 * widths, evidence files. */
#include <math.h>
#include <unistd.h>

#include "volume/evidence_file.h"
#include "test.h"
#include "typeset/colmeasure.h"
#include "typeset/typeset.h"
#include "volume/volume_int.h"

#define EV "tests/fixtures/platform-2023/base/evidence/"

static double sum(const double *w, int n)
{
    double s = 0;

    for (int i = 0; i < n; i++)
        s += w[i];
    return s;
}

/* widths for n columns of one sample row each with the cells given */
static void widths(int n, const double *pref, const double *min,
                   const double *head, double W, double *w)
{
    struct sb_vol_widths_in in = {0};

    in.n = n;
    in.pref = pref;
    in.min = min;
    in.head = head;
    in.sample = pref;
    in.rows = 1;
    in.size = 10.5;
    in.pad = 6;
    in.W = W;
    sb_vol_widths(&in, w);
}

static void widths_all_on_one_line(void)
{
    double pref[] = {50, 80, 30}, min[] = {20, 20, 20}, head[] = {30, 30, 30};
    double w[3];

    widths(3, pref, min, head, 300, w);
    CHECK_DBL(sum(w, 3), 300, 1e-6);
    for (int c = 0; c < 3; c++)
        CHECK(w[c] >= pref[c]);
}

static void widths_ids_and_dates_never_wrap(void)
{
    /* 序号, ID, long text, date, a short name */
    double pref[] = {20, 70, 900, 61, 37.5}, min[] = {16.5, 70, 16.5, 61, 16.5};
    double head[] = {27, 48, 48, 48, 37.5}, w[5];

    widths(5, pref, min, head, 450, w);
    CHECK_DBL(sum(w, 5), 450, 1e-6);
    CHECK(w[1] >= 70);
    CHECK(w[3] >= 61);
    CHECK(w[4] >= 37.5); /* 3 字 of name: one line */
    CHECK(w[2] > w[1] && w[2] > w[3]);
}

static void widths_balance_long_columns(void)
{
    /* two wrapping columns: the longer gets more, so rows are short */
    double pref[] = {600, 200}, min[] = {16.5, 16.5}, head[] = {27, 27};
    double w[2];

    widths(2, pref, min, head, 200, w);
    CHECK_DBL(sum(w, 2), 200, 1e-6);
    CHECK(w[0] > w[1]);
}

static void widths_when_nothing_fits(void)
{
    double pref[] = {200, 100}, min[] = {200, 100}, head[] = {27, 27};
    double w[2];

    widths(2, pref, min, head, 150, w);
    CHECK_DBL(w[0], 100, 1e-6);
    CHECK_DBL(w[1], 50, 1e-6);
}

/* a source of three fixed rows */
static int rows_rewind(void *user, struct sb_error *err)
{
    (void)err;
    *(int *)user = 0;
    return SB_OK;
}

static int rows_next(void *user, struct sb_row *row, struct sb_error *err)
{
    static const char *const cells[][2] = {
        {"1", "工业设备"}, {"2", "工业设备清单"}, {"3", "EQ0200007919"}};
    int *i = user;

    (void)err;
    if (*i >= 3)
        return 0;
    row->cells = cells[(*i)++];
    return 1;
}

static void measure_columns(void)
{
    static const struct sb_column cols[] = {{"序号", 0, SB_ALIGN_CENTER},
                                            {"名称", 0, SB_ALIGN_LEFT}};
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    struct sb_page_style ps;
    struct sb_doc *doc;
    double pref[2], min[2], head[2], sample[2 * 8];
    struct sb_col_measure m = {pref, min, head, sample, 8};
    int i = 0;
    struct sb_rows src = {rows_rewind, rows_next, &i, NULL};

    CHECK_INT(sb_fonts_new(&fonts, NULL, &err), SB_OK);
    if (fonts == NULL)
        return;
    sb_page_style_landscape(&ps);
    doc = sb_doc_new(fonts, &ps);
    CHECK_INT(sb_doc_measure_columns(doc, cols, 2, NULL, &src, &m, &err),
              SB_OK);
    CHECK_INT(m.sample_rows, 3);
    /* 10.5 pt, 3 pt padding each side; 工业设备清单 is 6 字 */
    CHECK_DBL(head[1], 2 * 10.5 + 6, 0.01);
    CHECK_DBL(sample[2 * 1 + 1], 6 * 10.5 + 6, 0.01);
    CHECK_DBL(pref[1], fmax(6 * 10.5, sample[2 * 2 + 1] - 6) + 6, 0.01);
    /* the ID is one unbreakable piece; 工业设备清单 breaks anywhere */
    CHECK_DBL(min[1], sample[2 * 2 + 1], 0.01);
    CHECK(min[0] >= 10.5 + 6);
    sb_doc_free(doc);
    sb_fonts_free(fonts);
}

static void evidence_kinds(void)
{
    CHECK_INT(sb_ev_kind_of("a.PDF"), SB_EV_PDF);
    CHECK_INT(sb_ev_kind_of("图.png"), SB_EV_PNG);
    CHECK_INT(sb_ev_kind_of("b.JPEG"), SB_EV_JPEG);
    CHECK_INT(sb_ev_kind_of("c.jpg"), SB_EV_JPEG);
    CHECK_INT(sb_ev_kind_of("d.docx"), -1);
    CHECK_INT(sb_ev_kind_of("pdf"), -1);
}

static void evidence_sizes(void)
{
    struct sb_ev_file f;
    struct sb_error err = {0};

    CHECK_INT(
        sb_ev_file_probe(&f, EV "01-软件著作权登记证书.pdf", SB_EV_PDF, &err),
        SB_OK);
    CHECK_INT(f.n_pages, 1);
    CHECK_DBL(f.w[0], 595.276, 0.01);
    CHECK_DBL(f.h[0], 841.89, 0.01);
    sb_ev_file_fini(&f);
    /* no pHYs: 96 dpi */
    CHECK_INT(
        sb_ev_file_probe(&f, EV "02-平台运行监测截图.png", SB_EV_PNG, &err),
        SB_OK);
    CHECK_DBL(f.w[0], 1280 * 72.0 / 96, 0.01);
    CHECK_DBL(f.h[0], 720 * 72.0 / 96, 0.01);
    sb_ev_file_fini(&f);
    /* JFIF 100 dpi: the A4 landscape page it was rendered from */
    CHECK_INT(sb_ev_file_probe(&f, EV "03-营业执照.jpg", SB_EV_JPEG, &err),
              SB_OK);
    CHECK_DBL(f.w[0], 841.89, 1);
    CHECK_DBL(f.h[0], 595.28, 1);
    sb_ev_file_fini(&f);
}

/* the first n bytes of file from into to */
static void cut(const char *from, const char *to, long n)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int c;

    while (in != NULL && out != NULL && n-- > 0 && (c = getc(in)) != EOF)
        putc(c, out);
    if (in != NULL)
        fclose(in);
    if (out != NULL)
        fclose(out);
}

static void evidence_unreadable(void)
{
    char dir[] = "/tmp/test_volume.XXXXXX", path[64];
    struct sb_ev_file f;
    struct sb_error err = {0};

    if (mkdtemp(dir) == NULL)
        return;
    snprintf(path, sizeof path, "%s/a.jpg", dir);
    cut(EV "03-营业执照.jpg", path, 2000);
    CHECK_INT(sb_ev_file_probe(&f, path, SB_EV_JPEG, &err), SB_EIO);
    CHECK(strstr(err.msg, "截断") != NULL);
    CHECK(f.path == NULL);
    remove(path);
    snprintf(path, sizeof path, "%s/b.png", dir);
    cut(EV "02-平台运行监测截图.png", path, 3000);
    CHECK_INT(sb_ev_file_probe(&f, path, SB_EV_PNG, &err), SB_EIO);
    remove(path);
    snprintf(path, sizeof path, "%s/c.pdf", dir);
    cut(EV "03-营业执照.jpg", path, 500); /* a JPEG named .pdf */
    CHECK_INT(sb_ev_file_probe(&f, path, SB_EV_PDF, &err), SB_EIO);
    remove(path);
    CHECK_INT(sb_ev_file_probe(&f, "/nonexistent/x.jpg", SB_EV_JPEG, &err),
              SB_EIO);
    rmdir(dir);
}

int main(void)
{
    RUN(widths_all_on_one_line);
    RUN(widths_ids_and_dates_never_wrap);
    RUN(widths_balance_long_columns);
    RUN(widths_when_nothing_fits);
    RUN(measure_columns);
    RUN(evidence_kinds);
    RUN(evidence_sizes);
    RUN(evidence_unreadable);
    return TEST_REPORT();
}
