/* typeset_bench.c: speed and memory of a streamed annex table.
 *
 * Usage: typeset_bench OUT.pdf [ROWS [portrait|landscape]]
 * Typesets a synthetic device list of ROWS rows (default 100000) as an
 * annex volume ("第 n 页 共 N 页", header repeated) and prints rows,
 * pages, seconds, pages per second and peak RSS. Rows are made up as the
 * engine reads them, so memory is the engine's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "typeset/fonts.h"
#include "typeset/typeset.h"

struct gen {
    long i, n;
    char buf[7][96];
    const char *cells[7];
};

static int gen_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct gen *)user)->i = 0;
    return SB_OK;
}

static int gen_next(void *user, struct sb_row *row, struct sb_error *err)
{
    static const char *const cls[] = {"运行设备", "加工设备", "行走设备",
                                      "其他设备"};
    static const char *const kind[] = {
        "数控加工中心", "工业机器人", "空气压缩机", "注塑机",
        "锅炉及压力容器（含余热回收装置）", "AGV 物流小车", "冷水机组"};
    static const char *const firm[] = {
        "江苏示例精密机械有限公司", "浙江示例电子科技股份有限公司",
        "广东示例家电制造有限公司", "四川示例能源装备集团有限公司"};
    struct gen *g = user;
    long i = g->i;

    (void)err;
    if (i >= g->n)
        return 0;
    snprintf(g->buf[0], sizeof g->buf[0], "%ld", i + 1);
    snprintf(g->buf[1], sizeof g->buf[1], "DEV-%010ld",
             1000000000L + i * 7919 % 900000000L);
    snprintf(g->buf[2], sizeof g->buf[2], "%s %ld号", kind[i % 7],
             i % 997 + 1);
    snprintf(g->buf[3], sizeof g->buf[3], "%s", cls[i % 4]);
    snprintf(g->buf[4], sizeof g->buf[4], "%s", firm[i % 4]);
    snprintf(g->buf[5], sizeof g->buf[5], "2022-%02ld-%02ld", i % 12 + 1,
             i % 28 + 1);
    snprintf(g->buf[6], sizeof g->buf[6], "%s",
             i % 3 ? "MQTT" : "OPC UA");
    for (int c = 0; c < 7; c++)
        g->cells[c] = g->buf[c];
    row->cells = g->cells;
    row->row = i + 2;
    g->i++;
    return 1;
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static const struct sb_column cols[] = {
        {"序号", 0, SB_ALIGN_RIGHT},    {"设备编号", 0, SB_ALIGN_LEFT},
        {"设备名称", 0, SB_ALIGN_LEFT}, {"设备类别", 0, SB_ALIGN_LEFT},
        {"所属企业", 0, SB_ALIGN_LEFT}, {"接入日期", 0, SB_ALIGN_LEFT},
        {"接入协议", 0, SB_ALIGN_LEFT},
    };
    struct gen gen = {0};
    struct sb_rows rows = {gen_rewind, gen_next, &gen, NULL};
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    struct sb_page_style ps;
    struct sb_table_style st;
    struct sb_findings *fs = sb_findings_new(10);
    struct sb_doc *doc;
    struct rusage ru;
    double t0, secs;
    int rc;

    if (argc < 2) {
        fprintf(stderr, "usage: typeset_bench OUT.pdf [ROWS [portrait|"
                        "landscape]]\n");
        return 2;
    }
    gen.n = argc > 2 ? atol(argv[2]) : 100000;
    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    if (argc > 3 && strcmp(argv[3], "portrait") == 0) {
        sb_page_style_gbt9704(&ps);
        ps.number = SB_PAGE_NUMBER_OF_TOTAL;
    } else {
        sb_page_style_landscape(&ps);
    }
    ps.header = "附件2 平台接入设备清单";
    t0 = now();
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, "附件2 平台接入设备清单", "shenbao typeset_bench");
    sb_doc_set_findings(doc, fs, NULL);
    sb_table_style_default(&st);
    st.source = "annex/devices.csv";
    sb_doc_add_table_rows(doc, cols, 7, &st, &rows);
    rc = sb_doc_write_pdf(doc, argv[1], &err);
    secs = now() - t0;
    if (rc != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("rows %ld pages %d seconds %.2f pages/s %.0f rows/s %.0f "
           "maxrss %ld KB\n",
           gen.n, sb_doc_page_count(doc), secs,
           sb_doc_page_count(doc) / secs, gen.n / secs, ru.ru_maxrss);
    sb_doc_free(doc);
    sb_findings_free(fs);
    sb_fonts_free(fonts);
    return 0;
}
