/* Parallel streaming: a reader's articles analysed on N threads, handed back
 * in input order on the calling thread.
 *
 * A ring of slots, each owning a copy of one article and one document (reused
 * from article to article, so memory is bounded by the number of slots, not
 * by the length of the stream).  The calling thread fills free slots from the
 * reader, workers analyse filled slots in order of arrival, and the calling
 * thread hands finished slots to the callback strictly in ring order. */
#include "analyzer.h"
#include "doc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SLOT_FREE = 0, SLOT_QUEUED, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
    int state;
    int rc;          /* reader or analysis status */
    int from_reader; /* rc came from the reader: no article */
    char *msg;       /* error message when rc != 0 */
    hs_article art;
    char *owned[7];  /* copies behind art's strings */
    hs_doc *doc;
} slot;

typedef struct stream {
    const hs_analyzer *an;
    slot *slots;
    size_t n_slots;
    size_t next_job;  /* ring position of the next slot to analyse */
    size_t queued;    /* slots queued and not yet taken */
    int quit;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} stream;

static void slot_reset(slot *s)
{
    for (size_t i = 0; i < sizeof s->owned / sizeof s->owned[0]; i++) {
        free(s->owned[i]);
        s->owned[i] = NULL;
    }
    free(s->msg);
    s->msg = NULL;
    memset(&s->art, 0, sizeof s->art);
    s->rc = 0;
    s->from_reader = 0;
}

static int copy_str(slot *s, int k, const char *src, size_t n, const char **dst)
{
    if (!src) {
        *dst = NULL;
        return 0;
    }
    s->owned[k] = malloc(n + 1);
    if (!s->owned[k])
        return hs_error_set(HS_ENOMEM, "out of memory");
    memcpy(s->owned[k], src, n);
    s->owned[k][n] = 0;
    *dst = s->owned[k];
    return 0;
}

static int slot_fill(slot *s, const hs_article *a)
{
    s->art = *a;
    const char *const src[6] = {a->id, a->date, a->outlet, a->title, a->url, a->origin};
    const char **dst[6] = {&s->art.id, &s->art.date, &s->art.outlet, &s->art.title, &s->art.url, &s->art.origin};
    for (int k = 0; k < 6; k++)
        if (copy_str(s, k, src[k], src[k] ? strlen(src[k]) : 0, dst[k]))
            return HS_ENOMEM;
    return copy_str(s, 6, a->text, a->text_len, &s->art.text);
}

static void *worker(void *arg)
{
    stream *st = arg;
    pthread_mutex_lock(&st->mu);
    for (;;) {
        while (!st->quit && st->queued == 0)
            pthread_cond_wait(&st->work, &st->mu);
        if (st->quit && st->queued == 0)
            break;
        slot *s = &st->slots[st->next_job];
        st->next_job = (st->next_job + 1) % st->n_slots;
        st->queued--;
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&st->mu);
        if (!s->from_reader) {
            int rc = hs_analyze(s->doc, st->an, &s->art);
            s->rc = rc;
            s->msg = rc ? strdup(hs_error_last()) : NULL;
        }
        pthread_mutex_lock(&st->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&st->done);
    }
    pthread_mutex_unlock(&st->mu);
    return NULL;
}

/* Hand slot s to the callback (calling thread); its result or 0. */
static int deliver(slot *s, hs_stream_fn fn, void *user)
{
    if (s->rc)
        hs_error_set(s->rc, "%s", s->msg ? s->msg : "analysis failed");
    return fn(user, s->from_reader ? NULL : &s->art, s->rc ? NULL : s->doc, s->rc);
}

/* One thread: no slots, no locks. */
static int run_serial(const hs_analyzer *a, hs_reader *r, hs_stream_fn fn, void *user)
{
    hs_doc *d;
    int rc = hs_doc_new(&d), stop = 0;
    if (rc)
        return rc;
    hs_article art;
    while (!stop && (rc = hs_reader_next(r, &art)) != HS_EOF) {
        if (rc) {
            stop = fn(user, NULL, NULL, rc);
            if (rc == HS_ENOMEM)
                break;
            continue;
        }
        rc = hs_analyze(d, a, &art);
        stop = fn(user, &art, rc ? NULL : d, rc);
    }
    hs_doc_free(d);
    return stop ? stop : (rc == HS_EOF ? 0 : rc);
}

unsigned hs_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

int hs_analyze_stream(const hs_analyzer *a, hs_reader *r, unsigned threads, hs_stream_fn fn, void *user)
{
    if (!a || !r || !fn)
        return hs_error_set(HS_EINVAL, "hs_analyze_stream: NULL argument");
    if (threads == 0)
        threads = hs_default_threads();
    if (threads == 1)
        return run_serial(a, r, fn, user);
    stream st;
    memset(&st, 0, sizeof st);
    st.an = a;
    st.n_slots = 4 * (size_t)threads;
    st.slots = calloc(st.n_slots, sizeof *st.slots);
    pthread_t *tids = calloc(threads, sizeof *tids);
    int rc = 0, stop = 0, eof = 0;
    unsigned started = 0;
    if (!st.slots || !tids) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < st.n_slots && !rc; i++)
        rc = hs_doc_new(&st.slots[i].doc);
    pthread_mutex_init(&st.mu, NULL);
    pthread_cond_init(&st.work, NULL);
    pthread_cond_init(&st.done, NULL);
    for (; !rc && started < threads; started++)
        if (pthread_create(&tids[started], NULL, worker, &st) != 0) {
            rc = hs_error_set(HS_ERROR, "cannot start a thread");
            break;
        }
    size_t head = 0, tail = 0, in_flight = 0; /* head: next to deliver; tail: next to fill */
    while (!rc && !stop && (!eof || in_flight)) {
        /* fill free slots from the reader */
        while (!eof && in_flight < st.n_slots) {
            slot *s = &st.slots[tail];
            slot_reset(s);
            hs_article art;
            int rrc = hs_reader_next(r, &art);
            if (rrc == HS_EOF) {
                eof = 1;
                break;
            }
            if (!rrc)
                rrc = slot_fill(s, &art);
            if (rrc) { /* an unreadable item keeps its place in the order */
                s->rc = rrc;
                s->from_reader = 1;
                s->msg = strdup(hs_error_last());
            }
            pthread_mutex_lock(&st.mu);
            s->state = SLOT_QUEUED;
            st.queued++;
            pthread_cond_signal(&st.work);
            pthread_mutex_unlock(&st.mu);
            tail = (tail + 1) % st.n_slots;
            in_flight++;
            if (rrc == HS_ENOMEM)
                eof = 1;
        }
        if (!in_flight)
            break;
        /* deliver the oldest when it is done */
        slot *s = &st.slots[head];
        pthread_mutex_lock(&st.mu);
        while (s->state != SLOT_DONE)
            pthread_cond_wait(&st.done, &st.mu);
        pthread_mutex_unlock(&st.mu);
        stop = deliver(s, fn, user);
        s->state = SLOT_FREE;
        head = (head + 1) % st.n_slots;
        in_flight--;
    }
    pthread_mutex_lock(&st.mu);
    st.quit = 1;
    st.queued = 0; /* a stop leaves queued slots behind: drop them so workers can leave */
    pthread_cond_broadcast(&st.work);
    pthread_mutex_unlock(&st.mu);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    pthread_mutex_destroy(&st.mu);
    pthread_cond_destroy(&st.work);
    pthread_cond_destroy(&st.done);
out:
    if (st.slots)
        for (size_t i = 0; i < st.n_slots; i++) {
            slot_reset(&st.slots[i]);
            hs_doc_free(st.slots[i].doc);
        }
    free(st.slots);
    free(tids);
    return rc ? rc : stop;
}
