/* Averaged perceptron: training, quantisation, scoring, model-file sections. */
#include "model/percep.h"
#include "hearsay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static uint32_t round_stride(uint32_t n) { return (n + 15u) & ~15u; }

/* ---- inference ---- */

/* Dense rows (a model fresh from training), sixteen labels at a time: int16
 * weights widened into int32 lanes.  GCC's vector extensions compile this to
 * SSE2, AVX2 or NEON as the target allows. */
typedef int16_t v16h __attribute__((vector_size(32)));
typedef int32_t v16i __attribute__((vector_size(64)));

/* Rows gathered per pass: their pointers stay in L1. */
#define SCORE_BATCH 64

static void score_dense(const hs_percep *p, const uint64_t *f, size_t nf, int32_t *scores)
{
    const uint32_t stride = p->stride, shift = 64 - p->bits;
    const int16_t *rows[SCORE_BATCH];
    for (size_t b = 0; b < nf; b += SCORE_BATCH) {
        size_t n = nf - b < SCORE_BATCH ? nf - b : SCORE_BATCH;
        for (size_t i = 0; i < n; i++)
            rows[i] = p->w + (size_t)(f[b + i] >> shift) * stride;
        for (uint32_t l = 0; l < stride; l += 16) {
            v16i acc;
            memcpy(&acc, scores + l, sizeof acc);
            for (size_t i = 0; i < n; i++) {
                v16h w;
                memcpy(&w, rows[i] + l, sizeof w);
                acc += __builtin_convertvector(w, v16i);
            }
            memcpy(scores + l, &acc, sizeof acc);
        }
    }
}

/* Compact rows (a loaded model): row r's non-zero weights are
 * ent[row[r], row[r + 1]), each (label << 16 | (uint16_t)weight).  Three
 * passes over a batch so that the cache misses of all its rows overlap: ask
 * for the offsets, then for the entries, then add them up. */
static void score_sparse(const hs_percep *p, const uint64_t *f, size_t nf, int32_t *scores)
{
    const uint32_t shift = 64 - p->bits;
    const uint32_t *row = p->row, *ent = p->ent;
    uint32_t beg[SCORE_BATCH], end[SCORE_BATCH];
    for (size_t b = 0; b < nf; b += SCORE_BATCH) {
        size_t n = nf - b < SCORE_BATCH ? nf - b : SCORE_BATCH;
        for (size_t i = 0; i < n; i++)
            __builtin_prefetch(row + (f[b + i] >> shift));
        for (size_t i = 0; i < n; i++) {
            const uint32_t *r = row + (f[b + i] >> shift);
            beg[i] = r[0];
            end[i] = r[1];
            __builtin_prefetch(ent + beg[i]);
            __builtin_prefetch(ent + end[i] - 1);
        }
        for (size_t i = 0; i < n; i++)
            for (uint32_t k = beg[i]; k < end[i]; k++)
                scores[ent[k] >> 16] += (int16_t)(uint16_t)ent[k];
    }
}

void hs_percep_score(const hs_percep *p, const uint64_t *f, size_t nf, int32_t *scores)
{
    memset(scores, 0, p->stride * sizeof *scores);
    if (p->row)
        score_sparse(p, f, nf, scores);
    else
        score_dense(p, f, nf, scores);
}

/* Builds the compact form row by row, from a dense table or from its pieces
 * as they come out of zlib. */
typedef struct compactor {
    uint32_t *row, *ent;
    size_t rows, done, n, cap;
} compactor;

static int compactor_init(compactor *c, size_t rows, size_t guess)
{
    c->rows = rows;
    c->done = c->n = 0;
    c->cap = guess ? guess : 1;
    c->row = malloc((rows + 1) * sizeof *c->row);
    c->ent = malloc(c->cap * sizeof *c->ent);
    if (c->row && c->ent)
        return 0;
    free(c->row);
    free(c->ent);
    return hs_error_set(HS_ENOMEM, "out of memory for a compact weight table");
}

static void compactor_free(compactor *c)
{
    free(c->row);
    free(c->ent);
    c->row = c->ent = NULL;
}

/* Append n dense rows (n <= rows still to come). */
static int compactor_add(compactor *c, const int16_t *w, size_t n, uint32_t stride)
{
    for (size_t r = 0; r < n; r++, w += stride) {
        if (c->cap - c->n < stride) {
            size_t cap = c->cap * 2;
            uint32_t *e = cap > UINT32_MAX ? NULL : realloc(c->ent, cap * sizeof *e);
            if (!e)
                return hs_error_set(HS_ENOMEM, "out of memory for a compact weight table");
            c->ent = e;
            c->cap = cap;
        }
        c->row[c->done++] = (uint32_t)c->n;
        for (uint32_t l = 0; l < stride; l += 16) {
            uint64_t q[4]; /* most weights are zero: skip them sixteen at a time */
            memcpy(q, w + l, sizeof q);
            if (!(q[0] | q[1] | q[2] | q[3]))
                continue;
            for (uint32_t j = l; j < l + 16; j++) { /* without branches: the room is there */
                c->ent[c->n] = j << 16 | (uint16_t)w[j];
                c->n += w[j] != 0;
            }
        }
    }
    return 0;
}

static void compactor_finish(compactor *c, hs_percep *p)
{
    c->row[c->rows] = (uint32_t)c->n;
    uint32_t *e = realloc(c->ent, (c->n ? c->n : 1) * sizeof *e);
    p->row = c->row;
    p->ent = e ? e : c->ent;
    c->row = c->ent = NULL;
}

int hs_percep_compact(hs_percep *p)
{
    if (p->row || !p->w)
        return 0;
    const size_t rows = (size_t)1 << p->bits;
    compactor c;
    int rc = compactor_init(&c, rows, rows * p->stride / 8);
    if (!rc && (rc = compactor_add(&c, p->w, rows, p->stride)))
        compactor_free(&c);
    if (rc)
        return rc;
    compactor_finish(&c, p);
    free(p->w);
    p->w = NULL;
    return 0;
}

/* Inflate the dense table a slice at a time straight into the compact form:
 * the whole table is never in memory.  0, or -1 when the data does not
 * inflate to exactly raw bytes. */
static int inflate_compact(hs_percep *p, const void *data, size_t n, size_t raw)
{
    const size_t row_bytes = (size_t)p->stride * sizeof(int16_t), rows = (size_t)1 << p->bits;
    const size_t slice_rows = 65536 / row_bytes;
    int16_t *buf = malloc(slice_rows * row_bytes);
    compactor c;
    if (!buf || compactor_init(&c, rows, rows * p->stride / 8)) {
        free(buf);
        return hs_error_set(HS_ENOMEM, "out of memory for a compact weight table");
    }
    /* A zlib stream is a 2-byte header, raw deflate data and an Adler-32 of
     * the output.  The model file's CRC-32 has already vouched for every
     * byte of the section, so inflate the raw data and skip the second
     * checksum (a tenth of the load time). */
    const uint8_t *z = data;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int zr = Z_DATA_ERROR;
    if (n >= 6 && (z[0] & 0x0f) == Z_DEFLATED && (z[0] >> 4) <= 7 && !(z[1] & 0x20) && (z[0] * 256 + z[1]) % 31 == 0)
        zr = inflateInit2(&zs, -MAX_WBITS);
    int rc = zr == Z_OK ? 0 : -1;
    if (!rc) {
        zs.next_in = (Bytef *)(uintptr_t)(z + 2);
        zs.avail_in = (uInt)(n - 2);
    }
    size_t got = 0;
    while (!rc && got < raw) {
        size_t want = raw - got < slice_rows * row_bytes ? raw - got : slice_rows * row_bytes;
        zs.next_out = (Bytef *)buf;
        zs.avail_out = (uInt)want;
        while (zs.avail_out && zr == Z_OK)
            zr = inflate(&zs, Z_SYNC_FLUSH);
        if (zs.avail_out) {
            rc = -1; /* ended (or broke) early */
            break;
        }
        got += want;
        rc = compactor_add(&c, buf, want / row_bytes, p->stride);
    }
    if (!rc && zr == Z_OK) { /* all there: the stream must end here */
        uint8_t extra;
        zs.next_out = &extra;
        zs.avail_out = 1;
        zr = inflate(&zs, Z_FINISH);
        rc = zr == Z_STREAM_END && zs.avail_out == 1 ? 0 : -1;
    } else if (!rc && zr != Z_STREAM_END) {
        rc = -1;
    }
    if (!rc && zs.avail_in != 4)
        rc = -1; /* only the checksum may follow */
    inflateEnd(&zs); /* harmless on a stream never initialised (zeroed) */
    free(buf);
    if (rc)
        compactor_free(&c);
    else
        compactor_finish(&c, p);
    return rc;
}

/* The dense table of a compacted model (for saving it again). */
static int16_t *dense_of(const hs_percep *p)
{
    const size_t rows = (size_t)1 << p->bits;
    int16_t *w = calloc(rows * p->stride, sizeof *w);
    if (w)
        for (size_t r = 0; r < rows; r++)
            for (uint32_t k = p->row[r]; k < p->row[r + 1]; k++)
                w[r * p->stride + (p->ent[k] >> 16)] = (int16_t)(uint16_t)p->ent[k];
    return w;
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
    free(p->row);
    free(p->ent);
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
    int16_t *dense = p->w ? NULL : dense_of(p);
    const int16_t *w16 = p->w ? p->w : dense;
    if (!z || !w16) {
        free(z);
        free(dense);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    int zr = compress2(z, &zlen, (const Bytef *)w16, (uLong)raw, 6);
    free(dense);
    if (zr != Z_OK) {
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
    p->bits = meta[0];
    p->stride = meta[1];
    p->n_labels = meta[2];
    p->scale = scale;
    if ((rc = inflate_compact(p, data, n, (size_t)raw))) {
        hs_percep_free(p);
        return rc == HS_ENOMEM ? rc
                               : hs_error_set(HS_EMODEL, "%s: section '%s' does not decompress to %llu bytes (corrupt file)",
                                              m->path, name, (unsigned long long)raw);
    }
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
