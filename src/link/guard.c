/* The person guard: a name the tagger typed ORG, PLACE or MISC becomes a
 * person's where the document says so.  It runs after the mentions are found
 * and before they are clustered, on "plain" names of two or three
 * capitalised words (not all capitals, no digits, no outlet or photo agency)
 * after no "the", that none of the link tables knows, not even as a whole phrase (a place,
 * outlet, organisation word, title or first name typed the mention already,
 * and stands).  The patterns, each with a test in tests/unit/test_guard.c:
 *
 *   person verb the name, up to two auxiliaries or adverbs, then a verb or
 *               adjective only people take (class personverb of
 *               data/link_words.tsv): "Oriel Vantry quietly married …",
 *               "Ysolde Fennick was born …"
 *   pronoun     a name typed PLACE that opens its sentence and is the
 *               subject of a verb right after it, followed by "he" or "she"
 *               later in that sentence or among the first three words of the
 *               next, with no other person-like mention (name, descriptor,
 *               pronoun) between: "Darnel Quayle had asked for … and he …"
 *               (not ORG: "Harwick Hall confirmed … She" is its spokeswoman; not
 *               MISC, the type of works: "Salt Road tells the story of …")
 *   list        a conjunct of a list of names ("A, B and C", "A, B, or C")
 *               in which at least two other conjuncts are people's names and
 *               they outnumber the others: "exes Rhea Moll, Tess Arden and
 *               Ona Vale"
 *   same name   the very words of a name the document shows to be a person's
 *               (a first name opens it, a title precedes it, or a pattern
 *               above matched it elsewhere)
 *
 * The first two skip a name ending in a plural ("the Spice Sisters married"
 * is a group).  One word is left to clustering, where it joins the full name
 * ("Quayle" after "Dr. Darnel Quayle").  Tried and dropped: "who" after the
 * name (on 13,803 bench articles 5 of 16 changes right: "a member of the
 * Quill Caucus, who", "the band Foo Fighters, who"), and the pronoun pattern
 * for ORG names and without a verb (photo credits before "She …"). */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>

static int plain_word(const hs_link_ctx *c, size_t k)
{
    const hs_tok *t = &c->d->toks.v[k];
    return t->kind == HS_TK_WORD && (t->flags & HS_TF_UPPER_INITIAL) &&
           !(t->flags & (HS_TF_ALL_UPPER | HS_TF_HAS_DIGIT | HS_TF_CREDIT | HS_TF_OUTLET)) && !c->lt[k].cls &&
           c->lt[k].fold;
}

/* A name mention the guard may retype. */
static int candidate(const hs_link_ctx *c, const hs_mention *m)
{
    if (m->kind != HS_MK_NAME || m->outlet ||
        (m->type != HS_ET_ORG && m->type != HS_ET_PLACE && m->type != HS_ET_MISC))
        return 0;
    if (m->tok_end - m->tok_begin > 3 || (m->tok_begin > 0 && hs_link_tok_is(c->d, m->tok_begin - 1, "the")))
        return 0; /* a person's name takes no article: "the Quill Ritual was born from …" */
    char buf[256];
    size_t len = 0;
    for (size_t k = m->tok_begin; k < m->tok_end; k++) {
        if (!plain_word(c, k) || len + c->lt[k].flen + 2 > sizeof buf)
            return 0;
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, c->lt[k].fold, c->lt[k].flen);
        len += c->lt[k].flen;
    }
    return !hs_lw_get(c->lex, buf, len); /* "South Carolina": a table's phrase */
}

static int person_verb_after(const hs_link_ctx *c, size_t e, size_t end)
{
    const hs_doc *d = c->d;
    for (size_t k = e; k < end && k < e + 3; k++) {
        if (c->lt[k].cls & HS_LW_PERSONVERB)
            return d->toks.v[k].kind == HS_TK_WORD && !(d->toks.v[k].flags & HS_TF_UPPER_INITIAL);
        if (d->toks.v[k].upos != HS_UPOS_AUX && d->toks.v[k].upos != HS_UPOS_ADV)
            return 0;
    }
    return 0;
}

static int person_like(const hs_mention *m)
{
    return m->kind != HS_MK_NAME || m->type == HS_ET_PERSON || m->type == HS_ET_MISC;
}

/* Is mention i its sentence's first, and the next person-like mention a
 * "he" or "she" in its sentence or at the start of the next? */
static int pronoun_follows(const hs_link_ctx *c, size_t i)
{
    const hs_doc *d = c->d;
    const hs_mention *m = &d->mentions.v[i];
    uint32_t s = d->toks.v[m->tok_begin].sent;
    if (i > 0 && d->toks.v[d->mentions.v[i - 1].tok_begin].sent == s)
        return 0;
    /* the subject: it opens the sentence (an opening quotation mark aside) and
       modifies no noun after it ("Quill Street traders …") */
    for (size_t k = d->sents.v[s].tok_begin; k < m->tok_begin; k++)
        if (d->toks.v[k].kind != HS_TK_PUNCT)
            return 0;
    if (m->type != HS_ET_PLACE)
        return 0; /* "Harwick Hall confirmed … She": an organisation speaks for a person;
                     "Salt Road tells the story of …, and she": a work (MISC) */
    int verb = 0; /* a clause's subject: a verb right after it ("had asked", "opened") */
    for (size_t k = m->tok_end; k < d->sents.v[s].tok_end && k < m->tok_end + 2; k++)
        verb |= d->toks.v[k].upos == HS_UPOS_VERB || d->toks.v[k].upos == HS_UPOS_AUX;
    if (!verb || d->toks.v[m->tok_end].upos == HS_UPOS_NOUN || d->toks.v[m->tok_end].upos == HS_UPOS_PROPN)
        return 0;
    for (size_t j = i + 1; j < d->mentions.n; j++) {
        const hs_mention *p = &d->mentions.v[j];
        uint32_t ps = d->toks.v[p->tok_begin].sent;
        if (ps > s + 1 || (ps == s + 1 && p->tok_begin >= d->sents.v[ps].tok_begin + 3))
            return 0;
        if (!person_like(p))
            continue;
        return p->kind == HS_MK_PRONOUN && hs_link_tok_is(d, p->tok_begin, "he|she");
    }
    return 0;
}

/* Do only a list's separators stand between mentions a and b: ",", "and",
 * "or", ", and", ", or"? */
static int list_gap(const hs_doc *d, const hs_mention *a, const hs_mention *b)
{
    size_t k = a->tok_end, e = b->tok_begin;
    if (a->kind != HS_MK_NAME || b->kind != HS_MK_NAME || k >= e || e - k > 2)
        return 0;
    if (e - k == 2)
        return hs_link_tok_is(d, k, ",") && hs_link_tok_is(d, k + 1, "and|or");
    return hs_link_tok_is(d, k, ",|and|or");
}

/* Is mention i a conjunct of a list of names whose other conjuncts include
 * two or more people's names (two words or more), more than the rest? */
static int in_person_list(const hs_link_ctx *c, size_t i)
{
    const hs_doc *d = c->d;
    size_t b = i, e = i, people = 0;
    while (b > 0 && list_gap(d, &d->mentions.v[b - 1], &d->mentions.v[b]))
        b--;
    while (e + 1 < d->mentions.n && list_gap(d, &d->mentions.v[e], &d->mentions.v[e + 1]))
        e++;
    for (size_t j = b; j <= e; j++) {
        const hs_mention *p = &d->mentions.v[j];
        people += j != i && p->type == HS_ET_PERSON && p->tok_end - p->tok_begin >= 2;
    }
    return people >= 2 && 2 * people > e - b;
}

/* Do mentions a and b spell the same words? */
static int same_words(const hs_link_ctx *c, const hs_mention *a, const hs_mention *b)
{
    if (a->tok_end - a->tok_begin != b->tok_end - b->tok_begin)
        return 0;
    for (size_t k = a->tok_begin, j = b->tok_begin; k < a->tok_end; k++, j++)
        if (!c->lt[j].fold || strcmp(c->lt[j].fold, c->lt[k].fold))
            return 0;
    return 1;
}

/* Does the word at k end in a plural's "s" ("Fighters", not "Ross")? */
static int plural_end(const hs_link_ctx *c, size_t k)
{
    size_t n = c->lt[k].flen;
    const char *f = c->lt[k].fold;
    return n > 3 && f[n - 1] == 's' && f[n - 2] != 's' && f[n - 2] != 'u' && f[n - 2] != 'i';
}

int hs_link_person_guard(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    size_t n = d->mentions.n;
    uint8_t *shown = calloc(n ? n : 1, 1); /* a person's name by the patterns, a first name or a title */
    if (!shown)
        return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        hs_mention *m = &d->mentions.v[i];
        size_t b = m->tok_begin, e = m->tok_end;
        if (m->kind == HS_MK_NAME && m->type == HS_ET_PERSON)
            shown[i] = (c->lt[b].cls & HS_LW_FIRST) || (b > 0 && (c->lt[b - 1].cls & HS_LW_TITLE));
        if (!candidate(c, m) || e - b < 2 || plural_end(c, e - 1))
            continue; /* one word ("Republicans") or a plural ("Spice Sisters"): a group */
        size_t end = d->sents.v[d->toks.v[b].sent].tok_end;
        if (person_verb_after(c, e, end) || pronoun_follows(c, i) || in_person_list(c, i))
            m->type = HS_ET_PERSON, shown[i] = 1;
    }
    for (size_t i = 0; i < n; i++) {
        hs_mention *m = &d->mentions.v[i];
        if (!candidate(c, m) || m->tok_end - m->tok_begin < 2)
            continue; /* one word is left to clustering: "Quayle" joins "Dr. Darnel Quayle" */
        for (size_t j = 0; j < n; j++) {
            const hs_mention *p = &d->mentions.v[j];
            if (shown[j] && p->type == HS_ET_PERSON && same_words(c, m, p)) {
                m->type = HS_ET_PERSON;
                break;
            }
        }
    }
    free(shown);
    return 0;
}
