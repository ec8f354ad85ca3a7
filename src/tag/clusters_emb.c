/* Word classes from pre-trained word vectors (see clusters.h): spherical
 * k-means over the unit-length vectors of the most frequent words of a
 * wink-embeddings JSON file, one independent clustering for each of the
 * 64, 256 and 1,024 classes the NER features read (fewer when there are
 * fewer words).
 *
 * The file is one JSON object whose "vectors" member maps each word (lower
 * case, in order of frequency) to [dimensions values, l2 norm, index]; it
 * is 300 MB, so it is scanned here rather than built into a JSON tree, and
 * only the first max_words entries are read. */
#include "tag/clusters.h"

#include "base/buf.h"
#include "hearsay.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIMS 1024
#define MAX_WORD 256 /* longer keys are skipped: no token of ours matches them */

/* ---- the JSON scanner ---- */

typedef struct scan {
    const char *p, *end, *path;
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
        s->p++;
}

static int expect(scan *s, char c)
{
    skip_ws(s);
    if (s->p >= s->end || *s->p != c)
        return hs_error_set(HS_EINPUT, "%s: expected '%c' (%zu bytes before the end)", s->path, c,
                            (size_t)(s->end - s->p));
    s->p++;
    return 0;
}

/* A JSON string into out (UTF-8, at most cap - 1 bytes kept); *len is -1
 * when it was longer. */
static int read_string(scan *s, char *out, size_t cap, long *len)
{
    int rc = expect(s, '"');
    size_t n = 0;
    int over = 0;
    while (!rc && s->p < s->end && *s->p != '"') {
        unsigned cp = (unsigned char)*s->p++;
        if (cp == '\\') {
            if (s->p >= s->end)
                break;
            char e = *s->p++;
            static const char esc[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
            const char *q = strchr(esc, e);
            if (e == 'u') {
                if (s->end - s->p < 4)
                    break;
                char hex[5] = {s->p[0], s->p[1], s->p[2], s->p[3], 0};
                cp = (unsigned)strtoul(hex, NULL, 16);
                s->p += 4;
            } else if (q && ((q - esc) & 1) == 0) {
                cp = (unsigned char)q[1];
            } else {
                return hs_error_set(HS_EINPUT, "%s: a bad escape in a string", s->path);
            }
            char u[4]; /* code points of \u escapes as UTF-8 (surrogates are kept as they are) */
            size_t ul = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            if (ul == 1)
                u[0] = (char)cp;
            else if (ul == 2) {
                u[0] = (char)(0xC0 | cp >> 6);
                u[1] = (char)(0x80 | (cp & 0x3F));
            } else {
                u[0] = (char)(0xE0 | cp >> 12);
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
            }
            for (size_t i = 0; i < ul; i++)
                if (n + 1 < cap)
                    out[n++] = u[i];
                else
                    over = 1;
            continue;
        }
        if (n + 1 < cap)
            out[n++] = (char)cp;
        else
            over = 1;
    }
    if (!rc && (rc = expect(s, '"')))
        return hs_error_set(HS_EINPUT, "%s: a string does not end", s->path);
    out[n] = 0;
    *len = over ? -1 : (long)n;
    return rc;
}

static int read_number(scan *s, double *v)
{
    skip_ws(s);
    char *e;
    errno = 0;
    *v = strtod(s->p, &e);
    if (e == s->p || e > s->end || errno || !isfinite(*v))
        return hs_error_set(HS_EINPUT, "%s: expected a number", s->path);
    s->p = e;
    return 0;
}

/* The value of a top-level number member such as "dimensions". */
static int member_number(const char *buf, size_t len, const char *path, const char *name, double *v)
{
    char key[64];
    snprintf(key, sizeof key, "\"%s\":", name);
    const char *at = memmem(buf, len, key, strlen(key));
    if (!at)
        return hs_error_set(HS_EINPUT, "%s: no member %s (not a wink-embeddings file?)", path, key);
    scan s = {at + strlen(key), buf + len, path};
    return read_number(&s, v);
}

typedef struct emb {
    float *x;       /* n × dims, unit length */
    uint64_t *keys; /* hs_lex.lower of each word */
    size_t n, dims;
} emb;

static void emb_free(emb *e)
{
    free(e->x);
    free(e->keys);
}

static int emb_read(emb *out, const char *path, size_t max_words)
{
    memset(out, 0, sizeof *out);
    char *buf;
    size_t len;
    int rc = hs_read_file(path, &buf, &len);
    if (rc)
        return rc;
    double dims;
    if ((rc = member_number(buf, len, path, "dimensions", &dims)))
        goto done;
    if (dims < 2 || dims > MAX_DIMS || dims != floor(dims)) {
        rc = hs_error_set(HS_EINPUT, "%s: %g dimensions", path, dims);
        goto done;
    }
    const char *at = memmem(buf, len, "\"vectors\":", 10);
    if (!at) {
        rc = hs_error_set(HS_EINPUT, "%s: no \"vectors\" member", path);
        goto done;
    }
    size_t d = (size_t)dims;
    hs_wordmap seen = {0};
    out->dims = d;
    out->x = malloc(max_words * d * sizeof *out->x);
    out->keys = malloc(max_words * sizeof *out->keys);
    if (!out->x || !out->keys || (rc = hs_wordmap_init(&seen, max_words))) {
        rc = rc ? rc : hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    scan s = {at + 10, buf + len, path};
    rc = expect(&s, '{');
    skip_ws(&s);
    int empty = s.p < s.end && *s.p == '}';
    while (!rc && !empty && out->n < max_words) {
        char word[MAX_WORD];
        long wl = 0;
        float *v = out->x + out->n * d;
        double sq = 0, val;
        if ((rc = read_string(&s, word, sizeof word, &wl)) || (rc = expect(&s, ':')) || (rc = expect(&s, '[')))
            break;
        for (size_t j = 0; !rc && j < d + 2; j++) { /* the values, then the stored norm and index */
            if (j && (rc = expect(&s, ',')))
                break;
            if (!(rc = read_number(&s, &val)) && j < d) {
                v[j] = (float)val;
                sq += val * val;
            }
        }
        if (rc || (rc = expect(&s, ']')))
            break;
        hs_lex lx;
        if (wl > 0 && sq > 0) {
            hs_lex_token(word, (size_t)wl, &lx);
            /* digits fold to 0 in hs_lex.lower: of "1990" and "1985" the more frequent one speaks for both */
            if (!hs_wordmap_get(&seen, lx.lower)) {
                hs_wordmap_put(&seen, lx.lower, 1);
                float inv = (float)(1 / sqrt(sq));
                for (size_t j = 0; j < d; j++)
                    v[j] *= inv;
                out->keys[out->n++] = lx.lower;
            }
        }
        skip_ws(&s);
        if (s.p < s.end && *s.p == '}')
            break;
        rc = expect(&s, ',');
    }
    hs_wordmap_free(&seen);
done:
    free(buf);
    if (rc)
        emb_free(out);
    return rc;
}

/* ---- spherical k-means ---- */

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Each word's nearest centre by cosine; ct is the centres transposed
 * (d rows of k), so the inner loop runs over the centres and vectorises.
 * Returns how many words changed class; sim[w] is the word's similarity. */
static size_t assign(const emb *e, const float *ct, unsigned k, uint16_t *cls, float *sim, float *score)
{
    size_t moved = 0, d = e->dims;
    for (size_t w = 0; w < e->n; w++) {
        const float *x = e->x + w * d;
        memset(score, 0, k * sizeof *score);
        for (size_t j = 0; j < d; j++) {
            const float xj = x[j], *row = ct + j * k;
            for (unsigned c = 0; c < k; c++)
                score[c] += xj * row[c];
        }
        unsigned best = 0;
        for (unsigned c = 1; c < k; c++)
            if (score[c] > score[best])
                best = c;
        moved += cls[w] != best;
        cls[w] = (uint16_t)best;
        sim[w] = score[best];
    }
    return moved;
}

/* New centres: the normalised sum of their words; an empty class takes the
 * word that fits its own class worst. */
static void update(const emb *e, float *ct, unsigned k, uint16_t *cls, float *sim, double *sum, size_t *count)
{
    size_t d = e->dims;
    memset(sum, 0, (size_t)k * d * sizeof *sum);
    memset(count, 0, k * sizeof *count);
    for (size_t w = 0; w < e->n; w++) {
        double *s = sum + (size_t)cls[w] * d;
        for (size_t j = 0; j < d; j++)
            s[j] += e->x[w * d + j];
        count[cls[w]]++;
    }
    for (unsigned c = 0; c < k; c++) {
        if (count[c])
            continue;
        size_t worst = 0;
        for (size_t w = 1; w < e->n; w++)
            if (count[cls[w]] > 1 && (count[cls[worst]] <= 1 || sim[w] < sim[worst]))
                worst = w;
        if (count[cls[worst]] <= 1)
            continue;
        double *from = sum + (size_t)cls[worst] * d, *to = sum + (size_t)c * d;
        for (size_t j = 0; j < d; j++) {
            from[j] -= e->x[worst * d + j];
            to[j] = e->x[worst * d + j];
        }
        count[cls[worst]]--;
        count[c] = 1;
        cls[worst] = (uint16_t)c;
        sim[worst] = 1;
    }
    for (unsigned c = 0; c < k; c++) {
        const double *s = sum + (size_t)c * d;
        double sq = 0;
        for (size_t j = 0; j < d; j++)
            sq += s[j] * s[j];
        double inv = sq > 0 ? 1 / sqrt(sq) : 0;
        for (size_t j = 0; j < d; j++)
            ct[j * k + c] = (float)(s[j] * inv);
    }
}

static int kmeans(const emb *e, unsigned k, unsigned iters, uint64_t seed, uint16_t *cls, FILE *msg)
{
    size_t d = e->dims, n = e->n;
    float *ct = malloc((size_t)k * d * sizeof *ct), *sim = malloc(n * sizeof *sim), *score = malloc(k * sizeof *score);
    double *sum = malloc((size_t)k * d * sizeof *sum);
    size_t *count = malloc(k * sizeof *count), *pick = malloc(n * sizeof *pick);
    int rc = ct && sim && score && sum && count && pick ? 0 : hs_error_set(HS_ENOMEM, "out of memory");
    if (!rc) {
        /* k distinct words drawn with a fixed seed start the centres */
        uint64_t r = seed ? seed : 1;
        for (size_t w = 0; w < n; w++)
            pick[w] = w;
        for (unsigned c = 0; c < k; c++) {
            size_t j = c + (size_t)(rnd(&r) % (n - c)), t = pick[c];
            pick[c] = pick[j];
            pick[j] = t;
            for (size_t q = 0; q < d; q++)
                ct[q * k + c] = e->x[pick[c] * d + q];
        }
        for (size_t w = 0; w < n; w++)
            cls[w] = UINT16_MAX;
        for (unsigned it = 0; it < iters; it++) {
            size_t moved = assign(e, ct, k, cls, sim, score);
            double tot = 0;
            for (size_t w = 0; w < n; w++)
                tot += sim[w];
            if (msg)
                fprintf(msg, "train clusters: %u classes, round %u: %zu of %zu words moved, mean cosine %.4f\n", k,
                        it + 1, moved, n, tot / (double)n);
            if (moved * 1000 < n)
                break;
            update(e, ct, k, cls, sim, sum, count);
        }
    }
    free(ct);
    free(sim);
    free(score);
    free(sum);
    free(count);
    free(pick);
    return rc;
}

int hs_clusters_from_embeddings(hs_wordmap *out, const char *path, size_t max_words, unsigned iters, uint64_t seed,
                                FILE *msg)
{
    static const unsigned ks[3] = {64, 256, 1024}, shift[3] = {0, 6, 14};
    memset(out, 0, sizeof *out);
    emb e;
    int rc = emb_read(&e, path, max_words);
    if (rc)
        return rc;
    if (e.n == 0) {
        emb_free(&e);
        return hs_error_set(HS_EINPUT, "%s: no word vectors", path);
    }
    if (msg)
        fprintf(msg, "train clusters: %zu words of %zu dimensions from %s\n", e.n, e.dims, path);
    uint16_t *cls = malloc(e.n * sizeof *cls);
    uint32_t *packed = calloc(e.n, sizeof *packed);
    rc = cls && packed ? 0 : hs_error_set(HS_ENOMEM, "out of memory");
    for (int g = 0; !rc && g < 3; g++) {
        /* a file of fewer words (a test's) gets as many classes as words */
        unsigned k = e.n < ks[g] ? (unsigned)e.n : ks[g];
        if ((rc = kmeans(&e, k, iters, seed + (uint64_t)g, cls, msg)))
            break;
        for (size_t w = 0; w < e.n; w++)
            packed[w] |= (uint32_t)cls[w] << shift[g];
    }
    if (!rc && !(rc = hs_wordmap_init(out, e.n)))
        for (size_t w = 0; w < e.n; w++)
            hs_wordmap_put(out, e.keys[w], packed[w]);
    free(cls);
    free(packed);
    emb_free(&e);
    return rc;
}
