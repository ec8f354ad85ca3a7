/* Model files: one versioned, checksummed, little-endian container for every
 * model hearsay trains.
 *
 *   offset  size  field
 *   0       8     magic "HSMODEL\x1a"
 *   8       4     container version (1)
 *   12      8     kind, NUL-padded ("pos", "ner", "parse", …)
 *   20      4     kind version (the model's own format version)
 *   24      4     number of sections (at most 64)
 *   28      8     total file size
 *   36      4     CRC-32 of bytes [0, 36) and of the section table
 *   40      n*40  section table: name[16] (NUL-padded), u64 offset, u64 size,
 *                 u32 CRC-32 of the data, u32 zero
 *   …             section data, each starting on an 8-byte boundary
 *
 * The loader checks all of it and refuses anything that does not add up, with
 * a message naming the file and what is wrong.  Sections are read in place
 * (8-byte aligned), so arrays of u32/i32/f32/u64 can be used directly. */
#ifndef HS_MFILE_H
#define HS_MFILE_H
#include <stddef.h>
#include <stdint.h>

#define HS_MFILE_MAX_SECTIONS 64

typedef struct hs_mfile_section {
    char name[17];
    const uint8_t *data;
    uint64_t size;
} hs_mfile_section;

typedef struct hs_mfile {
    uint8_t *buf; /* the whole file */
    size_t len;
    char kind[9];
    uint32_t kind_version;
    uint32_t n_sections;
    hs_mfile_section sections[HS_MFILE_MAX_SECTIONS];
    char path[256];
} hs_mfile;

/* Load and validate `path`: its kind must be `kind` and its kind version
 * `kind_version`.  HS_EMODEL (with a message) on any problem. */
int hs_mfile_load(hs_mfile *m, const char *path, const char *kind, uint32_t kind_version);
/* The same from memory (the buffer is copied). */
int hs_mfile_load_mem(hs_mfile *m, const void *data, size_t len, const char *what, const char *kind,
                      uint32_t kind_version);
void hs_mfile_free(hs_mfile *m);

/* A section by name: 0, or HS_EMODEL when missing or when its size is not a
 * multiple of `elem` (pass 1 for bytes). */
int hs_mfile_get(const hs_mfile *m, const char *name, size_t elem, const void **data, size_t *count);

/* Writing: collect sections, then write the file atomically (tmp + rename). */
typedef struct hs_mfile_writer {
    char kind[9];
    uint32_t kind_version;
    uint32_t n;
    struct {
        char name[17];
        void *data; /* owned copy */
        uint64_t size;
    } s[HS_MFILE_MAX_SECTIONS];
} hs_mfile_writer;

void hs_mfile_writer_init(hs_mfile_writer *w, const char *kind, uint32_t kind_version);
int hs_mfile_writer_add(hs_mfile_writer *w, const char *name, const void *data, size_t size);
int hs_mfile_writer_save(hs_mfile_writer *w, const char *path);
void hs_mfile_writer_free(hs_mfile_writer *w);

#endif
