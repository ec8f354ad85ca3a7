/* The tag stage: loads the POS and NER models and the outlet list once per
 * analyzer, and tags every sentence of a document. */
#include "tag/tag.h"
#include "tag/parse.h"

#include <errno.h>
#include <pthread.h>
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

int hs_outlets_load(struct hs_outlets **out, const char *path)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct hs_outlets *o = calloc(1, sizeof *o);
    char *line = NULL;
    size_t cap = 0, lineno = 0, vcap = 0;
    ssize_t len;
    int rc = o ? 0 : hs_error_set(HS_ENOMEM, "out of memory");
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
        o->n++;
    }
    free(line);
    fclose(f);
    if (rc) {
        hs_outlets_free(o);
        return rc;
    }
    qsort(o->v, o->n, sizeof *o->v, outlet_cmp);
    for (size_t c = 0, i = 0; c <= 256; c++) {
        while (i < o->n && (unsigned char)o->v[i].name[0] < c)
            i++;
        o->first[c] = i;
    }
    *out = o;
    return 0;
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

/* Running text before token i: a word in lower case within the sentence. */
static int after_running_text(const hs_doc *d, const hs_lex *lx, size_t i)
{
    if (i == 0 || (d->toks.v[i].flags & HS_TF_SENT_START) || d->toks.v[i - 1].sent != d->toks.v[i].sent)
        return 0;
    uint32_t fl = lx[i - 1].flags;
    return (fl & HS_LX_HAS_LOWER) && !(fl & HS_LX_UPPER_INIT);
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
            if (!m || (e->ambiguous && !after_running_text(d, lx, i)))
                continue;
            size_t j = i, end = t->start + m;
            while (j < d->toks.n && d->toks.v[j].end < end)
                j++;
            if (j == d->toks.n || d->toks.v[j].end != end || d->toks.v[j].sent != t->sent)
                continue; /* the name must end where a token ends, in the same sentence */
            hs_tag_set_span(d, i, j + 1, HS_ET_ORG);
            for (size_t x = i; x <= j; x++)
                d->toks.v[x].flags |= HS_TF_OUTLET;
            marked++;
            i = j;
            break;
        }
    }
    return marked;
}

/* ---- the stage ---- */

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
    if (ner) {
        hs_ner_hist hist;
        if ((rc = hs_ner_hist_init(&hist, &d->arena, d->toks.n)))
            return rc;
        for (size_t s = 0; s < ns; s++)
            hs_ner_hist_mark_names(&hist, lx, sv[s].tok_begin, sv[s].tok_end);
        for (size_t s = 0; s < ns; s++)
            hs_ner_tag_sentence(ner, d, lx, upos, &hist, sv[s].tok_begin, sv[s].tok_end);
    }
    if (ner)
        hs_tag_names(d, lx, ner);
    if (outlets)
        hs_outlets_mark(outlets, d, lx);
    if (parse && pos && d->sents.n)
        return hs_parse_doc(d, parse, lx, parse_only);
    return 0;
}

int hs_tag_run(hs_doc *d, const hs_analyzer *a)
{
    if (!(a->opts.layers & HS_LAYER_TAG))
        return 0;
    unsigned only = (a->opts.layers & HS_LAYER_PARSE_ALL) ? 0 : (HS_SF_NEEDS_PARSE | HS_SF_HAS_QUOTE);
    return hs_tag_doc(d, a->pos, a->ner, a->outlets, (a->opts.layers & HS_LAYER_PARSE) ? a->parse : NULL, only);
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

/* The parser's model loads on a second thread while this one loads the POS
 * and NER models: inflating the weights is most of the start-up time, and
 * the two halves take about as long. */
typedef struct parse_job {
    char path[4096];
    struct hs_parse_model *model;
    int rc;
    char msg[512]; /* hs_error_last() of the loading thread */
} parse_job;

static void *load_parse(void *arg)
{
    parse_job *j = arg;
    j->rc = hs_parse_model_load(&j->model, j->path);
    if (j->rc)
        snprintf(j->msg, sizeof j->msg, "%s", hs_error_last());
    return NULL;
}

int hs_tag_load(hs_analyzer *a)
{
    char pos_path[4096], ner_path[4096];
    if (!(a->opts.layers & HS_LAYER_TAG))
        return 0;
    int req = a->opts.require_models, rc, has_pos, has_ner, has_parse = 0;
    parse_job *job = NULL;
    pthread_t th;
    if ((rc = has_pos = locate(pos_path, sizeof pos_path, a->model_dir, "pos.hsm", req)) < 0)
        return rc;
    if ((rc = has_ner = locate(ner_path, sizeof ner_path, a->model_dir, "ner.hsm", req)) < 0)
        return rc;
    if (a->opts.layers & HS_LAYER_PARSE) {
        if (!(job = calloc(1, sizeof *job)))
            return hs_error_set(HS_ENOMEM, "out of memory");
        if ((rc = has_parse = locate(job->path, sizeof job->path, a->model_dir, "parse.hsm", req)) < 0) {
            free(job);
            return rc;
        }
    }
    /* locate() gave 0 for a file that is there */
    int threaded = has_parse == 0 && job && pthread_create(&th, NULL, load_parse, job) == 0;
    if (has_parse == 0 && job && !threaded)
        load_parse(job);
    rc = has_pos == 0 ? hs_pos_model_load(&a->pos, pos_path) : 0;
    if (!rc && has_ner == 0)
        rc = hs_ner_model_load(&a->ner, ner_path);
    if (threaded)
        pthread_join(th, NULL);
    if (job) {
        a->parse = job->model;
        if (!rc && job->rc)
            rc = hs_error_set(job->rc, "%s", job->msg);
        free(job);
    }
    if (rc)
        return rc;
    if ((rc = locate(pos_path, sizeof pos_path, a->data_dir, "outlets.txt", 0)) == 0 &&
        (rc = hs_outlets_load(&a->outlets, pos_path)))
        return rc == HS_ENOMEM ? rc : HS_EMODEL; /* a table that cannot be loaded, like a model */
    return 0;
}

void hs_tag_free(hs_analyzer *a)
{
    hs_pos_model_free(a->pos);
    hs_ner_model_free(a->ner);
    hs_outlets_free(a->outlets);
    hs_parse_model_free(a->parse);
    a->parse = NULL;
    a->pos = NULL;
    a->ner = NULL;
    a->outlets = NULL;
}
