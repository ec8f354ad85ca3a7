/* Mentions: where the text names, describes or refers to an entity.
 *
 *   pronoun   he, his, she, her, they …                 (a table below)
 *   nominal   a definite descriptor headed by a role noun: "the actress",
 *             "the Mission Impossible star", "The Bond Girl", "the Cuban
 *             President", and "the 62-year-old" (an age as head)
 *   name      from the tagger's NER spans when it ran (tok->upos != X; the
 *             tagger's type stands unless the tables say outlet or place), else
 *             the fallback: a run of capitalised words (with name particles
 *             such as "de", "van"), less leading stop words, titles and
 *             nationality words (kept as ties of the mention), less an unknown
 *             sentence-initial word ("Rumours", "Originally"); typed by the
 *             tables (outlet, place, first name, title, organisation word) or by
 *             an appositive descriptor after it ("X, the stepson of …").  Both
 *             kinds of span go through the same stripping of titles and stop words.
 *
 * Ties (words that the article attaches to a mention: the premodifiers of a
 * name, the modifiers of a descriptor) and ages ("X, 62,") are recorded per
 * mention in c->ties / c->ages for the clustering step. */
#include "link/link.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *w;
    uint8_t gender;
} pronouns[] = {
    {"he", HS_G_MALE},      {"him", HS_G_MALE},       {"his", HS_G_MALE},         {"himself", HS_G_MALE},
    {"she", HS_G_FEMALE},   {"her", HS_G_FEMALE},     {"hers", HS_G_FEMALE},      {"herself", HS_G_FEMALE},
    {"they", HS_G_PLURAL},  {"them", HS_G_PLURAL},    {"their", HS_G_PLURAL},     {"theirs", HS_G_PLURAL},
    {"themselves", HS_G_PLURAL},
};

static int is_word(const hs_tok *t)
{
    return t->kind == HS_TK_WORD;
}

static int capword(const hs_doc *d, size_t i)
{
    const hs_tok *t = &d->toks.v[i];
    return is_word(t) && (t->flags & HS_TF_UPPER_INITIAL);
}

/* A first word of a sentence or of a quotation: its capital says nothing. */
static int initial_position(const hs_doc *d, size_t i)
{
    const hs_tok *t = &d->toks.v[i];
    if (t->flags & HS_TF_SENT_START)
        return 1;
    for (size_t k = i; k > d->sents.v[t->sent].tok_begin; k--) {
        const hs_tok *p = &d->toks.v[k - 1];
        if (p->kind == HS_TK_WORD || p->kind == HS_TK_NUMBER)
            return 0;
        if (p->flags & (HS_TF_QUOTE_OPEN | HS_TF_SENT_START))
            return 1;
        if (p->kind == HS_TK_PUNCT && HS_TOK_LEN(p) == 1 && (*HS_TOK_PTR(d, p) == ':' || *HS_TOK_PTR(d, p) == '('))
            return 1;
    }
    return 1;
}

/* Inside a quoted title or nickname ("Salt & Fire"): not a name of its own. */
static int in_title(const hs_doc *d, size_t i)
{
    int32_t q = d->toks.v[i].quote;
    return q >= 0 && (size_t)q < d->quotes.n &&
           (d->quotes.v[q].kind == HS_QK_TITLE || d->quotes.v[q].kind == HS_QK_NICKNAME);
}

static int push_mention(hs_link_ctx *c, size_t b, size_t e, uint8_t kind, uint8_t type, uint8_t gender,
                        uint8_t outlet)
{
    hs_doc *d = c->d;
    hs_mention *m = HS_PUSH(&d->mentions);
    if (!m)
        return HS_ENOMEM;
    m->tok_begin = (uint32_t)b;
    m->tok_end = (uint32_t)e;
    m->span.start = d->toks.v[b].start;
    m->span.end = d->toks.v[e - 1].end;
    m->entity = HS_NONE;
    m->kind = kind;
    m->type = type;
    m->gender = gender;
    m->outlet = outlet;
    for (size_t k = b; k < e; k++) {
        c->lt[k].in_mention = 1;
        if (kind == HS_MK_NAME && type != HS_ET_PLACE && type != HS_ET_ORG && c->lt[k].fold &&
            hs_lw_add(&c->names, c->lt[k].fold, strlen(c->lt[k].fold), 1, 0))
            return HS_ENOMEM;
    }
    return 0;
}

static int add_tie(hs_link_ctx *c, size_t tok)
{
    if (!c->lt[tok].fold)
        return 0;
    if (HS_RESERVE(&c->ties, c->ties.n + 2))
        return HS_ENOMEM;
    c->ties.v[c->ties.n++] = (uint32_t)(c->d->mentions.n - 1);
    c->ties.v[c->ties.n++] = (uint32_t)tok;
    return 0;
}

/* "62-year-old": an age used as a noun or adjective; its age, or 0. */
static int age_token(const hs_link_ctx *c, size_t i)
{
    const char *f = c->lt[i].fold;
    if (!f || f[0] < '0' || f[0] > '9')
        return 0;
    char *end;
    long v = strtol(f, &end, 10);
    return v > 0 && v < 130 && strcmp(end, "-year-old") == 0 ? (int)v : 0;
}

/* The age written just before token k as a premodifier ("45-year-old chef
 * Ramon Ellery", "the 45-year-old Ramon Ellery"), or 0. */
static int age_before(const hs_link_ctx *c, size_t k)
{
    for (size_t j = k > 5 ? k - 5 : 0; j < k; j++)
        if (c->lt[j].cend == k) /* the compound's first token holds it whole */
            return age_token(c, j);
    return 0;
}

static int number_value(const hs_doc *d, size_t i)
{
    const hs_tok *t = &d->toks.v[i];
    if (t->kind != HS_TK_NUMBER || HS_TOK_LEN(t) > 3)
        return 0;
    int v = 0;
    for (const char *p = HS_TOK_PTR(d, t); p < d->text + t->end; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    return v;
}

/* A hyphen written without spaces between two capitalised words (Díaz-Canel). */
static int name_hyphen(const hs_doc *d, size_t i, size_t end)
{
    const hs_tok *t = &d->toks.v[i];
    return i > 0 && i + 1 < end && HS_TOK_LEN(t) == 1 && *HS_TOK_PTR(d, t) == '-' &&
           !(t->flags & HS_TF_SPACE_BEFORE) && !(d->toks.v[i + 1].flags & HS_TF_SPACE_BEFORE) && capword(d, i + 1);
}

static int tok_char(const hs_doc *d, size_t i, char ch)
{
    const hs_tok *t = &d->toks.v[i];
    return HS_TOK_LEN(t) == 1 && *HS_TOK_PTR(d, t) == ch;
}

/* A definite descriptor at token i ("the"), within the sentence ending at
 * `end`.  Hyphenated compounds ("62-year-old", "Oscar-winning") count as one word. */
static int try_nominal(hs_link_ctx *c, size_t i, size_t end, size_t *next)
{
    hs_doc *d = c->d;
    size_t head = 0, words = 0;
    int age = 0;
    for (size_t k = i + 1; k < end && words < 6; k = c->lt[k].cend, words++) {
        const hs_tok *t = &d->toks.v[k];
        if (c->lt[k].in_mention || (t->kind != HS_TK_WORD && t->kind != HS_TK_NUMBER) || c->lt[k].cend > end)
            break;
        size_t after = c->lt[k].cend;
        if ((age = age_token(c, k)) != 0) {
            head = k;
            if (after < end && (c->lt[after].cls & HS_LW_ROLE) && !capword(d, after))
                head = after;
            break;
        }
        if (c->lt[k].cls & HS_LW_ROLE) {
            /* a capitalised role word inside a longer capitalised run is part of a name */
            if (capword(d, k) && after < end && capword(d, after) && !(c->lt[after].cls & HS_LW_ROLE))
                continue;
            head = k;
            break;
        }
        if (c->lt[k].cls & (HS_LW_STOP | HS_LW_PARTICLE))
            break;
    }
    if (!head)
        return 0;
    size_t stop = c->lt[head].cend;
    int rc = push_mention(c, i, stop, HS_MK_NOMINAL, HS_ET_PERSON, c->lt[head].gender, 0);
    for (size_t k = i + 1; !rc && k < stop; k = c->lt[k].cend)
        if (k < head || !(c->lt[k].cls & HS_LW_ROLE))
            rc = add_tie(c, k);
    if (!rc && age) {
        if (HS_RESERVE(&c->ages, c->ages.n + 2))
            return HS_ENOMEM;
        c->ages.v[c->ages.n++] = (int32_t)(d->mentions.n - 1);
        c->ages.v[c->ages.n++] = age;
    }
    *next = stop;
    return rc ? rc : 1;
}

static const hs_lw_entry *lookup_span(const hs_link_ctx *c, size_t b, size_t e)
{
    if (e - b > c->lex->max_words + 1)
        return NULL;
    const hs_doc *d = c->d;
    if (e == b + 1 && c->lt[b].cend == b + 1 && c->lt[b].fold) /* one token, folded once already */
        return hs_lw_get(c->lex, c->lt[b].fold, c->lt[b].flen);
    char key[256];
    size_t n = hs_fold(d->text + d->toks.v[b].start, d->toks.v[e - 1].end - d->toks.v[b].start, key, sizeof key);
    return n == (size_t)-1 ? NULL : hs_lw_get(c->lex, key, n);
}

/* The table entry of [b, e), less its outlet class when the name is an
 * ambiguous outlet the tag layer did not mark there ("US" of "US Senate" is
 * not "Us", the magazine; "Star" of "Star Wars" is not the tabloid). */
static hs_lw_entry table_span(const hs_link_ctx *c, size_t b, size_t e)
{
    const hs_lw_entry *x = lookup_span(c, b, e);
    hs_lw_entry r = x ? *x : (hs_lw_entry){0, 0};
    for (size_t k = b; (r.cls & HS_LW_AMBIGUOUS) && k < e; k++)
        if (!(c->d->toks.v[k].flags & HS_TF_OUTLET))
            r.cls &= ~(uint32_t)HS_LW_OUTLET;
    return r;
}

/* Is the name at [b, e) followed by an appositive person descriptor or an
 * age?  The age, or -1 with *role the role word ("X, a chef, …"), or 0. */
static int person_apposition(hs_link_ctx *c, size_t e, size_t end, size_t *role)
{
    const hs_doc *d = c->d;
    if (e + 2 >= end || !tok_char(d, e, ','))
        return 0;
    if (number_value(d, e + 1) && e + 2 < end && (tok_char(d, e + 2, ',') || tok_char(d, e + 2, '.')))
        return number_value(d, e + 1);
    size_t k = e + 1;
    if (hs_link_tok_is(d, k, "the|a|an|his|her|their"))
        k++;
    for (size_t lim = k + 3; k < end && k < lim; k++)
        if (c->lt[k].cls & HS_LW_ROLE) {
            *role = k;
            return -1;
        }
    return 0;
}

/* Are the words of [b, e) in none of the tables (places, outlets, titles,
 * organisation words, stop words…) and free of digits? */
static int plain_words(const hs_link_ctx *c, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        if (c->lt[k].cls || (c->d->toks.v[k].flags & HS_TF_HAS_DIGIT) || c->d->toks.v[k].kind != HS_TK_WORD)
            return 0;
    return 1;
}

/* Is token k the surname of a person named before: the last word of a name
 * of two or more words typed PERSON that opens with a known first name? */
static int person_surname(const hs_link_ctx *c, size_t k)
{
    const hs_doc *d = c->d;
    const char *f = c->lt[k].fold;
    for (size_t i = 0; f && i < d->mentions.n; i++) {
        const hs_mention *m = &d->mentions.v[i];
        if (m->kind == HS_MK_NAME && m->type == HS_ET_PERSON && m->tok_end - m->tok_begin >= 2 &&
            (c->lt[m->tok_begin].cls & HS_LW_FIRST) &&
            c->lt[m->tok_end - 1].fold && !strcmp(c->lt[m->tok_end - 1].fold, f))
            return 1;
    }
    return 0;
}

/* Is token b a word of a name mentioned before ("Strayer" after "David Strayer")? */
static int earlier_name_word(const hs_link_ctx *c, size_t b)
{
    const char *f = c->lt[b].fold;
    return f && c->names.n && hs_lw_get(&c->names, f, strlen(f)) != NULL;
}

/* Is the run starting at b the title of a work: after a work noun ("the film
 * X", "films like X"), or listed after a work ("like X and Y")? */
static int names_a_work(const hs_link_ctx *c, size_t b)
{
    const hs_doc *d = c->d;
    if (b == 0)
        return 0;
    size_t p = b - 1;
    if (hs_link_tok_is(d, p, "and|or|,") && d->mentions.n) {
        const hs_mention *last = &d->mentions.v[d->mentions.n - 1];
        size_t k = p;
        while (k > last->tok_end && d->toks.v[k - 1].kind == HS_TK_NUMBER)
            k--; /* "Blade Runner 2049 and …" */
        return last->type == HS_ET_WORK && (last->tok_end == p || last->tok_end == k);
    }
    if (hs_link_tok_is(d, p, "like") && p > 0)
        p--;
    const char *f = c->lt[p].fold;
    size_t n = f ? strlen(f) : 0;
    return n && (hs_work_noun(f, n) || (n > 2 && f[n - 1] == 's' && hs_work_noun(f, n - 1)));
}

/* Does a word of [b, e) make a name an organisation (HS_LW_ORGWORD: "Daily
 * Lantern", "Morning Ledger")? */
static int has_orgword(const hs_link_ctx *c, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        if (c->lt[k].cls & HS_LW_ORGWORD)
            return 1;
    return 0;
}

/* Phrases whose object is the title of a work ("starred in X", "the cast of X",
 * "a sequel to X"): the noun or verb, and the preposition after it. */
static const struct {
    const char *heads, *prep;
} work_frames[] = {
    {"starred|starring|stars|role|roles|cameo", "in"},
    {"cast|premiere|episode|episodes|finale|remake|reboot|spinoff|screening|season", "of"},
    {"sequel|prequel", "to"},
};

/* Is the run starting at b an epithet given by a naming verb: "call her The
 * Leading Man Whisperer", "dubbed him the King of Pop"?  The article before it
 * makes it a title, not the person's name ("call me Ishmael" has none). */
static int epithet_object(const hs_link_ctx *c, size_t b)
{
    const hs_doc *d = c->d;
    while (b > 0 && capword(d, b - 1) && !hs_link_tok_is(d, b - 1, "the"))
        b--; /* capitalised words the run left out ("Leading Man") */
    if (b < 2 || !hs_link_tok_is(d, b - 1, "the"))
        return 0;
    size_t v = b - 2;
    if (v > 0 && hs_link_tok_is(d, v, "her|him|them|it|herself|himself|themselves|me|us|you"))
        v--;
    return hs_link_tok_is(d, v, "call|calls|called|calling|dub|dubs|dubbed|dubbing|nickname|nicknamed|"
                                "crown|crowned|label|labeled|labelled|brand|branded");
}

/* Is the run starting at b (after any "the") the object of a work frame? */
static int work_object(const hs_link_ctx *c, size_t b)
{
    const hs_doc *d = c->d;
    if (b >= 1 && hs_link_tok_is(d, b - 1, "the"))
        b--;
    for (size_t k = 0; b >= 2 && k < sizeof work_frames / sizeof work_frames[0]; k++)
        if (hs_link_tok_is(d, b - 1, work_frames[k].prep) && hs_link_tok_is(d, b - 2, work_frames[k].heads))
            return 1;
    return 0;
}

/* A name after a lower-case "the" ("told the Morning Ledger"): English puts
 * no article before a personal name. */
static int after_the(const hs_link_ctx *c, size_t b)
{
    return b > 0 && hs_link_tok_is(c->d, b - 1, "the") && !capword(c->d, b - 1);
}

/* Two or three capitalised words with no digit, not after "the" or a
 * preposition of place, and none of them a table word: in news text such a run is most often a person's name
 * ("Greta Lund"); single unknown words stay MISC. */
static int plain_name(const hs_link_ctx *c, size_t b, size_t e, int the)
{
    if (the || e - b < 2 || e - b > 4)
        return 0;
    /* "in Salt Lake City": after a preposition of place (and not a possessor) */
    if (b > 0 && hs_link_tok_is(c->d, b - 1, "in|at|near|across|throughout|outside|inside") &&
        !(e < c->d->toks.n && c->d->toks.v[e].kind == HS_TK_CLITIC))
        return 0;
    size_t words = 0;
    for (size_t k = b; k < e; k++) {
        const hs_tok *t = &c->d->toks.v[k];
        if (t->flags & HS_TF_HAS_DIGIT || (c->lt[k].cls & (HS_LW_STOP | HS_LW_PLACE | HS_LW_ORGWORD | HS_LW_ROLE)))
            return 0;
        words += t->kind == HS_TK_WORD && !(c->lt[k].cls & HS_LW_PARTICLE);
    }
    return words >= 2 && words <= 3;
}

/* Is sentence s a headline: flagged so by the splitter, or an unpunctuated
 * line with most of its words capitalised?  Capitals say little there. */
static int title_case(const hs_link_ctx *c, const hs_sent *s)
{
    if (s->flags & HS_SF_HEADLINE)
        return 1;
    const hs_tok *last = s->tok_end > s->tok_begin ? &c->d->toks.v[s->tok_end - 1] : NULL;
    if (!last || (last->kind == HS_TK_PUNCT && strchr(".!?", c->d->text[last->start])) || last->kind == HS_TK_QUOTE)
        return 0; /* a punctuated sentence is prose, however many names it holds */
    size_t words = 0, caps = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (c->d->toks.v[i].kind != HS_TK_WORD || (c->lt[i].cls & HS_LW_STOP))
            continue;
        words++;
        caps += (c->d->toks.v[i].flags & HS_TF_UPPER_INITIAL) != 0;
    }
    return words >= 4 && caps * 10 >= words * 7;
}

/* May token i continue a tagger's name span?  Taggers run spans over
 * headlines ("Gwen Stefani & Blake Shelton", "… Kylie Jenner Was Pregnant
 * with His Child"): a span stops at a symbol, a stop word or a lower-case
 * word other than a name particle. */
static int ner_name_word(const hs_link_ctx *c, size_t i)
{
    const hs_tok *t = &c->d->toks.v[i];
    if (c->lt[i].cls & HS_LW_STOP)
        return 0;
    if (t->kind == HS_TK_WORD)
        return (t->flags & HS_TF_UPPER_INITIAL) || (c->lt[i].cls & HS_LW_PARTICLE);
    return t->kind == HS_TK_NUMBER || (t->kind == HS_TK_PUNCT && (t->flags & HS_TF_HYPHENATED));
}

/* A known first name and one or two more words, none an organisation word
 * ("TOM VALE", which a tagger may call ORG). */
static int first_last(const hs_link_ctx *c, size_t b, size_t e)
{
    return (c->lt[b].cls & HS_LW_FIRST) && e - b >= 2 && e - b <= 3 && !(c->lt[e - 1].cls & HS_LW_ORGWORD);
}

/* A lone first name of known gender that the tagger typed otherwise ("the
 * couple's child, Audrey, …"), not after a preposition of place ("in
 * Charlotte") and not modifying a noun ("a Christian family"): a person.
 * (Names the place table knows never get here.) */
static int lone_first(const hs_link_ctx *c, size_t b, size_t e, int ner)
{
    const hs_doc *d = c->d;
    if (e - b != 1 || !(c->lt[b].cls & HS_LW_FIRST) || ner == HS_ET_PERSON ||
        (c->lt[b].gender != HS_G_MALE && c->lt[b].gender != HS_G_FEMALE) ||
        (b > 0 && hs_link_tok_is(d, b - 1, "in|at|near|across|outside|inside|throughout")))
        return 0;
    return !(e < d->toks.n && d->toks.v[e].kind == HS_TK_WORD && !(d->toks.v[e].flags & HS_TF_UPPER_INITIAL) &&
             d->toks.v[e].upos == HS_UPOS_NOUN);
}

/* Is token k an initial: one capital letter, with or without a full stop? */
static int initial(const hs_doc *d, size_t k)
{
    const hs_tok *t = &d->toks.v[k];
    const char *p = HS_TOK_PTR(d, t);
    size_t n = HS_TOK_LEN(t);
    return (n == 1 || (n == 2 && p[1] == '.')) && p[0] >= 'A' && p[0] <= 'Z';
}

/* Does the tagger's label at token k start a new span or leave the word out
 * (B- or O), with no I- continuing it: a one-word piece the tagger cut off? */
static int lone_piece(const hs_doc *d, size_t k)
{
    uint8_t l = d->toks.v[k].ner;
    return (l == HS_NER_O || HS_NER_IS_B(l)) &&
           !(k + 1 < d->toks.n && d->toks.v[k + 1].ner && !HS_NER_IS_B(d->toks.v[k + 1].ner));
}

/* Is [b, e) an organisation word, "of" and more ("University of Tarvos")? */
static int of_org(const hs_link_ctx *c, size_t b, size_t e)
{
    for (size_t k = b + 1; k + 1 < e; k++)
        if ((c->lt[k - 1].cls & HS_LW_ORGWORD) && capword(c->d, k - 1) && hs_link_tok_is(c->d, k, "of"))
            return 1;
    return 0;
}

/* Is token k the plural of a word of nationality or religion ("Mexicans")? */
static int plural_nationality(const hs_link_ctx *c, size_t k)
{
    const char *f = c->lt[k].fold;
    size_t n = c->lt[k].flen;
    if (!f || n < 4 || f[n - 1] != 's')
        return 0;
    const hs_lw_entry *x = hs_lw_get(c->lex, f, n - 1);
    return x && (x->cls & HS_LW_NATIONALITY) && !(x->cls & HS_LW_FIRST);
}

/* The tagger's span [i, e) may run past the name or stop short of it; its end
 * after these regularities of English names (sentence ending at `end`):
 *   - two names of two words each written one after the other, as table rows
 *     and credits do ("Tom Vale Ada Moss": a first name opens both halves),
 *     are two people: the span ends after the first;
 *   - a known first name and the capitalised word right after it are one name
 *     where the tagger cut them apart ("Elton" ORG, "John" O; "Tristan"
 *     PLACE, "Thompson" PLACE), unless that word is a table word (a place, an
 *     organisation word, a title) or the tagger made it an organisation
 *     ("Kylie Cosmetics") or the POS tagger a verb or noun ("Sienna Says");
 *     not in headlines, where capitals say little;
 *   - a word that ends publications' names joins the capitalised word before
 *     it ("tells Star Weekly": "Star" PLACE, "Weekly" ORG);
 *   - an organisation word followed by "of" and capitalised words is one
 *     organisation ("University of Miami", "Department of Child and Family
 *     Services", "Church of Scientology"; of_org() types it);
 *   - a name, an ampersand and capitalised words ending in an organisation
 *     head are one organisation ("MTV Movie & TV Awards"), and so are a name,
 *     "and" and a lone head ("Tarek and Associates") or two organisations
 *     joined by "and", the second ending in a head ("MTV Movie and TV Awards"),
 *     unless the first ends in one too ("MJJ Productions and MJJ Ventures"). */
static size_t name_end(const hs_link_ctx *c, size_t i, size_t e, size_t end, int headline)
{
    const hs_doc *d = c->d;
    const uint16_t table = HS_LW_STOP | HS_LW_PLACE | HS_LW_ORGWORD | HS_LW_TITLE | HS_LW_ROLE |
                           HS_LW_NATIONALITY | HS_LW_OUTLET | HS_LW_ORGNAME;
    if (e == i + 4 && (c->lt[i].cls & HS_LW_FIRST) && (c->lt[i + 2].cls & HS_LW_FIRST) &&
        !(c->lt[i + 1].cls & (HS_LW_FIRST | HS_LW_PARTICLE)) && !(c->lt[i + 2].cls & HS_LW_PARTICLE) &&
        !(c->lt[i + 3].cls & HS_LW_FIRST) && capword(d, i + 1) && capword(d, i + 2) && capword(d, i + 3) &&
        HS_NER_TYPE(d->toks.v[i].ner) == HS_ET_PERSON)
        return i + 2;
    if (e == i + 1 && e < end && !headline && (c->lt[i].cls & HS_LW_FIRST) && !(c->lt[i].cls & HS_LW_PLACE) &&
        capword(d, e) && d->toks.v[e].upos == HS_UPOS_PROPN && !c->lt[e].in_mention && !(c->lt[e].cls & table) &&
        !(d->toks.v[e].flags & HS_TF_ALL_UPPER) && !(d->toks.v[i].flags & HS_TF_ALL_UPPER) &&
        !(d->toks.v[e].ner && HS_NER_TYPE(d->toks.v[e].ner) == HS_ET_ORG)) {
        size_t k = e; /* the piece, and a person's span right after it ("James" "J" "Leonard Jr") */
        if (lone_piece(d, k))
            k++;
        if (k < end && d->toks.v[k].ner == HS_NER_B(HS_ET_PERSON) && !c->lt[k].in_mention)
            for (k++; k < end && d->toks.v[k].ner == HS_NER_I(HS_ET_PERSON); k++)
                ;
        else if (k == e + 1 && initial(d, e) && k < end && capword(d, k) && lone_piece(d, k) && !c->lt[k].in_mention &&
                 !(d->toks.v[k].ner && HS_NER_TYPE(d->toks.v[k].ner) == HS_ET_ORG))
            k++; /* an initial is no end of a name: "Michael" "B." "Jordan" (PLACE) */
        if (k > e)
            return k;
    }
    if (e < end && capword(d, e) && (c->lt[e].cls & HS_LW_PRESS) && !c->lt[e].in_mention && lone_piece(d, e) &&
        !(c->lt[e - 1].cls & HS_LW_STOP))
        return e + 1;
    /* a strong head, a lone organisation word or the tagger's organisation: not
       a person whose surname is such a word ("Regina Hall of …", "Ada Hall of …") */
    int person = HS_NER_TYPE(d->toks.v[i].ner) == HS_ET_PERSON && (c->lt[i].cls & HS_LW_FIRST);
    int head = (c->lt[e - 1].cls & HS_LW_ORGHEAD) || e == i + 1 || HS_NER_TYPE(d->toks.v[i].ner) == HS_ET_ORG;
    if (!person && head && (c->lt[e - 1].cls & HS_LW_ORGWORD) && capword(d, e - 1) && e + 1 < end &&
        hs_link_tok_is(d, e, "of") &&
        capword(d, e + 1) && !c->lt[e + 1].in_mention && !(c->lt[e + 1].cls & HS_LW_STOP)) {
        size_t k = e + 1;
        while (k < end && !c->lt[k].in_mention) {
            if (capword(d, k) && !(c->lt[k].cls & HS_LW_STOP))
                k++;
            else if (hs_link_tok_is(d, k, "and|&|of") && k + 1 < end && capword(d, k + 1) &&
                     !(c->lt[k + 1].cls & HS_LW_STOP))
                k++;
            else
                break;
        }
        return k;
    }
    size_t a = e; /* capitalised words the tagger left out before the ampersand ("MTV" "Movie" "&") */
    while (a < end && a < e + 2 && capword(d, a) && d->toks.v[a].ner == HS_NER_O && !(c->lt[a].cls & HS_LW_STOP))
        a++;
    if (a + 1 < end && hs_link_tok_is(d, a, "&|and") && capword(d, a + 1) && !c->lt[a + 1].in_mention) {
        size_t k = a + 1;
        while (k < end && k < a + 4 && capword(d, k) && !(c->lt[k].cls & HS_LW_STOP) && !c->lt[k].in_mention)
            k++;
        int orgs = d->toks.v[i].ner && HS_NER_TYPE(d->toks.v[i].ner) == HS_ET_ORG && d->toks.v[a + 1].ner &&
                   HS_NER_TYPE(d->toks.v[a + 1].ner) == HS_ET_ORG; /* "MTV Movie and TV Awards" */
        int whole = (c->lt[a - 1].cls & HS_LW_ORGHEAD) && hs_link_tok_is(d, a, "and"); /* "X Productions and Y Ventures" */
        if ((c->lt[k - 1].cls & HS_LW_ORGHEAD) && !whole && (k == a + 2 || orgs || hs_link_tok_is(d, a, "&")))
            return k;
    }
    return e;
}

/* A run of capitalised words [b, e) in a sentence ending at `end`. */
static int name_run(hs_link_ctx *c, size_t b, size_t e, size_t end, int ner)
{
    hs_doc *d = c->d;
    for (size_t k = b; k < e && k <= b + 1; k++) { /* "In Touch Weekly", "The Post" */
        if (k > b && !(c->lt[b].cls & (HS_LW_STOP | HS_LW_NATIONALITY)))
            break; /* "Valeska Paris" is a person, not a first word and a place */
        hs_lw_entry x = table_span(c, k, e);
        if ((x.cls & (HS_LW_OUTLET | HS_LW_PLACE)) && !(e - k == 1 && initial_position(d, k)) &&
            !(e - k == 1 && earlier_name_word(c, k))) { /* "Jordan" after "Michael Jordan" */
            int outlet = (x.cls & HS_LW_OUTLET) != 0;
            return push_mention(c, k, e, HS_MK_NAME, outlet ? HS_ET_ORG : HS_ET_PLACE, 0, (uint8_t)outlet);
        }
    }
    size_t first_prem = SIZE_MAX, run_begin = b;
    uint8_t gender = 0, person = 0, the = 0;
    if (b > 0 && (c->lt[b - 1].cls & (HS_LW_ROLE | HS_LW_TITLE)) && !c->lt[b - 1].in_mention &&
        (!capword(d, b - 1) || initial_position(d, b - 1)) &&
        d->toks.v[b - 1].sent == d->toks.v[b].sent) { /* "chef Teo Baptiste", "Singer Ada Moss …" */
        person = 1;
        first_prem = b - 1;
        gender = c->lt[b - 1].gender;
    }
    while (b < e) {
        uint32_t cls = c->lt[b].cls;
        if (cls & HS_LW_STOP) {
            the |= b == run_begin && !strcmp(c->lt[b].fold, "the");
            b++;
            continue;
        }
        if (ner < 0 && initial_position(d, b) && e - b == 1 && !(cls & (HS_LW_FIRST | HS_LW_TITLE | HS_LW_NATIONALITY)) &&
            !c->lt[b].known && !earlier_name_word(c, b)) {
            b++; /* a lone capitalised word opening a sentence: "Rumours", "Originally" */
            continue;
        }
        if ((cls & (HS_LW_TITLE | HS_LW_NATIONALITY | HS_LW_ROLE)) && !(cls & HS_LW_FIRST) && b + 1 < e &&
            !(c->lt[e - 1].cls & HS_LW_ORGWORD)) { /* "Star Weekly", "British Airways": one name */
            if (first_prem == SIZE_MAX)
                first_prem = b;
            if (cls & (HS_LW_TITLE | HS_LW_ROLE)) {
                person = 1;
                if (!gender)
                    gender = c->lt[b].gender;
            }
            b++;
            continue;
        }
        break;
    }
    for (size_t k = b + 1; k + 1 < e; k++) /* "Chilean Senator Luisa Bent": a title inside the run */
        if ((c->lt[k].cls & HS_LW_TITLE) && !(c->lt[k].cls & HS_LW_FIRST) && capword(d, k) && capword(d, k + 1)) {
            if (first_prem == SIZE_MAX)
                first_prem = b;
            person = 1;
            if (!gender)
                gender = c->lt[k].gender;
            b = k + 1;
            break;
        }
    if (b >= e || (c->lt[b].cls & HS_LW_PARTICLE && e - b == 1))
        return 0;
    if ((c->lt[e - 1].cls & (HS_LW_TITLE | HS_LW_NATIONALITY | HS_LW_ROLE)) && !(c->lt[e - 1].cls & HS_LW_FIRST))
        return 0; /* "Bond Girl", "Former President": not a name */
    if (e < end && (c->lt[e].cls & HS_LW_ROLE) && !capword(d, e) &&
        !(ner == HS_ET_PERSON && (c->lt[b].cls & HS_LW_FIRST) && e - b >= 2))
        return 0; /* "Mission Impossible star …": a descriptor's modifier (a person's
                     full name stays one: "the Ada Moss fan") */
    if (ner == HS_ET_MISC && e - b == 1 && e < end && (c->lt[e].cls & (HS_LW_TITLE | HS_LW_ROLE)))
        return 0; /* "Chilean Senator X": an adjective before a title */
    hs_lw_entry xe = table_span(c, b, e);
    const hs_lw_entry *x = xe.cls ? &xe : NULL;
    uint8_t type = HS_ET_MISC, outlet = 0;
    size_t role = SIZE_MAX;
    int age = person_apposition(c, e, end, &role);
    if (age < 0 && b > 0 && hs_link_tok_is(d, b - 1, "from|in|at|to|of|with|on|for|by|near|since"))
        age = 0; /* "Originally from Oslo, the … star": a fronted phrase, not an apposition */
    if (!age && age_before(c, first_prem != SIZE_MAX ? first_prem : b) > 0)
        age = age_before(c, first_prem != SIZE_MAX ? first_prem : b); /* "the 24-year-old Lia Ozmen" */
    int family = (ner == HS_ET_PLACE || ner == HS_ET_ORG) && !x && e - b == 2 && person_surname(c, e - 1) && !earlier_name_word(c, b) &&
                 plain_words(c, b, e); /* "Mira Dalton" after "Teresa Dalton": a relative, not a place */
    if (x && !(x->cls & HS_LW_OUTLET) && e - b == 1 && earlier_name_word(c, b) &&
        !(b > 0 && hs_link_tok_is(d, b - 1, "in|at|from|to|near|across|outside|inside|throughout|of")))
        x = NULL; /* "Paris said" after "Valeska Paris": her surname, not the city */
    /* a name of two or more words ending in a publication word is an outlet ("Star
       Weekly"), one ending in an organisation head an organisation ("Pie Town
       Productions", "Department of Parks"), whatever the tagger said, unless a first name opens a
       person's name ("Emily Post") */
    int person_first = ner == HS_ET_PERSON && (c->lt[b].cls & HS_LW_FIRST);
    int press = e - b >= 2 && (c->lt[e - 1].cls & HS_LW_PRESS) && capword(d, e - 1) && !person_first;
    int orghead = (e - b >= 2 && (c->lt[e - 1].cls & HS_LW_ORGHEAD) && capword(d, e - 1)) || of_org(c, b, e);
    if (x && (x->cls & (HS_LW_OUTLET | HS_LW_PLACE))) {
        outlet = (x->cls & HS_LW_OUTLET) != 0;
        type = outlet ? HS_ET_ORG : HS_ET_PLACE;
    } else if (x && (x->cls & HS_LW_EVENTNAME)) {
        type = HS_ET_EVENT;
    } else if ((x && (x->cls & HS_LW_ORGNAME)) || press || orghead) {
        type = HS_ET_ORG;
        outlet = (uint8_t)press;
    } else if (!person && !age && has_orgword(c, b, e) &&
               (ner == HS_ET_MISC || (ner == HS_ET_PERSON && after_the(c, b) && !(c->lt[b].cls & HS_LW_FIRST)))) {
        type = HS_ET_ORG; /* "Star Weekly" (MISC), "the Morning Ledger" (PERSON): the table's word says
                             more than MISC, and a person's name takes no article */
    } else if (!person_first && work_object(c, run_begin)) {
        type = HS_ET_WORK; /* "the cast of Harbor Lights", whatever the tagger said */
    } else if (epithet_object(c, run_begin)) {
        type = HS_ET_MISC; /* "call her The Leading Man Whisperer": a title, no person */
        for (size_t k = b; k < e; k++) /* and so no "she" makes it one (cluster.c) */
            c->d->toks.v[k].ner = (uint8_t)(k == b ? HS_NER_B(HS_ET_MISC) : HS_NER_I(HS_ET_MISC));
    } else if (ner >= 0 &&
               (ner == HS_ET_PERSON || !(person || first_last(c, b, e) || lone_first(c, b, e, ner) || age || family))) {
        type = (uint8_t)ner; /* the tagger's type, unless the tables or a title say person */
        if (type == HS_ET_PLACE && e - b == 1)
            type = HS_ET_MISC; /* a lone word the gazetteer does not know: taggers call
                                  surnames places ("Falco"); clustering decides */
        if (type == HS_ET_PERSON && (c->lt[b].cls & HS_LW_FIRST))
            gender = c->lt[b].gender;
    } else if (names_a_work(c, run_begin)) {
        type = HS_ET_WORK;
    } else if (c->lt[e - 1].cls & HS_LW_ORGWORD) {
        type = HS_ET_ORG;
    } else if (person || (c->lt[b].cls & HS_LW_FIRST) || age || family || plain_name(c, b, e, the)) {
        type = HS_ET_PERSON;
        if (c->lt[b].cls & HS_LW_FIRST)
            gender = c->lt[b].gender;
    }
    if (type == HS_ET_PERSON && e - b == 1 && plural_nationality(c, b))
        type = HS_ET_MISC; /* "Americans", "Muslims": a group, not a person */
    if (type == HS_ET_MISC && e - b == 1 && (d->toks.v[b].flags & HS_TF_ALL_UPPER) && HS_TOK_LEN(&d->toks.v[b]) > 1)
        type = HS_ET_ORG; /* an acronym: NASA, PTI */
    int rc = push_mention(c, b, e, HS_MK_NAME, type, type == HS_ET_PERSON ? gender : 0, outlet);
    for (size_t k = first_prem; !rc && k < b; k++)
        rc = add_tie(c, k);
    if (!rc && age < 0 && role != SIZE_MAX && type == HS_ET_PERSON)
        rc = add_tie(c, role); /* "Ramon Ellery, a chef, …": the role is his, as a premodifier would be */
    if (!rc && age <= 0 && type == HS_ET_PERSON)
        age = age_before(c, first_prem != SIZE_MAX ? first_prem : b);
    if (!rc && age > 0) {
        if (HS_RESERVE(&c->ages, c->ages.n + 2))
            return HS_ENOMEM;
        c->ages.v[c->ages.n++] = (int32_t)(d->mentions.n - 1);
        c->ages.v[c->ages.n++] = age;
    }
    return rc;
}

/* Mark the capitalised words that the article also capitalises inside a
 * sentence: at a sentence start, only those (and table words) begin names. */
static int mark_known(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    hs_linkwords set;
    memset(&set, 0, sizeof set);
    int rc = 0;
    for (size_t i = 0; !rc && i < d->toks.n; i++)
        if (c->lt[i].fold && capword(d, i) && !initial_position(d, i))
            rc = hs_lw_add(&set, c->lt[i].fold, strlen(c->lt[i].fold), 1, 0);
    for (size_t i = 0; !rc && set.n && i < d->toks.n; i++)
        if (c->lt[i].fold && capword(d, i))
            c->lt[i].known = hs_lw_get(&set, c->lt[i].fold, strlen(c->lt[i].fold)) != NULL;
    hs_lw_free(&set);
    return rc;
}

int hs_link_mentions(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    int tagged = d->toks.n && d->toks.v[0].upos != HS_UPOS_X;
    int rc = mark_known(c);
    for (size_t s = 0; !rc && s < d->sents.n; s++) {
        size_t end = d->sents.v[s].tok_end;
        int headline = title_case(c, &d->sents.v[s]);
        for (size_t i = d->sents.v[s].tok_begin; !rc && i < end;) {
            const char *f = c->lt[i].fold;
            size_t next = i + 1;
            if (!f || c->lt[i].in_mention || !is_word(&d->toks.v[i]) || in_title(d, i)) {
                i = next;
                continue;
            }
            size_t k = sizeof pronouns / sizeof pronouns[0];
            if (f[0] == 'h' || f[0] == 's' || f[0] == 't') /* every pronoun of the table starts so */
                for (k = 0; k < sizeof pronouns / sizeof pronouns[0]; k++)
                    if (f[1] == pronouns[k].w[1] && !strcmp(f, pronouns[k].w))
                        break;
            if (k < sizeof pronouns / sizeof pronouns[0]) {
                rc = push_mention(c, i, i + 1, HS_MK_PRONOUN, HS_ET_PERSON, pronouns[k].gender, 0);
            } else if (!strcmp(f, "the")) {
                int r = try_nominal(c, i, end, &next);
                if (r < 0)
                    rc = r;
                else if (!r)
                    next = i + 1;
            }
            if (!rc && tagged && next == i + 1 && !c->lt[i].in_mention && HS_NER_IS_B(d->toks.v[i].ner)) {
                uint8_t l = d->toks.v[i].ner;
                size_t e = i + 1;
                size_t whole = e; /* the tagger's span, kept when the tables know it ("E! News") */
                while (whole < end && d->toks.v[whole].ner == HS_NER_I(HS_NER_TYPE(l)) && !c->lt[whole].in_mention)
                    whole++;
                hs_lw_entry ke = table_span(c, i, whole);
                const hs_lw_entry *known = ke.cls ? &ke : NULL;
                for (;;) { /* "Ruiz" "-" "Tello": a tagger may cut a name at its hyphen */
                    while (e < end && d->toks.v[e].ner == HS_NER_I(HS_NER_TYPE(l)) && !c->lt[e].in_mention &&
                           (ner_name_word(c, e) || (known && (known->cls & (HS_LW_OUTLET | HS_LW_PLACE)))))
                        e++;
                    if (!name_hyphen(d, e, end))
                        break;
                    e += 2;
                }
                if (e == i + 1 && HS_NER_TYPE(l) == HS_ET_MISC && (c->lt[i].cls & HS_LW_NATIONALITY)) {
                    /* "Danish Senator Ilse Varnak": a nationality the tagger calls MISC, then a
                       title, then a person: the nationality and title are ties of the person */
                    size_t t = e;
                    while (t < end && d->toks.v[t].ner == HS_NER_O && (c->lt[t].cls & (HS_LW_TITLE | HS_LW_ROLE)))
                        t++;
                    /* the title outside the person's span, or inside it ("Senator Ilse Varnak" as PERSON) */
                    if ((t > e || (t < end && (c->lt[t].cls & HS_LW_TITLE))) && t < end &&
                        d->toks.v[t].ner == HS_NER_B(HS_ET_PERSON)) {
                        e = t + 1;
                        while (e < end && d->toks.v[e].ner == HS_NER_I(HS_ET_PERSON))
                            e++;
                        l = HS_NER_B(HS_ET_PERSON);
                    }
                }
                size_t b = i, s0 = d->sents.v[s].tok_begin, e2 = name_end(c, i, e, end, headline);
                if (l == HS_NER_B(HS_ET_PERSON)) /* "prompted Senator Ruth Calloway" with the title left
                                                    out of the person's span: a tie all the same */
                    while (b > s0 && d->toks.v[b - 1].ner == HS_NER_O && !c->lt[b - 1].in_mention &&
                           (c->lt[b - 1].cls & HS_LW_TITLE) && !(c->lt[b - 1].cls & HS_LW_FIRST) && capword(d, b - 1))
                        b--;
                if (b == i) /* "told the Daily Lantern" with "Daily" left out: after "the", capitalised
                               words that are no title, nationality, role or stop word belong to the name */
                    for (size_t j = i; j > s0 + 1 && j + 2 >= i; j--) {
                        if (d->toks.v[j - 1].ner != HS_NER_O || c->lt[j - 1].in_mention || !capword(d, j - 1) ||
                            initial_position(d, j - 1) ||
                            (c->lt[j - 1].cls & (HS_LW_TITLE | HS_LW_NATIONALITY | HS_LW_ROLE | HS_LW_STOP)))
                            break;
                        if (after_the(c, j - 1)) {
                            b = j - 1;
                            break;
                        }
                    }
                if (b == i && e2 == e && e == i + 1 && (c->lt[i].cls & HS_LW_PRESS) && i > s0 &&
                    capword(d, i - 1) && !c->lt[i - 1].in_mention && d->toks.v[i - 1].ner == HS_NER_O &&
                    !(c->lt[i - 1].cls & HS_LW_STOP))
                    b = i - 1; /* "Star" (O) "Weekly" (ORG) */
                e = e2;
                rc = name_run(c, b, e, end, HS_NER_TYPE(l));
                next = e;
            }
            if (!rc && next == i + 1 && !c->lt[i].in_mention &&
                (capword(d, i) || ((c->lt[i].cls & HS_LW_PARTICLE) && i + 1 < end && capword(d, i + 1))) &&
                (!tagged || (c->lt[i].cls & HS_LW_FIRST) || earlier_name_word(c, i))) {
                /* with a tagger, what it missed only when the tables or the article
                   know the name ("Quell" after "Marta Quell") */
                size_t e = i + 1;
                while (e < end && !c->lt[e].in_mention && !(c->lt[e].cls & HS_LW_STOP) &&
                       (capword(d, e) || name_hyphen(d, e, end) ||
                        ((c->lt[e].cls & HS_LW_PARTICLE) && e + 1 < end && capword(d, e + 1))))
                    e++;
                next = e;
                if (headline) { /* only a first name and the word after it, or a table name */
                    hs_lw_entry xe = table_span(c, i, e);
                    const hs_lw_entry *x = xe.cls ? &xe : NULL;
                    if (!(x && (x->cls & (HS_LW_OUTLET | HS_LW_PLACE))) && (c->lt[i].cls & HS_LW_FIRST) && e > i + 2)
                        e = i + 2 + ((c->lt[i + 1].cls & HS_LW_PARTICLE) != 0);
                    if (!(x && (x->cls & (HS_LW_OUTLET | HS_LW_PLACE))) && !(c->lt[i].cls & HS_LW_FIRST))
                        e = i; /* no name here */
                }
                if (e > i)
                    rc = name_run(c, i, e, end, -1);
            }
            i = next;
        }
    }
    return rc;
}
