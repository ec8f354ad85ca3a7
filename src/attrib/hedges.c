/* Hedges: words and constructions that weaken a claim (reportedly, rumours,
 * may, denied), from the hedge table, and the hedged flag of attributions.
 *
 * A hedge's scope is its sentence: an attribution whose source, cue or
 * content shares a sentence with a hedge is hedged. */
#include "attrib/attrib.h"

int hs_attrib_hedges(hs_actx *x)
{
    hs_doc *d = x->d;
    for (uint32_t i = 0; i < d->toks.n;) {
        const hs_tok *t = &d->toks.v[i];
        hs_tb_entry e;
        uint32_t n = 0;
        /* "May" in the middle of a sentence is the month, "Claims" a name */
        if (t->kind == HS_TK_WORD && (!(t->flags & HS_TF_UPPER_INITIAL) || (t->flags & HS_TF_SENT_START)))
            n = hs_tables_match(x->t, x->first, d, i, hs_aw_sent_end(d, i), HS_TB_HEDGE, &e);
        if (!n) {
            i++;
            continue;
        }
        if (x->tagged && n == 1 && t->upos == HS_UPOS_PROPN && !(t->flags & HS_TF_SENT_START)) {
            /* a name ("Claims" the surname); a capitalised first word is often mis-tagged PROPN */
            i++;
            continue;
        }
        hs_hedge *h = HS_PUSH(&d->hedges);
        if (!h)
            return HS_ENOMEM;
        h->span = hs_tok_span(d, i, i + n);
        h->kind = e.hedge_kind;
        i += n;
    }
    return 0;
}

static uint32_t sent_at(const hs_doc *d, uint32_t byte, int end)
{
    size_t lo = 0, hi = d->sents.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents.v[mid].end <= byte - (end && byte > 0 ? 1 : 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)(lo < d->sents.n ? lo : d->sents.n - 1);
}

static void widen(const hs_span *s, uint32_t *lo, uint32_t *hi)
{
    if (s->end <= s->start)
        return;
    if (s->start < *lo)
        *lo = s->start;
    if (s->end > *hi)
        *hi = s->end;
}

void hs_attrib_hedged(hs_actx *x)
{
    hs_doc *d = x->d;
    if (!d->hedges.n || !d->sents.n)
        return;
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        uint32_t lo = UINT32_MAX, hi = 0;
        widen(&a->content, &lo, &hi);
        widen(&a->cue, &lo, &hi);
        /* an inherited source lies elsewhere: only the source of a local cue counts */
        if (a->cue.end > a->cue.start && a->source.start >= (lo > 400 ? lo - 400 : 0) && a->source.end <= hi + 400)
            widen(&a->source, &lo, &hi);
        if (hi <= lo)
            continue;
        uint32_t from = d->sents.v[sent_at(d, lo, 0)].start, to = d->sents.v[sent_at(d, hi, 1)].end;
        for (size_t k = 0; k < d->hedges.n; k++)
            if (d->hedges.v[k].span.start >= from && d->hedges.v[k].span.end <= to) {
                a->hedged = 1;
                break;
            }
    }
}
