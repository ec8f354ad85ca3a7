/* Fuzz target: the hearsay/1 reader and the store behind `hearsay load`
 * (every line of the input added to an in-memory store, then the ledger
 * queried for the first entity the input names). */
#include "hearsay.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static hs_store *store;
static unsigned runs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!store || ++runs % 2000 == 0) { /* a fresh store now and then keeps memory bounded */
        hs_store_close(store);
        if (hs_store_open(&store, ":memory:", HS_STORE_CREATE))
            abort();
    }
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    if (hs_store_begin(store))
        abort();
    for (char *p = buf, *nl; p < buf + size; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(buf + size - p));
        if (!nl)
            nl = buf + size;
        int added;
        int rc = hs_store_add_json(store, p, (size_t)(nl - p), "fuzz", &added);
        if (rc == HS_ESTORE || rc == HS_ENOMEM)
            abort(); /* the input alone must never break the store */
    }
    if (hs_store_commit(store))
        abort();
    const char *json;
    size_t len;
    const char *name = strstr(buf, "\"name\":\"");
    if (name) {
        char who[64];
        size_t n = strcspn(name + 8, "\"");
        if (n >= sizeof who)
            n = sizeof who - 1;
        memcpy(who, name + 8, n);
        who[n] = 0;
        hs_store_claims(store, who, NULL, 0, &json, &len);
        hs_store_who(store, who, &json, &len);
    }
    hs_store_search(store, "they", 5, &json, &len);
    free(buf);
    return 0;
}
