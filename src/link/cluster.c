/* Clustering: mentions into entities.
 *
 * Pass 1 (names, in text order): a name joins the most recently mentioned
 * entity of a compatible type whose longest name holds it as a run of words,
 * or that it holds ("Cruise", "Tom" and "de Armas" join "Tom Cruise" and "Ana
 * de Armas"; case and accents are folded); otherwise it starts an entity.  A
 * name after a kinship noun ("his daughter Rulan Chao Pian") joins only the
 * same full name: it shares a surname with a relative, not a person.
 *
 * Pass 2 (every mention, in text order) keeps a salience score per entity:
 * each mention adds a weight (more for the first mention of a sentence, the
 * usual subject; less for a member of a list, or for a name modifying a noun:
 * "a Christian family") and scores fall by 0.7 with every sentence.  A
 * descriptor joins, in this order of preference:
 *   - the name it stands in apposition to ("X, the stepson of …", "the Deep
 *     Water star X");
 *   - the entity the article tied to its age ("X, 62," → "the 62-year-old");
 *   - the entity whose ties hold all its modifiers ("Cuban President X" →
 *     "the Cuban President");
 *   - for a bare descriptor ("the chef"), the person the article last tied
 *     its role word to ("chef Teo Baptiste", "Teo Baptiste, a chef,", an
 *     earlier "the chef");
 *   - an occupation ("the lawyer") stops here: unlinked, a new person;
 *   - else the most salient person of compatible gender that no other
 *     descriptor of the same sentence took (two descriptors in one sentence
 *     name two people: "The Bond Girl has a charm the Mission Impossible star
 *     can't ignore").
 * A descriptor with no gender of its own takes that of the first singular
 * pronoun after it in its sentence when no other person is named between them.
 * A singular pronoun joins the most salient person of its gender (one
 * mentioned earlier in its own sentence counts double: "Sol's ex-husband X,
 * …, confirmed he …"; a person of
 * unknown gender counts 0.35, an untyped name — "Byron" — half again, and
 * becomes a person).  A plural pronoun joins the group formed by the last
 * coordination of persons in its sentence or the one before ("A and B …
 * they"), made on first use as a PERSON entity of plural gender, or a group
 * referred to in its sentence or the one before; else it stays unlinked.  A
 * plural descriptor ("the couple", "the pair") does the same. */
#include "link/link.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SAL_MIN 0.1
#define SAL_DECAY 0.7 /* per sentence (tuned on GUM train and dev) */
#define SAL_SAME 2.0  /* a candidate already mentioned in the pronoun's sentence */

typedef struct {
    int32_t canon;  /* the mention with the longest name */
    int32_t last;   /* the last mention linked so far */
    uint64_t words; /* a bit per word of the canonical name (a quick filter) */
    uint8_t untagged_name; /* some name mention the tagger did not call MISC */
} ent_info;

/* Did the tagger call the name mention m MISC (nationalities, religions,
 * events: "Christian", "Scientologist", "Boxer Indemnity")? */
static int tagger_misc(const hs_doc *d, const hs_mention *m)
{
    uint8_t l = d->toks.v[m->tok_begin].ner;
    return m->kind == HS_MK_NAME && l != HS_NER_O && HS_NER_TYPE(l) == HS_ET_MISC;
}

/* A bit per word of a mention (hash of its fold modulo 64). */
static uint64_t word_bits(const hs_link_ctx *c, const hs_mention *m)
{
    uint64_t b = 0;
    for (uint32_t k = m->tok_begin; k < m->tok_end; k++) {
        uint64_t h = 1469598103934665603ull;
        for (const char *p = c->lt[k].fold; p && *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
        b |= 1ull << (h % 64);
    }
    return b;
}

typedef struct {
    uint32_t start, idx;
} order_key;

static int cmp_key(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Put the mentions in text order, renumbering ties and ages. */
static int sort_mentions(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    size_t n = d->mentions.n;
    int sorted = 1;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = d->mentions.v[i - 1].span.start <= d->mentions.v[i].span.start;
    if (sorted)
        return 0;
    order_key *order = malloc(n * sizeof *order);
    uint32_t *inv = malloc(n * sizeof *inv);
    hs_mention *copy = malloc(n * sizeof *copy);
    if (!order || !inv || !copy) {
        free(order), free(inv), free(copy);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (order_key){d->mentions.v[i].span.start, (uint32_t)i};
    qsort(order, n, sizeof *order, cmp_key);
    memcpy(copy, d->mentions.v, n * sizeof *copy);
    for (size_t i = 0; i < n; i++) {
        d->mentions.v[i] = copy[order[i].idx];
        inv[order[i].idx] = (uint32_t)i;
    }
    for (size_t i = 0; i < c->ties.n; i += 2)
        c->ties.v[i] = inv[c->ties.v[i]];
    for (size_t i = 0; i < c->ages.n; i += 2)
        c->ages.v[i] = (int32_t)inv[c->ages.v[i]];
    free(order), free(inv), free(copy);
    return 0;
}

static int particle(const hs_link_ctx *c, uint32_t t)
{
    return (c->lt[t].cls & HS_LW_PARTICLE) != 0;
}

static int fold_eq(const hs_link_ctx *c, uint32_t a, uint32_t b)
{
    return c->lt[a].fold && c->lt[b].fold && strcmp(c->lt[a].fold, c->lt[b].fold) == 0;
}

/* Are the words of `in` a contiguous run of the words of `out`? */
static int words_within(const hs_link_ctx *c, const hs_mention *in, const hs_mention *out)
{
    uint32_t ni = in->tok_end - in->tok_begin, no = out->tok_end - out->tok_begin;
    if (ni > no || (ni == 1 && particle(c, in->tok_begin)))
        return 0;
    for (uint32_t s = 0; s + ni <= no; s++) {
        uint32_t k = 0;
        while (k < ni && fold_eq(c, in->tok_begin + k, out->tok_begin + s + k))
            k++;
        if (k == ni)
            return 1;
    }
    return 0;
}

/* May names of types a and b be one entity?  Taggers confuse person,
 * organisation and misc types, so only places stand apart. */
static int types_agree(uint8_t a, uint8_t b)
{
    return (a == HS_ET_PLACE) == (b == HS_ET_PLACE);
}

static int new_entity(hs_link_ctx *c, ent_info **info, size_t m)
{
    hs_doc *d = c->d;
    hs_mention *mn = &d->mentions.v[m];
    hs_entity *e = HS_PUSH(&d->entities);
    if (!e)
        return HS_ENOMEM;
    e->name = hs_arena_strndup(&d->arena, HS_SPAN_PTR(d, mn->span), HS_SPAN_LEN(mn->span));
    if (!e->name)
        return HS_ENOMEM;
    e->type = mn->type;
    e->gender = mn->type == HS_ET_PERSON ? mn->gender : HS_G_UNKNOWN;
    e->outlet = mn->outlet;
    e->first_mention = (int32_t)m;
    if (d->entities.n > c->ent_cap) {
        size_t cap = c->ent_cap ? c->ent_cap * 2 : 64;
        ent_info *ni = realloc(*info, cap * sizeof *ni);
        double *ns = ni ? realloc(c->score, cap * sizeof *ns) : NULL;
        if (ni)
            *info = ni;
        if (ns)
            c->score = ns;
        uint32_t *nt = ns ? realloc(c->score_sent, cap * sizeof *nt) : NULL;
        if (!nt)
            return hs_error_set(HS_ENOMEM, "out of memory");
        c->score_sent = nt;
        c->ent_cap = cap;
    }
    size_t id = d->entities.n - 1;
    (*info)[id].canon = (*info)[id].last = (int32_t)m;
    (*info)[id].words = word_bits(c, mn);
    (*info)[id].untagged_name = !tagger_misc(d, mn);
    c->score[id] = 0;
    c->score_sent[id] = 0;
    mn->entity = (int32_t)id;
    return 0;
}

/* Does a first name begin the name mention mn, or a personal title begin or
 * precede it ("Doctor Duvall", "Mrs Pike")? */
static int person_marked(const hs_link_ctx *c, const hs_mention *mn)
{
    if (mn->kind != HS_MK_NAME)
        return 0;
    uint32_t b = mn->tok_begin;
    return (c->lt[b].cls & (HS_LW_FIRST | HS_LW_TITLE)) || (b > 0 && (c->lt[b - 1].cls & HS_LW_TITLE));
}

static void join(hs_link_ctx *c, ent_info *info, size_t m, int32_t e)
{
    hs_doc *d = c->d;
    hs_mention *mn = &d->mentions.v[m];
    hs_entity *en = &d->entities.v[e];
    mn->entity = e;
    if (info[e].last < (int32_t)m)
        info[e].last = (int32_t)m;
    if ((int32_t)m < en->first_mention)
        en->first_mention = (int32_t)m;
    if ((en->type == HS_ET_MISC && mn->type != HS_ET_MISC) || (mn->type == HS_ET_PERSON && person_marked(c, mn)))
        en->type = mn->type; /* a first name or a title settles a tagger's doubt */
    if (!en->gender && mn->gender && mn->gender != HS_G_PLURAL)
        en->gender = mn->gender;
    if (mn->kind == HS_MK_NAME) {
        info[e].untagged_name |= !tagger_misc(d, mn);
        en->outlet |= mn->outlet;
        const hs_mention *cm = &d->mentions.v[info[e].canon];
        if (HS_SPAN_LEN(mn->span) > HS_SPAN_LEN(cm->span)) {
            info[e].canon = (int32_t)m;
            info[e].words = word_bits(c, mn);
            en->name = hs_arena_strndup(&d->arena, HS_SPAN_PTR(d, mn->span), HS_SPAN_LEN(mn->span));
        }
    }
}

static int pass_names(hs_link_ctx *c, ent_info **info)
{
    hs_doc *d = c->d;
    for (size_t m = 0; m < d->mentions.n; m++) {
        hs_mention *mn = &d->mentions.v[m];
        if (mn->kind != HS_MK_NAME)
            continue;
        int32_t best = HS_NONE;
        uint64_t bits = word_bits(c, mn);
        int kin = 0; /* "his daughter Rulan Chao Pian": a relative, not the "Chao" named before */
        for (size_t i = 0; i < c->ties.n; i += 2) /* (a kin word before the name: not "X, a mother of two") */
            kin |= c->ties.v[i] == m && (c->lt[c->ties.v[i + 1]].cls & HS_LW_KIN) && c->ties.v[i + 1] < mn->tok_begin;
        for (size_t e = 0; e < d->entities.n; e++) {
            const hs_mention *cm = &d->mentions.v[(*info)[e].canon];
            uint64_t both = bits & (*info)[e].words;
            if ((both != bits && both != (*info)[e].words) || !types_agree(d->entities.v[e].type, mn->type))
                continue;
            if (!words_within(c, mn, cm) && !words_within(c, cm, mn))
                continue;
            if (kin && (cm->tok_end - cm->tok_begin != mn->tok_end - mn->tok_begin || !words_within(c, cm, mn)))
                continue; /* a relative joins only the very same full name */
            if (best < 0 || (*info)[e].last > (*info)[best].last)
                best = (int32_t)e;
        }
        if (best >= 0 && d->entities.v[best].type == HS_ET_MISC && mn->tok_end - mn->tok_begin == 1) {
            /* one word of a longer unknown name used alone ("Holt" after "Maren
             * Holt") is how articles refer to people */
            const hs_mention *cm = &d->mentions.v[(*info)[best].canon];
            uint32_t len = cm->tok_end - cm->tok_begin;
            if (len >= 2 && len <= 4)
                d->entities.v[best].type = HS_ET_PERSON;
        }
        if (best < 0) {
            int rc = new_entity(c, info, m);
            if (rc)
                return rc;
        } else {
            join(c, *info, m, best);
        }
    }
    return 0;
}

/* Is token i inside an open parenthesis of its sentence? */
static int in_parens(const hs_doc *d, size_t i)
{
    for (size_t k = i; k > d->sents.v[d->toks.v[i].sent].tok_begin; k--) {
        const hs_tok *t = &d->toks.v[k - 1];
        if (t->kind != HS_TK_PUNCT || HS_TOK_LEN(t) != 1)
            continue;
        if (d->text[t->start] == ')')
            return 0;
        if (d->text[t->start] == '(')
            return 1;
    }
    return 0;
}

/* ---- pass 2 ------------------------------------------------------------------- */

/* SAL_DECAY to the powers 0 to 80, each the value pow() gives: filled once,
 * by the first hs_link_cluster. */
static double decay_pow[81];
static pthread_once_t decay_once = PTHREAD_ONCE_INIT;

static void decay_init(void)
{
    for (int k = 0; k <= 80; k++)
        decay_pow[k] = pow(SAL_DECAY, (double)k);
}

static double salience(const hs_link_ctx *c, size_t e, uint32_t sent)
{
    uint32_t gap = sent > c->score_sent[e] ? sent - c->score_sent[e] : 0;
    return c->score[e] * decay_pow[gap > 80 ? 80 : gap];
}

static void bump(hs_link_ctx *c, int32_t e, uint32_t sent, double w)
{
    if (e < 0)
        return;
    c->score[e] = salience(c, (size_t)e, sent) + w;
    c->score_sent[e] = sent;
}

/* Does entity e hold the tie word of token t (from its ties or its name)? */
static int has_tie(const hs_link_ctx *c, int32_t e, uint32_t t, size_t before)
{
    const hs_doc *d = c->d;
    for (size_t i = 0; i < c->ties.n; i += 2) {
        uint32_t m = c->ties.v[i];
        if (m < before && d->mentions.v[m].entity == e && fold_eq(c, c->ties.v[i + 1], t))
            return 1;
    }
    return 0;
}

static int32_t by_ties(const hs_link_ctx *c, size_t m)
{
    const hs_doc *d = c->d;
    int32_t best = HS_NONE;
    size_t nt = 0;
    for (size_t i = 0; i < c->ties.n; i += 2)
        nt += c->ties.v[i] == m;
    if (!nt)
        return HS_NONE;
    for (size_t e = 0; e < d->entities.n; e++) {
        if (d->entities.v[e].type != HS_ET_PERSON || c->score[e] <= 0)
            continue;
        int all = 1;
        for (size_t i = 0; i < c->ties.n && all; i += 2)
            if (c->ties.v[i] == m && !has_tie(c, (int32_t)e, c->ties.v[i + 1], m))
                all = 0;
        if (all && (best < 0 || c->score_sent[e] >= c->score_sent[best]))
            best = (int32_t)e;
    }
    return best;
}

/* The head role word of descriptor m ("singer" in "the singer"), or SIZE_MAX. */
static size_t role_head(const hs_link_ctx *c, const hs_mention *mn)
{
    size_t h = SIZE_MAX;
    for (size_t k = mn->tok_begin; k < mn->tok_end; k = c->lt[k].cend)
        if (c->lt[k].cls & HS_LW_ROLE)
            h = k;
    return h;
}

/* The person the article last tied a bare descriptor's role word to ("the
 * chef", not "the Deep Water star", whose modifiers say more than its head):
 * as a premodifier ("Singer Ada Moss", "chef Teo Baptiste"), an apposition
 * ("Teo Baptiste, a chef,") or an earlier descriptor with that head. */
static int32_t by_role(const hs_link_ctx *c, size_t m)
{
    const hs_doc *d = c->d;
    size_t h = role_head(c, &d->mentions.v[m]);
    for (size_t i = 0; i < c->ties.n && h != SIZE_MAX; i += 2)
        if (c->ties.v[i] == m)
            return HS_NONE; /* modifiers: by_ties() had its say */
    if (h == SIZE_MAX)
        return HS_NONE;
    int32_t best = HS_NONE;
    size_t best_m = 0;
    for (size_t i = 0; i < c->ties.n; i += 2) {
        uint32_t o = c->ties.v[i];
        int32_t e = o < m ? d->mentions.v[o].entity : HS_NONE;
        if (e >= 0 && d->entities.v[e].type == HS_ET_PERSON && fold_eq(c, c->ties.v[i + 1], (uint32_t)h) &&
            (best < 0 || o >= best_m))
            best = e, best_m = o;
    }
    for (size_t o = m; o-- > 0;) {
        const hs_mention *p = &d->mentions.v[o];
        if (p->kind != HS_MK_NOMINAL || p->entity < 0 || (best >= 0 && o < best_m))
            continue;
        size_t ph = role_head(c, p);
        if (ph != SIZE_MAX && fold_eq(c, (uint32_t)ph, (uint32_t)h)) {
            best = p->entity;
            break;
        }
    }
    return best;
}

static int32_t by_age(const hs_link_ctx *c, size_t m)
{
    int32_t age = 0, best = HS_NONE;
    for (size_t i = 0; i < c->ages.n; i += 2)
        if (c->ages.v[i] == (int32_t)m)
            age = c->ages.v[i + 1];
    for (size_t i = 0; age && i < c->ages.n; i += 2) {
        int32_t o = c->ages.v[i];
        if (o < (int32_t)m && c->ages.v[i + 1] == age && c->d->mentions.v[o].entity >= 0)
            best = c->d->mentions.v[o].entity;
    }
    return best;
}

/* The name a descriptor stands in apposition to, or -1. */
static int32_t apposed(const hs_link_ctx *c, size_t m)
{
    const hs_doc *d = c->d;
    const hs_mention *mn = &d->mentions.v[m];
    if (m > 0) {
        const hs_mention *p = &d->mentions.v[m - 1];
        /* an untyped name after a preposition ("Originally from Oslo, the …")
         * ends a fronted phrase rather than taking an apposition */
        int fronted = p->entity >= 0 && d->entities.v[p->entity].type == HS_ET_MISC && p->tok_begin > 0 &&
                      hs_link_tok_is(d, p->tok_begin - 1, "from|in|at|to|of|with|on|for|by|near|since");
        if (p->kind == HS_MK_NAME && p->tok_end + 1 == mn->tok_begin && p->type != HS_ET_ORG &&
            p->type != HS_ET_PLACE && !fronted && hs_link_tok_is(d, p->tok_end, ","))
            return p->entity;
    }
    if (m + 1 < d->mentions.n) {
        const hs_mention *q = &d->mentions.v[m + 1];
        if (q->kind == HS_MK_NAME && q->type != HS_ET_ORG && q->type != HS_ET_PLACE &&
            (q->tok_begin == mn->tok_end || (q->tok_begin == mn->tok_end + 1 && hs_link_tok_is(d, mn->tok_end, ","))))
            return q->entity;
    }
    return HS_NONE;
}

static int gender_ok(uint8_t want, uint8_t have)
{
    return !want || !have || want == have;
}

/* Did the article give entity e, before mention m, an office title that is
 * also a role ("Mayor Ortiz", "Senator Ruth Ortiz") other than the role word
 * at token h?  A bare descriptor with another head ("the singer") does not
 * fall back on that person by salience alone. */
static int other_office(const hs_link_ctx *c, int32_t e, size_t h, size_t m)
{
    const hs_doc *d = c->d;
    for (size_t i = 0; i < c->ties.n; i += 2) {
        uint32_t o = c->ties.v[i], t = c->ties.v[i + 1];
        if (o < m && d->mentions.v[o].entity == e && (c->lt[t].cls & HS_LW_TITLE) && (c->lt[t].cls & HS_LW_ROLE) &&
            !fold_eq(c, t, (uint32_t)h))
            return 1;
    }
    return 0;
}

/* The most salient person compatible with `gender`, skipping `taken` and, for
 * a descriptor headed by the role word at token h (else SIZE_MAX), a person
 * holding another office. */
static int32_t most_salient(const hs_link_ctx *c, const ent_info *info, size_t m, uint8_t gender, int misc_ok,
                            const int32_t *taken, size_t ntaken, size_t h)
{
    const hs_doc *d = c->d;
    uint32_t sent = d->toks.v[d->mentions.v[m].tok_begin].sent;
    int32_t best = HS_NONE;
    double bs = SAL_MIN;
    for (size_t e = 0; e < d->entities.n; e++) {
        const hs_entity *en = &d->entities.v[e];
        if ((en->type != HS_ET_PERSON && !(misc_ok && en->type == HS_ET_MISC && info[e].untagged_name)) ||
            !gender_ok(gender, en->gender))
            continue;
        int skip = 0;
        for (size_t k = 0; k < ntaken; k++)
            skip |= taken[k] == (int32_t)e;
        skip |= h != SIZE_MAX && other_office(c, (int32_t)e, h, m);
        double s = salience(c, e, sent) * (c->score_sent[e] == sent ? SAL_SAME : 1.0) * (gender && !en->gender ? 0.35 : 1.0) * (en->type == HS_ET_MISC ? 0.5 : 1.0);
        if (!skip && s > bs) {
            bs = s;
            best = (int32_t)e;
        }
    }
    return best;
}

/* Gender of a descriptor, or that of the pronoun that follows it in its sentence. */
static uint8_t nominal_gender(const hs_link_ctx *c, size_t m)
{
    const hs_doc *d = c->d;
    const hs_mention *mn = &d->mentions.v[m];
    if (mn->gender)
        return mn->gender;
    uint32_t sent = d->toks.v[mn->tok_begin].sent;
    for (size_t k = m + 1; k < d->mentions.n; k++) {
        const hs_mention *q = &d->mentions.v[k];
        if (d->toks.v[q->tok_begin].sent != sent)
            break;
        if (q->kind == HS_MK_NAME && (q->type == HS_ET_PLACE || q->type == HS_ET_ORG))
            continue; /* "moved to Paris for her first role" */
        if (q->kind != HS_MK_PRONOUN)
            break;
        if (q->gender == HS_G_MALE || q->gender == HS_G_FEMALE)
            return q->gender;
    }
    return 0;
}

/* Is mention m a possessor ("Sol's ex-husband X …")?  It is not the subject. */
static int possessor(const hs_doc *d, const hs_mention *mn)
{
    return mn->tok_end < d->toks.n && d->toks.v[mn->tok_end].kind == HS_TK_CLITIC &&
           hs_link_tok_is(d, mn->tok_end, "'s|’s|'|’");
}

static double weight(const hs_doc *d, size_t m, int first_in_sentence)
{
    const hs_mention *mn = &d->mentions.v[m];
    double w = mn->kind == HS_MK_NAME ? 1.0 : mn->kind == HS_MK_NOMINAL ? 0.8 : 0.7;
    if (first_in_sentence && !possessor(d, mn))
        w += 0.5;
    if (in_parens(d, mn->tok_begin))
        return w * 0.3; /* a parenthesis: credits, asides */
    if (mn->kind == HS_MK_NAME && mn->tok_end < d->toks.n && d->toks.v[mn->tok_end].upos == HS_UPOS_NOUN &&
        d->toks.v[mn->tok_end].kind == HS_TK_WORD && !(d->toks.v[mn->tok_end].flags & HS_TF_UPPER_INITIAL))
        w *= 0.3; /* a name modifying a noun ("a Christian family", "the Vance campaign") is not what it talks about */
    int listed = (mn->tok_begin > 0 && hs_link_tok_is(d, mn->tok_begin - 1, "and|or")) ||
                 hs_link_tok_is(d, mn->tok_end, "and|or");
    return listed ? w * 0.6 : w;
}

/* A descriptor or pronoun right after a quotation ("“Keith and I …,” the
 * 51-year-old told …", "“…,” she said") speaks it, and a speaker does not name
 * themself in the third person: the people named inside that quotation go into
 * out (at most max); their number. */
static size_t named_in_quote_before(const hs_doc *d, size_t m, int32_t *out, size_t max)
{
    const hs_mention *mn = &d->mentions.v[m];
    size_t t = mn->tok_begin;
    if (t > 0 && hs_link_tok_is(d, t - 1, ","))
        t--;
    if (t == 0 || !(d->toks.v[t - 1].flags & HS_TF_QUOTE_CLOSE))
        return 0;
    size_t close = t - 1, n = 0;
    int32_t q = close > 0 ? d->toks.v[close - 1].quote : -1;
    if (q < 0 || d->toks.v[close].sent != d->toks.v[mn->tok_begin].sent)
        return 0; /* (not a sentence after the quotation: "“…” The actress turns 20") */
    for (size_t k = m; k-- > 0 && n < max;) {
        const hs_mention *o = &d->mentions.v[k];
        if (o->tok_end <= (size_t)d->quotes.v[q].open_tok)
            break;
        if (o->kind == HS_MK_NAME && o->entity >= 0 && d->toks.v[o->tok_begin].quote == q)
            out[n++] = o->entity;
    }
    return n;
}

/* ---- plural pronouns ------------------------------------------------------------ */

/* A group the article formed by coordination: mentions [first, last] of it. */
typedef struct {
    int32_t first, last, ent;
} group_t;
typedef HS_ARRAY(group_t) group_array;

/* Is mention m one of a person (a name, descriptor or pronoun linked to one)? */
static int person_at(const hs_link_ctx *c, size_t m)
{
    const hs_mention *mn = &c->d->mentions.v[m];
    return mn->entity >= 0 && c->d->entities.v[mn->entity].type == HS_ET_PERSON &&
           c->d->entities.v[mn->entity].gender != HS_G_PLURAL && mn->kind != HS_MK_PRONOUN &&
           !in_parens(c->d, mn->tok_begin);
}

/* The last coordination of persons before mention m in its sentence or the
 * one before ("A and B", "A, B and C", "A or B" excluded): its first and last
 * mention, or 0. */
static int coordination(const hs_link_ctx *c, size_t m, int32_t *first, int32_t *last)
{
    const hs_doc *d = c->d;
    uint32_t sent = d->toks.v[d->mentions.v[m].tok_begin].sent;
    for (size_t q = m; q-- > 1;) {
        if (d->toks.v[d->mentions.v[q].tok_begin].sent + 1 < sent)
            return 0;
        if (!person_at(c, q))
            continue;
        size_t p = q, members = 1;
        int and_seen = 0;
        while (p > 0 && person_at(c, p - 1)) {
            const hs_mention *a = &d->mentions.v[p - 1], *b = &d->mentions.v[p];
            size_t bb = b->tok_begin; /* less the titles and roles before it ("and chef Tobias Rhee") */
            while (bb > a->tok_end + 1 && bb + 3 > b->tok_begin &&
                   (c->lt[bb - 1].cls & (HS_LW_TITLE | HS_LW_ROLE | HS_LW_NATIONALITY)))
                bb--;
            int by_and = a->tok_end + 1 == bb && hs_link_tok_is(d, a->tok_end, "and|&");
            int by_comma = a->tok_end + 1 == bb && hs_link_tok_is(d, a->tok_end, ",") && and_seen;
            if ((!by_and && !by_comma) || (by_and && and_seen) || a->entity == b->entity)
                break;
            and_seen |= by_and;
            p--, members++;
        }
        if (members >= 2 && and_seen) {
            *first = (int32_t)p, *last = (int32_t)q;
            return 1;
        }
    }
    return 0;
}

/* The entity of the group [first, last] into *out, made on first use: a
 * PERSON of plural gender named by the words of the coordination. */
static int group_entity(hs_link_ctx *c, ent_info **info, group_array *groups, size_t m, int32_t first, int32_t last,
                        int32_t *out)
{
    hs_doc *d = c->d;
    for (size_t i = 0; i < groups->n; i++)
        if (groups->v[i].first == first && groups->v[i].last == last) {
            *out = groups->v[i].ent;
            return 0;
        }
    if (HS_RESERVE(groups, groups->n + 1))
        return hs_error_set(HS_ENOMEM, "out of memory");
    int rc = new_entity(c, info, m);
    if (rc)
        return rc;
    int32_t e = (int32_t)d->entities.n - 1;
    hs_entity *en = &d->entities.v[e];
    hs_span sp = {d->mentions.v[first].span.start, d->mentions.v[last].span.end};
    en->name = hs_arena_strndup(&d->arena, HS_SPAN_PTR(d, sp), HS_SPAN_LEN(sp));
    if (!en->name)
        return hs_error_set(HS_ENOMEM, "out of memory");
    en->type = HS_ET_PERSON;
    en->gender = HS_G_PLURAL;
    groups->v[groups->n++] = (group_t){first, last, e};
    *out = e;
    return 0;
}

/* What a plural pronoun refers to: the couple or group last formed by
 * coordination in its sentence or the one before ("Hugo Brandt and Selma Ott
 * arrived. They left together."), else a group referred to in its sentence or
 * the one before ("They … Their …").  Organisations are not tried: on GUM
 * train a "they" after an organisation opening its sentence meant it one time
 * in five; "they" mostly stands for unnamed plurals ("fans", "the police"). */
static int plural_antecedent(hs_link_ctx *c, ent_info **info, group_array *groups, size_t m, int32_t *out)
{
    const hs_doc *d = c->d;
    uint32_t sent = d->toks.v[d->mentions.v[m].tok_begin].sent;
    int32_t first, last;
    if (coordination(c, m, &first, &last))
        return group_entity(c, info, groups, m, first, last, out);
    int32_t best = HS_NONE;
    double bs = SAL_MIN;
    for (size_t e = 0; e < d->entities.n; e++) {
        const hs_entity *en = &d->entities.v[e];
        double sc = salience(c, e, sent);
        if (en->type == HS_ET_PERSON && en->gender == HS_G_PLURAL && c->score_sent[e] + 1 >= sent && sc > bs) {
            bs = sc;
            best = (int32_t)e;
        }
    }
    *out = best;
    return 0;
}

static int pass_links(hs_link_ctx *c, ent_info **infop)
{
    hs_doc *d = c->d;
    int32_t taken[16];
    size_t ntaken = 0;
    uint32_t cur = UINT32_MAX, cur_first = UINT32_MAX;
    group_array groups = {0};
    int rc = 0;
    for (size_t m = 0; !rc && m < d->mentions.n; m++) {
        ent_info *info = *infop;
        hs_mention *mn = &d->mentions.v[m];
        uint32_t sent = d->toks.v[mn->tok_begin].sent;
        if (sent != cur)
            ntaken = 0;
        if (mn->kind == HS_MK_NAME && d->entities.v[mn->entity].type != HS_ET_PERSON &&
            d->entities.v[mn->entity].type != HS_ET_MISC) {
            /* places and works take no salience; organisations take some, for "they" only */
            if (d->entities.v[mn->entity].type == HS_ET_ORG && !mn->outlet)
                bump(c, mn->entity, sent, 1.0);
            continue;
        }
        int first = sent != cur_first, appos = 0;
        cur = sent;
        if (!possessor(d, mn)) /* the first mention that is no possessor takes the subject's weight */
            cur_first = sent;
        int32_t e = mn->entity;
        if (mn->kind == HS_MK_NOMINAL && mn->gender == HS_G_PLURAL) {
            rc = plural_antecedent(c, infop, &groups, m, &e); /* "the couple", "the pair" */
            if (!rc && e >= 0)
                join(c, *infop, m, e);
        } else if (mn->kind == HS_MK_NOMINAL) {
            uint8_t g = nominal_gender(c, m);
            e = apposed(c, m);
            appos = e >= 0;
            if (e < 0)
                e = by_age(c, m);
            if (e < 0)
                e = by_ties(c, m);
            if (e < 0)
                e = by_role(c, m);
            size_t h = role_head(c, mn);
            if (e < 0 && !(h != SIZE_MAX && (c->lt[h].cls & HS_LW_OCCUPATION))) {
                int32_t skip[16 + 8];
                memcpy(skip, taken, ntaken * sizeof *skip);
                size_t ns = ntaken + named_in_quote_before(d, m, skip + ntaken, 8);
                e = most_salient(c, info, m, g, 0, skip, ns, h);
            }
            if (e >= 0) {
                if (d->entities.v[e].type == HS_ET_MISC)
                    d->entities.v[e].type = HS_ET_PERSON;
                mn->gender = g;
                join(c, info, m, e);
                if (ntaken < 16)
                    taken[ntaken++] = e;
            }
        } else if (mn->kind == HS_MK_PRONOUN) {
            if (mn->gender == HS_G_MALE || mn->gender == HS_G_FEMALE) {
                int32_t skip[8];
                size_t ns = named_in_quote_before(d, m, skip, 8);
                e = most_salient(c, info, m, mn->gender, 1, skip, ns, SIZE_MAX);
            }
            else if (mn->gender == HS_G_PLURAL)
                rc = plural_antecedent(c, infop, &groups, m, &e);
            if (!rc && e >= 0)
                join(c, *infop, m, e);
        }
        bump(c, e, sent, appos ? 0.0 : weight(d, m, first)); /* an apposition repeats its name */
    }
    HS_ARRAY_FREE(&groups);
    return rc;
}

int hs_link_cluster(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    ent_info *info = NULL;
    pthread_once(&decay_once, decay_init); /* the table salience() reads */
    int rc = sort_mentions(c);
    if (!rc)
        rc = pass_names(c, &info);
    if (!rc)
        rc = pass_links(c, &info);
    for (size_t e = 0; !rc && e < d->entities.n; e++)
        d->entities.v[e].n_mentions = 0;
    for (size_t m = 0; !rc && m < d->mentions.n; m++)
        if (d->mentions.v[m].entity >= 0)
            d->entities.v[d->mentions.v[m].entity].n_mentions++;
    free(info);
    return rc;
}
