/* Names of the fixed label sets, as they appear in hearsay/1 JSON. */
#include "doc.h"

const char *const hs_upos_names[HS_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *const hs_etype_names[HS_ET_COUNT] = {"PERSON", "ORG", "PLACE", "WORK", "EVENT", "MISC"};

const char *const hs_mention_kind_names[3] = {"name", "nominal", "pronoun"};

const char *const hs_gender_names[5] = {NULL, "male", "female", "plural", "neuter"};

const char *const hs_attr_kind_names[3] = {"direct", "mixed", "indirect"};

const char *const hs_source_kind_names[HS_SK_COUNT] = {
    "unknown", "person", "anonymous", "representative", "organization", "outlet", "document"};

const char *const hs_hedge_kind_names[HS_HK_COUNT] = {"reportive", "rumour", "epistemic", "denial"};

const char *const hs_rel_type_names[HS_RT_COUNT] = {
    "romance", "spouse", "former_partner", "family", "collaboration", "meeting", "conflict", "employment"};

const char *const hs_status_names[HS_ST_COUNT] = {"asserted", "rumored", "reported", "confirmed", "denied"};

const char *const hs_timex_mod_names[5] = {NULL, "START", "MID", "END", "APPROX"};
