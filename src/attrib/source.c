/* Sources: the noun phrase that says something, its kind, the outlet it spoke
 * through and the entity it names.
 *
 * Without a tagger the phrase is found from the tokens: a pronoun; a run of
 * capitalised words (with titles and name particles); or a phrase whose head
 * noun is in a table (anonymous, representative, document) with its
 * determiner and modifiers ("a source close to the couple").  When the tag and
 * link layers have run, their NER types and mentions refine the kind and give
 * the entity. */
#include <string.h>
#include <strings.h>

#include "attrib/attrib.h"

#define RUN_MAX 10 /* longest source phrase, in tokens */

static int in_quote(const hs_doc *d, uint32_t i) { return d->toks.v[i].quote >= 0; }

static int is_cue_at(const hs_actx *x, uint32_t i) { return x->cue_len[i] && x->cue_cls[i] == HS_TB_CUE_VERB; }

/* A preposition that may continue a source phrase rightwards. */
static int right_prep(const hs_doc *d, uint32_t i)
{
    return hs_aw_is_prep(d, i) && !hs_aw_eq(d, i, "in") && !hs_aw_eq(d, i, "on") && !hs_aw_eq(d, i, "at");
}

/* May token i be part of a source phrase? */
static int np_token(const hs_actx *x, uint32_t i, int right)
{
    const hs_doc *d = x->d;
    if (in_quote(d, i) || !hs_aw_is_word(d, i))
        return hs_aw_eq(d, i, "&") || hs_aw_eq(d, i, "%") || (hs_aw_eq(d, i, "-") && !hs_aw_is_dash(d, i)) ||
               (hs_aw_eq(d, i, "/") && i > 0 && hs_aw_is_cap(d, i - 1) && hs_aw_is_cap(d, i + 1)) || /* "ABC/Ipsos" */
               (d->toks.v[i].kind == HS_TK_PUNCT && (d->toks.v[i].flags & HS_TF_ABBREV));
    if (is_cue_at(x, i))
        return 0;
    if (hs_aw_is_cap(d, i) && !(d->toks.v[i].flags & HS_TF_SENT_START) && i > 0 && hs_aw_is_cap(d, i - 1) &&
        hs_aw_is_cap(d, i + 1) && (hs_aw_eq(d, i, "and") || hs_aw_eq(d, i, "of") || hs_aw_eq(d, i, "the")))
        return 1; /* inside a title: "the former Home And Away star" */
    if (hs_aw_is_boundary(d, i))
        return right ? right_prep(d, i) : hs_aw_is_prep(d, i);
    if (x->tagged) {
        uint8_t u = d->toks.v[i].upos;
        const hs_tok *t = &d->toks.v[i];
        /* a participle after a noun belongs to its phrase: "court papers filed on Friday" */
        if (u == HS_UPOS_VERB && !right && i > 0 && HS_TOK_LEN(t) > 3 &&
            memcmp(HS_TOK_PTR(d, t) + HS_TOK_LEN(t) - 2, "ed", 2) == 0 &&
            (d->toks.v[i - 1].upos == HS_UPOS_NOUN || d->toks.v[i - 1].upos == HS_UPOS_PROPN))
            return 1;
        /* the two tag sets are predicted apart: a word the PTB tag calls a
         * proper noun stays in the phrase ("Cook said" with Cook a VERB) */
        const char *xp = d->xpos_names ? d->xpos_names[t->xpos] : NULL;
        if (u == HS_UPOS_VERB && xp && strncmp(xp, "NNP", 3) == 0)
            return 1;
        if (u == HS_UPOS_VERB || u == HS_UPOS_AUX || u == HS_UPOS_SCONJ || u == HS_UPOS_CCONJ)
            return 0;
    }
    return 1;
}

/* A word of a name: capitalised, not a determiner or preposition. */
static int name_token(const hs_doc *d, uint32_t i)
{
    return hs_aw_is_cap(d, i) && !hs_aw_is_det(d, i) && !hs_aw_is_prep(d, i) && !hs_aw_is_boundary(d, i);
}

/* A capitalised name at i whose last word ends outlet names ("Celebrity
 * Wire", "The Herald"): its length in tokens, or 0. */
static uint32_t outlet_by_word(hs_actx *x, uint32_t i, uint32_t hi)
{
    const hs_doc *d = x->d;
    uint32_t j = i, best = 0;
    if (hs_aw_eq(d, j, "the"))
        j++;
    hs_tb_entry e;
    for (; j < hi && j < i + 5 && hs_aw_is_cap(d, j) && !hs_aw_is_boundary(d, j); j++)
        if (hs_tables_match(x->t, x->first, d, j, j + 1, HS_TB_OUTLET_WORD, &e) && (j > i || !hs_aw_eq(d, i, "the")))
            best = j + 1 - i;
    /* "the Daily Lantern": the rest of the name after a leading outlet word */
    while (best && i + best < hi && best < 5 && name_token(d, i + best) && !hs_aw_is_boundary(d, i + best))
        best++;
    return best > 1 || (best == 1 && !hs_aw_eq(d, i, "the")) ? best : 0;
}

uint32_t hs_src_outlet_at(hs_actx *x, uint32_t i, uint32_t hi)
{
    hs_tb_entry e;
    uint32_t n = hs_tables_match(x->t, x->first, x->d, i, hi, HS_TB_OUTLET, &e);
    /* an outlet the tag layer marked (data/outlets.txt: "told Us", "the Daily Record") */
    uint32_t tagged = i + (hs_aw_eq(x->d, i, "the") && i + 1 < hi && (x->d->toks.v[i + 1].flags & HS_TF_OUTLET));
    if (tagged >= x->d->toks.n || !(x->d->toks.v[tagged].flags & HS_TF_OUTLET))
        tagged = i;
    while (tagged < hi && tagged < x->d->toks.n && (x->d->toks.v[tagged].flags & HS_TF_OUTLET))
        tagged++;
    if (tagged - i > n)
        n = tagged - i;
    /* "Life and Style Magazine", "OK! Magazine": a known name and an outlet word */
    while (n && i + n < hi && n < 8 &&
           ((hs_aw_is_cap(x->d, i + n) && hs_tables_match(x->t, x->first, x->d, i + n, i + n + 1, HS_TB_OUTLET_WORD, &e)) ||
            hs_aw_eq(x->d, i + n, "magazine") || hs_aw_eq(x->d, i + n, "newspaper"))) /* "In Touch magazine" */
        n++;
    uint32_t w = outlet_by_word(x, i, hi);
    if (w > n) {
        if (!((hs_aw_is_cap(x->d, i) || hs_aw_is_det(x->d, i)) && w > 1))
            return 0;
        while (i + w < hi && w < 8 && (hs_aw_eq(x->d, i + w, "magazine") || hs_aw_eq(x->d, i + w, "newspaper")))
            w++; /* "Glimmer Weekly magazine" */
        return w;
    }
    if (!n)
        return 0;
    /* "People" the magazine, not "people familiar with…": a capital is required */
    for (uint32_t k = i; k < i + n; k++)
        if (hs_aw_is_cap(x->d, k))
            return (hs_aw_is_cap(x->d, i) || hs_aw_is_det(x->d, i)) ? n : 0;
    return 0;
}

/* "the magazine", "the publication" (outlet_refs.txt) at token i, in lower
 * case after its article and not followed by a name ("the magazine Glimmer"):
 * its length in tokens, or 0. */
static uint32_t outlet_ref_at(hs_actx *x, uint32_t i, uint32_t hi)
{
    const hs_doc *d = x->d;
    hs_tb_entry e;
    if (!hs_aw_eq(d, i, "the"))
        return 0;
    uint32_t n = hs_tables_match(x->t, x->first, d, i, hi, HS_TB_OUTLET_REF, &e);
    for (uint32_t k = i + 1; k < i + n; k++)
        if (hs_aw_is_cap(d, k))
            return 0;
    return n && !(i + n < d->toks.n && name_token(d, i + n)) ? n : 0;
}

/* The outlet named last before token i (its tokens in [*vb, *ve)): 1, or 0
 * when none is.  Only asked when a phrase refers back to one. */
static int outlet_before(hs_actx *x, uint32_t i, uint32_t *vb, uint32_t *ve)
{
    const hs_doc *d = x->d;
    static const char *const heads[] = {"magazine", "newspaper", "tabloid", "website", "paper", "mag", NULL};
    for (uint32_t k = i; k-- > 0;) {
        if (in_quote(d, k))
            continue; /* (not a name inside a quotation) */
        int head = 0; /* "France's Voici magazine": a name before a lower-case outlet noun */
        for (size_t h = 0; heads[h] && !head && k > 0 && !hs_aw_is_cap(d, k); h++)
            head = hs_aw_eq(d, k, heads[h]) && name_token(d, k - 1) && !(d->toks.v[k - 1].flags & HS_TF_SENT_START);
        if (head) {
            uint32_t b = k - 1;
            while (b > 0 && k - b < 4 && name_token(d, b - 1) && !(d->toks.v[b].flags & HS_TF_SENT_START))
                b--;
            for (uint32_t j = k - 1; j-- > 0 && k - j <= 4;) { /* "In Touch magazine" */
                uint32_t n2 = hs_src_outlet_at(x, j, k);
                if (n2 && j + n2 >= b && j < b)
                    b = j;
            }
            *vb = b;
            *ve = k + 1;
            return 1;
        }
        if (!hs_aw_is_cap(d, k) && !(d->toks.v[k].flags & HS_TF_OUTLET))
            continue;
        uint32_t n = hs_src_outlet_at(x, k, i);
        if (!n)
            continue;
        for (uint32_t j = k; j-- > 0 && k - j <= 3;) { /* "Us Weekly" seen from "Weekly", "Life and Style Magazine" */
            uint32_t n2 = hs_src_outlet_at(x, j, i);
            if (n2 && j + n2 > k) {
                n = (j + n2 > k + n ? j + n2 : k + n) - j;
                k = j;
            }
        }
        *vb = k;
        *ve = k + n;
        return 1;
    }
    return 0;
}

/* A phrase that refers back to an outlet ("the magazine claimed", "a source
 * from the magazine", "the tabloid's sources"): the outlet named before is
 * its via, and the phrase that is only the reference is an outlet. */
static void outlet_ref_via(hs_actx *x, hs_src *s)
{
    if (s->via_e > s->via_b)
        return;
    for (uint32_t k = s->b; k < s->e; k++) {
        uint32_t r = outlet_ref_at(x, k, s->e);
        if (!r)
            continue;
        if (outlet_before(x, k, &s->via_b, &s->via_e) && k == s->b && k + r == s->e)
            s->kind = HS_SK_OUTLET;
        return;
    }
}

/* First table head (anonymous, representative, document) in [b, e): its index, or e. */
static uint32_t table_head(hs_actx *x, uint32_t b, uint32_t e, uint8_t *kind)
{
    hs_tb_entry en;
    for (uint32_t i = b; i < e; i++) {
        if (hs_aw_is_cap(x->d, i) && !(x->d->toks.v[i].flags & HS_TF_SENT_START) && !hs_aw_is_det(x->d, i))
            continue; /* "Sources" as a name part is not the noun */
        uint32_t n = hs_tables_match(x->t, x->first, x->d, i, e, HS_TB_ANON | HS_TB_REP | HS_TB_DOC, &en);
        if (!n)
            continue;
        *kind = (en.cls & HS_TB_REP) ? HS_SK_REPRESENTATIVE
              : (en.cls & HS_TB_ANON) ? HS_SK_ANONYMOUS : HS_SK_DOCUMENT;
        return i;
    }
    return e;
}

static int has_class(hs_actx *x, uint32_t b, uint32_t e, unsigned cls)
{
    hs_tb_entry en;
    for (uint32_t i = b; i < e; i++)
        if (hs_tables_match(x->t, x->first, x->d, i, e, cls, &en))
            return 1;
    return 0;
}

/* Is every word of [b, e) in capitals? */
static int all_capitals(const hs_doc *d, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (d->toks.v[i].kind == HS_TK_WORD && !(d->toks.v[i].flags & HS_TF_ALL_UPPER))
            return 0;
    return b < e;
}

/* The kind of a name [b, e): NER type when tagged, else organisation words.
 * A name in capitals throughout (a transcript's "TOM VALE:") skips the NER
 * type, which is unreliable on all-capital text. */
static uint8_t name_kind(hs_actx *x, uint32_t b, uint32_t e)
{
    const hs_doc *d = x->d;
    int caps = all_capitals(d, b, e);
    for (uint32_t i = b; i < e && !caps; i++) {
        uint8_t l = d->toks.v[i].ner;
        if (l && l < HS_NER_LABELS) {
            int ty = HS_NER_TYPE(l);
            if (ty == HS_ET_PERSON)
                return HS_SK_PERSON;
            if (ty == HS_ET_ORG)
                return HS_SK_ORGANIZATION;
        }
    }
    return has_class(x, b, e, HS_TB_ORG) ? HS_SK_ORGANIZATION : HS_SK_PERSON;
}

/* An anonymous head that a name after it does not name ("a source Hudson …"
 * is a misreading, not a source called Hudson). */
static int unnamed_head(const hs_doc *d, uint32_t h)
{
    static const char *const heads[] = {"source", "sources", "insider", "insiders", "official", "officials",
                                        "witness", "onlooker", "eyewitness", NULL};
    for (size_t k = 0; heads[k]; k++)
        if (hs_aw_eq(d, h, heads[k]))
            return 1;
    return 0;
}

/* Classify the phrase [b, e) (already bounded) and choose its start. */
static void classify(hs_actx *x, uint32_t b, uint32_t e, int right, hs_src *s)
{
    const hs_doc *d = x->d;
    memset(s, 0, sizeof *s);
    uint8_t kind = 0;
    uint32_t h = table_head(x, b, e, &kind);
    uint32_t o = 0, ob = b;
    for (; ob < e && !o; ob++)
        o = hs_src_outlet_at(x, ob, e);
    if (o)
        ob--;
    /* a document named after its outlet is still a document: "the Valley Herald poll" */
    int doc_after_outlet = o && h < e && kind == HS_SK_DOCUMENT && h >= ob + o;
    if (h < e && (!o || h < ob || doc_after_outlet)) {
        /* "a source close to the couple", "Trump's spokesperson", "court papers" */
        uint32_t st = h;
        while (st > b && h - st < 4 && !hs_aw_is_prep(d, st - 1)) {
            st--;
            if (hs_aw_is_det(d, st))
                break;
        }
        s->b = right ? b : st;
        s->e = e;
        s->kind = kind;
        /* "her close friend Ruta Vell", "pal Ruta Vell": an anonymous head with the
         * name after it names its speaker */
        if (kind == HS_SK_ANONYMOUS && h + 1 < e && name_token(d, h + 1) && name_token(d, e - 1) &&
            name_kind(x, h + 1, e) == HS_SK_PERSON && !unnamed_head(d, h))
            s->kind = HS_SK_PERSON;
        s->definite = hs_aw_eq(d, s->b, "the") || hs_aw_eq(d, s->b, "this") || hs_aw_eq(d, s->b, "that");
        if (o && (ob > h || doc_after_outlet)) {
            s->via_b = ob;
            s->via_e = ob + o;
        }
        return;
    }
    if (o) {
        /* an outlet speaking for itself: "The Post has learned", "according to E! News" */
        s->b = right ? b : ob;
        s->e = right ? ob + o : e;
        s->kind = HS_SK_OUTLET;
        s->via_b = ob;
        s->via_e = ob + o;
        return;
    }
    if (!right && name_token(d, e - 1)) {
        uint32_t st = e - 1;
        while (st > b && (name_token(d, st - 1) || (hs_aw_is_particle(d, st - 1) && st - 1 > b &&
                                                    name_token(d, st - 2))))
            st--;
        if (st > b && hs_aw_is_particle(d, st - 1)) /* "de Armas" */
            st--;
        if (st >= b + 2 && hs_aw_eq(d, st - 1, "of") && !hs_aw_is_det(d, st - 2) && !hs_aw_is_prep(d, st - 2) &&
            hs_aw_is_word(d, st - 2)) {
            /* "The mayor of Millport", "Senator Dana Pike of Ohio": the head before "of" */
            uint32_t hb = b;
            for (uint32_t i = b; i + 1 < st; i++)
                if (hs_aw_is_prep(d, i) && i != st - 1)
                    hb = i + 1;
            /* only a head that names a speaker: a name, a title, an organisation or
             * a source noun, "member(s)" (not "on the heels of Kensington Palace") */
            if (!(name_token(d, st - 2) || has_class(x, hb, st - 1, HS_TB_TITLE | HS_TB_ORG | HS_TB_ANON | HS_TB_REP) ||
                  hs_aw_eq(d, st - 2, "member") || hs_aw_eq(d, st - 2, "members")))
                hb = st;
            s->b = hb;
            s->e = e;
            s->kind = hb == st ? name_kind(x, st, e) : name_token(d, st - 2) ? name_kind(x, hb, st - 1)
                    : has_class(x, hb, st - 1, HS_TB_TITLE) ? HS_SK_PERSON
                    : has_class(x, hb, st - 1, HS_TB_ORG) ? HS_SK_ORGANIZATION : HS_SK_UNKNOWN;
            return;
        }
        s->b = st;
        s->e = e;
        s->kind = name_kind(x, st, e);
        return;
    }
    if (right && name_token(d, b)) {
        uint32_t en = b + 1;
        while (en < e && (name_token(d, en) || d->toks.v[en].kind == HS_TK_CLITIC ||
                          (hs_aw_is_particle(d, en) && en + 1 < e && name_token(d, en + 1))))
            en++;
        s->b = b;
        s->e = en;
        s->kind = name_kind(x, b, en);
        return;
    }
    /* a common noun phrase: "the campaign", "many Republican voters" */
    uint32_t st = b;
    for (uint32_t i = b; i < e; i++) {
        int title = i > b && hs_aw_is_cap(d, i) && !(d->toks.v[i].flags & HS_TF_SENT_START) && hs_aw_is_cap(d, i - 1);
        if (hs_aw_is_prep(d, i) && !right && !title)
            st = i + 1;
        else if (hs_aw_is_det(d, i) && (!right || i == b) && !title)
            st = i; /* (not "The" inside a title: "the Fast And The Furious actress") */
    }
    if (st >= e)
        return;
    s->b = st;
    s->e = e;
    s->kind = has_class(x, st, e, HS_TB_ORG) ? HS_SK_ORGANIZATION : HS_SK_UNKNOWN;
}

static int pronoun_src(hs_actx *x, uint32_t i, hs_src *s)
{
    uint8_t g = 0;
    if (!hs_aw_pronoun(x->d, i, &g))
        return 0;
    memset(s, 0, sizeof *s);
    s->b = i;
    s->e = i + 1;
    s->gender = g;
    s->kind = (g == HS_G_NEUTER || g == HS_G_PLURAL) ? HS_SK_UNKNOWN : HS_SK_PERSON;
    return 1;
}

int hs_src_left(hs_actx *x, uint32_t last, uint32_t lo, hs_src *s)
{
    const hs_doc *d = x->d;
    memset(s, 0, sizeof *s);
    if (last < lo || last >= d->toks.n || in_quote(d, last))
        return 0;
    if (pronoun_src(x, last, s))
        return 1;
    for (uint32_t k = last > lo + 4 ? last - 4 : lo; k < last; k++) {
        uint32_t o = hs_src_outlet_at(x, k, last + 1); /* "E! News reports" */
        if (o && k + o == last + 1 && hs_aw_is_punct(d, k + 1)) {
            s->b = s->via_b = k;
            s->e = s->via_e = last + 1;
            s->kind = HS_SK_OUTLET;
            return 1;
        }
    }
    if (hs_aw_eq(d, last, ")")) {
        /* "Rep. Jane Roe (D-Ore.) said": the name before the brackets */
        for (uint32_t p = last; p > lo && last - p < 12; p--)
            if (hs_aw_eq(d, p - 1, "("))
                return p - 1 > lo && hs_src_left(x, p - 2, lo, s);
        return 0;
    }
    if (hs_aw_eq(d, last, ",") || hs_aw_is_dash(d, last)) {
        /* "Jane Roe, a spokeswoman for the team, said", "John Roe -- who lost in 2008 -- said":
         * the phrase before the apposition */
        for (uint32_t p = last; p > lo && last - p < 20; p--)
            if (hs_aw_eq(d, p - 1, ",") || hs_aw_is_dash(d, p - 1))
                return p - 1 > lo && hs_src_left(x, p - 2, lo, s);
        return 0;
    }
    if (hs_aw_is_det(d, last) && !hs_aw_eq(d, last, "the") && !hs_aw_eq(d, last, "a") &&
        !hs_aw_eq(d, last, "an") && !hs_aw_eq(d, last, "that") && !hs_aw_eq(d, last, "this")) {
        s->b = last; /* "most said", "two in three said" */
        s->e = last + 1;
        s->kind = HS_SK_UNKNOWN;
        return 1;
    }
    if (!np_token(x, last, 0) || hs_aw_is_prep(d, last) || hs_aw_is_det(d, last))
        return 0;
    uint32_t b = last;
    while (b > lo && last - b + 1 < RUN_MAX && np_token(x, b - 1, 0))
        b--;
    while (b < last && hs_aw_is_prep(d, b) && hs_src_outlet_at(x, b, last + 1) != last + 1 - b)
        b++; /* (not the "In" of "In Touch") */
    classify(x, b, last + 1, 0, s);
    outlet_ref_via(x, s);
    return s->e > s->b;
}

int hs_src_antecedent(hs_actx *x, uint32_t last, uint32_t lo, hs_src *s)
{
    const hs_doc *d = x->d;
    if (!(hs_aw_eq(d, last, "who") || hs_aw_eq(d, last, "which")) || last <= lo || in_quote(d, last))
        return 0;
    uint32_t a = last - 1;
    if ((hs_aw_eq(d, a, ",") || hs_aw_is_dash(d, a)) && a > lo)
        a--;
    if (hs_aw_eq(d, a, ",") || hs_aw_is_dash(d, a) || hs_aw_pronoun(d, a, NULL))
        return 0;
    if (!hs_src_left(x, a, lo, s) || s->e != a + 1)
        return 0;
    /* not over a verb ("Gossip Cop contacted Pike's rep who …" gives "Pike's rep") */
    for (uint32_t k = s->e; k-- > s->b;)
        if (x->tagged && d->toks.v[k].upos == HS_UPOS_VERB && k + 1 < s->e)
            return hs_src_left(x, a, k + 1, s) && s->e == a + 1;
    return 1;
}

int hs_src_right(hs_actx *x, uint32_t first, uint32_t hi, hs_src *s)
{
    const hs_doc *d = x->d;
    memset(s, 0, sizeof *s);
    if (first >= hi || first >= d->toks.n || in_quote(d, first))
        return 0;
    if (pronoun_src(x, first, s))
        return 1;
    uint32_t o = hs_src_outlet_at(x, first, hi);
    if (o && (first + o >= hi || !np_token(x, first + o, 1) || hs_aw_is_punct(d, first + 1))) {
        s->b = s->via_b = first;
        s->e = s->via_e = first + o;
        s->kind = HS_SK_OUTLET;
        return 1;
    }
    if (!np_token(x, first, 1) || hs_aw_is_prep(d, first))
        return 0;
    uint32_t e = first + 1;
    while (e < hi && e - first < RUN_MAX && np_token(x, e, 1))
        e++;
    while (e > first + 1 && (hs_aw_is_prep(d, e - 1) || hs_aw_is_det(d, e - 1)))
        e--;
    classify(x, first, e, 1, s);
    outlet_ref_via(x, s);
    return s->e > s->b;
}

int hs_src_subject_before(hs_actx *x, uint32_t i, uint32_t lo, hs_src *s)
{
    const hs_doc *d = x->d;
    for (uint32_t k = i; k-- > lo;) {
        if (in_quote(d, k))
            continue;
        uint8_t g;
        if (hs_aw_pronoun(d, k, &g) && !hs_aw_eq(d, k, "it") && !hs_aw_eq(d, k, "which"))
            return pronoun_src(x, k, s);
        uint32_t before = k; /* the word before the name, past a determiner: "over the Falkland Islands" */
        while (before > lo && hs_aw_is_det(d, before - 1))
            before--;
        if (name_token(d, k) && !(k > lo && name_token(d, k - 1)) && !(before > lo && hs_aw_is_prep(d, before - 1)) &&
            !(k + 1 < i && hs_aw_eq(d, k + 1, "’s")) && !(k + 1 < i && hs_aw_eq(d, k + 1, "'s"))) {
            uint32_t e = k + 1;
            while (e < i && name_token(d, e))
                e++;
            return hs_src_left(x, e - 1, lo, s);
        }
    }
    return 0;
}

/* Words of an adjunct that may lead to the outlet: "in an interview with", "exclusively to". */
static const char *const via_lead[] = {"in", "an", "a", "interview", "interviews", "with", "to",
                                       "on", "exclusively", "statement", "recent", "new", "exclusive",
                                       "during", "appearance", "episode", "of", "his", "her", "their",
                                       "podcast", "show", "told", "speaking", "sit-down", "chat", "the", NULL};

static int is_via_lead(const hs_doc *d, uint32_t i)
{
    for (size_t k = 0; via_lead[k]; k++)
        if (hs_aw_eq(d, i, via_lead[k]))
            return 1;
    return 0;
}

uint32_t hs_src_via_after(hs_actx *x, uint32_t i, uint32_t hi, uint32_t *vb, uint32_t *ve)
{
    for (uint32_t j = i; j < hi && j < i + 8; j++) {
        uint32_t n = hs_src_outlet_at(x, j, hi);
        if (n) {
            *vb = j;
            *ve = j + n;
            return j + n;
        }
        /* "told the magazine", "said in an interview with the publication": the
         * outlet named before (not an object: "called the paper …", "said the
         * tabloid's report …") */
        if ((j > i || (i > 0 && (x->cue_obj[i - 1] & CUE_OBJ))) && (n = outlet_ref_at(x, j, hi)) &&
            !(j + n < hi && x->d->toks.v[j + n].kind == HS_TK_CLITIC) && outlet_before(x, j, vb, ve))
            return j + n;
        if (!is_via_lead(x->d, j))
            break;
    }
    return i;
}

/* The linked mention that overlaps tokens [b, e) last (the head of a phrase). */
static const hs_mention *mention_in(const hs_doc *d, uint32_t b, uint32_t e)
{
    const hs_mention *best = NULL;
    for (size_t i = 0; i < d->mentions.n; i++) {
        const hs_mention *m = &d->mentions.v[i];
        if (m->tok_begin < e && m->tok_end > b && m->entity >= 0)
            best = m;
    }
    return best;
}

/* Does [b, e) name the article's own outlet ("The Post has learned" in the Post)? */
static int own_outlet(const hs_doc *d, uint32_t b, uint32_t e)
{
    if (!d->outlet || e <= b)
        return 0;
    if (hs_aw_eq(d, b, "the") && e > b + 1)
        b++;
    const char *o = d->outlet;
    if (strncasecmp(o, "the ", 4) == 0)
        o += 4;
    hs_span sp = hs_tok_span(d, b, e);
    return strlen(o) == HS_SPAN_LEN(sp) && strncasecmp(o, HS_SPAN_PTR(d, sp), HS_SPAN_LEN(sp)) == 0;
}

void hs_src_apply(hs_actx *x, const hs_src *s, hs_attr *at)
{
    const hs_doc *d = x->d;
    at->has_source = 1;
    at->source = hs_tok_span(d, s->b, s->e);
    at->source_kind = s->kind;
    at->source_entity = HS_NONE;
    const hs_mention *m = d->mentions.n ? mention_in(d, s->b, s->e) : NULL;
    if (m) {
        at->source_entity = m->entity;
        if (at->source_kind == HS_SK_PERSON || at->source_kind == HS_SK_ORGANIZATION ||
            at->source_kind == HS_SK_UNKNOWN) {
            if (m->outlet)
                at->source_kind = HS_SK_OUTLET;
            else if (m->type == HS_ET_PERSON)
                at->source_kind = HS_SK_PERSON;
            else if (m->type == HS_ET_ORG && !all_capitals(d, s->b, s->e))
                at->source_kind = HS_SK_ORGANIZATION; /* (NER types of "TOM VALE" are not trusted) */
        }
    }
    if (s->via_e > s->via_b && at->via.end == at->via.start && !own_outlet(d, s->via_b, s->via_e)) {
        at->via = hs_tok_span(d, s->via_b, s->via_e);
        const hs_mention *vm = d->mentions.n ? mention_in(d, s->via_b, s->via_e) : NULL;
        at->via_entity = vm ? vm->entity : HS_NONE;
    }
    if (at->via.end > at->via.start && at->via_entity == HS_NONE) {
        /* a via found by the cue frame ("told Glimmer Magazine"): the entity named there */
        for (size_t i = 0; i < d->mentions.n; i++) {
            const hs_mention *vm = &d->mentions.v[i];
            if (vm->entity >= 0 && vm->span.start < at->via.end && vm->span.end > at->via.start) {
                at->via_entity = vm->entity;
                break;
            }
        }
    }
    if (at->source_kind == HS_SK_OUTLET && at->source_entity == HS_NONE)
        at->source_entity = at->via_entity; /* "the magazine" for the outlet it refers to */
    hs_attrib_claim(x, at->source);
}
