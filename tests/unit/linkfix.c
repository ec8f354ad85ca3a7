/* Helpers for the link and relate tests (see linkfix.h). */
#include "linkfix.h"
#include "analyzer.h"
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>

static hs_analyzer *an;
static hs_doc *doc;

static void done(void)
{
    hs_doc_free(doc);
    hs_analyzer_free(an);
}

hs_doc *lf_run(const char *text)
{
    if (!an) {
        hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
        if (!getenv("HEARSAY_DATA"))
            o.data_dir = "data";
        if (hs_analyzer_new(&an, &o) || hs_doc_new(&doc))
            return NULL;
        atexit(done);
    }
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.date = "2026-11-30";
    return hs_analyze(doc, an, &art) ? NULL : doc;
}

static void label(hs_doc *d, const char *first, size_t n, int t)
{
    for (size_t i = 0; d && i + n <= d->toks.n; i++)
        if (HS_TOK_LEN(&d->toks.v[i]) == strlen(first) && !memcmp(HS_TOK_PTR(d, &d->toks.v[i]), first, strlen(first))) {
            hs_tag_set_span(d, i, i + n, t);
            return;
        }
}

int lf_relink(hs_doc *d, const lf_label *labels, size_t n)
{
    for (size_t k = 0; k < n; k++)
        label(d, labels[k].first, labels[k].n, labels[k].type);
    d->mentions.n = d->entities.n = 0;
    return hs_link_run(d, an);
}

static const hs_mention *find(const hs_doc *d, const char *s, int n)
{
    size_t len = strlen(s);
    for (size_t i = 0; d && i < d->mentions.n; i++) {
        const hs_mention *m = &d->mentions.v[i];
        if (HS_SPAN_LEN(m->span) == len && memcmp(HS_SPAN_PTR(d, m->span), s, len) == 0 && n-- == 0)
            return m;
    }
    return NULL;
}

int lf_ent(const hs_doc *d, const char *s, int n)
{
    const hs_mention *m = find(d, s, n);
    return m ? m->entity : -2;
}

int lf_kind(const hs_doc *d, const char *s, int n)
{
    const hs_mention *m = find(d, s, n);
    return m ? m->kind : -1;
}

int lf_named(const hs_doc *d, const char *s)
{
    for (size_t e = 0; d && e < d->entities.n; e++)
        if (!strcmp(d->entities.v[e].name, s))
            return (int)e;
    return -1;
}

int lf_rel(const hs_doc *d, const char *type, const char *a, const char *b, int *attr)
{
    int ea = lf_named(d, a), eb = lf_named(d, b);
    for (size_t i = 0; d && ea >= 0 && eb >= 0 && i < d->rels.n; i++) {
        const hs_rel *r = &d->rels.v[i];
        if (strcmp(hs_rel_type_names[r->type], type))
            continue;
        if ((r->subj == ea && r->obj == eb) || (r->subj == eb && r->obj == ea)) {
            if (attr)
                *attr = r->attribution;
            return r->status;
        }
    }
    return -1;
}
