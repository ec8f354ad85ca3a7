/* Name patterns applied after the statistical taggers: three regularities of
 * English that the training data (Reuters, GUM) teaches poorly.
 *
 *  1. Named days: a capitalised word, a possessive clitic and "Day" or "Eve"
 *     ("Valentine's Day", "Mother's Day", "New Year's Eve") name one EVENT;
 *     the first word is not a person.
 *  2. Quoted titles: a quotation the text layer classed as the title of a work
 *     (HS_QK_TITLE: "the film “Salt Marsh”") is a WORK.
 *  3. Epithets: a personal name heads its noun phrase without an article, so a
 *     PERSON span right after "the" that ends in a word usually written in
 *     lower case ("the Bond Girl", "the Leading Man Whisperer") and is not a
 *     modifier of a following noun ("the Tom Cruise movie") is an epithet,
 *     not a name.
 *  4. Hyphenated names: two entities of one type joined by a hyphen with no
 *     space on either side ("Díaz-Canel", "Zeta-Jones") are one name (the
 *     tokenizer splits at the hyphen; the training data kept such names whole).
 *  5. Unquoted titles: capitalised words right after a noun for a work ("the
 *     comedy Salt Road", "her hit Paper Moons") that the tagger gave any type
 *     but PERSON ("the film Tom Cruise made" keeps its person) are one WORK. */
#include "tag/tag.h"
#include "text/text.h"

#include <string.h>

static const char *const day_heads[] = {"Day", "Eve"};
static const char *const possessives[] = {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"};
static const char *const articles[] = {"the", "The"};

static int tok_is(const hs_doc *d, size_t i, const char *const *words, size_t n)
{
    const hs_tok *t = &d->toks.v[i];
    for (size_t k = 0; k < n; k++)
        if (HS_TOK_LEN(t) == strlen(words[k]) && memcmp(HS_TOK_PTR(d, t), words[k], HS_TOK_LEN(t)) == 0)
            return 1;
    return 0;
}
#define TOK_IN(d, i, table) tok_is((d), (i), (table), sizeof(table) / sizeof((table)[0]))

/* Label tokens [b, e) as one entity of type t (or O when t < 0), keeping the
 * sequence valid: an entity the change cut into restarts after it. */
void hs_tag_set_span(hs_doc *d, size_t b, size_t e, int t)
{
    for (size_t k = b; k < e; k++)
        d->toks.v[k].ner = (uint8_t)(t < 0 ? HS_NER_O : k == b ? HS_NER_B(t) : HS_NER_I(t));
    if (e < d->toks.n && d->toks.v[e].ner && !HS_NER_IS_B(d->toks.v[e].ner))
        d->toks.v[e].ner = (uint8_t)HS_NER_B(HS_NER_TYPE(d->toks.v[e].ner));
}

static void named_days(hs_doc *d, const hs_lex *lx)
{
    for (size_t i = 0; i + 2 < d->toks.n; i++)
        if ((lx[i].flags & HS_LX_UPPER_INIT) && d->toks.v[i + 2].sent == d->toks.v[i].sent &&
            TOK_IN(d, i + 1, possessives) && TOK_IN(d, i + 2, day_heads)) {
            size_t b = i;
            /* "New Year's Eve": the name may have several words */
            while (b > 0 && d->toks.v[b - 1].sent == d->toks.v[i].sent && (lx[b - 1].flags & HS_LX_UPPER_INIT) &&
                   !(d->toks.v[b].flags & HS_TF_SENT_START) && d->toks.v[b - 1].ner != HS_NER_O)
                b--;
            hs_tag_set_span(d, b, i + 3, HS_ET_EVENT);
            i += 2;
        }
}

static void quoted_titles(hs_doc *d, const hs_lex *lx)
{
    for (size_t q = 0; q < d->quotes.n; q++) {
        const hs_quote *qt = &d->quotes.v[q];
        if (qt->kind != HS_QK_TITLE || qt->open_tok < 0 || qt->close_tok <= qt->open_tok + 1 ||
            (size_t)qt->close_tok > d->toks.n)
            continue;
        size_t b = (size_t)qt->open_tok + 1, e = (size_t)qt->close_tok;
        while (e > b && (lx[e - 1].flags & HS_LX_NO_LETTER) && !(lx[e - 1].flags & HS_LX_HAS_DIGIT))
            e--; /* a comma or stop inside the closing mark */
        if (e > b && (lx[b].flags & (HS_LX_UPPER_INIT | HS_LX_HAS_DIGIT)))
            hs_tag_set_span(d, b, e, HS_ET_WORK);
    }
}

static void epithets(hs_doc *d, const hs_lex *lx, const hs_wordmap *casemap)
{
    for (size_t i = 1; i < d->toks.n; i++) {
        int l = d->toks.v[i].ner;
        if (l != HS_NER_B(HS_ET_PERSON) || !TOK_IN(d, i - 1, articles) || d->toks.v[i - 1].sent != d->toks.v[i].sent)
            continue;
        size_t e = i + 1;
        while (e < d->toks.n && d->toks.v[e].ner == HS_NER_I(HS_ET_PERSON))
            e++;
        const hs_wordmap_entry *c = hs_wordmap_get(casemap, lx[e - 1].lower);
        int common = c && (c->value == HS_CASE_RARELY || c->value == HS_CASE_NEVER);
        int modifier = e < d->toks.n && d->toks.v[e].sent == d->toks.v[i].sent && d->xpos_names &&
                       (d->toks.v[e].upos == HS_UPOS_NOUN || d->toks.v[e].upos == HS_UPOS_PROPN);
        if (common && !modifier)
            hs_tag_set_span(d, i, e, -1);
        i = e - 1;
    }
}

static const char *const hyphens[] = {"-", "\xE2\x80\x90", "\xE2\x80\x91"};

static void hyphen_joins(hs_doc *d)
{
    for (size_t i = 1; i + 1 < d->toks.n; i++) {
        hs_tok *h = &d->toks.v[i], *a = h - 1, *b = h + 1;
        if (!a->ner || !HS_NER_IS_B(b->ner) || HS_NER_TYPE(a->ner) != HS_NER_TYPE(b->ner) || h->ner ||
            a->end != h->start || h->end != b->start || !TOK_IN(d, i, hyphens))
            continue;
        h->ner = b->ner = (uint8_t)HS_NER_I(HS_NER_TYPE(a->ner));
    }
}

static void unquoted_titles(hs_doc *d, const hs_lex *lx)
{
    for (size_t i = 1; i < d->toks.n; i++) {
        const hs_tok *w = &d->toks.v[i - 1];
        int l = d->toks.v[i].ner;
        if (!l || HS_NER_TYPE(l) == HS_ET_PERSON || HS_NER_TYPE(l) == HS_ET_WORK || !(lx[i].flags & HS_LX_UPPER_INIT) ||
            (lx[i - 1].flags & HS_LX_HAS_UPPER) || w->sent != d->toks.v[i].sent ||
            !hs_work_noun(HS_TOK_PTR(d, w), HS_TOK_LEN(w)))
            continue;
        size_t e = i + 1; /* and the capitalised words after it that are not a person's name */
        while (e < d->toks.n && d->toks.v[e].sent == d->toks.v[i].sent &&
               (!d->toks.v[e].ner || HS_NER_TYPE(d->toks.v[e].ner) != HS_ET_PERSON) &&
               (lx[e].flags & (HS_LX_UPPER_INIT | HS_LX_HAS_DIGIT)) && !(d->toks.v[e].flags & HS_TF_OUTLET))
            e++;
        hs_tag_set_span(d, i, e, HS_ET_WORK);
        i = e - 1;
    }
}

void hs_tag_names(hs_doc *d, const hs_lex *lx, const struct hs_ner_model *ner)
{
    hyphen_joins(d);
    unquoted_titles(d, lx);
    named_days(d, lx);
    quoted_titles(d, lx);
    if (ner && ner->casemap.size)
        epithets(d, lx, &ner->casemap);
}
