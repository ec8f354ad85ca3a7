/* Export of the entity-claim graph for other tools:
 *   jsonl    one object a line: {"kind":"entity",...} then {"kind":"claim",...}
 *   csv      one claim a row (pandas, spreadsheets)
 *   graphml  entities as nodes, claims as edges (Gephi, yEd, networkx)
 *   dot      the same for Graphviz
 * Nodes are the entities that take part in claims (jsonl lists every entity). */
#include "out/jw.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

enum { FMT_JSONL, FMT_CSV, FMT_GRAPHML, FMT_DOT };

static const char entity_sql[] =
    "SELECT e.id, e.name, e.type FROM entity e WHERE EXISTS (SELECT 1 FROM ae WHERE ae.entity = e.id)"
    " AND (?1 = 0 OR EXISTS (SELECT 1 FROM claim c WHERE c.subj = e.id OR c.obj = e.id)) ORDER BY e.id";
static const char claim_sql[] =
    "SELECT c.id, c.type, c.subj, es.name, c.obj, eo.name, c.summary, c.support, c.deny, c.n FROM claim c"
    " JOIN entity es ON es.id = c.subj JOIN entity eo ON eo.id = c.obj ORDER BY c.id";

static void csv_field(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Escape for XML text and attributes, or for a DOT string. */
static void esc(FILE *f, const char *s, int dot)
{
    for (; s && *s; s++) {
        if (dot && (*s == '"' || *s == '\\'))
            fprintf(f, "\\%c", *s);
        else if (dot && (*s == '\n' || *s == '\r'))
            fputc(' ', f);
        else if (!dot && *s == '&')
            fputs("&amp;", f);
        else if (!dot && *s == '<')
            fputs("&lt;", f);
        else if (!dot && *s == '>')
            fputs("&gt;", f);
        else if (!dot && *s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}

#define COL(st, i) ((const char *)sqlite3_column_text(st, i))

static void write_entity(FILE *f, int fmt, sqlite3_stmt *st, hs_buf *b)
{
    long long id = sqlite3_column_int64(st, 0);
    if (fmt == FMT_JSONL) {
        hs_jw w;
        hs_buf_clear(b);
        hs_jw_init(&w, b, 0);
        hs_jw_obj(&w);
        hs_jw_key(&w, "kind");
        hs_jw_str(&w, "entity");
        hs_jw_key(&w, "id");
        hs_jw_int(&w, id);
        hs_jw_key(&w, "name");
        hs_jw_str(&w, COL(st, 1));
        hs_jw_key(&w, "type");
        hs_jw_str(&w, COL(st, 2));
        hs_jw_obj_end(&w);
        fprintf(f, "%s\n", b->data ? b->data : "");
    } else if (fmt == FMT_GRAPHML) {
        fprintf(f, "    <node id=\"e%lld\"><data key=\"name\">", id);
        esc(f, COL(st, 1), 0);
        fprintf(f, "</data><data key=\"type\">%s</data></node>\n", COL(st, 2));
    } else if (fmt == FMT_DOT) {
        fprintf(f, "  e%lld [label=\"", id);
        esc(f, COL(st, 1), 1);
        fprintf(f, "\", type=\"%s\"];\n", COL(st, 2));
    }
}

static void write_claim(FILE *f, int fmt, sqlite3_stmt *st, hs_buf *b)
{
    long long id = sqlite3_column_int64(st, 0), subj = sqlite3_column_int64(st, 2), obj = sqlite3_column_int64(st, 4);
    long long sup = sqlite3_column_int64(st, 7), deny = sqlite3_column_int64(st, 8), n = sqlite3_column_int64(st, 9);
    const char *type = COL(st, 1), *summary = COL(st, 6);
    if (fmt == FMT_JSONL) {
        hs_jw w;
        hs_buf_clear(b);
        hs_jw_init(&w, b, 0);
        hs_jw_obj(&w);
        hs_jw_key(&w, "kind");
        hs_jw_str(&w, "claim");
        hs_jw_key(&w, "id");
        hs_jw_int(&w, id);
        hs_jw_key(&w, "type");
        hs_jw_str(&w, type);
        hs_jw_key(&w, "subject");
        hs_jw_int(&w, subj);
        hs_jw_key(&w, "object");
        hs_jw_int(&w, obj);
        hs_jw_key(&w, "summary");
        hs_jw_str(&w, summary);
        hs_jw_key(&w, "support");
        hs_jw_int(&w, sup);
        hs_jw_key(&w, "deny");
        hs_jw_int(&w, deny);
        hs_jw_key(&w, "evidence");
        hs_jw_int(&w, n);
        hs_jw_obj_end(&w);
        fprintf(f, "%s\n", b->data ? b->data : "");
    } else if (fmt == FMT_CSV) {
        fprintf(f, "%lld,%s,%lld,", id, type, subj);
        csv_field(f, COL(st, 3));
        fprintf(f, ",%lld,", obj);
        csv_field(f, COL(st, 5));
        fprintf(f, ",%s,%lld,%lld,%lld\n", summary ? summary : "", sup, deny, n);
    } else if (fmt == FMT_GRAPHML) {
        fprintf(f,
                "    <edge id=\"c%lld\" source=\"e%lld\" target=\"e%lld\"><data key=\"rel\">%s</data>"
                "<data key=\"summary\">%s</data><data key=\"support\">%lld</data><data key=\"deny\">%lld</data>"
                "</edge>\n",
                id, subj, obj, type, summary ? summary : "", sup, deny);
    } else {
        fprintf(f, "  e%lld -- e%lld [label=\"%s (%s, %lld/%lld)\", claim=%lld];\n", subj, obj, type,
                summary ? summary : "", sup, deny, id);
    }
}

static const char graphml_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"rel\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"summary\" for=\"edge\" attr.name=\"summary\" attr.type=\"string\"/>\n"
    "  <key id=\"support\" for=\"edge\" attr.name=\"support\" attr.type=\"int\"/>\n"
    "  <key id=\"deny\" for=\"edge\" attr.name=\"deny\" attr.type=\"int\"/>\n"
    "  <graph id=\"hearsay\" edgedefault=\"undirected\">\n";

int hs_store_export(hs_store *s, const char *format, FILE *out)
{
    if (!s || !format || !out)
        return hs_error_set(HS_EINVAL, "hs_store_export: NULL argument");
    static const char *const names[] = {"jsonl", "csv", "graphml", "dot"};
    int fmt = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(format, names[i]) == 0)
            fmt = i;
    if (fmt < 0)
        return hs_error_set(HS_EINVAL, "unknown export format '%s' (jsonl, csv, graphml or dot)", format);
    sqlite3_stmt *en = hs_store_prepare(s, entity_sql);
    sqlite3_stmt *cl = en ? hs_store_prepare(s, claim_sql) : NULL;
    if (!cl) {
        sqlite3_finalize(en);
        return HS_ESTORE;
    }
    hs_buf b = HS_BUF_INIT;
    if (fmt == FMT_CSV)
        fputs("claim,type,subject_id,subject,object_id,object,summary,support,deny,evidence\n", out);
    else if (fmt == FMT_GRAPHML)
        fputs(graphml_head, out);
    else if (fmt == FMT_DOT)
        fputs("graph hearsay {\n  node [shape=box];\n", out);
    int r = SQLITE_DONE;
    if (fmt != FMT_CSV) {
        sqlite3_bind_int(en, 1, fmt != FMT_JSONL);
        while ((r = sqlite3_step(en)) == SQLITE_ROW)
            write_entity(out, fmt, en, &b);
    }
    if (r == SQLITE_DONE)
        while ((r = sqlite3_step(cl)) == SQLITE_ROW)
            write_claim(out, fmt, cl, &b);
    if (fmt == FMT_GRAPHML)
        fputs("  </graph>\n</graphml>\n", out);
    else if (fmt == FMT_DOT)
        fputs("}\n", out);
    int rc = r == SQLITE_DONE ? 0 : hs_store_fail(s, "exporting");
    sqlite3_finalize(en);
    sqlite3_finalize(cl);
    hs_buf_free(&b);
    if (!rc && ferror(out))
        rc = hs_error_set(HS_EIO, "cannot write the export");
    return rc;
}
