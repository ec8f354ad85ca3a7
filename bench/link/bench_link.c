/* Throughput of the link and relate layers on one core: each stage is timed
 * on its own over every article; the best of PASSES passes is reported.
 *
 * usage: bench_link INPUT [PASSES] [MAX_ARTICLES] */
#include "analyzer.h"
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    hs_buf all;                /* every article's text, one after another */
    HS_ARRAY(size_t) off, len; /* where each one is */
} corpus;

static int load(corpus *c, const char *path, size_t max)
{
    hs_reader *r;
    if (hs_reader_new(&r, path, HS_INPUT_AUTO))
        return -1;
    hs_article art;
    int rc;
    while (c->off.n < max && (rc = hs_reader_next(r, &art)) != HS_EOF) {
        if (rc)
            continue;
        size_t *o = HS_PUSH(&c->off), *l = HS_PUSH(&c->len);
        if (!o || !l)
            break;
        *o = c->all.len;
        *l = art.text_len;
        if (hs_buf_put(&c->all, art.text, art.text_len))
            break;
    }
    hs_reader_free(r);
    return 0;
}

typedef struct {
    double base, link, relate; /* seconds: text + attribution stand-in, link, relate */
    size_t ents, rels;
} timing;

/* Analyse the corpus: the pipeline without link and relate (text; the time
 * layer is switched off with them), then hs_link_run, hs_time_run (for
 * relation times, not counted) and hs_relate_run, each timed on its own. */
static timing run(const corpus *c)
{
    hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
    hs_analyzer *all, *base;
    hs_doc *d;
    o.layers = HS_LAYER_ALL & ~(unsigned)(HS_LAYER_LINK | HS_LAYER_RELATE);
    if (hs_analyzer_new(&all, NULL) || hs_analyzer_new(&base, &o) || hs_doc_new(&d)) {
        fprintf(stderr, "bench_link: %s\n", hs_error_last());
        exit(4);
    }
    timing t = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < c->off.n; i++) {
        hs_article art = {0};
        art.text = c->all.data + c->off.v[i];
        art.text_len = c->len.v[i];
        double t0 = clock_s();
        if (hs_analyze(d, base, &art))
            continue;
        double t1 = clock_s();
        int rc = hs_link_run(d, all);
        double t2 = clock_s();
        if (!rc)
            rc = hs_time_run(d, all);
        double t3 = clock_s();
        if (!rc)
            rc = hs_relate_run(d, all);
        double t4 = clock_s();
        t.base += t1 - t0, t.link += t2 - t1, t.relate += t4 - t3;
        t.ents += d->entities.n;
        t.rels += d->rels.n;
    }
    hs_doc_free(d);
    hs_analyzer_free(all);
    hs_analyzer_free(base);
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s INPUT [PASSES] [MAX_ARTICLES]\n", argv[0]);
        return 2;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 3;
    size_t max = argc > 3 ? (size_t)atol(argv[3]) : (size_t)-1;
    corpus c;
    memset(&c, 0, sizeof c);
    if (load(&c, argv[1], max)) {
        fprintf(stderr, "bench_link: %s\n", hs_error_last());
        return 3;
    }
    timing best = {1e30, 1e30, 1e30, 0, 0};
    for (int p = 0; p < passes; p++) {
        timing t = run(&c);
        best.base = t.base < best.base ? t.base : best.base;
        best.link = t.link < best.link ? t.link : best.link;
        best.relate = t.relate < best.relate ? t.relate : best.relate;
        best.ents = t.ents, best.rels = t.rels;
    }
    double mb = (double)c.all.len / 1e6;
    printf("articles: %zu, %.1f MB; entities %zu, relations %zu (best of %d passes, one core)\n", c.off.n, mb,
           best.ents, best.rels, passes);
    printf("other layers (text, tag, attrib; for scale): %6.2f s  %6.1f MB/s\n", best.base, mb / best.base);
    printf("link:                   %6.2f s  %6.1f MB/s\n", best.link, mb / best.link);
    printf("relate:                 %6.2f s  %6.1f MB/s\n", best.relate, mb / best.relate);
    printf("link + relate:          %6.2f s  %6.1f MB/s\n", best.link + best.relate, mb / (best.link + best.relate));
    hs_buf_free(&c.all);
    HS_ARRAY_FREE(&c.off);
    HS_ARRAY_FREE(&c.len);
    return 0;
}
