/* hearsay/1 JSON: the contract in DESIGN.md, every array present. */
#include "doc.h"
#include "out/jw.h"

#include <stdio.h>
#include <stdlib.h>

static void span_fields(hs_jw *w, const hs_doc *d, hs_span s)
{
    hs_jw_key(w, "start");
    hs_jw_int(w, s.start);
    hs_jw_key(w, "end");
    hs_jw_int(w, s.end);
    hs_jw_key(w, "text");
    hs_jw_strn(w, HS_SPAN_PTR(d, s), HS_SPAN_LEN(s));
}

static void ref(hs_jw *w, char prefix, int32_t idx)
{
    if (idx < 0) {
        hs_jw_null(w);
        return;
    }
    char tmp[24], *e = tmp + sizeof tmp, *p = e; /* "E12": digits from the right, no snprintf */
    unsigned v = (unsigned)idx + 1;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    *--p = prefix;
    hs_jw_strn(w, p, (size_t)(e - p));
}

static void write_article(hs_jw *w, const hs_doc *d, unsigned flags)
{
    hs_jw_key(w, "article");
    hs_jw_obj(w);
    hs_jw_key(w, "id");
    hs_jw_str(w, d->id);
    hs_jw_key(w, "date");
    hs_jw_str(w, d->date);
    hs_jw_key(w, "outlet");
    hs_jw_str(w, d->outlet);
    hs_jw_key(w, "title");
    hs_jw_str(w, d->title);
    hs_jw_key(w, "url");
    hs_jw_str(w, d->url);
    if (d->title_bytes) { /* the text opens with the title and a blank line */
        hs_jw_key(w, "title_bytes");
        hs_jw_int(w, (long long)d->title_bytes);
    }
    if (!(flags & HS_JSON_NO_TEXT)) {
        hs_jw_key(w, "text");
        hs_jw_strn(w, d->text, d->len);
    }
    hs_jw_obj_end(w);
}

static void write_entities(hs_jw *w, const hs_doc *d)
{
    hs_jw_key(w, "entities");
    hs_jw_arr(w);
    for (size_t e = 0; e < d->entities.n; e++) {
        const hs_entity *en = &d->entities.v[e];
        hs_jw_obj(w);
        hs_jw_key(w, "id");
        ref(w, 'E', (int32_t)e);
        hs_jw_key(w, "type");
        hs_jw_str(w, hs_etype_names[en->type < HS_ET_COUNT ? en->type : HS_ET_MISC]);
        hs_jw_key(w, "name");
        hs_jw_str(w, en->name);
        hs_jw_key(w, "gender");
        hs_jw_str(w, en->gender < 5 ? hs_gender_names[en->gender] : NULL);
        if (en->outlet) {
            hs_jw_key(w, "outlet");
            hs_jw_bool(w, 1);
        }
        hs_jw_key(w, "mentions");
        hs_jw_arr(w);
        for (size_t m = en->first_mention >= 0 ? (size_t)en->first_mention : d->mentions.n;
             m < d->mentions.n; m++) {
            const hs_mention *mn = &d->mentions.v[m];
            if (mn->entity != (int32_t)e)
                continue;
            hs_jw_obj(w);
            span_fields(w, d, mn->span);
            hs_jw_key(w, "kind");
            hs_jw_str(w, hs_mention_kind_names[mn->kind < 3 ? mn->kind : 0]);
            hs_jw_obj_end(w);
        }
        hs_jw_arr_end(w);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
}

static void opt_span(hs_jw *w, const hs_doc *d, const char *key, hs_span s)
{
    hs_jw_key(w, key);
    if (s.end <= s.start) {
        hs_jw_null(w);
        return;
    }
    hs_jw_obj(w);
    span_fields(w, d, s);
    hs_jw_obj_end(w);
}

static void write_attributions(hs_jw *w, const hs_doc *d)
{
    hs_jw_key(w, "attributions");
    hs_jw_arr(w);
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        hs_jw_obj(w);
        hs_jw_key(w, "id");
        ref(w, 'A', (int32_t)i);
        hs_jw_key(w, "kind");
        hs_jw_str(w, hs_attr_kind_names[a->kind < 3 ? a->kind : 0]);
        hs_jw_key(w, "content");
        hs_jw_obj(w);
        span_fields(w, d, a->content);
        hs_jw_obj_end(w);
        hs_jw_key(w, "source");
        if (!a->has_source) {
            hs_jw_null(w);
        } else {
            hs_jw_obj(w);
            span_fields(w, d, a->source);
            hs_jw_key(w, "entity");
            ref(w, 'E', a->source_entity);
            hs_jw_key(w, "kind");
            hs_jw_str(w, hs_source_kind_names[a->source_kind < HS_SK_COUNT ? a->source_kind : 0]);
            hs_jw_obj_end(w);
        }
        opt_span(w, d, "cue", a->cue);
        hs_jw_key(w, "via");
        if (a->via.end > a->via.start || a->via_text) {
            hs_jw_obj(w);
            hs_jw_key(w, "text");
            if (a->via_text)
                hs_jw_str(w, a->via_text);
            else
                hs_jw_strn(w, HS_SPAN_PTR(d, a->via), HS_SPAN_LEN(a->via));
            hs_jw_key(w, "entity");
            ref(w, 'E', a->via_entity);
            hs_jw_obj_end(w);
        } else {
            hs_jw_null(w);
        }
        hs_jw_key(w, "hedged");
        hs_jw_bool(w, a->hedged);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
}

static void write_relations(hs_jw *w, const hs_doc *d)
{
    hs_jw_key(w, "relations");
    hs_jw_arr(w);
    for (size_t i = 0; i < d->rels.n; i++) {
        const hs_rel *r = &d->rels.v[i];
        hs_jw_obj(w);
        hs_jw_key(w, "id");
        ref(w, 'R', (int32_t)i);
        hs_jw_key(w, "type");
        hs_jw_str(w, hs_rel_type_names[r->type < HS_RT_COUNT ? r->type : 0]);
        hs_jw_key(w, "subject");
        ref(w, 'E', r->subj);
        hs_jw_key(w, "object");
        ref(w, 'E', r->obj);
        hs_jw_key(w, "status");
        hs_jw_str(w, hs_status_names[r->status < HS_ST_COUNT ? r->status : 0]);
        hs_jw_key(w, "time");
        if (r->time >= 0 && (size_t)r->time < d->timexes.n)
            hs_jw_str(w, d->timexes.v[r->time].value);
        else
            hs_jw_null(w);
        hs_jw_key(w, "attribution");
        ref(w, 'A', r->attribution);
        hs_jw_key(w, "hedged");
        hs_jw_bool(w, r->hedged);
        hs_jw_key(w, "evidence");
        hs_jw_obj(w);
        span_fields(w, d, r->evidence);
        hs_jw_obj_end(w);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
}

static void write_timexes(hs_jw *w, const hs_doc *d)
{
    static const char *const kinds[3] = {"date", "duration", "set"};
    hs_jw_key(w, "timexes");
    hs_jw_arr(w);
    for (size_t i = 0; i < d->timexes.n; i++) {
        const hs_timex *t = &d->timexes.v[i];
        hs_jw_obj(w);
        span_fields(w, d, t->span);
        hs_jw_key(w, "value");
        hs_jw_str(w, t->value);
        hs_jw_key(w, "mod");
        if (t->mod && t->mod < 5)
            hs_jw_str(w, hs_timex_mod_names[t->mod]);
        else
            hs_jw_null(w);
        hs_jw_key(w, "kind");
        hs_jw_str(w, kinds[t->kind < 3 ? t->kind : 0]);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
}

static void write_hedges(hs_jw *w, const hs_doc *d)
{
    hs_jw_key(w, "hedges");
    hs_jw_arr(w);
    for (size_t i = 0; i < d->hedges.n; i++) {
        const hs_hedge *h = &d->hedges.v[i];
        hs_jw_obj(w);
        span_fields(w, d, h->span);
        hs_jw_key(w, "kind");
        hs_jw_str(w, hs_hedge_kind_names[h->kind < HS_HK_COUNT ? h->kind : 0]);
        hs_jw_obj_end(w);
    }
    hs_jw_arr_end(w);
}

int hs_doc_json(hs_doc *d, unsigned flags, const char **out, size_t *len)
{
    if (!d || !out)
        return hs_error_set(HS_EINVAL, "hs_doc_json: NULL argument");
    if (!d->text)
        return hs_error_set(HS_EINVAL, "hs_doc_json: the document holds no analysis");
    hs_buf_clear(&d->out);
    hs_jw w;
    hs_jw_init(&w, &d->out, (flags & HS_JSON_PRETTY) != 0);
    hs_jw_obj(&w);
    hs_jw_key(&w, "schema");
    hs_jw_str(&w, HS_SCHEMA);
    write_article(&w, d, flags);
    write_entities(&w, d);
    write_attributions(&w, d);
    write_relations(&w, d);
    write_timexes(&w, d);
    write_hedges(&w, d);
    hs_jw_obj_end(&w);
    if (w.err)
        return hs_error_set(w.err, "out of memory writing JSON");
    *out = d->out.data;
    if (len)
        *len = d->out.len;
    return 0;
}
