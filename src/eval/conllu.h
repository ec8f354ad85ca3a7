/* A CoNLL-U reader (Universal Dependencies): sentences with their comments
 * (text, newpar, newdoc), words and multi-word tokens.  The file is read into
 * memory once and cut in place: every string points into the reader's buffer
 * and lives as long as the reader. */
#ifndef HS_CONLLU_H
#define HS_CONLLU_H
#include <stddef.h>

typedef struct hs_conllu_word {
    int id;       /* 1-based */
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    int head;     /* 0 root, -1 when "_" */
} hs_conllu_word;

typedef struct hs_conllu_mwt {
    int first, last; /* word ids it spans */
    const char *form;
} hs_conllu_mwt;

typedef struct hs_conllu_sent {
    const char *text;   /* from "# text =", or NULL */
    const char *sent_id;
    int newpar, newdoc; /* a "# newpar…" / "# newdoc…" comment precedes it */
    size_t line;        /* line number of its first line */
    hs_conllu_word *w;
    size_t n;
    hs_conllu_mwt *mwt;
    size_t n_mwt;
} hs_conllu_sent;

typedef struct hs_conllu hs_conllu;

/* Open a file: 0, or HS_EIO / HS_ENOMEM with the error set. */
int hs_conllu_open(hs_conllu **out, const char *path);
/* Next sentence (valid until the next call): 0, HS_EOF, or HS_EINPUT naming the line. */
int hs_conllu_next(hs_conllu *r, hs_conllu_sent *s);
void hs_conllu_free(hs_conllu *r);

/* The documents of a GUM split ("train", "dev", "test", "test2") read from DIR/splits.md,
 * or every GUM/GENTLE file for "all": a malloc'ed array of malloc'ed full paths, sorted. */
int hs_gum_split(const char *dir, const char *split, char ***paths, size_t *n);
void hs_paths_free(char **paths, size_t n);

#endif
