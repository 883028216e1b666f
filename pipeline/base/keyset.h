/* keyset.h: the set of values seen in a unique column, for duplicate
 * detection over millions of rows. Keys are stored as 64-bit hashes with
 * the row where each was first seen, never as strings: 12-byte slots in
 * an open-addressing table kept 40-80% full, so 15-30 bytes per key, or
 * 15 bytes per key when the reader reserves room for the keys it
 * expects (sb_keyset_reserve): a 10-million-row device list then takes
 * 150 MB, without the moment at 1.5 times that while a table doubles. A hash collision between
 * two different keys (odds about 3e-6 at 10 million keys) would be
 * reported as a duplicate; the finding prints both rows so a person can
 * tell. */
#ifndef SB_PIPELINE_KEYSET_H
#define SB_PIPELINE_KEYSET_H

#include <stddef.h>
#include <stdint.h>

struct sb_keyset;

/* New empty set. Free with sb_keyset_free. */
struct sb_keyset *sb_keyset_new(void);
void sb_keyset_free(struct sb_keyset *ks);

/* Add key (len bytes) first seen at row. Returns 0 if the key is new,
 * or the row where it was first seen (> 0) if it is a duplicate; the
 * set is then unchanged. row must be > 0 and < 2^31. */
long sb_keyset_add(struct sb_keyset *ks, const char *key, size_t len,
                   long row);

/* Make room for n keys in all without growing (a table at most 80%
 * full), when the caller can estimate how many will come. */
void sb_keyset_reserve(struct sb_keyset *ks, long n);

/* As sb_keyset_add, for a key whose sb_hash64 is h. */
long sb_keyset_add_hash(struct sb_keyset *ks, uint64_t h, long row);

/* The row stored with hash h, or 0 if absent. */
long sb_keyset_find_hash(const struct sb_keyset *ks, uint64_t h);

/* Iterate: start with *pos = 0; each call gives the next stored hash and
 * its row and returns 1, then 0 at the end. */
int sb_keyset_next(const struct sb_keyset *ks, size_t *pos, uint64_t *hash,
                   long *row);

/* Number of distinct keys. */
long sb_keyset_count(const struct sb_keyset *ks);

/* 64-bit hash used by the set (exposed for distinct counts): a
 * wyhash-style function; stable within a process, not across CPU byte
 * orders, so never store it. */
uint64_t sb_hash64(const char *key, size_t len);

#endif
