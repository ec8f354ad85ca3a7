/* A readable summary of one analysis, for people at a terminal. */
#include "doc.h"

#include <string.h>

/* Append at most `max` bytes of a span, cut at a UTF-8 boundary, newlines folded. */
static void excerpt(hs_buf *b, const char *s, size_t n, size_t max)
{
    size_t cut = n;
    if (cut > max) {
        cut = max;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    for (size_t i = 0; i < cut; i++)
        hs_buf_putc(b, (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i]);
    if (cut < n)
        hs_buf_puts(b, "…");
}

static void span_excerpt(hs_buf *b, const hs_doc *d, hs_span s, size_t max)
{
    excerpt(b, HS_SPAN_PTR(d, s), HS_SPAN_LEN(s), max);
}

/* "        as: Tom Cruise | his | the action star": each distinct mention text once. */
static void entity_mentions(hs_buf *b, const hs_doc *d, size_t e)
{
    size_t shown = 0;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const hs_mention *mn = &d->mentions.v[m];
        if (mn->entity != (int32_t)e)
            continue;
        int dup = 0;
        for (size_t k = 0; k < m && !dup; k++) {
            const hs_mention *o = &d->mentions.v[k];
            dup = o->entity == mn->entity && HS_SPAN_LEN(o->span) == HS_SPAN_LEN(mn->span) &&
                  memcmp(HS_SPAN_PTR(d, o->span), HS_SPAN_PTR(d, mn->span), HS_SPAN_LEN(mn->span)) == 0;
        }
        if (dup)
            continue;
        hs_buf_puts(b, shown++ ? " | " : "        as: ");
        span_excerpt(b, d, mn->span, 40);
    }
    if (shown)
        hs_buf_putc(b, '\n');
}

int hs_doc_summary(hs_doc *d, const char **out, size_t *len)
{
    if (!d || !out)
        return hs_error_set(HS_EINVAL, "hs_doc_summary: NULL argument");
    if (!d->text)
        return hs_error_set(HS_EINVAL, "hs_doc_summary: the document holds no analysis");
    hs_buf *b = &d->out;
    hs_buf_clear(b);
    hs_buf_printf(b, "== %s", d->title ? d->title : (d->id ? d->id : "(untitled)"));
    if (d->date)
        hs_buf_printf(b, "  [%s]", d->date);
    if (d->outlet)
        hs_buf_printf(b, "  %s", d->outlet);
    hs_buf_printf(b, "\n   %zu bytes, %zu tokens, %zu sentences, %zu paragraphs, %zu quotations\n",
                  d->len, d->toks.n, d->sents.n, d->paras.n, d->quotes.n);
    if (d->entities.n) {
        hs_buf_puts(b, "   entities:\n");
        for (size_t i = 0; i < d->entities.n; i++) {
            const hs_entity *e = &d->entities.v[i];
            hs_buf_printf(b, "     E%zu %-7s %s%s (%u mentions)\n", i + 1, hs_etype_names[e->type % HS_ET_COUNT],
                          e->name ? e->name : "?", e->outlet ? " [outlet]" : "", e->n_mentions);
            entity_mentions(b, d, i);
        }
    }
    if (d->attrs.n) {
        hs_buf_puts(b, "   attributions:\n");
        for (size_t i = 0; i < d->attrs.n; i++) {
            const hs_attr *a = &d->attrs.v[i];
            hs_buf_printf(b, "     A%zu %-8s \"", i + 1, hs_attr_kind_names[a->kind % 3]);
            span_excerpt(b, d, a->content, 70);
            hs_buf_puts(b, "\"");
            if (a->has_source) {
                hs_buf_puts(b, "\n          source: ");
                span_excerpt(b, d, a->source, 60);
                hs_buf_printf(b, " (%s)", hs_source_kind_names[a->source_kind % HS_SK_COUNT]);
            }
            if (a->cue.end > a->cue.start) {
                hs_buf_puts(b, "  cue: ");
                span_excerpt(b, d, a->cue, 30);
            }
            if (a->via_text || a->via.end > a->via.start) {
                hs_buf_puts(b, "  via: ");
                if (a->via_text)
                    hs_buf_puts(b, a->via_text);
                else
                    span_excerpt(b, d, a->via, 40);
            }
            if (a->hedged)
                hs_buf_puts(b, "  [hedged]");
            hs_buf_putc(b, '\n');
        }
    }
    if (d->rels.n) {
        hs_buf_puts(b, "   relations:\n");
        for (size_t i = 0; i < d->rels.n; i++) {
            const hs_rel *r = &d->rels.v[i];
            const char *s = r->subj >= 0 && (size_t)r->subj < d->entities.n ? d->entities.v[r->subj].name : "?";
            const char *o = r->obj >= 0 && (size_t)r->obj < d->entities.n ? d->entities.v[r->obj].name : "?";
            hs_buf_printf(b, "     R%zu %s: %s — %s (%s)", i + 1, hs_rel_type_names[r->type % HS_RT_COUNT],
                          s ? s : "?", o ? o : "?", hs_status_names[r->status % HS_ST_COUNT]);
            if (r->time >= 0 && (size_t)r->time < d->timexes.n && d->timexes.v[r->time].value)
                hs_buf_printf(b, " %s", d->timexes.v[r->time].value);
            hs_buf_puts(b, "\n        evidence: ");
            span_excerpt(b, d, r->evidence, 90);
            hs_buf_putc(b, '\n');
        }
    }
    if (d->timexes.n) {
        hs_buf_puts(b, "   times:");
        for (size_t i = 0; i < d->timexes.n; i++) {
            hs_buf_puts(b, i ? "; " : " ");
            span_excerpt(b, d, d->timexes.v[i].span, 40);
            hs_buf_printf(b, " = %s", d->timexes.v[i].value ? d->timexes.v[i].value : "?");
            if (d->timexes.v[i].mod && d->timexes.v[i].mod < 5)
                hs_buf_printf(b, " (%s)", hs_timex_mod_names[d->timexes.v[i].mod]);
        }
        hs_buf_putc(b, '\n');
    }
    if (d->hedges.n) {
        hs_buf_puts(b, "   hedges:");
        for (size_t i = 0; i < d->hedges.n; i++) {
            hs_buf_puts(b, i ? ", " : " ");
            span_excerpt(b, d, d->hedges.v[i].span, 30);
            hs_buf_printf(b, " (%s)", hs_hedge_kind_names[d->hedges.v[i].kind % HS_HK_COUNT]);
        }
        hs_buf_putc(b, '\n');
    }
    if (!b->data)
        return hs_error_set(HS_ENOMEM, "out of memory");
    *out = b->data;
    if (len)
        *len = b->len;
    return 0;
}
