/* Throughput of the text layer: tokenizer + sentence splitter (and, separately,
 * quotation pairing and the article load with UTF-8 checks and NFC), on one core.
 *
 * usage: bench_text INPUT [PASSES]
 * INPUT is anything `hearsay analyze` reads (JSONL, gzip, a directory). The
 * articles are read once into memory; each pass analyses all of them and the
 * best pass is reported. */
#include "analyzer.h"
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s INPUT [PASSES]\n", argv[0]);
        return 2;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 3;
    hs_reader *r;
    if (hs_reader_new(&r, argv[1], HS_INPUT_AUTO)) {
        fprintf(stderr, "bench_text: %s\n", hs_error_last());
        return 3;
    }
    /* keep the articles' texts */
    char **texts = NULL;
    size_t *lens = NULL, n = 0, cap = 0, bytes = 0;
    hs_article art;
    int rc;
    while ((rc = hs_reader_next(r, &art)) != HS_EOF) {
        if (rc)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            texts = realloc(texts, cap * sizeof *texts);
            lens = realloc(lens, cap * sizeof *lens);
            if (!texts || !lens)
                return 70;
        }
        texts[n] = malloc(art.text_len + 1);
        if (!texts[n])
            return 70;
        memcpy(texts[n], art.text, art.text_len);
        texts[n][art.text_len] = 0;
        lens[n] = art.text_len;
        bytes += art.text_len;
        n++;
    }
    hs_reader_free(r);
    hs_doc *d;
    if (hs_doc_new(&d))
        return 70;
    double best_load = 1e9, best_split = 1e9, best_quotes = 1e9;
    size_t toks = 0, sents = 0;
    for (int p = 0; p < passes; p++) {
        double t_load = 0, t_split = 0, t_quotes = 0;
        toks = sents = 0;
        for (size_t i = 0; i < n; i++) {
            hs_article a = {0};
            a.text = texts[i];
            a.text_len = lens[i];
            double t0 = now();
            hs_doc_clear(d);
            if (hs_doc_load_article(d, &a, 1, 0))
                continue;
            double t1 = now();
            hs_text_tokenize(d);
            hs_text_split(d);
            double t2 = now();
            hs_text_quotes(d);
            double t3 = now();
            t_load += t1 - t0, t_split += t2 - t1, t_quotes += t3 - t2;
            toks += d->toks.n;
            sents += d->sents.n;
        }
        if (t_split < best_split)
            best_split = t_split, best_load = t_load, best_quotes = t_quotes;
    }
    printf("{\"bench\":\"text\",\"articles\":%zu,\"mb\":%.1f,\"tokens\":%zu,\"sentences\":%zu,"
           "\"tokenize_split_mb_per_s\":%.1f,\"quotes_mb_per_s\":%.1f,\"load_nfc_mb_per_s\":%.1f,"
           "\"tokens_per_s\":%.0f}\n",
           n, bytes / 1e6, toks, sents, bytes / 1e6 / best_split, bytes / 1e6 / best_quotes,
           bytes / 1e6 / best_load, toks / best_split);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    hs_doc_free(d);
    return 0;
}
