/* hearsay analyze: articles in, hearsay/1 JSON (or a readable summary) out. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: hearsay analyze [OPTIONS] [INPUT...]\n"
    "\n"
    "Analyse news articles and print one hearsay/1 JSON object per article.\n"
    "INPUT is a text file (optionally starting with 'date YYYY-MM-DD'), a JSONL\n"
    "file (*.jsonl, one article per line), a directory of them, or '-' for\n"
    "standard input (JSONL with --jsonl, else one text article). gzip is read.\n"
    "\n"
    "  --jsonl          one compact object per line (stdin is read as JSONL)\n"
    "  --compact        JSON on one line per article\n"
    "  --summary        a readable summary instead of JSON\n"
    "  --format FMT     read every input as text, jsonl or html\n"
    "  --no-text        leave article.text out of the JSON\n"
    "  --no-title       analyse the text alone (by default a title the text does\n"
    "                   not open with is analysed as its first paragraph)\n"
    "  --lossy          replace invalid UTF-8 with U+FFFD instead of rejecting it\n"
    "  --max-bytes N    refuse articles longer than N bytes (default 4194304)\n"
    "  --models DIR     where the model files are (default: $HEARSAY_MODELS or models/)\n"
    "  -j, --jobs N     analyse on N threads (default 0: one per core); output\n"
    "                   keeps the input order\n"
    "  -h, --help       this text\n"
    "\n"
    "exit status: 0 all analysed cleanly; 1 some input was rejected or had a\n"
    "problem such as an unterminated quotation (each reported on stderr with its\n"
    "file and line or byte offset; everything else was analysed); 2 usage; 3 a\n"
    "file could not be read; 4 a model could not be loaded; 5 output could not\n"
    "be written.\n";

typedef struct out_ctx {
    int summary;
    unsigned flags;
    int status;
    size_t ok, bad;
} out_ctx;

/* One result of the stream, in input order: report problems, print the analysis. */
static int on_result(void *user, const hs_article *art, hs_doc *doc, int rc)
{
    out_ctx *o = user;
    if (rc) {
        hs_cli_error();
        o->bad++;
        if (!o->status || o->status == HS_EXIT_INPUT)
            o->status = hs_cli_exit_for(rc);
        return rc == HS_ENOMEM ? HS_EXIT_INTERNAL : 0;
    }
    hs_doc_stats st;
    hs_doc_stats_get(doc, &st);
    for (size_t w = 0; w < st.warnings; w++) {
        size_t off;
        const char *msg;
        if (hs_doc_warning(doc, w, &off, &msg) == 0)
            fprintf(stderr, "hearsay: warning: %s: byte offset %zu: %s\n", art->origin ? art->origin : "input", off,
                    msg);
        if (!o->status)
            o->status = HS_EXIT_INPUT;
    }
    const char *out;
    size_t len;
    rc = o->summary ? hs_doc_summary(doc, &out, &len) : hs_doc_json(doc, o->flags, &out, &len);
    if (rc) {
        hs_cli_error();
        o->status = HS_EXIT_INTERNAL;
        return HS_EXIT_INTERNAL;
    }
    if (hs_cli_write(stdout, out, len) || hs_cli_write(stdout, "\n", 1)) {
        o->status = HS_EXIT_WRITE;
        return HS_EXIT_WRITE;
    }
    o->ok++;
    return 0;
}

int hs_cmd_analyze(int argc, char **argv)
{
    enum { OPT_JSONL = 256, OPT_COMPACT, OPT_SUMMARY, OPT_FORMAT, OPT_NOTEXT, OPT_LOSSY, OPT_MODELS, OPT_MAXB, OPT_NOTITLE };
    static const struct option longopts[] = {
        {"jsonl", no_argument, NULL, OPT_JSONL},       {"compact", no_argument, NULL, OPT_COMPACT},
        {"summary", no_argument, NULL, OPT_SUMMARY},   {"format", required_argument, NULL, OPT_FORMAT},
        {"no-text", no_argument, NULL, OPT_NOTEXT},    {"lossy", no_argument, NULL, OPT_LOSSY},
        {"models", required_argument, NULL, OPT_MODELS}, {"max-bytes", required_argument, NULL, OPT_MAXB},
        {"jobs", required_argument, NULL, 'j'},   {"help", no_argument, NULL, 'h'},
        {"no-title", no_argument, NULL, OPT_NOTITLE},
        {NULL, 0, NULL, 0}};
    int jsonl = 0, compact = 0, summary = 0;
    unsigned threads = 0;
    unsigned flags = 0;
    hs_input_format fmt = HS_INPUT_AUTO;
    hs_analyzer_options opts = HS_ANALYZER_OPTIONS_INIT;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSONL: jsonl = 1; break;
        case OPT_COMPACT: compact = 1; break;
        case OPT_SUMMARY: summary = 1; break;
        case OPT_NOTEXT: flags |= HS_JSON_NO_TEXT; break;
        case OPT_LOSSY: opts.lossy = 1; break;
        case OPT_NOTITLE: opts.title_apart = 1; break;
        case OPT_MODELS: opts.model_dir = optarg; break;
        case OPT_MAXB: {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (*end || v == 0) {
                fprintf(stderr, "hearsay analyze: --max-bytes wants a positive number, not '%s'\n", optarg);
                return HS_EXIT_USAGE;
            }
            opts.max_bytes = (size_t)v;
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                fmt = HS_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                fmt = HS_INPUT_JSONL;
            else if (strcmp(optarg, "html") == 0)
                fmt = HS_INPUT_HTML;
            else {
                fprintf(stderr, "hearsay analyze: unknown format '%s' (text, jsonl or html)\n", optarg);
                return HS_EXIT_USAGE;
            }
            break;
        case 'j': {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v > 256) {
                fprintf(stderr, "hearsay analyze: -j wants a number of threads from 0 (one per core) to 256, not '%s'\n",
                        optarg);
                return HS_EXIT_USAGE;
            }
            threads = (unsigned)v;
            break;
        }
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        }
    }
    if (!jsonl && !compact)
        flags |= HS_JSON_PRETTY;

    hs_analyzer *an = NULL;
    int rc = hs_analyzer_new(&an, &opts);
    if (rc) {
        hs_cli_error();
        return hs_cli_exit_for(rc);
    }
    hs_cli_warn_missing_models(an, "analyze");
    char *stdin_arg[] = {"-"};
    char **inputs = optind < argc ? argv + optind : stdin_arg;
    int n_inputs = optind < argc ? argc - optind : 1;
    out_ctx o = {summary, flags, 0, 0, 0};
    for (int i = 0; i < n_inputs && o.status != HS_EXIT_WRITE && o.status != HS_EXIT_INTERNAL; i++) {
        hs_input_format f = fmt;
        if (f == HS_INPUT_AUTO && strcmp(inputs[i], "-") == 0)
            f = jsonl ? HS_INPUT_JSONL : HS_INPUT_TEXT;
        hs_reader *r = NULL;
        rc = hs_reader_new(&r, inputs[i], f);
        if (rc) {
            hs_cli_error();
            if (!o.status)
                o.status = hs_cli_exit_for(rc);
            continue;
        }
        rc = hs_analyze_stream(an, r, threads, on_result, &o);
        if (rc < 0) {
            hs_cli_error();
            o.status = hs_cli_exit_for(rc);
        }
        hs_reader_free(r);
    }
    if (summary)
        printf("%zu article(s) analysed, %zu rejected\n", o.ok, o.bad);
    if (fflush(stdout) != 0 && o.status != HS_EXIT_WRITE) {
        fprintf(stderr, "hearsay: cannot write output: %s\n", strerror(errno));
        o.status = HS_EXIT_WRITE;
    }
    hs_analyzer_free(an);
    return o.status;
}
