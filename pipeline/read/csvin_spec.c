/* csvin_spec.c: speculative reading (sb_csvin_open_spec), for reading
 * one file in parts on several threads: no encoding pre-pass; the file
 * is taken as UTF-8 and every piece is checked as it is read, spec_state
 * saying what was seen; reading may stop at a set offset and go on. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "read/csvin_int.h"

int csvin_spec_open(struct sb_csvin *r, const struct csvin_range *sp,
                    long long *start, struct sb_error *err)
{
    unsigned char bom[3];
    ssize_t k = 0;

    r->enc = SB_ENC_UTF8;
    r->spec = 1;
    r->has_cr = 1; /* CR-aware line splitting: the same lines either way */
    *start = sp->start;
    if (sp->start == 0) {
        do {
            k = pread(r->fd, bom, 3, 0);
        } while (k < 0 && errno == EINTR);
        if (k < 0) {
            struct sb_pos pos = {.path = r->path};

            return sb_error_set(err, SB_EIO, &pos, "cannot read %s: %s",
                                r->path, strerror(errno));
        }
        if (k == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) {
            r->enc = SB_ENC_UTF8_BOM;
            *start = 3;
        }
    } else {
        r->quiet_blank = 1;
    }
    if (sp->end >= 0 && sp->end < r->size)
        r->end = sp->end;
    return SB_OK;
}

int csvin_spec_check(struct sb_csvin *r, const char *s, size_t n, int complete)
{
    if (memchr(s, '"', n) != NULL)
        r->spec_state |= SB_CSVIN_SPEC_QUOTE;
    if ((!complete && !r->in_eof) || sb_utf8_valid_prefix(s, n) != n ||
        memchr(s, '\0', n) != NULL) {
        r->spec_state |= SB_CSVIN_SPEC_INVALID;
        r->done = 1;
        return 0;
    }
    return 1;
}

int sb_csvin_spec_state(const struct sb_csvin *r)
{
    return r->spec_state;
}

void sb_csvin_set_end(struct sb_csvin *r, long long end)
{
    if (end < 0 || end > r->size)
        end = r->size;
    if (end > r->end)
        r->in_eof = 0;
    r->end = end;
}
