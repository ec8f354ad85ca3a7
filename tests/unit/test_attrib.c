/* Unit tests for the attribution stage, on sentences written for them
 * (invented people and outlets), one construction per test. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer.h"
#include "attrib/attrib.h"
#include "doc.h"
#include "attribfix.h"


TEST(attrib_said_that_and_post_posed)
{
    hs_doc *d = af_run("Mayor Lena Ortiz said that the bridge would reopen in June.\n\n"
                    "The tunnel will stay closed until autumn, officials said.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "the bridge", "Mayor Lena Ortiz", HS_SK_PERSON, "said", "");
    if (a) {
        CHECK_SPAN(d, a->content, "that the bridge would reopen in June");
        CHECK_INT(a->kind, HS_AK_INDIRECT);
    }
    a = EXPECT(d, "tunnel", "officials", HS_SK_ANONYMOUS, "said", "");
    if (a)
        CHECK_SPAN(d, a->content, "The tunnel will stay closed until autumn");
}

TEST(attrib_according_to_and_per)
{
    hs_doc *d = af_run("According to the Harbor Gazette, the ferry company has been sold.\n\n"
                    "The singer wed in secret, according to E! News.\n\n"
                    "Per court papers, the couple separated in March.\n");
    CHECK(d);
    EXPECT(d, "ferry company", "the Harbor Gazette", HS_SK_OUTLET, "According to", "the Harbor Gazette");
    EXPECT(d, "wed in secret", "E! News", HS_SK_OUTLET, "according to", "E! News");
    EXPECT(d, "separated", "court papers", HS_SK_DOCUMENT, "Per", "");
}

TEST(attrib_told_addressee_and_quoted_as_saying)
{
    hs_doc *d = af_run("Ortiz told reporters in Fenwick that the budget was safe.\n\n"
                    "Coach Sam Berry is quoted as saying the team needs a new stadium.\n\n"
                    "Berry told a crowd in Millport he would not resign.\n");
    CHECK(d);
    EXPECT(d, "budget", "Ortiz", HS_SK_PERSON, "told", "");
    EXPECT(d, "new stadium", "Coach Sam Berry", HS_SK_PERSON, "is quoted as saying", "");
    const hs_attr *a = EXPECT(d, "resign", "Berry", HS_SK_PERSON, "told", "");
    if (a)
        CHECK_SPAN(d, a->content, "he would not resign");
}

TEST(attrib_outlet_speaks_for_itself)
{
    hs_doc *d = af_run("The Valley Herald has learned that the council will vote on Friday.\n\n"
                    "The Morning Ledger reports that the mayor is moving to Spain.\n");
    CHECK(d);
    /* the article's own outlet is not a via */
    EXPECT(d, "council", "The Valley Herald", HS_SK_OUTLET, "has learned", "");
    /* another outlet carrying the claim is its via */
    EXPECT(d, "moving to Spain", "The Morning Ledger", HS_SK_OUTLET, "reports", "The Morning Ledger");
}

TEST(attrib_dash_and_colon_speakers)
{
    hs_doc *d = af_run("“We are not done yet” — Commissioner Jane Roe\n\n"
                    "And from Chairwoman Dana Pike: “The budget is balanced.”\n\n"
                    "TOM VALE: We will win this seat back in November.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "not done yet", "Commissioner Jane Roe", HS_SK_PERSON, "—", "");
    if (a)
        CHECK_INT(a->kind, HS_AK_DIRECT);
    EXPECT(d, "budget is balanced", "Chairwoman Dana Pike", HS_SK_PERSON, ":", "");
    EXPECT(d, "win this seat", "TOM VALE", HS_SK_PERSON, ":", "");
}

TEST(attrib_gossip_source_tells_outlet_and_continuation)
{
    hs_doc *d = af_run("Mira Vance and Tobin Hale were seen in Lisbon, a source close to the couple tells Star Weekly.\n\n"
                    "“They could not keep their hands off each other,” the source explained. “Tobin was beaming.”\n\n"
                    "“He has never looked happier.”\n\n"
                    "A second source told Celebrity Wire the pair have split.\n");
    CHECK(d);
    EXPECT(d, "Lisbon", "a source close to the couple", HS_SK_ANONYMOUS, "tells", "Star Weekly");
    /* "the source" refers back to the source that spoke to Star Weekly */
    EXPECT(d, "hands off", "the source", HS_SK_ANONYMOUS, "explained", "Star Weekly");
    /* a second quotation in the paragraph, and the next quotation paragraph, keep the source */
    EXPECT(d, "Tobin was beaming", "the source", HS_SK_ANONYMOUS, "explained", "Star Weekly");
    const hs_attr *a = EXPECT(d, "never looked happier", "the source", HS_SK_ANONYMOUS, "", "Star Weekly");
    if (a)
        CHECK_INT(a->kind, HS_AK_DIRECT);
    /* "a second source" is a new one */
    EXPECT(d, "have split", "A second source", HS_SK_ANONYMOUS, "told", "Celebrity Wire");
}

TEST(attrib_never_the_person_a_quotation_mentions)
{
    hs_doc *d = af_run("“Tobin Hale is the sweetest man in Hollywood,” a pal told Daily Lantern Online.\n\n"
                    "“Mira Vance adores him,” said an onlooker.\n");
    CHECK(d);
    EXPECT(d, "sweetest man", "a pal", HS_SK_ANONYMOUS, "told", "Daily Lantern Online");
    EXPECT(d, "adores him", "an onlooker", HS_SK_ANONYMOUS, "said", "");
}

TEST(attrib_representative_pronoun_and_mixed)
{
    hs_doc *d = af_run("A spokesperson for the actor said the reports were false.\n\n"
                    "Hale's publicist told Us Weekly the couple is fine.\n\n"
                    "She told the Coastal Times in an interview that she “never talks about love.”\n");
    CHECK(d);
    EXPECT(d, "reports were false", "A spokesperson for the actor", HS_SK_REPRESENTATIVE, "said", "");
    EXPECT(d, "couple is fine", "Hale's publicist", HS_SK_REPRESENTATIVE, "told", "Us Weekly");
    const hs_attr *a = EXPECT(d, "never talks", "She", HS_SK_PERSON, "told", "the Coastal Times");
    if (a) {
        CHECK_INT(a->kind, HS_AK_MIXED);
        /* the source is the pronoun's entity, whatever the link layer made of it */
        int32_t she = -2;
        for (size_t i = 0; i < d->mentions.n; i++)
            if (d->mentions.v[i].span.start == a->source.start && d->mentions.v[i].kind == HS_MK_PRONOUN)
                she = d->mentions.v[i].entity;
        CHECK_INT(a->source_entity, she);
    }
}

TEST(attrib_participle_shares_the_subject)
{
    hs_doc *d = af_run("Senator Ruth Calloway said the bill would pass, adding that the vote “is a formality.”\n");
    CHECK(d);
    EXPECT(d, "bill would pass", "Senator Ruth Calloway", HS_SK_PERSON, "said", "");
    EXPECT(d, "formality", "Senator Ruth Calloway", HS_SK_PERSON, "adding", "");
}

static int has_hedge(const hs_doc *d, const char *text, int kind)
{
    for (size_t i = 0; i < d->hedges.n; i++)
        if (af_span_is(d, d->hedges.v[i].span, text) && d->hedges.v[i].kind == kind)
            return 1;
    return 0;
}

TEST(attrib_hedges_and_hedged)
{
    hs_doc *d = af_run("Vance reportedly wants to hold a quiet wedding. Hale is said to be furious. Rumours linked "
                    "him to a model in May. The pair may marry, but Hale's rep shot down the claims. "
                    "A source told Star Weekly the story was not true.\n");
    CHECK(d);
    if (!d)
        return;
    CHECK(has_hedge(d, "reportedly", HS_HK_REPORTIVE));
    CHECK(has_hedge(d, "is said to", HS_HK_REPORTIVE));
    CHECK(has_hedge(d, "Rumours", HS_HK_RUMOUR));
    CHECK(has_hedge(d, "linked", HS_HK_RUMOUR));
    CHECK(has_hedge(d, "may", HS_HK_EPISTEMIC));
    CHECK(!has_hedge(d, "May", HS_HK_EPISTEMIC)); /* the month */
    CHECK(has_hedge(d, "shot down", HS_HK_DENIAL));
    CHECK(has_hedge(d, "not true", HS_HK_DENIAL));
    const hs_attr *a = af_find(d, "quiet wedding");
    CHECK(a && a->hedged);
    a = af_find(d, "the story");
    CHECK(a && a->hedged);
}

TEST(attrib_unhedged_and_nouns_are_not_cues)
{
    hs_doc *d = af_run("Ortiz said the library opens on Monday. His claims about the budget drew 300 "
                    "comments, and the 2024 reports were long.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "library");
    CHECK(a && !a->hedged);
    CHECK(d && d->attrs.n == 1);
}

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
}

TEST(attrib_tables_errors_name_file_and_line)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/hs_test_%ld_tables", (long)getpid());
    char cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp data/attrib/*.txt %s/ 2>/dev/null || cp ../data/attrib/*.txt %s/",
             dir, dir, dir);
    CHECK_INT(system(cmd), 0);
    struct hs_tables *t = NULL;
    CHECK_INT(hs_tables_load(&t, dir), 0);
    CHECK(hs_tables_size(t) > 300);
    const hs_tb_entry *e = hs_tables_get(t, "According   TO", 14);
    CHECK(e && (e->cls & HS_TB_CUE_PREP));
    e = hs_tables_get(t, "claimed", 7);
    CHECK(e && (e->cls & HS_TB_CUE_VERB) && (e->cls & HS_TB_HEDGE));
    hs_tables_free(t);

    char path[256];
    snprintf(path, sizeof path, "%s/hedges.txt", dir);
    write_file(path, "# hedges\nreportive reportedly\nsure certainly\n");
    CHECK(hs_tables_load(&t, dir) == HS_EINPUT);
    CHECK(strstr(hs_error_last(), "hedges.txt:3: unknown hedge kind 'sure'") != NULL);
    snprintf(path, sizeof path, "%s/cues.txt", dir);
    write_file(path, "verb say said\nadverb quickly\n");
    CHECK(hs_tables_load(&t, dir) == HS_EINPUT);
    CHECK(strstr(hs_error_last(), "cues.txt:2: unknown cue kind 'adverb'") != NULL);
    unlink(path);
    CHECK(hs_tables_load(&t, dir) == HS_EIO);
    CHECK(strstr(hs_error_last(), "cues.txt") != NULL);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
}

TEST(attrib_via_links_the_outlet_entity)
{
    /* "X told OUTLET that …": the outlet named after the cue is the via, linked to its entity */
    hs_doc *d = af_run("Lena Brook and Oskar Vail have been dating for months, a friend of the pair told "
                    "Glimmer Magazine.\n");
    CHECK(d);
    if (!d)
        return;
    const hs_attr *a = af_find(d, "dating for months");
    CHECK(a != NULL);
    if (a && d->entities.n) {
        CHECK(a->via.end > a->via.start);
        CHECK(a->via_entity >= 0);
        if (a->via_entity >= 0)
            CHECK_STR(d->entities.v[a->via_entity].name, "Glimmer Magazine");
    }
}

TEST(attrib_via_from_the_tag_layers_outlets)
{
    /* "?Us" is in data/outlets.txt only (the tag layer's list): "told Us" still gives the via */
    hs_doc *d = af_run("Mara Quell is moving to Lisbon, a source told Us on Monday.\n");
    CHECK(d);
    if (!d)
        return;
    const hs_attr *a = af_find(d, "moving to Lisbon");
    CHECK(a != NULL);
    if (a)
        CHECK(af_span_is(d, a->via, "Us"));
}

TEST(attrib_document_shows_its_object)
{
    /* news: a poll or court papers say what they show, whatever the tagger
     * makes of "shows"; gossip: a video shows what it shows */
    hs_doc *d = af_run("The latest Valley Herald poll shows Mayor Lena Ortiz ahead by nine points.\n\n"
                    "Court papers filed on Friday show that the contractor may seek damages.\n\n"
                    "A video from the party showed the singer leaving the club at dawn.\n\n"
                    "The show ended early.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "Ortiz ahead");
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->source_kind, HS_SK_DOCUMENT);
        CHECK_SPAN(d, a->cue, "shows");
        CHECK_SPAN(d, a->content, "Mayor Lena Ortiz ahead by nine points");
    }
    a = af_find(d, "the contractor may seek damages");
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->source_kind, HS_SK_DOCUMENT);
        CHECK_SPAN(d, a->cue, "show");
    }
    a = af_find(d, "leaving the club");
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->source_kind, HS_SK_DOCUMENT);
        CHECK_SPAN(d, a->content, "the singer leaving the club at dawn");
    }
    CHECK(af_find(d, "ended early") == NULL); /* "The show" is a noun */
}

TEST(attrib_in_a_poll)
{
    /* "In the poll, …" opens the clause; "… in a particular poll." closes it;
     * "in the polls" after a noun is no cue, nor "in a survey" beside a verb cue */
    hs_doc *d = af_run("In the new Harbor Gazette poll, 41 percent of voters back Ravi Patel.\n\n"
                    "Dana Pike leads the field by six points in the Millport College survey.\n\n"
                    "Patel has a wide lead in the polls and a busy week ahead.\n\n"
                    "In a recent survey, two economists found that rents had doubled.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "41 percent");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "In");
        CHECK_SPAN(d, a->source, "the new Harbor Gazette poll");
        CHECK_SPAN(d, a->content, "41 percent of voters back Ravi Patel");
    }
    a = af_find(d, "leads the field");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "in");
        CHECK_SPAN(d, a->content, "Dana Pike leads the field by six points");
    }
    CHECK(af_find(d, "wide lead") == NULL);
    a = af_find(d, "rents had doubled");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "found");
}

TEST(attrib_asked_about)
{
    /* news: the question a clause-opening "Asked" reports, and the asker in a
     * "by" phrase; gossip: "When asked about …" */
    hs_doc *d = af_run("Asked about the harbor bridge, Mayor Lena Ortiz said the vote would wait.\n\n"
                    "Asked by reporters whether she would run again, Ortiz smiled.\n\n"
                    "When asked about her wedding plans, the singer laughed, a source told Glimmer Magazine.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "harbor bridge");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "Asked about");
        CHECK_SPAN(d, a->content, "the harbor bridge");
        CHECK(!a->has_source);
    }
    EXPECT(d, "the vote would wait", "Mayor Lena Ortiz", HS_SK_PERSON, "said", "");
    a = af_find(d, "run again");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "whether she would run again");
        CHECK_SPAN(d, a->source, "reporters");
    }
    a = af_find(d, "wedding plans");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->content, "her wedding plans");
}

TEST(attrib_numbers_tags_and_coordinated_cues)
{
    /* a poll's share as the subject ("four in 10 said"); a name the POS tagger
     * calls a verb (its PTB tag a proper noun) still speaks; a cue after
     * "and then" keeps the clause's subject */
    hs_doc *d = af_run("About four in 10 said they were angry with the council.\n\n"
                    "Cook said Mayor Ortiz had stopped the practice.\n\n"
                    "The judge rubbed his chin, and then said the case was closed.\n\n"
                    "The singer waved at fans and later told Glimmer Magazine she was moving to Lisbon.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "angry with the council");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "they were angry with the council");
        CHECK(a->has_source);
    }
    a = af_find(d, "stopped the practice");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->source, "Cook");
    EXPECT(d, "the case was closed", "The judge", HS_SK_UNKNOWN, "said", "");
    EXPECT(d, "moving to Lisbon", "The singer", HS_SK_UNKNOWN, "told", "Glimmer Magazine");
}

TEST(attrib_fronted_clause_ends_at_its_comma)
{
    /* a cue inside a subordinate clause that opens the sentence reports only
     * that clause, not the main clause after its comma (news and gossip) */
    hs_doc *d = af_run("Although Ortiz criticized the bridge plan, the council approved it on Tuesday.\n\n"
                    "While the actress denied the rumours, the couple were seen together at dinner.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "the bridge plan");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->content, "the bridge plan");
    a = af_find(d, "the rumours");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->content, "the rumours");
}

TEST(attrib_markup_words_are_not_cues)
{
    /* tags left in a text ("<tweet tweet-id=…>") hold no cue; the words
     * between the tags still may */
    hs_doc *d = af_run("Mayor Ortiz posted a message on Tuesday.\n\n"
                    "<tweet tweet-id=\"1234567\"><tweet/>.\n\n"
                    "<tweet tweet-author=\"@glimmerfan\">The singer said she loves Lisbon</tweet>.\n");
    CHECK(d);
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        CHECK(!af_span_is(d, a->cue, "tweet"));
    }
    CHECK(af_find(d, "she loves Lisbon") != NULL);
}

TEST(attrib_raising_verbs_name_no_source)
{
    /* news and gossip: the subject of "seemed to", "is expected to", "is known
     * as" belongs to the content and nobody is its source */
    hs_doc *d = af_run("The harbor council is expected to vote on the bridge in May.\n\n"
                    "The singer seemed to confirm the romance on Friday.\n\n"
                    "It appears that the tunnel will stay closed until June.\n\n"
                    "Ortiz appeared on the morning show.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "vote on the bridge");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "The harbor council is expected to vote on the bridge in May");
        CHECK_SPAN(d, a->cue, "is expected");
        CHECK(!a->has_source);
    }
    a = af_find(d, "confirm the romance");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "The singer seemed to confirm the romance on Friday");
        CHECK(!a->has_source);
        CHECK(a->hedged);
    }
    a = af_find(d, "tunnel will stay closed");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "that the tunnel will stay closed until June");
        CHECK(!a->has_source);
    }
    CHECK(af_find(d, "morning show") == NULL); /* "appeared on": not a raising use */
    d = af_run("As soon as the singer walked off stage, two security guards appeared on stage.\n");
    CHECK(d);
    CHECK(af_find(d, "walked off stage") == NULL); /* a raising verb takes no post-posed content */
}

TEST(attrib_title_case_headlines)
{
    /* a headline in title case (even with a full stop) holds cues, whatever
     * the tagger makes of a capitalised verb ("Denies" as a name); a
     * capitalised "Says" in running text is a name */
    hs_doc *d = af_run("Mayor Ortiz Says Harbor Bridge Will Reopen In June.\n\n"
                    "Pop Star Lina Vega Denies She Dated The Drummer.\n\n"
                    "The band Simon Says played in Millport on Friday.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "Harbor Bridge Will Reopen");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "Says");
        CHECK_SPAN(d, a->source, "Mayor Ortiz");
    }
    a = af_find(d, "Dated The Drummer");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "Denies");
    CHECK(af_find(d, "played in Millport") == NULL);
}

TEST(attrib_continuation_follows_the_quotation_speaker)
{
    /* a second quotation in the paragraph goes on with the speaker of the
     * first, not with the participle clause between them */
    hs_doc *d = af_run("“We need the bridge,” said Mayor Ortiz, referring to the harbor plan. “The ferries are full.”\n\n"
                    "“She is happy,” a friend told Glimmer Magazine, adding that the couple had moved. “They love Lisbon.”\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "The ferries are full");
    const hs_attr *first = af_find(d, "We need the bridge");
    CHECK(a != NULL && first != NULL);
    if (a && first) {
        CHECK_SPAN(d, a->cue, "said");
        CHECK(a->cue.start == first->cue.start);
    }
    a = af_find(d, "They love Lisbon");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "told");
        CHECK_SPAN(d, a->source, "a friend");
    }
}

TEST(attrib_nominal_cue_after_a_possessor)
{
    /* "X's claim that …" opening its clause: X is the source, the that-clause
     * the content; after a verb the verb's frame decides */
    hs_doc *d = af_run("Ortiz's claim that the bridge was safe, however, was disputed by engineers.\n\n"
                    "The singer's denial that she had married the drummer, however, convinced few fans.\n\n"
                    "His pledge to rebuild the harbor, though, came late.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "the bridge was safe");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "claim");
        CHECK_SPAN(d, a->source, "Ortiz");
        CHECK_SPAN(d, a->content, "that the bridge was safe");
    }
    a = af_find(d, "married the drummer");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "denial");
        CHECK_SPAN(d, a->source, "The singer");
    }
    a = af_find(d, "rebuild the harbor");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->source, "His");
        CHECK_SPAN(d, a->content, "to rebuild the harbor");
    }
}

/* The longest phrase by brute force: every span [i, j) looked up whole. */
static uint32_t match_slow(const struct hs_tables *t, const hs_doc *d, uint32_t i, uint32_t lim, unsigned cls)
{
    uint32_t best = 0;
    for (uint32_t j = i + 1; j <= lim && j <= d->toks.n; j++) {
        const hs_tok *a = &d->toks.v[i], *b = &d->toks.v[j - 1];
        const hs_tb_entry *e = hs_tables_get(t, d->text + a->start, b->end - a->start);
        if (e && (e->cls & cls))
            best = j - i;
    }
    return best;
}

/* hs_tables_match (its first-word memo, its prefix filter, its growing key
 * and hash) finds what looking up every span finds, phrases cut mid-word by
 * the tokenizer included ("Q.R.", "E!"). */
TEST(attrib_tables_match_as_brute_force)
{
    char dir[128], cmd[512], path[256];
    snprintf(dir, sizeof dir, "/tmp/hs_test_%ld_match", (long)getpid());
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp data/attrib/*.txt %s/ 2>/dev/null || cp ../data/attrib/*.txt %s/",
             dir, dir, dir);
    CHECK_INT(system(cmd), 0);
    snprintf(path, sizeof path, "%s/outlets.txt", dir);
    FILE *f = fopen(path, "a");
    CHECK(f != NULL);
    if (f) {
        fputs("\nQ.R. Daily Ledger\nE! Pulse Weekly\nThe Quayside Bugle\nQuayside Bugle Online Extra\n", f);
        fclose(f);
    }
    struct hs_tables *t = NULL;
    CHECK_INT(hs_tables_load(&t, dir), 0);
    hs_doc *d = af_run("Q.R. Daily Ledger said so, according to a source. E! Pulse Weekly and The Quayside "
                       "Bugle agreed; the Quayside Bugle Online said it was reportedly not true, told The "
                       "Quayside Bugle Online Extra.\n");
    CHECK(t && d);
    if (t && d) {
        uint8_t *memo = calloc(d->toks.n, 1);
        static const unsigned classes[] = {HS_TB_OUTLET, HS_TB_CUE_VERB | HS_TB_CUE_PREP, HS_TB_HEDGE, ~0u};
        int found = 0;
        for (int pass = 0; pass < 2; pass++) /* without and with the memo (filled by the first round) */
            for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++)
                for (uint32_t i = 0; i < d->toks.n; i++)
                    for (uint32_t lim = i + 1; lim <= d->toks.n && lim <= i + 8; lim++) {
                        hs_tb_entry e;
                        uint32_t fast = hs_tables_match(t, pass ? memo : NULL, d, i, lim, classes[c], &e);
                        uint32_t slow = match_slow(t, d, i, lim, classes[c]);
                        if (fast != slow)
                            hs_test_fail(__FILE__, __LINE__, "token %u, limit %u, classes %#x: %u, expected %u",
                                         i, lim, classes[c], fast, slow);
                        found += classes[c] == HS_TB_OUTLET && slow >= 3;
                    }
        CHECK(found >= 4); /* the multi-token outlets were there to find */
        free(memo);
    }
    hs_tables_free(t);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
}
