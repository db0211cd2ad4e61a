"""The actors stage: mentions of people, organisations and places, one identity per real-world actor.

Steps, each cheap:
1. candidate mentions: spaCy's entities plus knowledge-base phrase matches (which catch what
   the small model mislabels or misses);
2. linking: exact or alias match in the KB, else a guarded fuzzy match ("Anthony Brinken" ->
   Antony Blinken), with the article date choosing the role in force;
3. in-document clustering: surnames and first names join the nearest compatible full name
   ("Wang" after "Wang Huiyao" is Wang Huiyao, after "Wang Yi" is Wang Yi), spelling variants
   join by edit distance but never across different given names;
4. codes from context for actors the KB does not know: premodifiers and appositions
   ("China's Foreign Minister Qin Gang", "a Beijing think tank", "Former Pentagon official");
5. collective actors: a country word plus a role noun ("Chinese officials", "China's foreign
   ministry") is coded country + role; the country named inside is a mention of the country too;
6. genders of persons (KB, gendered titles and descriptions, the first name from
   gender-guesser's dictionary, the article's own pronouns), for "he" and "she".
7. names inside longer names ("Andy Warhol" in "the Andy Warhol Foundation", "China" in "Bank of
   China") are mentions of their own actors too; dateline places ("ST. PAUL, Minn. (AP) -") are
   place mentions no event takes as an actor; byline names are writers, never KB namesakes.
Each mention says how it names its actor (`form`: name, demonym, role phrase, dateline).
`Resolver` then maps any token (a name, a pronoun, "the secretary") to an actor id, which is
what the quote and event stages use.

Steps, one file each: `spans` (candidate mentions), `linking` (KB links and clusters), `nested`
(names inside names), `codes` (codes from context, collective actors), `genders`, `resolver`;
`names` and `words` hold the name helpers and word lists they share; `stage` runs them over a
document.
"""
from .names import stance_prefixed
from .resolver import Resolver
from .stage import ActorStage
from .words import FEMALE, LOCATED_ROLES, MALE

__all__ = ["ActorStage", "FEMALE", "LOCATED_ROLES", "MALE", "Resolver", "stance_prefixed"]
