/* `hearsay eval WHAT`: the table of evaluations. */
#include "eval/eval.h"
#include "hearsay.h"

#include <string.h>

static const struct {
    const char *name;
    int (*run)(int argc, char **argv, FILE *out);
    const char *summary;
} evals[] = {
    {"tokens", hs_eval_tokens, "token and sentence boundaries against CoNLL-U (GUM, EWT)"},
    {"coref", hs_eval_coref, "entities and coreference against GUM's Entity= brackets (--conllu DIR)"},
    {"pos", hs_eval_pos, "UPOS and PTB tag accuracy and speed against CoNLL-U (GUM, EWT)"},
    {"parse", hs_eval_parse, "dependency UAS / LAS and parser speed against CoNLL-U (GUM, EWT)"},
    {"ner", hs_eval_ner, "entity F1 (exact span and type) and POS+NER speed against CoNLL-2003"},
    {"attrib", hs_eval_attrib, "attributions (content, source, cue) against PolNeAR"},
    {"time", hs_eval_time, "temporal expressions: --cases tests/time/cases.tsv, or --jsonl CORPUS --sample N"},
    {"extract", hs_eval_extract, "main text of web pages against the article-extraction benchmark"},
};

int hs_tool_eval(int argc, char **argv, FILE *out)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        FILE *f = argc < 2 ? stderr : out;
        fprintf(f, "usage: hearsay eval WHAT [OPTIONS]\n\n");
        for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++)
            fprintf(f, "  %-8s %s\n", evals[i].name, evals[i].summary);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++)
        if (strcmp(evals[i].name, argv[1]) == 0)
            return evals[i].run(argc - 1, argv + 1, out);
    fprintf(stderr, "hearsay eval: unknown evaluation '%s' (try 'hearsay eval --help')\n", argv[1]);
    return 2;
}
