/* Unit tests for the link layer's person guard (src/link/guard.c): names a
 * tagger typed ORG, PLACE or MISC that the document shows to be people.  The
 * labels are what a tagger might say; every sentence was written for these
 * tests (invented people, places and outlets). */
#include "harness.h"
#include "linkfix.h"
#include "link/link.h"

/* Type of the entity of the first mention spelled s (-1 when there is none). */
static int type_of(const hs_doc *d, const char *s)
{
    int e = lf_ent(d, s, 0);
    return e >= 0 ? d->entities.v[e].type : -1;
}

/* Analyse text, label its first name `first` (two words) as the tagger's
 * type t, and give the type of the entity the name ends up in (-1: none;
 * -2: the analysis failed). */
static int retyped(const char *text, const char *first, int t, const char *name)
{
    hs_doc *d = lf_run(text);
    const lf_label labels[] = {{first, 2, t}};
    if (!d || LF_RELINK(d, labels))
        return -2;
    return type_of(d, name);
}

TEST(guard_who_after_a_name)
{
    CHECK_INT(retyped("Tamsin Okoro, who runs the bakery, opened a second shop on Friday.", "Tamsin", HS_ET_ORG,
                      "Tamsin Okoro"),
              HS_ET_PERSON);
    /* after a preposition, "who" is the person before it */
    CHECK_INT(retyped("A member of the Quill Caucus who sat on the panel spoke.", "Quill", HS_ET_ORG, "Quill Caucus"),
              HS_ET_ORG);
    /* "which" is what an organisation takes: the tagger's type stands */
    CHECK_INT(retyped("Brisa Lomax, which makes the sails, opened a second yard on Friday.", "Brisa", HS_ET_ORG,
                      "Brisa Lomax"),
              HS_ET_ORG);
}

TEST(guard_person_verb_after_a_name)
{
    CHECK_INT(retyped("Oriel Vantry quietly married a drummer in June, a friend said.", "Oriel", HS_ET_PLACE,
                      "Oriel Vantry"),
              HS_ET_PERSON);
    CHECK_INT(retyped("Ysolde Fennick was born in a small town by the sea.", "Ysolde", HS_ET_ORG, "Ysolde Fennick"),
              HS_ET_PERSON);
    /* a verb organisations also take ("announced") is no evidence */
    CHECK_INT(retyped("Brisa Lomax announced a merger in June, a spokesman said.", "Brisa", HS_ET_ORG, "Brisa Lomax"),
              HS_ET_ORG);
}

TEST(guard_pronoun_after_a_subject_name)
{
    /* "he" later in the sentence of a name that opens it, no other person between */
    hs_doc *d = lf_run("Darnel Quayle had asked for the charge to be dropped, and he said so in court.");
    CHECK(d != NULL);
    static const lf_label labels[] = {{"Darnel", 2, HS_ET_PLACE}};
    CHECK_INT(LF_RELINK(d, labels), 0);
    int e = lf_ent(d, "Darnel Quayle", 0);
    CHECK(e >= 0);
    if (e >= 0) {
        CHECK_INT(d->entities.v[e].type, HS_ET_PERSON);
        CHECK_INT(lf_ent(d, "he", 0), e);
    }
    /* "she" opening the next sentence */
    CHECK_INT(retyped("Brisa Lomax opened the harbour cafe in May. She now runs it with two cousins.", "Brisa",
                      HS_ET_ORG, "Brisa Lomax"),
              HS_ET_PERSON);
    /* another person between the name and the pronoun: the pronoun is hers, not the name's */
    d = lf_run("Brisa Lomax hired Mira Dunne in May. She now runs the cafe.");
    CHECK(d != NULL);
    static const lf_label labels3[] = {{"Brisa", 2, HS_ET_ORG}, {"Mira", 2, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels3), 0);
    CHECK_INT(type_of(d, "Brisa Lomax"), HS_ET_ORG);
    /* a name that does not open its sentence's mentions is no subject */
    d = lf_run("Mira Dunne left Brisa Lomax in May, and she moved north.");
    CHECK(d != NULL);
    static const lf_label labels4[] = {{"Mira", 2, HS_ET_PERSON}, {"Brisa", 2, HS_ET_ORG}};
    CHECK_INT(LF_RELINK(d, labels4), 0);
    CHECK_INT(type_of(d, "Brisa Lomax"), HS_ET_ORG);
}

TEST(guard_list_of_people)
{
    /* the last of three names in a list, the other two people's */
    hs_doc *d = lf_run("The guests were Livia Sorn, Bram Teller and Odile Marsh, the host said.");
    CHECK(d != NULL);
    static const lf_label labels[] = {
        {"Livia", 2, HS_ET_PERSON}, {"Bram", 2, HS_ET_PERSON}, {"Odile", 2, HS_ET_ORG}};
    CHECK_INT(LF_RELINK(d, labels), 0);
    CHECK_INT(type_of(d, "Odile Marsh"), HS_ET_PERSON);
    /* in the middle, with ", and" */
    d = lf_run("Livia Sorn, Odile Marsh, and Bram Teller signed the letter.");
    CHECK(d != NULL);
    static const lf_label labels2[] = {
        {"Livia", 2, HS_ET_PERSON}, {"Odile", 2, HS_ET_PLACE}, {"Bram", 2, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels2), 0);
    CHECK_INT(type_of(d, "Odile Marsh"), HS_ET_PERSON);
    /* one person beside it is no evidence: "Livia Sorn and Harrow Mills" */
    d = lf_run("Livia Sorn and Harrow Mills signed the letter.");
    CHECK(d != NULL);
    static const lf_label labels3[] = {{"Livia", 2, HS_ET_PERSON}, {"Harrow", 2, HS_ET_ORG}};
    CHECK_INT(LF_RELINK(d, labels3), 0);
    CHECK_INT(type_of(d, "Harrow Mills"), HS_ET_ORG);
    /* nor two people among more organisations */
    d = lf_run("Livia Sorn, Bram Teller, Harrow Mills, Tessel Works and Quill Freight signed it.");
    CHECK(d != NULL);
    static const lf_label labels4[] = {{"Livia", 2, HS_ET_PERSON},
                                       {"Bram", 2, HS_ET_PERSON},
                                       {"Harrow", 2, HS_ET_ORG},
                                       {"Tessel", 2, HS_ET_ORG},
                                       {"Quill", 2, HS_ET_ORG}};
    CHECK_INT(LF_RELINK(d, labels4), 0);
    CHECK_INT(type_of(d, "Harrow Mills"), HS_ET_ORG);
}

TEST(guard_same_name_as_a_person)
{
    /* the surname alone, typed an organisation, before the full name a title marks a person's */
    hs_doc *d = lf_run("Later Quayle took questions from the press. Dr. Darnel Quayle had spoken first.");
    CHECK(d != NULL);
    static const lf_label labels[] = {{"Quayle", 1, HS_ET_ORG}, {"Darnel", 2, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels), 0);
    int e = lf_ent(d, "Darnel Quayle", 0);
    CHECK(e >= 0);
    CHECK_INT(lf_ent(d, "Quayle", 0), e);
    CHECK_INT(type_of(d, "Quayle"), HS_ET_PERSON);
    /* a table's place is no plain name: it stays a place */
    d = lf_run("The band flew to Paris on Friday. Tamsin Paris spoke first.");
    CHECK(d != NULL);
    static const lf_label labels2[] = {{"Paris", 1, HS_ET_PLACE}, {"Tamsin", 2, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels2), 0);
    CHECK_INT(type_of(d, "Paris"), HS_ET_PLACE);
}
