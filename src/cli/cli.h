/* The command-line tool: one file per subcommand, all thin over hearsay.h. */
#ifndef HS_CLI_H
#define HS_CLI_H
#include <stdio.h>

#include "hearsay.h"

/* Exit codes (documented in the README). */
enum {
    HS_EXIT_OK = 0,
    HS_EXIT_INPUT = 1, /* some input was rejected (reported on stderr); the rest was processed */
    HS_EXIT_USAGE = 2,
    HS_EXIT_IO = 3,    /* a file could not be opened or read */
    HS_EXIT_MODEL = 4, /* a model or table could not be loaded */
    HS_EXIT_WRITE = 5, /* output could not be written (full disk, closed pipe) */
    HS_EXIT_STORE = 6, /* the store failed */
    HS_EXIT_INTERNAL = 70
};

typedef struct hs_cli_cmd {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand */
    const char *summary;
} hs_cli_cmd;

int hs_cmd_analyze(int argc, char **argv);
int hs_cmd_eval(int argc, char **argv);
/* the ledger (src/cli/ledger_*.c) */
int hs_cmd_add(int argc, char **argv);
int hs_cmd_load(int argc, char **argv);
int hs_cmd_query(int argc, char **argv); /* who, claims, trace, sources, search, stats */
int hs_cmd_export(int argc, char **argv);
int hs_cmd_alias(int argc, char **argv);
int hs_cmd_extract(int argc, char **argv);
int hs_cmd_train(int argc, char **argv);
int hs_cmd_tag(int argc, char **argv);
int hs_cmd_serve(int argc, char **argv);

/* Map an HS_E* code to an exit code. */
int hs_cli_exit_for(int rc);
/* "hearsay: MESSAGE" on stderr, from hs_error_last(). */
void hs_cli_error(void);
/* "hearsay CMD: warning: DIR/FILE: model file missing; …" on stderr for each
 * tagger model the analyzer runs without (found by itself, not required). */
void hs_cli_warn_missing_models(const hs_analyzer *an, const char *cmd);
/* Write all of buf to f; HS_EXIT_WRITE (with a message) on failure. */
int hs_cli_write(FILE *f, const char *buf, size_t len);

#endif
