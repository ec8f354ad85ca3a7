/* Word-hash maps: build, save, validate and load. */
#include "model/wordmap.h"
#include "hearsay.h"

#include <stdlib.h>
#include <string.h>

int hs_wordmap_init(hs_wordmap *m, size_t n)
{
    m->size = 16;
    while (m->size < 2 * n)
        m->size *= 2;
    m->v = calloc(m->size, sizeof *m->v);
    if (!m->v) {
        m->size = 0;
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    return 0;
}

void hs_wordmap_put(hs_wordmap *m, uint64_t key, uint32_t value)
{
    key = key ? key : 1;
    size_t mask = m->size - 1, i = (size_t)key & mask;
    while (m->v[i].key && m->v[i].key != key)
        i = (i + 1) & mask;
    m->v[i].key = key;
    m->v[i].value = value;
}

void hs_wordmap_free(hs_wordmap *m)
{
    free(m->v);
    m->v = NULL;
    m->size = 0;
}

int hs_wordmap_save(const hs_wordmap *m, hs_mfile_writer *w, const char *section)
{
    return hs_mfile_writer_add(w, section, m->v, m->size * sizeof *m->v);
}

int hs_wordmap_load(hs_wordmap *m, const hs_mfile *mf, const char *section, uint32_t max_value)
{
    const void *data;
    size_t n;
    memset(m, 0, sizeof *m);
    int rc = hs_mfile_get(mf, section, sizeof(hs_wordmap_entry), &data, &n);
    if (rc)
        return rc;
    if (n == 0)
        return 0;
    if (n & (n - 1))
        return hs_error_set(HS_EMODEL, "%s: section '%s' has %zu slots (not a power of two)", mf->path, section, n);
    const hs_wordmap_entry *v = data;
    size_t free_slots = 0;
    for (size_t i = 0; i < n; i++) {
        free_slots += v[i].key == 0;
        if (v[i].key && v[i].value >= max_value)
            return hs_error_set(HS_EMODEL, "%s: section '%s' slot %zu holds an impossible value %u", mf->path,
                                section, i, v[i].value);
    }
    if (!free_slots)
        return hs_error_set(HS_EMODEL, "%s: section '%s' has no free slot", mf->path, section);
    if (!(m->v = malloc(n * sizeof *m->v)))
        return hs_error_set(HS_ENOMEM, "out of memory");
    memcpy(m->v, data, n * sizeof *m->v);
    m->size = n;
    return 0;
}
