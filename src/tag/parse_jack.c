/* Jackknifed part-of-speech tags for training the parser.
 *
 * The parser's features use the tagger's PTB tags.  The shipped tagger was
 * trained on the same sentences as the parser, so on them it is nearly
 * always right, far more than on new text; a parser trained on those tags
 * learns to trust them too much.  Instead the training sentences are cut
 * into k contiguous blocks, a tagger is trained on all blocks but one (with
 * the shipped tagger's table size) and tags the block left out, so that every
 * training sentence gets tags from a tagger that never saw it (Collins 2002;
 * standard in parser training since).  The fold taggers are thrown away. */
#include "tag/parse.h"
#include "tag/pos.h"
#include "tag/tag.h"

#include <stdlib.h>
#include <string.h>

#define JACK_POS_EPOCHS 8 /* as `hearsay train pos` */

/* A corpus holding the sentences of c outside [skip_b, skip_e), sharing c's
 * text and tag names; free with view_free. */
static int view_make(hs_corpus *v, const hs_corpus *c, size_t skip_b, size_t skip_e)
{
    const hs_doc *d = c->d;
    memset(v, 0, sizeof *v);
    int rc = hs_doc_new(&v->d);
    if (rc)
        return rc;
    v->d->text = d->text;
    v->d->len = d->len;
    size_t ns = d->sents.n - (skip_e - skip_b), nt = 0;
    for (size_t si = 0; si < d->sents.n; si++)
        if (si < skip_b || si >= skip_e)
            nt += d->sents.v[si].tok_end - d->sents.v[si].tok_begin;
    if (HS_RESERVE(&v->d->sents, ns) || HS_RESERVE(&v->d->toks, nt) || HS_RESERVE(&v->upos, nt) ||
        HS_RESERVE(&v->xpos, nt))
        return HS_ENOMEM;
    for (size_t si = 0; si < d->sents.n; si++) {
        if (si >= skip_b && si < skip_e)
            continue;
        const hs_sent *s = &d->sents.v[si];
        hs_sent *to = &v->d->sents.v[v->d->sents.n];
        *to = *s;
        to->tok_begin = (uint32_t)v->d->toks.n;
        for (size_t i = s->tok_begin; i < s->tok_end; i++) {
            hs_tok *t = &v->d->toks.v[v->d->toks.n++];
            *t = d->toks.v[i];
            t->sent = (uint32_t)v->d->sents.n;
            v->upos.v[v->upos.n++] = c->upos.v[i];
            v->xpos.v[v->xpos.n++] = c->xpos.v[i];
        }
        to->tok_end = (uint32_t)v->d->toks.n;
        v->d->sents.n++;
    }
    memcpy(v->xpos_names, c->xpos_names, sizeof v->xpos_names);
    v->n_xpos = c->n_xpos;
    return 0;
}

static void view_free(hs_corpus *v)
{
    if (v->d) {
        v->d->text = NULL; /* c's */
        hs_doc_free(v->d);
    }
    HS_ARRAY_FREE(&v->upos);
    HS_ARRAY_FREE(&v->xpos);
}

int hs_parse_jackknife_tags(const hs_corpus *c, const struct hs_pos_model *pos, unsigned folds, uint64_t seed,
                            const hs_lex *lx, uint8_t *tag, FILE *log)
{
    hs_doc *d = c->d;
    int map[HS_CORPUS_MAX_NAMES]; /* corpus tag → the shipped tagger's index for it */
    for (size_t i = 0; i < c->n_xpos; i++) {
        map[i] = -1;
        for (size_t k = 0; k < pos->n_xpos; k++)
            if (strcmp(c->xpos_names[i], pos->xpos_names[k]) == 0)
                map[i] = (int)k;
        if (map[i] < 0)
            return hs_error_set(HS_EINPUT, "train parse: PTB tag '%s' is unknown to the POS model", c->xpos_names[i]);
    }
    hs_train_opts o = {pos->p.bits, JACK_POS_EPOCHS, seed, 0, 0, 0};
    int rc = 0;
    for (unsigned k = 0; !rc && k < folds; k++) {
        size_t b = d->sents.n * k / folds, e = d->sents.n * (k + 1) / folds;
        hs_corpus v;
        struct hs_pos_model *fold = NULL;
        rc = view_make(&v, c, b, e);
        if (!rc)
            rc = hs_pos_train(&v, &o, NULL, &fold);
        size_t right = 0, total = 0;
        for (size_t si = b; !rc && si < e; si++) {
            const hs_sent *s = &d->sents.v[si];
            hs_pos_tag_sentence(fold, d, lx, s->tok_begin, s->tok_end);
            for (size_t i = s->tok_begin; i < s->tok_end; i++) {
                int x = d->toks.v[i].xpos;
                right += x == c->xpos.v[i];
                total++;
                tag[i] = (uint8_t)(x < (int)c->n_xpos ? map[x] : 0);
            }
        }
        if (!rc && log)
            fprintf(log, "train parse: POS fold %u of %u: sentences %zu to %zu tagged, PTB accuracy %.4f\n", k + 1,
                    folds, b, e, total ? (double)right / (double)total : 0);
        hs_pos_model_free(fold);
        view_free(&v);
    }
    return rc;
}
