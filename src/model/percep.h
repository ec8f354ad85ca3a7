/* Averaged perceptron over hashed features.
 *
 * A feature is a 64-bit hash (see hs_fh*); its top `bits` bits pick a row of
 * a flat weight table with `stride` entries, one per label (rows are padded
 * to a multiple of 16).  A model may hold several heads (label ranges) in one
 * row, so one lookup per feature scores them all (the POS tagger scores UPOS
 * and PTB tags this way).
 *
 * Training keeps float weights and, for averaging, the sum of each update
 * times the step at which it happened (Daumé's trick): the average is
 * w - acc / steps, with no per-weight timestamps.  The finished model is
 * quantised to int16 with one scale and stored zlib-compressed in a model
 * file (src/model/mfile.h).  Inference allocates nothing.
 *
 * Cost of scoring, for the taggers built on it (measured 2026-12-02):
 * hs_percep_score reads one row per feature, 32-byte vector loads summed in
 * registers (see percep.c), from a table on transparent huge pages.  Past
 * the arithmetic it waits on memory: a row is 2.5 cache lines at stride 80,
 * half a line at stride 16, and rare features miss every cache.  So its time
 * grows with the number of features and the stride; what a tagger can do is
 * skip tokens (the POS tag dictionary, the NER's surely-outside test) and
 * keep templates few.  Tried and dropped: compact rows holding only the
 * non-zero weights (half the memory, but their branchy scatter-adds made POS
 * tagging 1.8x slower than the vector sums), and, with those compact rows,
 * prefetching the next token's rows ahead of its turn (no gain measurable on
 * this shared machine).  A
 * per-word-type cache of summed rows is not built: a frequent word's rows are
 * in the cache anyway, and a rare word's would not be in such a table.
 * Measured 2026-12-03 (README, Performance): a per-thread memo of the POS
 * word features' sums (4,096 slots, 77% hits) made the whole analysis 2%
 * slower, and so did prefetching the next token's dense rows or summing a
 * block of tokens' tag-independent rows ahead of decoding: the misses are
 * rare rows, and the memory system is already kept busy. */
#ifndef HS_PERCEP_H
#define HS_PERCEP_H
#include <stddef.h>
#include <stdint.h>

#include "model/mfile.h"

#define HS_PERCEP_MIN_BITS 8
#define HS_PERCEP_MAX_BITS 24
#define HS_PERCEP_MAX_STRIDE 256

/* ---- feature hashing ---- */
static inline uint64_t hs_mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
/* Hash of a byte string (FNV-1a, then mixed). */
static inline uint64_t hs_strhash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return hs_mix64(h ^ n);
}
/* Feature of template t with one or two values. */
static inline uint64_t hs_fh(uint32_t t, uint64_t a)
{
    return hs_mix64(a * 0x9E3779B97F4A7C15ULL + t * 0xD6E8FEB86659FD93ULL + 1);
}
static inline uint64_t hs_fh2(uint32_t t, uint64_t a, uint64_t b)
{
    return hs_mix64(hs_fh(t, a) ^ (b * 0xC2B2AE3D27D4EB4FULL));
}

/* ---- inference ---- */
typedef struct hs_percep {
    uint32_t bits, stride, n_labels;
    float scale;  /* weight = q * scale */
    int16_t *w;   /* [1 << bits][stride], malloc'ed */
} hs_percep;

/* scores[0..stride) = sum of the rows of the nf features (int32, unscaled). */
void hs_percep_score(const hs_percep *p, const uint64_t *f, size_t nf, int32_t *scores);
/* Index of the highest of scores[begin, end) among those with allowed[i] != 0
 * (allowed may be NULL). */
int hs_argmax_i32(const int32_t *scores, int begin, int end, const uint8_t *allowed);

/* Store as sections "PREFIX.meta" and "PREFIX.w" (zlib) of a model file. */
int hs_percep_save(const hs_percep *p, hs_mfile_writer *w, const char *prefix);
/* Load and validate them; HS_EMODEL naming the file on any problem. */
int hs_percep_load(hs_percep *p, const hs_mfile *m, const char *prefix);
void hs_percep_free(hs_percep *p);

/* ---- training ---- */
typedef struct hs_percep_trainer {
    uint32_t bits, stride, n_labels;
    float *w;
    double *acc;
    uint64_t steps; /* instances seen (starts at 1) */
} hs_percep_trainer;

int hs_percep_trainer_init(hs_percep_trainer *t, uint32_t bits, uint32_t n_labels);
void hs_percep_trainer_free(hs_percep_trainer *t);
void hs_percep_trainer_score(const hs_percep_trainer *t, const uint64_t *f, size_t nf, float *scores);
/* Add delta to the weight of `label` for each feature. */
void hs_percep_trainer_update(hs_percep_trainer *t, const uint64_t *f, size_t nf, int label, float delta);
static inline void hs_percep_trainer_tick(hs_percep_trainer *t) { t->steps++; }
/* Average, quantise to int16 and hand over as an inference model. */
int hs_percep_trainer_finish(const hs_percep_trainer *t, hs_percep *out);
int hs_argmax_f(const float *scores, int begin, int end, const uint8_t *allowed);

/* Deterministic pseudo-random numbers for shuffling (xorshift64*). */
static inline uint64_t hs_rand_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}
void hs_shuffle_u32(uint32_t *v, size_t n, uint64_t *seed);

/* Add p's sections ("tag.*") to w, write w to path and free it; rc is the
 * status so far (nothing is written when it is not 0). */
int hs_model_save_finish(hs_mfile_writer *w, int rc, const hs_percep *p, const char *path);
/* A model file from `what` (a path) when data is NULL, else from data[0, len). */
int hs_model_open(hs_mfile *m, const char *what, const void *data, size_t len, const char *kind, uint32_t version);

/* Label-name tables stored as a section of NUL-terminated names. */
int hs_names_save(hs_mfile_writer *w, const char *section, const char *const *names, size_t n);
/* A copy of n names as one malloc'ed block (pointers then strings), or NULL. */
const char **hs_names_copy(char *const *names, size_t n);
/* Validates; *names is one malloc'ed block (pointers then strings): free(*names). */
int hs_names_load(const hs_mfile *m, const char *section, const char ***names, size_t *n, size_t max);

#endif
