/* hearsay add (analyse articles into the store) and hearsay load (read
 * hearsay/1 JSONL made elsewhere into the store). */
#include "base/buf.h"
#include "cli/ledger.h"

#include "analyzer.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define DEFAULT_BATCH 1000

const char *hs_cli_db_path(const char *opt)
{
    if (opt)
        return opt;
    const char *e = getenv("HEARSAY_DB");
    return e && *e ? e : "hearsay.db";
}

int hs_cli_store_open(hs_store **s, const char *db, unsigned flags)
{
    int rc = hs_store_open(s, db, flags);
    if (rc) {
        hs_cli_error();
        return HS_EXIT_STORE;
    }
    return 0;
}

/* SIGINT and SIGTERM: the article being written is finished, the batch so
 * far committed, and the command stops with status 128 + the signal.  A
 * second signal has its default effect (the open batch is then rolled back
 * when the store is next opened; every committed batch stays). */
static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
    got_signal = sig;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; /* no SA_RESTART: a read waiting on a pipe returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int interrupted(hs_ingest *g)
{
    if (!got_signal)
        return 0;
    g->signal = got_signal;
    return g->status = 128 + got_signal;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int hs_ingest_step(hs_ingest *g, int rc, int added)
{
    if (rc == HS_ESTORE || rc == HS_ENOMEM) {
        hs_cli_error();
        g->status = hs_cli_exit_for(rc);
        return g->status;
    }
    if (rc) {
        hs_cli_error();
        g->bad++;
        if (!g->status)
            g->status = HS_EXIT_INPUT;
        return 0;
    }
    added ? g->added++ : g->dup++;
    if (interrupted(g))
        return g->status;
    if (++g->in_batch >= g->batch) {
        if (hs_store_commit(g->s) || hs_store_begin(g->s)) {
            hs_cli_error();
            return g->status = HS_EXIT_STORE;
        }
        g->in_batch = 0;
        g->committed = g->added + g->dup;
        if (g->progress)
            fprintf(stderr, "hearsay: committed %zu articles\n", g->committed);
    }
    return 0;
}

int hs_ingest_finish(hs_ingest *g, double seconds, const char *verb)
{
    if (hs_store_commit(g->s) && g->status != HS_EXIT_STORE) {
        hs_cli_error();
        g->status = HS_EXIT_STORE;
    }
    if (g->status != HS_EXIT_STORE && (g->signal || interrupted(g))) {
        size_t n = g->added + g->dup + g->bad;
        printf("%zu article(s) %s, %zu already stored, %zu rejected before the interruption\n", g->added, verb,
               g->dup, g->bad);
        fflush(stdout);
        fprintf(stderr,
                "hearsay: interrupted by %s after %zu article(s): those are committed with every earlier batch; "
                "the rest of the input was not read (run the same command again to add it)\n",
                g->signal == SIGINT ? "SIGINT" : g->signal == SIGTERM ? "SIGTERM" : "a signal", n);
        return g->status;
    }
    if (g->status == HS_EXIT_STORE) {
        fprintf(stderr, "hearsay: the store holds the %zu article(s) of the batches committed before the failure\n",
                g->committed);
        return g->status;
    }
    if (g->progress)
        fprintf(stderr, "hearsay: committed %zu articles\n", g->added + g->dup);
    size_t n = g->added + g->dup + g->bad;
    printf("%zu article(s) %s, %zu already stored, %zu rejected in %.2f s (%.0f articles/s)\n", g->added, verb,
           g->dup, g->bad, seconds, seconds > 0 ? (double)n / seconds : 0.0);
    return g->status;
}

static const char add_usage[] =
    "usage: hearsay add [--db FILE] [OPTIONS] INPUT...\n"
    "\n"
    "Analyse articles (text files, JSONL, directories, '-') and write them into\n"
    "the store (default: $HEARSAY_DB, else hearsay.db; created when missing).\n"
    "An article already stored (same id, URL or text) is left as it is.\n"
    "\n"
    "  --db FILE        the store\n"
    "  --batch N        articles per transaction (default 1000)\n"
    "  --progress       say on stderr when each batch is committed\n"
    "  -j, --jobs N     analyse on N threads (default 1; the store is written by one)\n"
    "  --format FMT     read every input as text, jsonl or html\n"
    "  --lossy          replace invalid UTF-8 with U+FFFD instead of rejecting it\n"
    "  --no-title       analyse the text alone, not the title as its first paragraph\n"
    "  --max-bytes N    refuse articles longer than N bytes\n"
    "  --models DIR     where the model files are\n"
    "\n"
    "SIGINT or SIGTERM stops it after the article being written, committing\n"
    "what was added; a store locked by another writer is waited for\n"
    "$HEARSAY_LOCK_TIMEOUT seconds (default 10). Without --models, a missing\n"
    "model file is a warning and its layer is skipped; with it, an error.\n"
    "\n"
    "exit status: 0 all added; 1 some input rejected (reported on stderr);\n"
    "2 usage; 3 a file could not be read; 4 a model could not be loaded;\n"
    "6 the store failed; 130 / 143 interrupted by SIGINT / SIGTERM.\n";

static const char load_usage[] =
    "usage: hearsay load [--db FILE] [--batch N] [--progress] FILE.jsonl...\n"
    "\n"
    "Read hearsay/1 JSONL (the output of 'hearsay analyze --jsonl', gzip or not,\n"
    "'-' for standard input) into the store, with all its layers: entities,\n"
    "attributions with sources and outlets, relations with status.\n"
    "\n"
    "SIGINT or SIGTERM stops it after the line being written, committing what\n"
    "was loaded.\n"
    "\n"
    "exit status: 0 all loaded; 1 some lines rejected (reported with file and\n"
    "line); 2 usage; 3 a file could not be read; 6 the store failed;\n"
    "130 / 143 interrupted by SIGINT / SIGTERM.\n";

enum { OPT_DB = 256, OPT_BATCH, OPT_PROGRESS, OPT_FORMAT, OPT_LOSSY, OPT_NOTITLE, OPT_MAXB, OPT_MODELS, OPT_JOBS };

static const struct option ingest_opts[] = {
    {"db", required_argument, NULL, OPT_DB},         {"batch", required_argument, NULL, OPT_BATCH},
    {"progress", no_argument, NULL, OPT_PROGRESS},   {"format", required_argument, NULL, OPT_FORMAT},
    {"lossy", no_argument, NULL, OPT_LOSSY},         {"max-bytes", required_argument, NULL, OPT_MAXB},
    {"models", required_argument, NULL, OPT_MODELS}, {"jobs", required_argument, NULL, 'j'},
    {"no-title", no_argument, NULL, OPT_NOTITLE},    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

typedef struct ingest_args {
    const char *db;
    hs_input_format fmt;
    hs_analyzer_options opts;
    unsigned threads;
    hs_ingest g;
} ingest_args;

static int positive(const char *cmd, const char *opt, const char *v, size_t *out)
{
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (*end || n == 0) {
        fprintf(stderr, "hearsay %s: %s wants a positive number, not '%s'\n", cmd, opt, v);
        return HS_EXIT_USAGE;
    }
    *out = (size_t)n;
    return 0;
}

/* Parse the options of add or load; 0, -1 (help printed) or an exit status. */
static int parse(int argc, char **argv, const char *usage, ingest_args *a, int is_load)
{
    hs_analyzer_options def = HS_ANALYZER_OPTIONS_INIT;
    memset(a, 0, sizeof *a);
    a->opts = def;
    a->g.batch = DEFAULT_BATCH;
    int c;
    optind = 1;
    a->threads = 1;
    while ((c = getopt_long(argc, argv, "hj:", ingest_opts, NULL)) != -1) {
        int rc = 0;
        if (is_load && ((c >= OPT_FORMAT && c <= OPT_MODELS) || c == 'j'))
            c = '?';
        switch (c) {
        case OPT_DB: a->db = optarg; break;
        case OPT_BATCH: rc = positive(argv[0], "--batch", optarg, &a->g.batch); break;
        case OPT_PROGRESS: a->g.progress = 1; break;
        case 'j': {
            size_t j = 1;
            rc = positive(argv[0], "-j", optarg, &j);
            a->threads = (unsigned)j;
            break;
        }
        case OPT_LOSSY: a->opts.lossy = 1; break;
        case OPT_NOTITLE: a->opts.title_apart = 1; break;
        case OPT_MODELS: a->opts.model_dir = optarg; break;
        case OPT_MAXB: rc = positive(argv[0], "--max-bytes", optarg, &a->opts.max_bytes); break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                a->fmt = HS_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                a->fmt = HS_INPUT_JSONL;
            else if (strcmp(optarg, "html") == 0)
                a->fmt = HS_INPUT_HTML;
            else {
                fprintf(stderr, "hearsay add: unknown format '%s' (text, jsonl or html)\n", optarg);
                rc = HS_EXIT_USAGE;
            }
            break;
        case 'h': fputs(usage, stdout); return -1;
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        }
        if (rc)
            return rc;
    }
    if (optind >= argc) {
        fputs(usage, stderr);
        return HS_EXIT_USAGE;
    }
    return 0;
}

/* One analysed article of the stream, in input order: into the store. */
static int on_article(void *user, const hs_article *art, hs_doc *doc, int rc)
{
    hs_ingest *g = user;
    (void)art;
    if (interrupted(g)) /* a read cut short by the signal included */
        return g->status;
    int added = 0;
    if (rc == 0)
        rc = hs_store_add_doc(g->s, doc, &added);
    if (rc == HS_EIO) {
        hs_cli_error();
        g->status = HS_EXIT_IO;
        return 0;
    }
    return hs_ingest_step(g, rc, added);
}

int hs_cmd_add(int argc, char **argv)
{
    ingest_args a;
    int rc = parse(argc, argv, add_usage, &a, 0);
    if (rc)
        return rc < 0 ? 0 : rc;
    hs_analyzer *an = NULL;
    if (a.opts.model_dir)
        a.opts.require_models = 1; /* models asked for by --models must be there */
    if ((rc = hs_analyzer_new(&an, &a.opts))) {
        hs_cli_error();
        return hs_cli_exit_for(rc);
    }
    hs_cli_warn_missing_models(an, "add");
    catch_signals();
    int status = hs_cli_store_open(&a.g.s, hs_cli_db_path(a.db), HS_STORE_CREATE);
    if (!status && hs_store_begin(a.g.s)) {
        hs_cli_error();
        status = HS_EXIT_STORE;
    }
    double t0 = now();
    int stop = 0;
    for (int i = optind; !status && !stop && i < argc; i++) {
        hs_reader *r = NULL;
        if ((rc = hs_reader_new(&r, argv[i], a.fmt))) {
            hs_cli_error();
            a.g.status = hs_cli_exit_for(rc);
            continue;
        }
        rc = hs_analyze_stream(an, r, a.threads, on_article, &a.g);
        if (rc < 0) {
            hs_cli_error();
            a.g.status = hs_cli_exit_for(rc);
        }
        stop = rc != 0 && a.g.status >= HS_EXIT_STORE;
        hs_reader_free(r);
    }
    if (!status)
        status = hs_ingest_finish(&a.g, now() - t0, "added");
    if (a.g.s && hs_store_close(a.g.s)) {
        hs_cli_error();
        status = HS_EXIT_STORE;
    }
    hs_analyzer_free(an);
    return status;
}

/* Read one line of a (possibly gzipped) file into b: 0, HS_EOF or HS_EIO. */
static int gz_line(gzFile gz, hs_buf *b, const char *path)
{
    hs_buf_clear(b);
    char chunk[65536];
    for (;;) {
        if (!gzgets(gz, chunk, sizeof chunk)) {
            int e;
            const char *m = gzerror(gz, &e);
            if (e != Z_OK && e != Z_STREAM_END)
                return hs_error_set(HS_EIO, "%s: read error: %s", path, m);
            return b->len ? 0 : HS_EOF;
        }
        size_t n = strlen(chunk);
        if (hs_buf_put(b, chunk, n))
            return HS_ENOMEM;
        if (n && chunk[n - 1] == '\n')
            return 0;
    }
}

static int load_file(ingest_args *a, const char *path, hs_buf *line)
{
    int fd_stdin = strcmp(path, "-") == 0;
    gzFile gz = fd_stdin ? gzdopen(dup(0), "rb") : gzopen(path, "rb");
    if (!gz) {
        fprintf(stderr, "hearsay: %s: cannot open: %s\n", path, strerror(errno ? errno : ENOMEM));
        a->g.status = HS_EXIT_IO;
        return 0;
    }
    gzbuffer(gz, 256 * 1024);
    char origin[600];
    long lineno = 0;
    int rc;
    while ((rc = gz_line(gz, line, path)) == 0) {
        lineno++;
        size_t i = 0;
        while (i < line->len && (line->data[i] == ' ' || line->data[i] == '\t' || line->data[i] == '\n' ||
                                 line->data[i] == '\r'))
            i++;
        if (i == line->len)
            continue;
        snprintf(origin, sizeof origin, "%s:%ld", fd_stdin ? "<stdin>" : path, lineno);
        int added = 0;
        rc = hs_store_add_json(a->g.s, line->data, line->len, origin, &added);
        if ((rc = hs_ingest_step(&a->g, rc, added)))
            break;
    }
    if ((rc == HS_EIO || rc == HS_ENOMEM) && !interrupted(&a->g)) {
        hs_cli_error();
        a->g.status = hs_cli_exit_for(rc);
    }
    gzclose(gz);
    return a->g.status >= HS_EXIT_STORE ? a->g.status : 0;
}

int hs_cmd_load(int argc, char **argv)
{
    ingest_args a;
    int rc = parse(argc, argv, load_usage, &a, 1);
    if (rc)
        return rc < 0 ? 0 : rc;
    int status = hs_cli_store_open(&a.g.s, hs_cli_db_path(a.db), HS_STORE_CREATE);
    if (status)
        return status;
    catch_signals();
    if (hs_store_begin(a.g.s)) {
        hs_cli_error();
        hs_store_close(a.g.s);
        return HS_EXIT_STORE;
    }
    hs_buf line = HS_BUF_INIT;
    double t0 = now();
    for (int i = optind; i < argc && !load_file(&a, argv[i], &line); i++)
        ;
    hs_buf_free(&line);
    status = hs_ingest_finish(&a.g, now() - t0, "loaded");
    if (hs_store_close(a.g.s)) {
        hs_cli_error();
        status = HS_EXIT_STORE;
    }
    return status;
}
