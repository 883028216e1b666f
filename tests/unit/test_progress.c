/* test_progress.c: the progress line (base/progress.h) on an injected
 * clock: throttling, the estimate of the time left, several stages,
 * erasing; nothing when it is off. No sleeping: the clock is a
 * variable. */
#include "base/progress.h"
#include "base/sb.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static double t;

static double fake_clock(void)
{
    return t;
}

static char *buf;
static size_t buf_len;
static FILE *out;

/* A fresh capture of what the line draws, the clock at 100 s. */
static void start(void)
{
    out = open_memstream(&buf, &buf_len);
    t = 100.0;
    sb_progress_clock(fake_clock);
    sb_progress_enable(out);
}

/* What was drawn since start; the caller frees it. */
static char *stop(void)
{
    sb_progress_enable(NULL);
    fclose(out);
    return buf;
}

/* How many times the line was drawn or erased: each starts with \r. */
static int count_cr(const char *s)
{
    int n = 0;

    for (; *s != '\0'; s++)
        n += *s == '\r';
    return n;
}

/* The last draw of the line (after its last \r), without the erase to
 * the end of the line; the caller frees it. */
static char *last_line(const char *s)
{
    const char *r = strrchr(s, '\r');
    const char *e;

    r = r != NULL ? r + 1 : s;
    e = strstr(r, "\033[K");
    return sb_xstrndup(r, e != NULL ? (size_t)(e - r) : strlen(r));
}

static void off_draws_nothing(void)
{
    struct sb_progress *p;

    sb_progress_enable(NULL);
    p = sb_progress_begin("工作簿", "行", 10);
    CHECK(p == NULL);
    sb_progress_step(p, 5);
    sb_progress_end(p);
}

static void throttled_to_four_a_second(void)
{
    struct sb_progress *p;
    char *s, *line;

    start();
    p = sb_progress_begin("工作簿", "行", 300000);
    fflush(out);
    CHECK_INT(count_cr(buf), 1); /* the stage shows at once */
    for (int i = 0; i < 16; i++) {
        t += 0.0625; /* 16 steps in 1 s: 4 draws more, not 16 */
        sb_progress_step(p, 9375);
    }
    fflush(out);
    CHECK_INT(count_cr(buf), 1 + 4);
    line = last_line(buf);
    /* 1 s in, 50 % done: as long again to go */
    CHECK_STR(line, "shenbao: 工作簿 150,000/300,000 行 50% 约剩 1 秒");
    free(line);
    sb_progress_end(p);
    s = stop();
    /* the end erases the line: the output ends with \r and erase */
    CHECK(strlen(s) >= 4 && strcmp(s + strlen(s) - 4, "\r\033[K") == 0);
    free(s);
}

/* The last line drawn is want. */
static void check_line(const char *want)
{
    char *line;

    fflush(out);
    line = last_line(buf);
    CHECK_STR(line, want);
    free(line);
}

static void estimate_once_meaningful(void)
{
    struct sb_progress *p;

    start();
    p = sb_progress_begin("附件卷册", "行", 1000);
    t += 0.5; /* 40 % in half a second: too early to say */
    sb_progress_step(p, 400);
    check_line("shenbao: 附件卷册 400/1,000 行 40%");
    sb_progress_end(p);
    t += 0.5;
    p = sb_progress_begin("附件卷册", "行", 1000);
    t += 120.0; /* 2 minutes, 5 rows: under 1 %, too little to say */
    sb_progress_step(p, 5);
    check_line("shenbao: 附件卷册 5/1,000 行 0%");
    t += 30.0; /* 150 s for 10: 990 more take 14,850 s */
    sb_progress_step(p, 5);
    check_line("shenbao: 附件卷册 10/1,000 行 1% 约剩 4 小时 07 分");
    t += 10.0; /* 160 s for 500: 160 s more */
    sb_progress_step(p, 490);
    check_line("shenbao: 附件卷册 500/1,000 行 50% 约剩 2 分 40 秒");
    t += 10.0; /* done: no estimate */
    sb_progress_step(p, 500);
    check_line("shenbao: 附件卷册 1,000/1,000 行 100%");
    sb_progress_end(p);
    free(stop());
}

static void stages_side_by_side(void)
{
    struct sb_progress *a, *b, *z;

    start();
    a = sb_progress_begin("工作簿", "行", 100);
    t += 1.0;
    b = sb_progress_begin("图表", "张", 20);
    check_line("shenbao: 工作簿 0/100 行 0% · 图表 0/20 张 0%");
    t += 1.0;
    sb_progress_step(b, 5);
    check_line("shenbao: 工作簿 0/100 行 0% · 图表 5/20 张 25% 约剩 3 秒");
    /* the first ends: redrawn at once without it, not erased */
    sb_progress_end(a);
    check_line("shenbao: 图表 5/20 张 25% 约剩 3 秒");
    sb_progress_end(b);
    /* an unknown total: the time spent, then the units done */
    z = sb_progress_begin("压缩", "行", 0);
    t += 3.0;
    sb_progress_step(z, 0);
    check_line("shenbao: 压缩 已用 3 秒");
    t += 1.0;
    sb_progress_step(z, 12345);
    check_line("shenbao: 压缩 12,345 行");
    sb_progress_end(z);
    free(stop());
}

static void printf_erases_first(void)
{
    struct sb_progress *p;
    char *s;

    start();
    p = sb_progress_begin("申报书", "页", 10);
    sb_progress_printf(out, "out/declaration.pdf\n");
    s = strstr(buf, "\r\033[Kout/declaration.pdf\n");
    CHECK(s != NULL);
    /* nothing drawn until the next step after 0.25 s */
    sb_progress_step(p, 1);
    fflush(out);
    CHECK(strcmp(buf + strlen(buf) - strlen("pdf\n"), "pdf\n") == 0);
    t += 0.25;
    sb_progress_step(p, 1);
    fflush(out);
    CHECK(strstr(strstr(buf, "pdf\n"), "申报书 2/10 页 20%") != NULL);
    sb_progress_end(p);
    free(stop());
}

int main(void)
{
    RUN(off_draws_nothing);
    RUN(throttled_to_four_a_second);
    RUN(estimate_once_meaningful);
    RUN(stages_side_by_side);
    RUN(printf_erases_first);
    sb_progress_clock(NULL);
    return TEST_REPORT();
}
