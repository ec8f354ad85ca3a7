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
    /* a plural is a group; a name after "the" no person's */
    CHECK_INT(retyped("The Quill Ritual was born from a tradition of the town.", "Quill", HS_ET_MISC, "Quill Ritual"),
              HS_ET_MISC);
    CHECK_INT(retyped("Velvet Sparrows married their music to film in June.", "Velvet", HS_ET_ORG, "Velvet Sparrows"),
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
                      HS_ET_PLACE, "Brisa Lomax"),
              HS_ET_PERSON);
    /* a work (MISC) as subject: "she" is someone else */
    CHECK_INT(retyped("Salt Road tells the story of a ferry pilot, and she never lands.", "Salt", HS_ET_MISC,
                      "Salt Road"),
              HS_ET_MISC);
    /* an organisation speaks for a person; a name without a verb (a photo credit) is no subject */
    CHECK_INT(retyped("Harwick Hall confirmed the news on Monday. She will rest at home.", "Harwick", HS_ET_ORG,
                      "Harwick Hall"),
              HS_ET_ORG);
    CHECK_INT(retyped("Brisa Lomax. She wore a red dress to the premiere.", "Brisa", HS_ET_PLACE, "Brisa Lomax"),
              HS_ET_PLACE);
    /* another person between the name and the pronoun: the pronoun is hers, not the name's */
    d = lf_run("Brisa Lomax hired Mira Dunne in May. She now runs the cafe.");
    CHECK(d != NULL);
    static const lf_label labels3[] = {{"Brisa", 2, HS_ET_PLACE}, {"Mira", 2, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels3), 0);
    CHECK_INT(type_of(d, "Brisa Lomax"), HS_ET_PLACE);
    /* a name that does not open its sentence's mentions is no subject */
    d = lf_run("Mira Dunne left Brisa Lomax in May, and she moved north.");
    CHECK(d != NULL);
    static const lf_label labels4[] = {{"Mira", 2, HS_ET_PERSON}, {"Brisa", 2, HS_ET_PLACE}};
    CHECK_INT(LF_RELINK(d, labels4), 0);
    CHECK_INT(type_of(d, "Brisa Lomax"), HS_ET_PLACE);
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
    /* the full name typed a place, before the same name a title marks a person's */
    hs_doc *d = lf_run("Later Darnel Quayle took questions from the press. Dr. Darnel Quayle had spoken first.");
    CHECK(d != NULL);
    static const lf_label labels[] = {{"Darnel", 2, HS_ET_PLACE}};
    CHECK_INT(LF_RELINK(d, labels), 0);
    int e = lf_ent(d, "Darnel Quayle", 0);
    CHECK(e >= 0);
    CHECK_INT(lf_ent(d, "Darnel Quayle", 1), e);
    CHECK_INT(type_of(d, "Darnel Quayle"), HS_ET_PERSON);
    /* a table's place is no plain name: it stays a place */
    d = lf_run("The band flew to New Jersey on Friday. Tamsin New Jersey spoke first.");
    CHECK(d != NULL);
    static const lf_label labels2[] = {{"New", 2, HS_ET_PLACE}, {"Tamsin", 3, HS_ET_PERSON}};
    CHECK_INT(LF_RELINK(d, labels2), 0);
    CHECK_INT(type_of(d, "New Jersey"), HS_ET_PLACE);
}
