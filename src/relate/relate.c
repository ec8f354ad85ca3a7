/* The relate stage: match the relation patterns on each sentence, one
 * relation per (type, subject, object) and sentence, each with the
 * attribution whose content holds it, a time (a timex of the time layer in
 * its evidence or sentence) and a status:
 *   denied     a denial cue (or a DENIAL hedge) in the sentence, or a negation
 *              between the relation's ends ("A is not dating B");
 *   confirmed  a confirmation cue, unless the claim comes from an anonymous source;
 *   rumored    a rumour cue or hedge, an EPISTEMIC/RUMOUR hedge of the attrib
 *              layer, a hedged attribution, an anonymous source, or a yes-no
 *              question ("Are A and B engaged?");
 *   reported   a reporting cue (reportedly, reports, according to, told) or a
 *              claim inside an attribution with a source or a quotation;
 *   asserted   otherwise. */
#include "analyzer.h"
#include "link/link.h"
#include "relate/relate.h"

#include <stdlib.h>
#include <string.h>

#define MAX_B 8

typedef struct {
    hs_doc *d;
    const hs_relate_tables *t;
    int32_t pair[2];     /* the last couple named "A and B" or related, or -1 */
    size_t pair_sent, pair_end; /* its sentence and the token after it */
    const hs_linkwords *lex;
    const char **fold;   /* folded word per token (arena), NULL for others */
    const char **cfold;  /* folded hyphenated compound starting at a token ("ex-husband"), or NULL */
    uint32_t *cend;      /* its end */
    uint64_t *fh, *cfh;  /* hashes of fold and cfold (0: none) */
    uint8_t *premod;     /* a capitalised word, title or nationality word (may precede a name) */
    int32_t *mention_at; /* mention starting at each token, or -1 */
    uint32_t *slot_a;    /* the sentence's tokens where slot A may start (a mention or a premodifier) */
} rctx;

typedef struct {
    int32_t a, b[MAX_B];
    size_t nb;
    uint32_t start, end; /* tokens */
} rmatch;

static int person_mention(const rctx *c, int32_t m)
{
    if (m < 0)
        return 0;
    int32_t e = c->d->mentions.v[m].entity;
    if (e < 0)
        return 0;
    uint8_t ty = c->d->entities.v[e].type;
    return ty == HS_ET_PERSON || ty == HS_ET_MISC;
}

/* A word that may stand in a gap between pattern parts (no person). */
static int gap_word(const rctx *c, size_t ti)
{
    const hs_tok *t = &c->d->toks.v[ti];
    return (t->kind == HS_TK_WORD || t->kind == HS_TK_NUMBER || t->kind == HS_TK_CLITIC) &&
           !person_mention(c, c->mention_at[ti]);
}

static int role_word(const rctx *c, size_t i)
{
    const hs_lw_entry *x = c->fold[i] ? hs_lw_get(c->lex, c->fold[i], strlen(c->fold[i])) : NULL;
    return x && (x->cls & HS_LW_ROLE);
}

/* The token after a role noun at i ("husband", the compound "co-star"), or 0. */
static size_t role_end(const rctx *c, size_t i)
{
    if (c->cfold[i]) {
        const hs_lw_entry *x = hs_lw_get(c->lex, c->cfold[i], strlen(c->cfold[i]));
        if (x && (x->cls & HS_LW_ROLE))
            return c->cend[i];
    }
    return role_word(c, i) ? i + 1 : 0;
}

static int name_mention_at(const rctx *c, size_t i)
{
    int32_t m = c->mention_at[i];
    return m >= 0 && c->d->mentions.v[m].kind == HS_MK_NAME && person_mention(c, m);
}

/* After the possessive determiner at ti, a role noun within three words,
 * maybe followed by its name: "her husband", "her estranged husband Arno
 * Keel", "her Harbour Lights co-star Tobias Wren".  The token after the role
 * noun, or 0 when none follows. */
static size_t possessed_role(const rctx *c, size_t ti, size_t end)
{
    for (size_t k = ti + 1; k < end && k <= ti + 3; k++) {
        size_t e = role_end(c, k);
        if (e && e <= end)
            return e;
        if (!c->fold[k] || !gap_word(c, k))
            return 0;
    }
    return 0;
}

/* Is the pronoun at ti a possessive determiner?  his and their always; her
 * when a role noun follows within three words ("her (estranged) husband"). */
static int possessive(const rctx *c, size_t ti, size_t end)
{
    const char *f = c->fold[ti];
    if (!strcmp(f, "his") || !strcmp(f, "their") || !strcmp(f, "its"))
        return 1;
    return !strcmp(f, "her") && possessed_role(c, ti, end);
}

/* Does a false title end at ti-1: before a name, up to three words that are
 * not names themselves, the last a common noun ("footballer Alex Moreno",
 * "veteran strategist Paul Okafor", "the producer Lior Benn")?  By the
 * tagger's nouns and adjectives, else by the role nouns of the link tables. */
static int false_title(const rctx *c, size_t from, size_t ti)
{
    const hs_tok *v = c->d->toks.v;
    if (ti == from || ti - from > 3 || !name_mention_at(c, ti))
        return 0;
    for (size_t k = from; k < ti; k++) {
        int noun = v[k].upos == HS_UPOS_NOUN || role_word(c, k) || (c->cend[k] == ti && role_end(c, k));
        int mod = noun || v[k].upos == HS_UPOS_ADJ || (k == from && c->fold[k] && !strcmp(c->fold[k], "the"));
        if (v[k].kind != HS_TK_WORD || (v[k].flags & HS_TF_UPPER_INITIAL) || c->mention_at[k] >= 0 || !mod)
            return 0;
        if (c->cend[k] == ti && role_end(c, k))
            return 1; /* "co-star Tobias Wren" */
        if (k + 1 == ti)
            return noun;
    }
    return 0;
}

/* A person mention at ti (after up to three title or nationality words, or a
 * false title before a name). */
static int slot_at(const rctx *c, size_t ti, size_t end, int object, int32_t *ent, size_t *next)
{
    size_t from = ti;
    for (size_t k = 0; k < 3 && ti < end && c->mention_at[ti] < 0; k++, ti++)
        if (!c->premod[ti])
            break; /* "Cuban President X", "Chilean Senator X" */
    if (ti < end && c->mention_at[ti] < 0) {
        size_t t2 = from;
        while (t2 < end && t2 < from + 4 && c->mention_at[t2] < 0)
            t2++;
        if (t2 >= end || !false_title(c, from, t2))
            return 0;
        ti = t2;
    }
    if (ti >= end || !person_mention(c, c->mention_at[ti]))
        return 0;
    const hs_mention *m = &c->d->mentions.v[c->mention_at[ti]];
    if (object && m->kind == HS_MK_PRONOUN && possessive(c, ti, end)) {
        /* "her husband Arno Keel": a possessive and a role noun before a name */
        size_t r = possessed_role(c, ti, end);
        if (r && r < end && name_mention_at(c, r))
            m = &c->d->mentions.v[c->mention_at[r]];
        else
            return 0; /* "dating her estranged husband": her is not the one dated (a
                         possessor may be a subject: "his split from X") */
    }
    *ent = m->entity;
    *next = m->tok_end;
    /* "Marchetti, 41, split from …": an age in apposition */
    size_t k = *next;
    if (k + 2 < end && c->fold[k] && c->fold[k + 2] && !strcmp(c->fold[k], ",") && !strcmp(c->fold[k + 2], ",") &&
        c->d->toks.v[k + 1].kind == HS_TK_NUMBER && HS_TOK_LEN(&c->d->toks.v[k + 1]) <= 3)
        *next = k + 3;
    return 1;
}

/* "they", "the two", "the couple", "the pair" at ti, standing for the couple
 * last named as "A and B" in this sentence or the two before it. */
static int pair_at(const rctx *c, size_t ti, size_t end, size_t *next)
{
    if (c->pair[0] < 0 || ti >= end || !c->fold[ti] || c->d->toks.v[ti].sent > c->pair_sent + 2 ||
        ti < c->pair_end)
        return 0;
    if (!strcmp(c->fold[ti], "they")) {
        *next = ti + 1;
        return 1;
    }
    if (!strcmp(c->fold[ti], "the") && ti + 1 < end && c->fold[ti + 1] && hs_alt_match("two|couple|pair|duo", c->fold[ti + 1])) {
        *next = ti + 2;
        return 1;
    }
    return 0;
}

static void set_pair(rctx *c, int32_t a, int32_t b, size_t si, size_t end_tok)
{
    if ((c->pair[0] == a && c->pair[1] == b) || (c->pair[0] == b && c->pair[1] == a)) {
        c->pair_sent = si; /* the same couple again: it stays available from where it was named */
        return;
    }
    c->pair[0] = a;
    c->pair[1] = b;
    c->pair_sent = si;
    c->pair_end = end_tok;
}

/* Remember the first "A and B" of two people in sentence si. */
static void note_pair(rctx *c, size_t si)
{
    const hs_sent *s = &c->d->sents.v[si];
    for (size_t ti = s->tok_begin; ti + 1 < s->tok_end; ti++) {
        int32_t a, b;
        size_t next, after;
        if (c->mention_at[ti] >= 0 && slot_at(c, ti, s->tok_end, 0, &a, &next) && next < s->tok_end && c->fold[next] &&
            !strcmp(c->fold[next], "and") && slot_at(c, next + 1, s->tok_end, 1, &b, &after) && a != b &&
            c->d->mentions.v[c->mention_at[ti]].kind == HS_MK_NAME) {
            set_pair(c, a, b, si, after);
            return;
        }
    }
}

static int match(const rctx *c, const hs_pattern *p, size_t ei, size_t ti, size_t end, rmatch *r)
{
    if (ei == p->n) {
        r->end = (uint32_t)ti;
        return 1;
    }
    const hs_pat_el *el = &p->el[ei];
    int32_t ent;
    size_t next;
    switch (el->kind) {
    case HS_PE_WORDS:
        if (ti < end && c->cfh[ti] && c->cend[ti] <= end && hs_el_has(c->t, el, c->cfh[ti]) &&
            match(c, p, ei + 1, c->cend[ti], end, r))
            return 1;
        if (ti < end && hs_el_has(c->t, el, c->fh[ti]) && match(c, p, ei + 1, ti + 1, end, r))
            return 1;
        return el->optional && match(c, p, ei + 1, ti, end, r);
    case HS_PE_GAP:
        for (size_t g = 0; g <= HS_PAT_GAP && ti + g <= end; g++) {
            if (g && !gap_word(c, ti + g - 1))
                break;
            if (match(c, p, ei + 1, ti + g, end, r))
                return 1;
        }
        return 0;
    case HS_PE_PAIR:
        if (!pair_at(c, ti, end, &next))
            return 0;
        r->a = c->pair[0];
        r->b[0] = c->pair[1];
        r->nb = 1;
        return match(c, p, ei + 1, next, end, r);
    case HS_PE_SLOT_A:
        if (!slot_at(c, ti, end, 0, &ent, &next))
            return 0;
        r->a = ent;
        return match(c, p, ei + 1, next, end, r);
    default:
        if (!slot_at(c, ti, end, 1, &ent, &next))
            return 0;
        r->b[0] = ent;
        r->nb = 1;
        while (el->kind == HS_PE_SLOT_BLIST && next < end && r->nb < MAX_B && c->fold[next] &&
               !strcmp(c->fold[next], ",")) {
            size_t k = next + 1;
            if (k < end && c->fold[k] && !strcmp(c->fold[k], "and"))
                k++;
            if (!slot_at(c, k, end, 1, &ent, &next))
                break;
            r->b[r->nb++] = ent;
        }
        if (el->kind == HS_PE_SLOT_BLIST && next + 1 < end && c->fold[next] && !strcmp(c->fold[next], "and") &&
            r->nb < MAX_B && slot_at(c, next + 1, end, 1, &ent, &next))
            r->b[r->nb++] = ent;
        return match(c, p, ei + 1, next, end, r);
    }
}

/* Does cue pattern p occur in tokens [b, e) where it governs a relation
 * ending at token `rel_end`: before or inside it, or in a reporting clause that
 * closes the sentence (", a source said."), with no clause break (but, while,
 * ;) between?  "X, the son of Y, confirmed he is
 * dating Z": "confirmed" governs the dating, not the apposition. */
static int clause_break(const rctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (c->fold[k] && hs_alt_match(";|but|while|whereas|although|though", c->fold[k]))
            return 1;
    return 0;
}

static int cue_in(const rctx *c, const hs_pattern *p, size_t b, size_t e, size_t rel_start, size_t rel_end)
{
    rmatch r;
    for (size_t i = b; i < e; i++) {
        const hs_tok *t = &c->d->toks.v[i];
        if ((t->flags & HS_TF_UPPER_INITIAL) && !(t->flags & HS_TF_SENT_START) && i > b)
            continue; /* "in May" is a month, not a modal */
        if (!hs_el_has(c->t, &p->el[0], c->fh[i]) || !match(c, p, 0, i, e, &r))
            continue;
        if (i < rel_start && clause_break(c, r.end, rel_start))
            continue; /* "X denied …, but a source said the pair were seen …" */
        if (i < rel_end || (r.end + 4 >= e && !clause_break(c, rel_end, i)))
            return 1;
    }
    return 0;
}

/* The innermost attribution whose content holds span s, or -1. */
static int32_t attribution_of(const hs_doc *d, hs_span s)
{
    int32_t best = HS_NONE;
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_span k = d->attrs.v[i].content;
        if (k.start <= s.start && s.end <= k.end &&
            (best < 0 || HS_SPAN_LEN(k) < HS_SPAN_LEN(d->attrs.v[best].content)))
            best = (int32_t)i;
    }
    return best;
}

/* Does sentence s ask a yes-no question ("Is Kara Voss dating Milo Brandt?",
 * "Kara Voss And Milo Brandt Engaged?")?  It raises the claim without making
 * it.  A wh-question ("Why did Kara marry Milo?") takes its claim for granted. */
static int yes_no_question(const hs_doc *d, const hs_sent *s)
{
    size_t e = s->tok_end, b = s->tok_begin;
    while (e > b && (d->toks.v[e - 1].flags & HS_TF_QUOTE_CLOSE))
        e--;
    while (b < e && d->toks.v[b].kind == HS_TK_PUNCT)
        b++;
    if (e <= b + 1 || !hs_link_tok_is(d, e - 1, "?"))
        return 0;
    return !hs_link_tok_is(d, b, "what|why|how|when|where|who|whom|whose|which");
}

static void set_status(const rctx *c, hs_rel *r, const hs_sent *s, const rmatch *m, const hs_pattern *rp)
{
    const hs_doc *d = c->d;
    unsigned cues = 0;
    /* "A, the stepson of B": an apposition is taken for granted by its sentence;
     * hedges and denials of the sentence do not reach into it (only its source does) */
    int appositive = rp->n > 1 && rp->el[1].kind == HS_PE_WORDS && hs_alt_match(rp->el[1].alts, ",");
    for (size_t i = 0; !appositive && i < c->t->n; i++) {
        const hs_pattern *p = &c->t->pats[i];
        if (p->is_status && !(cues & (1u << p->type)) &&
            cue_in(c, p, p->span_scope ? m->start : s->tok_begin, p->span_scope ? m->end : s->tok_end, m->start, m->end))
            cues |= 1u << p->type;
    }
    for (size_t i = 0; !appositive && i < d->hedges.n; i++) {
        const hs_hedge *h = &d->hedges.v[i];
        if (h->span.start < s->start || h->span.end > s->end)
            continue;
        size_t ht = m->start; /* first token after the hedge */
        while (ht > s->tok_begin && d->toks.v[ht - 1].start >= h->span.end)
            ht--;
        if (h->span.end <= d->toks.v[m->start].start && clause_break(c, ht, m->start))
            continue; /* "X denied …, but a source said the pair were seen": not this clause */
        cues |= 1u << (h->kind == HS_HK_DENIAL ? HS_ST_DENIED
                       : h->kind == HS_HK_REPORTIVE ? HS_ST_REPORTED : HS_ST_RUMORED);
    }
    if (!appositive && yes_no_question(d, s))
        cues |= 1u << HS_ST_RUMORED;
    int hedged = (cues & ((1u << HS_ST_RUMORED) | (1u << HS_ST_REPORTED))) != 0;
    int anonymous = 0;
    r->attribution = attribution_of(d, r->evidence);
    if (r->attribution >= 0) {
        const hs_attr *at = &d->attrs.v[r->attribution];
        anonymous = at->has_source && at->source_kind == HS_SK_ANONYMOUS;
        if (at->hedged || anonymous)
            cues |= 1u << HS_ST_RUMORED;
        else
            cues |= 1u << HS_ST_REPORTED;
        hedged |= at->hedged;
    }
    if (cues & (1u << HS_ST_DENIED))
        r->status = HS_ST_DENIED;
    else if ((cues & (1u << HS_ST_CONFIRMED)) && !anonymous)
        r->status = HS_ST_CONFIRMED;
    else if (cues & (1u << HS_ST_RUMORED))
        r->status = HS_ST_RUMORED;
    else if (cues & (1u << HS_ST_REPORTED))
        r->status = HS_ST_REPORTED;
    else
        r->status = HS_ST_ASSERTED;
    r->hedged = (uint8_t)hedged;
}

static int seen(const hs_doc *d, size_t from, uint8_t type, int32_t a, int32_t b)
{
    for (size_t i = from; i < d->rels.n; i++) {
        const hs_rel *r = &d->rels.v[i];
        if (r->type == type && ((r->subj == a && r->obj == b) || (r->subj == b && r->obj == a)))
            return 1;
    }
    return 0;
}

static int dated(const hs_timex *t)
{
    return t->value && t->kind == 0;
}

/* The time of a relation: a timex inside its evidence, else one in its
 * sentence ("late 2024 reports linked A to B").  Family ties are not dated. */
static int32_t relation_time(const hs_doc *d, uint8_t type, hs_span ev, const hs_sent *s)
{
    if (type == HS_RT_FAMILY)
        return HS_NONE;
    int32_t t = hs_time_at(d, ev.start, ev.end);
    if (t < 0 || !dated(&d->timexes.v[t]))
        t = HS_NONE;
    for (size_t i = 0; t < 0 && i < d->timexes.n; i++) /* durations ("five years") date nothing */
        if (d->timexes.v[i].span.start >= s->start && d->timexes.v[i].span.end <= s->end && dated(&d->timexes.v[i]))
            t = (int32_t)i;
    return t;
}

static void or_trigger(const hs_relate_tables *t, uint64_t h, uint64_t mask[4])
{
    if (!h)
        return;
    for (size_t s = (size_t)h & (t->tcap - 1); t->tkeys[s]; s = (s + 1) & (t->tcap - 1))
        if (t->tkeys[s] == h) {
            for (int k = 0; k < 4; k++)
                mask[k] |= t->tmask[s][k];
            return;
        }
}

/* The relation patterns whose trigger word occurs in the sentence (bits). */
static void triggers_of(const rctx *c, const hs_sent *s, uint64_t mask[4])
{
    memset(mask, 0, 4 * sizeof *mask);
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        or_trigger(c->t, c->fh[i], mask);
        or_trigger(c->t, c->cfh[i], mask);
    }
}

/* May pattern pi match in a sentence with trigger bits `mask`? */
static int trigger_in(const hs_pattern *p, size_t pi, const uint64_t mask[4])
{
    if (pi >= 256)
        return 1;
    for (size_t k = 0; k < p->n; k++)
        if (p->el[k].kind == HS_PE_WORDS && !p->el[k].optional)
            return (mask[pi / 64] >> (pi % 64)) & 1;
    return 1; /* no required word: always try */
}

static int sentence(rctx *c, size_t si)
{
    hs_doc *d = c->d;
    const hs_sent *s = &d->sents.v[si];
    size_t from = d->rels.n;
    uint64_t mask[4];
    triggers_of(c, s, mask);
    size_t n_a = 0; /* most patterns begin with slot A: its few possible starts, once */
    for (size_t ti = s->tok_begin; ti < s->tok_end; ti++)
        if (c->mention_at[ti] >= 0 || c->premod[ti])
            c->slot_a[n_a++] = (uint32_t)ti;
    for (size_t oi = 0; oi < c->t->n_order; oi++) { /* patterns with a couple (P) last */
        size_t pi = c->t->order[oi];
        const hs_pattern *p = &c->t->pats[pi];
        if (!trigger_in(p, pi, mask))
            continue;
        int from_a = p->el[0].kind == HS_PE_SLOT_A;
        size_t n_at = from_a ? n_a : s->tok_end - s->tok_begin;
        for (size_t x = 0; x < n_at; x++) {
            size_t ti = from_a ? c->slot_a[x] : s->tok_begin + x;
            if (p->el[0].kind == HS_PE_WORDS && !p->el[0].optional && !hs_el_has(c->t, &p->el[0], c->fh[ti]) &&
                !hs_el_has(c->t, &p->el[0], c->cfh[ti]))
                continue;
            rmatch m; /* cleared only where the pattern may start */
            memset(&m, 0, sizeof m);
            m.start = (uint32_t)ti;
            if (!match(c, p, 0, ti, s->tok_end, &m))
                continue;
            for (size_t k = 0; k < m.nb; k++) {
                if (m.a == m.b[k] || seen(d, from, p->type, m.a, m.b[k]))
                    continue;
                hs_rel *r = HS_PUSH(&d->rels);
                if (!r)
                    return HS_ENOMEM;
                r->type = p->type;
                r->subj = m.a;
                r->obj = m.b[k];
                r->evidence.start = d->toks.v[m.start].start;
                r->evidence.end = d->toks.v[m.end - 1].end;
                r->time = relation_time(d, p->type, r->evidence, s);
                set_status(c, r, s, &m, p);
                if (p->type == HS_RT_ROMANCE || p->type == HS_RT_SPOUSE)
                    set_pair(c, m.a, m.b[k], si, m.end); /* "… the pair were seen" */
            }
        }
    }
    return 0;
}

int hs_relate_run(hs_doc *d, const hs_analyzer *a)
{
    if (!d || !a)
        return hs_error_set(HS_EINVAL, "hs_relate_run: NULL argument");
    if (!(a->opts.layers & HS_LAYER_RELATE) || !a->relate || !a->relate->n || !d->entities.n)
        return 0;
    static const hs_linkwords empty;
    rctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.t = a->relate;
    c.pair[0] = c.pair[1] = HS_NONE;
    c.lex = a->link ? a->link : &empty;
    size_t n = d->toks.n;
    c.fold = hs_arena_calloc(&d->arena, n, sizeof *c.fold);
    c.cfold = hs_arena_calloc(&d->arena, n, sizeof *c.cfold);
    c.cend = hs_arena_calloc(&d->arena, n, sizeof *c.cend);
    c.fh = hs_arena_calloc(&d->arena, n, sizeof *c.fh);
    c.cfh = hs_arena_calloc(&d->arena, n, sizeof *c.cfh);
    c.premod = hs_arena_calloc(&d->arena, n, 1);
    c.slot_a = hs_arena_alloc(&d->arena, n * sizeof *c.slot_a);
    c.mention_at = malloc(n * sizeof *c.mention_at);
    if (!c.fold || !c.cfold || !c.cend || !c.fh || !c.cfh || !c.premod || !c.slot_a || !c.mention_at) {
        free(c.mention_at);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    char buf[256];
    /* the link layer folded every word once (a compound's first token holding
     * the compound): reused where it is the fold wanted here */
    const hs_link_tok *lt = d->link_toks;
    for (size_t i = 0; i < n; i++) {
        const hs_tok *t = &d->toks.v[i];
        c.mention_at[i] = HS_NONE;
        if (t->kind != HS_TK_WORD && t->kind != HS_TK_NUMBER && t->kind != HS_TK_CLITIC && t->kind != HS_TK_PUNCT)
            continue;
        const char *f = NULL;
        size_t k = (size_t)-1;
        int have_cls = 0; /* lt[i].cls is what hs_lw_get gives for f */
        if (lt && lt[i].cend == i + 1) { /* the token alone */
            f = lt[i].fold;
            k = f ? lt[i].flen : (size_t)-1;
            have_cls = f && k && f[k - 1] != '.'; /* the link layer looks up "Dr." as "Dr" too */
        } else if ((k = hs_fold(HS_TOK_PTR(d, t), HS_TOK_LEN(t), buf, sizeof buf)) != (size_t)-1 &&
                   !(f = hs_arena_strndup(&d->arena, buf, k))) {
            free(c.mention_at);
            return HS_ENOMEM;
        }
        c.fold[i] = f;
        if (f) {
            c.fh[i] = hs_word_hash(f, k);
            if (t->kind == HS_TK_WORD && (t->flags & HS_TF_UPPER_INITIAL)) {
                c.premod[i] = 1;
            } else {
                unsigned cls = have_cls ? lt[i].cls : 0;
                const hs_lw_entry *x = have_cls ? NULL : hs_lw_get(c.lex, f, k);
                if (x)
                    cls = x->cls;
                c.premod[i] = (cls & (HS_LW_TITLE | HS_LW_NATIONALITY)) != 0;
            }
        }
        size_t ce = t->kind != HS_TK_WORD ? i + 1 : lt ? lt[i].cend : hs_compound_end(d, i);
        if (ce > i + 1) {
            c.cend[i] = (uint32_t)ce;
            const char *cf = NULL;
            if (lt) { /* the link layer's fold of this very compound */
                cf = lt[i].fold;
                k = cf ? lt[i].flen : (size_t)-1;
            } else if ((k = hs_fold(HS_TOK_PTR(d, t), d->toks.v[ce - 1].end - t->start, buf, sizeof buf)) !=
                           (size_t)-1 &&
                       !(cf = hs_arena_strndup(&d->arena, buf, k))) {
                free(c.mention_at);
                return HS_ENOMEM;
            }
            c.cfold[i] = cf;
            if (cf)
                c.cfh[i] = hs_word_hash(cf, k);
        }
    }
    for (size_t m = 0; m < d->mentions.n; m++)
        if (c.mention_at[d->mentions.v[m].tok_begin] < 0)
            c.mention_at[d->mentions.v[m].tok_begin] = (int32_t)m;
    int rc = 0;
    c.pair[0] = c.pair[1] = HS_NONE;
    for (size_t s = 0; !rc && s < d->sents.n; s++) {
        note_pair(&c, s);
        rc = sentence(&c, s);
    }
    free(c.mention_at);
    return rc;
}
