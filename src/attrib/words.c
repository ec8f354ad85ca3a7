/* Closed-class words the attribution rules look at, and token tests.
 * These are grammar (determiners, pronouns, auxiliaries), not vocabulary that
 * users extend; the extensible lists are the data tables (tables.c). */
#include <pthread.h>
#include <string.h>

#include "attrib/attrib.h"

/* Determiners and quantifiers that open a noun phrase ("a source", "two pals"). */
static const char *const dets[] = {
    "a", "an", "the", "this", "that", "these", "those", "one", "two", "three", "four",
    "several", "some", "many", "most", "multiple", "another", "other", "various", "numerous",
    "his", "her", "their", "its", "our", "my", "your", "both", "each", "every", "few", "no",
    "any", "all", "more", "fellow", NULL};

/* Subject pronouns and relative pronouns that can be a source. */
static const struct {
    const char *w;
    uint8_t gender;
} pronouns[] = {
    {"he", HS_G_MALE}, {"she", HS_G_FEMALE}, {"they", HS_G_PLURAL}, {"i", HS_G_UNKNOWN},
    {"we", HS_G_PLURAL}, {"you", HS_G_UNKNOWN}, {"it", HS_G_NEUTER}, {"who", HS_G_UNKNOWN},
    {"which", HS_G_NEUTER}, {NULL, 0}};

/* Words that may stand between a source and its cue: auxiliaries and adverbs
 * ("she has repeatedly said", "officials later told"). */
static const char *const skips[] = {
    "also", "later", "previously", "recently", "reportedly", "allegedly", "once", "then",
    "still", "repeatedly", "frequently", "often", "has", "have", "had", "was", "were", "is",
    "are", "will", "would", "could", "should", "might", "may", "can", "did", "does", "do",
    "n't", "n’t", "not", "never", "always", "just", "already", "publicly", "privately", "earlier",
    "first", "further", "even", "only", "flatly", "strongly", "openly", "bluntly",
    "exclusively", "since", "apparently", "simply", "famously", "himself", "herself",
    "themselves", "now", "again", "quickly", "ca", "wo", "sha", "’re", "'re", "’ve", "'ve",
    "’ll", "'ll", "’d", "'d", "’m", "'m", NULL};

/* Words that end a noun phrase when scanning away from its head. */
static const char *const boundaries[] = {
    "that", "which", "who", "whom", "whose", "and", "but", "or", "because", "when", "while",
    "as", "if", "than", "although", "though", "where", "after", "before", "so", "yet", "nor",
    "said", "says", "say", "told", "tells", "also", "is", "was", "are", "were", "has", "have",
    "had", "be", "been", "will", "would", "not", "to", "what", "how", "why", "did", "do",
    "does", "can", "could", "should", "it", "he", "she", "they", "we", "i", "you", "there",
    "on", "in", "at", "during", "since", "into", "over", "against", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "tonight", "last",
    "earlier", "later", "recently", "previously", "then", "now", NULL};

/* Prepositions that may sit inside a source phrase ("a source close to the couple"). */
static const char *const preps[] = {
    "of", "to", "with", "for", "from", "in", "on", "at", "by", "about", "near", "inside",
    "within", "behind", "amid", "among", "despite", "following", "under", "through", "across",
    "against", "after", "before", "during", "into", "over", NULL};

/* Lower-case particles inside names ("Ana de Armas", "Ludwig van Beethoven"). */
static const char *const particles[] = {"de", "da", "del", "della", "di", "van", "von", "der",
                                        "den", "la", "le", "bin", "al", "dos", "du", "ter", NULL};

int hs_aw_eq(const hs_doc *d, uint32_t i, const char *w)
{
    if (i >= d->toks.n)
        return 0;
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    const char *p = HS_TOK_PTR(d, t);
    /* no strlen(w): the text holds no NUL, so a shorter w fails at its end */
    for (size_t j = 0; j < n; j++) {
        char c = p[j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[j])
            return 0;
    }
    return w[n] == 0;
}

/* The lists above as one table, built once: a word's classes (a bit per
 * list) found by one hash probe, instead of comparing the token with every
 * word of a list.  Lower-cased like hs_aw_eq (ASCII A-Z only). */
enum { AW_DET = 1, AW_SKIP = 2, AW_BOUNDARY = 4, AW_PREP = 8, AW_PARTICLE = 16, AW_PRONOUN = 32 };
#define AW_SLOTS 512 /* a power of two, over twice the words */
#define AW_MAXLEN 15
typedef struct aw_slot {
    char w[AW_MAXLEN + 1];
    uint8_t len, cls, gender;
} aw_slot;
static aw_slot aw_tab[AW_SLOTS];
static pthread_once_t aw_once = PTHREAD_ONCE_INIT;

static uint32_t aw_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static aw_slot *aw_slot_of(const char *w, size_t n)
{
    for (uint32_t k = aw_hash(w, n) & (AW_SLOTS - 1);; k = (k + 1) & (AW_SLOTS - 1))
        if (!aw_tab[k].len || (aw_tab[k].len == n && memcmp(aw_tab[k].w, w, n) == 0))
            return &aw_tab[k];
}

static void aw_add(const char *w, unsigned cls, uint8_t gender)
{
    size_t n = strlen(w);
    if (n > AW_MAXLEN) /* the lists hold no such word */
        return;
    aw_slot *s = aw_slot_of(w, n);
    if (!s->len) {
        memcpy(s->w, w, n);
        s->len = (uint8_t)n;
    }
    s->cls |= (uint8_t)cls;
    if (cls & AW_PRONOUN)
        s->gender = gender;
}

static void aw_build(void)
{
    const struct {
        const char *const *list;
        unsigned cls;
    } lists[] = {{dets, AW_DET}, {skips, AW_SKIP}, {boundaries, AW_BOUNDARY}, {preps, AW_PREP},
                 {particles, AW_PARTICLE}};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t k = 0; lists[l].list[k]; k++)
            aw_add(lists[l].list[k], lists[l].cls, 0);
    for (size_t k = 0; pronouns[k].w; k++)
        aw_add(pronouns[k].w, AW_PRONOUN, pronouns[k].gender);
}

/* The table's entry for token i, or NULL. */
static const aw_slot *aw_lookup(const hs_doc *d, uint32_t i)
{
    if (i >= d->toks.n)
        return NULL;
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    if (n == 0 || n > AW_MAXLEN)
        return NULL;
    char w[AW_MAXLEN];
    const char *p = HS_TOK_PTR(d, t);
    for (size_t j = 0; j < n; j++)
        w[j] = p[j] >= 'A' && p[j] <= 'Z' ? (char)(p[j] + 32) : p[j];
    pthread_once(&aw_once, aw_build);
    const aw_slot *s = aw_slot_of(w, n);
    return s->len ? s : NULL;
}

static int in_list(const hs_doc *d, uint32_t i, unsigned cls)
{
    const aw_slot *s = aw_lookup(d, i);
    return s && (s->cls & cls);
}

int hs_aw_is_det(const hs_doc *d, uint32_t i) { return in_list(d, i, AW_DET); }
/* An auxiliary or adverb from the list, or any lower-case word in -ly ("entirely"). */
int hs_aw_is_skip(const hs_doc *d, uint32_t i)
{
    if (in_list(d, i, AW_SKIP))
        return 1;
    if (i >= d->toks.n || d->toks.v[i].kind != HS_TK_WORD || (d->toks.v[i].flags & HS_TF_UPPER_INITIAL))
        return 0;
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    return n > 4 && memcmp(HS_TOK_PTR(d, t) + n - 2, "ly", 2) == 0 && !hs_aw_eq(d, i, "family") &&
           !hs_aw_eq(d, i, "ally");
}
int hs_aw_is_boundary(const hs_doc *d, uint32_t i) { return in_list(d, i, AW_BOUNDARY); }
int hs_aw_is_prep(const hs_doc *d, uint32_t i) { return in_list(d, i, AW_PREP); }
int hs_aw_is_particle(const hs_doc *d, uint32_t i) { return in_list(d, i, AW_PARTICLE); }

int hs_aw_pronoun(const hs_doc *d, uint32_t i, uint8_t *gender)
{
    const aw_slot *s = aw_lookup(d, i);
    if (!s || !(s->cls & AW_PRONOUN))
        return 0;
    if (gender)
        *gender = s->gender;
    return 1;
}

int hs_aw_is_word(const hs_doc *d, uint32_t i)
{
    if (i >= d->toks.n)
        return 0;
    uint8_t k = d->toks.v[i].kind;
    return k == HS_TK_WORD || k == HS_TK_NUMBER || k == HS_TK_CLITIC;
}

int hs_aw_is_cap(const hs_doc *d, uint32_t i)
{
    return i < d->toks.n && d->toks.v[i].kind == HS_TK_WORD &&
           (d->toks.v[i].flags & (HS_TF_UPPER_INITIAL | HS_TF_ALL_UPPER));
}

static int tok_is_char(const hs_doc *d, uint32_t i, const char *set)
{
    if (i >= d->toks.n)
        return 0;
    const hs_tok *t = &d->toks.v[i];
    size_t n = HS_TOK_LEN(t);
    const char *p = HS_TOK_PTR(d, t);
    for (const char *s = set; *s; s += strlen(s) + 1)
        if (strlen(s) == n && memcmp(s, p, n) == 0)
            return 1;
    return 0;
}

int hs_aw_is_final(const hs_doc *d, uint32_t i)
{
    return tok_is_char(d, i, ".\0!\0?\0…\0...\0");
}

/* A dash between phrases; a hyphen glued to the words on both sides
 * ("41-year-old") is part of a word, not a dash. */
int hs_aw_is_dash(const hs_doc *d, uint32_t i)
{
    if (!tok_is_char(d, i, "—\0–\0-\0--\0"))
        return 0;
    const hs_tok *t = &d->toks.v[i];
    return !(HS_TOK_LEN(t) == 1 && i > 0 && i + 1 < d->toks.n && d->toks.v[i - 1].end == t->start &&
             d->toks.v[i + 1].start == t->end);
}

int hs_aw_is_punct(const hs_doc *d, uint32_t i)
{
    if (i >= d->toks.n)
        return 1;
    uint8_t k = d->toks.v[i].kind;
    if (k == HS_TK_QUOTE || k == HS_TK_URL || k == HS_TK_EMAIL)
        return 1;
    if (k == HS_TK_PUNCT)
        return 1;
    if (k == HS_TK_SYMBOL)
        return !tok_is_char(d, i, "&\0");
    return 0;
}

uint32_t hs_aw_sent_begin(const hs_doc *d, uint32_t i)
{
    return d->sents.v[d->toks.v[i].sent].tok_begin;
}

uint32_t hs_aw_sent_end(const hs_doc *d, uint32_t i)
{
    return d->sents.v[d->toks.v[i].sent].tok_end;
}

/* A headline: flagged by the text layer, or written in title case ("Roe Says
 * She Will Run Again.": at least four words, three in four capitalised). */
int hs_aw_title_case(const hs_doc *d, uint32_t si)
{
    const hs_sent *st = &d->sents.v[si];
    if (st->flags & HS_SF_HEADLINE)
        return 1;
    uint32_t words = 0, caps = 0;
    for (uint32_t i = st->tok_begin; i < st->tok_end; i++) {
        const hs_tok *t = &d->toks.v[i];
        if (t->kind != HS_TK_WORD || t->quote >= 0)
            continue;
        words++;
        caps += (t->flags & HS_TF_UPPER_INITIAL) != 0;
    }
    return words >= 4 && 4 * caps >= 3 * words;
}

uint32_t hs_aw_after_dateline(const hs_doc *d, uint32_t sb, uint32_t se)
{
    const hs_tok *t = &d->toks.v[sb];
    if (hs_aw_eq(d, sb, "(")) { /* "(Wire) —" after a place the splitter cut off: "LOS ANGELES, Calif." */
        uint32_t k = sb + 1;
        while (k < se && k < sb + 8 && !hs_aw_eq(d, k, ")"))
            k++;
        return k + 1 < se && hs_aw_eq(d, k, ")") && hs_aw_is_dash(d, k + 1) ? k + 2 : sb;
    }
    if (!(t->flags & HS_TF_PARA_START) || t->kind != HS_TK_WORD || !(t->flags & HS_TF_ALL_UPPER) ||
        HS_TOK_LEN(t) < 2)
        return sb;
    int bracket = 0;
    for (uint32_t k = sb + 1; k < se && k < sb + 16; k++) {
        const hs_tok *u = &d->toks.v[k];
        if (hs_aw_is_dash(d, k))
            return bracket || k > sb + 1 ? k + 1 : sb; /* "PARIS (Wire) —", "LOS ANGELES —" */
        if (hs_aw_eq(d, k, "(")) {
            while (k < se && k < sb + 16 && !hs_aw_eq(d, k, ")"))
                k++;
            bracket = 1;
            continue;
        }
        /* place words, a state ("Calif."), a date ("July 14"): no lower-case word */
        if ((u->kind == HS_TK_WORD && !(u->flags & (HS_TF_UPPER_INITIAL | HS_TF_ALL_UPPER))) || u->quote >= 0 ||
            (hs_aw_is_final(d, k) && !(u->flags & HS_TF_ABBREV)))
            return sb;
    }
    return sb;
}
