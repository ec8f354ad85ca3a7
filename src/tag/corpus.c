/* Readers for CoNLL-U and CoNLL-2003 training and test data. */
#include "tag/corpus.h"

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

static int read_conllu_file(hs_corpus *c, const char *path)
{
    FILE *f = open_data(path);
    if (!f)
        return HS_EIO;
    char *line = NULL;
    size_t cap = 0, lineno = 0, begin = c->d->toks.n;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (len == 0) {
            rc = end_sentence(c, begin);
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
    }
    if (!rc)
        rc = end_sentence(c, begin);
    free(line);
    fclose(f);
    c->n_files++;
    return rc;
}

/* The documents listed under "## SPLIT" in DIR/splits.md. */
static int read_split(hs_corpus *c, const char *dir, const char *split)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/splits.md", dir);
    FILE *f = open_data(path);
    if (!f)
        return HS_EIO;
    char *line = NULL;
    size_t cap = 0, found = 0;
    ssize_t len;
    int in = 0, rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = 0;
        if (strncmp(line, "## ", 3) == 0) {
            in = strcmp(line + 3, split) == 0;
            continue;
        }
        char *p = line;
        while (*p == ' ')
            p++;
        if (!in || strncmp(p, "* ", 2) != 0)
            continue;
        char doc[4096];
        struct stat st;
        snprintf(doc, sizeof doc, "%s/%s.conllu", dir, p + 2);
        if (stat(doc, &st) != 0)
            continue; /* documents whose text is not distributed (GUM reddit) */
        rc = read_conllu_file(c, doc);
        found++;
    }
    free(line);
    fclose(f);
    if (!rc && found == 0)
        rc = hs_error_set(HS_EINPUT, "%s: no documents of split '%s' found in %s", path, split, dir);
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

int hs_corpus_add_conll(hs_corpus *c, const char *path)
{
    FILE *f = open_data(path);
    if (!f)
        return HS_EIO;
    char *line = NULL;
    size_t cap = 0, lineno = 0, begin = c->d->toks.n;
    ssize_t len;
    int rc = 0, prev = HS_NER_O;
    c->has_ner = 1;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (len == 0 || strncmp(line, "-DOCSTART-", 10) == 0) {
            rc = end_sentence(c, begin);
            begin = c->d->toks.n;
            prev = HS_NER_O;
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
    if (!rc)
        rc = end_sentence(c, begin);
    free(line);
    fclose(f);
    c->n_files++;
    return rc;
}
