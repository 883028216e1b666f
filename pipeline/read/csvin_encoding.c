/* csvin_encoding.c: the CSV reader's encoding. At open the whole file
 * is read once to choose the encoding (BOM, strict UTF-8, else GB18030
 * when that decodes with fewer invalid sequences), to learn whether it
 * holds NUL bytes or CRs at all, and where its invalid UTF-8 bytes are,
 * so that only the fields of those lines are scanned and the others
 * copied as they are. While reading, a GB18030 line is converted with
 * iconv (GB18030 never has a line-end byte inside a character). A file
 * that starts with a UTF-16 or UTF-32 byte-order mark is converted to
 * UTF-8 as a whole at open, into an unlinked temporary file read in its
 * place (its line ends are no single bytes). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "read/csvin_int.h"

const char *sb_encoding_name(enum sb_encoding enc)
{
    switch (enc) {
    case SB_ENC_UTF8:
        return "UTF-8";
    case SB_ENC_UTF8_BOM:
        return "UTF-8 (BOM)";
    case SB_ENC_GB18030:
        return "GB18030";
    case SB_ENC_UTF16LE:
        return "UTF-16LE";
    case SB_ENC_UTF16BE:
        return "UTF-16BE";
    case SB_ENC_UTF32LE:
        return "UTF-32LE";
    case SB_ENC_UTF32BE:
        return "UTF-32BE";
    }
    return "?";
}

/* Length of the GB18030 sequence at s (1, 2 or 4), 0 if s[0] starts no
 * valid sequence, -1 if the n bytes available end inside one. Four-byte
 * sequences count only in the ranges the standard maps (BMP and
 * supplementary planes), as glibc's converter does. */
static int gb_seq(const unsigned char *s, size_t n)
{
    uint32_t v;

    if (s[0] < 0x80)
        return 1;
    if (s[0] == 0x80 || s[0] == 0xFF)
        return 0;
    if (n < 2)
        return -1;
    if ((s[1] >= 0x40 && s[1] <= 0x7E) || (s[1] >= 0x80 && s[1] <= 0xFE))
        return 2;
    if (s[1] < 0x30 || s[1] > 0x39)
        return 0;
    if (n < 3)
        return -1;
    if (s[2] < 0x81 || s[2] > 0xFE)
        return 0;
    if (n < 4)
        return -1;
    if (s[3] < 0x30 || s[3] > 0x39)
        return 0;
    v = (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 |
        s[3];
    if ((v >= 0x81308130 && v <= 0x8431A439) ||
        (v >= 0x90308130 && v <= 0xE3329A35))
        return 4;
    return 0;
}

/* Count invalid sequences in s[0..n), at file offset base, as UTF-8 (gb
 * = 0, noting their offsets in bad_at) or GB18030 (gb = 1) into *bad,
 * stopping once *bad > limit. Unless final, stops before a sequence that
 * may continue past n. Returns the bytes consumed. */
static size_t count_invalid(struct sb_csvin *r, const char *s, size_t n,
                            long long base, int gb, int final, long long limit,
                            long long *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < n && *bad <= limit) {
        int k;

        if (!gb) {
            i += sb_utf8_valid_prefix(s + i, n - i);
            if (i >= n || (!final && n - i < 4))
                break;
            if (r->n_bad < MAX_BAD)
                r->bad_at[r->n_bad] = base + (long long)i;
            r->n_bad++;
            (*bad)++;
            i++;
            continue;
        }
        /* ASCII runs, eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;

            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        k = gb_seq(u + i, n - i);
        if (k < 0 && !final)
            break;
        if (k <= 0) {
            (*bad)++;
            i++;
        } else {
            i += (size_t)k;
        }
    }
    return i;
}

/* Read the file from offset start, counting invalid sequences as UTF-8
 * or GB18030 into *bad, to the end or until *bad > limit. Notes NULs and
 * CRs in has_nul and has_cr, both set when the scan stops early, and for
 * UTF-8 where the invalid bytes are (bad_at, bad_ok). */
static int prescan(struct sb_csvin *r, long long start, int gb, long long limit,
                   long long *bad, struct sb_error *err)
{
    size_t carry = 0;
    long long base = start; /* file offset of r->in[0] */
    struct sb_pos pos = {.path = r->path};

    *bad = 0;
    r->has_nul = 0;
    r->has_cr = 0;
    if (!gb) {
        r->n_bad = 0;
        r->bad_ok = 0;
    }
    if (lseek(r->fd, (off_t)start, SEEK_SET) < 0)
        return sb_error_set(err, SB_EIO, &pos, "cannot seek in %s: %s", r->path,
                            strerror(errno));
    for (;;) {
        ssize_t k = read(r->fd, r->in + carry, IN_SIZE - carry);
        size_t n, used;

        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s",
                                r->path, strerror(errno));
        n = carry + (size_t)k;
        if (!r->has_nul && memchr(r->in + carry, '\0', (size_t)k))
            r->has_nul = 1;
        if (!r->has_cr && memchr(r->in + carry, '\r', (size_t)k))
            r->has_cr = 1;
        used = count_invalid(r, r->in, n, base, gb, k == 0, limit, bad);
        if (*bad > limit) {
            r->has_nul = 1;
            r->has_cr = 1;
            r->n_bad = 0;
            return SB_OK;
        }
        base += (long long)used;
        carry = n - used;
        memmove(r->in, r->in + used, carry);
        if (k == 0) {
            r->bad_ok = !gb && r->n_bad <= MAX_BAD;
            if (!gb && !r->bad_ok)
                r->n_bad = 0;
            return SB_OK;
        }
    }
}

/* The UTF-16/32 encoding whose byte-order mark the k bytes at bom start
 * with, its mark's length in *len; SB_ENC_UTF8 if none. */
static enum sb_encoding wide_bom(const unsigned char *bom, ssize_t k,
                                 int *len)
{
    static const struct {
        unsigned char mark[4];
        int len;
        enum sb_encoding enc;
    } marks[] = {
        /* UTF-32LE first: its mark begins with UTF-16LE's */
        {{0xFF, 0xFE, 0x00, 0x00}, 4, SB_ENC_UTF32LE},
        {{0x00, 0x00, 0xFE, 0xFF}, 4, SB_ENC_UTF32BE},
        {{0xFF, 0xFE}, 2, SB_ENC_UTF16LE},
        {{0xFE, 0xFF}, 2, SB_ENC_UTF16BE},
    };

    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        if (k >= marks[i].len && memcmp(bom, marks[i].mark,
                                         (size_t)marks[i].len) == 0) {
            *len = marks[i].len;
            return marks[i].enc;
        }
    }
    return SB_ENC_UTF8;
}

/* Write the n bytes at s to fd; 0, or -1 with errno. */
static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, s, n);

        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Convert the file from offset skip (after its byte-order mark), in
 * r->enc, to UTF-8 in an unlinked temporary file that then stands in
 * for it (r->fd, r->size, r->end). A sequence that is no character (an
 * unpaired surrogate, a cut last unit) becomes U+FFFD, counted in *bad. */
static int widen(struct sb_csvin *r, int skip, long long *bad,
                 struct sb_error *err)
{
    const char *from = sb_encoding_name(r->enc);
    size_t unit = r->enc == SB_ENC_UTF16LE || r->enc == SB_ENC_UTF16BE ? 2 : 4;
    struct sb_pos pos = {.path = r->path};
    iconv_t cd = iconv_open("UTF-8", from);
    FILE *tmp = NULL;
    char *out = sb_xmalloc(IN_SIZE + 16); /* 3 bytes a UTF-16 unit at most */
    size_t carry = 0;
    int fd = -1, e = 0;

    *bad = 0;
    if (cd == (iconv_t)-1)
        return sb_error_set(err, SB_EENCODING, &pos,
                            "%s is %s but iconv cannot convert it: %s",
                            r->path, from, strerror(errno));
    if ((tmp = tmpfile()) == NULL || (fd = dup(fileno(tmp))) < 0 ||
        lseek(r->fd, skip, SEEK_SET) < 0)
        e = errno;
    while (e == 0) {
        ssize_t k = read(r->fd, r->in + carry, IN_SIZE / 2 - carry);
        char *in = r->in, *o = out;
        size_t in_left, o_left = IN_SIZE + 16;

        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            e = errno;
            break;
        }
        in_left = carry + (size_t)k;
        while (in_left > 0 &&
               iconv(cd, &in, &in_left, &o, &o_left) == (size_t)-1) {
            if (errno == EINVAL && k > 0)
                break; /* a character goes on in the next read */
            if (errno == E2BIG) {
                e = E2BIG;
                break;
            }
            memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD */
            o += 3;
            o_left -= 3;
            (*bad)++;
            in += in_left < unit ? in_left : unit;
            in_left -= in_left < unit ? in_left : unit;
        }
        if (e == 0 && write_all(fd, out, (size_t)(o - out)) != 0)
            e = errno;
        carry = in_left;
        memmove(r->in, in, carry);
        if (k == 0)
            break;
    }
    iconv_close(cd);
    free(out);
    if (tmp != NULL)
        fclose(tmp);
    if (e != 0) {
        if (fd >= 0)
            close(fd);
        return sb_error_set(err, SB_EIO, &pos, "cannot convert %s from %s: %s",
                            r->path, from, strerror(e));
    }
    close(r->fd);
    r->fd = fd;
    r->size = r->end = (long long)lseek(fd, 0, SEEK_END);
    return SB_OK;
}

int csvin_detect(struct sb_csvin *r, long long *start, struct sb_error *err)
{
    unsigned char bom[4];
    ssize_t k;
    long long utf8_bad, gb_bad;
    int rc, nul, cr, len;

    *start = 0;
    do {
        k = pread(r->fd, bom, 4, 0);
    } while (k < 0 && errno == EINTR);
    if (k < 0) {
        struct sb_pos pos = {.path = r->path};

        return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s", r->path,
                            strerror(errno));
    }
    r->enc = wide_bom(bom, k, &len);
    if (r->enc != SB_ENC_UTF8) {
        struct sb_finding f = csvin_finding(r, "csv.encoding", SB_SEV_INFO);

        rc = widen(r, len, &gb_bad, err);
        if (rc != SB_OK)
            return rc;
        f.expected = "UTF-8";
        f.found = sb_encoding_name(r->enc);
        if (gb_bad > 0) {
            f.sev = SB_SEV_WARNING;
            csvin_report(r, &f, "检测到 %s 编码，已转换为 UTF-8；其中 %lld "
                                "处不是有效字符，已换为 U+FFFD",
                         f.found, gb_bad);
        } else {
            csvin_report(r, &f, "检测到 %s 编码，已转换为 UTF-8", f.found);
        }
    }
    if (k >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) {
        r->enc = SB_ENC_UTF8_BOM;
        *start = 3;
    }
    /* a BOM says the encoding: no guess at GB18030 */
    rc = prescan(r, *start, 0, r->enc != SB_ENC_UTF8 ? LLONG_MAX : 0,
                 &utf8_bad, err);
    if (rc != SB_OK)
        return rc;
    r->check_bytes = (utf8_bad > 0 && !r->bad_ok) || r->has_nul;
    if (utf8_bad == 0 || r->enc != SB_ENC_UTF8)
        return SB_OK;
    rc = prescan(r, *start, 1, LLONG_MAX, &gb_bad, err);
    if (rc != SB_OK)
        return rc;
    nul = r->has_nul;
    cr = r->has_cr;
    rc = prescan(r, *start, 0, gb_bad, &utf8_bad, err);
    if (rc != SB_OK)
        return rc;
    r->has_nul = nul;
    r->has_cr = cr;
    r->check_bytes = !r->bad_ok || r->has_nul;
    if (gb_bad >= utf8_bad)
        return SB_OK;
    r->enc = SB_ENC_GB18030;
    r->n_bad = 0;
    r->check_bytes = r->has_nul;
    r->cd = iconv_open("UTF-8", "GB18030");
    if (r->cd == (iconv_t)-1) {
        struct sb_pos pos = {.path = r->path};

        return sb_error_set(err, SB_EENCODING, &pos,
                            "%s is GB18030 but iconv cannot convert it: %s",
                            r->path, strerror(errno));
    }
    {
        struct sb_finding f = csvin_finding(r, "csv.encoding", SB_SEV_INFO);

        f.expected = "UTF-8";
        f.found = "GB18030";
        csvin_report(r, &f, "检测到 GB18030 编码，已转换为 UTF-8");
    }
    return SB_OK;
}

size_t csvin_convert(struct sb_csvin *r, const char *s, size_t n, int final,
                     size_t *out)
{
    char *in = (char *)s;
    size_t in_left = n;
    size_t done = 0;

    if (r->conv_cap < 2 * n + 16) {
        r->conv_cap = 2 * n + 16;
        r->conv = sb_xrealloc(r->conv, r->conv_cap);
    }
    while (in_left > 0) {
        char *o = r->conv + done;
        size_t o_left = r->conv_cap - done - 1;
        size_t k = iconv(r->cd, &in, &in_left, &o, &o_left);
        int e = errno;

        done = (size_t)(o - r->conv);
        if (k != (size_t)-1)
            break;
        if (e == E2BIG) {
            r->conv_cap *= 2;
            r->conv = sb_xrealloc(r->conv, r->conv_cap);
            continue;
        }
        if (e == EINVAL && !final)
            break;
        r->conv[done++] = *in++;
        in_left--;
        r->dirty = 1;
    }
    *out = done;
    return n - in_left;
}

int csvin_bad_within(struct sb_csvin *r, long long off, size_t n)
{
    if (r->bad_next > 0 && r->bad_at[r->bad_next - 1] >= off)
        r->bad_next = 0;
    while (r->bad_next < r->n_bad && r->bad_at[r->bad_next] < off)
        r->bad_next++;
    return r->bad_next < r->n_bad &&
           r->bad_at[r->bad_next] < off + (long long)n;
}
