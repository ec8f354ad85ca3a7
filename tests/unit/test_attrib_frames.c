/* Unit tests for the attribution frames added on 2026-12-03 (see README,
 * Attribution), on sentences written for them (invented people and outlets),
 * news and gossip, one construction per test. */
#include "harness.h"

#include <string.h>

#include "analyzer.h"
#include "attribfix.h"
#include "doc.h"

TEST(attrib_called_on_and_as_complements)
{
    /* "called on X to …" reports its object and infinitive; verbs with an
     * "as" complement ("described X as …", "see X as …") report the object
     * and complement, and "see" reports nothing without one (news, gossip) */
    hs_doc *d = af_run("Councillor Dana Pike called on the mayor to close the ferry terminal.\n\n"
                    "The actress described her new husband as “the kindest man alive.”\n\n"
                    "Many voters see Ravi Patel as an outsider.\n\n"
                    "Fans will see the film in June, and the band sees no reason to tour as well.\n\n"
                    "The singer made it clear that she would not return to the show.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "would not return");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "made it clear");
        CHECK_SPAN(d, a->source, "The singer");
    }
    a = EXPECT(d, "close the ferry terminal", "Councillor Dana Pike", HS_SK_PERSON, "called on", "");
    if (a)
        CHECK_SPAN(d, a->content, "the mayor to close the ferry terminal");
    a = EXPECT(d, "kindest man", "The actress", HS_SK_UNKNOWN, "described", "");
    if (a)
        CHECK_SPAN(d, a->content, "her new husband as “the kindest man alive.”");
    a = EXPECT(d, "an outsider", "Many voters", HS_SK_UNKNOWN, "see", "");
    if (a)
        CHECK_SPAN(d, a->content, "Ravi Patel as an outsider");
    CHECK(af_find(d, "the film") == NULL);
    CHECK(af_find(d, "no reason") == NULL);
}

TEST(attrib_coordinated_and_negated_cues)
{
    /* "conceded that … but insisted that …": the first content ends before
     * the second cue, which keeps the subject; a negated cue still reports
     * (PolNeAR annotates "did not confirm", "has not said") */
    hs_doc *d = af_run("Mayor Ortiz conceded that the bridge had cracked but insisted that it was safe.\n\n"
                    "The singer admitted that she had been ill but later denied that the tour was cancelled.\n\n"
                    "A spokesperson for the band did not confirm the split.\n\n"
                    "Ortiz has not said whether the tunnel will reopen.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "had cracked", "Mayor Ortiz", HS_SK_PERSON, "conceded", "");
    if (a)
        CHECK_SPAN(d, a->content, "that the bridge had cracked");
    EXPECT(d, "it was safe", "Mayor Ortiz", HS_SK_PERSON, "insisted", "");
    a = EXPECT(d, "been ill", "The singer", HS_SK_UNKNOWN, "admitted", "");
    if (a)
        CHECK_SPAN(d, a->content, "that she had been ill");
    EXPECT(d, "tour was cancelled", "The singer", HS_SK_UNKNOWN, "denied", "");
    EXPECT(d, "the split", "A spokesperson for the band", HS_SK_REPRESENTATIVE, "confirm", "");
    EXPECT(d, "tunnel will reopen", "Ortiz", HS_SK_PERSON, "said", "");
}

TEST(attrib_infinitive_cues)
{
    /* a cue after "to" speaks for the object of a verb that moves someone
     * ("prompted X to announce"), else for the clause's subject (news, gossip);
     * not after a noun ("the first councillor to call for …"), nor for a
     * subject that is no speaker unless a clause follows; a negated cue
     * reports what follows it, never the clause before it */
    hs_doc *d = af_run("The scandal prompted Senator Ruth Calloway to announce that she would retire.\n\n"
                    "The singer was quick to deny that she is pregnant.\n\n"
                    "Fans lined up for hours to see the film.\n\n"
                    "Dana Pike became the first councillor to call for a new bridge.\n\n"
                    "The colours that start to reveal themselves later come from the lake.\n\n"
                    "After the long tour, the band may not want to travel.\n\n"
                    "The actor was required to learn an Irish accent for the role.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "would retire", "Senator Ruth Calloway", HS_SK_PERSON, "announce", "");
    if (a)
        CHECK_SPAN(d, a->content, "that she would retire");
    EXPECT(d, "she is pregnant", "The singer", HS_SK_UNKNOWN, "deny", "");
    CHECK(af_find(d, "the film") == NULL);
    CHECK(af_find(d, "a new bridge") == NULL);
    CHECK(af_find(d, "themselves later") == NULL);
    CHECK(af_find(d, "After the long tour") == NULL);
    CHECK(af_find(d, "Irish accent") == NULL); /* "learn" is no cue; "has learned" is */
    d = af_run("She went on to star in three films. He went on to say that the harbor was safe.\n");
    CHECK(d);
    CHECK(af_find(d, "three films") == NULL); /* "went on to say" reports, "went on to star" does not */
    CHECK(af_find(d, "the harbor was safe") != NULL);
}

TEST(attrib_nominal_cue_before_that_anywhere)
{
    /* a nominal cue before a that-clause nobody else attributed reports it,
     * without a source when no possessor names one; a relative "that" does not */
    hs_doc *d = af_run("Amid speculation that the couple had split, the singer posted a photo from Lisbon.\n\n"
                    "The mayor dismissed their fears that the harbor bridge would close.\n\n"
                    "The claim that was made last week turned out to be false.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "the couple had split");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "speculation");
        CHECK_SPAN(d, a->content, "that the couple had split");
        CHECK(!a->has_source);
    }
    a = af_find(d, "bridge would close");
    CHECK(a != NULL);
    CHECK(af_find(d, "was made last week") == NULL);
}

TEST(attrib_content_commas)
{
    /* after a comma, "including …" and a relative clause stay in the content
     * (PolNeAR's spans), ", but …" starts a clause of the writer's (news, gossip) */
    hs_doc *d = af_run("Mayor Ortiz said the harbor will reopen in June, including the two ramps on the east side.\n\n"
                    "The singer said she had recorded the album with Tom Reyes, who produced her first record.\n\n"
                    "Ortiz said the bridge was safe, but engineers disagreed.\n\n"
                    "A friend said the couple were happy, but fans were not convinced.\n");
    CHECK(d);
    CONTENT_IS(d, "reopen in June", "the harbor will reopen in June, including the two ramps on the east side");
    CONTENT_IS(d, "recorded the album", "she had recorded the album with Tom Reyes, who produced her first record");
    CONTENT_IS(d, "the bridge was safe", "the bridge was safe");
    CONTENT_IS(d, "the couple were happy", "the couple were happy");
    d = af_run("The judge issued the ruling, according to Glimmer Magazine, which means the marriage is over.\n");
    CHECK(d); /* but a relative clause after "according to X," is the writer's */
    CONTENT_IS(d, "issued the ruling", "The judge issued the ruling");
}

TEST(attrib_participle_aside_before_the_cue)
{
    /* a participle aside between the subject and the cue ("X, appearing on
     * …, said") leaves the clause's subject as the source (news, gossip) */
    hs_doc *d = af_run("Councillor Dana Pike, speaking on Harbor Radio after the vote, said the ferry would stay.\n\n"
                    "The actress, wearing a red gown at the premiere, said she was thrilled.\n");
    CHECK(d);
    EXPECT(d, "the ferry would stay", "Councillor Dana Pike", HS_SK_PERSON, "said", "");
    EXPECT(d, "she was thrilled", "The actress", HS_SK_UNKNOWN, "said", "");
}

TEST(attrib_content_ends_before_a_new_speaker)
{
    /* a content ends at a dash that opens a clause with its own source and
     * cue, and at a colon before a quotation that has its own (gossip, news) */
    hs_doc *d = af_run("The singer admitted that she had been nervous before the show — her manager also pointed out "
                    "that the tickets sold out in an hour.\n\n"
                    "Mayor Ortiz argued that the harbor had lost its charm: “It is no longer our harbor,” she said.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "been nervous", "The singer", HS_SK_UNKNOWN, "admitted", "");
    if (a)
        CHECK_SPAN(d, a->content, "that she had been nervous before the show");
    EXPECT(d, "tickets sold out", "her manager", HS_SK_REPRESENTATIVE, "pointed out", "");
    a = EXPECT(d, "lost its charm", "Mayor Ortiz", HS_SK_PERSON, "argued", "");
    if (a)
        CHECK_SPAN(d, a->content, "that the harbor had lost its charm");
    a = af_find(d, "no longer our harbor");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "said");
}

TEST(attrib_shares_of_people_speak)
{
    /* a share of people speaks whatever the tagger makes of the verb ("one in
     * five say", "47% say"), a pronoun subject after the cue starts the content
     * ("say they feel that way"), "said yes" reports; a year is no share */
    hs_doc *d = af_run("On the ferries, 47% say the fares are too high.\n\n"
                    "About one in five say they would not vote for Ortiz.\n\n"
                    "Asked about the wedding, 46 percent of fans said yes.\n\n"
                    "Ortiz says the council is acting unlawfully and ignoring the harbor.\n\n"
                    "Those over 60 say they feel that way.\n\n"
                    "The 2024 reports were late.\n");
    CHECK(d);
    const hs_attr *a = af_find(d, "fares are too high");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->cue, "say");
        CHECK(a->has_source);
    }
    CONTENT_IS(d, "would not vote", "they would not vote for Ortiz");
    a = af_find(d, "yes");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "said");
    CONTENT_IS(d, "that way", "they feel that way");
    CHECK(af_find(d, "were late") == NULL);
    a = af_find(d, "acting unlawfully");
    CHECK(a != NULL);
    if (a) /* a participle after "and" stays in the content */
        CHECK_SPAN(d, a->content, "the council is acting unlawfully and ignoring the harbor");
}

TEST(attrib_finite_verb_before_that)
{
    /* a finite verb (by its tag) before a that-clause reports it even when
     * no table lists it and its ending says nothing ("knew that", "heard
     * that"); a noun before "that" does not (news, gossip) */
    hs_doc *d = af_run("Mayor Ortiz knew that the bridge was weak.\n\n"
                    "The actress heard that the show had been cancelled.\n\n"
                    "The fact that the ferry was late annoyed everyone.\n");
    CHECK(d);
    EXPECT(d, "the bridge was weak", "Mayor Ortiz", HS_SK_PERSON, "knew", "");
    const hs_attr *a = af_find(d, "had been cancelled");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "heard");
    CHECK(af_find(d, "the ferry was late") == NULL);
}

TEST(attrib_cue_tagged_as_a_noun)
{
    /* a present-tense cue the tagger calls a plural noun still reports after
     * its source ("The insider reveals …"), not after an adjective or a plain
     * noun ("the shady tweets", "a bombshell claim") (gossip, news) */
    hs_doc *d = af_run("The insider reveals the couple will marry in June.\n\n"
                    "Glimmer Magazine reports Mara Quell was never engaged.\n\n"
                    "The shady tweets about the couple went viral.\n\n"
                    "A bombshell claim about the harbor spread online.\n");
    CHECK(d);
    EXPECT(d, "will marry in June", "The insider", HS_SK_ANONYMOUS, "reveals", "");
    const hs_attr *a = af_find(d, "never engaged");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->cue, "reports");
    CHECK(af_find(d, "about the couple") == NULL);
    CHECK(af_find(d, "about the harbor") == NULL);
}

TEST(attrib_post_posed_with_a_long_adjunct)
{
    /* "…, X said at a news conference in Millport on Tuesday": a rest that
     * opens with a preposition holds no content, so the clause before the
     * source is the content, however long the adjunct (news, gossip) */
    hs_doc *d = af_run("The tunnel will stay closed until autumn, officials said at a news conference in Millport on Tuesday.\n\n"
                    "The couple split in March, said Mara Quell during an appearance on a late-night show.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "stay closed", "officials", HS_SK_ANONYMOUS, "said", "");
    if (a)
        CHECK_SPAN(d, a->content, "The tunnel will stay closed until autumn");
    a = af_find(d, "split in March");
    CHECK(a != NULL);
    if (a) {
        CHECK_SPAN(d, a->content, "The couple split in March");
        CHECK_SPAN(d, a->source, "Mara Quell");
    }
}

TEST(attrib_hyphenated_source)
{
    /* a hyphen glued inside a word is part of the source phrase, and a
     * continuation quotation keeps that source (gossip) */
    hs_doc *d = af_run("“They danced all night,” one club-goer told Glimmer Magazine. “They left in the same car too.”\n");
    CHECK(d);
    EXPECT(d, "danced all night", "one club-goer", HS_SK_UNKNOWN, "told", "Glimmer Magazine");
    const hs_attr *a = af_find(d, "same car");
    CHECK(a != NULL);
    if (a)
        CHECK_SPAN(d, a->source, "one club-goer");
}

TEST(attrib_called_x_y)
{
    /* "called him a liar": a form of "call" with an object and its complement
     * reports both, whoever the subject (news, gossip) */
    hs_doc *d = af_run("They called him a political opportunist.\n\n"
                       "Fans called Mara Quell “the queen of pop.”\n");
    CHECK(d);
    CONTENT_IS(d, "political opportunist", "him a political opportunist");
    CONTENT_IS(d, "queen of pop", "Mara Quell “the queen of pop.”");
}

TEST(attrib_transcript_turns)
{
    /* a transcript whose turns a quotation mark wraps ("\"PIKE: …") names
     * each turn's speaker, and a turn runs to the end of its paragraph (news) */
    hs_doc *d = af_run("Pike Praises Harbor Plan On Sunday Show\n\n"
                       "Partial transcript as follows:\n\n"
                       "\"HARLOW: Let us start with the harbor vote. The council met late on Tuesday.\n\n"
                       "\"PIKE: Well, look, the plan is a good one. It will bring jobs to the port.\n\n"
                       "\"HARLOW: Will the mayor back it?\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "harbor vote", "HARLOW", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "Let us start with the harbor vote. The council met late on Tuesday");
    a = EXPECT(d, "good one", "PIKE", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "Well, look, the plan is a good one. It will bring jobs to the port");
    EXPECT(d, "mayor back it", "HARLOW", HS_SK_PERSON, ":", "");
    /* the marks make no quotation of their own */
    CHECK(af_find(d, "HARLOW: Let us") == NULL);
}

TEST(attrib_interview_turn_runs_to_paragraph_end)
{
    /* a speaker label seen on two lines is an interview: the answer is the
     * whole paragraph, unless a sentence in it has an attribution (gossip) */
    hs_doc *d = af_run("Mira Vance And Tobin Hale Talk Tabloids\n\n"
                       "MIRA VANCE: I never read the tabloids. My friends do, and they laugh.\n\n"
                       "TOBIN HALE: We are just good friends. My publicist said so last week.\n\n"
                       "MIRA VANCE: That is all for today.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "tabloids", "MIRA VANCE", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "I never read the tabloids. My friends do, and they laugh");
    a = EXPECT(d, "good friends", "TOBIN HALE", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "We are just good friends");
}

TEST(attrib_headline_speaker_before_cue_frames)
{
    /* a headline "NAME: …" is the name's, even when a cue word inside it
     * would make a frame of its own, and even when it opens with a quotation
     * (news, gossip) */
    hs_doc *d = af_run("Dana Pike: Voters Worried About Harbor Plan; It Is All in Their Heads.\n\n"
                       "The mayor spoke on Sunday.\n");
    CHECK(d);
    const hs_attr *a = EXPECT(d, "Voters Worried", "Dana Pike", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "Voters Worried About Harbor Plan; It Is All in Their Heads");
    d = af_run("Mara Quell: ‘I Am Not Dating Anyone’ After Split.\n\nThe singer spoke on Friday.\n");
    CHECK(d);
    a = EXPECT(d, "Not Dating", "Mara Quell", HS_SK_PERSON, ":", "");
    if (a)
        CHECK_SPAN(d, a->content, "‘I Am Not Dating Anyone’ After Split");
}

TEST(attrib_adjunct_before_clause)
{
    /* "said after the vote she would …": a short adjunct that opens with a
     * preposition stands between the cue and a clause with a subject pronoun
     * (news, gossip); not when a subordinate clause comes first */
    hs_doc *d = af_run("Mayor Dana Pike said after the vote she would not run again.\n\n"
                       "Mara Quell told reporters on the red carpet she is single.\n\n"
                       "Tobin Hale insisted at the premiere that they are friends.\n\n"
                       "Dana Pike spoke in Millport because she wanted to meet voters.\n");
    CHECK(d);
    CONTENT_IS(d, "not run again", "she would not run again");
    CONTENT_IS(d, "is single", "she is single");
    CONTENT_IS(d, "are friends", "that they are friends");
    CHECK(af_find(d, "wanted to meet") == NULL);
}

TEST(attrib_participle_stays_in_content)
{
    /* a participle after a comma belongs to the content (PolNeAR keeps it)
     * unless it is a cue itself (news, gossip) */
    hs_doc *d = af_run("Mayor Dana Pike said the new pier would put the port into a larger market, allowing ships to dock at night.\n\n"
                       "Mara Quell said she was happy in Lisbon, adding that she has no plans to move.\n\n"
                       "Mara Quell and Tobin Hale were seen leaving a cafe together, sparking talk of a “secret romance” among fans.\n\n"
                       "Tobin Hale revealed his daughter's name is Juniper, sending fans into a frenzy.\n");
    CHECK(d);
    CONTENT_IS(d, "larger market", "the new pier would put the port into a larger market, allowing ships to dock at night");
    CONTENT_IS(d, "happy in Lisbon", "she was happy in Lisbon");
    CONTENT_IS(d, "no plans", "that she has no plans to move");
    /* a participle of effect is the writer's comment */
    CONTENT_IS(d, "Juniper", "his daughter's name is Juniper");
    /* a raising cue ("were seen") outside its frame names no speaker */
    CHECK(af_find(d, "leaving a cafe") == NULL);
}

TEST(attrib_mention_takes_an_object)
{
    /* "mention" and "describe" report a plain object after a named subject,
     * like the other opinion verbs (news, gossip); not after an unnamed one */
    hs_doc *d = af_run("Senator Dana Pike also mentioned the closure of the Millport steel plant.\n\n"
                       "Mara Quell never mentioned her former husband during the interview.\n\n"
                       "A man in the crowd mentioned the weather.\n\n"
                       "Mara Quell later described falling for Tobin Hale on the set.\n");
    CHECK(d);
    EXPECT(d, "falling for", "Mara Quell", HS_SK_PERSON, "described", "");
    EXPECT(d, "steel plant", "Senator Dana Pike", HS_SK_PERSON, "mentioned", "");
    EXPECT(d, "former husband", "Mara Quell", HS_SK_PERSON, "mentioned", "");
    CHECK(af_find(d, "the weather") == NULL);
}

TEST(attrib_joint_poll_name)
{
    /* a poll run by two outlets, their names joined by a slash, is one
     * source ("the ABC/Ipsos poll"; news, gossip) */
    hs_doc *d = af_run("In a Millport News/Valley Herald poll released Monday, 50 percent of respondents chose Pike.\n\n"
                       "In the Star Weekly/Glimmer survey, most fans backed the couple.\n");
    CHECK(d);
    SOURCE_IS(d, "chose Pike", "a Millport News/Valley Herald poll");
    SOURCE_IS(d, "backed the couple", "the Star Weekly/Glimmer survey");
}

TEST(attrib_participle_cue_after_preposition)
{
    /* "began by saying that …", "left after saying …": a cue participle
     * after a preposition speaks for the clause's subject (news, gossip) */
    hs_doc *d = af_run("Senator Dana Pike began by saying that the budget was balanced.\n\n"
                       "Mara Quell left the stage after saying her foot was badly swollen.\n");
    CHECK(d);
    EXPECT(d, "budget was balanced", "Senator Dana Pike", HS_SK_PERSON, "saying", "");
    CONTENT_IS(d, "badly swollen", "her foot was badly swollen");
    SOURCE_IS(d, "badly swollen", "Mara Quell");
}

TEST(attrib_light_verb_phrases)
{
    /* phrases of "take" and "make" that report a stance: "took aim at",
     * "took issue with", "made the case that" (gossip, news) */
    hs_doc *d = af_run("Mara Quell took aim at her former bandmate Tobin Hale.\n\n"
                       "Senator Dana Pike took issue with the harbor plan.\n\n"
                       "The mayor made the case that the pier would pay for itself.\n");
    CHECK(d);
    EXPECT(d, "former bandmate", "Mara Quell", HS_SK_PERSON, "took aim at", "");
    EXPECT(d, "harbor plan", "Senator Dana Pike", HS_SK_PERSON, "took issue with", "");
    CONTENT_IS(d, "pay for itself", "that the pier would pay for itself");
}

TEST(attrib_parenthetical_source_before_a_cue_word)
{
    /* "The museum, Roe said, celebrated …": after a parenthetical source the
     * subject's own verb continues the content even when it is a cue word;
     * a participle cue (", adding …") still starts its own (news, gossip) */
    hs_doc *d = af_run("The new museum, Mayor Dana Pike said, celebrated the harbor workers of Millport.\n\n"
                       "The couple, a friend said, praised the staff of the hotel.\n");
    CHECK(d);
    CONTENT_IS(d, "harbor workers", "The new museum, Mayor Dana Pike said, celebrated the harbor workers of Millport");
    SOURCE_IS(d, "staff of the hotel", "a friend");
}

TEST(attrib_according_to_a_long_source)
{
    /* "According to exit polls conducted for X by Y, …": the content starts
     * after the comma that ends the source's long modifier (news) */
    hs_doc *d = af_run("According to exit polls conducted for the Valley Herald and two networks by Quell Research, most voters said they were angry.\n");
    CHECK(d);
    CONTENT_IS(d, "were angry", "most voters said they were angry");
    CHECK(af_find(d, "conducted for") == NULL);
}

TEST(attrib_plan_to)
{
    /* "plans to …" reports an intention of its subject (news, gossip); the
     * noun ("the plan to widen the road", "making plans") is no verb cue */
    hs_doc *d = af_run("Senator Dana Pike plans to run for governor next year.\n\n"
                       "Tobin Hale planned to stay friends with his former wife.\n\n"
                       "The plan to widen the road was dropped.\n\n"
                       "The Valley Herald claimed the couple, who met in May, are making plans to wed.\n");
    CHECK(d);
    /* after a form of "make" the word is a noun and starts no clause of its own */
    CONTENT_IS(d, "who met in May", "the couple, who met in May, are making plans to wed");
    EXPECT(d, "run for governor", "Senator Dana Pike", HS_SK_PERSON, "plans", "");
    EXPECT(d, "stay friends", "Tobin Hale", HS_SK_PERSON, "planned", "");
    CHECK(af_find(d, "widen the road") == NULL);
}
