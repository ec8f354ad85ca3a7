/* Averaged perceptron: training, quantisation, scoring, model-file sections. */
#include "model/percep.h"
#include "hearsay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

static uint32_t round_stride(uint32_t n) { return (n + 15u) & ~15u; }

/* ---- inference ---- */

/* Scoring adds up nf rows of int16 into int32 sums, 32 labels a pass, the
 * sums kept in registers across all rows.  Each 32-byte load of 16 weights is
 * read as eight int32 lanes and split by shifts into the even-numbered
 * weights ((x << 16) >> 16) and the odd ones (x >> 16), each sign-extended:
 * five vector operations for sixteen weights, where widening them in order
 * takes twice as many.  The pass ends by putting the two halves back in label
 * order.  GCC's vector extensions keep this portable (two SSE2 registers per
 * vector); on x86-64 an AVX2 copy is picked at load time when the CPU has it.
 * Scalar code, or vectors wider than the registers, cost twice as much: the
 * sums spill to memory on every row. */
typedef int32_t v8i __attribute__((vector_size(32)));
typedef uint32_t v8u __attribute__((vector_size(32))); /* for the left shift, defined on unsigned */

#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define HS_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HS_SIMD_CLONES
#endif

/* Rows gathered per pass: their pointers stay in L1. */
#define SCORE_BATCH 64

/* Sixteen int16 weights at w into the sums of the even and odd ones (a macro:
 * a function taking 32-byte vectors would change the ABI between copies). */
#define ADD_PAIRS(even, odd, w)                   \
    do {                                          \
        v8i x_;                                   \
        memcpy(&x_, (w), sizeof x_);              \
        (even) += (v8i)((v8u)x_ << 16) >> 16;     \
        (odd) += x_ >> 16;                        \
    } while (0)

/* scores[l, l + 16) += the sums of one half-pass, back in label order. */
#define PUT_PAIRS(scores, even, odd)              \
    do {                                          \
        for (int k_ = 0; k_ < 8; k_++) {          \
            (scores)[2 * k_] += (even)[k_];       \
            (scores)[2 * k_ + 1] += (odd)[k_];    \
        }                                         \
    } while (0)

HS_SIMD_CLONES
void hs_percep_score(const hs_percep *p, const uint64_t *f, size_t nf, int32_t *scores)
{
    const uint32_t stride = p->stride, shift = 64 - p->bits;
    const size_t lines = (stride * sizeof(int16_t) + 63) / 64;
    const int16_t *rows[SCORE_BATCH];
    memset(scores, 0, stride * sizeof *scores);
    for (size_t b = 0; b < nf; b += SCORE_BATCH) {
        size_t n = nf - b < SCORE_BATCH ? nf - b : SCORE_BATCH;
        /* the rows are scattered over a large table: ask for all of them first */
        for (size_t i = 0; i < n; i++) {
            rows[i] = p->w + (size_t)(f[b + i] >> shift) * stride;
            /* the same lines as a loop over `lines` asks for, the first three
               unrolled (strides up to 96 labels): no loop to run per row */
            const char *r = (const char *)rows[i];
            __builtin_prefetch(r);
            if (lines > 1)
                __builtin_prefetch(r + 64);
            if (lines > 2)
                __builtin_prefetch(r + 128);
            for (size_t c = 3; c < lines; c++)
                __builtin_prefetch(r + 64 * c);
        }
        uint32_t l = 0;
        for (; l + 32 <= stride; l += 32) {
            v8i e0 = {0}, o0 = {0}, e1 = {0}, o1 = {0};
            for (size_t i = 0; i < n; i++) {
                ADD_PAIRS(e0, o0, rows[i] + l);
                ADD_PAIRS(e1, o1, rows[i] + l + 16);
            }
            PUT_PAIRS(scores + l, e0, o0);
            PUT_PAIRS(scores + l + 16, e1, o1);
        }
        if (l < stride) { /* the stride is a multiple of 16 */
            v8i e0 = {0}, o0 = {0};
            for (size_t i = 0; i < n; i++)
                ADD_PAIRS(e0, o0, rows[i] + l);
            PUT_PAIRS(scores + l, e0, o0);
        }
    }
}

/* Weight tables are tens of megabytes read at random: on 4 KB pages nearly
 * every row costs a TLB miss (a page walk) before its cache miss.  Aligned to
 * 2 MB and marked for transparent huge pages (Linux, where enabled as
 * "madvise" or "always"), the whole table needs a few dozen TLB entries. */
#define HUGE_PAGE ((size_t)2 << 20)

static void *alloc_weights(size_t bytes)
{
    void *w = NULL;
    if (bytes < HUGE_PAGE)
        return malloc(bytes);
    size_t rounded = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    if (posix_memalign(&w, HUGE_PAGE, rounded))
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(w, rounded, MADV_HUGEPAGE); /* advice only: ignored where unsupported */
#endif
    return w;
}

/* Inflate a zlib stream of exactly raw bytes into out.  A zlib stream is a
 * 2-byte header, raw deflate data and an Adler-32 of the output; the model
 * file's CRC-32 has already vouched for every byte of the section, so this
 * inflates the raw data and skips the second checksum (a tenth of the load
 * time).  0, or -1 when the data is not such a stream. */
static int inflate_exact(void *out, size_t raw, const void *data, size_t n)
{
    const uint8_t *z = data;
    if (n < 6 || (z[0] & 0x0f) != Z_DEFLATED || (z[0] >> 4) > 7 || (z[1] & 0x20) || (z[0] * 256 + z[1]) % 31)
        return -1;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
        return -1;
    zs.next_in = (Bytef *)(uintptr_t)(z + 2);
    zs.avail_in = (uInt)(n - 2);
    size_t got = 0;
    int zr = Z_OK;
    while (zr == Z_OK && got < raw) { /* avail_out is 32 bits wide: a gigabyte at a time */
        size_t want = raw - got < ((size_t)1 << 30) ? raw - got : ((size_t)1 << 30);
        zs.next_out = (Bytef *)out + got;
        zs.avail_out = (uInt)want;
        while (zs.avail_out && zr == Z_OK)
            zr = inflate(&zs, Z_SYNC_FLUSH);
        got += want - zs.avail_out;
    }
    if (got == raw && zr == Z_OK) { /* all there: the stream must end here */
        uint8_t extra;
        zs.next_out = &extra;
        zs.avail_out = 1;
        zr = inflate(&zs, Z_FINISH);
        if (zs.avail_out != 1)
            zr = Z_DATA_ERROR;
    }
    int ok = got == raw && zr == Z_STREAM_END && zs.avail_in == 4; /* only the checksum may follow */
    inflateEnd(&zs);
    return ok ? 0 : -1;
}

int hs_argmax_i32(const int32_t *s, int begin, int end, const uint8_t *allowed)
{
    int best = -1;
    for (int i = begin; i < end; i++)
        if ((!allowed || allowed[i]) && (best < 0 || s[i] > s[best]))
            best = i;
    return best;
}

int hs_argmax_f(const float *s, int begin, int end, const uint8_t *allowed)
{
    int best = -1;
    for (int i = begin; i < end; i++)
        if ((!allowed || allowed[i]) && (best < 0 || s[i] > s[best]))
            best = i;
    return best;
}

void hs_percep_free(hs_percep *p)
{
    free(p->w);
    memset(p, 0, sizeof *p);
}

/* meta section: u32 bits, stride, n_labels, scale (float bits), raw bytes of w */
enum { META_WORDS = 6 };

int hs_percep_save(const hs_percep *p, hs_mfile_writer *w, const char *prefix)
{
    char name[32];
    size_t raw = ((size_t)1 << p->bits) * p->stride * sizeof(int16_t);
    uLongf zlen = compressBound((uLong)raw);
    uint8_t *z = malloc(zlen);
    if (!z)
        return hs_error_set(HS_ENOMEM, "out of memory");
    if (compress2(z, &zlen, (const Bytef *)p->w, (uLong)raw, 6) != Z_OK) {
        free(z);
        return hs_error_set(HS_ERROR, "model: compression failed");
    }
    uint32_t meta[META_WORDS] = {p->bits, p->stride, p->n_labels, 0, (uint32_t)raw, (uint32_t)(raw >> 32)};
    memcpy(&meta[3], &p->scale, 4);
    snprintf(name, sizeof name, "%s.meta", prefix);
    int rc = hs_mfile_writer_add(w, name, meta, sizeof meta);
    snprintf(name, sizeof name, "%s.w", prefix);
    if (!rc)
        rc = hs_mfile_writer_add(w, name, z, zlen);
    free(z);
    return rc;
}

int hs_percep_load(hs_percep *p, const hs_mfile *m, const char *prefix)
{
    char name[32];
    const void *data;
    size_t n;
    memset(p, 0, sizeof *p);
    snprintf(name, sizeof name, "%s.meta", prefix);
    int rc = hs_mfile_get(m, name, 4, &data, &n);
    if (rc)
        return rc;
    if (n != META_WORDS)
        return hs_error_set(HS_EMODEL, "%s: section '%s' has %zu words, expected %d", m->path, name, n, META_WORDS);
    uint32_t meta[META_WORDS];
    memcpy(meta, data, sizeof meta);
    float scale;
    memcpy(&scale, &meta[3], 4);
    uint64_t raw = meta[4] | (uint64_t)meta[5] << 32;
    if (meta[0] < HS_PERCEP_MIN_BITS || meta[0] > HS_PERCEP_MAX_BITS || meta[1] == 0 || meta[1] % 16 ||
        meta[1] > HS_PERCEP_MAX_STRIDE || meta[2] == 0 || meta[2] > meta[1] || !isfinite(scale) || scale <= 0 ||
        raw != ((uint64_t)1 << meta[0]) * meta[1] * sizeof(int16_t))
        return hs_error_set(HS_EMODEL, "%s: section '%s' holds impossible sizes (bits %u, stride %u, labels %u)",
                            m->path, name, meta[0], meta[1], meta[2]);
    snprintf(name, sizeof name, "%s.w", prefix);
    if ((rc = hs_mfile_get(m, name, 1, &data, &n)))
        return rc;
    p->w = alloc_weights((size_t)raw);
    if (!p->w)
        return hs_error_set(HS_ENOMEM, "%s: out of memory for %llu bytes of weights", m->path,
                            (unsigned long long)raw);
    if (inflate_exact(p->w, (size_t)raw, data, n)) {
        hs_percep_free(p);
        return hs_error_set(HS_EMODEL, "%s: section '%s' does not decompress to %llu bytes (corrupt file)", m->path,
                            name, (unsigned long long)raw);
    }
    p->bits = meta[0];
    p->stride = meta[1];
    p->n_labels = meta[2];
    p->scale = scale;
    return 0;
}

/* ---- training ---- */

int hs_percep_trainer_init(hs_percep_trainer *t, uint32_t bits, uint32_t n_labels)
{
    memset(t, 0, sizeof *t);
    if (bits < HS_PERCEP_MIN_BITS || bits > HS_PERCEP_MAX_BITS || n_labels == 0 ||
        round_stride(n_labels) > HS_PERCEP_MAX_STRIDE)
        return hs_error_set(HS_EINVAL, "perceptron: bad size (bits %u, labels %u)", bits, n_labels);
    t->bits = bits;
    t->n_labels = n_labels;
    t->stride = round_stride(n_labels);
    size_t n = ((size_t)1 << bits) * t->stride;
    t->w = calloc(n, sizeof *t->w);
    t->acc = calloc(n, sizeof *t->acc);
    t->steps = 1;
    if (!t->w || !t->acc) {
        hs_percep_trainer_free(t);
        return hs_error_set(HS_ENOMEM, "perceptron: out of memory for %zu weights", n);
    }
    return 0;
}

void hs_percep_trainer_free(hs_percep_trainer *t)
{
    free(t->w);
    free(t->acc);
    t->w = NULL;
    t->acc = NULL;
}

void hs_percep_trainer_score(const hs_percep_trainer *t, const uint64_t *f, size_t nf, float *scores)
{
    const uint32_t stride = t->stride, shift = 64 - t->bits;
    memset(scores, 0, stride * sizeof *scores);
    for (size_t i = 0; i < nf; i++) {
        const float *row = t->w + (size_t)(f[i] >> shift) * stride;
        for (uint32_t l = 0; l < stride; l += 16)
            for (uint32_t j = 0; j < 16; j++)
                scores[l + j] += row[l + j];
    }
}

void hs_percep_trainer_update(hs_percep_trainer *t, const uint64_t *f, size_t nf, int label, float delta)
{
    const uint32_t shift = 64 - t->bits;
    const double cd = (double)t->steps * delta;
    for (size_t i = 0; i < nf; i++) {
        size_t k = (size_t)(f[i] >> shift) * t->stride + (size_t)label;
        t->w[k] += delta;
        t->acc[k] += cd;
    }
}

int hs_percep_trainer_finish(const hs_percep_trainer *t, hs_percep *out)
{
    size_t n = ((size_t)1 << t->bits) * t->stride;
    memset(out, 0, sizeof *out);
    double maxabs = 0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(t->w[i] - t->acc[i] / (double)t->steps);
        if (a > maxabs)
            maxabs = a;
    }
    if (maxabs == 0)
        maxabs = 1;
    out->w = malloc(n * sizeof *out->w);
    if (!out->w)
        return hs_error_set(HS_ENOMEM, "out of memory");
    double inv = 32767.0 / maxabs;
    for (size_t i = 0; i < n; i++) {
        double a = (t->w[i] - t->acc[i] / (double)t->steps) * inv;
        out->w[i] = (int16_t)lrint(a);
    }
    out->bits = t->bits;
    out->stride = t->stride;
    out->n_labels = t->n_labels;
    out->scale = (float)(maxabs / 32767.0);
    return 0;
}

void hs_shuffle_u32(uint32_t *v, size_t n, uint64_t *seed)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(hs_rand_next(seed) % i);
        uint32_t x = v[i - 1];
        v[i - 1] = v[j];
        v[j] = x;
    }
}

int hs_model_save_finish(hs_mfile_writer *w, int rc, const hs_percep *p, const char *path)
{
    if (!rc)
        rc = hs_percep_save(p, w, "tag");
    if (!rc)
        rc = hs_mfile_writer_save(w, path);
    hs_mfile_writer_free(w);
    return rc;
}

int hs_model_open(hs_mfile *m, const char *what, const void *data, size_t len, const char *kind, uint32_t version)
{
    return data ? hs_mfile_load_mem(m, data, len, what, kind, version) : hs_mfile_load(m, what, kind, version);
}

/* ---- label names ---- */

int hs_names_save(hs_mfile_writer *w, const char *section, const char *const *names, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(names[i]) + 1;
    char *buf = malloc(total ? total : 1), *p = buf;
    if (!buf)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(names[i]) + 1;
        memcpy(p, names[i], k);
        p += k;
    }
    int rc = hs_mfile_writer_add(w, section, buf, total);
    free(buf);
    return rc;
}

const char **hs_names_copy(char *const *names, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(names[i]) + 1;
    char **v = malloc(n * sizeof *v + total + 1);
    if (!v)
        return NULL;
    char *str = (char *)(v + n);
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(names[i]) + 1;
        memcpy(str, names[i], k);
        v[i] = str;
        str += k;
    }
    return (const char **)v;
}

int hs_names_load(const hs_mfile *m, const char *section, const char ***names, size_t *n, size_t max)
{
    const void *data;
    size_t len;
    *names = NULL;
    *n = 0;
    int rc = hs_mfile_get(m, section, 1, &data, &len);
    if (rc)
        return rc;
    const char *s = data;
    if (len == 0 || s[len - 1] != 0)
        return hs_error_set(HS_EMODEL, "%s: section '%s' is not a list of NUL-terminated names", m->path, section);
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += s[i] == 0;
    if (count > max)
        return hs_error_set(HS_EMODEL, "%s: section '%s' has %zu names (at most %zu)", m->path, section, count, max);
    char **v = malloc(count * sizeof *v + len);
    if (!v)
        return hs_error_set(HS_ENOMEM, "out of memory");
    char *str = (char *)(v + count);
    memcpy(str, s, len);
    for (size_t i = 0, k = 0; k < count; k++) {
        v[k] = str + i;
        i += strlen(str + i) + 1;
    }
    *names = (const char **)v;
    *n = count;
    return 0;
}
