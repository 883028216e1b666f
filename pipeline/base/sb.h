/* sb.h: what every part of shenbao shares: run-error codes, source
 * positions, aborting allocators and a growable byte buffer.
 *
 * Two error channels (see README "Exit codes"): problems in the user's
 * data are findings (finding.h) and never stop a run; problems with the
 * run itself (usage, unreadable file, failed write) are an enum sb_status
 * returned by the function and described in a struct sb_error. */
#ifndef SB_PIPELINE_SB_H
#define SB_PIPELINE_SB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define SB_VERSION "0.1.0"

/* Run-level outcome of a function. Append only: values are stable. */
enum sb_status {
    SB_OK = 0,
    SB_EUSAGE,   /* bad command line or option value */
    SB_EIO,      /* a file could not be opened, read or written */
    SB_EFORMAT,  /* an input is not what it must be (form edition, CSV) */
    SB_ELIMIT,   /* a hard limit was passed (field size, row count) */
    SB_EENCODING, /* input bytes cannot be decoded at all */
    SB_ERENDER,  /* Cairo, Pango or libxlsxwriter reported a failure */
};

/* Where something is in an input file. 0 means unknown. */
struct sb_pos {
    const char *path; /* borrowed: the path as the user gave it */
    long row;         /* record number, the header row is 1 (as Excel) */
    int col;          /* field number, 1-based */
    long line;        /* physical line the record starts on, 1-based */
};

/* A run error: code, position and a one-line message (UTF-8). It owns
 * copies of everything, so it can be copied and outlive its inputs. */
struct sb_error {
    enum sb_status code;
    char path[512]; /* file the error is about, or "" */
    long row;       /* as in struct sb_pos; 0 = unknown */
    int col;
    long line;
    char msg[512];
};

/* Fill err (may be NULL) and return code. pos may be NULL. */
int sb_error_set(struct sb_error *err, enum sb_status code,
                 const struct sb_pos *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* For a run that goes on after a failed step: when rc is not SB_OK and
 * *first still is, set *first = rc and copy e into err (may be NULL).
 * Later failures are dropped: the first error is the one reported. */
void sb_error_keep_first(int rc, const struct sb_error *e, int *first,
                         struct sb_error *err);

/* The last component of path ("annex/devices.csv" → "devices.csv"),
 * borrowed from path. */
const char *sb_path_base(const char *path);

/* Print err to stderr as "shenbao: path:row:col: error: msg". */
void sb_error_print(const struct sb_error *err);

/* A fixed sentence for a status code; never NULL. */
const char *sb_strerror(enum sb_status code);

/* The directory holding fonts/ and pipeline/forms/: $SHENBAO_DATADIR
 * when set, else found from where the binary is (/proc/self/exe):
 * PREFIX/share/shenbao beside an installed PREFIX/bin/shenbao, or the
 * tree a build/FLAVOUR/shenbao was built in (wherever it was moved);
 * "." when neither. Static, found once. */
const char *sb_datadir(void);

/* Allocators that print "shenbao: out of memory (N bytes)" and abort. */
void *sb_xmalloc(size_t n);
void *sb_xcalloc(size_t nmemb, size_t size);
void *sb_xrealloc(void *p, size_t n);
char *sb_xstrdup(const char *s);
char *sb_xstrndup(const char *s, size_t n);

/* Step through a list of items separated by '|', as edition data writes
 * them (header aliases "a|b", roles "code.column|code.column", cases
 * "key=text|key=text"). *cursor starts at the list (NULL or "" is an
 * empty list) and is advanced past each item. On 1, *item points into
 * the list at the next item and *len is its length in bytes, without
 * the '|' (an item may be empty: "a||b" has three; a trailing '|' adds
 * none); 0 when the list is done. Allocates nothing.
 *
 *     for (const char *p = list, *it; sb_list_next(&p, &it, &n);) ... */
int sb_list_next(const char **cursor, const char **item, size_t *len);

/* printf into a new string owned by the caller. */
char *sb_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable byte buffer; data is always NUL-terminated once non-NULL.
 * Initialise with {0}; free with sb_buf_free. */
struct sb_buf {
    char *data;
    size_t len;
    size_t cap;
};

void sb_buf_put(struct sb_buf *b, const void *p, size_t n);
void sb_buf_puts(struct sb_buf *b, const char *s);
void sb_buf_putc(struct sb_buf *b, int c);
/* Append s as one CSV field (RFC 4180): quoted, with quotes doubled,
 * when it holds a comma, quote or line break or starts or ends with a
 * space (so that readers which trim keep it). */
void sb_buf_put_csv(struct sb_buf *b, const char *s);
void sb_buf_printf(struct sb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_buf_vprintf(struct sb_buf *b, const char *fmt, va_list ap);
/* Empty the buffer, keeping its memory. */
void sb_buf_clear(struct sb_buf *b);
/* Hand the string to the caller (never NULL) and reset b. */
char *sb_buf_take(struct sb_buf *b);
void sb_buf_free(struct sb_buf *b);

#endif
