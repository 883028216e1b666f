/* arena.c: region allocation (see arena.h). */
#include "base/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "base/sb.h"

#define BLOCK_SIZE 65536

/* A block of the arena; its memory follows the header. */
struct block {
    struct block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
};

struct sb_arena {
    struct block *head; /* the block allocated from; older ones follow */
};

struct sb_arena *sb_arena_new(void)
{
    return sb_xcalloc(1, sizeof(struct sb_arena));
}

void sb_arena_free(struct sb_arena *a)
{
    if (a == NULL)
        return;
    for (struct block *b = a->head, *next; b != NULL; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *sb_arena_alloc(struct sb_arena *a, size_t n)
{
    size_t align = alignof(max_align_t);
    struct block *b = a->head;
    void *p;

    n = (n + align - 1) / align * align;
    if (b == NULL || b->size - b->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;

        b = sb_xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        if (a->head != NULL && n > BLOCK_SIZE) {
            /* A big allocation gets a block of its own, behind the
             * current one, which stays in use. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *sb_arena_strndup(struct sb_arena *a, const char *s, size_t n)
{
    char *p = sb_arena_alloc(a, n + 1);

    memcpy(p, s, n);
    return p;
}

char *sb_arena_strdup(struct sb_arena *a, const char *s)
{
    return sb_arena_strndup(a, s, strlen(s));
}

void sb_arena_push(struct sb_arena *a, void *v, int *n, const void *elem,
                   size_t size)
{
    unsigned char **arr = v;
    size_t k = (size_t)*n;

    /* The capacity is the power of two at or above n (at least 4): full
     * when n is 4, 8, 16 … */
    if (k == 0 || (k >= 4 && (k & (k - 1)) == 0)) {
        unsigned char *grown = sb_arena_alloc(a, (k < 4 ? 4 : 2 * k) * size);

        if (k > 0)
            memcpy(grown, *arr, k * size);
        *arr = grown;
    }
    memcpy(*arr + k * size, elem, size);
    (*n)++;
}
