/* Throughput of the analysis through attribution, on one core.
 *
 * usage: bench_attrib INPUT [PASSES]
 * INPUT is anything `hearsay analyze` reads (JSONL, gzip, a directory).  The
 * articles are read into memory once; each pass analyses all of them with
 * every layer the analyzer has (text, tags when models are present,
 * attribution, time), then times the attribution stage alone: each article
 * is analysed without it and hs_attrib_run is run on the result.  The best
 * pass is reported, with the attributions and hedges found. */
#include "analyzer.h"
#include "attrib/attrib.h"
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this thread: the figure holds on a machine shared with other jobs */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    char **text;
    size_t *len, n, bytes;
} corpus;

static int load(const char *path, corpus *c)
{
    hs_reader *r;
    if (hs_reader_new(&r, path, HS_INPUT_AUTO))
        return -1;
    size_t cap = 0;
    hs_article art;
    int rc;
    while ((rc = hs_reader_next(r, &art)) != HS_EOF) {
        if (rc)
            continue;
        if (c->n == cap) {
            cap = cap ? cap * 2 : 1024;
            c->text = realloc(c->text, cap * sizeof *c->text);
            c->len = realloc(c->len, cap * sizeof *c->len);
            if (!c->text || !c->len)
                return -1;
        }
        if (!(c->text[c->n] = malloc(art.text_len + 1)))
            return -1;
        memcpy(c->text[c->n], art.text, art.text_len);
        c->text[c->n][art.text_len] = 0;
        c->len[c->n] = art.text_len;
        c->bytes += art.text_len;
        c->n++;
    }
    hs_reader_free(r);
    return 0;
}

/* One pass: seconds, and the totals of what was found. */
static double pass(const corpus *c, hs_analyzer *a, hs_doc *d, size_t *toks, size_t *attrs, size_t *hedges)
{
    *toks = *attrs = *hedges = 0;
    double t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        hs_article art = {0};
        art.text = c->text[i];
        art.text_len = c->len[i];
        if (hs_analyze(d, a, &art))
            continue;
        *toks += d->toks.n;
        *attrs += d->attrs.n;
        *hedges += d->hedges.n;
    }
    return now() - t0;
}

/* The attribution stage alone: seconds spent in hs_attrib_run. */
static double attrib_only(const corpus *c, hs_analyzer *a_off, hs_analyzer *a_on, hs_doc *d)
{
    double spent = 0;
    for (size_t i = 0; i < c->n; i++) {
        hs_article art = {0};
        art.text = c->text[i];
        art.text_len = c->len[i];
        if (hs_analyze(d, a_off, &art))
            continue;
        d->attrs.n = d->hedges.n = 0;
        double t0 = now();
        hs_attrib_run(d, a_on);
        spent += now() - t0;
    }
    return spent;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s INPUT [PASSES]\n", argv[0]);
        return 2;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 3;
    corpus c = {0};
    if (load(argv[1], &c)) {
        fprintf(stderr, "bench_attrib: %s\n", hs_error_last());
        return 3;
    }
    hs_analyzer_options on = HS_ANALYZER_OPTIONS_INIT, off = HS_ANALYZER_OPTIONS_INIT;
    off.layers &= ~(unsigned)HS_LAYER_ATTRIB;
    hs_analyzer *a_on, *a_off;
    hs_doc *d;
    if (hs_analyzer_new(&a_on, &on) || hs_analyzer_new(&a_off, &off) || hs_doc_new(&d)) {
        fprintf(stderr, "bench_attrib: %s\n", hs_error_last());
        return 4;
    }
    double best_on = 1e30, best_attrib = 1e30;
    size_t toks = 0, attrs = 0, hedges = 0;
    for (int p = 0; p < passes; p++) {
        double s = pass(&c, a_on, d, &toks, &attrs, &hedges);
        if (s < best_on)
            best_on = s;
        s = attrib_only(&c, a_off, a_on, d);
        if (s < best_attrib)
            best_attrib = s;
    }
    printf("%zu articles, %.1f MB, %zu tokens; %zu attributions (%.2f per article), %zu hedges\n", c.n,
           (double)c.bytes / 1e6, toks, attrs, c.n ? (double)attrs / (double)c.n : 0, hedges);
    printf("whole analysis: %.0f tokens (%.1f MB) per CPU-second of one thread, best of %d passes\n", (double)toks / best_on,
           (double)c.bytes / 1e6 / best_on, passes);
    printf("attribution stage alone: %.0f tokens per CPU-second (%.0f%% of the analysis time)\n", (double)toks / best_attrib,
           100.0 * best_attrib / best_on);
    hs_doc_free(d);
    hs_analyzer_free(a_on);
    hs_analyzer_free(a_off);
    for (size_t i = 0; i < c.n; i++)
        free(c.text[i]);
    free(c.text);
    free(c.len);
    return 0;
}
