/* Unit tests for src/tag/clusters_emb.c: word classes by k-means over a
 * small wink-embeddings-like JSON file written here (made-up words in eight
 * well-separated groups of directions), and its refusal of broken files. */
#include "harness.h"
#include "hearsay.h"
#include "tag/clusters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GROUPS 8
#define PER_GROUP 140
#define DIMS 16

/* The made-up word i of group g, in letters (digits would fold together in
 * hs_lex.lower); cap: a capital first letter. */
static void name(char *out, int g, int i, int cap)
{
    snprintf(out, 16, "%cq%c%c%c", cap ? 'Z' : 'z', 'a' + g, 'a' + i / 26, 'a' + i % 26);
}

/* Each word's vector points along axis 2g of its group, with a little of
 * axis 2g + 1 so that the words of a group differ. */
static int write_embeddings(const char *path, size_t truncate_at)
{
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    n += (size_t)snprintf(buf + n, cap - n, "{\"precision\":6,\"dimensions\":%d,\"words\":[],\"vectors\":{", DIMS);
    for (int i = 0; i < PER_GROUP; i++)
        for (int g = 0; g < GROUPS; g++) {
            char w[16];
            name(w, g, i, 0);
            n += (size_t)snprintf(buf + n, cap - n, "%s\"%s\":[", i || g ? "," : "", w);
            for (int j = 0; j < DIMS; j++) {
                double v = j == 2 * g ? 3.0 : j == 2 * g + 1 ? 0.01 * i : 0.0;
                n += (size_t)snprintf(buf + n, cap - n, "%g,", v);
            }
            n += (size_t)snprintf(buf + n, cap - n, "1,%d]", i * GROUPS + g);
        }
    n += (size_t)snprintf(buf + n, cap - n, "},\"unkVector\":[]}");
    FILE *f = fopen(path, "w");
    int rc = f && fwrite(buf, 1, truncate_at && truncate_at < n ? truncate_at : n, f) > 0 ? 0 : -1;
    if (f)
        fclose(f);
    free(buf);
    return rc;
}

static uint32_t classes_of(const hs_wordmap *m, const char *word)
{
    hs_lex lx;
    hs_lex_token(word, strlen(word), &lx);
    return hs_clusters_get(m, lx.lower);
}

TEST(clusters_from_embeddings)
{
    char path[] = "/tmp/hs_test_embXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    CHECK_INT(write_embeddings(path, 0), 0);
    hs_wordmap a, b;
    CHECK_INT(hs_clusters_from_embeddings(&a, path, 100000, 10, 42, NULL), 0);
    CHECK_INT(hs_clusters_from_embeddings(&b, path, 100000, 10, 42, NULL), 0);
    CHECK(a.size == b.size && memcmp(a.v, b.v, a.size * sizeof *a.v) == 0); /* deterministic */
    /* every word has classes; no class of any granularity spans two groups */
    uint32_t owner[3][1024];
    memset(owner, 0xff, sizeof owner);
    int mixed = 0, missing = 0;
    for (int g = 0; g < GROUPS; g++)
        for (int i = 0; i < PER_GROUP; i++) {
            char w[16];
            name(w, g, i, 1); /* the key is the lower-case form */
            uint32_t c = classes_of(&a, w);
            if (c == HS_CLUST_NONE) {
                missing++;
                continue;
            }
            uint32_t cls[3] = {HS_CLUST_C64(c), HS_CLUST_C256(c), HS_CLUST_C1024(c)};
            for (int k = 0; k < 3; k++) {
                if (owner[k][cls[k]] != 0xffffffffu && owner[k][cls[k]] != (uint32_t)g)
                    mixed++;
                owner[k][cls[k]] = (uint32_t)g;
            }
        }
    CHECK_INT(missing, 0);
    CHECK_INT(mixed, 0);
    CHECK(classes_of(&a, "zqunseen") == HS_CLUST_NONE);
    hs_wordmap_free(&b);
    /* only the first N words are read */
    CHECK_INT(hs_clusters_from_embeddings(&b, path, 1100, 3, 42, NULL), 0);
    char early[16], late[16];
    name(early, 3, 10, 0);
    name(late, 7, PER_GROUP - 1, 0);
    CHECK(classes_of(&b, early) != HS_CLUST_NONE);
    CHECK(classes_of(&b, late) == HS_CLUST_NONE);
    hs_wordmap_free(&b);
    hs_wordmap_free(&a);
    /* fewer words than classes: as many classes as words */
    CHECK_INT(hs_clusters_from_embeddings(&a, path, 40, 3, 42, NULL), 0);
    int over = 0, seen = 0;
    for (size_t i = 0; i < a.size; i++)
        if (a.v[i].key) {
            seen++;
            over += HS_CLUST_C64(a.v[i].value) >= 40 || HS_CLUST_C256(a.v[i].value) >= 40 ||
                    HS_CLUST_C1024(a.v[i].value) >= 40;
        }
    CHECK_INT(seen, 40);
    CHECK_INT(over, 0);
    hs_wordmap_free(&a);
    /* a file cut short, one without words or without dimensions: clear errors */
    CHECK_INT(write_embeddings(path, 4000), 0);
    CHECK(hs_clusters_from_embeddings(&a, path, 100000, 3, 42, NULL) != 0);
    CHECK(strstr(hs_error_last(), path) != NULL);
    static const char *const broken[][2] = {{"{\"dimensions\":4,\"vectors\":{}}", "no word vectors"},
                                             {"{\"vectors\":{}}", "dimensions"},
                                             {"{\"dimensions\":4,\"vectors\":{\"zqa\":[1,2,3]}}", "expected"}};
    for (size_t j = 0; j < sizeof broken / sizeof broken[0]; j++) {
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(broken[j][0], f);
            fclose(f);
        }
        CHECK(hs_clusters_from_embeddings(&a, path, 100000, 3, 42, NULL) != 0);
        CHECK(strstr(hs_error_last(), broken[j][1]) != NULL);
    }
    unlink(path);
}

TEST(clusters_file_round_trip_and_truncation)
{
    char emb[] = "/tmp/hs_test_embXXXXXX", model[] = "/tmp/hs_test_clsXXXXXX";
    int fd = mkstemp(emb), fd2 = mkstemp(model);
    CHECK(fd >= 0 && fd2 >= 0);
    close(fd);
    close(fd2);
    CHECK_INT(write_embeddings(emb, 0), 0);
    hs_wordmap a, b;
    CHECK_INT(hs_clusters_from_embeddings(&a, emb, 100000, 5, 7, NULL), 0);
    CHECK_INT(hs_clusters_save(&a, model), 0);
    CHECK_INT(hs_clusters_load(&b, model), 0);
    CHECK(a.size == b.size && memcmp(a.v, b.v, a.size * sizeof *a.v) == 0);
    hs_wordmap_free(&b);
    /* cut short, or another kind of model file: refused, naming the file */
    FILE *f = fopen(model, "r+");
    CHECK(f != NULL);
    if (f) {
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fclose(f);
        CHECK_INT(truncate(model, len / 2), 0);
    }
    CHECK(hs_clusters_load(&b, model) != 0);
    CHECK(strstr(hs_error_last(), model) != NULL);
    CHECK(hs_clusters_load(&b, emb) != 0);
    hs_wordmap_free(&a);
    unlink(emb);
    unlink(model);
}
