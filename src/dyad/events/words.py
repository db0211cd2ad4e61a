"""The closed word classes the event rules consult: auxiliaries and heads of modality, reporting
verbs, light verbs, roles, and the prepositions and dependencies the parse walks use.

They are word CLASSES (every member behaves alike in the rule that uses it), not lists of the words
of particular sentences."""
from __future__ import annotations


INTENT_AUX = {"will", "would", "shall", "'ll", "wo"}  # "wo" is the first half of "won't"
SPECULATIVE_AUX = {"could", "may", "might"}
OBLIGATION_AUX = {"must", "should", "ought"}
# verbs whose to-infinitive is an obligation: "needs to meet", "has to release", "ought to sanction"
OBLIGATION_HEADS = {"need", "have", "ought"}
# adjectives saying an act cannot happen: "will be unable to accuse X" reports no accusation
INABILITY_ADJ = {"unable", "incapable", "powerless", "impossible"}
INTENT_HEADS = {"plan", "intend", "promise", "pledge", "vow", "offer", "aim", "want", "wish", "prepare", "propose",
                "agree", "seek", "undertake", "resolve", "mean", "threaten", "warn", "expect", "hope", "commit",
                "volunteer", "move", "go"}
INTENT_ADJ = {"ready", "willing", "prepared", "set", "poised", "eager", "determined", "keen", "due", "likely",
              "expected", "committed", "about"}
THREAT_HEADS = {"threaten", "warn"}
DESIRE_HEADS = {"want", "wish", "hope", "expect", "like", "prefer", "need", "fear", "doubt", "believe", "think"}
REFUSAL_HEADS = {"refuse", "decline", "reject"}
NEGATING_HEADS = {"fail", "avoid", "refrain", "deny", "dismiss", "refute", "rebut", "neglect", "cease"}
REPORT_HEADS = {"say", "tell", "announce", "state", "add", "declare", "report", "claim", "insist", "reiterate",
                "stress", "note", "confirm", "reveal", "explain", "argue", "assert", "emphasize", "emphasise",
                "indicate", "write", "tweet", "affirm", "believe", "think", "quote", "acknowledge", "admit",
                "warn", "caution", "predict", "suggest", "hint", "signal", "maintain", "contend"}
LIGHT_VERBS = {"have", "hold", "make", "pay", "give", "take", "conduct", "stage", "launch", "mount", "carry",
               "begin", "start", "continue", "resume", "undertake", "lead", "get", "do", "see", "expect", "plan",
               "propose", "announce", "consider", "press", "push", "pursue", "intensify", "escalate", "expand",
               "step", "widen", "deepen", "keep", "maintain", "complete", "finish", "end", "conclude"}
# determiners that point back to something already named: "this statement" is one reported before
DEMONSTRATIVES = {"this", "that", "these", "those"}
# pronouns that mostly stand for a thing, not for someone ("called it a good deal", "what he called fraud")
NEUTER_PRONOUNS = {"it", "this", "that", "these", "those", "which", "what"}
REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
INTENT_NOUNS = {"agreement", "consensus", "deal", "plan", "decision", "pledge", "promise", "offer", "commitment",
                "proposal", "bid", "readiness", "willingness", "intention", "understanding", "invitation", "request",
                "call", "appeal", "demand"}
STATE_ROLES = {None, "", "GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
PROTEST_NOUNS = {"protest", "defiance", "retaliation", "response", "reprisal", "revenge", "solidarity", "support"}
# violence verbs that campaign and opinion writing use for words: "hit", "pounded Trump as a con artist"
METAPHOR_VERBS = {"hit", "pound", "hammer", "batter", "lash", "savage", "bash", "whack", "pummel", "punch", "knock",
                  "attack", "target", "fire", "shoot", "torpedo", "skewer", "gut"}
ARMED_ROLES = {"MIL", "REB", "UAF", "COP", "SPY", "CRM", "INS"}
REFLEXIVES = {"himself", "herself", "itself", "themselves", "oneself", "myself", "ourselves", "yourself"}
# what kills without an attacker, and attacks whose "in" names the attacker's act
ACCIDENTS = {"crash", "accident", "collision", "earthquake", "quake", "flood", "floods", "flooding", "storm", "hurricane",
             "typhoon", "cyclone", "tornado", "avalanche", "landslide", "mudslide", "blaze", "disease",
             "outbreak", "epidemic", "virus", "heatwave", "drought", "stampede", "derailment", "tsunami",
             "wind", "winds", "gust", "gusts", "rain", "rains", "rainfall", "downpour", "snow", "snowstorm", "hail",
             "lightning", "blizzard", "monsoon", "gale", "gales", "wildfire", "wildfires", "pandemic", "weather"}
ATTACK_NOUNS = {"shelling", "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
                "bombardment", "bombing", "bombings", "ambush", "assault", "offensive", "gunfire", "crossfire",
                "clash", "clashes", "fighting", "operation", "crackdown"}
# nouns of negotiation whose "with" names a counterpart
TALK_NOUNS = {"talk", "talks", "deliberation", "deliberations", "negotiation", "negotiations", "consultation",
              "consultations", "meeting", "meetings", "discussion", "discussions", "agreement", "deal"}
# administrative sanctions (and threats of them) a state imposes on its own country: curfews,
# martial law, bans on parties; with no other target, that country is the target
DOMESTIC_CODES = {"172", "1721", "1722", "1723", "1724", "132", "1321", "1322", "1323", "1324"}
# what does violence when no actor is named: its instrument or an unnamed attacker
UNIDENTIFIED_CAUSES = {"bomb", "bombs", "bombing", "bombings", "blast", "blasts", "explosion", "explosions", "device",
                       "devices", "ied", "ieds", "landmine", "landmines", "mine", "mines", "grenade", "grenades",
                       "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "bomber", "bombers",
                       "kidnapper", "kidnappers", "sniper", "snipers", "car-bomb", "booby-trap"}
ADJUNCT_PREPS = {"after", "before", "during", "in", "at", "despite", "since", "until", "following", "amid", "amidst",
                 "ahead", "because", "like", "near", "outside", "inside", "throughout", "under", "within",
                 "without", "while", "prior"}
PLACE_PREPS = {"in", "at", "near", "into", "inside", "outside", "throughout", "across", "around", "on"}
OTHER_TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "toward", "towards", "for", "over", "into", "upon")
EMBED_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "acomp", "attr", "nsubjpass", "advcl",
              "dative", "oprd", "appos", "compound"}
CLAUSAL = {"xcomp", "ccomp", "acomp", "advcl"}
ACTOR_DOWN_DEPS = {"compound", "poss", "amod", "nmod", "appos"}
ACTOR_DOWN_PREPS = ("of", "by", "from", "for", "in", "throughout", "across")
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
STATIVE = {"oppose", "commit", "determine", "prepare", "dedicate", "concern", "worry", "alarm", "disappoint",
           "satisfy", "engage", "involve", "interest", "dismay", "anger", "outrage", "bind", "resolve"}
# nouns for people that the KB's role vocabulary does not list: an object of this kind is animate
ANIMATE_NOUNS = {"people", "person", "man", "men", "woman", "women", "child", "children", "boy", "boys", "girl",
                 "girls", "villager", "villagers", "resident", "residents", "passenger", "passengers", "family",
                 "families", "member", "members", "victim", "victims", "hostage", "hostages", "prisoner",
                 "prisoners", "crew", "worker", "workers", "civilian", "civilians", "individual", "individuals"}
# nouns of people named by their opposition to someone: "attacked her opponent" is words, not force
ADVERSARIES = {"opponent", "rival", "challenger", "critic", "adversary", "foe", "detractor", "competitor", "nemesis"}
# verbs that only report speech: whatever code a dictionary gives them, they carry the reported clause
# (coded on its own) and are a statement only when nothing else in the sentence is coded
SPEECH_VERBS = {"say", "tell", "state", "add", "report", "reiterate", "note", "explain", "write", "tweet", "quote",
                "remark", "comment", "reply", "respond", "announce", "declare", "stress", "emphasize", "emphasise"}
# being held: "in detention", "under house arrest"-like conditions of the one held, not someone's act
HELD_NOUNS = {"detention", "custody", "captivity", "confinement", "exile"}


# verbs whose subject receives the act their object noun names: "X faced criticism", "drew
# condemnation from Y", "came under pressure", "won praise" (the act's source is its "from" phrase)
UNDERGO_VERBS = {"face", "draw", "receive", "suffer", "attract", "endure", "weather", "meet", "come", "win", "earn",
                 "get", "incur", "invite", "provoke", "spark"}
# entity types of names: a trigger noun inside one ("Star Alliance", "the Peace Corps", "the Marshall
# Plan") is a word of the name, not an act (events have their own type, EVENT, and are not listed)
NAME_ENTITIES = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "PRODUCT"}
