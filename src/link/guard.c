/* The person guard: a name the tagger typed ORG, PLACE or MISC becomes a
 * person's where the document says so.  It runs after the mentions are found
 * and before they are clustered, on "plain" names only: one to three
 * capitalised words (not all capitals, no digits) that none of the link
 * tables knows (a place, outlet, organisation word, title or first name
 * typed the mention already, and stands).  The patterns, each with a test
 * in tests/unit/test_link.c:
 *
 *   who         the name, an optional comma, then "who", the name after no
 *               preposition: "Tamsin Okoro, who …" (organisations take
 *               "which"; "a member of the Quill Caucus who …" is the member,
 *               and so after a possessive)
 *   person verb the name, up to two auxiliaries or adverbs, then a verb or
 *               adjective only people take (class personverb of
 *               data/link_words.tsv): "Okoro quietly married …", "Okoro
 *               was born …", "Okoro is pregnant"
 *   pronoun     a name that opens its sentence (and modifies no noun after
 *               it), followed by "he" or "she" later in that sentence or
 *               among the first three words of the next, with no other
 *               person-like mention (name, descriptor, pronoun) between:
 *               "Darnel Quayle had asked for … which he was charged with"
 *   list        a conjunct of a list of names ("A, B and C", "A, B, or C")
 *               in which at least two other conjuncts are people's names and
 *               they outnumber the others: "exes Rhea Moll, Tess Arden and
 *               Ona Vale"
 *   same name   the words of the name all belong to a name of two or more
 *               words the document shows to be a person's (a first name opens
 *               it, a title precedes it, or a pattern above): "Okoro" after
 *               "Dr. Tamsin Okoro"; not for one word typed ORG: a firm takes a
 *               founder's surname ("Ford")
 *
 * The first four take names of two or three words only: a group takes
 * "who" too ("Republicans, who …").
 *
 * A title before the name, a first name at its start and an appositive age
 * ("Tamsin Okoro, 34,") already make the mention a person's where it is found
 * (mentions.c); the last pattern carries that to the other mentions. */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>

static int plain_word(const hs_link_ctx *c, size_t k)
{
    const hs_tok *t = &c->d->toks.v[k];
    return t->kind == HS_TK_WORD && (t->flags & HS_TF_UPPER_INITIAL) && !(t->flags & HS_TF_ALL_UPPER) &&
           !(t->flags & HS_TF_HAS_DIGIT) && !c->lt[k].cls && c->lt[k].fold;
}

/* A name mention the guard may retype. */
static int candidate(const hs_link_ctx *c, const hs_mention *m)
{
    if (m->kind != HS_MK_NAME || m->outlet ||
        (m->type != HS_ET_ORG && m->type != HS_ET_PLACE && m->type != HS_ET_MISC))
        return 0;
    if (m->tok_end - m->tok_begin > 3)
        return 0;
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

/* "Tamsin Okoro, who": not after a preposition ("a member of the Quill
 * Caucus who …": the member) */
static int who_after(const hs_link_ctx *c, size_t b, size_t e, size_t end)
{
    while (b > 0 && c->d->toks.v[b - 1].upos == HS_UPOS_DET)
        b--;
    if (b > 0 && (c->d->toks.v[b - 1].upos == HS_UPOS_ADP || c->d->toks.v[b - 1].upos == HS_UPOS_PART))
        return 0; /* "of the Quill Caucus, who", "on Ostend's Long Quay, who" */
    if (e < end && hs_link_tok_is(c->d, e, ","))
        e++;
    return e < end && hs_link_tok_is(c->d, e, "who");
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
    if (m->tok_end < d->sents.v[s].tok_end &&
        (d->toks.v[m->tok_end].upos == HS_UPOS_NOUN || d->toks.v[m->tok_end].upos == HS_UPOS_PROPN))
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

/* Are the words of mention a all among those of mention b? */
static int words_in(const hs_link_ctx *c, const hs_mention *a, const hs_mention *b)
{
    for (size_t k = a->tok_begin; k < a->tok_end; k++) {
        int found = 0;
        for (size_t j = b->tok_begin; !found && j < b->tok_end; j++)
            found = c->lt[j].fold && !strcmp(c->lt[j].fold, c->lt[k].fold);
        if (!found)
            return 0;
    }
    return 1;
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
        if (!candidate(c, m) || e - b < 2) /* one word: "Republicans, who …" is a group */
            continue;
        size_t end = d->sents.v[d->toks.v[b].sent].tok_end;
        if (who_after(c, b, e, end) || person_verb_after(c, e, end) || pronoun_follows(c, i) ||
            in_person_list(c, i))
            m->type = HS_ET_PERSON, shown[i] = 1;
    }
    for (size_t i = 0; i < n; i++) {
        hs_mention *m = &d->mentions.v[i];
        if (!candidate(c, m) || (m->type == HS_ET_ORG && m->tok_end - m->tok_begin == 1))
            continue; /* a lone surname the tagger calls an organisation names a firm as often ("Ford") */
        for (size_t j = 0; j < n; j++) {
            const hs_mention *p = &d->mentions.v[j];
            if (shown[j] && p->type == HS_ET_PERSON && p->tok_end - p->tok_begin >= 2 && words_in(c, m, p)) {
                m->type = HS_ET_PERSON;
                break;
            }
        }
    }
    free(shown);
    return 0;
}
