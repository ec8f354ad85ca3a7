/* Name patterns applied after the statistical taggers: regularities of
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
 *  5. Title-case headlines ("Dana Roe Says She and Ned Vale Take Break"; three
 *     or more capitalised words, every other word an article, a short
 *     preposition, a conjunction or a name particle): the tagger, trained on
 *     prose, runs names over the headline's verbs and nouns.  There a word the
 *     training text writes in lower case mid-sentence (case statistics
 *     RARELY or NEVER) is no part of a name, unless this article capitalises
 *     it inside a sentence of prose ("Will Smith" in the body keeps "Will").
 *  6. Markup: a handle or hashtag ("@DanaRoe", "#TeamDana": the word right after
 *     the sign), a piece of a web address ("pic.twitter.com/Ab3dE", the words
 *     after a slash glued to a domain or "://") and a word glued to "https:"
 *     are no names.
 *  7. One name, one label: a person's name of two to four capitalised words
 *     that the tagger found whole in a sentence of prose is that person
 *     wherever else the article writes it where the tagger cut it or left it
 *     out, unless a longer name or one of another type holds it there
 *     (headings such as "Dana Roe vs. Tom Vale" split names the tagger reads
 *     whole in prose).
 *  8. Unquoted titles: capitalised words right after a noun for a work ("the
 *     comedy Salt Road", "her hit Paper Moons") that the tagger gave any type
 *     but PERSON ("the film Tom Cruise made" keeps its person) are one WORK. */
#include "tag/tag.h"
#include "text/text.h"

#include <string.h>
#include <strings.h>

static const char *const day_heads[] = {"Day", "Eve"};
static const char *const possessives[] = {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"};
static const char *const articles[] = {"the", "The"};

/* Is token i one of words[0..n) (in any case when nocase)? */
static int tok_is(const hs_doc *d, size_t i, const char *const *words, size_t n, int nocase)
{
    const hs_tok *t = &d->toks.v[i];
    for (size_t k = 0; k < n; k++)
        if (HS_TOK_LEN(t) == strlen(words[k]) &&
            (nocase ? strncasecmp(HS_TOK_PTR(d, t), words[k], HS_TOK_LEN(t))
                    : memcmp(HS_TOK_PTR(d, t), words[k], HS_TOK_LEN(t))) == 0)
            return 1;
    return 0;
}
#define TOK_IN(d, i, table) tok_is((d), (i), (table), sizeof(table) / sizeof((table)[0]), 0)
#define WORD_IN(d, i, table) tok_is((d), (i), (table), sizeof(table) / sizeof((table)[0]), 1)

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

/* The words a title-case headline leaves in lower case, and the name
 * particles it may leave so ("Robert De Niro", "Portia de Rossi"). */
static const char *const title_minor[] = {"a",    "an",   "the",  "and",  "or",   "nor",  "but", "of",  "in",
                                          "on",   "at",   "to",   "for",  "by",   "as",   "vs",  "vs.", "via",
                                          "per",  "with", "from", "into", "onto", "over", "upon", "amid", "ft.",
                                          "feat."};
static const char *const particles[] = {"de", "da", "van", "von", "del", "la", "le", "du", "der", "di", "bin"};

/* Is sentence [b, e) a title-case line (rule 5)?  All-capitals lines are not:
 * the tagger reads those with case-blind features. */
static int title_case_line(const hs_doc *d, const hs_lex *lx, size_t b, size_t e)
{
    size_t caps = 0;
    int lower = 0;
    for (size_t i = b; i < e; i++) {
        if ((lx[i].flags & HS_LX_NO_LETTER) || d->toks.v[i].kind == HS_TK_CLITIC || d->toks.v[i].kind == HS_TK_URL ||
            d->toks.v[i].kind == HS_TK_EMAIL)
            continue;
        lower |= (lx[i].flags & HS_LX_HAS_LOWER) != 0;
        if (lx[i].flags & HS_LX_UPPER_INIT)
            caps++;
        else if (!WORD_IN(d, i, title_minor) && !WORD_IN(d, i, particles))
            return 0;
    }
    return lower && caps >= 3;
}

/* How often the training text capitalises w mid-sentence (HS_CASE_*). */
static unsigned case_class(const hs_wordmap *casemap, const hs_lex *w)
{
    const hs_wordmap_entry *c = hs_wordmap_get(casemap, w->lower);
    return c ? c->value : HS_CASE_UNSEEN;
}

/* The case class of token i for rule 5: HS_CASE_NEVER or HS_CASE_RARELY for
 * a capitalised word the training text writes in lower case mid-sentence
 * and this article never capitalises inside prose; HS_CASE_UNSEEN for the
 * rest (other words, initials such as "P.", particles such as "De"). */
static unsigned headline_class(const hs_doc *d, const hs_lex *lx, const hs_wordmap *casemap, const hs_wordmap *prose,
                               size_t i)
{
    const hs_tok *t = &d->toks.v[i];
    unsigned c = case_class(casemap, &lx[i]);
    if ((c != HS_CASE_RARELY && c != HS_CASE_NEVER) || !(lx[i].flags & HS_LX_UPPER_INIT) || HS_TOK_LEN(t) == 1 ||
        (HS_TOK_LEN(t) == 2 && d->text[t->start + 1] == '.') || WORD_IN(d, i, particles) ||
        hs_wordmap_get(prose, lx[i].lower))
        return HS_CASE_UNSEEN;
    return c;
}

/* Cut the words of a headline's name span [b, e) that are no part of a name
 * (rule 5).  A NEVER word always goes ("Says", "Shares"); a RARELY one goes
 * when it is the whole span or stands beside a NEVER one, but not when it
 * ends the span after a name word (a surname: "Kevin Winter", "Geoffrey Rush"). */
static void headline_span(hs_doc *d, const hs_lex *lx, const hs_wordmap *casemap, const hs_wordmap *prose, size_t b,
                          size_t e)
{
    unsigned cls[16];
    int never = 0;
    if (e - b > sizeof cls / sizeof cls[0])
        e = b + sizeof cls / sizeof cls[0];
    for (size_t i = b; i < e; i++)
        never |= (cls[i - b] = headline_class(d, lx, casemap, prose, i)) == HS_CASE_NEVER;
    if (!never && !(e - b == 1 && cls[0] == HS_CASE_RARELY))
        return; /* a lone RARELY word goes too ("Split", "Drama") */
    for (size_t i = b; i < e; i++) {
        int surname = i + 1 == e && i > b && cls[i - b - 1] == HS_CASE_UNSEEN;
        if (cls[i - b] == HS_CASE_NEVER || (cls[i - b] == HS_CASE_RARELY && !surname))
            hs_tag_set_span(d, i, i + 1, -1);
    }
}

static int headline_names(hs_doc *d, const hs_lex *lx, const hs_wordmap *casemap, const uint8_t *title)
{
    size_t ns = d->sents.n, heads = 0;
    for (size_t s = 0; s < ns; s++)
        heads += title[s];
    if (!heads)
        return 0;
    /* the lower-case forms of the words the article capitalises inside prose */
    hs_wordmap prose;
    if (hs_wordmap_init(&prose, d->toks.n))
        return HS_ENOMEM;
    for (size_t s = 0; s < ns; s++)
        for (size_t i = d->sents.v[s].tok_begin; !title[s] && i < d->sents.v[s].tok_end; i++)
            if ((lx[i].flags & HS_LX_UPPER_INIT) && !(lx[i].flags & HS_LX_ALL_UPPER) &&
                !(d->toks.v[i].flags & HS_TF_SENT_START) && i > d->sents.v[s].tok_begin)
                hs_wordmap_put(&prose, lx[i].lower, 1);
    for (size_t s = 0; s < ns; s++) {
        size_t end = d->sents.v[s].tok_end;
        for (size_t i = d->sents.v[s].tok_begin; title[s] && i < end;) {
            if (!HS_NER_IS_B(d->toks.v[i].ner)) {
                i++;
                continue;
            }
            size_t e = i + 1;
            while (e < end && d->toks.v[e].ner == HS_NER_I(HS_NER_TYPE(d->toks.v[i].ner)))
                e++;
            headline_span(d, lx, casemap, &prose, i, e);
            i = e;
        }
    }
    hs_wordmap_free(&prose);
    return 0;
}

/* Is token i glued to the token before it (no space between)? */
static int glued(const hs_doc *d, size_t i)
{
    return i > 0 && !(d->toks.v[i].flags & HS_TF_SPACE_BEFORE) && d->toks.v[i - 1].end == d->toks.v[i].start;
}

static int tok_has(const hs_doc *d, size_t i, const char *needle)
{
    const hs_tok *t = &d->toks.v[i];
    size_t n = strlen(needle);
    for (size_t k = 0; k + n <= HS_TOK_LEN(t); k++)
        if (!memcmp(HS_TOK_PTR(d, t) + k, needle, n))
            return 1;
    return 0;
}

/* Is token i part of a web address: a chain of glued tokens back to a URL, a
 * domain (".com", "t.co", "pic.twitter.") or "://" with a slash on the way? */
static int in_address(const hs_doc *d, size_t i)
{
    int slash = 0;
    for (size_t k = i; glued(d, k) && i - k < 12; k--) {
        const hs_tok *p = &d->toks.v[k - 1];
        slash |= HS_TOK_LEN(p) == 1 && d->text[p->start] == '/';
        if (p->kind == HS_TK_URL || (slash && (tok_has(d, k - 1, ".co") || tok_has(d, k - 1, "twitter.") ||
                                                tok_has(d, k - 1, "www.") || tok_has(d, k - 1, ".net") ||
                                                tok_has(d, k - 1, ".org"))))
            return 1;
    }
    return 0;
}

static void markup(hs_doc *d)
{
    static const char *const signs[] = {"@", "#"};
    for (size_t i = 0; i < d->toks.n; i++) {
        if (d->toks.v[i].ner == HS_NER_O)
            continue;
        const hs_tok *t = &d->toks.v[i];
        int url_glued = i + 1 < d->toks.n && glued(d, i + 1) && d->text[d->toks.v[i + 1].start] == ':' &&
                        HS_TOK_LEN(t) > 4 && (tok_has(d, i, "https") || tok_has(d, i, "http"));
        if ((glued(d, i) && TOK_IN(d, i - 1, signs)) || in_address(d, i) || url_glued || t->kind == HS_TK_URL)
            hs_tag_set_span(d, i, i + 1, -1);
    }
}

/* Does the name [b, b + n) occur at i, in one sentence, not inside a longer name? */
static int same_name_at(const hs_doc *d, const hs_lex *lx, size_t b, size_t n, size_t i)
{
    if (i + n > d->toks.n || d->toks.v[i + n - 1].sent != d->toks.v[i].sent)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lx[i + k].word != lx[b + k].word)
            return 0;
    int inside = !HS_NER_IS_B(d->toks.v[i].ner) && d->toks.v[i].ner != HS_NER_O;
    int longer = i + n < d->toks.n && d->toks.v[i + n].ner != HS_NER_O && !HS_NER_IS_B(d->toks.v[i + n].ner);
    return !inside && !longer;
}

static void consistent_names(hs_doc *d, const hs_lex *lx, const hs_wordmap *casemap, const uint8_t *title)
{
    enum { MAX_NAMES = 64 };
    size_t names[MAX_NAMES], lens[MAX_NAMES], nn = 0;
    for (size_t i = 0; i < d->toks.n && nn < MAX_NAMES; i++) {
        if (d->toks.v[i].ner != HS_NER_B(HS_ET_PERSON) || title[d->toks.v[i].sent])
            continue;
        size_t e = i + 1;
        while (e < d->toks.n && d->toks.v[e].ner == HS_NER_I(HS_ET_PERSON))
            e++;
        int caps = e - i >= 2 && e - i <= 4;
        for (size_t k = i; caps && k < e; k++) /* no words usually lower case: "Fixer Upper" */
            caps = (lx[k].flags & HS_LX_UPPER_INIT) && !(lx[k].flags & HS_LX_ALL_UPPER) &&
                   case_class(casemap, &lx[k]) != HS_CASE_NEVER;
        int seen = 0;
        for (size_t k = 0; caps && k < nn && !seen; k++)
            seen = lens[k] == e - i && same_name_at(d, lx, names[k], lens[k], i);
        if (caps && !seen) {
            names[nn] = i;
            lens[nn++] = e - i;
        }
        i = e - 1;
    }
    for (size_t k = 0; k < nn; k++)
        for (size_t i = 0; i + lens[k] <= d->toks.n; i++) {
            if (lx[i].word != lx[names[k]].word || i == names[k] || !same_name_at(d, lx, names[k], lens[k], i))
                continue;
            /* relabel a person cut in pieces or left out, not a name of another type */
            int whole = d->toks.v[i].ner == HS_NER_B(HS_ET_PERSON), person = 0, other = 0;
            for (size_t j = i; j < i + lens[k]; j++) {
                int t = d->toks.v[j].ner == HS_NER_O ? -1 : HS_NER_TYPE(d->toks.v[j].ner);
                whole &= j == i || d->toks.v[j].ner == HS_NER_I(HS_ET_PERSON);
                person |= t == HS_ET_PERSON;
                other |= t >= 0 && t != HS_ET_PERSON && t != HS_ET_MISC;
            }
            if (!whole && (person || !other))
                hs_tag_set_span(d, i, i + lens[k], HS_ET_PERSON);
            i += lens[k] - 1;
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

int hs_tag_names(hs_doc *d, const hs_lex *lx, const struct hs_ner_model *ner)
{
    hyphen_joins(d);
    markup(d);
    unquoted_titles(d, lx);
    if (ner && ner->casemap.size && d->sents.n) {
        uint8_t *title = hs_arena_calloc(&d->arena, d->sents.n, 1); /* title-case lines */
        if (!title)
            return HS_ENOMEM;
        for (size_t s = 0; s < d->sents.n; s++)
            title[s] = (uint8_t)title_case_line(d, lx, d->sents.v[s].tok_begin, d->sents.v[s].tok_end);
        int rc = headline_names(d, lx, &ner->casemap, title);
        if (rc)
            return rc;
        consistent_names(d, lx, &ner->casemap, title);
    }
    named_days(d, lx);
    quoted_titles(d, lx);
    if (ner && ner->casemap.size)
        epithets(d, lx, &ner->casemap);
    return 0;
}
