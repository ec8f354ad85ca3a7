/* Character classes and the small word tables of the text layer.
 *
 * The tables are data: sorted arrays searched with bsearch.  Each names the
 * pattern it serves. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- character classes ------------------------------------------------------ */

/* Classes of the ASCII characters (short names for the table only). */
#define SP HS_CC_SPACE
#define NL HS_CC_NL
#define LE HS_CC_LETTER
#define LO HS_CC_LOWER
#define UP HS_CC_UPPER
#define DI HS_CC_DIGIT
#define QU HS_CC_QUOTE
#define CU HS_CC_CURRENCY
#define PU HS_CC_PUNCT
const uint16_t hs_cc_ascii[128] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, SP, NL, SP, SP, SP, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    SP, PU, QU, 0, CU, 0, 0, QU,
    PU, PU, 0, 0, PU, PU, PU, PU,
    DI, DI, DI, DI, DI, DI, DI, DI,
    DI, DI, PU, PU, 0, 0, 0, PU,
    0, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP,
    LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP,
    LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP, LE|UP,
    LE|UP, LE|UP, LE|UP, PU, 0, PU, 0, 0,
    QU, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO,
    LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO,
    LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO, LE|LO,
    LE|LO, LE|LO, LE|LO, PU, 0, PU, 0, 0,
};
#undef SP
#undef NL
#undef LE
#undef LO
#undef UP
#undef DI
#undef QU
#undef CU
#undef PU

unsigned hs_cc_wide(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
        return HS_CC_QUOTE;
    case 0x2028: case 0x2029: case 0x0085:
        return HS_CC_NL;
    case 0x200B: case 0xFEFF: case 0x200E: case 0x200F: case 0x00AD:
        return HS_CC_SPACE; /* invisible characters separate nothing: treat as space */
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return HS_CC_LETTER | HS_CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return HS_CC_LETTER | HS_CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return HS_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return HS_CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return HS_CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return HS_CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return HS_CC_NL;
    case UTF8PROC_CATEGORY_SC:
        return HS_CC_CURRENCY;
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PC:
        return HS_CC_PUNCT;
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return HS_CC_SPACE;
    default:
        return 0;
    }
}

/* ---- word tables ---------------------------------------------------------- */

typedef struct {
    const char *w;
    int cls;
} abbrev_entry;

/* Abbreviations written with a final period, lower case, sorted.  TITLE: a
 * title before a name (the period never ends a sentence when a capitalised word
 * follows).  OTHER: may end a sentence.  NUMERIC: only before a number. */
static const abbrev_entry abbrevs[] = {
    {"adm", HS_AB_TITLE},   {"al", HS_AB_OTHER},     {"approx", HS_AB_OTHER},
    {"apr", HS_AB_OTHER},   {"assn", HS_AB_OTHER},   {"aug", HS_AB_OTHER},
    {"ave", HS_AB_OTHER},   {"blvd", HS_AB_OTHER},   {"bros", HS_AB_OTHER},
    {"capt", HS_AB_TITLE},  {"cf", HS_AB_OTHER},     {"cmdr", HS_AB_TITLE},
    {"co", HS_AB_OTHER},    {"col", HS_AB_TITLE},    {"corp", HS_AB_OTHER},
    {"cpl", HS_AB_TITLE},   {"dec", HS_AB_OTHER},    {"dept", HS_AB_OTHER},
    {"det", HS_AB_TITLE},   {"dr", HS_AB_TITLE},     {"ed", HS_AB_OTHER},
    {"eds", HS_AB_OTHER},   {"esp", HS_AB_OTHER},    {"est", HS_AB_OTHER},
    {"etc", HS_AB_OTHER},   {"feb", HS_AB_OTHER},    {"fig", HS_AB_OTHER},
    {"fr", HS_AB_TITLE},    {"ft", HS_AB_OTHER},     {"gen", HS_AB_TITLE},
    {"gov", HS_AB_TITLE},   {"hon", HS_AB_TITLE},    {"inc", HS_AB_OTHER},
    {"insp", HS_AB_TITLE},  {"jan", HS_AB_OTHER},    {"jr", HS_AB_OTHER},
    {"jul", HS_AB_OTHER},   {"jun", HS_AB_OTHER},    {"lt", HS_AB_TITLE},
    {"ltd", HS_AB_OTHER},   {"maj", HS_AB_TITLE},    {"messrs", HS_AB_TITLE},
    {"mr", HS_AB_TITLE},    {"mrs", HS_AB_TITLE},    {"ms", HS_AB_TITLE},
    {"mt", HS_AB_TITLE},    {"no", HS_AB_NUMERIC},   {"nos", HS_AB_NUMERIC},
    {"nov", HS_AB_OTHER},   {"oct", HS_AB_OTHER},    {"pp", HS_AB_OTHER},
    {"pres", HS_AB_TITLE},  {"prof", HS_AB_TITLE},   {"pt", HS_AB_OTHER},
    {"rep", HS_AB_TITLE},   {"reps", HS_AB_TITLE},   {"rev", HS_AB_TITLE},
    {"sen", HS_AB_TITLE},   {"sens", HS_AB_TITLE},   {"sep", HS_AB_OTHER},
    {"sept", HS_AB_OTHER},  {"sgt", HS_AB_TITLE},    {"sr", HS_AB_OTHER},
    {"st", HS_AB_TITLE},    {"supt", HS_AB_TITLE},   {"univ", HS_AB_OTHER},
    {"vol", HS_AB_OTHER},   {"vs", HS_AB_TITLE},
};

/* Words that usually begin a sentence: after an abbreviation such as "U.S."
 * or "Inc." they say a new sentence has started. */
static const char *const openers[] = {
    "a",     "after", "also",  "an",    "and",   "as",    "at",    "but",   "by",
    "for",   "he",    "her",   "his",   "however", "i",   "if",    "in",    "it",
    "its",   "meanwhile", "my", "no",   "now",   "on",    "our",   "she",   "so",
    "some",  "that",  "the",   "their", "then",  "there", "these", "they",  "this",
    "those", "to",    "we",    "what",  "when",  "while", "yes",   "you",
};

/* Nouns after which a quotation in title case is the title of a work:
 * the film “Silent Harbour”, her album ‘Glass Rooms’. */
static const char *const work_nouns[] = {
    "album",   "anthem",  "ballad",  "biopic",  "book",    "comedy",  "documentary",
    "docuseries", "drama", "ep",     "episode", "film",    "franchise", "hit",
    "memoir",  "movie",   "musical", "novel",   "opera",   "play",    "podcast",
    "poem",    "program", "programme", "reboot", "record", "remake",  "sequel",
    "series",  "show",    "single",  "sitcom",  "song",    "special", "thriller",
    "title",   "track",   "tune",
};

static int cmp_lower(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i])
            return c < (unsigned char)w[i] ? -1 : 1;
    }
    if (i < n)
        return 1;
    return w[i] ? -1 : 0;
}

static int find_word(const char *const *tab, size_t n_tab, const char *s, size_t n)
{
    size_t lo = 0, hi = n_tab;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_lower(s, n, tab[mid]);
        if (!c)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int hs_abbrev_class(const char *s, size_t n)
{
    size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
    if (n > 8)
        return HS_AB_NONE;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_lower(s, n, abbrevs[mid].w);
        if (!c)
            return abbrevs[mid].cls;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return HS_AB_NONE;
}

int hs_sentence_opener(const char *s, size_t n)
{
    return find_word(openers, sizeof openers / sizeof openers[0], s, n);
}

int hs_work_noun(const char *s, size_t n)
{
    return find_word(work_nouns, sizeof work_nouns / sizeof work_nouns[0], s, n);
}

int hs_quote_family(int32_t cp, int *dir)
{
    switch (cp) {
    case '"': *dir = 0; return 1;
    case 0x201C: *dir = +1; return 1; /* “ */
    case 0x201D: *dir = -1; return 1; /* ” */
    case 0x201E: *dir = +1; return 1; /* „ */
    case 0x201F: *dir = +1; return 1; /* ‟ */
    case '\'': *dir = 0; return 2;
    case 0x2018: *dir = +1; return 2; /* ‘ */
    case 0x2019: *dir = -1; return 2; /* ’ */
    case 0x201A: *dir = +1; return 2; /* ‚ */
    case 0x201B: *dir = +1; return 2; /* ‛ */
    case 0x00AB: *dir = +1; return 3; /* « */
    case 0x00BB: *dir = -1; return 3; /* » */
    case 0x2039: *dir = +1; return 4; /* ‹ */
    case 0x203A: *dir = -1; return 4; /* › */
    default: *dir = 0; return 0;
    }
}

/* Role nouns after a quoted title make it the title of a work:
 * the ‘Harbour Lights’ star, the “Night Shift” alum. */
static const char *const role_nouns[] = {
    "actor", "actress", "alum", "alumna", "alumnus", "cast", "co", "contestant", "costar",
    "creator", "director", "episode", "finale", "frontman", "host", "judge", "premiere",
    "producer", "season", "showrunner", "singer", "star", "stars", "trailer", "writer",
};

int hs_work_role_noun(const char *s, size_t n)
{
    return find_word(role_nouns, sizeof role_nouns / sizeof role_nouns[0], s, n);
}

/* Words after which a quotation in title case is a title: starred in “Salt
 * Marsh”, an episode titled “Dry Run”. */
static const char *const title_leads[] = {"called", "dubbed", "entitled", "in", "named", "on", "titled"};

int hs_title_lead(const char *s, size_t n)
{
    return find_word(title_leads, sizeof title_leads / sizeof title_leads[0], s, n);
}

/* Lower-case function words that may stay lower case inside a title. */
static const char *const title_small[] = {
    "a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "of", "on",
    "or", "the", "to", "with",
};

int hs_title_small_word(const char *s, size_t n)
{
    return find_word(title_small, sizeof title_small / sizeof title_small[0], s, n);
}

/* The tables above must stay sorted: 0 when they are, else the index of the
 * first table out of order (a unit test checks it). */
int hs_text_tables_check(void)
{
    const char *const *tabs[] = {openers, work_nouns, role_nouns, title_small, title_leads};
    size_t lens[] = {sizeof openers / sizeof *openers, sizeof work_nouns / sizeof *work_nouns,
                     sizeof role_nouns / sizeof *role_nouns, sizeof title_small / sizeof *title_small,
                     sizeof title_leads / sizeof *title_leads};
    for (size_t t = 0; t < 5; t++)
        for (size_t i = 1; i < lens[t]; i++)
            if (strcmp(tabs[t][i - 1], tabs[t][i]) >= 0)
                return (int)t + 1;
    for (size_t i = 1; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (strcmp(abbrevs[i - 1].w, abbrevs[i].w) >= 0)
            return 5;
    return 0;
}
