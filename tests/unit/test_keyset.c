/* test_keyset.c: the unique-key set: first rows of duplicates, counts,
 * growth, two million sequential IDs, and the hash's mixing. */
#include <stdint.h>

#include "base/keyset.h"
#include "test.h"

#define ADD(ks, s, row) sb_keyset_add(ks, s, strlen(s), row)

static void add_and_duplicates(void)
{
    struct sb_keyset *ks = sb_keyset_new();

    CHECK_INT(sb_keyset_count(ks), 0);
    CHECK_INT(ADD(ks, "DEV0000001", 2), 0);
    CHECK_INT(ADD(ks, "DEV0000002", 3), 0);
    CHECK_INT(ADD(ks, "DEV0000001", 4), 2);
    CHECK_INT(ADD(ks, "DEV0000001", 9), 2); /* still the first row */
    CHECK_INT(ADD(ks, "DEV0000002", 5), 3);
    CHECK_INT(sb_keyset_count(ks), 2);
    /* keys are bytes: case, spaces and embedded NULs all count */
    CHECK_INT(ADD(ks, "dev0000001", 6), 0);
    CHECK_INT(ADD(ks, "DEV0000001 ", 7), 0);
    CHECK_INT(sb_keyset_add(ks, "a\0b", 3, 8), 0);
    CHECK_INT(sb_keyset_add(ks, "a\0c", 3, 10), 0);
    CHECK_INT(sb_keyset_add(ks, "a", 1, 11), 0);
    CHECK_INT(sb_keyset_add(ks, "a\0b", 3, 12), 8);
    CHECK_INT(sb_keyset_add(ks, "", 0, 13), 0);
    CHECK_INT(sb_keyset_add(ks, "", 0, 14), 13);
    CHECK_INT(sb_keyset_count(ks), 8);
    /* the largest row */
    CHECK_INT(ADD(ks, "last", 2147483647L), 0);
    CHECK_INT(ADD(ks, "last", 2), 2147483647L);
    sb_keyset_free(ks);
    sb_keyset_free(NULL);
}

static void growth_keeps_every_key(void)
{
    struct sb_keyset *ks = sb_keyset_new();
    char key[32];
    int bad = 0;

    /* from the initial table through several doublings, checking all
     * keys after each step */
    for (long n = 1; n <= 20000; n++) {
        snprintf(key, sizeof key, "K-%ld", n);
        if (ADD(ks, key, n + 1) != 0)
            bad++;
        if ((n & (n - 1)) == 0 || n % 819 == 0) {
            for (long k = 1; k <= n; k++) {
                snprintf(key, sizeof key, "K-%ld", k);
                if (ADD(ks, key, 999999) != k + 1)
                    bad++;
            }
        }
    }
    CHECK_INT(bad, 0);
    CHECK_INT(sb_keyset_count(ks), 20000);
    sb_keyset_free(ks);
}

static void two_million_sequential_ids(void)
{
    struct sb_keyset *ks = sb_keyset_new();
    char key[32];
    long false_dups = 0, wrong_rows = 0;

    for (long i = 1; i <= 2000000; i++) {
        int n = snprintf(key, sizeof key, "DEV%07ld", i);

        if (sb_keyset_add(ks, key, (size_t)n, i + 1) != 0)
            false_dups++;
    }
    CHECK_INT(false_dups, 0);
    CHECK_INT(sb_keyset_count(ks), 2000000);
    /* every 7th ID again: each reports the row it was first seen at */
    for (long i = 1; i <= 2000000; i += 7) {
        int n = snprintf(key, sizeof key, "DEV%07ld", i);

        if (sb_keyset_add(ks, key, (size_t)n, 3) != i + 1)
            wrong_rows++;
    }
    CHECK_INT(wrong_rows, 0);
    CHECK_INT(sb_keyset_count(ks), 2000000);
    sb_keyset_free(ks);
}

static int popcount64(uint64_t v)
{
    int n = 0;

    while (v != 0) {
        v &= v - 1;
        n++;
    }
    return n;
}

static void hash_mixes_every_bit(void)
{
    /* keys of 1..100 bytes take every code path; flipping any one input
     * bit must change about half of the 64 output bits */
    unsigned char key[100];
    long flips = 0, bits = 0;
    int worst = 64, best = 0;

    for (size_t i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 1; len <= sizeof key; len++) {
        uint64_t h = sb_hash64((const char *)key, len);

        for (size_t bit = 0; bit < len * 8; bit++) {
            int d;

            key[bit / 8] ^= (unsigned char)(1u << (bit % 8));
            d = popcount64(h ^ sb_hash64((const char *)key, len));
            key[bit / 8] ^= (unsigned char)(1u << (bit % 8));
            flips++;
            bits += d;
            if (d < worst)
                worst = d;
            if (d > best)
                best = d;
        }
    }
    /* the mean over 40,400 flips is 32 +- 0.02; single flips spread as
     * a binomial(64, 1/2), so 10..54 is about 7 sigma */
    CHECK_DBL((double)bits / (double)flips, 32.0, 0.3);
    CHECK(worst >= 10);
    CHECK(best <= 54);
    /* length is part of the hash: runs of zero bytes differ */
    memset(key, 0, sizeof key);
    for (size_t len = 0; len < 40; len++)
        CHECK(sb_hash64((const char *)key, len) !=
              sb_hash64((const char *)key, len + 1));
    /* stable from call to call */
    CHECK(sb_hash64("DEV0000001", 10) == sb_hash64("DEV0000001", 10));
}

int main(void)
{
    RUN(add_and_duplicates);
    RUN(growth_keeps_every_key);
    RUN(two_million_sequential_ids);
    RUN(hash_mixes_every_bit);
    return TEST_REPORT();
}
