/* Unit tests for the attribution rules of branch attrib4 (2026-12-03), written
 * after a reading of attributions on real gossip: page furniture before a
 * colon, datelines, relative pronouns, wishes, outlets referred back to, and
 * the speakers of quotations.  Every text is invented (people, outlets). */
#include "harness.h"

#include <string.h>

#include "analyzer.h"
#include "attribfix.h"
#include "doc.h"

TEST(attrib_page_labels_are_not_speakers)
{
    /* a label of page furniture before a colon ("RELATED VIDEO:", "File photo:",
     * "Image Source:", "EXCLUSIVE:") and a photo caption's label ("Good times:",
     * "Showstopper:") name nobody; a speaker's name still does */
    hs_doc *d = af_run("Mara Quell Steps Out\n\n"
                       "RELATED VIDEO: Mara Quell Opens Up About Her New Album\n\n"
                       "Mara Quell was all smiles at the premiere on Friday.\n\n"
                       "Good times: The singer was seen laughing as she arrived with her manager\n\n"
                       "Showstopper: Quell sparkled in a silver gown at the gala in Millport on Thursday\n\n"
                       "File photo: Lens Agency/Harbor Gazette\n\n"
                       "Image Source: Harbor Gazette\n\n"
                       "EXCLUSIVE: The couple has been quietly dating since the spring\n\n"
                       "Tobias Wren: “I have never been this happy in my whole life.”\n");
    CHECK(d);
    CHECK(af_find(d, "Opens Up") == NULL);
    CHECK(af_find(d, "seen laughing") == NULL);
    CHECK(af_find(d, "silver gown") == NULL);
    CHECK(af_find(d, "Lens Agency") == NULL);
    CHECK(af_find(d, "quietly dating") == NULL);
    CHECK_INT(af_sources(d, "Harbor Gazette"), 0);
    EXPECT(d, "never been this happy", "Tobias Wren", HS_SK_PERSON, ":", "");
}

TEST(attrib_datelines_are_not_content)
{
    /* "MILLPORT (Harbor Wire) — …": the dateline that opens a paragraph is
     * neither part of the content nor a subject (news, gossip) */
    hs_doc *d = af_run("Council Vote Delayed\n\n"
                       "MILLPORT (Harbor Wire) — The council will vote on the bridge in May, officials said.\n\n"
                       "LOS ANGELES, Calif. (Star Daily) -- Mara Quell and Tobias Wren have split, a source says.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "vote on the bridge", "officials", HS_SK_ANONYMOUS, "said", "");
    if (a)
        CHECK_SPAN(d, a->content, "The council will vote on the bridge in May");
    a = EXPECT(d, "have split", "a source", HS_SK_ANONYMOUS, "says", "");
    if (a)
        CHECK_SPAN(d, a->content, "Mara Quell and Tobias Wren have split");
}

TEST(attrib_relative_pronoun_speaks_for_its_antecedent)
{
    /* "the singer, who told X that …, left" gives the singer and ends the
     * content with the relative clause; a restrictive "who"
     * its noun ("fans who said …"); not through a passive ("the bill, which
     * was referred to …" names no speaker) */
    hs_doc *d = af_run("Mara Quell, who told Harbor Gazette that she would tour again, left the party early.\n\n"
                       "Her co-star Tobias Wren, who said last week that the film was finished, declined to comment.\n\n"
                       "Several fans who insisted that the pair had married were wrong.\n");
    CHECK(d);
    EXPECT(d, "she would tour again", "Mara Quell", HS_SK_PERSON, "told", "Harbor Gazette");
    /* the content ends with the relative clause, before the main verb */
    CONTENT_IS(d, "she would tour again", "that she would tour again");
    CONTENT_IS(d, "the film was finished", "that the film was finished");
    SOURCE_IS(d, "the film was finished", "Her co-star Tobias Wren");
    SOURCE_IS(d, "the pair had married", "Several fans");
    CHECK_INT(af_sources(d, "who"), 0);
}

TEST(attrib_wishes_are_not_reports)
{
    /* "want" reports an intention before "to" ("wants to run"), not a wish
     * for a thing ("wants a bigger nursery"); "renewed" is no cue */
    hs_doc *d = af_run("Mara Quell wants a bigger nursery for the twins.\n\n"
                       "Tobias Wren wants to run for mayor of Millport next year.\n\n"
                       "The network renewed the show for a third season.\n");
    CHECK(d);
    CHECK(af_find(d, "bigger nursery") == NULL);
    EXPECT(d, "run for mayor", "Tobias Wren", HS_SK_PERSON, "wants", "");
    CHECK(af_find(d, "third season") == NULL);
}

TEST(attrib_outlet_referred_back)
{
    /* "told the magazine", "the publication claimed", "a source from the
     * outlet": the outlet named last before (outside quotations) is the via,
     * and "the magazine" as a subject is an outlet; not an object ("called the
     * paper …") nor a possessive ("the tabloid's report") */
    hs_doc *d = af_run("Quell and Wren Split\n\n"
                       "Mara Quell and Tobias Wren have split, Glimmer Weekly reported on Monday.\n\n"
                       "“They stopped talking in March,” an insider told the magazine.\n\n"
                       "The magazine also claimed that Quell kept the lake house.\n\n"
                       "Harbor Gazette said the pair had argued for months.\n\n"
                       "A source from the publication revealed that the wedding was off.\n\n"
                       "Wren called the paper “a gossip factory” on Tuesday.\n\n"
                       "Quell's rep said the tabloid's report was false.\n");
    CHECK(d);
    EXPECT(d, "stopped talking", "an insider", HS_SK_ANONYMOUS, "told", "Glimmer Weekly");
    EXPECT(d, "kept the lake house", "The magazine", HS_SK_OUTLET, "claimed", "Glimmer Weekly");
    EXPECT(d, "wedding was off", "A source from the publication", HS_SK_ANONYMOUS, "revealed", "Harbor Gazette");
    const hs_attr *a = af_find(d, "gossip factory");
    CHECK(a && a->via.end == a->via.start);
    a = af_find(d, "was false");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "the tabloid's report was false");
        CHECK(a->via.end == a->via.start);
    }
}

TEST(attrib_quotation_speakers_by_convention)
{
    /* a sentence that opens with its source and cue and says nothing else
     * speaks the quotation just before it ("“…?” Quell told X last year."); a
     * lead-in whose cue is followed by where or to whom, then a colon ("As Wren
     * told X in 2016:" ¶ "“…”", "Wren wrote on Instagram: “…”"); an adjunct and
     * a comma before the quotation ("told X in 2016, “…”"); "exclaimed",
     * "captioned" */
    hs_doc *d = af_run("Quell Keeps Quiet\n\n"
                       "Mara Quell rarely discusses her family. “Who would trade a quiet Sunday for a red carpet?” "
                       "Quell told Glimmer Weekly last year.\n\n"
                       "As Tobias Wren told Harbor Gazette in 2019:\n\n"
                       "“We met at a ferry terminal and missed the boat on purpose. By autumn we shared a dog.”\n\n"
                       "Wren wrote on Instagram: “Still laughing at the rumours about the ferry, see you all on tour!”\n\n"
                       "As Quell told Star Daily in 2020, “Nobody in my house cares about award shows at all.”\n\n"
                       "“The reviews have been kinder than I ever hoped,” she exclaimed during the interview.\n\n"
                       "“Back on the lake where it all started,” Wren captioned the photo.\n");
    CHECK(d);
    EXPECT(d, "quiet Sunday", "Quell", HS_SK_PERSON, "told", "Glimmer Weekly");
    CHECK(af_find(d, "last year") == NULL);
    EXPECT(d, "ferry terminal", "Tobias Wren", HS_SK_PERSON, "told", "Harbor Gazette");
    EXPECT(d, "Still laughing", "Wren", HS_SK_PERSON, "wrote", "");
    EXPECT(d, "award shows", "Quell", HS_SK_PERSON, "told", "Star Daily");
    EXPECT(d, "kinder than", "she", HS_SK_PERSON, "exclaimed", "");
    EXPECT(d, "Back on the lake", "Wren", HS_SK_PERSON, "captioned", "");
}

TEST(attrib_quotation_speakers_after_the_quote)
{
    /* after a quotation: one to three capitalised words before the cue are the
     * speaker's name whatever the taggers make of them ("“…,” Wintour
     * continued"), an apposition after the name is skipped; a sentence that
     * opens with source, cue and a short object speaks the quotation before
     * it; an inverted cue before a colon ("Adds the source: “…”", "…, says the
     * confidant: “…”") names the quotation's speaker */
    hs_doc *d = af_run("Quell Talks\n\n"
                       "The designer was nervous. “She changed into a green dress in the gift shop, and it looked "
                       "like a forest,” Wintour continued.\n\n"
                       "“Tobias picked an oval stone, which is rare these days,” Ada Brook, head of Lake Diamonds tells "
                       "Star Daily.\n\n"
                       "“How can we skate when the lake never freezes?” Quell asked the crowd during her speech.\n\n"
                       "Adds the source: “They are not about to run off and marry in secret.”\n\n"
                       "The ring can wait, says the confidant: “They are busy raising two toddlers.”\n");
    CHECK(d);
    EXPECT(d, "green dress", "Wintour", HS_SK_PERSON, "continued", "");
    EXPECT(d, "oval stone", "Ada Brook", HS_SK_PERSON, "tells", "Star Daily");
    EXPECT(d, "never freezes", "Quell", HS_SK_PERSON, "asked", "");
    CHECK(af_find(d, "during her speech") == NULL);
    EXPECT(d, "run off", "the source", HS_SK_ANONYMOUS, "Adds", "");
    EXPECT(d, "two toddlers", "the confidant", HS_SK_ANONYMOUS, "says", "");
}

TEST(attrib_any_verb_of_a_person_before_a_quotation)
{
    /* a finite verb outside the tables, right after its subject and right
     * before a colon or a comma and a quotation, speaks for a person ("Pike
     * demurred: “…”", "She continues, “…”", "Later, Wren laughed, “…”"); not
     * for a thing ("The plan failed: “…”"), nor inside a longer clause */
    hs_doc *d = af_run("Quell Talks\n\n"
                       "Asked about a third album, Mara Quell demurred: “I am tired, and the lake house needs a roof.”\n\n"
                       "She continues, “So I packed the van and drove north without a map.”\n\n"
                       "Later, Wren laughed, “Nobody expected the ferry to sink that fast.”\n\n"
                       "The plan failed: “We lost every boat in the harbour that winter.”\n\n"
                       "The day the crowd cheered, “Harbor Lights” played on every radio in town.\n");
    CHECK(d);
    EXPECT(d, "needs a roof", "Mara Quell", HS_SK_PERSON, "demurred", "");
    EXPECT(d, "packed the van", "She", HS_SK_PERSON, "continues", "");
    EXPECT(d, "ferry to sink", "Wren", HS_SK_PERSON, "laughed", "");
    const hs_attr *a = af_find(d, "every boat");
    CHECK(a == NULL || !a->has_source);
    CHECK(af_find(d, "every radio") == NULL);
}

TEST(attrib_source_names_with_of_and_titles)
{
    /* a source whose name holds "of" keeps its head ("The mayor of Millport",
     * "Senator Dana Pike of Ohio", "Ada Brook of Lake Diamonds"), not a phrase
     * before it that names nobody ("on the heels of …"); a capitalised "And" or
     * "The" inside a title stays in the phrase ("the former Harbor And Bay star") */
    hs_doc *d = af_run("Bridge Talk\n\n"
                       "The mayor of Millport said the bridge would open in May.\n\n"
                       "Senator Dana Pike of Ohio said the vote would fail.\n\n"
                       "Speaking to Harbor Gazette, the former Harbor And Bay star admitted he avoids the rumours.\n");
    CHECK(d);
    EXPECT(d, "bridge would open", "The mayor of Millport", HS_SK_PERSON, "said", "");
    EXPECT(d, "vote would fail", "Senator Dana Pike of Ohio", HS_SK_PERSON, "said", "");
    SOURCE_IS(d, "avoids the rumours", "the former Harbor And Bay star");
}

TEST(attrib_participle_subject_after_fronted_adverb)
{
    /* "Today, however, the council …, saying …": the subject after a fronted
     * adverb and its commas speaks for the participle */
    hs_doc *d = af_run("Ferry Review\n\n"
                       "Today, however, the council closed the review, saying in a statement: “The complaints were "
                       "read and nothing was found.”\n");
    CHECK(d);
    EXPECT(d, "nothing was found", "the council", HS_SK_ORGANIZATION, "saying", "");
}

TEST(attrib_outlet_named_with_a_common_noun)
{
    /* "the Lakeside Voice magazine" (a name and a lower-case outlet noun)
     * names the outlet "the magazine" refers back to */
    hs_doc *d = af_run("Twins\n\n"
                       "Photos of the twins ran on the cover of the Lakeside Voice magazine on Friday.\n\n"
                       "The magazine touts the images as the first photos of the twins.\n");
    CHECK(d);
    EXPECT(d, "first photos", "The magazine", HS_SK_OUTLET, "touts", "Lakeside Voice magazine");
}

TEST(attrib_antecedent_and_outlet_spans)
{
    /* a restrictive "who" speaks for the noun phrase after the last verb
     * before it ("Harbor Gazette contacted Quell's press rep who …"); an
     * outlet's name runs on over "magazine" ("told Glimmer Weekly magazine") */
    hs_doc *d = af_run("Rumour Check\n\n"
                       "The pair split, sources told Glimmer Weekly magazine on Friday.\n\n"
                       "But Harbor Gazette contacted Quell's press rep who has denied that the rumours are true.\n");
    CHECK(d);
    EXPECT(d, "The pair split", "sources", HS_SK_ANONYMOUS, "told", "Glimmer Weekly magazine");
    EXPECT(d, "rumours are true", "Quell's press rep", HS_SK_REPRESENTATIVE, "denied", "");
}

TEST(attrib_mixed_report_keeps_its_subject)
{
    /* "Pike and Wren were “…,” and “…,” a source said": the content is the
     * whole report with its quoted fragments, not the last fragment; the next
     * quotation of the paragraph keeps that source and cue; a quotation that
     * opens its sentence stays alone ("“…,” Pike said") */
    hs_doc *d = af_run("Premiere Night\n\n"
                       "Pike and Wren were “clearly enjoying each other’s company,” and “talked all night,” a source "
                       "told Star Daily. “They left together.”\n\n"
                       "“We are just friends,” Pike said.\n");
    CHECK(d);
    CONTENT_IS(d, "talked all night", "Pike and Wren were “clearly enjoying each other’s company,” and “talked all night,”");
    EXPECT(d, "left together", "a source", HS_SK_ANONYMOUS, "told", "Star Daily");
    CONTENT_IS(d, "just friends", "“We are just friends,”");
}

TEST(attrib_age_used_as_a_noun_speaks)
{
    /* "the 51-year-old told …": an age standing for the person is the subject
     * of the cue after it, though the tagger reads "old told" as adjective + noun */
    hs_doc *d = af_run("Mara Quell Opens Up About Family Life\n\n"
                       "“We keep work out of the house,” the 51-year-old told Pennant Weekly.\n\n"
                       "The 51-year-old told Pennant Weekly that she was happy.\n");
    CHECK(d);
    EXPECT(d, "We keep work out", "the 51-year-old", HS_SK_PERSON, "told", "Pennant Weekly");
    EXPECT(d, "she was happy", "The 51-year-old", HS_SK_PERSON, "told", "Pennant Weekly");
}

TEST(attrib_fronted_adjunct_and_via)
{
    /* "On Monday, X said he would …": a clause with a subject pronoun after the
     * cue is its content, not the fronted phrase; a fronted phrase that only
     * leads to an outlet ("In an interview with …", "Speaking to …") is the via */
    hs_doc *d = af_run("On Monday, Alex Moreno said he would retire.\n\n"
                       "In an interview with the Daily Lantern, Tobias Wren said he was happy.\n\n"
                       "Speaking to Pop Courier, Renee Halvorsen said the tour was over.\n");
    CHECK(d);
    EXPECT(d, "he would retire", "Alex Moreno", HS_SK_PERSON, "said", "");
    CHECK(af_find(d, "On Monday") == NULL);
    EXPECT(d, "he was happy", "Tobias Wren", HS_SK_PERSON, "said", "the Daily Lantern");
    EXPECT(d, "the tour was over", "Renee Halvorsen", HS_SK_PERSON, "said", "Pop Courier");
}

TEST(attrib_role_words_before_a_speaker_after_a_quotation)
{
    /* "“…,” addiction expert Dr. Lena Holt told …": role words before the name
     * belong to the source phrase that follows the quotation */
    hs_doc *d = af_run("“It plays havoc with the mind,” addiction expert Dr. Lena Holt told The Enquirer.\n\n"
                       "“The dress is timeless,” designer Ruta Vell said.\n");
    CHECK(d);
    EXPECT(d, "plays havoc", "addiction expert Dr. Lena Holt", HS_SK_PERSON, "told", "The Enquirer");
    EXPECT(d, "dress is timeless", "designer Ruta Vell", HS_SK_PERSON, "said", "");
}

TEST(attrib_friend_with_a_name_is_a_person)
{
    /* "her close friend Ruta Vell adds …": a friend or pal who is named is a
     * person source, not an anonymous one; "a friend of the couple" stays anonymous */
    hs_doc *d = af_run("Mara Quell was there. Her close friend Ruta Vell adds that it was hard.\n\n"
                       "A friend of the couple says that the night was long.\n\n"
                       "Pal Tobias Wren told Star Weekly that the party was fun.\n");
    CHECK(d);
    EXPECT(d, "it was hard", "Her close friend Ruta Vell", HS_SK_PERSON, "adds", "");
    EXPECT(d, "the night was long", "A friend of the couple", HS_SK_ANONYMOUS, "says", "");
    EXPECT(d, "the party was fun", "Pal Tobias Wren", HS_SK_PERSON, "told", "Star Weekly");
}

TEST(attrib_cue_forms_that_are_never_nouns)
{
    /* "The actor confirms that …": a form that is never a noun is a cue after a
     * noun however the tagger reads it; "the shady tweets" stay a noun */
    hs_doc *d = af_run("The actor confirms that he requested a break.\n\n"
                       "The magazine reveals that the couple split in May.\n\n"
                       "Fans loved the shady tweets that she posted about the singer.\n");
    CHECK(d);
    EXPECT(d, "he requested a break", "The actor", HS_SK_UNKNOWN, "confirms", "");
    EXPECT(d, "the couple split in May", "The magazine", HS_SK_UNKNOWN, "reveals", "");
    CHECK(af_find(d, "she posted") == NULL);
}
