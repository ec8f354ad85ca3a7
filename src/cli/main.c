/* hearsay: the command-line front end. */
#include "cli/cli.h"
#include "analyzer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("hearsay %s (%s)\n", hs_version(), HS_SCHEMA);
    return 0;
}

static int cmd_help(int argc, char **argv);

static const hs_cli_cmd commands[] = {
    {"analyze", hs_cmd_analyze, "analyse articles and print hearsay/1 JSON (or a summary)"},
    {"extract", hs_cmd_extract, "the article and metadata of saved web pages (HTML)"},
    {"eval", hs_cmd_eval, "measure accuracy against public data sets"},
    {"train", hs_cmd_train, "rebuild a model (pos, ner) from public data sets"},
    {"tag", hs_cmd_tag, "print the tokens of articles with their POS tags and entity labels"},
    {"add", hs_cmd_add, "analyse articles into the claim ledger (SQLite store)"},
    {"load", hs_cmd_load, "read hearsay/1 JSONL into the claim ledger"},
    {"who", hs_cmd_query, "an entity: names, claims, what it said, what is said about it"},
    {"claims", hs_cmd_query, "the ledger lines for a person or a pair, strongest first"},
    {"trace", hs_cmd_query, "every origin of one claim, with its echoes"},
    {"sources", hs_cmd_query, "who the sources are, and how often anonymous, per outlet"},
    {"search", hs_cmd_query, "full-text search over articles and quotations"},
    {"stats", hs_cmd_query, "what the store holds (--check: integrity check)"},
    {"export", hs_cmd_export, "the entity-claim graph as jsonl, csv, graphml or dot"},
    {"alias", hs_cmd_alias, "correct entity merges: alias add|remove"},
    {"serve", hs_cmd_serve, "serve the JSON API and the web UI over HTTP"},
    {"version", cmd_version, "print the version"},
    {"help", cmd_help, "list the commands"},
};

static int cmd_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("usage: hearsay COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    printf("\n'hearsay COMMAND --help' describes each one.\n");
    return 0;
}

int hs_cli_exit_for(int rc)
{
    switch (rc) {
    case 0: return HS_EXIT_OK;
    case HS_EIO: return HS_EXIT_IO;
    case HS_EMODEL: return HS_EXIT_MODEL;
    case HS_ESTORE: return HS_EXIT_STORE;
    case HS_EINVAL: return HS_EXIT_USAGE;
    case HS_ENOMEM: return HS_EXIT_INTERNAL;
    default: return HS_EXIT_INPUT;
    }
}

void hs_cli_error(void) { fprintf(stderr, "hearsay: %s\n", hs_error_last()); }

/* A model the analyzer runs without is said once: its output (or a store
 * built with it) differs from one made with the model. */
void hs_cli_warn_missing_models(const hs_analyzer *an, const char *cmd)
{
    if (!(an->opts.layers & HS_LAYER_TAG))
        return;
    const char *dir = an->model_dir ? an->model_dir : "(no model directory found)";
    const struct {
        const void *m;
        const char *file, *without;
    } ms[] = {{an->pos, "pos.hsm", "no part-of-speech tags"},
              {an->ner, "ner.hsm", "names from capitalised words only"},
              {(an->opts.layers & HS_LAYER_PARSE) ? (an->parse ? (const void *)an->parse : (const void *)an->parse_lazy)
                                                  : (const void *)1,
               "parse.hsm", "no dependency parse"}};
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++)
        if (!ms[i].m)
            fprintf(stderr, "hearsay %s: warning: %s/%s: model file missing; analysing without it (%s)\n", cmd, dir,
                    ms[i].file, ms[i].without);
}

int hs_cli_write(FILE *f, const char *buf, size_t len)
{
    if (len && fwrite(buf, 1, len, f) != len) {
        fprintf(stderr, "hearsay: cannot write output: %s\n", strerror(errno));
        return HS_EXIT_WRITE;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cmd_help(0, NULL);
        return HS_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(0, NULL);
    if (strcmp(name, "--version") == 0)
        return cmd_version(0, NULL);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "hearsay: unknown command '%s' (try 'hearsay help')\n", name);
    return HS_EXIT_USAGE;
}
