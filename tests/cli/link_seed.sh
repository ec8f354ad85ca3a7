# The seed article (../shared/examples, beside the repository in CI): the link
# and relate layers find Tom Cruise, Ana de Armas, Nicole Kidman and Penelope
# Cruz as PERSON entities with name variants, descriptors and pronouns merged,
# and the relations issue 5 lists, with their statuses.
SEED="$ROOT/../shared/examples/seed-article.txt"
[ -e "$SEED" ] || { echo "missing $SEED"; exit 1; }
out=$("$HS" analyze --summary "$SEED") || { echo "analyze failed: $?"; exit 1; }
fail=0
# mentions of an entity: the "as:" line after its entity line
mentions_of() { echo "$out" | grep -A1 -E "^ +E[0-9]+ PERSON +$1 \(" | sed -n 2p; }
need_mention() { # ENTITY MENTION
    mentions_of "$1" | tr '|' '\n' | sed 's/^ *\(as: \)*//; s/ *$//' | grep -qx -- "$2" ||
        { echo "$1 lacks the mention '$2'"; fail=1; }
}
for m in "Tom Cruise" Cruise Tom "the action star" "the Mission Impossible star" He his; do
    need_mention "Tom Cruise" "$m"
done
for m in "Ana de Armas" "de Armas" Ana "The Bond Girl" "the Deep Water star" she her; do
    need_mention "Ana de Armas" "$m"
done
for p in "Nicole Kidman" "Penelope Cruz"; do
    line=$(mentions_of "$p")
    [ "$line" = "        as: $p" ] || { echo "$p: want only its name, got '$line'"; fail=1; }
done
need_rel() { # TYPE A B STATUS-REGEX
    echo "$out" | grep -qE "^ +R[0-9]+ $1: ($2 — $3|$3 — $2) \(($4)\)" || { echo "no $1($2, $3) with status $4"; fail=1; }
}
need_rel romance "Tom Cruise" "Ana de Armas" rumored
need_rel former_partner "Tom Cruise" "Nicole Kidman" "asserted|reported|rumored"
need_rel former_partner "Tom Cruise" "Penelope Cruz" "asserted|reported|rumored"
need_rel romance "Ana de Armas" "Manuel Anido Cuesta" "reported|rumored"
need_rel family "Manuel Anido Cuesta" "Miguel Díaz-Canel Bermúdez" "asserted|reported"
echo "$out" | grep -qE "^ +R[0-9]+ meeting: Tom Cruise — Ana de Armas \([a-z]+\) 2025-02-13$" ||
    { echo "the dinner is not dated 2025-02-13"; fail=1; }
echo "$out" | grep -qE "romance: Ana de Armas — Manuel Anido Cuesta \([a-z]+\) 2024$" ||
    { echo "romance(de Armas, Anido Cuesta) not dated 2024"; fail=1; }
# issue 3: the people are PERSON entities, the two outlets ORG outlets, and no
# entity typed PERSON is named by a word of "Valentine", "Bond Girl" or "Leading
# Man Whisperer" (a holiday, a role, an epithet)
for p in "Tom Cruise" "Ana de Armas" "Nicole Kidman" "Penelope Cruz" "Manuel Anido Cuesta"; do
    echo "$out" | grep -qE "^ +E[0-9]+ PERSON +$p \(" || { echo "$p is not a PERSON entity"; fail=1; }
done
for o in "US Sun" "In Touch Weekly"; do
    echo "$out" | grep -qE "^ +E[0-9]+ ORG +$o \[outlet\] \(" || { echo "$o is not an ORG outlet"; fail=1; }
done
echo "$out" | grep -E "^ +E[0-9]+ PERSON " | grep -qE "Valentine|Bond|Girl|Leading|Whisperer" &&
    { echo "a PERSON named by Valentine, Bond Girl or Leading Man Whisperer: $(echo "$out" | grep -E '^ +E[0-9]+ PERSON ')"; fail=1; }
exit $fail
