/* Query latency inside one process: open the store once, then time
 * hs_store_claims and hs_store_who for NAME, R times each.
 * usage: query_bench STORE NAME [R]   (built and run by bench/store/run.sh) */
#include <hearsay.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Wall-clock and CPU (this process) milliseconds: on a shared machine the
 * CPU figure says what the query costs, the wall figure what a user waits. */
static double clock_ms(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
#define now_ms() clock_ms(CLOCK_MONOTONIC)
#define cpu_ms() clock_ms(CLOCK_PROCESS_CPUTIME_ID)

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: query_bench STORE NAME [R]\n");
        return 2;
    }
    int reps = argc > 3 ? atoi(argv[3]) : 50;
    hs_store *s;
    double t0 = now_ms();
    if (hs_store_open(&s, argv[1], HS_STORE_READONLY)) {
        fprintf(stderr, "%s\n", hs_error_last());
        return 1;
    }
    printf("open: %.2f ms\n", now_ms() - t0);
    const char *names[] = {"claims", "who"};
    for (int q = 0; q < 2; q++) {
        double sum = 0, max = 0, cpu = cpu_ms(), first = 0;
        size_t bytes = 0;
        for (int i = 0; i < reps; i++) {
            const char *json;
            double t = now_ms();
            int rc = q == 0 ? hs_store_claims(s, argv[2], NULL, 0, &json, &bytes) : hs_store_who(s, argv[2], &json, &bytes);
            t = now_ms() - t;
            if (rc) {
                fprintf(stderr, "%s\n", hs_error_last());
                return 1;
            }
            sum += t;
            if (t > max)
                max = t;
            if (i == 0)
                first = t;
        }
        cpu = cpu_ms() - cpu;
        printf("%s '%s': wall mean %.2f ms (first %.2f, max %.2f), CPU mean %.2f ms, over %d runs (%zu bytes of JSON)\n",
               names[q], argv[2], sum / reps, first, max, cpu / reps, reps, bytes);
    }
    hs_store_close(s);
    return 0;
}
