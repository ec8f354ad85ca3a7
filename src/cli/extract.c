/* hearsay extract: the article of saved web pages, as text or JSON. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: hearsay extract [--json | --jsonl] PAGE...\n"
    "\n"
    "Print the article of each saved HTML page (gzip is read; '-' is standard\n"
    "input): its body, paragraphs separated by blank lines, without menus,\n"
    "share buttons, related links, comments or photo credits.\n"
    "\n"
    "  --json     one indented JSON object per page with the metadata: title,\n"
    "             date, authors, outlet, url, description, image_caption,\n"
    "             image_credit, charset, paragraphs, text\n"
    "  --jsonl    the same, one compact object per line\n"
    "  -h, --help this text\n"
    "\n"
    "exit status: 0 every page gave an article; 1 a page was rejected (not\n"
    "HTML, empty) or had no article text (each reported on stderr); 2 usage;\n"
    "3 a file could not be read; 5 output could not be written.\n";

int hs_cmd_extract(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_JSONL };
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"jsonl", no_argument, NULL, OPT_JSONL},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int json = 0, pretty = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: json = pretty = 1; break;
        case OPT_JSONL: json = 1; pretty = 0; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(usage, stderr);
        return HS_EXIT_USAGE;
    }
    int status = HS_EXIT_OK;
    int many = argc - optind > 1;
    for (int i = optind; i < argc; i++) {
        hs_page *p;
        int rc = hs_page_load(&p, argv[i]);
        if (rc) {
            hs_cli_error();
            int st = hs_cli_exit_for(rc);
            if (st > status)
                status = st;
            continue;
        }
        if (!p->text_len) {
            fprintf(stderr, "hearsay: %s: no article text found in the page\n", argv[i]);
            if (status < HS_EXIT_INPUT)
                status = HS_EXIT_INPUT;
        }
        int wr = 0;
        if (json) {
            const char *s;
            size_t n;
            if (hs_page_json(p, pretty, &s, &n) == 0)
                wr = hs_cli_write(stdout, s, n);
            else
                hs_cli_error();
        } else if (p->text_len) {
            if (many)
                printf("==> %s <==\n", argv[i]);
            wr = hs_cli_write(stdout, p->text, p->text_len);
            if (!wr)
                wr = hs_cli_write(stdout, many && i + 1 < argc ? "\n\n" : "\n", many && i + 1 < argc ? 2 : 1);
        }
        hs_page_free(p);
        if (wr)
            return wr;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "hearsay: cannot write output\n");
        return HS_EXIT_WRITE;
    }
    return status;
}
