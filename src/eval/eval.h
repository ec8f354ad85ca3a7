/* Evaluation tools behind `hearsay eval WHAT`: each reads a public data set
 * from a path the user gives and prints figures (JSON with --json).
 * argv[0] is WHAT; the return value is a process exit status. */
#ifndef HS_EVAL_H
#define HS_EVAL_H
#include <stddef.h>
#include <stdio.h>

int hs_eval_tokens(int argc, char **argv, FILE *out);
int hs_eval_coref(int argc, char **argv, FILE *out);
int hs_eval_pos(int argc, char **argv, FILE *out);   /* src/tag/tools.c */
int hs_eval_ner(int argc, char **argv, FILE *out);   /* src/tag/tools.c */
int hs_eval_parse(int argc, char **argv, FILE *out); /* src/tag/tools.c */
int hs_eval_attrib(int argc, char **argv, FILE *out);
int hs_eval_time(int argc, char **argv, FILE *out);
int hs_eval_extract(int argc, char **argv, FILE *out);

/* The article-extraction benchmark's per-page score (see extract.c):
 * tp, fp, fn over 4-gram shingles of \w+ tokens, normalised by their sum;
 * p and r as the benchmark defines them; has_p / has_r say whether the page
 * enters the precision / recall average. */
typedef struct hs_shingle_score {
    double tp, fp, fn, p, r;
    int has_p, has_r;
} hs_shingle_score;
int hs_shingle_match(const char *truth, size_t tn, const char *pred, size_t pn, hs_shingle_score *out);

#endif
