/* The tag stage: loads the POS and NER models and the outlet list once per
 * analyzer, and tags every sentence of a document. */
#include "tag/tag.h"
#include "model/mfile.h"
#include "tag/parse.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- outlets ---- */

#define OUTLET_MAX 200

typedef struct outlet {
    char *name;     /* as written, with ' for any apostrophe */
    size_t len;
    int ambiguous;  /* also an ordinary word: needs running text before it */
    int agency;     /* a photo agency (data/agencies.txt): an organisation, not an outlet */
} outlet;

struct hs_outlets {
    outlet *v;
    size_t n;
    size_t first[257]; /* v sorted by first byte: names starting with byte c are [first[c], first[c+1]) */
};

static int outlet_cmp(const void *a, const void *b)
{
    const outlet *x = a, *y = b;
    unsigned char cx = (unsigned char)x->name[0], cy = (unsigned char)y->name[0];
    if (cx != cy)
        return cx < cy ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1; /* longest first */
    return strcmp(x->name, y->name);
}

void hs_outlets_free(struct hs_outlets *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n; i++)
        free(o->v[i].name);
    free(o->v);
    free(o);
}

/* Append the names of the file at path to o (agency: photo agencies), then
 * sort o again. */
static int outlets_read(struct hs_outlets *o, const char *path, int agency)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0, lineno = 0, vcap = o->n;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = 0;
        if (len == 0 || line[0] == '#')
            continue;
        int amb = line[0] == '?';
        const char *name = line + amb;
        size_t n = strlen(name);
        if (n == 0 || n > OUTLET_MAX || name[0] == ' ' || (size_t)len != n + (size_t)amb || strstr(name, "  ")) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: expected an outlet name (at most %d bytes, single spaces)", path,
                              lineno, OUTLET_MAX);
            break;
        }
        if (o->n == vcap) {
            vcap = vcap ? vcap * 2 : 64;
            outlet *nv = realloc(o->v, vcap * sizeof *nv);
            if (!nv) {
                rc = hs_error_set(HS_ENOMEM, "out of memory");
                break;
            }
            o->v = nv;
        }
        outlet *e = &o->v[o->n];
        if (!(e->name = strdup(name))) {
            rc = hs_error_set(HS_ENOMEM, "out of memory");
            break;
        }
        e->len = n;
        e->ambiguous = amb;
        e->agency = agency;
        o->n++;
    }
    free(line);
    fclose(f);
    if (rc)
        return rc;
    qsort(o->v, o->n, sizeof *o->v, outlet_cmp);
    for (size_t c = 0, i = 0; c <= 256; c++) {
        while (i < o->n && (unsigned char)o->v[i].name[0] < c)
            i++;
        o->first[c] = i;
    }
    return 0;
}

int hs_outlets_load(struct hs_outlets **out, const char *path)
{
    *out = NULL;
    struct hs_outlets *o = calloc(1, sizeof *o);
    int rc = o ? outlets_read(o, path, 0) : hs_error_set(HS_ENOMEM, "out of memory");
    if (rc) {
        hs_outlets_free(o);
        return rc;
    }
    *out = o;
    return 0;
}

int hs_outlets_add_agencies(struct hs_outlets *o, const char *path)
{
    return outlets_read(o, path, 1);
}

/* Length of text at s (n bytes available) matching name, or 0.  A typographic
 * apostrophe (U+2019) in the text matches ' in the name. */
static size_t match_name(const char *s, size_t n, const outlet *e)
{
    size_t i = 0;
    for (size_t k = 0; k < e->len; k++) {
        if (i < n && s[i] == e->name[k]) {
            i++;
        } else if (e->name[k] == '\'' && i + 2 < n && (unsigned char)s[i] == 0xE2 &&
                   (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
            i += 3;
        } else {
            return 0;
        }
    }
    return i;
}

/* Running text before token i: a word in lower case within the sentence, or
 * a comma after such a word or a number ("In 2008, Variety reported"). */
static int after_running_text(const hs_doc *d, const hs_lex *lx, size_t i)
{
    if (i == 0 || (d->toks.v[i].flags & HS_TF_SENT_START) || d->toks.v[i - 1].sent != d->toks.v[i].sent)
        return 0;
    const hs_tok *p = &d->toks.v[i - 1];
    if (i >= 2 && HS_TOK_LEN(p) == 1 && d->text[p->start] == ',' && d->toks.v[i - 2].sent == p->sent &&
        d->toks.v[i - 2].kind == HS_TK_NUMBER)
        return 1;
    if (i >= 2 && HS_TOK_LEN(p) == 1 && d->text[p->start] == ',' && d->toks.v[i - 2].sent == p->sent)
        p = &d->toks.v[--i - 1];
    uint32_t fl = lx[i - 1].flags;
    return p->kind == HS_TK_WORD && (fl & HS_LX_HAS_LOWER) && !(fl & HS_LX_UPPER_INIT);
}

/* Does the text at byte `at` go on with a handle in brackets, " (@…)": the
 * byline of an embedded post ("— Starwatch (@starwatch) May 2, 2031")? */
static int byline_at(const hs_doc *d, size_t at)
{
    return at + 3 <= d->len && !memcmp(d->text + at, " (@", 3);
}

size_t hs_outlets_mark(const struct hs_outlets *o, hs_doc *d, const hs_lex *lx)
{
    size_t marked = 0;
    for (size_t i = 0; i < d->toks.n; i++) {
        hs_tok *t = &d->toks.v[i];
        unsigned char c = (unsigned char)d->text[t->start];
        for (size_t k = o->first[c]; k < o->first[c + 1]; k++) {
            const outlet *e = &o->v[k];
            size_t m = match_name(d->text + t->start, d->len - t->start, e);
            if (!m || (e->ambiguous && !after_running_text(d, lx, i) && !byline_at(d, t->start + m)))
                continue;
            size_t j = i, end = t->start + m;
            while (j < d->toks.n && d->toks.v[j].end < end)
                j++;
            if (j == d->toks.n || d->toks.v[j].end != end || d->toks.v[j].sent != t->sent)
                continue; /* the name must end where a token ends, in the same sentence */
            if (e->ambiguous && j + 1 < d->toks.n && d->toks.v[j + 1].sent == t->sent &&
                d->toks.v[j + 1].kind == HS_TK_WORD && (d->toks.v[j + 1].flags & HS_TF_UPPER_INITIAL))
                continue; /* a longer name goes on: "of Star Wars", "to People Choice" */
            hs_tag_set_span(d, i, j + 1, HS_ET_ORG);
            for (size_t x = i; x <= j; x++)
                d->toks.v[x].flags |= e->agency ? HS_TF_CREDIT : HS_TF_OUTLET;
            marked++;
            i = j;
            break;
        }
    }
    return marked;
}

/* ---- the stage ---- */

/* Next document start after sentence s (HS_SF_DOC_START, set by the corpus
 * readers; an article is one document), or ns. */
static size_t next_doc(const hs_sent *sv, size_t ns, size_t s)
{
    while (++s < ns && !(sv[s].flags & HS_SF_DOC_START))
        ;
    return s;
}

/* The NER over each document of d: its history sees that document alone. */
static int tag_ner(hs_doc *d, const struct hs_ner_model *ner, const hs_lex *lx, const uint8_t *upos,
                   const hs_sent *sv, size_t ns)
{
    size_t most = 0;
    for (size_t s0 = 0, s1; s0 < ns; s0 = s1) {
        s1 = next_doc(sv, ns, s0);
        if (sv[s1 - 1].tok_end - sv[s0].tok_begin > most)
            most = sv[s1 - 1].tok_end - sv[s0].tok_begin;
    }
    hs_ner_hist hist;
    int rc = hs_ner_hist_init(&hist, &d->arena, most);
    if (rc)
        return rc;
    for (size_t s0 = 0, s1; s0 < ns; s0 = s1) {
        s1 = next_doc(sv, ns, s0);
        if (s0)
            hs_ner_hist_reset(&hist);
        for (size_t s = s0; s < s1; s++)
            hs_ner_hist_mark_names(&hist, lx, sv[s].tok_begin, sv[s].tok_end);
        for (size_t s = s0; s < s1; s++)
            hs_ner_tag_sentence(ner, d, lx, upos, &hist, sv[s].tok_begin, sv[s].tok_end);
    }
    return 0;
}

int hs_tag_doc(hs_doc *d, const struct hs_pos_model *pos, const struct hs_ner_model *ner,
               const struct hs_outlets *outlets, const struct hs_parse_model *parse, unsigned parse_only)
{
    if (d->toks.n == 0 || (!pos && !ner && !outlets))
        return 0;
    hs_lex *lx;
    int rc = hs_lex_doc(d, &lx);
    if (rc)
        return rc;
    /* sentences, or the whole document as one when the text layer gave none */
    hs_sent whole = {0, (uint32_t)d->toks.n, 0, (uint32_t)d->len, 0, 0};
    const hs_sent *sv = d->sents.n ? d->sents.v : &whole;
    size_t ns = d->sents.n ? d->sents.n : 1;
    uint8_t *upos = NULL;
    if (pos) {
        for (size_t s = 0; s < ns; s++)
            hs_pos_tag_sentence(pos, d, lx, sv[s].tok_begin, sv[s].tok_end);
        d->xpos_names = pos->xpos_names;
        if (!(upos = hs_arena_alloc(&d->arena, d->toks.n)))
            return HS_ENOMEM;
        for (size_t i = 0; i < d->toks.n; i++)
            upos[i] = d->toks.v[i].upos;
    }
    if (ner && (rc = tag_ner(d, ner, lx, upos, sv, ns)))
        return rc;
    if (ner && (rc = hs_tag_names(d, lx, ner)))
        return rc;
    if (outlets)
        hs_outlets_mark(outlets, d, lx);
    if (parse && pos && d->sents.n)
        return hs_parse_doc(d, parse, lx, parse_only);
    return 0;
}

/* ---- the parser's model, on first use ---- */

/* Unless every sentence is to be parsed (HS_LAYER_PARSE_ALL), the analyzer
 * checks parse.hsm when it is created (the container: sizes, offsets,
 * CRC-32s, so a broken file is refused as before) and inflates its weights
 * only when a document first needs a parse: most analyses need none, and
 * the weights are most of the start-up time and of the memory. */
struct hs_parse_lazy {
    pthread_mutex_t mu;
    atomic_int state; /* 0 not loaded yet, 1 loaded, -1 failed */
    struct hs_parse_model *model;
    int rc;
    char path[4096];
    char msg[512];
};

static int lazy_get(struct hs_parse_lazy *l, const struct hs_parse_model **out)
{
    if (atomic_load_explicit(&l->state, memory_order_acquire) == 0) {
        pthread_mutex_lock(&l->mu);
        if (atomic_load_explicit(&l->state, memory_order_relaxed) == 0) {
            l->rc = hs_parse_model_load(&l->model, l->path);
            if (l->rc)
                snprintf(l->msg, sizeof l->msg, "%s", hs_error_last());
            atomic_store_explicit(&l->state, l->rc ? -1 : 1, memory_order_release);
        }
        pthread_mutex_unlock(&l->mu);
    }
    if (atomic_load_explicit(&l->state, memory_order_acquire) < 0)
        return hs_error_set(l->rc, "%s", l->msg);
    *out = l->model;
    return 0;
}

static int lazy_new(hs_analyzer *a, const char *path)
{
    hs_mfile mf;
    int rc = hs_mfile_load(&mf, path, HS_PARSE_KIND, HS_PARSE_VERSION);
    if (rc)
        return rc;
    hs_mfile_free(&mf);
    struct hs_parse_lazy *l = calloc(1, sizeof *l);
    if (!l)
        return hs_error_set(HS_ENOMEM, "out of memory");
    pthread_mutex_init(&l->mu, NULL);
    atomic_init(&l->state, 0);
    snprintf(l->path, sizeof l->path, "%s", path);
    a->parse_lazy = l;
    return 0;
}

static void lazy_free(struct hs_parse_lazy *l)
{
    if (!l)
        return;
    hs_parse_model_free(l->model);
    pthread_mutex_destroy(&l->mu);
    free(l);
}

int hs_tag_has_parser(const hs_analyzer *a)
{
    return (a->opts.layers & HS_LAYER_TAG) && (a->opts.layers & HS_LAYER_PARSE) && a->pos &&
           (a->parse || a->parse_lazy);
}

/* The parser's model, loading it if need be; *out NULL when there is none. */
static int parser_of(const hs_analyzer *a, const struct hs_parse_model **out)
{
    *out = NULL;
    if (!hs_tag_has_parser(a))
        return 0;
    if (a->parse) {
        *out = a->parse;
        return 0;
    }
    return lazy_get(a->parse_lazy, out);
}

int hs_tag_run(hs_doc *d, const hs_analyzer *a)
{
    if (!(a->opts.layers & HS_LAYER_TAG))
        return 0;
    /* The parse cascade: no later stage reads the parse of a sentence unless
     * it asks for it (hs_tag_parse), so by default only the sentences an
     * earlier stage flagged are parsed here. */
    unsigned only = (a->opts.layers & HS_LAYER_PARSE_ALL) ? 0 : HS_SF_NEEDS_PARSE;
    int wanted = !only;
    for (size_t i = 0; !wanted && i < d->sents.n; i++)
        wanted = (d->sents.v[i].flags & only) != 0;
    const struct hs_parse_model *pm = NULL;
    int rc = wanted ? parser_of(a, &pm) : 0;
    return rc ? rc : hs_tag_doc(d, a->pos, a->ner, a->outlets, pm, only);
}

int hs_tag_parse(hs_doc *d, const hs_analyzer *a, size_t si)
{
    const struct hs_parse_model *pm;
    int rc = parser_of(a, &pm);
    if (rc)
        return rc;
    return pm ? hs_parse_doc_sentence(d, pm, si) : 1;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* Path of `name` in dir when it exists; 0, 1 when absent, or an error when
 * absent and required. */
static int locate(char *path, size_t cap, const char *dir, const char *name, int required)
{
    if (dir)
        snprintf(path, cap, "%s/%s", dir, name);
    if (dir && file_exists(path))
        return 0;
    if (required)
        return hs_error_set(HS_EMODEL, "%s/%s: model file missing", dir ? dir : "(no model directory)", name);
    return 1;
}

/* The NER model (and the parser's, when it is loaded at once) loads on a
 * second thread while this one loads the POS model and checks the parser's
 * file: inflating the weights is most of the start-up time. */
typedef struct load_job {
    char ner_path[4096], parse_path[4096]; /* "" when not to be loaded */
    struct hs_ner_model *ner;
    struct hs_parse_model *parse;
    int rc;
    char msg[512]; /* hs_error_last() of the loading thread */
} load_job;

static void *load_second(void *arg)
{
    load_job *j = arg;
    if (j->ner_path[0])
        j->rc = hs_ner_model_load(&j->ner, j->ner_path);
    if (!j->rc && j->parse_path[0])
        j->rc = hs_parse_model_load(&j->parse, j->parse_path);
    if (j->rc)
        snprintf(j->msg, sizeof j->msg, "%s", hs_error_last());
    return NULL;
}

int hs_tag_load(hs_analyzer *a)
{
    char pos_path[4096], parse_path[4096];
    if (!(a->opts.layers & HS_LAYER_TAG))
        return 0;
    int req = a->opts.require_models, rc, has_pos, has_ner, has_parse = 1;
    load_job *job = calloc(1, sizeof *job);
    if (!job)
        return hs_error_set(HS_ENOMEM, "out of memory");
    pthread_t th;
    if ((rc = has_pos = locate(pos_path, sizeof pos_path, a->model_dir, "pos.hsm", req)) < 0 ||
        (rc = has_ner = locate(job->ner_path, sizeof job->ner_path, a->model_dir, "ner.hsm", req)) < 0 ||
        ((a->opts.layers & HS_LAYER_PARSE) &&
         (rc = has_parse = locate(parse_path, sizeof parse_path, a->model_dir, "parse.hsm", req)) < 0)) {
        free(job);
        return rc;
    }
    /* locate() gave 0 for a file that is there */
    if (has_ner != 0)
        job->ner_path[0] = 0;
    int lazy = has_parse == 0 && !(a->opts.layers & HS_LAYER_PARSE_ALL);
    if (has_parse == 0 && !lazy)
        snprintf(job->parse_path, sizeof job->parse_path, "%s", parse_path);
    int work = job->ner_path[0] || job->parse_path[0];
    int threaded = work && pthread_create(&th, NULL, load_second, job) == 0;
    if (work && !threaded)
        load_second(job);
    rc = has_pos == 0 ? hs_pos_model_load(&a->pos, pos_path) : 0;
    if (!rc && lazy)
        rc = lazy_new(a, parse_path);
    if (threaded)
        pthread_join(th, NULL);
    a->ner = job->ner;
    a->parse = job->parse;
    if (!rc && job->rc)
        rc = hs_error_set(job->rc, "%s", job->msg);
    free(job);
    if (rc)
        return rc;
    if ((rc = locate(pos_path, sizeof pos_path, a->data_dir, "outlets.txt", 0)) == 0 &&
        (rc = hs_outlets_load(&a->outlets, pos_path)))
        return rc == HS_ENOMEM ? rc : HS_EMODEL; /* a table that cannot be loaded, like a model */
    if (a->outlets && (rc = locate(pos_path, sizeof pos_path, a->data_dir, "agencies.txt", 0)) == 0 &&
        (rc = hs_outlets_add_agencies(a->outlets, pos_path)))
        return rc == HS_ENOMEM ? rc : HS_EMODEL;
    return 0;
}

void hs_tag_free(hs_analyzer *a)
{
    hs_pos_model_free(a->pos);
    hs_ner_model_free(a->ner);
    hs_outlets_free(a->outlets);
    hs_parse_model_free(a->parse);
    a->parse = NULL;
    lazy_free(a->parse_lazy);
    a->parse_lazy = NULL;
    a->pos = NULL;
    a->ner = NULL;
    a->outlets = NULL;
}
