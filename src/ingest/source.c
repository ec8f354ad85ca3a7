/* Bytes of an input file or of standard input, gzip-compressed or not (told
 * by the magic bytes, not the name), handed on as soon as they arrive: a
 * JSONL line written into a pipe is read without waiting for more (zlib's
 * gzread fills its whole buffer first, which held a pipeline's articles back
 * until 128 KiB had come).  Concatenated gzip members are read in turn;
 * bytes after the last member that are not gzip are ignored, as gzip does. */
#include "hearsay.h"
#include "ingest/ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int hs_src_open(hs_src *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0)
        return hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno));
    return 0;
}

void hs_src_close(hs_src *s)
{
    if (s->fd >= 0)
        close(s->fd);
    if (s->zinit)
        inflateEnd(&s->zs);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

/* One read(2) into the input buffer after what it holds: 0, or -1 on error. */
static int fill(hs_src *s)
{
    if (s->in_eof)
        return 0;
    ssize_t n = read(s->fd, s->in + s->have, sizeof s->in - s->have);
    if (n < 0)
        return -1; /* EINTR included: a signal stops a waiting reader */
    if (n == 0)
        s->in_eof = 1;
    s->have += (size_t)n;
    return 0;
}

static long fail(const char *what, const char *msg)
{
    return hs_error_set(HS_EIO, "%s: read error: %s", what, msg);
}

/* The first bytes decide: gzip, or the bytes as they are. */
static long start(hs_src *s, const char *what)
{
    while (s->have < 2 && !s->in_eof)
        if (fill(s))
            return fail(what, strerror(errno));
    s->started = 1;
    if (s->have >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK)
            return hs_error_set(HS_ENOMEM, "%s: out of memory", what);
        s->zinit = 1;
        s->zs.next_in = s->in;
        s->zs.avail_in = (uInt)s->have;
    }
    return 0;
}

static long read_gz(hs_src *s, unsigned char *buf, size_t n, const char *what)
{
    for (;;) {
        if (s->zs.avail_in == 0 && !s->in_eof) {
            s->have = 0;
            if (fill(s))
                return fail(what, strerror(errno));
            s->zs.next_in = s->in;
            s->zs.avail_in = (uInt)s->have;
            continue;
        }
        if (s->member_end) { /* another gzip member, or the end */
            if (s->zs.avail_in < 2 && !s->in_eof) {
                memmove(s->in, s->zs.next_in, s->zs.avail_in);
                s->have = s->zs.avail_in;
                if (fill(s))
                    return fail(what, strerror(errno));
                s->zs.next_in = s->in;
                s->zs.avail_in = (uInt)s->have;
                continue;
            }
            if (s->zs.avail_in < 2 || s->zs.next_in[0] != 0x1f || s->zs.next_in[1] != 0x8b) {
                s->done = 1;
                return 0;
            }
            inflateReset(&s->zs);
            s->member_end = 0;
        }
        s->zs.next_out = buf;
        s->zs.avail_out = (uInt)(n > 1u << 30 ? 1u << 30 : n);
        uInt room = s->zs.avail_out;
        int rc = inflate(&s->zs, Z_NO_FLUSH);
        long got = (long)(room - s->zs.avail_out);
        if (rc == Z_STREAM_END)
            s->member_end = 1;
        else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT)
            return fail(what, s->zs.msg ? s->zs.msg : "invalid compressed data");
        else if (rc == Z_MEM_ERROR)
            return hs_error_set(HS_ENOMEM, "%s: out of memory", what);
        else if (got == 0 && s->zs.avail_in == 0 && s->in_eof)
            return fail(what, "unexpected end of file (truncated gzip data)");
        if (got > 0)
            return got;
    }
}

long hs_src_read(hs_src *s, void *buf, size_t n, const char *what)
{
    if (s->done || n == 0)
        return 0;
    if (!s->started) {
        long rc = start(s, what);
        if (rc)
            return rc;
    }
    if (s->zinit)
        return read_gz(s, buf, n, what);
    if (s->pos < s->have) { /* the bytes read to look for the magic */
        size_t k = s->have - s->pos < n ? s->have - s->pos : n;
        memcpy(buf, s->in + s->pos, k);
        s->pos += k;
        return (long)k;
    }
    if (s->in_eof)
        return 0;
    ssize_t k = read(s->fd, buf, n);
    if (k < 0)
        return fail(what, strerror(errno));
    if (k == 0)
        s->in_eof = 1;
    return (long)k;
}
