#include "model/mfile.h"
#include "hearsay.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define MAGIC "HSMODEL\x1a"
#define HDR 40
#define ENTRY 40
#define CONTAINER_VERSION 1

static uint32_t rd32(const uint8_t *p) { return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t rd64(const uint8_t *p) { return rd32(p) | (uint64_t)rd32(p + 4) << 32; }
static void wr32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static void wr64(uint8_t *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static int host_is_le(void)
{
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

static uint32_t crc(const uint8_t *p, size_t n)
{
    uLong c = crc32(0L, Z_NULL, 0);
    while (n > 0) {
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        c = crc32(c, p, k);
        p += k;
        n -= k;
    }
    return (uint32_t)c;
}

static int validate(hs_mfile *m, const char *kind, uint32_t kind_version)
{
    const uint8_t *b = m->buf;
    const char *w = m->path;
    if (!host_is_le())
        return hs_error_set(HS_EMODEL, "%s: model files are little-endian; this host is not", w);
    if (m->len < HDR || memcmp(b, MAGIC, 8) != 0)
        return hs_error_set(HS_EMODEL, "%s: not a hearsay model file (bad magic)", w);
    uint32_t ver = rd32(b + 8);
    if (ver != CONTAINER_VERSION)
        return hs_error_set(HS_EMODEL, "%s: model container version %u, this build reads %d", w, ver,
                            CONTAINER_VERSION);
    memcpy(m->kind, b + 12, 8);
    m->kind[8] = 0;
    if (kind && strcmp(m->kind, kind) != 0)
        return hs_error_set(HS_EMODEL, "%s: a '%s' model, expected '%s'", w, m->kind, kind);
    m->kind_version = rd32(b + 20);
    if (kind && m->kind_version != kind_version)
        return hs_error_set(HS_EMODEL, "%s: '%s' model version %u, this build reads version %u (retrain it)",
                            w, m->kind, m->kind_version, kind_version);
    m->n_sections = rd32(b + 24);
    if (m->n_sections > HS_MFILE_MAX_SECTIONS)
        return hs_error_set(HS_EMODEL, "%s: %u sections (at most %d)", w, m->n_sections, HS_MFILE_MAX_SECTIONS);
    uint64_t fsize = rd64(b + 28);
    if (fsize != m->len)
        return hs_error_set(HS_EMODEL, "%s: truncated or extended: %zu bytes, the header says %llu", w, m->len,
                            (unsigned long long)fsize);
    size_t table_end = HDR + (size_t)m->n_sections * ENTRY;
    if (table_end > m->len)
        return hs_error_set(HS_EMODEL, "%s: section table runs past the end of the file", w);
    uLong c = crc32(0L, Z_NULL, 0);
    c = crc32(c, b, 36);
    c = crc32(c, b + HDR, (uInt)(table_end - HDR));
    if ((uint32_t)c != rd32(b + 36))
        return hs_error_set(HS_EMODEL, "%s: header checksum mismatch (corrupt file)", w);
    for (uint32_t i = 0; i < m->n_sections; i++) {
        const uint8_t *e = b + HDR + (size_t)i * ENTRY;
        hs_mfile_section *s = &m->sections[i];
        memcpy(s->name, e, 16);
        s->name[16] = 0;
        uint64_t off = rd64(e + 16), size = rd64(e + 24);
        if (off < table_end || off > m->len || size > m->len - off || (off & 7))
            return hs_error_set(HS_EMODEL, "%s: section '%s' lies outside the file", w, s->name);
        if (crc(b + off, (size_t)size) != rd32(e + 32))
            return hs_error_set(HS_EMODEL, "%s: section '%s' checksum mismatch (corrupt file)", w, s->name);
        s->data = b + off;
        s->size = size;
    }
    return 0;
}

int hs_mfile_load_mem(hs_mfile *m, const void *data, size_t len, const char *what, const char *kind,
                      uint32_t kind_version)
{
    memset(m, 0, sizeof *m);
    snprintf(m->path, sizeof m->path, "%s", what);
    m->buf = malloc(len ? len : 1);
    if (!m->buf)
        return hs_error_set(HS_ENOMEM, "%s: out of memory", what);
    if (len)
        memcpy(m->buf, data, len);
    m->len = len;
    int rc = validate(m, kind, kind_version);
    if (rc)
        hs_mfile_free(m);
    return rc;
}

int hs_mfile_load(hs_mfile *m, const char *path, const char *kind, uint32_t kind_version)
{
    memset(m, 0, sizeof *m);
    snprintf(m->path, sizeof m->path, "%s", path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return hs_error_set(HS_EMODEL, "%s: cannot open model: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return hs_error_set(HS_EMODEL, "%s: cannot read model: not a regular file", path);
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        return hs_error_set(HS_EMODEL, "%s: cannot read model: %s", path, strerror(errno));
    }
    long sz = ftell(f);
    rewind(f);
    if (sz < 0) {
        fclose(f);
        return hs_error_set(HS_EMODEL, "%s: cannot read model (not a regular file?)", path);
    }
    m->buf = malloc((size_t)sz + 1);
    if (!m->buf) {
        fclose(f);
        return hs_error_set(HS_ENOMEM, "%s: out of memory", path);
    }
    m->len = fread(m->buf, 1, (size_t)sz, f);
    int err = ferror(f);
    fclose(f);
    if (err || m->len != (size_t)sz) {
        hs_mfile_free(m);
        return hs_error_set(HS_EMODEL, "%s: read error", path);
    }
    int rc = validate(m, kind, kind_version);
    if (rc)
        hs_mfile_free(m);
    return rc;
}

void hs_mfile_free(hs_mfile *m)
{
    free(m->buf);
    m->buf = NULL;
    m->len = 0;
    m->n_sections = 0;
}

int hs_mfile_get(const hs_mfile *m, const char *name, size_t elem, const void **data, size_t *count)
{
    for (uint32_t i = 0; i < m->n_sections; i++) {
        if (strcmp(m->sections[i].name, name) != 0)
            continue;
        if (elem == 0 || m->sections[i].size % elem)
            return hs_error_set(HS_EMODEL, "%s: section '%s' has %llu bytes, not a multiple of %zu", m->path,
                                name, (unsigned long long)m->sections[i].size, elem);
        *data = m->sections[i].data;
        *count = (size_t)(m->sections[i].size / elem);
        return 0;
    }
    return hs_error_set(HS_EMODEL, "%s: section '%s' missing", m->path, name);
}

void hs_mfile_writer_init(hs_mfile_writer *w, const char *kind, uint32_t kind_version)
{
    memset(w, 0, sizeof *w);
    snprintf(w->kind, sizeof w->kind, "%s", kind);
    w->kind_version = kind_version;
}

int hs_mfile_writer_add(hs_mfile_writer *w, const char *name, const void *data, size_t size)
{
    if (w->n >= HS_MFILE_MAX_SECTIONS)
        return hs_error_set(HS_EINVAL, "model writer: too many sections");
    if (strlen(name) > 16)
        return hs_error_set(HS_EINVAL, "model writer: section name '%s' longer than 16 bytes", name);
    void *copy = malloc(size ? size : 1);
    if (!copy)
        return hs_error_set(HS_ENOMEM, "out of memory");
    if (size)
        memcpy(copy, data, size);
    snprintf(w->s[w->n].name, sizeof w->s[w->n].name, "%s", name);
    w->s[w->n].data = copy;
    w->s[w->n].size = size;
    w->n++;
    return 0;
}

void hs_mfile_writer_free(hs_mfile_writer *w)
{
    for (uint32_t i = 0; i < w->n; i++)
        free(w->s[i].data);
    w->n = 0;
}

int hs_mfile_writer_save(hs_mfile_writer *w, const char *path)
{
    size_t table_end = HDR + (size_t)w->n * ENTRY;
    size_t total = (table_end + 7) & ~(size_t)7;
    uint64_t offs[HS_MFILE_MAX_SECTIONS];
    for (uint32_t i = 0; i < w->n; i++) {
        offs[i] = total;
        total += (size_t)w->s[i].size;
        total = (total + 7) & ~(size_t)7;
    }
    uint8_t *buf = calloc(1, total);
    if (!buf)
        return hs_error_set(HS_ENOMEM, "out of memory");
    memcpy(buf, MAGIC, 8);
    wr32(buf + 8, CONTAINER_VERSION);
    memcpy(buf + 12, w->kind, strlen(w->kind));
    wr32(buf + 20, w->kind_version);
    wr32(buf + 24, w->n);
    wr64(buf + 28, total);
    for (uint32_t i = 0; i < w->n; i++) {
        uint8_t *e = buf + HDR + (size_t)i * ENTRY;
        memcpy(e, w->s[i].name, strlen(w->s[i].name));
        wr64(e + 16, offs[i]);
        wr64(e + 24, w->s[i].size);
        if (w->s[i].size)
            memcpy(buf + offs[i], w->s[i].data, (size_t)w->s[i].size);
        wr32(e + 32, crc(buf + offs[i], (size_t)w->s[i].size));
    }
    uLong c = crc32(0L, Z_NULL, 0);
    c = crc32(c, buf, 36);
    c = crc32(c, buf + HDR, (uInt)(table_end - HDR));
    wr32(buf + 36, (uint32_t)c);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int rc = 0;
    if (!f) {
        rc = hs_error_set(HS_EIO, "%s: cannot write: %s", tmp, strerror(errno));
    } else {
        if (fwrite(buf, 1, total, f) != total || fflush(f) != 0 || fsync(fileno(f)) != 0)
            rc = hs_error_set(HS_EIO, "%s: write failed: %s", tmp, strerror(errno));
        if (fclose(f) != 0 && !rc)
            rc = hs_error_set(HS_EIO, "%s: write failed: %s", tmp, strerror(errno));
        if (!rc && rename(tmp, path) != 0)
            rc = hs_error_set(HS_EIO, "%s: cannot rename into place: %s", path, strerror(errno));
        if (rc)
            unlink(tmp);
    }
    free(buf);
    return rc;
}
