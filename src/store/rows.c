/* Rows: the article form the store writes, filled from an analysed document.
 * (The hearsay/1 JSON reader that fills them from JSON is hjson.c.) */
#include "store/store.h"

#include <stdio.h>
#include <string.h>

void hs_rows_clear(hs_rows *r)
{
    hs_arena_reset(&r->arena);
    r->id = r->date = r->outlet = r->title = r->url = r->text = NULL;
    r->text_len = r->title_bytes = 0;
    r->ents.n = r->ments.n = r->attrs.n = r->rels.n = 0;
}

void hs_rows_free(hs_rows *r)
{
    hs_arena_free(&r->arena);
    HS_ARRAY_FREE(&r->ents);
    HS_ARRAY_FREE(&r->ments);
    HS_ARRAY_FREE(&r->attrs);
    HS_ARRAY_FREE(&r->rels);
}

/* A span of the document's text as a string in the rows' arena (NULL when empty). */
static const char *span_str(hs_rows *r, const hs_doc *d, hs_span sp)
{
    if (sp.end <= sp.start || sp.end > d->len)
        return NULL;
    return hs_arena_strndup(&r->arena, d->text + sp.start, sp.end - sp.start);
}

static int32_t index_or_none(int32_t i, size_t n) { return i >= 0 && (size_t)i < n ? i : HS_NONE; }

static int doc_entities(hs_rows *r, const hs_doc *d)
{
    char lid[24];
    for (size_t i = 0; i < d->entities.n; i++) {
        const hs_entity *e = &d->entities.v[i];
        hs_sr_entity *o = HS_PUSH(&r->ents);
        if (!o)
            return HS_ENOMEM;
        snprintf(lid, sizeof lid, "E%zu", i + 1);
        o->lid = hs_arena_strdup(&r->arena, lid);
        o->type = hs_etype_names[e->type < HS_ET_COUNT ? e->type : HS_ET_MISC];
        o->name = e->name ? e->name : "";
        o->outlet = e->outlet;
    }
    for (size_t i = 0; i < d->mentions.n; i++) {
        const hs_mention *m = &d->mentions.v[i];
        if (index_or_none(m->entity, d->entities.n) < 0)
            continue;
        hs_sr_mention *o = HS_PUSH(&r->ments);
        if (!o)
            return HS_ENOMEM;
        o->entity = m->entity;
        o->text = span_str(r, d, m->span);
        o->start = m->span.start;
        o->end = m->span.end;
        o->is_name = m->kind == HS_MK_NAME;
    }
    return 0;
}

static int doc_attributions(hs_rows *r, const hs_doc *d)
{
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        hs_sr_attr *o = HS_PUSH(&r->attrs);
        if (!o)
            return HS_ENOMEM;
        o->kind = hs_attr_kind_names[a->kind < 3 ? a->kind : 0];
        o->content = span_str(r, d, a->content);
        if (!o->content)
            o->content = "";
        o->cstart = a->content.start;
        o->cend = a->content.end;
        if (a->has_source) {
            o->source = span_str(r, d, a->source);
            o->source_kind = hs_source_kind_names[a->source_kind < HS_SK_COUNT ? a->source_kind : 0];
        }
        o->source_entity = index_or_none(a->source_entity, d->entities.n);
        o->cue = span_str(r, d, a->cue);
        o->via = a->via_text ? a->via_text : span_str(r, d, a->via);
        o->hedged = a->hedged;
    }
    return 0;
}

static int doc_relations(hs_rows *r, const hs_doc *d)
{
    for (size_t i = 0; i < d->rels.n; i++) {
        const hs_rel *rl = &d->rels.v[i];
        int32_t s = index_or_none(rl->subj, d->entities.n), o = index_or_none(rl->obj, d->entities.n);
        if (s < 0 || o < 0)
            continue;
        hs_sr_rel *x = HS_PUSH(&r->rels);
        if (!x)
            return HS_ENOMEM;
        x->type = hs_rel_type_names[rl->type < HS_RT_COUNT ? rl->type : 0];
        x->status = hs_status_names[rl->status < HS_ST_COUNT ? rl->status : 0];
        x->subj = s;
        x->obj = o;
        x->attr = index_or_none(rl->attribution, d->attrs.n);
        x->hedged = rl->hedged;
        x->evidence = span_str(r, d, rl->evidence);
        x->time = rl->time >= 0 && (size_t)rl->time < d->timexes.n ? d->timexes.v[rl->time].value : NULL;
    }
    return 0;
}

int hs_rows_from_doc(hs_rows *r, const hs_doc *d)
{
    hs_rows_clear(r);
    if (!d->text)
        return hs_error_set(HS_EINVAL, "hs_store_add_doc: the document holds no analysis");
    r->id = d->id;
    r->date = d->date;
    r->outlet = d->outlet;
    r->title = d->title;
    r->url = d->url;
    r->text = d->text;
    r->text_len = d->len;
    r->title_bytes = d->title_bytes;
    int rc = doc_entities(r, d);
    if (!rc)
        rc = doc_attributions(r, d);
    if (!rc)
        rc = doc_relations(r, d);
    return rc ? hs_error_set(rc, "out of memory") : 0;
}
