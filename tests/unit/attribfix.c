/* Helpers for the attribution tests (see attribfix.h). */
#include "attribfix.h"

#include <string.h>

#include "analyzer.h"
#include "harness.h"

static hs_analyzer *an(void)
{
    static hs_analyzer *a;
    if (!a && hs_analyzer_new(&a, NULL))
        fprintf(stderr, "  analyzer: %s\n", hs_error_last());
    return a;
}

hs_doc *af_run(const char *text)
{
    static hs_doc *d;
    if (!d && hs_doc_new(&d))
        return NULL;
    hs_article art = {0};
    art.text = text;
    art.text_len = strlen(text);
    art.outlet = "The Valley Herald";
    if (!an() || hs_analyze(d, an(), &art)) {
        fprintf(stderr, "  analyze: %s\n", hs_error_last());
        return NULL;
    }
    return d;
}

/* The attribution whose content contains `needle`, or NULL. */
const hs_attr *af_find(const hs_doc *d, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; d && i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        const char *p = HS_SPAN_PTR(d, a->content);
        for (size_t k = 0; k + n <= HS_SPAN_LEN(a->content); k++)
            if (memcmp(p + k, needle, n) == 0)
                return a;
    }
    return NULL;
}

int af_span_is(const hs_doc *d, hs_span s, const char *want)
{
    return HS_SPAN_LEN(s) == strlen(want) && memcmp(HS_SPAN_PTR(d, s), want, strlen(want)) == 0;
}


/* expect an attribution holding `content_part` with this source, kind, cue and via ("" none) */
const hs_attr *af_expect(const hs_doc *d, const char *content_part, const char *source, int kind,
                             const char *cue, const char *via, const char *file, int line)
{
    const hs_attr *a = af_find(d, content_part);
    if (!a) {
        hs_test_fail(file, line, "no attribution holds \"%s\"", content_part);
        return NULL;
    }
    if (!af_span_is(d, a->source, source))
        hs_test_fail(file, line, "source \"%.*s\", expected \"%s\"", (int)HS_SPAN_LEN(a->source),
                     HS_SPAN_PTR(d, a->source), source);
    if (a->source_kind != kind)
        hs_test_fail(file, line, "source kind %s, expected %s", hs_source_kind_names[a->source_kind],
                     hs_source_kind_names[kind]);
    if (!af_span_is(d, a->cue, cue))
        hs_test_fail(file, line, "cue \"%.*s\", expected \"%s\"", (int)HS_SPAN_LEN(a->cue),
                     HS_SPAN_PTR(d, a->cue), cue);
    if (!af_span_is(d, a->via, via))
        hs_test_fail(file, line, "via \"%.*s\", expected \"%s\"", (int)HS_SPAN_LEN(a->via),
                     HS_SPAN_PTR(d, a->via), via);
    return a;
}

void af_content_is(const hs_doc *d, const char *needle, const char *want, const char *file, int line)
{
    const hs_attr *a = af_find(d, needle);
    if (!a)
        hs_test_fail(file, line, "no attribution holds \"%s\"", needle);
    else if (!af_span_is(d, a->content, want))
        hs_test_fail(file, line, "content \"%.*s\", expected \"%s\"", (int)HS_SPAN_LEN(a->content),
                     HS_SPAN_PTR(d, a->content), want);
}

void af_source_is(const hs_doc *d, const char *needle, const char *want, const char *file, int line)
{
    const hs_attr *a = af_find(d, needle);
    if (!a)
        hs_test_fail(file, line, "no attribution holds \"%s\"", needle);
    else if (!a->has_source || !af_span_is(d, a->source, want))
        hs_test_fail(file, line, "source \"%.*s\", expected \"%s\"", a->has_source ? (int)HS_SPAN_LEN(a->source) : 0,
                     a->has_source ? HS_SPAN_PTR(d, a->source) : "", want);
}

int af_sources(const hs_doc *d, const char *source)
{
    int n = 0;
    for (size_t i = 0; d && i < d->attrs.n; i++)
        n += d->attrs.v[i].has_source && af_span_is(d, d->attrs.v[i].source, source);
    return n;
}
