/* Unit tests for the NER's structured decoder (src/tag/ner_beam.c) and the
 * documents of the training corpora (src/tag/corpus.c), on text written
 * for these tests. */
#include "harness.h"
#include "hearsay.h"
#include "tag/corpus.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A temporary file holding text; its path in path. */
static void temp_file(char *path, size_t cap, const char *text)
{
    snprintf(path, cap, "/tmp/hs_test_nerXXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) {
        path[0] = 0;
        return;
    }
    FILE *f = fdopen(fd, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static int read_conll(hs_corpus *c, const char *text)
{
    char path[64];
    temp_file(path, sizeof path, text);
    int rc = hs_corpus_init(c);
    if (!rc)
        rc = hs_corpus_add_conll(c, path);
    hs_corpus_finish(c);
    unlink(path);
    return rc;
}

static int doc_start(const hs_corpus *c, size_t s)
{
    return s < c->d->sents.n && (c->d->sents.v[s].flags & HS_SF_DOC_START) != 0;
}

/* Without -DOCSTART- lines a Reuters document begins at the headline before
 * its dateline (place words, then YYYY-MM-DD); with them, only there. */
TEST(corpus_conll_documents)
{
    hs_corpus c;
    CHECK_INT(read_conll(&c, "KESTREL NNP O B-ORG\nFOODS NNP O I-ORG\nWIN VB O O\n. . O O\n\n"
                             "VELMORA NNP O B-LOC\n2031-04-02 CD O O\n\n"
                             "Marla NNP O B-PER\nQuint NNP O I-PER\nwon VBD O O\n. . O O\n\n"
                             "ORBEN NNP O B-PER\nLEAVES VBZ O O\n\n"
                             "BRASKVILLE NNP O B-LOC\n, , O O\nVelmora NNP O B-LOC\n2031-04-03 CD O O\n\n"
                             "Orben NNP O B-PER\nleft VBD O O\non IN O O\n2031-04-03 CD O O\n\n"),
              0);
    CHECK_INT(c.d->sents.n, 6);
    CHECK(doc_start(&c, 0) && !doc_start(&c, 1) && !doc_start(&c, 2));
    CHECK(doc_start(&c, 3) && !doc_start(&c, 4));
    CHECK(!doc_start(&c, 5)); /* "on 2031-04-03" after a lower-case word: no dateline */
    hs_corpus_free(&c);

    CHECK_INT(read_conll(&c, "-DOCSTART- -X- O O\n\nMarla NNP O B-PER\nwon VBD O O\n\n"
                             "KESTREL NNP O B-ORG\nWIN VB O O\n\nVELMORA NNP O B-LOC\n2031-04-02 CD O O\n\n"
                             "-DOCSTART- -X- O O\n\nOrben NNP O B-PER\nleft VBD O O\n\n"),
              0);
    CHECK_INT(c.d->sents.n, 4);
    CHECK(doc_start(&c, 0) && !doc_start(&c, 1) && !doc_start(&c, 2) && doc_start(&c, 3));
    hs_corpus_free(&c);
}

/* Sentences where the first word's label depends on a word three places on
 * ("Anna Bel Rosk" a person, "Anna Bel Rosk Holdings" a company): the greedy
 * tagger has decided "Anna" before it sees "Holdings", the beam has not. */
static const char late_evidence[] =
    "-DOCSTART- -X- O O\n\nAnna NNP O B-PER\nBel NNP O I-PER\nRosk NNP O I-PER\nspoke VBD O O\n. . O O\n\n"
    "-DOCSTART- -X- O O\n\nAnna NNP O B-ORG\nBel NNP O I-ORG\nRosk NNP O I-ORG\nHoldings NNP O I-ORG\n"
    "rose VBD O O\n. . O O\n\n"
    "-DOCSTART- -X- O O\n\nTamsin NNP O B-PER\nOrd NNP O I-PER\nspoke VBD O O\n. . O O\n\n"
    "-DOCSTART- -X- O O\n\nVell NNP O B-ORG\nHoldings NNP O I-ORG\nrose VBD O O\n. . O O\n\n";

static size_t labels_right(const hs_corpus *c)
{
    size_t right = 0;
    for (size_t i = 0; i < c->d->toks.n; i++)
        right += c->d->toks.v[i].ner == c->ner.v[i];
    return right;
}

/* Every I-X label follows B-X or I-X. */
static int valid_bio(const hs_doc *d)
{
    for (size_t i = 0; i < d->toks.n; i++) {
        int l = d->toks.v[i].ner, p = i > 0 ? d->toks.v[i - 1].ner : HS_NER_O;
        if (l >= HS_NER_LABELS || (l && !HS_NER_IS_B(l) && !(p && HS_NER_TYPE(p) == HS_NER_TYPE(l))))
            return 0;
    }
    return 1;
}

TEST(ner_beam_learns_and_keeps_its_width)
{
    hs_corpus c;
    CHECK_INT(read_conll(&c, late_evidence), 0);
    hs_train_opts o = {.bits = 12, .epochs = 30, .seed = 3, .members = 1, .beam = 4};
    struct hs_ner_model *beam = NULL, *greedy = NULL;
    CHECK_INT(hs_ner_train(&c, NULL, &o, NULL, &beam), 0);
    o.beam = 0;
    CHECK_INT(hs_ner_train(&c, NULL, &o, NULL, &greedy), 0);
    if (!beam || !greedy) {
        hs_ner_model_free(beam);
        hs_ner_model_free(greedy);
        hs_corpus_free(&c);
        return;
    }
    CHECK_INT(beam->beam, 4);
    CHECK_INT(greedy->beam, 0);
    CHECK_INT(hs_tag_doc(c.d, NULL, beam, NULL, NULL, 0), 0);
    CHECK_INT(labels_right(&c), c.d->toks.n);
    CHECK_INT(hs_tag_doc(c.d, NULL, greedy, NULL, NULL, 0), 0);
    CHECK(labels_right(&c) < c.d->toks.n); /* "Anna" gets one type in both sentences */

    /* the width is part of the model file */
    char path[64];
    temp_file(path, sizeof path, "");
    CHECK_INT(hs_ner_model_save(beam, path), 0);
    struct hs_ner_model *back = NULL;
    CHECK_INT(hs_ner_model_load(&back, path), 0);
    unlink(path);
    if (back) {
        CHECK_INT(back->beam, 4);
        CHECK_INT(hs_tag_doc(c.d, NULL, back, NULL, NULL, 0), 0);
        CHECK_INT(labels_right(&c), c.d->toks.n);
    }
    hs_ner_model_free(back);

    /* on any text the labels form a valid BIO sequence */
    hs_corpus_free(&c);
    CHECK_INT(read_conll(&c, "Holdings NNP O O\nRosk NNP O O\nAnna NNP O O\nHoldings NNP O O\nspoke VBD O O\n"
                             "Bel NNP O O\nBel NNP O O\nHoldings NNP O O\nrose VBD O O\nOrd NNP O O\n. . O O\n\n"),
              0);
    CHECK_INT(hs_tag_doc(c.d, NULL, beam, NULL, NULL, 0), 0);
    CHECK(valid_bio(c.d));
    hs_corpus_free(&c);

    /* a sentence too long for the decoder's stack buffer takes its scratch from the arena */
    static const char *const words[] = {"Anna", "Bel", "Rosk", "Holdings", "spoke", "Ord", "rose", "."};
    size_t cap = 700 * 24, len = 0;
    char *text = malloc(cap);
    for (size_t i = 0; text && i < 700; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s NNP O O\n", words[(i * 7 + i / 3) % 8]);
    CHECK(text != NULL);
    if (text) {
        CHECK_INT(read_conll(&c, text), 0);
        CHECK_INT(c.d->sents.n, 1);
        CHECK_INT(c.d->toks.n, 700);
        CHECK_INT(hs_tag_doc(c.d, NULL, beam, NULL, NULL, 0), 0);
        CHECK(valid_bio(c.d));
        hs_corpus_free(&c);
    }
    free(text);
    hs_ner_model_free(beam);
    hs_ner_model_free(greedy);
}
