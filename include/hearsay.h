/*
 * hearsay — source-attributed claims from news articles.
 *
 * Public C API.
 *
 * OWNERSHIP RULE (stated once, holds everywhere):
 *   Every pointer a hearsay function hands back through an output parameter is
 *   owned by the object it came from (analyzer, document or reader) and stays
 *   valid until that object is cleared or freed.  Objects created by a
 *   `hs_*_new` function are owned by the caller and released with the matching
 *   `hs_*_free`.  Strings passed *into* hearsay are borrowed for the duration of
 *   the call only; hearsay copies what it keeps.
 *
 * ERRORS:
 *   Functions return 0 on success or a negative HS_E* code.  The message of the
 *   last failure on the calling thread is available from hs_error_last() and
 *   stays valid until the next failing call on that thread.
 *
 * THREADS:
 *   An analyzer (and the models it holds) is read-only after hs_analyzer_new and
 *   may be shared by any number of threads.  A document or reader belongs to one
 *   thread at a time.
 */
#ifndef HEARSAY_H
#define HEARSAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HS_VERSION_STRING "0.1.0"
#define HS_SCHEMA "hearsay/1"

/* Status codes. */
enum {
    HS_OK = 0,
    HS_ERROR = -1,     /* generic failure */
    HS_ENOMEM = -2,    /* out of memory */
    HS_EINVAL = -3,    /* invalid argument (a programming error) */
    HS_EIO = -4,       /* a file could not be opened, read or written */
    HS_EINPUT = -5,    /* the input is not acceptable (bad UTF-8, empty, malformed line) */
    HS_EMODEL = -6,    /* a model file is missing, truncated, foreign or corrupt */
    HS_ESTORE = -7,    /* the store failed */
    HS_EOF = -8        /* no more input (readers only) */
};

/* The message for the last error on this thread ("" when none). */
const char *hs_error_last(void);
/* Set the thread's error message (printf-style) and return `code`. */
int hs_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void hs_error_clear(void);

const char *hs_version(void);

/* ------------------------------------------------------------------ */
/* Articles: the input of an analysis.                                  */

/* An article as read from input.  All strings may be NULL except text. */
typedef struct hs_article {
    const char *id;
    const char *date;   /* YYYY-MM-DD or NULL */
    const char *outlet;
    const char *title;
    const char *url;
    const char *text;
    size_t text_len;
    const char *origin; /* where it came from, e.g. "file.jsonl:12" (for messages) */
    size_t origin_offset; /* bytes of the file before text (a header), added to offsets in messages */
} hs_article;

/* Readers turn files into articles. */
typedef struct hs_reader hs_reader;

typedef enum hs_input_format {
    HS_INPUT_AUTO = 0, /* by name: .jsonl/.jsonl.gz → JSONL, .html/.htm/.html.gz → HTML, else text */
    HS_INPUT_TEXT,     /* one article per file, optional 'date YYYY-MM-DD' header */
    HS_INPUT_JSONL,    /* one JSON object per line */
    HS_INPUT_HTML      /* a saved web page */
} hs_input_format;

/* Open `path` ("-" is standard input).  A directory yields every regular file
 * below it, sorted by name.  */
int hs_reader_new(hs_reader **out, const char *path, hs_input_format format);
/* Next article: 0 and *art filled (valid until the next call), HS_EOF at the
 * end, or a negative code for an unreadable item (the message names file and
 * line); reading may continue after HS_EINPUT. */
int hs_reader_next(hs_reader *r, hs_article *art);
void hs_reader_free(hs_reader *r);

/* ------------------------------------------------------------------ */
/* Web pages: the article inside a saved HTML page.                     */

/* What hs_page_new found.  Every string is owned by the page, NUL-terminated,
 * valid UTF-8, and NULL when the page does not say. */
typedef struct hs_page {
    const char *text;    /* the article body, paragraphs separated by "\n\n" ("" when none was found) */
    size_t text_len;
    size_t paragraphs;   /* blocks in text */
    const char *title;   /* og:title, JSON-LD headline, h1, or <title> without the site name */
    const char *date;    /* publication date, YYYY-MM-DD */
    const char *authors; /* "; "-separated */
    const char *outlet;  /* og:site_name, JSON-LD publisher, else the host name */
    const char *url;     /* canonical URL */
    const char *description;
    const char *image_caption; /* the lead image's caption, without its credit */
    const char *image_credit;  /* photo credits ("Ana Ruiz/Getty"): kept out of text */
    const char *charset;       /* the encoding the page was read in ("utf-8", "windows-1252"…) */
} hs_page;

/* Extract the article of an HTML page of `len` bytes (any charset, see
 * hs_page.charset).  `origin` names the page in error messages.  Pages
 * without an article give a page with empty text, not an error; HS_EINPUT
 * is kept for input that is not a page at all (empty, binary). */
int hs_page_new(hs_page **out, const char *html, size_t len, const char *origin);
/* The same for a file (gzip is read transparently; "-" is standard input). */
int hs_page_load(hs_page **out, const char *path);
void hs_page_free(hs_page *p);
/* The page as JSON: {"title":…, "date":…, …, "text":…} (owned by the page). */
int hs_page_json(hs_page *p, int pretty, const char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* The analyzer: models and tables, loaded once, shared read-only.      */

typedef struct hs_analyzer hs_analyzer;

/* Layers that can be switched off (all on by default). */
enum {
    HS_LAYER_TAG = 1u << 0,    /* POS, NER (needs models) */
    HS_LAYER_PARSE = 1u << 1,  /* dependency parse (needs a model) */
    HS_LAYER_LINK = 1u << 2,   /* entities, coreference */
    HS_LAYER_ATTRIB = 1u << 3, /* attributions, hedges */
    HS_LAYER_RELATE = 1u << 4, /* relations, time */
    HS_LAYER_PARSE_ALL = 1u << 5, /* parse every sentence, not only those the cascade selects
                                     (those a stage flagged or asks for; none by default) */
    HS_LAYER_ALL = 0xffffu & ~(1u << 5) /* every layer; the parse as the cascade selects */
};

#define HS_ANALYZER_OPTIONS_VERSION 2
typedef struct hs_analyzer_options {
    unsigned version;       /* HS_ANALYZER_OPTIONS_VERSION */
    const char *model_dir;  /* NULL: $HEARSAY_MODELS, then the built-in search path */
    const char *data_dir;   /* tables (cue verbs, hedges…); NULL: search path */
    unsigned layers;        /* HS_LAYER_* bits */
    int lossy;              /* replace invalid UTF-8 with U+FFFD instead of failing */
    int require_models;     /* fail when a model is missing (else the layer is skipped) */
    size_t max_bytes;       /* refuse longer articles (0: HS_MAX_ARTICLE_BYTES) */
    int title_apart;        /* analyse the text alone; by default a title the text does not
                               open with is analysed as its first paragraph (offsets then
                               count from the title; the JSON gives article.title_bytes) */
} hs_analyzer_options;
#define HS_MAX_ARTICLE_BYTES (4u << 20)
#define HS_ANALYZER_OPTIONS_INIT {HS_ANALYZER_OPTIONS_VERSION, NULL, NULL, HS_LAYER_ALL, 0, 0, HS_MAX_ARTICLE_BYTES, 0}

int hs_analyzer_new(hs_analyzer **out, const hs_analyzer_options *opts);
void hs_analyzer_free(hs_analyzer *a);

/* ------------------------------------------------------------------ */
/* Documents: one analysed article, with its own arena.                 */

typedef struct hs_doc hs_doc;

int hs_doc_new(hs_doc **out);
/* Forget the last analysis but keep the memory for the next one. */
void hs_doc_clear(hs_doc *d);
void hs_doc_free(hs_doc *d);

/* Analyse `art` into `d` (cleared first). */
int hs_analyze(hs_doc *d, const hs_analyzer *a, const hs_article *art);

/* Output flags. */
enum {
    HS_JSON_PRETTY = 1u << 0, /* indented, several lines */
    HS_JSON_NO_TEXT = 1u << 1 /* leave article.text out */
};
/* The hearsay/1 JSON of the analysis (owned by d). */
int hs_doc_json(hs_doc *d, unsigned flags, const char **out, size_t *len);
/* A short readable summary of what was found (owned by d). */
int hs_doc_summary(hs_doc *d, const char **out, size_t *len);

/* Counts of what an analysis found, for callers that only need figures. */
typedef struct hs_doc_stats {
    size_t bytes, tokens, sentences, paragraphs, quotes;
    size_t entities, mentions, attributions, relations, timexes, hedges;
    size_t warnings;
} hs_doc_stats;
int hs_doc_stats_get(const hs_doc *d, hs_doc_stats *out);

/* Warning i of the last analysis (0 <= i < stats.warnings): a problem in the
 * input that did not stop it, such as an unterminated quotation. */
int hs_doc_warning(const hs_doc *d, size_t i, size_t *offset, const char **msg);

/* ------------------------------------------------------------------ */
/* Streaming: many articles on several threads, results in input order.  */

/* Called on the calling thread for each item of the stream, in input order.
 * rc == 0: `doc` holds the analysis of `art` (both valid during the call only).
 * rc < 0: the item failed (hs_error_last() says why); `doc` is NULL, and `art`
 * is NULL too when the reader could not produce the article (a malformed line).
 * Return 0 to go on, anything else to stop the stream (hs_analyze_stream then
 * returns that value). */
typedef int (*hs_stream_fn)(void *user, const hs_article *art, hs_doc *doc, int rc);

/* Analyse every article of `r` with `a` on `threads` threads (0: one per core)
 * and hand each result to `fn` in input order.  Memory stays bounded: at most
 * 4 articles per thread are in flight, each in a document reused from article
 * to article.  Returns 0, a negative HS_E* code, or fn's stopping value. */
int hs_analyze_stream(const hs_analyzer *a, hs_reader *r, unsigned threads, hs_stream_fn fn, void *user);
/* The number of cores online (at least 1). */
unsigned hs_default_threads(void);

/* ------------------------------------------------------------------ */
/* The HTTP server behind `hearsay serve` (src/serve/): a JSON API and the
 * web UI's static files, on libmicrohttpd with a pool of worker threads.
 * The API is listed in docs/api.md. */

typedef struct hs_server hs_server;

#define HS_SERVER_OPTIONS_VERSION 1
typedef struct hs_server_options {
    unsigned version;            /* HS_SERVER_OPTIONS_VERSION */
    const char *bind;            /* address to listen on; NULL: "127.0.0.1" (IPv6 when it holds ':') */
    unsigned port;               /* 0: any free port (hs_server_port says which) */
    unsigned threads;            /* worker threads; 0: one per core */
    const char *web_dir;         /* static files; NULL: $HEARSAY_WEB, then the search path (none: API only) */
    const char *db;              /* the store; NULL: the store's routes answer 503 */
    size_t max_body;             /* largest request body in bytes; 0: HS_SERVER_MAX_BODY */
    const hs_analyzer *analyzer; /* shared by every thread; borrowed, must outlive the server */
    int log;                     /* one line per request on stderr */
    int no_cache;                /* answer every store read afresh (no response cache) */
} hs_server_options;
#define HS_SERVER_MAX_BODY (5u << 20)
#define HS_SERVER_OPTIONS_INIT {HS_SERVER_OPTIONS_VERSION, NULL, 0, 0, NULL, NULL, 0, NULL, 0, 0}

/* Start listening (requests are served on the server's own threads). */
int hs_server_start(hs_server **out, const hs_server_options *opts);
/* The port the server listens on. */
unsigned hs_server_port(const hs_server *s);
/* The directory static files come from (NULL: none). */
const char *hs_server_web_dir(const hs_server *s);
/* Stop listening, finish the requests in flight, free everything. */
void hs_server_stop(hs_server *s);

/* ------------------------------------------------------------------ */
/* Tools behind `hearsay eval` and `hearsay train`: argv as on a command
 * line (argv[0] names the task), figures printed on `out`.  They return a
 * process exit status (0 success, 2 usage, others as documented). */
int hs_tool_eval(int argc, char **argv, FILE *out);
int hs_tool_train(int argc, char **argv, FILE *out);
/* `hearsay tag`: the tokens of articles with their POS and NER labels. */
int hs_tool_tag(int argc, char **argv, FILE *out);

/* ------------------------------------------------------------------ */
/* The store: a SQLite claim ledger across articles (src/store/).        *
 * One store handle belongs to one thread.  Query results are JSON owned *
 * by the store, valid until the next call on it.                         */

typedef struct hs_store hs_store;

enum {
    HS_STORE_READONLY = 1u << 0, /* open an existing store for queries only */
    HS_STORE_CREATE = 1u << 1    /* create the file when it does not exist */
};

/* Open (or create) the store at `path`: checks that it is a hearsay store of
 * a schema this build knows, and migrates older schemas.  A foreign or
 * corrupt file is refused with HS_ESTORE and a message naming it. */
int hs_store_open(hs_store **out, const char *path, unsigned flags);
/* Commit what is pending and close. */
int hs_store_close(hs_store *s);

/* Writes go in batches: every add between begin and commit is one
 * transaction.  Adding outside a batch commits each article on its own. */
int hs_store_begin(hs_store *s);
int hs_store_commit(hs_store *s);

/* Add an analysed document.  *added (may be NULL) is 1 when the article is
 * new, 0 when an article with the same id, URL or content hash is already
 * stored (nothing changes then). */
int hs_store_add_doc(hs_store *s, const hs_doc *d, int *added);
/* Add one hearsay/1 JSON object (a line of `analyze --jsonl`); `origin`
 * names it in messages ("file.jsonl:12"). */
int hs_store_add_json(hs_store *s, const char *json, size_t len, const char *origin, int *added);

/* Queries (JSON documented in docs/ledger.md).  NAME is matched after case,
 * accent and punctuation folding, then as a name variant. */
int hs_store_who(hs_store *s, const char *name, const char **json, size_t *len);
int hs_store_claims(hs_store *s, const char *name, const char *name2, size_t limit, const char **json,
                    size_t *len);
int hs_store_trace(hs_store *s, long long claim, const char **json, size_t *len);
int hs_store_sources(hs_store *s, const char *outlet, const char **json, size_t *len);
int hs_store_search(hs_store *s, const char *query, size_t limit, const char **json, size_t *len);
int hs_store_stats(hs_store *s, int check, const char **json, size_t *len);
/* The most discussed pairs: claims ordered by independent origins. */
int hs_store_top(hs_store *s, size_t limit, const char **json, size_t *len);

/* For browsing (the web UI): entities whose name has a word starting with
 * QUERY (after folding; "" lists the most mentioned), most articles first;
 * and one stored article by id with its layers in hearsay/1 shape (spans
 * located in the text again; docs/api.md). */
int hs_store_entities(hs_store *s, const char *query, size_t limit, const char **json, size_t *len);
int hs_store_article(hs_store *s, const char *id, const char **json, size_t *len);

/* Export the entity-claim graph: format "jsonl", "csv", "graphml" or "dot". */
int hs_store_export(hs_store *s, const char *format, FILE *out);

/* Make the name `alias` resolve to the entity called `name` (merging the
 * entity `alias` named before), or undo that (`hs_store_alias_remove`: the
 * articles that used `alias` get their own entity again). */
int hs_store_alias_add(hs_store *s, const char *alias, const char *name);
int hs_store_alias_remove(hs_store *s, const char *alias);

#ifdef __cplusplus
}
#endif
#endif
