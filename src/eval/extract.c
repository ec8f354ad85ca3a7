/* hearsay eval extract: main-text extraction against the article-extraction
 * benchmark (121 pages, ground-truth.json: key → {"articleBody", "url"},
 * html/KEY.html.gz).
 *
 * The metric is the benchmark's published one, computed exactly so:
 *   - tokens are the maximal runs of word characters (Python's `\w+`: letters,
 *     digits of every script, and '_'; case kept);
 *   - shingles are the 4-grams of consecutive tokens (a text of fewer than 4
 *     tokens has one shingle of all of them, an empty text none);
 *   - per page, with repeats counted: tp = Σ min(true, pred), fp = Σ excess
 *     predicted, fn = Σ missed; the three are divided by tp+fp+fn;
 *   - precision = tp/(tp+fp) averaged over the pages with tp+fp > 0, recall
 *     = tp/(tp+fn) over the pages with tp+fn > 0 (each 1 when fp = fn = 0);
 *   - F1 = 2PR/(P+R) of the two averages.
 * The time is hs_page_new's alone (the HTML already in memory, unzipped),
 * measured as the thread's CPU time: the speed of one core. */
#include "base/buf.h"
#include "base/utf8.h"
#include "eval/eval.h"
#include "hearsay.h"
#include "html/html.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

typedef struct {
    const char *key;
    hs_shingle_score s;
} page_score;

static int is_word_cp(int32_t cp)
{
    if (cp == '_')
        return 1;
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Shingles of text as strings "t1\x01t2\x01t3\x01t4" (malloc'ed), sorted. */
static char **shingles(const char *s, size_t n, size_t *count)
{
    HS_ARRAY(size_t) tok = {NULL, 0, 0}; /* start, end pairs */
    *count = 0;
    size_t i = 0;
    while (i < n) {
        size_t adv, st = i;
        while (st < n && !is_word_cp(hs_utf8_decode(s, n, st, &adv)))
            st += adv;
        if (st >= n)
            break;
        size_t e = st;
        while (e < n && is_word_cp(hs_utf8_decode(s, n, e, &adv)))
            e += adv;
        size_t *a = HS_PUSH(&tok), *b = HS_PUSH(&tok);
        if (!a || !b) {
            HS_ARRAY_FREE(&tok);
            return NULL;
        }
        *a = st;
        *b = e;
        i = e;
    }
    size_t nt = tok.n / 2;
    size_t ns = nt == 0 ? 0 : nt < 4 ? 1 : nt - 3;
    char **sh = calloc(ns ? ns : 1, sizeof *sh);
    for (size_t k = 0; sh && k < ns; k++) {
        hs_buf b = HS_BUF_INIT;
        for (size_t j = k; j < k + 4 && j < nt; j++) {
            if (j > k)
                hs_buf_putc(&b, 1);
            hs_buf_put(&b, s + tok.v[2 * j], tok.v[2 * j + 1] - tok.v[2 * j]);
        }
        sh[k] = b.data ? b.data : strdup("");
    }
    HS_ARRAY_FREE(&tok);
    if (sh)
        qsort(sh, ns, sizeof *sh, cmp_str);
    *count = ns;
    return sh;
}

static void free_shingles(char **sh, size_t n)
{
    for (size_t i = 0; sh && i < n; i++)
        free(sh[i]);
    free(sh);
}

/* The benchmark's per-page tp, fp, fn (normalised by their sum). */
int hs_shingle_match(const char *truth, size_t tn, const char *pred, size_t pn, hs_shingle_score *ps)
{
    size_t nt, np;
    char **a = shingles(truth, tn, &nt), **b = shingles(pred, pn, &np);
    if (!a || !b) {
        free_shingles(a, nt);
        free_shingles(b, np);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    double tp = 0, fp = 0, fn = 0;
    size_t i = 0, j = 0;
    while (i < nt || j < np) {
        /* runs of one shingle on each side */
        const char *k = i < nt && (j >= np || strcmp(a[i], b[j]) <= 0) ? a[i] : b[j];
        size_t ci = 0, cj = 0;
        while (i < nt && strcmp(a[i], k) == 0)
            i++, ci++;
        while (j < np && strcmp(b[j], k) == 0)
            j++, cj++;
        tp += (double)(ci < cj ? ci : cj);
        fp += cj > ci ? (double)(cj - ci) : 0;
        fn += ci > cj ? (double)(ci - cj) : 0;
    }
    free_shingles(a, nt);
    free_shingles(b, np);
    double s = tp + fp + fn;
    if (s > 0) {
        tp /= s;
        fp /= s;
        fn /= s;
    }
    ps->tp = tp;
    ps->fp = fp;
    ps->fn = fn;
    ps->has_p = tp + fp > 0;
    ps->has_r = tp + fn > 0;
    ps->p = fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    ps->r = fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    return 0;
}

/* CPU time of this thread: the speed per core, whatever else the machine runs. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_worst(const void *x, const void *y)
{
    const page_score *a = x, *b = y;
    double fa = a->s.p + a->s.r > 0 ? 2 * a->s.p * a->s.r / (a->s.p + a->s.r) : 0;
    double fb = b->s.p + b->s.r > 0 ? 2 * b->s.p * b->s.r / (b->s.p + b->s.r) : 0;
    return fa < fb ? -1 : fa > fb;
}

static const char usage[] =
    "usage: hearsay eval extract --benchmark DIR [--json] [--verbose [N]] [--repeat N]\n"
    "                            [--predictions FILE]\n"
    "\n"
    "Main-text extraction against the article-extraction benchmark in DIR\n"
    "(ground-truth.json and html/KEY.html.gz): the published metric (4-gram\n"
    "shingles of \\w+ tokens, precision and recall per page averaged, F1 of the\n"
    "averages) and the extraction speed (pages/s, MB/s of HTML, one thread).\n"
    "--verbose lists the N worst pages (default 10); --repeat times N passes.\n"
    "--predictions scores another extractor's output instead: a JSON object\n"
    "KEY -> {\"articleBody\": TEXT}, the benchmark's own format.\n";

int hs_eval_extract(int argc, char **argv, FILE *out)
{
    const char *dir = NULL, *pred_path = NULL;
    int json = 0, worst = 0, repeat = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--benchmark") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--predictions") == 0 && i + 1 < argc)
            pred_path = argv[++i];
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            worst = i + 1 < argc && atoi(argv[i + 1]) > 0 ? atoi(argv[++i]) : 10;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc && atoi(argv[i + 1]) > 0)
            repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, out);
            return 0;
        } else {
            fprintf(stderr, "hearsay eval extract: unexpected argument '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    if (!dir) {
        fputs(usage, stderr);
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    json_error_t jerr;
    json_t *gt = json_load_file(path, 0, &jerr);
    if (!gt || !json_is_object(gt)) {
        fprintf(stderr, "hearsay eval extract: %s:%d: %s\n", path, jerr.line, gt ? "not a JSON object" : jerr.text);
        json_decref(gt);
        return 3;
    }
    json_t *preds = NULL;
    if (pred_path && !json_is_object(preds = json_load_file(pred_path, 0, &jerr))) {
        fprintf(stderr, "hearsay eval extract: %s:%d: %s\n", pred_path, jerr.line, preds ? "not a JSON object" : jerr.text);
        json_decref(preds);
        json_decref(gt);
        return 3;
    }
    size_t n = json_object_size(gt), k = 0;
    page_score *ps = calloc(n ? n : 1, sizeof *ps);
    const char **keys = calloc(n ? n : 1, sizeof *keys);
    const char *key;
    json_t *v;
    json_object_foreach(gt, key, v) keys[k++] = key;
    qsort(keys, n, sizeof *keys, cmp_str);
    hs_buf html = HS_BUF_INIT;
    double secs = 0, bytes = 0, sp = 0, sr = 0;
    int np = 0, nr = 0, status = 0;
    for (size_t i = 0; i < n && !status; i++) {
        json_t *body = json_object_get(json_object_get(gt, keys[i]), "articleBody");
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, keys[i]);
        if (!json_is_string(body)) {
            fprintf(stderr, "hearsay eval extract: %s: no articleBody\n", keys[i]);
            status = 3;
            break;
        }
        if (preds) { /* another extractor's output: score it, nothing to time */
            ps[i].key = keys[i];
            json_t *pb = json_object_get(json_object_get(preds, keys[i]), "articleBody");
            const char *pt = json_is_string(pb) ? json_string_value(pb) : "";
            if (hs_shingle_match(json_string_value(body), json_string_length(body), pt, strlen(pt), &ps[i].s))
                status = 70;
            goto tally;
        }
        if (hs_html_read_gz(path, &html)) {
            fprintf(stderr, "hearsay eval extract: %s\n", hs_error_last());
            status = 3;
            break;
        }
        hs_page *pg = NULL;
        int rc = 0;
        double t0 = now();
        for (int r = 0; r < repeat; r++) {
            hs_page_free(pg);
            pg = NULL;
            rc = hs_page_new(&pg, html.data ? html.data : "", html.len, path);
        }
        secs += now() - t0;
        bytes += (double)html.len * repeat;
        ps[i].key = keys[i];
        if (rc)
            fprintf(stderr, "hearsay eval extract: %s\n", hs_error_last());
        const char *pred = pg ? pg->text : "";
        size_t pn = pg ? pg->text_len : 0;
        if (hs_shingle_match(json_string_value(body), json_string_length(body), pred, pn, &ps[i].s))
            status = 70;
        hs_page_free(pg);
    tally:
        if (ps[i].s.has_p)
            sp += ps[i].s.p, np++;
        if (ps[i].s.has_r)
            sr += ps[i].s.r, nr++;
    }
    if (!status) {
        double P = np ? sp / np : 0, R = nr ? sr / nr : 0, F = P + R > 0 ? 2 * P * R / (P + R) : 0;
        double pages = (double)n * repeat, mb = bytes / 1e6;
        if (json)
            fprintf(out,
                    "{\"task\":\"extract\",\"pages\":%zu,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                    "\"html_mb\":%.2f,\"cpu_seconds\":%.3f,\"pages_per_s\":%.1f,\"mb_per_s\":%.2f}\n",
                    n, P, R, F, mb, secs, secs > 0 ? pages / secs : 0, secs > 0 ? mb / secs : 0);
        else
            fprintf(out,
                    "pages %zu  precision %.4f  recall %.4f  F1 %.4f\n"
                    "speed %.1f pages/s, %.2f MB/s of HTML (%.2f MB in %.3f s of CPU time, one thread)\n",
                    n, P, R, F, secs > 0 ? pages / secs : 0, secs > 0 ? mb / secs : 0, mb, secs);
        qsort(ps, n, sizeof *ps, cmp_worst);
        for (int i = 0; i < worst && (size_t)i < n; i++) {
            const char *url = json_string_value(json_object_get(json_object_get(gt, ps[i].key), "url"));
            fprintf(json ? stderr : out, "worst %2d  P %.3f  R %.3f  %s  %s\n", i + 1, ps[i].s.p, ps[i].s.r, ps[i].key,
                    url ? url : "");
        }
    }
    hs_buf_free(&html);
    free(ps);
    free(keys);
    json_decref(gt);
    json_decref(preds);
    return status;
}
