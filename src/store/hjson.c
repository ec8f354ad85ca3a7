/* The hearsay/1 JSON reader: one object (a line of `analyze --jsonl`) into
 * store rows.
 *
 * It follows the contract in DESIGN.md.  A span is read from its "text"; its
 * "start"/"end" are kept when they point at that text inside article.text and
 * dropped otherwise (so JSON written without article.text, or by hand, still
 * loads).  References between layers ("E3", "A1") must name an item of the
 * object.  Every problem is reported as ORIGIN: PATH: what is wrong. */
#include "analyzer.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

typedef struct jctx {
    hs_rows *r;
    const char *origin;
    json_t *ents; /* the "entities" array, for references */
} jctx;

static int bad(const jctx *c, const char *path, const char *what)
{
    return hs_error_set(HS_EINPUT, "%s: %s: %s", c->origin, path, what);
}

/* An optional string member: 0 and *out (arena copy or NULL), or an error. */
static int opt_str(const jctx *c, json_t *o, const char *key, const char *path, const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        char p[160];
        snprintf(p, sizeof p, "%s.%s", path, key);
        return bad(c, p, "should be a string");
    }
    *out = hs_arena_strndup(&c->r->arena, json_string_value(v), json_string_length(v));
    return *out ? 0 : HS_ENOMEM;
}

static int opt_bool(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_true(v);
}

/* A span object {"start","end","text"}: its text and verified offsets. */
static int span(const jctx *c, json_t *o, const char *path, const char **text, uint32_t *start, uint32_t *end)
{
    *text = NULL;
    *start = *end = 0;
    if (!o || json_is_null(o))
        return 0;
    if (!json_is_object(o))
        return bad(c, path, "should be an object with start, end and text");
    int rc = opt_str(c, o, "text", path, text);
    if (rc)
        return rc;
    json_t *js = json_object_get(o, "start"), *je = json_object_get(o, "end");
    if (!json_is_integer(js) || !json_is_integer(je) || !c->r->text)
        return 0;
    json_int_t s = json_integer_value(js), e = json_integer_value(je);
    if (s < 0 || e <= s || (size_t)e > c->r->text_len)
        return 0;
    const char *at = c->r->text + s;
    size_t n = (size_t)(e - s);
    if (*text && (strlen(*text) != n || memcmp(*text, at, n) != 0))
        return 0; /* offsets that do not point at the text are dropped */
    if (!*text && !(*text = hs_arena_strndup(&c->r->arena, at, n)))
        return HS_ENOMEM;
    *start = (uint32_t)s;
    *end = (uint32_t)e;
    return 0;
}

/* An entity reference ("E3" or null): its index in the entities array, or HS_NONE. */
static int ref_entity(const jctx *c, json_t *v, const char *path, int32_t *out)
{
    *out = HS_NONE;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return bad(c, path, "should be an entity id string or null");
    const char *want = json_string_value(v);
    size_t i;
    json_t *e;
    json_array_foreach(c->ents, i, e) {
        json_t *id = json_object_get(e, "id");
        if (json_is_string(id) && strcmp(json_string_value(id), want) == 0) {
            *out = (int32_t)i;
            return 0;
        }
    }
    char msg[96];
    snprintf(msg, sizeof msg, "no entity with id '%.40s'", want);
    return bad(c, path, msg);
}

/* A member that must be an array (absent counts as empty). */
static int get_array(const jctx *c, json_t *root, const char *key, json_t **out)
{
    json_t *v = json_object_get(root, key);
    *out = v;
    if (!v || json_is_array(v))
        return 0;
    return bad(c, key, "should be an array");
}

static int read_article(jctx *c, json_t *root)
{
    json_t *a = json_object_get(root, "article");
    if (!json_is_object(a))
        return bad(c, "article", "missing (want an object with id, date, outlet, title, url, text)");
    hs_rows *r = c->r;
    json_t *t = json_object_get(a, "text");
    if (t && !json_is_null(t)) {
        if (!json_is_string(t))
            return bad(c, "article.text", "should be a string");
        r->text_len = json_string_length(t);
        if (!(r->text = hs_arena_strndup(&r->arena, json_string_value(t), r->text_len)))
            return HS_ENOMEM;
    }
    int rc = opt_str(c, a, "date", "article", &r->date);
    if (!rc && r->date) {
        int y, m, d;
        if (hs_date_parse(r->date, &y, &m, &d) != 0)
            return bad(c, "article.date", "not a calendar date YYYY-MM-DD");
    }
    if (!rc)
        rc = opt_str(c, a, "outlet", "article", &r->outlet);
    if (!rc)
        rc = opt_str(c, a, "title", "article", &r->title);
    if (!rc)
        rc = opt_str(c, a, "url", "article", &r->url);
    json_t *tb = json_object_get(a, "title_bytes");
    if (!rc && tb) {
        if (!json_is_integer(tb) || json_integer_value(tb) < 0 || !r->text ||
            (uint64_t)json_integer_value(tb) > r->text_len)
            return bad(c, "article.title_bytes", "should be a byte count within article.text");
        r->title_bytes = (size_t)json_integer_value(tb);
    }
    json_t *id = json_object_get(a, "id");
    if (!rc && json_is_integer(id)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(id));
        r->id = hs_arena_strdup(&r->arena, tmp);
    } else if (!rc) {
        rc = opt_str(c, a, "id", "article", &r->id);
    }
    if (!rc && !r->id && !r->url && !r->text)
        return bad(c, "article", "needs an id, a url or a text to be told apart from other articles");
    return rc;
}

static int read_entities(jctx *c)
{
    size_t i;
    json_t *e;
    char path[64];
    json_array_foreach(c->ents, i, e) {
        snprintf(path, sizeof path, "entities[%zu]", i);
        if (!json_is_object(e))
            return bad(c, path, "should be an object");
        hs_sr_entity *o = HS_PUSH(&c->r->ents);
        if (!o)
            return HS_ENOMEM;
        int rc = opt_str(c, e, "id", path, &o->lid);
        if (!rc)
            rc = opt_str(c, e, "type", path, &o->type);
        if (!rc)
            rc = opt_str(c, e, "name", path, &o->name);
        if (rc)
            return rc;
        if (!o->lid || !o->name)
            return bad(c, path, "needs an id and a name");
        if (!o->type)
            o->type = "MISC";
        o->outlet = opt_bool(e, "outlet");
        json_t *ms = json_object_get(e, "mentions"), *m;
        if (ms && !json_is_array(ms))
            return bad(c, path, "mentions should be an array");
        size_t k;
        json_array_foreach(ms, k, m) {
            char mp[96];
            snprintf(mp, sizeof mp, "%s.mentions[%zu]", path, k);
            hs_sr_mention *x = HS_PUSH(&c->r->ments);
            if (!x)
                return HS_ENOMEM;
            x->entity = (int32_t)i;
            if ((rc = span(c, m, mp, &x->text, &x->start, &x->end)))
                return rc;
            json_t *kind = json_object_get(m, "kind");
            x->is_name = !kind || (json_is_string(kind) && strcmp(json_string_value(kind), "name") == 0);
        }
    }
    return 0;
}

static int read_attributions(jctx *c, json_t *arr)
{
    size_t i;
    json_t *a;
    char path[64], p2[96];
    json_array_foreach(arr, i, a) {
        snprintf(path, sizeof path, "attributions[%zu]", i);
        if (!json_is_object(a))
            return bad(c, path, "should be an object");
        hs_sr_attr *o = HS_PUSH(&c->r->attrs);
        if (!o)
            return HS_ENOMEM;
        o->source_entity = HS_NONE;
        int rc = opt_str(c, a, "kind", path, &o->kind);
        snprintf(p2, sizeof p2, "%s.content", path);
        if (!rc)
            rc = span(c, json_object_get(a, "content"), p2, &o->content, &o->cstart, &o->cend);
        if (rc)
            return rc;
        if (!o->content)
            return bad(c, p2, "missing (every attribution has a content text)");
        json_t *src = json_object_get(a, "source");
        snprintf(p2, sizeof p2, "%s.source", path);
        if (src && !json_is_null(src)) {
            uint32_t s0, s1;
            if ((rc = span(c, src, p2, &o->source, &s0, &s1)) || (rc = opt_str(c, src, "kind", p2, &o->source_kind)))
                return rc;
            snprintf(p2, sizeof p2, "%s.source.entity", path);
            if ((rc = ref_entity(c, json_object_get(src, "entity"), p2, &o->source_entity)))
                return rc;
            if (!o->source_kind)
                o->source_kind = "unknown";
        }
        json_t *cue = json_object_get(a, "cue"), *via = json_object_get(a, "via");
        uint32_t c0, c1;
        snprintf(p2, sizeof p2, "%s.cue", path);
        if ((rc = span(c, cue, p2, &o->cue, &c0, &c1)))
            return rc;
        snprintf(p2, sizeof p2, "%s.via", path);
        if (via && !json_is_null(via) && (rc = opt_str(c, via, "text", p2, &o->via)))
            return rc;
        o->hedged = opt_bool(a, "hedged");
    }
    return 0;
}

/* "A3" → its index, or HS_NONE. */
static int ref_attribution(const jctx *c, json_t *v, json_t *attrs, const char *path, int32_t *out)
{
    *out = HS_NONE;
    if (!v || json_is_null(v))
        return 0;
    size_t i;
    json_t *a;
    json_array_foreach(attrs, i, a) {
        json_t *id = json_object_get(a, "id");
        if (json_is_string(v) && json_is_string(id) && strcmp(json_string_value(id), json_string_value(v)) == 0) {
            *out = (int32_t)i;
            return 0;
        }
    }
    return bad(c, path, "names no attribution of this article");
}

static int read_relations(jctx *c, json_t *arr, json_t *attrs)
{
    size_t i;
    json_t *rl;
    char path[64], p2[96];
    json_array_foreach(arr, i, rl) {
        snprintf(path, sizeof path, "relations[%zu]", i);
        if (!json_is_object(rl))
            return bad(c, path, "should be an object");
        hs_sr_rel *o = HS_PUSH(&c->r->rels);
        if (!o)
            return HS_ENOMEM;
        int rc = opt_str(c, rl, "type", path, &o->type);
        if (!rc)
            rc = opt_str(c, rl, "status", path, &o->status);
        if (!rc)
            rc = opt_str(c, rl, "time", path, &o->time);
        if (rc)
            return rc;
        if (!o->type || hs_rel_symmetric(o->type) < 0)
            return bad(c, path, "type is missing or not a relation type of hearsay/1");
        if (!o->status)
            o->status = "asserted";
        int st_ok = 0;
        for (int k = 0; k < HS_ST_COUNT; k++)
            st_ok |= strcmp(o->status, hs_status_names[k]) == 0;
        if (!st_ok)
            return bad(c, path, "status is not asserted, rumored, reported, confirmed or denied");
        snprintf(p2, sizeof p2, "%s.subject", path);
        if ((rc = ref_entity(c, json_object_get(rl, "subject"), p2, &o->subj)))
            return rc;
        snprintf(p2, sizeof p2, "%s.object", path);
        if ((rc = ref_entity(c, json_object_get(rl, "object"), p2, &o->obj)))
            return rc;
        if (o->subj < 0 || o->obj < 0)
            return bad(c, path, "needs a subject and an object entity");
        snprintf(p2, sizeof p2, "%s.attribution", path);
        if ((rc = ref_attribution(c, json_object_get(rl, "attribution"), attrs, p2, &o->attr)))
            return rc;
        uint32_t e0, e1;
        snprintf(p2, sizeof p2, "%s.evidence", path);
        if ((rc = span(c, json_object_get(rl, "evidence"), p2, &o->evidence, &e0, &e1)))
            return rc;
        o->hedged = opt_bool(rl, "hedged");
    }
    return 0;
}

int hs_rows_from_json(hs_rows *r, const char *json, size_t len, const char *origin)
{
    hs_rows_clear(r);
    jctx c = {r, origin ? origin : "input", NULL};
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return hs_error_set(HS_EINPUT, "%s: malformed JSON at column %d: %s", c.origin, jerr.column, jerr.text);
    int rc;
    json_t *schema = json_object_get(root, "schema"), *attrs, *rels;
    if (!json_is_object(root))
        rc = bad(&c, "line", "should hold one JSON object");
    else if (!json_is_string(schema) || strcmp(json_string_value(schema), HS_SCHEMA) != 0)
        rc = bad(&c, "schema", "not \"" HS_SCHEMA "\" (hearsay load reads the output of hearsay analyze --jsonl)");
    else if (!(rc = get_array(&c, root, "entities", &c.ents)) && !(rc = get_array(&c, root, "attributions", &attrs)) &&
             !(rc = get_array(&c, root, "relations", &rels)) && !(rc = read_article(&c, root)) &&
             !(rc = read_entities(&c)) && !(rc = read_attributions(&c, attrs)))
        rc = read_relations(&c, rels, attrs);
    json_decref(root);
    if (rc == HS_ENOMEM)
        hs_error_set(rc, "%s: out of memory", c.origin);
    return rc;
}
