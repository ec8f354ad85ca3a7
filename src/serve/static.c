/* Static files of the web UI, served only from the web directory.
 *
 * Two locks against path traversal: the request path is checked segment by
 * segment (no "..", no "." or hidden segments, no backslashes, no empty
 * segments), and the file's real path (symbolic links resolved) must still lie
 * below the web directory's real path.  Only regular files are served. */
#include "analyzer.h"
#include "serve/serve.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
    const char *ext;
    const char *type;
} types[] = {
    {"html", "text/html; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"ico", "image/x-icon"},
    {"txt", "text/plain; charset=utf-8"},
    {"woff2", "font/woff2"},
};

const char *hs_static_type(const char *name)
{
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcasecmp(dot + 1, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

int hs_static_path(const char *path, char *out, size_t cap)
{
    if (!path || path[0] != '/' || cap < 16)
        return -1;
    const char *s = path + 1;
    size_t n = 0;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == 0 && e)
            return -1; /* "//" */
        if (len && s[0] == '.')
            return -1; /* ".", "..", ".git" */
        for (size_t i = 0; i < len; i++)
            if (s[i] == '\\' || (unsigned char)s[i] < 0x20 || s[i] == 0x7f)
                return -1;
        if (n + len + 2 > cap)
            return -1;
        memcpy(out + n, s, len);
        n += len;
        if (!e)
            break;
        out[n++] = '/';
        s = e + 1;
    }
    out[n] = 0;
    /* a directory path ("/", "/docs/") means its index */
    if (n == 0 || out[n - 1] == '/') {
        static const char idx[] = "index.html";
        if (n + sizeof idx > cap)
            return -1;
        memcpy(out + n, idx, sizeof idx);
    }
    return 0;
}

char *hs_find_web_dir(const char *explicit_dir) { return hs_find_dir(explicit_dir, "HEARSAY_WEB", "web"); }

int hs_static_serve(hs_req *rq, hs_resp *rs)
{
    const char *root = rq->srv ? rq->srv->web_dir : NULL;
    if (!root)
        return hs_resp_error(rs, 404, "no web directory: this server answers /api/ only");
    char rel[PATH_MAX];
    if (hs_static_path(rq->path, rel, sizeof rel))
        return hs_resp_error(rs, 404, "not found: %s", rq->path);
    char full[PATH_MAX * 2];
    snprintf(full, sizeof full, "%s/%s", root, rel);
    char *real = realpath(full, NULL);
    if (!real)
        return hs_resp_error(rs, 404, "not found: %s", rq->path);
    size_t rl = strlen(root);
    int inside = strncmp(real, root, rl) == 0 && real[rl] == '/';
    int fd = inside ? open(real, O_RDONLY | O_CLOEXEC) : -1;
    free(real);
    if (fd < 0)
        return hs_resp_error(rs, 404, "not found: %s", rq->path);
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        return hs_resp_error(rs, 404, "not found: %s", rq->path);
    }
    rs->fd = fd;
    rs->fd_size = (uint64_t)st.st_size;
    rs->status = 200;
    rs->ctype = hs_static_type(rel);
    rs->cache = 1;
    return 200;
}
