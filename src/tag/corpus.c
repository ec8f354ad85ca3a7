/* Readers for CoNLL-U and CoNLL-2003 training and test data. */
#include "eval/conllu.h"
#include "tag/corpus.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int hs_name_index(char **names, size_t *n, const char *name, size_t len)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
            return (int)i;
    if (*n >= HS_CORPUS_MAX_NAMES)
        return -1;
    names[*n] = strndup(name, len);
    if (!names[*n])
        return -1;
    return (int)(*n)++;
}

int hs_corpus_init(hs_corpus *c)
{
    memset(c, 0, sizeof *c);
    return hs_doc_new(&c->d);
}

void hs_corpus_free(hs_corpus *c)
{
    if (c->d)
        c->d->text = NULL;
    hs_doc_free(c->d);
    hs_buf_free(&c->text);
    HS_ARRAY_FREE(&c->upos);
    HS_ARRAY_FREE(&c->xpos);
    HS_ARRAY_FREE(&c->ner);
    HS_ARRAY_FREE(&c->head);
    HS_ARRAY_FREE(&c->deprel);
    free(c->spans);
    for (size_t i = 0; i < c->n_xpos; i++)
        free(c->xpos_names[i]);
    for (size_t i = 0; i < c->n_deprel; i++)
        free(c->deprel_names[i]);
    memset(c, 0, sizeof *c);
}

void hs_corpus_finish(hs_corpus *c)
{
    c->d->text = c->text.data ? c->text.data : "";
    c->d->len = c->text.len;
}

/* Split a line on `sep` into at most max fields; returns the count. */
static size_t split_fields(char *line, char sep, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == sep) {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

static int upos_index(const char *s)
{
    for (int i = 0; i < HS_UPOS_COUNT; i++)
        if (strcmp(hs_upos_names[i], s) == 0)
            return i;
    return -1;
}

/* Start a token: its text goes into c->text, one space apart. */
static hs_tok *add_token(hs_corpus *c, const char *form, size_t n)
{
    if (c->text.len && hs_buf_putc(&c->text, ' '))
        return NULL;
    size_t start = c->text.len;
    if (hs_buf_put(&c->text, form, n))
        return NULL;
    hs_tok *t = HS_PUSH(&c->d->toks);
    if (!t || !HS_PUSH(&c->upos) || !HS_PUSH(&c->xpos) || !HS_PUSH(&c->ner) || !HS_PUSH(&c->head) ||
        !HS_PUSH(&c->deprel))
        return NULL;
    t->start = (uint32_t)start;
    t->end = (uint32_t)(start + n);
    t->sent = (uint32_t)c->d->sents.n;
    t->flags = HS_TF_SPACE_BEFORE;
    t->head = HS_NONE;
    t->quote = HS_NONE;
    return t;
}

/* Close the sentence of tokens [begin, toks.n). */
static int end_sentence(hs_corpus *c, size_t begin)
{
    if (c->d->toks.n == begin)
        return 0;
    hs_sent *s = HS_PUSH(&c->d->sents);
    if (!s)
        return HS_ENOMEM;
    s->tok_begin = (uint32_t)begin;
    s->tok_end = (uint32_t)c->d->toks.n;
    s->start = c->d->toks.v[begin].start;
    s->end = c->d->toks.v[c->d->toks.n - 1].end;
    c->d->toks.v[begin].flags |= HS_TF_SENT_START;
    return 0;
}

static FILE *open_data(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    return f;
}

/* GUM entity types and what they become. */
static const struct {
    const char *gum;
    int type; /* -1: not a name type */
} gum_types[] = {{"person", HS_ET_PERSON}, {"organization", HS_ET_ORG}, {"place", HS_ET_PLACE},
                 {"event", HS_ET_EVENT},   {"object", HS_ET_MISC},    {"abstract", HS_ET_MISC}};

static int gum_type(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof gum_types / sizeof gum_types[0]; i++)
        if (strlen(gum_types[i].gum) == n && memcmp(gum_types[i].gum, s, n) == 0)
            return gum_types[i].type;
    return -1;
}

static int span_push(hs_corpus *c, uint32_t b, uint32_t id, int type)
{
    if (c->n_spans == c->cap_spans) {
        size_t cap = c->cap_spans ? c->cap_spans * 2 : 64;
        struct gum_span *v = realloc(c->spans, cap * sizeof *v);
        if (!v)
            return HS_ENOMEM;
        c->spans = v;
        c->cap_spans = cap;
    }
    c->spans[c->n_spans] = (struct gum_span){b, b + 1, id, type};
    return (int)c->n_spans++;
}

/* Read the Entity= brackets of token k's MISC field: "(ID-type-…" opens,
 * "(ID-type-…)" is a one-token entity, "ID)" closes. */
static int read_entities(hs_corpus *c, const char *misc, uint32_t k, const char *path, size_t lineno)
{
    const char *p = strstr(misc, "Entity=");
    if (!p)
        return 0;
    for (p += 7; *p && *p != '|';) {
        if (*p == '(') {
            const char *q = ++p;
            while (*q && *q != '(' && *q != ')' && *q != '|')
                q++;
            uint32_t id = (uint32_t)strtoul(p, NULL, 10);
            const char *t = memchr(p, '-', (size_t)(q - p)), *te = t ? memchr(t + 1, '-', (size_t)(q - t - 1)) : NULL;
            int type = t ? gum_type(t + 1, te ? (size_t)(te - t - 1) : (size_t)(q - t - 1)) : -1;
            int at = span_push(c, k, id, type);
            if (at < 0)
                return hs_error_set(HS_ENOMEM, "out of memory");
            if (*q == ')')
                q++;
            else if (c->n_open < sizeof c->open / sizeof c->open[0])
                c->open[c->n_open++] = (uint32_t)at;
            p = q;
        } else if (*p >= '0' && *p <= '9') {
            char *end;
            uint32_t id = (uint32_t)strtoul(p, &end, 10);
            if (*end != ')')
                return hs_error_set(HS_EINPUT, "%s:%zu: bad Entity annotation '%s'", path, lineno, misc);
            for (size_t j = c->n_open; j-- > 0;)
                if (c->spans[c->open[j]].id == id) {
                    c->spans[c->open[j]].e = k + 1;
                    memmove(&c->open[j], &c->open[j + 1], (c->n_open - j - 1) * sizeof c->open[0]);
                    c->n_open--;
                    break;
                }
            p = end + 1;
        } else {
            p++;
        }
    }
    return 0;
}

/* Can token k belong to a name being grown (k free, a proper noun, or a
 * connector such as "of", "and", "the" with a free proper noun beyond it)? */
static int name_token(const hs_corpus *c, size_t k, size_t beyond, size_t lo, size_t hi)
{
    if (c->ner.v[k] != HS_NER_O)
        return 0;
    int u = c->upos.v[k];
    if (u == HS_UPOS_PROPN)
        return 1;
    return (u == HS_UPOS_ADP || u == HS_UPOS_CCONJ || u == HS_UPOS_DET) && beyond >= lo && beyond < hi &&
           c->upos.v[beyond] == HS_UPOS_PROPN && c->ner.v[beyond] == HS_NER_O;
}

/* Turn the sentence's named spans into BIO labels.  Inner spans go first;
 * each span's name is the run of proper nouns around its head (the token
 * whose head lies outside the span), stopping at tokens an inner name took:
 * "[NASA] Administrator Charles Bolden", "Museum of Flight", not the
 * apposition or relative clause the span may also hold. */
static void label_names(hs_corpus *c)
{
    size_t end = c->d->toks.n;
    for (size_t i = 0; i < c->n_spans; i++) {
        struct gum_span *s = &c->spans[i];
        if (s->type < 0 || s->e <= s->b || s->e > end)
            continue;
        size_t head = s->b;
        for (size_t k = s->b; k < s->e; k++)
            if (c->head.v[k] < (int32_t)s->b || c->head.v[k] >= (int32_t)s->e) {
                head = k;
                break;
            }
        if (c->upos.v[head] != HS_UPOS_PROPN || c->ner.v[head] != HS_NER_O)
            continue;
        size_t b = head, e = head + 1;
        while (b > s->b && name_token(c, b - 1, b - 2, s->b, s->e))
            b--;
        while (e < s->e && name_token(c, e, e + 1, s->b, s->e))
            e++;
        for (size_t k = b; k < e; k++)
            c->ner.v[k] = (uint8_t)(k == b ? HS_NER_B(s->type) : HS_NER_I(s->type));
        c->n_names++;
        c->has_ner = 1;
    }
    /* spans still open at the end of a sentence do not carry over */
    c->n_spans = 0;
    c->n_open = 0;
}

static int span_cmp(const void *a, const void *b)
{
    const struct gum_span *x = a, *y = b;
    uint32_t lx = x->e - x->b, ly = y->e - y->b;
    if (lx != ly)
        return lx < ly ? -1 : 1; /* inner (shorter) first */
    return x->b < y->b ? -1 : x->b > y->b;
}

static int end_conllu_sentence(hs_corpus *c, size_t begin)
{
    if (c->n_spans)
        qsort(c->spans, c->n_spans, sizeof *c->spans, span_cmp);
    label_names(c);
    return end_sentence(c, begin);
}

/* Mark sentence si (when there is one) as the first of a document. */
static void mark_doc_start(hs_corpus *c, size_t si)
{
    if (si < c->d->sents.n)
        c->d->sents.v[si].flags |= HS_SF_DOC_START;
}

static int read_conllu_file(hs_corpus *c, const char *path)
{
    FILE *f = open_data(path);
    if (!f)
        return HS_EIO;
    size_t first_sent = c->d->sents.n; /* one file, one document */
    char *line = NULL;
    size_t cap = 0, lineno = 0, begin = c->d->toks.n;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (len == 0) {
            rc = end_conllu_sentence(c, begin);
            begin = c->d->toks.n;
            continue;
        }
        if (line[0] == '#')
            continue;
        char *fl[10];
        if (split_fields(line, '\t', fl, 10) != 10) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: expected 10 tab-separated fields", path, lineno);
            break;
        }
        if (strchr(fl[0], '-') || strchr(fl[0], '.'))
            continue; /* multi-word token or empty node */
        char *end;
        long id = strtol(fl[0], &end, 10), head = strtol(fl[6], NULL, 10);
        int up = upos_index(fl[3]);
        size_t n = strlen(fl[1]);
        if (*end || id < 1 || id != (long)(c->d->toks.n - begin) + 1 || up < 0 || n == 0 || strchr(fl[1], ' ')) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: bad token line (id '%s', form '%s', UPOS '%s')", path, lineno,
                              fl[0], fl[1], fl[3]);
            break;
        }
        hs_tok *t = add_token(c, fl[1], n);
        int xp = hs_name_index(c->xpos_names, &c->n_xpos, fl[4], strlen(fl[4]));
        char *colon = strchr(fl[7], ':'); /* basic relation: nsubj:pass → nsubj */
        int dr = hs_name_index(c->deprel_names, &c->n_deprel, fl[7], colon ? (size_t)(colon - fl[7]) : strlen(fl[7]));
        if (!t || xp < 0 || dr < 0) {
            rc = hs_error_set(HS_ENOMEM, "%s:%zu: out of memory or too many tag names", path, lineno);
            break;
        }
        size_t k = c->d->toks.n - 1;
        c->upos.v[k] = (uint8_t)up;
        c->xpos.v[k] = (uint8_t)xp;
        c->deprel.v[k] = (uint8_t)dr;
        c->head.v[k] = head > 0 ? (int32_t)(begin + (size_t)head - 1) : HS_NONE;
        rc = read_entities(c, fl[9], (uint32_t)k, path, lineno);
    }
    if (!rc)
        rc = end_conllu_sentence(c, begin);
    mark_doc_start(c, first_sent);
    free(line);
    fclose(f);
    c->n_files++;
    return rc;
}

/* The documents listed under "## SPLIT" in DIR/splits.md (eval/conllu.c reads the list). */
static int read_split(hs_corpus *c, const char *dir, const char *split)
{
    char **paths;
    size_t n;
    int rc = hs_gum_split(dir, split, &paths, &n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = read_conllu_file(c, paths[i]);
    if (paths)
        hs_paths_free(paths, n);
    return rc;
}

int hs_corpus_add_conllu(hs_corpus *c, const char *path, const char *split)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return read_split(c, path, split ? split : "train");
    return read_conllu_file(c, path);
}

static int ner_label(const char *s, int prev)
{
    static const struct {
        const char *name;
        int type;
    } types[] = {{"PER", HS_ET_PERSON}, {"ORG", HS_ET_ORG}, {"LOC", HS_ET_PLACE}, {"MISC", HS_ET_MISC},
                 {"PERSON", HS_ET_PERSON}, {"PLACE", HS_ET_PLACE}, {"WORK", HS_ET_WORK}, {"EVENT", HS_ET_EVENT}};
    if (strcmp(s, "O") == 0)
        return HS_NER_O;
    if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-')
        return -1;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(s + 2, types[i].name) == 0) {
            int t = types[i].type;
            /* IOB1: I- starts an entity unless it continues one of its type */
            if (s[0] == 'B' || (prev != HS_NER_B(t) && prev != HS_NER_I(t)))
                return HS_NER_B(t);
            return HS_NER_I(t);
        }
    return -1;
}

/* A Reuters dateline: place words (capitalised, commas between) and then a
 * date written YYYY-MM-DD, the whole sentence ("LONDON 1996-08-30",
 * "AL-AIN , United Arab Emirates 1996-12-06"). */
static int is_dateline(const hs_corpus *c, size_t si)
{
    const hs_sent *s = &c->d->sents.v[si];
    if (s->tok_end - s->tok_begin < 2 || s->tok_end - s->tok_begin > 10)
        return 0;
    const hs_tok *last = &c->d->toks.v[s->tok_end - 1];
    const char *d = c->text.data + last->start;
    static const char pat[] = "dddd-dd-dd";
    if (last->end - last->start != sizeof pat - 1)
        return 0;
    for (size_t k = 0; k < sizeof pat - 1; k++)
        if (pat[k] == 'd' ? !isdigit((unsigned char)d[k]) : d[k] != pat[k])
            return 0;
    for (size_t i = s->tok_begin; i + 1 < s->tok_end; i++) {
        char ch = c->text.data[c->d->toks.v[i].start];
        if (!isupper((unsigned char)ch) && ch != ',')
            return 0;
    }
    return 1;
}

/* The shared CoNLL-2003 copy has lost its -DOCSTART- lines: a document is
 * taken to begin at the sentence before each dateline (its headline). */
static void mark_conll_docs(hs_corpus *c, size_t first_sent)
{
    mark_doc_start(c, first_sent);
    for (size_t si = first_sent + 1; si < c->d->sents.n; si++)
        if (is_dateline(c, si))
            mark_doc_start(c, si - 1);
}

int hs_corpus_add_conll(hs_corpus *c, const char *path)
{
    FILE *f = open_data(path);
    if (!f)
        return HS_EIO;
    char *line = NULL;
    size_t cap = 0, lineno = 0, begin = c->d->toks.n, first_sent = c->d->sents.n;
    ssize_t len;
    int rc = 0, prev = HS_NER_O, docstart = 0, docs = 0;
    c->has_ner = 1;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (len == 0 || strncmp(line, "-DOCSTART-", 10) == 0) {
            size_t ns = c->d->sents.n;
            rc = end_sentence(c, begin);
            if (docstart && c->d->sents.n > ns) { /* the first sentence after -DOCSTART- */
                mark_doc_start(c, ns);
                docstart = 0;
            }
            begin = c->d->toks.n;
            prev = HS_NER_O;
            if (len)
                docstart = docs = 1;
            continue;
        }
        char *fl[5];
        size_t nf = split_fields(line, ' ', fl, 5);
        int lab = nf == 4 ? ner_label(fl[3], prev) : -1;
        if (lab < 0 || !*fl[0]) {
            rc = hs_error_set(HS_EINPUT, "%s:%zu: expected 'word POS chunk NER' with a known NER tag", path,
                              lineno);
            break;
        }
        hs_tok *t = add_token(c, fl[0], strlen(fl[0]));
        int xp = hs_name_index(c->xpos_names, &c->n_xpos, fl[1], strlen(fl[1]));
        if (!t || xp < 0) {
            rc = hs_error_set(HS_ENOMEM, "%s:%zu: out of memory or too many tag names", path, lineno);
            break;
        }
        size_t k = c->d->toks.n - 1;
        c->ner.v[k] = (uint8_t)lab;
        c->xpos.v[k] = (uint8_t)xp;
        c->upos.v[k] = HS_UPOS_X;
        prev = lab;
    }
    size_t ns = c->d->sents.n;
    if (!rc)
        rc = end_sentence(c, begin);
    if (!rc && docstart && c->d->sents.n > ns)
        mark_doc_start(c, ns);
    free(line);
    fclose(f);
    c->n_files++;
    if (!rc && !docs)
        mark_conll_docs(c, first_sent);
    else
        mark_doc_start(c, first_sent);
    return rc;
}
