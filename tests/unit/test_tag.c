/* Unit tests for src/tag: lexical hashes, BIO constraints, outlet names,
 * training and tagging on small corpora written for these tests, and the
 * analyzer's handling of missing and corrupt models. */
#include "analyzer.h"
#include "harness.h"
#include "hearsay.h"
#include "tag/corpus.h"
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A fresh temporary directory. */
static void temp_dir(char *buf)
{
    strcpy(buf, "/tmp/hs_test_tagXXXXXX");
    if (!mkdtemp(buf))
        buf[0] = 0;
}

/* Write dir/name and leave its path in path. */
static void put(char *path, size_t cap, const char *dir, const char *name, const char *text)
{
    snprintf(path, cap, "%s/%s", dir, name);
    write_file(path, text);
}

static void remove_dir(const char *dir, const char *const *files)
{
    char p[512];
    for (size_t i = 0; files[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
}

TEST(lex_flags_and_folding)
{
    hs_lex a, b;
    hs_lex_token("Díaz-Canel", strlen("Díaz-Canel"), &a);
    CHECK(a.flags & HS_LX_HYPHEN);
    CHECK(a.flags & HS_LX_UPPER_INIT);
    CHECK(!(a.flags & HS_LX_ALL_UPPER));
    CHECK_INT(a.len, 10);
    hs_lex_token("NASA", 4, &a);
    CHECK(a.flags & HS_LX_ALL_UPPER);
    hs_lex_token("2,049", 5, &a);
    CHECK(a.flags & HS_LX_ALL_DIGIT);
    hs_lex_token("1,730", 5, &b);
    CHECK(a.lower == b.lower); /* digits fold */
    CHECK(a.word != b.word);
    hs_lex_token("\xE2\x80\x99s", 4, &a); /* ’s */
    hs_lex_token("'s", 2, &b);
    CHECK(a.word == b.word);
    hs_lex_token("Quint", 5, &a);
    hs_lex_token("quint", 5, &b);
    CHECK(a.lower == b.lower && a.word != b.word && a.shape != b.shape);
    CHECK(a.suf[2] == b.suf[2]);
}

/* "Halpern founded …" in a text that elsewhere writes "Rina Halpern": the
 * sentence-initial word gets the feature of a word the document capitalises
 * inside sentences, which an ordinary capitalised opener ("His") does not. */
TEST(ner_document_capitals)
{
    const char *w1[] = {"Halpern", "founded", "it", "."}, *w2[] = {"His", "daughter", "Rina", "Halpern", "runs", "it", "."};
    hs_lex lx[11];
    for (size_t i = 0; i < 4; i++)
        hs_lex_token(w1[i], strlen(w1[i]), &lx[i]);
    for (size_t i = 0; i < 7; i++)
        hs_lex_token(w2[i], strlen(w2[i]), &lx[4 + i]);
    hs_arena ar;
    hs_arena_init(&ar);
    hs_ner_hist h;
    CHECK_INT(hs_ner_hist_init(&h, &ar, 11), 0);
    uint64_t marked[HS_TAG_MAX_FEATS], plain[HS_TAG_MAX_FEATS], opener[2][HS_TAG_MAX_FEATS];
    hs_ner_ctx c1 = {lx, NULL, 4, 0, NULL, &h, NULL, NULL}, c2 = {lx + 4, NULL, 7, 0, NULL, &h, NULL, NULL};
    size_t n0 = hs_ner_features(&c1, 0, -1, -1, plain), n2 = hs_ner_features(&c2, 0, -1, -1, opener[0]);
    hs_ner_hist_mark_names(&h, lx, 0, 4);
    hs_ner_hist_mark_names(&h, lx, 4, 11);
    size_t n1 = hs_ner_features(&c1, 0, -1, -1, marked), n3 = hs_ner_features(&c2, 0, -1, -1, opener[1]);
    CHECK(n0 == n1 && n2 == n3);
    size_t diff = 0;
    for (size_t k = 0; k < n0 && k < n1; k++)
        diff += marked[k] != plain[k];
    CHECK_INT(diff, 1);
    CHECK(memcmp(opener[0], opener[1], n2 * sizeof opener[0][0]) == 0); /* "His" is never capitalised inside */
    hs_arena_free(&ar);
}

TEST(ner_allowed_never_invalid)
{
    uint8_t seen[HS_NER_LABELS], allowed[HS_NER_LABELS];
    memset(seen, 1, sizeof seen);
    seen[HS_NER_B(HS_ET_WORK)] = seen[HS_NER_I(HS_ET_WORK)] = 0;
    for (int prev = -1; prev < HS_NER_LABELS; prev++) {
        hs_ner_allowed(prev, seen, allowed);
        CHECK(allowed[HS_NER_O]);
        for (int l = 1; l < HS_NER_LABELS; l++) {
            if (!allowed[l])
                continue;
            CHECK(seen[l]);
            if (!HS_NER_IS_B(l))
                CHECK(prev > 0 && HS_NER_TYPE(prev) == HS_NER_TYPE(l));
        }
        CHECK(allowed[HS_NER_B(HS_ET_PERSON)]);
    }
}

static hs_analyzer *analyzer_for(const char *models, const char *data, int require, int *rc)
{
    hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
    o.model_dir = models;
    o.data_dir = data;
    o.require_models = require;
    o.layers = HS_LAYER_TAG; /* these tests look at the tag layer only: no attribution tables needed */
    hs_analyzer *a = NULL;
    *rc = hs_analyzer_new(&a, &o);
    return a;
}

static int analyze_text(hs_doc *d, const hs_analyzer *a, const char *text)
{
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.origin = "test";
    return hs_analyze(d, a, &art);
}

/* An analyzer with models and tables from dir, and text analysed with it. */
static hs_doc *analyzed(hs_analyzer **a, const char *dir, const char *text)
{
    int rc;
    hs_doc *d = NULL;
    *a = analyzer_for(dir, dir, 0, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(hs_doc_new(&d), 0);
    CHECK_INT(analyze_text(d, *a, text), 0);
    return d;
}

/* Index of the first token spelled w at or after `from`, or -1. */
static long find_tok(const hs_doc *d, const char *w, size_t from)
{
    for (size_t i = from; i < d->toks.n; i++)
        if (HS_TOK_LEN(&d->toks.v[i]) == strlen(w) && memcmp(HS_TOK_PTR(d, &d->toks.v[i]), w, strlen(w)) == 0)
            return (long)i;
    return -1;
}

TEST(outlets_marked_in_running_text)
{
    char dir[64], path[128];
    temp_dir(dir);
    put(path, sizeof path, dir, "outlets.txt", "# test list\nUS Sun\n?People\nIn Touch Weekly\nIn Touch\n");
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, dir, "An onlooker told US Sun that Marla Quint had left. People said nothing at all. "
                                  "A friend told People the same, and a pal told In Touch Weekly.");
    long us = find_tok(d, "US", 0), p1 = find_tok(d, "People", 0), p2 = find_tok(d, "People", (size_t)p1 + 1);
    long in = find_tok(d, "In", 0);
    CHECK(us >= 0 && p1 >= 0 && p2 >= 0 && in >= 0);
    if (us >= 0 && p1 >= 0 && p2 >= 0 && in >= 0) {
        CHECK(d->toks.v[us].flags & HS_TF_OUTLET);
        CHECK(d->toks.v[us + 1].flags & HS_TF_OUTLET);
        CHECK_INT(d->toks.v[us].ner, HS_NER_B(HS_ET_ORG));
        CHECK_INT(d->toks.v[us + 1].ner, HS_NER_I(HS_ET_ORG));
        CHECK(!(d->toks.v[us + 2].flags & HS_TF_OUTLET)); /* "that" */
        CHECK(!(d->toks.v[p1].flags & HS_TF_OUTLET));     /* sentence start: the ordinary word */
        CHECK(d->toks.v[p2].flags & HS_TF_OUTLET);        /* after "told" */
        CHECK_INT(d->toks.v[in + 2].ner, HS_NER_I(HS_ET_ORG)); /* the longest name: "Weekly" too */
    }
    hs_doc_free(d);
    hs_analyzer_free(a);
    const char *files[] = {"outlets.txt", NULL};
    remove_dir(dir, files);
}

/* Analyse text with the outlet and agency lists given (agencies may be NULL)
 * in a fresh table directory dir; tables_done() removes it. */
static hs_doc *with_tables(hs_analyzer **a, char *dir, const char *outlets, const char *agencies, const char *text)
{
    char path[128];
    temp_dir(dir);
    put(path, sizeof path, dir, "outlets.txt", outlets);
    if (agencies)
        put(path, sizeof path, dir, "agencies.txt", agencies);
    return analyzed(a, dir, text);
}

static void tables_done(hs_doc *d, hs_analyzer *a, const char *dir)
{
    hs_doc_free(d);
    hs_analyzer_free(a);
    const char *files[] = {"outlets.txt", "agencies.txt", NULL};
    remove_dir(dir, files);
}

TEST(outlets_ambiguous_names_need_running_text)
{
    char dir[64];
    hs_analyzer *a;
    hs_doc *d = with_tables(&a, dir, "?Star\n?Variety\nStar magazine\n", NULL,
                            "Fans of Star Quarry cheered. In 2031, Variety reported the sale. "
                            "A critic, Variety said, was wrong. An insider told Star the news.\n\n"
                            "Big news today \xE2\x80\x94 Variety (@variety) May 2, 2031");
    long s1 = find_tok(d, "Star", 0), v1 = find_tok(d, "Variety", 0);
    long v2 = v1 >= 0 ? find_tok(d, "Variety", (size_t)v1 + 1) : -1, s2 = s1 >= 0 ? find_tok(d, "Star", (size_t)s1 + 1) : -1;
    CHECK(s1 >= 0 && v1 >= 0 && v2 >= 0 && s2 >= 0);
    if (s1 >= 0 && v1 >= 0 && v2 >= 0 && s2 >= 0) {
        CHECK(!(d->toks.v[s1].flags & HS_TF_OUTLET)); /* a longer name goes on: "Star Quarry" */
        CHECK(d->toks.v[v1].flags & HS_TF_OUTLET);    /* after a number and a comma */
        CHECK(d->toks.v[v2].flags & HS_TF_OUTLET);    /* after a lower-case word and a comma */
        CHECK(d->toks.v[s2].flags & HS_TF_OUTLET);    /* after "told" */
        long v3 = find_tok(d, "Variety", (size_t)v2 + 1);
        CHECK(v3 >= 0 && (d->toks.v[v3].flags & HS_TF_OUTLET)); /* the byline of a post */
    }
    tables_done(d, a, dir);
}

TEST(agencies_marked_as_organisations)
{
    char dir[64];
    hs_analyzer *a;
    hs_doc *d = with_tables(&a, dir, "AP\n", "# photo agencies\nAP Images\nLumen Pictures\n",
                            "Lena Dorn waved to fans. (Photo: Remy Sato/Lumen Pictures) The AP said so, "
                            "and a photo by AP Images showed her.");
    long lp = find_tok(d, "Lumen", 0), ap1 = find_tok(d, "AP", 0), ap2 = ap1 >= 0 ? find_tok(d, "AP", (size_t)ap1 + 1) : -1;
    CHECK(lp >= 0 && ap1 >= 0 && ap2 >= 0);
    if (lp >= 0 && ap1 >= 0 && ap2 >= 0) {
        CHECK(d->toks.v[lp].flags & HS_TF_CREDIT);
        CHECK(!(d->toks.v[lp].flags & HS_TF_OUTLET));
        CHECK_INT(d->toks.v[lp].ner, HS_NER_B(HS_ET_ORG));
        CHECK_INT(d->toks.v[lp + 1].ner, HS_NER_I(HS_ET_ORG));
        CHECK(d->toks.v[ap1].flags & HS_TF_OUTLET); /* the news agency */
        CHECK(d->toks.v[ap2].flags & HS_TF_CREDIT); /* the longer name: the photo agency */
        CHECK(!(d->toks.v[ap2].flags & HS_TF_OUTLET));
        CHECK(d->toks.v[ap2 + 1].flags & HS_TF_CREDIT);
    }
    tables_done(d, a, dir);
}

TEST(outlets_bad_line_named)
{
    char dir[64], path[128];
    temp_dir(dir);
    put(path, sizeof path, dir, "outlets.txt", "US Sun\n  People\n");
    struct hs_outlets *o;
    CHECK_INT(hs_outlets_load(&o, path), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "outlets.txt:2:") != NULL);
    int rc;
    hs_analyzer *a = analyzer_for(dir, dir, 0, &rc);
    CHECK_INT(rc, HS_EMODEL); /* a table that cannot be loaded stops the analyzer */
    CHECK(a == NULL);
    const char *files[] = {"outlets.txt", NULL};
    remove_dir(dir, files);
}

TEST(models_missing_or_corrupt)
{
    char dir[64], path[128];
    temp_dir(dir);
    int rc;
    hs_analyzer *a = analyzer_for(dir, dir, 0, &rc);
    CHECK_INT(rc, 0); /* missing models: the layer is skipped */
    CHECK(a && !a->pos && !a->ner);
    hs_analyzer_free(a);
    a = analyzer_for(dir, dir, 1, &rc);
    CHECK_INT(rc, HS_EMODEL);
    CHECK(strstr(hs_error_last(), "pos.hsm") && strstr(hs_error_last(), "missing"));
    put(path, sizeof path, dir, "pos.hsm", "HSMODEL\x1a but not really a model");
    a = analyzer_for(dir, dir, 0, &rc);
    CHECK_INT(rc, HS_EMODEL);
    CHECK(strstr(hs_error_last(), "pos.hsm") != NULL);
    const char *files[] = {"pos.hsm", NULL};
    remove_dir(dir, files);
}

/* Invented training sentences in CoNLL-U and CoNLL-2003 form. */
static const char conllu[] =
    "1\tMarla\tMarla\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tsang\tsing\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tband\tband\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tplayed\tplay\tVERB\tVBD\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tOtto\tOtto\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tdanced\tdance\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tslowly\tslowly\tADV\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
static const char conll[] =
    "Marla NNP B-NP B-PER\nQuint NNP I-NP I-PER\nvisited VBD B-VP O\nVelmora NNP B-NP B-LOC\n. . O O\n\n"
    "Otto NNP B-NP B-PER\nBrask NNP I-NP I-PER\njoined VBD B-VP O\nKestrel NNP B-NP B-ORG\nFoods NNPS I-NP I-ORG\n. . O O\n\n"
    "The DT B-NP O\nsinger NN I-NP O\nleft VBD B-VP O\nVelmora NNP B-NP B-LOC\n. . O O\n\n";

TEST(train_and_tag_small_corpora)
{
    char dir[64], p1[128], p2[128];
    temp_dir(dir);
    snprintf(p1, sizeof p1, "%s/t.conllu", dir);
    snprintf(p2, sizeof p2, "%s/t.conll", dir);
    write_file(p1, conllu);
    write_file(p2, conll);
    hs_train_opts o = {.bits = 12, .epochs = 6, .seed = 1, .members = 2};

    hs_corpus c;
    CHECK_INT(hs_corpus_init(&c), 0);
    CHECK_INT(hs_corpus_add_conllu(&c, p1, NULL), 0);
    hs_corpus_finish(&c);
    CHECK_INT(c.d->sents.n, 3);
    CHECK_INT(c.d->toks.n, 12);
    struct hs_pos_model *pos = NULL;
    CHECK_INT(hs_pos_train(&c, &o, NULL, &pos), 0);
    CHECK_INT(hs_tag_doc(c.d, pos, NULL, NULL, NULL, 0), 0);
    size_t right = 0;
    for (size_t i = 0; i < c.d->toks.n; i++)
        right += c.d->toks.v[i].upos == c.upos.v[i];
    CHECK(right >= 11);
    hs_corpus_free(&c);

    CHECK_INT(hs_corpus_init(&c), 0);
    CHECK_INT(hs_corpus_add_conll(&c, p2), 0);
    hs_corpus_finish(&c);
    struct hs_ner_model *ner = NULL;
    CHECK_INT(hs_ner_train(&c, pos, &o, NULL, &ner), 0);
    CHECK_INT(hs_tag_doc(c.d, pos, ner, NULL, NULL, 0), 0);
    right = 0;
    for (size_t i = 0; i < c.d->toks.n; i++)
        right += c.d->toks.v[i].ner == c.ner.v[i];
    CHECK_INT(right, c.d->toks.n);
    CHECK(ner && !ner->seen[HS_NER_B(HS_ET_WORK)]); /* no WORK in the data: never predicted */
    hs_corpus_free(&c);

    /* on any text the labels form a valid BIO sequence */
    hs_analyzer an;
    memset(&an, 0, sizeof an);
    an.opts.layers = HS_LAYER_ALL;
    an.pos = pos;
    an.ner = ner;
    hs_doc *d;
    CHECK_INT(hs_doc_new(&d), 0);
    CHECK_INT(analyze_text(d, &an, "Foods Quint Brask Kestrel visited Otto . Velmora Velmora joined Marla Quint "
                                   "Kestrel Foods Foods Brask the singer VELMORA KESTREL"),
              0);
    CHECK(d->toks.n > 10);
    for (size_t i = 0; i < d->toks.n; i++) {
        int l = d->toks.v[i].ner;
        CHECK(l < HS_NER_LABELS);
        if (l && !HS_NER_IS_B(l))
            CHECK(i > 0 && d->toks.v[i - 1].ner && HS_NER_TYPE(d->toks.v[i - 1].ner) == HS_NER_TYPE(l));
    }
    hs_doc_free(d);
    hs_pos_model_free(pos);
    hs_ner_model_free(ner);
    const char *files[] = {"t.conllu", "t.conll", NULL};
    remove_dir(dir, files);
}

TEST(corpus_bad_lines_named)
{
    char dir[64], p[128];
    temp_dir(dir);
    put(p, sizeof p, dir, "bad.conll", "Marla NNP B-NP B-PER\nQuint NNP B-NP X-PER\n");
    hs_corpus c;
    CHECK_INT(hs_corpus_init(&c), 0);
    CHECK_INT(hs_corpus_add_conll(&c, p), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "bad.conll:2:") != NULL);
    hs_corpus_free(&c);
    put(p, sizeof p, dir, "bad.conllu", "1\tMarla\tMarla\tPROPN\tNNP\t_\t0\troot\t_\t_\n3\tsang\tsing\tVERB\tVBD\t_\t1\tdep\t_\t_\n");
    CHECK_INT(hs_corpus_init(&c), 0);
    CHECK_INT(hs_corpus_add_conllu(&c, p, NULL), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "bad.conllu:2:") != NULL);
    hs_corpus_free(&c);
    const char *files[] = {"bad.conll", "bad.conllu", NULL};
    remove_dir(dir, files);
}

/* Label the tokens spelled by `words` (consecutive, from the first match) as one entity. */
static void label(hs_doc *d, const char *first, size_t n, int type)
{
    long i = find_tok(d, first, 0);
    if (i >= 0)
        hs_tag_set_span(d, (size_t)i, (size_t)i + n, type);
}

TEST(name_patterns)
{
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, "/nonexistent",
                         "They met before Mother\xE2\x80\x99s Day. The Rose Girl sang, and the Orla Venn show began. "
                         "Rafe Ortiz-Lamb starred in the film \xE2\x80\x9CSalt Marsh\xE2\x80\x9D last year. "
                         "Her hit Paper Moons 2 topped the chart, and the film Ivo Lark made flopped.");
    label(d, "Mother", 1, HS_ET_PERSON); /* what a statistical tagger might say */
    label(d, "Paper", 1, HS_ET_MISC);
    label(d, "Moons", 1, HS_ET_PLACE);
    label(d, "Ivo", 2, HS_ET_PERSON);
    label(d, "Rose", 2, HS_ET_PERSON);
    label(d, "Orla", 2, HS_ET_PERSON);
    label(d, "Rafe", 2, HS_ET_PERSON);
    label(d, "Lamb", 1, HS_ET_PERSON);
    hs_lex *lx;
    CHECK_INT(hs_lex_doc(d, &lx), 0);
    struct hs_ner_model m;
    memset(&m, 0, sizeof m);
    CHECK_INT(hs_wordmap_init(&m.casemap, 4), 0);
    hs_wordmap_put(&m.casemap, lx[find_tok(d, "Girl", 0)].lower, HS_CASE_NEVER);
    hs_wordmap_put(&m.casemap, lx[find_tok(d, "Venn", 0)].lower, HS_CASE_ALWAYS);
    d->xpos_names = (const char *const *)"x"; /* POS ran: "show" is a noun */
    d->toks.v[find_tok(d, "show", 0)].upos = HS_UPOS_NOUN;
    hs_tag_names(d, lx, &m);
    long i = find_tok(d, "Mother", 0);
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_EVENT)); /* named day */
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_I(HS_ET_EVENT));
    i = find_tok(d, "Rose", 0);
    CHECK_INT(d->toks.v[i].ner, HS_NER_O); /* epithet after "the" */
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_O);
    i = find_tok(d, "Orla", 0);
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_PERSON)); /* modifies "show": kept */
    i = find_tok(d, "Rafe", 0);
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_I(HS_ET_PERSON)); /* the hyphen joins */
    CHECK_INT(d->toks.v[i + 3].ner, HS_NER_I(HS_ET_PERSON));
    i = find_tok(d, "Salt", 0);
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_WORK)); /* quoted title */
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_WORK));
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_O);
    i = find_tok(d, "Paper", 0); /* unquoted title after a work noun: one WORK, whatever the tagger said */
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_WORK));
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_WORK));
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_I(HS_ET_WORK));
    CHECK_INT(d->toks.v[i + 3].ner, HS_NER_O);
    i = find_tok(d, "Ivo", 0); /* a person after a work noun stays a person */
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_PERSON));
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON));
    d->xpos_names = NULL;
    hs_wordmap_free(&m.casemap);
    hs_doc_free(d);
    hs_analyzer_free(a);
}

/* Run the name patterns on d with case statistics that give the words of
 * never[] and rarely[] (NULL-terminated) as NEVER and RARELY capitalised. */
static int names_with_cases(hs_doc *d, const char *const *never, const char *const *rarely)
{
    hs_lex *lx;
    struct hs_ner_model m;
    memset(&m, 0, sizeof m);
    if (hs_lex_doc(d, &lx) || hs_wordmap_init(&m.casemap, 16))
        return -1;
    for (size_t k = 0; never[k]; k++)
        hs_wordmap_put(&m.casemap, lx[find_tok(d, never[k], 0)].lower, HS_CASE_NEVER);
    for (size_t k = 0; rarely[k]; k++)
        hs_wordmap_put(&m.casemap, lx[find_tok(d, rarely[k], 0)].lower, HS_CASE_RARELY);
    int rc = hs_tag_names(d, lx, &m);
    hs_wordmap_free(&m.casemap);
    return rc;
}

/* Rule 5 of names.c: in a title-case headline, words the training text writes
 * in lower case leave the tagger's name spans; prose keeps its names. */
TEST(headline_names)
{
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, "/nonexistent",
                         "Dana Roe Says She and Ned Vale Take a Break\n\n"
                         "Will Tamsin Shares Photos With Cal Winter\n\n"
                         "The designer Will Tamsin was in Lisbon. Yesterday Pia Stone sang there.");
    label(d, "Dana", 3, HS_ET_PERSON); /* what a tagger trained on prose says of headlines */
    label(d, "Ned", 3, HS_ET_PERSON);
    label(d, "Break", 1, HS_ET_MISC);
    label(d, "Will", 3, HS_ET_PERSON);
    label(d, "Cal", 2, HS_ET_PERSON);
    label(d, "Pia", 2, HS_ET_PERSON);
    long prose = find_tok(d, "designer", 0);
    hs_tag_set_span(d, (size_t)prose + 1, (size_t)prose + 3, HS_ET_PERSON);
    const char *never[] = {"Says", "Take", "Shares", "Will", "Stone", NULL}, *rarely[] = {"Break", "Winter", NULL};
    CHECK_INT(names_with_cases(d, never, rarely), 0);
    long i = find_tok(d, "Dana", 0);
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON)); /* "Dana Roe" */
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_O);               /* "Says" */
    i = find_tok(d, "Ned", 0);
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON));
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_O);                            /* "Take" */
    CHECK_INT(d->toks.v[find_tok(d, "Break", 0)].ner, HS_NER_O);          /* a lone RARELY word */
    i = find_tok(d, "Will", 0);
    CHECK_INT(d->toks.v[i].ner, HS_NER_B(HS_ET_PERSON)); /* the article writes "Will Tamsin" in prose */
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON));
    CHECK_INT(d->toks.v[i + 2].ner, HS_NER_O); /* "Shares" */
    i = find_tok(d, "Cal", 0);
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON)); /* a surname ends the name */
    i = find_tok(d, "Pia", 0);
    CHECK_INT(d->toks.v[i + 1].ner, HS_NER_I(HS_ET_PERSON)); /* prose: left alone */
    hs_doc_free(d);
    hs_analyzer_free(a);
}

/* Rule 7 of names.c: a person's name found whole in prose is that person
 * where the tagger cut it, but not inside a longer name. */
TEST(consistent_person_names)
{
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, "/nonexistent",
                         "Dana Roe vs. Tom Vale\n\nDana Roe sang in Lisbon. The Dana Roe Foundation paid for it.");
    long h = find_tok(d, "Dana", 0), p = find_tok(d, "Dana", (size_t)h + 1), f = find_tok(d, "Dana", (size_t)p + 1);
    hs_tag_set_span(d, (size_t)h, (size_t)h + 1, HS_ET_PERSON); /* the heading: cut in two */
    hs_tag_set_span(d, (size_t)h + 1, (size_t)h + 2, HS_ET_MISC);
    hs_tag_set_span(d, (size_t)p, (size_t)p + 2, HS_ET_PERSON); /* prose: whole */
    hs_tag_set_span(d, (size_t)f, (size_t)f + 3, HS_ET_ORG);    /* a longer name */
    const char *never[] = {"sang", NULL}, *rarely[] = {NULL};
    CHECK_INT(names_with_cases(d, never, rarely), 0);
    CHECK_INT(d->toks.v[h].ner, HS_NER_B(HS_ET_PERSON));
    CHECK_INT(d->toks.v[h + 1].ner, HS_NER_I(HS_ET_PERSON)); /* "Dana Roe" whole */
    CHECK_INT(d->toks.v[f].ner, HS_NER_B(HS_ET_ORG));         /* the foundation stays */
    CHECK_INT(d->toks.v[f + 2].ner, HS_NER_I(HS_ET_ORG));
    hs_doc_free(d);
    hs_analyzer_free(a);
}

/* Rule 6 of names.c: handles, hashtags and pieces of web addresses are no names. */
TEST(markup_is_no_name)
{
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, "/nonexistent",
                         "Dana Roe (@DanaRoe) posted #TeamDana on Monday. pic.twitter.com/Qx7Lm2 "
                         "The Harbor Gameshttps://t.co/Zp4Rt9 began. Photo: Remy Sato/Lumen Pictures");
    const char *marked[] = {"Dana", "DanaRoe", "TeamDana", "Qx7Lm2", "Gameshttps", "Zp4Rt9", "Lumen"};
    for (size_t k = 0; k < sizeof marked / sizeof marked[0]; k++)
        label(d, marked[k], 1, HS_ET_MISC); /* what a tagger might say */
    hs_lex *lx;
    CHECK_INT(hs_lex_doc(d, &lx), 0);
    CHECK_INT(hs_tag_names(d, lx, NULL), 0);
    for (size_t k = 1; k < 6; k++)
        CHECK_INT(d->toks.v[find_tok(d, marked[k], 0)].ner, HS_NER_O);
    CHECK_INT(d->toks.v[find_tok(d, "Dana", 0)].ner, HS_NER_B(HS_ET_MISC));  /* a name */
    CHECK_INT(d->toks.v[find_tok(d, "Lumen", 0)].ner, HS_NER_B(HS_ET_MISC)); /* a credit, not an address */
    hs_doc_free(d);
    hs_analyzer_free(a);
}

/* Every token has a head inside its sentence or is a root, and following
 * heads never loops. */
static int valid_trees(const hs_doc *d)
{
    for (size_t i = 0; i < d->toks.n; i++) {
        const hs_tok *t = &d->toks.v[i];
        const hs_sent *s = &d->sents.v[t->sent];
        if (t->head != HS_NONE && (t->head < (int32_t)s->tok_begin || t->head >= (int32_t)s->tok_end))
            return 0;
        int32_t h = (int32_t)i;
        for (size_t steps = 0; h != HS_NONE; steps++) {
            if (steps > s->tok_end - s->tok_begin)
                return 0;
            h = d->toks.v[h].head;
        }
    }
    return 1;
}

/* POS tagger and parser (beam width `beam`) trained on tests/data/tiny.conllu, read into c. */
static void train_tiny_parser(hs_corpus *c, struct hs_pos_model **pos, struct hs_parse_model **pm, unsigned beam)
{
    hs_train_opts o = {.bits = 10, .epochs = 10, .seed = 1, .beam = beam};
    CHECK_INT(hs_corpus_init(c), 0);
    CHECK_INT(hs_corpus_add_conllu(c, "tests/data/tiny.conllu", NULL), 0);
    hs_corpus_finish(c);
    CHECK_INT(hs_pos_train(c, &o, NULL, pos), 0);
    CHECK_INT(hs_parse_train(c, *pos, &o, NULL, pm), 0);
}

TEST(parser_learns_and_builds_trees)
{

    hs_corpus c;
    struct hs_pos_model *pos = NULL;
    struct hs_parse_model *pm = NULL;
    train_tiny_parser(&c, &pos, &pm, 1);
    CHECK_INT(hs_tag_doc(c.d, pos, NULL, NULL, pm, 0), 0);
    size_t right = 0;
    for (size_t i = 0; i < c.d->toks.n; i++)
        right += c.d->toks.v[i].head == c.head.v[i];
    /* the training sentences are learned (tag pairs seen fewer than 3 times
     * cannot be predicted, so a tag or two differs from the gold ones) */
    CHECK(right + 2 >= c.d->toks.n);
    CHECK(valid_trees(c.d));
    CHECK(pos->n_pairs > 0);
    for (size_t i = 0; i < c.d->toks.n; i++) { /* only (UPOS, PTB) pairs seen in training */
        int seen = 0;
        for (size_t k = 0; k < pos->n_pairs; k++)
            seen |= pos->pairs[k][0] == c.d->toks.v[i].upos && pos->pairs[k][1] == c.d->toks.v[i].xpos;
        CHECK(seen);
    }
    CHECK(c.d->deprel_names != NULL);
    /* each sentence: one root, and only it has the relation "root" */
    CHECK(pm->root >= 0);
    for (size_t si = 0; si < c.d->sents.n; si++) {
        const hs_sent *s = &c.d->sents.v[si];
        int roots = 0;
        for (size_t i = s->tok_begin; i < s->tok_end; i++) {
            roots += c.d->toks.v[i].head == HS_NONE;
            CHECK_INT(c.d->toks.v[i].head == HS_NONE, (int)c.d->toks.v[i].deprel == pm->root);
        }
        CHECK_INT(roots, 1);
    }
    int32_t heads[64];
    uint8_t rels[64];
    size_t nh = c.d->toks.n < 64 ? c.d->toks.n : 64;
    for (size_t i = 0; i < nh; i++) {
        heads[i] = c.d->toks.v[i].head;
        rels[i] = c.d->toks.v[i].deprel;
    }
    long root = -1;
    for (size_t i = 0; i < 7; i++)
        if (c.d->toks.v[i].head == HS_NONE)
            root = (long)i;
    CHECK_INT(root, 2); /* "sang" */
    if (root == 2)
        CHECK_STR(c.d->deprel_names[c.d->toks.v[0].deprel], "nsubj");

    /* on other text: still trees */
    static const char other[] = "Velmora crowd the the sang sang . Loudly in in Marla ! Foods Kestrel played , "
                                "for the band “crowd Quint” sang loudly in Velmora .";
    hs_analyzer an;
    memset(&an, 0, sizeof an);
    an.opts.layers = HS_LAYER_ALL | HS_LAYER_PARSE_ALL;
    an.pos = pos;
    an.parse = pm;
    hs_doc *d;
    CHECK_INT(hs_doc_new(&d), 0);
    CHECK_INT(analyze_text(d, &an, other), 0);
    CHECK(d->toks.n > 10 && d->sents.n >= 2);
    CHECK(valid_trees(d));
    size_t last = d->sents.n - 1, lb = d->sents.v[last].tok_begin, ln = d->sents.v[last].tok_end - lb;
    int32_t all_heads[64];
    CHECK(ln <= 64);
    for (size_t i = 0; i < ln && i < 64; i++)
        all_heads[i] = d->toks.v[lb + i].head;
    /* the cascade: by default no sentence is parsed (not even one holding a
     * quotation) until a stage asks; then that sentence alone, as above */
    an.opts.layers = HS_LAYER_ALL;
    CHECK_INT(analyze_text(d, &an, other), 0);
    CHECK(d->sents.v[last].flags & HS_SF_HAS_QUOTE);
    for (size_t si = 0; si < d->sents.n; si++)
        CHECK(!(d->sents.v[si].flags & HS_SF_PARSED));
    for (size_t i = 0; i < d->toks.n; i++)
        CHECK_INT(d->toks.v[i].head, HS_NONE);
    CHECK_INT(hs_tag_parse(d, &an, last), 0);
    CHECK(d->sents.v[last].flags & HS_SF_PARSED);
    CHECK(!(d->sents.v[0].flags & HS_SF_PARSED));
    for (size_t i = 0; i < ln && i < 64; i++)
        CHECK_INT(d->toks.v[lb + i].head, all_heads[i]);
    CHECK(valid_trees(d));
    CHECK_INT(hs_tag_parse(d, &an, last), 0); /* already parsed: kept */
    CHECK_INT(hs_tag_parse(d, &an, d->sents.n), HS_EINVAL);
    an.parse = NULL;
    CHECK_INT(hs_tag_parse(d, &an, 0), 1); /* no parser: nothing to give */

    /* from model files: the parser's file is checked when the analyzer is
     * made, its weights inflated only when a parse is first asked for */
    char mdir[64], mpath[128];
    temp_dir(mdir);
    snprintf(mpath, sizeof mpath, "%s/pos.hsm", mdir);
    CHECK_INT(hs_pos_model_save(pos, mpath), 0);
    snprintf(mpath, sizeof mpath, "%s/parse.hsm", mdir);
    CHECK_INT(hs_parse_model_save(pm, mpath), 0);
    hs_analyzer_options mo = HS_ANALYZER_OPTIONS_INIT;
    mo.model_dir = mo.data_dir = mdir;
    mo.layers = HS_LAYER_TAG | HS_LAYER_PARSE;
    hs_analyzer *la = NULL;
    CHECK_INT(hs_analyzer_new(&la, &mo), 0);
    if (la) {
        CHECK(la->parse == NULL && la->parse_lazy != NULL && hs_tag_has_parser(la));
        CHECK_INT(analyze_text(d, la, other), 0);
        for (size_t i = 0; i < d->toks.n; i++)
            CHECK_INT(d->toks.v[i].head, HS_NONE);
        CHECK_INT(hs_tag_parse(d, la, last), 0);
        for (size_t i = 0; i < ln && i < 64; i++)
            CHECK_INT(d->toks.v[lb + i].head, all_heads[i]);
        hs_analyzer_free(la);
    }
    mo.layers |= HS_LAYER_PARSE_ALL; /* every sentence: loaded at once */
    CHECK_INT(hs_analyzer_new(&la, &mo), 0);
    if (la)
        CHECK(la->parse != NULL && la->parse_lazy == NULL);
    hs_analyzer_free(la);
    mo.layers &= ~(unsigned)HS_LAYER_PARSE_ALL;
    char *whole;
    size_t whole_len;
    CHECK_INT(hs_read_file(mpath, &whole, &whole_len), 0);
    FILE *tf = fopen(mpath, "wb"); /* a truncated file is refused up front all the same */
    if (tf) {
        fwrite(whole, 1, whole_len / 2, tf);
        fclose(tf);
    }
    free(whole);
    CHECK_INT(hs_analyzer_new(&la, &mo), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "parse.hsm") != NULL);
    const char *mfiles[] = {"pos.hsm", "parse.hsm", NULL};
    remove_dir(mdir, mfiles);
    hs_doc_free(d);

    /* a truncated parse model is refused with the file named */
    char path[] = "/tmp/hs_test_parseXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    CHECK_INT(hs_parse_model_save(pm, path), 0);
    char *buf;
    size_t len;
    CHECK_INT(hs_read_file(path, &buf, &len), 0);
    unlink(path);
    struct hs_parse_model *back;
    CHECK_INT(hs_parse_model_load_any(&back, "p.hsm", buf, len), 0);
    if (back) { /* loaded (packed weights): the same parses; nothing left to save */
        CHECK(back->p.w == NULL && back->tw != NULL);
        CHECK_INT(hs_parse_model_save(back, path), HS_EINPUT);
        CHECK_INT(hs_tag_doc(c.d, pos, NULL, NULL, back, 0), 0);
        for (size_t i = 0; i < nh; i++) {
            CHECK_INT(c.d->toks.v[i].head, heads[i]);
            CHECK_INT(c.d->toks.v[i].deprel, rels[i]);
        }
    }
    hs_parse_model_free(back);
    CHECK_INT(hs_parse_model_load_any(&back, "p.hsm", buf, len / 2), HS_EMODEL);
    CHECK(strstr(hs_error_last(), "p.hsm: truncated") != NULL);
    free(buf);
    hs_parse_model_free(pm);
    hs_pos_model_free(pos);
    hs_corpus_free(&c);
}

/* The parser trained with a beam (max-violation updates): it learns the
 * training sentences, keeps its width in the model file, and a beam of one
 * (greedy) over the same weights still builds trees. */
TEST(parser_beam_learns_and_keeps_its_width)
{
    hs_corpus c;
    struct hs_pos_model *pos = NULL;
    struct hs_parse_model *pm = NULL;
    train_tiny_parser(&c, &pos, &pm, 4);
    CHECK_INT(pm->beam, 4);
    hs_lex *lx = NULL;
    CHECK_INT(hs_tag_doc(c.d, pos, NULL, NULL, NULL, 0), 0);
    CHECK_INT(hs_lex_doc(c.d, &lx), 0);
    CHECK_INT(hs_parse_doc(c.d, pm, lx, 0), 0);
    size_t right = 0;
    for (size_t i = 0; i < c.d->toks.n; i++)
        right += c.d->toks.v[i].head == c.head.v[i];
    CHECK(right + 2 >= c.d->toks.n);
    CHECK(valid_trees(c.d));
    CHECK_INT(hs_parse_doc_beam(c.d, pm, lx, 0, 1), 0);
    CHECK(valid_trees(c.d));

    char path[] = "/tmp/hs_test_parsebeamXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    CHECK_INT(hs_parse_model_save(pm, path), 0);
    struct hs_parse_model *back = NULL;
    CHECK_INT(hs_parse_model_load(&back, path), 0);
    unlink(path);
    if (back)
        CHECK_INT(back->beam, 4);
    hs_parse_model_free(back);
    hs_parse_model_free(pm);
    hs_pos_model_free(pos);
    hs_corpus_free(&c);
}

/* d->tok_first (set by hs_lex_doc): each token's first token of the same
 * bytes; case and a curly apostrophe make other words. */
TEST(lex_tok_first_shares_words)
{
    hs_analyzer *a;
    hs_doc *d = analyzed(&a, "/nonexistent",
                         "Nela Drom said the plan works. The plan, Drom said, works \xE2\x80\x99til May. the end");
    hs_lex *lx;
    CHECK_INT(hs_lex_doc(d, &lx), 0);
    CHECK(d->tok_first != NULL);
    if (d->tok_first) {
        long said1 = find_tok(d, "said", 0), said2 = find_tok(d, "said", (size_t)said1 + 1);
        long the1 = find_tok(d, "the", 0), the2 = find_tok(d, "the", (size_t)the1 + 1);
        long The = find_tok(d, "The", 0), drom2 = find_tok(d, "Drom", (size_t)find_tok(d, "Drom", 0) + 1);
        CHECK(said1 >= 0 && said2 > said1 && the1 >= 0 && the2 > the1 && The >= 0 && drom2 >= 0);
        if (said2 > said1 && the2 > the1 && The >= 0 && drom2 >= 0) {
            CHECK_INT(d->tok_first[said1], said1); /* a first occurrence is its own */
            CHECK_INT(d->tok_first[said2], said1);
            CHECK_INT(d->tok_first[the2], the1);
            CHECK_INT(d->tok_first[The], The); /* "The" is not "the" */
            CHECK_INT(d->tok_first[drom2], find_tok(d, "Drom", 0));
        }
        for (size_t i = 0; i < d->toks.n; i++) { /* always an earlier (or the same) token of the same bytes */
            uint32_t f = d->tok_first[i];
            CHECK(f <= i && HS_TOK_LEN(&d->toks.v[f]) == HS_TOK_LEN(&d->toks.v[i]) &&
                  memcmp(HS_TOK_PTR(d, &d->toks.v[f]), HS_TOK_PTR(d, &d->toks.v[i]), HS_TOK_LEN(&d->toks.v[i])) == 0);
        }
    }
    hs_doc_free(d);
    hs_analyzer_free(a);
}
