/* The analyzer and the pipeline: ingest → text → tag → link → attrib → relate. */
#include "analyzer.h"
#include "attrib/attrib.h"
#include "doc.h"
#include "link/link.h"
#include "relate/relate.h"
#include "tag/tag.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Directory of the running executable (Linux), or "" */
static void exe_dir(char *out, size_t n)
{
    out[0] = 0;
    ssize_t k = readlink("/proc/self/exe", out, n - 1);
    if (k <= 0)
        return;
    out[k] = 0;
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = 0;
}

char *hs_find_dir(const char *explicit_dir, const char *env, const char *probe)
{
    if (explicit_dir)
        return strdup(explicit_dir);
    const char *e = env ? getenv(env) : NULL;
    if (e && *e)
        return strdup(e);
    char exe[PATH_MAX];
    exe_dir(exe, sizeof exe);
    /* build/hearsay → ../PROBE; PREFIX/bin/hearsay → ../share/hearsay/PROBE */
    const char *rel[] = {"/../", "/../share/hearsay/", "/"};
    char path[PATH_MAX + 64];
    for (size_t i = 0; exe[0] && i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(path, sizeof path, "%s%s%s", exe, rel[i], probe);
        if (is_dir(path)) {
            char *r = realpath(path, NULL);
            return r ? r : strdup(path);
        }
    }
    if (is_dir(probe))
        return realpath(probe, NULL);
    return NULL;
}

int hs_analyzer_new(hs_analyzer **out, const hs_analyzer_options *opts)
{
    hs_analyzer_options def = HS_ANALYZER_OPTIONS_INIT;
    if (!out)
        return hs_error_set(HS_EINVAL, "hs_analyzer_new: NULL output");
    *out = NULL;
    if (opts && opts->version != HS_ANALYZER_OPTIONS_VERSION)
        return hs_error_set(HS_EINVAL, "hs_analyzer_options: version %u not supported (want %d)",
                            opts->version, HS_ANALYZER_OPTIONS_VERSION);
    hs_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return hs_error_set(HS_ENOMEM, "out of memory");
    a->opts = opts ? *opts : def;
    a->model_dir = hs_find_dir(a->opts.model_dir, "HEARSAY_MODELS", "models");
    a->data_dir = hs_find_dir(a->opts.data_dir, "HEARSAY_DATA", "data");
    a->opts.model_dir = a->model_dir;
    a->opts.data_dir = a->data_dir;
    int rc = hs_tag_load(a);
    if (!rc)
        rc = hs_link_tables_load(&a->link, a->data_dir);
    if (!rc)
        rc = hs_relate_tables_load(&a->relate, a->data_dir);
    if (rc) {
        hs_analyzer_free(a);
        return rc;
    }
    if (a->opts.layers & HS_LAYER_ATTRIB) {
        rc = hs_attrib_tables_load(&a->tables, a->data_dir);
        if (rc) {
            hs_analyzer_free(a);
            return rc;
        }
    }
    *out = a;
    return 0;
}

void hs_analyzer_free(hs_analyzer *a)
{
    if (!a)
        return;
    hs_tag_free(a);
    hs_tables_free(a->tables);
    free(a->model_dir);
    free(a->data_dir);
    hs_link_tables_free(a->link);
    hs_relate_tables_free(a->relate);
    free(a);
}

int hs_analyze(hs_doc *d, const hs_analyzer *a, const hs_article *art)
{
    if (!d || !a || !art)
        return hs_error_set(HS_EINVAL, "hs_analyze: NULL argument");
    hs_doc_clear(d);
    int rc = hs_doc_load_article(d, art, a->opts.lossy, a->opts.max_bytes, a->opts.title_apart);
    if (!rc)
        rc = hs_text_tokenize(d);
    if (!rc)
        rc = hs_text_split(d);
    if (!rc)
        rc = hs_text_quotes(d);
    if (!rc)
        rc = hs_tag_run(d, a);
    if (!rc)
        rc = hs_link_run(d, a);
    if (!rc)
        rc = (a->opts.layers & HS_LAYER_ATTRIB) ? hs_attrib_run(d, a) : 0;
    if (!rc && (a->opts.layers & HS_LAYER_RELATE))
        rc = hs_time_run(d, a);
    if (!rc)
        rc = hs_relate_run(d, a);
    return rc;
}
