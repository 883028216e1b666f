/* sb.c: run errors, aborting allocators and the growable buffer. */
#include "base/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *sb_path_base(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash != NULL ? slash + 1 : path;
}

void sb_error_keep_first(int rc, const struct sb_error *e, int *first,
                         struct sb_error *err)
{
    if (rc == SB_OK || *first != SB_OK)
        return;
    *first = rc;
    if (err != NULL)
        *err = *e;
}

int sb_error_set(struct sb_error *err, enum sb_status code,
                 const struct sb_pos *pos, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    err->code = code;
    err->path[0] = '\0';
    err->row = 0;
    err->col = 0;
    err->line = 0;
    if (pos != NULL) {
        if (pos->path != NULL)
            snprintf(err->path, sizeof err->path, "%s", pos->path);
        err->row = pos->row;
        err->col = pos->col;
        err->line = pos->line;
    }
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void sb_error_print(const struct sb_error *err)
{
    fputs("shenbao: ", stderr);
    if (err->path[0] != '\0') {
        fputs(err->path, stderr);
        if (err->row > 0)
            fprintf(stderr, ":%ld", err->row);
        if (err->row > 0 && err->col > 0)
            fprintf(stderr, ":%d", err->col);
        fputs(": ", stderr);
    }
    fprintf(stderr, "error: %s\n",
            err->msg[0] != '\0' ? err->msg : sb_strerror(err->code));
}

const char *sb_strerror(enum sb_status code)
{
    switch (code) {
    case SB_OK:
        return "no error";
    case SB_EUSAGE:
        return "bad command line";
    case SB_EIO:
        return "input/output error";
    case SB_EFORMAT:
        return "input is not in the expected format";
    case SB_ELIMIT:
        return "a hard limit was exceeded";
    case SB_EENCODING:
        return "input cannot be decoded";
    case SB_ERENDER:
        return "rendering failed";
    }
    return "unknown error";
}

/* Whether dir holds the editions (dir/pipeline/forms is a directory). */
static int is_datadir(const char *dir)
{
    char *forms = sb_xasprintf("%s/pipeline/forms", dir);
    struct stat st;
    int yes = stat(forms, &st) == 0 && S_ISDIR(st.st_mode);

    free(forms);
    return yes;
}

/* The data directory found from the running binary's own path: for the
 * folder the binary is in and each of its parents (three), A/share/shenbao
 * (installed: PREFIX/bin/shenbao) or A itself (a build tree: build/FLAVOUR/
 * shenbao, build/FLAVOUR/tests/...). NULL when none holds the editions. */
static char *datadir_from_exe(void)
{
    char exe[4096], *slash, *dir;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    for (int up = 0; up < 4 && (slash = strrchr(exe, '/')) != NULL; up++) {
        *slash = '\0';
        dir = sb_xasprintf("%s/share/shenbao", exe[0] != '\0' ? exe : "");
        if (is_datadir(dir))
            return dir;
        free(dir);
        dir = sb_xstrdup(exe[0] != '\0' ? exe : "/");
        if (is_datadir(dir))
            return dir;
        free(dir);
    }
    return NULL;
}

const char *sb_datadir(void)
{
    static char *found;
    const char *d = getenv("SHENBAO_DATADIR");

    if (d != NULL && d[0] != '\0')
        return d;
    if (found == NULL)
        found = datadir_from_exe();
    return found != NULL ? found : ".";
}

static void out_of_memory(size_t n)
{
    fprintf(stderr, "shenbao: out of memory (%zu bytes)\n", n);
    abort();
}

void *sb_xmalloc(size_t n)
{
    void *p = malloc(n != 0 ? n : 1);

    if (p == NULL)
        out_of_memory(n);
    return p;
}

void *sb_xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb != 0 ? nmemb : 1, size != 0 ? size : 1);

    if (p == NULL)
        out_of_memory(nmemb * size);
    return p;
}

void *sb_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n != 0 ? n : 1);

    if (q == NULL)
        out_of_memory(n);
    return q;
}

char *sb_xstrdup(const char *s)
{
    return sb_xstrndup(s, strlen(s));
}

int sb_list_next(const char **cursor, const char **item, size_t *len)
{
    const char *p = *cursor, *bar;

    if (p == NULL || *p == '\0')
        return 0;
    bar = strchr(p, '|');
    *item = p;
    *len = bar != NULL ? (size_t)(bar - p) : strlen(p);
    *cursor = bar != NULL ? bar + 1 : p + *len;
    return 1;
}

char *sb_xstrndup(const char *s, size_t n)
{
    char *p = sb_xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sb_xasprintf(const char *fmt, ...)
{
    struct sb_buf b = {0};
    va_list ap;

    va_start(ap, fmt);
    sb_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return sb_buf_take(&b);
}

static void buf_reserve(struct sb_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;

    if (need <= b->cap)
        return;
    if (b->cap == 0)
        b->cap = 64;
    while (b->cap < need)
        b->cap *= 2;
    b->data = sb_xrealloc(b->data, b->cap);
}

void sb_buf_put(struct sb_buf *b, const void *p, size_t n)
{
    buf_reserve(b, n);
    if (n > 0)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_buf_puts(struct sb_buf *b, const char *s)
{
    sb_buf_put(b, s, strlen(s));
}

void sb_buf_put_csv(struct sb_buf *b, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' &&
        (s[0] == '\0' || s[strlen(s) - 1] != ' ')) {
        sb_buf_puts(b, s);
        return;
    }
    sb_buf_putc(b, '"');
    for (; *s != '\0'; s++) {
        if (*s == '"')
            sb_buf_putc(b, '"');
        sb_buf_putc(b, *s);
    }
    sb_buf_putc(b, '"');
}

void sb_buf_putc(struct sb_buf *b, int c)
{
    char ch = (char)c;

    sb_buf_put(b, &ch, 1);
}

void sb_buf_vprintf(struct sb_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sb_buf_printf(struct sb_buf *b, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void sb_buf_clear(struct sb_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

char *sb_buf_take(struct sb_buf *b)
{
    char *s = b->data;

    if (s == NULL)
        s = sb_xstrdup("");
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return s;
}

void sb_buf_free(struct sb_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}
