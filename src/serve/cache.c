/* A response cache for the store's read routes.
 *
 * The ledger changes only when articles are added, so a GET answer can be
 * reused until the store changes.  Each answer is kept with the store's
 * version when the query began: the size, modification time and inode of
 * the database file and of its write-ahead log (a commit by any process
 * changes the log), plus a counter the server bumps on every add it makes.
 * A lookup under another version misses, and the query runs again.  The
 * files are looked at once a millisecond at most, so another process's
 * write shows within a millisecond; the server's own writes show at once.
 *
 * The table has HS_CACHE_SHARDS shards, picked by the key's hash, each with
 * its own mutex and HS_CACHE_WAYS slots searched in full (a new answer takes
 * a free slot, else the least recently used); a shard over its byte budget
 * drops its least recently used answers.  Answers over HS_CACHE_MAX_ENTRY
 * bytes are not kept. */
#include "serve/serve.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define HS_CACHE_SHARDS 16
#define HS_CACHE_WAYS 64
#define HS_CACHE_MAX_ENTRY (512u << 10)
#define HS_CACHE_SHARD_BYTES (4u << 20)

typedef struct entry {
    uint64_t hash, version, used;
    char *key;
    char *body;
    size_t len;
} entry;

typedef struct shard {
    pthread_mutex_t mu;
    entry slot[HS_CACHE_WAYS];
    size_t bytes;
    uint64_t tick; /* a clock for "least recently used" */
} shard;

struct hs_cache {
    shard sh[HS_CACHE_SHARDS];
    char *db, *wal;               /* the files whose state is the version */
    pthread_mutex_t vmu;          /* guards the two below */
    struct timespec checked;      /* when the files were last looked at */
    uint64_t files;               /* their state then */
    atomic_uint_fast64_t writes;  /* bumped by hs_cache_bump */
    atomic_uint_fast64_t hits, misses;
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

int hs_cache_new(hs_cache **out, const char *db_path)
{
    hs_cache *c = calloc(1, sizeof *c);
    if (!c)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (int i = 0; i < HS_CACHE_SHARDS; i++)
        pthread_mutex_init(&c->sh[i].mu, NULL);
    pthread_mutex_init(&c->vmu, NULL);
    size_t n = strlen(db_path);
    c->db = strdup(db_path);
    c->wal = malloc(n + 5);
    if (!c->db || !c->wal) {
        hs_cache_free(c);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    memcpy(c->wal, db_path, n);
    memcpy(c->wal + n, "-wal", 5);
    *out = c;
    return 0;
}

static void drop(shard *s, entry *e)
{
    s->bytes -= e->len;
    free(e->key);
    free(e->body);
    memset(e, 0, sizeof *e);
}

void hs_cache_free(hs_cache *c)
{
    if (!c)
        return;
    for (int i = 0; i < HS_CACHE_SHARDS; i++) {
        for (int j = 0; j < HS_CACHE_WAYS; j++)
            if (c->sh[i].slot[j].key)
                drop(&c->sh[i], &c->sh[i].slot[j]);
        pthread_mutex_destroy(&c->sh[i].mu);
    }
    pthread_mutex_destroy(&c->vmu);
    free(c->db);
    free(c->wal);
    free(c);
}

static uint64_t file_state(uint64_t h, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fnv(h, "-", 1);
    uint64_t v[4] = {(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec,
                     (uint64_t)st.st_ino};
    return fnv(h, v, sizeof v);
}

/* The files are looked at (two stat calls) at most once per HS_CACHE_LOOK_NS:
 * a write by another process is seen within that time; the server's own
 * writes at once (the counter). */
#define HS_CACHE_LOOK_NS 1000000
uint64_t hs_cache_version(hs_cache *c)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&c->vmu);
    int64_t age = (int64_t)(now.tv_sec - c->checked.tv_sec) * 1000000000 + (now.tv_nsec - c->checked.tv_nsec);
    if (!c->checked.tv_sec || age < 0 || age >= HS_CACHE_LOOK_NS) {
        c->files = file_state(file_state(14695981039346656037ull, c->db), c->wal);
        c->checked = now;
    }
    uint64_t files = c->files;
    pthread_mutex_unlock(&c->vmu);
    uint64_t w = atomic_load(&c->writes);
    return fnv(files, &w, sizeof w);
}

void hs_cache_bump(hs_cache *c) { atomic_fetch_add(&c->writes, 1); }

int hs_cache_key(hs_buf *key, const hs_req *rq)
{
    hs_buf_clear(key);
    int rc = hs_buf_puts(key, rq->path);
    for (size_t i = 0; !rc && i < rq->n_args; i++) {
        rc = hs_buf_putc(key, '\1');
        rc = rc ? rc : hs_buf_puts(key, rq->args[i].k);
        rc = rc ? rc : hs_buf_putc(key, '\2');
        rc = rc ? rc : hs_buf_puts(key, rq->args[i].v);
    }
    return rc;
}

/* The slot holding `key` in shard s, or NULL. */
static entry *find(shard *s, uint64_t h, const char *key)
{
    for (int j = 0; j < HS_CACHE_WAYS; j++)
        if (s->slot[j].key && s->slot[j].hash == h && strcmp(s->slot[j].key, key) == 0)
            return &s->slot[j];
    return NULL;
}

/* Drop the least recently used answer of a shard. */
static void evict(shard *s)
{
    entry *v = NULL;
    for (int j = 0; j < HS_CACHE_WAYS; j++)
        if (s->slot[j].key && (!v || s->slot[j].used < v->used))
            v = &s->slot[j];
    if (v)
        drop(s, v);
}

/* A free slot, making one when the shard is full. */
static entry *free_slot(shard *s)
{
    for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < HS_CACHE_WAYS; j++)
            if (!s->slot[j].key)
                return &s->slot[j];
        evict(s);
    }
    return NULL;
}

int hs_cache_get(hs_cache *c, const char *key, uint64_t version, hs_buf *out)
{
    uint64_t h = fnv(14695981039346656037ull, key, strlen(key));
    shard *s = &c->sh[h % HS_CACHE_SHARDS];
    int hit = 0;
    pthread_mutex_lock(&s->mu);
    entry *e = find(s, h, key);
    if (e && e->version == version) {
        e->used = ++s->tick;
        hs_buf_clear(out);
        hit = hs_buf_put(out, e->body, e->len) == 0;
    }
    pthread_mutex_unlock(&s->mu);
    atomic_fetch_add(hit ? &c->hits : &c->misses, 1);
    return hit;
}

void hs_cache_put(hs_cache *c, const char *key, uint64_t version, const char *body, size_t len)
{
    if (len > HS_CACHE_MAX_ENTRY)
        return;
    char *k = strdup(key), *b = malloc(len ? len : 1);
    if (!k || !b) {
        free(k);
        free(b);
        return;
    }
    memcpy(b, body, len);
    uint64_t h = fnv(14695981039346656037ull, key, strlen(key));
    shard *s = &c->sh[h % HS_CACHE_SHARDS];
    pthread_mutex_lock(&s->mu);
    entry *e = find(s, h, key);
    if (e)
        drop(s, e);
    while (s->bytes + len > HS_CACHE_SHARD_BYTES && s->bytes)
        evict(s);
    e = free_slot(s);
    if (e) {
        *e = (entry){h, version, ++s->tick, k, b, len};
        s->bytes += len;
        k = b = NULL;
    }
    pthread_mutex_unlock(&s->mu);
    free(k);
    free(b);
}

void hs_cache_counts(hs_cache *c, uint64_t *hits, uint64_t *misses)
{
    *hits = c ? atomic_load(&c->hits) : 0;
    *misses = c ? atomic_load(&c->misses) : 0;
}
