/* Cue frames: the content and source around a reporting verb or a
 * prepositional cue (where contents start and end: extent.c).
 *
 *   pre-posed     X said (that) …            X told Y that …       The Post has learned …
 *   post-posed    …, X said.                 “…,” she told Us Weekly.
 *   inverted      …, said X.                 “…” says X.
 *   parenthetical The plan, officials said, would fail.
 *   participle    X …, adding that …         (the source is the clause's subject)
 *   prepositional according to X, …          …, according to X.     per X, … */
#include <string.h>

#include "attrib/attrib.h"

int32_t hs_attrib_add(hs_actx *x, uint32_t cb, uint32_t ce, const hs_src *s, uint32_t b, uint32_t e,
                   uint32_t vb, uint32_t ve)
{
    if (e <= b)
        return 0;
    uint32_t words = 0;
    for (uint32_t i = b; i < e; i++) {
        if (x->used[i] & ATOK_CLAIMED)
            return 0;
        words += hs_aw_is_word(x->d, i) && !(x->cue_len[i] && x->cue_cls[i] == HS_TB_CUE_VERB);
    }
    if (words < 2 && !(x->d->toks.v[b].flags & HS_TF_QUOTE_OPEN) &&
        !(e == b + 1 && (hs_aw_eq(x->d, b, "yes") || hs_aw_eq(x->d, b, "no") || hs_aw_eq(x->d, b, "so"))))
        return 0; /* "…,” Sanders said, according to …": nothing left to attribute (but "said yes") */
    hs_attr *at = hs_attrib_new(x, HS_AK_INDIRECT, cb, ce);
    if (!at)
        return HS_ENOMEM;
    at->content = hs_tok_span(x->d, b, e);
    hs_attrib_claim(x, at->content);
    if (ve <= vb && s && s->e > s->b && s->b >= 3 && hs_aw_eq(x->d, s->b - 1, ",")) {
        /* "In an interview with Pop Courier, X said …", "Speaking to Buzzline, X …":
         * a fronted phrase that is only the way to an outlet */
        uint32_t sb = hs_aw_sent_begin(x->d, cb), fb = 0, fe = 0;
        if (sb < s->b - 1 && hs_src_via_after(x, sb, s->b - 1, &fb, &fe) == s->b - 1 && fe > fb) {
            vb = fb;
            ve = fe;
        }
    }
    if (ve > vb)
        at->via = hs_tok_span(x->d, vb, ve);
    if (s && s->e > s->b)
        hs_src_apply(x, s, at);
    return 0;
}

static int passive_aux(const hs_doc *d, uint32_t b, uint32_t e);

/* A subject pronoun of a person or a group (the table of words.c without
 * "it", "who" and "which"). */
static int person_pronoun(const hs_doc *d, uint32_t j)
{
    return hs_aw_pronoun(d, j, NULL) && !hs_aw_eq(d, j, "it") && !hs_aw_eq(d, j, "who") && !hs_aw_eq(d, j, "which");
}

/* Does a clause start at j: "that …", a quotation, or a subject and more? */
static int clause_at(hs_actx *x, uint32_t j, uint32_t se)
{
    const hs_doc *d = x->d;
    if (j >= se)
        return 0;
    int32_t q = hs_ax_open_quote(d, j) ? hs_ax_quote_by_mark(d, j, 0) : -1;
    if (q >= 0)
        return d->quotes.v[q].kind == HS_QK_DIRECT; /* not a title: "the cooking show “Salt & Fire”" */
    if (hs_aw_eq(d, j, "that") || hs_aw_eq(d, j, "to") || hs_aw_eq(d, j, "whether") ||
        hs_aw_eq(d, j, "if") || hs_aw_eq(d, j, "how") || hs_aw_eq(d, j, "why") || hs_aw_eq(d, j, "what"))
        return 1;
    return person_pronoun(d, j);
}

/* Does a clause with a subject pronoun start at j ("said he would retire")?
 * It is the cue's content, never a short rest after a post-posed source. */
static int pronoun_clause_at(const hs_doc *d, uint32_t j, uint32_t se)
{
    return person_pronoun(d, j) && j + 1 < se && hs_aw_is_word(d, j + 1);
}

/* Does a quotation (not a title or nickname) open in tokens [b, e)?
 * ("called Trump “unhinged”": the marks show that words were reported) */
static int holds_quote(const hs_doc *d, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (hs_ax_open_quote(d, i)) {
            int32_t q = hs_ax_quote_by_mark(d, i, 0);
            if (q >= 0 && (d->quotes.v[q].kind == HS_QK_DIRECT || d->quotes.v[q].kind == HS_QK_MIXED))
                return 1;
        }
    return 0;
}

/* "described the plan as reckless", "see him as a threat": a short object
 * (no punctuation) and then "as" with its complement, inside [j, e).  Not
 * "as well", "as soon as" and the like. */
static int as_object(const hs_doc *d, uint32_t j, uint32_t e)
{
    static const char *const not_after[] = {"well", "soon", "much", "long", "many", "far", "if", "though", "to", NULL};
    for (uint32_t k = j + 1; k + 1 < e && k < j + 9; k++) {
        if (hs_aw_eq(d, k, "as")) {
            for (size_t w = 0; not_after[w]; w++)
                if (hs_aw_eq(d, k + 1, not_after[w]))
                    return 0;
            return 1;
        }
        if (hs_aw_is_punct(d, k) || hs_aw_is_final(d, k))
            return 0;
    }
    return 0;
}

/* "called him a liar", "call it the nerd prom", "called Roe “unfit”": a form of
 * "call" with an object pronoun or a name and then its complement. */
static int is_call(const hs_doc *d, uint32_t i)
{
    return hs_aw_eq(d, i, "called") || hs_aw_eq(d, i, "calls") || hs_aw_eq(d, i, "call") || hs_aw_eq(d, i, "calling");
}

static int called_x_y(hs_actx *x, uint32_t cb, uint32_t j, uint32_t e)
{
    static const char *const objs[] = {"him", "her", "them", "it", "this", "me", "us", "himself", "herself",
                                       "themselves", NULL};
    const hs_doc *d = x->d;
    if (!is_call(d, cb) || j + 1 >= e)
        return 0;
    uint32_t k = j;
    int obj = 0;
    for (size_t w = 0; objs[w] && !obj; w++)
        obj = hs_aw_eq(d, k, objs[w]);
    if (obj)
        k++;
    else
        while (k < e && hs_aw_is_cap(d, k))
            k++;
    if (k == j || k >= e)
        return 0;
    return hs_aw_eq(d, k, "a") || hs_aw_eq(d, k, "an") || hs_aw_eq(d, k, "the") || hs_ax_open_quote(d, k) ||
           (x->tagged && (d->toks.v[k].upos == HS_UPOS_ADJ || d->toks.v[k].upos == HS_UPOS_NOUN));
}

/* Is the cue at cb inside a subordinate clause that opens the sentence
 * ("Although Roe praised the plan, …", "After Roe announced …, she")? */
static int in_fronted_clause(const hs_doc *d, uint32_t sb, uint32_t cb)
{
    static const char *const sub[] = {"while", "although", "though", "after", "when", "because", "since",
                                      "before", "if", "whereas", "once", "even", "as", NULL};
    uint32_t i = sb;
    while (i < cb && (hs_aw_eq(d, i, "and") || hs_aw_eq(d, i, "but") || d->toks.v[i].kind == HS_TK_QUOTE))
        i++;
    int found = 0;
    for (size_t k = 0; sub[k] && !found; k++)
        found = hs_aw_eq(d, i, sub[k]);
    if (!found || (hs_aw_eq(d, i, "even") && !hs_aw_eq(d, i + 1, "though") && !hs_aw_eq(d, i + 1, "if")))
        return 0;
    for (uint32_t k = i + 1; k < cb; k++)
        if (hs_aw_eq(d, k, ",") || hs_aw_is_final(d, k) || d->toks.v[k].quote >= 0)
            return 0;
    return 1;
}

/* "said after the convention he would …": a plain speech verb, then a short
 * adjunct that opens with a preposition and a clause with a subject pronoun.
 * The pronoun's token, or 0 (not when a subordinate or relative clause comes
 * first: "spoke on condition of anonymity because they …"). */
static uint32_t adjunct_then_clause(hs_actx *x, uint32_t cb, uint32_t j, uint32_t se)
{
    static const char *const stops[] = {"because", "when", "while", "as", "if", "that", "where", "since",
                                        "although", "though", "whom", "whose", "than", NULL};
    const hs_doc *d = x->d;
    if ((x->cue_obj[cb] & (CUE_WEAK | CUE_RAISE | CUE_AS | CUE_OBJ)) || !hs_aw_is_prep(d, j) ||
        hs_aw_eq(d, j, "to") || hs_aw_eq(d, j, "about") || hs_aw_eq(d, j, "of"))
        return 0;
    for (uint32_t k = j + 1; k < se && k < j + 8; k++) {
        if (hs_aw_pronoun(d, k, NULL))
            return hs_aw_eq(d, k, "who") || hs_aw_eq(d, k, "which") || hs_aw_eq(d, k, "it") ? 0 : k;
        if (hs_aw_is_punct(d, k) || d->toks.v[k].quote >= 0 || x->cue_len[k])
            return 0;
        for (size_t w = 0; stops[w]; w++)
            if (hs_aw_eq(d, k, stops[w]))
                return 0;
    }
    return 0;
}

/* Content after a cue that ends at token j: skips the outlet it went to, a
 * short object before "that", and a colon or comma before a quotation. */
static int content_right(hs_actx *x, uint32_t cb, uint32_t ce, uint32_t se, const hs_src *s)
{
    const hs_doc *d = x->d;
    uint32_t vb = 0, ve = 0;
    uint32_t j = hs_src_via_after(x, ce, se, &vb, &ve);
    /* "said Tuesday that", "told reporters in Ohio that": an adjunct or an
     * addressee before "that" (not "said Obama is overselling the gains that …") */
    int adjunct = (x->cue_obj[cb] & CUE_OBJ) || ((hs_aw_is_prep(d, j) || hs_aw_is_boundary(d, j)) &&
                                                 !hs_aw_eq(d, j, "to") && /* not "vowed to …" */
                                                 !(hs_aw_pronoun(d, j, NULL) && !hs_aw_eq(d, j, "it")));
                                                 /* nor "say they feel that way" */
    int cue_seen = 0;
    for (uint32_t k = j; k < se && k < j + (adjunct ? 10 : 1); k++) { /* 10: tuned on PolNeAR dev (5..25) */
        if (hs_aw_eq(d, k, "that")) {
            j = k;
            break;
        }
        cue_seen |= k > j && x->cue_len[k]; /* (not over another cue: "asked about …, Quaid responded, “…”") */
        if (k > j && !cue_seen && (hs_aw_eq(d, k, ",") || hs_aw_eq(d, k, ":")) && clause_at(x, k + 1, se) &&
            hs_ax_open_quote(d, k + 1) && !hs_ax_quote_has_cue(x, k + 1, hs_ax_quote_sent_end(d, k + 1, se))) {
            j = k + 1; /* "As Roe told Glimmer in 2016, “…”": the quotation after the adjunct */
            break;
        }
        if (hs_aw_is_final(d, k) || (d->toks.v[k].flags & HS_TF_QUOTE_OPEN) || hs_aw_eq(d, k, ":"))
            break;
    }
    uint32_t pj = j == ce ? adjunct_then_clause(x, cb, j, se) : 0;
    if (pj)
        j = pj;
    if (j == ce && (x->cue_obj[cb] & CUE_OBJ)) {
        /* "told a crowd in Ohio she will …": the content starts at its subject */
        for (uint32_t k = j + 1; k < se && k < j + 10; k++) {
            if (hs_aw_pronoun(d, k, NULL) && !hs_aw_eq(d, k, "who") && !hs_aw_eq(d, k, "which")) {
                j = k;
                break;
            }
            if (hs_aw_is_punct(d, k) && !hs_aw_eq(d, k, ","))
                break;
        }
    }
    while (j < se && (hs_aw_eq(d, j, ",") || hs_aw_eq(d, j, ":")))
        j++;
    if (hs_aw_is_prep(d, j) && !hs_aw_eq(d, j, "to") && !hs_aw_eq(d, j, "about"))
        return 0; /* "shares with …", "spoke in Ohio": no content */
    uint32_t e = hs_attrib_content_end(x, j, se);
    if (x->cap_end && e > x->cap_end)
        e = x->cap_end; /* "Roe, who said …, left": the relative clause ends */
    if (in_fronted_clause(d, hs_aw_sent_begin(d, cb), cb))
        for (uint32_t k = j + 1; k < e; k++)
            if (hs_aw_eq(d, k, ",") && d->toks.v[k].quote < 0) {
                e = k; /* "While Roe criticized the plan, she …": the main clause is not the content */
                break;
            }
    /* an opinion cue with a plain object ("criticized Obama") needs a named or
     * personal subject, an active verb and no particle ("showed off") */
    int named = !(x->cue_obj[cb] & CUE_OPINION) ? 0
              : s && s->e == s->b + 1 && hs_aw_pronoun(d, s->b, NULL) ? s->kind == HS_SK_PERSON
              : s && (s->kind == HS_SK_PERSON || s->kind == HS_SK_ORGANIZATION);
    if (named && (passive_aux(d, s->e, cb) || hs_aw_eq(d, j, "off") || hs_aw_eq(d, j, "out") ||
                  hs_aw_eq(d, j, "up") || hs_aw_eq(d, j, "down") || hs_aw_eq(d, s->b, "who")))
        named = 0;
    /* a document says what it shows: "The poll shows Cruz at 27 percent",
     * "A video of the rally showed her waving" (its object is the content) */
    int doc = s && s->e > s->b && s->kind == HS_SK_DOCUMENT && !passive_aux(d, s->e, cb);
    int as = ((x->cue_obj[cb] & CUE_AS) && s && s->e > s->b && as_object(d, j, e)) || called_x_y(x, cb, j, e);
    if ((x->cue_obj[cb] & CUE_AS_ONLY) && !as)
        return 0; /* "see" without "X as …" */
    if ((x->cue_obj[cb] & CUE_WEAK) && !as && !clause_at(x, j, se) && (!holds_quote(d, j, e) || hs_ax_open_quote(d, j)) &&
        !((named || doc) && e >= j + 2 && !hs_ax_open_quote(d, j)))
        return 0; /* "welcomed a son", "unveiled a figure", "the cooking show “Salt & Fire”" */
    if ((x->cue_obj[cb] & CUE_WEAK) && !as && !clause_at(x, j, se) && s && s->e > s->b &&
        (x->cue_obj[cb] & CUE_RAISE))
        return 0; /* a raising cue outside its frame ("were seen leaving …, sparking talk of a
                     “secret romance”"): its subject did not speak */
    return hs_attrib_add(x, cb, ce, s, j, e, vb, ve);
}

/* The source of an earlier cue of the same sentence ("he stated that … and
 * referred to …", "she said …, adding …"). */
static int same_sentence_source(hs_actx *x, uint32_t sb, uint32_t cb, hs_src *s)
{
    const hs_doc *d = x->d;
    for (size_t i = d->attrs.n; i-- > 0;) {
        const hs_attr *a = &d->attrs.v[i];
        if (!a->has_source || a->cue.start < d->toks.v[sb].start || a->cue.end > d->toks.v[cb].start)
            continue;
        memset(s, 0, sizeof *s);
        for (uint32_t k = sb; k < cb; k++) {
            if (d->toks.v[k].start == a->source.start)
                s->b = k;
            if (d->toks.v[k].end == a->source.end)
                s->e = k + 1;
        }
        if (s->e > s->b) {
            s->kind = a->source_kind;
            return 1;
        }
    }
    return 0;
}

/* The subject of a sentence, for a participle cue (", adding that …"). */
static int subject_of(hs_actx *x, uint32_t sb, uint32_t cb, hs_src *s)
{
    uint32_t i = hs_aw_after_dateline(x->d, sb, cb);
    while (i < cb && (hs_aw_eq(x->d, i, "and") || hs_aw_eq(x->d, i, "but") || x->d->toks.v[i].kind == HS_TK_QUOTE))
        i++;
    /* "Today, however, the agency …", "Later, she …": an adverb and its commas */
    static const char *const times[] = {"today", "yesterday", "tonight", "meanwhile", "later", "earlier", "now",
                                        "recently", "however", "still", "instead", "previously", NULL};
    for (int adv = 1; adv && i + 1 < cb && hs_aw_eq(x->d, i + 1, ",");) {
        adv = x->tagged && x->d->toks.v[i].upos == HS_UPOS_ADV;
        for (size_t k = 0; times[k] && !adv; k++)
            adv = hs_aw_eq(x->d, i, times[k]);
        if (adv)
            i += 2;
    }
    if (i < cb && hs_ax_ing(x->d, i))
        return 0; /* "Sitting down with her wife, Portia …": not the subject */
    if (i + 1 < cb && hs_aw_is_prep(x->d, i + 1) && !hs_aw_pronoun(x->d, i, NULL))
        return 0; /* "Back in 2009, …": an adverbial opens the sentence */
    return hs_src_right(x, i, cb, s);
}

static int passive_aux(const hs_doc *d, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (hs_aw_eq(d, i, "was") || hs_aw_eq(d, i, "is") || hs_aw_eq(d, i, "been") || hs_aw_eq(d, i, "be") ||
            hs_aw_eq(d, i, "were") || hs_aw_eq(d, i, "are"))
            return 1;
    return 0;
}

/* Words before token e in the sentence ("Earlier, an insider told …" has one). */
static uint32_t left_words(const hs_doc *d, uint32_t sb, uint32_t e)
{
    uint32_t n = 0;
    for (uint32_t i = sb; i < e; i++)
        n += hs_aw_is_word(d, i) || (d->toks.v[i].flags & HS_TF_QUOTE_CLOSE);
    return n;
}

/* Skip back over auxiliaries, adverbs and a time ("on Tuesday", "last week")
 * between a source and the cue at cb. */
static uint32_t skip_back(const hs_doc *d, uint32_t cb, uint32_t sb)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday", "yesterday", "today", "tonight", "week", "month", "year",
                                       "night", "morning", "evening", "afternoon", NULL};
    uint32_t k = cb;
    for (;;) {
        while (k > sb && hs_aw_is_skip(d, k - 1))
            k--;
        int day = 0;
        for (size_t i = 0; k > sb && days[i] && !day; i++)
            day = hs_aw_eq(d, k - 1, days[i]);
        if (!day)
            return k;
        k--;
        while (k > sb && (hs_aw_eq(d, k - 1, "on") || hs_aw_eq(d, k - 1, "last") || hs_aw_eq(d, k - 1, "this") ||
                          hs_aw_eq(d, k - 1, "earlier") || hs_aw_eq(d, k - 1, "late") ||
                          hs_aw_eq(d, k - 1, "sunday") || hs_aw_eq(d, k - 1, "saturday")))
            k--;
    }
}

static uint32_t left_words(const hs_doc *d, uint32_t sb, uint32_t e);

/* "Asked about the budget, Roe said …", "When asked by reporters whether …":
 * a participle opening its clause reports the question (up to the comma); the
 * asker, when named, is in the "by" phrase. */
static int asked_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce)
{
    const hs_doc *d = x->d;
    if (!hs_aw_eq(d, cb, "asked") || ce != cb + 1)
        return 0;
    uint32_t k = cb;
    if (k > sb && hs_aw_eq(d, k - 1, "when"))
        k--;
    if (!(k == sb || hs_aw_eq(d, k - 1, ",") || hs_aw_eq(d, k - 1, "and") || hs_aw_eq(d, k - 1, "but") ||
          d->toks.v[k - 1].kind == HS_TK_QUOTE))
        return 0;
    hs_src s;
    memset(&s, 0, sizeof s);
    uint32_t j = ce;
    if (j < se && hs_aw_eq(d, j, "by") && hs_src_right(x, j + 1, se, &s))
        j = s.e;
    if (j < se && (hs_aw_eq(d, j, "about") || hs_aw_eq(d, j, "for") || hs_aw_eq(d, j, "on")) && j == ce)
        ce = ++j; /* the cue is "asked about" */
    else if (j < se && (hs_aw_eq(d, j, "about") || hs_aw_eq(d, j, "for") || hs_aw_eq(d, j, "on")))
        j++;
    uint32_t e = j;
    while (e < se && !(hs_aw_eq(d, e, ",") && d->toks.v[e].quote < 0) && !hs_aw_is_final(d, e))
        e++;
    if (e >= se || !hs_aw_eq(d, e, ","))
        return 0; /* the main clause follows the comma */
    return hs_attrib_add(x, cb, ce, s.e > s.b ? &s : NULL, j, e, 0, 0) < 0 ? -1 : 1;
}

/* "Roe seemed to waver", "The council is expected to vote in May", "The
 * bridge is known as the Span": a raising verb names no source, and its
 * subject belongs to the content, which runs from the subject to the end of
 * the clause (PolNeAR's convention; the cue lies inside it). */
static int raise_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce)
{
    const hs_doc *d = x->d;
    if (!(x->cue_obj[cb] & CUE_RAISE) || ce >= se)
        return 0;
    if (hs_aw_eq(d, ce, "that") && cb > sb && hs_aw_eq(d, cb - 1, "it")) {
        uint32_t e = hs_attrib_content_end(x, ce, se); /* "it seems that …": the clause, nobody's */
        return e > ce + 1 ? (hs_attrib_add(x, cb, ce, NULL, ce, e, 0, 0) < 0 ? -1 : 1) : 0;
    }
    if (!(hs_aw_eq(d, ce, "to") || hs_aw_eq(d, ce, "as")))
        return 0;
    uint32_t k = cb;
    while (k > sb && cb - k < 3 && hs_aw_is_skip(d, k - 1) && !hs_aw_eq(d, k - 1, "to"))
        k--; /* "also seemed", "is widely expected" (the aux is in the cue phrase) */
    hs_src s;
    if (k <= sb || hs_aw_is_punct(d, k - 1) || !hs_src_left(x, k - 1, sb, &s))
        return 0; /* (a relative "which is expected to …" keeps "which" in the content) */
    uint32_t e = hs_attrib_content_end(x, ce + 1, se);
    if (e <= ce + 1)
        return 0;
    return hs_attrib_add(x, cb, ce, NULL, s.b, e, 0, 0) < 0 ? -1 : 1;
}

/* "has not revealed", "did n't want": a negated cue reports what follows it
 * ("did not confirm the split"), never the clause before it ("…, they may not
 * want to"). */
static int negated(const hs_doc *d, uint32_t i)
{
    for (uint32_t k = i; k > 0 && i - k < 3; k--) {
        if (hs_aw_eq(d, k - 1, "not") || hs_aw_eq(d, k - 1, "n't") || hs_aw_eq(d, k - 1, "n’t") ||
            hs_aw_eq(d, k - 1, "never"))
            return 1;
        if (!hs_aw_is_skip(d, k - 1))
            return 0;
    }
    return 0;
}

/* "… prompted Roe to announce that …", "Roe declined to say whether …", "the
 * singer was quick to deny …": a cue after "to" speaks for the object of a
 * verb that moves someone to act (led, prompted, urged), else for the
 * subject of the clause (not after a noun: "the first senator to call for"). */
static int infinitive_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce)
{
    static const char *const movers[] = {"led", "prompted", "urged", "asked", "forced", "pushed", "pressed",
                                         "encouraged", "invited", "caused", "inspired", "leads", "prompts",
                                         "urges", "asks", "forces", "pushes", "lead", "prompt", "urge", "ask",
                                         "force", "push", "leaving", "left", "allowed", NULL};
    const hs_doc *d = x->d;
    hs_src s;
    memset(&s, 0, sizeof s);
    uint32_t to = cb - 1;
    if (hs_src_left(x, to - 1, sb, &s) && s.b > sb) {
        int moved = 0;
        for (size_t k = 0; movers[k] && !moved; k++)
            moved = hs_aw_eq(d, s.b - 1, movers[k]);
        if (!moved)
            memset(&s, 0, sizeof s);
    } else {
        memset(&s, 0, sizeof s);
    }
    if (s.e == s.b && x->tagged && (d->toks.v[to - 1].upos == HS_UPOS_NOUN || d->toks.v[to - 1].upos == HS_UPOS_PROPN))
        return 0; /* "the first member of Congress to call for …": a noun's infinitive, its speaker unknown */
    if (s.e == s.b && !same_sentence_source(x, sb, to, &s) && !subject_of(x, sb, to, &s) &&
        !hs_src_subject_before(x, to, sb, &s))
        return 0;
    if (s.e == s.b || s.kind == HS_SK_DOCUMENT)
        return 0;
    if (!clause_at(x, ce, se) && s.kind == HS_SK_UNKNOWN && !(s.e == s.b + 1 && hs_aw_pronoun(d, s.b, NULL)))
        return 0; /* "the layers that start to reveal themselves": a speaker, or a clause said */
    int rc = content_right(x, cb, ce, se, &s);
    return rc < 0 ? -1 : 1;
}

/* "“…,” Wintour continued.", "“…,” Andrew Brown, head of Lake Diamonds, tells
 * X": between a closing quotation mark (after its comma) and the cue at k,
 * one to three capitalised words are the speaker's name whatever the taggers
 * make of them, and an apposition after the name is skipped.  1 with *s. */
static int quote_name(hs_actx *x, uint32_t sb, uint32_t k, hs_src *s)
{
    const hs_doc *d = x->d;
    uint32_t b = k;
    for (uint32_t i = sb; i + 1 < k; i++)
        if (hs_ax_close_quote(d, i) && (i == 0 || hs_aw_eq(d, i - 1, ",") || hs_aw_eq(d, i + 1, ","))) {
            b = hs_aw_eq(d, i + 1, ",") ? i + 2 : i + 1;
            break;
        }
    uint32_t e = b;
    while (e < k && e < b + 3 && hs_aw_is_cap(d, e) && !hs_aw_is_det(d, e) && !hs_aw_is_prep(d, e))
        e++;
    if (e == b || !(e == k || (hs_aw_eq(d, e, ",") && k - e <= 8)))
        return 0;
    for (uint32_t i = e + 1; i < k; i++)
        if (d->toks.v[i].quote >= 0 || hs_aw_is_punct(d, i) || x->cue_len[i])
            return 0; /* the apposition: words only ("head of Lake Diamonds") */
    memset(s, 0, sizeof *s);
    if (e - b == 1 && hs_aw_pronoun(d, b, NULL))
        return 0;
    s->b = b;
    s->e = e;
    s->kind = HS_SK_PERSON;
    if (hs_src_outlet_at(x, b, e) == e - b) { /* "“…,” Harbor Gazette reported." */
        s->kind = HS_SK_OUTLET;
        s->via_b = b;
        s->via_e = e;
    }
    return 1;
}




static int verb_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce)
{
    const hs_doc *d = x->d;
    hs_src s;
    uint32_t b, e, vb = 0, ve = 0;
    if (x->cue_obj[cb] & CUE_AS_ONLY) { /* "voters see him as …": only before its object */
        uint32_t k = skip_back(d, cb, sb);
        if (k <= sb || !hs_src_left(x, k - 1, sb, &s))
            return 0;
        return content_right(x, cb, ce, se, &s);
    }
    int rc = asked_frame(x, sb, se, cb, ce);
    if (!rc)
        rc = raise_frame(x, sb, se, cb, ce);
    if (rc)
        return rc < 0 ? HS_ENOMEM : 0;
    if (cb > sb && hs_ax_sep(d, cb - 1) && !negated(d, cb)) {
        if (hs_ax_ing(d, cb)) { /* participle: the subject of the clause speaks */
            if (!same_sentence_source(x, sb, cb, &s) && !subject_of(x, sb, cb - 1, &s) &&
                !hs_src_subject_before(x, cb - 1, sb, &s))
                memset(&s, 0, sizeof s);
            return content_right(x, cb, ce, se, &s);
        }
        /* inverted: "…, said X." */
        uint32_t j = hs_src_via_after(x, ce, se, &vb, &ve);
        if (hs_src_right(x, j, se, &s)) {
            uint32_t after = s.e;
            if (!ve)
                after = hs_src_via_after(x, s.e, se, &vb, &ve);
            if (hs_ax_short_rest(x, after, se) || hs_ax_close_quote(d, cb - 1) ||
                (after + 1 < se && hs_aw_eq(d, after, ":") && hs_ax_open_quote(d, after + 1)) || /* ", says the confidant: “…”" */
                (hs_ax_adjunct_rest(d, after, se) && !(x->cue_obj[cb] & CUE_WEAK) && s.kind != HS_SK_UNKNOWN &&
                 s.kind != HS_SK_DOCUMENT)) {
                hs_ax_content_left(x, sb, cb - 1 + (hs_ax_close_quote(d, cb - 1) ? 1 : 0), &b, &e);
                return hs_attrib_add(x, cb, ce, &s, b, e, vb, ve);
            }
            vb = ve = 0;
        }
    }
    if (cb > sb + 1 && hs_aw_eq(d, cb - 1, "to")) {
        rc = infinitive_frame(x, sb, se, cb, ce);
        if (rc)
            return rc < 0 ? HS_ENOMEM : 0;
    }
    uint32_t ka = cb; /* "and said", "and then said", "but has also said" */
    while (ka > sb + 1 && hs_aw_is_skip(d, ka - 1) && cb - ka < 3)
        ka--;
    if (ka > sb && (hs_aw_eq(d, ka - 1, "and") || hs_aw_eq(d, ka - 1, "but"))) {
        /* "Clinton thanked supporters and said …": the subject speaks */
        if (!same_sentence_source(x, sb, ka, &s) && !subject_of(x, sb, ka - 1, &s) &&
            !hs_src_subject_before(x, ka - 1, sb, &s))
            memset(&s, 0, sizeof s);
        return s.e > s.b ? content_right(x, cb, ce, se, &s) : 0;
    }
    /* "… not on board — especially Kris Jenner said the insider.": an anonymous
     * or representative source after the cue, ending the sentence, speaks */
    if (hs_src_right(x, ce, se, &s) && (s.kind == HS_SK_ANONYMOUS || s.kind == HS_SK_REPRESENTATIVE) &&
        hs_aw_is_det(d, s.b) && hs_ax_short_rest(x, s.e, se) && left_words(d, sb, cb) >= 3) {
        hs_ax_content_left(x, sb, cb, &b, &e);
        return hs_attrib_add(x, cb, ce, &s, b, e, 0, 0);
    }
    uint32_t k = skip_back(d, cb, sb);
    if (k <= sb)
        return 0;
    if (k == cb && hs_ax_ing(d, cb) && (hs_aw_eq(d, k - 1, "by") || hs_aw_eq(d, k - 1, "after") ||
                                     hs_aw_eq(d, k - 1, "before"))) {
        /* "Roe began by saying that …", "Roe left after saying her foot was swollen": the
         * clause's subject (not after "while": "while introducing himself"; PolNeAR ±0.0001) */
        if (!same_sentence_source(x, sb, cb, &s) && !subject_of(x, sb, k - 1, &s) &&
            !hs_src_subject_before(x, k - 1, sb, &s))
            return 0;
        return content_right(x, cb, ce, se, &s);
    }
    /* (not through a passive: "the bill, which was referred to …") */
    if (!(!passive_aux(d, k, cb) && hs_src_antecedent(x, k - 1, sb, &s)) && !quote_name(x, sb, k, &s) &&
        !hs_src_left(x, k - 1, sb, &s)) {
        /* "Roe, appearing on Fox News after the speech, said …": the clause's subject */
        if (!hs_aw_eq(d, k - 1, ",") || !subject_of(x, sb, k - 1, &s) || s.b != sb)
            return 0;
        return content_right(x, cb, ce, se, &s);
    }
    if (s.e == s.b + 1 && hs_aw_eq(d, s.b, "it") && k < cb && passive_aux(d, k, cb))
        return 0; /* "It was revealed that …": nobody is said to speak */
    if (k >= 2 && hs_aw_eq(d, k - 2, ",") && (hs_aw_eq(d, k - 1, "who") || hs_aw_eq(d, k - 1, "which")) &&
        s.e <= k - 2) {
        /* "The singer, who told X that …, left early": the content ends with the
         * relative clause, at a comma before the main clause's verb */
        x->cap_end = hs_ax_relative_end(x, ce, se);
        int rc2 = content_right(x, cb, ce, se, &s);
        x->cap_end = 0;
        return rc2;
    }
    uint32_t after = hs_src_via_after(x, ce, se, &vb, &ve);
    /* the source's phrase may open with role words before the name ("…,” addiction
     * expert Dr. Lena Holt told …"): what stands before them decides the frame */
    uint32_t pb = s.b;
    while (x->tagged && pb > sb && s.b - pb < 4 && d->toks.v[pb - 1].quote < 0 && hs_aw_is_word(d, pb - 1) &&
           !x->cue_len[pb - 1] && (d->toks.v[pb - 1].upos == HS_UPOS_NOUN || d->toks.v[pb - 1].upos == HS_UPOS_ADJ))
        pb--;
    if (pb < s.b && !(pb > sb && hs_ax_close_quote(d, pb - 1)))
        pb = s.b; /* only right after a quotation */
    int32_t qc = pb > sb && hs_ax_close_quote(d, pb - 1) ? hs_ax_quote_by_mark(d, pb - 1, 1) : -1;
    int quoted = qc >= 0 && d->quotes.v[qc].kind == HS_QK_DIRECT && !hs_aw_eq(d, after, "that") &&
                 !hs_aw_eq(d, after, ":") && !hs_ax_open_quote(d, after);
    if (pb < s.b && quoted)
        s.b = pb; /* the whole phrase is the source: "addiction expert Dr. Lena Holt" */
    if (s.b > sb && hs_ax_sep(d, s.b - 1) && !negated(d, cb) && !(x->cue_obj[cb] & CUE_RAISE) &&
        (quoted || ((hs_ax_short_rest(x, after, se) || (hs_ax_adjunct_rest(d, after, se) && !(x->cue_obj[cb] & CUE_WEAK))) &&
                    left_words(d, sb, s.b) >= 2 && !pronoun_clause_at(d, after, se)))) {
        /* post-posed: "…, X said." (a comma after the cue: parenthetical) */
        hs_ax_content_left(x, sb, s.b - 1 + (hs_ax_close_quote(d, s.b - 1) ? 1 : 0), &b, &e);
        if (after < se && hs_aw_eq(d, after, ",") && after + 1 < se && (!x->cue_len[after + 1] || !hs_ax_ing(d, after + 1)) &&
            !hs_ax_close_quote(d, s.b - 1) && !hs_ax_joins(d, after + 1)) {
            uint32_t e2 = hs_attrib_content_end(x, after + 1, se);
            if (e2 > after + 1)
                e = e2;
        }
        return hs_attrib_add(x, cb, ce, &s, b, e, vb, ve);
    }
    /* "“… public?” Pike told Glimmer Weekly last year.": a sentence that opens
     * with its source and cue and says nothing else speaks the quotation that
     * ends right before it (in the same paragraph) */
    if (s.b == sb && sb > 0 && hs_ax_close_quote(d, sb - 1) && !(d->toks.v[sb].flags & HS_TF_PARA_START) &&
        !(x->cue_obj[cb] & (CUE_RAISE | CUE_AS_ONLY)) && !negated(d, cb)) {
        int32_t q = hs_ax_quote_by_mark(d, sb - 1, 1);
        uint32_t vb2 = 0, ve2 = 0, rest = hs_src_via_after(x, ce, se, &vb2, &ve2);
        if (rest == ce && ((x->cue_obj[cb] & CUE_OBJ) || hs_aw_eq(d, cb, "asked") || hs_aw_eq(d, cb, "asks")))
            rest = hs_ax_short_object(x, ce, se); /* "… asked the crowd during her speech." */
        if (q >= 0 && d->quotes.v[q].kind == HS_QK_DIRECT && d->quotes.v[q].open_tok >= 0 && hs_ax_tail_only(x, rest, se))
            return hs_attrib_add(x, cb, ce, &s, (uint32_t)d->quotes.v[q].open_tok, sb, vb2, ve2);
    }
    return content_right(x, cb, ce, se, &s);
}

static int prep_frame(hs_actx *x, uint32_t sb, uint32_t se, uint32_t cb, uint32_t ce)
{
    const hs_doc *d = x->d;
    sb = hs_aw_after_dateline(d, sb, cb); /* "PARIS (Wire) — According to …" */
    int clause_start = cb == sb || (cb == sb + 1 && (hs_aw_eq(d, sb, "and") || hs_aw_eq(d, sb, "but") ||
                                                     d->toks.v[sb].kind == HS_TK_QUOTE));
    if (hs_aw_eq(d, cb, "per") && !(clause_start || hs_aw_eq(d, cb - 1, ",")))
        return 0; /* "per cent", "$5 per share" */
    hs_src s;
    if (!hs_src_right(x, ce, se, &s))
        return 0;
    if (hs_aw_eq(d, cb, "in")) {
        /* "Brook leads in the new Valley poll.": a particular poll (not "in the
         * polls", "in some polls") that ends the clause; "In the poll, …" opens
         * it.  A verb cue elsewhere in the sentence reports the clause instead
         * ("…, said Roe in a survey", "In a study, economists found …"). */
        if (!clause_start && ((s.e < se && !hs_aw_is_punct(d, s.e)) || s.e < s.b + 3))
            return 0;
        for (uint32_t i = sb; i < se; i++)
            if (x->cue_len[i] && x->cue_cls[i] == HS_TB_CUE_VERB && d->toks.v[i].quote < 0)
                return 0;
    }
    uint32_t b, e;
    if (clause_start) {
        uint32_t j = s.e;
        /* "According to exit polls conducted for … by …, …": 14 (6 to 20 equal on dev) */
        while (j < se && !hs_aw_eq(d, j, ",") && j < s.e + 14)
            j++;
        if (j >= se || !hs_aw_eq(d, j, ","))
            j = s.e;
        else
            j++;
        b = j;
        e = hs_attrib_content_end(x, j, se);
    } else {
        hs_ax_content_left(x, sb, cb, &b, &e);
        /* "At the heart of the trouble, according to X, is …": both sides */
        if (s.e + 1 < se && hs_aw_eq(d, s.e, ",") && !x->cue_len[s.e + 1] && !hs_ax_joins(d, s.e + 1) &&
            !hs_aw_eq(d, s.e + 1, "which") && !hs_aw_eq(d, s.e + 1, "who")) {
            uint32_t e2 = hs_attrib_content_end(x, s.e + 1, se);
            if (e2 > s.e + 2)
                e = e2;
        }
    }
    return hs_attrib_add(x, cb, ce, &s, b, e, 0, 0);
}

int hs_attrib_cues(hs_actx *x)
{
    hs_doc *d = x->d;
    int rc0 = hs_attrib_nominals(x, 0);
    if (rc0)
        return rc0;
    for (size_t si = 0; si < d->sents.n; si++) {
        uint32_t sb = d->sents.v[si].tok_begin, se = d->sents.v[si].tok_end;
        for (uint32_t i = sb; i < se; i++) {
            if (!x->cue_len[i] || (x->used[i] & (ATOK_CUE_USED | ATOK_CLAIMED)))
                continue;
            uint32_t ce = i + x->cue_len[i];
            int rc = x->cue_cls[i] == HS_TB_CUE_PREP ? prep_frame(x, sb, se, i, ce)
                                                     : verb_frame(x, sb, se, i, ce);
            if (rc < 0)
                return rc;
        }
    }
    return hs_attrib_nominals(x, 1);
}
