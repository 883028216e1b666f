/* fingerprint.c: stable finding identities (see fingerprint.h). */
#include "findings/fingerprint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;

    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t fnv_part(uint64_t h, const char *s)
{
    if (s == NULL)
        return fnv(h, "\x1e", 1);
    return fnv(fnv(h, s, strlen(s)), "\x1f", 1);
}

const char *sb_path_relative(const char *path, const char *root)
{
    size_t n;

    if (path == NULL || root == NULL)
        return path;
    n = strlen(root);
    while (n > 0 && root[n - 1] == '/')
        n--;
    if (n == 0 || strncmp(path, root, n) != 0 || path[n] != '/')
        return path;
    path += n;
    while (*path == '/')
        path++;
    return path;
}

/* The hash of f's parts, before its rank. */
static uint64_t parts_hash(const struct sb_finding *f, const char *root)
{
    uint64_t h = FNV_OFFSET;

    h = fnv_part(h, f->code);
    h = fnv_part(h, sb_path_relative(f->pos.path, root));
    h = fnv_part(h, f->key);
    return fnv_part(h, f->column);
}

static void put_hex(uint64_t h, char *out)
{
    static const char hex[] = "0123456789abcdef";

    for (int i = SB_FINGERPRINT_LEN - 1; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[SB_FINGERPRINT_LEN] = '\0';
}

static uint64_t ranked(uint64_t h, long nth)
{
    char buf[24];
    int len;

    if (nth <= 1)
        return h;
    len = snprintf(buf, sizeof buf, "%ld", nth);
    return fnv(h, buf, (size_t)len);
}

void sb_fingerprint(const struct sb_finding *f, const char *root, long nth,
                    char *out)
{
    put_hex(ranked(parts_hash(f, root), nth), out);
}

struct slot {
    uint64_t h;
    long i;
};

static int by_hash(const void *pa, const void *pb)
{
    const struct slot *a = pa, *b = pb;

    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

char *sb_fingerprints(const struct sb_finding *f, long n, const char *root)
{
    struct slot *s;
    char *out;

    if (n <= 0)
        return NULL;
    s = sb_xmalloc((size_t)n * sizeof *s);
    out = sb_xmalloc((size_t)n * (SB_FINGERPRINT_LEN + 1));
    for (long i = 0; i < n; i++) {
        s[i].h = parts_hash(&f[i], root);
        s[i].i = i;
    }
    qsort(s, (size_t)n, sizeof *s, by_hash);
    for (long k = 0, nth = 1; k < n; k++) {
        nth = k > 0 && s[k].h == s[k - 1].h ? nth + 1 : 1;
        put_hex(ranked(s[k].h, nth),
                out + (size_t)s[k].i * (SB_FINGERPRINT_LEN + 1));
    }
    free(s);
    return out;
}
