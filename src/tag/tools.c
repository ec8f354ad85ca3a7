/* `hearsay train pos|ner` and `hearsay eval pos|ner`: training from the
 * public corpora and measuring accuracy and speed against their test parts. */
#include "eval/eval.h"
#include "tag/clusters.h"
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_INPUTS 16

typedef struct args {
    const char *conllu[MAX_INPUTS], *conll[MAX_INPUTS], *text[MAX_INPUTS];
    size_t n_conllu, n_conll, n_text;
    const char *split, *out, *pos, *ner, *parse, *models, *clusters, *embeddings;
    size_t words; /* train clusters --embeddings: the most frequent words kept */
    hs_train_opts t;
    unsigned decode_beam; /* train parse: the beam width the model asks for, when not the training one */
    int json, by_rel, errors;
} args;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time of this process: throughput per core, not disturbed by other
 * processes sharing the machine. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

#define SPEED_RUNS 5 /* tagging runs; the fastest counts */

static int usage(const char *cmd, const char *msg)
{
    fprintf(stderr, "hearsay %s: %s\n", cmd, msg);
    fprintf(stderr,
            "usage: hearsay train pos --conllu PATH... [--split train] [-o models/pos.hsm] [--epochs N] [--bits B] [--seed S]\n"
            "       hearsay train ner --conll FILE... [--conllu PATH...] [--pos models/pos.hsm] [-o models/ner.hsm] [--epochs N] [--bits B]\n"
            "                         [--members N]  (perceptrons averaged, each on its own shuffles; default 3)\n"
            "                         [--beam K]  (structured perceptron with a beam of K, default 4; 1: greedy)\n"
            "                         [--clusters models/clusters.hsm]  (word classes as features, copied into the model)\n"
            "                         [--gaz]  (a gazetteer of the training names as features)\n"
            "                         [--no-case] [--no-hist] [--no-skip]  (ablations: case statistics,\n"
            "                         prediction history, skipping tokens that cannot start an entity)\n"
            "       hearsay train clusters [--conll FILE...] [--conllu PATH...] [--text PATH...] [-o models/clusters.hsm]\n"
            "                         [--epochs N]  (exchange passes at most, default 20; PATH: a text file, a\n"
            "                         directory of *.txt, or a JSON object of {\"articleBody\": ...})\n"
            "       hearsay train clusters --embeddings FILE.json [--words N] [--epochs N] [--seed S] [-o models/clusters.hsm]\n"
            "                         (k-means of a wink-embeddings file's first N words, default 130000; --epochs: rounds, default 20)\n"
            "       hearsay train parse --conllu PATH... [--split train] [--pos models/pos.hsm] [-o models/parse.hsm]\n"
            "                         [--beam K] [--decode-beam K]  (train with a beam of K, default 4 (1: greedy);\n"
            "                         the model parses with --decode-beam, default 3)\n"
            "       hearsay eval pos --conllu PATH [--split test] [--model FILE] [--json]\n"
            "       hearsay eval parse --conllu PATH [--split test] [--models DIR] [--json] [--by-rel] [--beam K]\n"
            "       hearsay eval ner --conll FILE | --conllu PATH [--split test] [--models DIR] [--json] [--errors] [--beam K]\n"
            "                         (--errors: each entity missed or wrongly found, with its sentence)\n"
            "PATH is a CoNLL-U file or a directory with splits.md (GUM).\n");
    return 2;
}

static int parse_args(int argc, char **argv, const char *cmd, args *a, unsigned bits, unsigned epochs)
{
    memset(a, 0, sizeof *a);
    a->t.bits = bits;
    a->t.epochs = epochs;
    a->t.seed = 0x5eed1234abcdULL;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "--json") == 0 || strcmp(o, "--by-rel") == 0 || strcmp(o, "--errors") == 0) {
            *(o[2] == 'j' ? &a->json : o[2] == 'b' ? &a->by_rel : &a->errors) = 1;
            continue;
        }
        static const struct {
            const char *name;
            size_t off;
        } flags[] = {{"--no-case", offsetof(hs_train_opts, no_case)},
                     {"--no-hist", offsetof(hs_train_opts, no_hist)},
                     {"--no-skip", offsetof(hs_train_opts, no_skip)},
                     {"--gaz", offsetof(hs_train_opts, gaz)}};
        size_t fi = 0;
        while (fi < sizeof flags / sizeof flags[0] && strcmp(o, flags[fi].name) != 0)
            fi++;
        if (fi < sizeof flags / sizeof flags[0]) {
            *(unsigned *)((char *)&a->t + flags[fi].off) = 1;
            continue;
        }
        if (!v)
            return usage(cmd, "an option is missing its value");
        i++;
        if (strcmp(o, "--conllu") == 0 && a->n_conllu < MAX_INPUTS)
            a->conllu[a->n_conllu++] = v;
        else if (strcmp(o, "--conll") == 0 && a->n_conll < MAX_INPUTS)
            a->conll[a->n_conll++] = v;
        else if (strcmp(o, "--text") == 0 && a->n_text < MAX_INPUTS)
            a->text[a->n_text++] = v;
        else if (strcmp(o, "--clusters") == 0)
            a->clusters = v;
        else if (strcmp(o, "--embeddings") == 0)
            a->embeddings = v;
        else if (strcmp(o, "--words") == 0)
            a->words = (size_t)strtoul(v, NULL, 10);
        else if (strcmp(o, "--split") == 0)
            a->split = v;
        else if (strcmp(o, "-o") == 0 || strcmp(o, "--out") == 0)
            a->out = v;
        else if (strcmp(o, "--pos") == 0 || strcmp(o, "--model") == 0)
            a->pos = v;
        else if (strcmp(o, "--ner") == 0)
            a->ner = v;
        else if (strcmp(o, "--parse") == 0)
            a->parse = v;
        else if (strcmp(o, "--models") == 0)
            a->models = v;
        else if (strcmp(o, "--epochs") == 0)
            a->t.epochs = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(o, "--bits") == 0)
            a->t.bits = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(o, "--members") == 0)
            a->t.members = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(o, "--beam") == 0)
            a->t.beam = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(o, "--decode-beam") == 0)
            a->decode_beam = (unsigned)strtoul(v, NULL, 10);

        else if (strcmp(o, "--seed") == 0)
            a->t.seed = strtoull(v, NULL, 0);
        else
            return usage(cmd, "unknown option or too many inputs");
    }
    if (a->t.epochs == 0 || a->t.epochs > 100)
        return usage(cmd, "--epochs must be 1..100");
    if (a->t.members > 16)
        return usage(cmd, "--members must be 1..16");
    if (a->t.beam > HS_PARSE_MAX_BEAM || a->decode_beam > HS_PARSE_MAX_BEAM)
        return usage(cmd, "--beam and --decode-beam must be 1..16");
    if (a->t.bits < HS_PERCEP_MIN_BITS || a->t.bits > HS_PERCEP_MAX_BITS)
        return usage(cmd, "--bits must be 8..24");
    return 0;
}

static int read_corpus(hs_corpus *c, const args *a, const char *split)
{
    int rc = hs_corpus_init(c);
    for (size_t i = 0; !rc && i < a->n_conllu; i++)
        rc = hs_corpus_add_conllu(c, a->conllu[i], split);
    for (size_t i = 0; !rc && i < a->n_conll; i++)
        rc = hs_corpus_add_conll(c, a->conll[i]);
    hs_corpus_finish(c);
    return rc;
}

static int fail(const char *cmd, int rc)
{
    fprintf(stderr, "hearsay %s: %s\n", cmd, hs_error_last());
    return rc == HS_EMODEL ? 4 : rc == HS_EIO ? 3 : 1;
}

/* Default model path: DIR/name with DIR from --models, $HEARSAY_MODELS or the search path. */
static char *model_path(const char *dir, const char *name)
{
    char *d = hs_find_dir(dir, "HEARSAY_MODELS", "models");
    if (!d)
        return strdup(name);
    char *p = malloc(strlen(d) + strlen(name) + 2);
    if (p)
        sprintf(p, "%s/%s", d, name);
    free(d);
    return p;
}

/* ---- train ---- */

static int train_pos(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "train pos", &a, 17, 8);
    if (rc)
        return rc;
    if (a.n_conllu == 0)
        return usage("train pos", "give the training data with --conllu");
    double t0 = now();
    hs_corpus c;
    if ((rc = read_corpus(&c, &a, a.split ? a.split : "train"))) {
        hs_corpus_free(&c);
        return fail("train pos", rc);
    }
    fprintf(out, "train pos: %zu files, %zu sentences, %zu tokens, %zu PTB tags\n", c.n_files, c.d->sents.n,
            c.d->toks.n, c.n_xpos);
    struct hs_pos_model *m = NULL;
    rc = hs_pos_train(&c, &a.t, out, &m);
    if (!rc)
        rc = hs_pos_model_save(m, a.out ? a.out : "models/pos.hsm");
    if (!rc)
        fprintf(out, "train pos: wrote %s in %.1f s\n", a.out ? a.out : "models/pos.hsm", now() - t0);
    hs_pos_model_free(m);
    hs_corpus_free(&c);
    return rc ? fail("train pos", rc) : 0;
}

static int train_ner(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "train ner", &a, 18, 25);
    if (!rc && !a.t.members)
        a.t.members = 3;
    if (!rc && !a.t.beam)
        a.t.beam = HS_NER_TRAIN_BEAM;
    else if (a.t.beam == 1)
        a.t.beam = 0; /* greedy */
    if (rc)
        return rc;
    if (a.n_conll == 0 && a.n_conllu == 0)
        return usage("train ner", "give the training data with --conll (CoNLL-2003) and/or --conllu (GUM)");
    double t0 = now();
    struct hs_pos_model *pos = NULL;
    if (a.pos && (rc = hs_pos_model_load(&pos, a.pos)))
        return fail("train ner", rc);
    hs_corpus c;
    if ((rc = read_corpus(&c, &a, a.split ? a.split : "train"))) {
        hs_corpus_free(&c);
        hs_pos_model_free(pos);
        return fail("train ner", rc);
    }
    fprintf(out, "train ner: %zu files, %zu sentences, %zu tokens\n", c.n_files, c.d->sents.n, c.d->toks.n);
    struct hs_ner_model *m = NULL;
    hs_wordmap clusters = {0};
    if (a.clusters && (rc = hs_clusters_load(&clusters, a.clusters))) {
        hs_pos_model_free(pos);
        hs_corpus_free(&c);
        return fail("train ner", rc);
    }
    a.t.clusters = a.clusters ? &clusters : NULL;
    rc = hs_ner_train(&c, pos, &a.t, out, &m);
    hs_wordmap_free(&clusters);
    if (!rc)
        rc = hs_ner_model_save(m, a.out ? a.out : "models/ner.hsm");
    if (!rc)
        fprintf(out, "train ner: wrote %s in %.1f s\n", a.out ? a.out : "models/ner.hsm", now() - t0);
    hs_ner_model_free(m);
    hs_pos_model_free(pos);
    hs_corpus_free(&c);
    return rc ? fail("train ner", rc) : 0;
}

/* Word classes from the unlabelled text of the corpora and of --text PATHs. */
static int train_clusters(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "train clusters", &a, 18, 20);
    if (rc)
        return rc;
    double t0 = now();
    const char *path = a.out ? a.out : "models/clusters.hsm";
    hs_wordmap m = {0};
    if (a.embeddings) {
        if (!(rc = hs_clusters_from_embeddings(&m, a.embeddings, a.words ? a.words : HS_CLUST_EMB_WORDS, a.t.epochs,
                                               a.t.seed, out)))
            rc = hs_clusters_save(&m, path);
        if (!rc)
            fprintf(out, "train clusters: wrote %s in %.1f s\n", path, now() - t0);
        hs_wordmap_free(&m);
        return rc ? fail("train clusters", rc) : 0;
    }
    if (a.n_conll == 0 && a.n_conllu == 0 && a.n_text == 0)
        return usage("train clusters", "give text with --conll, --conllu, --text or --embeddings");
    hs_corpus c;
    hs_clust_text t = {0};
    hs_lex *lx;
    if (!(rc = read_corpus(&c, &a, a.split ? a.split : "train")) && c.d->toks.n &&
        !(rc = hs_lex_doc(c.d, &lx)))
        rc = hs_clust_text_add_doc(&t, c.d, lx);
    hs_corpus_free(&c);
    for (size_t i = 0; !rc && i < a.n_text; i++)
        rc = hs_clust_text_add_path(&t, a.text[i]);
    if (!rc)
        rc = hs_clusters_build(&m, &t, 2, a.t.epochs, out);
    if (!rc)
        rc = hs_clusters_save(&m, path);
    if (!rc)
        fprintf(out, "train clusters: wrote %s in %.1f s\n", path, now() - t0);
    hs_wordmap_free(&m);
    hs_clust_text_free(&t);
    return rc ? fail("train clusters", rc) : 0;
}

static int train_parse(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "train parse", &a, 20, 16);
    if (rc)
        return rc;
    if (!a.t.beam)
        a.t.beam = HS_PARSE_TRAIN_BEAM;
    if (!a.decode_beam)
        a.decode_beam = a.t.beam == HS_PARSE_TRAIN_BEAM ? HS_PARSE_DECODE_BEAM : a.t.beam;
    if (a.n_conllu == 0)
        return usage("train parse", "give the training data with --conllu");
    double t0 = now();
    struct hs_pos_model *pos = NULL;
    if (a.pos && (rc = hs_pos_model_load(&pos, a.pos)))
        return fail("train parse", rc);
    hs_corpus c;
    if ((rc = read_corpus(&c, &a, a.split ? a.split : "train"))) {
        hs_corpus_free(&c);
        hs_pos_model_free(pos);
        return fail("train parse", rc);
    }
    fprintf(out, "train parse: %zu files, %zu sentences, %zu tokens, %zu relations\n", c.n_files, c.d->sents.n,
            c.d->toks.n, c.n_deprel);
    struct hs_parse_model *m = NULL;
    const char *path = a.out ? a.out : "models/parse.hsm";
    rc = hs_parse_train(&c, pos, &a.t, out, &m);
    if (!rc && a.decode_beam)
        m->beam = a.decode_beam;
    if (!rc)
        rc = hs_parse_model_save(m, path);
    if (!rc)
        fprintf(out, "train parse: wrote %s in %.1f s\n", path, now() - t0);
    hs_parse_model_free(m);
    hs_pos_model_free(pos);
    hs_corpus_free(&c);
    return rc ? fail("train parse", rc) : 0;
}

int hs_tool_train(int argc, char **argv, FILE *out)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage("train", argc < 2 ? "say what to train" : "help");
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "pos") == 0)
        return train_pos(argc - 1, argv + 1, out);
    if (strcmp(argv[1], "ner") == 0)
        return train_ner(argc - 1, argv + 1, out);
    if (strcmp(argv[1], "parse") == 0)
        return train_parse(argc - 1, argv + 1, out);
    if (strcmp(argv[1], "clusters") == 0)
        return train_clusters(argc - 1, argv + 1, out);
    return usage("train", "unknown model (pos, ner, parse or clusters)");
}

/* ---- eval ---- */

int hs_eval_pos(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "eval pos", &a, 18, 1);
    if (rc)
        return rc;
    if (a.n_conllu == 0)
        return usage("eval pos", "give the test data with --conllu");
    char *path = a.pos ? strdup(a.pos) : model_path(a.models, "pos.hsm");
    struct hs_pos_model *m = NULL;
    double t0 = now();
    rc = hs_pos_model_load(&m, path);
    double load = now() - t0;
    if (rc) {
        free(path);
        return fail("eval pos", rc);
    }
    hs_corpus c;
    if ((rc = read_corpus(&c, &a, a.split ? a.split : "test"))) {
        hs_corpus_free(&c);
        hs_pos_model_free(m);
        free(path);
        return fail("eval pos", rc);
    }
    /* the model's PTB tag for each of the corpus's names (-1: unknown to the model) */
    int map[HS_CORPUS_MAX_NAMES];
    for (size_t i = 0; i < c.n_xpos; i++) {
        map[i] = -1;
        for (size_t k = 0; k < m->n_xpos; k++)
            if (strcmp(c.xpos_names[i], m->xpos_names[k]) == 0)
                map[i] = (int)k;
    }
    double best = 1e30;
    for (int rep = 0; rep < SPEED_RUNS; rep++) {
        double t1 = cpu_now();
        hs_arena_reset(&c.d->arena);
        rc = hs_tag_doc(c.d, m, NULL, NULL, NULL, 0);
        double el = cpu_now() - t1;
        if (el < best)
            best = el;
    }
    size_t n = c.d->toks.n, ru = 0, rx = 0;
    for (size_t i = 0; i < n; i++) {
        ru += c.d->toks.v[i].upos == c.upos.v[i];
        rx += (int)c.d->toks.v[i].xpos == map[c.xpos.v[i]];
    }
    double tps = best > 0 ? (double)n / best : 0;
    if (a.json)
        fprintf(out,
                "{\"task\":\"pos\",\"model\":\"%s\",\"files\":%zu,\"sentences\":%zu,\"tokens\":%zu,"
                "\"upos_accuracy\":%.4f,\"xpos_accuracy\":%.4f,\"tokens_per_second\":%.0f,\"load_seconds\":%.3f}\n",
                path, c.n_files, c.d->sents.n, n, n ? (double)ru / n : 0, n ? (double)rx / n : 0, tps, load);
    else
        fprintf(out, "pos: %zu tokens, UPOS accuracy %.4f, PTB accuracy %.4f, %.0f tokens/s, model loaded in %.3f s\n",
                n, n ? (double)ru / n : 0, n ? (double)rx / n : 0, tps, load);
    hs_corpus_free(&c);
    hs_pos_model_free(m);
    free(path);
    return rc ? fail("eval pos", rc) : 0;
}

typedef struct counts {
    size_t tp, gold, pred;
} counts;

/* Does an entity start at token i of labels lab (every `stride` bytes)?  Then
 * *end and *type receive it.  An I- label after a different one starts an
 * entity too (as conlleval counts it). */
static int entity_at(const uint8_t *lab, size_t stride, size_t n, size_t i, size_t *end, int *type)
{
    int l = lab[i * stride];
    if (l == HS_NER_O)
        return 0;
    int ty = HS_NER_TYPE(l);
    if (!HS_NER_IS_B(l) && i > 0 && lab[(i - 1) * stride] != HS_NER_O && HS_NER_TYPE(lab[(i - 1) * stride]) == ty)
        return 0;
    size_t e = i + 1;
    while (e < n && lab[e * stride] == HS_NER_I(ty))
        e++;
    *end = e;
    *type = ty;
    return 1;
}

/* Entity-level counts (CoNLL-2003: exact span and type). */
static void score_entities(const hs_corpus *c, counts *per_type, counts *all)
{
    const size_t n = c->d->toks.n, stride = sizeof(hs_tok);
    if (n == 0)
        return;
    const uint8_t *pred = &c->d->toks.v[0].ner, *gold = c->ner.v;
    for (size_t i = 0; i < n; i++) {
        size_t ge, pe;
        int gt, pt;
        int g = entity_at(gold, 1, n, i, &ge, &gt), p = entity_at(pred, stride, n, i, &pe, &pt);
        if (g) {
            per_type[gt].gold++;
            all->gold++;
        }
        if (p) {
            per_type[pt].pred++;
            all->pred++;
        }
        if (g && p && ge == pe && gt == pt) {
            per_type[gt].tp++;
            all->tp++;
        }
    }
}

/* Tokens [b, e) of the corpus as text. */
static void put_span(const hs_corpus *c, size_t b, size_t e, FILE *out)
{
    const hs_doc *d = c->d;
    fprintf(out, "%.*s", (int)(d->toks.v[e - 1].end - d->toks.v[b].start), d->text + d->toks.v[b].start);
}

/* --errors: one line per gold entity not found exactly ("miss") and per
 * predicted entity not in the gold ("false"), with the other side's type
 * over the same span when there is one, then the sentence. */
static void ner_errors(const hs_corpus *c, FILE *out)
{
    const size_t n = c->d->toks.n, stride = sizeof(hs_tok);
    if (n == 0)
        return;
    const uint8_t *pred = &c->d->toks.v[0].ner, *gold = c->ner.v;
    for (size_t i = 0; i < n; i++) {
        size_t ge = 0, pe = 0;
        int gt = -1, pt = -1;
        int g = entity_at(gold, 1, n, i, &ge, &gt), p = entity_at(pred, stride, n, i, &pe, &pt);
        if (g && p && ge == pe && gt == pt)
            continue;
        for (int side = 0; side < 2; side++) {
            if (!(side ? p : g))
                continue;
            size_t e = side ? pe : ge;
            int t = side ? pt : gt, other = side ? (g && ge == pe ? gt : -1) : (p && pe == ge ? pt : -1);
            fprintf(out, "%s\t%s\t%s\t", side ? "false" : "miss", hs_etype_names[t],
                    other < 0 ? "-" : hs_etype_names[other]);
            put_span(c, i, e, out);
            const hs_sent *s = &c->d->sents.v[c->d->toks.v[i].sent];
            fputc('\t', out);
            put_span(c, s->tok_begin, s->tok_end, out);
            fputc('\n', out);
        }
    }
}

static void prf(const counts *k, double *p, double *r, double *f)
{
    *p = k->pred ? (double)k->tp / k->pred : 0;
    *r = k->gold ? (double)k->tp / k->gold : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

int hs_eval_ner(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "eval ner", &a, 19, 1);
    if (rc)
        return rc;
    if (a.n_conll == 0 && a.n_conllu == 0)
        return usage("eval ner", "give the test data with --conll (CoNLL-2003) or --conllu (GUM entities)");
    if (!a.split)
        a.split = "test";
    char *pp = a.pos ? strdup(a.pos) : model_path(a.models, "pos.hsm");
    char *np = a.ner ? strdup(a.ner) : model_path(a.models, "ner.hsm");
    struct hs_pos_model *pos = NULL;
    struct hs_ner_model *ner = NULL;
    double t0 = now();
    rc = hs_pos_model_load(&pos, pp);
    if (!rc)
        rc = hs_ner_model_load(&ner, np);
    double load = now() - t0;
    if (!rc && a.t.beam) /* --beam K: decode with another width (1: greedy) */
        ner->beam = (uint8_t)(a.t.beam > 1 ? a.t.beam : 0);
    hs_corpus c;
    int crc = hs_corpus_init(&c);
    if (!rc && !crc)
        rc = read_corpus(&c, &a, a.split);
    double best = 1e30;
    for (int rep = 0; !rc && rep < SPEED_RUNS; rep++) {
        double t1 = cpu_now();
        hs_arena_reset(&c.d->arena);
        rc = hs_tag_doc(c.d, pos, ner, NULL, NULL, 0);
        double el = cpu_now() - t1;
        if (el < best)
            best = el;
    }
    if (!rc) {
        counts per[HS_ET_COUNT] = {{0}}, all = {0};
        score_entities(&c, per, &all);
        double p, r, f;
        prf(&all, &p, &r, &f);
        size_t n = c.d->toks.n;
        double tps = best > 0 ? (double)n / best : 0;
        if (a.json) {
            fprintf(out,
                    "{\"task\":\"ner\",\"pos_model\":\"%s\",\"ner_model\":\"%s\",\"sentences\":%zu,\"tokens\":%zu,"
                    "\"entities\":%zu,\"predicted\":%zu,\"correct\":%zu,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                    "\"per_type\":{",
                    pp, np, c.d->sents.n, n, all.gold, all.pred, all.tp, p, r, f);
            int first = 1;
            for (int t = 0; t < HS_ET_COUNT; t++) {
                if (!per[t].gold && !per[t].pred)
                    continue;
                prf(&per[t], &p, &r, &f);
                fprintf(out, "%s\"%s\":{\"entities\":%zu,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f}",
                        first ? "" : ",", hs_etype_names[t], per[t].gold, p, r, f);
                first = 0;
            }
            fprintf(out, "},\"pos_ner_tokens_per_second\":%.0f,\"load_seconds\":%.3f}\n", tps, load);
        } else {
            fprintf(out, "ner: %zu entities, precision %.4f, recall %.4f, F1 %.4f; POS+NER %.0f tokens/s\n", all.gold,
                    p, r, f, tps);
            for (int t = 0; t < HS_ET_COUNT; t++)
                if (per[t].gold || per[t].pred) {
                    prf(&per[t], &p, &r, &f);
                    fprintf(out, "  %-7s %6zu  P %.4f  R %.4f  F1 %.4f\n", hs_etype_names[t], per[t].gold, p, r, f);
                }
        }
        if (a.errors)
            ner_errors(&c, out);
    }
    if (!crc)
        hs_corpus_free(&c);
    hs_pos_model_free(pos);
    hs_ner_model_free(ner);
    free(pp);
    free(np);
    return rc ? fail("eval ner", rc) : 0;
}

/* Head errors by gold relation (--by-rel): where the parser's UAS is lost. */
static void parse_errors_by_rel(const hs_corpus *c, FILE *out)
{
    size_t n = c->d->toks.n, tot[HS_CORPUS_MAX_NAMES] = {0}, right[HS_CORPUS_MAX_NAMES] = {0}, wrong = 0;
    for (size_t i = 0; i < n; i++) {
        tot[c->deprel.v[i]]++;
        right[c->deprel.v[i]] += c->d->toks.v[i].head == c->head.v[i];
        wrong += c->d->toks.v[i].head != c->head.v[i];
    }
    fprintf(out, "%-12s %7s %7s %7s %s\n", "relation", "tokens", "UAS", "errors", "share of all head errors");
    for (size_t r = 0; r < c->n_deprel; r++)
        if (tot[r])
            fprintf(out, "%-12s %7zu %7.4f %7zu %.3f\n", c->deprel_names[r], tot[r], (double)right[r] / tot[r],
                    tot[r] - right[r], wrong ? (double)(tot[r] - right[r]) / wrong : 0);
}

/* UAS and LAS over all tokens (punctuation included, as in the CoNLL 2018 evaluation). */
int hs_eval_parse(int argc, char **argv, FILE *out)
{
    args a;
    int rc = parse_args(argc, argv, "eval parse", &a, 18, 1);
    if (rc)
        return rc;
    if (a.n_conllu == 0)
        return usage("eval parse", "give the test data with --conllu");
    char *pp = a.pos ? strdup(a.pos) : model_path(a.models, "pos.hsm");
    char *mp = a.parse ? strdup(a.parse) : model_path(a.models, "parse.hsm");
    struct hs_pos_model *pos = NULL;
    struct hs_parse_model *m = NULL;
    double t0 = now();
    rc = hs_pos_model_load(&pos, pp);
    double load_pos = now() - t0;
    t0 = now();
    if (!rc)
        rc = hs_parse_model_load(&m, mp);
    double load = now() - t0;
    hs_corpus c;
    int crc = hs_corpus_init(&c);
    if (!rc && !crc)
        rc = read_corpus(&c, &a, a.split ? a.split : "test");
    hs_lex *lx = NULL;
    if (!rc)
        rc = hs_tag_doc(c.d, pos, NULL, NULL, NULL, 0);
    if (!rc)
        rc = hs_lex_doc(c.d, &lx);
    double best = 1e30;
    for (int rep = 0; !rc && rep < SPEED_RUNS; rep++) {
        double t1 = cpu_now();
        rc = hs_parse_doc_beam(c.d, m, lx, 0, a.t.beam);
        double el = cpu_now() - t1;
        if (el < best)
            best = el;
    }
    if (!rc) {
        int map[HS_CORPUS_MAX_NAMES]; /* corpus relation → model relation */
        for (size_t i = 0; i < c.n_deprel; i++) {
            map[i] = -1;
            for (size_t k = 0; k < m->n_deprel; k++)
                if (strcmp(c.deprel_names[i], m->deprel_names[k]) == 0)
                    map[i] = (int)k;
        }
        size_t n = c.d->toks.n, uh = 0, lh = 0;
        for (size_t i = 0; i < n; i++) {
            const hs_tok *t = &c.d->toks.v[i];
            if (t->head == c.head.v[i]) {
                uh++;
                lh += (int)t->deprel == map[c.deprel.v[i]];
            }
        }
        unsigned beam = a.t.beam ? a.t.beam : m->beam;
        double uas = n ? (double)uh / n : 0, las = n ? (double)lh / n : 0, tps = best > 0 ? n / best : 0;
        if (a.json)
            fprintf(out,
                    "{\"task\":\"parse\",\"model\":\"%s\",\"files\":%zu,\"sentences\":%zu,\"tokens\":%zu,"
                    "\"beam\":%u,\"uas\":%.4f,\"las\":%.4f,\"parse_tokens_per_second\":%.0f,\"load_seconds\":%.3f,"
                    "\"pos_load_seconds\":%.3f}\n",
                    mp, c.n_files, c.d->sents.n, n, beam, uas, las, tps, load, load_pos);
        else
            fprintf(out, "parse: %zu tokens, beam %u, UAS %.4f, LAS %.4f, %.0f tokens/s, model loaded in %.3f s\n", n,
                    beam, uas, las, tps, load);
        if (a.by_rel)
            parse_errors_by_rel(&c, out);
    }
    if (!crc)
        hs_corpus_free(&c);
    hs_pos_model_free(pos);
    hs_parse_model_free(m);
    free(pp);
    free(mp);
    return rc ? fail("eval parse", rc) : 0;
}
