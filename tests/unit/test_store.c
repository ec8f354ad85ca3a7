/* The store: folding, the ledger on the hand-written fixture
 * tests/store/ledger.jsonl (13 articles about invented people; see
 * tests/store/README.md for the ledger it was written to give), aliases,
 * bad JSON and foreign files. */
#include "analyzer.h"
#include "harness.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *fixture = "tests/store/ledger.jsonl";

static void check_fold(int (*fn)(hs_buf *, const char *), const char *in, const char *want)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(fn(&b, in), 0);
    CHECK_STR(b.data ? b.data : "", want);
    hs_buf_free(&b);
}

/* The fast path of folding (ASCII and typographic punctuation) gives what the
 * full Unicode path gives: each string is folded as it is and with a combining acute accent
 * (U+0301, which folding drops) at its end, which takes the Unicode path. */
TEST(store_fold_ascii_matches_unicode)
{
    int (*fns[])(hs_buf *, const char *) = {hs_fold_name, hs_fold_quote};
    char all[128], slow[160];
    for (int i = 1; i < 128; i++)
        all[i - 1] = (char)i;
    all[127] = 0;
    const char *cases[] = {"Mara Quell", "  J.K.  O'Neil-Smith ", "R2-D2 & C-3PO", "a.b'c\td_e~f", "", "...",
                           "Tom's 'quote' [x] {y} (z) #1 @2 $3 %4 ^5 *6 +7 =8 |9 <0> ?a /b ;c :d ,e !f `g",
                           "\u201cWe couldn\u2019t \u2018stop\u2019 \u2014 not\u2013once\u2026\u201d O\u2019Neil",
                           "\u2026\u2026", "x\u2011y", "a\u2026b\u2019c\u2018d\u2014e", all};
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            hs_buf a = HS_BUF_INIT, b = HS_BUF_INIT;
            snprintf(slow, sizeof slow, "%s\xcc\x81", cases[i]);
            CHECK_INT(fns[f](&a, cases[i]), 0);
            CHECK_INT(fns[f](&b, slow), 0);
            CHECK_STR(a.data ? a.data : "", b.data ? b.data : "");
            hs_buf_free(&a);
            hs_buf_free(&b);
        }
}

TEST(store_fold_names)
{
    check_fold(hs_fold_name, "Penélope Cruz", "penelope cruz");
    check_fold(hs_fold_name, "PENELOPE  CRUZ", "penelope cruz");
    check_fold(hs_fold_name, "Shaquille O’Neal", "shaquille oneal");
    check_fold(hs_fold_name, "J.K. Rowling", "jk rowling");
    check_fold(hs_fold_name, "Jay-Z", "jay z");
    check_fold(hs_fold_name, "!!!", "");
    check_fold(hs_fold_outlet, "The U.S. Sun", "ussun");
    check_fold(hs_fold_outlet, "US Sun", "ussun");
    check_fold(hs_fold_outlet, "www.people.com/archive/x.html", "people");
    check_fold(hs_fold_outlet, "https://news.dailylantern.co.uk/a", "dailylantern");
    check_fold(hs_fold_quote, "“They couldn’t stop,” she", "they couldn t stop she");
    check_fold(hs_fold_quote, "They couldn't  stop.", "they couldn t stop");
    hs_buf k = HS_BUF_INIT;
    hs_fold_name(&k, "Senator Ingrid Vale");
    CHECK_INT(hs_fold_person(&k), 1);
    CHECK_STR(k.data, "ingrid vale");
    hs_fold_name(&k, "Prince Harry");
    CHECK_INT(hs_fold_person(&k), 0);
    CHECK_STR(k.data, "prince harry");
    hs_fold_name(&k, "Dr. Dre");
    CHECK_INT(hs_fold_person(&k), 0);
    hs_buf_free(&k);
    CHECK_INT(hs_rel_symmetric("romance"), 1);
    CHECK_INT(hs_rel_symmetric("employment"), 0);
    CHECK_INT(hs_rel_symmetric("friendship"), -1);
}

/* A fresh store path under /tmp (the file does not exist yet). */
static void temp_db(char *path, size_t n)
{
    snprintf(path, n, "/tmp/hs-test-store-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(path);
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
}

static void remove_db(const char *path)
{
    char p[300];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* A new store at a fresh path (NULL on failure, reported). */
static hs_store *fresh_store(char *db, size_t n)
{
    temp_db(db, n);
    hs_store *s = NULL;
    CHECK_INT(hs_store_open(&s, db, HS_STORE_CREATE), 0);
    return s;
}

static void close_store(hs_store *s, const char *db)
{
    CHECK_INT(hs_store_close(s), 0);
    remove_db(db);
}

/* Load every line of the fixture; returns how many were added. */
static int load_fixture(hs_store *s)
{
    FILE *f = fopen(fixture, "r");
    CHECK(f != NULL);
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int total = 0, lineno = 0;
    CHECK_INT(hs_store_begin(s), 0);
    while ((n = getline(&line, &cap, f)) > 0) {
        char origin[64];
        int added = 0;
        snprintf(origin, sizeof origin, "ledger.jsonl:%d", ++lineno);
        int rc = hs_store_add_json(s, line, (size_t)n, origin, &added);
        if (rc)
            fprintf(stderr, "  %s\n", hs_error_last());
        CHECK_INT(rc, 0);
        total += added;
    }
    CHECK_INT(hs_store_commit(s), 0);
    free(line);
    fclose(f);
    return total;
}

/* The JSON an answer left in *json (read after the call that filled it). */
static json_t *parse(int rc, const char *const *jsonp, const size_t *lenp)
{
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "  %s\n", hs_error_last());
        return json_object();
    }
    json_error_t err;
    json_t *j = json_loadb(*jsonp, *lenp, 0, &err);
    CHECK(j != NULL);
    return j ? j : json_object();
}

static json_t *claims_of(hs_store *s, const char *a, const char *b)
{
    const char *json;
    size_t len;
    return parse(hs_store_claims(s, a, b, 0, &json, &len), &json, &len);
}

/* The claim of `type` in a claims answer, or NULL. */
static json_t *claim_by_type(json_t *root, const char *type)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(root, "claims"), i, c) {
        if (strcmp(json_string_value(json_object_get(c, "type")), type) == 0)
            return c;
    }
    return NULL;
}

static long long origins(json_t *c, const char *k)
{
    return json_integer_value(json_object_get(json_object_get(c, "origins"), k));
}

static const char *str(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

static void check_claim(json_t *c, const char *summary, long long support, long long deny, size_t items)
{
    CHECK(c != NULL);
    if (!c)
        return;
    CHECK_STR(str(c, "summary"), summary);
    CHECK_INT(origins(c, "support"), support);
    CHECK_INT(origins(c, "deny"), deny);
    CHECK_INT(json_array_size(json_object_get(c, "evidence")), items);
}

TEST(store_ledger_fixture)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    CHECK_INT(load_fixture(s), 13);
    /* re-adding changes nothing */
    CHECK_INT(load_fixture(s), 0);

    /* the rumour: three outlets carry one onlooker (one origin), an insider
     * told a fourth (a second origin), a representative denied it (one denying
     * origin, echoed once) */
    json_t *pair = claims_of(s, "Mara Quell", "Tobias Wren");
    CHECK_INT(json_array_size(json_object_get(pair, "claims")), 2);
    json_t *romance = claim_by_type(pair, "romance");
    check_claim(romance, "contested", 2, 1, 6);
    size_t i, echoes = 0, rep_denials = 0;
    json_t *e;
    json_array_foreach(json_object_get(romance, "evidence"), i, e) {
        echoes += json_is_true(json_object_get(e, "echo"));
        json_t *src = json_object_get(e, "source");
        if (strcmp(str(e, "status"), "denied") == 0 && strcmp(str(src, "kind"), "representative") == 0)
            rep_denials++;
    }
    CHECK_INT(echoes, 3);
    CHECK_INT(rep_denials, 2);
    /* a studio announcement is a named party confirming */
    check_claim(claim_by_type(pair, "collaboration"), "confirmed", 1, 0, 1);
    json_decref(pair);

    /* "Renée Halvorsen" = "Renee Halvorsen"; she is her own origin, quoted twice */
    json_t *h = claims_of(s, "Renee Halvorsen", NULL);
    CHECK_INT(json_array_size(json_object_get(h, "claims")), 1);
    check_claim(claim_by_type(h, "romance"), "confirmed", 1, 0, 2);
    json_decref(h);

    /* two Morenos, kept apart; the surname alone is ambiguous */
    const char *json;
    size_t len;
    CHECK_INT(hs_store_who(s, "Moreno", &json, &len), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "ambiguous") != NULL);
    json_t *dana = claims_of(s, "Dana Moreno", NULL);
    CHECK_INT(json_array_size(json_object_get(dana, "claims")), 2);
    check_claim(claim_by_type(dana, "conflict"), "rumored", 1, 0, 1);
    check_claim(claim_by_type(dana, "collaboration"), "reported", 1, 0, 1);
    CHECK(claim_by_type(dana, "romance") == NULL);
    json_decref(dana);
    json_t *alex = claims_of(s, "Alex Moreno", NULL);
    CHECK_INT(json_array_size(json_object_get(alex, "claims")), 2);
    json_decref(alex);

    /* a variant the article tied to a full name finds the person */
    json_t *who = parse(hs_store_who(s, "Quell", &json, &len), &json, &len);
    CHECK_STR(str(json_object_get(who, "entity"), "name"), "Mara Quell");
    CHECK_INT(json_integer_value(json_object_get(json_object_get(who, "entity"), "articles")), 7);
    CHECK_INT(json_array_size(json_object_get(who, "articles")), 7);
    CHECK_STR(str(json_array_get(json_object_get(who, "articles"), 0), "id"), "ex12"); /* latest first */
    CHECK_INT(json_array_size(json_object_get(who, "about")) > 0, 1);
    json_decref(who);

    /* reported by one outlet, confirmed by a spokesperson elsewhere; the
     * second article names her "Senator Ingrid Vale": the title is not her name */
    json_t *vale = claims_of(s, "Paul Okafor", "Senator Ingrid Vale");
    check_claim(claim_by_type(vale, "employment"), "confirmed", 2, 0, 2);
    json_decref(vale);

    close_store(s, db);
}

TEST(store_trace_and_alias)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    load_fixture(s);
    json_t *pair = claims_of(s, "Mara Quell", "Tobias Wren");
    json_t *romance = claim_by_type(pair, "romance");
    long long id = romance ? json_integer_value(json_object_get(romance, "id")) : 0;
    json_decref(pair);
    const char *json;
    size_t len;
    json_t *tr = parse(hs_store_trace(s, id, &json, &len), &json, &len);
    json_t *orig = json_object_get(tr, "origins");
    CHECK_INT(json_array_size(orig), 3);
    json_t *first = json_array_get(orig, 0);
    CHECK_STR(str(first, "origin"), "Starwatch Weekly");
    CHECK_STR(str(first, "first"), "2025-03-02");
    CHECK_INT(json_array_size(json_object_get(first, "evidence")), 3);
    CHECK_STR(str(json_array_get(orig, 2), "stance"), "deny");
    json_decref(tr);
    CHECK_INT(hs_store_trace(s, 9999, &json, &len), HS_EINPUT);

    /* a user merges the chef into the footballer, then undoes it */
    CHECK_INT(hs_store_alias_add(s, "Dana Moreno", "Alex Moreno"), 0);
    json_t *alex = claims_of(s, "Alex Moreno", NULL);
    CHECK_INT(json_array_size(json_object_get(alex, "claims")), 4);
    json_decref(alex);
    CHECK_INT(hs_store_alias_remove(s, "Dana Moreno"), 0);
    alex = claims_of(s, "Alex Moreno", NULL);
    CHECK_INT(json_array_size(json_object_get(alex, "claims")), 2);
    json_decref(alex);
    json_t *dana = claims_of(s, "Dana Moreno", NULL);
    CHECK_INT(json_array_size(json_object_get(dana, "claims")), 2);
    json_decref(dana);
    CHECK_INT(hs_store_alias_remove(s, "Dana Moreno"), HS_EINPUT);
    close_store(s, db);
}

static void check_bad_json(hs_store *s, const char *json, const char *want)
{
    int added = 1;
    CHECK_INT(hs_store_add_json(s, json, strlen(json), "bad.jsonl:7", &added), HS_EINPUT);
    CHECK_INT(added, 0);
    if (!strstr(hs_error_last(), want))
        hs_test_fail(__FILE__, __LINE__, "message '%s' lacks '%s'", hs_error_last(), want);
}

TEST(store_bad_json)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    check_bad_json(s, "{\"schema\":\"hearsay/1\",", "bad.jsonl:7: malformed JSON");
    check_bad_json(s, "{\"schema\":\"other\",\"article\":{\"id\":\"x\"}}", "bad.jsonl:7: schema");
    check_bad_json(s, "{\"schema\":\"hearsay/1\"}", "bad.jsonl:7: article: missing");
    check_bad_json(s, "{\"schema\":\"hearsay/1\",\"article\":{\"id\":\"x\",\"date\":\"2025-02-30\"}}",
                   "article.date: not a calendar date");
    check_bad_json(s,
                   "{\"schema\":\"hearsay/1\",\"article\":{\"id\":\"x\"},\"entities\":[{\"id\":\"E1\",\"name\":\"A B\"}],"
                   "\"relations\":[{\"type\":\"romance\",\"subject\":\"E1\",\"object\":\"E2\"}]}",
                   "relations[0].object: no entity with id 'E2'");
    check_bad_json(s,
                   "{\"schema\":\"hearsay/1\",\"article\":{\"id\":\"x\"},\"entities\":[{\"id\":\"E1\",\"name\":\"A B\"},"
                   "{\"id\":\"E2\",\"name\":\"C D\"}],\"relations\":[{\"type\":\"romance\",\"subject\":\"E1\","
                   "\"object\":\"E2\",\"status\":\"maybe\"}]}",
                   "relations[0]: status");
    check_bad_json(s, "{\"schema\":\"hearsay/1\",\"article\":{\"id\":\"x\"},\"attributions\":{}}",
                   "attributions: should be an array");
    /* nothing of the rejected lines was stored */
    const char *json;
    size_t len;
    json_t *st = parse(hs_store_stats(s, 0, &json, &len), &json, &len);
    CHECK_INT(json_integer_value(json_object_get(st, "articles")), 0);
    json_decref(st);
    close_store(s, db);
}

TEST(store_migration)
{
    /* a schema-1 store (the variant_ae index is what 1 → 2 adds) migrates on open */
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    load_fixture(s);
    CHECK_INT(hs_store_close(s), 0);
    sqlite3 *raw;
    CHECK_INT(sqlite3_open(db, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "DROP INDEX variant_ae; DROP INDEX ae_entity; CREATE INDEX ae_entity ON ae(entity);"
                                "PRAGMA user_version = 1;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    /* read-only cannot migrate and says so */
    CHECK_INT(hs_store_open(&s, db, HS_STORE_READONLY), HS_ESTORE);
    CHECK(strstr(hs_error_last(), "older schema") != NULL);
    CHECK_INT(hs_store_open(&s, db, 0), 0);
    const char *json;
    size_t len;
    json_t *st = parse(hs_store_stats(s, 1, &json, &len), &json, &len);
    CHECK_INT(json_integer_value(json_object_get(st, "schema")), 2);
    CHECK_INT(json_integer_value(json_object_get(st, "articles")), 13);
    CHECK_STR(json_string_value(json_array_get(json_object_get(st, "integrity"), 0)), "ok");
    json_decref(st);
    CHECK_INT(hs_store_close(s), 0);
    CHECK_INT(sqlite3_open(db, &raw), SQLITE_OK);
    sqlite3_stmt *q;
    CHECK_INT(sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master WHERE name = 'variant_ae'", -1, &q, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(q), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    sqlite3_close(raw);
    remove_db(db);
}

TEST(store_foreign_files)
{
    char db[128];
    temp_db(db, sizeof db);
    hs_store *s = NULL;
    /* text that is not a database */
    FILE *f = fopen(db, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    for (int i = 0; i < 200; i++)
        fputs("this is not a database at all, just words\n", f);
    fclose(f);
    CHECK_INT(hs_store_open(&s, db, HS_STORE_CREATE), HS_ESTORE);
    CHECK(strstr(hs_error_last(), "not a hearsay store") != NULL);
    CHECK(strstr(hs_error_last(), db) != NULL);
    unlink(db);
    /* an SQLite database of another application */
    sqlite3 *raw;
    CHECK_INT(sqlite3_open(db, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('soup');", NULL, NULL,
                           NULL), SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(hs_store_open(&s, db, HS_STORE_CREATE), HS_ESTORE);
    CHECK(strstr(hs_error_last(), "another application") != NULL);
    unlink(db);
    /* a store from a newer hearsay */
    CHECK_INT(hs_store_open(&s, db, HS_STORE_CREATE), 0);
    hs_store_close(s);
    CHECK_INT(sqlite3_open(db, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "PRAGMA user_version = 99;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(hs_store_open(&s, db, HS_STORE_READONLY), HS_ESTORE);
    CHECK(strstr(hs_error_last(), "newer hearsay (schema 99") != NULL);
    remove_db(db);
    /* a missing store is not created by a query */
    CHECK_INT(hs_store_open(&s, db, HS_STORE_READONLY), HS_ESTORE);
    CHECK(strstr(hs_error_last(), "no such store") != NULL);
}

/* The `add` path: an analysed document with every layer filled (built here by
 * hand, as the link, attribution and relation layers will fill it). */
static void span_of(const hs_doc *d, const char *needle, hs_span *sp)
{
    const char *p = strstr(d->text, needle);
    CHECK(p != NULL);
    sp->start = p ? (uint32_t)(p - d->text) : 0;
    sp->end = p ? sp->start + (uint32_t)strlen(needle) : 0;
}

static void add_mention(hs_doc *d, int32_t entity, const char *text)
{
    hs_mention *m = HS_PUSH(&d->mentions);
    span_of(d, text, &m->span);
    m->entity = entity;
    m->kind = HS_MK_NAME;
}

TEST(store_add_doc_layers)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    hs_doc *d = NULL;
    CHECK_INT(hs_doc_new(&d), 0);
    if (!s || !d)
        return;
    static const char text[] = "Noor Castell denied dating Ivo Brandt. \xe2\x80\x9cWe are only neighbours,\xe2\x80\x9d "
                               "Castell told the Weekly Bell.";
    hs_article art = {.id = "doc1", .date = "2025-06-01", .outlet = "Night Wire", .text = text,
                      .text_len = sizeof text - 1};
    CHECK_INT(hs_doc_load_article(d, &art, 0, 0, 0), 0);
    const char *names[] = {"Noor Castell", "Ivo Brandt"};
    for (int i = 0; i < 2; i++) {
        hs_entity *e = HS_PUSH(&d->entities);
        e->name = names[i];
        e->type = HS_ET_PERSON;
        e->first_mention = (int32_t)d->mentions.n;
        add_mention(d, i, names[i]);
    }
    add_mention(d, 0, "Castell told");
    d->mentions.v[d->mentions.n - 1].span.end -= 5; /* "Castell" */
    hs_attr *a = HS_PUSH(&d->attrs);
    a->kind = HS_AK_DIRECT;
    a->has_source = 1;
    a->source_kind = HS_SK_PERSON;
    a->source_entity = 0;
    a->via_entity = HS_NONE;
    a->quote = HS_NONE;
    span_of(d, "We are only neighbours,", &a->content);
    span_of(d, "Castell told", &a->source);
    a->source.end -= 5;
    span_of(d, "told", &a->cue);
    span_of(d, "Weekly Bell", &a->via);
    hs_rel *r = HS_PUSH(&d->rels);
    r->type = HS_RT_ROMANCE;
    r->status = HS_ST_DENIED;
    r->subj = 1;
    r->obj = 0;
    r->time = HS_NONE;
    r->attribution = 0;
    span_of(d, "Noor Castell denied dating Ivo Brandt.", &r->evidence);
    int added = 0;
    CHECK_INT(hs_store_add_doc(s, d, &added), 0);
    CHECK_INT(added, 1);
    json_t *c = claims_of(s, "Castell", NULL);
    json_t *cl = claim_by_type(c, "romance");
    check_claim(cl, "denied", 0, 1, 1);
    json_t *ev = json_array_get(json_object_get(cl, "evidence"), 0);
    CHECK_STR(str(ev, "origin"), "Noor Castell"); /* a named person is her own origin */
    CHECK_STR(str(ev, "via"), "Weekly Bell");
    CHECK_STR(str(json_object_get(ev, "source"), "kind"), "person");
    json_decref(c);
    CHECK_INT(hs_store_add_doc(s, d, &added), 0);
    CHECK_INT(added, 0);
    hs_doc_free(d);
    close_store(s, db);
}

/* One hearsay/1 line: two people and one relation resting on one attribution. */
static void add_line_src(hs_store *s, const char *id, const char *outlet, const char *content, const char *kind,
                         const char *via, const char *status, const char *source)
{
    char via_json[96] = "null", line[2048];
    if (via)
        snprintf(via_json, sizeof via_json, "{\"text\":\"%s\",\"entity\":null}", via);
    snprintf(line, sizeof line,
             "{\"schema\":\"hearsay/1\",\"article\":{\"id\":\"%s\",\"date\":\"2025-05-0%c\",\"outlet\":\"%s\","
             "\"text\":\"%s %s\"},\"entities\":[{\"id\":\"E1\",\"type\":\"PERSON\",\"name\":\"Ona Pryce\"},"
             "{\"id\":\"E2\",\"type\":\"PERSON\",\"name\":\"Bram Telford\"},{\"id\":\"E3\",\"type\":\"ORG\","
             "\"name\":\"Kestrel Films\"}],\"attributions\":[{\"id\":\"A1\","
             "\"kind\":\"%s\",\"content\":{\"text\":\"%s\"},\"source\":%s,\"via\":%s,\"hedged\":false}],\"relations\":[{\"id\":\"R1\",\"type\":"
             "\"romance\",\"subject\":\"E1\",\"object\":\"E2\",\"status\":\"%s\",\"attribution\":\"A1\"}]}",
             id, id[strlen(id) - 1], outlet, id, content, kind, content,
             source ? source : "{\"text\":\"an insider\",\"kind\":\"anonymous\",\"entity\":null}", via_json, status);
    int added = 0;
    int rc = hs_store_add_json(s, line, strlen(line), id, &added);
    if (rc)
        fprintf(stderr, "  %s\n", hs_error_last());
    CHECK_INT(rc, 0);
    CHECK_INT(added, 1);
}

static void add_line(hs_store *s, const char *id, const char *outlet, const char *content, const char *kind,
                     const char *via, const char *status)
{
    add_line_src(s, id, outlet, content, kind, via, status, NULL);
}

TEST(store_named_source_is_its_origin)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    /* a studio's announcement, worded differently by three outlets, one of
     * which also heard it from the studio's spokesperson: one origin */
    const char *studio = "{\"text\":\"Kestrel Films\",\"kind\":\"organization\",\"entity\":\"E3\"}";
    add_line_src(s, "k1", "Alpha Times", "Pryce and Telford will share the screen", "indirect", NULL, "confirmed", studio);
    add_line_src(s, "k2", "Beta Daily", "The pair are to co-star in a new drama", "indirect", NULL, "confirmed", studio);
    add_line_src(s, "k3", "Gamma Post", "Both actors have signed on", "indirect", "Gamma Post", "confirmed", studio);
    /* an outlet speaking for itself ("The Delta Wire has learned") is that outlet */
    const char *delta = "{\"text\":\"The Delta Wire\",\"kind\":\"outlet\",\"entity\":null}";
    add_line_src(s, "k4", "Epsilon News", "Filming starts in May", "indirect", NULL, "reported", delta);
    add_line_src(s, "k5", "Delta Wire", "Filming begins in May", "indirect", NULL, "reported", NULL);
    json_t *c = claims_of(s, "Ona Pryce", "Bram Telford");
    json_t *cl = claim_by_type(c, "romance");
    check_claim(cl, "confirmed", 2, 0, 5);
    CHECK_STR(str(json_array_get(json_object_get(cl, "evidence"), 0), "origin"), "Kestrel Films");
    json_decref(c);
    close_store(s, db);
}

TEST(store_echo_does_not_bridge)
{
    char db[128];
    hs_store *s = fresh_store(db, sizeof db);
    if (!s)
        return;
    /* Alpha's insider; Beta repeats the quotation (an echo of Alpha); later
     * Beta's own insider says something else (Beta's own origin); Gamma
     * quotes Alpha's words again, and a denial reaches Delta */
    add_line(s, "a1", "Alpha Times", "They were inseparable all evening long", "direct", NULL, "rumored");
    add_line(s, "a2", "Beta Daily", "they were inseparable all evening long.", "direct", NULL, "rumored");
    add_line(s, "a3", "Beta Daily", "The two have been dating since spring", "indirect", NULL, "rumored");
    add_line(s, "a4", "Gamma Post", "They were inseparable, all evening long", "direct", "Alpha Times", "rumored");
    add_line(s, "a5", "Epsilon News", "They are just good friends", "direct", "Delta Wire", "denied");
    json_t *c = claims_of(s, "Ona Pryce", "Bram Telford");
    json_t *cl = claim_by_type(c, "romance");
    check_claim(cl, "contested", 2, 1, 5);
    size_t i, echoes = 0;
    json_t *e;
    json_array_foreach(json_object_get(cl, "evidence"), i, e) echoes += json_is_true(json_object_get(e, "echo"));
    CHECK_INT(echoes, 2);
    json_decref(c);
    close_store(s, db);
}
