/* hearsay export (the entity-claim graph for other tools) and hearsay alias
 * (correct how names were merged into entities). */
#include "cli/ledger.h"

#include <getopt.h>
#include <string.h>

static const char export_usage[] =
    "usage: hearsay export [--db FILE] [--format jsonl|csv|graphml|dot]\n"
    "\n"
    "Print the entity-claim graph: jsonl (entities, then claims; the default),\n"
    "csv (one claim a row), graphml (Gephi, networkx) or dot (Graphviz).\n";

static const char alias_usage[] =
    "usage: hearsay alias [--db FILE] add ALIAS NAME\n"
    "       hearsay alias [--db FILE] remove ALIAS\n"
    "\n"
    "add: the name ALIAS now means the entity NAME (the entity ALIAS named before\n"
    "is merged into it, with its claims).  remove: undo that; the articles that\n"
    "used ALIAS get an entity of their own again.\n";

/* --db and --format; returns 0, -1 (help shown) or an exit status. */
static int parse(int argc, char **argv, const char *usage, const char **db, const char **format)
{
    enum { OPT_DB = 256, OPT_FORMAT };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                              {"format", required_argument, NULL, OPT_FORMAT},
                                              {"help", no_argument, NULL, 'h'},
                                              {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: *db = optarg; break;
        case OPT_FORMAT:
            if (format) {
                *format = optarg;
                break;
            }
            /* fall through */
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        case 'h': fputs(usage, stdout); return -1;
        }
    }
    return 0;
}

int hs_cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = "jsonl";
    int rc = parse(argc, argv, export_usage, &db, &format);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (optind != argc) {
        fputs(export_usage, stderr);
        return HS_EXIT_USAGE;
    }
    hs_store *s;
    int status = hs_cli_store_open(&s, hs_cli_db_path(db), HS_STORE_READONLY);
    if (status)
        return status;
    rc = hs_store_export(s, format, stdout);
    if (rc) {
        hs_cli_error();
        status = rc == HS_EIO ? HS_EXIT_WRITE : hs_cli_exit_for(rc);
    }
    hs_store_close(s);
    return status;
}

int hs_cmd_alias(int argc, char **argv)
{
    const char *db = NULL;
    int rc = parse(argc, argv, alias_usage, &db, NULL);
    if (rc)
        return rc < 0 ? 0 : rc;
    int n = argc - optind;
    const char *verb = n > 0 ? argv[optind] : "";
    int add = strcmp(verb, "add") == 0, remove = strcmp(verb, "remove") == 0;
    if (!((add && n == 3) || (remove && n == 2))) {
        fputs(alias_usage, stderr);
        return HS_EXIT_USAGE;
    }
    hs_store *s;
    int status = hs_cli_store_open(&s, hs_cli_db_path(db), 0);
    if (status)
        return status;
    rc = add ? hs_store_alias_add(s, argv[optind + 1], argv[optind + 2]) : hs_store_alias_remove(s, argv[optind + 1]);
    if (rc) {
        hs_cli_error();
        status = rc == HS_EINPUT ? HS_EXIT_INPUT : hs_cli_exit_for(rc);
    } else if (add) {
        printf("'%s' now means '%s'\n", argv[optind + 1], argv[optind + 2]);
    } else {
        printf("'%s' is no longer an alias\n", argv[optind + 1]);
    }
    if (hs_store_close(s) && !status) {
        hs_cli_error();
        status = HS_EXIT_STORE;
    }
    return status;
}
