/* `hearsay tag FILE...`: each token of each article with its UPOS, PTB tag
 * and BIO entity label, one a line, a blank line between sentences (for
 * looking at what the tag layer does on an article). */
#include "analyzer.h"
#include "doc.h"

#include <stdio.h>
#include <string.h>

static int show_usage(void)
{
    fprintf(stderr, "usage: hearsay tag [--models DIR] [--data DIR] INPUT...\n"
                    "prints: token, UPOS, PTB tag, entity label (BIO), then, when parsed, the head (position\n"
                    "in the sentence, 0 for the root) and relation, and 'outlet' for outlet names\n");
    return 2;
}

static void print_doc(const hs_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->toks.n; i++) {
        const hs_tok *t = &d->toks.v[i];
        if (i > 0 && t->sent != d->toks.v[i - 1].sent)
            fputc('\n', out);
        const char *ner = "O";
        char buf[32];
        if (t->ner && t->ner < HS_NER_LABELS) {
            snprintf(buf, sizeof buf, "%s-%s", HS_NER_IS_B(t->ner) ? "B" : "I", hs_etype_names[HS_NER_TYPE(t->ner)]);
            ner = buf;
        }
        char dep[64] = "";
        if (d->deprel_names && (d->sents.v[t->sent].flags & HS_SF_PARSED)) {
            uint32_t b = d->sents.v[t->sent].tok_begin;
            snprintf(dep, sizeof dep, "\t%ld\t%s", t->head < 0 ? 0L : (long)(t->head - (int32_t)b) + 1,
                     d->deprel_names[t->deprel]);
        }
        fprintf(out, "%.*s\t%s\t%s\t%s%s%s\n", (int)HS_TOK_LEN(t), HS_TOK_PTR(d, t),
                d->xpos_names ? hs_upos_names[t->upos] : "_", d->xpos_names ? d->xpos_names[t->xpos] : "_", ner,
                dep, (t->flags & HS_TF_OUTLET) ? "\toutlet" : "");
    }
    fputc('\n', out);
}

int hs_tool_tag(int argc, char **argv, FILE *out)
{
    hs_analyzer_options opts = HS_ANALYZER_OPTIONS_INIT;
    opts.layers |= HS_LAYER_PARSE_ALL; /* show the whole parse */
    int first = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "--models") == 0 || strcmp(argv[i], "--data") == 0) && i + 1 < argc) {
            if (argv[i][2] == 'm')
                opts.model_dir = argv[i + 1];
            else
                opts.data_dir = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return show_usage();
        } else if (!first) {
            first = i;
        }
    }
    if (!first)
        return show_usage();
    hs_analyzer *a;
    hs_doc *d;
    int rc = hs_analyzer_new(&a, &opts);
    if (rc) {
        fprintf(stderr, "hearsay tag: %s\n", hs_error_last());
        return rc == HS_EMODEL ? 4 : 1;
    }
    if ((rc = hs_doc_new(&d))) {
        hs_analyzer_free(a);
        return 70;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (i > first && strcmp(argv[i - 1], "--models") == 0)
            continue;
        if (strcmp(argv[i], "--models") == 0 || strcmp(argv[i], "--data") == 0 ||
            (i > first && strcmp(argv[i - 1], "--data") == 0))
            continue;
        hs_reader *r;
        hs_article art;
        if ((rc = hs_reader_new(&r, argv[i], HS_INPUT_AUTO))) {
            fprintf(stderr, "hearsay tag: %s\n", hs_error_last());
            status = 3;
            continue;
        }
        while ((rc = hs_reader_next(r, &art)) != HS_EOF) {
            if (rc == 0)
                rc = hs_analyze(d, a, &art);
            if (rc) {
                fprintf(stderr, "hearsay tag: %s\n", hs_error_last());
                status = 1;
                if (rc != HS_EINPUT)
                    break;
                continue;
            }
            print_doc(d, out);
        }
        hs_reader_free(r);
    }
    hs_doc_free(d);
    hs_analyzer_free(a);
    return status;
}
