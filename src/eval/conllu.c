/* CoNLL-U reading, and GUM's document splits. */
#include "eval/conllu.h"
#include "base/buf.h"
#include "hearsay.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hs_conllu {
    char *buf;
    size_t len, pos, line;
    char path[256];
    HS_ARRAY(hs_conllu_word) w;
    HS_ARRAY(hs_conllu_mwt) mwt;
};

int hs_conllu_open(hs_conllu **out, const char *path)
{
    *out = NULL;
    hs_conllu *r = calloc(1, sizeof *r);
    if (!r)
        return hs_error_set(HS_ENOMEM, "out of memory");
    int rc = hs_read_file(path, &r->buf, &r->len);
    if (rc) {
        free(r);
        return rc;
    }
    snprintf(r->path, sizeof r->path, "%s", path);
    *out = r;
    return 0;
}

void hs_conllu_free(hs_conllu *r)
{
    if (!r)
        return;
    free(r->buf);
    HS_ARRAY_FREE(&r->w);
    HS_ARRAY_FREE(&r->mwt);
    free(r);
}

/* Next line, NUL-terminated in place (without \r\n); NULL at the end. */
static char *next_line(hs_conllu *r)
{
    if (r->pos >= r->len)
        return NULL;
    char *s = r->buf + r->pos;
    char *nl = memchr(s, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
    r->pos += n + (nl != NULL);
    if (n && s[n - 1] == '\r')
        n--;
    s[n] = 0;
    r->line++;
    return s;
}

static int split_cols(char *s, char **cols, int max)
{
    int n = 0;
    cols[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            cols[n++] = p + 1;
        }
    return n;
}

int hs_conllu_next(hs_conllu *r, hs_conllu_sent *s)
{
    memset(s, 0, sizeof *s);
    r->w.n = r->mwt.n = 0;
    char *line;
    int started = 0;
    while ((line = next_line(r)) != NULL) {
        if (!*line) {
            if (started)
                break;
            continue;
        }
        if (!started)
            s->line = r->line;
        started = 1;
        if (line[0] == '#') {
            if (strncmp(line, "# text = ", 9) == 0)
                s->text = line + 9;
            else if (strncmp(line, "# sent_id = ", 12) == 0)
                s->sent_id = line + 12;
            else if (strncmp(line, "# newpar", 8) == 0)
                s->newpar = 1;
            else if (strncmp(line, "# newdoc", 8) == 0)
                s->newdoc = s->newpar = 1;
            continue;
        }
        char *c[10];
        if (split_cols(line, c, 10) != 10)
            return hs_error_set(HS_EINPUT, "%s:%zu: expected 10 tab-separated columns", r->path, r->line);
        char *dash = strchr(c[0], '-');
        if (strchr(c[0], '.'))
            continue; /* empty nodes of enhanced dependencies */
        if (dash) {
            hs_conllu_mwt *m = HS_PUSH(&r->mwt);
            if (!m)
                return HS_ENOMEM;
            m->first = atoi(c[0]);
            m->last = atoi(dash + 1);
            m->form = c[1];
            continue;
        }
        hs_conllu_word *w = HS_PUSH(&r->w);
        if (!w)
            return HS_ENOMEM;
        w->id = atoi(c[0]);
        if (w->id != (int)r->w.n)
            return hs_error_set(HS_EINPUT, "%s:%zu: word id %s out of order", r->path, r->line, c[0]);
        w->form = c[1], w->lemma = c[2], w->upos = c[3], w->xpos = c[4];
        w->feats = c[5], w->deprel = c[7], w->misc = c[9];
        w->head = strcmp(c[6], "_") == 0 ? -1 : atoi(c[6]);
    }
    if (!started)
        return HS_EOF;
    s->w = r->w.v;
    s->n = r->w.n;
    s->mwt = r->mwt.v;
    s->n_mwt = r->mwt.n;
    return 0;
}

void hs_paths_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int add_path(char ***paths, size_t *n, size_t *cap, const char *dir, const char *name)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        char **np = realloc(*paths, nc * sizeof *np);
        if (!np)
            return hs_error_set(HS_ENOMEM, "out of memory");
        *paths = np, *cap = nc;
    }
    size_t len = strlen(dir) + strlen(name) + 16;
    char *p = malloc(len);
    if (!p)
        return hs_error_set(HS_ENOMEM, "out of memory");
    snprintf(p, len, "%s/%s", dir, name);
    (*paths)[(*n)++] = p;
    return 0;
}

int hs_gum_split(const char *dir, const char *split, char ***paths, size_t *n)
{
    size_t cap = 0;
    *paths = NULL;
    *n = 0;
    if (strcmp(split, "all") == 0) {
        DIR *dd = opendir(dir);
        if (!dd)
            return hs_error_set(HS_EIO, "%s: cannot open directory", dir);
        struct dirent *e;
        int rc = 0;
        while (!rc && (e = readdir(dd)) != NULL) {
            size_t l = strlen(e->d_name);
            if (l > 7 && strcmp(e->d_name + l - 7, ".conllu") == 0)
                rc = add_path(paths, n, &cap, dir, e->d_name);
        }
        closedir(dd);
        if (!rc)
            qsort(*paths, *n, sizeof **paths, cmp_str);
        return rc;
    }
    char sp[4096];
    snprintf(sp, sizeof sp, "%s/splits.md", dir);
    char *buf;
    size_t len;
    int rc = hs_read_file(sp, &buf, &len);
    if (rc)
        return rc;
    int in = 0;
    for (char *line = strtok(buf, "\n"); line && !rc; line = strtok(NULL, "\n")) {
        if (strncmp(line, "## ", 3) == 0) {
            in = strcmp(line + 3, split) == 0;
            continue;
        }
        char *star = strstr(line, "* ");
        if (!in || !star)
            continue;
        char name[512];
        snprintf(name, sizeof name, "%s.conllu", star + 2);
        char *sp2 = strpbrk(name, " \r\t");
        if (sp2)
            strcpy(sp2, ".conllu");
        char full[4700];
        snprintf(full, sizeof full, "%s/%s", dir, name);
        FILE *f = fopen(full, "r");
        if (!f)
            continue; /* a listed document not distributed (reddit) */
        fclose(f);
        rc = add_path(paths, n, &cap, dir, name);
    }
    free(buf);
    if (!rc && *n == 0)
        rc = hs_error_set(HS_EINPUT, "%s: no documents for split '%s'", sp, split);
    if (!rc)
        qsort(*paths, *n, sizeof **paths, cmp_str);
    return rc;
}
