/* The link stage: fold the tokens, find mentions, cluster them into entities. */
#include "analyzer.h"
#include "link/link.h"

#include <string.h>

int hs_link_tok_is(const hs_doc *d, size_t i, const char *alts)
{
    if (i >= d->toks.n)
        return 0;
    const hs_tok *t = &d->toks.v[i];
    char buf[64];
    const char *f = buf;
    size_t n;
    const hs_link_tok *lt = d->link_toks;
    if (lt && lt[i].cend == i + 1 && lt[i].fold) { /* the token alone, folded once already */
        f = lt[i].fold;
        n = lt[i].flen;
    } else if ((n = hs_fold(HS_TOK_PTR(d, t), HS_TOK_LEN(t), buf, sizeof buf)) == (size_t)-1) {
        return 0;
    }
    for (const char *p = alts; *p;) {
        const char *bar = strchr(p, '|');
        size_t k = bar ? (size_t)(bar - p) : strlen(p);
        if (k == n && memcmp(p, f, n) == 0)
            return 1;
        p += k + (bar != NULL);
    }
    return 0;
}

size_t hs_compound_end(const hs_doc *d, size_t i)
{
    size_t e = i + 1;
    while (e + 1 < d->toks.n && (d->toks.v[e].flags & HS_TF_HYPHENATED) && HS_TOK_LEN(&d->toks.v[e]) == 1 &&
           d->text[d->toks.v[e].start] == '-' && (d->toks.v[e + 1].flags & HS_TF_HYPHENATED) &&
           d->toks.v[e - 1].end == d->toks.v[e].start && d->toks.v[e].end == d->toks.v[e + 1].start)
        e += 2;
    return e;
}

/* Fold every word, number, clitic and punctuation mark into the arena and look
 * it up; a hyphenated compound is folded whole on its first token. */
static int prepare(hs_link_ctx *c)
{
    hs_doc *d = c->d;
    c->lt = hs_arena_calloc(&d->arena, d->toks.n ? d->toks.n : 1, sizeof *c->lt);
    if (!c->lt)
        return HS_ENOMEM;
    char buf[256];
    for (size_t i = 0; i < d->toks.n; i++) {
        const hs_tok *t = &d->toks.v[i];
        c->lt[i].cend = (uint32_t)(i + 1);
        if (t->kind != HS_TK_WORD && t->kind != HS_TK_NUMBER && t->kind != HS_TK_CLITIC && t->kind != HS_TK_PUNCT)
            continue;
        size_t ce = t->kind == HS_TK_PUNCT ? i + 1 : hs_compound_end(d, i);
        c->lt[i].cend = (uint32_t)ce;
        size_t f0 = d->tok_first ? d->tok_first[i] : i;
        if (f0 < i && ce == i + 1 && c->lt[f0].cend == f0 + 1 && d->toks.v[f0].kind == t->kind) {
            /* the same bytes as an earlier token, neither a compound: the same fold and entry */
            c->lt[i].fold = c->lt[f0].fold;
            c->lt[i].flen = c->lt[f0].flen;
            c->lt[i].cls = c->lt[f0].cls;
            c->lt[i].gender = c->lt[f0].gender;
            continue;
        }
        size_t n = hs_fold(HS_TOK_PTR(d, t), d->toks.v[ce - 1].end - t->start, buf, sizeof buf);
        if (n == (size_t)-1)
            continue;
        char *f = hs_arena_strndup(&d->arena, buf, n);
        if (!f)
            return HS_ENOMEM;
        c->lt[i].fold = f;
        c->lt[i].flen = (uint16_t)n;
        const hs_lw_entry *x = hs_lw_get(c->lex, buf, n);
        if (!x && n > 1 && buf[n - 1] == '.')
            x = hs_lw_get(c->lex, buf, n - 1); /* "Dr.", "Sen." */
        if (x) {
            c->lt[i].cls = x->cls;
            c->lt[i].gender = x->gender;
        }
    }
    return 0;
}

int hs_link_run(hs_doc *d, const hs_analyzer *a)
{
    if (!d || !a)
        return hs_error_set(HS_EINVAL, "hs_link_run: NULL argument");
    if (!(a->opts.layers & HS_LAYER_LINK))
        return 0;
    static const hs_linkwords empty;
    hs_link_ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.lex = a->link ? a->link : &empty;
    int rc = prepare(&c);
    d->link_toks = rc ? NULL : c.lt; /* hs_link_tok_is reads the folds from here on */
    if (!rc)
        rc = hs_link_mentions(&c);
    if (!rc)
        rc = hs_link_person_guard(&c);
    if (!rc)
        rc = hs_link_cluster(&c);
    if (rc)
        d->link_toks = NULL;
    hs_lw_free(&c.names);
    HS_ARRAY_FREE(&c.ties);
    HS_ARRAY_FREE(&c.ages);
    free(c.score);
    free(c.score_sent);
    return rc;
}
