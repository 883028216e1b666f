/* test.h: the unit-test harness. Each tests/unit/test_<module>.c has a
 * main() that is a flat list of RUN(fn) and ends with TEST_REPORT(),
 * which prints "N passed, N failed" (tests/run.sh adds these up) and
 * returns 1 if any check failed. A test function is void fn(void). */
#ifndef SB_TESTS_TEST_H
#define SB_TESTS_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_passed, test_failed, test_cur_failed;

#define CHECK(c)                                                         \
    do {                                                                 \
        if (!(c)) {                                                      \
            printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
            test_cur_failed++;                                           \
        }                                                                \
    } while (0)

#define CHECK_INT(got, exp)                                              \
    do {                                                                 \
        long long g_ = (long long)(got), e_ = (long long)(exp);         \
        if (g_ != e_) {                                                  \
            printf("%s:%d: %s: got %lld, expected %lld\n", __FILE__,     \
                   __LINE__, #got, g_, e_);                              \
            test_cur_failed++;                                           \
        }                                                                \
    } while (0)

#define CHECK_DBL(got, exp, tol)                                         \
    do {                                                                 \
        double g_ = (double)(got), e_ = (double)(exp);                   \
        if (!(g_ - e_ <= (tol) && e_ - g_ <= (tol))) {                   \
            printf("%s:%d: %s: got %.10g, expected %.10g\n", __FILE__,   \
                   __LINE__, #got, g_, e_);                              \
            test_cur_failed++;                                           \
        }                                                                \
    } while (0)

#define CHECK_STR(got, exp)                                              \
    do {                                                                 \
        const char *g_ = (got), *e_ = (exp);                             \
        if (g_ == NULL || e_ == NULL ? g_ != e_ : strcmp(g_, e_) != 0) { \
            printf("%s:%d: %s: got \"%s\", expected \"%s\"\n", __FILE__, \
                   __LINE__, #got, g_ ? g_ : "(null)",                   \
                   e_ ? e_ : "(null)");                                  \
            test_cur_failed++;                                           \
        }                                                                \
    } while (0)

#define RUN(fn)                                                          \
    do {                                                                 \
        test_cur_failed = 0;                                             \
        fn();                                                            \
        if (test_cur_failed == 0) {                                      \
            test_passed++;                                               \
        } else {                                                         \
            test_failed++;                                               \
            printf("FAIL %s\n", #fn);                                    \
        }                                                                \
    } while (0)

#define TEST_REPORT()                                                    \
    (printf("%d passed, %d failed\n", test_passed, test_failed),        \
     test_failed != 0)

#endif
