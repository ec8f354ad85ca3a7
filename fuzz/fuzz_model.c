/* Fuzz target: the model-file loader must refuse anything malformed, never crash. */
#include "hearsay.h"
#include "model/mfile.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hs_mfile m;
    if (hs_mfile_load_mem(&m, data, size, "fuzz", "pos", 1) == 0) {
        for (uint32_t i = 0; i < m.n_sections; i++) {
            const void *p;
            size_t n;
            if (hs_mfile_get(&m, m.sections[i].name, 4, &p, &n) == 0 && n)
                (void)((const volatile uint8_t *)p)[n * 4 - 1];
        }
        hs_mfile_free(&m);
    }
    return 0;
}
