/* What the ledger commands (add, load, who, claims, ...) share. */
#ifndef HS_CLI_LEDGER_H
#define HS_CLI_LEDGER_H
#include "cli/cli.h"

/* The store path: --db, else $HEARSAY_DB, else "hearsay.db". */
const char *hs_cli_db_path(const char *opt);
/* Open the store, reporting a failure on stderr; 0 or an exit status. */
int hs_cli_store_open(hs_store **s, const char *db, unsigned flags);

/* Writes in batches with progress and counts (ledger_add.c). */
typedef struct hs_ingest {
    hs_store *s;
    size_t batch;        /* articles per transaction */
    size_t in_batch;
    size_t added, dup, bad;
    size_t committed;    /* articles (added or already stored) in committed batches */
    int progress;        /* print "committed N" on stderr after each commit */
    int status;          /* exit status so far */
    int signal;          /* SIGINT or SIGTERM received (the command stops), or 0 */
} hs_ingest;

/* Account for one add (rc from hs_store_add_*); commits full batches.
 * Returns 0 to go on, or an exit status to stop with. */
int hs_ingest_step(hs_ingest *g, int rc, int added);
/* Commit the last batch and print the summary; returns the exit status. */
int hs_ingest_finish(hs_ingest *g, double seconds, const char *verb);

#endif
