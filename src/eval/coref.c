/* `hearsay eval coref`: entities and coreference against GUM's Entity= brackets.
 *
 * Each document's text is rebuilt from its "# text =" lines as in `eval
 * tokens` and analysed by the whole pipeline; gold mentions come from the
 * MISC column (Entity=(ID-type-…  …ID) brackets, one entity id per document).
 * A gold mention is
 *   a pronoun    one word tagged PRON of the third person singular with a
 *                gender, in every case: he, him, his, himself, she, her,
 *                hers, herself (GUM lemmas he, his, himself, she, her, hers,
 *                herself); the plural they, them, their, theirs, themselves
 *                is counted apart.  (Until 2026-12-02 only lemmas he and she
 *                counted: subject and object forms, so object "her" counted
 *                and possessive "her" and "his" did not; that narrower figure
 *                is still printed as he_she_subject_object_accuracy.)
 *   named        proper nouns only, after an optional "the" ("Donald Trump",
 *                "the United States"),
 *   nominal      it starts with "the" and ends in a NOUN ("the robotics team").
 * Only gold entities with at least one named mention are scored.  A predicted
 * entity stands for the gold entity with which it shares most named mentions
 * (a predicted name mention matches a gold one that ends where it ends and
 * holds it).  Figures:
 *   pronoun_accuracy  share of gold he/she pronouns (all cases) whose predicted mention
 *                     (same bytes) sits in an entity standing for their gold one;
 *   person_nominal_accuracy  the same for gold definite nominals of people
 *                     (predicted nominal ending where the gold one ends); the
 *                     link layer resolves descriptors of people only, so
 *                     nominals of all types are reported apart;
 *   he_she_link_precision, they_link_precision  share of the pronouns we
 *                     linked whose link is right (see link_precision());
 *   MUC and B3        over the gold named mentions, the predicted clusters as
 *                     response (a named mention we missed is a singleton). */
#include "analyzer.h"
#include "eval/conllu.h"
#include "eval/eval.h"
#include "out/jw.h"
#include "relate/relate.h"

#include <stdlib.h>
#include <string.h>

enum { GK_PRON = 0, GK_THEY, GK_NAMED, GK_NOMINAL, GK_OTHER };

typedef struct {
    uint32_t start, end; /* bytes */
    int ent;             /* gold entity id (document-local) */
    int kind;            /* GK_* */
    int person;          /* gold type is person */
    int pred_ent;        /* predicted entity of the aligned mention, -1 */
    int narrow;          /* a pronoun with lemma he or she (the figure before 2026-12-02) */
} gold_m;

typedef struct {
    int id, start_word; /* an open bracket */
    int person;
} open_b;

typedef struct {
    size_t pron, pron_ok, narrow, narrow_ok, they, they_ok, pron_links, pron_links_ok, they_links, they_links_ok, nom, nom_ok, pnom, pnom_ok, named, named_found;
    double muc_pn, muc_pd, muc_rn, muc_rd, b3_p, b3_r;
    size_t b3_n, docs, skipped;
    int debug; /* HS_EVAL_DEBUG set: print each missed pronoun and nominal */
} coref_tally;

/* One document's share of the tally (--per-doc). */
typedef struct {
    const char *path;
    size_t pron, pron_ok, they, they_ok, pnom, named, named_found;
} doc_row;

typedef HS_ARRAY(gold_m) gold_array;
typedef HS_ARRAY(hs_span) word_spans;
typedef HS_ARRAY(open_b) open_array;

/* Words of the file located in the rebuilt text, with their UPOS and lemma. */
typedef struct {
    word_spans sp;
    HS_ARRAY(const char *) upos, lemma, misc;
} words_t;

static int locate_word(const char *text, size_t len, size_t *cur, const char *form, hs_span *sp)
{
    size_t n = strlen(form), i = *cur;
    while (i < len && (text[i] == ' ' || text[i] == '\n'))
        i++;
    if (i + n > len || memcmp(text + i, form, n) != 0)
        return -1;
    *sp = (hs_span){(uint32_t)i, (uint32_t)(i + n)};
    *cur = i + n;
    return 0;
}

/* Parse one word's Entity= value: opens push, closes pop into gold mentions. */
static int brackets(const char *v, int w, const words_t *W, open_array *open, gold_array *gold)
{
    for (const char *p = v; *p && *p != '|';) {
        if (*p == '(') {
            int id = atoi(p + 1);
            const char *q = p + 1;
            while (*q && *q != '(' && *q != ')' && *q != '|')
                q++;
            const char *dash = strchr(p + 1, '-');
            int person = dash && dash < q && strncmp(dash + 1, "person", 6) == 0;
            if (*q == ')') { /* one word */
                gold_m *g = HS_PUSH(gold);
                if (!g)
                    return HS_ENOMEM;
                *g = (gold_m){W->sp.v[w].start, W->sp.v[w].end, id, GK_OTHER, person, -1, 0};
                g->kind = w; /* word range kept in kind until classified: start word */
                g->pred_ent = w;
                q++;
            } else {
                open_b *o = HS_PUSH(open);
                if (!o)
                    return HS_ENOMEM;
                *o = (open_b){id, w, person};
            }
            p = q;
        } else if (*p >= '0' && *p <= '9') {
            int id = atoi(p);
            while (*p >= '0' && *p <= '9')
                p++;
            if (*p == ')')
                p++;
            for (size_t k = open->n; k > 0; k--) {
                if (open->v[k - 1].id != id)
                    continue;
                open_b o = open->v[k - 1];
                memmove(&open->v[k - 1], &open->v[k], (open->n - k) * sizeof o);
                open->n--;
                gold_m *g = HS_PUSH(gold);
                if (!g)
                    return HS_ENOMEM;
                *g = (gold_m){W->sp.v[o.start_word].start, W->sp.v[w].end, id, o.start_word, o.person, w, 0};
                break;
            }
        } else {
            p++;
        }
    }
    return 0;
}

/* Words fw..lw are proper nouns (an opening "the" and inner punctuation allowed). */
static int all_proper(const words_t *W, int fw, int lw)
{
    for (int w = fw; w <= lw; w++) {
        const char *u = W->upos.v[w];
        if (strcmp(u, "PROPN") && strcmp(u, "PUNCT") && !(w == fw && !strcmp(W->lemma.v[w], "the")))
            return 0;
    }
    return 1;
}

/* Classify gold mentions (kind held the first word, pred_ent the last word). */
static void classify(gold_array *gold, const words_t *W)
{
    for (size_t i = 0; i < gold->n; i++) {
        gold_m *g = &gold->v[i];
        int fw = g->kind, lw = g->pred_ent;
        const char *lem = W->lemma.v[fw], *up = W->upos.v[lw];
        int pron = fw == lw && !strcmp(W->upos.v[fw], "PRON");
        g->narrow = pron && (!strcmp(lem, "he") || !strcmp(lem, "she"));
        if (pron && hs_alt_match("he|his|himself|she|her|hers|herself", lem))
            g->kind = GK_PRON;
        else if (pron && hs_alt_match("they|their|theirs|themselves", lem))
            g->kind = GK_THEY;
        else if (!strcmp(up, "PROPN") && all_proper(W, fw, lw))
            g->kind = GK_NAMED;
        else if (fw < lw && !strcmp(W->lemma.v[fw], "the") && !strcmp(up, "NOUN"))
            g->kind = GK_NOMINAL;
        else
            g->kind = GK_OTHER;
        g->pred_ent = -1;
    }
}

/* Align predicted mentions to gold ones (see the header for the rules). */
static void align(gold_array *gold, const hs_doc *d)
{
    for (size_t i = 0; i < gold->n; i++) {
        gold_m *g = &gold->v[i];
        for (size_t m = 0; m < d->mentions.n; m++) {
            const hs_mention *pm = &d->mentions.v[m];
            if (pm->span.end != g->end || pm->span.start < g->start)
                continue;
            int want = g->kind == GK_PRON || g->kind == GK_THEY ? HS_MK_PRONOUN
                       : g->kind == GK_NAMED                    ? HS_MK_NAME
                       : g->kind == GK_NOMINAL                  ? HS_MK_NOMINAL
                                                                : -1;
            if (pm->kind != want || (want == HS_MK_PRONOUN && pm->span.start != g->start))
                continue;
            g->pred_ent = pm->entity >= 0 ? pm->entity : -2; /* -2: found, unlinked */
            break;
        }
    }
}

static int has_named(const gold_array *gold, int ent)
{
    for (size_t i = 0; i < gold->n; i++)
        if (gold->v[i].ent == ent && gold->v[i].kind == GK_NAMED)
            return 1;
    return 0;
}

/* The gold entity a predicted entity stands for: most shared named mentions. */
static int stands_for(const gold_array *gold, int pe)
{
    int best = -1, bestn = 0;
    for (size_t i = 0; i < gold->n; i++) {
        if (gold->v[i].kind != GK_NAMED || gold->v[i].pred_ent != pe)
            continue;
        int n = 0;
        for (size_t k = 0; k < gold->n; k++)
            n += gold->v[k].kind == GK_NAMED && gold->v[k].pred_ent == pe && gold->v[k].ent == gold->v[i].ent;
        if (n > bestn) {
            bestn = n;
            best = gold->v[i].ent;
        }
    }
    return best;
}

/* MUC and B3 over the scored named mentions: key = gold entity, response =
 * predicted entity (a unique negative id for a missed mention). */
static void cluster_scores(const gold_array *gold, coref_tally *t)
{
    size_t n = 0;
    const gold_m **v = malloc((gold->n + 1) * sizeof *v);
    int *resp = malloc((gold->n + 1) * sizeof *resp);
    if (!v || !resp) {
        free(v), free(resp);
        return;
    }
    for (size_t i = 0; i < gold->n; i++)
        if (gold->v[i].kind == GK_NAMED) {
            resp[n] = gold->v[i].pred_ent >= 0 ? gold->v[i].pred_ent : -1000 - (int)n;
            v[n++] = &gold->v[i];
        }
    for (size_t side = 0; side < 2; side++) { /* 0: recall (key clusters), 1: precision */
        for (size_t i = 0; i < n; i++) {
            int ci = side ? resp[i] : v[i]->ent;
            int first = 1;
            for (size_t k = 0; k < i && first; k++)
                first = (side ? resp[k] : v[k]->ent) != ci;
            if (!first)
                continue;
            size_t size = 0, parts = 0;
            for (size_t k = 0; k < n; k++) {
                if ((side ? resp[k] : v[k]->ent) != ci)
                    continue;
                size++;
                int other = side ? v[k]->ent : resp[k], seen = 0;
                for (size_t j = 0; j < k && !seen; j++)
                    seen = (side ? resp[j] : v[j]->ent) == ci && (side ? v[j]->ent : resp[j]) == other;
                parts += !seen;
            }
            if (side) {
                t->muc_pn += (double)(size - parts), t->muc_pd += (double)(size - 1);
            } else {
                t->muc_rn += (double)(size - parts), t->muc_rd += (double)(size - 1);
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t both = 0, key = 0, rs = 0;
        for (size_t k = 0; k < n; k++) {
            int sk = v[k]->ent == v[i]->ent, sr = resp[k] == resp[i];
            key += sk, rs += sr, both += sk && sr;
        }
        t->b3_p += (double)both / (double)rs;
        t->b3_r += (double)both / (double)key;
        t->b3_n++;
    }
    free(v);
    free(resp);
}

/* Precision of the links we made: every predicted pronoun linked to an entity
 * counts; it is right when a gold mention has its bytes and the entity it
 * joined stands for that mention's gold entity (a pronoun whose gold entity
 * has no name, or that GUM does not mark as a mention, is a wrong link,
 * unless the entity is a group named by words the gold entity has as a mention). */
static void link_precision(const gold_array *gold, coref_tally *t, const hs_doc *d)
{
    for (size_t m = 0; m < d->mentions.n; m++) {
        const hs_mention *pm = &d->mentions.v[m];
        if (pm->kind != HS_MK_PRONOUN || pm->entity < 0)
            continue;
        int ok = 0, g = -1;
        for (size_t i = 0; i < gold->n && g < 0; i++)
            if (gold->v[i].start == pm->span.start && gold->v[i].end == pm->span.end)
                g = gold->v[i].ent;
        ok = g >= 0 && has_named(gold, g) && stands_for(gold, pm->entity) == g;
        /* a group named by its coordination ("Albert and Mara") is right when
         * the gold entity has a mention of those very words */
        const char *name = d->entities.v[pm->entity].name;
        size_t nl = strlen(name);
        for (size_t i = 0; g >= 0 && i < gold->n && !ok; i++)
            ok = gold->v[i].ent == g && gold->v[i].end - gold->v[i].start == nl &&
                 memcmp(d->text + gold->v[i].start, name, nl) == 0;
        if (t->debug && pm->gender == HS_G_PLURAL && !ok) {
            const gold_m *gm = NULL, *first = NULL;
            for (size_t i = 0; i < gold->n && !gm; i++)
                if (gold->v[i].start == pm->span.start && gold->v[i].end == pm->span.end)
                    gm = &gold->v[i];
            for (size_t i = 0; gm && i < gold->n && !first; i++)
                if (gold->v[i].ent == gm->ent && gold->v[i].kind != GK_THEY)
                    first = &gold->v[i];
            fprintf(stderr, "wrong they '%.*s' -> '%s' gold '%.*s'\n", (int)HS_SPAN_LEN(pm->span),
                    HS_SPAN_PTR(d, pm->span), d->entities.v[pm->entity].name, first ? (int)(first->end - first->start) : 1,
                    first ? d->text + first->start : "-");
        }
        if (pm->gender == HS_G_PLURAL)
            t->they_links++, t->they_links_ok += ok;
        else
            t->pron_links++, t->pron_links_ok += ok;
    }
}

static void score(gold_array *gold, coref_tally *t, const hs_doc *d)
{
    link_precision(gold, t, d);
    /* keep only mentions of entities that have a name */
    size_t k = 0;
    for (size_t i = 0; i < gold->n; i++)
        if (has_named(gold, gold->v[i].ent))
            gold->v[k++] = gold->v[i];
    gold->n = k;
    for (size_t i = 0; i < gold->n; i++) {
        gold_m *g = &gold->v[i];
        int ok = g->pred_ent >= 0 && stands_for(gold, g->pred_ent) == g->ent;
        if (t->debug && (g->kind == GK_PRON || g->kind == GK_THEY || (g->kind == GK_NOMINAL && g->person)) && !ok)
            fprintf(stderr, "miss %s '%.*s' gold %d pred %s (stands for %d) | %.*s\n",
                    g->kind == GK_PRON ? "pronoun" : g->kind == GK_THEY ? "they" : "nominal", (int)(g->end - g->start), d->text + g->start, g->ent,
                    g->pred_ent >= 0 ? d->entities.v[g->pred_ent].name : "-",
                    g->pred_ent >= 0 ? stands_for(gold, g->pred_ent) : -1,
                    (int)(g->start > 80 ? 80 : g->start), d->text + g->start - (g->start > 80 ? 80 : g->start));
        switch (g->kind) {
        case GK_PRON:
            t->pron++, t->pron_ok += ok;
            t->narrow += g->narrow, t->narrow_ok += g->narrow && ok;
            break;
        case GK_THEY: t->they++, t->they_ok += ok; break;
        case GK_NOMINAL:
            t->nom++, t->nom_ok += ok;
            t->pnom += g->person, t->pnom_ok += g->person && ok;
            break;
        case GK_NAMED: t->named++, t->named_found += g->pred_ent >= 0; break;
        default: break;
        }
    }
    cluster_scores(gold, t);
    for (size_t e = 0; t->debug && e < d->entities.n; e++) {
        int first = -1;
        for (size_t i = 0; i < gold->n; i++) {
            const gold_m *g = &gold->v[i];
            if (g->kind != GK_NAMED || g->pred_ent != (int)e)
                continue;
            if (first < 0)
                first = g->ent;
            else if (g->ent != first)
                fprintf(stderr, "merge '%s': gold %d and %d ('%.*s')\n", d->entities.v[e].name, first, g->ent,
                        (int)(g->end - g->start), d->text + g->start);
        }
    }
}

static int eval_doc(const char *path, const hs_analyzer *a, hs_doc *d, coref_tally *t)
{
    hs_conllu *r;
    int rc = hs_conllu_open(&r, path);
    if (rc)
        return rc;
    hs_buf text = HS_BUF_INIT;
    words_t W;
    memset(&W, 0, sizeof W);
    gold_array gold = {0};
    open_array open = {0};
    hs_conllu_sent s;
    /* the text first (words are located in it as sentences are appended) */
    size_t cur = 0;
    while ((rc = hs_conllu_next(r, &s)) == 0) {
        if (!s.text)
            continue;
        if (text.len && hs_buf_puts(&text, s.newpar ? "\n\n" : " "))
            rc = HS_ENOMEM;
        if (!rc && hs_buf_puts(&text, s.text))
            rc = HS_ENOMEM;
        for (size_t i = 0; !rc && i < s.n; i++) {
            hs_span sp = {(uint32_t)cur, (uint32_t)cur};
            locate_word(text.data, text.len, &cur, s.w[i].form, &sp);
            if (!HS_PUSH(&W.sp) || !HS_PUSH(&W.upos) || !HS_PUSH(&W.lemma) || !HS_PUSH(&W.misc)) {
                rc = HS_ENOMEM;
                break;
            }
            W.sp.v[W.sp.n - 1] = sp;
            W.upos.v[W.upos.n - 1] = s.w[i].upos;
            W.lemma.v[W.lemma.n - 1] = s.w[i].lemma;
            const char *e = strstr(s.w[i].misc, "Entity=");
            W.misc.v[W.misc.n - 1] = e ? e + 7 : NULL;
        }
        for (size_t w = W.sp.n - s.n; !rc && w < W.sp.n; w++)
            if (W.misc.v[w])
                rc = brackets(W.misc.v[w], (int)w, &W, &open, &gold);
    }
    if (rc == HS_EOF)
        rc = 0;
    if (!rc && text.len) {
        classify(&gold, &W);
        hs_article art = {0};
        art.text = text.data;
        art.text_len = text.len;
        art.origin = path;
        rc = hs_analyze(d, a, &art);
        if (!rc && d->len != text.len)
            t->skipped++;
        else if (!rc) {
            if (t->debug)
                fprintf(stderr, "== %s\n", path);
            align(&gold, d);
            score(&gold, t, d);
            t->docs++;
        }
    }
    hs_conllu_free(r);
    hs_buf_free(&text);
    HS_ARRAY_FREE(&W.sp);
    HS_ARRAY_FREE(&W.upos);
    HS_ARRAY_FREE(&W.lemma);
    HS_ARRAY_FREE(&W.misc);
    HS_ARRAY_FREE(&gold);
    HS_ARRAY_FREE(&open);
    return rc;
}

static double ratio(double a, double b)
{
    return b > 0 ? a / b : 0;
}

static void put_share(hs_jw *w, const char *key, size_t ok, size_t n)
{
    hs_jw_key(w, key);
    hs_jw_obj(w);
    hs_jw_key(w, "gold"), hs_jw_int(w, (long long)n);
    hs_jw_key(w, "correct"), hs_jw_int(w, (long long)ok);
    hs_jw_key(w, "accuracy"), hs_jw_num(w, ratio((double)ok, (double)n));
    hs_jw_obj_end(w);
}

static void put_prf(hs_jw *w, const char *key, double p, double r)
{
    hs_jw_key(w, key);
    hs_jw_obj(w);
    hs_jw_key(w, "precision"), hs_jw_num(w, p);
    hs_jw_key(w, "recall"), hs_jw_num(w, r);
    hs_jw_key(w, "f1"), hs_jw_num(w, p + r > 0 ? 2 * p * r / (p + r) : 0);
    hs_jw_obj_end(w);
}

int hs_eval_coref(int argc, char **argv, FILE *out)
{
    const char *path = NULL, *split = "test";
    int json = 0, no_tag = 0, per_doc = 0; /* --no-tag: names from the capitalisation fallback, not the tagger */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--conllu") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
            split = argv[++i];
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--no-tag") == 0)
            no_tag = 1;
        else if (strcmp(argv[i], "--per-doc") == 0)
            per_doc = 1;
        else {
            fprintf(stderr, "usage: hearsay eval coref --conllu DIR [--split train|dev|test|all] [--no-tag] [--per-doc] "
                            "[--json]\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "hearsay eval coref: --conllu DIR is required\n");
        return 2;
    }
    char **paths = NULL;
    size_t n = 0;
    int rc = hs_gum_split(path, split, &paths, &n);
    if (rc) {
        fprintf(stderr, "hearsay eval coref: %s\n", hs_error_last());
        return rc == HS_EIO ? 3 : 1;
    }
    hs_analyzer *a = NULL;
    hs_doc *d = NULL;
    hs_analyzer_options o = HS_ANALYZER_OPTIONS_INIT;
    if (no_tag)
        o.layers &= ~(unsigned)(HS_LAYER_TAG | HS_LAYER_PARSE);
    if ((rc = hs_analyzer_new(&a, &o)) != 0 || (rc = hs_doc_new(&d)) != 0) {
        fprintf(stderr, "hearsay eval coref: %s\n", hs_error_last());
        hs_analyzer_free(a);
        hs_paths_free(paths, n);
        return 4;
    }
    coref_tally t;
    memset(&t, 0, sizeof t);
    t.debug = getenv("HS_EVAL_DEBUG") != NULL;
    int status = 0;
    doc_row *rows = calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        status = 1;
    for (size_t i = 0; rows && i < n; i++) {
        coref_tally before = t;
        if (eval_doc(paths[i], a, d, &t)) {
            fprintf(stderr, "hearsay eval coref: %s: %s\n", paths[i], hs_error_last());
            status = 1;
        }
        const char *slash = strrchr(paths[i], '/');
        rows[i] = (doc_row){slash ? slash + 1 : paths[i], t.pron - before.pron, t.pron_ok - before.pron_ok,
                            t.they - before.they, t.they_ok - before.they_ok, t.pnom - before.pnom, t.named - before.named,
                            t.named_found - before.named_found};
    }
    hs_buf b = HS_BUF_INIT;
    hs_jw w;
    hs_jw_init(&w, &b, json ? 0 : 1);
    hs_jw_obj(&w);
    hs_jw_key(&w, "eval"), hs_jw_str(&w, "coref");
    hs_jw_key(&w, "data"), hs_jw_str(&w, path);
    hs_jw_key(&w, "split"), hs_jw_str(&w, split);
    hs_jw_key(&w, "names_from"), hs_jw_str(&w, no_tag ? "capitalisation" : "tagger");
    hs_jw_key(&w, "documents"), hs_jw_int(&w, (long long)t.docs);
    hs_jw_key(&w, "documents_skipped"), hs_jw_int(&w, (long long)t.skipped);
    put_share(&w, "pronoun_accuracy", t.pron_ok, t.pron);
    put_share(&w, "he_she_subject_object_accuracy", t.narrow_ok, t.narrow);
    put_share(&w, "they_accuracy", t.they_ok, t.they);
    put_share(&w, "he_she_link_precision", t.pron_links_ok, t.pron_links);
    put_share(&w, "they_link_precision", t.they_links_ok, t.they_links);
    put_share(&w, "person_nominal_accuracy", t.pnom_ok, t.pnom);
    put_share(&w, "nominal_accuracy_all_types", t.nom_ok, t.nom);
    put_share(&w, "pronoun_and_person_nominal_accuracy", t.pron_ok + t.pnom_ok, t.pron + t.pnom);
    put_share(&w, "named_mentions_found", t.named_found, t.named);
    put_prf(&w, "muc", ratio(t.muc_pn, t.muc_pd), ratio(t.muc_rn, t.muc_rd));
    put_prf(&w, "b3", ratio(t.b3_p, (double)t.b3_n), ratio(t.b3_r, (double)t.b3_n));
    if (per_doc && rows) {
        hs_jw_key(&w, "per_document");
        hs_jw_arr(&w);
        for (size_t i = 0; i < n; i++) {
            hs_jw_obj(&w);
            hs_jw_key(&w, "document"), hs_jw_str(&w, rows[i].path);
            hs_jw_key(&w, "pronouns"), hs_jw_int(&w, (long long)rows[i].pron);
            hs_jw_key(&w, "pronouns_correct"), hs_jw_int(&w, (long long)rows[i].pron_ok);
            hs_jw_key(&w, "they_correct"), hs_jw_int(&w, (long long)rows[i].they_ok);
            hs_jw_key(&w, "they"), hs_jw_int(&w, (long long)rows[i].they);
            hs_jw_key(&w, "person_nominals"), hs_jw_int(&w, (long long)rows[i].pnom);
            hs_jw_key(&w, "named"), hs_jw_int(&w, (long long)rows[i].named);
            hs_jw_key(&w, "named_found"), hs_jw_int(&w, (long long)rows[i].named_found);
            hs_jw_obj_end(&w);
        }
        hs_jw_arr_end(&w);
    }
    hs_jw_obj_end(&w);
    hs_buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, out);
    hs_buf_free(&b);
    free(rows);
    hs_doc_free(d);
    hs_analyzer_free(a);
    hs_paths_free(paths, n);
    return status;
}
