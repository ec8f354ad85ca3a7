/* Unit tests for the relate layer: each pattern of issue 5 on sentences
 * written for these tests, statuses (denial, hedges, confirmation), the
 * attribution link, and the table parser's errors. */
#include "harness.h"
#include "linkfix.h"
#include "relate/relate.h"

#include <stdlib.h>
#include <string.h>

#define REL(text, type, a, b) (lf_run(text) ? lf_rel(lf_run(text), type, a, b, NULL) : -2)

TEST(relate_rumours_of_a_romance_between)
{
    CHECK_INT(REL("There are rumours of a romance between Kara Voss and Milo Brandt.", "romance", "Kara Voss",
                  "Milo Brandt"), HS_ST_RUMORED);
}

TEST(relate_spotted_dining_together)
{
    CHECK_INT(REL("Kara Voss and Milo Brandt were spotted dining together in Soho.", "meeting", "Kara Voss",
                  "Milo Brandt"), HS_ST_ASSERTED);
}

TEST(relate_exes_list)
{
    hs_doc *d = lf_run("Jasper Quint is drawn to her, like Jasper’s exes Rhea Moll, Tess Arden and Ona Vale.");
    CHECK_INT(lf_rel(d, "former_partner", "Jasper Quint", "Rhea Moll", NULL), HS_ST_ASSERTED);
    CHECK_INT(lf_rel(d, "former_partner", "Jasper Quint", "Tess Arden", NULL), HS_ST_ASSERTED);
    CHECK_INT(lf_rel(d, "former_partner", "Jasper Quint", "Ona Vale", NULL), HS_ST_ASSERTED);
}

TEST(relate_stepson_of)
{
    CHECK_INT(REL("Pavel Orlan, the stepson of Chilean Senator Luisa Bent, was in court.", "family", "Pavel Orlan",
                  "Luisa Bent"), HS_ST_ASSERTED);
}

TEST(relate_is_dating)
{
    CHECK_INT(REL("Kara Voss is dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_ASSERTED);
}

TEST(relate_split_from)
{
    CHECK_INT(REL("Kara Voss split from Milo Brandt in May.", "former_partner", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
}

TEST(relate_denied_dating)
{
    CHECK_INT(REL("Kara Voss denied dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_DENIED);
}

TEST(relate_negation_is_a_denial)
{
    CHECK_INT(REL("Kara Voss is not dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_DENIED);
}

TEST(relate_married_to_and_have_been_married)
{
    CHECK_INT(REL("Ruta Vell has been married to Ivo Brandt since 2001.", "spouse", "Ruta Vell", "Ivo Brandt"),
              HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss and Milo Brandt have been married since 1997.", "spouse", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
    hs_doc *d = lf_run("Kara Voss and Milo Brandt met in 2010. They got married in Lisbon.");
    CHECK_INT(lf_rel(d, "spouse", "Kara Voss", "Milo Brandt", NULL), HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss is not married to Milo Brandt.", "spouse", "Kara Voss", "Milo Brandt"), HS_ST_DENIED);
}

TEST(relate_her_children_named)
{
    hs_doc *d = lf_run("Kara Voss brought her twins Lena Brandt and Ada Brandt to the gala.");
    CHECK_INT(lf_rel(d, "family", "Kara Voss", "Lena Brandt", NULL), HS_ST_ASSERTED);
    CHECK_INT(lf_rel(d, "family", "Kara Voss", "Ada Brandt", NULL), HS_ST_ASSERTED);
}

TEST(relate_yes_no_question_is_a_rumour)
{
    CHECK_INT(REL("Is Kara Voss dating Milo Brandt?", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
    CHECK_INT(REL("Kara Voss Dating Milo Brandt?", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
    CHECK_INT(REL("“Is Kara Voss dating Milo Brandt?”", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
    /* a wh-question takes the claim for granted; a statement stays asserted */
    CHECK_INT(REL("Why is Kara Voss dating Milo Brandt?", "romance", "Kara Voss", "Milo Brandt"), HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss is dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_ASSERTED);
}

TEST(relate_was_linked_to)
{
    /* the attrib layer's hedge table calls "linked" a rumour word: the status follows it */
    CHECK_INT(REL("Kara Voss was linked to Milo Brandt last year.", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_RUMORED);
    CHECK_INT(REL("Reports linked Kara Voss to Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
}

TEST(relate_wants_to_work_with)
{
    CHECK_INT(REL("Kara Voss wants to work with Milo Brandt.", "collaboration", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
}

TEST(relate_starred_with_in)
{
    CHECK_INT(REL("Kara Voss starred with Milo Brandt in Night Harbor.", "collaboration", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
}

TEST(relate_pronoun_slots)
{
    hs_doc *d = lf_run("Kara Voss met Milo Brandt at a party. Since then he has been dating her.");
    CHECK_INT(lf_rel(d, "romance", "Milo Brandt", "Kara Voss", NULL), HS_ST_ASSERTED);
}

TEST(relate_hedges)
{
    CHECK_INT(REL("Kara Voss is reportedly dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_REPORTED);
    CHECK_INT(REL("Kara Voss may be dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
    CHECK_INT(REL("Kara Voss is allegedly dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_RUMORED);
}

TEST(relate_confirmed)
{
    CHECK_INT(REL("Kara Voss confirmed she is dating Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_CONFIRMED);
}

TEST(relate_inside_a_quotation)
{
    /* an anonymous source: rumored */
    hs_doc *d = lf_run("The rumour mill is busy. “Kara Voss is dating Milo Brandt,” a friend said.");
    int attr = -5;
    CHECK_INT(lf_rel(d, "romance", "Kara Voss", "Milo Brandt", &attr), HS_ST_RUMORED);
    CHECK(d && attr >= 0 && (size_t)attr < d->attrs.n);
    /* a named source: reported */
    d = lf_run("Lunch was quiet. “Kara Voss is dating Milo Brandt,” the singer Tess Amble told Glimmer.");
    attr = -5;
    CHECK_INT(lf_rel(d, "romance", "Kara Voss", "Milo Brandt", &attr), HS_ST_REPORTED);
    CHECK(d && attr >= 0 && (size_t)attr < d->attrs.n);
}

TEST(relate_no_relation_without_a_pattern)
{
    hs_doc *d = lf_run("Kara Voss thanked Milo Brandt for the flowers.");
    CHECK(d != NULL);
    CHECK_INT(d ? d->rels.n : 1, 0);
}

TEST(relate_table_errors_name_the_line)
{
    hs_relate_tables *t = NULL;
    const char *bad_type = "# c\nrel\tfriendship\tA and B\n";
    CHECK_INT(hs_relate_tables_parse(&t, bad_type, strlen(bad_type), "rel.tsv"), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "rel.tsv:2") != NULL);
    const char *no_b = "rel\tromance\tA dating\n";
    CHECK_INT(hs_relate_tables_parse(&t, no_b, strlen(no_b), "rel.tsv"), HS_EINPUT);
    CHECK(strstr(hs_error_last(), "rel.tsv:1") != NULL);
    const char *bad_status = "status\tmaybe\tsentence\tperhaps\n";
    CHECK_INT(hs_relate_tables_parse(&t, bad_status, strlen(bad_status), "rel.tsv"), HS_EINPUT);
    const char *good = "rel\tromance\tA ... dating B\nstatus\tdenied\tspan\tnot|never\n";
    CHECK_INT(hs_relate_tables_parse(&t, good, strlen(good), "rel.tsv"), 0);
    CHECK(t != NULL && t->n == 3);
    CHECK(t && hs_alt_match(t->pats[0].el[2].alts, "dating"));
    hs_relate_tables_free(t);
}

TEST(relate_couple_referred_to_as_they_or_the_couple)
{
    hs_doc *d = lf_run("Kara Voss and Milo Brandt met at a gala. Weeks later the couple were spotted dining in Rome.");
    CHECK_INT(lf_rel(d, "meeting", "Kara Voss", "Milo Brandt", NULL), HS_ST_ASSERTED);
    d = lf_run("Kara Voss and Milo Brandt wed in 2019. In 2023 they split after four years.");
    CHECK_INT(lf_rel(d, "former_partner", "Kara Voss", "Milo Brandt", NULL), HS_ST_ASSERTED);
    /* no couple named before: "they" stands for nobody */
    d = lf_run("Kara Voss spoke. They were spotted dining with Milo Brandt.");
    CHECK_INT(lf_rel(d, "meeting", "Kara Voss", "Milo Brandt", NULL), -1);
}

/* A false title: a common noun (with its modifiers) before a name is not a
 * person of its own ("actor Milo Brandt", "footballer Milo Brandt"). */
TEST(relate_false_title_before_a_name)
{
    CHECK_INT(REL("Kara Voss and actor Milo Brandt were seen at a gala in Oslo.", "meeting", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss is engaged to footballer Milo Brandt.", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss clashed with producer Milo Brandt on set.", "conflict", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
    /* a noun followed by a comma is not a title of the next name */
    CHECK_INT(REL("Kara Voss dined with reporters, Milo Brandt said.", "meeting", "Kara Voss", "Milo Brandt"), -1);
}

/* "her Night Harbor co-star Milo Brandt": a possessive, modifiers and a role
 * noun before a name; the name is the one dated, not her. */
TEST(relate_possessive_role_with_modifiers)
{
    CHECK_INT(REL("A representative for Kara Voss denied that the singer is dating her Night Harbor co-star Milo Brandt.",
                  "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_DENIED);
}

TEST(relate_engagement)
{
    CHECK_INT(REL("Kara Voss confirms engagement to Milo Brandt", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_CONFIRMED);
    CHECK_INT(REL("Kara Voss and Milo Brandt are engaged.", "romance", "Kara Voss", "Milo Brandt"), HS_ST_ASSERTED);
    CHECK_INT(REL("Kara Voss and Milo Brandt got engaged in Rome.", "romance", "Kara Voss", "Milo Brandt"),
              HS_ST_ASSERTED);
}

/* "pushing back on reports that …" denies what the reports say. */
TEST(relate_push_back_is_a_denial)
{
    CHECK_INT(REL("Kara Voss's team is pushing back on reports that she is dating Milo Brandt.", "romance", "Kara Voss",
                  "Milo Brandt"),
              HS_ST_DENIED);
}
