/* keyset.c: an open-addressing hash set of 64-bit key hashes with the
 * row where each key was first seen, for duplicate detection in unique
 * columns.
 *
 * Slots are 12 bytes (the hash as two 32-bit halves and the row, so no
 * padding), in a table probed linearly; row 0 marks an empty slot, so
 * any hash value, 0 included, can be stored. A key's home slot is the
 * top 32 bits of its hash scaled to the capacity, which need not be a
 * power of two: the table is in hash order, so growing it writes the new
 * table almost sequentially, and a reader that knows how many keys are
 * coming reserves exactly the room they need (no doubling, no table
 * twice the size). The table doubles when it would pass 80% full. The hash is a wyhash-style
 * multiply-and-fold function (after Wang Yi's public-domain wyhash,
 * final version 4): fast on short IDs and well mixed in every bit. */
/* mmap's MAP_ANONYMOUS and madvise's MADV_HUGEPAGE are not in POSIX */
#define _DEFAULT_SOURCE
#include "base/keyset.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/sb.h"

/* A 64x64->128-bit product, which GCC and Clang have as an extension. */
__extension__ typedef unsigned __int128 u128;

struct slot {
    uint32_t hash_lo;
    uint32_t hash_hi;
    uint32_t row; /* 0 = empty */
};
_Static_assert(sizeof(struct slot) == 12, "a slot is 12 bytes");

struct sb_keyset {
    struct slot *slots;
    int mapped;     /* slots were mmap'ed (a big table) */
    size_t cap;     /* slots, at least INITIAL_CAP */
    size_t count;   /* keys stored */
    size_t grow_at; /* count past which the table doubles: 80% of cap */
};

#define INITIAL_CAP 1024

static const uint64_t wy0 = 0xa0761d6478bd642fULL;
static const uint64_t wy1 = 0xe7037ed1a0b428dbULL;
static const uint64_t wy2 = 0x8ebc6af09c88c6e3ULL;
static const uint64_t wy3 = 0x589965cc75374cc3ULL;

/* The 128-bit product of a and b folded to 64 bits. */
static uint64_t mix(uint64_t a, uint64_t b)
{
    u128 r = (u128)a * b;

    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* Unaligned loads in the machine's byte order (so the hash of a key
 * may differ between little- and big-endian machines; it never leaves
 * the process). */
static uint64_t read64(const unsigned char *p)
{
    uint64_t v;

    memcpy(&v, p, 8);
    return v;
}

static uint64_t read32(const unsigned char *p)
{
    uint32_t v;

    memcpy(&v, p, 4);
    return v;
}

uint64_t sb_hash64(const char *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t seed = mix(wy0, wy1);
    uint64_t a, b;
    u128 r;

    if (len <= 16) {
        if (len >= 4) {
            /* two overlapping pairs of 32-bit words cover 4..16 bytes */
            size_t off = (len >> 3) << 2;

            a = (read32(p) << 32) | read32(p + off);
            b = (read32(p + len - 4) << 32) | read32(p + len - 4 - off);
        } else if (len > 0) {
            a = ((uint64_t)p[0] << 16) | ((uint64_t)p[len >> 1] << 8) |
                p[len - 1];
            b = 0;
        } else {
            a = 0;
            b = 0;
        }
    } else {
        size_t i = len;

        if (i > 48) {
            uint64_t s1 = seed, s2 = seed;

            do {
                seed = mix(read64(p) ^ wy1, read64(p + 8) ^ seed);
                s1 = mix(read64(p + 16) ^ wy2, read64(p + 24) ^ s1);
                s2 = mix(read64(p + 32) ^ wy3, read64(p + 40) ^ s2);
                p += 48;
                i -= 48;
            } while (i > 48);
            seed ^= s1 ^ s2;
        }
        while (i > 16) {
            seed = mix(read64(p) ^ wy1, read64(p + 8) ^ seed);
            p += 16;
            i -= 16;
        }
        /* the last 16 bytes, which may overlap the ones already read */
        a = read64(p + i - 16);
        b = read64(p + i - 8);
    }
    r = (u128)(a ^ wy1) * (b ^ seed);
    return mix((uint64_t)r ^ wy0 ^ len, (uint64_t)(r >> 64) ^ wy1);
}

static uint64_t slot_hash(const struct slot *s)
{
    return (uint64_t)s->hash_hi << 32 | s->hash_lo;
}

/* A key's home slot: its hash's top 32 bits scaled to the table, so
 * slots follow hash order whatever the capacity. */
static size_t home(const struct sb_keyset *ks, uint64_t h)
{
    return (size_t)(((h >> 32) * (uint64_t)ks->cap) >> 32);
}

/* Tables from this size on are mapped on their own, in 2 MiB pages
 * where the kernel allows: every insertion lands on a random slot, and
 * with 4 KiB pages each would also miss the TLB. */
#define MAP_MIN ((size_t)8 << 20)

static void set_capacity(struct sb_keyset *ks, size_t cap)
{
    size_t bytes = cap * sizeof *ks->slots;

    ks->mapped = 0;
    if (bytes >= MAP_MIN) {
        void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

        if (p != MAP_FAILED) {
#ifdef MADV_HUGEPAGE
            madvise(p, bytes, MADV_HUGEPAGE);
#endif
            ks->slots = p; /* zero-filled */
            ks->mapped = 1;
        }
    }
    if (!ks->mapped)
        ks->slots = sb_xcalloc(cap, sizeof *ks->slots);
    ks->cap = cap;
    ks->grow_at = cap / 5 * 4;
}

static void free_slots(struct slot *slots, size_t cap, int mapped)
{
    if (mapped)
        munmap(slots, cap * sizeof *slots);
    else
        free(slots);
}

struct sb_keyset *sb_keyset_new(void)
{
    struct sb_keyset *ks = sb_xcalloc(1, sizeof *ks);

    set_capacity(ks, INITIAL_CAP);
    return ks;
}

void sb_keyset_free(struct sb_keyset *ks)
{
    if (ks == NULL)
        return;
    free_slots(ks->slots, ks->cap, ks->mapped);
    free(ks);
}

/* Move every key into a table of cap slots. */
static void rehash(struct sb_keyset *ks, size_t cap)
{
    struct slot *old = ks->slots;
    size_t old_cap = ks->cap;
    int old_mapped = ks->mapped;

    assert(cap <= UINT32_MAX);
    set_capacity(ks, cap);
    for (size_t i = 0; i < old_cap; i++) {
        size_t j;

        if (old[i].row == 0)
            continue;
        j = home(ks, slot_hash(&old[i]));
        while (ks->slots[j].row != 0)
            j = j + 1 == ks->cap ? 0 : j + 1;
        ks->slots[j] = old[i];
    }
    free_slots(old, old_cap, old_mapped);
}

void sb_keyset_reserve(struct sb_keyset *ks, long n)
{
    size_t want = (size_t)n + (size_t)n / 4 + 64;

    if (n > 0 && want > ks->cap && want <= UINT32_MAX)
        rehash(ks, want);
}

long sb_keyset_add_hash(struct sb_keyset *ks, uint64_t h, long row)
{
    size_t j = home(ks, h);
    struct slot *s;

    assert(row > 0 && row <= INT32_MAX);
    for (;;) {
        s = &ks->slots[j];
        if (s->row == 0)
            break;
        if (s->hash_lo == (uint32_t)h && s->hash_hi == (uint32_t)(h >> 32))
            return (long)s->row;
        j = j + 1 == ks->cap ? 0 : j + 1;
    }
    if (ks->count + 1 > ks->grow_at) {
        rehash(ks, ks->cap * 2);
        j = home(ks, h);
        while (ks->slots[j].row != 0)
            j = j + 1 == ks->cap ? 0 : j + 1;
        s = &ks->slots[j];
    }
    s->hash_lo = (uint32_t)h;
    s->hash_hi = (uint32_t)(h >> 32);
    s->row = (uint32_t)row;
    ks->count++;
    return 0;
}

long sb_keyset_add(struct sb_keyset *ks, const char *key, size_t len, long row)
{
    return sb_keyset_add_hash(ks, sb_hash64(key, len), row);
}

long sb_keyset_find_hash(const struct sb_keyset *ks, uint64_t h)
{
    size_t j = home(ks, h);

    for (;;) {
        const struct slot *s = &ks->slots[j];

        if (s->row == 0)
            return 0;
        if (s->hash_lo == (uint32_t)h && s->hash_hi == (uint32_t)(h >> 32))
            return (long)s->row;
        j = j + 1 == ks->cap ? 0 : j + 1;
    }
}

int sb_keyset_next(const struct sb_keyset *ks, size_t *pos, uint64_t *hash,
                   long *row)
{
    while (*pos < ks->cap) {
        const struct slot *s = &ks->slots[(*pos)++];

        if (s->row != 0) {
            *hash = slot_hash(s);
            *row = (long)s->row;
            return 1;
        }
    }
    return 0;
}

long sb_keyset_count(const struct sb_keyset *ks)
{
    return (long)ks->count;
}
