/* The analyzer: options, models and tables, read-only after creation.
 * Each stage module owns its model type; the analyzer only holds pointers. */
#ifndef HS_ANALYZER_H
#define HS_ANALYZER_H

#include "doc.h"
#include "hearsay.h"

struct hs_pos_model;
struct hs_ner_model;
struct hs_parse_model;
struct hs_parse_lazy;
struct hs_tables;
struct hs_linkwords;
struct hs_relate_tables;
struct hs_outlets;

struct hs_analyzer {
    hs_analyzer_options opts;
    char *model_dir; /* resolved, malloc'ed (NULL when none was found) */
    char *data_dir;
    struct hs_pos_model *pos;
    struct hs_ner_model *ner;
    struct hs_parse_model *parse;
    struct hs_parse_lazy *parse_lazy; /* the parser's model, checked but inflated on first use (src/tag/tag.c) */
    struct hs_tables *tables;
    struct hs_linkwords *link;                   /* link-layer word tables (src/link) */
    struct hs_relate_tables *relate;       /* relation patterns (src/relate) */
    struct hs_outlets *outlets; /* news outlet names (tag layer) */
};

/* Pipeline stages (src/pipeline.c calls them in order). Each returns 0 or an HS_E* code. */
int hs_text_tokenize(hs_doc *d);   /* tokens */
int hs_text_split(hs_doc *d);      /* sentences and paragraphs */
int hs_text_quotes(hs_doc *d);     /* quotation marks paired into quotes */
int hs_link_run(hs_doc *d, const hs_analyzer *a);   /* mentions and entities */
int hs_relate_run(hs_doc *d, const hs_analyzer *a); /* relations between entities */
int hs_time_run(hs_doc *d, const hs_analyzer *a); /* temporal expressions → d->timexes */

/* The first timex lying wholly inside the byte range [start, end), or -1. */
int32_t hs_time_at(const hs_doc *d, uint32_t start, uint32_t end);

/* Fill a document's article fields and text from an article (validates UTF-8). */
/* Copy art into d.  Unless title_apart, a title that the text does not
 * already open with becomes the text's first paragraph (headlines name who
 * the article is about; offsets then count from the title). */
int hs_doc_load_article(hs_doc *d, const hs_article *art, int lossy, size_t max_bytes, int title_apart);

/* Parse a YYYY-MM-DD calendar date (trailing text allowed): 0, or -1. */
int hs_date_parse(const char *s, int *y, int *m, int *d);

/* Find a file named `name` under the model/data search path; malloc'ed path or NULL. */
char *hs_find_dir(const char *explicit_dir, const char *env, const char *probe);

#endif
