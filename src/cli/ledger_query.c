/* The ledger's questions: hearsay who, claims, trace, sources, search, stats.
 * Each asks the library for JSON (docs/ledger.md) and prints it as is with
 * --json, or as aligned tables. */
#include "cli/ledger.h"
#include "cli/table.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct qopts {
    const char *db, *outlet;
    int json, check;
    size_t limit;
} qopts;

/* Options shared by the query commands; returns 0, -1 (help shown) or an exit status. */
static int qparse(int argc, char **argv, const char *usage, qopts *q)
{
    enum { OPT_DB = 256, OPT_JSON, OPT_LIMIT, OPT_OUTLET, OPT_CHECK };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},         {"json", no_argument, NULL, OPT_JSON},
        {"limit", required_argument, NULL, OPT_LIMIT},   {"outlet", required_argument, NULL, OPT_OUTLET},
        {"check", no_argument, NULL, OPT_CHECK},         {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    memset(q, 0, sizeof *q);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: q->db = optarg; break;
        case OPT_JSON: q->json = 1; break;
        case OPT_OUTLET: q->outlet = optarg; break;
        case OPT_CHECK: q->check = 1; break;
        case OPT_LIMIT: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0) {
                fprintf(stderr, "hearsay %s: --limit wants a positive number, not '%s'\n", argv[0], optarg);
                return HS_EXIT_USAGE;
            }
            q->limit = (size_t)v;
            break;
        }
        case 'h': fputs(usage, stdout); return -1;
        default: fputs(usage, stderr); return HS_EXIT_USAGE;
        }
    }
    return 0;
}

#define S(o, k) json_string_value(json_object_get((o), (k)))
#define I(o, k) ((long long)json_integer_value(json_object_get((o), (k))))

static const char *src_text(json_t *src, char *tmp, size_t n)
{
    if (!json_is_object(src))
        return NULL;
    snprintf(tmp, n, "%s [%s]", S(src, "text") ? S(src, "text") : "?", S(src, "kind") ? S(src, "kind") : "?");
    return tmp;
}

static void print_claim_head(json_t *c)
{
    json_t *o = json_object_get(c, "origins");
    const char *sum = S(c, "summary");
    printf("%s#%lld %s%s: %s — %s   %s%s%s   origins: %lld support, %lld deny   (%lld items, %s to %s)\n",
           hs_color("bold"), I(c, "id"), S(c, "type"), hs_color_off(), S(json_object_get(c, "subject"), "name"),
           S(json_object_get(c, "object"), "name"), hs_color(sum), sum ? sum : "-", hs_color_off(), I(o, "support"),
           I(o, "deny"), I(c, "evidence_count"), S(c, "first") ? S(c, "first") : "?",
           S(c, "last") ? S(c, "last") : "?");
}

static void print_evidence(json_t *items, int mark_echo)
{
    static const char *const head[] = {"DATE", "OUTLET", "ORIGIN", "SOURCE", "VIA", "STATUS", "TEXT"};
    if (!json_array_size(items)) /* the store-wide list gives no evidence: no empty table */
        return;
    hs_table t;
    hs_table_init(&t, 7, head);
    t.max_last = 90;
    size_t i;
    json_t *e;
    char tmp[300];
    json_array_foreach(items, i, e) {
        hs_table_cell(&t, S(e, "date"));
        hs_table_cell(&t, S(e, "outlet"));
        if (mark_echo && json_is_true(json_object_get(e, "echo")))
            hs_table_cellf(&t, "%s (echo)", S(e, "origin") ? S(e, "origin") : "-");
        else
            hs_table_cell(&t, S(e, "origin"));
        hs_table_cell(&t, src_text(json_object_get(e, "source"), tmp, sizeof tmp));
        hs_table_cell(&t, S(e, "via"));
        hs_table_cellf(&t, "%s%s", S(e, "status"), json_is_true(json_object_get(e, "hedged")) ? "?" : "");
        hs_table_cell(&t, S(e, "text"));
    }
    hs_table_print(&t, stdout, "    ");
    hs_table_free(&t);
}

static void print_claims(json_t *root)
{
    size_t i;
    json_t *c, *claims = json_object_get(root, "claims");
    if (!json_array_size(claims))
        printf("no claims\n");
    json_array_foreach(claims, i, c) {
        print_claim_head(c);
        print_evidence(json_object_get(c, "evidence"), 1);
        printf("\n");
    }
}

static void print_statements(json_t *arr, const char *title, int by_source)
{
    printf("%s%s%s (%zu)\n", hs_color("bold"), title, hs_color_off(), json_array_size(arr));
    if (!json_array_size(arr))
        return;
    const char *head[] = {"DATE", "OUTLET", by_source ? "SOURCE" : "CUE", "VIA", "TEXT"};
    hs_table t;
    hs_table_init(&t, 5, head);
    t.max_last = 90;
    size_t i;
    json_t *e;
    char tmp[300];
    json_array_foreach(arr, i, e) {
        hs_table_cell(&t, S(e, "date"));
        hs_table_cell(&t, S(e, "outlet"));
        hs_table_cell(&t, by_source ? src_text(json_object_get(e, "source"), tmp, sizeof tmp) : S(e, "cue"));
        hs_table_cell(&t, S(e, "via"));
        hs_table_cell(&t, S(e, "text"));
    }
    hs_table_print(&t, stdout, "    ");
    hs_table_free(&t);
}

static void print_who(json_t *root)
{
    json_t *e = json_object_get(root, "entity"), *names = json_object_get(e, "names"), *n;
    printf("%s%s%s  %s  #%lld  in %lld article(s)\n  names: ", hs_color("bold"), S(e, "name"), hs_color_off(),
           S(e, "type"), I(e, "id"), I(e, "articles"));
    size_t i;
    json_array_foreach(names, i, n) printf("%s%s", i ? ", " : "", json_string_value(n));
    printf("\n\n");
    json_t *claims = json_object_get(root, "claims"), *c;
    printf("%sclaims%s (%zu)\n", hs_color("bold"), hs_color_off(), json_array_size(claims));
    if (json_array_size(claims)) {
        static const char *const head[] = {"CLAIM", "TYPE", "WITH", "SUMMARY", "SUPPORT", "DENY", "ITEMS"};
        hs_table t;
        hs_table_init(&t, 7, head);
        json_array_foreach(claims, i, c) {
            json_t *other = json_object_get(c, I(json_object_get(c, "subject"), "id") == I(e, "id") ? "object"
                                                                                                    : "subject");
            hs_table_cellf(&t, "#%lld", I(c, "id"));
            hs_table_cell(&t, S(c, "type"));
            hs_table_cell(&t, S(other, "name"));
            hs_table_cell(&t, S(c, "summary"));
            hs_table_cellf(&t, "%lld", I(json_object_get(c, "origins"), "support"));
            hs_table_cellf(&t, "%lld", I(json_object_get(c, "origins"), "deny"));
            hs_table_cellf(&t, "%lld", I(c, "evidence_count"));
        }
        hs_table_print(&t, stdout, "    ");
        hs_table_free(&t);
    }
    json_t *arts = json_object_get(root, "articles"), *a;
    printf("\n%sarticles%s (latest %zu)\n", hs_color("bold"), hs_color_off(), json_array_size(arts));
    if (json_array_size(arts)) {
        static const char *const head[] = {"DATE", "OUTLET", "ARTICLE", "TITLE"};
        hs_table t;
        hs_table_init(&t, 4, head);
        t.max_last = 80;
        json_array_foreach(arts, i, a) {
            hs_table_cell(&t, S(a, "date"));
            hs_table_cell(&t, S(a, "outlet"));
            hs_table_cell(&t, S(a, "id"));
            hs_table_cell(&t, S(a, "title"));
        }
        hs_table_print(&t, stdout, "    ");
        hs_table_free(&t);
    }
    printf("\n");
    print_statements(json_object_get(root, "said"), "said", 0);
    printf("\n");
    print_statements(json_object_get(root, "about"), "said about them", 1);
}

static void print_trace(json_t *root)
{
    print_claim_head(json_object_get(root, "claim"));
    size_t i;
    json_t *o, *origins = json_object_get(root, "origins");
    json_array_foreach(origins, i, o) {
        const char *stance = S(o, "stance");
        size_t n = json_array_size(json_object_get(o, "evidence"));
        printf("\n  origin %zu: %s%s%s (%s%s%s), first %s, %zu echo(es)\n", i + 1, hs_color("bold"),
               S(o, "origin") ? S(o, "origin") : "?", hs_color_off(), hs_color(stance), stance, hs_color_off(),
               S(o, "first") ? S(o, "first") : "?", n ? n - 1 : 0);
        print_evidence(json_object_get(o, "evidence"), 0);
    }
}

static void print_sources(json_t *root)
{
    static const char *const head[] = {"OUTLET", "STATEMENTS", "SOURCED", "ANONYMOUS", "SHARE", "TOP SOURCES"};
    hs_table t;
    hs_table_init(&t, 6, head);
    t.max_last = 100;
    size_t i, k;
    json_t *o, *src;
    json_array_foreach(json_object_get(root, "outlets"), i, o) {
        hs_table_cell(&t, S(o, "outlet") ? S(o, "outlet") : "(no outlet)");
        hs_table_cellf(&t, "%lld", I(o, "statements"));
        hs_table_cellf(&t, "%lld", I(o, "sourced"));
        hs_table_cellf(&t, "%lld", I(o, "anonymous"));
        hs_table_cellf(&t, "%.0f%%", 100.0 * json_number_value(json_object_get(o, "anonymous_share")));
        hs_buf b = HS_BUF_INIT;
        json_array_foreach(json_object_get(o, "sources"), k, src)
            hs_buf_printf(&b, "%s%s [%s] ×%lld", k ? "; " : "", S(src, "text"), S(src, "kind"), I(src, "count"));
        hs_table_cell(&t, b.data ? b.data : "");
        hs_buf_free(&b);
    }
    hs_table_print(&t, stdout, "");
    hs_table_free(&t);
}

static void print_search(json_t *root)
{
    static const char *const head[] = {"KIND", "DATE", "OUTLET", "ARTICLE", "SOURCE", "TEXT"};
    hs_table t;
    hs_table_init(&t, 6, head);
    t.max_last = 100;
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(root, "results"), i, r) {
        hs_table_cell(&t, S(r, "kind"));
        hs_table_cell(&t, S(r, "date"));
        hs_table_cell(&t, S(r, "outlet"));
        hs_table_cell(&t, S(r, "article"));
        hs_table_cell(&t, S(r, "source"));
        hs_table_cell(&t, S(r, "snippet"));
    }
    hs_table_print(&t, stdout, "");
    hs_table_free(&t);
}

static void print_stats(json_t *root)
{
    const char *k;
    json_t *v;
    json_object_foreach(root, k, v) {
        if (json_is_array(v)) {
            size_t i;
            json_t *x;
            printf("%-11s", k);
            json_array_foreach(v, i, x) printf(" %s", json_string_value(x));
            printf("\n");
        } else {
            printf("%-11s %lld\n", k, (long long)json_integer_value(v));
        }
    }
}

/* Open the store read-only, run the query, print JSON or the table. */
static int answer(const qopts *q, int (*ask)(hs_store *, const qopts *, char **, const char **, size_t *),
                  char **args, void (*print)(json_t *))
{
    hs_store *s = NULL;
    int status = hs_cli_store_open(&s, hs_cli_db_path(q->db), HS_STORE_READONLY);
    if (status)
        return status;
    const char *json;
    size_t len;
    int rc = ask(s, q, args, &json, &len);
    if (rc) {
        hs_cli_error();
        status = rc == HS_EINPUT ? HS_EXIT_INPUT : hs_cli_exit_for(rc);
    } else if (q->json) {
        status = hs_cli_write(stdout, json, len);
    } else {
        json_error_t err;
        json_t *root = json_loadb(json, len, 0, &err);
        if (root)
            print(root);
        json_decref(root);
    }
    hs_store_close(s);
    return status;
}

static int ask_who(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    (void)q;
    return hs_store_who(s, a[0], j, n);
}
static int ask_claims(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    if (!a[0]) { /* no name: the claims with the most independent origins, with evidence */
        int rc = hs_store_top(s, q->limit ? q->limit : 10, j, n);
        json_error_t err;
        json_t *root = rc ? NULL : json_loadb(*j, *n, 0, &err);
        json_t *first = json_array_get(json_object_get(root, "claims"), 0);
        if (!rc && first && q->limit == 1) {
            char a1[32], a2[32];
            snprintf(a1, sizeof a1, "#%lld", I(json_object_get(first, "subject"), "id"));
            snprintf(a2, sizeof a2, "#%lld", I(json_object_get(first, "object"), "id"));
            rc = hs_store_claims(s, a1, a2, 1, j, n);
        }
        json_decref(root);
        return rc;
    }
    return hs_store_claims(s, a[0], a[1], q->limit, j, n);
}
static int ask_trace(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    (void)q;
    const char *p = a[0][0] == '#' ? a[0] + 1 : a[0];
    char *end;
    long long id = strtoll(p, &end, 10);
    if (*end || id <= 0)
        return hs_error_set(HS_EINPUT, "'%s' is not a claim number (see 'hearsay claims NAME')", a[0]);
    return hs_store_trace(s, id, j, n);
}
static int ask_sources(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    (void)a;
    return hs_store_sources(s, q->outlet, j, n);
}
static int ask_search(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    return hs_store_search(s, a[0], q->limit, j, n);
}
static int ask_stats(hs_store *s, const qopts *q, char **a, const char **j, size_t *n)
{
    (void)a;
    return hs_store_stats(s, q->check, j, n);
}

static const struct {
    const char *name;
    int min_args, max_args;
    int (*ask)(hs_store *, const qopts *, char **, const char **, size_t *);
    void (*print)(json_t *);
    const char *usage;
} queries[] = {
    {"who", 1, 1, ask_who, print_who,
     "usage: hearsay who [--db FILE] [--json] NAME\n\nThe entity NAME: its names, type, articles, claims, what it\n"
     "said and what sources say about it.\n"},
    {"claims", 0, 2, ask_claims, print_claims,
     "usage: hearsay claims [--db FILE] [--json] [--limit N] [NAME [NAME2]]\n\nThe ledger lines for one entity or a "
     "pair, strongest (most independent\norigins) first, with every piece of evidence. Without NAME: the claims\n"
     "with the most origins in the store (--limit 1: the most discussed pair).\n"},
    {"trace", 1, 1, ask_trace, print_trace,
     "usage: hearsay trace [--db FILE] [--json] CLAIM\n\nEvery origin of claim CLAIM (a number from 'hearsay "
     "claims') with its\nechoes, dates and evidence sentences, earliest first.\n"},
    {"sources", 0, 0, ask_sources, print_sources,
     "usage: hearsay sources [--db FILE] [--json] [--outlet NAME]\n\nWho the sources are and how often they are "
     "anonymous, per outlet.\n"},
    {"search", 1, 1, ask_search, print_search,
     "usage: hearsay search [--db FILE] [--json] [--limit N] TEXT\n\nFull-text search over articles and quotations "
     "(every word must occur).\n"},
    {"stats", 0, 0, ask_stats, print_stats,
     "usage: hearsay stats [--db FILE] [--json] [--check]\n\nCounts of what the store holds; --check runs SQLite's "
     "integrity check.\n"},
};

int hs_cmd_query(int argc, char **argv)
{
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        if (strcmp(argv[0], queries[i].name) != 0)
            continue;
        qopts q;
        int rc = qparse(argc, argv, queries[i].usage, &q);
        if (rc)
            return rc < 0 ? 0 : rc;
        int n = argc - optind;
        if (strcmp(argv[0], "search") == 0 && n > 1) { /* search words need no quoting */
            hs_buf b = HS_BUF_INIT;
            for (int k = optind; k < argc; k++)
                hs_buf_printf(&b, "%s%s", k > optind ? " " : "", argv[k]);
            char *args[2] = {b.data, NULL};
            rc = answer(&q, queries[i].ask, args, queries[i].print);
            hs_buf_free(&b);
            return rc;
        }
        if (n < queries[i].min_args || n > queries[i].max_args) {
            fputs(queries[i].usage, stderr);
            return HS_EXIT_USAGE;
        }
        char *args[3] = {NULL, NULL, NULL};
        for (int k = 0; k < n; k++)
            args[k] = argv[optind + k];
        return answer(&q, queries[i].ask, args, queries[i].print);
    }
    return HS_EXIT_USAGE;
}
