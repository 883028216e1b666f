/* progress.c: the progress line (see progress.h). */
#include "base/progress.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "base/numfmt.h"
#include "base/sb.h"

enum { MAX_SHOWN = 4 };

#define REDRAW_S 0.25 /* at most 4 draws a second */
#define ETA_AFTER_S 1.0

struct sb_progress {
    const char *label, *unit;
    long long total, done;
    double start; /* clock at begin */
};

static struct {
    pthread_mutex_t lock;
    FILE *fp;
    double (*now)(void);
    struct sb_progress *stage[MAX_SHOWN]; /* in order of begin */
    int n;
    int drawn;        /* a line is on the terminal */
    double last_draw; /* clock at the last draw */
} S = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL, {NULL}, 0, 0, -1e9};

static double monotonic(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return S.now != NULL ? S.now() : monotonic();
}

void sb_progress_enable(FILE *fp)
{
    pthread_mutex_lock(&S.lock);
    S.fp = fp;
    S.drawn = 0;
    S.last_draw = -1e9;
    pthread_mutex_unlock(&S.lock);
}

void sb_progress_clock(double (*fn)(void))
{
    pthread_mutex_lock(&S.lock);
    S.now = fn;
    pthread_mutex_unlock(&S.lock);
}

/* "约剩 14 秒" for s seconds, rounded up. */
static void put_left(struct sb_buf *b, double s)
{
    long t = (long)s + (s > (double)(long)s);

    if (t < 60)
        sb_buf_printf(b, " 约剩 %ld 秒", t < 1 ? 1 : t);
    else if (t < 3600)
        sb_buf_printf(b, " 约剩 %ld 分 %02ld 秒", t / 60, t % 60);
    else
        sb_buf_printf(b, " 约剩 %ld 小时 %02ld 分", t / 3600, t / 60 % 60);
}

/* One stage as the line shows it at time t. */
static void put_stage(struct sb_buf *b, const struct sb_progress *p, double t)
{
    char done[SB_NUMFMT_SIZE], total[SB_NUMFMT_SIZE];
    double spent = t - p->start;

    sb_buf_puts(b, p->label);
    if (p->total <= 0) {
        if (p->done > 0)
            sb_buf_printf(b, " %s %s",
                          sb_numfmt_group((double)p->done, 0, done,
                                          sizeof done),
                          p->unit);
        else
            sb_buf_printf(b, " 已用 %ld 秒", (long)spent);
        return;
    }
    sb_buf_printf(b, " %s/%s %s %lld%%",
                  sb_numfmt_group((double)p->done, 0, done, sizeof done),
                  sb_numfmt_group((double)p->total, 0, total, sizeof total),
                  p->unit,
                  p->done >= p->total ? 100 : p->done * 100 / p->total);
    if (spent >= ETA_AFTER_S && p->done * 100 >= p->total &&
        p->done < p->total)
        put_left(b, spent * (double)(p->total - p->done) / (double)p->done);
}

/* Columns the terminal shows of the UTF-8 text s: 2 for a character of
 * three or four bytes (CJK), 1 for the others. Cut s (length *len) to
 * at most cols columns at a character boundary. */
static void cut_to_width(const char *s, size_t *len, int cols)
{
    size_t i = 0;
    int used = 0;

    while (i < *len) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        int w = n >= 3 ? 2 : 1;

        if (used + w > cols || i + n > *len)
            break;
        used += w;
        i += n;
    }
    *len = i;
}

/* The terminal's width in columns, 80 when it does not say. */
static int width(void)
{
    struct winsize ws;

    if (ioctl(fileno(S.fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* Draw the line at time t (S.lock held): every stage, cut to one
 * column less than the terminal so it never wraps. */
static void draw(double t)
{
    struct sb_buf b = {0};
    size_t len;

    sb_buf_puts(&b, "shenbao: ");
    for (int i = 0; i < S.n; i++) {
        if (i > 0)
            sb_buf_puts(&b, " · ");
        put_stage(&b, S.stage[i], t);
    }
    len = b.len;
    cut_to_width(b.data, &len, width() - 1);
    fprintf(S.fp, "\r%.*s\033[K", (int)len, b.data);
    fflush(S.fp);
    sb_buf_free(&b);
    S.drawn = 1;
    S.last_draw = t;
}

/* Erase the line (S.lock held). */
static void erase(void)
{
    if (!S.drawn)
        return;
    fputs("\r\033[K", S.fp);
    fflush(S.fp);
    S.drawn = 0;
}

/* Draw unless the last draw is too recent (S.lock held). */
static void maybe_draw(void)
{
    double t = now();

    if (S.n > 0 && t - S.last_draw >= REDRAW_S)
        draw(t);
}

struct sb_progress *sb_progress_begin(const char *label, const char *unit,
                                      long long total)
{
    struct sb_progress *p = NULL;

    pthread_mutex_lock(&S.lock);
    if (S.fp != NULL) {
        p = sb_xcalloc(1, sizeof *p);
        p->label = label;
        p->unit = unit;
        p->total = total;
        p->start = now();
        if (S.n < MAX_SHOWN)
            S.stage[S.n++] = p;
        draw(p->start); /* a new stage shows at once */
    }
    pthread_mutex_unlock(&S.lock);
    return p;
}

void sb_progress_step(struct sb_progress *p, long long n)
{
    if (p == NULL)
        return;
    pthread_mutex_lock(&S.lock);
    p->done += n;
    maybe_draw();
    pthread_mutex_unlock(&S.lock);
}

void sb_progress_end(struct sb_progress *p)
{
    int i;

    if (p == NULL)
        return;
    pthread_mutex_lock(&S.lock);
    for (i = 0; i < S.n && S.stage[i] != p; i++)
        ;
    if (i < S.n) {
        memmove(&S.stage[i], &S.stage[i + 1],
                (size_t)(S.n - i - 1) * sizeof *S.stage);
        S.n--;
    }
    if (S.fp != NULL && S.n == 0)
        erase();
    else if (S.fp != NULL && S.drawn)
        draw(now());
    pthread_mutex_unlock(&S.lock);
    free(p);
}

void sb_progress_printf(FILE *fp, const char *fmt, ...)
{
    va_list ap;

    pthread_mutex_lock(&S.lock);
    if (S.fp != NULL)
        erase();
    va_start(ap, fmt);
    vfprintf(fp, fmt, ap);
    va_end(ap);
    fflush(fp);
    pthread_mutex_unlock(&S.lock);
}
