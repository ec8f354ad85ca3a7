/* hearsay serve: the HTTP API and the web UI until SIGINT or SIGTERM. */
#include "cli/cli.h"

#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: hearsay serve [OPTIONS]\n"
    "\n"
    "Serve the JSON API (docs/api.md) and the web UI (web/) over HTTP.\n"
    "Prints the URL on standard output once it listens; stops cleanly on\n"
    "SIGINT (Ctrl-C) or SIGTERM.\n"
    "\n"
    "  --db FILE        the store to answer queries from (without it the\n"
    "                   store's routes answer 503; /api/analyze works)\n"
    "  --port N         TCP port (default 8080; 0: any free port)\n"
    "  --bind ADDR      address to listen on (default 127.0.0.1: this machine only)\n"
    "  --web DIR        the UI's files (default: $HEARSAY_WEB, then web/)\n"
    "  --threads N      worker threads (default 0: one per core)\n"
    "  --max-body N     largest request body in bytes (default 5242880)\n"
    "  --models DIR     where the model files are (default: $HEARSAY_MODELS or models/)\n"
    "  --log            one line per request on standard error\n"
    "  --no-cache       run every store query afresh (by default answers are\n"
    "                   kept until the store file changes)\n"
    "  -h, --help       this text\n"
    "\n"
    "exit status: 0 stopped by a signal; 2 usage; 3 cannot listen or read\n"
    "--web; 4 a model could not be loaded; 6 the store could not be opened.\n";

static int number(const char *opt, const char *arg, unsigned long long max, unsigned long long *out)
{
    char *end;
    unsigned long long v = strtoull(arg, &end, 10);
    if (!*arg || *end || v > max) {
        fprintf(stderr, "hearsay serve: %s wants a number from 0 to %llu, not '%s'\n", opt, max, arg);
        return -1;
    }
    *out = v;
    return 0;
}

int hs_cmd_serve(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_PORT, OPT_BIND, OPT_WEB, OPT_THREADS, OPT_MAXB, OPT_MODELS, OPT_LOG, OPT_NOCACHE };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},           {"port", required_argument, NULL, OPT_PORT},
        {"bind", required_argument, NULL, OPT_BIND},       {"web", required_argument, NULL, OPT_WEB},
        {"threads", required_argument, NULL, OPT_THREADS}, {"max-body", required_argument, NULL, OPT_MAXB},
        {"models", required_argument, NULL, OPT_MODELS},   {"log", no_argument, NULL, OPT_LOG},
        {"no-cache", no_argument, NULL, OPT_NOCACHE},      {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    hs_server_options so = HS_SERVER_OPTIONS_INIT;
    hs_analyzer_options ao = HS_ANALYZER_OPTIONS_INIT;
    so.port = 8080;
    unsigned long long v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: so.db = optarg; break;
        case OPT_BIND: so.bind = optarg; break;
        case OPT_WEB: so.web_dir = optarg; break;
        case OPT_MODELS: ao.model_dir = optarg; break;
        case OPT_LOG: so.log = 1; break;
        case OPT_NOCACHE: so.no_cache = 1; break;
        case OPT_PORT:
            if (number("--port", optarg, 65535, &v))
                return HS_EXIT_USAGE;
            so.port = (unsigned)v;
            break;
        case OPT_THREADS:
            if (number("--threads", optarg, 256, &v))
                return HS_EXIT_USAGE;
            so.threads = (unsigned)v;
            break;
        case OPT_MAXB:
            if (number("--max-body", optarg, 1ull << 30, &v) || v == 0) {
                if (v == 0)
                    fprintf(stderr, "hearsay serve: --max-body must be positive\n");
                return HS_EXIT_USAGE;
            }
            so.max_body = (size_t)v;
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hearsay serve: unexpected argument '%s'\n", argv[optind]);
        return HS_EXIT_USAGE;
    }

    /* Signals are taken by sigwait below; the server's threads inherit the mask. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    hs_analyzer *an = NULL;
    int rc = hs_analyzer_new(&an, &ao);
    if (rc) {
        hs_cli_error();
        return hs_cli_exit_for(rc);
    }
    hs_cli_warn_missing_models(an, "serve");
    so.analyzer = an;
    hs_server *srv = NULL;
    rc = hs_server_start(&srv, &so);
    if (rc) {
        hs_cli_error();
        hs_analyzer_free(an);
        return hs_cli_exit_for(rc);
    }
    const char *host = so.bind ? so.bind : "127.0.0.1";
    int v6 = strchr(host, ':') != NULL;
    printf("hearsay serve: listening on http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "",
           hs_server_port(srv));
    if (!hs_server_web_dir(srv))
        fprintf(stderr, "hearsay serve: no web/ directory found: serving the API only (see --web)\n");
    fflush(stdout);

    int sig = 0;
    sigwait(&sigs, &sig);
    fprintf(stderr, "hearsay serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    hs_server_stop(srv);
    hs_analyzer_free(an);
    return 0;
}
