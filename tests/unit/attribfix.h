/* Helpers for the attribution tests: analyse a text with the repository's
 * tables (a shared analyzer and document) and find attributions by the text
 * of their content. */
#ifndef HS_ATTRIBFIX_H
#define HS_ATTRIBFIX_H
#include "doc.h"

/* Analyse text (outlet "The Valley Herald"); NULL on failure. */
hs_doc *af_run(const char *text);
/* The attribution whose content contains `needle`, or NULL. */
const hs_attr *af_find(const hs_doc *d, const char *needle);
/* Is the text of span s exactly `want`? */
int af_span_is(const hs_doc *d, hs_span s, const char *want);
/* Expect an attribution holding `content_part` with this source, kind, cue and
 * via ("" none); failures name `file` and `line`.  Returns it, or NULL. */
const hs_attr *af_expect(const hs_doc *d, const char *content_part, const char *source, int kind,
                         const char *cue, const char *via, const char *file, int line);

#define CHECK_SPAN(d, s, want)                                                               \
    do {                                                                                     \
        if (!af_span_is((d), (s), (want)))                                                      \
            hs_test_fail(__FILE__, __LINE__, "span \"%.*s\", expected \"%s\"",               \
                         (int)HS_SPAN_LEN(s), HS_SPAN_PTR((d), (s)), (want));                \
    } while (0)
/* Expect an attribution holding `needle` whose content is exactly `want`. */
void af_content_is(const hs_doc *d, const char *needle, const char *want, const char *file, int line);
#define CONTENT_IS(d, needle, want) af_content_is((d), (needle), (want), __FILE__, __LINE__)
/* Expect an attribution holding `needle` whose source is exactly `want`. */
void af_source_is(const hs_doc *d, const char *needle, const char *want, const char *file, int line);
#define SOURCE_IS(d, needle, want) af_source_is((d), (needle), (want), __FILE__, __LINE__)
/* How many attributions have exactly this source text. */
int af_sources(const hs_doc *d, const char *source);
#define EXPECT(d, c, s, k, cue, via) af_expect((d), (c), (s), (k), (cue), (via), __FILE__, __LINE__)
#endif
