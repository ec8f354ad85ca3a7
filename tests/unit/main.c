/* Runner for the unit tests registered with TEST(). */
#include "harness.h"

#include <stdarg.h>
#include <stdlib.h>

typedef struct {
    const char *name, *file;
    hs_test_fn fn;
} test_entry;

static test_entry *tests;
static size_t n_tests, cap_tests;
int hs_test_failed_now;

void hs_test_register(const char *name, const char *file, hs_test_fn fn)
{
    if (n_tests == cap_tests) {
        cap_tests = cap_tests ? cap_tests * 2 : 64;
        tests = realloc(tests, cap_tests * sizeof *tests);
        if (!tests)
            abort();
    }
    tests[n_tests++] = (test_entry){name, file, fn};
}

void hs_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "  %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    hs_test_failed_now = 1;
}

static int cmp(const void *a, const void *b)
{
    const test_entry *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    int verbose = getenv("HS_TEST_VERBOSE") != NULL;
    qsort(tests, n_tests, sizeof *tests, cmp);
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n_tests; i++) {
        if (filter && !strstr(tests[i].name, filter))
            continue;
        hs_test_failed_now = 0;
        tests[i].fn();
        if (hs_test_failed_now) {
            failed++;
            fprintf(stderr, "FAIL %s (%s)\n", tests[i].name, tests[i].file);
        } else {
            passed++;
            if (verbose)
                printf("ok   %s\n", tests[i].name);
        }
    }
    free(tests);
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
