/* Unit tests for src/model: the averaged perceptron, its quantised weights,
 * the model-file container, and loaders facing truncated, foreign and random
 * files (a fuzz-style sweep: every prefix, many random byte flips). */
#include "harness.h"
#include "hearsay.h"
#include "model/mfile.h"
#include "model/percep.h"
#include "tag/tag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A toy task: label = feature index mod 3, learned from one feature each. */
static void train_toy(hs_percep_trainer *t)
{
    uint64_t seed = 42;
    for (int ep = 0; ep < 5; ep++)
        for (int k = 0; k < 300; k++) {
            uint64_t x = hs_rand_next(&seed) % 30;
            uint64_t f[2] = {hs_fh(1, x), hs_fh(2, 0)};
            float s[16];
            hs_percep_trainer_score(t, f, 2, s);
            int p = hs_argmax_f(s, 0, 3, NULL), g = (int)(x % 3);
            if (p != g) {
                hs_percep_trainer_update(t, f, 2, g, 1);
                hs_percep_trainer_update(t, f, 2, p, -1);
            }
            hs_percep_trainer_tick(t);
        }
}

static int toy_accuracy(const hs_percep *p)
{
    int right = 0;
    for (uint64_t x = 0; x < 30; x++) {
        uint64_t f[2] = {hs_fh(1, x), hs_fh(2, 0)};
        int32_t s[HS_PERCEP_MAX_STRIDE];
        hs_percep_score(p, f, 2, s);
        right += hs_argmax_i32(s, 0, 3, NULL) == (int)(x % 3);
    }
    return right;
}

TEST(percep_learns_and_quantises)
{
    hs_percep_trainer t;
    CHECK_INT(hs_percep_trainer_init(&t, 12, 3), 0);
    CHECK_INT(t.stride, 16);
    train_toy(&t);
    hs_percep p;
    CHECK_INT(hs_percep_trainer_finish(&t, &p), 0);
    CHECK_INT(toy_accuracy(&p), 30);
    hs_percep_trainer_free(&t);
    hs_percep_free(&p);
    CHECK(hs_percep_trainer_init(&t, 4, 3) == HS_EINVAL); /* too few bits */
    CHECK(hs_percep_trainer_init(&t, 12, 300) == HS_EINVAL);
}

TEST(percep_training_is_deterministic)
{
    hs_percep_trainer a, b;
    CHECK_INT(hs_percep_trainer_init(&a, 10, 3), 0);
    CHECK_INT(hs_percep_trainer_init(&b, 10, 3), 0);
    train_toy(&a);
    train_toy(&b);
    hs_percep pa, pb;
    CHECK_INT(hs_percep_trainer_finish(&a, &pa), 0);
    CHECK_INT(hs_percep_trainer_finish(&b, &pb), 0);
    CHECK(memcmp(pa.w, pb.w, ((size_t)1 << 10) * pa.stride * 2) == 0);
    hs_percep_free(&pa);
    hs_percep_free(&pb);
    hs_percep_trainer_free(&a);
    hs_percep_trainer_free(&b);
}

TEST(shuffle_is_a_permutation)
{
    uint32_t v[100], seen[100] = {0};
    for (uint32_t i = 0; i < 100; i++)
        v[i] = i;
    uint64_t seed = 7;
    hs_shuffle_u32(v, 100, &seed);
    int moved = 0;
    for (uint32_t i = 0; i < 100; i++) {
        seen[v[i]]++;
        moved += v[i] != i;
    }
    for (int i = 0; i < 100; i++)
        CHECK_INT(seen[i], 1);
    CHECK(moved > 50);
}

/* A random dense table, mostly zeros, with the extreme weights too. */
static int random_percep(hs_percep *p, uint32_t bits, uint32_t labels, uint64_t seed)
{
    memset(p, 0, sizeof *p);
    p->bits = bits;
    p->n_labels = labels;
    p->stride = (labels + 15u) & ~15u;
    p->scale = 1.0f / 32767;
    size_t n = ((size_t)1 << bits) * p->stride;
    if (!(p->w = calloc(n, sizeof *p->w)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint64_t r = hs_rand_next(&seed);
        if (i % p->stride < labels && r % 8 == 0)
            p->w[i] = r % 16 == 0 ? (int16_t)((r >> 8) % 2 ? 32767 : -32767) : (int16_t)(r >> 20);
    }
    return 0;
}

TEST(percep_scores_equal_a_plain_sum)
{
    const uint32_t labels[] = {13, 73, 100}; /* strides 16, 80 and 112: every pass of the scorer */
    for (int t = 0; t < 3; t++) {
        hs_percep p;
        CHECK_INT(random_percep(&p, 10, labels[t], 5 + (uint64_t)t), 0);
        uint64_t seed = 11, f[150];
        for (int round = 0; round < 100; round++) {
            size_t nf = (size_t)(hs_rand_next(&seed) % 150); /* past one batch of rows too */
            for (size_t i = 0; i < nf; i++)
                f[i] = hs_fh((uint32_t)(i % 7), hs_rand_next(&seed) % 5000);
            int32_t got[HS_PERCEP_MAX_STRIDE], want[HS_PERCEP_MAX_STRIDE] = {0};
            for (size_t i = 0; i < nf; i++)
                for (uint32_t l = 0; l < p.stride; l++)
                    want[l] += p.w[(f[i] >> (64 - p.bits)) * p.stride + l];
            hs_percep_score(&p, f, nf, got);
            CHECK(memcmp(got, want, p.stride * sizeof *got) == 0);
        }
        hs_percep_free(&p);
    }
}

/* A small NER model file in memory (toy weights). */
static uint8_t *toy_ner_file(size_t *len)
{
    hs_percep_trainer t;
    struct hs_ner_model m;
    memset(&m, 0, sizeof m);
    if (hs_percep_trainer_init(&t, 9, HS_NER_LABELS))
        return NULL;
    train_toy(&t);
    hs_percep_trainer_finish(&t, &m.p);
    hs_percep_trainer_free(&t);
    m.seen[0] = m.seen[1] = m.seen[2] = 1;
    char path[] = "/tmp/hs_test_modelXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    close(fd);
    int rc = hs_ner_model_save(&m, path);
    hs_percep_free(&m.p);
    char *buf = NULL;
    if (!rc)
        rc = hs_read_file(path, &buf, len);
    unlink(path);
    return rc ? NULL : (uint8_t *)buf;
}

TEST(ner_model_roundtrip)
{
    size_t len;
    uint8_t *buf = toy_ner_file(&len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    struct hs_ner_model *m;
    CHECK_INT(hs_ner_model_load_mem(&m, buf, len, "toy.hsm"), 0);
    if (m) {
        CHECK_INT(m->p.n_labels, HS_NER_LABELS);
        CHECK_INT(m->seen[1], 1);
        CHECK_INT(m->seen[5], 0);
        CHECK_INT(toy_accuracy(&m->p), 30);
        hs_ner_model_free(m);
    }
    /* a POS loader refuses a NER file, naming the kinds */
    struct hs_pos_model *pm;
    CHECK_INT(hs_pos_model_load_mem(&pm, buf, len, "toy.hsm"), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "toy.hsm") && strstr(hs_error_last(), "'ner'"));
    free(buf);
}

TEST(model_truncated_at_every_length_is_refused)
{
    size_t len;
    uint8_t *buf = toy_ner_file(&len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    for (size_t n = 0; n < len; n += (n < 400 ? 1 : 97)) {
        struct hs_ner_model *m = (void *)1;
        int rc = hs_ner_model_load_mem(&m, buf, n, "cut.hsm");
        if (rc != HS_EMODEL || m != NULL) {
            CHECK_INT(rc, HS_EMODEL);
            break;
        }
        CHECK(strstr(hs_error_last(), "cut.hsm") != NULL);
    }
    free(buf);
}

TEST(model_other_version_is_refused)
{
    size_t len;
    uint8_t *buf = toy_ner_file(&len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    hs_mfile mf;
    CHECK_INT(hs_mfile_load_mem(&mf, buf, len, "old.hsm", HS_NER_KIND, HS_NER_VERSION + 1), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "version") != NULL);
    buf[8] = 9; /* container version */
    struct hs_ner_model *m;
    CHECK_INT(hs_ner_model_load_mem(&m, buf, len, "old.hsm"), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "container version 9") != NULL);
    free(buf);
}

TEST(model_random_bytes_and_flips_are_refused)
{
    size_t len;
    uint8_t *buf = toy_ner_file(&len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    uint64_t seed = 12345;
    uint8_t *junk = malloc(len);
    for (size_t i = 0; i < len; i++)
        junk[i] = (uint8_t)hs_rand_next(&seed);
    struct hs_ner_model *m;
    CHECK_INT(hs_ner_model_load_mem(&m, junk, len, "junk.hsm"), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "bad magic") != NULL);
    memcpy(junk, "HSMODEL\x1a", 8); /* right magic, garbage after it */
    CHECK_INT(hs_ner_model_load_mem(&m, junk, len, "junk.hsm"), HS_EMODEL);
    /* single byte flips anywhere: refused (checksums) or, never, a crash */
    int refused = 0;
    for (int k = 0; k < 400; k++) {
        memcpy(junk, buf, len);
        size_t at = (size_t)(hs_rand_next(&seed) % len);
        junk[at] ^= (uint8_t)(1 + hs_rand_next(&seed) % 255);
        int rc = hs_ner_model_load_mem(&m, junk, len, "flip.hsm");
        if (rc == 0)
            hs_ner_model_free(m);
        else
            refused++;
    }
    if (refused < 380)
        fprintf(stderr, "refused %d of 400\n", refused);
    CHECK(refused >= 380); /* only the alignment padding between sections lies outside the checksums */
    free(junk);
    free(buf);
}

TEST(names_section_validated)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, "test", 1);
    CHECK_INT(hs_mfile_writer_add(&w, "names", "NN\0VB", 5), 0); /* last name unterminated */
    char path[] = "/tmp/hs_test_namesXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    CHECK_INT(hs_mfile_writer_save(&w, path), 0);
    hs_mfile_writer_free(&w);
    hs_mfile mf;
    CHECK_INT(hs_mfile_load(&mf, path, "test", 1), 0);
    const char **names;
    size_t n;
    CHECK_INT(hs_names_load(&mf, "names", &names, &n, 10), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "NUL-terminated") != NULL);
    CHECK_INT(hs_names_load(&mf, "absent", &names, &n, 10), HS_EMODEL);
    hs_mfile_free(&mf);
    unlink(path);
}
