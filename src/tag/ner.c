/* Named-entity recogniser: greedy left-to-right averaged perceptron over BIO
 * labels, decoding only valid sequences (I-X only after B-X or I-X).  The
 * shipped model averages the weights of a few perceptrons trained on
 * different shuffles of the data (hs_train_opts.members). */
#include "tag/clusters.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Feature templates (part of the model format: do not reorder). */
enum {
    N_BIAS = 1, N_WORD, N_LOWER, N_SHAPE, N_SSHAPE, N_PRE1, N_PRE2, N_PRE3, N_PRE4, N_SUF1, N_SUF2, N_SUF3,
    N_SUF4, N_PREV_LOWER, N_NEXT_LOWER, N_PREV2_LOWER, N_NEXT2_LOWER, N_PREV_WORD, N_NEXT_WORD,
    N_PREV_SSHAPE, N_NEXT_SSHAPE, N_SSHAPE3, N_PREV_LABEL, N_PREV2_LABEL, N_PREV_LABEL_SSHAPE,
    N_PREV_LABEL_LOWER, N_FIRST_SSHAPE, N_UPOS_PREV, N_UPOS, N_UPOS_NEXT, N_UPOS_SSHAPE, N_PREV_LOWER_LOWER,
    N_LOWER_NEXT_LOWER, N_SENT_UPPER_LOWER, N_UPOS3, N_PREV_LABEL_UPOS, N_CASE, N_CASE_PREV, N_CASE_NEXT,
    N_HIST, N_HIST_PREV_LABEL, N_MIDCAP,
    /* word classes (src/tag/clusters.h) and the gazetteer of training names */
    N_CLUST_64, N_CLUST_256, N_CLUST_1024, N_CLUST_PREV_256, N_CLUST_NEXT_256, N_CLUST_PREV_NEXT_64,
    N_GAZ, N_GAZ_PREV, N_GAZ_NEXT
};

#define BOS_LABEL 1000u
#define NO_UPOS 200u

int hs_ner_sent_upper(const hs_lex *lx, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (lx[i].flags & HS_LX_HAS_LOWER)
            return 0;
        letters += !(lx[i].flags & HS_LX_NO_LETTER);
    }
    return letters >= 2;
}

void hs_ner_allowed(int prev, const uint8_t *seen, uint8_t *allowed)
{
    for (int l = 0; l < HS_NER_LABELS; l++)
        allowed[l] = l == HS_NER_O || (seen[l] && (HS_NER_IS_B(l) || (prev > 0 && HS_NER_TYPE(prev) == HS_NER_TYPE(l))));
}

/* ---- prediction history ---- */

int hs_ner_hist_init(hs_ner_hist *h, hs_arena *a, size_t n)
{
    h->size = 64;
    while (h->size < 4 * n) /* two keys a word at most (types, capitals): half full at most */
        h->size *= 2;
    h->keys = hs_arena_calloc(a, h->size, sizeof *h->keys);
    h->types = hs_arena_calloc(a, h->size, 1);
    return h->keys && h->types ? 0 : HS_ENOMEM;
}

void hs_ner_hist_reset(hs_ner_hist *h)
{
    memset(h->keys, 0, h->size * sizeof *h->keys);
    memset(h->types, 0, h->size);
}

/* Slot of key (its own, or the free one where it would go); NULL when full. */
static size_t hist_slot(const hs_ner_hist *h, uint64_t key, int *found)
{
    size_t mask = h->size - 1, i = (size_t)key & mask;
    for (size_t k = 0; k < h->size; k++, i = (i + 1) & mask) {
        if (h->keys[i] == key || h->keys[i] == 0) {
            *found = h->keys[i] == key;
            return i;
        }
    }
    *found = 0;
    return h->size;
}

/* Keys of hs_ner_hist_mark_names, kept apart from those of the types. */
#define MIDCAP_SALT 0x6d69646361707321ULL

void hs_ner_hist_mark_names(hs_ner_hist *h, const hs_lex *lx, size_t b, size_t e)
{
    for (size_t i = b + 1; i < e; i++) {
        if ((lx[i].flags & (HS_LX_UPPER_INIT | HS_LX_HAS_LOWER)) != (HS_LX_UPPER_INIT | HS_LX_HAS_LOWER))
            continue;
        int found;
        uint64_t key = (lx[i].word ^ MIDCAP_SALT) | 1;
        size_t s = hist_slot(h, key, &found);
        if (s < h->size) {
            h->keys[s] = key;
            h->types[s] = 1;
        }
    }
}

/* Did hs_ner_hist_mark_names see the word at i written with a capital after
 * the first word of a sentence of this document? */
static unsigned capitalised_inside(const hs_ner_ctx *c, size_t i)
{
    int found;
    hist_slot(c->hist, (c->lx[i].word ^ MIDCAP_SALT) | 1, &found);
    return (unsigned)found;
}

static unsigned hist_get(const hs_ner_ctx *c, size_t i)
{
    if (!c->hist || !(c->lx[i].flags & HS_LX_UPPER_INIT))
        return 0;
    int found;
    size_t s = hist_slot(c->hist, c->lx[i].word | 1, &found);
    return found ? c->hist->types[s] : 0;
}

void hs_ner_hist_note(const hs_ner_ctx *c, size_t i, int l)
{
    if (!c->hist || !l || !(c->lx[i].flags & HS_LX_UPPER_INIT))
        return;
    int found;
    size_t s = hist_slot(c->hist, c->lx[i].word | 1, &found);
    if (s < c->hist->size) {
        c->hist->keys[s] = c->lx[i].word | 1;
        c->hist->types[s] = (uint8_t)(HS_NER_TYPE(l) + 1);
    }
}

static unsigned case_of(const hs_ner_ctx *c, const hs_lex *w)
{
    const hs_wordmap_entry *e = hs_wordmap_get(c->casemap, w->lower);
    return e ? e->value : HS_CASE_UNSEEN;
}

size_t hs_ner_features_static(const hs_ner_ctx *c, size_t i, uint64_t *f)
{
    const hs_lex *lx = c->lx;
    const size_t n = c->n;
    const int su = c->sent_upper;
    const hs_lex *w = &lx[i];
    const hs_lex *p1 = i >= 1 ? &lx[i - 1] : &hs_lex_bos, *p2 = i >= 2 ? &lx[i - 2] : &hs_lex_bos;
    const hs_lex *n1 = i + 1 < n ? &lx[i + 1] : &hs_lex_eos, *n2 = i + 2 < n ? &lx[i + 2] : &hs_lex_eos;
    const uint8_t *upos = c->upos;
    uint64_t u0 = upos ? upos[i] : NO_UPOS;
    uint64_t up = upos && i >= 1 ? upos[i - 1] : NO_UPOS, un = upos && i + 1 < n ? upos[i + 1] : NO_UPOS;
    /* in an all-capitals headline, case says nothing: use the lower-case form instead */
    uint64_t word = su ? w->lower : w->word;
    uint64_t cap = (w->flags & HS_LX_UPPER_INIT) ? 1 + (i == 0) : 0;
    size_t k = 0;
    f[k++] = hs_fh(N_BIAS, 0);
    f[k++] = hs_fh(N_WORD, word);
    f[k++] = hs_fh(N_LOWER, w->lower);
    f[k++] = hs_fh2(N_SHAPE, su, w->shape);
    f[k++] = hs_fh2(N_SSHAPE, su, w->sshape);
    for (int a = 0; a < HS_LEX_AFFIX; a++) {
        f[k++] = hs_fh(N_PRE1 + (uint32_t)a, w->pre[a]);
        f[k++] = hs_fh(N_SUF1 + (uint32_t)a, w->suf[a]);
    }
    f[k++] = hs_fh(N_PREV_LOWER, p1->lower);
    f[k++] = hs_fh(N_NEXT_LOWER, n1->lower);
    f[k++] = hs_fh(N_PREV2_LOWER, p2->lower);
    f[k++] = hs_fh(N_NEXT2_LOWER, n2->lower);
    f[k++] = hs_fh(N_PREV_WORD, su ? p1->lower : p1->word);
    f[k++] = hs_fh(N_NEXT_WORD, su ? n1->lower : n1->word);
    f[k++] = hs_fh(N_PREV_SSHAPE, p1->sshape);
    f[k++] = hs_fh(N_NEXT_SSHAPE, n1->sshape);
    f[k++] = hs_fh2(N_SSHAPE3, hs_fh2(0, p1->sshape, w->sshape), n1->sshape);
    f[k++] = hs_fh2(N_FIRST_SSHAPE, i == 0, w->sshape);
    f[k++] = hs_fh(N_UPOS_PREV, up);
    f[k++] = hs_fh(N_UPOS, u0);
    f[k++] = hs_fh(N_UPOS_NEXT, un);
    f[k++] = hs_fh2(N_UPOS_SSHAPE, u0, w->sshape);
    f[k++] = hs_fh2(N_UPOS3, up * 256 + u0, un);
    f[k++] = hs_fh2(N_PREV_LOWER_LOWER, p1->lower, w->lower);
    f[k++] = hs_fh2(N_LOWER_NEXT_LOWER, w->lower, n1->lower);
    f[k++] = hs_fh2(N_SENT_UPPER_LOWER, su, w->sshape);
    if (c->casemap) {
        f[k++] = hs_fh2(N_CASE, case_of(c, w), cap * 2 + (uint64_t)su);
        f[k++] = hs_fh(N_CASE_NEXT, i + 1 < n ? case_of(c, n1) : 9);
    }
    if (c->hist) {
        unsigned h = hist_get(c, i);
        f[k++] = hs_fh2(N_HIST, h, cap);
        if (cap) /* "Halpern founded …" in a text that also writes "Rina Halpern" */
            f[k++] = hs_fh2(N_MIDCAP, capitalised_inside(c, i) * 2 + (i == 0), (uint64_t)su);
    }
    if (c->clusters) {
        uint32_t cw = hs_clusters_get(c->clusters, w->lower);
        uint32_t cp = i >= 1 ? hs_clusters_get(c->clusters, p1->lower) : HS_CLUST_NONE;
        uint32_t cn = i + 1 < n ? hs_clusters_get(c->clusters, n1->lower) : HS_CLUST_NONE;
        f[k++] = hs_fh2(N_CLUST_64, cw == HS_CLUST_NONE ? 64 : HS_CLUST_C64(cw), cap);
        f[k++] = hs_fh(N_CLUST_256, cw == HS_CLUST_NONE ? 256 : HS_CLUST_C256(cw));
        f[k++] = hs_fh(N_CLUST_1024, cw == HS_CLUST_NONE ? 1024 : HS_CLUST_C1024(cw));
        f[k++] = hs_fh(N_CLUST_PREV_256, cp == HS_CLUST_NONE ? 256 : HS_CLUST_C256(cp));
        f[k++] = hs_fh(N_CLUST_NEXT_256, cn == HS_CLUST_NONE ? 256 : HS_CLUST_C256(cn));
        f[k++] = hs_fh2(N_CLUST_PREV_NEXT_64, cp == HS_CLUST_NONE ? 64 : HS_CLUST_C64(cp),
                        cn == HS_CLUST_NONE ? 64 : HS_CLUST_C64(cn));
    }
    if (c->gaz) {
        const hs_wordmap_entry *g = hs_wordmap_get(c->gaz, w->lower);
        const hs_wordmap_entry *gp = i >= 1 ? hs_wordmap_get(c->gaz, p1->lower) : NULL;
        const hs_wordmap_entry *gn = i + 1 < n ? hs_wordmap_get(c->gaz, n1->lower) : NULL;
        f[k++] = hs_fh2(N_GAZ, g ? g->value : HS_GAZ_MAX_VALUE, cap);
        f[k++] = hs_fh(N_GAZ_PREV, gp ? gp->value : HS_GAZ_MAX_VALUE);
        f[k++] = hs_fh(N_GAZ_NEXT, gn ? gn->value : HS_GAZ_MAX_VALUE);
    }
    return k;
}

void hs_ner_prev_vals(const hs_ner_ctx *c, size_t i, hs_ner_prev_ctx *v)
{
    v->sshape = c->lx[i].sshape;
    v->lower = c->lx[i].lower;
    v->upos = c->upos ? c->upos[i] : NO_UPOS;
    v->case_prev = !c->casemap ? -1 : i >= 1 ? (int)case_of(c, &c->lx[i - 1]) : 9;
    v->hist = c->hist ? (int)hist_get(c, i) : -1;
}

size_t hs_ner_features_prev_v(const hs_ner_prev_ctx *v, int prev, uint64_t *f)
{
    uint64_t l1 = prev < 0 ? BOS_LABEL : (uint64_t)prev;
    size_t k = 0;
    f[k++] = hs_fh(N_PREV_LABEL, l1);
    f[k++] = hs_fh2(N_PREV_LABEL_SSHAPE, l1, v->sshape);
    f[k++] = hs_fh2(N_PREV_LABEL_LOWER, l1, v->lower);
    f[k++] = hs_fh2(N_PREV_LABEL_UPOS, l1, v->upos);
    if (v->case_prev >= 0)
        f[k++] = hs_fh2(N_CASE_PREV, (uint64_t)v->case_prev, l1);
    if (v->hist >= 0)
        f[k++] = hs_fh2(N_HIST_PREV_LABEL, (uint64_t)v->hist, l1);
    return k;
}

size_t hs_ner_features_prev(const hs_ner_ctx *c, size_t i, int prev, uint64_t *f)
{
    hs_ner_prev_ctx v;
    hs_ner_prev_vals(c, i, &v);
    return hs_ner_features_prev_v(&v, prev, f);
}

uint64_t hs_ner_feature_pair(int prev, int prev2)
{
    uint64_t l1 = prev < 0 ? BOS_LABEL : (uint64_t)prev, l2 = prev2 < 0 ? BOS_LABEL : (uint64_t)prev2;
    return hs_fh2(N_PREV2_LABEL, l2, l1);
}

size_t hs_ner_features(const hs_ner_ctx *c, size_t i, int prev, int prev2, uint64_t *f)
{
    size_t k = hs_ner_features_static(c, i, f);
    k += hs_ner_features_prev(c, i, prev, f + k);
    f[k++] = hs_ner_feature_pair(prev, prev2);
    return k;
}

int hs_ner_surely_outside(const hs_wordmap *starts, const hs_ner_ctx *c, size_t i, int prev)
{
    return starts && prev <= 0 && !c->sent_upper && !(c->lx[i].flags & HS_LX_HAS_UPPER) &&
           !hs_wordmap_get(starts, c->lx[i].lower);
}

void hs_ner_tag_sentence(const struct hs_ner_model *m, hs_doc *d, const hs_lex *lx, const uint8_t *upos,
                         hs_ner_hist *hist, size_t b, size_t e)
{
    uint64_t f[HS_TAG_MAX_FEATS];
    int32_t s[HS_PERCEP_MAX_STRIDE];
    uint8_t allowed[HS_NER_LABELS];
    hs_ner_ctx c = {lx + b, upos ? upos + b : NULL, e - b, hs_ner_sent_upper(lx + b, e - b),
                    m->casemap.size ? &m->casemap : NULL, m->use_hist ? hist : NULL,
                    m->clusters.size ? &m->clusters : NULL, m->gaz.size ? &m->gaz : NULL};
    int prev = -1, prev2 = -1;
    const hs_wordmap *starts = m->use_starts ? &m->starts : NULL;
    if (m->beam) {
        uint8_t buf[2 * 8 * 128 + 128], *scratch = buf, *out;
        size_t need = (2 * (size_t)m->beam + 1) * (e - b);
        if (need > sizeof buf)
            scratch = hs_arena_alloc(&d->arena, need);
        if (scratch) {
            out = scratch + 2 * (size_t)m->beam * (e - b);
            hs_ner_beam_tag(m, &c, scratch, out);
            for (size_t i = b; i < e; i++) {
                d->toks.v[i].ner = out[i - b];
                hs_ner_hist_note(&c, i - b, out[i - b]);
            }
            return;
        } /* out of memory: greedy */
    }
    for (size_t i = b; i < e; i++) {
        int l = HS_NER_O;
        if (!hs_ner_surely_outside(starts, &c, i - b, prev)) {
            size_t nf = hs_ner_features(&c, i - b, prev, prev2, f);
            hs_percep_score(&m->p, f, nf, s);
            hs_ner_allowed(prev, m->seen, allowed);
            l = hs_argmax_i32(s, 0, HS_NER_LABELS, allowed);
        }
        d->toks.v[i].ner = (uint8_t)l;
        hs_ner_hist_note(&c, i - b, l);
        prev2 = prev;
        prev = l;
    }
}

/* ---- model files ---- */

int hs_ner_model_save(const struct hs_ner_model *m, const char *path)
{
    hs_mfile_writer w;
    hs_mfile_writer_init(&w, HS_NER_KIND, HS_NER_VERSION);
    int rc = hs_names_save(&w, "types", hs_etype_names, HS_ET_COUNT);
    uint32_t flags = (m->use_hist ? 1u : 0u) | (m->use_starts ? 2u : 0u) | (m->clusters.size ? 4u : 0u) |
                     (m->gaz.size ? 8u : 0u) | (uint32_t)m->beam << 8;
    if (!rc)
        rc = hs_mfile_writer_add(&w, "seen", m->seen, sizeof m->seen);
    if (!rc)
        rc = hs_mfile_writer_add(&w, "flags", &flags, sizeof flags);
    if (!rc)
        rc = hs_wordmap_save(&m->casemap, &w, "case");
    if (!rc)
        rc = hs_wordmap_save(&m->starts, &w, "starts");
    if (!rc && m->clusters.size)
        rc = hs_wordmap_save(&m->clusters, &w, "clusters");
    if (!rc && m->gaz.size)
        rc = hs_wordmap_save(&m->gaz, &w, "gazetteer");
    return hs_model_save_finish(&w, rc, &m->p, path);
}

static int ner_from_mfile(struct hs_ner_model **out, hs_mfile mf, const char *path);

int hs_ner_model_load(struct hs_ner_model **out, const char *path)
{
    hs_mfile mf;
    *out = NULL;
    int rc = hs_model_open(&mf, path, NULL, 0, HS_NER_KIND, HS_NER_VERSION);
    return rc ? rc : ner_from_mfile(out, mf, path);
}

int hs_ner_model_load_mem(struct hs_ner_model **out, const void *data, size_t len, const char *what)
{
    hs_mfile mf;
    *out = NULL;
    int rc = hs_model_open(&mf, what, data, len, HS_NER_KIND, HS_NER_VERSION);
    return rc ? rc : ner_from_mfile(out, mf, what);
}

/* Takes over mf (freed here). */
static int ner_from_mfile(struct hs_ner_model **out, hs_mfile mf, const char *path)
{
    int rc = 0;
    struct hs_ner_model *m = calloc(1, sizeof *m);
    const char **types = NULL;
    size_t nt = 0;
    if (!m)
        rc = hs_error_set(HS_ENOMEM, "out of memory");
    if (!rc)
        rc = hs_names_load(&mf, "types", &types, &nt, HS_ET_COUNT + 1);
    for (size_t i = 0; !rc && i < nt; i++)
        if (nt != HS_ET_COUNT || strcmp(types[i], hs_etype_names[i]) != 0)
            rc = hs_error_set(HS_EMODEL, "%s: entity types differ from this build's (retrain the model)", path);
    free((void *)types);
    if (!rc)
        rc = hs_percep_load(&m->p, &mf, "tag");
    const void *seen;
    size_t ns;
    if (!rc && !(rc = hs_mfile_get(&mf, "seen", 1, &seen, &ns))) {
        if (ns != HS_NER_LABELS)
            rc = hs_error_set(HS_EMODEL, "%s: section 'seen' has %zu bytes, expected %d", path, ns, HS_NER_LABELS);
        else
            memcpy(m->seen, seen, ns);
    }
    const void *fl;
    size_t nfl;
    uint32_t flags = 0;
    if (!rc && !(rc = hs_mfile_get(&mf, "flags", 4, &fl, &nfl))) {
        memcpy(&flags, fl, 4);
        if (nfl != 1 || (flags & ~0xff0fu) || (flags >> 8) > HS_NER_MAX_BEAM)
            rc = hs_error_set(HS_EMODEL, "%s: section 'flags' is not one known flag word", path);
        m->use_hist = flags & 1;
        m->use_starts = (flags >> 1) & 1;
        m->beam = (uint8_t)(flags >> 8);
    }
    if (!rc)
        rc = hs_wordmap_load(&m->casemap, &mf, "case", HS_CASE_COUNT);
    if (!rc)
        rc = hs_wordmap_load(&m->starts, &mf, "starts", 2);
    if (!rc && (flags & 4))
        rc = hs_wordmap_load(&m->clusters, &mf, "clusters", HS_CLUST_MAX_VALUE);
    if (!rc && (flags & 8))
        rc = hs_wordmap_load(&m->gaz, &mf, "gazetteer", HS_GAZ_MAX_VALUE);
    if (!rc && m->p.n_labels != HS_NER_LABELS)
        rc = hs_error_set(HS_EMODEL, "%s: %u labels in the weights, expected %d", path, m->p.n_labels,
                          HS_NER_LABELS);
    hs_mfile_free(&mf);
    if (rc) {
        hs_ner_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void hs_ner_model_free(struct hs_ner_model *m)
{
    if (!m)
        return;
    hs_percep_free(&m->p);
    hs_wordmap_free(&m->casemap);
    hs_wordmap_free(&m->starts);
    hs_wordmap_free(&m->clusters);
    hs_wordmap_free(&m->gaz);
    free(m);
}

/* ---- training ---- */

#define BLOCK 40 /* sentences per pseudo-document of a corpus without document starts */

/* The corpus's documents (HS_SF_DOC_START), or blocks of BLOCK sentences
 * where it marks none: block k is sentences [first[k], first[k + 1]).
 * *most receives the tokens of the longest.  Returns the count, 0 when out
 * of memory. */
static size_t train_blocks(const hs_doc *d, uint32_t **first, size_t *most)
{
    size_t n = 0, ns = d->sents.n;
    int docs = 0;
    for (size_t s = 1; s < ns; s++)
        docs |= (d->sents.v[s].flags & HS_SF_DOC_START) != 0;
    if (!(*first = malloc((ns + 1) * sizeof **first)))
        return 0;
    for (size_t s = 0; s < ns; s++)
        if (s == 0 || (docs ? (d->sents.v[s].flags & HS_SF_DOC_START) != 0 : s % BLOCK == 0))
            (*first)[n++] = (uint32_t)s;
    (*first)[n] = (uint32_t)ns;
    *most = 0;
    for (size_t k = 0; k < n; k++) {
        size_t t = d->sents.v[(*first)[k + 1] - 1].tok_end - d->sents.v[(*first)[k]].tok_begin;
        if (t > *most)
            *most = t;
    }
    return n;
}

/* Case statistics of the corpus: for each lower-case form seen at least
 * twice after the first token of a sentence, how often it was capitalised. */
static int build_casemap(hs_wordmap *map, const hs_corpus *c, const hs_lex *lx)
{
    hs_wordmap cnt; /* lower → (capitalised << 16) | total, saturating */
    int rc = hs_wordmap_init(&cnt, c->d->toks.n);
    if (rc)
        return rc;
    size_t words = 0;
    for (size_t i = 0; i < c->d->toks.n; i++) {
        if ((c->d->toks.v[i].flags & HS_TF_SENT_START) || (lx[i].flags & (HS_LX_NO_LETTER | HS_LX_ALL_UPPER)))
            continue;
        const hs_wordmap_entry *e = hs_wordmap_get(&cnt, lx[i].lower);
        uint32_t v = e ? e->value : 0, tot = v & 0xffff, up = v >> 16;
        if (tot == 0xffff)
            continue;
        words += !e;
        hs_wordmap_put(&cnt, lx[i].lower, (up + !!(lx[i].flags & HS_LX_UPPER_INIT)) << 16 | (tot + 1));
    }
    if (!(rc = hs_wordmap_init(map, words)))
        for (size_t i = 0; i < cnt.size; i++) {
            uint32_t v = cnt.v[i].value, tot = v & 0xffff, up = v >> 16;
            if (!cnt.v[i].key || tot < 2)
                continue;
            double r = (double)up / tot;
            uint32_t b = r >= 0.95 ? HS_CASE_ALWAYS : r >= 0.6 ? HS_CASE_MOSTLY : r > 0.4 ? HS_CASE_MIXED
                       : r > 0.05 ? HS_CASE_RARELY : HS_CASE_NEVER;
            hs_wordmap_put(map, cnt.v[i].key, b);
        }
    hs_wordmap_free(&cnt);
    return rc;
}

/* Lower-case forms of the words without a capital that begin an entity. */
static int build_starts(hs_wordmap *map, const hs_corpus *c, const hs_lex *lx)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && hs_wordmap_init(map, n))
            return HS_ENOMEM;
        for (size_t i = 0; i < c->d->toks.n; i++)
            if (HS_NER_IS_B(c->ner.v[i]) && !(lx[i].flags & HS_LX_HAS_UPPER)) {
                if (pass == 0)
                    n++;
                else
                    hs_wordmap_put(map, lx[i].lower, 1);
            }
    }
    return 0;
}

/* One perceptron's epochs over the training blocks (in an order shuffled
 * afresh each epoch from seed); the history starts afresh in each block. */
static void train_member(hs_percep_trainer *t, const hs_corpus *c, const struct hs_ner_model *m, const hs_lex *lx,
                         const uint8_t *upos, hs_ner_hist *hist, const uint32_t *first, uint32_t *order,
                         size_t nblocks, unsigned epochs, uint64_t seed, uint8_t *scratch, const hs_wordmap *gaz,
                         FILE *log)
{
    const hs_doc *d = c->d;
    uint64_t f[HS_TAG_MAX_FEATS];
    float s[HS_PERCEP_MAX_STRIDE];
    uint8_t allowed[HS_NER_LABELS];
    for (unsigned ep = 0; ep < epochs; ep++) {
        clock_t t0 = clock();
        hs_shuffle_u32(order, nblocks, &seed);
        size_t right = 0, total = 0;
        for (size_t bi = 0; bi < nblocks; bi++) {
            hs_ner_hist_reset(hist);
            size_t s0 = first[order[bi]], s1 = first[order[bi] + 1];
            for (size_t si = s0; si < s1; si++)
                hs_ner_hist_mark_names(hist, lx, d->sents.v[si].tok_begin, d->sents.v[si].tok_end);
            for (size_t si = s0; si < s1; si++) {
                size_t b = d->sents.v[si].tok_begin, e = d->sents.v[si].tok_end;
                /* each block sees the gazetteer of the other folds' names */
                hs_ner_ctx cx = {lx + b, upos ? upos + b : NULL, e - b, hs_ner_sent_upper(lx + b, e - b),
                                 m->casemap.size ? &m->casemap : NULL, m->use_hist ? hist : NULL,
                                 m->clusters.size ? &m->clusters : NULL,
                                 gaz ? &gaz[order[bi] % HS_GAZ_FOLDS] : NULL};
                if (m->beam) {
                    size_t len = hs_ner_beam_train(t, m, &cx, c->ner.v + b, scratch, scratch + 2 * m->beam * (e - b));
                    const uint8_t *out = scratch + 2 * m->beam * (e - b);
                    for (size_t i = b; i < b + len; i++) {
                        hs_ner_hist_note(&cx, i - b, out[i - b]);
                        right += out[i - b] == c->ner.v[i];
                    }
                    total += len;
                    continue;
                }
                int prev = -1, prev2 = -1;
                for (size_t i = b; i < e; i++) {
                    if (hs_ner_surely_outside(m->use_starts ? &m->starts : NULL, &cx, i - b, prev)) {
                        right += c->ner.v[i] == HS_NER_O;
                        total++;
                        prev2 = prev;
                        prev = HS_NER_O;
                        continue;
                    }
                    size_t nf = hs_ner_features(&cx, i - b, prev, prev2, f);
                    hs_percep_trainer_score(t, f, nf, s);
                    hs_ner_allowed(prev, m->seen, allowed);
                    int l = hs_argmax_f(s, 0, HS_NER_LABELS, allowed), g = c->ner.v[i];
                    if (l != g) {
                        hs_percep_trainer_update(t, f, nf, g, 1);
                        hs_percep_trainer_update(t, f, nf, l, -1);
                    }
                    hs_percep_trainer_tick(t);
                    hs_ner_hist_note(&cx, i - b, l);
                    right += l == g;
                    total++;
                    prev2 = prev;
                    prev = l;
                }
            }
        }
        if (log)
            fprintf(log, "train ner: epoch %u: label accuracy on training data %.4f (%.1f s)\n", ep + 1,
                    (double)right / (double)total, (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
}

/* Add a trained member's averaged weights, over n members, to *sum; after the
 * last, t holds their mean (ready for hs_percep_trainer_finish). */
static int add_member(hs_percep_trainer *t, float **sum, unsigned n, int last)
{
    size_t nw = ((size_t)1 << t->bits) * t->stride;
    if (!*sum && !(*sum = calloc(nw, sizeof **sum)))
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < nw; i++)
        (*sum)[i] += (float)((t->w[i] - t->acc[i] / (double)t->steps) / n);
    if (last) {
        memcpy(t->w, *sum, nw * sizeof **sum);
        memset(t->acc, 0, nw * sizeof *t->acc);
        t->steps = 1;
    }
    return 0;
}

int hs_ner_train(const hs_corpus *c, const struct hs_pos_model *pos, const hs_train_opts *o, FILE *log,
                 struct hs_ner_model **out)
{
    *out = NULL;
    hs_doc *d = c->d;
    hs_lex *lx;
    hs_percep_trainer t;
    hs_wordmap gaz[HS_GAZ_FOLDS] = {{0}};
    if (!c->has_ner || d->sents.n == 0)
        return hs_error_set(HS_EINPUT, "train ner: no sentences with entity labels in the training data");
    int rc = hs_lex_doc(d, &lx);
    if (rc)
        return rc;
    struct hs_ner_model *m = calloc(1, sizeof *m);
    uint8_t *upos = malloc(d->toks.n ? d->toks.n : 1);
    uint32_t *first = NULL;
    uint8_t *scratch = NULL;
    size_t most, nblocks = train_blocks(d, &first, &most);
    uint32_t *order = malloc((nblocks ? nblocks : 1) * sizeof *order);
    hs_ner_hist hist;
    if (!m || !upos || !order || !nblocks || hs_ner_hist_init(&hist, &d->arena, most)) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    m->use_hist = !o->no_hist;
    m->beam = (uint8_t)(o->beam > HS_NER_MAX_BEAM ? HS_NER_MAX_BEAM : o->beam);
    size_t longest = 1;
    for (size_t si = 0; si < d->sents.n; si++)
        if (d->sents.v[si].tok_end - d->sents.v[si].tok_begin > longest)
            longest = d->sents.v[si].tok_end - d->sents.v[si].tok_begin;
    if (!(scratch = malloc((2 * (size_t)HS_NER_MAX_BEAM + 1) * longest))) {
        rc = hs_error_set(HS_ENOMEM, "out of memory");
        goto done;
    }
    m->seen[HS_NER_O] = 1;
    for (size_t i = 0; i < d->toks.n; i++)
        m->seen[c->ner.v[i] < HS_NER_LABELS ? c->ner.v[i] : 0] = 1;
    if (!o->no_case && (rc = build_casemap(&m->casemap, c, lx)))
        goto done;
    m->use_starts = !o->no_skip;
    if ((rc = build_starts(&m->starts, c, lx)))
        goto done;
    if (pos) /* features use the tagger's UPOS, as at run time */
        for (size_t si = 0; si < d->sents.n; si++)
            hs_pos_tag_sentence(pos, d, lx, d->sents.v[si].tok_begin, d->sents.v[si].tok_end);
    for (size_t i = 0; i < d->toks.n; i++)
        upos[i] = d->toks.v[i].upos;
    if (o->clusters) { /* a copy, stored with the model */
        const hs_wordmap *cm = o->clusters;
        if (!(m->clusters.v = malloc(cm->size * sizeof *cm->v))) {
            rc = hs_error_set(HS_ENOMEM, "out of memory");
            goto done;
        }
        memcpy(m->clusters.v, cm->v, cm->size * sizeof *cm->v);
        m->clusters.size = cm->size;
    }
    if (o->gaz) {
        if ((rc = hs_ner_gaz_build(&m->gaz, d, c->ner.v, lx, first, nblocks, -1)))
            goto done;
        for (int f = 0; f < HS_GAZ_FOLDS; f++)
            if ((rc = hs_ner_gaz_build(&gaz[f], d, c->ner.v, lx, first, nblocks, f)))
                goto done;
    }
    unsigned members = o->members ? o->members : 1;
    float *sum = NULL;
    for (unsigned mem = 0; !rc && mem < members; mem++) {
        if ((rc = hs_percep_trainer_init(&t, o->bits, HS_NER_LABELS)))
            goto done;
        for (size_t i = 0; i < nblocks; i++)
            order[i] = (uint32_t)i;
        train_member(&t, c, m, lx, pos ? upos : NULL, &hist, first, order, nblocks, o->epochs,
                     o->seed + mem * 0x9E3779B97F4A7C15ULL, scratch, o->gaz ? gaz : NULL, log);
        if (members > 1)
            rc = add_member(&t, &sum, members, mem + 1 == members);
        if (!rc && mem + 1 < members)
            hs_percep_trainer_free(&t);
    }
    if (!rc)
        rc = hs_percep_trainer_finish(&t, &m->p);
    free(sum);
    hs_percep_trainer_free(&t);
done:
    for (int f = 0; f < HS_GAZ_FOLDS; f++)
        hs_wordmap_free(&gaz[f]);
    free(scratch);
    free(first);
    free(order);
    free(upos);
    if (rc) {
        hs_ner_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}
