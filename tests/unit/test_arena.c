/* test_arena.c: region allocation (base/arena.h). */
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "test.h"

static void allocations_are_zeroed_aligned_and_apart(void)
{
    struct sb_arena *a = sb_arena_new();
    unsigned char *prev = NULL;

    for (int i = 0; i < 5000; i++) {
        size_t n = (size_t)(i % 97) + 1;
        unsigned char *p = sb_arena_alloc(a, n);
        size_t zero = 0;

        CHECK((uintptr_t)p % alignof(max_align_t) == 0);
        for (size_t k = 0; k < n; k++)
            zero += p[k] == 0;
        CHECK(zero == n);
        memset(p, 0xAB, n);
        if (prev != NULL)
            CHECK(prev[0] == 0xAB); /* the last one was not overwritten */
        prev = p;
    }
    /* bigger than a block */
    prev = sb_arena_alloc(a, 200000);
    CHECK(prev[199999] == 0);
    memset(prev, 1, 200000);
    CHECK(*(unsigned char *)sb_arena_alloc(a, 1) == 0);
    sb_arena_free(a);
}

static void strings_and_arrays(void)
{
    struct sb_arena *a = sb_arena_new();
    int *v = NULL, n = 0;

    CHECK_STR(sb_arena_strdup(a, "设备"), "设备");
    CHECK_STR(sb_arena_strndup(a, "abcdef", 3), "abc");
    for (int i = 0; i < 1000; i++)
        sb_arena_push(a, &v, &n, &i, sizeof i);
    CHECK_INT(n, 1000);
    for (int i = 0; i < n; i++) {
        if (v[i] != i) {
            CHECK_INT(v[i], i);
            break;
        }
    }
    sb_arena_free(a);
    sb_arena_free(NULL);
}

int main(void)
{
    RUN(allocations_are_zeroed_aligned_and_apart);
    RUN(strings_and_arrays);
    return TEST_REPORT();
}
