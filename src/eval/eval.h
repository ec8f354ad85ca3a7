/* Evaluation tools behind `hearsay eval WHAT`: each reads a public data set
 * from a path the user gives and prints figures (JSON with --json).
 * argv[0] is WHAT; the return value is a process exit status. */
#ifndef HS_EVAL_H
#define HS_EVAL_H
#include <stdio.h>

int hs_eval_tokens(int argc, char **argv, FILE *out);
int hs_eval_coref(int argc, char **argv, FILE *out);
int hs_eval_time(int argc, char **argv, FILE *out);

#endif
