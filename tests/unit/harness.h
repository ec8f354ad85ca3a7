/* A small unit-test harness: TEST(name) { ... CHECK(...); } registers itself;
 * build/test_unit [FILTER] runs the tests whose name contains FILTER. */
#ifndef HS_HARNESS_H
#define HS_HARNESS_H
#include <stdio.h>
#include <string.h>

typedef void (*hs_test_fn)(void);
void hs_test_register(const char *name, const char *file, hs_test_fn fn);
void hs_test_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
extern int hs_test_failed_now;

#define TEST(name)                                                                \
    static void test_##name(void);                                                \
    __attribute__((constructor)) static void reg_##name(void)                     \
    {                                                                             \
        hs_test_register(#name, __FILE__, test_##name);                           \
    }                                                                             \
    static void test_##name(void)

#define CHECK(cond)                                                               \
    do {                                                                          \
        if (!(cond))                                                              \
            hs_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                 \
    } while (0)

#define CHECK_INT(a, b)                                                           \
    do {                                                                          \
        long long a_ = (long long)(a), b_ = (long long)(b);                       \
        if (a_ != b_)                                                             \
            hs_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); \
    } while (0)

#define CHECK_STR(a, b)                                                           \
    do {                                                                          \
        const char *a_ = (a), *b_ = (b);                                          \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                    \
            hs_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, \
                         a_ ? a_ : "(null)", b_ ? b_ : "(null)");                 \
    } while (0)

/* Compare n bytes at p with the string s. */
#define CHECK_MEM(p, n, s)                                                        \
    do {                                                                          \
        size_t n_ = (n);                                                          \
        const char *s_ = (s);                                                     \
        if (n_ != strlen(s_) || memcmp((p), s_, n_) != 0)                         \
            hs_test_fail(__FILE__, __LINE__, "%s == \"%.*s\", expected \"%s\"", #p, \
                         (int)n_, (const char *)(p), s_);                         \
    } while (0)

#endif
