/* arena.h: a region of memory that is freed all at once.
 *
 * What lives as long as one owner (a loaded form edition and its parsed
 * rules) is allocated from the owner's arena, so that freeing the owner
 * is one sb_arena_free. Allocations are zeroed and aligned for any type;
 * they cannot be freed one by one. Like sb_xmalloc, running out of
 * memory prints and aborts. */
#ifndef SB_PIPELINE_ARENA_H
#define SB_PIPELINE_ARENA_H

#include <stddef.h>

struct sb_arena;

/* A new, empty arena. Free with sb_arena_free. */
struct sb_arena *sb_arena_new(void);

/* Free a and everything allocated from it. a may be NULL. */
void sb_arena_free(struct sb_arena *a);

/* n zeroed bytes from a (n may be 0). */
void *sb_arena_alloc(struct sb_arena *a, size_t n);

/* Copies of s, and of its first n bytes, NUL-terminated, in a. */
char *sb_arena_strdup(struct sb_arena *a, const char *s);
char *sb_arena_strndup(struct sb_arena *a, const char *s, size_t n);

/* Append the element at elem (size bytes) to the array *v of *n
 * elements in a, growing it (capacity: the powers of two) as needed;
 * *v may be NULL when *n is 0. */
void sb_arena_push(struct sb_arena *a, void *v, int *n, const void *elem,
                   size_t size);

#endif
