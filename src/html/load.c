/* Pages from files: the bytes of a file, gunzipped when it is gzip (zlib
 * reads plain files unchanged), then hs_page_new. */
#include "html/html.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int hs_html_read_gz(const char *path, hs_buf *b)
{
    gzFile f;
    if (strcmp(path, "-") == 0) {
        int fd = dup(0);
        f = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!f && fd >= 0)
            close(fd);
    } else {
        f = gzopen(path, "rb");
    }
    if (!f)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno ? errno : ENOMEM));
    hs_buf_clear(b);
    int rc = 0;
    for (;;) {
        if (hs_buf_reserve(b, 65536)) {
            rc = hs_error_set(HS_ENOMEM, "out of memory");
            break;
        }
        int n = gzread(f, b->data + b->len, 65536);
        if (n < 0) {
            int e;
            rc = hs_error_set(HS_EIO, "%s: read error: %s", path, gzerror(f, &e));
            break;
        }
        if (n == 0)
            break;
        b->len += (size_t)n;
        b->data[b->len] = 0;
    }
    gzclose(f);
    return rc;
}

int hs_page_load(hs_page **out, const char *path)
{
    *out = NULL;
    hs_buf b = HS_BUF_INIT;
    int rc = hs_html_read_gz(path, &b);
    if (!rc)
        rc = hs_page_new(out, b.data ? b.data : "", b.len, path);
    hs_buf_free(&b);
    return rc;
}
